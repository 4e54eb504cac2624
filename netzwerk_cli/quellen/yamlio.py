"""Das einzige Modul mit YAML- und Datei-Ein-/Ausgabe für Datensätze.

Lesen: Bytes prüfen (Größe, Links, UTF-8), dann die Ereignisse des C-Parsers von PyYAML
(`yaml.CSafeLoader`) selbst zu Python-Werten zusammensetzen. So hat jeder Wert und jeder
Schlüssel eine Position (Zeile, Spalte), doppelte Schlüssel werden erkannt, und Tags, Anker
und Aliase werden abgelehnt, bevor irgendetwas expandiert wird (kein „Billion Laughs“).
Datumsangaben bleiben Text, bis das Schema sie geprüft hat.

Schreiben: atomar (temporäre Datei im selben Ordner, fsync, rename).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
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


# --------------------------------------------------------------------------- Lesen


def lies_datei(pfad: Path, wurzel: Path) -> tuple[str | None, list[Problem]]:
    """Liest eine Datensatzdatei als Text; prüft Links, Größe und Kodierung."""
    roh, probleme = lies_roh(pfad, wurzel)
    if roh is None:
        return None, probleme
    return dekodiere(roh)


def lies_roh(pfad: Path | str, wurzel: Path) -> tuple[bytes | None, list[Problem]]:
    """Die Bytes einer Datensatzdatei; prüft Links und Größe (liest nie mehr als die Höchstgröße)."""
    roh, probleme, _ = lies_roh_mit_merkmalen(pfad, wurzel)
    return roh, probleme


MERKMALE = ("st_size", "st_mtime_ns", "st_ino", "st_ctime_ns", "st_dev")  # Identität einer Datei (Zwischenspeicher)


def merkmale(info: os.stat_result) -> tuple:
    return (info.st_size, info.st_mtime_ns, info.st_ino, info.st_ctime_ns, info.st_dev)


def oeffne_datensatz(pfad: Path | str, wurzel: Path) -> tuple[int | None, list[Problem]]:
    """Die EINE Stelle, die entscheidet, ob und wie eine Datensatzdatei geöffnet wird – für den
    kalten Weg (`lies_roh`) wie für den Zwischenspeicher (`zwischenspeicher.abgleichen`).

    Eine Verknüpfung wird nur gelesen, wenn ihr Ziel eine gewöhnliche Datei innerhalb der Wurzel
    ist; geöffnet wird dann das aufgelöste Ziel. Geöffnet wird ohne der letzten Verknüpfung zu
    folgen (O_NOFOLLOW) und ohne zu blockieren (O_NONBLOCK: eine FIFO oder ein Gerät unter dem
    Namen einer .yaml-Datei hält nichts an); danach muss es eine gewöhnliche Datei von höchstens
    MAX_DATEIGROESSE sein. Liefert (offener Dateideskriptor, []) oder (None, Probleme)."""
    try:
        if os.path.islink(pfad):
            pfad = Path(pfad)
            try:
                ziel = pfad.resolve(strict=True)
            except FileNotFoundError:
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt ins Leere (Ziel fehlt)")]
            except (OSError, RuntimeError):  # ELOOP (ab 3.13) bzw. RuntimeError („Symlink loop“)
                return None, [Problem("datei-ungueltig", "Verknüpfungsschleife: die Verknüpfung zeigt (über Umwege) auf sich selbst")]
            if not ziel.is_relative_to(wurzel.resolve()):
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt aus dem Datenrepository hinaus")]
            if not ziel.is_file():
                return None, [Problem("datei-ungueltig", "Verknüpfung zeigt nicht auf eine Datei")]
            pfad = ziel
        fd = os.open(pfad, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
    except OSError as e:
        return None, [Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")]
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            problem = Problem("datei-ungueltig", "keine gewöhnliche Datei (Gerät, FIFO oder Socket)")
        elif info.st_size > MAX_DATEIGROESSE:
            problem = _zu_gross(info.st_size)
        else:
            return fd, []
    except OSError as e:
        problem = Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")
    os.close(fd)
    return None, [problem]


def lies_roh_mit_merkmalen(pfad: Path | str, wurzel: Path) -> tuple[bytes | None, list[Problem], tuple | None]:
    """Wie `lies_roh`, dazu die Merkmale (`MERKMALE`) der gelesenen Datei, festgestellt nach dem
    Lesen am offenen Deskriptor – sie gehören also zu genau diesen Bytes."""
    fd, probleme = oeffne_datensatz(pfad, wurzel)
    if fd is None:
        return None, probleme, None
    try:
        with open(fd, "rb", closefd=True) as f:
            roh = f.read(MAX_DATEIGROESSE + 1)
            info = os.fstat(fd)
    except OSError as e:
        return None, [Problem("datei-ungueltig", f"Datei nicht lesbar: {e.strerror or e}")], None
    if len(roh) > MAX_DATEIGROESSE:  # während des Lesens gewachsen
        return None, [_zu_gross(len(roh))], None
    return roh, [], merkmale(info)


def _zu_gross(groesse: int) -> Problem:
    return Problem(
        "datei-ungueltig",
        f"Datei zu groß ({groesse / 1024 / 1024:.1f} MiB; höchstens {MAX_DATEIGROESSE // 1024 // 1024} MiB je Datensatz)",
    )


def lies_mit_positionen(pfad: Path, wurzel: Path) -> Dokument | None:
    """Liest eine Datei erneut, diesmal mit Positionen (nur für Dateien, zu denen es Befunde gibt)."""
    text, _ = lies_datei(pfad, wurzel)
    if text is None:
        return None
    dok, _ = lade_text(text)
    return dok


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
    for englisch, deutsch in _SYNTAX_UEBERSETZUNG:
        if englisch in original:
            meldung = deutsch
            break
    else:
        meldung = "YAML nicht lesbar"
    return Problem("yaml-syntax", f"{meldung} [{original}]", zeile, spalte)


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


def lade_schnell(text: str) -> Any:
    """Die Daten eines gewöhnlichen Datensatzes, ohne Positionen – oder `LANGSAM`.

    Der schnelle Weg nimmt nur, was eindeutig ist: Zuordnung als Wurzel, Text-Schlüssel ohne
    Doppel, Texte, Datumsangaben (als Text), einfache ganze Zahlen, true/false, null. Alles
    andere (Anker, Aliase, Tags, YAML-1.1-Fallen, Syntaxfehler, mehrere Dokumente, zu tiefe
    Verschachtelung, Gleitkommazahlen …) gibt `LANGSAM`; dann liest `lade_text` die Datei mit
    Positionen und meldet genau. Beide Wege liefern für dieselbe Datei dieselben Daten
    (geprüft in tests/test_lader_schnell.py). Iterativ: keine Rekursion, auch nicht in C.
    """
    stapel: list = []
    aktuell: Any = None
    schluessel: Any = None
    wurzel: Any = None
    dokumente = 0
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
                    schluessel = wert
                    continue
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


# --------------------------------------------------------------------------- Schreiben

# Jeder Schreibweg geht über `_ordner_sperre`: Sie prüft, dass der Zielordner innerhalb der
# Wurzel liegt und kein Teil des Wegs von der Wurzel dorthin eine Verknüpfung ist, öffnet ihn
# mit O_NOFOLLOW, sperrt ihn und prüft unter der Sperre und direkt vor dem Umbenennen erneut,
# dass unter dem Pfad noch genau dieser Ordner liegt. Die Zieldatei selbst wird nie gefolgt:
# gelesen wird sie mit O_NOFOLLOW relativ zum geöffneten Ordner, ersetzt per rename (das
# eine Verknüpfung ersetzt, nicht ihr Ziel). So schreibt kein Befehl aus dem Repository hinaus,
# auch wenn ein Ordner eine Verknüpfung ist oder zwischen Planen und Schreiben getauscht wird.

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def _abgelehnt(meldung: str):
    from netzwerk_cli.grundlagen.fehler import Abgelehnt

    return Abgelehnt(meldung)


def _ordner_im_repository(wurzel: Path | None, ordner: Path, anlegen: bool = False, fehlend_ok: bool = False) -> tuple[int, int] | None:
    """Prüft den Weg von `wurzel` zu `ordner`, Teil für Teil ohne Verknüpfungen zu folgen;
    legt fehlende Ordner an (`anlegen`). Liefert (st_dev, st_ino) des Ordners; None, wenn er
    fehlt und `fehlend_ok` gilt. Lehnt ab (Exit 1), wenn `ordner` außerhalb der Wurzel liegt
    oder ein Teil des Wegs eine Verknüpfung oder kein Ordner ist. Ohne `wurzel` (Schreiben
    außerhalb eines Datenrepositorys, z. B. der Zwischenspeicher) gilt der Ordner selbst als Grenze."""
    if wurzel is None:
        if anlegen:
            Path(ordner).mkdir(parents=True, exist_ok=True)
        st = os.stat(ordner)
        return st.st_dev, st.st_ino
    wurzel = Path(os.path.abspath(wurzel))
    ordner = Path(os.path.abspath(ordner))  # löst „..“ auf, ohne Verknüpfungen zu folgen
    try:
        rel = ordner.relative_to(wurzel)
    except ValueError:
        raise _abgelehnt(f"„{ordner}“ liegt außerhalb des Datenrepositorys „{wurzel}“; nichts geschrieben") from None
    st = os.stat(wurzel)
    ort = wurzel
    teile = rel.parts
    for i, teil in enumerate(teile):
        ort = ort / teil
        if anlegen and i == len(teile) - 1:
            try:  # wie Path.mkdir(exist_ok=True): mkdir folgt keiner Verknüpfung am Ende
                os.mkdir(ort)
            except FileExistsError:
                pass
        try:
            st = os.lstat(ort)
        except FileNotFoundError:
            if fehlend_ok:
                return None
            if not anlegen:
                raise _abgelehnt(f"Ordner „{ort.relative_to(wurzel).as_posix()}“ fehlt; nichts geschrieben") from None
            try:
                os.mkdir(ort)
            except FileExistsError:
                pass
            st = os.lstat(ort)
        if stat.S_ISLNK(st.st_mode):
            raise _abgelehnt(
                f"„{ort.relative_to(wurzel).as_posix()}“ ist eine Verknüpfung; Befehle schreiben nie über "
                "Verknüpfungen (sie könnten aus dem Datenrepository hinaus zeigen) – nichts geschrieben"
            )
        if not stat.S_ISDIR(st.st_mode):
            raise _abgelehnt(f"„{ort.relative_to(wurzel).as_posix()}“ ist kein Ordner; nichts geschrieben")
    return st.st_dev, st.st_ino


def pruefe_schreibziel(wurzel: Path, pfad: Path) -> None:
    """Vorab (ohne etwas anzulegen): liegt `pfad` innerhalb von `wurzel`, ohne Verknüpfung auf dem
    Weg und ohne Verknüpfung als Datei? Für Befehle, die mehrere Dateien schreiben, bevor sie anfangen."""
    pfad = Path(pfad)
    _ordner_im_repository(wurzel, pfad.parent, fehlend_ok=True)
    if os.path.islink(pfad):
        raise _verknuepfte_datei(pfad)


def _verknuepfte_datei(pfad: Path):
    return _abgelehnt(f"„{Path(pfad).name}“ ist eine Verknüpfung; Befehle schreiben nie über Verknüpfungen – nichts geschrieben")


def schreibe_atomar(pfad: Path, text: str, wurzel: Path | None = None) -> None:
    """Schreibt Text atomar: temporäre Datei im selben Ordner, fsync, rename.

    Die temporäre Datei beginnt mit einem Punkt und wird von `validate` nie gelesen. Mit
    `wurzel` (dem Datenrepository) wird nur innerhalb der Wurzel und nie über Verknüpfungen
    geschrieben (siehe `_ordner_sperre`).
    """
    schreibe_bytes_atomar(Path(pfad), text.encode("utf-8"), wurzel=wurzel)


def schreibe_bytes_atomar(pfad: Path, daten: bytes, sichern: bool = True, wurzel: Path | None = None) -> None:
    """Atomar schreiben. `sichern=False` (nur für Zwischenspeicher): ohne fsync – nach einem
    Absturz ist die Datei alt, neu oder leer, nie halb; ein Zwischenspeicher erkennt „leer“."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel, sperren=False) as ort:
        ort.schreiben(pfad, daten, sichern)


def _unveraendert_pruefen(ort: _ordner_sperre, pfad: Path, erwartet: bytes, sonst: str) -> None:
    """Innerhalb der Ordnersperre: enthält die Datei noch genau `erwartet`? Gelesen ohne der
    Datei zu folgen, falls sie eine Verknüpfung ist."""
    try:
        jetzt = ort.lies(pfad.name, len(erwartet) + 1)
    except OSError:  # O_NOFOLLOW: die Datei ist eine Verknüpfung (ELOOP) oder nicht lesbar
        if os.path.islink(pfad):
            raise _verknuepfte_datei(pfad) from None
        jetzt = None
    if jetzt != erwartet:
        raise _abgelehnt(f"„{pfad.name}“ wurde inzwischen von einem anderen Vorgang geändert; {sonst} – bitte erneut ausführen")


def ersetze_wenn_unveraendert(pfad: Path, erwartet: bytes, text: str, wurzel: Path | None = None) -> None:
    """Schreibt `text` atomar, aber nur, wenn die Datei noch genau `erwartet` enthält.

    Ein exklusives Lock auf den Ordner (fcntl.flock, vom Kernel beim Prozessende gelöst)
    umschließt Prüfen und Umbenennen; so gewinnt von zwei gleichzeitigen Schreibvorgängen
    genau einer, der andere wird abgelehnt.
    """
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel) as ort:
        _unveraendert_pruefen(ort, pfad, erwartet, "nichts geschrieben")
        ort.schreiben(pfad, text.encode("utf-8"))


def ersetze_alle_wenn_unveraendert(aenderungen: list[tuple[Path, bytes | None, bytes | None]], wurzel: Path | None = None) -> None:
    """Mehrere Dateien ganz oder gar nicht: je (pfad, erwartet, neu) – `erwartet` None: die Datei
    darf es noch nicht geben; `neu` None: die Datei wird gelöscht.

    Jedes Ziel wird vorab geprüft (innerhalb von `wurzel`, ohne Verknüpfungen); dann werden alle
    betroffenen Ordner gesperrt (in fester Reihenfolge, neue Unterordner dabei angelegt), geprüft,
    dass jede Datei noch genau `erwartet` enthält, und erst danach geschrieben (jede Datei atomar).
    Scheitert ein Schreibschritt, bekommen die schon geschriebenen Dateien ihren alten Inhalt zurück.
    """
    import contextlib

    eintraege = [(Path(p), alt, neu) for p, alt, neu in aenderungen]
    if wurzel is not None:
        for pfad, _, _ in eintraege:
            pruefe_schreibziel(wurzel, pfad)
    with contextlib.ExitStack() as stapel:
        orte = {}
        for ordner in sorted({pfad.parent for pfad, _, _ in eintraege}):
            orte[ordner] = stapel.enter_context(_ordner_sperre(ordner, wurzel, anlegen=True))
        for pfad, alt, _ in eintraege:
            ort = orte[pfad.parent]
            if alt is None:
                if ort.gibt_es(pfad.name):
                    raise _abgelehnt(f"„{pfad.name}“ gibt es inzwischen schon; nichts geschrieben – bitte erneut ausführen")
            else:
                _unveraendert_pruefen(ort, pfad, alt, "nichts geschrieben")
        erledigt: list[tuple[Path, bytes | None]] = []
        try:
            for pfad, alt, neu in eintraege:
                ort = orte[pfad.parent]
                if neu is None:
                    ort.nachpruefen()
                    os.unlink(pfad)  # unlink folgt keiner Verknüpfung am Ende
                    _ordner_sichern(pfad.parent)
                else:
                    ort.schreiben(pfad, neu)
                erledigt.append((pfad, alt))
        except BaseException:
            for pfad, alt in reversed(erledigt):
                try:
                    if alt is None:
                        os.unlink(pfad)
                    else:
                        orte[pfad.parent].schreiben(pfad, alt)
                except (OSError, Exception):  # pragma: no cover - bestmöglich
                    pass
            raise


def loesche_wenn_unveraendert(pfad: Path, erwartet: bytes, wurzel: Path | None = None) -> None:
    """Löscht eine Datei, aber nur, wenn sie noch genau `erwartet` enthält (unter der Ordnersperre)."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel) as ort:
        _unveraendert_pruefen(ort, pfad, erwartet, "nicht gelöscht")
        ort.nachpruefen()
        os.unlink(pfad)  # unlink folgt keiner Verknüpfung am Ende
    _ordner_sichern(pfad.parent)


def _ordner_sichern(ordner: Path) -> None:
    try:
        dfd = os.open(ordner, os.O_RDONLY | _NOFOLLOW | _CLOEXEC)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)
    except OSError:  # pragma: no cover - nicht jedes Dateisystem erlaubt fsync auf Ordnern
        pass


def erstelle_neu(pfad: Path, text: str, wurzel: Path | None = None) -> None:
    """Legt eine Datei atomar an; gibt es sie schon, wird abgelehnt (kein Überschreiben)."""
    pfad = Path(pfad)
    with _ordner_sperre(pfad.parent, wurzel, anlegen=True) as ort:
        if ort.gibt_es(pfad.name):
            if os.path.islink(pfad):
                raise _verknuepfte_datei(pfad)
            raise _abgelehnt(f"„{pfad}“ gibt es schon; nichts geschrieben")
        ort.schreiben(pfad, text.encode("utf-8"))


class _ordner_sperre:
    """Der geprüfte, geöffnete und (mit `sperren`) exklusiv gesperrte Zielordner."""

    def __init__(self, ordner: Path, wurzel: Path | None = None, anlegen: bool = False, sperren: bool = True):
        self.ordner = Path(ordner)
        self.wurzel = wurzel
        self.anlegen = anlegen
        self.sperren = sperren
        self.fd: int | None = None
        self.kennung: tuple[int, int] | None = None

    def __enter__(self):
        self.kennung = _ordner_im_repository(self.wurzel, self.ordner, anlegen=self.anlegen)
        fcntl: ModuleType | None
        try:
            import fcntl
        except ImportError:  # pragma: no cover - Windows: nur der Inhaltsvergleich schützt
            fcntl = None
        if fcntl is None and self.wurzel is None:  # pragma: no cover
            return self
        try:
            self.fd = os.open(self.ordner, os.O_RDONLY | _NOFOLLOW | _DIRECTORY | _CLOEXEC)
        except OSError:
            if self.wurzel is not None and os.path.islink(self.ordner):  # eben getauscht
                raise self._getauscht() from None
            raise
        if fcntl is not None and self.sperren:
            try:
                fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                os.close(self.fd)
                self.fd = None
                raise _abgelehnt(f"„{self.ordner.name}/“ wird gerade von einem anderen Vorgang geschrieben; nichts geändert – bitte erneut ausführen") from None
        try:
            self.nachpruefen()  # unter der Sperre: ist es noch derselbe Ordner im Repository?
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # löst das Lock
            self.fd = None
        return False

    def _getauscht(self):
        rel = self.ordner.name
        if self.wurzel is not None:
            try:
                rel = Path(os.path.abspath(self.ordner)).relative_to(os.path.abspath(self.wurzel)).as_posix()
            except ValueError:
                pass
        return _abgelehnt(
            f"„{rel}“ wurde während des Schreibens ersetzt (Verknüpfung oder verschobener Ordner); "
            "Befehle schreiben nie über Verknüpfungen – nichts geschrieben"
        )

    def nachpruefen(self) -> None:
        """Liegt unter dem Pfad (von der Wurzel aus, ohne Verknüpfungen) noch genau der geöffnete Ordner?"""
        if self.fd is None:
            return
        from netzwerk_cli.grundlagen.fehler import NetzwerkFehler

        info = os.fstat(self.fd)
        try:  # von der Wurzel aus, Teil für Teil ohne Verknüpfungen (ohne Wurzel: der Pfad selbst)
            kennung = _ordner_im_repository(self.wurzel, self.ordner)
        except (OSError, NetzwerkFehler):  # Verknüpfung, fehlt, kein Ordner
            raise self._getauscht() from None
        if kennung != (info.st_dev, info.st_ino):
            raise self._getauscht()

    def gibt_es(self, name: str) -> bool:
        try:
            if self.fd is not None and os.stat in os.supports_dir_fd:
                os.stat(name, dir_fd=self.fd, follow_symlinks=False)
            else:  # pragma: no cover
                os.lstat(self.ordner / name)
        except FileNotFoundError:
            return False
        return True

    def lies(self, name: str, hoechstens: int) -> bytes | None:
        """Die Bytes der Datei `name` im geöffneten Ordner (ohne einer Verknüpfung zu folgen);
        None, wenn sie fehlt oder keine gewöhnliche Datei ist."""
        flags = os.O_RDONLY | _NOFOLLOW | _CLOEXEC | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        try:
            if self.fd is not None and os.open in os.supports_dir_fd:
                fd = os.open(name, flags, dir_fd=self.fd)
            else:  # pragma: no cover
                fd = os.open(self.ordner / name, flags)
        except FileNotFoundError:
            return None
        with open(fd, "rb", closefd=True) as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                return None
            return f.read(hoechstens)

    def _im_ordner(self, tmp: str, fd: int) -> bool:
        """Liegt die temporäre Datei (offen als `fd`) wirklich im geöffneten Ordner?"""
        if self.fd is None or os.stat not in os.supports_dir_fd:
            return True  # pragma: no cover
        try:
            st = os.stat(os.path.basename(tmp), dir_fd=self.fd, follow_symlinks=False)
        except OSError:
            return False
        info = os.fstat(fd)
        return (st.st_dev, st.st_ino) == (info.st_dev, info.st_ino)

    def schreiben(self, pfad: Path, daten: bytes, sichern: bool = True) -> None:
        """Atomar in den geöffneten Ordner schreiben: temporäre Datei, fsync, rename."""
        fd, tmp = tempfile.mkstemp(prefix=f".{pfad.name}.", suffix=".tmp", dir=pfad.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                if not self._im_ordner(tmp, f.fileno()):
                    raise self._getauscht()
                f.write(daten)
                if sichern:
                    f.flush()
                    os.fsync(f.fileno())
                try:
                    alt = os.stat(pfad.name, dir_fd=self.fd, follow_symlinks=False) if self.fd is not None and os.stat in os.supports_dir_fd else os.lstat(pfad)
                    modus = alt.st_mode & 0o777 if stat.S_ISREG(alt.st_mode) else 0o644
                except OSError:
                    modus = 0o644
                try:
                    if os.chmod in os.supports_fd:
                        os.chmod(f.fileno(), modus)
                    else:  # pragma: no cover
                        os.chmod(tmp, modus)
                except OSError:
                    pass
                self.nachpruefen()  # direkt vor dem Umbenennen: noch derselbe Ordner im Repository?
                if not self._im_ordner(tmp, f.fileno()):
                    raise self._getauscht()
            os.replace(tmp, pfad)  # rename ersetzt eine Verknüpfung, folgt ihr nicht
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        if sichern:
            _ordner_sichern(pfad.parent)
