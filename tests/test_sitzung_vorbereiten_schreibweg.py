"""`netzwerk sitzung vorbereiten` auf dem gemeinsamen Schreibweg: --dry-run zeigt die neue Datei
als Diff und schreibt nichts, --commit macht genau einen Commit mit genau dieser Datei, dessen
Stand validate besteht; Ablehnungen lassen alles unverändert."""

from __future__ import annotations

from aktionen_hilfen import abgelehnt, ein_commit
from conftest import git
from empfehlung_hilfen import lies, schnappschuss

GREMIUM = "steuerungsgruppe-beispielkreis"
DATEI = f"sitzungen/2027/{GREMIUM}-2027-07-14.yaml"


def test_dry_run_zeigt_neue_datei_und_schreibt_nichts(cli, git_beispiel):
    vorher = schnappschuss(git_beispiel)
    r = cli("sitzung", "vorbereiten", GREMIUM, "--datum", "2027-07-14", "--ort", "online", "--dry-run", "--daten", git_beispiel)
    assert r.exit_code == 0, r.stderr
    assert f"--- /dev/null\n+++ b/{DATEI}\n" in r.stdout
    assert f"+gremium: {GREMIUM}\n" in r.stdout and "+status: geplant\n" in r.stdout and "+ort: online\n" in r.stdout
    assert "(Probelauf: nichts geschrieben)" in r.stdout and "Sitzung angelegt" not in r.stdout
    assert schnappschuss(git_beispiel) == vorher


def test_commit_genau_die_neue_datei(cli, git_beispiel, tmp_path):
    ausgabe = ein_commit(cli, git_beispiel, tmp_path, ["sitzung", "vorbereiten", GREMIUM, "--datum", "2027-07-14"], [DATEI])
    assert f"Sitzung angelegt: {DATEI}" in ausgabe and "Commit " in ausgabe
    assert lies(git_beispiel / DATEI)["status"] == "geplant"
    betreff = git(git_beispiel, "log", "-1", "--format=%s").strip()
    assert betreff.startswith(f"sitzung {GREMIUM}-2027-07-14: geplant, Tagesordnung mit ")
    assert git(git_beispiel, "log", "-1", "--format=%(trailers:key=Gremium,valueonly)").strip() == GREMIUM


def test_vorhandene_sitzung_abgelehnt(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, ["sitzung", "vorbereiten", GREMIUM, "--datum", "2027-03-17"], "gibt es schon")


def test_mit_abhaengigen_nur_mit_commit(cli, git_beispiel):
    vorher = schnappschuss(git_beispiel)
    r = cli("sitzung", "vorbereiten", GREMIUM, "--datum", "2027-07-14", "--mit-abhaengigen", "--daten", git_beispiel)
    assert r.exit_code == 2 and "--mit-abhaengigen gilt nur zusammen mit --commit" in r.stderr
    assert schnappschuss(git_beispiel) == vorher


def test_commit_ohne_git_abgelehnt(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = cli("sitzung", "vorbereiten", GREMIUM, "--datum", "2027-07-14", "--commit", "--daten", beispiel)
    assert r.exit_code in (1, 2) and "Traceback" not in r.stderr
    assert schnappschuss(beispiel) == vorher
