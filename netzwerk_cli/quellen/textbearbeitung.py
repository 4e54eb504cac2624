"""Minimale Textänderungen an YAML-Datensätzen, ohne Ein-/Ausgabe.

Statt eine Datei neu zu serialisieren (was Kommentare, Reihenfolge, Anführungszeichen und
Leerzeilen verlieren würde), ändern diese Funktionen nur die betroffenen Zeilen: einen
Skalarwert ersetzen, Einträge an eine Blockliste anhängen, einen Schlüssel einfügen. Die
Positionen stammen aus dem Lader (`yamltext.Dokument`). Alles andere bleibt Byte für Byte.
"""

from __future__ import annotations

import json
import re

import yaml

from netzwerk_cli.grundlagen.fehler import Abgelehnt
from netzwerk_cli.quellen import yamltext

# Ohne Anführungszeichen: Wörter und Leerraum dazwischen, bis vor Leerraum + „#“ oder das Zeilenende.
# Leerraum wird nur überschritten, wenn ein Wortzeichen folgt: so prüft kein Vorausblick einen langen
# Leerraum an jeder Stelle neu (linear; die frühere Form `[^#\n]*?(?=\s+#|\s*$)` war quadratisch).
_SKALAR = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s#](?:[^\s#]|[^\S\n]+(?=[^\s#]))*(?=\s+#|\s*$)""")
# In „[…]“ oder „{…}“ endet ein Wert ohne Anführungszeichen an „,“, „]“ oder „}“.
_SKALAR_FLOW = re.compile(
    r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s#,\[\]{}](?:[^\s#,\[\]{}]|[^\S\n]+(?=[^\s#,\[\]{}]))*(?=\s*[,\]}]|\s+#|\s*$)"""
)
_RESOLVER = yaml.resolver.Resolver()
_SICHER = re.compile(r"^[A-Za-zÄÖÜäöüß0-9_][A-Za-zÄÖÜäöüß0-9 _.,/()–-]*$")
# Zeichen, die in YAML nicht roh in doppelten Anführungszeichen stehen dürfen: nicht druckbare
# (C1-Steuerzeichen, DEL, BOM, U+FFFE/FFFF, einzelne Surrogate – die lehnt der Lader dann ab, statt
# dass das Schreiben abbricht) und die YAML-Zeilenumbrüche NEL, LS, PS, die beim Lesen als
# Zeilenumbruch gefaltet würden. `json.dumps` lässt sie unverändert.
_ESCAPE_NOETIG = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]")


def skalar(wert: object) -> str:
    """Ein Wert als YAML-Skalar: schlicht, wo das eindeutig Text bleibt, sonst in Anführungszeichen.
    None wird `null` (früher der Text „None“, der als Zeichenkette zurückgelesen wurde)."""
    if wert is None:
        return "null"
    if isinstance(wert, bool):
        return "true" if wert else "false"
    if isinstance(wert, int):
        return str(wert)
    text = str(wert)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # Datum: der Lader hält es als Text
    if _SICHER.fullmatch(text) and not text.endswith(" ") and _bleibt_text(text):
        return text
    return doppelt_zitiert(text)


def doppelt_zitiert(text: str) -> str:
    """Text in doppelten Anführungszeichen, so dass YAML genau diesen Text zurückliest."""
    return _ESCAPE_NOETIG.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(text, ensure_ascii=False))


def zeilenende(text: str) -> str:
    """Das Zeilenende der Datei (die der ersten Zeile: „\\r\\n“ bei Windows-Dateien), damit
    ergänzte Zeilen dazu passen und keine Datei mit gemischten Zeilenenden entsteht."""
    erste = text.splitlines(keepends=True)[:1]
    if not erste:
        return "\n"
    umbruch = erste[0][len(erste[0].rstrip("\r\n")) :]
    return umbruch if umbruch in ("\r\n", "\r") else "\n"


def _bleibt_text(text: str) -> bool:
    """True, wenn YAML den Text ohne Anführungszeichen als Text liest (nicht als Zahl, bool, null …)."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _zeilen(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _einrueckung(zeile: str) -> int:
    return len(zeile) - len(zeile.lstrip(" "))


def ersetze_skalar(text: str, dok: yamltext.Dokument, pfad: tuple, neu: str) -> str:
    """Ersetzt den Skalarwert an `pfad` (Kommentar dahinter bleibt)."""
    zeile, spalte = dok.positionen[tuple(pfad)]
    zeilen = _zeilen(text)
    alt = zeilen[zeile - 1]
    muster = _SKALAR_FLOW if ("[" in alt[: spalte - 1] or "{" in alt[: spalte - 1]) else _SKALAR
    m = muster.match(alt, spalte - 1)
    if not m:
        raise Abgelehnt(f"Wert in Zeile {zeile} lässt sich nicht gezielt ändern")
    zeilen[zeile - 1] = alt[: m.start()] + _wie_vorher_zitiert(m.group(), neu) + alt[m.end() :]
    return "".join(zeilen)


def _wie_vorher_zitiert(alt: str, neu: str) -> str:
    """Stand der alte Wert in Anführungszeichen, steht der neue es auch (gleiche Art)."""
    if alt.startswith('"'):
        return doppelt_zitiert(neu)
    if alt.startswith("'") and "\n" not in neu:
        return "'" + neu.replace("'", "''") + "'"
    return neu


def _ende_des_eintrags(zeilen: list[str], start: int, strich: int) -> int:
    """Index der letzten Inhaltszeile eines Listeneintrags, der in Zeile `start` (0-basiert) beginnt."""
    letzte = start
    for i in range(start + 1, len(zeilen)):
        z = zeilen[i]
        inhalt = z.strip()
        if not inhalt or inhalt.startswith("#"):
            continue
        if _einrueckung(z) > strich:
            letzte = i
        else:
            break
    return letzte


def _block_liste(text: str, dok: yamltext.Dokument, pfad: tuple) -> tuple[int, int, int] | None:
    """(Zeile nach dem letzten Eintrag (0-basiert), Einrückung des „-“, Einrückung der Schlüssel)."""
    liste = dok.daten
    for p in pfad:
        if not isinstance(liste, (dict, list)) or (isinstance(liste, dict) and p not in liste):
            return None  # Schlüssel fehlt: der Aufrufer legt ihn an
        liste = liste[p]
    if not isinstance(liste, list) or not liste:
        return None
    zeilen = _zeilen(text)
    z0, s0 = dok.positionen[tuple(pfad) + (0,)]
    vor = zeilen[z0 - 1][: s0 - 1]
    if "[" in vor or "-" not in vor:
        raise Abgelehnt(
            f"„{pfad[-1]}“ steht in Flow-Schreibweise ([…]); bitte als Blockliste („- …“ je Zeile) schreiben, "
            "dann kann netzwerk Einträge anhängen"
        )
    zl, sl = dok.positionen[tuple(pfad) + (len(liste) - 1,)]
    strich = zeilen[zl - 1].rfind("-", 0, sl - 1)
    if strich < 0:  # pragma: no cover - oben geprüft
        raise Abgelehnt(f"Liste „{pfad[-1]}“ hat eine unerwartete Form")
    ende = _ende_des_eintrags(zeilen, zl - 1, strich)
    return ende + 1, strich, sl - 1


def _eintrag_zeilen(eintrag: dict | str, strich: int, schluessel: int, ende: str = "\n") -> list[str]:
    if not isinstance(eintrag, dict):
        return [" " * strich + "- " + skalar(eintrag) + ende]
    zeilen = []
    for i, (k, v) in enumerate(eintrag.items()):
        einzug = " " * strich + "- " if i == 0 else " " * schluessel
        if isinstance(v, (dict, list)):
            erste, *rest = wert_zeilen(k, v, schluessel, ende)
            zeilen.append(einzug + erste.lstrip(" "))
            zeilen.extend(rest)
        else:
            zeilen.append(f"{einzug}{k}: {skalar(v)}{ende}")
    return zeilen


def _flow_tauglich(wert: dict) -> bool:
    """Kleine Zuordnungen aus Zahlen (z. B. `abstimmung: {ja: 9, nein: 0, enthaltung: 1}`) stehen in einer Zeile."""
    return bool(wert) and all(isinstance(v, int) and re.fullmatch(r"[a-z_]+", str(k)) for k, v in wert.items())


def wert_zeilen(schluessel: str, wert: object, einzug: int, ende: str = "\n") -> list[str]:
    """Die Zeilen für `schluessel: wert` mit `einzug` Leerzeichen (Listen und Zuordnungen als
    Block, darunter um zwei eingerückt; Skalare über `skalar`)."""
    vorne = " " * einzug
    if isinstance(wert, dict):
        if _flow_tauglich(wert):
            return [f"{vorne}{schluessel}: {{" + ", ".join(f"{k}: {skalar(v)}" for k, v in wert.items()) + "}" + ende]
        zeilen = [f"{vorne}{schluessel}:{ende}"]
        for k, v in wert.items():
            zeilen.extend(wert_zeilen(k, v, einzug + 2, ende))
        return zeilen
    if isinstance(wert, list):
        if not wert:
            return [f"{vorne}{schluessel}: []{ende}"]
        zeilen = [f"{vorne}{schluessel}:{ende}"]
        for e in wert:
            zeilen.extend(_eintrag_zeilen(e, einzug + 2, einzug + 4, ende))
        return zeilen
    return [f"{vorne}{schluessel}: {skalar(wert)}{ende}"]


def datensatz_text(daten: dict, kopf: list[str] | None = None, ende: str = "\n") -> str:
    """Ein neuer Datensatz als YAML-Text (Kommentarzeilen `kopf` oben), im Stil der Beispieldaten."""
    zeilen = [f"# {k}{ende}" for k in kopf or []]
    for k, v in daten.items():
        zeilen.extend(wert_zeilen(k, v, 0, ende))
    return "".join(zeilen)


def setze_wert(text: str, dok: yamltext.Dokument, pfad: tuple, wert: object, nach: str | None = None) -> str:
    """Setzt den Wert an `pfad` (ein Schlüssel in einer Zuordnung, auch in einem Listeneintrag).

    Gibt es den Schlüssel mit einem Skalarwert, wird nur dieser ersetzt (Kommentar dahinter und
    Art der Anführungszeichen bleiben); steht nach „schluessel:“ nichts, wird der Wert ergänzt;
    fehlt der Schlüssel, kommt eine neue Zeile hinzu – hinter den Block von `nach` (falls
    vorhanden), sonst ans Ende der Zuordnung.
    """
    pfad = tuple(pfad)
    ende = zeilenende(text)
    zeilen = _zeilen(text)
    eltern = dok.daten
    for p in pfad[:-1]:
        eltern = eltern[p]
    if not isinstance(eltern, dict):
        raise Abgelehnt(f"„{'.'.join(map(str, pfad[:-1]))}“ ist keine Zuordnung")
    if pfad in dok.schluessel:
        alt = eltern[pfad[-1]]
        if isinstance(alt, (dict, list)) or isinstance(wert, (dict, list)):
            raise Abgelehnt(f"„{pfad[-1]}“ ist keine einfache Angabe und lässt sich nicht gezielt ändern")
        kz, ks = dok.schluessel[pfad]
        zeile = zeilen[kz - 1]
        m = re.match(r"(?:'(?:[^']|'')*'|\"(?:[^\"\\]|\\.)*\"|[^:#]*?)\s*:", zeile[ks - 1 :])
        rest = zeile[ks - 1 + m.end() :] if m else ""
        if alt is None and not rest.split("#", 1)[0].strip():
            # m passt hier immer: die Position zeigt auf einen Schlüssel vor „:“ (Schlüssel aus
            # dem Schema enthalten kein „#“)
            assert m is not None
            inhalt = zeile.rstrip("\r\n")
            umbruch = zeile[len(inhalt) :]
            kommentar = ""
            if "#" in rest:
                kommentar = "  " + rest[rest.index("#") :].rstrip("\r\n")
            kopf = zeile[: ks - 1 + m.end()]
            zeilen[kz - 1] = f"{kopf} {skalar(wert)}{kommentar}{umbruch or ende}"
            return "".join(zeilen)
        alter_text = zeile[dok.positionen[pfad][1] - 1 :] if pfad in dok.positionen else ""
        roh = wert if isinstance(wert, str) and alter_text[:1] in ("'", '"') else skalar(wert)
        return ersetze_skalar(text, dok, pfad, roh)
    # Schlüssel fehlt: eine neue Zeile im Block der Zuordnung
    geschwister = [(dok.schluessel[pfad[:-1] + (k,)], k) for k in eltern if pfad[:-1] + (k,) in dok.schluessel]
    if not geschwister:
        if pfad[:-1] == ():
            return _einfuegen(zeilen, len(zeilen), wert_zeilen(pfad[-1], wert, 0, ende), ende)
        raise Abgelehnt(f"„{pfad[-1]}“ lässt sich hier nicht ergänzen (leere Zuordnung)")
    (z0, s0), _ = min(geschwister)
    if "{" in zeilen[z0 - 1][: s0 - 1]:
        raise Abgelehnt(
            f"Zeile {z0} steht in Flow-Schreibweise ({{…}}); bitte als Block („schlüssel: wert“ je Zeile) schreiben, "
            "dann kann netzwerk Angaben ergänzen"
        )
    einzug = s0 - 1
    if nach is not None and pfad[:-1] + (nach,) in dok.schluessel:
        bezug = dok.schluessel[pfad[:-1] + (nach,)][0]
    else:
        bezug = max(geschwister)[0][0]
    letzte = _ende_des_eintrags(zeilen, bezug - 1, einzug)
    return _einfuegen(zeilen, letzte + 1, wert_zeilen(pfad[-1], wert, einzug, ende), ende)


def _einfuegen(zeilen: list[str], index: int, neu: list[str], ende: str) -> str:
    """Fügt Zeilen vor `index` ein. Nur wenn am Dateiende angehängt wird, bekommt eine letzte Zeile
    ohne Zeilenumbruch einen; sonst bleibt die Datei außerhalb der neuen Zeilen Byte für Byte gleich."""
    zeilen = list(zeilen)
    if index == len(zeilen) and zeilen and not zeilen[-1].endswith(("\n", "\r")):
        zeilen[-1] += ende
    return "".join(zeilen[:index] + neu + zeilen[index:])


_LEERE_LISTE = re.compile(r"\[\s*\]")


def haenge_an(text: str, dok: yamltext.Dokument, pfad: tuple, eintraege: list) -> str:
    """Hängt Einträge an die Blockliste an `pfad` an; fehlt der Schlüssel, wird er angelegt.

    Eine leere Flow-Liste (`adressaten: []`) wird zur Blockliste: nur „[]“ verschwindet aus der
    Zeile (ein Kommentar dahinter bleibt), die Einträge folgen darunter.
    """
    ende = zeilenende(text)
    lage = _block_liste(text, dok, pfad)
    if lage is None:
        if len(pfad) != 1:
            raise Abgelehnt(f"Liste „{'.'.join(map(str, pfad))}“ fehlt")
        if tuple(pfad) in dok.schluessel:
            return _fuelle_leere_liste(text, dok, tuple(pfad), eintraege)
        return fuege_schluessel_ein(text, dok, pfad[0], eintraege)
    nach, strich, schluessel = lage
    neu = []
    for e in eintraege:
        neu.extend(_eintrag_zeilen(e, strich, schluessel, ende))
    return _einfuegen(_zeilen(text), nach, neu, ende)


def _fuelle_leere_liste(text: str, dok: yamltext.Dokument, pfad: tuple, eintraege: list) -> str:
    ende = zeilenende(text)
    zeilen = _zeilen(text)
    zeile, spalte = dok.positionen[pfad]
    alt = zeilen[zeile - 1]
    m = _LEERE_LISTE.match(alt, spalte - 1)
    if not m:
        raise Abgelehnt(f"„{pfad[-1]}“ (Zeile {zeile}) ist keine Liste, an die netzwerk Einträge anhängen kann")
    rest = alt[m.end() :]
    inhalt = rest.rstrip("\r\n")
    geaendert = alt[: m.start()].rstrip(" ") + (inhalt if inhalt.strip() else "")
    schluessel_zeile, schluessel_spalte = dok.schluessel[pfad]
    strich = schluessel_spalte - 1 + 2
    neu = []
    for e in eintraege:
        neu.extend(_eintrag_zeilen(e, strich, strich + 2, ende))
    if not geaendert.strip() and zeile != schluessel_zeile:
        # „[]“ stand allein in einer eigenen Zeile: die Einträge treten an ihre Stelle
        return "".join(zeilen[: zeile - 1] + neu + zeilen[zeile:])
    zeilen[zeile - 1] = geaendert + (rest[len(inhalt) :] or ende)
    return _einfuegen(zeilen, zeile, neu, ende)


def fuege_schluessel_ein(text: str, dok: yamltext.Dokument, schluessel: str, eintraege: list, vor: str | None = None) -> str:
    """Legt einen Listen-Schlüssel oben im Datensatz an: vor `vor` (falls vorhanden), sonst am Ende."""
    ende = zeilenende(text)
    zeilen = _zeilen(text)
    block = [f"{schluessel}:{ende}"]
    for e in eintraege:
        block.extend(_eintrag_zeilen(e, 2, 4, ende))
    if vor is not None and (vor,) in dok.schluessel:
        zeile = dok.schluessel[(vor,)][0] - 1
        # Kommentarzeilen direkt über dem Schlüssel gehören zu ihm
        while zeile > 0 and zeilen[zeile - 1].lstrip().startswith("#"):
            zeile -= 1
        return _einfuegen(zeilen, zeile, block, ende)
    return _einfuegen(zeilen, len(zeilen), block, ende)


def pruefe_lesbar(text: str) -> yamltext.Dokument:
    """Sicherheitsnetz: der geänderte Text muss wieder fehlerfrei lesbar sein."""
    dok, probleme = yamltext.lade_text(text)
    fehler = [p for p in probleme if p.schwere == "fehler"]
    if dok is None or fehler:
        raise Abgelehnt("interne Änderung ergäbe kein gültiges YAML; es wurde nichts geschrieben")
    return dok


def entferne_aus_liste(text: str, dok: yamltext.Dokument, pfad: tuple, index: int) -> str:
    """Entfernt den Eintrag `index` aus der Liste an `pfad` (Blockliste: seine Zeilen; Flow-Liste
    in einer Zeile: die Liste wird ohne ihn neu geschrieben). Wird die Liste leer, steht „[]“."""
    pfad = tuple(pfad)
    liste = dok.daten
    for p in pfad:
        liste = liste[p]
    zeilen = _zeilen(text)
    ende = zeilenende(text)
    z, s = dok.positionen[pfad + (index,)]
    vor = zeilen[z - 1][: s - 1]
    if "[" in vor:
        zl, sl = dok.positionen[pfad]
        zeile = zeilen[zl - 1]
        schluss = zeile.find("]", sl - 1)
        if schluss < 0 or any(dok.positionen[pfad + (i,)][0] != zl for i in range(len(liste))):
            raise Abgelehnt(f"Liste „{pfad[-1]}“ (Zeile {zl}) lässt sich nicht gezielt ändern; bitte von Hand bearbeiten")
        rest = [skalar(v) for i, v in enumerate(liste) if i != index]
        zeilen[zl - 1] = zeile[: sl - 1] + "[" + ", ".join(rest) + "]" + zeile[schluss + 1 :]
        return "".join(zeilen)
    strich = zeilen[z - 1].rfind("-", 0, s - 1)
    letzte = _ende_des_eintrags(zeilen, z - 1, strich)
    if len(liste) == 1:
        kz, ks = dok.schluessel[pfad]
        kopf = zeilen[kz - 1]
        inhalt = kopf.rstrip("\r\n")
        zeilen[kz - 1] = inhalt.rstrip() + " []" + (kopf[len(inhalt):] or ende)
    return "".join(zeilen[: z - 1] + zeilen[letzte + 1 :])
