"""Schwärzen von Namen und E-Mail-Adressen in Freitext – linear und auf normalisiertem Text.

`datenschutz.py` entscheidet, *was* geheim ist; dieses Modul findet es im Text und ersetzt es.

Normalisierung (nur zum Vergleichen; ersetzt wird im Originaltext):
* Formatzeichen (Unicode-Kategorie Cf: weicher Trennstrich U+00AD, Nullbreite U+200B,
  ZWJ/ZWNJ, Bidi-Marken …) werden übergangen;
* jedes Zeichen wird kompatibel zerlegt (NFKD: Vollbreite, Ligaturen, hochgestellte Ziffern),
  kombinierende Zeichen (Akzente) fallen weg, dann `casefold` (ß → ss, Groß/klein);
* Wörter sind Folgen von Buchstaben und Ziffern; alles andere (jeder Leerraum einschließlich
  geschütztem Leerzeichen und Tabulator, Zeilenumbruch, Satzzeichen, Bindestrich) trennt.
* Jedes Wort wird auf einen Stamm gebracht: ein End-„s“ oder End-„en“ fällt weg, solange
  danach mindestens drei Zeichen bleiben (Genitiv „Musters“, „Muster's“ → Wort „muster“ + „s“).

Ein Name ist eine Folge von Wortstämmen; zusätzlich zählt die zusammengeschriebene Form
(„MariaMuster“, auch mit unsichtbarem Zeichen dazwischen). Gesucht wird mit einem
Aho-Corasick-Automaten über Wortstämme: Jedes Wort des Textes kostet höchstens zwei Schritte
im Mittel, unabhängig von der Zahl und Länge der Namen. E-Mail-Adressen werden vom „@“ aus
nach links und rechts abgegrenzt; jedes Zeichen wird dabei höchstens zweimal angesehen.
Keine regulären Ausdrücke mit Rückverfolgung über Daten (docs/GARANTIEN.md).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass
class _Zaehler:
    """Zählt Arbeitsschritte (Tests prüfen damit Linearität, ohne Zeit zu messen)."""

    schritte: int = 0


ZAEHLER = _Zaehler()

# Ein Wort: Buchstaben und Ziffern (ohne „_“). Eine einzige Zeichenklasse mit „+“: linear.
_WORT = re.compile(r"[^\W_]+")
_ASCII_WORT = re.compile(r"[A-Za-z0-9]+")

_ZEICHEN: dict[str, str] = {}  # Zwischenspeicher: Zeichen → normalisierte Zeichen


def _zeichen(z: str) -> str:
    """Die normalisierte Form eines Zeichens ("" für Formatzeichen und Akzente)."""
    n = _ZEICHEN.get(z)
    if n is None:
        if unicodedata.category(z) == "Cf":
            n = ""
        elif z.isspace():
            n = " "
        else:
            zerlegt = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", z).casefold())
            n = "".join(t for t in zerlegt if not unicodedata.combining(t) and unicodedata.category(t) != "Cf")
        if len(_ZEICHEN) < 100_000:
            _ZEICHEN[z] = n
    return n


class _Tabelle(dict):
    """Übersetzungstabelle für `str.translate`: Codepunkt → normalisierte Zeichen, gefüllt beim
    ersten Nachschlagen (`__missing__`) mit derselben Funktion `_zeichen` wie `normalisieren`."""

    def __missing__(self, code: int) -> str:
        n = _zeichen(chr(code))
        if len(self) < 200_000:
            self[code] = n
        return n


_TABELLE = _Tabelle()


def normal(text: str) -> str:
    """Der normalisierte Text von `normalisieren`, ohne die Herkunft – Zeichen für Zeichen
    dasselbe (tests/test_export_gleichheit.py), aber in C über `str.translate` statt einer
    Python-Schleife je Zeichen. Die Herkunft braucht nur, wer wirklich etwas ersetzt."""
    if text.isascii():
        ZAEHLER.schritte += 1
        return text.lower()
    ZAEHLER.schritte += len(text)
    return text.translate(_TABELLE)


def normalisieren(text: str) -> tuple[str, list[int] | None]:
    """(normalisierter Text, Herkunft): Herkunft[i] ist die Stelle im Original, aus der das
    i-te normalisierte Zeichen stammt; None heißt „dieselbe Stelle“ (reiner ASCII-Text)."""
    if text.isascii():
        ZAEHLER.schritte += 1
        return text.lower(), None
    teile: list[str] = []
    herkunft: list[int] = []
    for i, z in enumerate(text):
        n = _zeichen(z)
        if n:
            teile.append(n)
            herkunft.extend([i] * len(n))
    ZAEHLER.schritte += len(text)
    return "".join(teile), herkunft


def stamm(wort: str) -> str:
    """Wortstamm für den Vergleich: End-„s“ und End-„en“ fallen weg (Genitiv, Dativ)."""
    while True:
        if len(wort) >= 4 and wort[-1] == "s":
            wort = wort[:-1]
        elif len(wort) >= 5 and wort[-2:] == "en":
            wort = wort[:-2]
        else:
            return wort


_STAEMME: dict[str, str] = {}  # Zwischenspeicher: Wort → Stamm (für den Vorfilter)


def _stamm_gemerkt(wort: str) -> str:
    st = _STAEMME.get(wort)
    if st is None:
        st = stamm(wort)
        if len(_STAEMME) < 200_000:
            _STAEMME[wort] = st
    return st


def woerter(text: str) -> list[str]:
    """Die Wortstämme eines Textes (wie sie der Filter vergleicht)."""
    return [stamm(m.group()) for m in _WORT.finditer(normal(text))]


class Namensfilter:
    """Aho-Corasick-Automat über Wortstämme: findet jede Folge, die einem Namen entspricht."""

    def __init__(self, namen: Iterable[str | tuple[str, ...]]):
        self.schritte = 0
        self._weiter: list[dict[str, int]] = [{}]
        self._laenge: list[int] = [0]  # Länge (in Wörtern) des längsten Namens, der hier endet
        self._tiefe: list[int] = [0]
        for name in namen:
            folge = tuple(name) if isinstance(name, tuple) else tuple(woerter(name))
            if folge:
                self._einfuegen(folge)
        self._rueck = self._rueckverweise()
        self._vokabular = frozenset(w for kanten in self._weiter for w in kanten)  # jeder Stamm eines Namens

    def koennte_treffen(self, woerter_: list[str]) -> bool:
        """Vorfilter: False heißt sicher „kein Treffer“ – jedes Vorkommen eines Namens besteht aus
        Wörtern, deren Stamm im Vokabular der Namen steht. Jedes verschiedene Wort wird einmal
        gestammt (mit Zwischenspeicher); die Wörter selbst findet `re.findall` in C."""
        ZAEHLER.schritte += len(woerter_)
        vokabular = self._vokabular
        return any(_stamm_gemerkt(w) in vokabular for w in set(woerter_))

    def __bool__(self) -> bool:
        return len(self._weiter) > 1

    def _einfuegen(self, folge: tuple[str, ...]) -> None:
        knoten = 0
        for wort in folge:
            naechster = self._weiter[knoten].get(wort)
            if naechster is None:
                naechster = len(self._weiter)
                self._weiter[knoten][wort] = naechster
                self._weiter.append({})
                self._laenge.append(0)
                self._tiefe.append(self._tiefe[knoten] + 1)
            knoten = naechster
        self._laenge[knoten] = len(folge)

    def _rueckverweise(self) -> list[int]:
        rueck = [0] * len(self._weiter)
        schlange = list(self._weiter[0].values())
        kopf = 0
        while kopf < len(schlange):
            knoten = schlange[kopf]
            kopf += 1
            for wort, kind in self._weiter[knoten].items():
                r = rueck[knoten]
                while r and wort not in self._weiter[r]:
                    r = rueck[r]
                ziel = self._weiter[r].get(wort, 0)
                rueck[kind] = ziel if ziel != kind else 0
                self._laenge[kind] = max(self._laenge[kind], self._laenge[rueck[kind]])
                schlange.append(kind)
        return rueck

    def treffer(self, staemme: list[str]) -> list[tuple[int, int]]:
        """(erstes, letztes) Wort jedes Vorkommens eines Namens, überlappende zusammengefasst."""
        bereiche: list[tuple[int, int]] = []
        if not self:
            return bereiche
        weiter, rueck, laenge = self._weiter, self._rueck, self._laenge
        knoten = 0
        schritte = 0
        for i, wort in enumerate(staemme):
            while knoten and wort not in weiter[knoten]:
                knoten = rueck[knoten]
                schritte += 1
            knoten = weiter[knoten].get(wort, 0)
            schritte += 1
            n = laenge[knoten]
            if n:
                anfang = i - n + 1
                while bereiche and bereiche[-1][1] >= anfang:
                    anfang = min(anfang, bereiche.pop()[0])
                    schritte += 1
                bereiche.append((anfang, i))
        self.schritte += schritte
        ZAEHLER.schritte += schritte
        return bereiche

    def ersetzen(self, text: str, ersatz: str) -> str:
        """Nur Namen ersetzen (ohne E-Mail-Erkennung)."""
        return ersetzen(text, self, ersatz, None)


# --------------------------------------------------------------------------- E-Mail

_NICHT_IN_ADRESSE = frozenset(" \t\n\r\f\v@<>()[]\"',;:")


def _ist_adresszeichen(z: str) -> bool:
    return z not in _NICHT_IN_ADRESSE and not z.isspace()


def emails(norm: str) -> list[tuple[int, int]]:
    """[anfang, ende) jeder E-Mail-Adresse im normalisierten Text: nicht leerer Teil vor dem „@“,
    dahinter ein Teil mit einem Punkt, auf den zwei Buchstaben folgen. Vom „@“ aus nach links bis
    zum vorigen Trennzeichen (höchstens bis zum vorigen „@“) und nach rechts bis zum nächsten:
    jedes Zeichen wird höchstens zweimal angesehen."""
    bereiche: list[tuple[int, int]] = []
    schritte = 0
    start = 0
    grenze = 0  # links davon wurde schon gesucht (voriges „@“)
    while True:
        at = norm.find("@", start)
        if at < 0:
            break
        links = at
        while links > grenze and _ist_adresszeichen(norm[links - 1]):
            links -= 1
            schritte += 1
        rechts = at + 1
        tld = False
        while rechts < len(norm) and _ist_adresszeichen(norm[rechts]):
            if norm[rechts] == "." and not tld:
                endung = norm[rechts + 1 : rechts + 3]
                tld = len(endung) == 2 and endung.isascii() and endung.isalpha()
            rechts += 1
            schritte += 1
        while rechts > at + 1 and not norm[rechts - 1].isalnum():  # Satzzeichen am Ende gehört nicht dazu
            rechts -= 1
            schritte += 1
        if links < at and tld:
            bereiche.append((links, rechts))
        grenze = at + 1
        start = at + 1
        schritte += 1
    ZAEHLER.schritte += schritte + 1
    return bereiche


# --------------------------------------------------------------------------- Ersetzen


def ersetzen(text: str, namen: Namensfilter, ersatz_name: str, ersatz_email: str | None) -> str:
    """Ersetzt Namen (und, wenn `ersatz_email`, E-Mail-Adressen) im Originaltext. Gefunden wird im
    normalisierten Text; ersetzt wird genau die Stelle im Original, die ihm entspricht – der Rest
    des Textes bleibt Zeichen für Zeichen, wie er war."""
    if not text:
        return text
    ist_ascii = text.isascii()
    norm = normal(text)  # die Herkunft erst, wenn es etwas zu ersetzen gibt
    stellen: list[tuple[int, int, bool]] = []  # [anfang, ende) im normalisierten Text, E-Mail?
    if namen:
        wort = _ASCII_WORT if ist_ascii else _WORT
        gefunden = wort.findall(norm)
        if namen.koennte_treffen(gefunden):
            ZAEHLER.schritte += len(gefunden)
            staemme = _STAEMME.get
            bereiche = namen.treffer([staemme(w) or _stamm_gemerkt(w) for w in gefunden])
            if bereiche:  # Stellen der Wörter erst, wenn es etwas zu ersetzen gibt
                worte = list(wort.finditer(norm))
                for erstes, letztes in bereiche:
                    stellen.append((worte[erstes].start(), worte[letztes].end(), False))
    if ersatz_email is not None and "@" in norm:
        stellen.extend((a, e, True) for a, e in emails(norm))
    if not stellen:
        return text
    _, herkunft = normalisieren(text)
    stellen.sort()
    zusammen: list[list] = []
    for a, e, ist_email in stellen:
        if zusammen and a < zusammen[-1][1]:
            zusammen[-1][1] = max(zusammen[-1][1], e)
            zusammen[-1][2] = zusammen[-1][2] or ist_email
        else:
            zusammen.append([a, e, ist_email])
    teile = []
    pos = 0
    for a, e, ist_email in zusammen:
        anfang = a if herkunft is None else herkunft[a]
        ende = e if herkunft is None else herkunft[e - 1] + 1
        while ende < len(text) and not _zeichen(text[ende]):  # folgende Formatzeichen/Akzente mit
            ende += 1
        teile.append(text[pos:anfang])
        teile.append(ersatz_email if ist_email and ersatz_email is not None else ersatz_name)
        pos = ende
    teile.append(text[pos:])
    ZAEHLER.schritte += len(zusammen)
    return "".join(teile)
