"""Gemeinsame Optionstypen aller Befehle (Typer `Annotated`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

Daten = Annotated[
    Path | None,
    typer.Option(
        "--daten",
        metavar="ORDNER",
        envvar="NETZWERK_DATEN",
        help="Ordner des Datenrepositorys (sonst: aufwärts bis netzwerk.yaml suchen).",
        show_default=False,
    ),
]

Stichtag = Annotated[
    str | None,
    typer.Option("--stichtag", metavar="DATUM", help="Datum (JJJJ-MM-TT), zu dem Besetzung und Fristen beurteilt werden; Standard: heute.", show_default=False),
]


# Je Art von Ausgabe genau ein Format-Enum (die Renderer-Tabellen in ausgabe/ sind nach dem Wert geschlüsselt).


class DatenFormat(str, Enum):
    """Listen und Einzelansichten: für Menschen oder für Werkzeuge."""

    text = "text"
    json = "json"


class BerichtFormat(str, Enum):
    """Berichte (status, gremium show): zusätzlich Markdown für Wiki und PR-Kommentar."""

    text = "text"
    markdown = "markdown"
    json = "json"


class DiagrammFormat(str, Enum):
    mermaid = "mermaid"
    dot = "dot"


class DokumentFormat(str, Enum):
    """Sitzungsunterlagen zum Versenden und Drucken."""

    markdown = "markdown"
    html = "html"


class PruefFormat(str, Enum):
    """Befunde von validate."""

    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"  # Code-Quality-Bericht (JSON) für GitLab CI
    markdown = "markdown"  # Zusammenfassung eines CI-Laufs (Job Summary), Codeblock mit sicherem Zaun


Format = Annotated[PruefFormat, typer.Option("--format", help="Ausgabeformat.")]
