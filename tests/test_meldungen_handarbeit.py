"""Meldungen für die häufigen Fehler beim Bearbeiten von Hand (Fälle mit ganzen Repositorys in
tests/faelle/; hier die Grenzen der Erkennung)."""

from __future__ import annotations

import pytest

from netzwerk_cli.dateipruefung import pruefe_bytes
from netzwerk_cli.quellen.yamltext import lade_text


def _syntax(text: str):
    dok, probleme = lade_text(text)
    assert dok is None
    (problem,) = probleme
    assert problem.regel == "yaml-syntax"
    return problem


def test_doppelpunkt_im_text_bleibt_beim_rat_zu_anfuehrungszeichen():
    p = _syntax("name: Amt\nnotiz: Fazit: gut\n")
    assert "Anführungszeichen" in p.meldung and "Einrückung" not in p.meldung and (p.zeile, p.spalte) == (2, 13)


def test_url_ist_kein_fehlendes_leerzeichen():
    p = _syntax("name: Amt\nquelle: https://example.org\n  x: 1\n")
    assert "Leerzeichen nach dem Doppelpunkt" not in p.meldung


def test_fehlendes_leerzeichen_zitiert_nichts_aus_der_zeile():
    p = _syntax("name: Anna\nkontakt:\n  email:anna@example.org\n  telefon: 1\n")
    assert "anna@example.org" not in p.meldung and (p.zeile, p.spalte) == (3, 8)


def test_einrueckung_in_liste_nennt_beide_ebenen():
    p = _syntax("name: A\nmitglieder:\n- person: a\n  von: 2020-01-01\n - person: b\n")
    assert (p.zeile, p.spalte) == (5, 2)
    assert "erwartet Spalte 1 (wie Zeile 3) oder Spalte 3 (wie Zeile 4)" in p.meldung


def test_einrueckung_unter_offenem_block_ist_erlaubt_tiefer():
    # „rollen:“ öffnet einen Block; der Fehler in Zeile 3 ist kein Einrückungsfehler der Zeile
    p = _syntax("name: A\nrollen:\n      - a\n  - b\n")
    assert "Spalte 7" not in p.meldung


@pytest.mark.parametrize(
    "text, zeile, spalte",
    [
        ('name: "Amt\ntyp: amt\n', 1, 7),
        ("name: 'Amt\ntyp: amt\n", 1, 7),
        ('name: Amt\nfunktion: "Leitung\nrollen: [a]\nnotiz: "x"\n', 2, 11),
        ('name: "Amt\ntyp: "amt"\nx: 1\n', 1, 7),
    ],
)
def test_offenes_anfuehrungszeichen_an_seinem_anfang(text, zeile, spalte):
    p = _syntax(text)
    assert (p.zeile, p.spalte) == (zeile, spalte) and "Anführungszeichen" in p.meldung


def test_anfuehrungszeichen_im_blocktext_zaehlt_nicht():
    p = _syntax('name: A\nnotiz: |\n  er sagte "ja\nx: [a\n')
    assert "Anführungszeichen" not in p.meldung


def test_mehrzeiliger_text_in_anfuehrungszeichen_ist_gueltig():
    dok, probleme = lade_text('name: "Amt\n  für Migration"\ntyp: amt\n')
    assert not probleme and dok is not None and dok.daten["name"] == "Amt für Migration"


def _schema_meldungen(art: str, text: str) -> list[str]:
    erg = pruefe_bytes(art, text.encode(), "x.yaml", "")
    return [b[4] for b in erg.befunde if b[3] == "schema"]


@pytest.mark.parametrize("wert, soll", [("ja", "true"), ("nein", "false"), ("Nein", "false")])
def test_ja_nein_fuer_wahrheitswerte(wert, soll):
    (meldung,) = _schema_meldungen("person", f"name: Anna\noeffentlich: {wert}\n")
    assert f"bitte {soll} schreiben" in meldung


def test_datum_deutsch_mit_einstelligem_tag():
    (meldung,) = _schema_meldungen("netzwerk", "name: N\ngegruendet: 1.6.2020\n")
    assert "bitte 2020-06-01 schreiben" in meldung


def test_vertrauliches_datum_und_text_ohne_wert():
    meldungen = _schema_meldungen("person", "name: Anna\nkontakt:\n  email:anna@example.org\n")
    assert meldungen and all("anna@example.org" not in m for m in meldungen)


def test_kommentar_im_text_auch_ohne_schemafehler():
    erg = pruefe_bytes("person", b"name: Anna\nfunktion: Leitung #2\n", "x.yaml", "")
    assert erg.gueltig and erg.daten["funktion"] == "Leitung"
    (befund,) = [b for b in erg.befunde if b[3] == "yaml-kommentar-im-text"]
    assert befund[:3] == (2, 19, "warnung")


def test_kommentar_im_vertraulichen_text_ohne_wert():
    erg = pruefe_bytes("person", b"name: Anna\nkontakt:\n  telefon: 0711 123 #privat\n", "x.yaml", "")
    (befund,) = [b for b in erg.befunde if b[3] == "yaml-kommentar-im-text"]
    assert "0711" not in befund[4] and "privat" not in befund[4]
