"""Die Rich-Konsolen: Farbe nur am Terminal, schlicht bei Umleitung oder NO_COLOR.

Sicherheitsnetz: Die Konsole macht in allem, was sie als Text schreibt, Steuerzeichen sichtbar
(ausgabe/escape.py) – auch wenn ein Darsteller einen Wert einmal nicht maskiert hätte, kommt
kein ESC, keine Bidi-Steuerung und kein Wagenrücklauf aus den Daten ans Terminal. Eigene
Steuerfolgen von Rich (Farben, Stile) bleiben, weil sie erst danach entstehen. Eine Zeile, die
mit `::` oder `##[` begänne (Workflow-Befehl in CI-Protokollen), beginnt stattdessen mit `\x3a:`
bzw. `\x23#[` – die Konsole schreibt selbst nie Workflow-Befehle (die schreibt `--format github`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

from rich.console import Console
from rich.segment import Segment

from netzwerk_cli.grundlagen import escape


class _SichereKonsole(Console):
    def _render_buffer(self, buffer: Iterable[Segment]) -> str:
        roh = super()._render_buffer(
            s if s.control else Segment(escape.terminal_zeilen(s.text), s.style, s.control) for s in buffer
        )
        return escape.befehlszeilen(roh)


def konsole(stderr: bool = False) -> Console:
    datei = sys.stderr if stderr else sys.stdout
    farbe = None if datei.isatty() and not os.environ.get("NO_COLOR") else "never"
    return _SichereKonsole(
        file=datei,
        no_color=farbe == "never",
        color_system=None if farbe == "never" else "auto",
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )


def fehler_melden(meldung: str) -> None:
    konsole(stderr=True).print(f"[bold red]Fehler:[/] {escape.rich_zeilen(meldung)}")


def hinweis_melden(meldung: str) -> None:
    konsole(stderr=True).print(f"[bold yellow]Hinweis:[/] {escape.rich_zeilen(meldung)}")
