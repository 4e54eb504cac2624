"""Issue 17: ein beobachteter Stichtag nennt genau die Stichtage, für die dieselben Vergleiche
dasselbe ergeben (`querpruefung/gueltigkeit.py`)."""

from __future__ import annotations

import operator
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from profil import beispiele

from netzwerk_cli.querpruefung.gueltigkeit import BeobachteterStichtag, gilt

VERGLEICHE = [operator.lt, operator.le, operator.gt, operator.ge]

tage = st.dates(min_value=date(2000, 1, 1), max_value=date(2040, 12, 31)).map(date.isoformat)
# Vergleichswerte: Tage, aber auch Texte, die keine Tage sind (Jahre, Präfixe, leer)
werte = st.one_of(tage, tage.map(lambda t: t[:7]), tage.map(lambda t: t[:4]), st.just(""), st.text(max_size=12))


@settings(max_examples=beispiele(400))
@given(stichtag=tage, schritte=st.lists(st.tuples(st.sampled_from(range(4)), werte, st.booleans()), max_size=8), andere=st.lists(tage, min_size=1, max_size=10))
def test_im_intervall_ergeben_alle_vergleiche_dasselbe(stichtag, schritte, andere):
    """Für jeden anderen Stichtag im Intervall liefert dieselbe Folge von Vergleichen (links oder
    rechts vom Stichtag) dasselbe; außerhalb liefert mindestens einer etwas anderes."""

    def ablauf(t):
        return [VERGLEICHE[op](t, x) if rechts else VERGLEICHE[op](x, t) for op, x, rechts in schritte]

    beobachtet = BeobachteterStichtag(stichtag)
    ergebnis = ablauf(beobachtet)
    assert ergebnis == ablauf(stichtag)
    g = beobachtet.gueltigkeit
    assert gilt(g, stichtag)
    for t in andere:
        if gilt(g, t):
            assert ablauf(t) == ergebnis, (t, g)
        else:
            assert ablauf(t) != ergebnis, (t, g)


def test_ohne_vergleich_gilt_jeder_tag():
    s = BeobachteterStichtag("2026-05-01")
    assert s.gueltigkeit is None
    assert gilt(None, "1999-01-01")


@pytest.mark.parametrize(
    "gebrauch",
    [str, repr, hash, lambda s: f"am {s}", lambda s: s[:4], lambda s: "05" in s, lambda s: s == "2026-05-01", lambda s: s != "2026-05-02"],
)
def test_jeder_andere_gebrauch_legt_auf_den_tag_fest(gebrauch):
    s = BeobachteterStichtag("2026-05-01")
    gebrauch(s)
    assert s.gueltigkeit == ("2026-05-01", False, "2026-05-01", False)
    assert gilt(s.gueltigkeit, "2026-05-01")
    assert not gilt(s.gueltigkeit, "2026-05-02")
    assert not gilt(s.gueltigkeit, "2026-04-30")


@pytest.mark.parametrize(
    "gebrauch",
    [len, lambda s: "".join([s]), date.fromisoformat, lambda s: s < 5, lambda s: s + "x", lambda s: s.startswith("2026")],
)
def test_unbekannter_gebrauch_scheitert_laut(gebrauch):
    """Was die Aufzeichnung umginge, ist kein stiller Fehler, sondern ein TypeError/AttributeError."""
    with pytest.raises((TypeError, AttributeError)):
        gebrauch(BeobachteterStichtag("2026-05-01"))


@pytest.mark.parametrize("kaputt", [("x",), (1, 2, 3, 4), ("a", "b"), 5])
def test_beschaedigter_eintrag_gilt_nicht(kaputt):
    assert not gilt(kaputt, "2026-05-01")


def test_folgetage():
    s = BeobachteterStichtag("2026-05-01")
    assert s < "2026-05-10"  # geplante Sitzung liegt noch vorn
    assert "2026-04-01" <= s  # Mitgliedschaft begonnen
    g = s.gueltigkeit
    tag = date(2026, 4, 1)
    gueltige = []
    while tag <= date(2026, 5, 12):
        if gilt(g, tag.isoformat()):
            gueltige.append(tag.isoformat())
        tag += timedelta(days=1)
    assert gueltige[0] == "2026-04-01" and gueltige[-1] == "2026-05-09"
