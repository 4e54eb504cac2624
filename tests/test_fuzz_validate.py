"""Hypothesis gegen `validate`: zufällige Bytes und zufällige YAML-artige Datensätze, deren
Schlüssel und Werte aus den echten Schemas stammen, in Dateien eines kleinen Repositorys
(in allen Art-Ordnern, in fremden Ordnern, mit fremden Endungen, als netzwerk.yaml).

Keine Ausnahme darf entkommen; jeder Befund ist wohlgeformt (bekannte Regel-id mit ihrer
Schwere, Datei im Repository, Zeile und Spalte ≥ 1 und innerhalb der Datei, deutsche und
kurze Meldung); der Exit-Code folgt aus den Befunden; ein zweiter Lauf aus dem
Zwischenspeicher liefert dieselben Befunde. Ergänzt tests/test_fuzz_lader.py (Lader) und den
Korpus tests/corpus/ (gezielte Angriffe, siehe docs/FUZZING.md).

Deterministisch (derandomize): gleiche Beispiele in jedem Lauf, also kein zufällig roter CI-Lauf;
neue Beispiele sucht der atheris-Harness (fuzz/).
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from profil import beispiele
from test_korpus_feindlich import MAX_MELDUNG, REGELN, ist_deutsch

from netzwerk_cli.grundlagen.arten import ORDNER_VON_ART
from netzwerk_cli.quellen import yamltext
from netzwerk_cli.validierung import validiere

PROJEKT = Path(__file__).resolve().parents[1]
STICHTAG = "2026-11-21"
EINSTELLUNGEN = dict(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

ORDNER = ORDNER_VON_ART  # Art → Ordner, wie das Werkzeug sie kennt

# --------------------------------------------------------------------------- aus den Schemas


def _schema_sammeln(knoten, schluessel: set, werte: set) -> None:
    """Alle Feldnamen und Aufzählungswerte eines Schemas (rekursiv, auch in $defs)."""
    if isinstance(knoten, dict):
        for name, teil in (knoten.get("properties") or {}).items():
            schluessel.add(name)
            _schema_sammeln(teil, schluessel, werte)
        for wert in knoten.get("enum") or []:
            if isinstance(wert, str):
                werte.add(wert)
        for name, teil in knoten.items():
            if name != "properties":
                _schema_sammeln(teil, schluessel, werte)
    elif isinstance(knoten, list):
        for teil in knoten:
            _schema_sammeln(teil, schluessel, werte)


def _schemas() -> dict[str, tuple[list[str], list[str], list[str]]]:
    """art → (Felder der obersten Ebene, alle Feldnamen, Aufzählungswerte)."""
    ergebnis = {}
    for art in ("netzwerk", *ORDNER):
        schema = json.loads((PROJEKT / "schemas" / f"{art}.schema.json").read_text(encoding="utf-8"))
        schluessel: set = set()
        werte: set = set()
        _schema_sammeln(schema, schluessel, werte)
        ergebnis[art] = (sorted(schema.get("properties") or {}), sorted(schluessel), sorted(werte))
    return ergebnis


SCHEMAS = _schemas()
ALLE_SCHLUESSEL = sorted({s for _, alle, _ in SCHEMAS.values() for s in alle})
ALLE_WERTE = sorted({w for _, _, werte in SCHEMAS.values() for w in werte})

# --------------------------------------------------------------------------- Strategien

IDS = ["amt", "anna", "kreis", "kreis-2024-03-01", "e-1", "ag", "fehlt", "Amt", "../amt", "amt/x", "a_b", "-a", ""]
FEINDLICHE_TEXTE = [
    "2023-02-30", "2024-02-29", "2023-11-06 10:00", "2023-11-06T10:00:00Z", "0000-01-01", "9999-12-31",
    "yes", "no", "on", "off", "0123", "1:20", "1_000", "0x1F", ".inf", ".nan", "~", "null", "<<", "*a", "&a",
    "!!python/object/apply:os.system", "!t", "%TAG", "---", "...", "- x", "a: b", "{a: 1}", "[1, 2]", "#",
    "\t", "„Zitat“", "äöüß", "\ufeff", "😀", "a" * 70, "x" * 600, "\x00", "\x07", "\x1b[31m",
    "Zeile\u2028Trenner", "Absatz\u2029Trenner", "NEL\x85Ende",
]
# Kein einzelnes \r: YAML und Editoren nehmen es als Zeilenumbruch, Git nicht – die Zeile wäre
# mehrdeutig. (U+2028, U+2029 und U+0085 rechnet der Lader auf Editor-Zeilen um; Fall
# tests/corpus/zeilentrenner-unicode.)
ZEICHEN = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r")

skalar = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**40), max_value=10**40),
    st.sampled_from([0, -1, 1000000, 1000001, 2**63, -(2**63), 10**4000]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(ZEICHEN, max_size=20),
    st.sampled_from(IDS),
    st.sampled_from(FEINDLICHE_TEXTE),
    st.sampled_from(ALLE_WERTE),
)
schluessel = st.one_of(
    st.sampled_from(ALLE_SCHLUESSEL),
    st.sampled_from(["<<", "yes", "1", "", " ", "Name", "name ", "ä", "x" * 80]),
    st.text(ZEICHEN, min_size=1, max_size=8),
)
wert = st.recursive(
    skalar,
    lambda kinder: st.one_of(st.lists(kinder, max_size=4), st.dictionaries(schluessel, kinder, max_size=5)),
    max_leaves=30,
)


@st.composite
def datensatz(draw, art: str):
    """Eine Zuordnung mit (meist) Feldern der Art, Werten beliebiger Form."""
    oben, _, werte = SCHEMAS[art]
    felder = st.sampled_from(oben) if oben else schluessel
    wertbasis = st.one_of(wert, st.sampled_from(werte)) if werte else wert
    daten = draw(st.dictionaries(st.one_of(felder, felder, felder, schluessel), wertbasis, max_size=8))
    if draw(st.integers(0, 9)) == 0:  # nicht-Text-Schlüssel: Zahl, Wahrheitswert, null
        daten[draw(st.sampled_from([1, True, None, 2.5]))] = draw(skalar)
    return daten


VERDERBER = [
    "nichts", "nichts", "nichts", "bom", "crlf", "abschneiden", "byte", "anker", "tag", "merge", "dokument",
    "doppelt", "tab", "liste", "tief",
]


@st.composite
def yaml_text(draw, art: str) -> bytes:
    """Ein Datensatz als YAML (Block/Flow, Unicode/ASCII), dann höchstens eine gezielte Störung."""
    daten = draw(datensatz(art))
    stil = draw(st.sampled_from([None, True, False]))
    try:
        text = yaml.safe_dump(daten, allow_unicode=draw(st.booleans()), default_flow_style=stil, sort_keys=False, width=draw(st.sampled_from([80, 10**6])))
    except yaml.YAMLError:  # pragma: no cover - safe_dump kann alles aus diesen Strategien
        text = "name: x\n"
    zeilen = text.splitlines(keepends=True) or ["\n"]
    art_der_stoerung = draw(st.sampled_from(VERDERBER))
    stelle = draw(st.integers(0, len(zeilen)))
    if art_der_stoerung == "anker":
        zeilen.insert(stelle, draw(st.sampled_from(["a: &x 1\n", "b: *x\n", "c: &y [1, *y]\n", "? &k k\n: 1\n"])))
    elif art_der_stoerung == "tag":
        zeilen.insert(stelle, draw(st.sampled_from(["t: !!python/object/apply:os.system [x]\n", "t: !!str x\n", "t: !lokal x\n", "t: !!binary aGFsbG8=\n"])))
    elif art_der_stoerung == "merge":
        zeilen.insert(stelle, "<<: {name: x}\n")
    elif art_der_stoerung == "dokument":
        zeilen.insert(stelle, "---\n")
    elif art_der_stoerung == "doppelt" and zeilen:
        zeilen.insert(stelle, zeilen[min(stelle, len(zeilen) - 1)])
    elif art_der_stoerung == "tab":
        zeilen.insert(stelle, "\tname: x\n")
    elif art_der_stoerung == "liste":
        zeilen = ["- " + z if i == 0 else "  " + z for i, z in enumerate(zeilen)]
    elif art_der_stoerung == "tief":
        n = draw(st.sampled_from([39, 40, 41, 200, 3000]))
        zeilen.insert(stelle, "tief: " + "[" * n + "]" * n + "\n")
    roh = "".join(zeilen).encode("utf-8")
    if art_der_stoerung == "bom":
        roh = b"\xef\xbb\xbf" + roh
    elif art_der_stoerung == "crlf":
        roh = roh.replace(b"\n", b"\r\n")
    elif art_der_stoerung == "abschneiden":
        roh = roh[: draw(st.integers(0, len(roh)))]
    elif art_der_stoerung == "byte":
        i = draw(st.integers(0, len(roh)))
        roh = roh[:i] + bytes([draw(st.sampled_from([0x00, 0x80, 0xC0, 0xFE, 0xFF, 0x07, 0x1B]))]) + roh[i:]
    return roh


DATEINAMEN = st.one_of(
    st.sampled_from(["zufall", "anna", "amt", "kreis", "e-1", "ag"]),  # oft gültig, auch als Dublette
    st.sampled_from(["Zufall", "a_b", "-", "a--b", "x" * 65, "ä", "anna ", "2024"]),
)
ENDUNGEN = st.sampled_from([".yaml", ".yaml", ".yaml", ".yaml", ".yml", ".YAML", ".json", ""])
ORTE = st.sampled_from([*ORDNER.values(), *ORDNER.values(), "sitzungen/2024", "protokolle", ""])


@st.composite
def datei(draw) -> tuple[str, bytes]:
    """(relativer Pfad, Inhalt): ein YAML-artiger Datensatz einer zufälligen Art oder Bytes."""
    ort = draw(ORTE)
    art = next((a for a, o in ORDNER.items() if ort.startswith(o)), draw(st.sampled_from(sorted(ORDNER))))
    if draw(st.integers(0, 4)) == 0:
        inhalt = draw(st.binary(max_size=300))
    else:
        inhalt = draw(yaml_text(art))
    name = draw(DATEINAMEN) + draw(ENDUNGEN)
    return (f"{ort}/{name}" if ort else name), inhalt


# --------------------------------------------------------------------------- das kleine Repository

BASIS = {
    "netzwerk.yaml": "name: Testnetzwerk\n",
    "organisationen/amt.yaml": "name: Amt\ntyp: amt\n",
    "personen/anna.yaml": "name: Anna\norganisation: amt\nrollen: [amtsleitung]\n",
    "gremien/kreis.yaml": (
        "name: Kreis\nart: beirat\nsitzungen_pro_jahr: {min: 1, max: 2}\nsitzgruppen:\n"
        "  - {id: alle, name: Alle, anzahl: 1}\nmitglieder:\n  - {person: anna, sitzgruppe: alle, von: 2020-01-01}\n"
    ),
    "sitzungen/kreis-2024-03-01.yaml": "gremium: kreis\ndatum: 2024-03-01\nstatus: durchgefuehrt\nanwesend: [anna]\n",
    "arbeitsgruppen/ag.yaml": "name: AG\neingesetzt_von: kreis\nstatus: aktiv\n",
}


def _zeilen(roh: bytes) -> int | None:
    """Zeilen einer Datei wie Git sie zählt; None, wenn die Zählung nicht eindeutig ist."""
    if b"\r" in roh.replace(b"\r\n", b""):
        return None  # einzelnes \r: Zeilenzählung mehrdeutig (siehe ZEICHEN)
    # libyaml meldet Fehler am Ende einer Datei ohne abschließendes \n in der Zeile danach:
    # bekannter Fehler, Fall tests/corpus/syntaxfehler-am-dateiende; hier eine Zeile Spielraum.
    return roh.count(b"\n") + (1 if roh.endswith(b"\n") else 2)


def pruefe_repository(dateien: dict[str, bytes], stichtag: str = STICHTAG) -> list[dict]:
    with tempfile.TemporaryDirectory() as ordner:
        wurzel = Path(ordner) / "repo"
        for rel, inhalt in {**BASIS, **dateien}.items():
            pfad = wurzel / rel
            try:
                pfad.parent.mkdir(parents=True, exist_ok=True)
                pfad.write_bytes(inhalt if isinstance(inhalt, bytes) else inhalt.encode("utf-8"))
            except (IsADirectoryError, NotADirectoryError, FileExistsError):
                continue  # „sitzungen/2024“ als Datei und als Ordner: der erste gewinnt
        inhalte = {rel: pfad.read_bytes() for rel, pfad in ((p.relative_to(wurzel).as_posix(), p) for p in wurzel.rglob("*")) if pfad.is_file()}

        bericht = validiere(wurzel, stichtag)
        befunde = [{k: getattr(b, k) for k in ("datei", "zeile", "spalte", "schwere", "regel", "meldung", "pfad")} for b in bericht.sortiert()]
        zweiter = validiere(wurzel, stichtag)  # aus dem Zwischenspeicher
        assert [(b.datei, b.zeile, b.spalte, b.regel, b.meldung) for b in zweiter.sortiert()] == [
            (b["datei"], b["zeile"], b["spalte"], b["regel"], b["meldung"]) for b in befunde
        ], "Zwischenspeicher ändert die Befunde"

        for b in befunde:
            assert b["regel"] in REGELN, b
            assert b["schwere"] == REGELN[b["regel"]], b
            assert isinstance(b["zeile"], int) and b["zeile"] >= 1, b
            assert isinstance(b["spalte"], int) and b["spalte"] >= 1, b
            assert b["pfad"].startswith("$"), b
            assert not b["datei"].startswith("/") and ".." not in b["datei"].split("/"), b
            assert os.path.lexists(wurzel / b["datei"]), b
            assert b["meldung"].strip() and len(b["meldung"]) <= MAX_MELDUNG, b
            assert ist_deutsch(b["meldung"]), b
            if b["datei"] in inhalte:
                zeilen = _zeilen(inhalte[b["datei"]])
                assert zeilen is None or b["zeile"] <= zeilen, (b, zeilen)
        fehler = any(b["schwere"] == "fehler" for b in befunde)
        assert bericht.exit_code() == (1 if fehler else 0)
        json.dumps(befunde, ensure_ascii=False).encode("utf-8")  # Ausgabe als JSON möglich
    return befunde


# --------------------------------------------------------------------------- Tests


@settings(max_examples=beispiele(120), **EINSTELLUNGEN)
@given(st.lists(datei(), min_size=1, max_size=4))
def test_validate_mit_zufaelligen_dateien(dateien):
    pruefe_repository(dict(dateien))


@settings(max_examples=beispiele(40), **EINSTELLUNGEN)
@given(st.one_of(yaml_text("netzwerk"), st.binary(max_size=200)), st.sampled_from(["2024-06-01", STICHTAG, "9999-12-31"]))
def test_validate_mit_zufaelliger_netzwerkdatei(roh, stichtag):
    """netzwerk.yaml selbst kaputt oder feindlich: die Einstellungen daraus dürfen nichts zerbrechen."""
    pruefe_repository({"netzwerk.yaml": roh}, stichtag)


@settings(max_examples=beispiele(150), **EINSTELLUNGEN)
@given(st.sampled_from(sorted(ORDNER)).flatmap(yaml_text))
def test_lader_mit_yaml_artigem_text(roh):
    """Der Lader allein: jedes Problem hat eine bekannte Regel und eine Position im Text."""
    text, probleme = yamltext.dekodiere(roh)
    if text is not None:
        dok, weitere = yamltext.lade_text(text)
        probleme = probleme + weitere
        if dok is not None:
            zeilen = _zeilen(roh)
            for pfad in dok.positionen:
                zeile, spalte = dok.position(pfad)
                assert zeile >= 1 and spalte >= 1
                assert zeilen is None or zeile <= zeilen, (pfad, zeile, zeilen)
    else:
        assert probleme
    for p in probleme:
        assert p.regel in REGELN and p.schwere == REGELN[p.regel] or p.regel == "schema", p
        assert p.zeile >= 1 and p.spalte >= 1, p
        assert ist_deutsch(p.meldung), p


def test_strategien_erreichen_die_schemas():
    """Die Strategien kennen die echten Felder (sonst prüfte der Fuzzer nur unbekannte Felder)."""
    assert {"name", "typ", "mitglieder", "sitzgruppen", "verlauf", "tagesordnung", "anwesend", "datum"} <= set(ALLE_SCHLUESSEL)
    assert {"amt", "weitergeleitet", "durchgefuehrt", "ordentlich"} <= set(ALLE_WERTE)
    assert "name" in SCHEMAS["person"][0] and "verlauf" in SCHEMAS["empfehlung"][0]


def test_pruefe_repository_bemerkt_falsche_befunde(monkeypatch):
    """Die Prüfung selbst: ein Befund mit unbekannter Regel oder Zeile außerhalb der Datei fällt auf."""
    import pytest

    from netzwerk_cli import validierung
    from netzwerk_cli.grundlagen import befunde as befunde_modul

    echt = validierung.validiere

    def mit_falschem_befund(wurzel, stichtag, *args, **kwargs):
        bericht = echt(wurzel, stichtag, *args, **kwargs)
        bericht.befunde.append(befunde_modul.Befund("personen/anna.yaml", 99, 1, "fehler", "schema", "Wert fehlt", "$"))
        return bericht

    monkeypatch.setattr(sys.modules[__name__], "validiere", mit_falschem_befund)
    with pytest.raises(AssertionError, match="99"):
        pruefe_repository({})


def test_atheris_harnesse_bleiben_lauffaehig(tmp_path, monkeypatch):
    """Die optionalen Harnesse in fuzz/ (ohne atheris aufgerufen): Saat aus dem Korpus erzeugen,
    einige Eingaben durchlaufen lassen; eine verletzte Eigenschaft fällt auf."""
    import importlib

    import pytest

    monkeypatch.syspath_prepend(str(PROJEKT / "fuzz"))
    monkeypatch.setenv("NETZWERK_KEIN_CACHE", "1")
    lader = importlib.import_module("atheris_lader")
    validate = importlib.import_module("atheris_validate")
    saat = importlib.import_module("korpus_saat")

    faelle = {"tags-python", "utf16", "bom", "schluessel-keine-texte", "null-statt-wert", "mehrere-dokumente"}
    assert saat.saen(tmp_path / "saat", faelle) >= 15
    eingaben = sorted((tmp_path / "saat" / "lader").iterdir())
    assert {p.name.rsplit("-", 1)[0] for p in eingaben} == faelle  # jeder gewählte Fall, kein anderer
    for pfad in eingaben:
        lader.TestOneInput(pfad.read_bytes())
    for pfad in sorted((tmp_path / "saat" / "validate").iterdir()):
        validate.TestOneInput(pfad.read_bytes())
    validate.TestOneInput(b"")
    assert validate.ort_und_inhalt(bytes([2]) + b"name: x\n") == ("personen/fuzz.yaml", b"name: x\n")

    monkeypatch.setattr(yamltext, "dekodiere", lambda roh: (None, []))
    with pytest.raises(AssertionError, match="kein Problem"):
        lader.TestOneInput(b"name: x\n")
