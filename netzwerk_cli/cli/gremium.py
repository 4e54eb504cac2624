"""`netzwerk gremium show ID [--stichtag D] [--format text|markdown|json] [--oeffentlich]`"""

from __future__ import annotations

from typing import Annotated, Optional

import typer

from netzwerk_cli.ausgabe import gremium as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.gremium import gremiumsbericht
from netzwerk_cli.berichte.grundlagen import laden_bedarf
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli import schreiben
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.schreiben import Commit, MitAbhaengigen, Probelauf
from netzwerk_cli.validierung import stichtag_pruefen

app = typer.Typer(help="Gremien anzeigen und ihre Zusammensetzung ändern.", no_args_is_help=True)


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


mitglied = typer.Typer(help="Mitglieder eines Gremiums eintragen und beenden (mit Prüfung der Sitzregeln).", no_args_is_help=True)
app.add_typer(mitglied, name="mitglied")


@mitglied.command("hinzufuegen")
@befehl
def mitglied_hinzufuegen(
    gremium: Annotated[str, typer.Argument(help="id des Gremiums.", show_default=False)],
    person: Annotated[str, typer.Argument(help="id der Person.", show_default=False)],
    sitzgruppe: Annotated[str, typer.Option("--sitzgruppe", help="id der Sitzgruppe (sitzgruppen[].id).", show_default=False)],
    von: Annotated[str, typer.Option("--von", help="Beginn der Mitgliedschaft (JJJJ-MM-TT).", show_default=False)],
    art: Annotated[str, typer.Option("--art", help="ordentlich | stellvertretung")] = "ordentlich",
    vertritt: Annotated[Optional[str], typer.Option("--vertritt", help="Bei Stellvertretung: vertretene Person (id).", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Trägt eine Mitgliedschaft ein; prüft die Sitzregeln am Beginn und an jedem späteren Datum der Daten."""
    from netzwerk_cli.aktionen import gremien
    from netzwerk_cli.bestand import finde_wurzel, lade_bedarf

    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = gremien.plane_hinzufuegen(bestand, gremium, person, sitzgruppe, von, art, vertritt)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen)


@mitglied.command("beenden")
@befehl
def mitglied_beenden(
    gremium: Annotated[str, typer.Argument(help="id des Gremiums.", show_default=False)],
    person: Annotated[str, typer.Argument(help="id der Person.", show_default=False)],
    bis: Annotated[str, typer.Option("--bis", help="Letzter Tag der Mitgliedschaft (JJJJ-MM-TT).", show_default=False)],
    nachfolge: Annotated[Optional[str], typer.Option("--nachfolge", help="Person (id), die den Sitz übernimmt.", show_default=False)] = None,
    von: Annotated[Optional[str], typer.Option("--von", help="Beginn der Nachfolge; Standard: der Tag nach --bis.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Beendet eine Mitgliedschaft (der Eintrag bleibt, mit „bis“); mit --nachfolge übernimmt die Nachfolge den Sitz in derselben Änderung."""
    from netzwerk_cli.aktionen import gremien
    from netzwerk_cli.bestand import finde_wurzel, lade_bedarf

    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = gremien.plane_beenden(bestand, gremium, person, bis, nachfolge, von)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen)
