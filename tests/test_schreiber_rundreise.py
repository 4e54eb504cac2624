"""Jeder Schreiber gibt jeden Wert genau zurück – oder lehnt ihn mit klarer Meldung ab und
ändert nichts (Issue 15, Klasse 9). Zurückgelesen wird mit dem Lader des Projekts
(`yamltext.lade_text`); verglichen wird Zeichen für Zeichen.

Einzige gewollte Normalisierung (dokumentiert, docs/GARANTIEN.md): `--titel` und `--ort` werden
ohne Leerraum am Anfang und Ende gespeichert (`str.strip`), wie bisher schon getestet
(test_empfehlung_neu). Alles dazwischen bleibt genau, auch NEL, U+2028 und Steuerzeichen."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

import pytest
from conftest import BEISPIEL
from hypothesis import example, given, settings
from hypothesis import strategies as st
from profil import beispiele
from typer.testing import CliRunner

BESONDERS = [
    "\x85", "\u2028", "\u2029", "\x1b", "\t", "\r", "\n", "\x7f", "\x9b", "\ufeff", "\x00",
    '"', "'", "#", ": ", " #", "- ", "? ", "&a", "*a", "!tag", "%", "@", "`", "|", ">", "{", "}", "[", "]", ",",
    " ", "  ", "yes", "no", "on", "off", "y", "n", "null", "~", "true", "False", "NULL", "1", "0x1f", "1e3",
    "1_000", ".5", "-1", "2026-01-05", "2026-01-05T10:00:00", "10:00", "12:30:00", ".inf", ".nan", "=", "<<",
    "ä", "„“", "\\", "\\n", "\u202e",
]

werte = st.one_of(
    st.lists(st.one_of(st.sampled_from(BESONDERS), st.text(min_size=1, max_size=4)), min_size=1, max_size=6).map("".join),
    st.text(min_size=1, max_size=12),
)


def _lade(text: str):
    from netzwerk_cli.quellen import yamltext

    dok, probleme = yamltext.lade_text(text)
    return dok, probleme


@settings(max_examples=beispiele(500))
@given(st.one_of(werte, st.text()))
@example("\x85")
@example("a\u2028b")
@example(" yes ")
@example(None)
@example("None")
@example("null")
def test_skalar_rundreise(wert):
    from netzwerk_cli.quellen.textbearbeitung import skalar

    dok, probleme = _lade(f"wert: {skalar(wert)}\n")
    if probleme:
        # Zeichen, die der Lader grundsätzlich ablehnt (C1, DEL, BOM, Surrogate …): dann weiß der
        # Schreiber es vorher und lehnt ab (siehe die Befehle unten); nie ein anderer Wert
        assert all(p.regel for p in probleme)
        return
    assert dok.daten == {"wert": wert}


def _schnappschuss(wurzel: Path) -> dict[str, bytes]:
    return {str(p.relative_to(wurzel)): p.read_bytes() for p in sorted(wurzel.rglob("*")) if p.is_file()}


def _lauf(args: list[str], wert: str):
    """Führt den Befehl in einer frischen Kopie von data/ aus; liefert (Ergebnis, vorher, nachher, wurzel)."""
    from netzwerk_cli.cli import app

    tmp = Path(tempfile.mkdtemp(prefix="rundreise-"))
    try:
        wurzel = tmp / "daten"
        shutil.copytree(BEISPIEL, wurzel)
        vorher = _schnappschuss(wurzel)
        r = CliRunner().invoke(app, [*args, "--daten", str(wurzel)], catch_exceptions=False)
        nachher = _schnappschuss(wurzel)
        return r, vorher, nachher
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _pruefe(r, vorher: dict, nachher: dict, wert: str, wo) -> None:
    if r.exit_code == 0:
        geaendert = [p for p in nachher if vorher.get(p) != nachher[p]]
        assert len(geaendert) == 1, geaendert
        dok, probleme = _lade(nachher[geaendert[0]].decode("utf-8"))
        assert not probleme, probleme
        assert wo(dok.daten) == wert
    else:
        assert r.exit_code in (1, 2), r.exit_code
        assert nachher == vorher  # nichts geändert
        meldung = r.stderr
        assert meldung.strip() and "interner Fehler" not in meldung and "Traceback" not in meldung, meldung


@settings(max_examples=beispiele(40))
@given(werte)
@example("Kreishaus\x85Raum 2")
@example("Saal\u2028B")
def test_sitzung_vorbereiten_ort(wert):
    r, vorher, nachher = _lauf(
        ["sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-02-10", "--ort", wert], wert
    )
    _pruefe(r, vorher, nachher, wert.strip(), lambda d: d["ort"])


def test_sitzung_vorbereiten_nel_bleibt_nel():
    """Früher schrieb agenda._skalar NEL roh; YAML liest es als Zeilenumbruch → Leerzeichen."""
    r, vorher, nachher = _lauf(
        ["sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-02-10", "--ort", "A\x85B"], "A\x85B"
    )
    if r.exit_code == 0:
        neu = next(p for p in nachher if p not in vorher)
        assert _lade(nachher[neu].decode("utf-8"))[0].daten["ort"] == "A\x85B"
    else:
        assert r.exit_code in (1, 2) and nachher == vorher and "interner Fehler" not in r.stderr


@settings(max_examples=beispiele(40))
@given(werte)
@example("Titel\x85mit NEL")
def test_empfehlung_new_titel(wert):
    r, vorher, nachher = _lauf(
        ["empfehlung", "new", "--titel", wert, "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-11-05", "--durch", "Geschäftsstelle"],
        wert,
    )
    _pruefe(r, vorher, nachher, wert.strip(), lambda d: d["titel"])


@settings(max_examples=beispiele(40))
@given(werte, werte)
def test_empfehlung_advance_notiz_durch(notiz, durch):
    r, vorher, nachher = _lauf(
        ["empfehlung", "advance", "2026-002", "--nach", "zurueckgezogen", "--datum", "2026-11-20", "--notiz", notiz, "--durch", durch], notiz
    )
    _pruefe(r, vorher, nachher, (notiz, durch), lambda d: (d["verlauf"][-1].get("notiz"), d["verlauf"][-1].get("durch")))


@settings(max_examples=beispiele(40))
@given(werte)
def test_empfehlung_umsetzung_bericht(wert):
    r, vorher, nachher = _lauf(
        ["empfehlung", "umsetzung", "2025-001", "--adressat", "stadt-beispielstadt", "--stand", "teilweise", "--bericht", wert, "--datum", "2026-11-10"],
        wert,
    )
    _pruefe(r, vorher, nachher, wert, lambda d: d["umsetzung"][-1]["bericht"])


@pytest.mark.parametrize("args", [
    ["empfehlung", "advance", "2026-002", "--nach", "zurueckgezogen", "--datum", "2026-11-20", "--notiz", "gut"],
    ["empfehlung", "umsetzung", "2025-001", "--adressat", "stadt-beispielstadt", "--stand", "teilweise", "--bericht", "gut", "--datum", "2026-11-10"],
])
def test_befehle_gehen_grundsaetzlich(args):
    """Die Aufrufe oben sind gültig: ein harmloser Wert wird geschrieben (sonst prüften die
    Eigenschaftstests nur Ablehnungen)."""
    r, vorher, nachher = _lauf(args, "gut")
    assert r.exit_code == 0, r.stderr


# --------------------------------------------------------------------------- validate --basis mit ungültigen Datensätzen

STG = "gremien/steuerungsgruppe-beispielkreis.yaml"
E1 = "empfehlungen/2026/2026-001.yaml"

import re

UNGUELTIG = {
    "person-als-liste": (STG, lambda t: re.sub(r"(?m)^(\s*-?\s*person: )(\S+)$", r"\1[\2, x]", t, count=1)),
    "person-als-mapping": (STG, lambda t: re.sub(r"(?m)^(\s*-?\s*person: )(\S+)$", r"\1{a: [1]}", t, count=3)),
    "mitglieder-zahl": (STG, lambda t: re.sub(r"(?ms)^mitglieder:\n.*\Z", "mitglieder: 5\n", t)),
    "gremium-liste": (STG, lambda t: "- a\n- b\n"),
    "gremium-skalar": (STG, lambda t: "nur Text\n"),
    "verlauf-mapping": (E1, lambda t: re.sub(r"(?ms)^verlauf:\n(?:  .*\n|\s*-.*\n)*", "verlauf: {a: 1}\n", t)),
    "verlauf-eintrag-liste": (E1, lambda t: re.sub(r"(?m)^verlauf:\n", "verlauf:\n  - [1, 2]\n", t)),
    "empfehlung-liste": (E1, lambda t: "- [1]\n- {a: b}\n"),
}


def _git(cwd: Path, *args: str) -> None:
    import subprocess

    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.mark.parametrize("seite", ["neu", "basis"])
@pytest.mark.parametrize("fall", sorted(UNGUELTIG))
def test_basis_mit_ungueltigem_datensatz_kein_interner_fehler(cli, beispiel, fall, seite):
    datei, aendern = UNGUELTIG[fall]
    _git(beispiel, "init", "-q", "-b", "main")
    pfad = beispiel / datei
    gut = pfad.read_text(encoding="utf-8")
    schlecht = aendern(gut)
    assert schlecht != gut
    if seite == "basis":
        pfad.write_text(schlecht, encoding="utf-8")
    _git(beispiel, "add", "-A")
    _git(beispiel, "commit", "-q", "-m", "Basis")
    _git(beispiel, "switch", "-q", "-c", "aenderung")
    pfad.write_text(gut if seite == "basis" else schlecht, encoding="utf-8")
    _git(beispiel, "commit", "-q", "-am", "Änderung")
    r = cli("validate", "--daten", beispiel, "--format", "json", "--basis", "main")
    assert r.exit_code in (0, 1), r.stderr
    assert "interner Fehler" not in r.stderr
    befunde = json.loads(r.stdout)["befunde"]
    if seite == "neu":
        assert any(b["datei"] == datei and b["schwere"] == "fehler" for b in befunde)
