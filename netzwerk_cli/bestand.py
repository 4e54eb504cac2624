"""Der Bestand: alle Datensätze eines Datenrepositorys, gelesen und nach Art und id geordnet.

Findet die Wurzel (`netzwerk.yaml`), geht die Ordner der Arten durch, leitet ids aus
Dateinamen ab und sammelt Lese-Probleme als Befunde. Das Lesen selbst liegt in `yamlio`.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from netzwerk_cli import yamlio
from netzwerk_cli.befunde import Befund, json_pfad
from netzwerk_cli.fehler import EinrichtungsFehler

NETZWERK_DATEI = "netzwerk.yaml"
ORDNER = {
    "organisationen": "organisation",
    "personen": "person",
    "gremien": "gremium",
    "arbeitsgruppen": "arbeitsgruppe",
    "sitzungen": "sitzung",
    "empfehlungen": "empfehlung",
    "veranstaltungen": "veranstaltung",
    "konzepte": "konzept",
}
ORDNER_VON_ART = {art: ordner for ordner, art in ORDNER.items()}
ARTEN = ("netzwerk", *ORDNER.values())
ID_MUSTER = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
ID_MAX = 64
_ERLAUBT_OHNE_PRUEFUNG = {"readme.md", "readme", "readme.txt", "license", "licence"}


@dataclass(slots=True)
class Datensatz:
    art: str
    id: str
    datei: str  # relativ zur Wurzel, mit "/"
    _dok: yamlio.Dokument | None = None  # mit Positionen; wird bei Bedarf nachgelesen
    lesbar: bool = True  # False: Lesefehler; weitere Prüfungen dieses Datensatzes entfallen
    gueltig: bool = False  # True, sobald das Schema geprüft und erfüllt ist
    _daten: Any = None  # Daten ohne Positionen (schneller Weg); sonst die des Dokuments
    wurzel: Path | None = None  # zum Nachlesen der Positionen
    geprueft: bool = False  # Schema schon geprüft (beim Laden)

    @property
    def dok(self) -> yamlio.Dokument | None:
        """Das Dokument mit Positionen. Gelesen wird es erst, wenn jemand Positionen braucht
        (in der Regel für einen Befund); die Daten kommen weiter aus `daten`."""
        if self._dok is None and self.wurzel is not None:
            self._dok = yamlio.lies_mit_positionen(self.wurzel / self.datei, self.wurzel)
        return self._dok

    @property
    def daten(self) -> dict:
        daten = self._daten if self._daten is not None else (self._dok.daten if self._dok is not None else None)
        return daten if isinstance(daten, dict) else {}

    def position(self, pfad: tuple = ()) -> tuple[int, int]:
        dok = self.dok
        return dok.position(pfad) if dok is not None else (1, 1)

    def befund(self, regel: str, meldung: str, pfad: tuple = (), schwere: str = "fehler") -> Befund:
        zeile, spalte = self.position(pfad)
        return Befund(self.datei, zeile, spalte, schwere, regel, meldung, json_pfad(pfad))


@dataclass
class Bestand:
    wurzel: Path
    netzwerk: Datensatz | None = None
    arten: dict[str, dict[str, Datensatz]] = field(default_factory=lambda: {a: {} for a in ORDNER.values()})
    befunde: list[Befund] = field(default_factory=list)
    dateien: int = 0

    def alle(self) -> Iterator[Datensatz]:
        if self.netzwerk is not None:
            yield self.netzwerk
        for saetze in self.arten.values():
            yield from saetze.values()

    def hole(self, art: str, id_: object) -> Datensatz | None:
        if not isinstance(id_, str):
            return None
        return self.arten.get(art, {}).get(id_)

    def daten(self, art: str, id_: object) -> dict:
        """Daten eines schema-gültigen Datensatzes, sonst {} (fehlerhafte meldet die Schemaprüfung)."""
        ds = self.hole(art, id_)
        return ds.daten if ds is not None and ds.gueltig else {}

    @property
    def einstellungen(self) -> dict:
        if self.netzwerk is None:
            return {}
        e = self.netzwerk.daten.get("einstellungen")
        return e if isinstance(e, dict) else {}


def finde_wurzel(daten: Path | None = None, start: Path | None = None) -> Path:
    """Die Wurzel des Datenrepositorys: `--daten DIR` oder aufwärts bis `netzwerk.yaml`."""
    if daten is not None:
        daten = Path(daten)
        if not daten.is_dir():
            raise EinrichtungsFehler(f"Ordner „{daten}“ gibt es nicht (--daten).")
        if not (daten / NETZWERK_DATEI).is_file():
            raise EinrichtungsFehler(
                f"In „{daten}“ liegt keine {NETZWERK_DATEI}; das ist kein Datenrepository "
                "(neu anlegen mit: netzwerk init ORDNER)."
            )
        return daten.resolve()
    ort = (start or Path.cwd()).resolve()
    for kandidat in (ort, *ort.parents):
        if (kandidat / NETZWERK_DATEI).is_file():
            return kandidat
    raise EinrichtungsFehler(
        f"Kein Datenrepository gefunden: weder „{ort}“ noch ein übergeordneter Ordner enthält "
        f"{NETZWERK_DATEI}. Mit --daten ORDNER angeben oder mit „netzwerk init ORDNER“ anlegen."
    )


def _datei_befund(datei: str, regel: str, meldung: str, zeile: int = 1, spalte: int = 1) -> Befund:
    return Befund(datei, zeile, spalte, "fehler", regel, meldung, "$")


def dateien_finden(wurzel: Path) -> tuple[list[tuple[str, Path]], list[Befund]]:
    """Alle Datensatzdateien als (art, pfad) und Befunde zu Dateien am falschen Ort."""
    gefunden: list[tuple[str, Path]] = []
    befunde: list[Befund] = []
    with os.scandir(wurzel) as eintraege:
        oben = sorted(eintraege, key=lambda e: e.name)
    for e in oben:
        if e.name.startswith("."):
            continue
        rel = e.name
        if e.name == NETZWERK_DATEI:
            gefunden.append(("netzwerk", Path(e.path)))
        elif e.name in ORDNER:
            if e.is_symlink():
                befunde.append(_datei_befund(rel, "datei-ungueltig", "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen"))
                continue
            if not e.is_dir():
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"„{e.name}“ muss ein Ordner sein"))
                continue
            _ordner_durchgehen(wurzel, Path(e.path), ORDNER[e.name], gefunden, befunde)
        elif e.is_file(follow_symlinks=False) and e.name.lower().endswith((".yaml", ".yml")):
            befunde.append(_datei_befund(rel, "datei-ungueltig", _unbekannter_ort(e.name)))
        elif e.is_dir(follow_symlinks=False):
            for pfad in _yaml_dateien_unter(Path(e.path)):
                befunde.append(
                    _datei_befund(
                        pfad.relative_to(wurzel).as_posix(),
                        "datei-ungueltig",
                        f"Ordner „{e.name}“ gehört zu keiner Art ({', '.join(ORDNER)}); Datei wird nicht gelesen",
                    )
                )
    return gefunden, befunde


def _unbekannter_ort(name: str) -> str:
    return f"„{name}“ liegt in keinem bekannten Ordner ({', '.join(ORDNER)}); Datei wird nicht gelesen"


def _yaml_dateien_unter(ordner: Path) -> Iterator[Path]:
    for basis, ordnernamen, dateinamen in os.walk(ordner):
        ordnernamen[:] = sorted(d for d in ordnernamen if not d.startswith("."))
        for name in sorted(dateinamen):
            if not name.startswith(".") and name.lower().endswith((".yaml", ".yml")):
                yield Path(basis) / name


def _ordner_durchgehen(wurzel: Path, ordner: Path, art: str, gefunden: list, befunde: list) -> None:
    for basis, ordnernamen, dateinamen in os.walk(ordner):
        basis_pfad = Path(basis)
        behalten = []
        for d in sorted(ordnernamen):
            if d.startswith("."):
                continue
            if (basis_pfad / d).is_symlink():
                befunde.append(
                    _datei_befund(
                        (basis_pfad / d).relative_to(wurzel).as_posix(),
                        "datei-ungueltig",
                        "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen",
                    )
                )
                continue
            behalten.append(d)
        ordnernamen[:] = behalten
        for name in sorted(dateinamen):
            if name.startswith("."):
                continue  # versteckte und temporäre Dateien (z. B. von atomaren Schreibvorgängen)
            pfad = basis_pfad / name
            rel = pfad.relative_to(wurzel).as_posix()
            if name.endswith(".yaml"):
                gefunden.append((art, pfad))
            elif name.lower().endswith((".yml", ".yaml")):
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"Endung „{Path(name).suffix}“: Datensätze enden auf „.yaml“ (klein)"))
            elif name.lower() not in _ERLAUBT_OHNE_PRUEFUNG:
                befunde.append(
                    _datei_befund(rel, "datei-ungueltig", f"„{name}“ ist keine YAML-Datei; in „{ORDNER_VON_ART[art]}/“ gehören nur Datensätze (.yaml)")
                )


def pruefe_id(id_: str) -> str | None:
    """Deutsche Begründung, warum ein Dateiname keine gültige id ist, sonst None."""
    if len(id_) > ID_MAX:
        return f"id „{id_[:20]}…“ ist {len(id_)} Zeichen lang (höchstens {ID_MAX})"
    if not ID_MUSTER.match(id_):
        hinweis = " (nur Kleinbuchstaben)" if id_ != id_.lower() else ""
        return (
            f"Dateiname „{id_}“ ist keine gültige id{hinweis}: erlaubt sind a–z, 0–9 und einzelne "
            "Bindestriche dazwischen, z. B. „amt-fuer-migration“"
        )
    return None


def lade_bestand(wurzel: Path, zwischenspeicher: bool = True) -> Bestand:
    """Liest alle Datensätze und prüft jede Datei für sich (YAML, Schema).

    Die Dateiprüfung läuft ab einigen tausend Dateien auf mehreren Prozessen; ihre Ergebnisse
    kommen, wenn möglich, aus dem Zwischenspeicher (Schlüssel: Prüfsumme des Inhalts, Werkzeug-
    und Schema-Version). Prüfungen über mehrere Datensätze laufen danach immer neu.
    """
    from netzwerk_cli import dateipruefung, zwischenspeicher as zs

    bestand = Bestand(wurzel=wurzel)
    gefunden, befunde = dateien_finden(wurzel)
    bestand.befunde.extend(befunde)
    bestand.dateien = len(gefunden)
    auftraege = [(art, pfad, pfad.relative_to(wurzel).as_posix()) for art, pfad in gefunden]
    speicher = zs.oeffnen(wurzel) if zwischenspeicher else None
    if speicher is not None:
        ergebnisse = speicher.ergebnisse(auftraege, lambda offen: dateipruefung.pruefe_alle(offen, wurzel))
        speicher.speichern()
    else:
        ergebnisse = dateipruefung.pruefe_alle(auftraege, wurzel)
    for (art, pfad, rel), erg in zip(auftraege, ergebnisse):
        bestand.befunde.extend(erg.als_befunde(rel))
        id_ = "netzwerk" if art == "netzwerk" else pfad.name[: -len(".yaml")]
        ds = Datensatz(art, id_, rel, None, erg.lesbar, erg.gueltig, erg.daten, wurzel, geprueft=True)
        if art == "netzwerk":
            bestand.netzwerk = ds
            continue
        grund = pruefe_id(ds.id)
        if grund:
            bestand.befunde.append(ds.befund("id-ungueltig", grund))
        vorher = bestand.arten[art].get(ds.id)
        if vorher is not None:
            bestand.befunde.append(
                ds.befund("id-ungueltig", f"id „{ds.id}“ gibt es in „{ORDNER_VON_ART[art]}/“ schon: {vorher.datei}")
            )
            continue
        bestand.arten[art][ds.id] = ds
    return bestand
