"""Hilfen für die Tests der ändernden Befehle (person/organisation/gremium/sitzung/ag): Git-Kopie
der Beispieldaten, „genau ein Commit mit genau diesen Dateien“, „der committete Stand besteht
validate“, „eine Ablehnung lässt jede Datei Byte für Byte gleich“."""

from __future__ import annotations

import subprocess
from pathlib import Path

from conftest import STICHTAG, git
from empfehlung_hilfen import schnappschuss


def commits(repo: Path) -> list[str]:
    return git(repo, "rev-list", "HEAD").split()


def dateien_im_commit(repo: Path, rev: str = "HEAD") -> list[str]:
    return sorted(git(repo, "show", "--name-only", "--format=", rev).split())


def fehler_am_head(repo: Path, tmp_path: Path, stichtag: str = STICHTAG) -> list[str]:
    """Fehler von validate auf einem frischen Klon von HEAD (genau dem committeten Stand)."""
    from netzwerk_cli.validierung import validiere

    klon = tmp_path / f"klon-{len(commits(repo))}"
    subprocess.run(["git", "clone", "-q", str(repo), str(klon)], check=True, capture_output=True)
    bericht = validiere(klon.resolve(), stichtag, zwischenspeicher=False)
    return [f"{b.datei}: [{b.regel}] {b.meldung}" for b in bericht.befunde if b.schwere == "fehler"]


def ein_commit(cli, repo: Path, tmp_path: Path, args: list, dateien: list[str], stichtag: str = STICHTAG) -> str:
    """Führt `args … --commit` aus: Exit 0, genau ein neuer Commit mit genau `dateien`, sauberer
    Arbeitsbaum, und der committete Stand hat keine Fehler. Liefert die Ausgabe."""
    vorher = commits(repo)
    r = cli(*args, "--daten", repo, "--commit")
    assert r.exit_code == 0, r.stderr + r.stdout
    nachher = commits(repo)
    assert nachher[1:] == vorher, "genau ein neuer Commit"
    assert dateien_im_commit(repo) == sorted(dateien)
    assert git(repo, "status", "--porcelain") == ""
    assert fehler_am_head(repo, tmp_path, stichtag) == []
    return r.stdout


def abgelehnt(cli, repo: Path, args: list, *meldungen: str, commit: bool = True) -> str:
    """Führt `args` aus (mit und ohne --commit): Exit 1, jede Datei unverändert, kein Commit;
    die Meldungen stehen in stderr. Liefert stderr."""
    vorher_stand, vorher_commits = schnappschuss(repo), commits(repo) if (repo / ".git").exists() else None
    for zusatz in (["--commit"], []) if commit else ([],):
        r = cli(*args, "--daten", repo, *zusatz)
        assert r.exit_code == 1, (r.exit_code, r.stdout, r.stderr)
        for m in meldungen:
            assert m in r.stderr, r.stderr
        assert "Traceback" not in r.stderr
        assert schnappschuss(repo) == vorher_stand
        if vorher_commits is not None:
            assert commits(repo) == vorher_commits
    return r.stderr
