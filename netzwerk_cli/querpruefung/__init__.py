"""Inkrementelle Prüfung: nach einer Änderung nur die betroffenen Datensätze neu prüfen.

Die Prüfungen über mehrere Datensätze laufen je Subjekt (`pruefungen.pruefe_datensatz`) über
einen `Aufzeichner`, der mitschreibt, welche anderen Datensätze, ids, Arten und Indexwerte sie
nachschlagen. Gespeichert werden die Befunde je Subjekt, der Stand (Prüfsumme je Datei), gegen
den sie gelten, und die umgekehrten Abhängigkeiten (Schlüssel → Subjekte).

Ein späterer Lauf vergleicht den Stand mit den Dateien von heute. Aus den geänderten, neuen
und gelöschten Dateien ergeben sich die ungültigen Schlüssel (Tabelle in `abhaengigkeiten`);
neu geprüft werden die Subjekte dieser Dateien und alle, die von einem ungültigen Schlüssel
abhängen. Ihre Daten (und die der Datensätze, die sie nachschlagen) werden erst dann aus dem
Speicher geladen. Alles wird neu geprüft, wenn es keinen passenden Zustand gibt: erster Lauf,
andere Werkzeugfassung oder andere Wiedervorlagefrist, ein beschädigter oder von zwei Läufen
zugleich geschriebener Speicher.

Ein anderer Stichtag (der erste Lauf eines neuen Tages) prüft nur die Subjekte neu, deren
Ergebnis für ihn nicht mehr gilt: Jedes Subjekt läuft mit einem `BeobachteterStichtag`
(`gueltigkeit.py`), der das Intervall der Stichtage mit demselben Ergebnis mitschreibt; es
wird mit den Befunden gespeichert (nur für Subjekte, deren Ergebnis überhaupt vom Stichtag
abhängt).

`tests/test_querpruefung.py` vergleicht nach zufälligen Änderungen (Inhalt, neu, gelöscht,
umbenannt) jedes Mal mit einem Lauf ohne Speicher.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.bestand import abhaengigkeiten as abh
from netzwerk_cli.grundlagen.arten import INDEXFELDER, ORDNER, datensatz_id
from netzwerk_cli.querpruefung.gueltigkeit import BeobachteterStichtag, Gueltigkeit, gilt
from netzwerk_cli.querpruefung.regeln import Kontext, pruefe_datensatz

if TYPE_CHECKING:  # der Speicher wird übergeben (validierung.aktualisiert)
    from netzwerk_cli.quellen.zwischenspeicher import Speicher


def pruefe(bestand: Bestand, kontext: Kontext, speicher: Speicher, stand: dict, koepfe: dict) -> dict[str, tuple]:
    """Befunde je Subjekt für einen Bestand, inkrementell über den Zustand im Speicher: nur die
    Subjekte neu, die von geänderten Dateien abhängen; ohne passenden Zustand alle. `stand`:
    Prüfsumme je Datei, `koepfe`: Indexwerte je Datei. Lädt nichts und baut keinen Bericht
    (das tut `validierung`)."""
    zustand = speicher.quer()
    befunde = _nachpruefen(bestand, kontext, zustand, stand, koepfe, speicher) if zustand is not None else None
    if befunde is None:
        befunde = _alles_pruefen(bestand, kontext, stand, koepfe, speicher)
    return befunde


def kontext_schluessel(kontext: Kontext) -> tuple:
    return (kontext.stichtag, kontext.wiedervorlage_monate)


def _zustand(kontext: Kontext, stand: dict, koepfe: dict, befunde: dict, subjekte: list, generationen: list, gueltig: dict) -> dict:
    """Was `quer.bin` speichert (Schlüssel wie in `zwischenspeicher.Speicher.quer`). `gueltig`:
    je Subjekt, dessen Ergebnis vom Stichtag abhängt, das Intervall, in dem es gilt; jedes
    enthält den Stichtag von `kontext`."""
    return {
        "kontext": kontext_schluessel(kontext),
        "stand": stand,
        "koepfe": koepfe,
        "befunde": befunde,
        "subjekte": subjekte,
        "generationen": generationen,
        "gueltig": gueltig,
    }


def _subjekt_pruefen(ds: Datensatz, bestand: Bestand, kontext: Kontext) -> tuple[tuple, set[str], Gueltigkeit | None]:
    aufzeichner = abh.Aufzeichner(bestand)
    stichtag = BeobachteterStichtag(kontext.stichtag)
    beobachtet = Kontext(stichtag=stichtag, wiedervorlage_monate=kontext.wiedervorlage_monate)  # type: ignore[arg-type]
    befunde = tuple(
        (b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in pruefe_datensatz(ds, aufzeichner, beobachtet)
    )
    return befunde, aufzeichner.abh, stichtag.gueltigkeit


def _alles_pruefen(bestand: Bestand, kontext: Kontext, stand: dict, koepfe: dict, speicher) -> dict[str, tuple]:
    befunde: dict[str, tuple] = {}
    gueltig: dict[str, Gueltigkeit] = {}
    abhaengige: dict[str, list[int]] = {}
    subjekte: list[str] = []  # die Abhängigkeiten nennen Subjekte über ihre Nummer hier
    for ds in bestand.alle():
        subjekt = abh.subjekt(ds.art, ds.id)
        nummer = len(subjekte)
        subjekte.append(subjekt)
        gefunden, schluessel, zeitraum = _subjekt_pruefen(ds, bestand, kontext)
        if gefunden:
            befunde[subjekt] = gefunden
        if zeitraum is not None:
            gueltig[subjekt] = zeitraum
        for s in schluessel:
            liste = abhaengige.get(s)
            if liste is None:
                abhaengige[s] = [nummer]
            else:
                liste.append(nummer)
    generationen = speicher.abhaengige_ersetzen(abhaengige)
    speicher.quer_setzen(_zustand(kontext, stand, koepfe, befunde, subjekte, generationen, gueltig))
    return befunde


def _nachpruefen(bestand: Bestand, kontext: Kontext, zustand: dict, stand: dict, koepfe: dict, speicher) -> dict[str, tuple] | None:
    """Nur die betroffenen Subjekte neu prüfen; None, wenn alles neu geprüft werden muss."""
    try:
        alter_stichtag, monate = zustand["kontext"]
        gueltig: dict = dict(zustand["gueltig"])
    except (KeyError, TypeError, ValueError):
        return None
    if monate != kontext.wiedervorlage_monate or not isinstance(alter_stichtag, str):
        return None
    # Anderer Stichtag: neu nur die Subjekte, deren Ergebnis für ihn nicht mehr gilt.
    abgelaufen = set() if alter_stichtag == kontext.stichtag else {s for s, g in gueltig.items() if not gilt(g, kontext.stichtag)}
    alt: dict = zustand["stand"]
    geaendert = [rel for rel, summe in stand.items() if alt.get(rel) != summe]
    weg = alt.keys() - stand.keys()
    if not geaendert and not weg and not abgelaufen:
        if alter_stichtag != kontext.stichtag:
            speicher.quer_setzen({**zustand, "kontext": kontext_schluessel(kontext)})
        return zustand["befunde"]
    ungueltig, subjekte = ungueltige_schluessel(geaendert, weg, alt, zustand["koepfe"], koepfe)
    subjekte |= abgelaufen
    generationen = list(zustand["generationen"])
    nummern = speicher.abhaengige(ungueltig, generationen)
    if nummern is None:
        return None
    alle_subjekte: list[str] = list(zustand["subjekte"])
    try:
        subjekte.update(s for n in nummern if (s := alle_subjekte[n]))  # "": gelöscht
    except (IndexError, TypeError):
        return None
    nummer_von = {s: n for n, s in enumerate(alle_subjekte)}
    befunde = dict(zustand["befunde"])
    neu: dict[str, set[int]] = {}
    entfernen: set[str] = set()
    for subjekt in subjekte:
        befunde.pop(subjekt, None)
        gueltig.pop(subjekt, None)
        art, id_ = subjekt.split("\0", 1)
        ds = bestand.netzwerk if art == "netzwerk" else bestand.hole(art, id_)
        if ds is None:
            # Gelöscht: die id (oft ein Name) soll nicht im Speicher liegen bleiben. Wer den
            # Datensatz noch verweist, wird eben neu geprüft und trägt den Schlüssel neu ein.
            if subjekt in nummer_von:
                alle_subjekte[nummer_von.pop(subjekt)] = ""
            entfernen.update((abh.datensatz(art, id_), abh.existenz(art, id_)))
            continue
        gefunden, schluessel, zeitraum = _subjekt_pruefen(ds, bestand, kontext)
        if gefunden:
            befunde[subjekt] = gefunden
        if zeitraum is not None:
            gueltig[subjekt] = zeitraum
        nummer = nummer_von.get(subjekt)
        if nummer is None:  # neues Subjekt: hinten anfügen (die Liste wächst bis zur nächsten vollen Prüfung)
            nummer = nummer_von[subjekt] = len(alle_subjekte)
            alle_subjekte.append(subjekt)
        for s in schluessel:
            neu.setdefault(s, set()).add(nummer)
    if not speicher.abhaengige_ergaenzen(neu, generationen, entfernen):
        speicher.quer_verwerfen()  # nächster Lauf prüft alles neu; dieser Bericht stimmt
        return befunde
    speicher.quer_setzen(_zustand(kontext, stand, koepfe, befunde, alle_subjekte, generationen, gueltig))
    return befunde


def _art(rel: str) -> str:
    oben = rel.split("/", 1)[0]
    return "netzwerk" if oben == rel else ORDNER[oben]


def ungueltige_schluessel(geaendert: list[str], weg: set[str], alt: dict, koepfe_alt: dict, koepfe_neu: dict) -> tuple[set[str], set[str]]:
    """Ungültige Schlüssel und die Subjekte der betroffenen Dateien selbst."""
    ungueltig: set[str] = set()
    subjekte: set[str] = set()
    for rel in (*geaendert, *weg):
        art = _art(rel)
        id_ = datensatz_id(art, rel)
        subjekte.add(abh.subjekt(art, id_))
        ungueltig.add(abh.datensatz(art, id_))
        ungueltig.add(abh.alle(art))
        if rel in weg or rel not in alt:
            ungueltig.add(abh.existenz(art, id_))
            ungueltig.add(abh.ids(art))
        for kopf in (koepfe_alt.get(rel), koepfe_neu.get(rel)):
            if kopf:
                for feld, werte in zip(INDEXFELDER[art], kopf, strict=False):
                    for wert in werte:
                        ungueltig.add(abh.index(art, feld, wert))
    return ungueltig, subjekte


def verweisende(speicher: Speicher, saetze: list[tuple[str, str]]) -> set[tuple[str, str]] | None:
    """Die Subjekte (Art, id), deren Prüfung nachgesehen hat, ob es einen der Datensätze `saetze`
    gibt – nach `pruefe` für den Stand von jetzt. Darunter ist jeder Datensatz, der einen von
    ihnen verweist (`ref-unbekannt` fragt `fehlende` mit jedem Verweis); `basisvergleich` sucht
    Verweise auf entfernte Datensätze nur dort. None: kein nutzbarer Zustand (dann alle)."""
    zustand = speicher.quer()
    if zustand is None:
        return None
    nummern = speicher.abhaengige([abh.existenz(art, id_) for art, id_ in saetze], list(zustand["generationen"]))
    if nummern is None:
        return None
    subjekte = zustand["subjekte"]
    try:
        return {(s[: s.index("\0")], s[s.index("\0") + 1 :]) for n in nummern if (s := subjekte[n])}
    except (IndexError, TypeError, ValueError):
        return None
