"""`netzwerk sitzung vorbereiten GREMIUM --datum D [--ort O]`"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Optional

import typer

from netzwerk_cli.ausgabe import agenda as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.aktionen import agenda
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung("Sitzungen vorbereiten.", "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2026-03-18")


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
