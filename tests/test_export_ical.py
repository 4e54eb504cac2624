"""`netzwerk export ical`: Kalender je Gremium und für Veranstaltungen, mit icalendar neu gelesen."""

from __future__ import annotations

from pathlib import Path

import pytest

icalendar = pytest.importorskip("icalendar")


def _export(cli, daten: Path, ziel: Path):
    r = cli("export", "ical", ziel, "--daten", daten)
    assert r.exit_code == 0, r.stdout + r.stderr
    return {p.name: p.read_bytes() for p in sorted(ziel.glob("*.ics"))}


def _termine(inhalt: bytes) -> dict[str, object]:
    kal = icalendar.Calendar.from_ical(inhalt)
    return {str(e["UID"]): e for e in kal.walk("VEVENT")}


def test_kalender_je_gremium_und_veranstaltungen(cli, git_beispiel, tmp_path):
    dateien = _export(cli, git_beispiel, tmp_path / "k")
    assert set(dateien) == {
        "gremium-sozialausschuss-konstanz.ics", "gremium-steuerungsgruppe-beispielkreis.ics",
        "gremium-steuerungsgruppe-konstanz.ics", "gremium-strategiegruppe.ics", "veranstaltungen.ics",
    }
    termine = _termine(dateien["gremium-steuerungsgruppe-beispielkreis.ics"])
    sitzungen = sorted(p.stem for p in (git_beispiel / "sitzungen").rglob("steuerungsgruppe-beispielkreis-*.yaml"))
    assert sorted(termine) == sorted(f"sitzung-{s}@netzwerk-integration-bw.netzwerk" for s in sitzungen)
    t = termine["sitzung-steuerungsgruppe-beispielkreis-2023-06-21@netzwerk-integration-bw.netzwerk"]
    assert t.decoded("DTSTART").isoformat() == "2023-06-21" and str(t["LOCATION"]) == "Landratsamt Beispielkreis, Sitzungssaal"
    assert "Kinderbetreuung parallel zu Integrationskursen" in str(t["DESCRIPTION"])
    veranstaltungen = _termine(dateien["veranstaltungen.ics"])
    v = veranstaltungen["veranstaltung-integration-mit-allen-ebenen-gestalten@netzwerk-integration-bw.netzwerk"]
    assert v.decoded("DTSTART").isoformat() == "2023-11-06" and "Stuttgart" in str(v["LOCATION"])


def test_stabil_und_deterministisch(cli, git_beispiel, tmp_path):
    eins = _export(cli, git_beispiel, tmp_path / "a")
    zwei = _export(cli, git_beispiel, tmp_path / "b")
    assert eins == zwei  # gleiche Bytes (DTSTAMP aus Git, nicht aus der Uhr)
    datei = git_beispiel / "sitzungen/2027/steuerungsgruppe-beispielkreis-2027-03-17.yaml"
    datei.write_text(datei.read_text(encoding="utf-8").replace("status: geplant", "status: abgesagt"), encoding="utf-8")
    drei = _export(cli, git_beispiel, tmp_path / "c")
    vorher, nachher = (_termine(x["gremium-steuerungsgruppe-beispielkreis.ics"]) for x in (eins, drei))
    assert set(vorher) == set(nachher)  # UIDs bleiben
    uid = "sitzung-steuerungsgruppe-beispielkreis-2027-03-17@netzwerk-integration-bw.netzwerk"
    assert str(vorher[uid]["STATUS"]) == "CONFIRMED" and str(nachher[uid]["STATUS"]) == "CANCELLED"
    assert all(str(e["STATUS"]) == "CONFIRMED" for u, e in nachher.items() if u != uid)


def test_uhrzeit_mit_zeitzone(cli, beispiel, tmp_path):
    termine = _termine(_export(cli, beispiel, tmp_path / "k")["gremium-steuerungsgruppe-beispielkreis.ics"])
    t = termine["sitzung-steuerungsgruppe-beispielkreis-2022-03-15@netzwerk-integration-bw.netzwerk"]
    start = t.decoded("DTSTART")
    assert start.isoformat().startswith("2022-03-15T14:00") and str(start.tzinfo) == "Europe/Berlin"
    kal = icalendar.Calendar.from_ical((tmp_path / "k/gremium-steuerungsgruppe-beispielkreis.ics").read_bytes())
    assert [str(z["TZID"]) for z in kal.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_keine_privaten_personen_und_kontakte(cli, beispiel, tmp_path):
    from test_export_oparl import _private_marken

    privat, kontakte = _private_marken()
    for name, inhalt in _export(cli, beispiel, tmp_path / "k").items():
        text = icalendar.Calendar.from_ical(inhalt).to_ical().decode("utf-8").replace("\r\n ", "")
        for marke in privat + kontakte:
            assert marke.lower() not in (name + text).lower(), (name, marke)
