"""`netzwerk validate [PFADE…]`"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from netzwerk_cli.ausgabe import befunde as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.bestand.finden import finde_wurzel
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, Format, PruefFormat, Stichtag
from netzwerk_cli.cli.rahmen import beispiele
from netzwerk_cli.validierung import stichtag_pruefen, validiere

BEISPIELE = beispiele("netzwerk validate", "netzwerk validate personen/ --streng", "netzwerk validate --basis origin/main --format github")


@befehl
def validate(
    pfade: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PFAD", help="Nur Befunde zu diesen Dateien/Ordnern berichten (geprüft wird immer alles).", show_default=False),
    ] = None,
    daten: Daten = None,
    format: Format = PruefFormat.text,
    stichtag: Stichtag = None,
    streng: Annotated[bool, typer.Option("--streng", help="Auch Warnungen führen zu Exit-Code 1.")] = False,
    basis: Annotated[
        str | None,
        typer.Option(
            "--basis",
            metavar="REF",
            help="Auch prüfen, was sich seit der Merge-Basis von REF und HEAD geändert hat "
            "(Verlauf nur ergänzt, erlaubte Übergänge, keine entfernten Datensätze, auf die noch verwiesen wird), "
            "z. B. --basis origin/main.",
            show_default=False,
        ),
    ] = None,
    kein_cache: Annotated[
        bool,
        typer.Option("--kein-cache", help="Jede Datei neu lesen und prüfen, ohne Zwischenspeicher (zum Messen und zur Fehlersuche)."),
    ] = False,
) -> int:
    """Prüft das Datenrepository: Schemas, Verweise, Sitzregeln, Lebenszyklus, Sitzungen."""
    tag = stichtag_pruefen(stichtag)
    wurzel = finde_wurzel(daten)
    bericht = validiere(wurzel, tag, pfade, basis=basis, zwischenspeicher=not kein_cache)
    for pfad in pfade or []:
        if not os.path.lexists(pfad):  # Tippfehler? (gelöschte Dateien aus „git diff“ sind kein Fehler)
            from netzwerk_cli.ausgabe.konsole import hinweis_melden

            hinweis_melden(f"„{pfad}“ gibt es nicht (gelöscht oder vertippt?); dazu gibt es keine Befunde.")
    if format is PruefFormat.text:
        darstellung.als_text(bericht, konsole())
    else:  # Markdown endet schon mit einem Zeilenumbruch
        typer.echo(darstellung.RENDERER[format.value](bericht, _praefix(wurzel)), nl=format is not PruefFormat.markdown)
    return bericht.exit_code(streng)


def _praefix(wurzel: Path) -> str:
    """Pfad der Datenwurzel relativ zum Arbeitsordner (GitHub löst Pfade dort auf)."""
    try:
        rel = wurzel.relative_to(Path(os.getcwd()).resolve())
    except ValueError:
        return ""
    return "" if not rel.parts else rel.as_posix() + "/"
