"""Sitzregeln (`sitz-*`, `mitglied-doppelt`, `mitglied-ohne-sitzgruppe`): die Maschine in
`sitzregeln.py` auf jedes Gremium anwenden."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.regelwerk import sitzregeln


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    b = sitzregeln.besetzung(ds.daten, bestand, kontext.stichtag)
    for v in b.verstoesse:
        if v.folge:
            continue  # die Ursache ist in einer anderen Datei gemeldet (docs/REGELN.md „Folgefehler“)
        yield ds.befund(v.regel, v.meldung, v.pfad, v.schwere)
    for m in b.ohne_gruppe:
        yield ds.befund(
            "mitglied-ohne-sitzgruppe",
            f"Mitglied „{m.person}“ ist keiner Sitzgruppe zugeordnet und wird bei den Sitzen nicht gezählt",
            ("mitglieder", m.index),
            "warnung",
        )


SUBJEKTE = {"gremium": pruefe_eins}
