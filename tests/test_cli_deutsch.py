"""Issue 12 (Teil 3): Die Kommandozeile ist überall deutsch, wo jemand liest.

Die Befehle werden aus der Typer-Anwendung selbst gelesen (wie in
test_datenschutz_alle_befehle.py): Ein neuer Befehl ohne deutschen Rahmen, ohne Beispiele oder mit
einem Python-Typ als Platzhalter lässt diese Tests scheitern. Geprüft werden `--help`/`-h` und die
Aufruffehler (unbekannte Option, fehlende Option, fehlendes Argument, ungültiger Wert, Option ohne
Wert, überzählige Angabe, Tippfehler im Befehlsnamen), außerdem der schnelle Weg `run()` und ein
echter Aufruf des installierten Programms `netzwerk`.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

# Englische Rahmentexte von Click/Typer, die nie erscheinen dürfen
ENGLISCH = re.compile(
    r"Usage|Options:|Commands:|Arguments:|Show this message|default:|env var|required\]|\[required|Error|"
    r"Missing|No such|Did you mean|Invalid value|Got unexpected|Try '|for help|requires an? |does not take|"
    r"Possible options|is not one of|Choose from|Aborted|extra argument|Value error"
)
# Python-Typen als Platzhalter (<str>, <list[str]>, <path>, {id}) statt Wörtern
PYTHON_TYP = re.compile(r"<[a-zA-Z_\[\]|, ]+>|\{[a-z_]+\}|\b(str|int|list\[|Path)\b")


def _befehle() -> dict[tuple[str, ...], object]:
    """Alle Befehle und Gruppen der Anwendung (Pfad → Click-Objekt), aus Typer gelesen."""
    import typer.main

    from netzwerk_cli.cli import app

    ergebnis: dict[tuple[str, ...], object] = {}

    def gehe(befehl, pfad):
        ergebnis[pfad] = befehl
        for name, u in (getattr(befehl, "commands", None) or {}).items():
            gehe(u, pfad + (name,))

    gehe(typer.main.get_command(app), ())
    return ergebnis


BEFEHLE = _befehle()
BLAETTER = sorted(p for p, b in BEFEHLE.items() if getattr(b, "commands", None) is None)
GRUPPEN = sorted(p for p, b in BEFEHLE.items() if getattr(b, "commands", None) is not None)


def _name(pfad: tuple[str, ...]) -> str:
    return " ".join(pfad) or "(netzwerk)"


def _optionen(befehl) -> list:
    return [p for p in befehl.params if p.param_type_name == "option" and "--help" not in p.opts]


def _wahl(param) -> list[str] | None:
    from netzwerk_cli.cli.rahmen import auswahl

    return auswahl(param)


def _deutsch(text: str) -> None:
    treffer = ENGLISCH.search(text)
    assert treffer is None, f"englischer Rahmentext „{treffer.group(0)}“ in:\n{text}"


# --------------------------------------------------------------------------- Hilfe


def test_die_aufzaehlung_findet_alle_befehle():
    assert ("validate",) in BLAETTER and ("empfehlung", "list") in BLAETTER and ("gremium", "show") in BLAETTER
    assert ("empfehlung",) in GRUPPEN and () in GRUPPEN
    assert len(BLAETTER) >= 12


@pytest.mark.parametrize("pfad", sorted(BEFEHLE), ids=_name)
@pytest.mark.parametrize("schalter", ["--help", "-h"])
def test_hilfe_ist_deutsch(cli, pfad, schalter):
    r = cli(*pfad, schalter)
    assert r.exit_code == 0, r.output
    text = r.stdout
    _deutsch(text)
    assert text.startswith(f"Aufruf: netzwerk {' '.join(pfad)}".rstrip() + " "), text
    assert "Optionen:" in text
    assert re.search(r"^  -h, --help +Diese Hilfe anzeigen und beenden\.$", text, re.M), text
    if getattr(BEFEHLE[pfad], "commands", None):
        assert "\nBefehle:\n" in text
    if any(p.param_type_name == "argument" for p in BEFEHLE[pfad].params):
        assert "\nArgumente:\n" in text
    assert PYTHON_TYP.search(text) is None, f"Python-Typ als Platzhalter: {PYTHON_TYP.search(text).group(0)}\n{text}"


@pytest.mark.parametrize("pfad", sorted(BEFEHLE), ids=_name)
def test_hilfe_endet_mit_beispielen(cli, pfad):
    text = cli(*pfad, "--help").stdout.rstrip("\n")
    kopf, _, beispiele = text.rpartition("\nBeispiele:\n")
    assert kopf, f"keine Beispiele am Ende:\n{text}"
    zeilen = beispiele.split("\n")
    assert 1 <= len(zeilen) <= 3, zeilen
    praefix = "  netzwerk " + "".join(f"{t} " for t in pfad)
    for zeile in zeilen:
        assert (zeile + " ").startswith(praefix), f"Beispiel ruft nicht diesen Befehl: {zeile!r}"


@pytest.mark.parametrize("pfad", BLAETTER, ids=_name)
def test_platzhalter_sind_woerter_und_auswahlen_stehen_da(cli, pfad):
    text = cli(*pfad, "--help").stdout
    befehl = BEFEHLE[pfad]
    for p in _optionen(befehl):
        if p.is_flag:
            continue
        werte = _wahl(p)
        if werte:
            assert f"{', '.join(p.opts)} [{'|'.join(werte)}]" in text, f"{p.opts[0]}: Auswahl fehlt in der Hilfe"
        else:
            assert p.metavar and re.fullmatch(r"[A-ZÄÖÜ][A-ZÄÖÜ-]*", p.metavar), f"{_name(pfad)} {p.opts[0]}: Platzhalter {p.metavar!r}"
    for p in befehl.params:
        if p.param_type_name == "argument":
            assert p.metavar and p.metavar.isupper(), f"{_name(pfad)}: Argument {p.name} ohne Platzhalter"


def test_standard_umgebungsvariable_und_pflicht_sind_deutsch(cli):
    text = cli("validate", "--help").stdout
    assert "[Standard: text]" in text
    assert "[Umgebungsvariable: NETZWERK_DATEN]" in " ".join(text.split()).replace("[ ", "[")
    assert "[Pflicht]" in cli("verlauf", "--help").stdout


# --------------------------------------------------------------------------- Aufruffehler


def _fehler(r, *erwartet: str) -> str:
    assert r.exit_code == 2, (r.exit_code, r.output)
    text = r.stderr
    _deutsch(r.output)
    assert "Traceback" not in text
    assert "Fehler: " in text, text
    for e in erwartet:
        assert e in text, f"„{e}“ fehlt in:\n{text}"
    return text


@pytest.mark.parametrize("pfad", sorted(BEFEHLE), ids=_name)
def test_unbekannte_option(cli, pfad):
    text = _fehler(cli(*pfad, "--gibt-es-nicht"), "Fehler: Unbekannte Option „--gibt-es-nicht“.")
    assert f"Aufruf: netzwerk {' '.join(pfad)}".rstrip() in text
    assert f"Hilfe: „netzwerk {' '.join(pfad)} --help“".replace("  ", " ") in text


def test_unbekannte_option_mit_vorschlag(cli):
    _fehler(cli("status", "--frmat", "json"), "Fehler: Unbekannte Option „--frmat“. Meinten Sie „--format“?")


@pytest.mark.parametrize("pfad", GRUPPEN, ids=_name)
def test_tippfehler_im_befehlsnamen(cli, pfad):
    gruppe = BEFEHLE[pfad]
    echt = sorted(gruppe.commands)[0]
    tippfehler = echt[:-1] + ("x" if echt[-1] != "x" else "y")
    _fehler(cli(*pfad, tippfehler), f"Fehler: Unbekannter Befehl „{tippfehler}“.", f"Meinten Sie „{echt}“?")
    _fehler(cli(*pfad, "zzzzzz"), "Fehler: Unbekannter Befehl „zzzzzz“. Bekannt: ")


def test_tippfehler_oben_wie_im_issue(cli):
    _fehler(cli("valdate"), "Fehler: Unbekannter Befehl „valdate“. Meinten Sie „validate“?")


@pytest.mark.parametrize("pfad", BLAETTER, ids=_name)
def test_fehlende_pflichtangaben(cli, pfad, tmp_path):
    befehl = BEFEHLE[pfad]
    pflicht = [p for p in befehl.params if p.required]
    if not pflicht:
        pytest.skip("keine Pflichtangaben")
    r = cli(*pfad, "--daten", tmp_path) if any("--daten" in getattr(p, "opts", ()) for p in befehl.params) else cli(*pfad)
    erstes = pflicht[0]
    if erstes.param_type_name == "argument":
        _fehler(r, f"Fehler: Argument „{erstes.metavar}“ fehlt.")
    else:
        _fehler(r, f"Fehler: Option „{erstes.opts[0]}“ fehlt.")


def test_fehlende_option_wie_im_issue(cli):
    _fehler(cli("sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis"), "Fehler: Option „--datum“ fehlt.")


@pytest.mark.parametrize(
    "pfad,option",
    [(p, o.opts[0]) for p in BLAETTER for o in _optionen(BEFEHLE[p]) if _wahl(o)],
    ids=lambda x: x if isinstance(x, str) else _name(x),
)
def test_ungueltige_auswahl(cli, pfad, option):
    param = next(o for o in _optionen(BEFEHLE[pfad]) if o.opts[0] == option)
    werte = _wahl(param)
    _fehler(cli(*pfad, option, "quatsch"), f"Fehler: Ungültiger Wert „quatsch“ für „{option}“. Mögliche Werte: {', '.join(werte)}.")
    _fehler(cli(*pfad, option), f"Fehler: Option „{option}“ braucht einen Wert.")


def test_ungueltige_auswahl_mit_vorschlag(cli):
    _fehler(cli("status", "--format", "jsn"), "Mögliche Werte: text, markdown, json. Meinten Sie „json“?")


def test_schalter_nimmt_keinen_wert(cli):
    _fehler(cli("validate", "--streng=ja"), "Fehler: Option „--streng“ nimmt keinen Wert an.")


def test_ueberzaehlige_angabe(cli):
    _fehler(cli("status", "eins", "zwei"), "Fehler: Überzählige Angabe: eins zwei.")


def test_ohne_argumente_zeigt_die_gruppe_ihre_hilfe(cli):
    r = cli("empfehlung")
    assert r.exit_code == 2
    assert r.output.startswith("Aufruf: netzwerk empfehlung [OPTIONEN] BEFEHL")
    _deutsch(r.output)


def test_eigene_deutsche_meldung_eines_befehls_bleibt():
    """Die Übersetzung erkennt Ausnahmen an ihrer Art, nicht am Text: unbekannte Texte bleiben erkennbar."""
    import typer

    from netzwerk_cli.cli.rahmen import meldung

    assert meldung(typer.BadParameter("„x“ ist kein Datum")) == "Ungültiger Wert für „?“: „x“ ist kein Datum"


# --------------------------------------------------------------------------- Fachliche Filter


def test_empfehlung_list_unbekannte_filter_mit_vorschlag(cli, beispiel):
    d = ("--daten", beispiel)
    _fehler(cli("empfehlung", "list", "--status", "entwrf", *d), "Fehler: Status „entwrf“ gibt es nicht. Meinten Sie „entwurf“?")
    _fehler(
        cli("empfehlung", "list", "--gremium", "steuerungsgruppe-beispielkries", *d),
        "Fehler: Gremium „steuerungsgruppe-beispielkries“ gibt es nicht. Meinten Sie „steuerungsgruppe-beispielkreis“?",
    )
    _fehler(
        cli("empfehlung", "list", "--arbeitsgruppe", "zzz", *d),
        "Fehler: Arbeitsgruppe „zzz“ gibt es nicht. Vorhanden: ag-",
    )
    r = cli("empfehlung", "list", "--gremium", "steuerungsgruppe-beispielkreis", "--status", "entwurf", "--format", "json", *d)
    assert r.exit_code == 0, r.output


def test_advance_unbekannter_adressat_mit_vorschlag(cli, beispiel):
    vorher = {p: p.read_bytes() for p in beispiel.rglob("*.yaml")}
    r = cli("empfehlung", "advance", "2025-001", "--adressat", "stadt-beispielstad", "--datum", "2026-12-01", "--daten", beispiel)
    assert r.exit_code == 1, r.output
    assert "Adressat „stadt-beispielstad“ gibt es nicht in organisationen/. Meinten Sie „stadt-beispielstadt“?" in r.stderr
    assert {p: p.read_bytes() for p in beispiel.rglob("*.yaml")} == vorher


@pytest.mark.parametrize("format", ["text", "markdown", "json"])
def test_gremium_show_ohne_id_listet_gremien(cli, beispiel, format):
    import json

    r = cli("gremium", "show", "--format", format, "--daten", beispiel)
    assert r.exit_code == 0, r.output
    ids = sorted(p.stem for p in (beispiel / "gremien").glob("*.yaml"))
    if format == "json":
        assert [g["id"] for g in json.loads(r.stdout)["gremien"]] == ids
    else:
        for gid in ids:
            assert gid in r.stdout
    assert "steuerungsgruppe-beispielkreis" in ids


# --------------------------------------------------------------------------- schneller Weg und echtes Programm


@pytest.mark.parametrize("argumente", [["--help"], ["-h"], []])
def test_schneller_weg_uebersicht(monkeypatch, capsys, argumente):
    from netzwerk_cli.cli import VERZEICHNIS, run

    monkeypatch.setattr(sys, "argv", ["netzwerk", *argumente])
    with pytest.raises(SystemExit) as ende:
        run()
    aus = capsys.readouterr()
    text = aus.out + aus.err
    assert ende.value.code == (0 if argumente else 2)
    _deutsch(text)
    assert text.startswith("Aufruf: netzwerk [OPTIONEN] BEFEHL [ARGUMENTE]...")
    assert "\nBefehle:\n" in text and "Diese Hilfe anzeigen und beenden." in text and "\nBeispiele:\n" in text
    for name, *_ in VERZEICHNIS:
        assert f"\n  {name} " in text


def test_schneller_weg_tippfehler(monkeypatch, capsys):
    from netzwerk_cli.cli import run

    monkeypatch.setattr(sys, "argv", ["netzwerk", "valdate"])
    with pytest.raises(SystemExit) as ende:
        run()
    assert ende.value.code == 2
    err = capsys.readouterr().err
    _deutsch(err)
    assert "Fehler: Unbekannter Befehl „valdate“. Meinten Sie „validate“?" in err


def test_schneller_weg_einzelner_befehl(monkeypatch, capsys):
    from netzwerk_cli.cli import run

    monkeypatch.setattr(sys, "argv", ["netzwerk", "empfehlung", "list", "-h"])
    with pytest.raises(SystemExit) as ende:
        run()
    assert ende.value.code == 0
    out = capsys.readouterr().out
    _deutsch(out)
    assert out.startswith("Aufruf: netzwerk empfehlung list [OPTIONEN]")


def _programm() -> str:
    kandidat = Path(sys.executable).parent / "netzwerk"
    assert kandidat.exists(), f"installiertes Programm fehlt: {kandidat} (pip install -e .)"
    return str(kandidat)


def test_installiertes_programm(tmp_path):
    umgebung = {k: v for k, v in os.environ.items() if k != "NETZWERK_DATEN"}
    hilfe = subprocess.run([_programm(), "--help"], capture_output=True, text=True, cwd=tmp_path, env=umgebung, timeout=120)
    assert hilfe.returncode == 0, hilfe.stderr
    _deutsch(hilfe.stdout + hilfe.stderr)
    assert hilfe.stdout.startswith("Aufruf: netzwerk ")
    assert "-h, --help  Diese Hilfe anzeigen und beenden." in hilfe.stdout

    fehler = subprocess.run(
        [_programm(), "empfehlung", "lst"], capture_output=True, text=True, cwd=tmp_path, env=umgebung, timeout=120
    )
    assert fehler.returncode == 2
    _deutsch(fehler.stdout + fehler.stderr)
    assert "Fehler: Unbekannter Befehl „lst“. Meinten Sie „list“?" in fehler.stderr


def test_uebersicht_laedt_keine_schweren_module(tmp_path):
    """`netzwerk --help` lädt den deutschen Rahmen, aber weder jsonschema noch GitPython noch rich."""
    code = (
        "import sys\n"
        "sys.argv = ['netzwerk', '--help']\n"
        "from netzwerk_cli.cli import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "schwer = [m for m in ('jsonschema', 'git', 'rich', 'netzwerk_cli.validierung') if m in sys.modules]\n"
        "print('SCHWER', schwer, file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert "SCHWER []" in r.stderr, r.stderr
