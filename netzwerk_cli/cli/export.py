"""`netzwerk export …`: Veröffentlichungen aus dem geprüften Bestand (immer die öffentliche Fassung)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.validierung import stichtag_pruefen

app = typer.Typer(no_args_is_help=True, help="Veröffentlichen: Website, OParl 1.1, Kalender (immer öffentliche Fassung).")


@app.command("seite")
@befehl
def seite(
    ordner: Annotated[Path, typer.Argument(help="Ausgabeordner (neu, leer oder ein früherer Export).", show_default=False)],
    daten: Daten = None,
    stichtag: Stichtag = None,
    basis_url: Annotated[
        Optional[str], typer.Option("--basis-url", help="Adresse der Website für sitemap.xml (sonst relative Pfade).", show_default=False)
    ] = None,
) -> int:
    """Statische Website des Netzwerks (öffentliche Fassung): Gremien, AGs, Empfehlungen,
    Veranstaltungen, Integrationskonzept, Struktur, Erklärung zur Barrierefreiheit."""
    from netzwerk_cli.ausgabe.konsole import hinweis_melden
    from netzwerk_cli.export.seite import BARRIEREFREIHEIT_DATEI, exportieren

    e = exportieren(daten, ordner, stichtag_pruefen(stichtag), basis_url)
    if e.schluessel_neu:
        hinweis_melden(f"Pseudonym-Schlüssel neu angelegt: {e.schluessel_datei} – bitte mit den Daten committen (sonst ändern sich die Kennungen).")
    if not e.diagramm:
        hinweis_melden("Graphviz (dot) nicht gefunden oder gescheitert: die Struktur steht nur als Liste, ohne Diagramm.")
    if not e.barrierefreiheit_ausgefuellt:
        hinweis_melden(f"{BARRIEREFREIHEIT_DATEI.as_posix()} fehlt: die Erklärung zur Barrierefreiheit enthält noch keine Angaben des Netzwerks (siehe docs/VEROEFFENTLICHEN.md).")
    typer.echo(f"Website in {e.ordner}: {e.seiten} Seiten, {e.dateien} Dateien ({e.geschrieben} geschrieben, {e.unveraendert} unverändert, {e.entfernt} entfernt).")
    return 0
