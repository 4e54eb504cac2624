"""`netzwerk gremium show ID [--stichtag D] [--format text|markdown|json] [--oeffentlich]`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.ausgabe import gremium as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.gremium import gremiumsbericht
from netzwerk_cli.berichte.grundlagen import laden_bedarf
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.validierung import stichtag_pruefen

app = typer.Typer(help="Gremien anzeigen.", no_args_is_help=True)


@app.command("show")
@befehl
def zeigen(
    id: Annotated[str, typer.Argument(help="id des Gremiums, z. B. strategiegruppe.", show_default=False)],
    daten: Daten = None,
    stichtag: Stichtag = None,
    format: Format = BerichtFormat.text,
    oeffentlich: Oeffentlich = False,
) -> int:
    """Zusammensetzung am Stichtag (Sitzgruppe, Person, Organisation, Rolle, seit, Stellvertretung),
    vakante Sitze als eigene Zeilen, und die Aufgaben des Gremiums."""
    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    bericht = gremiumsbericht(repo, id, oeffentlich)
    if format is BerichtFormat.json:
        typer.echo(darstellung.als_json_text(bericht))
    elif format is BerichtFormat.markdown:
        typer.echo(darstellung.als_markdown(bericht))
    else:
        darstellung.als_text(bericht, konsole())
    return 0
