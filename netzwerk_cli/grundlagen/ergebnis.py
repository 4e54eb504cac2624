"""Das Ergebnis der Prüfung einer Datei für sich (Stufe `dateipruefung`), wie es der Zwischenspeicher ablegt."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from netzwerk_cli.grundlagen.befunde import Befund


@dataclass(slots=True)
class Ergebnis:
    """Ergebnis einer Datei. `befunde` als Tupel (zeile, spalte, schwere, regel, meldung, pfad),
    ohne Dateinamen: so lässt es sich zwischenspeichern und verschieben."""

    daten: Any  # die gelesenen Daten (Zuordnung) oder None
    befunde: tuple
    lesbar: bool  # False: Lesefehler; weitere Prüfungen dieses Datensatzes entfallen
    gueltig: bool  # Schema erfüllt
    pruefsumme: str  # SHA-256 der Bytes ("" wenn nicht lesbar)
    merkmale: tuple | None = None  # quellen.dateien.MERKMALE der gelesenen Datei (für den Zwischenspeicher)
    blob: tuple | None = None  # (Git-Blob-id hex, Länge) der gelesenen Bytes (für den Zwischenspeicher)

    def als_befunde(self, datei: str) -> list[Befund]:
        return [Befund(datei, *b) for b in self.befunde]
