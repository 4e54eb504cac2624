"""Gemeinsame Fixtures: isolierte Umgebung (HOME, Git-Konfiguration), Kopien der Beispieldaten,
echte temporäre Git-Repositorys und ein CliRunner-Helfer."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import profil  # noqa: F401  (lädt das Hypothesis-Profil vor den Tests)
import pytest
from typer.testing import CliRunner

PROJEKT = Path(__file__).resolve().parents[1]
BEISPIEL = PROJEKT / "data"
STICHTAG = "2026-11-21"


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
