"""`netzwerk status [--stichtag D] [--format text|markdown|json] [--oeffentlich] [--ausfuehrlich]`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.ausgabe.status import als_json_text
from netzwerk_cli.ausgabe.status.markdown import als_markdown
from netzwerk_cli.ausgabe.status.text import als_text
from netzwerk_cli.berichte.grundlagen import laden, ohne_zyklensuche
from netzwerk_cli.berichte.status import statusbericht, uebersicht_zusatz
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import beispiele
from netzwerk_cli.validierung import stichtag_pruefen

Ausfuehrlich = Annotated[
    bool,
    typer.Option(
        "--ausfuehrlich",
        help="Text/Markdown ausführlich: je Gremium alle Sitzgruppen mit Regel, Sitzungen je Jahr, "
        "alle Tabellen (Standard: kompakte Übersicht auf einem Bildschirm). JSON ist immer vollständig.",
    ),
]

BEISPIELE = beispiele("netzwerk status", "netzwerk status --stichtag 2026-01-01 --format markdown --oeffentlich")


@befehl
def status(
    daten: Daten = None,
    stichtag: Stichtag = None,
    format: Format = BerichtFormat.text,
    oeffentlich: Oeffentlich = False,
    ausfuehrlich: Ausfuehrlich = False,
) -> int:
    """Überblick am Stichtag: Sitze, Arbeitsgruppen, Empfehlungen, Umsetzung, Sitzungen."""
    with ohne_zyklensuche():
        repo = laden(daten, stichtag_pruefen(stichtag))
        bericht = statusbericht(repo, oeffentlich)
        zusatz = None if ausfuehrlich or format is BerichtFormat.json else uebersicht_zusatz(repo)
    if format is BerichtFormat.json:
        typer.echo(als_json_text(bericht))
        return 0
    if format is BerichtFormat.markdown:
        typer.echo(als_markdown(bericht, ausfuehrlich, zusatz))
    else:
        als_text(bericht, konsole(), ausfuehrlich, zusatz)
    return 0
