"""Gemeinsame Optionstypen aller Befehle (Typer `Annotated`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Annotated, Optional

import typer

Daten = Annotated[
    Optional[Path],
    typer.Option(
        "--daten",
        metavar="ORDNER",
        envvar="NETZWERK_DATEN",
        help="Ordner des Datenrepositorys (sonst: aufwärts bis netzwerk.yaml suchen).",
        show_default=False,
    ),
]

Stichtag = Annotated[
    Optional[str],
    typer.Option("--stichtag", metavar="DATUM", help="Datum (JJJJ-MM-TT), zu dem Besetzung und Fristen beurteilt werden; Standard: heute.", show_default=False),
]


class PruefFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    gitlab = "gitlab"  # Code-Quality-Bericht (JSON) für GitLab CI
    markdown = "markdown"  # Zusammenfassung eines CI-Laufs (Job Summary), Codeblock mit sicherem Zaun


Format = Annotated[PruefFormat, typer.Option("--format", help="Ausgabeformat.")]
