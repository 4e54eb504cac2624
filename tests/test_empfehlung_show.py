"""`empfehlung show` (NEWCOMER-FINDINGS): Status als Bezeichnung ohne Doppelung, Namen statt nur
ids für Herkunft, entscheidendes Gremium und Adressaten, eine fällige Wiedervorlage wird genannt,
und es gibt `--format json`."""

from __future__ import annotations

import json

from conftest import STICHTAG


def _json(cli, beispiel, id_, *zusatz):
    r = cli("empfehlung", "show", id_, "--daten", beispiel, "--stichtag", STICHTAG, "--format", "json", *zusatz)
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_json_mit_namen_und_wiedervorlage(cli, beispiel):
    b = _json(cli, beispiel, "2024-001")
    assert b["schema"] == "netzwerk-empfehlung/1" and b["stichtag"] == STICHTAG
    assert b["status"] == "weitergeleitet" and b["status_seit"] == "2024-10-28"
    assert b["herkunft"] == {"art": "gremium", "id": "steuerungsgruppe-beispielkreis", "name": "Steuerungsgruppe Beispielkreis"}
    assert b["entscheidungsgremium"]["name"] == "Steuerungsgruppe Beispielkreis"
    assert b["wiedervorlage"]["faellig_seit"] == "2026-07-01" and b["wiedervorlage"]["letzte_pruefung"] == "2025-07-01"
    assert [a["organisation"] for a in b["adressaten"]] and all(a["name"] for a in b["adressaten"])
    assert b["naechste_schritte"] and [v["status"] for v in b["verlauf"]][-1] == "weitergeleitet"


def test_wiedervorlage_nicht_faellig_vor_der_frist(cli, beispiel):
    b = _json(cli, beispiel, "2024-001", "--stichtag", "2026-06-30")
    assert b["wiedervorlage"]["faellig_seit"] is None


def test_text_ohne_doppelten_status_und_mit_namen(cli, beispiel):
    r = cli("empfehlung", "show", "2023-001", "--daten", beispiel, "--stichtag", STICHTAG)
    assert "Status: umgesetzt (umgesetzt)" not in r.stdout and "Status: umgesetzt" in r.stdout
    assert "AG Sprachkurse mit Kinderbetreuung (ag-sprachkurse-mit-kinderbetreuung)" in r.stdout
    assert "Steuerungsgruppe Beispielkreis (steuerungsgruppe-beispielkreis)" in r.stdout
    r = cli("empfehlung", "show", "2025-001", "--daten", beispiel, "--stichtag", STICHTAG)
    assert "Status: in Umsetzung (seit 18.03.2026)" in r.stdout and "● in Umsetzung" in r.stdout
    r = cli("empfehlung", "show", "2024-001", "--daten", beispiel, "--stichtag", STICHTAG)
    assert "Wiedervorlage fällig seit 01.07.2026" in r.stdout
