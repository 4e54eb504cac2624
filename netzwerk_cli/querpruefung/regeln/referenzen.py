"""Regel `ref-unbekannt`: jeder Verweis (Schema-Anmerkung `x-ref`) nennt einen vorhandenen Datensatz."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN, ORDNER_VON_ART, id_aus_name, pruefe_id
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
            if _folge_einer_ungueltigen_id(bestand, wert, ziel_art):
                continue  # die Ursache meldet id-ungueltig an der Datei (mit genau dieser id als Vorschlag)
            hinweis = _als_name(bestand, wert, ziel_art) or _anderswo(bestand, wert, ziel_art)
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


def _umbenennungen(art: str):
    """{gültige id: Dateiname} der Datensätze der Art, deren Dateiname keine gültige id ist
    (`anna schmidt.yaml` → „anna-schmidt“), einmal je Prüflauf."""

    def rechne(bestand: BestandLesen) -> dict[str, str]:
        return {vorschlag: i for i in bestand.ids(art) if pruefe_id(i) and (vorschlag := id_aus_name(i))}

    return rechne


def _folge_einer_ungueltigen_id(bestand: BestandLesen, wert: str, ziel_art: str) -> bool:
    """Verweist `wert` auf die gültige id, die `id-ungueltig` für eine falsch benannte Datei
    vorschlägt? Dann ist der Verweis richtig und nur der Dateiname falsch (dort gemeldet)."""
    if len(wert) > 100:
        return False
    return wert in bestand.merke(f"umbenennungen\0{ziel_art}", _umbenennungen(ziel_art))


def _namen(art: str):
    """{Name: id} der schema-gültigen Datensätze der Art mit einem eindeutigen Namen."""

    def rechne(bestand: BestandLesen) -> dict[str, str | None]:
        namen: dict[str, str | None] = {}
        for ds in bestand.alle_von(art):
            name = ds.daten.get("name") if ds.gueltig and isinstance(ds.daten, dict) else None
            if isinstance(name, str):
                schluessel = " ".join(name.split()).casefold()
                namen[schluessel] = None if schluessel in namen else ds.id  # mehrdeutig: kein Vorschlag
        return namen

    return rechne


def _als_name(bestand: BestandLesen, wert: str, ziel_art: str) -> str:
    """Steht statt der id ein Name da („Paula Probe“), der Hinweis auf die id, sonst ""."""
    if len(wert) > 200 or not any(z.isspace() or z.isupper() for z in wert):
        return ""  # sieht aus wie eine id (klein, ohne Leerzeichen): das erledigt „meinten Sie“
    gefunden = bestand.merke(f"namen\0{ziel_art}", _namen(ziel_art)).get(" ".join(wert.split()).casefold())
    if gefunden is None:
        aus_name = id_aus_name(wert)
        gefunden = aus_name if aus_name and bestand.gibt_es(ziel_art, aus_name) else None
        if gefunden is None:
            return ""
        return f" – meinten Sie die id „{gefunden}“? (hier steht die id, nicht der Name)"
    return f" – das ist der Name von „{gefunden}“; hier steht die id: {gefunden}"
