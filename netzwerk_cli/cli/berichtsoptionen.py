"""Optionstypen der Berichtsbefehle (`status`, `gremium show`, `diagramm`)."""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.cli.optionen import BerichtFormat, DiagrammFormat  # noqa: F401 - die Formate der Berichtsbefehle

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

# Das Diagramm enthält keine Personen; öffentlich heißt dort: keine ids in den Knoten.
OeffentlichDiagramm = Annotated[
    bool,
    typer.Option(
        "--oeffentlich",
        help="Öffentliche Fassung: Knoten ohne ids (laufende Nummern statt Kennungen, die einen Namen verraten "
        "könnten), Bezeichnungen geschwärzt. Personen enthält das Diagramm in keiner Fassung.",
    ),
]


def ausgeben(ergebnis: str | None) -> None:
    """Gibt das Ergebnis einer Darstellung aus (ausgabe/format.py `Darstellung`): Text auf die
    Standardausgabe; None heißt, die Darstellung hat schon auf die Konsole gedruckt."""
    if ergebnis is not None:
        typer.echo(ergebnis)
