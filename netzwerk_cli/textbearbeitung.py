"""Minimale Textänderungen an YAML-Datensätzen, ohne Ein-/Ausgabe.

Statt eine Datei neu zu serialisieren (was Kommentare, Reihenfolge, Anführungszeichen und
Leerzeilen verlieren würde), ändern diese Funktionen nur die betroffenen Zeilen: einen
Skalarwert ersetzen, Einträge an eine Blockliste anhängen, einen Schlüssel einfügen. Die
Positionen stammen aus dem Lader (`yamlio.Dokument`). Alles andere bleibt Byte für Byte.
"""

from __future__ import annotations

import json
import re

import yaml

from netzwerk_cli import yamlio
from netzwerk_cli.fehler import Abgelehnt

_SKALAR = re.compile(r"""'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s#][^#\n]*?(?=\s+#|\s*$)""")
_RESOLVER = yaml.resolver.Resolver()
_SICHER = re.compile(r"^[A-Za-zÄÖÜäöüß0-9_][A-Za-zÄÖÜäöüß0-9 _.,/()–-]*$")


def skalar(wert: object) -> str:
    """Ein Wert als YAML-Skalar: schlicht, wo das eindeutig Text bleibt, sonst in Anführungszeichen."""
    if isinstance(wert, bool):
        return "true" if wert else "false"
    if isinstance(wert, int):
        return str(wert)
    text = str(wert)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text  # Datum: der Lader hält es als Text
    if _SICHER.match(text) and not text.endswith(" ") and _bleibt_text(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _bleibt_text(text: str) -> bool:
    """True, wenn YAML den Text ohne Anführungszeichen als Text liest (nicht als Zahl, bool, null …)."""
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == "tag:yaml.org,2002:str"


def _zeilen(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def _einrueckung(zeile: str) -> int:
    return len(zeile) - len(zeile.lstrip(" "))


def ersetze_skalar(text: str, dok: yamlio.Dokument, pfad: tuple, neu: str) -> str:
    """Ersetzt den Skalarwert an `pfad` (Kommentar dahinter bleibt)."""
    zeile, spalte = dok.positionen[tuple(pfad)]
    zeilen = _zeilen(text)
    alt = zeilen[zeile - 1]
    m = _SKALAR.match(alt, spalte - 1)
    if not m:
        raise Abgelehnt(f"Wert in Zeile {zeile} lässt sich nicht gezielt ändern")
    zeilen[zeile - 1] = alt[: m.start()] + neu + alt[m.end() :]
    return "".join(zeilen)


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


def _block_liste(text: str, dok: yamlio.Dokument, pfad: tuple) -> tuple[int, int, int] | None:
    """(Zeile nach dem letzten Eintrag (0-basiert), Einrückung des „-“, Einrückung der Schlüssel)."""
    liste = dok.daten
    for p in pfad:
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


def _eintrag_zeilen(eintrag: dict | str, strich: int, schluessel: int) -> list[str]:
    if not isinstance(eintrag, dict):
        return [" " * strich + "- " + skalar(eintrag) + "\n"]
    zeilen = []
    for i, (k, v) in enumerate(eintrag.items()):
        einzug = " " * strich + "- " if i == 0 else " " * schluessel
        zeilen.append(f"{einzug}{k}: {skalar(v)}\n")
    return zeilen


def haenge_an(text: str, dok: yamlio.Dokument, pfad: tuple, eintraege: list) -> str:
    """Hängt Einträge an die Blockliste an `pfad` an; fehlt der Schlüssel, wird er angelegt."""
    zeilen = _zeilen(text)
    if zeilen and not zeilen[-1].endswith("\n"):
        zeilen[-1] += "\n"
    lage = _block_liste("".join(zeilen), dok, pfad)
    if lage is None:
        if len(pfad) != 1:
            raise Abgelehnt(f"Liste „{'.'.join(map(str, pfad))}“ fehlt")
        return fuege_schluessel_ein("".join(zeilen), dok, pfad[0], eintraege)
    nach, strich, schluessel = lage
    neu = []
    for e in eintraege:
        neu.extend(_eintrag_zeilen(e, strich, schluessel))
    return "".join(zeilen[:nach] + neu + zeilen[nach:])


def fuege_schluessel_ein(text: str, dok: yamlio.Dokument, schluessel: str, eintraege: list, vor: str | None = None) -> str:
    """Legt einen Listen-Schlüssel oben im Datensatz an: vor `vor` (falls vorhanden), sonst am Ende."""
    zeilen = _zeilen(text)
    if zeilen and not zeilen[-1].endswith("\n"):
        zeilen[-1] += "\n"
    block = [f"{schluessel}:\n"]
    for e in eintraege:
        block.extend(_eintrag_zeilen(e, 2, 4))
    if vor is not None and (vor,) in dok.schluessel:
        zeile = dok.schluessel[(vor,)][0] - 1
        # Kommentarzeilen direkt über dem Schlüssel gehören zu ihm
        while zeile > 0 and zeilen[zeile - 1].lstrip().startswith("#"):
            zeile -= 1
        return "".join(zeilen[:zeile] + block + zeilen[zeile:])
    return "".join(zeilen + block)


def pruefe_lesbar(text: str) -> yamlio.Dokument:
    """Sicherheitsnetz: der geänderte Text muss wieder fehlerfrei lesbar sein."""
    dok, probleme = yamlio.lade_text(text)
    fehler = [p for p in probleme if p.schwere == "fehler"]
    if dok is None or fehler:
        raise Abgelehnt("interne Änderung ergäbe kein gültiges YAML; es wurde nichts geschrieben")
    return dok
