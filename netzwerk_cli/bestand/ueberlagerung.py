"""Ein Bestand mit geplanten Dateien an Stelle der gelesenen (für den Schreibweg).

`ueberlagern(neu, dateien)` setzt die geplanten Bytes (None = gelöscht) in einen Bestand ein:
jede Datei wird für sich geprüft (`dateipruefung.pruefe_bytes`), ihre Ladebefunde ersetzen die
alten, und ihr Datensatz tritt an die Stelle des gelesenen (ans Ende seiner Art, wie beim
Entfernen und Neueinfügen in ein dict). Das gilt für beide Wege des Schreibwegs:

* den vollständigen (`aktionen.schreibvorgang.ueberlagert`): Kopien der Arten als dict;
* den schnellen (`validierung.geplant`): `UeberlagerteArt` über dem Bestand aus dem
  Zwischenspeicher – nur die geänderten Datensätze liegen im Speicher, alle anderen werden
  erst beim Zugriff gelesen; `UeberlagerterBestand.nach` nimmt die Indexwerte der Metadaten.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, MutableMapping

from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.grundlagen.ergebnis import Ergebnis
from netzwerk_cli.quellen import yamltext


def art_der_datei(datei: str) -> str | None:
    """Die Art einer Datensatzdatei (relativ zur Wurzel, mit „/“); None für andere Dateien."""
    from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, ORDNER

    if datei == NETZWERK_DATEI:
        return "netzwerk"
    ordner = datei.split("/", 1)[0]
    if "/" in datei and datei.endswith(".yaml") and ordner in ORDNER:
        return ORDNER[ordner]
    return None


def ueberlagern(neu: Bestand, dateien: dict[str, bytes | None]) -> dict[str, Ergebnis | None]:
    """Setzt die Dateien in `neu` ein (verändert `neu`; die Arten müssen veränderbar sein).
    Liefert je Datensatzdatei ihr Prüfergebnis (None: gelöscht)."""
    from netzwerk_cli import dateipruefung
    from netzwerk_cli.grundlagen.arten import datensatz_id, pruefe_id

    ergebnisse: dict[str, Ergebnis | None] = {}
    neu.befunde = [b for b in neu.befunde if b.datei not in dateien]
    for datei, roh in dateien.items():
        art = art_der_datei(datei)
        if art is None:
            continue  # keine Datensatzdatei (z. B. README): für validate ohne Bedeutung
        id_ = datensatz_id(art, datei)
        if art == "netzwerk":
            vorhanden = neu.netzwerk
        else:
            vorhanden = neu.arten[art].get(id_)
        if vorhanden is not None and vorhanden.datei == datei:
            if art == "netzwerk":
                neu.netzwerk = None
            else:
                del neu.arten[art][id_]
            neu.dateien -= 1
        ergebnisse[datei] = None
        if roh is None:
            continue
        neu.dateien += 1
        erg = ergebnisse[datei] = dateipruefung.pruefe_bytes(art, roh, datei, hashlib.sha256(roh).hexdigest())
        neu.befunde.extend(erg.als_befunde(datei))
        dok = None
        if erg.lesbar:
            text, _ = yamltext.dekodiere(roh)
            dok, _ = yamltext.lade_text(text) if text is not None else (None, [])
        ds = Datensatz(art, id_, datei, dok, erg.lesbar, erg.gueltig, erg.daten, None, geprueft=True)
        if art == "netzwerk":
            neu.netzwerk = ds
            continue
        grund = pruefe_id(id_)
        if grund:
            neu.befunde.append(ds.befund("id-ungueltig", grund))
        if id_ in neu.arten[art]:
            neu.befunde.append(ds.befund("id-ungueltig", f"id „{id_}“ gibt es schon: {neu.arten[art][id_].datei}"))
            continue
        neu.arten[art][id_] = ds
    return ergebnisse


class UeberlagerteArt(MutableMapping):
    """Die Datensätze einer Art: die des Basisbestands, davor die geänderten.

    Verhält sich wie eine Kopie als dict, aus der entfernt und in die eingefügt wird:
    Eingefügtes steht am Ende, in der Reihenfolge des Einfügens. Eingefügt wird nur eine id,
    die es (nicht mehr) gibt – so nutzt es `ueberlagern`."""

    def __init__(self, basis: Mapping):
        self._basis = basis
        self.geaendert: dict[str, Datensatz | None] = {}  # None: entfernt

    def __getitem__(self, id_):
        geaendert = self.geaendert
        if id_ in geaendert:
            ds = geaendert[id_]
            if ds is None:
                raise KeyError(id_)
            return ds
        return self._basis[id_]

    def __contains__(self, id_) -> bool:
        geaendert = self.geaendert
        if id_ in geaendert:
            return geaendert[id_] is not None
        return id_ in self._basis

    def __iter__(self):
        geaendert = self.geaendert
        if not geaendert:
            yield from self._basis
            return
        for id_ in self._basis:
            if id_ not in geaendert:
                yield id_
        for id_, ds in geaendert.items():
            if ds is not None:
                yield id_

    def __len__(self) -> int:
        n = len(self._basis)
        for id_, ds in self.geaendert.items():
            if id_ in self._basis:
                n -= ds is None
            else:
                n += ds is not None
        return n

    def __setitem__(self, id_: str, ds: Datensatz) -> None:
        if id_ in self:
            raise KeyError(f"{id_} gibt es schon; erst entfernen")  # ersetzen an Ort und Stelle: nicht nötig
        self.geaendert.pop(id_, None)
        self.geaendert[id_] = ds

    def __delitem__(self, id_: str) -> None:
        if id_ not in self:
            raise KeyError(id_)
        self.geaendert[id_] = None


class UeberlagerterBestand(Bestand):
    """Ein Bestand aus dem Zwischenspeicher (`aus_speicher.SpeicherBestand`) mit geplanten
    Dateien. `nach` nimmt die Indexwerte der Metadaten und die der geänderten Datensätze, ohne
    alle Daten zu laden – mit derselben Reihenfolge wie `Bestand.nach` über einer Kopie."""

    def nach(self, art: str, feld: str, wert: str) -> list[Datensatz]:
        schluessel = ("nach", art, feld)
        index = self._merker.get(schluessel)
        if index is None:
            index = self._merker[schluessel] = self._ids_nach(art, feld)
        saetze = self.arten[art]
        return [saetze[id_] for id_ in index.get(wert, ())]

    def _ids_nach(self, art: str, feld: str) -> dict[str, list[str]]:
        basis = self._basis  # type: ignore[attr-defined]
        ansicht: UeberlagerteArt = self.arten[art]  # type: ignore[assignment]
        geaendert = ansicht.geaendert
        index: dict[str, list[str]] = {}
        for wert, ids in basis._index_aus_metadaten(art, feld).items():
            behalten = [i for i in ids if i not in geaendert] if geaendert else list(ids)
            if behalten:
                index[wert] = behalten
        for id_, ds in geaendert.items():
            if ds is not None and ds.gueltig:
                wert = ds.daten.get(feld)
                if isinstance(wert, str):
                    index.setdefault(wert, []).append(id_)
        return index


def ueberlagert_lazy(basis, dateien: dict[str, bytes | None]) -> tuple[UeberlagerterBestand, dict[str, Ergebnis | None]]:
    """Der Bestand `basis` (aus dem Zwischenspeicher) mit den geplanten Dateien; `basis` bleibt unverändert."""
    neu = UeberlagerterBestand(
        wurzel=basis.wurzel,
        netzwerk=basis.netzwerk,
        arten={a: UeberlagerteArt(s) for a, s in basis.arten.items()},  # type: ignore[misc]
        befunde=list(basis.befunde),
        dateien=basis.dateien,
    )
    neu._basis = basis  # type: ignore[attr-defined]
    return neu, ueberlagern(neu, dateien)
