"""`netzwerk status`: jeder Teil auf den Beispieldaten und auf eigens gebauten kleinen
Repositorys (Vakanz, Überbesetzung, überfällige AG, fällige Wiedervorlage, fehlende
Sitzungen in einem Jahr); Markdown strukturell, JSON gegen docs/status.schema.json.

Text und Markdown: die kompakte Übersicht (Standard, ein Bildschirm) und die ausführliche
Fassung (`--ausfuehrlich`, Sitzgruppen mit Regeln, Sitzungen je Jahr)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from berichte_hilfen import STICHTAG_KLEIN, baue_testrepo, flach, md_tabellen, pruefe_text_80, ueberschriften
from conftest import BEISPIEL, PROJEKT, STICHTAG
from jsonschema import Draft202012Validator
from rich.console import Console

SCHEMA = json.loads((PROJEKT / "docs" / "status.schema.json").read_text(encoding="utf-8"))


def status_json(cli, daten: Path, stichtag: str, *weitere: str) -> dict:
    r = cli("status", "--daten", daten, "--stichtag", stichtag, "--format", "json", *weitere)
    assert r.exit_code == 0, r.stderr
    bericht = json.loads(r.stdout)
    Draft202012Validator(SCHEMA).validate(bericht)
    return bericht


def gremium(bericht: dict, gid: str) -> dict:
    return next(g for g in bericht["gremien"] if g["id"] == gid)


def gruppe(gr: dict, sid: str) -> dict:
    return next(s for s in gr["sitzgruppen"] if s["id"] == sid)


@pytest.fixture
def klein(tmp_path) -> Path:
    return baue_testrepo(tmp_path / "klein")


# --------------------------------------------------------------------------- JSON-Schema


def test_schema_ist_gueltiges_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("stichtag", ["2019-01-01", "2023-06-30", STICHTAG, "2030-01-01"])
@pytest.mark.parametrize("oeffentlich", [False, True])
def test_json_erfuellt_schema_auf_beispieldaten(cli, stichtag, oeffentlich):
    bericht = status_json(cli, BEISPIEL, stichtag, *(["--oeffentlich"] if oeffentlich else []))
    assert bericht["schema"] == "netzwerk-status/1"
    assert bericht["stichtag"] == stichtag
    assert bericht["oeffentlich"] is oeffentlich


def test_json_erfuellt_schema_auf_kleinem_repo(cli, klein):
    status_json(cli, klein, STICHTAG_KLEIN)
    status_json(cli, klein, STICHTAG_KLEIN, "--oeffentlich")


# --------------------------------------------------------------------------- Beispieldaten


def test_beispieldaten_gremien(cli):
    b = status_json(cli, BEISPIEL, STICHTAG)
    assert b["netzwerk"]["name"] == "Netzwerk Integration Baden-Württemberg"
    assert b["datenstand"]["fehler"] == 0 and b["hinweise"] == []
    assert [g["id"] for g in b["gremien"]][0] == "strategiegruppe"
    assert {g["id"] for g in b["gremien"]} == {
        "strategiegruppe",
        "steuerungsgruppe-beispielkreis",
        "steuerungsgruppe-konstanz",
        "sozialausschuss-konstanz",
    }
    sg = gremium(b, "strategiegruppe")
    assert sg["sitze"] == {"gesamt": 12, "sitzzahl_offen": False, "besetzt": 6, "vakant": 6, "ueberbesetzt": 0}
    lv = gruppe(sg, "landesverbaende")
    assert (lv["sitze"], lv["besetzt"], lv["vakant"]) == (3, 3, 0)
    assert "Gemeindetag Baden-Württemberg" in lv["regel"] and lv["regel"].startswith("3 Sitze")
    ib = gruppe(sg, "integrationsbeauftragte")
    assert [x["wert"] for x in ib["nicht_vertreten"]] == ["gemeinde"]
    assert [p["name"] for p in sg["ohne_sitzgruppe"]] == ["Elke Zimmermann-Fiscella"]
    assert sg["sitzungen"]["soll"] == {"min": 2, "max": 3} and sg["sitzungen"]["jahre"] == []

    bk = gremium(b, "steuerungsgruppe-beispielkreis")
    assert bk["beispiel"] is True
    assert bk["sitze"]["sitzzahl_offen"] is True and bk["sitze"]["vakant"] == 0
    fraktionen = gruppe(bk, "kreistagsfraktionen")
    assert fraktionen["sitze"] is None and fraktionen["besetzt"] == 2 and fraktionen["vakant"] == 0
    assert gruppe(bk, "amtsleitungen")["stellvertretungen"] == 1
    jahre = {j["jahr"]: j for j in bk["sitzungen"]["jahre"]}
    assert jahre[2022]["bewertung"] == "gruendungsjahr"
    assert jahre[2023] == {"jahr": 2023, "anzahl": 3, "geplant": 0, "abgesagt": 0, "bewertung": "im_rahmen"}
    assert jahre[2026]["bewertung"] == "laufend" and jahre[2026]["noch_zu_planen"] == 0
    assert bk["sitzungen"]["letzte"]["datum"] == "2026-10-14"
    assert bk["sitzungen"]["naechste"]["id"] == "steuerungsgruppe-beispielkreis-2027-03-17"

    kn = gremium(b, "steuerungsgruppe-konstanz")
    assert kn["sitze"]["besetzt"] == 0 and kn["sitze"]["vakant"] == 12
    assert kn["sitzungen"]["soll"] is None


def test_beispieldaten_arbeitsgruppen_empfehlungen_umsetzung(cli):
    b = status_json(cli, BEISPIEL, STICHTAG)
    ags = b["arbeitsgruppen"]
    assert [a["id"] for a in ags["aktiv"]] == ["ag-wohnraum-fuer-gefluechtete"]
    assert ags["aktiv"][0]["ende_geplant"] == "2027-06-30" and ags["aktiv"][0]["ueberfaellig"] is False
    fertig = {a["id"]: a for a in ags["abgeschlossen"]}
    assert fertig["ag-sprachkurse-mit-kinderbetreuung"]["abgeschlossen_am"] == "2023-11-15"
    assert fertig["ag-sprachkurse-mit-kinderbetreuung"]["empfehlungen"] == 4
    assert fertig["ag-sprachkurse-mit-kinderbetreuung"]["empfehlungen_beschlossen"] == 2
    assert fertig["ag-empowerment-von-frauen"]["abgeschlossen_am"] is None
    assert [a["id"] for a in ags["unbekannt"]] == ["ag-demokratiebildung-und-politische-partizipation"]

    e = b["empfehlungen"]
    assert e["gesamt"] == 11
    assert e["je_status"] == {
        "entwurf": 2, "eingereicht": 2, "beschlossen": 1, "weitergeleitet": 1, "in_umsetzung": 1,
        "abgelehnt": 1, "zurueckgezogen": 1, "umgesetzt": 1, "nicht_umgesetzt": 1,
    }  # fmt: skip
    assert [x["id"] for x in e["offen"]][:3] == ["2023-005", "2023-006", "2024-001"]
    assert [x["id"] for x in e["wiedervorlage_faellig"]] == ["2024-001"]
    assert e["wiedervorlage_faellig"][0]["faellig_seit"] == "2026-07-01"
    assert e["wiedervorlage_monate"] == 12

    umsetzung = {u["empfehlung"]: u for u in b["umsetzung"]}
    assert set(umsetzung) == {"2023-001", "2023-002", "2024-001", "2025-001"}
    assert [u["empfehlung"] for u in b["umsetzung"]][:2] == ["2024-001", "2025-001"]  # laufende zuerst
    letzte = {a["organisation"]: (a["stand"], a["datum"]) for a in umsetzung["2025-001"]["adressaten"]}
    assert letzte == {
        "beispielkreis-amt-fuer-migration-und-integration": ("teilweise", "2026-09-30"),
        "stadt-beispielstadt": ("teilweise", "2026-09-30"),
    }
    assert {a["stand"] for a in umsetzung["2023-001"]["adressaten"]} == {"vollstaendig"}


def test_stichtag_in_der_vergangenheit(cli):
    """Der Bericht zeigt den damaligen Stand: Verlauf bis zum Stichtag, AG vor ihrem Abschluss."""
    b = status_json(cli, BEISPIEL, "2023-07-01")
    ids = {x["id"] for x in b["empfehlungen"]["offen"]}
    assert "2026-001" not in ids and "2024-001" not in ids
    assert b["empfehlungen"]["je_status"]["beschlossen"] == 2  # 2023-001 und 2023-002 am 21.06.2023
    assert "ag-sprachkurse-mit-kinderbetreuung" in {a["id"] for a in b["arbeitsgruppen"]["aktiv"]}
    assert "ag-wohnraum-fuer-gefluechtete" not in {
        a["id"] for teil in b["arbeitsgruppen"].values() for a in teil if a["status"] == "aktiv"
    }
    # Stellvertretung und Wechsel: Max Muster sitzt 2023, Nina Neu noch nicht
    namen = [p["name"] for p in gruppe(gremium(b, "steuerungsgruppe-beispielkreis"), "amtsleitungen")["mitglieder"]]
    assert "Max Muster" in namen and "Nina Neu" not in namen
    jahre = {j["jahr"]: j for j in gremium(b, "steuerungsgruppe-beispielkreis")["sitzungen"]["jahre"]}
    assert max(jahre) == 2023 and jahre[2023]["anzahl"] == 2 and jahre[2023]["geplant"] == 1


def test_ag_ueberfaellig_auf_beispieldaten(cli):
    b = status_json(cli, BEISPIEL, "2027-07-14")
    aktiv = b["arbeitsgruppen"]["aktiv"]
    assert aktiv[0]["id"] == "ag-wohnraum-fuer-gefluechtete" and aktiv[0]["ueberfaellig"] is True


def test_ausfuehrlich_text_auf_beispieldaten_80_spalten(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--ausfuehrlich")
    assert r.exit_code == 0
    pruefe_text_80(r.stdout)
    ausgabe = flach(r.stdout)
    for text in (
        "Netzwerk Integration Baden-Württemberg",
        "Stand am 21.11.2026",
        "Strategiegruppe",
        "Steuerungsgruppe Integration Landkreis Beispielkreis (Beispiel)",
        "Steuerungsgruppe Integration Landkreis Konstanz",
        "Sozialausschuss des Kreistags Konstanz",
        "Kommunale Landesverbände",
        "Ohne Sitzgruppe (nicht gezählt): Elke Zimmermann-Fiscella",
        "Nächste Sitzung: 17.03.2027",
        "Arbeitsgruppen",
        "AG Wohnraum für Geflüchtete (Beispiel)",
        "Älteste offene Empfehlungen",
        "Wiedervorlage fällig",
        "2024-001",
        "Umsetzung",
        "vakant = unbesetzt oder nicht erfasst",
    ):
        assert text in ausgabe, text


def test_text_ohne_no_color_bei_umleitung_ohne_ansi(cli, monkeypatch):
    monkeypatch.delenv("NO_COLOR", raising=False)
    r = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG)
    assert r.exit_code == 0 and "\x1b[" not in r.stdout


def _text_direkt(bericht: dict, breite: int = 80, **optionen) -> str:
    from netzwerk_cli.ausgabe.status.text import als_text

    puffer = io.StringIO()
    konsole = Console(file=puffer, width=breite, color_system=None, highlight=False, emoji=False)
    als_text(bericht, konsole, **optionen)
    return puffer.getvalue()


def test_text_renderer_direkt_bei_80_spalten(tmp_path):
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.berichte.status import statusbericht, uebersicht_zusatz

    repo = laden(BEISPIEL, STICHTAG)
    text = _text_direkt(statusbericht(repo), ausfuehrlich=True)
    pruefe_text_80(text)
    # breite Tabellenzeilen brechen um, statt abgeschnitten zu werden
    assert "Landkreistag Baden-Württemberg" in text
    kompakt = _text_direkt(statusbericht(repo), zusatz=uebersicht_zusatz(repo))
    pruefe_text_80(kompakt)
    assert len(kompakt.splitlines()) <= 50
    assert "Landkreistag Baden-Württemberg" not in kompakt  # keine Regeln der Sitzgruppen


def test_markdown_ausfuehrlich_auf_beispieldaten_strukturell(cli):
    r = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown", "--ausfuehrlich")
    assert r.exit_code == 0
    md = r.stdout
    assert ueberschriften(md, 1) == ["Status: Netzwerk Integration Baden-Württemberg"]
    assert ueberschriften(md, 2) == ["Gremien", "Arbeitsgruppen", "Empfehlungen", "Umsetzung"]
    assert "Strategiegruppe des Netzwerkes Integration Baden-Württemberg" in ueberschriften(md, 3)
    assert "Steuerungsgruppe Integration Landkreis Beispielkreis (Beispiel)" in ueberschriften(md, 3)
    tabellen = md_tabellen(md)
    sitze = [t for t in tabellen if t["kopf"][0] == "Sitzgruppe"]
    assert len(sitze) == 3  # Sozialausschuss hat keine Sitzgruppen
    strategie = next(t for t in sitze if t["ueberschrift"].startswith("Strategiegruppe"))
    assert strategie["kopf"] == ["Sitzgruppe", "Regel", "Sitze", "besetzt", "vakant", "überbesetzt"]
    assert ["Kommunen", "3", "0", "3"] == [strategie["zeilen"][2][i] for i in (0, 2, 3, 4)]
    ag = next(t for t in tabellen if t["kopf"][0] == "Arbeitsgruppe")
    assert len(ag["zeilen"]) == 5
    stati = next(t for t in tabellen if t["kopf"] == ["Status", "Anzahl"])
    assert len(stati["zeilen"]) == 9
    faellig = next(t for t in tabellen if t["ueberschrift"].startswith("Wiedervorlage fällig"))
    assert faellig["zeilen"][0][0] == "2024-001"
    umsetzung = next(t for t in tabellen if t["ueberschrift"] == "Umsetzung")
    assert umsetzung["kopf"] == ["Empfehlung", "Status", "Adressat", "Stand", "Bericht vom"]
    assert len(umsetzung["zeilen"]) == 6


@pytest.mark.parametrize("ausfuehrlich", [False, True])
def test_markdown_maskiert_senkrechte_striche(cli, tmp_path, ausfuehrlich):
    repo = baue_testrepo(tmp_path / "r", {"organisationen/verein-z.yaml": "name: Verein A | B *fett* <b>\ntyp: verein\n"})
    r = cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN, "--format", "markdown", *(["--ausfuehrlich"] if ausfuehrlich else []))
    tabellen = md_tabellen(r.stdout)
    umsetzung = next(t for t in tabellen if t["ueberschrift"] == "Umsetzung")
    spalte = umsetzung["kopf"].index("Adressat")
    assert any("Verein A \\| B \\*fett\\* \\<b\\>" in z[spalte] for z in umsetzung["zeilen"])


# --------------------------------------------------------------------------- kompakte Übersicht (Standard)


def _kompakt_text(cli, monkeypatch, daten=BEISPIEL, stichtag=STICHTAG, *weitere: str) -> str:
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("status", "--daten", daten, "--stichtag", stichtag, *weitere)
    assert r.exit_code == 0, r.stderr
    pruefe_text_80(r.stdout)
    return r.stdout


def _zeile(text: str, anfang: str, enthaelt: str = "") -> str:
    (zeile,) = [z for z in text.splitlines() if z.startswith(anfang) and enthaelt in z]
    return zeile.rstrip()


@pytest.mark.parametrize("oeffentlich", [[], ["--oeffentlich"]])
def test_kompakt_auf_beispieldaten_ein_bildschirm(cli, monkeypatch, oeffentlich):
    """Das „Fertig wenn“ aus Issue 4: beide Netzwerke auf einem Bildschirm (≤ 50 Zeilen à 80 Spalten)."""
    text = _kompakt_text(cli, monkeypatch, BEISPIEL, STICHTAG, *oeffentlich)
    assert len(text.splitlines()) <= 50, f"{len(text.splitlines())} Zeilen"
    ausgabe = flach(text)
    gremien = _erste_spalte(_zeilen_zwischen(text, "Gremien", "• "))
    b = status_json(cli, BEISPIEL, STICHTAG)
    for gr in b["gremien"]:  # jedes Gremium, mit Kurznamen und Beispiel-Kennzeichen
        name = (gr["kurzname"] or gr["name"]) + (" (Beispiel)" if gr["beispiel"] else "")
        assert name in gremien, name
    assert gremien.startswith("Gremium Strategiegruppe Steuerungsgruppe Beispielkreis (Beispiel) Steuerungsgruppe Konstanz")
    for teil in ("Gremien", "Arbeitsgruppen", "Empfehlungen · 11 am Stichtag", "Umsetzung"):
        assert teil in ausgabe, teil
    # je Gremium eine Zeile: besetzt/gesamt, vakant, Sitzungen im laufenden Jahr, nächste Sitzung
    assert _zeile(text, "Strategiegruppe ").split() == ["Strategiegruppe", "6/12", "6", "2026:", "0", "(2–3)", "–"]
    assert _zeile(text, "Steuerungsgruppe ", "8/8").split()[1:] == ["8/8", "0", "2026:", "2", "(2–3)", "17.03.2027"]
    assert _zeile(text, "Steuerungsgruppe ", "0/12").split()[2:] == ["0/12", "12", "2026:", "0", "–"]
    assert "+2 ohne feste Zahl" in ausgabe
    assert "Sozialausschuss keine Sitzgruppen – 2026: 0 –" in ausgabe
    # darunter nur, was zu tun ist
    assert "Strategiegruppe – vakant: Ministerium für Soziales, Gesundheit und Integration (2), Kommunen (3)" in ausgabe
    assert "1 Mitglied ohne Sitzgruppe · keine Sitzungen erfasst" in ausgabe
    assert "Steuerungsgruppe Konstanz – keine Mitglieder erfasst (12 Sitze vakant)" in ausgabe
    # keine Sitzgruppen mit Regeln, keine Sitzungen je Jahr: dafür gibt es --ausfuehrlich
    assert "genau eine(r)" not in ausgabe and "Gründungsjahr" not in ausgabe and "Kommunale Landesverbände" not in ausgabe
    # Empfehlungen: Zahl je Status in zwei Zeilen, die drei ältesten offenen, fällige Wiedervorlage
    assert _zeile(text, "offen:") == "offen: Entwurf 2, eingereicht 2, beschlossen 1, weitergeleitet 1, in Umsetzung 1"
    assert _zeile(text, "abgeschlossen:") == "abgeschlossen: abgelehnt 1, zurückgezogen 1, umgesetzt 1, nicht umgesetzt 1"
    offene = _zeilen_zwischen(text, "Älteste offene", "Wiedervorlage")
    assert offene[0] == "Älteste offene (3 von 7):" and len(offene) == 4  # eine Zeile je Empfehlung
    for zeile, (nr, rest) in zip(offene[1:], (("2023-005", "eingereicht seit 18.09.2023"), ("2023-006", "Entwurf seit 09.10.2023"), ("2024-001", "weitergeleitet seit 28.10.2024")), strict=True):
        assert zeile.startswith(nr) and " ".join(zeile.split()).endswith(f"(Beispiel) {rest}"), zeile
    faellig = _zeilen_zwischen(text, "Wiedervorlage fällig", "Umsetzung")
    assert len(faellig) == 2 and faellig[1].startswith("2024-001")
    assert " ".join(faellig[1].split()).endswith("(Beispiel) fällig seit 01.07.2026")
    # Umsetzung: eine Zeile je Adressat, mit dem letzten Stand
    umsetzung = _zeilen_zwischen(text, "Umsetzung", "vakant =")
    assert len(umsetzung) == 1 + 1 + 6
    assert umsetzung[2].split()[:2] == ["2024-001", "(Beispiel)"] and umsetzung[2].split()[-2:] == ["offen", "01.07.2025"]
    assert text.rstrip().endswith("Details: netzwerk status --ausfuehrlich · netzwerk gremium show ID")


def _zeilen_zwischen(text: str, von: str, bis: str) -> list[str]:
    zeilen = text.splitlines()
    start = next(i for i, z in enumerate(zeilen) if z.startswith(von))
    ende = next(i for i, z in enumerate(zeilen) if i > start and z.startswith(bis))
    return zeilen[start:ende]


def _nach(text: str, anfang: str) -> str:
    """Die Zeile nach der Zeile, die mit `anfang` beginnt (zweite Zeile einer Tabellenzeile)."""
    zeilen = text.splitlines()
    return zeilen[next(i for i, z in enumerate(zeilen) if z.startswith(anfang)) + 1]


def _erste_spalte(zeilen: list[str]) -> str:
    """Die erste Spalte einer Texttabelle (Abschnittslinie, Kopf, Zeilen) als fortlaufender Text:
    bis zur zweiten Spaltenüberschrift, umgebrochene Zellen wieder zusammengesetzt."""
    kopf = zeilen[1]
    breite = len(kopf) - len(kopf[len(kopf.split()[0]):].lstrip())
    return flach(" ".join(z[:breite] for z in zeilen[1:])).strip()


def test_kompakt_kennzeichnet_beispiel_empfehlungen_realer_ags(cli, monkeypatch):
    """Die realen AGs Empowerment und Demokratiebildung haben je eine erfundene Empfehlung: Die
    Übersicht darf nicht den Eindruck erwecken, es gäbe echte."""
    text = _kompakt_text(cli, monkeypatch)
    ags = _zeilen_zwischen(text, "Arbeitsgruppen", "Empfehlungen")
    assert ags[1].split() == ["Arbeitsgruppe", "Gremium", "Stand", "Empf."]
    assert _zeile(text, "AG Empowerment von Frauen").endswith("  1 (Beispiel)")
    assert _zeile(text, "AG Demokratiebildung").endswith("  1 (Beispiel)")
    # erfundene AGs tragen das Kennzeichen am Namen; ihre Zahl steht ohne Zusatz
    assert _zeile(text, "AG Wohnraum für").endswith("  4")
    assert "AG Wohnraum für Geflüchtete (Beispiel)" in _erste_spalte(ags)
    assert _zeile(text, "AG Hürdenabbau").endswith("  0")
    # Stand: eine Spalte, bei Bedarf zweizeilig
    assert "aktiv bis 30.06.2027" in _zeile(text, "AG Wohnraum für")
    assert "abgeschlossen am" in _zeile(text, "AG Sprachkurse") and "15.11.2023" in _nach(text, "AG Sprachkurse")
    assert "abgeschlossen" in _zeile(text, "AG Hürdenabbau") and "(Datum unbekannt)" in _nach(text, "AG Hürdenabbau")
    assert "Status unbekannt" in _zeile(text, "AG Demokratiebildung")
    md = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown").stdout
    (ag,) = [t for t in md_tabellen(md) if t["kopf"][0] == "Arbeitsgruppe"]
    empf = {z[0]: z[3] for z in ag["zeilen"]}
    assert empf["AG Empowerment von Frauen mit Flucht- und Einwanderungsgeschichte"] == "1 (Beispiel)"
    assert empf["AG Demokratiebildung und politische Partizipation"] == "1 (Beispiel)"
    assert empf["AG Wohnraum für Geflüchtete (Beispiel)"] == "4"


def test_kompakt_beispiel_kennzeichen_gemischt():
    from netzwerk_cli.ausgabe.status.wortlaut import ag_empfehlungen_kompakt

    zusatz = {"ag_beispiel_empfehlungen": {"ag-x": 1}}
    assert ag_empfehlungen_kompakt({"id": "ag-x", "beispiel": False, "empfehlungen": 3}, zusatz) == "3 (davon 1 Beispiel)"
    assert ag_empfehlungen_kompakt({"id": "ag-x", "beispiel": False, "empfehlungen": 1}, zusatz) == "1 (Beispiel)"
    assert ag_empfehlungen_kompakt({"id": "ag-x", "beispiel": True, "empfehlungen": 1}, zusatz) == "1"
    assert ag_empfehlungen_kompakt({"id": "ag-x", "beispiel": False, "empfehlungen": 1}, {}) == "1"


def test_kompakt_markdown_auf_beispieldaten_strukturell(cli):
    md = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown").stdout
    assert ueberschriften(md, 1) == ["Status: Netzwerk Integration Baden-Württemberg"]
    assert ueberschriften(md, 2) == ["Gremien", "Arbeitsgruppen", "Empfehlungen", "Umsetzung"]
    assert ueberschriften(md, 3) == [
        "Älteste offene Empfehlungen (3 von 7)",
        "Wiedervorlage fällig (kein Umsetzungsbericht seit 12 Monaten)",
    ]
    alle = md_tabellen(md)
    assert [t["kopf"] for t in alle] == [
        ["Gremium", "besetzt", "vakant", "Sitzungen", "nächste Sitzung"],
        ["Arbeitsgruppe", "Gremium", "Stand", "Empfehlungen"],
        ["Nr.", "Titel", "Status", "seit"],
        ["Nr.", "Titel", "fällig seit"],
        ["Empfehlung", "Adressat", "Stand", "Bericht vom"],
    ]
    tabellen = {t["kopf"][0]: t for t in alle if t["kopf"] != ["Nr.", "Titel", "fällig seit"]}
    assert alle[3]["zeilen"] == [["2024-001", "Mehrsprachige Terminvergabe im Ordnungsamt (Beispiel)", "01.07.2026"]]
    gremien = tabellen["Gremium"]["zeilen"]
    assert [z[0] for z in gremien] == ["Strategiegruppe", "Steuerungsgruppe Beispielkreis (Beispiel)", "Steuerungsgruppe Konstanz", "Sozialausschuss"]
    assert gremien[1][1:] == ["8/8 +2 ohne feste Zahl", "0", "2026: 2 (2–3)", "17.03.2027"]
    assert len(tabellen["Arbeitsgruppe"]["zeilen"]) == 5
    assert [z[0] for z in tabellen["Nr."]["zeilen"]] == ["2023-005", "2023-006", "2024-001"]
    assert [z[0] for z in tabellen["Empfehlung"]["zeilen"] if z[0]] == ["2024-001 (Beispiel)", "2025-001 (Beispiel)", "2023-001 (Beispiel)", "2023-002 (Beispiel)"]
    assert len(tabellen["Empfehlung"]["zeilen"]) == 6
    assert "- **Strategiegruppe** – vakant: Ministerium für Soziales" in md
    assert "Regel" not in md and "Jahr" not in md
    assert md.rstrip().endswith("Details: `netzwerk status --ausfuehrlich` · `netzwerk gremium show ID`")


def test_kompakt_umsetzung_gekuerzt_mit_hinweis():
    """Lange Umsetzungslisten: die ersten (laufende zuerst) und „… N weitere“."""
    from netzwerk_cli.ausgabe.status.markdown import als_markdown
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.berichte.status import statusbericht, uebersicht_zusatz

    repo = laden(BEISPIEL, STICHTAG)
    bericht = statusbericht(repo)
    bericht["umsetzung"] = bericht["umsetzung"] * 3  # 12 Empfehlungen, 18 Adressaten
    text = _text_direkt(bericht, zusatz=uebersicht_zusatz(repo))
    pruefe_text_80(text)
    umsetzung = _zeilen_zwischen(text, "Umsetzung", "vakant =")
    assert umsetzung[-1] == "… 9 weitere Empfehlungen (netzwerk status --ausfuehrlich)"
    assert len(umsetzung) == 1 + 1 + 5 + 1  # Linie, Kopf, 5 Adressatenzeilen, Hinweis
    md = als_markdown(bericht, zusatz=uebersicht_zusatz(repo))
    (tabelle,) = [t for t in md_tabellen(md) if t["kopf"][0] == "Empfehlung"]
    assert len(tabelle["zeilen"]) == 5
    assert "… 9 weitere Empfehlungen (netzwerk status --ausfuehrlich)" in md


def test_kompakt_regelverstoesse_gezaehlt(cli, monkeypatch, klein):
    """Verstöße gegen die Sitzregel (hier: falscher Organisationstyp und zwei Sitze zugleich)
    erscheinen in der Übersicht als Zahl mit Verweis auf validate – ohne Namen."""
    from berichte_hilfen import GREMIUM

    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.berichte.status import uebersicht_zusatz

    extra = "mitglieder:\n  - person: anna-alpha\n    sitzgruppe: kommunen\n    von: 2021-03-01\n"
    repo = baue_testrepo(klein.parent / "regel", {"gremien/testgremium.yaml": GREMIUM.replace("mitglieder:\n", extra, 1)})
    zusatz = uebersicht_zusatz(laden(repo, STICHTAG_KLEIN))
    assert zusatz["regelverstoesse"] == {"testgremium": 2}
    assert zusatz["ag_beispiel_empfehlungen"] == {"ag-fertig": 0, "ag-spaeter": 0, "ag-test": 0}
    text = flach(_kompakt_text(cli, monkeypatch, repo, STICHTAG_KLEIN))
    assert "2 Regelverstöße bei der Besetzung (netzwerk validate)" in text
    assert "Regelverstöße" not in cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout


def test_ausfuehrlich_aendert_json_nicht(cli):
    kurz = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "json").stdout
    lang = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "json", "--ausfuehrlich").stdout
    assert kurz == lang


# --------------------------------------------------------------------------- kleine Repositorys


def test_vakanz_und_nicht_vertreten(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    gr = gremium(b, "testgremium")
    aemter = gruppe(gr, "aemter")
    assert (aemter["sitze"], aemter["besetzt"], aemter["vakant"]) == (2, 1, 1)
    assert aemter["nicht_vertreten"] == [{"wert": "amt-b", "bezeichnung": "Amt B"}]
    kommunen = gruppe(gr, "kommunen")
    assert (kommunen["besetzt"], kommunen["vakant"]) == (0, 2)
    assert [x["bezeichnung"] for x in kommunen["nicht_vertreten"]] == ["Stadt", "Gemeinde"]
    fraktionen = gruppe(gr, "fraktionen")
    assert fraktionen["sitze"] is None and fraktionen["vakant"] == 0
    assert gr["sitze"] == {"gesamt": 5, "sitzzahl_offen": True, "besetzt": 3, "vakant": 3, "ueberbesetzt": 1}


def test_ueberbesetzt_mit_fehlerhinweis(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    beauftragte = gruppe(gremium(b, "testgremium"), "beauftragte")
    assert (beauftragte["sitze"], beauftragte["besetzt"], beauftragte["ueberbesetzt"]) == (1, 2, 1)
    # sitz-ueberbesetzt ist ein Fehler: der Bericht erscheint, mit Hinweis
    assert b["datenstand"]["fehler"] == 1
    assert b["hinweise"] and b["hinweise"][0].startswith("1 Fehler – `netzwerk validate` zeigt Details")
    for ausfuehrlich in ([], ["--ausfuehrlich"]):
        r = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, *ausfuehrlich)
        assert r.exit_code == 0
        assert "1 Fehler – `netzwerk validate` zeigt Details" in flach(r.stdout)
        assert "überbesetzt" in r.stdout
    kompakt = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout
    assert "zu viel" in kompakt  # eigene Spalte, nur wenn ein Gremium überbesetzt ist
    assert "überbesetzt: Integrationsbeauftragte (2 für 1 Sitz)" in flach(kompakt)
    md = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, "--format", "markdown").stdout
    assert "> **Hinweis:** 1 Fehler – `netzwerk validate` zeigt Details" in md


def test_vor_dem_eintritt_nicht_ueberbesetzt(cli, klein):
    b = status_json(cli, klein, "2023-06-30")
    beauftragte = gruppe(gremium(b, "testgremium"), "beauftragte")
    assert (beauftragte["besetzt"], beauftragte["ueberbesetzt"]) == (1, 0)


def test_ueberfaellige_ag(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    ags = b["arbeitsgruppen"]
    assert [(a["id"], a["ueberfaellig"]) for a in ags["aktiv"]] == [("ag-test", True)]
    assert [a["id"] for a in ags["geplant"]] == ["ag-spaeter"]
    assert [(a["id"], a["abgeschlossen_am"], a["empfehlungen"]) for a in ags["abgeschlossen"]] == [("ag-fertig", "2022-11-15", 1)]
    for ausfuehrlich in ([], ["--ausfuehrlich"]):
        text = flach(cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, *ausfuehrlich).stdout)
        assert "ÜBERFÄLLIG" in text and "31.12.2024" in text
    # vor dem geplanten Ende: nicht überfällig
    b = status_json(cli, klein, "2024-06-30")
    assert [(a["id"], a["ueberfaellig"]) for a in b["arbeitsgruppen"]["aktiv"]] == [("ag-test", False)]


def test_ag_vor_beginn_geplant_und_vor_abschluss_aktiv(cli, klein):
    b = status_json(cli, klein, "2022-06-01")
    assert {a["id"] for a in b["arbeitsgruppen"]["geplant"]} == {"ag-test", "ag-spaeter"}
    assert [a["id"] for a in b["arbeitsgruppen"]["aktiv"]] == ["ag-fertig"]


def test_faellige_wiedervorlage(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    faellig = b["empfehlungen"]["wiedervorlage_faellig"]
    assert [(x["id"], x["letzte_pruefung"], x["faellig_seit"]) for x in faellig] == [("2024-001", "2024-01-10", "2025-01-10")]
    # einen Tag vor Fälligkeit: nichts fällig
    assert status_json(cli, klein, "2025-01-09")["empfehlungen"]["wiedervorlage_faellig"] == []
    # wiedervorlage_monate aus netzwerk.yaml
    lang = baue_testrepo(klein.parent / "lang", {"netzwerk.yaml": "name: Testnetzwerk\neinstellungen: {wiedervorlage_monate: 24}\n"})
    b = status_json(cli, lang, STICHTAG_KLEIN)
    assert b["empfehlungen"]["wiedervorlage_monate"] == 24 and b["empfehlungen"]["wiedervorlage_faellig"] == []


def test_umsetzung_ohne_bericht_und_letzter_stand(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    (u,) = b["umsetzung"]
    assert u["empfehlung"] == "2024-001"
    assert [(a["organisation"], a["stand"]) for a in u["adressaten"]] == [("amt-a", None), ("verein-z", None)]
    mit_bericht = baue_testrepo(
        klein.parent / "bericht",
        {
            "empfehlungen/2024-001.yaml": klein.joinpath("empfehlungen/2024-001.yaml").read_text(encoding="utf-8")
            + "umsetzung:\n"
            "  - {adressat: amt-a, datum: 2024-03-01, stand: offen}\n"
            "  - {adressat: amt-a, datum: 2025-02-01, stand: teilweise}\n"
            "  - {adressat: amt-a, datum: 2025-09-01, stand: vollstaendig}\n"
        },
    )
    b = status_json(cli, mit_bericht, STICHTAG_KLEIN)
    (u,) = b["umsetzung"]
    assert u["adressaten"][0] == {"organisation": "amt-a", "name": "Amt A", "stand": "teilweise", "datum": "2025-02-01"}
    assert b["empfehlungen"]["wiedervorlage_faellig"] == []  # Bericht vom 01.02.2025 ist die letzte Befassung


def test_fehlende_sitzungen_in_einem_jahr(cli, klein):
    b = status_json(cli, klein, STICHTAG_KLEIN)
    s = gremium(b, "testgremium")["sitzungen"]
    jahre = {j["jahr"]: j for j in s["jahre"]}
    assert sorted(jahre) == [2022, 2023, 2024, 2025]
    assert jahre[2022]["bewertung"] == "im_rahmen" and jahre[2022]["anzahl"] == 3
    assert jahre[2023] == {"jahr": 2023, "anzahl": 0, "geplant": 0, "abgesagt": 0, "bewertung": "zu_wenig"}
    assert jahre[2024]["bewertung"] == "im_rahmen"
    assert jahre[2025] == {"jahr": 2025, "anzahl": 1, "geplant": 1, "abgesagt": 0, "bewertung": "laufend", "noch_zu_planen": 0}
    assert s["letzte"]["datum"] == "2025-03-01"
    assert s["naechste"] == {"id": "testgremium-2025-09-17", "datum": "2025-09-17", "ort": "Kreishaus, Saal 2", "status": "geplant"}
    text = flach(cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, "--ausfuehrlich").stdout)
    assert "2023: 0 (zu wenige)" in text
    assert "Nächste Sitzung: 17.09.2025, Kreishaus, Saal 2" in text
    md = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, "--format", "markdown", "--ausfuehrlich").stdout
    sitzungen = next(t for t in md_tabellen(md) if t["kopf"][0] == "Jahr")
    assert ["2023", "0", "–", "zu wenige"] in sitzungen["zeilen"]
    # kompakt: das laufende Jahr gegen den Rhythmus, die nächste Sitzung, Abweichungen darunter
    kompakt = flach(cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout)
    assert "2025: 1 (2–3) 17.09.2025" in kompakt
    assert "zu wenige Sitzungen: 2023 (0), vorgesehen 2–3" in kompakt
    md = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, "--format", "markdown").stdout
    (gremien,) = [t for t in md_tabellen(md) if t["kopf"][0] == "Gremium"]
    assert gremien["zeilen"][0][-2:] == ["2025: 1 (2–3)", "17.09.2025"]


def test_zu_viele_sitzungen_abgesagte_zaehlen_nicht(cli, klein):
    extra = {
        f"sitzungen/2024/testgremium-2024-{md}.yaml": f"gremium: testgremium\ndatum: 2024-{md}\nstatus: {st}\n"
        for md, st in (("07-01", "durchgefuehrt"), ("08-01", "durchgefuehrt"), ("09-01", "abgesagt"))
    }
    repo = baue_testrepo(klein.parent / "viele", extra)
    jahre = {j["jahr"]: j for j in gremium(status_json(cli, repo, STICHTAG_KLEIN), "testgremium")["sitzungen"]["jahre"]}
    assert (jahre[2024]["anzahl"], jahre[2024]["abgesagt"], jahre[2024]["bewertung"]) == (4, 1, "zu_viel")


def test_laufendes_jahr_noch_zu_planen(cli, klein):
    repo = baue_testrepo(klein.parent / "planen", {"sitzungen/2025/testgremium-2025-09-17.yaml": None})
    jahre = {j["jahr"]: j for j in gremium(status_json(cli, repo, STICHTAG_KLEIN), "testgremium")["sitzungen"]["jahre"]}
    assert jahre[2025]["noch_zu_planen"] == 1
    for ausfuehrlich in ([], ["--ausfuehrlich"]):
        text = flach(cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN, *ausfuehrlich).stdout)
        assert "noch 1 zu planen" in text


def test_fehlerhafter_datensatz_fehlt_im_bericht_mit_hinweis(cli, klein):
    (klein / "arbeitsgruppen" / "ag-fertig.yaml").write_text("name: [kaputt\n", encoding="utf-8")
    b = status_json(cli, klein, STICHTAG_KLEIN)
    assert "ag-fertig" not in {a["id"] for teil in b["arbeitsgruppen"].values() for a in teil}
    assert b["datenstand"]["fehler"] >= 2
    assert b["hinweise"][0].startswith(f"{b['datenstand']['fehler']} Fehler – `netzwerk validate` zeigt Details")


def test_leeres_repository(cli, tmp_path):
    from conftest import minimal_repo

    repo = minimal_repo(tmp_path / "leer", {})
    b = status_json(cli, repo, STICHTAG)
    assert b["gremien"] == [] and b["empfehlungen"]["gesamt"] == 0 and b["umsetzung"] == []
    for ausfuehrlich in ([], ["--ausfuehrlich"]):
        r = cli("status", "--daten", repo, "--stichtag", STICHTAG, *ausfuehrlich)
        assert r.exit_code == 0 and "Keine Arbeitsgruppen erfasst." in r.stdout
        md = cli("status", "--daten", repo, "--stichtag", STICHTAG, "--format", "markdown", *ausfuehrlich).stdout
        md_tabellen(md)
        assert "Keine offenen Empfehlungen." in md


def test_ungueltiger_stichtag_und_kein_repository(cli, tmp_path, monkeypatch):
    r = cli("status", "--daten", BEISPIEL, "--stichtag", "2026-13-01")
    assert r.exit_code == 2 and "kein gültiges Datum" in r.stderr
    monkeypatch.chdir(tmp_path)
    r = cli("status")
    assert r.exit_code == 2 and "Kein Datenrepository gefunden" in r.stderr


def test_titel_mit_rich_markup_bleibt_text(cli, klein):
    repo = baue_testrepo(
        klein.parent / "markup",
        {"arbeitsgruppen/ag-test.yaml": klein.joinpath("arbeitsgruppen/ag-test.yaml").read_text(encoding="utf-8").replace("AG Test", "AG [bold]Test[/bold]")},
    )
    for ausfuehrlich in ([], ["--ausfuehrlich"]):
        r = cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN, *ausfuehrlich)
        assert r.exit_code == 0 and "AG [bold]Test[/bold]" in r.stdout
