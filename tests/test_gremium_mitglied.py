"""`netzwerk gremium mitglied hinzufuegen | beenden` und `netzwerk person ausscheiden`: Sitzregeln
am Beginn und an jedem späteren Datum, minimale Diffs, Einträge werden nie gelöscht, ein Commit
mit genau den geänderten Dateien, Ablehnungen ohne geänderte Datei."""

from __future__ import annotations

import pytest
from aktionen_hilfen import abgelehnt, commits, ein_commit
from conftest import git
from empfehlung_hilfen import aenderungen, lies

GREMIUM = "steuerungsgruppe-beispielkreis"
DATEI = f"gremien/{GREMIUM}.yaml"


@pytest.fixture
def repo(git_beispiel):
    """Git-Kopie mit einer neuen Leitung des Ordnungsamts (passt in die Sitzgruppe „amtsleitungen“)."""
    (git_beispiel / "personen/olaf-ordnung.yaml").write_text(
        "name: Olaf Ordnung\norganisation: beispielkreis-ordnungsamt\nrollen: [amtsleitung]\nbeispiel: true\n", encoding="utf-8"
    )
    git(git_beispiel, "add", "-A")
    git(git_beispiel, "commit", "-q", "-m", "Olaf Ordnung")
    return git_beispiel


def test_beenden_mit_nachfolge_minimaler_diff_und_ein_commit(cli, repo, tmp_path):
    alt = (repo / DATEI).read_text(encoding="utf-8")
    ausgabe = ein_commit(cli, repo, tmp_path, ["gremium", "mitglied", "beenden", GREMIUM, "tom-test", "--bis", "2026-10-31",
                                               "--nachfolge", "olaf-ordnung"], [DATEI])
    assert "olaf-ordnung folgt auf tom-test (2026-11-01)" in ausgabe
    weg, dazu = aenderungen(alt, (repo / DATEI).read_text(encoding="utf-8"))
    assert weg == []
    assert dazu == ["    bis: 2026-10-31\n", "  - person: olaf-ordnung\n", "    sitzgruppe: amtsleitungen\n",
                    "    von: 2026-11-01\n", "    notiz: Nachfolge von tom-test\n"]
    mitglieder = lies(repo / DATEI)["mitglieder"]
    assert {"person": "tom-test", "sitzgruppe": "amtsleitungen", "von": "2022-03-15", "bis": "2026-10-31"} in mitglieder
    assert git(repo, "log", "-1", "--format=%(trailers:key=Nachfolge,valueonly)").strip() == "olaf-ordnung"


def test_dry_run_zeigt_diff(cli, repo):
    r = cli("gremium", "mitglied", "beenden", GREMIUM, "tom-test", "--bis", "2026-10-31", "--daten", repo, "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert f"--- a/{DATEI}\n+++ b/{DATEI}\n" in r.stdout and "+    bis: 2026-10-31\n" in r.stdout
    assert git(repo, "status", "--porcelain") == ""


def test_hinzufuegen_ueberbesetzt_nennt_sitzgruppe_und_regel(cli, repo):
    meldung = abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen",
                                    "--von", "2026-07-01"],
                        "verletzt die Sitzregeln; nichts geändert", "[sitz-ueberbesetzt] Sitzgruppe „Führungsebene der Ämter“: 5 Mitglieder für 4 Sitze",
                        "Regel der Sitzgruppe „Führungsebene der Ämter“: 4 Sitze; je organisation genau eine(r) aus")
    assert "am 2026-07-01" in meldung


def test_hinzufuegen_je_organisation_schon_besetzt_und_rolle_fehlt(cli, repo):
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "bernd-beleg", "--sitzgruppe", "amtsleitungen", "--von", "2026-07-01"],
              "verlangt die Rolle „amtsleitung“; Bernd Beleg hat sie nicht", "[sitz-regel]")


def test_hinzufuegen_organisationstyp_falsch(cli, repo):
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "kreistagsfraktionen", "--von", "2026-07-01"],
              "verlangt eine Organisation vom Typ fraktion")


def test_hinzufuegen_prueft_auch_spaetere_daten(cli, repo):
    """Vor dem Ausscheiden von tom-test ist der Sitz frei zu besetzen? Nein: olaf-ordnung ab 2026-07-01
    ist erst nach dem (in den Daten schon eingetragenen) Ende von tom-test zulässig – und ein Beginn
    davor wird an diesem späteren Datum nicht wieder zulässig."""
    assert cli("gremium", "mitglied", "beenden", GREMIUM, "tom-test", "--bis", "2026-10-31", "--daten", repo, "--commit").exit_code == 0
    # ab 2026-10-01 passt es
    r = cli("gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen", "--von", "2026-11-01", "--daten", repo, "--dry-run")
    assert r.exit_code == 0, r.stderr
    # ab 2026-07-01 nicht (je organisation: ordnungsamt doppelt bis 2026-10-31)
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen", "--von", "2026-07-01"],
              "„beispielkreis-ordnungsamt“ ist schon durch Eintrag")


def test_zwei_gezaehlte_sitze_abgelehnt(cli, repo):
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "tom-test", "--sitzgruppe", "gemeinden", "--von", "2026-07-01"],
              "[mitglied-doppelt]", "zugleich zwei gezählte Sitze")


def test_stellvertretung_hinzufuegen(cli, repo, tmp_path):
    ein_commit(cli, repo, tmp_path, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen",
                                     "--von", "2026-07-01", "--art", "stellvertretung", "--vertritt", "tom-test"], [DATEI])
    assert lies(repo / DATEI)["mitglieder"][-1] == {
        "person": "olaf-ordnung", "sitzgruppe": "amtsleitungen", "art": "stellvertretung", "vertritt": "tom-test", "von": "2026-07-01"
    }


def test_aufruffehler(cli, repo):
    r = cli("gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen", "--von", "01.07.2026", "--daten", repo)
    assert r.exit_code == 2 and "JJJJ-MM-TT" in r.stderr
    r = cli("gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "amtsleitungen", "--von", "2026-07-01",
            "--art", "stellvertretung", "--daten", repo)
    assert r.exit_code == 2 and "--vertritt" in r.stderr


def test_unbekannte_sitzgruppe_und_person(cli, repo):
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnung", "--sitzgruppe", "aemter", "--von", "2026-07-01"],
              "Sitzgruppe „aemter“ gibt es im Gremium", "amtsleitungen")
    abgelehnt(cli, repo, ["gremium", "mitglied", "hinzufuegen", GREMIUM, "olaf-ordnug", "--sitzgruppe", "amtsleitungen", "--von", "2026-07-01"],
              "Person „olaf-ordnug“ gibt es nicht", "meinten Sie „olaf-ordnung“")


def test_beenden_ohne_laufende_mitgliedschaft(cli, repo):
    abgelehnt(cli, repo, ["gremium", "mitglied", "beenden", GREMIUM, "max-muster", "--bis", "2026-10-31"], "keine Mitgliedschaft, die am 2026-10-31 noch läuft")


def test_beenden_endet_auch_die_stellvertretung(cli, repo, tmp_path):
    ausgabe = ein_commit(cli, repo, tmp_path, ["gremium", "mitglied", "beenden", GREMIUM, "erika-beispiel", "--bis", "2026-10-31"], [DATEI])
    mitglieder = lies(repo / DATEI)["mitglieder"]
    olga = next(m for m in mitglieder if m["person"] == "olga-vorlage")
    assert olga["bis"] == "2026-10-31"
    assert "erika-beispiel scheidet zum 2026-10-31 aus" in ausgabe


def test_person_ausscheiden_alles_in_einem_commit(cli, repo, tmp_path):
    ag = "arbeitsgruppen/ag-wohnraum-fuer-gefluechtete.yaml"
    ein_commit(cli, repo, tmp_path, ["person", "ausscheiden", "felix-fiktiv", "--bis", "2026-12-31"], [DATEI, ag])
    gremium = lies(repo / DATEI)
    assert next(m for m in gremium["mitglieder"] if m["person"] == "felix-fiktiv")["bis"] == "2026-12-31"
    ag_daten = lies(repo / ag)
    assert ag_daten["leitung"] == []
    assert next(m for m in ag_daten["mitglieder"] if m.get("person") == "felix-fiktiv")["bis"] == "2026-12-31"


def test_person_ausscheiden_ohne_laufendes_abgelehnt(cli, repo):
    vorher = commits(repo)
    abgelehnt(cli, repo, ["person", "ausscheiden", "max-muster", "--bis", "2026-12-31"], "keine laufende Mitgliedschaft")
    assert commits(repo) == vorher
