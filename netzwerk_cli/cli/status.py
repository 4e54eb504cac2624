"""`netzwerk status [--stichtag D] [--format text|markdown|json] [--oeffentlich]`"""

from __future__ import annotations

import typer

from netzwerk_cli.ausgabe import status as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.berichte.status import statusbericht
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.validierung import stichtag_pruefen


@befehl
def status(
    daten: Daten = None,
    stichtag: Stichtag = None,
    format: Format = BerichtFormat.text,
    oeffentlich: Oeffentlich = False,
) -> int:
    """Überblick am Stichtag: Sitze, Arbeitsgruppen, Empfehlungen, Umsetzung, Sitzungen."""
    repo = laden(daten, stichtag_pruefen(stichtag))
    bericht = statusbericht(repo, oeffentlich)
    if format is BerichtFormat.json:
        typer.echo(darstellung.als_json_text(bericht))
    elif format is BerichtFormat.markdown:
        typer.echo(darstellung.als_markdown(bericht))
    else:
        darstellung.als_text(bericht, konsole())
    return 0
