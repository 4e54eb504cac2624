"""Feste Größen der Messdaten (Stichtag, Umfang je Landkreis) und die Bausteine der Welt:
Datei (ein Datensatz, wie er geschrieben wird), Person, Mitglied, Sitzung, AG, Gremium."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from netzwerk_cli.grundlagen.arten import ORDNER_VON_ART
from netzwerk_cli.grundlagen.datum import deutsch

GENERATOR_VERSION = "2"  # 2: Skalare über den Skalarschreiber des Pakets (gleiche Daten, teils andere Anführungszeichen)
STICHTAG = date(2026, 11, 21)
LETZTER_TAG = STICHTAG - timedelta(days=1)  # alles Erledigte liegt vor dem Stichtag
FRISCH_AB = date(2025, 12, 1)  # Umsetzungsberichte ab hier: keine Wiedervorlage fällig (12 Monate)
DATEIEN_JE_KREIS = 250
KREISE_JE_LAND = 25
MAX_LAENDER = 16

ORDNER = dict(ORDNER_VON_ART)  # Art → Ordner, wie netzwerk sie liest


def werktag(d: date) -> date:
    while d.weekday() not in (1, 2, 3):  # Sitzungen dienstags bis donnerstags
        d += timedelta(days=1)
    return d


def tage(n: int) -> timedelta:
    return timedelta(days=n)


def de(d: date) -> str:
    return deutsch(d.isoformat())


@dataclass
class Datei:
    art: str
    pfad: str  # relativ zur Wurzel
    daten: dict
    kommentar: str = ""
    text: str | None = None  # für eingebaute Fehler: Text statt Daten
    roh: bytes | None = None  # für eingebaute Fehler: Bytes statt Text
    fehler: bool = False
    meta: dict = field(default_factory=dict)


@dataclass
class Person:
    id: str
    name: str
    org: str | None
    rollen: list


@dataclass
class Mitglied:
    person: Person
    sitzgruppe: str
    von: date | None
    bis: date | None = None
    art: str = "ordentlich"
    vertritt: Person | None = None

    def aktiv(self, d: date) -> bool:
        return (self.von is None or self.von <= d) and (self.bis is None or d <= self.bis)


@dataclass
class Sitzung:
    id: str
    gremium: str
    datum: date
    status: str
    ort: str
    anwesend: list = field(default_factory=list)
    entschuldigt: list = field(default_factory=list)
    gaeste: list = field(default_factory=list)
    punkte: list = field(default_factory=list)
    datei: Datei | None = None


@dataclass
class AG:
    id: str
    name: str
    beginn: date
    ende: date | None  # abgeschlossen_am
    leitung: Person
    themen: list
    daten: dict


@dataclass
class Gremium:
    id: str
    name: str
    prefix: str  # für Empfehlungs-ids
    daten: dict
    mitglieder: list
    mindestens: int
    sitzungen: list = field(default_factory=list)  # durchgeführt, nach Datum
    geplant: Sitzung | None = None
    ags: list = field(default_factory=list)
    adressaten: list = field(default_factory=list)
    themen: list = field(default_factory=list)
    ag_leitungen: list = field(default_factory=list)
    ag_mitglieder: list = field(default_factory=list)
    ag_organisationen: list = field(default_factory=list)
    ersatz: list = field(default_factory=list)  # Personen, die nie Mitglied sind (für eingebaute Fehler)
    geschaeftsstelle: str = "Geschäftsstelle Integration"
    datei: Datei | None = None
