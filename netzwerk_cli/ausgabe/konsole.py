"""Die Rich-Konsolen: Farbe nur am Terminal, schlicht bei Umleitung oder NO_COLOR."""

from __future__ import annotations

import os
import sys

from rich.console import Console


def konsole(stderr: bool = False) -> Console:
    datei = sys.stderr if stderr else sys.stdout
    farbe = None if datei.isatty() and not os.environ.get("NO_COLOR") else "never"
    return Console(
        file=datei,
        no_color=farbe == "never",
        color_system=None if farbe == "never" else "auto",
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def fehler_melden(meldung: str) -> None:
    konsole(stderr=True).print(f"[bold red]Fehler:[/] {_escape(meldung)}")


def hinweis_melden(meldung: str) -> None:
    konsole(stderr=True).print(f"[bold yellow]Hinweis:[/] {_escape(meldung)}")


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
