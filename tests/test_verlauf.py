"""`netzwerk verlauf ID`: Geschichte eines Datensatzes aus echten Git-Repositorys."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import git, minimal_repo

ENTWURF = """titel: Sprachcafé
arbeitsgruppe: ag-sprache
status: entwurf
verlauf:
  - status: entwurf
    datum: 2026-01-05
"""
EINGEREICHT = ENTWURF.replace("status: entwurf\nverlauf", "status: eingereicht\nverlauf").replace(
    "arbeitsgruppe:", "text: Ein Sprachcafé je Gemeinde.\narbeitsgruppe:"
) + "  - status: eingereicht\n    datum: 2026-02-10\n"


def als(repo: Path, autor: str, datum: str, *args: str) -> None:
    """git … als `autor` zum Zeitpunkt `datum`."""
    umgebung = dict(os.environ, GIT_AUTHOR_NAME=autor, GIT_AUTHOR_DATE=datum, GIT_COMMITTER_DATE=datum)
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True, env=umgebung)


def schreibe(repo: Path, datei: str, text: str) -> None:
    (repo / datei).parent.mkdir(parents=True, exist_ok=True)
    (repo / datei).write_text(text, encoding="utf-8")


@pytest.fixture
def geschichte(tmp_path) -> Path:
    """Empfehlung 2026-001: angelegt (Anna), eingereicht (Bernd), Text geändert (Clara),
    in einen Unterordner verschoben und als 2026-007 umbenannt (Dora)."""
    repo = minimal_repo(tmp_path / "netz", {"empfehlungen/2026-001.yaml": ENTWURF})
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    als(repo, "Anna Anfang", "2026-01-05T09:00:00+01:00", "commit", "-q", "-m", "Empfehlung 2026-001 angelegt")
    schreibe(repo, "empfehlungen/2026-001.yaml", EINGEREICHT)
    als(repo, "Bernd Beleg", "2026-02-10T14:30:00+01:00", "commit", "-q", "-am", "2026-001 eingereicht")
    schreibe(repo, "empfehlungen/2026-001.yaml", EINGEREICHT.replace("je Gemeinde", "in jeder Gemeinde"))
    als(repo, "Clara Croll", "2026-03-01T08:15:00+01:00", "commit", "-q", "-am", "Text präzisiert")
    (repo / "empfehlungen" / "2026").mkdir()
    git(repo, "mv", "empfehlungen/2026-001.yaml", "empfehlungen/2026/2026-007.yaml")
    als(repo, "Dora Dorn", "2026-04-01T10:00:00+02:00", "commit", "-q", "-m", "Nummer korrigiert: 2026-007")
    return repo


def test_verlauf_json_folgt_umbenennung_mit_statuswechseln(cli, geschichte):
    r = cli("verlauf", "2026-007", "--daten", geschichte, "--format", "json")
    assert r.exit_code == 0, r.stderr
    daten = json.loads(r.stdout)
    assert daten["art"] == "empfehlung" and daten["datei"] == "empfehlungen/2026/2026-007.yaml"
    assert daten["geloescht"] is False and daten["nicht_committet"] is False
    e = daten["eintraege"]
    assert [x["autor"] for x in e] == ["Dora Dorn", "Clara Croll", "Bernd Beleg", "Anna Anfang"]
    assert [x["betreff"] for x in e] == [
        "Nummer korrigiert: 2026-007",
        "Text präzisiert",
        "2026-001 eingereicht",
        "Empfehlung 2026-001 angelegt",
    ]
    assert [x["aenderung"] for x in e] == ["umbenannt", "geändert", "geändert", "neu"]
    assert e[0]["alte_datei"] == "empfehlungen/2026-001.yaml"
    assert e[0]["datei"] == "empfehlungen/2026/2026-007.yaml"
    assert e[3]["datei"] == "empfehlungen/2026-001.yaml"
    assert [(x["status_vorher"], x["status"]) for x in e] == [
        ("eingereicht", "eingereicht"),
        ("eingereicht", "eingereicht"),
        ("entwurf", "eingereicht"),
        (None, "entwurf"),
    ]
    assert e[2]["datum"] == "2026-02-10T14:30:00+01:00"
    assert len(e[0]["commit"]) == 40


def test_verlauf_text_schlicht_bei_umleitung(cli, geschichte):
    r = cli("verlauf", "2026-007", "--daten", geschichte)
    assert r.exit_code == 0
    zeilen = r.stdout.splitlines()
    assert zeilen[0] == "empfehlung 2026-007 (empfehlungen/2026/2026-007.yaml)"
    assert zeilen[1].split() == ["Datum", "Autor/in", "Commit", "Betreff", "Status", "Änderung"]
    assert "│" not in r.stdout and "─" not in r.stdout  # keine Rahmen
    bernd = next(z for z in zeilen if "Bernd Beleg" in z)
    assert bernd.startswith("2026-02-10 14:30")
    assert "entwurf → eingereicht" in bernd and "2026-001 eingereicht" in bernd
    assert "neu: entwurf" in next(z for z in zeilen if "Anna Anfang" in z)
    assert "umbenannt (vorher empfehlungen/2026-001.yaml)" in next(z for z in zeilen if "Dora Dorn" in z)
    assert zeilen[-1] == "4 Commits"


def test_verlauf_aus_arbeitsordner_im_repository(cli, geschichte, monkeypatch):
    monkeypatch.chdir(geschichte / "empfehlungen")
    r = cli("verlauf", "2026-007", "--format", "json")
    assert r.exit_code == 0
    assert len(json.loads(r.stdout)["eintraege"]) == 4


def test_verlauf_geloeschter_datensatz(cli, geschichte):
    git(geschichte, "rm", "-q", "empfehlungen/2026/2026-007.yaml")
    als(geschichte, "Erik Ende", "2026-05-01T10:00:00+02:00", "commit", "-q", "-m", "2026-007 gelöscht")
    r = cli("verlauf", "2026-007", "--daten", geschichte, "--format", "json")
    assert r.exit_code == 0, r.stderr
    daten = json.loads(r.stdout)
    assert daten["geloescht"] is True
    assert daten["eintraege"][0]["aenderung"] == "gelöscht" and daten["eintraege"][0]["autor"] == "Erik Ende"
    assert len(daten["eintraege"]) == 5  # auch vor der Umbenennung
    r = cli("verlauf", "2026-007", "--daten", geschichte)
    assert "gelöscht, nur noch in der Git-Geschichte" in r.stdout


def test_verlauf_nicht_committete_aenderung(cli, geschichte):
    datei = geschichte / "empfehlungen/2026/2026-007.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "notiz: neu\n", encoding="utf-8")
    r = cli("verlauf", "2026-007", "--daten", geschichte, "--format", "json")
    assert json.loads(r.stdout)["nicht_committet"] is True
    r = cli("verlauf", "2026-007", "--daten", geschichte)
    assert "noch nicht committet" in r.stdout


def test_verlauf_neue_datei_ohne_commit(cli, geschichte):
    schreibe(geschichte, "empfehlungen/2026/2026-008.yaml", ENTWURF)
    r = cli("verlauf", "2026-008", "--daten", geschichte)
    assert r.exit_code == 0
    assert "Noch kein Commit" in r.stdout and "noch nicht committet" in r.stdout


def test_verlauf_andere_art_ohne_statusspalte(cli, geschichte):
    schreibe(geschichte, "gremien/steuerungsgruppe.yaml", "name: Steuerungsgruppe\nart: steuerungsgruppe\n")
    git(geschichte, "add", "-A")
    als(geschichte, "Anna Anfang", "2026-06-01T10:00:00+02:00", "commit", "-q", "-m", "Gremium angelegt")
    r = cli("verlauf", "steuerungsgruppe", "--daten", geschichte)
    assert r.exit_code == 0
    assert r.stdout.splitlines()[1].split() == ["Datum", "Autor/in", "Commit", "Betreff", "Änderung"]
    daten = json.loads(cli("verlauf", "steuerungsgruppe", "--daten", geschichte, "--format", "json").stdout)
    assert daten["eintraege"][0]["status"] is None


def test_verlauf_netzwerk_datei(cli, geschichte):
    r = cli("verlauf", "netzwerk", "--daten", geschichte, "--format", "json")
    daten = json.loads(r.stdout)
    assert daten["art"] == "netzwerk" and daten["datei"] == "netzwerk.yaml"
    assert [x["autor"] for x in daten["eintraege"]] == ["Anna Anfang"]


def test_verlauf_mehrdeutige_id_braucht_art(cli, geschichte):
    schreibe(geschichte, "personen/konstanz.yaml", "name: Konstanz\n")
    schreibe(geschichte, "organisationen/konstanz.yaml", "name: Landkreis Konstanz\ntyp: landkreis\n")
    git(geschichte, "add", "-A")
    git(geschichte, "commit", "-q", "-m", "zwei Datensätze")
    r = cli("verlauf", "konstanz", "--daten", geschichte)
    assert r.exit_code == 2
    assert "mehreren Arten" in r.stderr and "--art" in r.stderr
    for option in ("--art", "--kind"):
        r = cli("verlauf", "konstanz", option, "organisation", "--daten", geschichte, "--format", "json")
        assert r.exit_code == 0, r.stderr
        assert json.loads(r.stdout)["datei"] == "organisationen/konstanz.yaml"


def test_verlauf_unbekannte_id(cli, geschichte):
    r = cli("verlauf", "2026-070", "--daten", geschichte)
    assert r.exit_code == 1  # wie eine unbekannte id bei „empfehlung show“
    assert "„2026-070“" in r.stderr and "Meinten Sie „2026-007“" in r.stderr
    r = cli("verlauf", "2026-007", "--art", "person", "--daten", geschichte)
    assert r.exit_code == 1 and "personen/" in r.stderr
    r = cli("verlauf", "2026-007", "--art", "unsinn", "--daten", geschichte)
    assert r.exit_code == 2  # Aufruffehler


def test_verlauf_ohne_git_repository(cli, tmp_path):
    repo = minimal_repo(tmp_path / "ohne", {"empfehlungen/2026-001.yaml": ENTWURF})
    r = cli("verlauf", "2026-001", "--daten", repo)
    assert r.exit_code == 2
    assert "Git-Repository" in r.stderr and "Traceback" not in r.stderr


def test_verlauf_datenwurzel_im_unterordner(cli, tmp_path):
    projekt = tmp_path / "projekt"
    minimal_repo(projekt / "daten", {"empfehlungen/2026-001.yaml": ENTWURF})
    git(projekt, "init", "-q", "-b", "main")
    git(projekt, "add", "-A")
    git(projekt, "commit", "-q", "-m", "Start")
    schreibe(projekt / "daten", "empfehlungen/2026-001.yaml", EINGEREICHT)
    git(projekt, "commit", "-q", "-am", "eingereicht")
    r = cli("verlauf", "2026-001", "--daten", projekt / "daten", "--format", "json")
    daten = json.loads(r.stdout)
    assert daten["datei"] == "empfehlungen/2026-001.yaml"
    assert [x["datei"] for x in daten["eintraege"]] == ["empfehlungen/2026-001.yaml"] * 2
    assert daten["eintraege"][0]["status_vorher"] == "entwurf"


def test_verlauf_in_hilfe(cli):
    r = cli("--help")
    assert "verlauf" in r.stdout and "init" in r.stdout
