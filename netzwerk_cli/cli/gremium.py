"""`netzwerk gremium show [ID] [--stichtag D] [--format text|markdown|json] [--oeffentlich]`"""

from __future__ import annotations

from enum import Enum
from typing import Annotated

import typer

from netzwerk_cli.ausgabe import gremium as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.gremium import gremien_uebersicht, gremiumsbericht
from netzwerk_cli.berichte.grundlagen import laden_bedarf
from netzwerk_cli.cli import schreiben
from netzwerk_cli.cli.berichtsoptionen import BerichtFormat, Format, Oeffentlich, ausgeben
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.listenoptionen import Format as ListenFormat_
from netzwerk_cli.cli.listenoptionen import ListenFormat
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.cli.schreiben import Commit, MitAbhaengigen, Probelauf
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Gremien anzeigen und ihre Zusammensetzung ändern.",
    "netzwerk gremium list",
    "netzwerk gremium show steuerungsgruppe-beispielkreis",
)


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele("netzwerk gremium list", "netzwerk gremium list --stichtag 2026-01-01 --format json"),
)
@befehl
def auflisten(daten: Daten = None, stichtag: Stichtag = None, format: ListenFormat_ = ListenFormat.text) -> int:
    """Listet die Gremien: id, nächste Sitzung, Name, Art und Zahl der Mitglieder am Stichtag."""
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen

    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    eintraege = listen.gremien(repo.bestand, repo.stichtag)
    if format is ListenFormat.json:
        typer.echo(ausgabe.als_json({"stichtag": repo.stichtag, "gremien": eintraege}))
    else:
        ausgabe.gremien_text(eintraege)
    return 0


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
        str | None,
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
    vakante Sitze als eigene Zeilen, und die Aufgaben des Gremiums. Ohne ID: die Liste der Gremien
    (ausführlicher: netzwerk gremium list)."""
    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    if id is None:
        ausgeben(darstellung.UEBERSICHT[format.value](gremien_uebersicht(repo.bestand), konsole()))
    else:
        ausgeben(darstellung.DARSTELLUNG[format.value](gremiumsbericht(repo, id, oeffentlich), konsole()))
    return 0


class Art(str, Enum):
    ordentlich = "ordentlich"
    stellvertretung = "stellvertretung"


mitglied = unteranwendung(
    "Mitglieder eines Gremiums eintragen und beenden (mit Prüfung der Sitzregeln).",
    "netzwerk gremium mitglied beenden steuerungsgruppe-beispielkreis nina-neu --bis 2026-12-31 --nachfolge max-muster",
)
app.add_typer(mitglied, name="mitglied")


@mitglied.command(
    "hinzufuegen",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk gremium mitglied hinzufuegen steuerungsgruppe-beispielkreis max-muster --sitzgruppe amtsleitungen --art stellvertretung --vertritt nina-neu --von 2027-01-01 --dry-run",
        "netzwerk gremium mitglied hinzufuegen steuerungsgruppe-beispielkreis max-muster --sitzgruppe amtsleitungen --art stellvertretung --vertritt nina-neu --von 2027-01-01 --commit",
    ),
)
@befehl
def mitglied_hinzufuegen(
    gremium: Annotated[str, typer.Argument(metavar="GREMIUM", help="id des Gremiums.", show_default=False)],
    person: Annotated[str, typer.Argument(metavar="PERSON", help="id der Person.", show_default=False)],
    sitzgruppe: Annotated[str, typer.Option("--sitzgruppe", metavar="SITZGRUPPE", help="id der Sitzgruppe (sitzgruppen[].id).", show_default=False)],
    von: Annotated[str, typer.Option("--von", metavar="DATUM", help="Beginn der Mitgliedschaft (JJJJ-MM-TT).", show_default=False)],
    art: Annotated[Art, typer.Option("--art", help="ordentlich oder stellvertretung (nicht gezählt, mit --vertritt).")] = Art.ordentlich,
    vertritt: Annotated[str | None, typer.Option("--vertritt", metavar="PERSON", help="Bei Stellvertretung: vertretene Person (id).", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Trägt eine Mitgliedschaft ein; prüft die Sitzregeln am Beginn und an jedem späteren Datum der Daten."""
    from netzwerk_cli.aktionen import gremien
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf

    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = gremien.plane_hinzufuegen(bestand, gremium, person, sitzgruppe, von, art.value, vertritt)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen)


@mitglied.command(
    "beenden",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk gremium mitglied beenden steuerungsgruppe-beispielkreis nina-neu --bis 2026-12-31 --dry-run",
        "netzwerk gremium mitglied beenden steuerungsgruppe-beispielkreis nina-neu --bis 2026-12-31 --nachfolge max-muster --commit",
    ),
)
@befehl
def mitglied_beenden(
    gremium: Annotated[str, typer.Argument(metavar="GREMIUM", help="id des Gremiums.", show_default=False)],
    person: Annotated[str, typer.Argument(metavar="PERSON", help="id der Person.", show_default=False)],
    bis: Annotated[str, typer.Option("--bis", metavar="DATUM", help="Letzter Tag der Mitgliedschaft (JJJJ-MM-TT).", show_default=False)],
    nachfolge: Annotated[str | None, typer.Option("--nachfolge", metavar="PERSON", help="Person (id), die den Sitz übernimmt.", show_default=False)] = None,
    von: Annotated[str | None, typer.Option("--von", metavar="DATUM", help="Beginn der Nachfolge; Standard: der Tag nach --bis.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Beendet eine Mitgliedschaft (der Eintrag bleibt, mit „bis“); mit --nachfolge übernimmt die Nachfolge den Sitz in derselben Änderung."""
    from netzwerk_cli.aktionen import gremien
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf

    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = gremien.plane_beenden(bestand, gremium, person, bis, nachfolge, von)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen)
