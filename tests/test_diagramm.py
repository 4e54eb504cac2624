"""`netzwerk diagramm [--format mermaid|dot]`: Gremien, wer benennt/entsendet, eingesetzte AGs,
Weg der Empfehlungen – als Mermaid (GitHub/GitLab) oder Graphviz DOT, strukturell geprüft."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest
from berichte_hilfen import baue_testrepo
from conftest import BEISPIEL

_MERMAID_KNOTEN = re.compile(r'^  ([GAO]_[A-Za-z0-9_]+)(\["|\[\["|\(\[")(.*?)("\]|"\]\]|"\]\)):::([a-z_]+)$')
_MERMAID_KANTE = re.compile(r'^  ([GAO]_[A-Za-z0-9_]+) (-->|-\.->|==>)\|"([^"]*)"\| ([GAO]_[A-Za-z0-9_]+)$')
_DOT_KNOTEN = re.compile(r'^  ("(?:[^"\\]|\\.)*") \[label=("(?:[^"\\]|\\.)*"), [^\]]*\];$')
_DOT_KANTE = re.compile(r'^  ("(?:[^"\\]|\\.)*") -> ("(?:[^"\\]|\\.)*") \[label=("(?:[^"\\]|\\.)*")[^\]]*\];$')


def mermaid(text: str) -> tuple[dict[str, str], list[tuple[str, str, str, str]]]:
    """Knoten (id → Label) und Kanten (von, Pfeil, Label, nach); jede Zeile muss passen."""
    zeilen = text.rstrip("\n").split("\n")
    assert zeilen[0] == "flowchart LR"
    knoten, kanten = {}, []
    for z in zeilen[1:]:
        if z.startswith("  %%") or z.startswith("  classDef "):
            continue
        if m := _MERMAID_KNOTEN.match(z):
            assert m.group(1) not in knoten, f"Knoten doppelt: {z}"
            assert '"' not in m.group(3)
            knoten[m.group(1)] = m.group(3)
        elif m := _MERMAID_KANTE.match(z):
            kanten.append((m.group(1), m.group(2), m.group(3), m.group(4)))
        else:
            raise AssertionError(f"unerwartete Mermaid-Zeile: {z!r}")
    for von, _, _, nach in kanten:
        assert von in knoten and nach in knoten, (von, nach)
    return knoten, kanten


def dot(text: str) -> tuple[dict[str, str], list[tuple[str, str, str]]]:
    zeilen = text.rstrip("\n").split("\n")
    assert zeilen[0] == "digraph netzwerk {" and zeilen[-1] == "}"
    knoten, kanten = {}, []
    for z in zeilen[1:-1]:
        if z.startswith(("  graph [", "  node [", "  edge [")):
            continue
        if m := _DOT_KANTE.match(z):
            kanten.append((m.group(1), m.group(2), m.group(3)))
        elif m := _DOT_KNOTEN.match(z):
            knoten[m.group(1)] = m.group(2)
        else:
            raise AssertionError(f"unerwartete DOT-Zeile: {z!r}")
    for von, nach, _ in kanten:
        assert von in knoten and nach in knoten
    return knoten, kanten


def test_mermaid_auf_beispieldaten(cli):
    r = cli("diagramm", "--daten", BEISPIEL)
    assert r.exit_code == 0
    knoten, kanten = mermaid(r.stdout)
    assert knoten["G_strategiegruppe"] == "Strategiegruppe"
    assert knoten["G_steuerungsgruppe_beispielkreis"] == "Steuerungsgruppe Beispielkreis (Beispiel)"
    assert knoten["A_ag_huerdenabbau_in_der_verwaltung"] == "AG Hürdenabbau in der Verwaltung (abgeschlossen)"
    assert {k for k in knoten if k.startswith("G_")} == {
        "G_strategiegruppe", "G_steuerungsgruppe_beispielkreis", "G_steuerungsgruppe_konstanz", "G_sozialausschuss_konstanz"
    }  # fmt: skip
    menge = {(v, label, n) for v, _, label, n in kanten}
    # wer benennt (und entsendet) in die Strategiegruppe
    for org in ("O_sozialministerium_bw", "O_gemeindetag_bw", "O_staedtetag_bw", "O_landkreistag_bw"):
        assert (org, "benennt, entsendet", "G_strategiegruppe") in menge
    assert ("O_landkreis_konstanz_jugendamt", "entsendet", "G_steuerungsgruppe_konstanz") in menge
    # AGs und wer sie eingesetzt hat
    assert ("G_strategiegruppe", "setzt ein", "A_ag_empowerment_von_frauen") in menge
    assert ("G_steuerungsgruppe_beispielkreis", "setzt ein", "A_ag_wohnraum_fuer_gefluechtete") in menge
    # wohin Empfehlungen gehen
    assert ("A_ag_sprachkurse_mit_kinderbetreuung", "4 Empfehlungen", "G_steuerungsgruppe_beispielkreis") in menge
    assert ("A_ag_empowerment_von_frauen", "1 Empfehlung", "G_strategiegruppe") in menge
    assert ("G_steuerungsgruppe_beispielkreis", "leitet 2 weiter", "O_beispielkreis_amt_fuer_migration_und_integration") in menge
    assert ("G_steuerungsgruppe_beispielkreis", "leitet 1 weiter", "O_gemeinde_musterdorf") in menge
    # 2024-001 hat das Gremium selbst als Herkunft: keine Schleife
    assert not any(v == n for v, _, _, n in kanten)
    assert "classDef gremium" in r.stdout


def test_dot_auf_beispieldaten(cli):
    r = cli("diagramm", "--daten", BEISPIEL, "--format", "dot")
    assert r.exit_code == 0
    knoten, kanten = dot(r.stdout)
    assert knoten['"gremium:strategiegruppe"'] == '"Strategiegruppe"'
    assert ('"gremium:strategiegruppe"', '"arbeitsgruppe:ag-empowerment-von-frauen"', '"setzt ein"') in kanten
    assert ('"organisation:gemeindetag-bw"', '"gremium:strategiegruppe"', '"benennt, entsendet"') in kanten
    assert len(kanten) == len(mermaid(cli("diagramm", "--daten", BEISPIEL).stdout)[1])


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz nicht installiert")
def test_dot_laesst_sich_zeichnen(cli, tmp_path):
    text = cli("diagramm", "--daten", BEISPIEL, "--format", "dot").stdout
    r = subprocess.run(["dot", "-Tsvg"], input=text, capture_output=True, text=True)
    assert r.returncode == 0 and "<svg" in r.stdout


def test_kleines_repo_mit_sonderzeichen(cli, tmp_path):
    repo = baue_testrepo(tmp_path / "r")
    knoten, kanten = mermaid(cli("diagramm", "--daten", repo).stdout)
    # Anführungszeichen im Namen als Mermaid-Entität, kein rohes "
    assert knoten["O_verein_z"] == "Verein „Zusammen“ e. V. mit #quot;Zitat#quot;"
    menge = {(v, label, n) for v, _, label, n in kanten}
    assert ("G_testgremium", "leitet 1 weiter", "O_verein_z") in menge
    assert ("G_testgremium", "setzt ein", "A_ag_spaeter") in menge
    assert ("A_ag_test", "2 Empfehlungen", "G_testgremium") in menge
    assert ("O_amt_a", "entsendet", "G_testgremium") in menge
    d_knoten, _ = dot(cli("diagramm", "--daten", repo, "--format", "dot").stdout)
    assert d_knoten['"organisation:verein-z"'] == '"Verein „Zusammen“ e. V. mit \\"Zitat\\""'


def test_pfeilarten(cli, tmp_path):
    repo = baue_testrepo(tmp_path / "r")
    _, kanten = mermaid(cli("diagramm", "--daten", repo).stdout)
    pfeil = {label: p for _, p, label, _ in kanten}
    assert pfeil["entsendet"] == "-.->" and pfeil["setzt ein"] == "==>" and pfeil["leitet 1 weiter"] == "-->"


def test_leeres_repository(cli, tmp_path):
    from conftest import minimal_repo

    repo = minimal_repo(tmp_path / "leer", {})
    knoten, kanten = mermaid(cli("diagramm", "--daten", repo).stdout)
    assert knoten == {} and kanten == []
    assert dot(cli("diagramm", "--daten", repo, "--format", "dot").stdout) == ({}, [])


def test_ohne_personen(cli):
    personen = [p.stem for p in (BEISPIEL / "personen").glob("*.yaml")]
    for fmt in ("mermaid", "dot"):
        text = cli("diagramm", "--daten", BEISPIEL, "--format", fmt).stdout
        assert not any(pid in text for pid in personen)
        assert "Maria Muster" not in text


def test_unbekanntes_format(cli):
    r = cli("diagramm", "--daten", BEISPIEL, "--format", "png")
    assert r.exit_code == 2


# --------------------------------------------------------------------------- Hilfe und Doku stimmen mit der Ausgabe


def test_hilfe_zu_oeffentlich_spricht_nicht_von_personen(cli):
    hilfe = " ".join(cli("diagramm", "--help").stdout.split())
    assert "Knoten ohne ids" in hilfe
    assert "Personen enthält das Diagramm in keiner Fassung" in hilfe
    assert "nur mit Funktion bzw. Sitz" not in hilfe
    # die Berichte mit Personen behalten ihre Hilfe
    assert "nur mit Funktion bzw. Sitz" in " ".join(cli("status", "--help").stdout.split())


_FORM_ZEILE = re.compile(r"^\| (Gremium|Arbeitsgruppe|abgeschlossene Arbeitsgruppe|Organisation) \| [^`|]*`([^`]+)` \| [^`|]*`([^`]+)` \|$")


def _formen_aus_der_doku() -> dict[str, tuple[str, str]]:
    text = (BEISPIEL.parent / "docs" / "BERICHTE.md").read_text(encoding="utf-8")
    return {m.group(1): (m.group(2), m.group(3)) for z in text.splitlines() if (m := _FORM_ZEILE.match(z))}


def test_formen_in_der_doku_wie_in_der_ausgabe(cli):
    formen = _formen_aus_der_doku()
    assert set(formen) == {"Gremium", "Arbeitsgruppe", "abgeschlossene Arbeitsgruppe", "Organisation"}
    m_zeilen = cli("diagramm", "--daten", BEISPIEL).stdout.splitlines()
    d_zeilen = cli("diagramm", "--daten", BEISPIEL, "--format", "dot").stdout.splitlines()
    mermaid_von = {
        "Gremium": [z for z in m_zeilen if z.startswith("  G_") and ":::" in z],
        "Arbeitsgruppe": [z for z in m_zeilen if z.startswith("  A_") and z.endswith(":::ag")],
        "abgeschlossene Arbeitsgruppe": [z for z in m_zeilen if z.startswith("  A_") and z.endswith(":::ag_zu")],
        "Organisation": [z for z in m_zeilen if z.startswith("  O_") and ":::" in z],
    }
    dot_von = {
        "Gremium": [z for z in d_zeilen if z.startswith('  "gremium:') and "->" not in z],
        "Arbeitsgruppe": [z for z in d_zeilen if z.startswith('  "arbeitsgruppe:') and "->" not in z and "(abgeschlossen)" not in z],
        "abgeschlossene Arbeitsgruppe": [z for z in d_zeilen if z.startswith('  "arbeitsgruppe:') and "->" not in z and "(abgeschlossen)" in z],
        "Organisation": [z for z in d_zeilen if z.startswith('  "organisation:') and "->" not in z],
    }
    for art, (m_form, d_form) in formen.items():
        assert mermaid_von[art] and dot_von[art], art
        auf, _, zu = m_form.partition("…")
        for z in mermaid_von[art]:
            assert auf in z and zu in z, (art, m_form, z)
        for z in dot_von[art]:
            assert d_form in z, (art, d_form, z)


def test_gremien_sind_in_dot_eckig(cli):
    zeilen = [z for z in cli("diagramm", "--daten", BEISPIEL, "--format", "dot").stdout.splitlines() if z.startswith('  "gremium:') and "->" not in z]
    assert zeilen and not any("rounded" in z for z in zeilen)
