"""`netzwerk empfehlung umsetzung`: Umsetzungsberichte anhängen (minimaler Diff) und Ablehnungen."""

from __future__ import annotations

import pytest
from empfehlung_hilfen import (
    ADRESSATEN,
    BERICHT,
    DATEI,
    ENTSCHEIDUNG,
    ID,
    PRUEFUNG,
    SCHRITTE,
    aenderungen,
    eintrag_zeilen,
    empfehlung_text,
    fehler_fuer,
    lies,
    repo_im_zustand,
    schnappschuss,
    schreibe_empfehlung,
    sitzungen_anlegen,
    verlauf_bis,
)


def umsetzung(cli, wurzel, *args, id_=ID):
    return cli("empfehlung", "umsetzung", id_, "--daten", wurzel, *args)


@pytest.mark.parametrize("status", ["weitergeleitet", "in_umsetzung"])
def test_bericht_wird_angehaengt(cli, beispiel, status):
    pfad = repo_im_zustand(beispiel, status, mit_bericht=True)
    alt = pfad.read_text(encoding="utf-8")
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[1], "--stand", "vollstaendig", "--bericht", "Beteiligung beschlossen.", "--datum", "2026-08-01")
    assert r.exit_code == 0, r.stderr
    assert f"empfehlung {ID}: Umsetzungsbericht {ADRESSATEN[1]} (vollstaendig)" in r.stdout
    neu = pfad.read_text(encoding="utf-8")
    eintrag = {"adressat": ADRESSATEN[1], "datum": "2026-08-01", "stand": "vollstaendig", "bericht": "Beteiligung beschlossen."}
    assert neu == alt + "".join(eintrag_zeilen(eintrag))
    weg, dazu = aenderungen(alt, neu)
    assert weg == []
    assert dazu == eintrag_zeilen(eintrag)
    daten = lies(pfad)
    assert daten["umsetzung"] == [BERICHT, eintrag]
    assert daten["status"] == status  # ein Bericht ändert den Status nicht
    assert fehler_fuer(beispiel, DATEI) == []


def test_erster_bericht_legt_umsetzung_an(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    alt = pfad.read_text(encoding="utf-8")
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "In Planung.", "--datum", "2026-05-20")
    assert r.exit_code == 0, r.stderr
    weg, dazu = aenderungen(alt, pfad.read_text(encoding="utf-8"))
    assert weg == []
    assert dazu == ["umsetzung:\n", f"  - adressat: {ADRESSATEN[0]}\n", "    datum: 2026-05-20\n", "    stand: offen\n", "    bericht: In Planung.\n"]
    assert fehler_fuer(beispiel, DATEI) == []


def test_beispiel_2025_001_neuester_stand_wird_angezeigt(cli, beispiel):
    r = umsetzung(cli, beispiel, "--adressat", "stadt-beispielstadt", "--stand", "vollstaendig", "--bericht", "Alle Wohnungen eingestellt.", "--datum", "2026-11-10", id_="2025-001")
    assert r.exit_code == 0, r.stderr
    assert fehler_fuer(beispiel, "empfehlungen/2025/2025-001.yaml") == []
    r = cli("empfehlung", "show", "2025-001", "--daten", beispiel)
    assert r.exit_code == 0
    assert "stadt-beispielstadt: vollständig umgesetzt (Bericht vom 2026-11-10)" in r.stdout


@pytest.mark.parametrize("status", ["entwurf", "eingereicht", "beschlossen"])
def test_vor_dem_weiterleiten_abgelehnt(cli, beispiel, status):
    repo_im_zustand(beispiel, status)
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01")
    assert r.exit_code == 1
    assert f"Empfehlung „{ID}“ ist „{status}“; Umsetzungsberichte gibt es erst nach dem Weiterleiten" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_beschlossen_nennt_den_naechsten_schritt(cli, beispiel):
    repo_im_zustand(beispiel, "beschlossen")
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01")
    assert r.exit_code == 1
    assert f"Zuerst weiterleiten: „netzwerk empfehlung advance {ID} --adressat ORGANISATION“" in r.stderr


# Endzustände (lebenszyklus.yaml: naechste leer) und das Zurückverweisen (eingereicht → entwurf)
_ENDE = {"status": "umgesetzt", "datum": "2026-07-15", "sitzung": PRUEFUNG}
_ENDZUSTAENDE = {
    "umgesetzt": (verlauf_bis("in_umsetzung") + [_ENDE], True),
    "nicht_umgesetzt": (verlauf_bis("in_umsetzung") + [dict(_ENDE, status="nicht_umgesetzt")], True),
    "abgelehnt": (verlauf_bis("eingereicht") + [{"status": "abgelehnt", "datum": "2026-04-22", "sitzung": ENTSCHEIDUNG}], False),
    "zurueckgezogen": ([dict(SCHRITTE["entwurf"]), {"status": "zurueckgezogen", "datum": "2026-03-01"}], False),
}


@pytest.mark.parametrize("status", list(_ENDZUSTAENDE))
def test_endzustand_heisst_abgeschlossen(cli, beispiel, status):
    verlauf, weitergeleitet = _ENDZUSTAENDE[status]
    sitzungen_anlegen(beispiel)
    schreibe_empfehlung(
        beispiel,
        empfehlung_text(verlauf, list(ADRESSATEN) if weitergeleitet else None, [dict(BERICHT)] if weitergeleitet else None),
    )
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01")
    assert r.exit_code == 1, r.stdout
    assert f"Empfehlung „{ID}“ ist abgeschlossen (Status „{status}“" in r.stderr
    assert "erst nach dem Weiterleiten" not in r.stderr
    assert "„netzwerk empfehlung new“" in r.stderr
    assert ("ins Protokoll einer Sitzung" in r.stderr) == weitergeleitet
    assert ("nie weitergeleitet" in r.stderr) == (not weitergeleitet)
    assert "Traceback" not in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_zurueckverwiesen_ist_nicht_abgeschlossen(cli, beispiel):
    sitzungen_anlegen(beispiel)
    verlauf = verlauf_bis("eingereicht") + [{"status": "entwurf", "datum": "2026-04-22", "sitzung": ENTSCHEIDUNG}]
    schreibe_empfehlung(beispiel, empfehlung_text(verlauf))
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01")
    assert r.exit_code == 1
    assert f"Empfehlung „{ID}“ ist „entwurf“; Umsetzungsberichte gibt es erst nach dem Weiterleiten" in r.stderr
    assert "abgeschlossen" not in r.stderr


def test_im_endzustand_abgelehnt(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", "beispielkreis-jugendamt", "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01", id_="2023-001")
    assert r.exit_code == 1
    assert "Empfehlung „2023-001“ ist abgeschlossen (Status „umgesetzt“: umgesetzt)" in r.stderr
    assert schnappschuss(beispiel) == vorher


@pytest.mark.parametrize("adressat", ["beispielkreis-jugendamt", "gibt-es-nicht"], ids=["organisation-ohne-empfehlung", "unbekannt"])
def test_nur_adressaten_berichten(cli, beispiel, adressat):
    repo_im_zustand(beispiel, "weitergeleitet")
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", adressat, "--stand", "offen", "--bericht", "x", "--datum", "2026-08-01")
    assert r.exit_code == 1
    assert f"„{adressat}“ ist keine Adressatin dieser Empfehlung (adressaten: {', '.join(ADRESSATEN)})" in r.stderr
    assert schnappschuss(beispiel) == vorher


@pytest.mark.parametrize(
    ("args", "meldung"),
    [
        (["--stand", "fertig", "--bericht", "x"], "Ungültiger Wert „fertig“ für „--stand“. Mögliche Werte: offen, teilweise, vollstaendig, abgelehnt."),
        (["--stand", "offen", "--bericht", "  "], "--bericht darf nicht leer sein"),
        (["--stand", "offen", "--bericht", "x", "--datum", "01.08.2026"], "„01.08.2026“ ist kein gültiges Datum"),
    ],
    ids=["stand-unbekannt", "bericht-leer", "datum-ungueltig"],
)
def test_aufruffehler_exit_2(cli, beispiel, args, meldung):
    """Falsche Eingaben sind Aufruffehler (Exit 2) wie ein falsches --datum, keine fachliche Ablehnung."""
    repo_im_zustand(beispiel, "weitergeleitet")
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], *args)
    assert r.exit_code == 2
    assert meldung in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_pflichtoptionen_fehlen(cli, beispiel):
    repo_im_zustand(beispiel, "weitergeleitet")
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0])
    assert r.exit_code == 2  # Typer: fehlende Option


def test_bericht_vor_der_weiterleitung_abgelehnt(cli, beispiel):
    repo_im_zustand(beispiel, "weitergeleitet")  # weitergeleitet am 2026-05-04
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-05-03")
    assert r.exit_code == 1
    assert "Bericht vom 2026-05-03 läge vor der Weiterleitung am 2026-05-04" in r.stderr
    assert schnappschuss(beispiel) == vorher
    assert umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-05-04").exit_code == 0


def test_dry_run(cli, beispiel):
    repo_im_zustand(beispiel, "in_umsetzung", mit_bericht=True)
    vorher = schnappschuss(beispiel)
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "abgelehnt", "--bericht", "Keine Mittel.", "--datum", "2026-08-01", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith(f"--- a/{DATEI}\n+++ b/{DATEI}\n")
    assert "+    stand: abgelehnt\n" in r.stdout
    assert not any(z.startswith("-") and not z.startswith("---") for z in r.stdout.splitlines())
    assert schnappschuss(beispiel) == vorher


def test_bericht_mit_sonderzeichen_kommt_unveraendert_zurueck(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    bericht = 'Stand: "teilweise" – siehe #12; nächste Schritte:\n1. Ausschreibung\n2. Vergabe'
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "teilweise", "--bericht", bericht, "--datum", "2026-08-01")
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["umsetzung"][-1]["bericht"] == bericht
    assert fehler_fuer(beispiel, DATEI) == []


def test_aufruffehler_vor_fachlicher_ablehnung(cli, beispiel):
    """Ein falscher --stand ist immer Exit 2, auch bei einer Empfehlung, die noch nicht weitergeleitet ist."""
    repo_im_zustand(beispiel, "entwurf")
    r = umsetzung(cli, beispiel, "--adressat", ADRESSATEN[0], "--stand", "fertig", "--bericht", "x")
    assert r.exit_code == 2
    assert "Ungültiger Wert „fertig“ für „--stand“. Mögliche Werte: offen, teilweise, vollstaendig, abgelehnt." in r.stderr
