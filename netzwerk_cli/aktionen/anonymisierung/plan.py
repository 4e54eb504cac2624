"""Die Anonymisierung planen: `plane(...)` liefert einen `Plan` und ändert nichts.

Über 400 Zeilen, weil es ein Ablauf ist: neuer Datensatz, umgestellte Verweise und die Prüfung im
Speicher teilen `Aenderung`, `_lesen` und die Zeilenlogik und ergeben zusammen den einen `Plan`.

`plane` liest den Bestand, baut den neuen Personendatensatz (neutraler Name, ohne
Kontaktdaten, unter einer neutralen id), stellt jeden Verweis auf die alte id um (die
Verweisfelder kommen aus den Schema-Anmerkungen `x-ref: person`, nicht aus einer Liste im
Code), prüft den vollständigen neuen Stand im Speicher mit allen Prüfungen von `validate`
und sucht (über `fundstellen.py`), wo der alte Name, die alte id oder Kontaktdaten noch im
Arbeitsbaum stehen. Geschrieben wird erst in `ausfuehren.py`.

Datenschutz: Der Plan kennt Name und Kontaktdaten (zum Suchen und Schwärzen), gibt sie aber
nie heraus; alles, was Renderer lesen, ist frei davon (Diffs und Commit-Betreffe geschwärzt).
"""

from __future__ import annotations

import copy
import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from netzwerk_cli.aktionen.anonymisierung.fundstellen import (
    _BOM,
    _UMBRUCH,
    MAX_SUCHGROESSE,
    Fundstelle,
    Suchbegriffe,
    _verbleibende_stellen,
)
from netzwerk_cli.aktionen.schreibvorgang import neue_fehler
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN, ORDNER_VON_ART, pruefe_id
from netzwerk_cli.grundlagen.befunde import Befund, json_pfad
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung, yamltext

NEUTRALER_NAME = "Anonymisierte Person"
PRAEFIX = "anonym"
AMT_FELDER = ("organisation", "funktion", "rollen")  # beschreiben den Sitz; bleiben ohne --amt-entfernen
IMMER_BEHALTEN = ("beispiel",)  # Kennzeichen erfundener Daten, nichts Persönliches
FELDNAMEN = {
    "name": "Name",
    "titel": "Titel",
    "kontakt": "Kontaktdaten",
    "quelle": "Quelle",
    "notiz": "Notiz",
    "organisation": "Organisation",
    "funktion": "Funktion",
    "rollen": "Rollen",
    "oeffentlich": "öffentlich",
    "beispiel": "Beispiel",
}
_MARKE = "# netzwerk person anonymisieren: unterbrochen – Ziel {ziel}; bitte den Befehl erneut ausführen"
_MARKE_MUSTER = re.compile(r"^# netzwerk person anonymisieren: unterbrochen – Ziel ([a-z0-9]+(?:-[a-z0-9]+)*);")
_NUMMER = re.compile(rf"{PRAEFIX}-(\d+)\Z")
_ID_ZEICHEN = re.compile(r"[A-Za-z0-9_.-]")
_VORSCHLAG = re.compile(r"(?<!\s)\s*[–-] meinten Sie „[^“]*“\?")  # (?<!\s): jeder Leerraum nur einmal (linear)


# --------------------------------------------------------------------------- Daten


@dataclass
class Aenderung:
    """Eine geplante Dateiänderung."""

    datei: str  # relativ zur Wurzel, mit „/“
    art: str  # neu | geaendert | geloescht
    alt: bytes | None  # None: neue Datei
    neu: str | None  # None: Datei wird gelöscht
    verweise: tuple[str, ...] = ()  # JSON-Pfade der umgestellten Verweise
    vertraulich: bool = False  # alter Inhalt wird nie angezeigt (der alte Personendatensatz)
    vorhanden: bool = False  # neue Datei gibt es schon (Fortsetzung eines unterbrochenen Laufs)

    def diff(self, schwaerzen) -> str:
        if self.vertraulich:
            return f"# {self.datei}: wird gelöscht (Inhalt nicht angezeigt: personenbezogene Daten)\n"
        if self.vorhanden:
            return f"# {self.datei}: schon angelegt (Fortsetzung), bleibt unverändert\n"
        alt = (self.alt or b"").decode("utf-8-sig").splitlines(keepends=True)
        neu = (self.neu or "").removeprefix(_BOM).splitlines(keepends=True)
        zeilen = difflib.unified_diff(alt, neu, "/dev/null" if self.alt is None else f"a/{self.datei}", f"b/{self.datei}")
        text = "".join(z if z.endswith("\n") else z + "\n\\ No newline at end of file\n" for z in zeilen)
        return schwaerzen(text)


@dataclass
class Plan:
    """Alles, was `anonymisieren` tun würde – ohne Name oder Kontaktdaten in öffentlichen Feldern."""

    wurzel: Path
    person: str  # alte id (vom Aufruf)
    neue_id: str
    alte_datei: str
    neue_datei: str
    aenderungen: list[Aenderung]  # in Schreibreihenfolge: neue Person, Verweise, alte Person
    entfernt: list[str]  # Feldnamen, die wegfallen (nur die vorhandenen)
    behalten: list[str]  # Feldnamen, die bleiben
    befunde: list[Befund]  # neue Fehler, die der neue Stand hätte (leer: in Ordnung)
    verbleibend: list[Fundstelle]  # Freitext usw., nicht automatisch geändert
    nicht_durchsucht: list[str]  # Dateien, die sich nicht als Text durchsuchen ließen
    fortsetzung: bool  # setzt einen unterbrochenen Lauf fort
    stichtag: str
    fehler_vorher: int = 0
    fehler_nachher: int = 0
    begriffe: Suchbegriffe = field(repr=False, kw_only=True)  # intern: nie ausgeben
    _alt_person: bytes = field(repr=False, default=b"")
    _marke: str = field(repr=False, default="")

    @property
    def verweisdateien(self) -> list[Aenderung]:
        return [a for a in self.aenderungen if a.art == "geaendert"]

    @property
    def anzahl_verweise(self) -> int:
        return sum(len(a.verweise) for a in self.verweisdateien)

    def schwaerzen(self, text: str, mit_id: bool = False) -> str:
        return self.begriffe.schwaerzen(text, mit_id) if self.begriffe is not None else text

    def diff(self) -> str:
        """Unified Diff aller Änderungen; Name und Kontaktdaten geschwärzt, der alte
        Personendatensatz nicht gezeigt (daher nicht mit „git apply“ anwendbar)."""
        return "".join(a.diff(self.schwaerzen) for a in self.aenderungen)

    def pfade(self) -> list[Path]:
        return [self.wurzel / a.datei for a in self.aenderungen]

    def commit_nachricht(self) -> str:
        # Weder alte id noch Name: die Nachricht bleibt in der Geschichte stehen.
        return (
            f"Person anonymisiert ({self.neue_id})\n\n"
            f"Löschersuchen: Name und Kontaktdaten entfernt, {self.anzahl_verweise} Verweise in "
            f"{len(self.verweisdateien)} Dateien umgestellt (netzwerk person anonymisieren).\n\n"
            f"Person: {self.neue_id}\n"
        )


# --------------------------------------------------------------------------- Planen


def plane(
    wurzel: Path,
    person: str,
    neue_id: str | None = None,
    amt_entfernen: bool = False,
    stichtag: str | None = None,
    heute: str | None = None,
) -> Plan:
    """Plant die Anonymisierung von `person`; ändert nichts.

    Aufruffehler (ungültige id, ungültige oder unpassende --neue-id) sind `EinrichtungsFehler`
    (Exit 2); fachliche Ablehnungen (Person fehlt, Ziel-id belegt, unlesbare Dateien mit
    Verweisen) `Abgelehnt` (Exit 1). Neue Fehler im geplanten Stand stehen in `plan.befunde`.
    """
    from netzwerk_cli.validierung import pruefe_bestand, stichtag_pruefen

    grund = pruefe_id(person)
    if grund:
        raise EinrichtungsFehler(f"„{person}“ ist keine gültige Personen-id: {grund}")
    if neue_id is not None:
        grund = pruefe_id(neue_id)
        if grund:
            raise EinrichtungsFehler(f"--neue-id: {grund}")
        if neue_id == person:
            raise EinrichtungsFehler("--neue-id muss sich von der bisherigen id unterscheiden")
    stichtag = stichtag_pruefen(stichtag)
    heute = heute or heute_iso()

    bestand = lade_bestand(Path(wurzel))
    ds = bestand.hole("person", person)
    if ds is None:
        raise Abgelehnt(f"Person „{person}“ gibt es nicht in personen/; nichts geändert")
    if not ds.lesbar:
        raise Abgelehnt(f"{ds.datei} ist nicht lesbar; bitte erst „netzwerk validate“ ausführen und die Datei reparieren")
    alt_pfad = bestand.wurzel / ds.datei
    if alt_pfad.is_symlink():
        raise Abgelehnt(f"{ds.datei} ist eine Verknüpfung; bitte durch die Datei selbst ersetzen")
    alt_roh, alt_text = _lesen(bestand.wurzel, ds.datei)
    begriffe = Suchbegriffe(person, ds.daten)

    marke = _MARKE_MUSTER.match(alt_text.lstrip(_BOM))
    fortsetzung = marke is not None
    if marke is not None:  # = fortsetzung
        ziel = marke.group(1)
        if neue_id is not None and neue_id != ziel:
            raise EinrichtungsFehler(
                f"Ein unterbrochener Lauf hat „{ziel}“ als neue id gewählt; bitte ohne --neue-id "
                f"oder mit --neue-id {ziel} fortsetzen"
            )
        neue_id = ziel
    elif neue_id is not None:
        _nicht_aus_namen(neue_id, person, ds.daten)
        vorhanden = bestand.hole("person", neue_id)
        if vorhanden is not None:
            raise Abgelehnt(f"Person „{neue_id}“ gibt es schon ({vorhanden.datei}); bitte eine freie id wählen")
        if neue_id in _person_verweise(bestand):
            raise Abgelehnt(f"Auf „{neue_id}“ verweisen schon Datensätze (ohne dass es die Person gibt); bitte eine andere id wählen")
    else:
        neue_id = _naechste_id(bestand)

    ordner = ds.datei.rsplit("/", 1)[0]
    neue_datei = f"{ordner}/{neue_id}.yaml"
    neu_pfad = bestand.wurzel / neue_datei
    vorhandene_ziel = bestand.hole("person", neue_id)
    if fortsetzung and vorhandene_ziel is not None:
        if vorhandene_ziel.datei != neue_datei or vorhandene_ziel.daten.get("name") != NEUTRALER_NAME:
            raise Abgelehnt(
                f"Fortsetzung nicht möglich: „{vorhandene_ziel.datei}“ ist kein anonymisierter Datensatz dieses Laufs; "
                f"bitte die erste Zeile von {ds.datei} prüfen"
            )
    elif neu_pfad.exists() or neu_pfad.is_symlink():
        raise Abgelehnt(f"{neue_datei} gibt es schon; bitte eine andere --neue-id wählen")

    # Der neue Personendatensatz (ganz neu geschrieben: Kommentare der alten Datei können
    # ebenfalls Personenbezogenes enthalten).
    behalten_felder = IMMER_BEHALTEN + (() if amt_entfernen else AMT_FELDER)
    entfernt = [FELDNAMEN.get(k, k) for k in ds.daten if k not in behalten_felder and k not in ("name", "oeffentlich")]
    if "name" in ds.daten:
        entfernt.insert(0, "Name (ersetzt)")
    behalten = [FELDNAMEN.get(k, k) for k in ds.daten if k in behalten_felder]
    ende = textbearbeitung.zeilenende(alt_text)
    neu_text = _neuer_datensatz(ds.daten, behalten_felder, heute, ende)
    aenderungen: list[Aenderung] = []
    if fortsetzung and vorhandene_ziel is not None:
        aenderungen.append(Aenderung(neue_datei, "neu", None, None, vorhanden=True))
    else:
        aenderungen.append(Aenderung(neue_datei, "neu", None, neu_text))

    # Verweise in allen Datensätzen (x-ref: person), in der Reihenfolge der Arten
    unlesbar = []
    for anderer in sorted(bestand.alle(), key=_reihenfolge):
        if anderer is ds:
            continue
        if not anderer.lesbar:  # (nicht `dok` abfragen: das läse jede Datei noch einmal mit Positionen)
            text = _lies_roh(bestand.wurzel / anderer.datei)
            if text is not None and begriffe.enthaelt(text, "id"):
                unlesbar.append(anderer.datei)
            continue
        pfade = _verweise_auf(anderer.art, anderer.daten, person)
        if not pfade:
            continue
        aenderungen.append(_verweise_umstellen(bestand.wurzel, anderer, person, neue_id))
    if unlesbar:
        raise Abgelehnt(
            "Diese Dateien enthalten die id, sind aber nicht lesbar, so dass ihre Verweise nicht umgestellt "
            "werden können; bitte erst reparieren („netzwerk validate“): " + ", ".join(unlesbar)
        )
    aenderungen.append(Aenderung(ds.datei, "geloescht", alt_roh, None, vertraulich=True))

    # Den neuen Stand vollständig im Speicher prüfen
    vorher = pruefe_bestand(bestand, stichtag)
    _stand_einsetzen(bestand, ds, neue_id, neue_datei, aenderungen)
    nachher = pruefe_bestand(bestand, stichtag)
    neue_fehler = _neue_fehler(vorher.befunde, nachher.befunde, {ds.datei: neue_datei}, begriffe, person, neue_id)

    verbleibend, nicht_durchsucht = _verbleibende_stellen(bestand.wurzel, aenderungen, begriffe)
    return Plan(
        wurzel=bestand.wurzel,
        person=person,
        neue_id=neue_id,
        alte_datei=ds.datei,
        neue_datei=neue_datei,
        aenderungen=aenderungen,
        entfernt=entfernt,
        behalten=behalten,
        befunde=neue_fehler,
        verbleibend=verbleibend,
        nicht_durchsucht=nicht_durchsucht,
        fortsetzung=fortsetzung,
        stichtag=stichtag,
        fehler_vorher=vorher.fehler,
        fehler_nachher=nachher.fehler,
        begriffe=begriffe,
        _alt_person=alt_roh,
        _marke=_MARKE.format(ziel=neue_id) + ende,
    )


def _reihenfolge(ds: Datensatz) -> tuple:
    return (ARTEN.index(ds.art) if ds.art in ARTEN else len(ARTEN), ds.datei)


def _lesen(wurzel: Path, datei: str) -> tuple[bytes, str]:
    roh = (wurzel / datei).read_bytes()
    text, probleme = yamltext.dekodiere(roh)
    if text is None:
        raise Abgelehnt(f"{datei}: {probleme[0].meldung}")
    return roh, text


def _lies_roh(pfad: Path) -> str | None:
    try:
        if pfad.is_symlink() or pfad.stat().st_size > MAX_SUCHGROESSE:
            return None
        return pfad.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return None


def _person_verweise(bestand: Bestand) -> set[str]:
    werte: set[str] = set()
    for ds in bestand.alle():
        if not ds.lesbar:
            continue
        for muster, ziel_art in schemata.verweise(ds.art):
            if ziel_art == "person":
                werte.update(w for _, w in schemata.werte(ds.daten, muster) if isinstance(w, str))
    return werte


def _naechste_id(bestand: Bestand) -> str:
    """`anonym-NNN`: die nächste Nummer nach der höchsten vorhandenen – nie aus dem Namen abgeleitet.
    Übersprungen werden Nummern, deren Datei es schon gibt oder auf die schon verwiesen wird."""
    belegt = set(bestand.arten["person"]) | _person_verweise(bestand)
    hoechste = max((int(m.group(1)) for i in belegt if (m := _NUMMER.match(i))), default=0)
    ordner = bestand.wurzel / ORDNER_VON_ART["person"]
    nummer = hoechste + 1
    while f"{PRAEFIX}-{nummer:03d}" in belegt or (ordner / f"{PRAEFIX}-{nummer:03d}.yaml").exists():
        nummer += 1
    return f"{PRAEFIX}-{nummer:03d}"


_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e", "è": "e", "á": "a", "à": "a", "ç": "c"})


def _nicht_aus_namen(neue_id: str, alte_id: str, daten: dict) -> None:
    """Lehnt eine --neue-id ab, die einen Teil des alten Namens oder der alten id enthält."""
    teile = {t for t in alte_id.split("-") if len(t) >= 3}
    name = daten.get("name")
    if isinstance(name, str):
        teile |= {t for t in re.split(r"[^a-z0-9]+", name.lower().translate(_UMLAUTE)) if len(t) >= 3}
    if teile & set(neue_id.split("-")):
        raise EinrichtungsFehler(
            "--neue-id enthält einen Teil des bisherigen Namens oder der bisherigen id; bitte eine neutrale "
            f"id wählen (z. B. {PRAEFIX}-007) oder --neue-id weglassen"
        )


def _neuer_datensatz(daten: dict, behalten: tuple, heute: str, ende: str) -> str:
    """Der neue Personendatensatz, ganz neu geschrieben (auch Kommentare der alten Datei können
    Personenbezogenes enthalten). Enthält nur neutrale Angaben und die behaltenen Felder."""
    soll: dict = {"name": NEUTRALER_NAME}
    for k in ("organisation", "funktion"):
        if k in behalten and isinstance(daten.get(k), str):
            soll[k] = daten[k]
    if "rollen" in behalten and isinstance(daten.get("rollen"), list) and daten["rollen"]:
        soll["rollen"] = [r for r in daten["rollen"] if isinstance(r, str)]
    soll["oeffentlich"] = False
    if "beispiel" in behalten and isinstance(daten.get("beispiel"), bool):
        soll["beispiel"] = daten["beispiel"]
    zeilen = [
        f"# Anonymisiert am {heute} auf ein Löschersuchen hin (netzwerk person anonymisieren).",
        "# Name, Titel, Kontaktdaten, Quellen und Notizen sind entfernt; siehe docs/DATENSCHUTZ.md.",
    ]
    for k, v in soll.items():
        if isinstance(v, list):
            zeilen.append(f"{k}: [" + ", ".join(r if re.fullmatch(r"[a-z0-9_]+", r) else textbearbeitung.doppelt_zitiert(r) for r in v) + "]")
        else:
            zeilen.append(f"{k}: {textbearbeitung.skalar(v)}")
    text = "".join(z + ende for z in zeilen)
    if textbearbeitung.pruefe_lesbar(text).daten != soll:
        raise Abgelehnt("interne Änderung ergäbe andere Daten als beabsichtigt; nichts geschrieben (bitte melden)")
    return text


def _zeilen(text: str) -> list[str]:
    """Zeilen mit ihrem Umbruch, gezählt wie der Lader (libyaml) zählt."""
    zeilen, anfang = [], 0
    for m in _UMBRUCH.finditer(text):
        zeilen.append(text[anfang : m.end()])
        anfang = m.end()
    if anfang < len(text):
        zeilen.append(text[anfang:])
    return zeilen


def _verweise_umstellen(wurzel: Path, ds: Datensatz, alt: str, neu: str) -> Aenderung:
    """Ersetzt genau die Zeichen der alten id an jeder Verweisstelle (auch in Flow-Listen und in
    Anführungszeichen); Kommentare, Formatierung, CRLF und BOM bleiben Byte für Byte."""
    if (wurzel / ds.datei).is_symlink():
        raise Abgelehnt(f"{ds.datei} ist eine Verknüpfung; Verweise darin bitte von Hand auf die neue id ändern")
    roh, text = _lesen(wurzel, ds.datei)
    dok, probleme = yamltext.lade_text(text)
    if dok is None or any(p.schwere == "fehler" for p in probleme) or not isinstance(dok.daten, dict):
        raise Abgelehnt(f"{ds.datei} ist nicht lesbar; bitte erst reparieren")
    pfade = _verweise_auf(ds.art, dok.daten, alt)
    zeilen = _zeilen(text)
    for pfad in sorted(pfade, key=lambda p: dok.positionen[p], reverse=True):
        z, s = dok.positionen[pfad]
        zeile, i = zeilen[z - 1], s - 1
        if zeile[i : i + 1] in ("'", '"'):
            q = zeile[i]
            passt = zeile[i + 1 : i + 1 + len(alt)] == alt and zeile[i + 1 + len(alt) : i + 2 + len(alt)] == q
            i += 1
        else:
            passt = zeile[i : i + len(alt)] == alt and not _ID_ZEICHEN.match(zeile[i + len(alt) : i + len(alt) + 1])
        if not passt:
            raise Abgelehnt(
                f"{ds.datei}:{z}:{s}: der Verweis ist ungewöhnlich geschrieben und lässt sich nicht gezielt ändern; "
                f"bitte von Hand auf die neue id „{neu}“ ändern und erneut ausführen"
            )
        zeilen[z - 1] = zeile[:i] + neu + zeile[i + len(alt) :]
    neu_text = "".join(zeilen)
    erwartet = copy.deepcopy(dok.daten)
    for pfad in pfade:
        eltern = erwartet
        for schritt in pfad[:-1]:
            eltern = eltern[schritt]
        eltern[pfad[-1]] = neu
    if textbearbeitung.pruefe_lesbar(neu_text).daten != erwartet:
        raise Abgelehnt(f"{ds.datei}: interne Änderung ergäbe andere Daten als beabsichtigt; nichts geschrieben (bitte melden)")
    if roh.startswith(b"\xef\xbb\xbf"):
        neu_text = _BOM + neu_text
    return Aenderung(ds.datei, "geaendert", roh, neu_text, tuple(json_pfad(p) for p in pfade))


def _stand_einsetzen(bestand: Bestand, alt_ds: Datensatz, neue_id: str, neue_datei: str, aenderungen: list[Aenderung]) -> None:
    """Verwandelt den (schon geprüften) Bestand im Speicher in den geplanten neuen Stand."""
    geaendert = {a.datei for a in aenderungen if not a.vorhanden}
    bestand.befunde = [b for b in bestand.befunde if b.datei not in geaendert]
    for a in aenderungen:
        if a.art == "geloescht":
            del bestand.arten[alt_ds.art][alt_ds.id]
            bestand.dateien -= 1
            continue
        if a.vorhanden:
            continue
        art = alt_ds.art if a.art == "neu" else _art_von(bestand, a.datei)
        id_ = neue_id if a.art == "neu" else Path(a.datei).name[: -len(".yaml")]
        text = cast(str, a.neu).removeprefix(_BOM)  # None nur bei „geloescht“ (oben)
        dok, probleme = yamltext.lade_text(text)
        for p in probleme:
            bestand.befunde.append(Befund(a.datei, p.zeile, p.spalte, p.schwere, p.regel, p.meldung, json_pfad(p.pfad)))
        neu_ds = Datensatz(art, id_, a.datei, dok, dok is not None and not any(p.schwere == "fehler" for p in probleme))
        if art == "netzwerk":
            bestand.netzwerk = neu_ds
        else:
            bestand.arten[art][id_] = neu_ds
        if a.art == "neu":
            bestand.dateien += 1


def _art_von(bestand: Bestand, datei: str) -> str:
    for ds in bestand.alle():
        if ds.datei == datei:
            return ds.art
    raise AssertionError(datei)  # pragma: no cover - nur geplante Dateien aus dem Bestand


def _neue_fehler(vorher: list[Befund], nachher: list[Befund], umbenannt: dict, begriffe: Suchbegriffe, alt: str, neu: str) -> list[Befund]:
    """Fehler des neuen Stands, die es vorher nicht gab (Zeilen zählen nicht: die Personendatei
    ist neu geschrieben; die alte id und der Name gelten als durch die neuen ersetzt)."""

    def schluessel(b: Befund) -> tuple:
        meldung = begriffe.schwaerzen(b.meldung.replace(alt, neu), mit_id=False).replace(NEUTRALER_NAME, "[Name]")
        meldung = _VORSCHLAG.sub("", meldung)  # „meinten Sie …?“ hängt vom Bestand ab, nicht vom Fehler
        return (umbenannt.get(b.datei, b.datei), b.regel, b.pfad, meldung)

    return neue_fehler(vorher, nachher, schluessel)


def _verweise_auf(art: str, daten: dict, person: str) -> list[tuple]:
    """Pfade aller Personenverweise (Schema-Anmerkung `x-ref: person`) in `daten`, die auf `person` zeigen."""
    return [
        pfad
        for muster, ziel_art in schemata.verweise(art)
        if ziel_art == "person"
        for pfad, wert in schemata.werte(daten, muster)
        if wert == person
    ]
