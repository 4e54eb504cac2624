"""Hypothesis: zufällige Bytes, YAML-artiger Text und zufällig zusammengesetzte Datensätze.
Keine Ausnahme darf entkommen; jedes Problem und jeder Befund ist wohlgeformt."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from korpus import SCHWERE
from profil import beispiele

from netzwerk_cli.grundlagen.arten import ORDNER
from netzwerk_cli.quellen import yamltext
from netzwerk_cli.validierung import validiere

EINSTELLUNGEN = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# --------------------------------------------------------------------------- Strategien

SCHLUESSEL = [
    "name", "typ", "art", "titel", "text", "status", "datum", "von", "bis", "person", "personen",
    "organisation", "sitzgruppe", "sitzgruppen", "mitglieder", "anzahl", "je", "aus", "rolle",
    "rollen", "vertritt", "verlauf", "sitzung", "gremium", "anwesend", "tagesordnung",
    "empfehlungen", "beschluss", "ergebnis", "abstimmung", "ja", "nein", "enthaltung", "quelle",
    "yes", "no", "<<", "?", "1", "~",
]
WERTE = [
    "anna", "amt", "kreis", "2024-01-01", "2023-02-30", "2024-01-01 10:00", "no", "yes", "on",
    "0123", "10:30", "1_000", "0x1F", ".inf", "~", "null", "''", '""', '"a\\qb"', "'x''y'",
    "&a", "*a", "!!python/object:os.system", "!t", "<<", "[", "]", "{", "}", ",", "|", ">-",
    "ja", "9" * 30, "-1", "äöü", "„Zitat“", "#", "%", "@", "`", "\t", "\x85", "\u2028", "\ufeff",
]
TRENNER = ["\n", "\n  ", "\n    ", "\n- ", "\n  - ", ": ", " ", ", ", "\n---\n", "\r\n", "\n...\n"]

yaml_artig = st.lists(
    st.one_of(st.sampled_from(SCHLUESSEL), st.sampled_from(WERTE), st.sampled_from(TRENNER), st.text(max_size=5)),
    max_size=60,
).map("".join)

REGELN_LADER = {"yaml-syntax", "yaml-doppelter-schluessel", "yaml-unsicher", "yaml-mehrdeutig", "datei-kodierung", "datei-ungueltig", "schema"}


def problem_wohlgeformt(p: yamltext.Problem) -> None:
    assert p.regel in REGELN_LADER, p
    assert p.schwere == SCHWERE[p.regel] or (p.regel == "schema" and p.schwere == "fehler"), p
    assert p.zeile >= 1 and p.spalte >= 1, p
    assert isinstance(p.meldung, str) and p.meldung


# --------------------------------------------------------------------------- Lader


@settings(max_examples=beispiele(200), **EINSTELLUNGEN)
@given(st.one_of(st.binary(max_size=300), yaml_artig.map(lambda t: t.encode("utf-8", "surrogatepass"))))
def test_dekodiere_und_lade_text(roh):
    text, probleme = yamltext.dekodiere(roh)
    for p in probleme:
        problem_wohlgeformt(p)
    if text is None:
        assert probleme
        return
    assert probleme == []
    dok, probleme = yamltext.lade_text(text)
    for p in probleme:
        problem_wohlgeformt(p)
    if dok is None:
        assert any(p.schwere == "fehler" for p in probleme)
    else:
        for pfad in dok.positionen:
            zeile, spalte = dok.position(pfad)
            assert zeile >= 1 and spalte >= 1


@settings(max_examples=beispiele(200), **EINSTELLUNGEN)
@given(st.text(max_size=200))
def test_lade_text_mit_beliebigem_text(text):
    dok, probleme = yamltext.lade_text(text)
    for p in probleme:
        problem_wohlgeformt(p)
    if dok is not None and not any(p.schwere == "fehler" for p in probleme):
        # was ohne Fehler gelesen wurde, ist reines JSON-artiges Datenmaterial ohne Aliase
        assert _nur_daten(dok.daten)


def _nur_daten(wert) -> bool:
    if isinstance(wert, dict):
        return all(isinstance(k, str) and _nur_daten(v) for k, v in wert.items())
    if isinstance(wert, list):
        return all(_nur_daten(v) for v in wert)
    return wert is None or isinstance(wert, (str, int, float, bool))


# --------------------------------------------------------------------------- validiere

BASIS = {
    "netzwerk.yaml": "name: Testnetzwerk\n",
    "organisationen/amt.yaml": "name: Amt\ntyp: amt\n",
    "organisationen/stadt.yaml": "name: Stadt\ntyp: stadt\ngrosse_kreisstadt: true\n",
    "personen/anna.yaml": "name: Anna\norganisation: amt\nrollen: [amtsleitung]\n",
    "personen/bert.yaml": "name: Bert\norganisation: stadt\n",
    "gremien/kreis.yaml": "name: Kreis\nart: beirat\nsitzgruppen:\n  - id: alle\n    name: Alle\n    anzahl: 1\nmitglieder:\n  - person: anna\n    sitzgruppe: alle\n",
    "sitzungen/kreis-2024-01-10.yaml": "gremium: kreis\ndatum: 2024-01-10\nstatus: durchgefuehrt\nanwesend: [anna]\ntagesordnung:\n  - titel: E\n    empfehlungen: [e]\n",
    "arbeitsgruppen/ag.yaml": "name: AG\neingesetzt_von: kreis\n",
}


def _validiere(dateien: dict[str, bytes | str], stichtag: str = "2024-06-01"):
    with tempfile.TemporaryDirectory() as ordner:
        wurzel = Path(ordner)
        for rel, inhalt in {**BASIS, **dateien}.items():
            p = wurzel / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(inhalt if isinstance(inhalt, bytes) else inhalt.encode("utf-8"))
        bericht = validiere(wurzel, stichtag)
    for b in bericht.befunde:
        assert b.regel in SCHWERE, b
        assert b.schwere in ("fehler", "warnung"), b
        assert b.zeile >= 1 and b.spalte >= 1, b
        assert b.pfad.startswith("$"), b
    return bericht


@settings(max_examples=beispiele(100), **EINSTELLUNGEN)
@given(st.sampled_from(sorted(ORDNER)), st.one_of(yaml_artig.map(str.encode), st.binary(max_size=200)))
def test_validiere_mit_zufaelliger_datei(ordner, roh):
    _validiere({f"{ordner}/zufall.yaml": roh})


# zufällige, oft schema-gültige Datensätze: erreichen Sitzregeln, Lebenszyklus, Sitzungsregeln
ids = st.sampled_from(["anna", "bert", "kreis", "amt", "stadt", "e", "kreis-2024-01-10", "alle", "fehlt"])
daten = st.one_of(st.none(), st.sampled_from(["2023-01-01", "2024-01-10", "2024-06-01", "2025-12-31", "2024-02-30"]))
sitzgruppe = st.fixed_dictionaries(
    {"id": st.sampled_from(["alle", "a", "b"]), "name": st.just("G")},
    optional={
        "anzahl": st.integers(0, 3),
        "je": st.sampled_from(["organisation", "organisationstyp", "rolle"]),
        "aus": st.lists(st.sampled_from(["amt", "stadt", "amtsleitung", "gemeinde"]), min_size=1, max_size=3, unique=True),
        "rolle": st.sampled_from(["amtsleitung", "verwaltungsleitung"]),
        "organisationstyp": st.lists(st.sampled_from(["amt", "stadt"]), max_size=2, unique=True),
        "organisation": st.lists(st.sampled_from(["amt", "stadt"]), max_size=2, unique=True),
        "organisationsmerkmale": st.fixed_dictionaries({"grosse_kreisstadt": st.booleans()}),
    },
)
mitglied = st.fixed_dictionaries(
    {"person": ids},
    optional={
        "sitzgruppe": st.sampled_from(["alle", "a", "b", "x"]),
        "art": st.sampled_from(["ordentlich", "stellvertretung"]),
        "vertritt": ids,
        "von": daten,
        "bis": daten,
    },
)
gremium = st.fixed_dictionaries(
    {"name": st.just("Fuzz"), "art": st.just("beirat")},
    optional={
        "sitzgruppen": st.lists(sitzgruppe, max_size=3),
        "mitglieder": st.lists(mitglied, max_size=5),
        "sitzungen_pro_jahr": st.fixed_dictionaries({"min": st.integers(0, 3), "max": st.integers(0, 3)}),
        "beschlussfaehigkeit": st.fixed_dictionaries({"mindestens_anwesend": st.integers(1, 3)}),
        "gegruendet": st.sampled_from(["2020-01-01", "2024-01-01"]),
    },
)
STATUS = ["entwurf", "eingereicht", "beschlossen", "abgelehnt", "zurueckgezogen", "weitergeleitet", "in_umsetzung", "umgesetzt", "nicht_umgesetzt"]
eintrag = st.fixed_dictionaries(
    {"status": st.sampled_from(STATUS), "datum": st.sampled_from(["2024-01-01", "2024-01-10", "2024-03-01", "2023-12-31"])},
    optional={"sitzung": ids},
)
empfehlung = st.fixed_dictionaries(
    {"titel": st.just("E"), "status": st.sampled_from(STATUS), "verlauf": st.lists(eintrag, min_size=1, max_size=6)},
    optional={
        "text": st.just("T"),
        "arbeitsgruppe": st.sampled_from(["ag", "fehlt"]),
        "gremium": ids,
        "entscheidungsgremium": ids,
        "adressaten": st.lists(st.sampled_from(["amt", "stadt", "fehlt"]), max_size=2, unique=True),
        "themenfelder": st.lists(st.sampled_from(["sprache"]), max_size=1),
        "umsetzung": st.lists(
            st.fixed_dictionaries(
                {"adressat": st.sampled_from(["amt", "stadt"]), "datum": st.sampled_from(["2024-02-01", "2025-01-01"]), "stand": st.just("offen")}
            ),
            max_size=2,
        ),
    },
)
punkt = st.fixed_dictionaries(
    {"titel": st.just("P")},
    optional={
        "empfehlungen": st.lists(st.just("e"), max_size=1),
        "beschluss": st.fixed_dictionaries(
            {},
            optional={
                "ergebnis": st.sampled_from(["angenommen", "abgelehnt", "vertagt"]),
                "abstimmung": st.fixed_dictionaries({}, optional={k: st.integers(0, 3) for k in ("ja", "nein", "enthaltung")}),
            },
        ),
    },
)
sitzung = st.fixed_dictionaries(
    {"gremium": st.sampled_from(["fuzz", "kreis", "fehlt"]), "datum": st.sampled_from(["2023-05-01", "2024-01-10", "2024-09-01"])},
    optional={
        "status": st.sampled_from(["geplant", "durchgefuehrt", "abgesagt"]),
        "anwesend": st.lists(ids, max_size=3, unique=True),
        "entschuldigt": st.lists(ids, max_size=2, unique=True),
        "tagesordnung": st.lists(punkt, max_size=2),
    },
)


@settings(max_examples=beispiele(100), **EINSTELLUNGEN)
@given(gremium, empfehlung, sitzung, st.sampled_from(["2023-06-01", "2024-06-01", "2026-01-01"]))
def test_validiere_mit_zufaelligen_datensaetzen(g, e, s, stichtag):
    dump = lambda d: yaml.safe_dump(d, allow_unicode=True, sort_keys=False)
    _validiere(
        {"gremien/fuzz.yaml": dump(g), "empfehlungen/e.yaml": dump(e), "sitzungen/fuzz-2024.yaml": dump(s)},
        stichtag,
    )
