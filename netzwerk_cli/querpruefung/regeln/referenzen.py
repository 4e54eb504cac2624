"""Regel `ref-unbekannt`: jeder Verweis (Schema-Anmerkung `x-ref`) nennt einen vorhandenen Datensatz."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN, ORDNER_VON_ART
from netzwerk_cli.grundlagen.befunde import Befund, kurz


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    # Schnell: erst nur die Werte sammeln (ohne Pfade); nur wo einer fehlt, mit Pfaden nachsehen.
    if not ds.lesbar:
        return
    daten = ds.daten
    for muster, ziel_art in schemata.verweise(ds.art):
        werte = _werte(daten, muster)
        if not werte or not bestand.fehlende(ziel_art, werte):
            continue
        for pfad, wert in schemata.werte(daten, muster):
            if not isinstance(wert, str) or bestand.gibt_es(ziel_art, wert):
                continue
            hinweis = _anderswo(bestand, wert, ziel_art)
            yield ds.befund(
                "ref-unbekannt",
                f"„{kurz(wert)}“ gibt es nicht in {ORDNER_VON_ART[ziel_art]}/{hinweis}",
                pfad,
            )


SUBJEKTE = {"*": pruefe_eins}


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


def _anderswo(bestand: BestandLesen, wert: str, ziel_art: str) -> str:
    if len(wert) > 100:  # keine gültige id; ein Ähnlichkeitsvergleich wäre nur teuer
        return ""
    for art in ARTEN[1:]:
        if art != ziel_art and bestand.gibt_es(art, wert):
            return f" (aber in {ORDNER_VON_ART[art]}/ – falsche Art?)"
    import difflib

    aehnlich = difflib.get_close_matches(wert, list(bestand.ids(ziel_art)), n=1, cutoff=0.8)
    return f" – meinten Sie „{aehnlich[0]}“?" if aehnlich else ""
