"""Synthetisches, aber realistisches Datenrepository für Messungen erzeugen.

    python -m bench.generate --datensaetze N DIR [--fehler K] [--seed S] [--pruefen]

Erzeugt in DIR (neu oder leer) ein Datenrepository mit etwa N Datensatzdateien:
`netzwerk.yaml`; je Land ein Ministerium, drei kommunale Landesverbände und eine
Strategiegruppe mit den vier Sitzgruppen aus DOMAIN.md (genau 12 ordentliche Mitglieder);
je Landkreis Landratsamt, Ämter, Referate, Kreistagsfraktionen, Städte (einige Große
Kreisstädte) und Gemeinden, Personen mit Rollen, eine voll besetzte Steuerungsgruppe nach dem
Vorbild Konstanz, Sitzungen (2–3 je Jahr über bis zu 20 Jahre) mit Anwesenheit und
Tagesordnung, Arbeitsgruppen, ein Integrationskonzept, Veranstaltungen und Empfehlungen, deren
Verlauf alle Wächter des Lebenszyklus erfüllt. Bezugstag ist immer der 2026-11-21
(`netzwerk validate --stichtag 2026-11-21` meldet 0 Fehler und 0 Warnungen).

Etwa 250 Dateien je Landkreis, etwa 25 Landkreise je Land (höchstens 16 Länder): bei
N = 100 000 also 16 Länder und 400 Landkreise, bei kleinem N ein Land mit wenigen Kreisen.
Die Zahl der Empfehlungen füllt die Differenz zu N auf.

`--fehler K` baut K bekannte Fehler verschiedener Regeln in K verschiedene Dateien ein und
schreibt `DIR/.erwartet.json` (Liste von {datei, regel}); versteckte Dateien liest
`validate` nicht. `DIR/.bench.json` beschreibt das Repository für `bench.run` (Zahlen je Art,
eine Empfehlung im Entwurf für `empfehlung advance`, eine Datei für die Warm-Messung).

`--pruefen` prüft danach jeden geschriebenen Datensatz gegen sein JSON Schema (jsonschema,
Draft 2020-12 mit Formatprüfung) und liest jede Datei zurück: der YAML-Text muss genau die
erzeugten Daten ergeben.

Gleicher Seed, gleiches N, gleiches K: byteweise gleiche Dateien.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

GENERATOR_VERSION = "1"
STICHTAG = date(2026, 11, 21)
LETZTER_TAG = STICHTAG - timedelta(days=1)  # alles Erledigte liegt vor dem Stichtag
FRISCH_AB = date(2025, 12, 1)  # Umsetzungsberichte ab hier: keine Wiedervorlage fällig (12 Monate)
DATEIEN_JE_KREIS = 250
KREISE_JE_LAND = 25
MAX_LAENDER = 16
KOPF = "# Synthetische Messdaten (bench/generate.py): erfundene Personen, Orte und Beschlüsse.\n"

ORDNER = {
    "organisation": "organisationen",
    "person": "personen",
    "gremium": "gremien",
    "arbeitsgruppe": "arbeitsgruppen",
    "sitzung": "sitzungen",
    "empfehlung": "empfehlungen",
    "veranstaltung": "veranstaltungen",
    "konzept": "konzepte",
}

# --------------------------------------------------------------------------- Namen und Texte

VORNAMEN = (
    "Anna Berta Clara Doris Elena Frieda Greta Hanna Ida Julia Katrin Lena Mara Nora Olga Paula "
    "Rita Sara Tanja Ulla Vera Wiebke Yasemin Zeynep Amira Bettina Carla Dana Esra Fatma Gül Heike "
    "Ines Jana Leyla Miriam Nadine Petra Sabine Svenja Adam Bernd Carlos Daniel Emil Felix Georg "
    "Hakan Ivan Jonas Karl Lukas Malte Niklas Oskar Peter Rainer Stefan Tobias Uwe Volker Walter "
    "Yusuf Ahmet Boris Christoph Dirk Erik Frank Gregor Holger Jan Klaus Lars Mehmet Omar Philipp "
    "Ralf Sven Thomas Timo"
).split()
NACHNAMEN = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder Neumann Schwarz Braun Zimmermann Krüger Hofmann Hartmann Lange Schmitt Werner "
    "Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs "
    "Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler "
    "Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher "
    "Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich "
    "Ziegler Kuhn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Yılmaz "
    "Kaya Demir Şahin Nowak Kowalski Petrović Haddad"
).split()
ORT_VORSILBEN = ("", "", "", "", "Ober", "Unter", "Nieder", "Neu", "Alt", "Groß", "Klein", "Hohen")
ORT_STAEMME = (
    "Bach Berg Brunn Buch Eich Fels Hasel Linden Mühl Rosen Schön Stein Tann Wald Weiden Wolfs Au "
    "Birken Erlen Sonnen Kirch Lauter Weiß Roth Blau Grün Kalten Hagen Eschen Ahorn Buchen Dorn "
    "Eber Falken Gold Hirsch Kessel Kranich Lerchen Marien Nuss Otter Quell Raben Sand Tauben "
    "Ulmen Wiesen Zell Frei Kron"
).split()
ORT_ENDUNGEN = (
    "bach berg feld hausen heim ingen dorf stadt au weiler hofen tal furt burg stetten wangen brunn "
    "horn reuth rode"
).split()
LAENDER = (
    "Nordmark", "Südland", "Westerau", "Osterheide", "Mittelgau", "Seeland", "Bergwald", "Flussland",
    "Hochebene", "Küstenland", "Rheintal", "Heidegau", "Waldmark", "Auenland", "Talgau", "Grenzmark",
)
FRAKTIONEN = ("CDU", "Grüne", "SPD", "Freie Wähler", "FDP", "Linke", "ÖDP")
AEMTER = (
    ("amt-fuer-migration-und-integration", "Amt für Migration und Integration", "amt"),
    ("ordnungsamt", "Ordnungsamt", "amt"),
    ("jugendamt", "Jugendamt", "amt"),
    ("sozialplanung", "Sozialplanung", "amt"),
    ("jobcenter", "Jobcenter", "jobcenter"),
)
THEMENFELDER = (
    ("sprache", "Sprache und Bildung"),
    ("arbeit", "Arbeit und Ausbildung"),
    ("wohnen", "Wohnen"),
    ("gesundheit", "Gesundheit"),
    ("fruehe-bildung", "Frühe Bildung und Kita"),
    ("schule", "Schule und Übergang in den Beruf"),
    ("teilhabe", "Gesellschaftliche Teilhabe"),
    ("ehrenamt", "Ehrenamt und Engagement"),
    ("antidiskriminierung", "Antidiskriminierung"),
    ("frauen", "Empowerment von Frauen"),
    ("demokratie", "Demokratiebildung und politische Partizipation"),
    ("verwaltung", "Interkulturelle Öffnung der Verwaltung"),
)
THEMA_NAME = dict(THEMENFELDER)
QUERSCHNITT = (("beteiligung", "Beteiligung"), ("digitalisierung", "Digitalisierung"), ("gleichstellung", "Gleichstellung"))
MASSNAHMEN = {
    "sprache": (
        ("Kinderbetreuung parallel zu Integrationskursen", "an den größten Kursorten eine Kinderbetreuung parallel zu den Integrationskursen einzurichten"),
        ("Sprachcafés in den Gemeinden", "in jeder Gemeinde ein wöchentliches Sprachcafé mit Ehrenamtlichen anzubieten"),
        ("Berufsbezogene Sprachkurse am Abend", "berufsbezogene Sprachkurse auch abends und am Wochenende anzubieten"),
    ),
    "arbeit": (
        ("Anerkennungsberatung im Jobcenter", "eine regelmäßige Sprechstunde zur Anerkennung ausländischer Berufsabschlüsse im Jobcenter einzurichten"),
        ("Praktikumsbörse für Geflüchtete", "gemeinsam mit Handwerk und Handel eine Praktikumsbörse aufzubauen"),
        ("Ausbildungslotsen für junge Zugewanderte", "Ausbildungslotsinnen und Ausbildungslotsen für junge Zugewanderte zu finanzieren"),
    ),
    "wohnen": (
        ("Wohnraumbörse für Geflüchtete", "eine Wohnraumbörse für Geflüchtete und Vermietende aufzubauen"),
        ("Bürgschaften für Mietkautionen", "kommunale Bürgschaften für Mietkautionen zu übernehmen"),
        ("Beratungsstelle Wohnen", "eine wöchentliche Sprechstunde zur Wohnungssuche einzurichten"),
    ),
    "gesundheit": (
        ("Sprachmittlung bei Arztbesuchen", "einen Pool von Sprachmittlerinnen und Sprachmittlern für Arztbesuche aufzubauen"),
        ("Psychosoziale Beratung ausbauen", "die psychosoziale Beratung für Geflüchtete um eine halbe Stelle auszubauen"),
    ),
    "fruehe-bildung": (
        ("Brückenangebote für Kinder ohne Kitaplatz", "Brückenangebote für Kinder ohne Kitaplatz auszubauen"),
        ("Elterncafés in Kitas", "in Kitas mit vielen mehrsprachigen Familien Elterncafés einzurichten"),
    ),
    "schule": (
        ("Übergangsbegleitung Schule und Beruf", "eine Übergangsbegleitung für Jugendliche in Vorbereitungsklassen einzuführen"),
        ("Hausaufgabenhilfe mit Ehrenamtlichen", "eine Hausaufgabenhilfe mit Ehrenamtlichen an allen weiterführenden Schulen anzubieten"),
    ),
    "teilhabe": (
        ("Mehrsprachige Willkommensmappe", "neu Zugezogenen eine mehrsprachige Willkommensmappe mit den wichtigsten Anlaufstellen auszugeben"),
        ("Vereinslotsen", "Vereinslotsinnen und Vereinslotsen zu gewinnen, die Zugewanderte in Sport- und Kulturvereine begleiten"),
    ),
    "ehrenamt": (
        ("Fortbildungen für Ehrenamtliche", "jährlich vier Fortbildungen für Ehrenamtliche in der Flüchtlingsarbeit anzubieten"),
        ("Anerkennungskultur im Ehrenamt", "einen jährlichen Empfang für Ehrenamtliche in der Integrationsarbeit auszurichten"),
    ),
    "antidiskriminierung": (
        ("Antidiskriminierungsberatung", "eine unabhängige Antidiskriminierungsberatung mit festen Sprechzeiten einzurichten"),
        ("Meldestelle für Diskriminierung", "eine niedrigschwellige Meldestelle für Diskriminierungserfahrungen einzurichten"),
    ),
    "frauen": (
        ("Mentoringprogramm für Frauen", "ein Mentoringprogramm für Frauen mit Flucht- und Einwanderungsgeschichte aufzulegen"),
        ("Frauenkurse mit Kinderbetreuung", "Sprach- und Orientierungskurse für Frauen mit Kinderbetreuung anzubieten"),
    ),
    "demokratie": (
        ("Integrationsbeirat einrichten", "einen Integrationsbeirat mit gewählten Vertreterinnen und Vertretern einzurichten"),
        ("Politische Bildung in Integrationskursen", "Besuche im Kreistag und in den Gemeinderäten in die Orientierungskurse aufzunehmen"),
    ),
    "verwaltung": (
        ("Mehrsprachige Terminvergabe", "die Online-Terminvergabe der Ausländerbehörde zusätzlich in drei Sprachen anzubieten"),
        ("Interkulturelle Schulungen", "alle Beschäftigten mit Publikumsverkehr interkulturell zu schulen"),
    ),
}
BERICHTE = {
    "offen": "Die Umsetzung wird vorbereitet; erste Abstimmungsgespräche haben stattgefunden.",
    "teilweise": "Die Maßnahme ist in Teilen umgesetzt; die weiteren Schritte sind für das kommende Halbjahr geplant.",
    "vollstaendig": "Die Maßnahme ist vollständig umgesetzt und wird im Regelbetrieb fortgeführt.",
    "abgelehnt": "Die Umsetzung wurde mangels Haushaltsmitteln abgelehnt.",
}

# --------------------------------------------------------------------------- YAML schreiben

_TAG = "tag:yaml.org,2002:"
_resolver = yaml.resolver.Resolver()
_PLAIN = re.compile(r"[^\W_][\w .,()/–„“+&'’-]*")
_ID_FLOW = re.compile(r"[a-z0-9_-]+")
FLOW_LISTEN = {"rollen", "organisationstyp", "benannt_von"}
FLOW_MAPS = {"abstimmung", "sitzungen_pro_jahr"}
BREITE = 88


def _plain_moeglich(s: str) -> bool:
    if not s or not _PLAIN.fullmatch(s) or s.endswith(" ") or "  " in s:
        return False
    tag = _resolver.resolve(yaml.ScalarNode, s, (True, False))
    return tag in (_TAG + "str", _TAG + "timestamp")  # Datumsangaben liest netzwerk als Text


def _skalar(v) -> str:
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return v if _plain_moeglich(v) else json.dumps(v, ensure_ascii=False)
    raise TypeError(f"nicht darstellbar: {v!r}")


def _wert_zeilen(schluessel: str, v, praefix: str, einzug: int, out: list[str]) -> None:
    if isinstance(v, dict):
        if not v:
            out.append(f"{praefix}{schluessel}: {{}}")
        elif schluessel in FLOW_MAPS and all(not isinstance(x, (dict, list)) for x in v.values()):
            out.append(f"{praefix}{schluessel}: {{" + ", ".join(f"{k}: {_skalar(x)}" for k, x in v.items()) + "}")
        else:
            out.append(f"{praefix}{schluessel}:")
            _map_zeilen(v, einzug + 2, out)
    elif isinstance(v, list):
        if not v:
            out.append(f"{praefix}{schluessel}: []")
        elif schluessel in FLOW_LISTEN and all(isinstance(x, str) and _ID_FLOW.fullmatch(x) for x in v):
            out.append(f"{praefix}{schluessel}: [{', '.join(v)}]")
        else:
            out.append(f"{praefix}{schluessel}:")
            for x in v:
                if isinstance(x, dict):
                    _map_zeilen(x, einzug + 4, out, " " * (einzug + 2) + "- ")
                else:
                    out.append(" " * (einzug + 2) + "- " + _skalar(x))
    elif isinstance(v, str) and len(praefix) + len(schluessel) + len(v) > BREITE and _plain_moeglich(v):
        out.append(f"{praefix}{schluessel}: >-")  # gefalteter Block wie in data/
        out.extend(" " * (einzug + 2) + z for z in textwrap.wrap(v, BREITE - einzug, break_long_words=False, break_on_hyphens=False))
    else:
        out.append(f"{praefix}{schluessel}: {_skalar(v)}")


def _map_zeilen(d: dict, einzug: int, out: list[str], erster_praefix: str | None = None) -> None:
    for i, (k, v) in enumerate(d.items()):
        praefix = erster_praefix if i == 0 and erster_praefix is not None else " " * einzug
        _wert_zeilen(k, v, praefix, einzug, out)


def als_yaml(daten: dict, kommentar: str = "") -> str:
    out: list[str] = []
    _map_zeilen(daten, 0, out)
    return KOPF + kommentar + "\n".join(out) + "\n"


class _LaderOhneDatum(yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader):
    """Liest wie netzwerk: Datumsangaben bleiben Text."""


_LaderOhneDatum.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != _TAG + "timestamp"] for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# --------------------------------------------------------------------------- Hilfen


def slug(text: str) -> str:
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i"), ("ş", "s"), ("ć", "c"), ("é", "e")):
        t = t.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")


def werktag(d: date) -> date:
    while d.weekday() not in (1, 2, 3):  # Sitzungen dienstags bis donnerstags
        d += timedelta(days=1)
    return d


def plus_monate(d: date, monate: int) -> date:
    j, m = divmod(d.month - 1 + monate, 12)
    jahr, monat = d.year + j, m + 1
    tag = min(d.day, 28)
    return date(jahr, monat, tag)


def tage(n: int) -> timedelta:
    return timedelta(days=n)


def de(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


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


# --------------------------------------------------------------------------- Erzeugen


class Welt:
    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.dateien: list[Datei] = []
        self.ids: dict[str, set] = {art: set() for art in ORDNER}
        self.personen_namen: dict[str, int] = {}
        self.ortsnamen: set[str] = set()
        self.emp_zaehler: dict[tuple, int] = {}
        self.gremien: list[Gremium] = []
        self.kreise = max(1, round(n / DATEIEN_JE_KREIS))
        self.laender = max(1, min(MAX_LAENDER, round(self.kreise / KREISE_JE_LAND)))

    # ---- Grundbausteine

    def datei(self, art: str, id_: str, daten: dict, unterordner: str = "", kommentar: str = "", **meta) -> Datei:
        if id_ in self.ids[art]:
            raise RuntimeError(f"id doppelt: {art}/{id_}")
        self.ids[art].add(id_)
        pfad = f"{ORDNER[art]}/{unterordner + '/' if unterordner else ''}{id_}.yaml"
        d = Datei(art, pfad, daten, kommentar, meta=meta)
        self.dateien.append(d)
        return d

    def org(self, id_: str, name: str, typ: str, **mehr) -> str:
        daten = {"name": name, "typ": typ}
        daten.update({k: v for k, v in mehr.items() if v is not None})
        daten["beispiel"] = True
        self.datei("organisation", id_, daten)
        return id_

    def person(self, org: str | None, funktion: str, rollen: list, oeffentlich: bool = False, domain: str = "example.org") -> Person:
        r = self.rng
        vor, nach = r.choice(VORNAMEN), r.choice(NACHNAMEN)
        basis = slug(f"{vor} {nach}")
        nr = self.personen_namen.get(basis, 0) + 1
        self.personen_namen[basis] = nr
        id_ = basis if nr == 1 else f"{basis}-{nr}"
        name = f"{vor} {nach}"
        daten: dict = {"name": name}
        if r.random() < 0.06:
            daten["titel"] = r.choice(("Dr.", "Prof. Dr."))
        if org:
            daten["organisation"] = org
        daten["funktion"] = funktion
        if rollen:
            daten["rollen"] = list(rollen)
        daten["oeffentlich"] = oeffentlich
        if r.random() < 0.5:
            daten["kontakt"] = {"email": f"{slug(vor)}.{slug(nach)}{'' if nr == 1 else nr}@{domain}", "telefon": f"+49 {r.randint(6000, 7999)} {r.randint(10000, 999999)}"}
        daten["beispiel"] = True
        self.datei("person", id_, daten)
        return Person(id_, name, org, list(rollen))

    def ortsname(self) -> str:
        r = self.rng
        for _ in range(1000):
            name = r.choice(ORT_VORSILBEN) + r.choice(ORT_STAEMME).lower() + r.choice(ORT_ENDUNGEN)
            name = name[0].upper() + name[1:]
            if name not in self.ortsnamen:
                self.ortsnamen.add(name)
                return name
        raise RuntimeError("keine freien Ortsnamen mehr")

    def gemeinde_id(self, art: str, name: str, kreis_slug: str) -> str:
        id_ = f"{art}-{slug(name)}"
        return id_ if id_ not in self.ids["organisation"] else f"{id_}-{kreis_slug}"

    # ---- Sitzungen

    def termine(self, gruendung: date) -> tuple[list[date], list[date]]:
        """(durchgeführte Termine ab der Gründung, abgesagte Termine)."""
        r = self.rng
        termine = [gruendung]
        abgesagt = []
        for jahr in range(gruendung.year, STICHTAG.year + 1):
            slots = ((3, 4), (10, 11)) if r.random() < 0.5 else ((2, 3), (6, 7), (10, 11))
            for m1, m2 in slots:
                d = werktag(date(jahr, r.randint(m1, m2), r.randint(1, 20)))
                if d > STICHTAG - tage(3):
                    d = werktag(date(jahr, 10, r.randint(1, 20)))
                if d > gruendung + tage(30):
                    termine.append(d)
            if gruendung.year < jahr < STICHTAG.year and r.random() < 0.04:
                abgesagt.append(werktag(date(jahr, 5, r.randint(1, 20))))
        return sorted(set(termine)), abgesagt

    def sitzungen_anlegen(self, g: Gremium, gruendung: date, orte: list[str]) -> None:
        r = self.rng
        termine, abgesagt = self.termine(gruendung)
        for d in termine:
            s = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "durchgefuehrt", r.choice(orte))
            self.anwesenheit(g, s)
            g.sitzungen.append(s)
        for d in abgesagt:
            if d.isoformat() in {s.datum.isoformat() for s in g.sitzungen}:
                continue
            s = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "abgesagt", r.choice(orte))
            s.punkte.append({"titel": "Sitzung abgesagt mangels beratungsreifer Vorlagen"})
            self.sitzung_datei(s)
        d = werktag(date(STICHTAG.year + 1, 3, r.randint(1, 20)))
        g.geplant = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "geplant", r.choice(orte))
        g.geplant.punkte.append({"titel": "Berichte aus den Arbeitsgruppen"})
        erste = g.sitzungen[0]
        erste.punkte.append({"titel": f"Konstituierung der {g.name}", "beschluss": {"ergebnis": "zur_kenntnis_genommen"}})
        erste.punkte.append(
            {
                "titel": "Geschäftsordnung",
                "beschluss": {
                    "text": "Das Gremium gibt sich die vorgelegte Geschäftsordnung.",
                    "ergebnis": "angenommen",
                    "abstimmung": self.stimmen(len(erste.anwesend), True),
                },
            }
        )

    def anwesenheit(self, g: Gremium, s: Sitzung) -> None:
        r = self.rng
        ordentlich = [m for m in g.mitglieder if m.art == "ordentlich" and m.aktiv(s.datum)]
        vertretungen = {m.vertritt.id: m for m in g.mitglieder if m.art == "stellvertretung" and m.aktiv(s.datum)}
        da, weg = [], []
        for m in ordentlich:
            (weg if r.random() < 0.12 else da).append(m)
        while len(da) < g.mindestens + 1 and weg:
            da.append(weg.pop(0))
        anwesend = [m.person.id for m in da]
        for m in weg:
            v = vertretungen.get(m.person.id)
            if v is not None:
                anwesend.append(v.person.id)
        s.anwesend = anwesend
        s.entschuldigt = [m.person.id for m in weg]
        if r.random() < 0.15:
            s.gaeste = [{"name": "Vertretung der Agentur für Arbeit", "funktion": "Gast zum Tagesordnungspunkt Arbeitsmarkt"}]

    def stimmen(self, n: int, angenommen: bool) -> dict:
        r = self.rng
        if angenommen:
            nein = r.randint(0, n // 5)
            enth = r.randint(0, min(2, n - nein - 1))
            ja = n - nein - enth - r.randint(0, 1)
            ja = max(ja, nein + 1)
        else:
            ja = r.randint(0, n // 3)
            enth = r.randint(0, 1)
            nein = n - ja - enth
        return {"ja": ja, "nein": nein, "enthaltung": enth}

    def sitzung_datei(self, s: Sitzung) -> Datei:
        daten: dict = {"gremium": s.gremium, "datum": s.datum.isoformat()}
        if s.status != "abgesagt":
            daten["beginn"] = "14:00" if s.datum.day % 2 else "10:00"
            daten["ende"] = "16:30" if s.datum.day % 2 else "12:30"
        daten["ort"] = s.ort
        daten["status"] = s.status
        daten["oeffentlich"] = False
        if s.anwesend:
            daten["anwesend"] = list(s.anwesend)
        if s.entschuldigt:
            daten["entschuldigt"] = list(s.entschuldigt)
        if s.gaeste:
            daten["gaeste"] = list(s.gaeste)
        if s.status == "durchgefuehrt":
            daten["protokoll"] = f"Protokoll der Sitzung vom {de(s.datum)}"
        if s.punkte:
            daten["tagesordnung"] = [{"nummer": i + 1, **p} for i, p in enumerate(s.punkte)]
        daten["beispiel"] = True
        s.datei = self.datei("sitzung", s.id, daten, str(s.datum.year), gremium=s.gremium, datum=s.datum.isoformat())
        return s.datei

    # ---- Arbeitsgruppen

    def arbeitsgruppen(self, g: Gremium, anzahl: int, kuerzel: str) -> None:
        r = self.rng
        held = g.sitzungen
        for _ in range(anzahl):
            i = r.randint(0, max(0, len(held) - 2))
            s = held[i]
            themen = r.sample(g.themen, k=min(len(g.themen), r.choice((1, 1, 2))))
            basis = f"ag-{kuerzel}-{themen[0]}-{s.datum.year}"
            id_, n = basis, 1
            while id_ in self.ids["arbeitsgruppe"]:
                n += 1
                id_ = f"{basis}-{n}"
            beginn = s.datum
            ende_geplant = plus_monate(beginn, r.choice((12, 18, 24, 30, 36)))
            leitung = r.choice(g.ag_leitungen)
            mitglieder_p = [leitung] + [p for p in r.sample(g.ag_mitglieder, k=min(3, len(g.ag_mitglieder))) if p is not leitung]
            name = f"AG {THEMA_NAME[themen[0]]}" + (f" und {THEMA_NAME[themen[1]]}" if len(themen) > 1 else "")
            abgeschlossen = None
            if ende_geplant < STICHTAG:
                abschluss = next((x for x in held[i + 1 :] if x.datum >= ende_geplant - tage(90)), None)
                abgeschlossen = abschluss.datum if abschluss else ende_geplant
                if abschluss:
                    abschluss.punkte.append(
                        {
                            "titel": f"Abschlussbericht der {name}",
                            "berichterstattung": f"{leitung.name} (AG-Leitung)",
                            "arbeitsgruppen": [id_],
                            "beschluss": {"text": "Das Gremium nimmt den Abschlussbericht zur Kenntnis; die AG ist abgeschlossen.", "ergebnis": "zur_kenntnis_genommen"},
                        }
                    )
            s.punkte.append(
                {
                    "titel": f"Einsetzung der {name}",
                    "arbeitsgruppen": [id_],
                    "beschluss": {
                        "text": f"Das Gremium setzt die {name} unter der Leitung von {leitung.name} ein; geplantes Ende {de(ende_geplant)}.",
                        "ergebnis": "angenommen",
                        "abstimmung": self.stimmen(len(s.anwesend), True),
                    },
                }
            )
            mitglieder = []
            for p in mitglieder_p:
                m = {"person": p.id}
                if p is leitung:
                    m["funktion"] = "Leitung"
                m["von"] = beginn.isoformat()
                if abgeschlossen:
                    m["bis"] = abgeschlossen.isoformat()
                mitglieder.append(m)
            if g.ag_organisationen:
                m = {"organisation": r.choice(g.ag_organisationen), "funktion": "Vertretung (Person wechselnd)", "von": beginn.isoformat()}
                if abgeschlossen:
                    m["bis"] = abgeschlossen.isoformat()
                mitglieder.append(m)
            daten = {
                "name": name,
                "thema": f"Handlungsbedarfe im Themenfeld {THEMA_NAME[themen[0]]} erheben und Empfehlungen an das Gremium erarbeiten",
                "eingesetzt_von": g.id,
                "eingesetzt_in": s.id,
                "status": "abgeschlossen" if abgeschlossen else "aktiv",
                "beginn": beginn.isoformat(),
                "ende_geplant": ende_geplant.isoformat(),
            }
            if abgeschlossen:
                daten["abgeschlossen_am"] = abgeschlossen.isoformat()
            daten["leitung"] = [leitung.id]
            daten["mitglieder"] = mitglieder
            daten["staendige_mitglieder"] = len(mitglieder)
            daten["themenfelder"] = themen
            if abgeschlossen:
                daten["ergebnisse"] = [f"Abschlussbericht, vorgestellt am {de(abgeschlossen)}"]
            daten["beispiel"] = True
            d = self.datei("arbeitsgruppe", id_, daten, abgeschlossen=bool(abgeschlossen))
            g.ags.append(AG(id_, name, beginn, abgeschlossen, leitung, themen, d.daten))

    # ---- Empfehlungen

    def emp_id(self, prefix: str, jahr: int) -> str:
        n = self.emp_zaehler.get((prefix, jahr), 0) + 1
        self.emp_zaehler[(prefix, jahr)] = n
        return f"{prefix}-{jahr}-{n:03d}"

    def emp_grund(self, g: Gremium, von: date, bis: date) -> tuple[dict, str, str]:
        """Herkunft, Themenfelder, Titel und Text einer neuen Empfehlung."""
        r = self.rng
        aktive = [a for a in g.ags if a.beginn <= von and (a.ende is None or a.ende >= bis)]
        ag = r.choice(aktive) if aktive and r.random() < 0.85 else None
        thema = r.choice(ag.themen) if ag else r.choice(g.themen)
        titel, massnahme = r.choice(MASSNAHMEN[thema])
        text = (
            f"Die {'Arbeitsgruppe' if ag else 'Geschäftsstelle'} empfiehlt, {massnahme}. "
            f"Ziel ist, die Angebote im Themenfeld {THEMA_NAME[thema]} für Zugewanderte leichter erreichbar zu machen. "
            f"Die Kosten werden im Haushalt {bis.year + 1} veranschlagt."
        )
        herkunft = {"arbeitsgruppe": ag.id} if ag else {"gremium": g.id}
        kopf = {"titel": titel, "text": text, **herkunft, "entscheidungsgremium": g.id}
        durch_ag = ag.name if ag else g.geschaeftsstelle
        durch_leitung = f"{ag.leitung.name} (AG-Leitung)" if ag else g.geschaeftsstelle
        kopf["_themen"] = [thema]
        kopf["_durch"] = (durch_ag, durch_leitung)
        return kopf, titel, thema

    def emp_datei(self, g: Gremium, id_: str, kopf: dict, status: str, verlauf: list, adressaten=None, umsetzung=None, kommentar="") -> Datei:
        daten = {k: v for k, v in kopf.items() if not k.startswith("_")}
        if adressaten:
            daten["adressaten"] = list(adressaten)
        daten["themenfelder"] = kopf["_themen"]
        daten["status"] = status
        daten["verlauf"] = verlauf
        if umsetzung:
            daten["umsetzung"] = umsetzung
        daten["beispiel"] = True
        jahr = verlauf[0]["datum"][:4]
        return self.datei("empfehlung", id_, daten, jahr, kommentar, status=status, gremium=g.id)

    def punkt(self, s: Sitzung, titel: str, id_: str, ergebnis: str, text: str, stimmen: bool, bericht: str | None = None) -> None:
        p: dict = {"titel": titel}
        if bericht:
            p["berichterstattung"] = bericht
        p["empfehlungen"] = [id_]
        b: dict = {"text": text, "ergebnis": ergebnis}
        if stimmen:
            b["abstimmung"] = self.stimmen(len(s.anwesend), ergebnis == "angenommen")
        p["beschluss"] = b
        s.punkte.append(p)

    def emp_entschieden(self, g: Gremium) -> None:
        r = self.rng
        held = g.sitzungen
        d = r.randint(1, len(held) - 1)
        sd = held[d]
        lo = held[d - 1].datum + tage(1)
        hi = max(lo, sd.datum - tage(7))
        d_entwurf = lo + tage(r.randint(0, (hi - lo).days // 2))
        d_ein = d_entwurf + tage(r.randint(0, (hi - d_entwurf).days))
        kopf, titel, _ = self.emp_grund(g, d_entwurf, d_ein)
        id_ = self.emp_id(g.prefix, d_entwurf.year)
        durch_ag, durch_leitung = kopf["_durch"]
        verlauf = [
            {"status": "entwurf", "datum": d_entwurf.isoformat(), "durch": durch_ag},
            {"status": "eingereicht", "datum": d_ein.isoformat(), "durch": durch_leitung},
        ]
        weg = ["entwurf", "eingereicht"]
        if r.random() < 0.08 and d + 1 < len(held):
            self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "vertagt", "Die Empfehlung wird zur Überarbeitung an die Verfasser zurückverwiesen.", False, durch_leitung)
            verlauf.append({"status": "entwurf", "datum": sd.datum.isoformat(), "sitzung": sd.id, "notiz": "Zur Überarbeitung zurückverwiesen."})
            d += 1
            naechste = held[d]
            lo2 = sd.datum + tage(1)
            hi2 = max(lo2, naechste.datum - tage(7))
            verlauf.append({"status": "eingereicht", "datum": (lo2 + tage(r.randint(0, (hi2 - lo2).days))).isoformat(), "durch": durch_leitung, "notiz": "Überarbeitete Fassung."})
            weg += ["entwurf", "eingereicht"]
            sd = naechste
        if r.random() < 0.1:
            self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "abgelehnt", "Die Empfehlung wird abgelehnt.", True, durch_leitung)
            verlauf.append({"status": "abgelehnt", "datum": sd.datum.isoformat(), "sitzung": sd.id})
            self.emp_datei(g, id_, kopf, "abgelehnt", verlauf)
            return
        self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "angenommen", "Die Empfehlung wird beschlossen und an die betroffenen Stellen weitergeleitet.", True, durch_leitung)
        verlauf.append({"status": "beschlossen", "datum": sd.datum.isoformat(), "sitzung": sd.id})
        d_weiter = sd.datum + tage(r.randint(3, 28))
        if d_weiter > LETZTER_TAG:
            self.emp_datei(g, id_, kopf, "beschlossen", verlauf)
            return
        adressaten = r.sample(g.adressaten, k=min(len(g.adressaten), r.choice((1, 1, 2, 3))))
        verlauf.append({"status": "weitergeleitet", "datum": d_weiter.isoformat(), "durch": g.geschaeftsstelle})
        kandidaten = [i for i in range(d + 1, len(held)) if held[i].datum >= d_weiter + tage(120)]
        umsetzung: list[dict] = []
        if kandidaten and r.random() < 0.9:
            ri = kandidaten[min(len(kandidaten) - 1, r.randint(0, 4))]
            rs = held[ri]
            umgesetzt = r.random() < 0.75
            for a in adressaten:
                n = r.randint(1, 2)
                tage_ = sorted(d_weiter + tage(14) + tage(r.randint(0, (rs.datum - d_weiter).days - 15)) for _ in range(n))
                for j, t in enumerate(tage_):
                    if j < n - 1:
                        stand = r.choice(("offen", "teilweise"))
                    else:
                        stand = "vollstaendig" if umgesetzt else r.choice(("abgelehnt", "teilweise"))
                    umsetzung.append({"adressat": a, "datum": t.isoformat(), "stand": stand, "bericht": BERICHTE[stand]})
            umsetzung.sort(key=lambda u: u["datum"])
            if umgesetzt and r.random() < 0.7:
                verlauf.append({"status": "in_umsetzung", "datum": umsetzung[0]["datum"], "notiz": "Umsetzung begonnen."})
            ende = "umgesetzt" if umgesetzt else "nicht_umgesetzt"
            verlauf.append({"status": ende, "datum": rs.datum.isoformat(), "sitzung": rs.id})
            if ri - d > 1 and r.random() < 0.3:
                zw = held[r.randint(d + 1, ri - 1)]
                zw.punkte.append({"titel": f"Sachstand der Umsetzung von Empfehlung {id_}", "empfehlungen": [id_], "beschluss": {"ergebnis": "zur_kenntnis_genommen"}})
            text = "Das Gremium stellt fest, dass die Empfehlung umgesetzt ist." if umgesetzt else "Das Gremium stellt fest, dass die Empfehlung nicht umgesetzt wird."
            self.punkt(rs, f"Überprüfung der Umsetzung: Empfehlung {id_}", id_, "angenommen", text, r.random() < 0.7)
            self.emp_datei(g, id_, kopf, ende, verlauf, adressaten, umsetzung)
            return
        # noch in Umsetzung: ein frischer Bericht hält die Wiedervorlage fern
        for a in adressaten:
            if d_weiter + tage(14) < FRISCH_AB and r.random() < 0.6:
                t = d_weiter + tage(14) + tage(r.randint(0, (FRISCH_AB - d_weiter).days - 15))
                umsetzung.append({"adressat": a, "datum": t.isoformat(), "stand": "offen", "bericht": BERICHTE["offen"]})
        a0 = max(d_weiter + tage(1), FRISCH_AB)
        t = a0 + tage(r.randint(0, max(0, (LETZTER_TAG - a0).days)))
        umsetzung.append({"adressat": r.choice(adressaten), "datum": t.isoformat(), "stand": "teilweise", "bericht": BERICHTE["teilweise"]})
        umsetzung.sort(key=lambda u: u["datum"])
        status = "weitergeleitet"
        if r.random() < 0.6:
            verlauf.append({"status": "in_umsetzung", "datum": umsetzung[0]["datum"]})
            status = "in_umsetzung"
        self.emp_datei(g, id_, kopf, status, verlauf, adressaten, umsetzung)

    def emp_entwurf(self, g: Gremium, mit_text: bool | None = None) -> Datei:
        r = self.rng
        d = date(STICHTAG.year, 1, 10) + tage(r.randint(0, (LETZTER_TAG - date(STICHTAG.year, 1, 10)).days))
        kopf, _, _ = self.emp_grund(g, d, d)
        if mit_text is None:
            mit_text = r.random() < 0.7
        if not mit_text:
            kopf.pop("text")
        id_ = self.emp_id(g.prefix, d.year)
        verlauf = [{"status": "entwurf", "datum": d.isoformat(), "durch": kopf["_durch"][0]}]
        if not mit_text:
            verlauf[0]["notiz"] = "Erste Idee; Text folgt."
        return self.emp_datei(g, id_, kopf, "entwurf", verlauf)

    def emp_eingereicht(self, g: Gremium) -> None:
        r = self.rng
        letzte = g.sitzungen[-1].datum
        lo = letzte - tage(60)
        d_entwurf = lo + tage(r.randint(0, (letzte - lo).days))
        d_ein = letzte + tage(1) + tage(r.randint(0, max(0, (LETZTER_TAG - letzte).days - 1)))
        kopf, titel, _ = self.emp_grund(g, d_entwurf, d_ein)
        id_ = self.emp_id(g.prefix, d_entwurf.year)
        verlauf = [
            {"status": "entwurf", "datum": d_entwurf.isoformat(), "durch": kopf["_durch"][0]},
            {"status": "eingereicht", "datum": d_ein.isoformat(), "durch": kopf["_durch"][1]},
        ]
        if g.geplant is not None:
            g.geplant.punkte.append({"titel": f"Empfehlung {id_}: {titel}", "berichterstattung": kopf["_durch"][1], "empfehlungen": [id_]})
        self.emp_datei(g, id_, kopf, "eingereicht", verlauf)

    def emp_zurueckgezogen(self, g: Gremium) -> None:
        r = self.rng
        held = g.sitzungen
        d = r.randint(1, len(held) - 1)
        lo, hi = held[d - 1].datum + tage(1), held[d].datum - tage(1)
        hi = max(lo, hi)
        d1 = lo + tage(r.randint(0, (hi - lo).days // 2))
        d2 = d1 + tage(r.randint(0, (hi - d1).days))
        kopf, _, _ = self.emp_grund(g, d1, d2)
        id_ = self.emp_id(g.prefix, d1.year)
        verlauf = [{"status": "entwurf", "datum": d1.isoformat(), "durch": kopf["_durch"][0]}]
        if r.random() < 0.5:
            verlauf.append({"status": "eingereicht", "datum": d2.isoformat(), "durch": kopf["_durch"][1]})
        verlauf.append({"status": "zurueckgezogen", "datum": d2.isoformat(), "durch": kopf["_durch"][1], "notiz": "Das Anliegen wird bereits durch ein Landesprogramm abgedeckt."})
        self.emp_datei(g, id_, kopf, "zurueckgezogen", verlauf)

    def empfehlungen(self, g: Gremium, anzahl: int) -> None:
        r = self.rng
        for _ in range(anzahl):
            x = r.random()
            if x < 0.04:
                self.emp_entwurf(g)
            elif x < 0.07:
                self.emp_eingereicht(g)
            elif x < 0.10:
                self.emp_zurueckgezogen(g)
            else:
                self.emp_entschieden(g)

    # ---- Gremien als Dateien

    def gremium_datei(self, g: Gremium) -> None:
        mitglieder = []
        for m in g.mitglieder:
            e: dict = {"person": m.person.id, "sitzgruppe": m.sitzgruppe}
            if m.art != "ordentlich":
                e["art"] = m.art
                e["vertritt"] = m.vertritt.id
            if m.von:
                e["von"] = m.von.isoformat()
            if m.bis:
                e["bis"] = m.bis.isoformat()
            mitglieder.append(e)
        g.daten["mitglieder"] = mitglieder
        g.daten["beispiel"] = True
        g.datei = self.datei("gremium", g.id, g.daten, ersatz=[p.id for p in g.ersatz])

    # ---- Landkreis

    def kreis(self, land: dict) -> dict:
        r = self.rng
        name = self.ortsname()
        k = slug(name)
        lk = self.org(f"landkreis-{k}", f"Landkreis {name}", "landkreis")
        aemter = {kurz: self.org(f"{k}-{kurz}", f"{titel} Landkreis {name}", typ, uebergeordnet=lk) for kurz, titel, typ in AEMTER}
        ref_int = self.org(f"{k}-referat-integration", f"Referat Integration Landkreis {name}", "referat", uebergeordnet=lk)
        ref_soz = self.org(f"{k}-referat-sozialer-dienst", f"Referat Sozialer Dienst Landkreis {name}", "referat", uebergeordnet=lk)
        kreistag = self.org(f"kreistag-{k}", f"Kreistag {name}", "kreistag", uebergeordnet=lk)
        fraktionen = [
            self.org(f"{k}-fraktion-{slug(f)}", f"Kreistagsfraktion {f} {name}", "fraktion", uebergeordnet=kreistag)
            for f in r.sample(FRAKTIONEN, k=r.randint(4, 6))
        ]
        vhs = self.org(f"volkshochschule-{k}", f"Volkshochschule Landkreis {name}", "bildungstraeger")
        wohlfahrt = self.org(f"{k}-migrationsdienst", f"Migrationsdienst der Wohlfahrtsverbände {name}", "wohlfahrtsverband")
        gks, staedte, gemeinden = [], [], []
        for i in range(r.randint(1, 3)):
            n = self.ortsname()
            gks.append((self.org(self.gemeinde_id("stadt", n, k), f"Stadt {n}", "stadt", grosse_kreisstadt=True), n))
        for i in range(r.randint(1, 3)):
            n = self.ortsname()
            staedte.append((self.org(self.gemeinde_id("stadt", n, k), f"Stadt {n}", "stadt"), n))
        for i in range(r.randint(6, 12)):
            n = self.ortsname()
            gemeinden.append((self.org(self.gemeinde_id("gemeinde", n, k), f"Gemeinde {n}", "gemeinde"), n))
        dom = f"{k}.example.org"
        landrat = self.person(lk, f"Landrätin/Landrat des Landkreises {name}", ["verwaltungsleitung"], True, dom)
        ib_kreis = self.person(lk, f"Integrationsbeauftragte/r des Landkreises {name}", ["integrationsbeauftragte"], True, dom)
        self.person(lk, "Dezernat Soziales und Integration", ["dezernat"], False, dom)
        gs = self.person(ref_int, "Geschäftsstelle Integration", ["geschaeftsstelle"], False, dom)
        ob = {oid: self.person(oid, f"Oberbürgermeister/in der Stadt {n}", ["verwaltungsleitung"], True, dom) for oid, n in gks + staedte}
        ib_stadt = {oid: self.person(oid, f"Integrationsbeauftragte/r der Stadt {n}", ["integrationsbeauftragte"], False, dom) for oid, n in gks + staedte}
        bm = {oid: self.person(oid, f"Bürgermeister/in der Gemeinde {n}", ["verwaltungsleitung"], True, dom) for oid, n in gemeinden}
        ib_gem = {oid: self.person(oid, f"Integrationsbeauftragte/r der Gemeinde {n}", ["integrationsbeauftragte"], False, dom) for oid, n in gemeinden[:2]}
        vhs_p = self.person(vhs, "Fachbereichsleitung Sprache und Integration", ["ag_leitung"], False, dom)
        wf_p = self.person(wohlfahrt, "Leitung Migrationsberatung", ["ag_leitung"], False, dom)

        gruendung = werktag(date(r.randint(2006, 2020), r.randint(1, 9), r.randint(1, 20)))
        gid = f"steuerungsgruppe-{k}"
        mitglieder: list[Mitglied] = []

        def sitz(gruppe: str, org: str, funktion: str, rollen: list, wechsel: bool) -> Person:
            if wechsel and gruendung.year <= 2022 and r.random() < 0.3:
                w = werktag(gruendung + tage(365 + r.randint(0, (date(2026, 6, 1) - gruendung).days - 365)))
                alt = self.person(org, f"{funktion} (bis {w.year})", rollen, False, dom)
                mitglieder.append(Mitglied(alt, gruppe, gruendung, w - tage(1)))
                neu = self.person(org, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(neu, gruppe, w))
                return neu
            p = self.person(org, funktion, rollen, False, dom)
            mitglieder.append(Mitglied(p, gruppe, gruendung))
            return p

        for f in fraktionen:
            sitz("kreistagsfraktionen", f, "Fraktionsvertretung im Kreistag", ["fraktionsvertretung"], True)
        for oid, _ in gks:
            mitglieder.append(Mitglied(ob[oid], "grosse-kreisstaedte", gruendung))
        mitglieder.append(Mitglied(bm[gemeinden[0][0]], "gemeinden", gruendung))
        leitungen = {}
        for kurz, titel, _ in AEMTER:
            leitungen[kurz] = sitz("amtsleitungen", aemter[kurz], f"Leitung {titel}", ["amtsleitung"], True)
        ri = sitz("referat-integration", ref_int, "Leitung Referat Integration", ["referatsleitung"], True)
        sitz("referat-sozialer-dienst", ref_soz, "Leitung Referat Sozialer Dienst", ["referatsleitung"], True)
        mitglieder.append(Mitglied(ib_kreis, "integrationsbeauftragte", gruendung))
        for kurz in r.sample([a[0] for a in AEMTER], k=r.randint(0, 2)):
            vertreten = next(m for m in reversed(mitglieder) if m.person is leitungen[kurz])
            stv = self.person(aemter[kurz], "Stellvertretende Amtsleitung", ["fachreferat"], False, dom)
            mitglieder.append(Mitglied(stv, "amtsleitungen", vertreten.von, None, "stellvertretung", leitungen[kurz]))

        daten = {
            "name": f"Steuerungsgruppe Integration Landkreis {name}",
            "kurzname": f"Steuerungsgruppe {name}",
            "art": "steuerungsgruppe",
            "organisation": lk,
            "gegruendet": gruendung.isoformat(),
            "aufgaben": [
                "Trifft strategische Entscheidungen und trägt zentrale Anliegen in die Politik",
                "Stimmt über die Handlungsempfehlungen ihrer Arbeitsgruppen ab und leitet beschlossene Empfehlungen an die zuständigen Stellen weiter",
                "Überprüft die Umsetzung der Empfehlungen",
                "Wählt jährlich die Maßnahmen des Integrationskonzepts aus",
            ],
            "sitzungen_pro_jahr": {"min": 2, "max": 3},
            "beschlussfaehigkeit": {"mindestens_anwesend": 6, "text": "Beschlussfähig, wenn mindestens sechs ordentliche Mitglieder anwesend sind."},
            "sitzgruppen": [
                {"id": "kreistagsfraktionen", "name": "Vertretungen der Kreistagsfraktionen", "beschreibung": "Je Kreistagsfraktion eine Vertretung.", "je": "organisation", "organisationstyp": ["fraktion"]},
                {"id": "grosse-kreisstaedte", "name": "Vertretungen der Großen Kreisstädte", "anzahl": len(gks), "je": "organisation", "organisationstyp": ["stadt"], "organisationsmerkmale": {"grosse_kreisstadt": True}},
                {"id": "gemeinden", "name": "Vertretung der kreisangehörigen Gemeinden", "anzahl": 1, "organisationstyp": ["gemeinde", "stadt"]},
                {"id": "amtsleitungen", "name": "Führungsebene der Ämter", "anzahl": len(AEMTER), "je": "organisation", "aus": [aemter[a[0]] for a in AEMTER], "rolle": "amtsleitung"},
                {"id": "referat-integration", "name": "Leitung des Referats Integration", "anzahl": 1, "rolle": "referatsleitung", "organisation": [ref_int]},
                {"id": "referat-sozialer-dienst", "name": "Leitung des Referats Sozialer Dienst", "anzahl": 1, "rolle": "referatsleitung", "organisation": [ref_soz]},
                {"id": "integrationsbeauftragte", "name": "Integrationsbeauftragte des Landkreises", "anzahl": 1, "rolle": "integrationsbeauftragte", "organisation": [lk]},
            ],
        }
        themen = [t for t, _ in r.sample(THEMENFELDER, k=r.randint(4, 6))]
        g = Gremium(gid, daten["name"], k, daten, mitglieder, 6)
        g.themen = themen
        g.adressaten = [lk, *aemter.values(), ref_int] + [oid for oid, _ in r.sample(gks + staedte + gemeinden, k=3)]
        g.ag_leitungen = [vhs_p, wf_p, ri]
        g.ag_mitglieder = [ib_kreis, *ib_stadt.values(), *ib_gem.values(), gs]
        g.ag_organisationen = [aemter["jobcenter"], vhs, wohlfahrt]
        g.ersatz = [bm[oid] for oid, _ in gemeinden[1:4]]
        g.geschaeftsstelle = f"Geschäftsstelle Integration Landkreis {name}"
        orte = [f"Landratsamt {name}, Sitzungssaal", "online", f"Rathaus {gks[0][1]}, Großer Sitzungssaal"]
        self.sitzungen_anlegen(g, gruendung, orte)
        self.arbeitsgruppen(g, max(1, round(len(g.sitzungen) / 7)), k)
        self.gremien.append(g)

        # Konzept
        ziele = []
        for t in themen:
            for j in range(r.randint(1, 2)):
                titel, massnahme = r.choice(MASSNAHMEN[t])
                ziele.append({"id": f"{t}-{j + 1}", "themenfeld": t, "bedarf": f"Im Themenfeld {THEMA_NAME[t]} erreichen die Angebote Zugewanderte noch zu selten.", "ziel": f"Bis {gruendung.year + 5} gelingt es, {massnahme}."})
        massnahmen = []
        for jahr in range(gruendung.year + 1, STICHTAG.year + 2):
            for _ in range(r.randint(1, 2)):
                z = r.choice(ziele)
                titel = r.choice(MASSNAHMEN[z["themenfeld"]])[0]
                status = "geplant" if jahr > STICHTAG.year else ("in_umsetzung" if jahr == STICHTAG.year else r.choice(("umgesetzt", "umgesetzt", "verworfen")))
                massnahmen.append({"jahr": jahr, "titel": titel, "wirkungsziel": z["id"], "status": status})
        self.datei(
            "konzept",
            f"integrationskonzept-{k}",
            {
                "titel": f"Integrationskonzept Landkreis {name}",
                "traeger": lk,
                "steuerung": gid,
                "beginn": gruendung.isoformat(),
                "stand": f"Fortschreibung {STICHTAG.year}",
                "themenfelder": [{"id": t, "name": THEMA_NAME[t]} for t in themen],
                "querschnittsthemen": [{"id": q, "name": n} for q, n in r.sample(QUERSCHNITT, k=r.randint(1, 2))],
                "wirkungsziele": ziele,
                "massnahmen": massnahmen,
                "arbeitskreise": [{"name": "Arbeitskreis Integration", "ziel": "Koordination der Integrations- und Sprachkurse im Landkreis", "mitglieder": ["Volkshochschule", "Jobcenter", "Migrationsdienste"]}],
                "beispiel": True,
            },
        )

        # Veranstaltungen
        for jahr in range(gruendung.year + 1, STICHTAG.year + 1):
            if r.random() >= 0.45:
                continue
            art, titel = r.choice((("konferenz", "Integrationskonferenz"), ("fachtag", "Fachtag Integration"), ("informationsveranstaltung", "Infoabend Ehrenamt")))
            tag = date(jahr, r.randint(3, 10), r.randint(1, 28))
            self.datei(
                "veranstaltung",
                f"{slug(titel)}-{k}-{jahr}",
                {
                    "titel": f"{titel} Landkreis {name} {jahr}",
                    "datum": tag.isoformat(),
                    "ort": f"Landratsamt {name}",
                    "art": art,
                    "veranstalter": [lk, vhs],
                    "teilnehmende_anzahl": r.randint(25, 180),
                    "teilnehmende_ca": True,
                    "programm": [
                        {"titel": "Grußwort", "art": "grusswort", "personen": [landrat.id]},
                        {"titel": f"Impuls: {THEMA_NAME[r.choice(themen)]} im Landkreis", "art": "impuls", "personen": [ib_kreis.id]},
                        {"titel": "Austausch an Thementischen", "art": "austausch"},
                    ],
                    "beispiel": True,
                },
                str(jahr),
                veranstaltung=True,
            )
        return {
            "name": name,
            "landkreis": lk,
            "landrat": landrat,
            "ib_kreis": ib_kreis,
            "bm": [bm[oid] for oid, _ in gemeinden],
            "ob": list(ob.values()),
            "ib_stadt": list(ib_stadt.values()),
            "ib_gem": list(ib_gem.values()),
        }

    # ---- Land

    def land(self, nr: int, anzahl_kreise: int) -> None:
        r = self.rng
        lname = LAENDER[nr]
        l = slug(lname)
        dom = f"{l}.example.org"
        kreise = [self.kreis({"name": lname}) for _ in range(anzahl_kreise)]
        mini = self.org(f"ministerium-{l}", f"Ministerium für Soziales und Integration {lname}", "ministerium")
        verbaende = [
            self.org(f"gemeindetag-{l}", f"Gemeindetag {lname}", "kommunaler_landesverband"),
            self.org(f"staedtetag-{l}", f"Städtetag {lname}", "kommunaler_landesverband"),
            self.org(f"landkreistag-{l}", f"Landkreistag {lname}", "kommunaler_landesverband"),
        ]
        self.traeger.extend([mini, *verbaende])
        minister = self.person(mini, f"Minister/in für Soziales und Integration {lname}", ["verwaltungsleitung"], True, dom)
        gs = self.person(mini, "Geschäftsstelle des Netzwerks Integration", ["geschaeftsstelle"], False, dom)
        gruendung = werktag(date(r.randint(2010, 2020), r.randint(1, 9), r.randint(1, 20)))
        mitglieder: list[Mitglied] = []
        ministerium = []
        for i in range(3):
            funktion = ("Abteilungsleitung Integration", "Referatsleitung Integration", "Referat Netzwerk Integration")[i]
            rollen = ["referatsleitung"] if i == 1 else ["fachreferat"]
            if i == 2 and gruendung.year <= 2022 and r.random() < 0.5:
                w = werktag(gruendung + tage(365 + r.randint(0, (date(2026, 6, 1) - gruendung).days - 365)))
                alt = self.person(mini, f"{funktion} (bis {w.year})", rollen, False, dom)
                mitglieder.append(Mitglied(alt, "ministerium", gruendung, w - tage(1)))
                p = self.person(mini, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(p, "ministerium", w))
            else:
                p = self.person(mini, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(p, "ministerium", gruendung))
            ministerium.append(p)
        verband_p = []
        for v in verbaende:
            p = self.person(v, "Dezernat Integration und Soziales", ["dezernat"], True, dom)
            mitglieder.append(Mitglied(p, "landesverbaende", gruendung))
            verband_p.append(p)
        ka, kb, kc = (r.choice(kreise) for _ in range(3))
        for p in (r.choice(ka["bm"]), r.choice(kb["ob"]), kc["landrat"]):
            mitglieder.append(Mitglied(p, "kommunen", gruendung))
        ka, kb, kc = (r.choice(kreise) for _ in range(3))
        for p in (r.choice(ka["ib_gem"]), r.choice(kb["ib_stadt"]), kc["ib_kreis"]):
            mitglieder.append(Mitglied(p, "integrationsbeauftragte", gruendung))
        alle = [mini, *verbaende]
        daten = {
            "name": f"Strategiegruppe des Netzwerks Integration {lname}",
            "kurzname": f"Strategiegruppe {lname}",
            "art": "strategiegruppe",
            "organisation": mini,
            "traeger": alle,
            "gegruendet": gruendung.isoformat(),
            "aufgaben": [
                "Steuerung des Netzwerks",
                "Identifikation von Themenschwerpunkten und Formulierung strategischer Ziele",
                "Einberufung themenspezifischer operativer Arbeitsgruppen",
                "Finale Abstimmung über die Handlungsempfehlungen der Arbeitsgruppen",
                "Weiterleitung der Empfehlungen an die betroffenen Stellen und Überprüfung ihrer Umsetzung",
            ],
            "sitzungen_pro_jahr": {"min": 2, "max": 3},
            "beschlussfaehigkeit": {"mindestens_anwesend": 7, "text": "Beschlussfähig, wenn mindestens sieben ordentliche Mitglieder anwesend sind."},
            "sitzgruppen": [
                {"id": "ministerium", "name": "Ministerium für Soziales und Integration", "beschreibung": "Drei Personen des Ministeriums.", "anzahl": 3, "benannt_von": alle, "organisation": [mini]},
                {"id": "landesverbaende", "name": "Kommunale Landesverbände", "beschreibung": "Eine Person je kommunalem Landesverband.", "anzahl": 3, "benannt_von": alle, "je": "organisation", "aus": list(verbaende)},
                {"id": "kommunen", "name": "Kommunen", "beschreibung": "Je eine Verwaltungsleitung aus einer Gemeinde, einer Stadt und einem Landkreis.", "anzahl": 3, "benannt_von": alle, "je": "organisationstyp", "aus": ["gemeinde", "stadt", "landkreis"], "rolle": "verwaltungsleitung"},
                {"id": "integrationsbeauftragte", "name": "Integrationsbeauftragte", "beschreibung": "Je eine Integrationsbeauftragte bzw. ein Integrationsbeauftragter aus einer Gemeinde, einer Stadt und einem Landkreis.", "anzahl": 3, "benannt_von": alle, "je": "organisationstyp", "aus": ["gemeinde", "stadt", "landkreis"], "rolle": "integrationsbeauftragte"},
            ],
        }
        g = Gremium(f"strategiegruppe-{l}", daten["name"], l, daten, mitglieder, 7)
        alle_themen = sorted({t for kg in self.gremien for t in kg.themen})
        g.themen = alle_themen
        g.adressaten = [mini, *verbaende] + [k["landkreis"] for k in kreise[:5]]
        g.ag_leitungen = [k["ib_kreis"] for k in kreise[:4]] + ministerium[1:2]
        g.ag_mitglieder = [*ministerium, *verband_p] + [k["ib_kreis"] for k in kreise[:6]]
        g.ag_organisationen = list(verbaende)
        g.ersatz = [gs, minister]
        g.geschaeftsstelle = f"Geschäftsstelle Netzwerk Integration {lname}"
        self.sitzungen_anlegen(g, gruendung, [f"Ministerium für Soziales und Integration {lname}", "online"])
        self.arbeitsgruppen(g, max(1, round(len(g.sitzungen) / 5)), l)
        self.gremien.append(g)
        for jahr in range(gruendung.year, STICHTAG.year + 1):
            tag = date(jahr, r.randint(4, 11), r.randint(1, 15))
            if tag > LETZTER_TAG or tag < gruendung:
                continue
            self.datei(
                "veranstaltung",
                f"netzwerktag-{l}-{jahr}",
                {
                    "titel": f"Netzwerktag Integration {lname} {jahr}",
                    "datum": tag.isoformat(),
                    "ort": f"Landeshaus {lname}",
                    "art": "netzwerkveranstaltung",
                    "veranstalter": [mini, *verbaende],
                    "teilnehmende_anzahl": r.randint(120, 260),
                    "teilnehmende_ca": True,
                    "programm": [
                        {"titel": "Grußwort", "art": "grusswort", "personen": [minister.id]},
                        {"titel": "Podiumsgespräch mit Mitgliedern der Strategiegruppe", "art": "podium", "personen": [m.person.id for m in mitglieder if m.aktiv(tag)][:5], "mitwirkende": ["Moderation: Redaktion Landesrundfunk"]},
                        {"titel": "Austausch und Vernetzung", "art": "austausch"},
                    ],
                    "beispiel": True,
                },
                str(jahr),
                veranstaltung=True,
            )

    # ---- alles

    def erzeugen(self) -> None:
        self.traeger: list[str] = []
        je_land = [self.kreise // self.laender + (1 if i < self.kreise % self.laender else 0) for i in range(self.laender)]
        for nr, anzahl in enumerate(je_land):
            self.land(nr, anzahl)
        for g in self.gremien:
            self.gremium_datei(g)
        # Empfehlungen füllen die Differenz zu N (je Gremium nach Zahl der Sitzungen)
        fest = len(self.dateien) + 1 + sum(len(g.sitzungen) + 1 for g in self.gremien)
        rest = max(0, self.n - fest)
        gewichte = [max(1, len(g.sitzungen) - 1) for g in self.gremien]
        summe = sum(gewichte)
        anteile = [rest * w // summe for w in gewichte]
        for i in range(rest - sum(anteile)):
            anteile[i % len(anteile)] += 1
        for g, n in zip(self.gremien, anteile):
            self.empfehlungen(g, max(2, n))
        # mindestens eine Empfehlung im Entwurf mit Text (für `empfehlung advance` in bench.run)
        self.entwurf = self.emp_entwurf(self.gremien[0], mit_text=True)
        for g in self.gremien:
            for s in g.sitzungen:
                self.sitzung_datei(s)
            if g.geplant is not None:
                self.sitzung_datei(g.geplant)
        erstes = min(g.daten["gegruendet"] for g in self.gremien)
        self.netzwerk = {
            "name": "Netzwerk Integration (synthetische Messdaten)",
            "kurzname": "Netzwerk Integration Messdaten",
            "gegruendet": erstes,
            "traeger": self.traeger,
            "beschreibung": (
                f"Synthetisches Datenrepository für Laufzeitmessungen mit {self.laender} Ländern und "
                f"{self.kreise} Landkreisen. Alle Personen, Orte, Sitzungen und Beschlüsse sind erfunden."
            ),
            "ziele": ["Laufzeit und Speicherbedarf von netzwerk an realistischen Datenmengen messen"],
            "einstellungen": {"wiedervorlage_monate": 12},
            "beispiel": True,
        }


# --------------------------------------------------------------------------- eingebaute Fehler


def _anhaengen(datei: Datei, zeile: str) -> None:
    datei.text = als_yaml(datei.daten, datei.kommentar) + zeile


def _fehler_schema(w: Welt, d: Datei) -> str:
    d.daten["teilnehmende_anzahl"] = "etwa zweihundert"
    return "schema"


def _fehler_ref(w: Welt, d: Datei) -> str:
    d.daten["veranstalter"] = list(d.daten["veranstalter"]) + ["organisation-gibt-es-nicht"]
    return "ref-unbekannt"


def _fehler_syntax(w: Welt, d: Datei) -> str:
    _anhaengen(d, 'notiz: "Anführungszeichen nicht geschlossen\n')
    return "yaml-syntax"


def _fehler_doppelt(w: Welt, d: Datei) -> str:
    _anhaengen(d, "ort: Zweiter Ort\n")
    return "yaml-doppelter-schluessel"


def _fehler_id(w: Welt, d: Datei) -> str:
    ordner, name = d.pfad.rsplit("/", 1)
    d.pfad = f"{ordner}/{name[0].upper()}{name[1:].replace('-', '_', 1)}"
    return "id-ungueltig"


def _fehler_kodierung(w: Welt, d: Datei) -> str:
    d.roh = als_yaml(d.daten, d.kommentar).encode("latin-1", errors="replace")
    return "datei-kodierung"


def _fehler_unsicher(w: Welt, d: Datei) -> str:
    _anhaengen(d, "notiz: &anker Text mit Anker\n")
    return "yaml-unsicher"


def _fehler_verlauf(w: Welt, d: Datei) -> str:
    d.daten["status"] = "entwurf"  # der letzte Verlaufseintrag sagt etwas anderes
    return "verlauf-ungueltig"


def _fehler_teilnahme(w: Welt, d: Datei) -> str:
    fremd = w.ersatz_je_gremium[d.daten["gremium"]][0]
    d.daten["anwesend"] = list(d.daten["anwesend"]) + [fremd]
    return "sitzung-teilnahme"


def _fehler_abstimmung(w: Welt, d: Datei) -> str:
    for p in d.daten["tagesordnung"]:
        st = (p.get("beschluss") or {}).get("abstimmung")
        if st:
            st["ja"] = len(d.daten["anwesend"]) + 1
            return "abstimmung-ungueltig"
    raise AssertionError("keine Abstimmung")


def _fehler_ueberbesetzt(w: Welt, d: Datei) -> str:
    gruppe = "gemeinden" if d.daten["art"] == "steuerungsgruppe" else "ministerium"
    d.daten["mitglieder"].append({"person": d.meta["ersatz"][-1], "sitzgruppe": gruppe, "von": "2026-11-01"})
    return "sitz-ueberbesetzt"


def _fehler_sitzregel(w: Welt, d: Datei) -> str:
    # Stellvertretung ohne „vertritt“
    gruppe = d.daten["sitzgruppen"][0]["id"]
    d.daten["mitglieder"].append({"person": d.meta["ersatz"][-1], "sitzgruppe": gruppe, "art": "stellvertretung", "von": "2026-11-01"})
    return "sitz-regel"


def _fehler_mitglied_doppelt(w: Welt, d: Datei) -> str:
    m = next(m for m in d.daten["mitglieder"] if m.get("art", "ordentlich") == "ordentlich" and m.get("von") and not m.get("bis"))
    von = date.fromisoformat(m["von"])
    d.daten["mitglieder"].append({"person": m["person"], "sitzgruppe": m["sitzgruppe"], "von": von.isoformat(), "bis": (von + tage(10)).isoformat()})
    return "mitglied-doppelt"


def _fehler_zeitraum(w: Welt, d: Datei) -> str:
    d.daten["abgeschlossen_am"] = (date.fromisoformat(d.daten["beginn"]) - tage(30)).isoformat()
    return "zeitraum-ungueltig"


def _ist_veranstaltung(d: Datei) -> bool:
    return d.art == "veranstaltung"


def _ist_sitzung_mit_abstimmung(d: Datei) -> bool:
    return (
        d.art == "sitzung"
        and d.daten.get("status") == "durchgefuehrt"
        and any((p.get("beschluss") or {}).get("abstimmung") for p in d.daten.get("tagesordnung") or [])
    )


def _ist_alte_sitzung(d: Datei) -> bool:
    return d.art == "sitzung" and d.daten.get("status") == "durchgefuehrt" and d.daten["datum"] < "2026-01-01" and bool(d.daten.get("anwesend"))


FEHLERARTEN = (
    ("schema", _ist_veranstaltung, _fehler_schema),
    ("ref-unbekannt", _ist_veranstaltung, _fehler_ref),
    ("sitz-ueberbesetzt", lambda d: d.art == "gremium", _fehler_ueberbesetzt),
    ("verlauf-ungueltig", lambda d: d.art == "empfehlung" and d.daten["status"] != "entwurf" and len(d.daten["verlauf"]) > 1, _fehler_verlauf),
    ("sitzung-teilnahme", _ist_alte_sitzung, _fehler_teilnahme),
    ("abstimmung-ungueltig", _ist_sitzung_mit_abstimmung, _fehler_abstimmung),
    ("yaml-syntax", lambda d: d.art == "veranstaltung" or (d.art == "empfehlung" and d.daten["status"] in ("abgelehnt", "zurueckgezogen")), _fehler_syntax),
    ("yaml-doppelter-schluessel", _ist_veranstaltung, _fehler_doppelt),
    ("id-ungueltig", _ist_veranstaltung, _fehler_id),
    ("zeitraum-ungueltig", lambda d: d.art == "arbeitsgruppe" and d.meta.get("abgeschlossen"), _fehler_zeitraum),
    ("sitz-regel", lambda d: d.art == "gremium", _fehler_sitzregel),
    ("mitglied-doppelt", lambda d: d.art == "gremium", _fehler_mitglied_doppelt),
    ("datei-kodierung", _ist_veranstaltung, _fehler_kodierung),
    ("yaml-unsicher", _ist_veranstaltung, _fehler_unsicher),
)


def fehler_einbauen(w: Welt, anzahl: int, geschuetzt: set[str]) -> list[dict]:
    """Baut `anzahl` Fehler in verschiedene Dateien ein; liefert [{datei, regel}]."""
    w.ersatz_je_gremium = {g.id: [p.id for p in g.ersatz] for g in w.gremien}
    r = random.Random(w.rng.random())
    erwartet: list[dict] = []
    benutzt: set[int] = set()
    i = 0
    ohne_opfer = 0
    while len(erwartet) < anzahl and ohne_opfer < len(FEHLERARTEN):
        regel, passt, einbauen = FEHLERARTEN[i % len(FEHLERARTEN)]
        i += 1
        kandidaten = [j for j, d in enumerate(w.dateien) if j not in benutzt and d.pfad not in geschuetzt and passt(d)]
        if not kandidaten:
            ohne_opfer += 1
            continue
        ohne_opfer = 0
        j = r.choice(kandidaten)
        d = w.dateien[j]
        benutzt.add(j)
        gefunden = einbauen(w, d)
        assert gefunden == regel
        d.fehler = True
        erwartet.append({"datei": d.pfad, "regel": regel})
    if len(erwartet) < anzahl:
        print(f"Hinweis: nur {len(erwartet)} von {anzahl} Fehlern eingebaut (zu wenige passende Dateien)", file=sys.stderr)
    return erwartet


# --------------------------------------------------------------------------- Schreiben und Prüfen


def schreiben(ziel: Path, w: Welt) -> None:
    ordner_da: set[Path] = set()
    (ziel / "netzwerk.yaml").write_text(als_yaml(w.netzwerk), encoding="utf-8")
    for d in w.dateien:
        pfad = ziel / d.pfad
        if pfad.parent not in ordner_da:
            pfad.parent.mkdir(parents=True, exist_ok=True)
            ordner_da.add(pfad.parent)
        if d.roh is not None:
            pfad.write_bytes(d.roh)
        else:
            pfad.write_bytes((d.text if d.text is not None else als_yaml(d.daten, d.kommentar)).encode("utf-8"))


def selbstpruefung(ziel: Path, w: Welt) -> list[str]:
    """Jeder fehlerfreie Datensatz: schema-gültig, und der geschriebene Text ergibt genau die Daten."""
    from jsonschema import Draft202012Validator

    schemas = Path(__file__).resolve().parent.parent / "schemas"
    validatoren = {}
    for art in ("netzwerk", *ORDNER):
        with open(schemas / f"{art}.schema.json", encoding="utf-8") as f:
            validatoren[art] = Draft202012Validator(json.load(f), format_checker=Draft202012Validator.FORMAT_CHECKER)
    probleme = []
    id_muster = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
    eintraege = [("netzwerk", "netzwerk.yaml", w.netzwerk)] + [(d.art, d.pfad, d.daten) for d in w.dateien if not d.fehler]
    for art, pfad, daten in eintraege:
        for f in validatoren[art].iter_errors(daten):
            probleme.append(f"{pfad}: Schema: {'/'.join(map(str, f.absolute_path))}: {f.message}")
        text = (ziel / pfad).read_text(encoding="utf-8")
        zurueck = yaml.load(text, Loader=_LaderOhneDatum)
        if zurueck != daten:
            probleme.append(f"{pfad}: der geschriebene YAML-Text ergibt andere Daten")
        if art != "netzwerk":
            id_ = pfad.rsplit("/", 1)[1][: -len(".yaml")]
            if not id_muster.match(id_) or len(id_) > 64:
                probleme.append(f"{pfad}: ungültige id")
    return probleme


def erzeuge(ziel: Path, n: int, seed: int = 1, fehler: int = 0, pruefen: bool = False) -> dict:
    """Erzeugt das Repository in `ziel` (neu oder leer) und liefert die Beschreibung (.bench.json)."""
    ziel = Path(ziel)
    if ziel.exists() and any(ziel.iterdir()):
        raise SystemExit(f"Fehler: {ziel} ist nicht leer; bitte einen neuen oder leeren Ordner angeben.")
    ziel.mkdir(parents=True, exist_ok=True)
    w = Welt(n, seed)
    w.erzeugen()
    aenderung = next(d for d in w.dateien if d.meta.get("veranstaltung") and "notiz" not in d.daten)
    geschuetzt = {w.entwurf.pfad, aenderung.pfad}
    erwartet = fehler_einbauen(w, fehler, geschuetzt) if fehler else []
    schreiben(ziel, w)
    je_art: dict[str, int] = {}
    for d in w.dateien:
        je_art[d.art] = je_art.get(d.art, 0) + 1
    beschreibung = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "datensaetze_ziel": n,
        "dateien": len(w.dateien) + 1,
        "je_art": {"netzwerk": 1, **dict(sorted(je_art.items()))},
        "laender": w.laender,
        "landkreise": w.kreise,
        "stichtag": STICHTAG.isoformat(),
        "entwurf": w.entwurf.pfad.rsplit("/", 1)[1][: -len(".yaml")],
        "aenderungsdatei": aenderung.pfad,
        "fehler": len(erwartet),
    }
    if erwartet:
        (ziel / ".erwartet.json").write_text(json.dumps(erwartet, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if pruefen:
        probleme = selbstpruefung(ziel, w)
        beschreibung["selbstpruefung"] = "ok" if not probleme else f"{len(probleme)} Probleme"
        if probleme:
            for p in probleme[:50]:
                print(p, file=sys.stderr)
            raise SystemExit(f"Selbstprüfung: {len(probleme)} Probleme")
    (ziel / ".bench.json").write_text(json.dumps(beschreibung, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return beschreibung


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description="Synthetisches Datenrepository für Messungen erzeugen.")
    p.add_argument("ziel", metavar="DIR", type=Path, help="neuer oder leerer Ordner")
    p.add_argument("--datensaetze", type=int, default=10000, metavar="N", help="ungefähre Zahl der Datensatzdateien (Standard 10000)")
    p.add_argument("--fehler", type=int, default=0, metavar="K", help="K bekannte Fehler einbauen und in DIR/.erwartet.json auflisten")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="Startwert des Zufallsgenerators (Standard 1)")
    p.add_argument("--pruefen", action="store_true", help="jeden Datensatz gegen sein JSON Schema prüfen und zurücklesen")
    a = p.parse_args(argv)
    if a.datensaetze < 1 or a.fehler < 0:
        p.error("N muss positiv und K nicht negativ sein")
    b = erzeuge(a.ziel, a.datensaetze, a.seed, a.fehler, a.pruefen)
    arten = ", ".join(f"{k} {v}" for k, v in b["je_art"].items())
    print(f"{b['dateien']} Dateien in {a.ziel} ({b['laender']} Länder, {b['landkreise']} Landkreise): {arten}")
    if b["fehler"]:
        print(f"{b['fehler']} Fehler eingebaut, erwartet in {a.ziel / '.erwartet.json'}")
    if "selbstpruefung" in b:
        print(f"Selbstprüfung: {b['selbstpruefung']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
