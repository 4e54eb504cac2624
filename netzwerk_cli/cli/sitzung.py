"""`netzwerk sitzung vorbereiten GREMIUM --datum D [--ort O]`, `sitzung einladung|niederschrift SITZUNG`"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from netzwerk_cli.ausgabe import agenda as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.aktionen import agenda
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, DokumentFormat
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Sitzungen vorbereiten; Einladung und Niederschrift.",
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


UFormat = Annotated[DokumentFormat, typer.Option("--format", help="Ausgabeformat: markdown oder html (HTML druckt auf A4).")]
SitzungId = Annotated[str, typer.Argument(metavar="SITZUNG", help="id der Sitzung, z. B. steuerungsgruppe-beispielkreis-2023-06-21.", show_default=False)]


def _unterlagen(art: str, sitzung: str, format: DokumentFormat, daten) -> int:
    from netzwerk_cli.export import sitzungsunterlagen as su

    repo = laden(daten, date.today().isoformat(), pruefen=False)
    dok = getattr(su, art)(repo.bestand, sitzung)
    typer.echo(su.als_html(dok) if format is DokumentFormat.html else su.als_markdown(dok), nl=False)
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
def einladung(sitzung: SitzungId, format: UFormat = DokumentFormat.markdown, daten: Daten = None) -> int:
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
def niederschrift(sitzung: SitzungId, format: UFormat = DokumentFormat.markdown, daten: Daten = None) -> int:
    """Ergebnisniederschrift: Anwesenheit, Beschlüsse und Abstimmungen je Punkt (öffentliche Fassung)."""
    return _unterlagen("niederschrift", sitzung, format, daten)
