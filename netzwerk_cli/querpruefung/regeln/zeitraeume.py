"""Regel `zeitraum-ungueltig`: Ende vor Beginn (Schema-Anmerkung `x-zeitraum`)."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.befunde import Befund


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    for muster, paare in schemata.zeitraeume(ds.art):
        for pfad, objekt in schemata.werte(ds.daten, muster):
            if not isinstance(objekt, dict):
                continue
            for beginn, ende in paare:
                a, b = objekt.get(beginn), objekt.get(ende)
                if isinstance(a, str) and isinstance(b, str) and b < a:
                    yield ds.befund("zeitraum-ungueltig", f"„{ende}“ ({b}) liegt vor „{beginn}“ ({a})", pfad + (ende,))


SUBJEKTE = {"*": pruefe_eins}
