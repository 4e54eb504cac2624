"""Der gemeinsame Schreibweg (aktionen/schreibvorgang.py): geplanten Stand im Speicher prüfen,
mehrere Dateien ganz oder gar nicht schreiben, `--commit` nur für einen Stand, der `validate`
besteht – und nie für einen, der an nicht committeten Änderungen anderer Dateien hängt."""

from __future__ import annotations

import subprocess

import pytest
from conftest import STICHTAG, git
from empfehlung_hilfen import DATEI, ENTSCHEIDUNG, ID, repo_im_zustand, schnappschuss, sitzung_anlegen

from netzwerk_cli.aktionen import schreibvorgang
from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang
from netzwerk_cli.grundlagen.fehler import Abgelehnt


def commits(repo) -> list[str]:
    return git(repo, "rev-list", "HEAD").split()


def dateien_im_commit(repo, rev="HEAD") -> list[str]:
    return sorted(git(repo, "show", "--name-only", "--format=", rev).split())


def head_validiert(repo, tmp_path) -> int:
    """validate auf einem frischen Klon von HEAD (genau dem committeten Stand)."""
    klon = tmp_path / "klon"
    subprocess.run(["git", "clone", "-q", str(repo), str(klon)], check=True, capture_output=True)
    from netzwerk_cli.validierung import validiere

    return validiere(klon.resolve(), STICHTAG, zwischenspeicher=False).fehler


# --------------------------------------------------------------------------- prüfen im Speicher


def test_neue_fehler_im_geplanten_stand_abgelehnt_nichts_geschrieben(beispiel):
    datei = "personen/tom-test.yaml"
    vorher = schnappschuss(beispiel)
    v = Vorgang(beispiel, [schreibvorgang.aenderung(beispiel, datei, "name: Tom Test\norganisation: gibt-es-nicht\n")], "Test")
    with pytest.raises(Abgelehnt, match=r"(?s)neuen Fehlern.*ref-unbekannt"):
        schreibvorgang.ausfuehren(v)
    assert schnappschuss(beispiel) == vorher


def test_alte_fehler_stoeren_nicht(beispiel):
    """Fehler, die es schon vorher gab, halten eine Änderung nicht auf (nur neue zählen)."""
    kaputt = beispiel / "personen/tom-test.yaml"
    kaputt.write_text(kaputt.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    datei = "personen/lisa-probe.yaml"
    text = (beispiel / datei).read_text(encoding="utf-8") + "# Kommentar\n"
    v = Vorgang(beispiel, [schreibvorgang.aenderung(beispiel, datei, text)], "Test")
    assert schreibvorgang.ausfuehren(v).geschrieben
    assert (beispiel / datei).read_text(encoding="utf-8") == text


def test_ueberlagerter_bestand_sieht_neue_und_geloeschte_dateien(beispiel):
    from netzwerk_cli.bestand.laden import lade_bestand

    bestand = lade_bestand(beispiel)
    neu = schreibvorgang.ueberlagert(
        bestand, {"personen/neue-person.yaml": b"name: Neue Person\n", "personen/tom-test.yaml": None}
    )
    assert neu.hole("person", "neue-person").daten == {"name": "Neue Person"}
    assert neu.hole("person", "tom-test") is None
    assert bestand.hole("person", "tom-test") is not None and bestand.hole("person", "neue-person") is None


def test_mehrere_dateien_ganz_oder_gar_nicht(beispiel):
    a, b = "personen/lisa-probe.yaml", "personen/tom-test.yaml"
    va = schreibvorgang.aenderung(beispiel, a, "name: Lisa Probe\n")
    vb = schreibvorgang.aenderung(beispiel, b, "name: Tom Test\n")
    (beispiel / b).write_text("name: Tom Test\n# von anderer Hand\n", encoding="utf-8")  # nach dem Planen geändert
    vorher = schnappschuss(beispiel)
    with pytest.raises(Abgelehnt, match="inzwischen von einem anderen Vorgang geändert"):
        schreibvorgang.schreiben(Vorgang(beispiel, [va, vb], "Test"))
    assert schnappschuss(beispiel) == vorher


def test_diff_fuer_neue_und_geloeschte_dateien():
    neu = Dateiaenderung("personen/x.yaml", None, b"name: X\n").diff()
    weg = Dateiaenderung("personen/y.yaml", b"name: Y\n", None).diff()
    assert neu.startswith("--- /dev/null\n+++ b/personen/x.yaml\n") and "+name: X\n" in neu
    assert weg.startswith("--- a/personen/y.yaml\n+++ /dev/null\n") and "-name: Y\n" in weg


# --------------------------------------------------------------------------- --commit und abhängige Änderungen


@pytest.fixture
def repo_mit_agenda_ohne_empfehlung(git_beispiel):
    """Empfehlung eingereicht; die Entscheidungssitzung ist committet, hat die Empfehlung aber nicht
    auf der Tagesordnung. Danach (nicht committet) wird die Tagesordnung ergänzt."""
    repo = git_beispiel
    repo_im_zustand(repo, "eingereicht")
    sitzung_anlegen(repo, ENTSCHEIDUNG, "2026-04-22", ["2026-001"])
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "Vorbereitung")
    sitzung_anlegen(repo, ENTSCHEIDUNG, "2026-04-22", ["2026-001", ID])  # nicht committet
    return repo


SITZUNGSDATEI = f"sitzungen/2026/{ENTSCHEIDUNG}.yaml"
BESCHLIESSEN = ["--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", "X"]


def test_advance_commit_haengt_an_nicht_committeter_tagesordnung_abgelehnt(cli, repo_mit_agenda_ohne_empfehlung):
    repo = repo_mit_agenda_ohne_empfehlung
    vorher, stand = commits(repo), schnappschuss(repo)
    r = cli("empfehlung", "advance", ID, "--daten", repo, *BESCHLIESSEN, "--commit")
    assert r.exit_code == 1, r.stdout
    assert "stützt sich auf nicht committete Änderungen" in r.stderr
    assert SITZUNGSDATEI in r.stderr and "--mit-abhaengigen" in r.stderr
    assert commits(repo) == vorher and schnappschuss(repo) == stand


def test_advance_commit_mit_abhaengigen_ein_commit_der_validate_besteht(cli, repo_mit_agenda_ohne_empfehlung, tmp_path):
    repo = repo_mit_agenda_ohne_empfehlung
    andere = repo / "organisationen/swr.yaml"
    andere.write_text(andere.read_text(encoding="utf-8") + "# unabhängig, bleibt draußen\n", encoding="utf-8")
    vorher = commits(repo)
    r = cli("empfehlung", "advance", ID, "--daten", repo, *BESCHLIESSEN, "--commit", "--mit-abhaengigen")
    assert r.exit_code == 0, r.stderr
    assert len(commits(repo)) == len(vorher) + 1
    assert dateien_im_commit(repo) == sorted([DATEI, SITZUNGSDATEI])
    assert f"Mit-abhaengigen: {SITZUNGSDATEI}" in git(repo, "log", "-1", "--format=%B")
    assert git(repo, "status", "--porcelain").split() == ["M", "organisationen/swr.yaml"]
    assert head_validiert(repo, tmp_path) == 0


def test_ohne_commit_gilt_der_arbeitsbaum(cli, repo_mit_agenda_ohne_empfehlung):
    """Ohne --commit zählt der Stand im Arbeitsbaum: der Schritt wird geschrieben."""
    repo = repo_mit_agenda_ohne_empfehlung
    r = cli("empfehlung", "advance", ID, "--daten", repo, *BESCHLIESSEN)
    assert r.exit_code == 0, r.stderr
    assert "status: beschlossen" in (repo / DATEI).read_text(encoding="utf-8")


def test_mit_abhaengigen_nur_mit_commit(cli, repo_mit_agenda_ohne_empfehlung):
    r = cli("empfehlung", "advance", ID, "--daten", repo_mit_agenda_ohne_empfehlung, *BESCHLIESSEN, "--mit-abhaengigen")
    assert r.exit_code == 2 and "nur zusammen mit --commit" in r.stderr


def test_commit_mehrerer_dateien_scheitert_alles_zurueck(git_beispiel):
    repo = git_beispiel
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    a = schreibvorgang.aenderung(repo, "personen/lisa-probe.yaml", (repo / "personen/lisa-probe.yaml").read_text(encoding="utf-8") + "# a\n")
    b = schreibvorgang.aenderung(repo, "personen/neu-hier.yaml", "name: Neu Hier\n", neu_datei=True)
    vorher, stand = commits(repo), schnappschuss(repo)
    with pytest.raises(Abgelehnt, match="zurückgenommen"):
        schreibvorgang.ausfuehren(Vorgang(repo, [a, b], "Test"), commit=True)
    assert commits(repo) == vorher and schnappschuss(repo) == stand
