"""Optionstypen der Berichtsbefehle (`status`, `gremium show`, `diagramm`)."""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer


class BerichtFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


class DiagrammFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


Format = Annotated[
    BerichtFormat,
    typer.Option("--format", help="text (Tabellen im Terminal), markdown (für Wiki/PR-Kommentar) oder json (für Werkzeuge)."),
]

Oeffentlich = Annotated[
    bool,
    typer.Option(
        "--oeffentlich",
        help="Öffentliche Fassung: Personen ohne „oeffentlich: true“ nur mit Funktion bzw. Sitz, nie mit Namen.",
    ),
]
