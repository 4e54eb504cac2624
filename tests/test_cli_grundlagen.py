"""Erste Rauchtests: Beispieldaten validieren, Exit-Codes."""

from __future__ import annotations

import json

import pytest
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


# --------------------------------------------------------------------------- --daten zeigt auf eine Datei

_BEFEHLE_MIT_DATEN = [
    ("validate",),
    ("status",),
    ("empfehlung", "list"),
    ("empfehlung", "umsetzung", "2025-001", "--adressat", "x", "--stand", "offen", "--bericht", "x"),
    ("gremium", "show", "steuerungsgruppe-beispielkreis"),
    ("verlauf", "2025-001"),
    ("diagramm",),
]


def _einzeilig(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("befehl", _BEFEHLE_MIT_DATEN, ids=lambda b: "-".join(b[:2]))
@pytest.mark.parametrize("weg", ["option", "umgebung"])
def test_daten_auf_netzwerk_yaml_nennt_den_ordner(cli, beispiel, tmp_path, monkeypatch, befehl, weg):
    datei = beispiel / "netzwerk.yaml"
    monkeypatch.chdir(tmp_path)
    if weg == "option":
        r = cli(*befehl, "--daten", datei)
    else:
        monkeypatch.setenv("NETZWERK_DATEN", str(datei))
        r = cli(*befehl)
    meldung = _einzeilig(r.stderr)
    assert r.exit_code == 2, r.stdout + r.stderr
    assert f"„{datei}“ ist eine Datei; --daten bzw. NETZWERK_DATEN muss der Ordner des Datenrepositorys sein, nicht eine Datei" in meldung
    assert meldung.endswith(f"Gemeint ist wohl: --daten {beispiel.resolve()}")
    assert "gibt es nicht" not in meldung
    assert "Traceback" not in r.stdout + r.stderr


def test_daten_auf_datensatzdatei_schlaegt_die_wurzel_vor(cli, beispiel):
    datei = next((beispiel / "gremien").glob("*.yaml"))
    r = cli("validate", "--daten", datei)
    assert r.exit_code == 2
    assert _einzeilig(r.stderr).endswith(f"Gemeint ist wohl: --daten {beispiel.resolve()}")


def test_daten_auf_datei_ausserhalb_eines_repositorys(cli, tmp_path):
    datei = tmp_path / "irgendwo" / "netzwerk.txt"
    datei.parent.mkdir()
    datei.write_text("x\n", encoding="utf-8")
    r = cli("validate", "--daten", datei)
    meldung = _einzeilig(r.stderr)
    assert r.exit_code == 2
    assert "muss der Ordner des Datenrepositorys sein, nicht eine Datei" in meldung
    assert "Gemeint ist wohl" not in meldung
    assert "Auch in den Ordnern darüber liegt keine netzwerk.yaml (neu anlegen mit: netzwerk init ORDNER)." in meldung


def test_daten_ordner_fehlt(cli, tmp_path):
    r = cli("validate", "--daten", tmp_path / "fehlt")
    assert r.exit_code == 2
    assert f"Ordner „{tmp_path / 'fehlt'}“ gibt es nicht (--daten bzw. NETZWERK_DATEN)." in _einzeilig(r.stderr)
