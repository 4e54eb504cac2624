"""Einen Bestand laden: vollständig (`lade_bestand`, jede Datei für sich geprüft, mit
Zwischenspeicher) oder bei Bedarf (`lade_bedarf`, Datensätze erst beim Zugriff)."""

from __future__ import annotations

import gc
from collections.abc import Mapping
from pathlib import Path
from typing import cast

from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.bestand.finden import _datensatz_dateien, _finden, einordnen
from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, ORDNER, ORDNER_VON_ART, datensatz_id


def lade_bestand(wurzel: Path, zwischenspeicher: bool = True) -> Bestand:
    """Liest alle Datensätze und prüft jede Datei für sich (YAML, Schema).

    Die Dateiprüfung läuft ab einigen tausend Dateien auf mehreren Prozessen; ihre Ergebnisse
    kommen, wenn möglich, aus dem Zwischenspeicher (Schlüssel: Prüfsumme des Inhalts, Werkzeug-
    und Schema-Version). Prüfungen über mehrere Datensätze laufen danach immer neu.
    """
    # Beim Laden entstehen Millionen kleiner Objekte ohne Zyklen; die zyklische Speicherbereinigung
    # würde sie immer wieder durchsuchen (bei 100 000 Datensätzen dreimal so lange wie das Laden).
    bereinigung = gc.isenabled()
    gc.disable()
    try:
        return _lade_bestand(wurzel, zwischenspeicher)
    finally:
        if bereinigung:
            gc.freeze()  # Geladenes nie mehr durchsuchen (es bleibt bis zum Ende des Befehls)
            gc.enable()


def _lade_bestand(wurzel: Path, zwischenspeicher: bool) -> Bestand:
    from netzwerk_cli import dateipruefung
    from netzwerk_cli.quellen import zwischenspeicher as zs

    bestand = Bestand(wurzel=wurzel)
    gefunden, befunde = _finden(wurzel)
    bestand.befunde.extend(befunde)
    bestand.dateien = len(gefunden)
    auftraege = gefunden  # (art, pfad, rel) – Pfade als Text: 100 000 Path-Objekte kosten fast eine Sekunde
    speicher = zs.oeffnen(wurzel, dateipruefung.werkzeug_kennung()) if zwischenspeicher else None
    ergebnisse = dateipruefung.ergebnisse(auftraege, wurzel, speicher)
    if speicher is not None:
        speicher.speichern()
    saetze = []
    for (art, _, rel), erg in zip(gefunden, ergebnisse, strict=True):
        bestand.befunde.extend(erg.als_befunde(rel))
        saetze.append(Datensatz(art, datensatz_id(art, rel), rel, None, erg.lesbar, erg.gueltig, erg.daten, wurzel, geprueft=True))
    netzwerk, ids, probleme = einordnen(gefunden)
    if netzwerk is not None:
        bestand.netzwerk = saetze[netzwerk]
    for art, je_id in ids.items():
        bestand.arten[art] = {id_: saetze[i] for id_, i in je_id.items()}
    for i, grund in probleme:
        bestand.befunde.append(saetze[i].befund("id-ungueltig", grund))
    return bestand


class _ArtAnsicht(Mapping[str, Datensatz]):
    """Die Datensätze einer Art, erst beim Zugriff gelesen (für Befehle, die wenige brauchen).

    Die ids kommen aus den Dateinamen (ein Gang durch den Ordner der Art, erst wenn die Art
    gebraucht wird); gelesen und schema-geprüft wird ein Datensatz beim ersten Zugriff auf ihn.
    Doppelte ids: wie beim vollständigen Laden gilt die erste Datei.
    """

    def __init__(self, wurzel: Path, art: str):
        self._wurzel = wurzel
        self._art = art
        self._pfade: dict[str, tuple[str, str]] | None = None
        self._geladen: dict[str, Datensatz] = {}

    def _index(self) -> dict[str, tuple[str, str]]:
        if self._pfade is None:
            self._pfade = {}
            ordner = self._wurzel / ORDNER_VON_ART[self._art]
            if ordner.is_dir() and not ordner.is_symlink():
                for rel, pfad in _datensatz_dateien(str(ordner), ORDNER_VON_ART[self._art], self._art, []):
                    self._pfade.setdefault(rel[rel.rfind("/") + 1 : -len(".yaml")], (rel, pfad))
        return self._pfade

    def __getitem__(self, id_: str) -> Datensatz:
        ds = self._geladen.get(id_)
        if ds is None:
            rel, pfad = self._index()[id_]  # KeyError: gibt es nicht
            ds = _lade_einzeln(self._wurzel, self._art, id_, rel, Path(pfad))
            self._geladen[id_] = ds
        return ds

    def __iter__(self):
        return iter(self._index())

    def values(self):
        self._alle_laden()
        return super().values()

    def items(self):
        self._alle_laden()
        return super().items()

    def _alle_laden(self) -> None:
        """Alle Datensätze der Art auf einmal: über Zwischenspeicher und parallele Prüfung
        (`empfehlung list` bei 50 000 Empfehlungen)."""
        from netzwerk_cli import dateipruefung
        from netzwerk_cli.quellen import zwischenspeicher as zs

        offen = [(self._art, pfad, rel) for id_, (rel, pfad) in self._index().items() if id_ not in self._geladen]
        if len(offen) < 100:
            return
        speicher = zs.oeffnen(self._wurzel, dateipruefung.werkzeug_kennung())
        bereinigung = gc.isenabled()
        gc.disable()
        try:
            ergebnisse = dateipruefung.ergebnisse(offen, self._wurzel, speicher, alle=False)
            if speicher:
                speicher.speichern()
        finally:
            if bereinigung:
                gc.enable()
        for (_, _, rel), erg in zip(offen, ergebnisse, strict=True):
            id_ = rel[rel.rfind("/") + 1 : -len(".yaml")]
            self._geladen.setdefault(id_, Datensatz(self._art, id_, rel, None, erg.lesbar, erg.gueltig, erg.daten, self._wurzel, geprueft=True))

    def __len__(self) -> int:
        return len(self._index())

    def __contains__(self, id_: object) -> bool:
        return id_ in self._index()


def _lade_einzeln(wurzel: Path, art: str, id_: str, rel: str, pfad: Path) -> Datensatz:
    from netzwerk_cli import dateipruefung

    erg = dateipruefung.pruefe_datei(art, pfad, wurzel, rel)
    return Datensatz(art, id_, rel, None, erg.lesbar, erg.gueltig, erg.daten, wurzel, geprueft=True)


def lade_bedarf(wurzel: Path) -> Bestand:
    """Ein Bestand, der Datensätze erst beim Zugriff liest (`empfehlung advance` u. a.).

    Er liefert dieselben Datensätze wie `lade_bestand`, aber keine Befunde über das ganze
    Repository; dafür gibt es `validate`. Die Wächter des Lebenszyklus lesen so nur die
    Empfehlung, ihre Sitzung, ihr Gremium und die genannten Organisationen.
    """
    # Die Ansichten sind nur lesbare Zuordnungen, wo `Bestand.arten` veränderbare dicts nennt:
    # verändert wird `arten` nur in Beständen aus `lade_bestand` und in Kopien (`dict(s)`,
    # aktionen/schreibvorgang.py), nie in einem Bestand nach Bedarf.
    arten = cast(dict[str, dict[str, Datensatz]], {art: _ArtAnsicht(wurzel, art) for art in ORDNER.values()})
    bestand = Bestand(wurzel=wurzel, arten=arten)
    netzwerk = wurzel / NETZWERK_DATEI
    if netzwerk.is_file():
        bestand.netzwerk = _lade_einzeln(wurzel, "netzwerk", "netzwerk", NETZWERK_DATEI, netzwerk)
    return bestand
