"""`netzwerk status`: jeder Teil auf den Beispieldaten und auf eigens gebauten kleinen
Repositorys (Vakanz, Überbesetzung, überfällige AG, fällige Wiedervorlage, fehlende
Sitzungen in einem Jahr); Markdown strukturell, JSON gegen docs/status.schema.json."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from rich.console import Console

from berichte_hilfen import STICHTAG_KLEIN, baue_testrepo, flach, md_tabellen, pruefe_text_80, ueberschriften
from conftest import BEISPIEL, STICHTAG, PROJEKT

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


def test_text_auf_beispieldaten_80_spalten(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG)
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


def test_text_renderer_direkt_bei_80_spalten(tmp_path):
    from netzwerk_cli.ausgabe.status import als_text
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.berichte.status import statusbericht

    puffer = io.StringIO()
    konsole = Console(file=puffer, width=80, color_system=None, highlight=False, emoji=False)
    als_text(statusbericht(laden(BEISPIEL, STICHTAG)), konsole)
    pruefe_text_80(puffer.getvalue())
    # breite Tabellenzeilen brechen um, statt abgeschnitten zu werden
    assert "Landkreistag Baden-Württemberg" in puffer.getvalue()


def test_markdown_auf_beispieldaten_strukturell(cli):
    r = cli("status", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown")
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


def test_markdown_maskiert_senkrechte_striche(cli, tmp_path):
    repo = baue_testrepo(tmp_path / "r", {"organisationen/verein-z.yaml": "name: Verein A | B *fett* <b>\ntyp: verein\n"})
    r = cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN, "--format", "markdown")
    tabellen = md_tabellen(r.stdout)
    umsetzung = next(t for t in tabellen if t["ueberschrift"] == "Umsetzung")
    assert any("Verein A \\| B \\*fett\\* \\<b\\>" in z[2] for z in umsetzung["zeilen"])


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
    r = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN)
    assert r.exit_code == 0
    assert "1 Fehler – `netzwerk validate` zeigt Details" in flach(r.stdout)
    assert "überbesetzt" in r.stdout
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
    text = flach(cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout)
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
    text = flach(cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout)
    assert "2023: 0 (zu wenige)" in text
    assert "Nächste Sitzung: 17.09.2025, Kreishaus, Saal 2" in text
    md = cli("status", "--daten", klein, "--stichtag", STICHTAG_KLEIN, "--format", "markdown").stdout
    sitzungen = next(t for t in md_tabellen(md) if t["kopf"][0] == "Jahr")
    assert ["2023", "0", "–", "zu wenige"] in sitzungen["zeilen"]


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
    text = flach(cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN).stdout)
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
    r = cli("status", "--daten", repo, "--stichtag", STICHTAG)
    assert r.exit_code == 0 and "Keine Arbeitsgruppen erfasst." in r.stdout
    md = cli("status", "--daten", repo, "--stichtag", STICHTAG, "--format", "markdown").stdout
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
    r = cli("status", "--daten", repo, "--stichtag", STICHTAG_KLEIN)
    assert r.exit_code == 0 and "AG [bold]Test[/bold]" in r.stdout
