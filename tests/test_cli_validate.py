"""`netzwerk validate` über Typers CliRunner: Exit-Codes, die drei Ausgabeformate, PFADE,
die Suche nach netzwerk.yaml – und dass kein Fall des Korpus einen Traceback erzeugt."""

from __future__ import annotations

import hashlib
import io
import json
import os
import re

import pytest
from conftest import minimal_repo
from korpus import SCHWERE, alle_faelle, bereitstellen
from rich.console import Console

from netzwerk_cli.ausgabe import befunde as darstellung
from netzwerk_cli.grundlagen.befunde import Befund, Bericht

STICHTAG = "2024-06-01"
TEXTZEILE = re.compile(r"^(?P<datei>[^:\s]+):(?P<zeile>\d+):(?P<spalte>\d+): (?P<schwere>fehler|warnung) \[(?P<regel>[a-z-]+)\] (?P<meldung>.+)$")
ANSI = re.compile(r"\x1b\[")

ORGA = {"organisationen/amt.yaml": "name: Amt\ntyp: amt\n"}
PERSONEN = {f"personen/{p}.yaml": f"name: {p.title()}\norganisation: amt\n" for p in ("anna", "bert", "carla", "dora")}
# vier Mitglieder; das vierte nennt eine Sitzgruppe, die es nicht gibt → $.mitglieder[3].sitzgruppe
GREMIUM_FEHLER = (
    "name: Kreis\nart: beirat\nsitzgruppen:\n  - id: amt\n    name: Amt\n    anzahl: 4\nmitglieder:\n"
    "  - person: anna\n    sitzgruppe: amt\n  - person: bert\n    sitzgruppe: amt\n"
    "  - person: carla\n    sitzgruppe: amt\n  - person: dora\n    sitzgruppe: ampt\n"
)
# nur eine Warnung: 1 von 2 Sitzen besetzt
GREMIUM_WARNUNG = "name: Kreis\nart: beirat\nsitzgruppen:\n  - id: amt\n    name: Amt\n    anzahl: 2\nmitglieder:\n  - person: anna\n    sitzgruppe: amt\n"


@pytest.fixture
def repo_fehler(tmp_path):
    return minimal_repo(tmp_path / "daten", {**ORGA, **PERSONEN, "gremien/kreis.yaml": GREMIUM_FEHLER})


@pytest.fixture
def repo_warnung(tmp_path):
    return minimal_repo(tmp_path / "daten", {**ORGA, **PERSONEN, "gremien/kreis.yaml": GREMIUM_WARNUNG})


@pytest.fixture
def repo_sauber(tmp_path):
    return minimal_repo(tmp_path / "sauber", {**ORGA, **PERSONEN})


def validate(cli, repo, *args):
    return cli("validate", "--daten", repo, "--stichtag", STICHTAG, *args)


# --------------------------------------------------------------------------- Exit-Codes


def test_exit_0_ohne_befunde(cli, repo_sauber):
    r = validate(cli, repo_sauber)
    assert r.exit_code == 0
    assert r.stdout.strip().splitlines() == ["6 Dateien geprüft: keine Fehler, keine Warnungen"]


def test_exit_1_bei_fehlern(cli, repo_fehler):
    r = validate(cli, repo_fehler)
    assert r.exit_code == 1
    assert "[ref-unbekannt]" in r.stdout


def test_exit_0_bei_nur_warnungen(cli, repo_warnung):
    r = validate(cli, repo_warnung)
    assert r.exit_code == 0
    assert "warnung [sitz-vakant]" in r.stdout


def test_exit_1_bei_warnungen_mit_streng(cli, repo_warnung, repo_sauber):
    assert validate(cli, repo_warnung, "--streng").exit_code == 1
    assert validate(cli, repo_sauber, "--streng").exit_code == 0


def test_exit_2_ohne_repository(cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = cli("validate")
    assert r.exit_code == 2
    assert "Kein Datenrepository gefunden" in r.stderr
    assert r.stdout == ""


def test_exit_2_daten_ohne_netzwerk_yaml(cli, tmp_path):
    (tmp_path / "leer").mkdir()
    r = cli("validate", "--daten", tmp_path / "leer")
    assert r.exit_code == 2 and "netzwerk.yaml" in r.stderr
    r = cli("validate", "--daten", tmp_path / "gibt-es-nicht")
    assert r.exit_code == 2 and "gibt es nicht" in r.stderr


@pytest.mark.parametrize("tag", ["2023-02-30", "21.11.2026", "2026-1-1", "heute", "2026-11-21T10:00", ""])
def test_exit_2_bei_ungueltigem_stichtag(cli, repo_sauber, tag):
    r = cli("validate", "--daten", repo_sauber, "--stichtag", tag)
    assert r.exit_code == 2
    assert "kein gültiges Datum" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr


def test_exit_2_bei_unbekanntem_format(cli, repo_sauber):
    assert cli("validate", "--daten", repo_sauber, "--format", "xml").exit_code == 2


def test_stichtag_entscheidet(cli, tmp_path):
    """Dieselben Daten, zwei Stichtage: vor dem Ausscheiden besetzt, danach vakant (nur Warnung)."""
    gremium = GREMIUM_WARNUNG.replace("anzahl: 2", "anzahl: 1") + "    bis: 2024-03-31\n"
    repo = minimal_repo(tmp_path / "daten", {**ORGA, **PERSONEN, "gremien/kreis.yaml": gremium})
    vorher = json.loads(cli("validate", "--daten", repo, "--stichtag", "2024-03-31", "--format", "json").stdout)
    nachher = cli("validate", "--daten", repo, "--stichtag", "2024-04-01", "--format", "json", "--streng")
    assert vorher["befunde"] == []
    assert [b["regel"] for b in json.loads(nachher.stdout)["befunde"]] == ["sitz-vakant"]
    assert nachher.exit_code == 1


# --------------------------------------------------------------------------- --format json


def test_json_struktur(cli, repo_fehler):
    r = validate(cli, repo_fehler, "--format", "json")
    assert r.exit_code == 1
    daten = json.loads(r.stdout)
    assert list(daten) == ["befunde", "zusammenfassung"]
    assert list(daten["zusammenfassung"]) == ["dateien", "fehler", "warnungen"]
    assert daten["zusammenfassung"] == {"dateien": 7, "fehler": 1, "warnungen": 1}
    for b in daten["befunde"]:
        assert list(b) == ["datei", "zeile", "spalte", "schwere", "regel", "meldung", "pfad"]
        assert isinstance(b["zeile"], int) and isinstance(b["spalte"], int)
        assert b["schwere"] in ("fehler", "warnung")
        assert b["pfad"].startswith("$")
    assert daten["befunde"] == [
        {
            "datei": "gremien/kreis.yaml",
            "zeile": 4,
            "spalte": 5,
            "schwere": "warnung",
            "regel": "sitz-vakant",
            "meldung": "Sitzgruppe „Amt“: 3 von 4 Sitzen am 2024-06-01 besetzt (1 vakant oder nicht erfasst)",
            "pfad": "$.sitzgruppen[0]",
        },
        {
            "datei": "gremien/kreis.yaml",
            "zeile": 15,
            "spalte": 5,
            "schwere": "fehler",
            "regel": "ref-unbekannt",
            "meldung": daten["befunde"][1]["meldung"],
            "pfad": "$.mitglieder[3].sitzgruppe",
        },
    ]
    assert "„ampt“" in daten["befunde"][1]["meldung"]


def test_json_ohne_befunde_und_utf8(cli, repo_sauber):
    r = validate(cli, repo_sauber, "--format", "json")
    assert json.loads(r.stdout) == {"befunde": [], "zusammenfassung": {"dateien": 6, "fehler": 0, "warnungen": 0}}


def test_json_zaehlt_wie_befunde(cli, tmp_path):
    repo = minimal_repo(
        tmp_path / "daten",
        {"organisationen/amt.yaml": "name: no\ntyp: amt\nwebsite: x\n", "personen/anna.yaml": "name: Anna\norganisation: nirgends\n"},
    )
    daten = json.loads(validate(cli, repo, "--format", "json").stdout)
    fehler = sum(1 for b in daten["befunde"] if b["schwere"] == "fehler")
    warnungen = sum(1 for b in daten["befunde"] if b["schwere"] == "warnung")
    assert (fehler, warnungen) == (2, 1)
    assert daten["zusammenfassung"] == {"dateien": 3, "fehler": fehler, "warnungen": warnungen}
    # sortiert nach Datei, Zeile, Spalte
    schluessel = [(b["datei"], b["zeile"], b["spalte"]) for b in daten["befunde"]]
    assert schluessel == sorted(schluessel)


# --------------------------------------------------------------------------- --format text


def test_text_zeilenform_und_zusammenfassung(cli, repo_fehler):
    r = validate(cli, repo_fehler)
    zeilen = r.stdout.rstrip("\n").split("\n")
    assert zeilen[-1] == "7 Dateien geprüft: 1 Fehler, 1 Warnung"
    treffer = [TEXTZEILE.match(z) for z in zeilen[:-1]]
    assert all(treffer), zeilen
    assert [(m["datei"], m["zeile"], m["spalte"], m["schwere"], m["regel"]) for m in treffer] == [
        ("gremien/kreis.yaml", "4", "5", "warnung", "sitz-vakant"),
        ("gremien/kreis.yaml", "15", "5", "fehler", "ref-unbekannt"),
    ]


def test_text_mehrzahl_in_der_zusammenfassung(cli, tmp_path):
    repo = minimal_repo(tmp_path / "daten", {"personen/anna.yaml": "name: Anna\norganisation: x\nhobby: y\n"})
    assert validate(cli, repo).stdout.rstrip().endswith("2 Dateien geprüft: 2 Fehler, keine Warnungen")


def test_text_eckige_klammern_und_lange_zeilen(cli, tmp_path):
    """Meldungen mit […] (Rich-Markup!) erscheinen wörtlich; lange Zeilen werden nicht umbrochen."""
    repo = minimal_repo(
        tmp_path / "daten",
        {"personen/[entwurf].yaml": "name: x\n", "personen/anna.yaml": "name: Anna\nrollen: [sonstige\n", "organisationen/amt.yaml": "name: Amt\ntyp: amt\nxyz: 1\n"},
    )
    zeilen = validate(cli, repo).stdout.rstrip("\n").split("\n")
    assert all(TEXTZEILE.match(z) for z in zeilen[:-1]), zeilen
    syntax = [z for z in zeilen if "[yaml-syntax]" in z]
    assert len(syntax) == 1 and "[did not find expected ',' or ']']" in syntax[0]
    assert any(z.startswith("personen/[entwurf].yaml:1:1: fehler [id-ungueltig]") for z in zeilen)
    lang = [z for z in zeilen if "unbekanntes Feld „xyz“" in z]
    assert len(lang) == 1 and len(lang[0]) > 120  # eine Zeile, obwohl breiter als das Terminal


@pytest.mark.parametrize("no_color", ["1", None])
def test_text_ohne_ansi_codes(cli, repo_fehler, monkeypatch, no_color):
    # NO_COLOR gesetzt oder nicht: umgeleitete Ausgabe (kein Terminal) hat keine Farbcodes
    if no_color is None:
        monkeypatch.delenv("NO_COLOR", raising=False)
    else:
        monkeypatch.setenv("NO_COLOR", no_color)
    r = validate(cli, repo_fehler)
    assert "[ref-unbekannt]" in r.stdout
    assert not ANSI.search(r.stdout) and not ANSI.search(r.stderr)
    r = cli("validate", "--daten", repo_fehler / "gibt-es-nicht")
    assert r.exit_code == 2 and not ANSI.search(r.stderr)


def test_als_text_mit_rich_konsole():
    bericht = Bericht(
        [Befund("a/[b].yaml", 3, 5, "fehler", "schema", "Text mit [bold]Markup[/bold] und 100 %", "$.x")], dateien=1
    )
    puffer = io.StringIO()
    darstellung.als_text(bericht, Console(file=puffer, color_system=None, width=40, soft_wrap=True, highlight=False))
    assert puffer.getvalue() == (
        "a/[b].yaml:3:5: fehler [schema] Text mit [bold]Markup[/bold] und 100 %\n1 Datei geprüft: 1 Fehler, keine Warnungen\n"
    )


# --------------------------------------------------------------------------- --format github


def test_als_github_maskiert():
    bericht = Bericht(
        [
            Befund("gremien/a,b:c%.yaml", 3, 5, "fehler", "schema", "Zeile 1\nZeile 2\r\n50 % „x“: a, b", "$"),
            Befund("personen/anna.yaml", 1, 1, "warnung", "regel:mit,zeichen", "kurz", "$"),
        ],
        dateien=2,
    )
    assert darstellung.als_github(bericht, praefix="daten/").split("\n") == [
        "::error file=daten/gremien/a%2Cb%3Ac%25.yaml,line=3,col=5,title=schema::"
        "[schema] Zeile 1%0AZeile 2%0D%0A50 %25 „x“: a, b",
        "::warning file=daten/personen/anna.yaml,line=1,col=1,title=regel%3Amit%2Czeichen::[regel:mit,zeichen] kurz",
        "2 Dateien geprüft: 1 Fehler, 1 Warnung",
    ]


def test_github_ueber_die_kommandozeile(cli, repo_fehler, monkeypatch):
    # GitHub löst Pfade relativ zum Arbeitsbereich auf: Präfix des Datenordners
    monkeypatch.chdir(repo_fehler.parent)
    r = cli("validate", "--daten", "daten", "--stichtag", STICHTAG, "--format", "github")
    assert r.exit_code == 1
    zeilen = r.stdout.rstrip("\n").split("\n")
    assert zeilen[0].startswith("::warning file=daten/gremien/kreis.yaml,line=4,col=5,title=sitz-vakant::[sitz-vakant] ")
    assert zeilen[1].startswith("::error file=daten/gremien/kreis.yaml,line=15,col=5,title=ref-unbekannt::[ref-unbekannt] ")
    assert zeilen[2] == "7 Dateien geprüft: 1 Fehler, 1 Warnung"
    # aus dem Datenordner selbst: kein Präfix
    monkeypatch.chdir(repo_fehler)
    r = cli("validate", "--stichtag", STICHTAG, "--format", "github")
    assert r.stdout.startswith("::warning file=gremien/kreis.yaml,")


# --------------------------------------------------------------------------- PFADE


@pytest.fixture
def repo_verweise(tmp_path):
    """anna verweist auf eine fehlende Organisation, bert auf eine vorhandene; amt ist selbst kaputt."""
    return minimal_repo(
        tmp_path / "daten",
        {
            "organisationen/amt.yaml": "name: Amt\ntyp: amt\nwebsite: x\n",
            "organisationen/landratsamt.yaml": "name: Landratsamt\ntyp: landkreis\n",
            "personen/anna.yaml": "name: Anna\norganisation: jobcenter\n",
            "personen/2024/bert.yaml": "name: Bert\norganisation: landratsamt\n",
        },
    )


def befunde_json(r) -> list[tuple]:
    return [(b["datei"], b["regel"]) for b in json.loads(r.stdout)["befunde"]]


def test_pfade_begrenzen_den_bericht(cli, repo_verweise):
    alles = validate(cli, repo_verweise, "--format", "json")
    assert befunde_json(alles) == [("organisationen/amt.yaml", "schema"), ("personen/anna.yaml", "ref-unbekannt")]
    # nur anna: der Verweis auf eine Organisation außerhalb der PFADE wird trotzdem aufgelöst
    r = validate(cli, repo_verweise, "--format", "json", repo_verweise / "personen/anna.yaml")
    assert befunde_json(r) == [("personen/anna.yaml", "ref-unbekannt")]
    assert r.exit_code == 1
    # nur bert: sein Verweis zeigt auf eine vorhandene Datei außerhalb der PFADE; amt (kaputt) zählt nicht
    r = validate(cli, repo_verweise, "--format", "json", repo_verweise / "personen/2024/bert.yaml")
    assert befunde_json(r) == [] and r.exit_code == 0
    assert json.loads(r.stdout)["zusammenfassung"]["dateien"] == 5  # geprüft wird immer alles


def test_pfade_ordner_und_mehrere(cli, repo_verweise):
    r = validate(cli, repo_verweise, "--format", "json", repo_verweise / "personen")
    assert befunde_json(r) == [("personen/anna.yaml", "ref-unbekannt")]
    r = validate(cli, repo_verweise, "--format", "json", repo_verweise / "organisationen", repo_verweise / "personen/2024")
    assert befunde_json(r) == [("organisationen/amt.yaml", "schema")]
    r = validate(cli, repo_verweise, "--format", "json", repo_verweise)
    assert len(befunde_json(r)) == 2


def test_pfade_relativ_zum_arbeitsordner(cli, repo_verweise, monkeypatch):
    monkeypatch.chdir(repo_verweise / "personen")
    r = cli("validate", "--stichtag", STICHTAG, "--format", "json", "anna.yaml")
    assert befunde_json(r) == [("personen/anna.yaml", "ref-unbekannt")]
    r = cli("validate", "--stichtag", STICHTAG, "--format", "json", "../organisationen/amt.yaml")
    assert befunde_json(r) == [("organisationen/amt.yaml", "schema")]


def test_pfad_ausserhalb_des_repositorys(cli, repo_verweise, tmp_path):
    fremd = tmp_path / "fremd.yaml"
    fremd.write_text("name: x\n", encoding="utf-8")
    r = validate(cli, repo_verweise, fremd)
    assert r.exit_code == 2
    assert "liegt nicht im Datenrepository" in r.stderr


def test_wurzel_wird_aufwaerts_gesucht(cli, repo_verweise, monkeypatch):
    monkeypatch.chdir(repo_verweise / "personen" / "2024")
    r = cli("validate", "--stichtag", STICHTAG, "--format", "json")
    assert r.exit_code == 1
    assert befunde_json(r) == [("organisationen/amt.yaml", "schema"), ("personen/anna.yaml", "ref-unbekannt")]


def test_daten_aus_umgebungsvariable(cli, repo_verweise, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NETZWERK_DATEN", str(repo_verweise))
    r = cli("validate", "--stichtag", STICHTAG, "--format", "json")
    assert len(befunde_json(r)) == 2


# --------------------------------------------------------------------------- der ganze Korpus


def test_interner_fehler_ohne_traceback_ausser_mit_debug(cli, repo_sauber, monkeypatch):
    """Voraussetzung für den Korpustest: ohne NETZWERK_DEBUG wird ein Programmfehler zur
    Meldung (Exit 2), mit NETZWERK_DEBUG=1 kommt die Ausnahme beim Test an."""
    import netzwerk_cli.cli.validate as modul

    def kaputt(*args, **kwargs):
        raise ZeroDivisionError("absichtlich")

    monkeypatch.setattr(modul, "validiere", kaputt)
    r = validate(cli, repo_sauber)
    assert r.exit_code == 2
    assert "interner Fehler (ZeroDivisionError: absichtlich)" in r.stderr
    assert "Traceback" not in r.stdout + r.stderr
    with pytest.raises(ZeroDivisionError):
        cli("validate", "--daten", repo_sauber, env={"NETZWERK_DEBUG": "1"})


def _inhalt(ordner) -> dict:
    ergebnis = {}
    for basis, _, dateien in os.walk(ordner):
        for name in dateien:
            p = os.path.join(basis, name)
            if os.path.islink(p):
                ergebnis[p] = "-> " + os.readlink(p)
            else:
                with open(p, "rb") as f:
                    ergebnis[p] = hashlib.sha256(f.read()).hexdigest()
    return ergebnis


FAELLE_LISTE = alle_faelle()


@pytest.mark.parametrize("fall", FAELLE_LISTE, ids=[f.name for f in FAELLE_LISTE])
def test_korpus_ohne_traceback_und_ohne_aenderung(cli, fall, tmp_path):
    """Jeder Fall: `validate` einmal über die Kommandozeile (NETZWERK_DEBUG=1 lässt jede Ausnahme
    durch), erwarteter Exit-Code, gültiges JSON; dasselbe Ergebnis in allen Formaten dargestellt
    (Text, JSON, GitHub, GitLab) ohne Ausnahme; keine veränderte Datei."""
    import io

    from rich.console import Console

    from netzwerk_cli.ausgabe import befunde as darstellung
    from netzwerk_cli.ausgabe.codequality import als_codequality
    from netzwerk_cli.validierung import validiere

    repo = bereitstellen(fall, tmp_path)
    vorher = _inhalt(tmp_path)
    erwartet = fall.erwartet
    hat_fehler = any((e.get("schwere") or SCHWERE[e["regel"]]) == "fehler" for e in erwartet["befunde"])
    ohne_netzwerk = not (repo / "netzwerk.yaml").exists()
    r = cli("validate", "--daten", repo, "--stichtag", erwartet["stichtag"], "--format", "json", env={"NETZWERK_DEBUG": "1"})
    assert "Traceback" not in r.stdout + r.stderr
    if ohne_netzwerk:
        assert r.exit_code == 2 and "netzwerk.yaml" in r.stderr
    else:
        assert r.exit_code == (1 if hat_fehler else 0), (r.stdout, r.stderr)
        assert r.stderr == ""
        daten = json.loads(r.stdout)
        assert daten["zusammenfassung"]["fehler"] == sum(b["schwere"] == "fehler" for b in daten["befunde"])
        # alle Formate aus demselben Ergebnis (der Speicher ist nach dem ersten Lauf warm)
        bericht = validiere(repo.resolve(), erwartet["stichtag"])
        assert bericht.exit_code() == r.exit_code
        assert json.loads(darstellung.als_json(bericht)) == daten
        puffer = io.StringIO()
        darstellung.als_text(bericht, Console(file=puffer, width=100, color_system=None))
        assert len(puffer.getvalue().splitlines()) >= len(daten["befunde"]) + 1
        assert darstellung.als_github(bericht).count("::") >= 2 * len(daten["befunde"])
        assert len(json.loads(als_codequality(bericht))) == len(daten["befunde"])
    assert _inhalt(tmp_path) == vorher



# --------------------------------------------------------------------------- Kleinigkeiten (Sitzung 2)


def test_vertippter_pfad_gibt_hinweis(cli, beispiel):
    r = cli("validate", "--daten", beispiel, str(beispiel / "gremien" / "gibts-nicht.yaml"))
    assert r.exit_code == 0  # gelöschte Dateien (z. B. aus git diff) sind kein Fehler …
    assert "gibt es nicht" in r.stderr and "gibts-nicht.yaml" in r.stderr  # … aber ein Tippfehler fällt auf


def test_json_pfad_mit_sonderzeichen_in_klammern():
    from netzwerk_cli.grundlagen.befunde import json_pfad

    assert json_pfad(("mitglieder", 3, "sitzgruppe")) == "$.mitglieder[3].sitzgruppe"
    assert json_pfad(("foo bar",)) == "$['foo bar']"
    assert json_pfad(("a'b", "x-y")) == "$['a\\'b']['x-y']"


def test_verknuepfungen_auf_oberster_ebene_werden_gemeldet(cli, beispiel, tmp_path):
    import json

    (tmp_path / "fremd.yaml").write_text("name: x\n", encoding="utf-8")
    (tmp_path / "fremder-ordner").mkdir()
    (beispiel / "extra.yaml").symlink_to(tmp_path / "fremd.yaml")
    (beispiel / "anderes").symlink_to(tmp_path / "fremder-ordner")
    (beispiel / "LIESMICH.txt").symlink_to(tmp_path / "fremd.yaml")  # keine YAML-Datei: still
    r = cli("validate", "--daten", beispiel, "--format", "json")
    befunde = {(b["datei"], b["regel"]) for b in json.loads(r.stdout)["befunde"]}
    assert ("extra.yaml", "datei-ungueltig") in befunde
    assert ("anderes", "datei-ungueltig") in befunde
    assert not any(d == "LIESMICH.txt" for d, _ in befunde)


def test_doppelte_id_zweite_datei_wird_trotzdem_schema_geprueft(tmp_path):
    from netzwerk_cli.validierung import validiere

    daten = minimal_repo(tmp_path / "d", {"personen/a/anna.yaml": "name: Anna\n", "personen/b/anna.yaml": "name: Anna\nunbekannt: 1\n"})
    befunde = {(b.datei, b.regel) for b in validiere(daten, "2026-11-21").befunde}
    assert befunde == {("personen/b/anna.yaml", "id-ungueltig"), ("personen/b/anna.yaml", "schema")}
