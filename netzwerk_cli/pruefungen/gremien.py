"""Sitzregeln (`sitz-*`, `mitglied-doppelt`, `mitglied-ohne-sitzgruppe`): die Maschine in
`sitzregeln.py` auf jedes Gremium anwenden."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli import sitzregeln
from netzwerk_cli.befunde import Befund
from netzwerk_cli.bestand import Bestand


def pruefe(bestand: Bestand, kontext) -> Iterator[Befund]:
    for ds in bestand.arten["gremium"].values():
        if not ds.gueltig:
            continue
        b = sitzregeln.besetzung(ds.daten, bestand, kontext.stichtag)
        for v in b.verstoesse:
            yield ds.befund(v.regel, v.meldung, v.pfad, v.schwere)
        for m in b.ohne_gruppe:
            yield ds.befund(
                "mitglied-ohne-sitzgruppe",
                f"Mitglied „{m.person}“ ist keiner Sitzgruppe zugeordnet und wird bei den Sitzen nicht gezählt",
                ("mitglieder", m.index),
                "warnung",
            )
