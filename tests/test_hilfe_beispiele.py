"""Die Beispiele in `--help` laufen auf den mitgelieferten Beispieldaten (NEWCOMER-FINDINGS).

Wer ein Beispiel aus der Hilfe abschreibt, soll keine Ablehnung bekommen: Jedes Beispiel jedes
Befehls und jeder Befehlsgruppe (aus der Typer-Anwendung gelesen, ein neues Beispiel ist also
sofort geprüft) läuft in einer frischen Git-Kopie von data/ mit Exit-Code 0 – auch die mit
`--commit`, die dort wirklich committen. Ausgenommen sind nur Beispiele, die eine Shell brauchen
(Umleitung, Pipe) oder ein entferntes Repository (`origin/…`); für sie prüft der Test den Befehl
ohne den Shell-Teil. Die Uhr steht auf dem Bezugstag der Beispieldaten (21.11.2026), damit die
Beispiele nicht mit dem Kalender veralten; `netzwerk init` läuft wie beim Benutzer außerhalb des
Datenrepositorys.
"""

from __future__ import annotations

import shlex
from datetime import date
from pathlib import Path

import pytest
from conftest import git
from test_cli_deutsch import BEFEHLE

from netzwerk_cli.grundlagen import datum as datum_modul

BEZUGSTAG = date(2026, 11, 21)


class _FesterTag(date):
    @classmethod
    def today(cls):
        return BEZUGSTAG


def _beispiele() -> list[str]:
    gefunden: set[str] = set()
    for befehl in BEFEHLE.values():
        for zeile in (getattr(befehl, "epilog", None) or "").splitlines():
            zeile = zeile.strip()
            if zeile.startswith("netzwerk "):
                gefunden.add(zeile)
    return sorted(gefunden)


BEISPIELE = _beispiele()


def test_es_gibt_beispiele():
    assert len(BEISPIELE) >= 30


def _ohne_shell(beispiel: str) -> list[str]:
    """Die Wörter des Aufrufs ohne Umleitung oder Pipe (`netzwerk diagramm > x.mmd` → `diagramm`)."""
    woerter = shlex.split(beispiel)[1:]
    for i, w in enumerate(woerter):
        if w in (">", "|", ">>"):
            return woerter[:i]
    return woerter


@pytest.mark.parametrize("aufruf", BEISPIELE)
def test_beispiel_laeuft_auf_den_beispieldaten(aufruf, git_beispiel: Path, cli, monkeypatch):
    woerter = _ohne_shell(aufruf)
    if "--basis" in woerter and any(w.startswith("origin/") for w in woerter):
        git(git_beispiel, "remote", "add", "origin", str(git_beispiel))
        git(git_beispiel, "fetch", "-q", "origin")
    monkeypatch.setattr(datum_modul, "date", _FesterTag)  # grundlagen.datum.heute: die einzige Uhr des Werkzeugs
    # wie beim Benutzer: das Repository wird vom Ordner aus gefunden; `init` legt ein neues daneben an
    monkeypatch.chdir(git_beispiel.parent if woerter[0] == "init" else git_beispiel)
    ergebnis = cli(*woerter)
    assert ergebnis.exit_code == 0, f"{aufruf}\n{ergebnis.output}"
