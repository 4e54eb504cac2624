"""Rich-Bausteine der Textberichte: schlichte Tabellen, die bei 80 Spalten umbrechen statt
abzuschneiden, und Ausgabe ohne „soft wrap“ (sonst würden Zeilen in Rahmen abgeschnitten)."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text


def text(inhalt: str | None, stil: str = "") -> Text:
    """Daten immer als Text, nie als Rich-Markup (eckige Klammern in Titeln bleiben, wie sie sind)."""
    return Text(inhalt or "", style=stil)


def tabelle(*spalten: tuple[str, dict], **optionen) -> Table:
    t = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_edge=False, header_style="bold", **optionen)
    for name, opt in spalten:
        t.add_column(name, **{"overflow": "fold", **opt})
    return t


def zahl() -> dict:
    return {"justify": "right", "no_wrap": True}


def aufzaehlung(punkte: list[str]) -> Table:
    """Liste mit hängendem Einzug."""
    t = Table.grid(padding=(0, 1))
    t.add_column(no_wrap=True)
    t.add_column(overflow="fold")
    for p in punkte:
        t.add_row("•", Text(p))
    return t


def eingerueckt(kopf: Text, details: Text | None):
    """Zelle aus Kopfzeile und eingerückten Einzelheiten (hängender Einzug, auch ohne Farbe lesbar)."""
    if details is None or not details.plain:
        return kopf
    return Group(kopf, Padding(details, (0, 0, 0, 2)))


def druck(konsole: Console, *teile) -> None:
    konsole.print(*teile, soft_wrap=False)
