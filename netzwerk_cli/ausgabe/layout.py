"""Rich-Bausteine der Textberichte: schlichte Tabellen, die bei 80 Spalten umbrechen statt
abzuschneiden, und Ausgabe ohne „soft wrap“ (sonst würden Zeilen in Rahmen abgeschnitten)."""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.measure import Measurement
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from netzwerk_cli.grundlagen import escape


class Tabelle(Table):
    """Rich-Tabelle, deren Zellen aus Zeichenketten nie als Markup gelesen werden: eine
    Zeichenkette wird zu `escape.text` (Steuerzeichen sichtbar, `[…]` bleibt Text)."""

    def add_row(self, *zellen, **optionen) -> None:
        super().add_row(*(escape.text(z) if isinstance(z, str) else z for z in zellen), **optionen)


def text(inhalt: str | None, stil: str = "") -> Text:
    """Daten immer als Text, nie als Rich-Markup (eckige Klammern in Titeln bleiben, wie sie sind);
    Steuerzeichen sichtbar. Zeilenumbrüche aus den Daten entfernt vorher `escape.tief` (Berichte)."""
    return escape.text(inhalt or "", stil)


def tabelle(*spalten: tuple[str, dict], **optionen) -> Table:
    t = Tabelle(**{"box": box.SIMPLE_HEAD, "expand": True, "pad_edge": False, "show_edge": False, "header_style": "bold", **optionen})
    for name, opt in spalten:
        t.add_column(name, **{"overflow": "fold", **opt})
    return t


def zahl() -> dict:
    return {"justify": "right", "no_wrap": True}


def aufzaehlung(punkte: Sequence[str | Text]) -> Table:
    """Liste mit hängendem Einzug."""
    t = Tabelle.grid(padding=(0, 1))
    t.add_column(no_wrap=True)
    t.add_column(overflow="fold")
    for p in punkte:
        t.add_row("•", p if isinstance(p, Text) else escape.text(p))
    return t


class Einzeilig:
    """Eine Tabellenzelle, die nie umbricht: Bei Platzmangel wird `haupt` mit „…“ gekürzt;
    `zusatz` (etwa „ (Beispiel)“) bleibt immer ganz stehen. Für Übersichten mit einer Zeile je
    Eintrag; die Spalte sollte `ratio` haben, damit sie den übrigen Platz bekommt."""

    def __init__(self, haupt: str | None, zusatz: str = "", stil: str = "", zusatz_stil: str = "", mindestens: int = 12):
        self.haupt, self.zusatz = escape.einzeilig(haupt or ""), escape.einzeilig(zusatz)
        self.stil, self.zusatz_stil, self.mindestens = stil, zusatz_stil, mindestens

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        voll = cell_len(self.haupt + self.zusatz)
        return Measurement(min(voll, cell_len(self.zusatz) + self.mindestens), voll).clamp(max_width=options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        breite = options.max_width
        zeile = Text(self.haupt, style=self.stil, no_wrap=True, overflow="ellipsis")
        platz = breite - cell_len(self.zusatz)
        if zeile.cell_len > platz:
            zeile.truncate(max(platz, 1), overflow="ellipsis")
        zeile.append(self.zusatz, style=self.zusatz_stil)
        zeile.truncate(breite, overflow="ellipsis")  # falls selbst der Zusatz nicht passt
        yield zeile


def eingerueckt(kopf: Text, details: Text | None):
    """Zelle aus Kopfzeile und eingerückten Einzelheiten (hängender Einzug, auch ohne Farbe lesbar)."""
    if details is None or not details.plain:
        return kopf
    return Group(kopf, Padding(details, (0, 0, 0, 2)))


def druck(konsole: Console, *teile) -> None:
    konsole.print(*teile, soft_wrap=False)
