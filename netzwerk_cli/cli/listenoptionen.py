"""Gemeinsames der Listenbefehle (`gremium list`, `sitzung list`, `ag list`, `person list`, `empfehlung list`)."""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.cli.optionen import DatenFormat
from netzwerk_cli.cli.rahmen import aehnlich, meinten_sie
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

ListenFormat = DatenFormat  # Listen sind Daten: dasselbe Format-Enum wie Einzelansichten (cli/optionen)

Format = Annotated[
    DatenFormat,
    typer.Option("--format", help="text (Tabelle, lesbar ab 80 Spalten, auch in einer Pipe) oder json (für Werkzeuge)."),
]


def bekannt(wert: str | None, vorhanden, was: str) -> None:
    """Ein Filterwert, den es nicht gibt, ist ein Aufruffehler (Exit 2) mit Vorschlag – nicht „keine Treffer“."""
    if wert is None or wert in vorhanden:
        return
    alle = sorted(vorhanden)
    tipp = meinten_sie(aehnlich(wert, alle)) or f" Vorhanden: {', '.join(alle[:20]) or 'keine'}{' …' if len(alle) > 20 else ''}."
    raise EinrichtungsFehler(f"{was} „{wert}“ gibt es nicht.{tipp}")
