"""Issue 6: Die schnellen Wege liefern dasselbe wie die genauen.

* schneller Lader (ohne Positionen) und genauer Lader (mit Positionen) ergeben dieselben Daten;
* jsonschema-rs (Vorabtest) und jsonschema (Urteil und Meldungen) sind sich einig – auf allen
  Beispielen, auf veränderten Datensätzen und für jedes Zeichen in jedem Muster;
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


def _korpus_datensaetze() -> list[tuple[str, object]]:
    """(art, daten) aus den festen Dateien des feindlichen Korpus (tests/corpus/*/daten)."""
    ergebnis = []
    for daten in sorted((PROJEKT / "tests" / "corpus").glob("*/daten")):
        for pfad in sorted(daten.rglob("*.yaml")):
            rel = pfad.relative_to(daten).parts
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
    datensaetze = _datensaetze(PROJEKT / "data", PROJEKT / "tests" / "faelle", erzeugt_mit_fehlern) + _korpus_datensaetze()
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
    # wo Rust und Python (oder jsonschema-rs und jsonschema) auseinanderliegen könnten
    st.sampled_from(["0000-01-01", "2023-02-29", "2024-02-29", "２０２３-01-01", "amt-a\u2028", "amt-a\r", "a\x1cb", "x\x1c@y", "x@y\x1f", "https://a\x1eb", "x@y\u2028", "x\xa0@y", "x\ufeff@y", "ä@ö.de", "a b@c"]),
    st.sampled_from([1.0, 2.5, 10**20, -(10**20), True, False, 0, [1, 1.0], [1, True], [{"a": 1}, {"a": 1.0}], {"von": 1}]),
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
            # Kopie: Listen und Zuordnungen aus sampled_from sind geteilte Objekte; ein späterer
            # Schritt dürfte sie sonst verändern (Hypothesis meldet dann „Inconsistent data generation“)
            eltern[daten.draw(st.sampled_from(["unbekannt", "name", "status", "beispiel", "quelle"]))] = copy.deepcopy(daten.draw(_ersatz))
        else:
            eltern[pfad[-1]] = copy.deepcopy(daten.draw(_ersatz))
    _einig(art, satz)


def test_schnellpruefer_liest_2020_12():
    """Neben `$ref` gelten in 2020-12 weitere Schlüsselwörter (fastjsonschema las Draft 7 und
    übersah sie); der schnelle Prüfer urteilt wie jsonschema."""
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {"t": {"type": "string"}}, "$ref": "#/$defs/t", "maxLength": 2}
    schnell = schemata.schnellpruefer_fuer(schema)
    from jsonschema import Draft202012Validator

    genau = Draft202012Validator(schema)
    for wert, erwartet in (("ab", True), ("abc", False), (1, False)):
        assert schnell(wert) is erwartet and genau.is_valid(wert) is erwartet, wert


def _alle_muster() -> list[str]:
    gefunden: set[str] = set()

    def gehe(knoten):
        if isinstance(knoten, dict):
            for k, v in knoten.items():
                if k == "pattern" and isinstance(v, str):
                    gefunden.add(v)
                else:
                    gehe(v)
        elif isinstance(knoten, list):
            for v in knoten:
                gehe(v)

    for art in ARTEN:
        gehe(schemata.schema(art))
    return sorted(gefunden)


_MUSTER_BEISPIELE = ["amt-fuer-migration", "2023-11-06", "10:00", "https://example.org/pfad", "a@b.de", "sitz_gruppe-1"]


@pytest.mark.parametrize("muster", _alle_muster())
def test_muster_gleich_fuer_jedes_zeichen(muster):
    """Jedes Muster der Schemas: Python-`re` (jsonschema) und jsonschema-rs (übersetzt mit
    `muster_fuer_rust`) nehmen dieselben Texte an – für jedes Zeichen der Basisebene (darin aller
    Leerraum, alle Zeilenenden, U+2028/U+2029) und jedes 61. der übrigen Ebenen (ohne Leerraum;
    alle zu prüfen dauerte zu lange), vorn, in der Mitte, am Ende und anstelle eines Zeichens
    eines passenden Werts."""
    import re

    beispiel = next(b for b in _MUSTER_BEISPIELE if re.search(muster, b))
    schnell = schemata.schnellpruefer_fuer({"type": "string", "pattern": muster})
    python = re.compile(muster)
    mitte = len(beispiel) // 2
    abweichend = []
    for code in [*range(0x10000), *range(0x10000, 0x110000, 61), 0x10FFFF]:
        if 0xD800 <= code <= 0xDFFF:
            continue  # Surrogate: kein Text für Rust; der schnelle Prüfer sagt „ungültig“, der genaue Weg entscheidet
        z = chr(code)
        for wert in (z + beispiel, beispiel[:mitte] + z + beispiel[mitte:], beispiel[:mitte] + z + beispiel[mitte + 1 :], beispiel + z):
            if schnell(wert) != bool(python.search(wert)):
                abweichend.append(wert)
    assert abweichend == []


def test_muster_fuer_rust():
    assert schemata.muster_fuer_rust(r"^[^@\s]+$") == r"^[^@\s\x1c-\x1f]+$"
    assert schemata.muster_fuer_rust(r"^a\sb\Z") == r"^a[\s\x1c-\x1f]b\z"
    assert schemata.muster_fuer_rust(r"^\[\s\]$") == r"^\[[\s\x1c-\x1f]\]$"
    for unbekannt in (r"\d", r"\w", r"\S", r"\b"):
        with pytest.raises(ValueError):
            schemata.muster_fuer_rust(f"^a{unbekannt}$")
    kopie = schemata._fuer_rust({"properties": {"pattern": {"pattern": r"\s"}}, "const": {"pattern": r"\s"}, "enum": [{"pattern": r"\s"}]})
    assert kopie == {"properties": {"pattern": {"pattern": r"[\s\x1c-\x1f]"}}, "const": {"pattern": r"\s"}, "enum": [{"pattern": r"\s"}]}
    assert not schemata.schnellpruefer_fuer({"pattern": r"^a\Z"})("a\n")
    assert schemata.schnellpruefer_fuer({"pattern": r"^a\Z"})("a")


def test_formate_wie_referenz():
    """date und email: der schnelle Prüfer benutzt die Formatfunktionen der Referenz (jsonschema-rs
    selbst nähme z. B. 0000-01-01 als Datum und lehnte ä@ö.de ab)."""
    from jsonschema import Draft202012Validator

    schema = {"type": "object", "properties": {"d": {"type": "string", "format": "date"}, "e": {"type": "string", "format": "email"}}}
    schnell = schemata.schnellpruefer_fuer(schema)
    genau = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    werte = [f"{j}-{m:02d}-{t:02d}" for j in ("0000", "0001", "1900", "2000", "2023", "2024", "9999") for m in range(14) for t in range(33)]
    werte += ["2023-1-01", "２０２３-01-01", "2023-11-06T10:00", "2023-11-06\n", " 2023-11-06", ""]
    for wert in werte:
        assert schnell({"d": wert}) == genau.is_valid({"d": wert}), wert
    for wert in ("x@y", "ohne-at", "ä@ö.de", "a b@c", "@", "a@b@c", '"a b"@c.de', ""):
        assert schnell({"e": wert}) == genau.is_valid({"e": wert}), wert


def test_werkzeug_kennung_enthaelt_pruefer_fassungen(monkeypatch):
    """Eine andere Fassung von jsonschema-rs oder jsonschema macht den Zwischenspeicher ungültig."""
    from importlib.metadata import version

    assert dateipruefung.fassung("jsonschema_rs") == f"jsonschema_rs-{version('jsonschema_rs')}.dist-info"
    assert dateipruefung.fassung("jsonschema") == f"jsonschema-{version('jsonschema')}.dist-info"
    monkeypatch.setattr(dateipruefung, "_kennung", None)
    vorher = dateipruefung.werkzeug_kennung()
    echt = dateipruefung.fassung
    for paket in ("jsonschema_rs", "jsonschema"):
        monkeypatch.setattr(dateipruefung, "fassung", lambda p, paket=paket: "anders" if p == paket else echt(p))
        monkeypatch.setattr(dateipruefung, "_kennung", None)
        assert dateipruefung.werkzeug_kennung() != vorher, paket
    monkeypatch.setattr(dateipruefung, "fassung", echt)
    monkeypatch.setattr(dateipruefung, "_kennung", None)
    assert dateipruefung.werkzeug_kennung() == vorher


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
