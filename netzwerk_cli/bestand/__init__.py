"""Der Bestand: alle Datensätze eines Datenrepositorys, gelesen und nach Art und id geordnet.

Findet die Wurzel (`netzwerk.yaml`), geht die Ordner der Arten durch, leitet ids aus
Dateinamen ab und sammelt Lese-Probleme als Befunde. Das Lesen selbst liegt in `quellen.dateien` und `quellen.yamltext`.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast, runtime_checkable

from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, ORDNER, ORDNER_VON_ART, datensatz_id, feldwerte, pruefe_id
from netzwerk_cli.grundlagen.befunde import Befund, json_pfad
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.quellen import dateien, yamltext

_ERLAUBT_OHNE_PRUEFUNG = {"readme.md", "readme", "readme.txt", "license", "licence"}


@dataclass(slots=True)
class Datensatz:
    art: str
    id: str
    datei: str  # relativ zur Wurzel, mit "/"
    _dok: yamltext.Dokument | None = None  # mit Positionen; wird bei Bedarf nachgelesen
    lesbar: bool = True  # False: Lesefehler; weitere Prüfungen dieses Datensatzes entfallen
    gueltig: bool = False  # True, sobald das Schema geprüft und erfüllt ist
    _daten: Any = None  # Daten ohne Positionen (schneller Weg); sonst die des Dokuments
    wurzel: Path | None = None  # zum Nachlesen der Positionen
    geprueft: bool = False  # Schema schon geprüft (beim Laden)

    @property
    def dok(self) -> yamltext.Dokument | None:
        """Das Dokument mit Positionen. Gelesen wird es erst, wenn jemand Positionen braucht
        (in der Regel für einen Befund); die Daten kommen weiter aus `daten`."""
        if self._dok is None and self.wurzel is not None:
            self._dok = dateien.lies_mit_positionen(self.wurzel / self.datei, self.wurzel)
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


_T = TypeVar("_T")


@runtime_checkable
class BestandLesen(Protocol):
    """Die Nachschlage-Methoden eines Bestands: die einzige Sicht der Prüfungen über mehrere
    Datensätze auf andere Datensätze.

    Jede Art von Bestand erfüllt sie: der vollständig geladene (`lade_bestand`), der nach Bedarf
    lesende (`lade_bedarf`), der aus dem Zwischenspeicher (`aus_speicher.SpeicherBestand`) und
    der mitschreibende `abhaengigkeiten.Aufzeichner`. Eine Prüfung, die nur diese Methoden
    nutzt, läuft auf allen gleich; was sie nachschlägt, kann der Aufzeichner festhalten.
    """

    def hole(self, art: str, id_: object) -> Datensatz | None:
        """Der Datensatz der Art mit dieser id (auch ungültige), sonst None."""
        ...

    def daten(self, art: str, id_: object) -> dict:
        """Die Daten eines schema-gültigen Datensatzes, sonst {}."""
        ...

    def gibt_es(self, art: str, id_: object) -> bool: ...

    def fehlende(self, art: str, werte: list) -> list[str]:
        """Die Texte unter `werte`, die keine id der Art sind (Nicht-Texte zählen nicht)."""
        ...

    def ids(self, art: str) -> Collection[str]:
        """Die ids einer Art (`in`, Iteration, len)."""
        ...

    def alle_von(self, art: str) -> Collection[Datensatz]: ...

    def nach(self, art: str, feld: str, wert: str) -> list[Datensatz]:
        """Die schema-gültigen Datensätze der Art, deren Feld `feld` den Text `wert` hat."""
        ...

    def merke(self, schluessel: str, rechne: Callable[[BestandLesen], _T]) -> _T:
        """Ein aus dem Bestand abgeleiteter Wert, einmal je Prüflauf berechnet (`rechne(bestand)`)."""
        ...


@dataclass
class Bestand:
    wurzel: Path
    netzwerk: Datensatz | None = None
    arten: dict[str, dict[str, Datensatz]] = field(default_factory=lambda: {a: {} for a in ORDNER.values()})
    befunde: list[Befund] = field(default_factory=list)
    dateien: int = 0
    _merker: dict[Any, Any] = field(default_factory=dict, repr=False)

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

    # Nachschlagen für die Prüfungen. Prüfungen über mehrere Datensätze lesen andere Datensätze
    # nur über diese Methoden (und `hole`/`daten`): so kann `abhaengigkeiten.Aufzeichner`
    # mitschreiben, wovon ein Ergebnis abhängt (inkrementelle Prüfung, siehe querpruefung.py).

    def gibt_es(self, art: str, id_: object) -> bool:
        return isinstance(id_, str) and id_ in self.arten.get(art, {})

    def fehlende(self, art: str, werte: list) -> list[str]:
        """Die Texte unter `werte`, die keine id der Art sind (Nicht-Texte zählen nicht)."""
        vorhanden = self.arten.get(art, {})
        return [w for w in werte if w.__class__ is str and w not in vorhanden]

    def ids(self, art: str) -> Collection[str]:
        """Die ids einer Art (unterstützt `in`, Iteration, len)."""
        return self.arten.get(art, {})

    def alle_von(self, art: str) -> Collection[Datensatz]:
        return self.arten.get(art, {}).values()

    def nach(self, art: str, feld: str, wert: str) -> list[Datensatz]:
        """Die schema-gültigen Datensätze der Art, deren Feld `feld` den Text `wert` hat
        (bei Listenfeldern: unter seinen Texten hat; `grundlagen.arten.feldwerte`)."""
        schluessel = ("nach", art, feld)
        index: dict[str, list[Datensatz]] | None = self._merker.get(schluessel)
        if index is None:
            index = self._merker[schluessel] = self._index(art, feld)
        return index.get(wert, [])

    def _index(self, art: str, feld: str) -> dict[str, list[Datensatz]]:
        index: dict[str, list[Datensatz]] = {}
        for ds in self.arten.get(art, {}).values():
            if ds.gueltig:
                for wert in feldwerte(feld, ds.daten):
                    index.setdefault(wert, []).append(ds)
        return index

    def merke(self, schluessel: str, rechne: Callable[[BestandLesen], _T]) -> _T:
        """Ein aus dem Bestand abgeleiteter Wert, einmal je Prüflauf berechnet (`rechne(bestand)`)."""
        if schluessel not in self._merker:
            self._merker[schluessel] = rechne(self)
        return self._merker[schluessel]

    def vergessen(self) -> None:
        """Abgeleitete Werte verwerfen (nach Änderungen am Bestand im Speicher)."""
        self._merker.clear()

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
    gefunden, befunde = _finden(wurzel)
    return [(art, Path(pfad)) for art, pfad, _ in gefunden], befunde


def _finden(wurzel: Path) -> tuple[list[tuple[str, str, str]], list[Befund]]:
    """(art, pfad, rel) aller Datensatzdateien und Befunde zu Dateien am falschen Ort."""
    gefunden: list[tuple[str, str, str]] = []
    befunde: list[Befund] = []
    with os.scandir(wurzel) as eintraege:
        oben = sorted(eintraege, key=lambda e: e.name)
    for e in oben:
        if e.name.startswith("."):
            continue
        rel = e.name
        if e.name == NETZWERK_DATEI:
            gefunden.append(("netzwerk", e.path, rel))
        elif e.name in ORDNER:
            if e.is_symlink():
                befunde.append(_datei_befund(rel, "datei-ungueltig", "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen"))
                continue
            if not e.is_dir():
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"„{e.name}“ muss ein Ordner sein"))
                continue
            art = ORDNER[e.name]
            gefunden.extend((art, pfad, r) for r, pfad in _datensatz_dateien(e.path, rel, art, befunde))
        elif e.is_symlink() and (e.name.lower().endswith((".yaml", ".yml")) or _zeigt_auf_ordner(e)):
            befunde.append(_datei_befund(rel, "datei-ungueltig", f"„{e.name}“ ist eine Verknüpfung in keinem bekannten Ordner; wird nicht gelesen"))
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


def _datensatz_dateien(ordner: str, rel_ordner: str, art: str, befunde: list) -> Iterator[tuple[str, str]]:
    """(rel, pfad) aller Datensatzdateien unter `ordner`; Befunde zu Fremdem in `befunde`."""
    stapel = [(ordner, rel_ordner)]
    while stapel:
        basis, rel_basis = stapel.pop()
        try:
            with os.scandir(basis) as it:
                eintraege = sorted(it, key=lambda e: e.name)
        except OSError as fehler:
            befunde.append(_datei_befund(rel_basis, "datei-ungueltig", f"Ordner nicht lesbar: {fehler.strerror or fehler}"))
            continue
        unterordner = []
        for e in eintraege:
            name = e.name
            if name.startswith("."):
                continue  # versteckte und temporäre Dateien (z. B. von atomaren Schreibvorgängen)
            rel = f"{rel_basis}/{name}"
            if e.is_dir(follow_symlinks=False):
                unterordner.append((e.path, rel))
                continue
            if e.is_symlink() and _zeigt_auf_ordner(e):
                befunde.append(_datei_befund(rel, "datei-ungueltig", "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen"))
                continue
            if name.endswith(".yaml"):
                yield rel, e.path
            elif name.lower().endswith((".yml", ".yaml")):
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"Endung „{Path(name).suffix}“: Datensätze enden auf „.yaml“ (klein)"))
            elif name.lower() not in _ERLAUBT_OHNE_PRUEFUNG:
                befunde.append(
                    _datei_befund(rel, "datei-ungueltig", f"„{name}“ ist keine YAML-Datei; in „{ORDNER_VON_ART[art]}/“ gehören nur Datensätze (.yaml)")
                )
        stapel.extend(reversed(unterordner))


def _zeigt_auf_ordner(e: os.DirEntry) -> bool:
    try:
        return e.is_dir()
    except OSError:  # Verknüpfungsschleife: meldet das Lesen der Datei
        return False


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


def einordnen(gefunden: list[tuple[str, str, str]]) -> tuple[int | None, dict[str, dict[str, int]], list[tuple[int, str]]]:
    """Ordnet gefundene Dateien (art, pfad, rel) nach Art und id: (Index der netzwerk.yaml,
    {art: {id: Index}}, [(Index, Grund)] für ungültige und doppelte ids – bei doppelten gilt
    die erste Datei)."""
    netzwerk = None
    ids: dict[str, dict[str, int]] = {art: {} for art in ORDNER.values()}
    probleme: list[tuple[int, str]] = []
    for i, (art, _, rel) in enumerate(gefunden):
        if art == "netzwerk":
            netzwerk = i
            continue
        id_ = rel[rel.rfind("/") + 1 : -len(".yaml")]
        grund = pruefe_id(id_)
        if grund:
            probleme.append((i, grund))
        vorher = ids[art].get(id_)
        if vorher is not None:
            probleme.append((i, f"id „{id_}“ gibt es in „{ORDNER_VON_ART[art]}/“ schon: {gefunden[vorher][2]}"))
            continue
        ids[art][id_] = i
    return netzwerk, ids, probleme


# --------------------------------------------------------------------------- nach Bedarf


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
