"""`netzwerk gremium show ID`: Zusammensetzungstabelle (Sitzgruppe, Person, Organisation,
Rolle, seit, Stellvertretung), vakante Sitze als eigene Zeilen, Aufgaben."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from berichte_hilfen import STICHTAG_KLEIN, baue_testrepo, flach, md_tabellen, pruefe_text_80, ueberschriften
from conftest import BEISPIEL, PROJEKT, STICHTAG
from jsonschema import Draft202012Validator

SCHEMA = json.loads((PROJEKT / "docs" / "gremium.schema.json").read_text(encoding="utf-8"))


def zeigen_json(cli, daten: Path, gid: str, stichtag: str, *weitere: str) -> dict:
    r = cli("gremium", "show", gid, "--daten", daten, "--stichtag", stichtag, "--format", "json", *weitere)
    assert r.exit_code == 0, r.stderr
    bericht = json.loads(r.stdout)
    Draft202012Validator(SCHEMA).validate(bericht)
    return bericht


def zeilen_von(bericht: dict, sitzgruppe: str | None) -> list[dict]:
    return [z for z in bericht["zeilen"] if z["sitzgruppe"] == sitzgruppe]


@pytest.fixture
def klein(tmp_path) -> Path:
    return baue_testrepo(tmp_path / "klein")


def test_schema_ist_gueltiges_json_schema():
    Draft202012Validator.check_schema(SCHEMA)


@pytest.mark.parametrize("gid", ["strategiegruppe", "steuerungsgruppe-beispielkreis", "steuerungsgruppe-konstanz", "sozialausschuss-konstanz"])
@pytest.mark.parametrize("oeffentlich", [False, True])
def test_alle_gremien_der_beispieldaten_in_allen_formaten(cli, gid, oeffentlich, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    zusatz = ["--oeffentlich"] if oeffentlich else []
    zeigen_json(cli, BEISPIEL, gid, STICHTAG, *zusatz)
    text = cli("gremium", "show", gid, "--daten", BEISPIEL, "--stichtag", STICHTAG, *zusatz)
    assert text.exit_code == 0
    pruefe_text_80(text.stdout)
    md = cli("gremium", "show", gid, "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown", *zusatz)
    assert md.exit_code == 0
    md_tabellen(md.stdout)


def test_strategiegruppe_zusammensetzung(cli):
    b = zeigen_json(cli, BEISPIEL, "strategiegruppe", STICHTAG)
    assert b["gremium"]["aufgaben"][0] == "Steuerung des Netzwerkes Baden-Württemberg"
    assert len(b["gremium"]["aufgaben"]) == 7
    ministerium = zeilen_von(b, "ministerium")
    assert [z["art"] for z in ministerium] == ["mitglied", "vakant", "vakant"]
    assert ministerium[0]["name"] == "Prof. Dr. Birgit Locher-Finke"
    assert ministerium[0]["organisation_name"] == "Sozialministerium"
    assert ministerium[0]["seit"] is None  # unbekannt
    kommunen = zeilen_von(b, "kommunen")
    assert [(z["art"], z["vakant_fuer"]) for z in kommunen] == [("vakant", "Gemeinde"), ("vakant", "Stadt"), ("vakant", "Landkreis")]
    ib = zeilen_von(b, "integrationsbeauftragte")
    assert [z["name"] for z in ib] == ["Mirjam Koch", "Stefan Schlagowsky-Molkenthin", None]
    assert ib[-1]["vakant_fuer"] == "Gemeinde"
    (ohne,) = zeilen_von(b, None)
    assert ohne["name"] == "Elke Zimmermann-Fiscella" and ohne["sitzgruppe_name"].startswith("ohne Sitzgruppe")
    assert sum(1 for z in b["zeilen"] if z["art"] == "vakant") == 6 == b["sitze"]["vakant"]


def test_text_zeigt_tabelle_vakanzen_und_aufgaben(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = cli("gremium", "show", "strategiegruppe", "--daten", BEISPIEL, "--stichtag", STICHTAG)
    pruefe_text_80(r.stdout)
    text = flach(r.stdout)
    for teil in (
        "Strategiegruppe des Netzwerkes Integration Baden-Württemberg",
        "Person und Rolle",
        "Organisation",
        "seit",
        "Stellvertretung",
        "Kommunen · 0 / 3 besetzt · 3 vakant",
        "– vakant – für: Gemeinde",
        "Schlagowsky-Molkenthin",  # langes Wort nicht abgeschnitten
        "Ohne Sitzgruppe (nicht gezählt)",
        "Aufgaben",
        "• Überprüfung der Umsetzung der Empfehlungen",
    ):
        assert teil in text, teil


def test_stellvertretung_und_wechsel_am_stichtag(cli):
    b = zeigen_json(cli, BEISPIEL, "steuerungsgruppe-beispielkreis", STICHTAG)
    aemter = zeilen_von(b, "amtsleitungen")
    erika = next(z for z in aemter if z["name"] == "Erika Beispiel")
    assert [p["name"] for p in erika["stellvertretung"]] == ["Olga Vorlage"]
    assert erika["rolle"] == "Leiterin des Amts für Migration und Integration"
    assert erika["seit"] == "2022-03-15"
    assert "Nina Neu" in [z["name"] for z in aemter] and "Max Muster" not in [z["name"] for z in aemter]
    frueher = zeigen_json(cli, BEISPIEL, "steuerungsgruppe-beispielkreis", "2024-01-01")
    namen = [z["name"] for z in zeilen_von(frueher, "amtsleitungen")]
    assert "Max Muster" in namen and "Nina Neu" not in namen
    max_ = next(z for z in zeilen_von(frueher, "amtsleitungen") if z["name"] == "Max Muster")
    assert max_["bis"] == "2024-06-30"
    # Sitzgruppe ohne Sitzzahl: Mitglieder, keine Vakanzen
    assert [z["art"] for z in zeilen_von(b, "kreistagsfraktionen")] == ["mitglied", "mitglied"]


def test_konstanz_alle_sitze_vakant_und_sitzgruppe_ohne_zahl(cli):
    b = zeigen_json(cli, BEISPIEL, "steuerungsgruppe-konstanz", STICHTAG)
    assert [z["art"] for z in zeilen_von(b, "kreistagsfraktionen")] == ["offen"]
    aemter = zeilen_von(b, "amtsleitungen")
    assert [z["vakant_fuer"] for z in aemter] == ["Amt für Migration und Integration", "Ordnungsamt", "Jugendamt", "Sozialplanung", "Jobcenter"]


def test_gremium_ohne_sitzgruppen(cli):
    b = zeigen_json(cli, BEISPIEL, "sozialausschuss-konstanz", STICHTAG)
    assert b["zeilen"] == [] and b["sitzgruppen"] == []
    md = cli("gremium", "show", "sozialausschuss-konstanz", "--daten", BEISPIEL, "--format", "markdown").stdout
    assert "Keine Sitzgruppen und keine Mitglieder erfasst." in md


def test_markdown_strukturell(cli):
    r = cli("gremium", "show", "steuerungsgruppe-beispielkreis", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "markdown")
    md = r.stdout
    assert ueberschriften(md, 1) == ["Steuerungsgruppe Integration Landkreis Beispielkreis (Beispiel)"]
    assert ueberschriften(md, 2) == ["Zusammensetzung", "Sitzgruppen und Regeln", "Aufgaben"]
    tabellen = md_tabellen(md)
    zusammensetzung = next(t for t in tabellen if t["ueberschrift"] == "Zusammensetzung")
    assert zusammensetzung["kopf"] == ["Sitzgruppe", "Person", "Organisation", "Rolle", "seit", "Stellvertretung"]
    assert len(zusammensetzung["zeilen"]) == 10
    erika = next(z for z in zusammensetzung["zeilen"] if z[1] == "Erika Beispiel")
    assert erika[0] == "Führungsebene der Ämter" and erika[4] == "15.03.2022" and erika[5] == "Olga Vorlage"
    assert "- Überprüft die Umsetzung der Empfehlungen" in md


def test_kleines_repo_ueberbesetzt_und_vakant(cli, klein):
    b = zeigen_json(cli, klein, "testgremium", STICHTAG_KLEIN)
    assert [(z["name"], z["art"]) for z in zeilen_von(b, "aemter")] == [("Anna Alpha", "mitglied"), (None, "vakant")]
    assert zeilen_von(b, "aemter")[1]["vakant_fuer"] == "Amt B"
    beauftragte = zeilen_von(b, "beauftragte")
    assert [z["name"] for z in beauftragte] == ["Clara Dritte", "Bernd Geheim"]
    gruppe = next(g for g in b["sitzgruppen"] if g["id"] == "beauftragte")
    assert (gruppe["sitze"], gruppe["besetzt"], gruppe["ueberbesetzt"]) == (1, 2, 1)
    text = flach(cli("gremium", "show", "testgremium", "--daten", klein, "--stichtag", STICHTAG_KLEIN).stdout)
    assert "Integrationsbeauftragte · 2 / 1 besetzt · 1 überbesetzt" in text
    assert "keine Mitglieder erfasst" in text  # Fraktionen: ohne Sitzzahl und leer


def test_stellvertretung_ohne_ordentliches_mitglied(cli, klein):
    from berichte_hilfen import GREMIUM

    gremium = GREMIUM.replace(
        "  - person: clara-dritte\n    sitzgruppe: beauftragte\n    von: 2021-03-01\n",
        "  - person: clara-dritte\n    sitzgruppe: beauftragte\n    von: 2021-03-01\n    bis: 2024-12-31\n",
    )
    gremium += "  - person: anna-alpha\n    sitzgruppe: beauftragte\n    art: stellvertretung\n    vertritt: clara-dritte\n    von: 2021-03-01\n"
    repo = baue_testrepo(klein.parent / "stv", {"gremien/testgremium.yaml": gremium})
    b = zeigen_json(cli, repo, "testgremium", STICHTAG_KLEIN)
    beauftragte = zeilen_von(b, "beauftragte")
    assert [(z["name"], z["art"]) for z in beauftragte] == [("Bernd Geheim", "mitglied"), ("Anna Alpha", "stellvertretung")]
    assert beauftragte[1]["rolle"].startswith("Stellvertretung ohne ordentliches Mitglied")
    # solange Clara Dritte Mitglied ist, steht die Stellvertretung in ihrer Zeile
    b = zeigen_json(cli, repo, "testgremium", "2023-06-30")
    clara = next(z for z in zeilen_von(b, "beauftragte") if z["name"] == "Clara Dritte")
    assert [p["name"] for p in clara["stellvertretung"]] == ["Anna Alpha"]


def test_stellvertretung_ohne_sitzgruppe_steht_beim_vertretenen_mitglied(cli, klein):
    from berichte_hilfen import GREMIUM

    gremium = GREMIUM + "  - person: clara-dritte\n    art: stellvertretung\n    vertritt: anna-alpha\n    von: 2021-03-01\n"
    repo = baue_testrepo(klein.parent / "stv2", {"gremien/testgremium.yaml": gremium})
    b = zeigen_json(cli, repo, "testgremium", STICHTAG_KLEIN)
    anna = next(z for z in zeilen_von(b, "aemter") if z["name"] == "Anna Alpha")
    assert [p["name"] for p in anna["stellvertretung"]] == ["Clara Dritte"]
    assert not any(z["art"] == "stellvertretung" for z in b["zeilen"])


def test_unbekanntes_gremium(cli):
    r = cli("gremium", "show", "strategiegrupe", "--daten", BEISPIEL)
    assert r.exit_code == 1
    assert "Gremium „strategiegrupe“ gibt es nicht" in r.stderr and "meinten Sie „strategiegruppe“" in r.stderr
    r = cli("gremium", "show", "xyz", "--daten", BEISPIEL)
    assert r.exit_code == 1 and "vorhanden: sozialausschuss-konstanz" in r.stderr


def test_fehlerhaftes_gremium(cli, klein):
    (klein / "gremien" / "testgremium.yaml").write_text("name: Testgremium\nart: unbekannt\n", encoding="utf-8")
    r = cli("gremium", "show", "testgremium", "--daten", klein)
    assert r.exit_code == 1 and "fehlerhaft" in r.stderr and "netzwerk validate" in r.stderr


def test_ohne_id_zeigt_hilfe(cli):
    r = cli("gremium")
    assert "show" in r.stdout + r.stderr
