"""Der Messdaten-Generator (bench/generate.py, Issue 6): deterministisch, fehlerfrei gültig, und
eingebaute Fehler werden von validate genau an der erwarteten Stelle gefunden."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from netzwerk_cli.validierung import validiere

PROJEKT = Path(__file__).resolve().parents[1]
if str(PROJEKT) not in sys.path:  # bench/ liegt neben netzwerk_cli/, ist aber kein Teil des Pakets
    sys.path.insert(0, str(PROJEKT))

from bench import generate

STICHTAG = generate.STICHTAG.isoformat()
N = 300


def _inhalt(wurzel: Path) -> dict[str, bytes]:
    """Alle Dateien (auch versteckte) byteweise; in .bench.json zählt der Eintrag der Selbstprüfung nicht."""
    inhalt = {p.relative_to(wurzel).as_posix(): p.read_bytes() for p in sorted(wurzel.rglob("*")) if p.is_file()}
    beschreibung = json.loads(inhalt.pop(".bench.json"))
    beschreibung.pop("selbstpruefung", None)
    inhalt[".bench.json"] = json.dumps(beschreibung, sort_keys=True).encode()
    return inhalt


@pytest.fixture(scope="module")
def erzeugt(tmp_path_factory) -> tuple[Path, dict]:
    ziel = tmp_path_factory.mktemp("bench") / "daten"
    return ziel, generate.erzeuge(ziel, N, seed=5, pruefen=True)


def test_gleicher_seed_gleiche_dateien(erzeugt, tmp_path):
    ziel, _ = erzeugt
    generate.erzeuge(tmp_path / "nochmal", N, seed=5)
    assert _inhalt(tmp_path / "nochmal") == _inhalt(ziel)
    generate.erzeuge(tmp_path / "anders", N, seed=6)
    assert _inhalt(tmp_path / "anders") != _inhalt(ziel)


def test_erzeugtes_repository_ist_fehlerfrei(erzeugt):
    ziel, beschreibung = erzeugt
    assert beschreibung["selbstpruefung"] == "ok"  # jeder Datensatz schema-gültig und unverändert zurückgelesen
    assert abs(beschreibung["dateien"] - N) <= N * 0.1
    assert set(beschreibung["je_art"]) == {"netzwerk", *generate.ORDNER}
    bericht = validiere(ziel, STICHTAG)
    befunde = [f"{b.datei}:{b.zeile}: {b.schwere} [{b.regel}] {b.meldung}" for b in bericht.befunde]
    assert befunde == []
    assert bericht.dateien == beschreibung["dateien"]  # .bench.json wird nicht gelesen
    assert (ziel / "empfehlungen" / beschreibung["entwurf"].split("-")[-2] / f"{beschreibung['entwurf']}.yaml").is_file()


def test_eingebaute_fehler_werden_gefunden(tmp_path):
    ziel = tmp_path / "fehlerhaft"
    beschreibung = generate.erzeuge(ziel, N, seed=5, fehler=10)
    erwartet = json.loads((ziel / ".erwartet.json").read_text(encoding="utf-8"))
    assert beschreibung["fehler"] == len(erwartet) == 10
    assert len({e["datei"] for e in erwartet}) == 10  # je Fehler eine eigene Datei
    assert len({e["regel"] for e in erwartet}) >= 9  # gemischte Regeln
    gefunden = {(b.datei, b.regel) for b in validiere(ziel, STICHTAG).befunde if b.schwere == "fehler"}
    fehlt = [e for e in erwartet if (e["datei"], e["regel"]) not in gefunden]
    assert fehlt == []


def test_nicht_leerer_ordner_wird_abgelehnt(tmp_path):
    (tmp_path / "etwas.txt").write_text("x", encoding="utf-8")
    with pytest.raises(SystemExit):
        generate.erzeuge(tmp_path, 50)
