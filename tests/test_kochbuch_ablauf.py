"""Der Ablauf aus docs/KOCHBUCH.md auf einer Git-Kopie von data/, nur mit Befehlen: eine neue Person,
ein Mitglied wechselt, ein Sitzungsprotokoll, eine AG eingesetzt und abgeschlossen. Jeder Schritt
ist genau ein kleiner Commit mit genau den geänderten Dateien, der committete Stand besteht
`validate`, und jede Ablehnung lässt alle Dateien unberührt (Issue 14, „Done when“)."""

from __future__ import annotations

from aktionen_hilfen import abgelehnt, ein_commit

GREMIUM = "steuerungsgruppe-beispielkreis"
SITZUNG = f"{GREMIUM}-2027-03-17"
NEUE_SITZUNG = f"{GREMIUM}-2027-07-14"
SPAETER = "2027-07-15"  # nach allen Terminen des Ablaufs: so zählen die Beispielsitzungen als vergangen


def test_koordination_nur_mit_befehlen(cli, git_beispiel, tmp_path):
    repo = git_beispiel
    # eine neue Person
    ein_commit(
        cli, repo, tmp_path,
        ["person", "neu", "--name", "Olaf Ordnung", "--organisation", "beispielkreis-ordnungsamt",
         "--funktion", "Leiter des Ordnungsamts", "--rolle", "amtsleitung"],
        ["personen/olaf-ordnung.yaml"], SPAETER,
    )
    # ein Mitglied wechselt (die Nachfolge in derselben Änderung)
    abgelehnt(cli, repo, ["gremium", "mitglied", "beenden", GREMIUM, "gibt-es-nicht", "--bis", "2026-10-31"], "gibt-es-nicht")
    ein_commit(
        cli, repo, tmp_path,
        ["gremium", "mitglied", "beenden", GREMIUM, "tom-test", "--bis", "2026-10-31", "--nachfolge", "olaf-ordnung"],
        [f"gremien/{GREMIUM}.yaml"], SPAETER,
    )
    # Protokoll: Anwesenheit, Beschlüsse, und die entschiedene Empfehlung im selben Commit
    protokoll = [
        "sitzung", "protokoll", SITZUNG,
        "--anwesend", "paula-probe,otto-platzhalter,karl-exempel,jana-musterfrau,erika-beispiel,nina-neu,lisa-probe,felix-fiktiv,maria-muster",
        "--entschuldigt", "olaf-ordnung", "--beschluss", "1:angenommen:8:0:1", "--beschluss", "2:zur_kenntnis_genommen",
        "--stichtag", "2027-03-18",
    ]
    abgelehnt(cli, repo, [*protokoll[:-2], "--beschluss", "9:angenommen", "--stichtag", "2027-03-18"])  # Punkt 9 gibt es nicht
    ein_commit(cli, repo, tmp_path, protokoll, ["empfehlungen/2026/2026-003.yaml", f"sitzungen/2027/{SITZUNG}.yaml"], SPAETER)
    # eine AG einsetzen (in einer geplanten Sitzung) und eine abschließen
    ein_commit(cli, repo, tmp_path, ["sitzung", "vorbereiten", GREMIUM, "--datum", "2027-07-14"], [f"sitzungen/2027/{NEUE_SITZUNG}.yaml"], SPAETER)
    ein_commit(
        cli, repo, tmp_path,
        ["ag", "einsetzen", "--gremium", GREMIUM, "--sitzung", NEUE_SITZUNG, "--name", "AG Sprachmittlung",
         "--thema", "Sprachmittlung in Beratungsstellen und Ämtern", "--ende-geplant", "2028-06-30", "--leitung", "maria-muster"],
        ["arbeitsgruppen/ag-sprachmittlung.yaml", f"sitzungen/2027/{NEUE_SITZUNG}.yaml"], SPAETER,
    )
    ein_commit(
        cli, repo, tmp_path,
        ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2027-07-14", "--sitzung", NEUE_SITZUNG],
        ["arbeitsgruppen/ag-wohnraum-fuer-gefluechtete.yaml"], SPAETER,
    )
