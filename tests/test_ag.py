"""`netzwerk ag einsetzen` und `netzwerk ag abschliessen`: id aus dem Namen, die Tagesordnung der
Sitzung führt die Einsetzung auf (bei geplanter Sitzung ergänzt), ein Commit mit genau den
geänderten Dateien, Ablehnungen lassen jede Datei Byte für Byte gleich."""

from __future__ import annotations

from aktionen_hilfen import abgelehnt, ein_commit
from conftest import git
from empfehlung_hilfen import aenderungen, lies, schnappschuss

GREMIUM = "steuerungsgruppe-beispielkreis"
GEPLANT = f"{GREMIUM}-2027-03-17"
GEHALTEN = f"{GREMIUM}-2026-10-14"
NEU = "arbeitsgruppen/ag-sprachmittlung.yaml"
WOHNRAUM = "arbeitsgruppen/ag-wohnraum-fuer-gefluechtete.yaml"


def einsetzen(sitzung: str = GEPLANT, *zusatz: str, name: str = "AG Sprachmittlung") -> list[str]:
    return ["ag", "einsetzen", "--gremium", GREMIUM, "--sitzung", sitzung, "--name", name, "--thema", "Sprachmittlung in Beratungsstellen", *zusatz]


def sitzungsdatei(sitzung: str) -> str:
    return f"sitzungen/{sitzung.rsplit('-', 3)[1]}/{sitzung}.yaml"


def test_einsetzen_in_geplanter_sitzung_ergaenzt_tagesordnung(cli, git_beispiel, tmp_path):
    datei = sitzungsdatei(GEPLANT)
    alt = (git_beispiel / datei).read_text(encoding="utf-8")
    ausgabe = ein_commit(
        cli, git_beispiel, tmp_path, einsetzen(GEPLANT, "--ende-geplant", "2028-03-31", "--leitung", "maria-muster"), [NEU, datei]
    )
    assert f"ag ag-sprachmittlung: eingesetzt von {GREMIUM} (2027-03-17)" in ausgabe
    assert lies(git_beispiel / NEU) == {
        "name": "AG Sprachmittlung",
        "thema": "Sprachmittlung in Beratungsstellen",
        "eingesetzt_von": GREMIUM,
        "eingesetzt_in": GEPLANT,
        "status": "geplant",
        "beginn": "2027-03-17",
        "ende_geplant": "2028-03-31",
        "leitung": ["maria-muster"],
        "mitglieder": [{"person": "maria-muster", "funktion": "Leitung", "von": "2027-03-17"}],
    }
    weg, dazu = aenderungen(alt, (git_beispiel / datei).read_text(encoding="utf-8"))
    assert weg == []
    assert dazu == ["  - nummer: 3\n", "    titel: Einsetzung der AG Sprachmittlung\n", "    arbeitsgruppen:\n", "      - ag-sprachmittlung\n"]
    assert git(git_beispiel, "log", "-1", "--format=%(trailers:key=Arbeitsgruppe,valueonly)").strip() == "ag-sprachmittlung"


def test_einsetzen_gehaltene_sitzung_mit_punkt_im_titel(cli, git_beispiel, tmp_path):
    """Eine durchgeführte Sitzung, deren Tagesordnung die Einsetzung im Titel nennt: die id kommt
    unter `arbeitsgruppen` dazu, die AG ist sofort aktiv."""
    datei = sitzungsdatei(GEHALTEN)
    pfad = git_beispiel / datei
    pfad.write_text(pfad.read_text(encoding="utf-8").replace(
        "beispiel: true\n", "  - nummer: 3\n    titel: Einsetzung der AG Sprachmittlung\n    beschluss:\n      ergebnis: angenommen\nbeispiel: true\n"
    ), encoding="utf-8")
    git(git_beispiel, "commit", "-qam", "Punkt 3")
    alt = pfad.read_text(encoding="utf-8")
    ein_commit(cli, git_beispiel, tmp_path, einsetzen(GEHALTEN), [NEU, datei])
    weg, dazu = aenderungen(alt, pfad.read_text(encoding="utf-8"))
    assert weg == [] and dazu == ["    arbeitsgruppen:\n", "      - ag-sprachmittlung\n"]
    assert lies(git_beispiel / NEU)["status"] == "aktiv"


def test_einsetzen_gehaltene_sitzung_ohne_punkt_abgelehnt(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, einsetzen(GEHALTEN), "führt die Einsetzung nicht auf", "nicht nachträglich ergänzt")


def test_einsetzen_abgelehnter_punkt(cli, git_beispiel):
    pfad = git_beispiel / sitzungsdatei(GEHALTEN)
    pfad.write_text(pfad.read_text(encoding="utf-8").replace(
        "beispiel: true\n", "  - nummer: 3\n    titel: Einsetzung der AG Sprachmittlung\n    beschluss:\n      ergebnis: abgelehnt\nbeispiel: true\n"
    ), encoding="utf-8")
    git(git_beispiel, "commit", "-qam", "Punkt 3")
    abgelehnt(cli, git_beispiel, einsetzen(GEHALTEN), "die Einsetzung wurde abgelehnt")


def test_einsetzen_sitzung_eines_anderen_gremiums(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, einsetzen("sozialausschuss-konstanz-2019-09-30"), "ist eine Sitzung von „sozialausschuss-konstanz“")


def test_einsetzen_unbekannte_leitung_und_falsches_ende(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, einsetzen(GEPLANT, "--leitung", "maria-muter"), "meinten Sie „maria-muster“?")
    abgelehnt(cli, git_beispiel, einsetzen(GEPLANT, "--ende-geplant", "2027-01-01"), "liegt nicht nach der Einsetzung am 2027-03-17")
    abgelehnt(cli, git_beispiel, einsetzen("steuerungsgruppe-beispielkreis-2027-03-18"), "meinten Sie „steuerungsgruppe-beispielkreis-2027-03-17“?")


def test_einsetzen_freie_id_und_dry_run(cli, git_beispiel):
    vorher = schnappschuss(git_beispiel)
    r = cli(*einsetzen(GEPLANT, "--dry-run", name="AG Wohnraum für Geflüchtete"), "--daten", git_beispiel)
    assert r.exit_code == 0, r.stderr
    assert "+++ b/arbeitsgruppen/ag-wohnraum-fuer-gefluechtete-2.yaml\n" in r.stdout
    assert "(Probelauf: nichts geschrieben)" in r.stdout
    assert schnappschuss(git_beispiel) == vorher


def test_einsetzen_leerer_name_ist_aufruffehler(cli, git_beispiel):
    r = cli(*einsetzen(GEPLANT, name="  "), "--daten", git_beispiel)
    assert r.exit_code == 2 and "--name darf nicht leer sein" in r.stderr


def test_abschliessen(cli, git_beispiel, tmp_path):
    alt = (git_beispiel / WOHNRAUM).read_text(encoding="utf-8")
    ausgabe = ein_commit(cli, git_beispiel, tmp_path, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2026-11-20"], [WOHNRAUM])
    assert "ag ag-wohnraum-fuer-gefluechtete: abgeschlossen am 2026-11-20" in ausgabe
    weg, dazu = aenderungen(alt, (git_beispiel / WOHNRAUM).read_text(encoding="utf-8"))
    assert weg == ["status: aktiv\n"]
    assert dazu == ["status: abgeschlossen\n", "abgeschlossen_am: 2026-11-20\n"]
    abgelehnt(cli, git_beispiel, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2026-11-21"], "ist schon abgeschlossen (2026-11-20)")


def test_abschliessen_mit_sitzung(cli, git_beispiel, tmp_path):
    """Die geplante Sitzung führt die AG schon auf (Zwischenbericht): nur die AG-Datei ändert sich."""
    ein_commit(cli, git_beispiel, tmp_path, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2026-11-20", "--sitzung", GEPLANT], [WOHNRAUM])
    assert git(git_beispiel, "log", "-1", "--format=%(trailers:key=Sitzung,valueonly)").strip() == GEPLANT


def test_abschliessen_abgelehnt(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2025-01-01"], "liegt vor dem Beginn der AG (2025-03-12)")
    abgelehnt(cli, git_beispiel, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtet", "--am", "2026-11-20"], "meinten Sie „ag-wohnraum-fuer-gefluechtete“?")
    abgelehnt(cli, git_beispiel, ["ag", "abschliessen", "ag-wohnraum-fuer-gefluechtete", "--am", "2026-11-20", "--sitzung", f"{GREMIUM}-2023-06-21"],
              "führt den Abschluss nicht auf")
