"""`netzwerk status [--stichtag D] [--format text|markdown|json] [--oeffentlich] [--ausfuehrlich]`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.ausgabe.status.darstellung import DARSTELLUNG, MIT_UEBERSICHT
from netzwerk_cli.berichte.grundlagen import laden, ohne_zyklensuche
from netzwerk_cli.berichte.status import statusbericht, uebersicht_zusatz
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich, ausgeben
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
        zusatz = uebersicht_zusatz(repo) if format.value in MIT_UEBERSICHT and not ausfuehrlich else None
    ausgeben(DARSTELLUNG[format.value](bericht, konsole(), ausfuehrlich, zusatz))
    return 0
