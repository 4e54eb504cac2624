"""Hilfen für die Tests der Berichte (`status`, `gremium show`, `sitzung vorbereiten`,
`diagramm`): ein kleines, eigens gebautes Datenrepository mit genau den Fällen, die die
Berichte zeigen sollen, und Prüfhilfen für Markdown und Textausgabe.

Das Testrepository (Stichtag `STICHTAG_KLEIN`, 01.06.2025):
* Gremium „testgremium“, 2–3 Sitzungen je Jahr, gegründet 2021-03-01:
  * Sitzgruppe „aemter“: 2 Sitze je Organisation aus amt-a, amt-b – nur amt-a besetzt
    (Anna Alpha, öffentlich) → 1 vakant, nicht vertreten: Amt B;
  * „beauftragte“: 1 Sitz – Clara Dritte und Bernd Geheim → überbesetzt (Fehler);
  * „kommunen“: 2 Sitze je Organisationstyp aus stadt, gemeinde – leer → 2 vakant;
  * „fraktionen“: ohne Sitzzahl, leer.
* Sitzungen 2022 (2×), 2023 (keine!), 2024 (2×, eine am 05.01. mit Beschluss über 2024-001),
  2025-03-01, und 2025-09-17 (geplant).
* AG „ag-test“: aktiv, geplantes Ende 31.12.2024 → überfällig; Leitung Bernd Geheim (privat).
* AG „ag-fertig“: abgeschlossen am 15.11.2022, eine Empfehlung (abgelehnt).
* AG „ag-spaeter“: geplant ab 2026-01-01.
* Empfehlung 2024-001: weitergeleitet am 10.01.2024, kein Umsetzungsbericht → Wiedervorlage
  fällig seit 10.01.2025. Empfehlung 2025-001: eingereicht (zur Abstimmung).
* Bernd Geheim und Clara Dritte sind nicht öffentlich; Bernd hat Kontaktdaten.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import minimal_repo

STICHTAG_KLEIN = "2025-06-01"

PRIVATE_NAMEN = ["Bernd Geheim", "bernd-geheim", "Clara Dritte", "clara-dritte"]
KONTAKT = ["bernd.geheim@example.invalid", "+49 7531 999888", "Geheimweg 7", "example.invalid"]

ORGANISATIONEN = {
    "organisationen/kreis.yaml": "name: Landkreis Testkreis\ntyp: landkreis\n",
    "organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\nuebergeordnet: kreis\n",
    "organisationen/amt-b.yaml": "name: Amt B\ntyp: amt\nuebergeordnet: kreis\n",
    "organisationen/stadt-x.yaml": "name: Stadt X\ntyp: stadt\n",
    "organisationen/verein-z.yaml": 'name: Verein „Zusammen“ e. V. mit "Zitat"\ntyp: verein\n',
}

PERSONEN = {
    "personen/anna-alpha.yaml": (
        "name: Anna Alpha\norganisation: amt-a\nfunktion: Leiterin Amt A\nrollen: [amtsleitung]\noeffentlich: true\n"
    ),
    "personen/bernd-geheim.yaml": (
        "name: Bernd Geheim\norganisation: kreis\nfunktion: Referent für Integration\n"
        "rollen: [integrationsbeauftragte, ag_leitung]\noeffentlich: false\n"
        "kontakt:\n  email: bernd.geheim@example.invalid\n  telefon: \"+49 7531 999888\"\n"
        "  adresse: Geheimweg 7, 78462 Konstanz\n"
    ),
    "personen/clara-dritte.yaml": (
        "name: Clara Dritte\norganisation: kreis\nfunktion: Integrationsbeauftragte des Testkreises\n"
        "rollen: [integrationsbeauftragte]\n"
    ),
}

GREMIUM = """\
name: Testgremium Integration
kurzname: Testgremium
art: steuerungsgruppe
organisation: kreis
gegruendet: 2021-03-01
aufgaben:
  - Berät über Empfehlungen
  - Prüft die Umsetzung
sitzungen_pro_jahr: {min: 2, max: 3}
sitzgruppen:
  - id: aemter
    name: Ämter
    anzahl: 2
    je: organisation
    aus: [amt-a, amt-b]
    rolle: amtsleitung
  - id: beauftragte
    name: Integrationsbeauftragte
    anzahl: 1
    rolle: integrationsbeauftragte
  - id: kommunen
    name: Kommunen
    anzahl: 2
    je: organisationstyp
    aus: [stadt, gemeinde]
  - id: fraktionen
    name: Fraktionen
    je: organisation
    organisationstyp: [fraktion]
mitglieder:
  - person: anna-alpha
    sitzgruppe: aemter
    von: 2021-03-01
  - person: clara-dritte
    sitzgruppe: beauftragte
    von: 2021-03-01
  - person: bernd-geheim
    sitzgruppe: beauftragte
    von: 2024-01-01
    notiz: Bernd Geheim, erreichbar unter bernd.geheim@example.invalid
"""


def _sitzung(datum: str, status: str = "durchgefuehrt", extra: str = "") -> str:
    return f"gremium: testgremium\ndatum: {datum}\nstatus: {status}\n{extra}"


SITZUNGEN = {
    "sitzungen/2022/testgremium-2022-03-01.yaml": _sitzung("2022-03-01"),
    "sitzungen/2022/testgremium-2022-10-01.yaml": _sitzung("2022-10-01"),
    "sitzungen/2022/testgremium-2022-11-15.yaml": _sitzung(
        "2022-11-15",
        extra=(
            "tagesordnung:\n  - nummer: 1\n    titel: Empfehlung 2022-001\n    empfehlungen: [\"2022-001\"]\n"
            "    beschluss: {ergebnis: abgelehnt}\n"
        ),
    ),
    "sitzungen/2024/testgremium-2024-01-05.yaml": _sitzung(
        "2024-01-05",
        extra=(
            "tagesordnung:\n  - nummer: 1\n    titel: Empfehlung 2024-001\n    berichterstattung: Bernd Geheim\n"
            "    empfehlungen: [\"2024-001\"]\n    beschluss: {ergebnis: angenommen}\n"
        ),
    ),
    "sitzungen/2024/testgremium-2024-06-01.yaml": _sitzung("2024-06-01"),
    "sitzungen/2025/testgremium-2025-03-01.yaml": _sitzung("2025-03-01"),
    "sitzungen/2025/testgremium-2025-09-17.yaml": _sitzung("2025-09-17", "geplant", "ort: Kreishaus, Saal 2\n"),
}

ARBEITSGRUPPEN = {
    "arbeitsgruppen/ag-test.yaml": (
        "name: AG Test\neingesetzt_von: testgremium\nstatus: aktiv\nbeginn: 2023-01-01\n"
        "ende_geplant: 2024-12-31\nleitung: [bernd-geheim]\n"
    ),
    "arbeitsgruppen/ag-fertig.yaml": (
        "name: AG Fertig\neingesetzt_von: testgremium\nstatus: abgeschlossen\nbeginn: 2022-01-01\n"
        "abgeschlossen_am: 2022-11-15\n"
    ),
    "arbeitsgruppen/ag-spaeter.yaml": "name: AG Später\neingesetzt_von: testgremium\nstatus: geplant\nbeginn: 2026-01-01\n",
}

EMPFEHLUNGEN = {
    "empfehlungen/2022-001.yaml": """\
titel: Abgelehnte Empfehlung
text: Text.
arbeitsgruppe: ag-fertig
entscheidungsgremium: testgremium
status: abgelehnt
verlauf:
  - {status: entwurf, datum: 2022-05-01}
  - {status: eingereicht, datum: 2022-06-01}
  - {status: abgelehnt, datum: 2022-11-15, sitzung: testgremium-2022-11-15}
""",
    "empfehlungen/2024-001.yaml": """\
titel: Weitergeleitete Empfehlung ohne Bericht
text: Text.
arbeitsgruppe: ag-test
entscheidungsgremium: testgremium
adressaten: [amt-a, verein-z]
status: weitergeleitet
verlauf:
  - {status: entwurf, datum: 2023-12-01, durch: Bernd Geheim}
  - {status: eingereicht, datum: 2023-12-05, durch: Bernd Geheim}
  - {status: beschlossen, datum: 2024-01-05, sitzung: testgremium-2024-01-05}
  - {status: weitergeleitet, datum: 2024-01-10, notiz: Rückfragen an bernd.geheim@example.invalid}
""",
    "empfehlungen/2025-001.yaml": """\
titel: Eingereichte Empfehlung
text: Text.
arbeitsgruppe: ag-test
entscheidungsgremium: testgremium
status: eingereicht
verlauf:
  - {status: entwurf, datum: 2025-01-10}
  - {status: eingereicht, datum: 2025-02-01, durch: Bernd Geheim}
""",
}


def baue_testrepo(ordner: Path, ersetzen: dict[str, str | None] | None = None) -> Path:
    """Das kleine Testrepository; `ersetzen` tauscht Dateien aus (Pfad → Text, None entfernt)."""
    dateien = {
        "netzwerk.yaml": "name: Testnetzwerk\neinstellungen: {wiedervorlage_monate: 12}\n",
        **ORGANISATIONEN,
        **PERSONEN,
        "gremien/testgremium.yaml": GREMIUM,
        **SITZUNGEN,
        **ARBEITSGRUPPEN,
        **EMPFEHLUNGEN,
    }
    for pfad, text in (ersetzen or {}).items():
        if text is None:
            dateien.pop(pfad, None)
        else:
            dateien[pfad] = text
    netzwerk = dateien.pop("netzwerk.yaml")
    minimal_repo(ordner, dateien)
    (ordner / "netzwerk.yaml").write_text(netzwerk, encoding="utf-8")
    return ordner


# --------------------------------------------------------------------------- Markdown


_TRENNER = re.compile(r"^\|( *:?-{3,}:? *\|)+$")


def _zellen(zeile: str) -> list[str]:
    assert zeile.startswith("| ") and zeile.endswith(" |"), zeile
    innen = zeile[2:-2]
    return [z.strip() for z in re.split(r"(?<!\\) \| ", innen)]


def md_tabellen(text: str) -> list[dict]:
    """Alle GFM-Tabellen eines Markdown-Texts, strukturell geprüft: Leerzeile davor, Kopf,
    Trennzeile, gleich viele Zellen je Zeile, keine rohen Zeilenumbrüche in Zellen.
    Liefert [{"ueberschrift": letzte Überschrift, "kopf": [...], "zeilen": [[...]]}]."""
    zeilen = text.split("\n")
    tabellen = []
    ueberschrift = None
    i = 0
    while i < len(zeilen):
        z = zeilen[i]
        if z.startswith("#"):
            ueberschrift = z.lstrip("#").strip()
        if z.startswith("|"):
            assert i > 0 and zeilen[i - 1] == "", f"keine Leerzeile vor der Tabelle in Zeile {i + 1}"
            kopf = _zellen(z)
            assert _TRENNER.match(zeilen[i + 1]), f"Trennzeile fehlt nach Zeile {i + 1}: {zeilen[i + 1]!r}"
            assert len(_zellen(zeilen[i + 1])) == len(kopf)
            koerper = []
            j = i + 2
            while j < len(zeilen) and zeilen[j].startswith("|"):
                zellen = _zellen(zeilen[j])
                assert len(zellen) == len(kopf), f"Zeile {j + 1}: {len(zellen)} Zellen statt {len(kopf)}: {zeilen[j]!r}"
                koerper.append(zellen)
                j += 1
            assert j == len(zeilen) or zeilen[j] == "", f"keine Leerzeile nach der Tabelle (Zeile {j + 1})"
            tabellen.append({"ueberschrift": ueberschrift, "kopf": kopf, "zeilen": koerper})
            i = j
            continue
        i += 1
    return tabellen


def ueberschriften(text: str, ebene: int) -> list[str]:
    praefix = "#" * ebene + " "
    return [z[len(praefix):] for z in text.split("\n") if z.startswith(praefix)]


# --------------------------------------------------------------------------- Text


def pruefe_text_80(text: str) -> None:
    """Textausgabe: keine ANSI-Codes, keine Zeile breiter als 80 Zeichen, nichts abgeschnitten."""
    assert "\x1b[" not in text
    for nr, zeile in enumerate(text.split("\n"), start=1):
        assert len(zeile.rstrip()) <= 80, f"Zeile {nr} ist {len(zeile.rstrip())} Zeichen breit: {zeile!r}"
        assert not zeile.rstrip().endswith("…") or zeile.lstrip().startswith("…"), f"Zeile {nr} abgeschnitten: {zeile!r}"


def flach(text: str) -> str:
    """Textausgabe ohne Rahmenzeichen und Zeilenumbrüche: zum Suchen von Wendungen, die
    Rich bei 80 Spalten umgebrochen haben kann."""
    ohne_rahmen = re.sub(r"[│╭╮╰╯─]", " ", text)
    return re.sub(r"\s+", " ", ohne_rahmen)
