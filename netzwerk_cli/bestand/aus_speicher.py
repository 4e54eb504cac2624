"""Ein Bestand aus dem Zwischenspeicher: Datensätze erst beim Zugriff.

Für die inkrementelle Querprüfung (`querpruefung`): ids, Gültigkeit und Dateibefunde kommen
aus den Metadaten des Speichers; die Daten eines Datensatzes werden erst gelesen, wenn eine
Prüfung ihn braucht (aus dem Speicher, sonst aus der Datei). Er liefert dieselben Datensätze
und Ladebefunde wie `bestand.lade_bestand`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import cast

from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.bestand.finden import einordnen
from netzwerk_cli.grundlagen.arten import INDEXFELDER, datensatz_id, indexwerte
from netzwerk_cli.grundlagen.befunde import Befund


class _Quelle:
    """Gefundene Dateien mit ihren Metadaten; baut Datensätze nach Bedarf."""

    def __init__(self, wurzel: Path, gefunden: list, eintraege: list, frisch: dict, speicher):
        self.wurzel = wurzel
        self.gefunden = gefunden
        self.eintraege = eintraege
        self.frisch = frisch
        self.speicher = speicher

    def datensatz(self, i: int) -> Datensatz:
        from netzwerk_cli import dateipruefung

        art, pfad, rel = self.gefunden[i]
        erg = self.frisch.get(rel)
        if erg is None:
            summe, befunde, lesbar, gueltig = self.eintraege[i][1:5]
            daten = self.speicher.daten(rel, summe) if lesbar else None
            if lesbar and daten is None:  # Daten fehlen im Speicher: die Datei neu lesen
                erg = dateipruefung.pruefe_datei(art, pfad, self.wurzel, rel)
            else:
                return Datensatz(art, datensatz_id(art, rel), rel, None, bool(lesbar), bool(gueltig), daten, self.wurzel, geprueft=True)
        return Datensatz(art, datensatz_id(art, rel), rel, None, erg.lesbar, erg.gueltig, erg.daten, self.wurzel, geprueft=True)


class _Art(Mapping[str, Datensatz]):
    def __init__(self, quelle: _Quelle, ids: dict[str, int]):
        self._quelle = quelle
        self.ids = ids
        self._saetze: dict[str, Datensatz] = {}

    def __getitem__(self, id_: str) -> Datensatz:
        ds = self._saetze.get(id_)
        if ds is None:
            ds = self._saetze[id_] = self._quelle.datensatz(self.ids[id_])
        return ds

    def __iter__(self):
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)

    def __contains__(self, id_: object) -> bool:
        return id_ in self.ids


class SpeicherBestand(Bestand):
    _quelle: _Quelle  # gesetzt von `lade`

    def nach(self, art: str, feld: str, wert: str) -> list[Datensatz]:
        """Wie Bestand.nach, aber über die Indexwerte der Metadaten: ohne alle Daten zu laden."""
        schluessel = ("nach", art, feld)
        index = self._merker.get(schluessel)
        if index is None:
            index = self._merker[schluessel] = self._index_aus_metadaten(art, feld)
        saetze = self.arten[art]
        return [saetze[id_] for id_ in index.get(wert, ())]

    def dateien_je_schluessel(self) -> dict[tuple[str, str], str]:
        """Wie Bestand.dateien_je_schluessel, aber aus den gefundenen Dateien: ohne Daten zu laden."""
        gefunden = self._quelle.gefunden
        ergebnis = {("netzwerk", self.netzwerk.id): self.netzwerk.datei} if self.netzwerk is not None else {}
        for art, saetze in self.arten.items():
            ergebnis.update(((art, id_), gefunden[i][2]) for id_, i in cast(_Art, saetze).ids.items())
        return ergebnis

    def _index_aus_metadaten(self, art: str, feld: str) -> dict[str, list[str]]:
        quelle = self._quelle
        stelle = INDEXFELDER[art].index(feld)
        index: dict[str, list[str]] = {}
        saetze = cast(_Art, self.arten[art])  # `lade` legt jede Art als _Art an
        for id_, i in saetze.ids.items():
            e = quelle.eintraege[i]
            erg = quelle.frisch.get(quelle.gefunden[i][2])
            gueltig, kopf = (erg.gueltig, indexwerte(art, erg.daten)) if erg is not None else (e[4], e[5])
            if gueltig and kopf:
                for wert in kopf[stelle]:
                    index.setdefault(wert, []).append(id_)
        return index


def lade(wurzel: Path, gefunden: list, fund_befunde: list[Befund], eintraege: list, frisch: dict, speicher) -> SpeicherBestand:
    """Der Bestand zu den gefundenen Dateien und ihren Metadaten (aus `Speicher.abgleichen`)."""
    quelle = _Quelle(wurzel, gefunden, eintraege, frisch, speicher)
    netzwerk, ids, probleme = einordnen(gefunden)
    # Die Arten sind nur lesbare Zuordnungen, wo `Bestand.arten` veränderbare dicts nennt: die
    # Querprüfung liest sie nur (wie `lade_bedarf` in bestand/__init__.py).
    arten = cast(dict[str, dict[str, Datensatz]], {art: _Art(quelle, je_id) for art, je_id in ids.items()})
    bestand = SpeicherBestand(wurzel=wurzel, arten=arten)
    bestand._quelle = quelle
    bestand.dateien = len(gefunden)
    bestand.befunde.extend(fund_befunde)
    for (_, _, rel), e in zip(gefunden, eintraege, strict=True):
        if e[2]:
            bestand.befunde.extend(Befund(rel, *b) for b in e[2])
    if netzwerk is not None:
        bestand.netzwerk = quelle.datensatz(netzwerk)
    for i, grund in probleme:
        bestand.befunde.append(quelle.datensatz(i).befund("id-ungueltig", grund))
    return bestand
