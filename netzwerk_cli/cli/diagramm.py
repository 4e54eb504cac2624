"""`netzwerk diagramm [--format mermaid|dot]`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.ausgabe import diagramm as darstellung
from netzwerk_cli.berichte.diagramm import netzwerkgraph
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.cli.berichtsoptionen import DiagrammFormat, OeffentlichDiagramm
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten
from netzwerk_cli.cli.rahmen import beispiele
from netzwerk_cli.validierung import stichtag_pruefen

BEISPIELE = beispiele("netzwerk diagramm > netzwerk.mmd", "netzwerk diagramm --format dot --oeffentlich | dot -Tsvg > netzwerk.svg")


@befehl
def diagramm(
    daten: Daten = None,
    format: Annotated[
        DiagrammFormat, typer.Option("--format", help="mermaid (GitHub/GitLab zeichnen es in Markdown) oder dot (Graphviz).")
    ] = DiagrammFormat.mermaid,
    oeffentlich: OeffentlichDiagramm = False,
) -> int:
    """Struktur des Netzwerks: Gremien, wer benennt und entsendet, eingesetzte AGs, Weg der Empfehlungen."""
    repo = laden(daten, stichtag_pruefen(None), pruefen=False)
    graph = netzwerkgraph(repo.bestand, oeffentlich)
    typer.echo(darstellung.als_dot(graph) if format is DiagrammFormat.dot else darstellung.als_mermaid(graph), nl=False)
    return 0
