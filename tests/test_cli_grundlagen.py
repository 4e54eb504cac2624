"""Erste Rauchtests: Beispieldaten validieren, Exit-Codes."""

from __future__ import annotations

import json

import yaml
from conftest import BEISPIEL, STICHTAG


def test_libyaml_ist_vorhanden():
    # ohne libyaml ist alles etwa 9× langsamer
    assert yaml.__with_libyaml__


def test_beispieldaten_ohne_fehler(cli):
    r = cli("validate", "--daten", BEISPIEL, "--stichtag", STICHTAG, "--format", "json")
    daten = json.loads(r.stdout)
    fehler = [b for b in daten["befunde"] if b["schwere"] == "fehler"]
    assert fehler == []
    assert r.exit_code == 0
    assert daten["zusammenfassung"]["dateien"] > 50


def test_kein_repository_ist_einrichtungsfehler(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("validate")
    assert r.exit_code == 2
    assert "Kein Datenrepository gefunden" in r.stderr


def test_ungueltiger_stichtag(cli):
    r = cli("validate", "--daten", BEISPIEL, "--stichtag", "2023-02-30")
    assert r.exit_code == 2
    assert "kein gültiges Datum" in r.stderr
