"""`netzwerk verlauf ID [--art ART]`"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from netzwerk_cli.bestand.finden import finde_wurzel
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, DatenFormat
from netzwerk_cli.cli.rahmen import beispiele
from netzwerk_cli.grundlagen.arten import ARTEN

if TYPE_CHECKING:

    class Art(str, Enum):
        """Die Arten aus `ARTEN`; die Mitglieder entstehen erst zur Laufzeit (mypy kennt sie nicht)."""

else:
    Art = Enum("Art", {a: a for a in ARTEN}, type=str)  # netzwerk, organisation, person, …


BEISPIELE = beispiele("netzwerk verlauf 2025-001", "netzwerk verlauf steuerungsgruppe-beispielkreis --art gremium --format json")


@befehl
def verlauf(
    id_: Annotated[str, typer.Argument(metavar="ID", help="id des Datensatzes (Dateiname ohne .yaml).", show_default=False)],
    art: Annotated[
        Art | None,
        typer.Option("--art", "--kind", help="Art des Datensatzes, falls die id in mehreren Arten vorkommt.", show_default=False),
    ] = None,
    daten: Daten = None,
    format: Annotated[DatenFormat, typer.Option("--format", help="Ausgabeformat.")] = DatenFormat.text,
) -> int:
    """Die Geschichte eines Datensatzes aus Git: Datum, Autor/in, Commit-Betreff und bei
    Empfehlungen der Statuswechsel je Commit (auch über Umbenennungen hinweg)."""
    from netzwerk_cli.ausgabe import verlauf as darstellung
    from netzwerk_cli.ausgabe.konsole import konsole
    from netzwerk_cli.historie import historie

    wurzel = finde_wurzel(daten)
    h = historie(wurzel, id_, art.value if art is not None else None)
    if format is DatenFormat.json:
        typer.echo(darstellung.als_json(h))
    else:
        darstellung.als_text(h, konsole())
    return 0
