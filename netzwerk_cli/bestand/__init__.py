"""Der Bestand: alle Datensätze eines Datenrepositorys nach Art und id – das Modell.

`Datensatz`, `Bestand` und die Nachschlage-Schnittstelle `BestandLesen`, die jede Variante erfüllt
(voll geladen, bei Bedarf geladen, aus dem Zwischenspeicher, aufzeichnend). Das Finden der Dateien
liegt in `bestand.finden`, das Laden in `bestand.laden`, das Lesen in `quellen.dateien`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar, runtime_checkable

from netzwerk_cli.grundlagen.arten import ORDNER, feldwerte
from netzwerk_cli.grundlagen.befunde import Befund, json_pfad
from netzwerk_cli.quellen import dateien, yamltext


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

    def dateien_je_schluessel(self) -> dict[tuple[str, str], str]:
        """(Art, id) → Datei jedes Datensatzes, `netzwerk.yaml` zuerst (Reihenfolge wie `alle`);
        `aus_speicher.SpeicherBestand` liefert das, ohne Daten zu laden (`validate --basis`)."""
        return {(ds.art, ds.id): ds.datei for ds in self.alle()}

    def vergessen(self) -> None:
        """Abgeleitete Werte verwerfen (nach Änderungen am Bestand im Speicher)."""
        self._merker.clear()

    @property
    def einstellungen(self) -> dict:
        if self.netzwerk is None:
            return {}
        e = self.netzwerk.daten.get("einstellungen")
        return e if isinstance(e, dict) else {}
