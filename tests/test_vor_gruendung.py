"""Ein Gremium vor seiner Gründung (NEWCOMER-FINDINGS): am Stichtag vor `gegruendet` ist kein Sitz
vakant – `validate` meldet kein `sitz-vakant`, `status` und `gremium show` sagen „noch nicht
gegründet“ und zählen nichts. Dass der inkrementelle Weg dasselbe entscheidet, zeigen die
Zufallstests mit wechselnden Stichtagen in tests/test_querpruefung.py; hier zusätzlich direkt."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import PROJEKT

GREMIUM = "steuerungsgruppe-beispielkreis"  # gegruendet: 2022-03-15
DATEI = f"gremien/{GREMIUM}.yaml"
VORHER, NACHHER = "2022-03-14", "2022-03-15"


@pytest.fixture
def beispiel(beispiel):
    """data/ mit einem Sitz, der erst nach der Gründung besetzt wurde: am Gründungstag vakant."""
    datei = beispiel / DATEI
    text = datei.read_text(encoding="utf-8")
    alt = "  - person: karl-exempel\n    sitzgruppe: grosse-kreisstaedte\n    von: 2022-03-15\n"
    assert alt in text
    datei.write_text(text.replace(alt, alt.replace("2022-03-15", "2022-06-01")), encoding="utf-8")
    return beispiel


def _befunde(cli, beispiel, stichtag, *zusatz):
    erg = cli("validate", "--daten", beispiel, "--stichtag", stichtag, "--format", "json", *zusatz)
    return [b for b in json.loads(erg.stdout)["befunde"] if b["datei"] == DATEI]


@pytest.mark.parametrize("zusatz", [(), ("--kein-cache",)], ids=["speicher", "ohne-speicher"])
def test_validate_meldet_vor_der_gruendung_keine_vakanz(cli, beispiel, zusatz):
    vorher = _befunde(cli, beispiel, VORHER, *zusatz)
    nachher = _befunde(cli, beispiel, NACHHER, *zusatz)
    assert not [b for b in vorher if b["regel"] == "sitz-vakant"]
    assert [b for b in nachher if b["regel"] == "sitz-vakant"], "am Gründungstag ist der Sitz der Großen Kreisstadt vakant"
    # und wieder zurück: der Speicher vom Gründungstag entscheidet den Tag davor wie ohne Speicher
    assert _befunde(cli, beispiel, VORHER, *zusatz) == vorher


def test_gremium_show_vor_und_nach_der_gruendung(cli, beispiel):
    schema = json.loads((PROJEKT / "docs" / "gremium.schema.json").read_text(encoding="utf-8"))
    vorher = json.loads(cli("gremium", "show", GREMIUM, "--daten", beispiel, "--stichtag", VORHER, "--format", "json").stdout)
    nachher = json.loads(cli("gremium", "show", GREMIUM, "--daten", beispiel, "--stichtag", NACHHER, "--format", "json").stdout)
    jsonschema.validate(vorher, schema)
    jsonschema.validate(nachher, schema)
    assert vorher["gegruendet_nach_stichtag"] == "2022-03-15"
    assert vorher["sitze"]["vakant"] == 0 and all(sg["vakant"] == 0 for sg in vorher["sitzgruppen"])
    assert nachher["gegruendet_nach_stichtag"] is None and nachher["sitze"]["vakant"] > 0
    text = cli("gremium", "show", GREMIUM, "--daten", beispiel, "--stichtag", VORHER).stdout
    assert "noch nicht gegründet (ab 15.03.2022)" in text and "vakant" not in text.split("Besetzung", 1)[1].split("\n", 1)[0]


def test_status_vor_der_gruendung(cli, beispiel):
    schema = json.loads((PROJEKT / "docs" / "status.schema.json").read_text(encoding="utf-8"))
    bericht = json.loads(cli("status", "--daten", beispiel, "--stichtag", VORHER, "--format", "json").stdout)
    jsonschema.validate(bericht, schema)
    gremium = next(g for g in bericht["gremien"] if g["id"] == GREMIUM)
    assert gremium["gegruendet_nach_stichtag"] == "2022-03-15" and gremium["sitze"]["vakant"] == 0
    andere = [g for g in bericht["gremien"] if g["id"] != GREMIUM]
    assert all(g["gegruendet_nach_stichtag"] is None for g in andere if g["id"] != "steuerungsgruppe-konstanz")
    for format in ("text", "markdown"):
        ausgabe = cli("status", "--daten", beispiel, "--stichtag", VORHER, "--format", format).stdout
        zeilen = [z for z in ausgabe.splitlines() if "Beispielkreis" in z and "vakant" in z]
        assert "noch nicht gegründet (ab" in ausgabe.replace("\n  ", " ")
        assert not zeilen, zeilen


def test_status_ohne_plus_null(cli, beispiel):
    """„+0 ohne feste Zahl“ ist Lärm (NEWCOMER-FINDINGS): vor der Gründung hat auch die Sitzgruppe
    ohne feste Zahl niemanden – die Zeile nennt dann nur die festen Sitze."""
    for format in ("text", "markdown"):
        ausgabe = cli("status", "--daten", beispiel, "--stichtag", VORHER, "--format", format).stdout
        assert "+0 ohne feste Zahl" not in ausgabe and "0/8" in ausgabe
    heute = cli("status", "--daten", beispiel, "--stichtag", "2026-11-21").stdout
    assert "+2 ohne feste Zahl" in heute  # mit Mitgliedern bleibt die Angabe
