"""Regel `ref-unbekannt`: jeder Verweis (Schema-Anmerkung `x-ref`) nennt einen vorhandenen Datensatz."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli import schemata
from netzwerk_cli.befunde import Befund
from netzwerk_cli.bestand import ORDNER_VON_ART, Bestand


def pruefe(bestand: Bestand, kontext) -> Iterator[Befund]:
    for ds in bestand.alle():
        if not ds.lesbar:
            continue
        for muster, ziel_art in schemata.verweise(ds.art):
            for pfad, wert in schemata.werte(ds.daten, muster):
                if not isinstance(wert, str) or bestand.hole(ziel_art, wert) is not None:
                    continue
                hinweis = _anderswo(bestand, wert, ziel_art)
                yield ds.befund(
                    "ref-unbekannt",
                    f"„{wert}“ gibt es nicht in {ORDNER_VON_ART[ziel_art]}/{hinweis}",
                    pfad,
                )


def _anderswo(bestand: Bestand, wert: str, ziel_art: str) -> str:
    for art, saetze in bestand.arten.items():
        if art != ziel_art and wert in saetze:
            return f" (aber in {ORDNER_VON_ART[art]}/ – falsche Art?)"
    import difflib

    aehnlich = difflib.get_close_matches(wert, list(bestand.arten.get(ziel_art, {})), n=1, cutoff=0.8)
    return f" – meinten Sie „{aehnlich[0]}“?" if aehnlich else ""
