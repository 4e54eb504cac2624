"""Der Fallkorpus: jeder Ordner in tests/faelle/<regel-id>/<fall>/ ist ein kleines
Datenrepository mit den erwarteten Befunden in `erwartet.yaml` (siehe tests/korpus.py)."""

from __future__ import annotations

import pytest
from korpus import FAELLE, GUELTIG, NUR_ERZEUGT, SCHWERE, abgleich, alle_faelle, bereitstellen, beschreibe, passt

from netzwerk_cli.validierung import validiere

FAELLE_LISTE = alle_faelle()


@pytest.mark.parametrize("fall", FAELLE_LISTE, ids=[f.name for f in FAELLE_LISTE])
def test_fall(fall, tmp_path):
    erwartet = fall.erwartet
    repo = bereitstellen(fall, tmp_path)

    bericht = validiere(repo, erwartet["stichtag"])

    befunde = bericht.sortiert()
    fehlend, unerwartet = abgleich(befunde, erwartet["befunde"], fall.regel)
    assert not fehlend and not unerwartet, (
        f"fehlende Befunde: {fehlend}\nunerwartete Befunde:\n{beschreibe(unerwartet)}\n"
        f"alle Befunde:\n{beschreibe(befunde)}"
    )
    if fall.regel == GUELTIG:
        assert bericht.fehler == 0


def test_jede_regel_hat_positive_faelle():
    """Jede Regel-id, die validate heute meldet (ohne verlauf-geaendert, das nur mit --basis
    läuft), hat einen Ordner mit mindestens einem Fall, der sie erwartet."""
    ordner = {p.name for p in FAELLE.iterdir() if p.is_dir()}
    assert ordner - {GUELTIG} <= set(SCHWERE), "Ordner ohne bekannte Regel-id"
    for regel in set(SCHWERE) - NUR_ERZEUGT:
        faelle = [f for f in FAELLE_LISTE if f.regel == regel]
        assert any(any(e["regel"] == regel for e in f.erwartet["befunde"]) for f in faelle), regel
    assert [f for f in FAELLE_LISTE if f.regel == GUELTIG]


def test_erwartungen_sind_wohlgeformt():
    for fall in FAELLE_LISTE:
        erwartet = fall.erwartet
        assert set(erwartet) <= {"stichtag", "befunde", "verknuepfungen", "ausserhalb"}, fall.name
        for e in erwartet["befunde"]:
            assert {"datei", "zeile", "regel"} <= set(e), (fall.name, e)
            assert set(e) <= {"datei", "zeile", "spalte", "regel", "schwere", "pfad", "meldung", "weitere"}, (fall.name, e)
            assert e["regel"] in SCHWERE, (fall.name, e)
            if fall.regel == GUELTIG:
                assert e["schwere"] == "warnung" if "schwere" in e else SCHWERE[e["regel"]] == "warnung"


def test_abgleich_erkennt_abweichungen():
    """Der Abgleich selbst: eine falsche Zeile, Regel oder Schwere fällt auf."""
    from netzwerk_cli.grundlagen.befunde import Befund

    b = Befund("gremien/kreis.yaml", 14, 5, "fehler", "sitz-ueberbesetzt", "4 Mitglieder für 3 Sitze", "$.mitglieder[3]")
    e = {"datei": "gremien/kreis.yaml", "zeile": 14, "regel": "sitz-ueberbesetzt"}
    assert passt(b, e)
    assert not passt(b, {**e, "zeile": 13})
    assert not passt(b, {**e, "regel": "sitz-vakant"})
    assert not passt(b, {**e, "schwere": "warnung"})
    assert not passt(b, {**e, "spalte": 1})
    assert not passt(b, {**e, "meldung": "5 Mitglieder"})
    assert abgleich([b], [], "sitz-vakant") == ([], [b])  # unerwarteter Fehler
    w = Befund("gremien/kreis.yaml", 4, 5, "warnung", "sitz-vakant", "…", "$.sitzgruppen[0]")
    assert abgleich([w], [], "sitz-ueberbesetzt") == ([], [])  # fremde Warnung: geduldet
    assert abgleich([w], [], "sitz-vakant") == ([], [w])  # Warnung der eigenen Regel: nicht
    assert abgleich([w], [], GUELTIG) == ([], [w])  # gültige Fälle: gar kein Befund
    b2 = Befund("gremien/kreis.yaml", 20, 5, "fehler", "sitz-ueberbesetzt", "…", "$")
    assert abgleich([b, b2], [e], "sitz-ueberbesetzt") == ([], [b2])
    assert abgleich([b, b2], [{**e, "weitere": True}], "sitz-ueberbesetzt") == ([], [])
