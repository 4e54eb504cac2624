"""`netzwerk gremium show [ID] [--stichtag D] [--format text|markdown|json] [--oeffentlich]`"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from netzwerk_cli.ausgabe import gremium as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.gremium import gremiumsbericht
from netzwerk_cli.berichte.grundlagen import laden_bedarf
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung("Gremien anzeigen.", "netzwerk gremium show", "netzwerk gremium show steuerungsgruppe-beispielkreis")


@app.command(
    "show",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk gremium show",
        "netzwerk gremium show steuerungsgruppe-beispielkreis --stichtag 2026-01-01",
        "netzwerk gremium show steuerungsgruppe-beispielkreis --format markdown --oeffentlich",
    ),
)
@befehl
def zeigen(
    id: Annotated[
        Optional[str],
        typer.Argument(
            metavar="ID", help="id des Gremiums, z. B. steuerungsgruppe-beispielkreis; ohne: Liste der Gremien.", show_default=False
        ),
    ] = None,
    daten: Daten = None,
    stichtag: Stichtag = None,
    format: Format = BerichtFormat.text,
    oeffentlich: Oeffentlich = False,
) -> int:
    """Zusammensetzung am Stichtag (Sitzgruppe, Person, Organisation, Rolle, seit, Stellvertretung),
    vakante Sitze als eigene Zeilen, und die Aufgaben des Gremiums. Ohne ID: die Liste der Gremien."""
    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    if id is None:
        return _gremien_auflisten(repo.bestand, format)
    bericht = gremiumsbericht(repo, id, oeffentlich)
    if format is BerichtFormat.json:
        typer.echo(darstellung.als_json_text(bericht))
    elif format is BerichtFormat.markdown:
        typer.echo(darstellung.als_markdown(bericht))
    else:
        darstellung.als_text(bericht, konsole())
    return 0


def _gremien_auflisten(bestand, format: BerichtFormat) -> int:
    """`gremium show` ohne ID: id und Name jedes Gremiums (Gremien sind öffentlich, keine Personen)."""
    from netzwerk_cli.ausgabe.format import als_json, md_tabelle

    gremien = []
    for gid in sorted(bestand.ids("gremium")):
        ds = bestand.hole("gremium", gid)
        name = ds.daten.get("name") if ds is not None and ds.gueltig and isinstance(ds.daten, dict) else None
        gremien.append({"id": gid, "name": name if isinstance(name, str) else None})
    if format is BerichtFormat.json:
        typer.echo(als_json({"gremien": gremien}))
    elif format is BerichtFormat.markdown:
        typer.echo(md_tabelle(["id", "Name"], [[g["id"], g["name"] or "(fehlerhaft)"] for g in gremien]))
    elif not gremien:
        konsole().print("Keine Gremien in gremien/.")
    else:
        from rich.table import Table
        from rich.text import Text

        tabelle = Table(title="Gremien (Details: netzwerk gremium show ID)", title_justify="left", box=None, show_header=True)
        tabelle.add_column("id", no_wrap=True)
        tabelle.add_column("Name")
        for g in gremien:
            tabelle.add_row(Text(g["id"]), Text(g["name"] or "(fehlerhaft)"))
        konsole().print(tabelle)
    return 0
