"""Befunde darstellen: `text` (Rich), `json` (stabile Struktur), `github` (Workflow-Annotationen)."""

from __future__ import annotations

import json

from rich.markup import escape

from netzwerk_cli.grundlagen.befunde import FEHLER, Bericht


def zusammenfassung(bericht: Bericht) -> str:
    def mehrzahl(n: int, eins: str, viele: str) -> str:
        return f"{n} {eins if n == 1 else viele}"

    dateien = mehrzahl(bericht.dateien, "Datei", "Dateien")
    fehler = "keine Fehler" if not bericht.fehler else mehrzahl(bericht.fehler, "Fehler", "Fehler")
    warnungen = "keine Warnungen" if not bericht.warnungen else mehrzahl(bericht.warnungen, "Warnung", "Warnungen")
    return f"{dateien} geprüft: {fehler}, {warnungen}"


def als_text(bericht: Bericht, konsole) -> None:
    for b in bericht.sortiert():
        farbe = "red" if b.schwere == FEHLER else "yellow"
        konsole.print(
            f"[bold]{escape(b.datei)}:{b.zeile}:{b.spalte}:[/] [{farbe}]{b.schwere}[/] "
            f"[dim]\\[{b.regel}][/] {escape(b.meldung)}"
        )
    farbe = "red" if bericht.fehler else ("yellow" if bericht.warnungen else "green")
    konsole.print(f"[bold {farbe}]{escape(zusammenfassung(bericht))}[/]")


def als_json(bericht: Bericht) -> str:
    return json.dumps(
        {
            "befunde": [b.als_dict() for b in bericht.sortiert()],
            "zusammenfassung": {"dateien": bericht.dateien, "fehler": bericht.fehler, "warnungen": bericht.warnungen},
        },
        ensure_ascii=False,
        indent=2,
    )


def _daten(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _eigenschaft(text: str) -> str:
    return _daten(text).replace(":", "%3A").replace(",", "%2C")


def als_github(bericht: Bericht, praefix: str = "") -> str:
    """GitHub-Workflow-Annotationen; `praefix` macht Pfade relativ zum Arbeitsbereich."""
    zeilen = []
    for b in bericht.sortiert():
        art = "error" if b.schwere == FEHLER else "warning"
        datei = f"{praefix}{b.datei}"
        zeilen.append(
            f"::{art} file={_eigenschaft(datei)},line={b.zeile},col={b.spalte},"
            f"title={_eigenschaft(b.regel)}::{_daten(f'[{b.regel}] {b.meldung}')}"
        )
    zeilen.append(zusammenfassung(bericht))
    return "\n".join(zeilen)
