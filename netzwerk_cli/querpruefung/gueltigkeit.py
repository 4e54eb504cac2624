"""Für welche Stichtage ein Prüfergebnis gilt: ein beobachteter Stichtag.

Eine Prüfung über Datensätze hinweg hängt vom Stichtag nur über Vergleiche ab („liegt die
Sitzung vor dem Stichtag?“, „ist die Mitgliedschaft am Stichtag aktiv?“, „ist die
Wiedervorlage fällig?“). `BeobachteterStichtag` tritt in der inkrementellen Prüfung an die
Stelle des Stichtags und schreibt bei jedem Vergleich mit, für welche Stichtage derselbe
Vergleich dasselbe ergäbe. Jeder Vergleich `t < x`, `t <= x`, `t > x`, `t >= x` (und seine
Umkehrung) schränkt t auf eine Halbgerade ein; alle zusammen ergeben ein Intervall. Liegt ein
anderer Stichtag in diesem Intervall, nimmt die Prüfung bei denselben Daten genau denselben
Weg und liefert dieselben Befunde – ihr Ergebnis gilt weiter (Beweis: jeder Zugriff auf den
Stichtag ist ein aufgezeichneter Vergleich mit demselben Ausgang).

Jeder andere Gebrauch legt das Ergebnis auf genau diesen Tag fest: Text (`str`, f-Strings in
Meldungen), Gleichheit, Hash, Ausschnitte. Alles übrige (`len`, `in`, `"".join`,
`date.fromisoformat` …) ist absichtlich nicht erlaubt und scheitert laut mit `TypeError`, statt
still an der Aufzeichnung vorbeizugehen – die Äquivalenztests (`tests/test_querpruefung.py`)
fielen sofort auf. Werte, die `bestand.merke` einmal je Lauf berechnet, dürfen darum nicht vom
Stichtag abhängen (sie bekommen ihn auch nicht).
"""

from __future__ import annotations

from typing import Any

# Gültigkeit: (unten, unten_offen, oben, oben_offen); None als Grenze = unbeschränkt.
# Ein Stichtag t liegt darin, wenn t > unten (offen) bzw. t >= unten und t < oben bzw. t <= oben.
Gueltigkeit = tuple[Any, bool, Any, bool]


class BeobachteterStichtag:
    """Der Stichtag einer Prüfung, der mitschreibt, wofür ihr Ergebnis gilt."""

    __slots__ = ("_wert", "_unten", "_unten_offen", "_oben", "_oben_offen")

    def __init__(self, wert: str) -> None:
        self._wert = wert
        self._unten: str | None = None
        self._unten_offen = False
        self._oben: str | None = None
        self._oben_offen = False

    @property
    def gueltigkeit(self) -> Gueltigkeit | None:
        """Das Intervall der Stichtage mit demselben Ergebnis; None: jeder Stichtag."""
        if self._unten is None and self._oben is None:
            return None
        return (self._unten, self._unten_offen, self._oben, self._oben_offen)

    def _mindestens(self, x: str, offen: bool) -> None:  # t > x (offen) bzw. t >= x
        if self._unten is None or x > self._unten or (x == self._unten and offen):
            self._unten, self._unten_offen = x, offen

    def _hoechstens(self, x: str, offen: bool) -> None:  # t < x (offen) bzw. t <= x
        if self._oben is None or x < self._oben or (x == self._oben and offen):
            self._oben, self._oben_offen = x, offen

    def _festlegen(self) -> str:
        self._mindestens(self._wert, False)
        self._hoechstens(self._wert, False)
        return self._wert

    # Vergleiche: `x < stichtag` mit x als Text landet über die Umkehrung bei `__gt__`.
    def __lt__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        if self._wert < x:
            self._hoechstens(x, True)
            return True
        self._mindestens(x, False)
        return False

    def __le__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        if self._wert <= x:
            self._hoechstens(x, False)
            return True
        self._mindestens(x, True)
        return False

    def __gt__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        if self._wert > x:
            self._mindestens(x, True)
            return True
        self._hoechstens(x, False)
        return False

    def __ge__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        if self._wert >= x:
            self._mindestens(x, False)
            return True
        self._hoechstens(x, True)
        return False

    # Alles andere legt auf genau diesen Tag fest.
    def __eq__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        return self._festlegen() == x

    def __ne__(self, x: object) -> bool:
        if not isinstance(x, str):
            return NotImplemented
        return self._festlegen() != x

    def __hash__(self) -> int:
        return hash(self._festlegen())

    def __str__(self) -> str:
        return self._festlegen()

    def __repr__(self) -> str:
        return repr(self._festlegen())

    def __format__(self, spec: str) -> str:
        return format(self._festlegen(), spec)

    def __getitem__(self, schluessel: Any) -> str:
        return self._festlegen()[schluessel]


def gilt(gueltigkeit: Gueltigkeit | None, stichtag: str) -> bool:
    """Liegt `stichtag` im Intervall? (None: unbeschränkt.) Ein beschädigter Eintrag gilt nicht."""
    if gueltigkeit is None:
        return True
    try:
        unten, unten_offen, oben, oben_offen = gueltigkeit
        if unten is not None and (stichtag <= unten if unten_offen else stichtag < unten):
            return False
        return not (oben is not None and (stichtag >= oben if oben_offen else stichtag > oben))
    except (TypeError, ValueError):
        return False
