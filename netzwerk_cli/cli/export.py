"""`netzwerk export …`: Veröffentlichungen aus dem geprüften Bestand (immer die öffentliche Fassung)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Veröffentlichen: Website, OParl 1.1, Kalender (immer öffentliche Fassung).",
    "netzwerk export seite _site --stichtag 2026-11-21",
    "netzwerk export oparl ../oparl --basis-url https://beispiel.de/oparl",
)


@app.command("seite", cls=Befehl, epilog=beispiele("netzwerk export seite _site", "netzwerk export seite _site --stichtag 2026-11-21 --basis-url https://beispiel.de/netzwerk"))
@befehl
def seite(
    ordner: Annotated[Path, typer.Argument(metavar="ORDNER", help="Ausgabeordner (neu, leer oder ein früherer Export).", show_default=False)],
    daten: Daten = None,
    stichtag: Stichtag = None,
    basis_url: Annotated[
        str | None, typer.Option("--basis-url", metavar="URL", help="Adresse der Website für sitemap.xml (sonst relative Pfade).", show_default=False)
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
@app.command("oparl", cls=Befehl, epilog=beispiele("netzwerk export oparl ../oparl --basis-url https://beispiel.de/oparl"))
@befehl
def oparl(
    ordner: Annotated[Path, typer.Argument(metavar="ORDNER", help="Ausgabeordner (leer, neu oder ein früherer OParl-Export).", show_default=False)],
    basis_url: Annotated[str, typer.Option("--basis-url", metavar="URL", help="Öffentliche Adresse des Ordners, z. B. https://beispiel.de/oparl", show_default=False)],
    daten: Daten = None,
) -> int:
    """Statischer OParl-1.1-Export (eine JSON-Datei je Objekt und Liste, Einstieg system.json); prüft ihn danach."""
    from netzwerk_cli.export import veroeffentlichen

    ergebnis = veroeffentlichen.oparl(daten, ordner, basis_url)
    return _melden(ergebnis)


@app.command("ical", cls=Befehl, epilog=beispiele("netzwerk export ical ../kalender"))
@befehl
def ical(
    ordner: Annotated[Path, typer.Argument(metavar="ORDNER", help="Ausgabeordner (leer, neu oder ein früherer Kalender-Export).", show_default=False)],
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
