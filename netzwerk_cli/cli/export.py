"""`netzwerk export …`: Veröffentlichungen aus dem geprüften Bestand (immer die öffentliche Fassung)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten

app = typer.Typer(no_args_is_help=True, help="Veröffentlichen: Website, OParl 1.1, Kalender (immer öffentliche Fassung).")


@app.command("oparl")
@befehl
def oparl(
    ordner: Annotated[Path, typer.Argument(help="Ausgabeordner (leer, neu oder ein früherer OParl-Export).", show_default=False)],
    basis_url: Annotated[str, typer.Option("--basis-url", help="Öffentliche Adresse des Ordners, z. B. https://beispiel.de/oparl", show_default=False)],
    daten: Daten = None,
) -> int:
    """Statischer OParl-1.1-Export (eine JSON-Datei je Objekt und Liste, Einstieg system.json); prüft ihn danach."""
    from netzwerk_cli.export import veroeffentlichen

    ergebnis = veroeffentlichen.oparl(daten, ordner, basis_url)
    return _melden(ergebnis)


@app.command("ical")
@befehl
def ical(
    ordner: Annotated[Path, typer.Argument(help="Ausgabeordner (leer, neu oder ein früherer Kalender-Export).", show_default=False)],
    daten: Daten = None,
) -> int:
    """Kalender (.ics): je Gremium seine Sitzungen, dazu einer mit den Veranstaltungen."""
    from netzwerk_cli.export import veroeffentlichen

    return _melden(veroeffentlichen.ical(daten, ordner))


def _melden(ergebnis) -> int:
    from netzwerk_cli.ausgabe.konsole import hinweis_melden

    for hinweis in ergebnis.hinweise:
        hinweis_melden(hinweis)
    for befund in ergebnis.befunde:  # Steuerzeichen aus Daten nie ans Terminal
        typer.echo("".join(z if z.isprintable() else "?" for z in str(befund)))
    typer.echo(ergebnis.zusammenfassung)
    return 1 if ergebnis.befunde else 0
