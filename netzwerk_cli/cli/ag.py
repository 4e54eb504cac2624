"""`netzwerk ag list [--status S] [--stichtag D] [--format text|json]`"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.listenoptionen import Format, ListenFormat
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung

app = unteranwendung(
    "Arbeitsgruppen auflisten.",
    "netzwerk ag list --status aktiv",
)


class AgStatus(str, Enum):
    geplant = "geplant"
    aktiv = "aktiv"
    abgeschlossen = "abgeschlossen"


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele("netzwerk ag list", "netzwerk ag list --status aktiv --format json"),
)
@befehl
def auflisten(
    status: Annotated[
        AgStatus | None,
        typer.Option("--status", help="Nur AGs mit diesem Status am Stichtag: geplant, aktiv, abgeschlossen.", show_default=False),
    ] = None,
    stichtag: Stichtag = None,
    format: Format = ListenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet die Arbeitsgruppen: id, Status am Stichtag, Name, einsetzendes Gremium, Zeitraum, Leitung."""
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen
    from netzwerk_cli.berichte.grundlagen import laden_bedarf
    from netzwerk_cli.validierung import stichtag_pruefen

    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    eintraege = listen.arbeitsgruppen(repo.bestand, repo.stichtag, status.value if status else None)
    if format is ListenFormat.json:
        typer.echo(ausgabe.als_json({"stichtag": repo.stichtag, "arbeitsgruppen": eintraege}))
    else:
        ausgabe.arbeitsgruppen_text(eintraege)
    return 0
