"""`netzwerk organisation neu --name N --typ T [--uebergeordnet O]`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.cli.schreiben import Commit, MitAbhaengigen, Probelauf

app = unteranwendung("Organisationen anlegen.", 'netzwerk organisation neu --name "Amt für Bildung" --typ amt --uebergeordnet landkreis-beispielkreis --dry-run')


@app.command(
    "neu",
    cls=Befehl,
    epilog=beispiele(
        'netzwerk organisation neu --name "Amt für Bildung" --typ amt --uebergeordnet landkreis-beispielkreis --dry-run',
        'netzwerk organisation neu --name "Verein Miteinander" --typ verein --commit',
    ),
)
@befehl
def neu(
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Vollständiger Name der Organisation.", show_default=False)],
    typ: Annotated[str, typer.Option("--typ", metavar="TYP", help="Art, z. B. amt, stadt, gemeinde, landkreis, fraktion, verein.", show_default=False)],
    uebergeordnet: Annotated[str | None, typer.Option("--uebergeordnet", metavar="ORGANISATION", help="Übergeordnete Organisation (id).", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Legt eine Organisation an; die id wird aus dem Namen gebildet (Umlaute umschrieben, frei)."""
    from netzwerk_cli.aktionen import organisationen
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    bestand = lade_bedarf(finde_wurzel(daten))
    return schreiben.ausfuehren(organisationen.plane_neu(bestand, name, typ, uebergeordnet), dry_run, commit, mit_abhaengigen)
