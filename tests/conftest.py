"""Gemeinsame Fixtures: isolierte Umgebung (HOME, Git-Konfiguration), Kopien der Beispieldaten,
echte temporäre Git-Repositorys und ein CliRunner-Helfer."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import profil  # noqa: F401  (lädt das Hypothesis-Profil vor den Tests)
import pytest
import typer.testing
from typer.testing import CliRunner

PROJEKT = Path(__file__).resolve().parents[1]
BEISPIEL = PROJEKT / "data"
STICHTAG = "2026-11-21"

# Typers CliRunner baut bei jedem Aufruf den ganzen Click-Befehlsbaum neu aus den Signaturen
# (gut 80 ms je Aufruf; bei über 2 000 Aufrufen im Testlauf Minuten). Ein Programmaufruf baut
# ihn genau einmal – so auch hier: einmal je App und Testprozess. Fehlt die Stelle in einer
# späteren Typer-Fassung, bleibt alles wie in Typer (nur langsamer).
_typer_befehl = getattr(typer.testing, "_get_command", None)
_gebaut: dict[object, object] = {}  # App → Click-Befehl


def _befehl_einmal(app):
    if app not in _gebaut:
        _gebaut[app] = _typer_befehl(app)
    return _gebaut[app]


if _typer_befehl is not None:
    typer.testing._get_command = _befehl_einmal  # type: ignore[attr-defined]

# Temporäre Ordner der Tests im Arbeitsspeicher (tmpfs), wenn es ihn mit genug Platz gibt: Die
# Tests legen Tausende kleine Repositorys an, schreiben atomar mit fsync und committen mit Git.
# Auf einer virtuellen Platte kostete das Warten auf die Platte mehr als die Tests selbst (eine
# Testdatei 111 s statt 4,5 s). Am Verhalten ändert sich nichts: fsync, rename und Git laufen
# genauso, nur ohne Plattenzugriff. Ohne /dev/shm (oder mit zu wenig Platz, z. B. 64 MiB in
# Docker) bleibt es beim üblichen Ordner von pytest; `--basetemp` geht immer vor.
_SPEICHER = Path("/dev/shm")
_MINDESTENS_FREI = 4 * 2**30
_TMPFS = pytest.StashKey[str]()


def _tmpfs_ordner() -> str | None:
    try:
        st = os.statvfs(_SPEICHER)
    except OSError:
        return None
    if st.f_bavail * st.f_frsize < _MINDESTENS_FREI or not os.access(_SPEICHER, os.W_OK | os.X_OK):
        return None
    if st.f_flag & (getattr(os, "ST_NOEXEC", 0) | getattr(os, "ST_RDONLY", 0)):
        return None  # noexec (z. B. Docker): Tests führen Programme aus ihren Ordnern aus (pre-commit-Umgebung, Git-Hooks)
    return tempfile.mkdtemp(prefix="netzwerk-tests-", dir=_SPEICHER)


@pytest.hookimpl(tryfirst=True)  # vor pytests eigenem pytest_configure, das basetemp liest
def pytest_configure(config):
    # Nur im Hauptprozess: pytest-xdist gibt seinen Arbeitern je einen Unterordner davon.
    if config.option.basetemp or hasattr(config, "workerinput"):
        return
    ordner = _tmpfs_ordner()
    if ordner is not None:
        config.option.basetemp = ordner
        config.stash[_TMPFS] = ordner


def pytest_collection_modifyitems(config, items):
    """Lange Tests (Markierung `langsam`) zuerst, sonst bleibt die Reihenfolge: Mit pytest-xdist
    liefe ein einzelner Test von einer Minute sonst womöglich erst am Ende an, während der
    andere Kern schon nichts mehr zu tun hat. Auf das Ergebnis hat die Reihenfolge keinen
    Einfluss – jeder Test legt seine eigene Umgebung an."""
    items.sort(key=lambda item: item.get_closest_marker("langsam") is None)


def pytest_unconfigure(config):
    ordner = config.stash.get(_TMPFS, None)
    if ordner is not None:
        shutil.rmtree(ordner, ignore_errors=True)  # Arbeitsspeicher freigeben (pytest behielte 3 Läufe)


@pytest.fixture(autouse=True)
def isolierte_umgebung(tmp_path_factory, monkeypatch):
    """Keine Abhängigkeit von HOME oder der Git-Konfiguration der Entwicklerin (wie bei gto)."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(home / ".gitconfig"))
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "NETZWERK_DATEN", "NETZWERK_DEBUG", "NETZWERK_DURCH"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Test Koordination")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "koordination@beispiel.invalid")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Test Koordination")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "koordination@beispiel.invalid")
    monkeypatch.setenv("NO_COLOR", "1")
    (home / ".gitconfig").write_text(
        "[user]\n\tname = Test Koordination\n\temail = koordination@beispiel.invalid\n"
        "[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n",
        encoding="utf-8",
    )
    yield


@pytest.fixture
def beispiel(tmp_path) -> Path:
    """Eine beschreibbare Kopie von data/."""
    ziel = tmp_path / "daten"
    shutil.copytree(BEISPIEL, ziel)
    return ziel


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def git_beispiel(beispiel) -> Path:
    """Kopie von data/ als echtes Git-Repository mit einem ersten Commit."""
    git(beispiel, "init", "-q", "-b", "main")
    git(beispiel, "add", "-A")
    git(beispiel, "commit", "-q", "-m", "Beispieldaten")
    return beispiel


@pytest.fixture
def cli():
    """Ruft `netzwerk …` über Typers CliRunner auf; liefert das Ergebnis (exit_code, stdout, stderr)."""
    from netzwerk_cli.cli import app

    runner = CliRunner()

    def aufruf(*args: str, **kwargs):
        return runner.invoke(app, [str(a) for a in args], catch_exceptions=False, **kwargs)

    return aufruf


def minimal_repo(ordner: Path, dateien: dict[str, str]) -> Path:
    """Legt ein kleines Datenrepository an: netzwerk.yaml plus die gegebenen Dateien (Pfad → Text)."""
    ordner.mkdir(parents=True, exist_ok=True)
    (ordner / "netzwerk.yaml").write_text("name: Testnetzwerk\n", encoding="utf-8")
    for rel, text in dateien.items():
        ziel = ordner / rel
        ziel.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            ziel.write_bytes(text)
        else:
            ziel.write_text(text, encoding="utf-8")
    return ordner
