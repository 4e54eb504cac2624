"""Was die Aktionen gemeinsam brauchen: ids aus Namen, Datumsangaben, Datensätze lesen und
Verweise mit deutscher Meldung prüfen."""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path

from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.grundlagen.arten import ID_MAX, ORDNER_VON_ART, id_aus_name
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung, yamltext

ART_TEXT = {
    "person": "Person",
    "organisation": "Organisation",
    "gremium": "Gremium",
    "arbeitsgruppe": "Arbeitsgruppe",
    "sitzung": "Sitzung",
    "empfehlung": "Empfehlung",
}
def freie_id(bestand: Bestand, art: str, name: str) -> str:
    """Die id aus dem Namen; ist sie belegt (Datensatz oder Datei), „-2“, „-3“ … angehängt."""
    basis = id_aus_name(name)
    if not basis:
        raise EinrichtungsFehler(f"aus dem Namen „{name}“ lässt sich keine id bilden (keine Buchstaben oder Ziffern)")
    ordner = bestand.wurzel / ORDNER_VON_ART[art]
    nummer = 1
    while True:
        zusatz = "" if nummer == 1 else f"-{nummer}"
        kandidat = id_aus_name(name, ID_MAX - len(zusatz)) + zusatz
        if not bestand.gibt_es(art, kandidat) and not (ordner / f"{kandidat}.yaml").exists():
            return kandidat
        nummer += 1


def datum(text: str | None, option: str = "--datum") -> str:
    if text is None:
        return heute_iso()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    raise EinrichtungsFehler(f"{option}: „{text}“ ist kein gültiges Datum; bitte JJJJ-MM-TT angeben, z. B. 2026-07-01")


def vorschlag(bestand: Bestand, art: str, wert: str) -> str:
    """„ – meinten Sie „x“?“, wenn eine ähnliche id oder ein passender Name existiert."""
    ids = list(bestand.ids(art))
    nahe = difflib.get_close_matches(wert, ids, n=1, cutoff=0.75)
    if not nahe:
        aus_name = id_aus_name(wert)
        nahe = [aus_name] if aus_name in bestand.ids(art) else []
    return f" – meinten Sie „{nahe[0]}“?" if nahe else ""


def hole(bestand: Bestand, art: str, id_: str, gueltig: bool = True) -> Datensatz:
    """Ein vorhandener (schema-gültiger) Datensatz oder eine Ablehnung mit deutscher Meldung."""
    ds = bestand.hole(art, id_)
    if ds is None:
        raise Abgelehnt(f"{ART_TEXT.get(art, art)} „{id_}“ gibt es nicht in {ORDNER_VON_ART[art]}/{vorschlag(bestand, art, id_)}; nichts geändert")
    if gueltig and not ds.gueltig:
        raise Abgelehnt(f"{ds.datei} hat Fehler; bitte erst „netzwerk validate“ ausführen und beheben. Nichts geändert")
    return ds


def lies_text(bestand: Bestand, ds: Datensatz) -> tuple[bytes, str, yamltext.Dokument]:
    """Bytes, Text (ohne BOM) und Dokument mit Positionen eines Datensatzes."""
    pfad = bestand.wurzel / ds.datei
    if pfad.is_symlink():
        raise Abgelehnt(f"{ds.datei} ist eine Verknüpfung; bitte durch die Datei selbst ersetzen")
    roh = pfad.read_bytes()
    text, probleme = yamltext.dekodiere(roh)
    if text is None:
        raise Abgelehnt(f"{ds.datei}: {probleme[0].meldung}")
    text = text.removeprefix("\ufeff")
    return roh, text, textbearbeitung.pruefe_lesbar(text)


def pruefe_ergebnis(text: str, erwartet: dict, datei: str) -> None:
    """Sicherheitsnetz jeder Textänderung: genau die beabsichtigten Daten."""
    if textbearbeitung.pruefe_lesbar(text).daten != erwartet:
        raise Abgelehnt(f"{datei}: interne Änderung ergäbe andere Daten als beabsichtigt; nichts geschrieben (bitte melden)")


def neue_datei(art: str, id_: str) -> str:
    return f"{ORDNER_VON_ART[art]}/{id_}.yaml"


def wurzelpfad(bestand: Bestand, datei: str) -> Path:
    return bestand.wurzel / datei
