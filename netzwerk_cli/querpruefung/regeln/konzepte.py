"""Themenfelder und Wirkungsziele (`ref-unbekannt`): was AGs, Empfehlungen und Konzepte
an Themenfeldern nennen, muss ein Konzept definieren – sofern es Konzepte gibt."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.befunde import Befund


def pruefe_konzept(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    k = ds.daten
    eigene = {t["id"] for t in k.get("themenfelder") or []}
    ziele = {z["id"] for z in k.get("wirkungsziele") or []}
    for i, z in enumerate(k.get("wirkungsziele") or []):
        if z.get("themenfeld") and z["themenfeld"] not in eigene:
            yield ds.befund("ref-unbekannt", f"Themenfeld „{z['themenfeld']}“ ist in diesem Konzept nicht definiert", ("wirkungsziele", i, "themenfeld"))
    for i, m in enumerate(k.get("massnahmen") or []):
        if m.get("wirkungsziel") and m["wirkungsziel"] not in ziele:
            yield ds.befund("ref-unbekannt", f"Wirkungsziel „{m['wirkungsziel']}“ ist in diesem Konzept nicht definiert", ("massnahmen", i, "wirkungsziel"))


def _themen(bestand: BestandLesen) -> tuple[frozenset, str] | None:
    """Alle Themenfelder der gültigen Konzepte und ihre Aufzählung; None, wenn es keine gibt – oder
    wenn ein Konzept fehlerhaft ist: dann ist unbekannt, welche Themenfelder es definiert, und jede
    Meldung „in keinem Konzept definiert“ wäre ein Folgefehler (das Konzept meldet seinen Fehler)."""
    alle = list(bestand.alle_von("konzept"))
    if not alle or not all(ds.gueltig for ds in alle):
        return None
    konzepte = [ds.daten for ds in alle]
    themen = frozenset(t["id"] for k in konzepte for liste in ("themenfelder", "querschnittsthemen") for t in k.get(liste) or [])
    return themen, ", ".join(sorted(themen)) or "keine"


def pruefe_themenfelder(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig or not ds.daten.get("themenfelder"):
        return
    bekannt = bestand.merke("themen", _themen)
    if bekannt is None:
        return
    themen, aufzaehlung = bekannt
    for i, t in enumerate(ds.daten["themenfelder"]):
        if t not in themen:
            yield ds.befund("ref-unbekannt", f"Themenfeld „{t}“ ist in keinem Konzept definiert (bekannt: {aufzaehlung})", ("themenfelder", i))


SUBJEKTE = {"konzept": pruefe_konzept, "arbeitsgruppe": pruefe_themenfelder, "empfehlung": pruefe_themenfelder}
