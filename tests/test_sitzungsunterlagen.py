"""`netzwerk sitzung einladung|niederschrift`: Unterlagen einer Sitzung der Beispieldaten, in
Markdown (für GitHub/GitLab entschärft) und HTML (A4, html-validate), immer öffentliche Fassung."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import PROJEKT

SITZUNG = "steuerungsgruppe-beispielkreis-2023-06-21"
GEPLANT = "steuerungsgruppe-beispielkreis-2027-03-17"


def _aufruf(cli, daten, art, sitzung, fmt="markdown"):
    r = cli("sitzung", art, sitzung, "--format", fmt, "--daten", daten)
    assert r.exit_code == 0, r.stdout + r.stderr
    return r.stdout


def test_einladung_enthaelt_termin_ort_tagesordnung_und_empfehlungstext(cli, beispiel):
    text = _aufruf(cli, beispiel, "einladung", GEPLANT)
    assert "# Einladung: Sitzung Steuerungsgruppe Integration Landkreis Beispielkreis" in text
    assert "Mittwoch, 17.03.2027" in text and "Landratsamt Beispielkreis, Sitzungssaal" in text
    assert "### TOP 1: Empfehlung 2026-003: Mehrsprachige Infoblätter zur Wohnungssuche" in text
    assert "### TOP 2: Zwischenbericht der AG Wohnraum für Geflüchtete" in text
    assert "- Unterlage: Arbeitsgruppe: AG Wohnraum für Geflüchtete" in text
    assert "## Zur Beschlussfassung vorgelegte Empfehlungen" in text
    assert "in den fünf häufigsten Herkunftssprachen" in text  # der Text der Empfehlung


def test_niederschrift_mit_anwesenheit_beschluessen_und_abstimmung(cli, beispiel):
    text = _aufruf(cli, beispiel, "niederschrift", SITZUNG)
    assert "Mittwoch, 21.06.2023" in text and "Landratsamt Beispielkreis" in text
    assert "- **Anwesend:** 10" in text and "Führungsebene der Ämter: 4 (Namen nicht öffentlich)" in text
    assert "beschlussfähig (10 ordentliche Mitglieder anwesend, mindestens 6 nötig)" in text
    assert "- Ergebnis: **angenommen**" in text and "- Abstimmung: 9 ja, 0 nein, 1 Enthaltung" in text
    assert "> Die Empfehlung wird beschlossen und an das Amt für Migration und Integration" in text


def test_oeffentliche_personen_mit_namen(cli, beispiel):
    sitzung = beispiel / "sitzungen/2023/strategiegruppe-2023-11-06.yaml"
    sitzung.write_text(
        "gremium: strategiegruppe\ndatum: 2023-11-06\nstatus: durchgefuehrt\nanwesend: [luisa-pauge, maria-muster]\n"
        "tagesordnung:\n  - titel: Bericht\n", encoding="utf-8",
    )
    text = _aufruf(cli, beispiel, "niederschrift", "strategiegruppe-2023-11-06")
    assert "Luisa Pauge – Kommunale Landesverbände" in text
    assert "ohne Sitz im Gremium: 1 (Name nicht öffentlich)" in text


def _private_marken():
    from test_export_oparl import _private_marken as marken

    return marken()


@pytest.mark.parametrize("art", ["einladung", "niederschrift"])
@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_keine_privaten_namen_ids_oder_kontakte(cli, beispiel, art, fmt):
    privat, kontakte = _private_marken()
    for datei in sorted((beispiel / "sitzungen").rglob("*.yaml")):
        text = _aufruf(cli, beispiel, art, datei.stem, fmt)
        for marke in privat + kontakte:
            assert marke.lower() not in text.lower(), (datei.stem, marke)


BOESE = {
    "ort": "<script>alert(1)</script> @octocat #123 [x](javascript:alert(1)) ~~weg~~ & Co.",
    "titel": "# Überschrift? <b>fett</b> @team !42 ~label $1 &amp;",
}


def _boese_sitzung(beispiel: Path) -> str:
    (beispiel / "sitzungen/2028").mkdir()
    (beispiel / "sitzungen/2028/steuerungsgruppe-beispielkreis-2028-01-10.yaml").write_text(
        "gremium: steuerungsgruppe-beispielkreis\ndatum: 2028-01-10\n"
        f"ort: {json.dumps(BOESE['ort'])}\ntagesordnung:\n  - titel: {json.dumps(BOESE['titel'])}\n",
        encoding="utf-8",
    )
    return "steuerungsgruppe-beispielkreis-2028-01-10"


def test_markdown_entschaerft_daten(cli, beispiel):
    text = _aufruf(cli, beispiel, "einladung", _boese_sitzung(beispiel))
    for roh in ("<script>", "<b>", "@octocat", "#123", "@team", "!42", "~~weg~~", "[x](javascript", "&amp;"):
        assert roh not in text, roh
    assert "\\<script\\>" in text  # sichtbar, aber kein HTML
    assert "@\u2060octocat" in text and "#\u2060123" in text


def test_html_maskiert_daten(cli, beispiel):
    html = _aufruf(cli, beispiel, "einladung", _boese_sitzung(beispiel), "html")
    assert "<script>" not in html and "<b>fett" not in html
    assert "&lt;script&gt;" in html and "&amp;amp;" in html


def test_html_druckt_auf_a4_und_ist_deutsch(cli, beispiel):
    html = _aufruf(cli, beispiel, "niederschrift", SITZUNG, "html")
    assert '<html lang="de">' in html and "@page { size: A4;" in html
    assert "<link" not in html and "<script" not in html  # alles eingebettet, nichts nachgeladen


def test_unbekannte_sitzung(cli, beispiel):
    r = cli("sitzung", "einladung", "gibt-es-nicht", "--daten", beispiel)
    assert r.exit_code == 1 and "gibt es nicht" in r.stderr and "Traceback" not in r.stderr


HTML_VALIDATE = PROJEKT / "tests/node_modules/.bin/html-validate"


@pytest.mark.skipif(shutil.which("node") is None or not HTML_VALIDATE.exists(), reason="node oder html-validate fehlt (npm ci --prefix tests)")
def test_html_validate(cli, beispiel, tmp_path):
    boese = _boese_sitzung(beispiel)
    dateien = []
    for art in ("einladung", "niederschrift"):
        for sitzung in (SITZUNG, GEPLANT, boese, "sozialausschuss-konstanz-2019-09-30"):
            ziel = tmp_path / f"{art}-{sitzung}.html"
            ziel.write_text(_aufruf(cli, beispiel, art, sitzung, "html"), encoding="utf-8")
            dateien.append(str(ziel))
    konfiguration = tmp_path / "htmlvalidate.json"
    konfiguration.write_text(json.dumps({"extends": ["html-validate:recommended", "html-validate:a11y", "html-validate:document"]}), encoding="utf-8")
    r = subprocess.run([str(HTML_VALIDATE), "--config", str(konfiguration), *dateien], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
