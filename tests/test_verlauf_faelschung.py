"""`netzwerk verlauf` und die Git-Suche von `person anonymisieren` lassen sich nicht durch
Commit-Betreffe oder Autorennamen fälschen (Issue 15, Klasse 5): Git-Ausgaben werden nur an NUL
getrennt. Echte temporäre Repositorys, deren Betreffe und Namen die früheren Trennzeichen
(\\x1f, \\x1e), Zeilenumbrüche und ESC enthalten."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
from conftest import git, minimal_repo

FALSCH = "0" * 40
# früheres Format: \x1e vor jedem Commit, \x1f zwischen den Feldern – das hier wäre ein zweiter Commit
BOESER_BETREFF = f"Titel\x1e{FALSCH}\x1fMallory\x1f2020-01-01T00:00:00+00:00\x1fgefälscht\nM\tempfehlungen/2026-001.yaml"
BOESE_AUTOREN = ["Eve\x1fX\x1eY", "Zeile\x1b[2J", "A\tB"]

EMPFEHLUNG = """titel: Sprachcafé
arbeitsgruppe: ag-sprache
status: entwurf
verlauf:
  - status: entwurf
    datum: 2026-01-05
"""


def commit(repo: Path, autor: str, nachricht: str, *args: str) -> None:
    umgebung = dict(os.environ, GIT_AUTHOR_NAME=autor)
    subprocess.run(["git", "commit", "-q", "--allow-empty-message", "-m", nachricht, *args], cwd=repo, check=True, env=umgebung, capture_output=True)


@pytest.fixture
def repo(tmp_path) -> Path:
    r = minimal_repo(tmp_path / "netz", {"empfehlungen/2026-001.yaml": EMPFEHLUNG})
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    commit(r, "Anna", "angelegt")
    for i, autor in enumerate(BOESE_AUTOREN):
        (r / "empfehlungen/2026-001.yaml").write_text(EMPFEHLUNG + f"# {i}\n", encoding="utf-8")
        commit(r, autor, BOESER_BETREFF if i == 0 else f"Zeile eins\x1e{FALSCH}\nZeile zwei\x1b]8;;x\x07", "-a")
    return r


def _echte_commits(repo: Path) -> list[str]:
    return git(repo, "rev-list", "--all").split()


def test_verlauf_hat_genau_die_echten_commits(cli, repo):
    r = cli("verlauf", "2026-001", "--daten", repo, "--format", "json")
    assert r.exit_code == 0, r.stderr
    eintraege = json.loads(r.stdout)["eintraege"]
    assert [e["commit"] for e in eintraege] == _echte_commits(repo)
    assert [e["autor"] for e in eintraege] == [git(repo, "log", "-1", "--format=%an", c).strip() for c in _echte_commits(repo)]
    assert eintraege[-2]["betreff"] == BOESER_BETREFF.split("\n")[0] + " " + BOESER_BETREFF.split("\n")[1]


def test_verlauf_text_eine_zeile_je_commit(cli, repo):
    r = cli("verlauf", "2026-001", "--daten", repo)
    assert r.exit_code == 0, r.stderr
    assert "\x1b" not in r.stdout
    zeilen = r.stdout.splitlines()
    assert zeilen[-1] == "4 Commits"
    assert len(zeilen) == 1 + 1 + 4 + 1  # Titel, Kopf, vier Commits, Anzahl


def test_anonymisieren_findet_nur_echte_commits(repo):
    from netzwerk_cli.quellen import git_geschichte as gitmodul

    funde = gitmodul.commits_mit_text(repo, {"name": "Sprachcafé", "nachricht": "Zeile", "titel": "Titel"})
    echte = set(_echte_commits(repo))
    assert {f.commit for f in funde} == echte
    assert len({f.commit for f in funde}) == len(funde)
    boese = [f for f in funde if f.autor.startswith("Eve")]
    assert boese and boese[0].autor == git(repo, "log", "-1", "--format=%an", boese[0].commit).strip()


def test_umbenennung_mit_zeilenumbruch_im_pfad(cli, tmp_path):
    """Pfade mit Zeilenumbruch oder Tab (auch gelöschte) zerlegen die Ausgabe nicht."""
    r = minimal_repo(tmp_path / "netz", {"empfehlungen/2026-001.yaml": EMPFEHLUNG})
    git(r, "init", "-q", "-b", "main")
    git(r, "add", "-A")
    commit(r, "Anna", "angelegt")
    (r / "empfehlungen/a\nb").mkdir()
    git(r, "mv", "empfehlungen/2026-001.yaml", "empfehlungen/a\nb/2026-001.yaml")
    commit(r, "Bernd", "verschoben")
    from netzwerk_cli.quellen import git_geschichte as gitmodul

    verlauf = gitmodul.dateiverlauf(r, "empfehlungen/a\nb/2026-001.yaml")
    assert [(a.art, a.pfad, a.alter_pfad) for a in verlauf] == [
        ("R", "empfehlungen/a\nb/2026-001.yaml", "empfehlungen/2026-001.yaml"),
        ("A", "empfehlungen/2026-001.yaml", None),
    ]
    git(r, "rm", "-q", "empfehlungen/a\nb/2026-001.yaml")
    commit(r, "Clara", "gelöscht")
    assert gitmodul.geloeschte_dateien(r, ["empfehlungen/**/2026-001.yaml"]) == ["empfehlungen/a\nb/2026-001.yaml"]
