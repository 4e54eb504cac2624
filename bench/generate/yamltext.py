"""Datensätze als YAML-Text im Stil von data/.

Jeder Skalar geht durch den einen Skalarschreiber des Pakets
(`netzwerk_cli.quellen.textbearbeitung.skalar`), kleine Zahlen-Zuordnungen wie
`abstimmung: {ja: 9, nein: 0, enthaltung: 1}` durch dessen `wert_zeilen`. Hier steht nur, was
die Messdaten darüber hinaus wie die echten Daten aussehen lässt: Listen von ids in einer Zeile
(`rollen: [a, b]`) und lange Texte als gefalteter Block (`>-`).
"""

from __future__ import annotations

import re
import textwrap

from netzwerk_cli.quellen.textbearbeitung import skalar, wert_zeilen

# Der Pfad im Kommentar bleibt „bench/generate.py“: er steht in jeder Datei, eine Änderung wäre nur Rauschen.
KOPF = "# Synthetische Messdaten (bench/generate.py): erfundene Personen, Orte und Beschlüsse.\n"
FLOW_LISTEN = {"rollen", "organisationstyp", "benannt_von"}
FLOW_MAPS = {"abstimmung", "sitzungen_pro_jahr"}  # nur diese in einer Zeile, wie in data/
BREITE = 88
_ID_FLOW = re.compile(r"[a-z0-9_-]+")


def _wert(v: object) -> str:
    if not isinstance(v, (str, int)):  # bool ist int; None und Gleitkommazahlen kommen nicht vor
        raise TypeError(f"nicht darstellbar: {v!r}")
    return skalar(v)


def _faltbar(v: str) -> bool:
    """Lang und ohne Anführungszeichen schreibbar: dann als gefalteter Block, der genau `v` ergibt
    (Falten fasst Leerraum zusammen, daher kein doppeltes Leerzeichen)."""
    return "  " not in v and skalar(v) == v


def _wert_zeilen(schluessel: str, v, praefix: str, einzug: int, out: list[str]) -> None:
    if isinstance(v, dict):
        if not v:
            raise TypeError(f"leere Zuordnung unter {schluessel!r}")
        eine = wert_zeilen(schluessel, v, 0) if schluessel in FLOW_MAPS else []
        if len(eine) == 1:  # der Schreiber des Pakets setzt kleine Zahlen-Zuordnungen in eine Zeile
            out.append(praefix + eine[0].rstrip("\n"))
        else:
            out.append(f"{praefix}{schluessel}:")
            _map_zeilen(v, einzug + 2, out)
    elif isinstance(v, list):
        if not v:
            out.append(f"{praefix}{schluessel}: []")
        elif schluessel in FLOW_LISTEN and all(isinstance(x, str) and _ID_FLOW.fullmatch(x) for x in v):
            out.append(f"{praefix}{schluessel}: [{', '.join(_wert(x) for x in v)}]")
        else:
            out.append(f"{praefix}{schluessel}:")
            for x in v:
                if isinstance(x, dict):
                    _map_zeilen(x, einzug + 4, out, " " * (einzug + 2) + "- ")
                else:
                    out.append(" " * (einzug + 2) + "- " + _wert(x))
    elif isinstance(v, str) and len(praefix) + len(schluessel) + len(v) > BREITE and _faltbar(v):
        out.append(f"{praefix}{schluessel}: >-")  # gefalteter Block wie in data/
        out.extend(" " * (einzug + 2) + z for z in textwrap.wrap(v, BREITE - einzug, break_long_words=False, break_on_hyphens=False))
    else:
        out.append(f"{praefix}{schluessel}: {_wert(v)}")


def _map_zeilen(d: dict, einzug: int, out: list[str], erster_praefix: str | None = None) -> None:
    for i, (k, v) in enumerate(d.items()):
        praefix = erster_praefix if i == 0 and erster_praefix is not None else " " * einzug
        _wert_zeilen(k, v, praefix, einzug, out)


def als_yaml(daten: dict, kommentar: str = "") -> str:
    out: list[str] = []
    _map_zeilen(daten, 0, out)
    return KOPF + kommentar + "\n".join(out) + "\n"
