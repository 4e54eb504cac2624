"""Abhängigkeiten einer Prüfung: wovon die Befunde eines Datensatzes abhängen.

Die Prüfungen über mehrere Datensätze lesen andere Datensätze nur über die Nachschlage-
Methoden des Bestands (`hole`, `daten`, `gibt_es`, `fehlende`, `ids`, `alle_von`, `nach`, `merke`). Der
`Aufzeichner` reicht sie an den Bestand durch und schreibt dabei Schlüssel mit:

| Schlüssel              | ungültig, wenn …                                             |
|------------------------|--------------------------------------------------------------|
| `r·art·id`             | sich eine Datei mit dieser id ändert, neu kommt oder wegfällt |
| `e·art·id`             | eine Datei mit dieser id neu kommt oder wegfällt              |
| `ids·art`              | eine Datei der Art neu kommt oder wegfällt                    |
| `alle·art`             | sich irgendeine Datei der Art ändert                          |
| `idx·art·feld·wert`    | sich eine Datei der Art ändert, die vorher oder nachher `feld: wert` hat (Listenfeld: `wert` unter seinen Texten) |

(„·“ ist im Schlüssel das Zeichen NUL.) `querpruefung` prüft nach einer Änderung genau die
Datensätze neu, deren Schlüssel ungültig wurden. Die Tabelle ist bewusst grob: lieber ein
Datensatz zu viel neu geprüft als ein Fehler übersehen.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Collection
from typing import TYPE_CHECKING, TypeVar

from netzwerk_cli.grundlagen.arten import INDEXFELDER

if TYPE_CHECKING:
    from netzwerk_cli.bestand import Bestand, BestandLesen, Datensatz

_T = TypeVar("_T")

_LANG = 200  # längere ids kann es als Dateinamen nicht geben; sie werden gekürzt (Prüfsumme)


def _id(id_: str) -> str:
    if len(id_) <= _LANG:
        return id_
    return "#" + hashlib.sha256(id_.encode("utf-8", "surrogatepass")).hexdigest()


def datensatz(art: str, id_: str) -> str:
    return f"r\0{art}\0{_id(id_)}"


def existenz(art: str, id_: str) -> str:
    return f"e\0{art}\0{_id(id_)}"


def ids(art: str) -> str:
    return f"ids\0{art}"


def alle(art: str) -> str:
    return f"alle\0{art}"


def index(art: str, feld: str, wert: str) -> str:
    return f"idx\0{art}\0{feld}\0{_id(wert)}"


def subjekt(art: str, id_: str) -> str:
    """Schlüssel eines geprüften Datensatzes (Subjekt) im Zwischenspeicher."""
    return f"{art}\0{id_}"


class Aufzeichner:
    """Ein Bestand für eine Prüfung, der mitschreibt, was sie nachschlägt (`abh`).

    Erfüllt `bestand.BestandLesen`: er bietet genau dessen Nachschlage-Methoden."""

    __slots__ = ("_bestand", "abh")

    def __init__(self, bestand: Bestand):
        self._bestand = bestand
        self.abh: set[str] = set()

    def hole(self, art: str, id_: object) -> Datensatz | None:
        if isinstance(id_, str):
            self.abh.add(datensatz(art, id_))
        return self._bestand.hole(art, id_)

    def daten(self, art: str, id_: object) -> dict:
        if isinstance(id_, str):
            self.abh.add(datensatz(art, id_))
        return self._bestand.daten(art, id_)

    def gibt_es(self, art: str, id_: object) -> bool:
        if id_.__class__ is str:
            self.abh.add(f"e\0{art}\0{id_}" if len(id_) <= _LANG else existenz(art, id_))
        return self._bestand.gibt_es(art, id_)

    def fehlende(self, art: str, werte: list) -> list[str]:
        abh = self.abh
        for w in werte:
            if w.__class__ is str:
                abh.add(f"e\0{art}\0{w}" if len(w) <= _LANG else existenz(art, w))
        return self._bestand.fehlende(art, werte)

    def ids(self, art: str) -> Collection[str]:
        self.abh.add(ids(art))
        return self._bestand.ids(art)

    def alle_von(self, art: str) -> Collection[Datensatz]:
        self.abh.add(alle(art))
        return self._bestand.alle_von(art)

    def nach(self, art: str, feld: str, wert: str) -> list[Datensatz]:
        if feld not in INDEXFELDER.get(art, ()):
            raise ValueError(f"nach({art!r}, {feld!r}): Feld fehlt in grundlagen.arten.INDEXFELDER")
        self.abh.add(index(art, feld, wert))
        return self._bestand.nach(art, feld, wert)

    def merke(self, schluessel: str, rechne: Callable[[BestandLesen], _T]) -> _T:
        """Wie `Bestand.merke`; die Abhängigkeiten des Werts gelten für jeden, der ihn nutzt."""
        merker = self._bestand._merker
        eintrag: tuple[_T, frozenset[str]] | None = merker.get(("aufgezeichnet", schluessel))
        if eintrag is None:
            innen = Aufzeichner(self._bestand)
            eintrag = merker[("aufgezeichnet", schluessel)] = (rechne(innen), frozenset(innen.abh))
        self.abh |= eintrag[1]
        return eintrag[0]
