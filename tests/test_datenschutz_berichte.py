"""Datenschutz in allen Berichten: Mit `--oeffentlich` erscheint keine nicht-öffentliche Person
mit Namen oder id – in keinem Format, weder in der kompakten noch in der ausführlichen Übersicht
von `status` –, und Kontaktdaten erscheinen nie, in keiner Fassung."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from berichte_hilfen import KONTAKT, PRIVATE_NAMEN, STICHTAG_KLEIN, baue_testrepo, flach
from conftest import BEISPIEL, PROJEKT, STICHTAG

FORMATE = [
    ("status", "--format", "text"),
    ("status", "--format", "markdown"),
    ("status", "--ausfuehrlich", "--format", "text"),
    ("status", "--ausfuehrlich", "--format", "markdown"),
    ("status", "--format", "json"),
    ("gremium", "show", "testgremium", "--format", "text"),
    ("gremium", "show", "testgremium", "--format", "markdown"),
    ("gremium", "show", "testgremium", "--format", "json"),
    ("diagramm", "--format", "mermaid"),
    ("diagramm", "--format", "dot"),
]


def _mit_stichtag(befehl: tuple, stichtag: str) -> tuple:
    return befehl + (("--stichtag", stichtag) if befehl[0] != "diagramm" else ())


@pytest.fixture
def privat(tmp_path) -> Path:
    """Das kleine Testrepository, dazu private Namen und eine E-Mail-Adresse in Freitexten,
    die Berichte zeigen (Ort der nächsten Sitzung, Titel einer Empfehlung, Name einer AG)."""
    from berichte_hilfen import ARBEITSGRUPPEN, EMPFEHLUNGEN

    return baue_testrepo(
        tmp_path / "privat",
        {
            "sitzungen/2025/testgremium-2025-09-17.yaml": (
                "gremium: testgremium\ndatum: 2025-09-17\nstatus: geplant\n"
                "ort: Büro von Bernd Geheim (bernd.geheim@example.invalid)\n"
            ),
            "empfehlungen/2025-001.yaml": EMPFEHLUNGEN["empfehlungen/2025-001.yaml"].replace(
                "Eingereichte Empfehlung", "Vorschlag von Clara Dritte"
            ),
            "arbeitsgruppen/ag-test.yaml": ARBEITSGRUPPEN["arbeitsgruppen/ag-test.yaml"].replace(
                "name: AG Test", "name: AG Test (Ansprechpartner bernd-geheim)"
            ),
        },
    )


def _keine_privaten_daten(text: str, namen: list[str]) -> None:
    klein = text.lower()
    for name in namen:
        assert name.lower() not in klein, f"„{name}“ steht in der öffentlichen Fassung"
    for kontakt in KONTAKT:
        assert kontakt.lower() not in klein, f"Kontaktdaten „{kontakt}“ in der Ausgabe"
    assert "geheim" not in klein


@pytest.mark.parametrize("befehl", FORMATE, ids=lambda b: " ".join(b[:-2] if b[0] != "gremium" else b[:2]) + " " + b[-1])
def test_oeffentlich_ohne_private_namen_und_kontakte(cli, privat, befehl):
    r = cli(*_mit_stichtag(befehl, STICHTAG_KLEIN), "--daten", privat, "--oeffentlich")
    assert r.exit_code == 0, r.stderr
    _keine_privaten_daten(r.stdout, PRIVATE_NAMEN)
    if befehl[0] == "gremium":
        assert "Anna Alpha" in r.stdout  # öffentliche Person: mit Namen
        assert '"nicht_oeffentlich": true' in r.stdout if befehl[-1] == "json" else "Name nicht öffentlich" in r.stdout
    if befehl[0] == "status":
        # im Namen der AG geschwärzt (Markdown maskiert die eckigen Klammern; im Text kann die
        # Tabellenzelle umbrechen)
        assert "[Name nicht" in r.stdout.replace("\\[", "[")
    if befehl[0] == "status" and ("--ausfuehrlich" in befehl or befehl[-1] == "json"):
        # aus dem Ort der nächsten Sitzung geschwärzt (die kompakte Übersicht nennt nur das Datum)
        assert re.search(r"Büro von \\?\[Name nicht öffentlich\\?\] \(\\?\[E-Mail entfernt\\?\]\)", flach(r.stdout))


@pytest.mark.parametrize("befehl", FORMATE, ids=lambda b: " ".join(b))
def test_kontaktdaten_nie_auch_intern(cli, privat, befehl):
    r = cli(*_mit_stichtag(befehl, STICHTAG_KLEIN), "--daten", privat)
    assert r.exit_code == 0
    for kontakt in ("+49 7531 999888", "Geheimweg"):
        assert kontakt not in r.stdout
    if befehl[0] == "gremium":
        assert "Bernd Geheim" in r.stdout  # interne Fassung: mit Namen


def test_json_oeffentlich_ohne_ids_und_namen(cli, privat):
    b = json.loads(cli("gremium", "show", "testgremium", "--daten", privat, "--stichtag", STICHTAG_KLEIN, "--format", "json", "--oeffentlich").stdout)
    beauftragte = [z for z in b["zeilen"] if z["sitzgruppe"] == "beauftragte"]
    assert [(z["person"], z["name"], z["nicht_oeffentlich"]) for z in beauftragte] == [(None, None, True), (None, None, True)]
    assert [z["rolle"] for z in beauftragte] == ["Integrationsbeauftragte des Testkreises", "Referent für Integration"]
    anna = next(z for z in b["zeilen"] if z["sitzgruppe"] == "aemter" and z["art"] == "mitglied")
    assert (anna["person"], anna["name"], anna["nicht_oeffentlich"]) == ("anna-alpha", "Anna Alpha", False)
    s = json.loads(cli("status", "--daten", privat, "--stichtag", STICHTAG_KLEIN, "--format", "json", "--oeffentlich").stdout)
    (leitung,) = s["arbeitsgruppen"]["aktiv"][0]["leitung"]
    assert leitung == {"person": None, "name": None, "bezeichnung": "Referent für Integration (Name nicht öffentlich)"}


def test_sitzung_vorbereiten_ohne_kontaktdaten(cli, privat):
    r = cli("sitzung", "vorbereiten", "testgremium", "--datum", "2025-10-01", "--daten", privat)
    assert r.exit_code == 0
    datei = (privat / "sitzungen" / "2025" / "testgremium-2025-10-01.yaml").read_text(encoding="utf-8")
    for text in (r.stdout, datei):
        for kontakt in KONTAKT:
            assert kontakt not in text


# --------------------------------------------------------------------------- Beispieldaten


def _private_personen_der_beispieldaten() -> list[str]:
    import yaml

    namen = []
    for p in (BEISPIEL / "personen").glob("*.yaml"):
        d = yaml.safe_load(p.read_text(encoding="utf-8"))
        if d.get("oeffentlich") is not True:
            namen += [d["name"], p.stem]
    return namen


def _kontakte_der_beispieldaten() -> list[str]:
    import yaml

    werte = []
    for p in (BEISPIEL / "personen").glob("*.yaml"):
        werte += [str(v) for v in (yaml.safe_load(p.read_text(encoding="utf-8")).get("kontakt") or {}).values()]
    return werte


def test_beispieldaten_haben_private_personen_und_kontakte():
    assert "Maria Muster" in _private_personen_der_beispieldaten()
    assert "maria.muster@beispiel.invalid" in _kontakte_der_beispieldaten()


def _alle_beispielaufrufe():
    gremien = sorted(p.stem for p in (BEISPIEL / "gremien").glob("*.yaml"))
    for fmt in ("text", "markdown", "json"):
        yield ("status", "--stichtag", STICHTAG, "--format", fmt)
        yield ("status", "--stichtag", "2024-01-01", "--format", fmt)
        if fmt != "json":
            yield ("status", "--stichtag", STICHTAG, "--format", fmt, "--ausfuehrlich")
        for g in gremien:
            yield ("gremium", "show", g, "--stichtag", STICHTAG, "--format", fmt)
    for fmt in ("mermaid", "dot"):
        yield ("diagramm", "--format", fmt)


def test_beispieldaten_oeffentlich_in_jedem_format(cli):
    private = _private_personen_der_beispieldaten()
    kontakte = _kontakte_der_beispieldaten()
    for befehl in _alle_beispielaufrufe():
        r = cli(*befehl, "--daten", BEISPIEL, "--oeffentlich")
        assert r.exit_code == 0, befehl
        for wert in private + kontakte:
            assert not re.search(rf"(?<![\w-]){re.escape(wert)}(?![\w-])", r.stdout, re.IGNORECASE), (befehl, wert)
        # reale, öffentlich genannte Personen erscheinen weiter mit Namen
        if befehl[:3] == ("gremium", "show", "strategiegruppe"):
            assert "Luisa Pauge" in r.stdout


def test_beispieldaten_intern_nie_kontaktdaten(cli):
    kontakte = _kontakte_der_beispieldaten()
    for befehl in _alle_beispielaufrufe():
        r = cli(*befehl, "--daten", BEISPIEL)
        assert r.exit_code == 0
        for wert in kontakte:
            assert wert not in r.stdout, (befehl, wert)


# --------------------------------------------------------------------------- eine Stelle


def test_kein_berichtscode_liest_kontakt():
    """Nur datenschutz.py liest Personen, und zwar nur eine feste Liste von Feldern."""
    dateien = list((PROJEKT / "netzwerk_cli" / "berichte").glob("*.py")) + [
        PROJEKT / "netzwerk_cli" / "ausgabe" / f"{n}.py" for n in ("gremium", "agenda", "diagramm", "format", "layout")
    ]
    status = sorted((PROJEKT / "netzwerk_cli" / "ausgabe" / "status").glob("*.py"))
    assert {d.name for d in status} >= {"__init__.py", "wortlaut.py", "text.py", "markdown.py"}
    dateien += status
    for datei in dateien:
        quelltext = datei.read_text(encoding="utf-8")
        assert not re.search(r"""["']kontakt["']""", quelltext), datei.name
        if datei.name != "datenschutz.py":
            assert "Datenschutz(" not in quelltext or datei.parent.name == "berichte"


def test_datenschutz_anzeige_und_schwaerzen(tmp_path):
    from netzwerk_cli.berichte.datenschutz import Datenschutz
    from netzwerk_cli.berichte.grundlagen import laden

    repo = laden(baue_testrepo(tmp_path / "r"), STICHTAG_KLEIN)
    oeff = Datenschutz(repo.bestand, oeffentlich=True)
    intern = Datenschutz(repo.bestand, oeffentlich=False)
    assert intern.anzeige("bernd-geheim").name == "Bernd Geheim"
    a = oeff.anzeige("bernd-geheim", "AG-Leitung")
    assert (a.person, a.name, a.bezeichnung) == (None, None, "Referent für Integration (Name nicht öffentlich)")
    assert oeff.anzeige("anna-alpha").bezeichnung == "Anna Alpha"
    assert oeff.anzeige("unbekannt-xy").bezeichnung == "Person (Name nicht öffentlich)"
    assert oeff.text("Bericht von Bernd Geheim, bernd-geheim und CLARA DRITTE an x@y.de") == (
        "Bericht von [Name nicht öffentlich], [Name nicht öffentlich] und [Name nicht öffentlich] an [E-Mail entfernt]"
    )
    assert oeff.text("Anna Alpha") == "Anna Alpha"
    assert intern.text("Bernd Geheim") == "Bernd Geheim"
    assert oeff.bereinigen({"a": ["Clara Dritte", 3, None], "b": ("bernd-geheim",)}) == {
        "a": ["[Name nicht öffentlich]", 3, None],
        "b": ("[Name nicht öffentlich]",),
    }


def test_fehlerhafter_personendatensatz_wird_trotzdem_geschwaerzt(cli, tmp_path):
    """Eine öffentliche Person mit Schemafehler gilt als nicht öffentlich; ihr Name erscheint nicht."""
    repo = baue_testrepo(
        tmp_path / "r",
        {"personen/anna-alpha.yaml": "name: Anna Alpha\norganisation: amt-a\nrollen: [amtsleitung]\noeffentlich: true\nunbekannt: 1\n"},
    )
    for befehl in FORMATE:
        r = cli(*_mit_stichtag(befehl, STICHTAG_KLEIN), "--daten", repo, "--oeffentlich")
        assert r.exit_code == 0
        assert "anna alpha" not in r.stdout.lower() and "anna-alpha" not in r.stdout
