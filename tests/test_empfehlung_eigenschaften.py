"""Eigenschaften (hypothesis): zufällige Folgen erlaubter Schritte, Umsetzungsberichte und
beliebiger Texte ergeben immer einen Datensatz, den `validiere` ohne Fehler annimmt und der genau
die beabsichtigten Daten enthält."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
from conftest import BEISPIEL
from empfehlung_hilfen import DATEI, GREMIUM, ID, empfehlung_text, fehler_fuer, lies, sitzung_anlegen, zustand
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from profil import beispiele

from netzwerk_cli.aktionen import empfehlungen
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.quellen import textbearbeitung, yamltext
from netzwerk_cli.regelwerk import lebenszyklus

ORGANISATIONEN = ["beispielkreis-amt-fuer-migration-und-integration", "stadt-beispielstadt", "beispielkreis-jobcenter", "gemeinde-musterdorf"]
# Monatliche Sitzungen der Steuerungsgruppe 2026–2027, alle mit der Testempfehlung auf der Tagesordnung
SITZUNGEN = [date(j, m, 9) for j in (2026, 2027) for m in range(1, 13)]
STICHTAG_SPAETER = "2028-06-30"
GRUND = empfehlung_text(**zustand("entwurf"))

# beliebige Texte, wie sie über die Kommandozeile kommen können (ohne Surrogate)
TEXTE = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@pytest.fixture(scope="module")
def grundrepo(tmp_path_factory) -> Path:
    wurzel = tmp_path_factory.mktemp("eigenschaften") / "daten"
    shutil.copytree(BEISPIEL, wurzel)
    for tag in SITZUNGEN:
        sitzung_anlegen(wurzel, f"{GREMIUM}-{tag.isoformat()}", tag.isoformat(), [ID])
    (wurzel / DATEI).parent.mkdir(parents=True, exist_ok=True)
    return wurzel


def _bestand(wurzel):
    bestand = lade_bestand(wurzel)
    empfehlungen.schema_pruefen(bestand)
    return bestand


def _sitzung_ab(tag: date) -> date:
    return next(s for s in SITZUNGEN if s >= tag)


@settings(max_examples=beispiele(30), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(daten=st.data())
def test_zufaellige_erlaubte_schritte_bleiben_gueltig(grundrepo, daten):
    pfad = grundrepo / DATEI
    pfad.write_text(GRUND, encoding="utf-8")  # je Beispiel zurücksetzen
    t = lebenszyklus.tabelle()
    status, zuletzt = "entwurf", date(2026, 1, 12)
    adressaten: list[str] = []
    berichte = 0
    erwarteter_verlauf = [dict(v) for v in zustand("entwurf")["verlauf"]]

    for _ in range(daten.draw(st.integers(1, 8), label="Schritte")):
        if t.endzustand(status):
            break
        nach = daten.draw(st.sampled_from(t.naechste(status)), label="nach")
        tag = zuletzt + timedelta(days=daten.draw(st.integers(0, 20), label="Tage"))
        sitzung = None
        neue_adressaten = None

        if status in t.wiedervorlage and (nach in ("umgesetzt", "nicht_umgesetzt") and not berichte or daten.draw(st.booleans(), label="Bericht")):
            bericht = daten.draw(TEXTE.filter(str.strip), label="Bericht-Text")
            adressat = daten.draw(st.sampled_from(adressaten), label="Adressat")
            stand = daten.draw(st.sampled_from(empfehlungen.STAENDE), label="Stand")
            plan = empfehlungen.plane_umsetzung(_bestand(grundrepo), ID, adressat, stand, bericht, tag.isoformat())
            empfehlungen.schreibe(plan)
            berichte += 1
            assert lies(pfad)["umsetzung"][-1] == {"adressat": adressat, "datum": tag.isoformat(), "stand": stand, "bericht": bericht}

        if nach in ("beschlossen", "abgelehnt", "entwurf", "umgesetzt", "nicht_umgesetzt"):
            s = _sitzung_ab(tag)
            sitzung = f"{GREMIUM}-{s.isoformat()}"
            tag = s + timedelta(days=daten.draw(st.integers(0, 3), label="nach der Sitzung"))
        if nach == "weitergeleitet":
            neue_adressaten = daten.draw(st.lists(st.sampled_from(ORGANISATIONEN), min_size=1, max_size=3, unique=True), label="Adressaten")
        durch = daten.draw(st.none() | TEXTE.filter(str.strip), label="durch")
        notiz = daten.draw(st.none() | TEXTE, label="notiz")

        plan = empfehlungen.plane_schritt(_bestand(grundrepo), ID, nach, sitzung, neue_adressaten, tag.isoformat(), durch, notiz)
        empfehlungen.schreibe(plan)

        eintrag = {"status": nach, "datum": tag.isoformat()}
        if sitzung:
            eintrag["sitzung"] = sitzung
        if durch:
            eintrag["durch"] = durch
        if notiz:
            eintrag["notiz"] = notiz
        erwarteter_verlauf.append(eintrag)
        adressaten += [a for a in neue_adressaten or [] if a not in adressaten]
        status, zuletzt = nach, tag

        gelesen = lies(pfad)
        assert gelesen["status"] == status
        assert gelesen["verlauf"] == erwarteter_verlauf
        assert gelesen.get("adressaten", []) == adressaten

    assert fehler_fuer(grundrepo, DATEI, STICHTAG_SPAETER) == []
    # der Text vor der ersten Änderung (Kopfkommentar, Titel …) ist unverändert
    text = pfad.read_text(encoding="utf-8")
    assert text.startswith(GRUND.split("adressaten:")[0].split("status:")[0])


@settings(max_examples=beispiele(300), deadline=None)
@given(TEXTE | st.text(max_size=20))
def test_skalar_kommt_unveraendert_zurueck(wert):
    """Jeder Text, den netzwerk als YAML-Skalar schreibt, wird genau so zurückgelesen."""
    dok, probleme = yamltext.lade_text(f"schluessel: {textbearbeitung.skalar(wert)}  # Kommentar\n")
    assert [p for p in probleme if p.schwere == "fehler"] == []
    assert dok.daten == {"schluessel": wert}


@pytest.fixture(scope="module")
def beispielbestand():
    return _bestand(BEISPIEL)


@settings(max_examples=beispiele(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titel=TEXTE.filter(str.strip), text=st.none() | st.text(st.characters(blacklist_categories=("Cs",)), max_size=80), durch=st.none() | TEXTE.filter(str.strip))
def test_neu_enthaelt_genau_die_angaben(beispielbestand, titel, text, durch):
    try:
        plan = empfehlungen.plane_neu(beispielbestand, titel, "ag-wohnraum-fuer-gefluechtete", None, text, None, "2026-12-01", durch)
    except empfehlungen.Abgelehnt as e:
        # nur das Schema darf ablehnen (z. B. Titel über 500 Zeichen) – nie ein Schreibfehler
        assert "ungültigen Datensatz" in str(e)
        return
    dok = textbearbeitung.pruefe_lesbar(plan.neu)
    assert dok.daten["titel"] == titel.strip()
    assert dok.daten.get("text") == (text.strip() if text and text.strip() else None)
    assert dok.daten["verlauf"] == [{"status": "entwurf", "datum": "2026-12-01", **({"durch": durch} if durch else {})}]
