"""`$` in Mustern nimmt kein abschließendes Zeilenende an (issue 15, Klasse 3).

Python `re.search` (das jsonschema für `pattern` benutzt) lässt `$` auch vor einem letzten
`\\n` passen; in ECMA-262 (der Sprache der JSON-Schema-Muster) passt `$` nur am Ende. Jedes
Muster jedes Schemas muss darum einen Wert mit angehängtem Zeilenende ablehnen – in jsonschema
und im schnellen Prüfer jsonschema-rs gleich –, ebenso die id-Prüfung der Dateinamen.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import STICHTAG, minimal_repo
from jsonschema import Draft202012Validator

from netzwerk_cli.dateipruefung import schemata

PROJEKT = Path(__file__).resolve().parents[1]
SCHEMADATEIEN = sorted((PROJEKT / "schemas").glob("*.schema.json")) + sorted((PROJEKT / "docs").glob("*.schema.json"))

# Werte, aus denen für jedes Muster einer gewählt wird, der ohne Zeilenende passt.
KANDIDATEN = ["amt-fuer-migration", "2023-11-06", "10:00", "https://example.org/pfad", "a@b.de", "sitz_gruppe-1", "x"]


def _muster(knoten, zeiger=""):
    if isinstance(knoten, dict):
        for k, v in knoten.items():
            if k == "pattern" and isinstance(v, str):
                yield zeiger, v
            else:
                yield from _muster(v, f"{zeiger}/{k}")
    elif isinstance(knoten, list):
        for i, v in enumerate(knoten):
            yield from _muster(v, f"{zeiger}/{i}")


def _alle_muster():
    for datei in SCHEMADATEIEN:
        schema = json.loads(datei.read_text(encoding="utf-8"))
        for zeiger, muster in _muster(schema):
            # Teilschema mit dem Muster, dazu die $defs der Datei (für $ref darin)
            teil = schema
            for schritt in zeiger.strip("/").split("/"):
                teil = teil[int(schritt)] if isinstance(teil, list) else teil[schritt]
            yield pytest.param(muster, {"$defs": schema.get("$defs", {}), **teil}, id=f"{datei.name}#{zeiger}")


ALLE = list(_alle_muster())


def test_es_gibt_muster():
    assert len(ALLE) >= 20


def _beispiel(muster: str) -> str:
    passende = [k for k in KANDIDATEN if re.search(muster, k)]
    assert passende, f"kein Beispielwert passt zu {muster!r}: bitte KANDIDATEN ergänzen"
    return passende[0]


@pytest.mark.parametrize("muster,teilschema", ALLE)
def test_jedes_muster_lehnt_abschliessendes_zeilenende_ab(muster, teilschema):
    wert = _beispiel(muster)
    genau = Draft202012Validator(teilschema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    schnell_gueltig = schemata.schnellpruefer_fuer(teilschema)

    assert genau.is_valid(wert) and schnell_gueltig(wert), wert
    for anhang in ("\n", "\r\n", "\n\n"):
        assert not re.search(muster, wert + anhang), (muster, anhang)  # so liest jsonschema `pattern`
        assert not genau.is_valid(wert + anhang), (muster, anhang)
        assert not schnell_gueltig(wert + anhang), (muster, anhang)


# --------------------------------------------------------------------------- validate


FAELLE = {
    "uhrzeit": ("sitzungen/2025/testgremium-2025-03-01.yaml", 'gremium: testgremium\ndatum: 2025-03-01\nstatus: geplant\nbeginn: "10:00\\n"\n'),
    "datum": ("sitzungen/2025/testgremium-2025-03-02.yaml", 'gremium: testgremium\ndatum: "2025-03-02\\n"\nstatus: geplant\n'),
    "url": ("organisationen/amt-b.yaml", 'name: Amt B\ntyp: amt\nwebseite: "https://example.org/\\n"\n'),
    "verweis-id": ("organisationen/amt-c.yaml", 'name: Amt C\ntyp: amt\nuebergeordnet: "amt-a\\n"\n'),
    "email": ("personen/eva.yaml", 'name: Eva\nkontakt: {email: "eva@example.org\\n"}\n'),
    "blockskalar": ("organisationen/amt-d.yaml", "name: Amt D\ntyp: amt\nwebseite: |\n  https://example.org/\n"),
}

GREMIUM = """\
name: Testgremium
art: steuerungsgruppe
organisation: amt-a
sitzgruppen:
  - {id: alle, name: Alle}
"""


@pytest.mark.parametrize("fall", FAELLE, ids=FAELLE)
def test_validate_lehnt_zeilenende_ab(cli, tmp_path, fall):
    datei, text = FAELLE[fall]
    repo = minimal_repo(
        tmp_path / "r",
        {"organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\n", "gremien/testgremium.yaml": GREMIUM, datei: text},
    )
    for cache in ((), ("--kein-cache",)):
        r = cli("validate", "--daten", repo, "--format", "json", "--stichtag", STICHTAG, *cache)
        befunde = json.loads(r.stdout)["befunde"]
        assert r.exit_code == 1, (fall, r.stdout)
        assert any(b["datei"] == datei and b["regel"] == "schema" for b in befunde), befunde


def test_dateiname_mit_zeilenende_ist_keine_id(cli, tmp_path):
    """Ein Doppelgänger `amt-a⏎.yaml` neben `amt-a.yaml` ist keine gültige id."""
    repo = minimal_repo(
        tmp_path / "r",
        {"organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\n", "organisationen/amt-a\n.yaml": "name: Amt A\ntyp: amt\n"},
    )
    r = cli("validate", "--daten", repo, "--format", "json", "--stichtag", STICHTAG)
    assert r.exit_code == 1
    assert [b["regel"] for b in json.loads(r.stdout)["befunde"]] == ["id-ungueltig"]


def test_pruefe_id_und_andere_muster_im_code():
    from netzwerk_cli.aktionen import empfehlungen
    from netzwerk_cli.aktionen.anonymisierung import plan as anonymisierung
    from netzwerk_cli.grundlagen import arten as bestand

    assert bestand.pruefe_id("amt-a") is None
    assert bestand.pruefe_id("amt-a\n") is not None
    assert bestand.pruefe_id("\namt-a") is not None
    assert empfehlungen._JAHRES_ID.match("2025-007\n") is None
    assert anonymisierung._NUMMER.match("anonym-007\n") is None
    assert empfehlungen._JAHRES_ID.match("2025-007") is not None


def test_textbearbeitung_schreibt_zeilenende_nicht_ungeschuetzt():
    from netzwerk_cli.quellen import textbearbeitung

    assert textbearbeitung.skalar("Kreishaus") == "Kreishaus"
    assert textbearbeitung.skalar("Kreishaus\n") != "Kreishaus\n"  # in Anführungszeichen, mit \n
    assert textbearbeitung.skalar("2025-01-01\n") != "2025-01-01\n"
