"""YAML-Text → Daten, ohne Ein-/Ausgabe: Bytes dekodieren und die Ereignisse des C-Parsers von
PyYAML (`yaml.CSafeLoader`) selbst zu Python-Werten zusammensetzen – genau mit Positionen
(`lade_text`: jeder Wert und Schlüssel mit Zeile und Spalte, doppelte Schlüssel, Tags, Anker und
Aliase werden abgelehnt, bevor irgendetwas expandiert wird) oder schnell ohne Positionen
(`lade_schnell`, nur für Eindeutiges; sonst `LANGSAM`). Datumsangaben bleiben Text, bis das Schema
sie geprüft hat. Das Lesen und Schreiben von Dateien liegt in `quellen.dateien`.

Länger als 400 Zeilen, weil beide Parser dieselben Grenzen, Fallen und Meldungen teilen; getrennt
wären es zwei Kopien derselben Regeln.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, cast

import yaml

from netzwerk_cli.grundlagen.befunde import kurz

MAX_DATEIGROESSE = 1024 * 1024  # 1 MiB je Datensatz
MAX_TIEFE = 40  # Verschachtelungstiefe
MAX_UNSICHER = 20  # so viele unzulässige Konstrukte je Datei einzeln melden, dann abbrechen
MAX_LISTE = 1000  # Einträge je Liste (Schutz: jsonschema prüft uniqueItems bei Zuordnungen quadratisch)
MAX_ZAHL_BITS = 12_000  # etwa 3 600 Stellen: darüber kann Python die Zahl nicht mehr als Text ausgeben (Meldungen)

_TAG = "tag:yaml.org,2002:"
_resolver = yaml.resolver.Resolver()
_konstruktor = yaml.constructor.SafeConstructor()

# YAML-1.1-Fallen: in YAML 1.2 und im Sinne der Schreibenden sind das Texte.
_OKTAL_ODER_SEXAGESIMAL = re.compile(r"^[-+]?(0[0-9_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?)$")


@dataclass(frozen=True, slots=True)
class Problem:
    """Ein Problem beim Lesen einer Datei (wird später zum Befund)."""

    regel: str
    meldung: str
    zeile: int = 1
    spalte: int = 1
    schwere: str = "fehler"
    pfad: tuple = ()


@dataclass(slots=True)
class Dokument:
    """Ein gelesener Datensatz mit Positionen für jeden Pfad."""

    daten: Any
    positionen: dict = field(default_factory=dict)  # pfad -> (zeile, spalte) des Werts
    schluessel: dict = field(default_factory=dict)  # pfad -> (zeile, spalte) des Schlüssels
    mehrdeutig: dict = field(default_factory=dict)  # pfad -> Originaltext (YAML-1.1-Falle)
    # pfad -> (zeile, spalte, kommentar): ein Kommentar „ #…“ direkt nach einem Text ohne
    # Anführungszeichen in derselben Zeile – YAML schneidet den Text dort ab („Treffen #2“)
    kommentare: dict = field(default_factory=dict)

    def position(self, pfad: tuple) -> tuple[int, int]:
        """Position eines Pfads: der Schlüssel, sonst der Wert, sonst der nächste Vorfahr."""
        pfad = tuple(pfad)
        while True:
            pos = self.schluessel.get(pfad) or self.positionen.get(pfad)
            if pos is not None:
                return pos
            if not pfad:
                return (1, 1)
            pfad = pfad[:-1]

    def wert_position(self, pfad: tuple) -> tuple[int, int]:
        pfad = tuple(pfad)
        return self.positionen.get(pfad) or self.position(pfad)


def dekodiere(roh: bytes) -> tuple[str | None, list[Problem]]:
    if roh.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem("datei-kodierung", "Datei ist UTF-16 kodiert; bitte als UTF-8 speichern", 1, 1)]
    if roh.startswith(b"\xef\xbb\xbf"):  # UTF-8-BOM (Windows-Editoren): wird toleriert
        roh = roh[3:]
    nul = roh.find(b"\x00")
    if nul >= 0:
        z, s = _position_in_bytes(roh, nul)
        return None, [Problem("datei-kodierung", "Datei enthält NUL-Bytes (Binärdatei oder UTF-16?)", z, s)]
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError as e:
        z, s = _position_in_bytes(roh, e.start)
        return None, [
            Problem("datei-kodierung", f"kein gültiges UTF-8 (Byte 0x{roh[e.start]:02x}); bitte als UTF-8 speichern", z, s)
        ]
    if not text.strip():
        return None, [Problem("datei-ungueltig", "Datei ist leer")]
    return text, []


def _position_in_bytes(roh: bytes, index: int) -> tuple[int, int]:
    """(Zeile, Spalte) eines Byte-Index; die Spalte zählt Zeichen wie ein Editor, nicht Bytes."""
    zeile = roh.count(b"\n", 0, index) + 1
    anfang = roh.rfind(b"\n", 0, index) + 1
    return zeile, len(roh[anfang:index].decode("utf-8", errors="replace")) + 1


_SYNTAX_UEBERSETZUNG = (
    ("mapping values are not allowed", "Doppelpunkt an dieser Stelle nicht erlaubt (Text mit „: “ in Anführungszeichen setzen)"),
    ("could not find expected ':'", "erwarteter Doppelpunkt „:“ fehlt"),
    ("did not find expected key", "Schlüssel erwartet (Einrückung prüfen)"),
    ("did not find expected '-' indicator", "Listeneintrag „-“ erwartet (Einrückung prüfen)"),
    ("did not find expected node content", "Wert erwartet"),
    ("found unexpected end of stream", "unerwartetes Dateiende (Anführungszeichen oder Klammer nicht geschlossen?)"),
    ("found unknown escape character", "unbekannte Escape-Sequenz in doppelten Anführungszeichen"),
    ("control characters are not allowed", "Steuerzeichen sind nicht erlaubt"),
    ("tab character", "Tabulator bei der Einrückung; bitte Leerzeichen verwenden"),
    ("found character that cannot start any token", "Zeichen kann hier nichts beginnen (Tabulator oder Sonderzeichen am Zeilenanfang?)"),
    ("found undefined tag handle", "unbekanntes Tag-Kürzel"),
    ("did not find expected ',' or ']'", "„,“ oder „]“ erwartet"),
    ("did not find expected ',' or '}'", "„,“ oder „}“ erwartet"),
    ("did not find expected <document start>", "Dokumentanfang erwartet"),
    ("found unexpected ':'", "unerwarteter Doppelpunkt"),
)


def _syntax_problem(e: yaml.YAMLError, text: str) -> Problem:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    if mark is not None:
        zeile, spalte = _editor_stelle(text)(mark)
        letzte = text.count("\n") + 1  # Zeilen, wie ein Editor sie zeigt
        if zeile > letzte:  # Datei ohne Zeilenende: Fehler ans Ende der letzten Zeile, nicht dahinter
            zeile, spalte = letzte, len(text) - text.rfind("\n")
    elif isinstance(e, yaml.reader.ReaderError):
        # libyaml meldet unzulässige Zeichen mit dem Byte-Index im UTF-8-Text, ohne Zeile
        zeile, spalte = _position_in_bytes(text.encode("utf-8", errors="surrogatepass"), e.position)
    else:
        zeile, spalte = 1, 1
    original = getattr(e, "problem", None) or str(e)
    if isinstance(e, yaml.reader.ReaderError):
        original = f"{e.reason}: #x{e.character:04x}" if isinstance(e.character, int) else str(e.reason)
    if mark is not None and not isinstance(e, yaml.reader.ReaderError):
        # Die häufigen Fehler beim Bearbeiten von Hand erkennt der Text selbst (unabhängig davon,
        # wie die libyaml-Fassung den Fehler nennt): offenes Anführungszeichen, fehlendes
        # Leerzeichen nach dem Doppelpunkt, falsche Einrückung. Die Regel bleibt yaml-syntax.
        genauer = _handfehler(text, zeile, _fehler_index(e, text))
        if genauer is not None:
            meldung, zeile, spalte = genauer
            return Problem("yaml-syntax", f"{meldung} [{original}]", zeile, spalte)
    for englisch, deutsch in _SYNTAX_UEBERSETZUNG:
        if englisch in original:
            meldung = deutsch
            break
    else:
        meldung = "YAML nicht lesbar"
    return Problem("yaml-syntax", f"{meldung} [{original}]", zeile, spalte)


# --------------------------------------------------------------------------- Fehler beim Bearbeiten von Hand

_OHNE_LEERZEICHEN = re.compile(r"(?:- +)*[A-Za-z_][A-Za-z0-9_-]*:(?![\s/:])\S")
_STRUKTUR = re.compile(r"(?:- +)*(?:-$|[^\s#'\"\[{][^#]*?:(?:\s|$)|['\"][^#]*?['\"]:(?:\s|$))")
_LISTENSTRICH = re.compile(r"- +")


def _handfehler(text: str, zeile: int, index: int) -> tuple[str, int, int] | None:
    """(Meldung, Zeile, Spalte) für einen typischen Fehler beim Bearbeiten von Hand, sonst None.

    Rein textuell, in dieser Reihenfolge: ein Anführungszeichen, das nicht (oder erst Zeilen
    später) geschlossen wird – gezeigt wird sein Anfang; ein Schlüssel ohne Leerzeichen nach
    dem Doppelpunkt (`typ:amt`); eine Zeile, deren Einrückung zu keiner Ebene darüber passt –
    genannt wird die erwartete Spalte."""
    zeilen = text.split("\n")
    zitat = _offenes_zitat(text, index, zeile)
    if zitat is not None:
        return zitat
    # Leerzeichen nach dem Doppelpunkt: die Fehlerzeile und die Zeile davor (ein Schlüssel ohne
    # Leerzeichen wird zu Text, den der Parser oft erst in der nächsten Zeile nicht versteht)
    for nr in (zeile - 1, zeile):
        if 1 <= nr <= len(zeilen):
            inhalt = zeilen[nr - 1]
            einzug = len(inhalt) - len(inhalt.lstrip(" "))
            treffer = _OHNE_LEERZEICHEN.match(inhalt, einzug)
            if treffer and not _STRUKTUR.match(inhalt, einzug):
                doppelpunkt = inhalt.index(":", einzug)
                return (
                    "Leerzeichen nach dem Doppelpunkt fehlt: „schluessel: wert“ schreiben, nicht „schluessel:wert“",
                    nr,
                    doppelpunkt + 1,
                )
    return _einrueckung(zeilen, zeile)


def _einrueckung(zeilen: list[str], zeile: int) -> tuple[str, int, int] | None:
    """Passt die Einrückung der Zeile `zeile` zu keiner Ebene der Zeilen darüber, die Meldung mit
    der erwarteten Spalte (und der Zeile, die diese Ebene hat); sonst None."""
    if not 1 <= zeile <= len(zeilen):
        return None
    inhalt = zeilen[zeile - 1]
    rest = inhalt.lstrip(" ")
    if not rest or rest.startswith(("#", "\t")):
        return None
    ist = len(inhalt) - len(rest)
    ebenen: dict[int, int] = {}  # Spalte (ab 0) -> Zeile, die diese Ebene hat
    grenze: int | None = None  # nur Ebenen links davon zählen noch
    offen = False  # die letzte Strukturzeile öffnet einen Block („schluessel:“ ohne Wert)
    erste = True
    for nr in range(zeile - 1, 0, -1):
        vorher = zeilen[nr - 1]
        vrest = vorher.lstrip(" ")
        if not vrest or vrest.startswith("#"):
            continue
        einzug = len(vorher) - len(vrest)
        if not _STRUKTUR.match(vorher, einzug):
            continue  # Fortsetzung eines Textes, Inhalt eines Blocktexts …
        spalten = [einzug]
        pos = einzug
        while (strich := _LISTENSTRICH.match(vorher, pos)) is not None:
            pos = strich.end()
            spalten.append(pos)
        if erste:
            ohne_kommentar = re.sub(r"\s#.*$", "", vorher).rstrip()
            offen = ohne_kommentar.endswith(":") or ohne_kommentar.endswith("-")
            erste = False
        for spalte in spalten:
            if grenze is None or spalte < grenze:
                ebenen.setdefault(spalte, nr)
        grenze = einzug if grenze is None else min(grenze, einzug)
        if einzug == 0:
            break
    if not ebenen or ist in ebenen:
        return None
    if offen and ist > max(ebenen):
        return None  # ein neuer Block darf tiefer beginnen
    naechste = sorted(ebenen, key=lambda s: (abs(s - ist), s))[:2]
    if len(naechste) == 2 and abs(naechste[1] - ist) > abs(naechste[0] - ist):
        naechste = naechste[:1]
    erwartet = " oder ".join(f"Spalte {s + 1} (wie Zeile {ebenen[s]})" for s in sorted(naechste))
    return (
        f"Einrückung: Zeile {zeile} beginnt in Spalte {ist + 1}, das passt zu keiner Ebene darüber – "
        f"erwartet {erwartet}",
        zeile,
        ist + 1,
    )


def _offenes_zitat(text: str, index: int, fehlerzeile: int) -> tuple[str, int, int] | None:
    """Ein Anführungszeichen, das bis zur Fehlerstelle nicht geschlossen ist – oder erst in der
    Fehlerzeile, aber Zeilen nach seinem Anfang: (Meldung, Zeile, Spalte seines Anfangs)."""
    zitat = ""
    anfang = (0, 0)  # (Zeile, Spalte) ab 1 des offenen Anführungszeichens
    blocktext = -1
    zeilen = text[: min(index + 1, len(text))].split("\n")
    for nr, inhalt in enumerate(zeilen, start=1):
        i = 0
        if not zitat:
            i = len(inhalt) - len(inhalt.lstrip(" "))
            if blocktext >= 0:
                if i > blocktext or not inhalt.strip():
                    continue
                blocktext = -1
            kopf = re.match(r"(?:- +)*(?:[^\s#'\"\[{][^#]*?:(?:\s+|$))?", inhalt[i:])
            if kopf and _BLOCKSKALAR.match(inhalt[i + kopf.end() :].strip()) and kopf.end() > 0:
                blocktext = i
                continue
        vorher = " "
        while i < len(inhalt):
            z = inhalt[i]
            if zitat:
                if z == "\\" and zitat == '"':
                    i += 2
                    continue
                if z == zitat:
                    if zitat == "'" and inhalt.startswith("''", i):
                        i += 2
                        continue
                    zitat = ""
                    if nr == fehlerzeile and nr > anfang[0]:
                        return _zitat_meldung(anfang, nr, text)
            elif z in "'\"" and vorher in " \t[{,:-?":
                zitat = z
                anfang = (nr, i + 1)
            elif z == "#" and vorher in " \t":
                break
            vorher = z if z not in " \t" else " "
            i += 1
    if zitat:
        return _zitat_meldung(anfang, None, text)
    return None


def _zitat_meldung(anfang: tuple[int, int], geschlossen: int | None, text: str) -> tuple[str, int, int]:
    zeile, spalte = anfang
    zeichen = text.split("\n")[zeile - 1][spalte - 1]
    if geschlossen is None:
        meldung = f"Anführungszeichen „{zeichen}“ wird nicht geschlossen (der Text läuft bis zum Dateiende)"
    else:
        meldung = (
            f"Anführungszeichen „{zeichen}“ wird erst in Zeile {geschlossen} geschlossen – "
            f"fehlt das schließende Anführungszeichen in Zeile {zeile}?"
        )
    return meldung, zeile, spalte


_FREMDE_UMBRUECHE = ("\u2028", "\u2029", "\x85")  # für YAML Zeilenumbrüche, für Editoren nicht


def _stelle_libyaml(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def _editor_stelle(text: str) -> Callable[[Any], tuple[int, int]]:
    """(Zeile, Spalte) einer Parser-Marke, wie ein Editor zählt. libyaml zählt U+2028, U+2029
    und NEL als Zeilenumbruch; kommen sie vor, wird aus dem Zeichenindex neu gerechnet."""
    if not any(z in text for z in _FREMDE_UMBRUECHE):
        return _stelle_libyaml
    import bisect

    umbrueche = [i for i, z in enumerate(text) if z == "\n"]

    def stelle(mark) -> tuple[int, int]:
        index = min(max(mark.index, 0), len(text))
        zeile = bisect.bisect_left(umbrueche, index)
        anfang = umbrueche[zeile - 1] + 1 if zeile else 0
        return zeile + 1, index - anfang + 1

    return stelle


class _Rahmen:
    __slots__ = ("wert", "pfad", "ist_map", "schluessel", "schluessel_pos", "zeilen")

    def __init__(self, wert, pfad, ist_map):
        self.wert = wert
        self.pfad = pfad
        self.ist_map = ist_map
        self.schluessel = None  # wartender Schlüssel (nur Map)
        self.schluessel_pos = None
        self.zeilen: dict[Any, int] | None = {} if ist_map else None  # Schlüssel -> Zeile (doppelte Schlüssel)


def lade_text(text: str) -> tuple[Dokument | None, list[Problem]]:
    """Setzt einen YAML-Text aus Parser-Ereignissen zusammen (ohne Expansion, mit Positionen)."""
    probleme: list[Problem] = []
    stelle = _editor_stelle(text)
    dok = Dokument(daten=None)
    stapel: list[_Rahmen] = []
    ueberspringen = 0  # Tiefe eines übersprungenen Teilbaums (komplexe Schlüssel, zu tief)
    dokumente = 0
    wurzel_gesetzt = False

    unsichere = 0

    def unsicher(ev, meldung):
        nonlocal unsichere
        unsichere += 1
        if unsichere > MAX_UNSICHER:
            meldung = f"mehr als {MAX_UNSICHER} unzulässige Konstrukte (Anker, Aliase, Tags …); weitere werden nicht einzeln gemeldet"
        probleme.append(Problem("yaml-unsicher", meldung, *stelle(ev.start_mark)))
        if unsichere > MAX_UNSICHER:
            raise _Abbruch

    def ablegen(wert, pos, ev) -> tuple | None:
        """Legt einen Wert im aktuellen Rahmen ab; gibt seinen Pfad zurück (None bei Schlüssel)."""
        nonlocal wurzel_gesetzt
        if not stapel:
            dok.daten = wert
            wurzel_gesetzt = True
            dok.positionen[()] = pos
            return ()
        rahmen = stapel[-1]
        if rahmen.ist_map:
            if rahmen.schluessel is None:
                return None  # Aufrufer behandelt Schlüssel selbst
            schluessel = rahmen.schluessel
            pfad = rahmen.pfad + (schluessel,)
            rahmen.wert[schluessel] = wert
            dok.schluessel[pfad] = rahmen.schluessel_pos
            rahmen.schluessel = None
        else:
            pfad = rahmen.pfad + (len(rahmen.wert),)
            rahmen.wert.append(wert)
        dok.positionen[pfad] = pos
        return pfad

    try:
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader):
            typ = type(ev)
            if typ is yaml.DocumentStartEvent:
                dokumente += 1
                if dokumente > 1:
                    unsicher(ev, "mehrere YAML-Dokumente („---“) in einer Datei; je Datei ein Datensatz")
                    break
                continue
            if typ in (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent):
                continue
            if ueberspringen:
                if typ in (yaml.MappingStartEvent, yaml.SequenceStartEvent):
                    ueberspringen += 1
                elif typ in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                    ueberspringen -= 1
                continue
            if typ in (yaml.MappingEndEvent, yaml.SequenceEndEvent):
                rahmen = stapel.pop()
                if not rahmen.ist_map and len(rahmen.wert) > MAX_LISTE:
                    probleme.append(_liste_zu_lang(len(rahmen.wert), dok.positionen.get(rahmen.pfad, (1, 1)), rahmen.pfad))
                continue
            pos = stelle(ev.start_mark)
            if typ is yaml.AliasEvent:
                unsicher(ev, f"Alias „*{cast(yaml.AliasEvent, ev).anchor}“ ist in Datendateien nicht erlaubt; Wert bitte ausschreiben")
                wert, ist_container = None, False
            else:
                # übrig sind Skalare und Anfänge von Zuordnungen und Listen (alle anderen oben)
                knoten = cast("yaml.ScalarEvent | yaml.CollectionStartEvent", ev)
                if knoten.anchor is not None:
                    unsicher(ev, f"Anker „&{knoten.anchor}“ ist in Datendateien nicht erlaubt")
                if knoten.tag is not None:
                    unsicher(ev, f"Tag „{knoten.tag}“ ist in Datendateien nicht erlaubt")
                ist_container = typ in (yaml.MappingStartEvent, yaml.SequenceStartEvent)
                wert = None
            # Schlüssel einer Zuordnung?
            if stapel and stapel[-1].ist_map and stapel[-1].schluessel is None:
                rahmen = stapel[-1]
                if typ is not yaml.ScalarEvent:
                    if typ is not yaml.AliasEvent:
                        unsicher(ev, "Listen oder Zuordnungen als Schlüssel sind nicht erlaubt")
                    if ist_container:
                        ueberspringen = 1
                    rahmen.schluessel = _UNGUELTIG
                    rahmen.schluessel_pos = pos
                    continue
                skalar = cast(yaml.ScalarEvent, ev)  # typ ist ScalarEvent (siehe oben)
                zeilen = cast(dict[Any, int], rahmen.zeilen)  # Rahmen einer Zuordnung
                text_schluessel: Any = skalar.value
                if skalar.implicit[0]:
                    tag = _resolver.resolve(yaml.ScalarNode, skalar.value, (True, False))
                    if tag == _TAG + "merge":
                        unsicher(ev, "Merge-Schlüssel „<<“ ist in Datendateien nicht erlaubt")
                        text_schluessel = _UNGUELTIG
                    elif tag != _TAG + "str":
                        probleme.append(
                            Problem(
                                "yaml-mehrdeutig",
                                f"Schlüssel „{kurz(skalar.value)}“ wird von YAML 1.1 nicht als Text gelesen; "
                                "er wird als Text genommen, bitte in Anführungszeichen setzen",
                                *pos,
                                schwere="warnung",
                                pfad=rahmen.pfad + (skalar.value,),
                            )
                        )
                if text_schluessel is not _UNGUELTIG and text_schluessel in zeilen:
                    probleme.append(
                        Problem(
                            "yaml-doppelter-schluessel",
                            f"Schlüssel „{kurz(text_schluessel)}“ doppelt (Zeilen {zeilen[text_schluessel]} und {pos[0]})",
                            *pos,
                            pfad=rahmen.pfad + (text_schluessel,),
                        )
                    )
                elif text_schluessel is not _UNGUELTIG:
                    zeilen[text_schluessel] = pos[0]
                rahmen.schluessel = text_schluessel
                rahmen.schluessel_pos = pos
                continue
            # Wert
            if stapel and stapel[-1].ist_map and stapel[-1].schluessel is _UNGUELTIG:
                stapel[-1].schluessel = None
                if ist_container:
                    ueberspringen = 1
                continue
            if ist_container:
                if len(stapel) >= MAX_TIEFE:
                    # Abbrechen statt überspringen: libyaml braucht für tiefe Flow-Verschachtelung
                    # quadratische Zeit; eine feindselige Datei soll in Sekunden erledigt sein.
                    probleme.append(Problem("yaml-unsicher", f"zu tief verschachtelt (mehr als {MAX_TIEFE} Ebenen)", *pos))
                    raise _Abbruch
                behaelter: Any = {} if typ is yaml.MappingStartEvent else []
                pfad = ablegen(behaelter, pos, ev)
                stapel.append(_Rahmen(behaelter, pfad, typ is yaml.MappingStartEvent))
                continue
            if typ is yaml.ScalarEvent:
                wert, falle, problem = _skalar(ev)
            else:
                falle, problem = None, None
            pfad = ablegen(wert, pos, ev)
            marke = ev.end_mark
            if typ is yaml.ScalarEvent and not cast(yaml.ScalarEvent, ev).style and pfad is not None and marke is not None:
                kommentar = _KOMMENTAR_DANACH.match(text, marke.index)
                if kommentar is not None:
                    raute = kommentar.end() - 1  # Index des „#“
                    zeile, spalte = stelle(marke)
                    ende = text.find("\n", raute)
                    dok.kommentare[pfad] = (zeile, spalte + raute - marke.index, text[raute : ende if ende >= 0 else len(text)].rstrip())
            if problem:
                probleme.append(Problem(problem[0], problem[1], *pos, pfad=pfad or ()))
            if falle is not None and pfad is not None:
                dok.mehrdeutig[pfad] = falle
    except yaml.YAMLError as e:
        # Ob libyaml selbst eine Tiefengrenze hat (PyYAML ≥ 6.0.4: 1 000 Ebenen, bei Flow-Listen
        # schon vor dem ersten Ereignis), darf den Befund nicht ändern: war der Text bis zur
        # Fehlerstelle tiefer als MAX_TIEFE, hätte das Werkzeug dort schon abgebrochen.
        tief = _zu_tief(text, _fehler_index(e, text))
        if tief is not None:
            probleme.append(Problem("yaml-unsicher", f"zu tief verschachtelt (mehr als {MAX_TIEFE} Ebenen)", *tief))
        else:
            probleme.append(_syntax_problem(e, text))
        return None, probleme
    except _Abbruch:  # feindselige Datei (z. B. „Billion Laughs“): nicht weiterlesen
        return None, probleme
    except RecursionError:  # pragma: no cover - der Ereignisweg ist iterativ
        probleme.append(Problem("yaml-unsicher", "zu tief verschachtelt"))
        return None, probleme
    if not wurzel_gesetzt or dok.daten is None:
        if not probleme:
            probleme.append(Problem("datei-ungueltig", "Datei enthält keinen Datensatz (leer oder nur Kommentare)"))
        return None, probleme
    return dok, probleme


def _liste_zu_lang(anzahl: int, pos: tuple[int, int], pfad: tuple) -> Problem:
    return Problem(
        "schema",
        f"Liste mit {anzahl} Einträgen; höchstens {MAX_LISTE} je Liste (Schutz vor übergroßen Dateien), Datei wird nicht weiter geprüft",
        *pos,
        pfad=pfad,
    )


def _fehler_index(e: yaml.YAMLError, text: str) -> int:
    mark = getattr(e, "problem_mark", None) or getattr(e, "context_mark", None)
    return min(max(mark.index, 0), len(text)) if mark is not None else len(text)


_BLOCKSKALAR = re.compile(r"[|>][-+0-9]*\s*(#.*)?$")


def _zu_tief(text: str, bis: int) -> tuple[int, int] | None:
    """Stelle (Zeile, Spalte), an der die Verschachtelung bis `bis` MAX_TIEFE übersteigt, sonst None.

    Eine eigene, lineare Zählung ohne Parser: Block-Ebenen über die Einrückung (Zuordnungen und
    Listen „- “), Flow-Ebenen über Klammern außerhalb von Anführungszeichen und Kommentaren,
    Blocktexte (`|`, `>`) übersprungen. Sie wird nur nach einem Syntaxfehler befragt und macht
    den Befund unabhängig davon, ob und wo libyaml selbst eine Tiefengrenze zieht.
    """
    stapel: list[tuple[int, bool]] = []  # (Einrückung, ist Liste) der Block-Ebenen
    flow = 0
    zitat = ""  # offenes Anführungszeichen über Zeilen hinweg
    blocktext = -1  # Einrückung des Schlüssels eines Blocktexts, dessen Zeilen übersprungen werden
    zeile = 0
    anfang = 0
    ende = min(bis + 1, len(text))
    while anfang < ende:
        zeile += 1
        umbruch = text.find("\n", anfang)
        if umbruch < 0:
            umbruch = len(text)
        inhalt = text[anfang : min(umbruch, ende)]
        anfang = umbruch + 1
        i = 0
        if not zitat and flow == 0:
            i = len(inhalt) - len(inhalt.lstrip(" "))
            rest = inhalt[i:]
            if not rest or rest.startswith("#"):
                continue
            if blocktext >= 0:
                if i > blocktext:
                    continue
                blocktext = -1
            liste = rest.startswith("- ") or rest == "-"
            while stapel and (stapel[-1][0] > i or (stapel[-1][0] == i and not (liste and not stapel[-1][1]))):
                stapel.pop()
            while inhalt.startswith("- ", i) or inhalt[i:] == "-":
                stapel.append((i, True))
                if len(stapel) > MAX_TIEFE:
                    return zeile, i + 1
                i += 1
                while i < len(inhalt) and inhalt[i] == " ":
                    i += 1
            schluessel = re.match(r"[^\s\[\]{}'\"#][^#]*?:(\s|$)", inhalt[i:])
            if schluessel:
                stapel.append((i, False))
                if len(stapel) > MAX_TIEFE:
                    return zeile, i + 1
                wert = inhalt[i + schluessel.end() :].strip()
                if _BLOCKSKALAR.match(wert):
                    blocktext = i
                    continue
        vorher = " "
        while i < len(inhalt):
            z = inhalt[i]
            if zitat:
                if z == "\\" and zitat == '"':
                    i += 2
                    continue
                if z == zitat:
                    if zitat == "'" and inhalt.startswith("''", i):
                        i += 2
                        continue
                    zitat = ""
            elif z in "'\"" and vorher in " \t[{,:-?":
                zitat = z
            elif z == "#" and vorher in " \t":
                break
            elif z in "[{":
                flow += 1
                if len(stapel) + flow > MAX_TIEFE:
                    return zeile, i + 1
            elif z in "]}":
                flow = max(flow - 1, 0)
            if z not in " \t" or zitat:
                vorher = z
            else:
                vorher = " "
            i += 1
    return None


class _Abbruch(Exception):
    """Lesen abbrechen: zu viele unzulässige Konstrukte in einer Datei."""


class _Ungueltig:
    """Platzhalter für einen Schlüssel, der nicht übernommen wird."""

    def __repr__(self) -> str:  # pragma: no cover
        return "<ungültiger Schlüssel>"


_UNGUELTIG = _Ungueltig()


def _skalar(ev) -> tuple[Any, str | None, tuple | None]:
    """(wert, originaltext-falls-YAML-1.1-Falle, problem) eines Skalars."""
    if not ev.implicit[0]:  # in Anführungszeichen oder Blocktext: immer Text
        return ev.value, None, None
    wert = ev.value
    tag = _resolver.resolve(yaml.ScalarNode, wert, (True, False))
    if tag == _TAG + "str" or tag == _TAG + "timestamp" or tag == _TAG + "value":
        return wert, None, None  # Datumsangaben bleiben Text
    if tag == _TAG + "null":
        return None, None, None
    if tag == _TAG + "bool":
        b = wert.lower() in ("yes", "true", "on")
        return b, (wert if wert.lower() not in ("true", "false") else None), None
    if tag == _TAG + "merge":
        return wert, None, ("yaml-unsicher", "Merge-Schlüssel „<<“ ist in Datendateien nicht erlaubt")
    knoten = yaml.ScalarNode(tag, wert)
    try:
        if tag == _TAG + "int":
            zahl = _konstruktor.construct_yaml_int(knoten)
            if zahl.bit_length() > MAX_ZAHL_BITS:
                raise OverflowError
            return zahl, (wert if _OKTAL_ODER_SEXAGESIMAL.match(wert) or "_" in wert else None), None
        if tag == _TAG + "float":
            kommazahl = _konstruktor.construct_yaml_float(knoten)
            return kommazahl, (wert if (":" in wert or "_" in wert) else None), None
    except (ValueError, OverflowError):
        return wert, None, ("schema", f"Zahl „{wert[:40]}{'…' if len(wert) > 40 else ''}“ ist zu groß oder ungültig")
    return wert, None, None  # pragma: no cover


# --------------------------------------------------------------------------- Schneller Weg

LANGSAM = object()  # Ergebnis von lade_schnell: „bitte mit lade_text (Positionen) lesen“

_ME, _SE = yaml.MappingEndEvent, yaml.SequenceEndEvent
_MS, _SS = yaml.MappingStartEvent, yaml.SequenceStartEvent
_SK = yaml.ScalarEvent
_UEBERGEHEN = (yaml.StreamStartEvent, yaml.DocumentEndEvent, yaml.StreamEndEvent)
_DOKANFANG = yaml.DocumentStartEvent
# Ein Kommentar direkt nach einem Wert in derselben Zeile; `_KOMMENTAR_MOEGLICH` ist die
# notwendige Bedingung dafür im ganzen Text (sonst spart der schnelle Weg die Einzelprüfung).
_KOMMENTAR_DANACH = re.compile(r"[ \t]+#")
_KOMMENTAR_MOEGLICH = re.compile(r"\S[ \t]+#")
_EINFACHE_GANZZAHL = re.compile(r"[-+]?(0|[1-9][0-9]{0,17})\Z")
_IMPLIZIT = {k: tuple(v) for k, v in yaml.resolver.Resolver.yaml_implicit_resolvers.items()}
_IMMER = _IMPLIZIT.get(None, ())
_STR, _ZEIT, _NULL, _INT, _BOOL = (_TAG + t for t in ("str", "timestamp", "null", "int", "bool"))


def _tag_von(wert: str) -> str:
    """Wie Resolver.resolve für einen Skalar ohne Anführungszeichen, nur schneller."""
    for tag, muster in _IMPLIZIT.get(wert[:1], ()):
        if muster.match(wert):
            return tag
    for tag, muster in _IMMER:
        if muster.match(wert):
            return tag
    return _STR


_INTERN_BIS = 64  # längere Texte (Beschreibungen) wiederholen sich kaum


def lade_schnell(text: str) -> Any:
    """Die Daten eines gewöhnlichen Datensatzes, ohne Positionen – oder `LANGSAM`.

    Der schnelle Weg nimmt nur, was eindeutig ist: Zuordnung als Wurzel, Text-Schlüssel ohne
    Doppel, Texte, Datumsangaben (als Text), einfache ganze Zahlen, true/false, null. Alles
    andere (Anker, Aliase, Tags, YAML-1.1-Fallen, Syntaxfehler, mehrere Dokumente, zu tiefe
    Verschachtelung, Gleitkommazahlen …) gibt `LANGSAM`; dann liest `lade_text` die Datei mit
    Positionen und meldet genau. Beide Wege liefern für dieselbe Datei dieselben Daten
    (geprüft in tests/test_lader_schnell.py). Iterativ: keine Rekursion, auch nicht in C.

    Schlüssel und kurze Texte werden interniert (`sys.intern`): Feldnamen, ids, Status und
    Daten wiederholen sich über Zehntausende Datensätze; so liegt jeder nur einmal im Speicher
    (bei 100 000 Datensätzen etwa 60 % weniger Speicher für die Daten, Issue 17).
    """
    intern = sys.intern
    stapel: list = []
    aktuell: Any = None
    schluessel: Any = None
    wurzel: Any = None
    dokumente = 0
    kommentare = _KOMMENTAR_MOEGLICH.search(text) is not None
    try:
        for ev in yaml.parse(text, Loader=yaml.CSafeLoader):
            typ = ev.__class__
            if typ is _SK:
                skalar = cast(yaml.ScalarEvent, ev)
                if skalar.anchor is not None or skalar.tag is not None or aktuell is None:
                    return LANGSAM
                wert: Any = skalar.value
                if aktuell.__class__ is dict and schluessel is None:  # ein Schlüssel
                    if (skalar.implicit[0] and _tag_von(wert) != _STR) or wert in aktuell:
                        return LANGSAM  # Zahl/Datum/null als Schlüssel oder doppelter Schlüssel
                    schluessel = intern(wert)
                    continue
                if kommentare and not skalar.style and skalar.end_mark is not None and _KOMMENTAR_DANACH.match(text, skalar.end_mark.index):
                    return LANGSAM  # Kommentar direkt nach einem Wert: vielleicht abgeschnittener Text
                if skalar.implicit[0]:
                    tag = _tag_von(wert)
                    if tag == _STR or tag == _ZEIT:
                        pass
                    elif tag == _NULL:
                        wert = None
                    elif tag == _INT and _EINFACHE_GANZZAHL.match(wert):
                        wert = int(wert)
                    elif tag == _BOOL and wert.lower() in ("true", "false"):
                        wert = wert.lower() == "true"
                    else:
                        return LANGSAM
                if wert.__class__ is str and len(wert) <= _INTERN_BIS:
                    wert = intern(wert)
                if aktuell.__class__ is dict:
                    aktuell[schluessel] = wert
                    schluessel = None
                else:
                    aktuell.append(wert)
            elif typ is _MS or typ is _SS:
                anfang = cast(yaml.CollectionStartEvent, ev)
                if anfang.anchor is not None or anfang.tag is not None or len(stapel) >= MAX_TIEFE:
                    return LANGSAM
                neu: Any = {} if typ is _MS else []
                if aktuell is None:
                    if typ is not _MS or wurzel is not None:
                        return LANGSAM  # Wurzel ist keine Zuordnung
                    wurzel = neu
                elif aktuell.__class__ is dict:
                    if schluessel is None:
                        return LANGSAM  # Liste/Zuordnung als Schlüssel
                    aktuell[schluessel] = neu
                    schluessel = None
                else:
                    aktuell.append(neu)
                stapel.append(aktuell)
                aktuell = neu
            elif typ is _ME or typ is _SE:
                if typ is _SE and len(aktuell) > MAX_LISTE:
                    return LANGSAM
                aktuell = stapel.pop()
            elif typ is _DOKANFANG:
                dokumente += 1
                if dokumente > 1:
                    return LANGSAM
            elif typ in _UEBERGEHEN:
                continue
            else:  # AliasEvent
                return LANGSAM
    except (yaml.YAMLError, ValueError, RecursionError):
        return LANGSAM
    return wurzel if wurzel is not None else LANGSAM
