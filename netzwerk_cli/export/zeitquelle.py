"""Zeitstempel für Exporte (`created`/`modified` in OParl, `DTSTAMP` in Kalendern) – aus Git,
nie aus der Uhr: gleiche Daten und gleiche Geschichte geben dieselben Bytes.

Regeln (docs/VEROEFFENTLICHEN.md):
* Datei committet und unverändert: `created` = Datum des ersten Commits der Datei (über
  Umbenennungen hinweg), `modified` = Datum des letzten Commits, der sie geändert hat.
* Datei geändert, aber nicht committet: `created` wie oben, `modified` = Ersatzzeit.
* Datei neu (nie committet) oder Datenordner ohne Git: beide = Ersatzzeit.
* Ersatzzeit: `SOURCE_DATE_EPOCH` (Konvention reproduzierbarer Builds), sonst das Datum des
  HEAD-Commits, sonst 1970-01-01T00:00:00+00:00. So bleibt die Ausgabe deterministisch.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

NULLPUNKT = "1970-01-01T00:00:00+00:00"


def _aus_epoch(wert: str) -> str:
    try:
        sekunden = int(wert)
        if sekunden < 0:
            raise ValueError
        return datetime.fromtimestamp(sekunden, tz=UTC).isoformat()
    except (ValueError, OverflowError, OSError):
        raise EinrichtungsFehler(f"SOURCE_DATE_EPOCH „{wert[:40]}“ ist keine Zahl von Sekunden seit 1970") from None


class Zeitquelle:
    def __init__(self, wurzel: Path, git_lesen: bool = True):
        from netzwerk_cli.quellen import git_geschichte

        self.stempel = git_geschichte.zeitstempel(wurzel) if git_lesen else None
        epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
        if epoch:
            self.ersatz = _aus_epoch(epoch)
            self.ersatz_herkunft = "SOURCE_DATE_EPOCH"
        elif self.stempel is not None and self.stempel.head:
            self.ersatz = self.stempel.head
            self.ersatz_herkunft = "Datum des letzten Commits"
        else:
            self.ersatz = NULLPUNKT
            self.ersatz_herkunft = "1970-01-01 (kein Git-Commit)"
        self.ohne_geschichte: set[str] = set()

    def fuer(self, datei: str) -> tuple[str, str]:
        """(created, modified) für eine Datei relativ zur Datenwurzel."""
        if self.stempel is None:
            self.ohne_geschichte.add(datei)
            return self.ersatz, self.ersatz
        paar = self.stempel.dateien.get(datei)
        if paar is None:
            self.ohne_geschichte.add(datei)
            return self.ersatz, self.ersatz
        erstes, letztes = paar
        if datei in self.stempel.geaendert:
            self.ohne_geschichte.add(datei)
            return erstes, max(letztes, self.ersatz, key=_zeitwert)
        return erstes, letztes

    def spaetestes(self, dateien: list[str]) -> str:
        """Die späteste `modified`-Zeit mehrerer Dateien (für abgeleitete Objekte)."""
        zeiten = [self.fuer(d)[1] for d in dateien] or [self.ersatz]
        return max(zeiten, key=_zeitwert)

    def hinweise(self) -> list[str]:
        if self.stempel is None:
            return [f"Der Datenordner liegt in keinem Git-Repository: Zeitstempel = {self.ersatz} ({self.ersatz_herkunft})."]
        if self.ohne_geschichte:
            n = len(self.ohne_geschichte)
            return [
                f"{n} {'Datei ist' if n == 1 else 'Dateien sind'} nicht (oder geändert) committet: "
                f"Zeitstempel dafür = {self.ersatz} ({self.ersatz_herkunft}). Für echte Zeitstempel vorher committen."
            ]
        return []


def _zeitwert(iso: str) -> datetime:
    return datetime.fromisoformat(iso)
