"""Themenfelder und Wirkungsziele (`ref-unbekannt`): was AGs, Empfehlungen und Konzepte
an Themenfeldern nennen, muss ein Konzept definieren – sofern es Konzepte gibt."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli.befunde import Befund
from netzwerk_cli.bestand import Bestand


def pruefe(bestand: Bestand, kontext) -> Iterator[Befund]:
    themen: set[str] = set()
    konzepte = [ds for ds in bestand.arten["konzept"].values() if ds.gueltig]
    for ds in konzepte:
        k = ds.daten
        eigene = {t["id"] for t in k.get("themenfelder") or []}
        themen |= eigene | {t["id"] for t in k.get("querschnittsthemen") or []}
        ziele = {z["id"] for z in k.get("wirkungsziele") or []}
        for i, z in enumerate(k.get("wirkungsziele") or []):
            if z.get("themenfeld") and z["themenfeld"] not in eigene:
                yield ds.befund("ref-unbekannt", f"Themenfeld „{z['themenfeld']}“ ist in diesem Konzept nicht definiert", ("wirkungsziele", i, "themenfeld"))
        for i, m in enumerate(k.get("massnahmen") or []):
            if m.get("wirkungsziel") and m["wirkungsziel"] not in ziele:
                yield ds.befund("ref-unbekannt", f"Wirkungsziel „{m['wirkungsziel']}“ ist in diesem Konzept nicht definiert", ("massnahmen", i, "wirkungsziel"))
    if not konzepte:
        return
    bekannt = ", ".join(sorted(themen)) or "keine"
    for art in ("arbeitsgruppe", "empfehlung"):
        for ds in bestand.arten[art].values():
            if not ds.gueltig:
                continue
            for i, t in enumerate(ds.daten.get("themenfelder") or []):
                if t not in themen:
                    yield ds.befund("ref-unbekannt", f"Themenfeld „{t}“ ist in keinem Konzept definiert (bekannt: {bekannt})", ("themenfelder", i))
