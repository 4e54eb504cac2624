"""Die eine Fehlerbehandlung an der Kante: Ausnahmen → deutsche Meldung und Exit-Code.

0 = in Ordnung, 1 = Befunde oder abgelehnt, 2 = Aufruf- oder Einrichtungsfehler.
Unerwartete Fehler werden ebenfalls ohne Traceback gemeldet (Exit 2); mit
NETZWERK_DEBUG=1 erscheint der Traceback zur Fehlersuche.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable

import typer

from netzwerk_cli.ausgabe.konsole import fehler_melden
from netzwerk_cli.grundlagen.fehler import NetzwerkFehler


def befehl(funktion: Callable[..., int | None]) -> Callable[..., None]:
    """Macht aus einer Funktion, die einen Exit-Code liefert, einen Typer-Befehl."""

    @functools.wraps(funktion)
    def huelle(*args, **kwargs):
        try:
            code = funktion(*args, **kwargs) or 0
        except NetzwerkFehler as e:
            fehler_melden(str(e))
            code = e.exit_code
        except KeyboardInterrupt:
            fehler_melden("abgebrochen")
            code = 2
        except typer.Exit:
            raise
        except Exception as e:
            if os.environ.get("NETZWERK_DEBUG"):
                raise
            fehler_melden(f"interner Fehler ({type(e).__name__}: {e}). Bitte mit NETZWERK_DEBUG=1 wiederholen und melden.")
            code = 2
        _hinweise_ausgeben()
        raise typer.Exit(code)

    return huelle


def _hinweise_ausgeben() -> None:
    """Hinweise, die untere Schichten gesammelt haben (z. B. ein unsicherer Speicherordner), auf stderr."""
    import sys

    speicher = sys.modules.get("netzwerk_cli.quellen.zwischenspeicher")  # nur, wenn er geladen wurde
    if speicher is None:
        return
    from netzwerk_cli.ausgabe.konsole import hinweis_melden

    while speicher.HINWEISE:
        hinweis_melden(speicher.HINWEISE.pop(0))

