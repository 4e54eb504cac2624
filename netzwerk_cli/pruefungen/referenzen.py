"""Regel `ref-unbekannt`: jeder Verweis (Schema-Anmerkung `x-ref`) nennt einen vorhandenen Datensatz."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli import schemata
from netzwerk_cli.befunde import Befund, kurz
from netzwerk_cli.bestand import ARTEN, ORDNER_VON_ART, Bestand


def pruefe(bestand: Bestand, kontext) -> Iterator[Befund]:
    # Schnell: erst nur die Werte sammeln (ohne Pfade); nur wo einer fehlt, mit Pfaden nachsehen.
    verweise = {art: tuple((muster, ziel, bestand.arten[ziel]) for muster, ziel in schemata.verweise(art)) for art in ARTEN}
    for ds in bestand.alle():
        if not ds.lesbar:
            continue
        daten = ds.daten
        for muster, ziel_art, vorhanden in verweise[ds.art]:
            if all(w in vorhanden for w in _werte(daten, muster) if w.__class__ is str):
                continue
            for pfad, wert in schemata.werte(daten, muster):
                if not isinstance(wert, str) or wert in vorhanden:
                    continue
                hinweis = _anderswo(bestand, wert, ziel_art)
                yield ds.befund(
                    "ref-unbekannt",
                    f"„{kurz(wert)}“ gibt es nicht in {ORDNER_VON_ART[ziel_art]}/{hinweis}",
                    pfad,
                )


def _werte(daten, muster: tuple) -> list:
    """Alle Werte auf `muster` (wie schemata.werte, aber ohne Pfade und ohne Generatoren)."""
    stufe = [daten]
    for kopf in muster:
        if kopf == schemata.STERN:
            stufe = [el for x in stufe if x.__class__ is list for el in x]
        else:
            stufe = [x[kopf] for x in stufe if x.__class__ is dict and kopf in x]
        if not stufe:
            break
    return stufe


def _anderswo(bestand: Bestand, wert: str, ziel_art: str) -> str:
    if len(wert) > 100:  # keine gültige id; ein Ähnlichkeitsvergleich wäre nur teuer
        return ""
    for art, saetze in bestand.arten.items():
        if art != ziel_art and wert in saetze:
            return f" (aber in {ORDNER_VON_ART[art]}/ – falsche Art?)"
    import difflib

    aehnlich = difflib.get_close_matches(wert, list(bestand.arten.get(ziel_art, {})), n=1, cutoff=0.8)
    return f" – meinten Sie „{aehnlich[0]}“?" if aehnlich else ""
