"""Issue 6: Die schnellen Wege liefern dasselbe wie die genauen.

* schneller Lader (ohne Positionen) und genauer Lader (mit Positionen) ergeben dieselben Daten;
* fastjsonschema (Vorabtest) und jsonschema (Urteil und Meldungen) sind sich einig;
* parallel geprüft = seriell geprüft, auf erzeugten Repositorys mit eingebauten Fehlern;
* der Bestand „nach Bedarf“ (advance) liefert dieselben Datensätze wie der vollständige.

Zeiten misst nur bench/run.py, nie ein Test.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from profil import beispiele

from netzwerk_cli import dateipruefung
from netzwerk_cli.bestand.laden import lade_bedarf, lade_bestand
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN, ORDNER
from netzwerk_cli.quellen import yamltext
from netzwerk_cli.validierung import validiere

PROJEKT = Path(__file__).resolve().parents[1]
if str(PROJEKT) not in sys.path:
    sys.path.insert(0, str(PROJEKT))

from bench import generate

STICHTAG = generate.STICHTAG.isoformat()


def test_libyaml_vorhanden():
    """Ohne libyaml wäre alles etwa neunmal langsamer (und CSafeLoader fehlte)."""
    assert yaml.__with_libyaml__
    assert hasattr(yaml, "CSafeLoader")


@pytest.fixture(scope="module")
def erzeugt_mit_fehlern(tmp_path_factory) -> Path:
    """2 000 Datensätze (genug für den parallelen Weg) mit 40 eingebauten Fehlern gemischter Regeln."""
    ziel = tmp_path_factory.mktemp("schnell") / "daten"
    generate.erzeuge(ziel, 2000, seed=11, fehler=40)
    return ziel


def _alle_yaml_texte(*ordner: Path) -> list[tuple[str, str]]:
    texte = []
    for basis in ordner:
        for pfad in sorted(basis.rglob("*.yaml")):
            if pfad.is_symlink() or not pfad.is_file():
                continue
            try:
                texte.append((pfad.as_posix(), pfad.read_bytes().decode("utf-8-sig")))
            except UnicodeDecodeError:
                continue
    return texte


def _gleich(text: str) -> None:
    schnell = yamltext.lade_schnell(text)
    if schnell is yamltext.LANGSAM:
        return
    dok, probleme = yamltext.lade_text(text)
    assert dok is not None and probleme == [], (text, probleme)
    assert schnell == dok.daten
    assert _typen(schnell) == _typen(dok.daten)  # True ≠ 1 für Python-Vergleiche, hier nicht


def _typen(wert):
    if isinstance(wert, dict):
        return {k: _typen(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_typen(v) for v in wert]
    return type(wert).__name__


def test_lader_gleich_auf_allen_beispielen(erzeugt_mit_fehlern):
    texte = _alle_yaml_texte(PROJEKT / "data", PROJEKT / "tests" / "faelle", erzeugt_mit_fehlern)
    assert len(texte) > 2000
    langsam = 0
    for _, text in texte:
        _gleich(text)
        langsam += yamltext.lade_schnell(text) is yamltext.LANGSAM
    assert langsam < len(texte) / 4  # der schnelle Weg trägt die gewöhnlichen Dateien


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # Anker/Alias
        "a: !!str 1\n",  # Tag
        "<<: {a: 1}\n",  # Merge-Schlüssel
        "a: 1\na: 2\n",  # doppelt
        "a: yes\n",  # YAML-1.1-Falle
        "a: 0123\n",  # oktal
        "a: 1_000\n",
        "1: a\n",  # Zahl als Schlüssel
        "? [a]\n: b\n",  # Liste als Schlüssel
        "--- \na: 1\n--- \nb: 2\n",  # mehrere Dokumente
        "- a\n- b\n",  # Liste als Wurzel
        "a\n",  # Skalar als Wurzel
        "a: 1.5\n",  # Gleitkommazahl (genauer Weg)
        "a: " + "[" * 60 + "]" * 60 + "\n",  # zu tief
        "a: " + "9" * 5000 + "\n",  # riesige Zahl
        "a: b: c\n",  # Syntaxfehler
        "",  # leer
        "# nur Kommentar\n",
        "~: a\n",  # null-Schlüssel
        "a: =\n",  # value-Tag
    ],
)
def test_schneller_lader_gibt_besonderes_ab(text):
    assert yamltext.lade_schnell(text) is yamltext.LANGSAM


def test_schneller_lader_nimmt_gewoehnliches():
    daten = yamltext.lade_schnell('name: "Amt: Migration"\ndatum: 2024-01-31\nzahl: -12\nja: true\nnein: False\nleer: ~\nliste: [a, "1", 2]\n')
    assert daten == {"name": "Amt: Migration", "datum": "2024-01-31", "zahl": -12, "ja": True, "nein": False, "leer": None, "liste": ["a", "1", 2]}


def test_schneller_lader_ohne_rekursion_bei_tiefer_blockverschachtelung():
    """„- - - - x“ 100 000-fach: der Compose-Weg von libyaml stürzte hier ab (Segfault)."""
    assert yamltext.lade_schnell("a:\n  " + "- " * 100_000 + "x\n") is yamltext.LANGSAM


_skalare = st.one_of(
    st.text(max_size=12),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.booleans(),
    st.none(),
    st.floats(allow_nan=False, allow_infinity=False),
    st.sampled_from(["yes", "no", "on", "off", "0123", "1_000", "2024-02-30", "12:30", "~", "null", "True", "=", "<<", "&a", "*a", "!x"]),
)
_werte = st.recursive(_skalare, lambda kinder: st.lists(kinder, max_size=4) | st.dictionaries(st.text(max_size=6), kinder, max_size=4), max_leaves=12)


@settings(max_examples=beispiele(300), deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(daten=st.dictionaries(st.text(max_size=8), _werte, min_size=1, max_size=5), stil=st.sampled_from([None, False, True]))
def test_lader_gleich_auf_zufaelligen_dokumenten(daten, stil):
    text = yaml.safe_dump(daten, default_flow_style=stil, allow_unicode=True, sort_keys=False)
    _gleich(text)


@settings(max_examples=beispiele(300), deadline=None, derandomize=True)
@given(text=st.text(alphabet=st.sampled_from(list("ab:- \n[]{},'\"#&*!|>~01\t?%@`")), max_size=60))
def test_lader_gleich_auf_yaml_aehnlichem_text(text):
    _gleich(text)


# --------------------------------------------------------------------------- Schemaprüfer einig


def _datensaetze(*ordner: Path) -> list[tuple[str, object]]:
    """(art, daten) aus Repositorys: alles, was der genaue Lader als Zuordnung liest."""
    ergebnis = []
    for wurzel in ordner:
        for netz in sorted(wurzel.rglob("netzwerk.yaml")):
            basis = netz.parent
            for pfad in sorted(basis.rglob("*.yaml")):
                rel = pfad.relative_to(basis).parts
                art = "netzwerk" if rel == ("netzwerk.yaml",) else ORDNER.get(rel[0]) if len(rel) > 1 else None
                if art is None or not pfad.is_file() or pfad.is_symlink():
                    continue
                try:
                    dok, _ = yamltext.lade_text(pfad.read_bytes().decode("utf-8-sig"))
                except UnicodeDecodeError:
                    continue
                if dok is not None:
                    ergebnis.append((art, dok.daten))
    return ergebnis


def _einig(art: str, daten) -> None:
    schnell = schemata.schnellpruefer(art)(daten)
    genau = schemata.validator(art).is_valid(daten)
    assert schnell == genau, (art, json.dumps(daten, ensure_ascii=False, default=str)[:500])


def test_schemapruefer_einig_auf_allen_beispielen(erzeugt_mit_fehlern):
    datensaetze = _datensaetze(PROJEKT / "data", PROJEKT / "tests" / "faelle", erzeugt_mit_fehlern)
    assert len(datensaetze) > 2000
    ungueltig = 0
    for art, daten in datensaetze:
        _einig(art, daten)
        ungueltig += not schemata.validator(art).is_valid(daten)
    assert ungueltig > 20  # die Fälle enthalten viele ungültige Datensätze


@pytest.fixture(scope="module")
def vorlagen() -> dict[str, list[dict]]:
    """Gültige Datensätze je Art aus data/ als Ausgangspunkt für Veränderungen."""
    je_art: dict[str, list[dict]] = {}
    for art, daten in _datensaetze(PROJEKT / "data"):
        if isinstance(daten, dict) and schemata.validator(art).is_valid(daten):
            je_art.setdefault(art, []).append(daten)
    assert set(je_art) == set(ARTEN)
    return je_art


_ersatz = st.one_of(
    _skalare,
    st.sampled_from(["2023-02-30", "2023-11-06T10:00", "2023-13-01", "kein datum", "x@y", "ohne-at", "Gross-Id", "a--b", "", " ", "-a", "2023-11-06\n", "10:00\n", "amt-a\n", "x@y\n", "https://example.org\n"]),
    st.lists(st.sampled_from(["a", "b", "a", 1, None]), max_size=4),
    st.dictionaries(st.sampled_from(["name", "x", "von", "bis", "person"]), _skalare, max_size=3),
)


def _stellen(wert, pfad=()):
    yield pfad
    if isinstance(wert, dict):
        for k, v in wert.items():
            yield from _stellen(v, pfad + (k,))
    elif isinstance(wert, list):
        for i, v in enumerate(wert):
            yield from _stellen(v, pfad + (i,))


@settings(max_examples=beispiele(400), deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(daten=st.data())
def test_schemapruefer_einig_auf_veraenderten_datensaetzen(vorlagen, daten):
    import copy

    art = daten.draw(st.sampled_from(sorted(vorlagen)))
    satz = copy.deepcopy(daten.draw(st.sampled_from(vorlagen[art])))
    for _ in range(daten.draw(st.integers(1, 3))):
        stellen = [p for p in _stellen(satz) if p]
        pfad = daten.draw(st.sampled_from(stellen))
        eltern = satz
        for schritt in pfad[:-1]:
            eltern = eltern[schritt]
        aktion = daten.draw(st.sampled_from(["ersetzen", "loeschen", "neu"]))
        if aktion == "loeschen":
            del eltern[pfad[-1]]
        elif aktion == "neu" and isinstance(eltern, dict):
            eltern[daten.draw(st.sampled_from(["unbekannt", "name", "status", "beispiel", "quelle"]))] = daten.draw(_ersatz)
        else:
            eltern[pfad[-1]] = daten.draw(_ersatz)
    _einig(art, satz)


def test_schemas_in_der_gemeinsamen_teilmenge():
    """fastjsonschema liest die Schemas als Draft 7: dort gelten neben `$ref` keine weiteren
    Schlüsselwörter. Also darf `$ref` nur mit Anmerkungen zusammenstehen."""
    anmerkungen = {"$ref", "description", "title", "x-ref", "x-zeitraum", "examples", "$comment", "default"}
    funde = []

    def gehe(knoten, pfad):
        if isinstance(knoten, dict):
            if "$ref" in knoten and set(knoten) - anmerkungen:
                funde.append((pfad, sorted(set(knoten) - anmerkungen)))
            for k, v in knoten.items():
                gehe(v, f"{pfad}/{k}")
        elif isinstance(knoten, list):
            for i, v in enumerate(knoten):
                gehe(v, f"{pfad}/{i}")

    for art in ARTEN:
        gehe(schemata.schema(art), art)
    assert funde == []


# --------------------------------------------------------------------------- parallel = seriell


def _befunde(bericht) -> list[tuple]:
    return [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]


def test_parallel_gleich_seriell(erzeugt_mit_fehlern, monkeypatch):
    aufrufe = []
    original = dateipruefung._parallel

    def gezaehlt(*args):
        aufrufe.append(len(args[0]))
        return original(*args)

    monkeypatch.setattr(dateipruefung, "_parallel", gezaehlt)
    monkeypatch.setenv("NETZWERK_PROZESSE", "1")
    seriell = validiere(erzeugt_mit_fehlern, STICHTAG, zwischenspeicher=False)
    assert aufrufe == []
    monkeypatch.setenv("NETZWERK_PROZESSE", "2")
    parallel = validiere(erzeugt_mit_fehlern, STICHTAG, zwischenspeicher=False)
    assert aufrufe and aufrufe[0] >= dateipruefung.MIN_DATEIEN_PARALLEL  # der parallele Weg lief wirklich
    assert _befunde(parallel) == _befunde(seriell)
    assert parallel.fehler >= 40
    erwartet = json.loads((erzeugt_mit_fehlern / ".erwartet.json").read_text(encoding="utf-8"))
    gefunden = {(b.datei, b.regel) for b in parallel.befunde}
    assert [e for e in erwartet if (e["datei"], e["regel"]) not in gefunden] == []


def test_parallel_faellt_auf_seriell_zurueck(erzeugt_mit_fehlern, monkeypatch):
    """Stirbt der Prozesspool (hier: simuliert), wird seriell geprüft – mit demselben Ergebnis."""

    def kaputt(*args):
        raise OSError("fork nicht möglich")

    monkeypatch.setenv("NETZWERK_PROZESSE", "1")
    seriell = validiere(erzeugt_mit_fehlern, STICHTAG, zwischenspeicher=False)
    monkeypatch.setattr(dateipruefung, "_parallel", kaputt)
    monkeypatch.setenv("NETZWERK_PROZESSE", "2")
    assert _befunde(validiere(erzeugt_mit_fehlern, STICHTAG, zwischenspeicher=False)) == _befunde(seriell)


def test_bestand_nach_bedarf_gleich_vollstaendig(erzeugt_mit_fehlern):
    voll = lade_bestand(erzeugt_mit_fehlern, zwischenspeicher=False)
    bedarf = lade_bedarf(erzeugt_mit_fehlern)
    for art, saetze in voll.arten.items():
        assert sorted(bedarf.arten[art]) == sorted(saetze)
        for id_, ds in list(saetze.items())[:200]:
            anders = bedarf.hole(art, id_)
            assert (anders.datei, anders.lesbar, anders.gueltig, anders.daten) == (ds.datei, ds.lesbar, ds.gueltig, ds.daten)
    assert bedarf.hole("person", "gibt-es-nicht") is None
    assert bedarf.netzwerk.daten == voll.netzwerk.daten
    # alle auf einmal (Zwischenspeicher + parallel, z. B. empfehlung list): dasselbe
    frisch = lade_bedarf(erzeugt_mit_fehlern)
    alle = {ds.id: (ds.datei, ds.lesbar, ds.gueltig, ds.daten) for ds in frisch.arten["empfehlung"].values()}
    assert len(alle) > 100
    assert alle == {i: (d.datei, d.lesbar, d.gueltig, d.daten) for i, d in voll.arten["empfehlung"].items()}
