"""`netzwerk ag list [--status S] [--stichtag D] [--format text|json]`,
`netzwerk ag einsetzen --gremium G --sitzung S --name N --thema T [--ende-geplant D] [--leitung P]`,
`netzwerk ag abschliessen AG --am D [--sitzung S]`"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.listenoptionen import Format, ListenFormat
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.cli.schreiben import Commit, MitAbhaengigen, Probelauf

app = unteranwendung(
    "Arbeitsgruppen auflisten, einsetzen und abschließen.",
    "netzwerk ag list --status aktiv",
    'netzwerk ag einsetzen --gremium steuerungsgruppe-beispielkreis --sitzung steuerungsgruppe-beispielkreis-2027-03-17 '
    '--name "AG Sprachmittlung" --thema "Sprachmittlung in Beratungsstellen" --dry-run',
    "netzwerk ag abschliessen ag-wohnraum-fuer-gefluechtete --am 2027-06-30 --dry-run",
)


@app.command(
    "einsetzen",
    cls=Befehl,
    epilog=beispiele(
        'netzwerk ag einsetzen --gremium steuerungsgruppe-beispielkreis --sitzung steuerungsgruppe-beispielkreis-2027-03-17 '
        '--name "AG Sprachmittlung" --thema "Sprachmittlung in Beratungsstellen" --ende-geplant 2028-03-31 --leitung maria-muster --dry-run',
        'netzwerk ag einsetzen --gremium steuerungsgruppe-beispielkreis --sitzung steuerungsgruppe-beispielkreis-2027-03-17 '
        '--name "AG Sprachmittlung" --thema "Sprachmittlung in Beratungsstellen" --commit',
    ),
)
@befehl
def einsetzen(
    gremium: Annotated[str, typer.Option("--gremium", metavar="GREMIUM", help="Gremium, das die AG einsetzt (id).", show_default=False)],
    sitzung: Annotated[str, typer.Option("--sitzung", metavar="SITZUNG", help="Sitzung des Gremiums, in der die AG eingesetzt wird (id).", show_default=False)],
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Name der AG, z. B. „AG Sprachmittlung“ (daraus die id).", show_default=False)],
    thema: Annotated[str, typer.Option("--thema", metavar="TEXT", help="Thema bzw. Auftrag der AG.", show_default=False)],
    ende_geplant: Annotated[str | None, typer.Option("--ende-geplant", metavar="DATUM", help="Geplantes Ende (JJJJ-MM-TT).", show_default=False)] = None,
    leitung: Annotated[str | None, typer.Option("--leitung", metavar="PERSON", help="Leitung der AG (id).", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Legt eine AG an (id aus dem Name) und sorgt dafür, dass die Tagesordnung der Sitzung die
    Einsetzung aufführt (bei einer geplanten Sitzung wird ein Punkt ergänzt)."""
    from netzwerk_cli.aktionen import arbeitsgruppen
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = arbeitsgruppen.plane_einsetzen(bestand, gremium, sitzung, name, thema, ende_geplant, leitung)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen)


@app.command(
    "abschliessen",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk ag abschliessen ag-wohnraum-fuer-gefluechtete --am 2027-06-30 --dry-run",
        "netzwerk ag abschliessen ag-wohnraum-fuer-gefluechtete --am 2027-03-17 --sitzung steuerungsgruppe-beispielkreis-2027-03-17 --commit",
    ),
)
@befehl
def abschliessen(
    ag: Annotated[str, typer.Argument(metavar="AG", help="id der Arbeitsgruppe.", show_default=False)],
    am: Annotated[str, typer.Option("--am", metavar="DATUM", help="Tag des Abschlusses (JJJJ-MM-TT).", show_default=False)],
    sitzung: Annotated[
        str | None, typer.Option("--sitzung", metavar="SITZUNG", help="Sitzung des einsetzenden Gremiums, die den Abschluss behandelt (id).", show_default=False)
    ] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Setzt die AG auf „abgeschlossen“ mit Abschlussdatum; mit --sitzung führt deren Tagesordnung den Abschluss auf."""
    from netzwerk_cli.aktionen import arbeitsgruppen
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    bestand = lade_bedarf(finde_wurzel(daten))
    return schreiben.ausfuehren(arbeitsgruppen.plane_abschliessen(bestand, ag, am, sitzung), dry_run, commit, mit_abhaengigen)


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
