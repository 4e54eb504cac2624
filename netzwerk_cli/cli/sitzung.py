"""`netzwerk sitzung vorbereiten GREMIUM --datum D [--ort O]`, `sitzung einladung|niederschrift SITZUNG`"""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import Annotated, Optional

import typer

from netzwerk_cli.ausgabe import agenda as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.aktionen import agenda
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.listenoptionen import Format as ListenFormat_
from netzwerk_cli.cli.listenoptionen import ListenFormat
from netzwerk_cli.cli.optionen import Daten
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Sitzungen auflisten und vorbereiten; Einladung und Niederschrift.",
    "netzwerk sitzung list --ab 2026-01-01",
    "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2026-03-18",
    "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21 --format html > einladung.html",
)


@app.command(
    "vorbereiten",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2026-03-18",
        'netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2026-03-18 --ort "Rathaus, Saal 2"',
    ),
)
@befehl
def vorbereiten(
    gremium: Annotated[str, typer.Argument(metavar="GREMIUM", help="id des Gremiums, z. B. steuerungsgruppe-beispielkreis.", show_default=False)],
    datum: Annotated[str, typer.Option("--datum", metavar="DATUM", help="Tag der Sitzung (JJJJ-MM-TT).", show_default=False)],
    ort: Annotated[Optional[str], typer.Option("--ort", metavar="TEXT", help="Ort der Sitzung.", show_default=False)] = None,
    daten: Daten = None,
) -> int:
    """Legt eine geplante Sitzung mit Entwurf der Tagesordnung an (sitzungen/JAHR/GREMIUM-DATUM.yaml)."""
    tag = stichtag_pruefen(datum)
    heute = date.today().isoformat()
    repo = laden(daten, heute, pruefen=False)
    entwurf = agenda.vorbereiten(repo, gremium, tag, ort, heute)
    darstellung.als_text(entwurf, konsole())
    return 0


class UnterlagenFormat(str, Enum):
    markdown = "markdown"
    html = "html"


UFormat = Annotated[UnterlagenFormat, typer.Option("--format", help="Ausgabeformat: markdown oder html (HTML druckt auf A4).")]
SitzungId = Annotated[str, typer.Argument(metavar="SITZUNG", help="id der Sitzung, z. B. steuerungsgruppe-beispielkreis-2023-06-21.", show_default=False)]


def _unterlagen(art: str, sitzung: str, format: UnterlagenFormat, daten) -> int:
    from netzwerk_cli.export import sitzungsunterlagen as su

    repo = laden(daten, date.today().isoformat(), pruefen=False)
    dok = getattr(su, art)(repo.bestand, sitzung)
    typer.echo(su.als_html(dok) if format is UnterlagenFormat.html else su.als_markdown(dok), nl=False)
    return 0


@app.command(
    "einladung",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21",
        "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21 --format html > einladung.html",
    ),
)
@befehl
def einladung(sitzung: SitzungId, format: UFormat = UnterlagenFormat.markdown, daten: Daten = None) -> int:
    """Einladung: Termin, Ort, Tagesordnung mit Unterlagen, Empfehlungen zur Beschlussfassung (öffentliche Fassung)."""
    return _unterlagen("einladung", sitzung, format, daten)


@app.command(
    "niederschrift",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung niederschrift steuerungsgruppe-beispielkreis-2023-06-21",
        "netzwerk sitzung niederschrift steuerungsgruppe-beispielkreis-2023-06-21 --format html > niederschrift.html",
    ),
)
@befehl
def niederschrift(sitzung: SitzungId, format: UFormat = UnterlagenFormat.markdown, daten: Daten = None) -> int:
    """Ergebnisniederschrift: Anwesenheit, Beschlüsse und Abstimmungen je Punkt (öffentliche Fassung)."""
    return _unterlagen("niederschrift", sitzung, format, daten)


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung list",
        "netzwerk sitzung list --gremium steuerungsgruppe-beispielkreis --ab 2026-01-01",
        "netzwerk sitzung list --format json",
    ),
)
@befehl
def auflisten(
    gremium: Annotated[Optional[str], typer.Option("--gremium", metavar="GREMIUM", help="Nur Sitzungen dieses Gremiums (id).", show_default=False)] = None,
    ab: Annotated[Optional[str], typer.Option("--ab", metavar="DATUM", help="Nur Sitzungen an oder nach diesem Tag (JJJJ-MM-TT).", show_default=False)] = None,
    format: ListenFormat_ = ListenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet Sitzungen nach Datum: Status, Zahl der Tagesordnungspunkte, id, Gremium und Ort."""
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen
    from netzwerk_cli.berichte.grundlagen import laden_bedarf
    from netzwerk_cli.cli.listenoptionen import bekannt

    ab_tag = stichtag_pruefen(ab) if ab is not None else None
    repo = laden_bedarf(daten, date.today().isoformat())
    bekannt(gremium, repo.bestand.ids("gremium"), "Gremium")
    eintraege = listen.sitzungen(repo.bestand, gremium, ab_tag)
    if format is ListenFormat.json:
        typer.echo(ausgabe.als_json({"gremium": gremium, "ab": ab_tag, "sitzungen": eintraege}))
    else:
        ausgabe.sitzungen_text(eintraege)
    return 0
