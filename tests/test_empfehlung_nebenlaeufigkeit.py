"""Zwei gleichzeitige Schreiber auf einen Datensatz: genau einer gewinnt, der andere wird mit
klarer Meldung abgelehnt. Deterministisch: zwei Pläne vom selben Stand; und eine im Test
gehaltene Ordnersperre (fcntl.flock), während die CLI schreiben will. Dazu ein echter Wettlauf
zweier Prozesse (ohne Warten, nur mit einer Barriere)."""

from __future__ import annotations

import multiprocessing
import os
from contextlib import contextmanager
from pathlib import Path

import pytest

from empfehlung_hilfen import ADRESSATEN, DATEI, ENTSCHEIDUNG, ID, fehler_fuer, lies, repo_im_zustand, schnappschuss
from netzwerk_cli import empfehlungen
from netzwerk_cli.bestand import lade_bestand
from netzwerk_cli.fehler import Abgelehnt

fcntl = pytest.importorskip("fcntl")

GEAENDERT = "wurde inzwischen von einem anderen Vorgang geändert; nichts geschrieben"
GESPERRT = "wird gerade von einem anderen Vorgang geschrieben; nichts geändert"


def _bestand(wurzel):
    bestand = lade_bestand(wurzel)
    empfehlungen.schema_pruefen(bestand)
    return bestand


@contextmanager
def ordnersperre(ordner: Path):
    """Hält dieselbe Sperre wie ein schreibender netzwerk-Vorgang."""
    fd = os.open(ordner, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield
    finally:
        os.close(fd)


@pytest.mark.parametrize(
    ("erster", "zweiter"),
    [
        ({"nach": "beschlossen"}, {"nach": "beschlossen"}),
        ({"nach": "beschlossen"}, {"nach": "abgelehnt"}),
        ({"nach": "abgelehnt"}, {"nach": "zurueckgezogen", "sitzung": None}),
    ],
    ids=["gleicher-schritt", "widerspruechliche-beschluesse", "ablehnen-gegen-zurueckziehen"],
)
def test_zweiter_plan_vom_selben_stand_wird_abgelehnt(beispiel, erster, zweiter):
    pfad = repo_im_zustand(beispiel, "eingereicht")
    bestand = _bestand(beispiel)
    basis = {"sitzung": ENTSCHEIDUNG, "datum": "2026-04-22", "durch": "X"}
    plan1 = empfehlungen.plane_schritt(bestand, ID, **{**basis, **erster})
    plan2 = empfehlungen.plane_schritt(bestand, ID, **{**basis, **zweiter})
    assert plan1.alt == plan2.alt == pfad.read_bytes()

    empfehlungen.schreibe(plan1)
    with pytest.raises(Abgelehnt, match=GEAENDERT):
        empfehlungen.schreibe(plan2)

    assert pfad.read_text(encoding="utf-8") == plan1.neu
    assert [v["status"] for v in lies(pfad)["verlauf"]] == ["entwurf", "eingereicht", erster["nach"]]
    assert fehler_fuer(beispiel, DATEI) == []


def test_bericht_und_schritt_gleichzeitig(beispiel):
    """Auch verschiedene Befehle (umsetzung, advance) überschreiben sich nicht gegenseitig."""
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    bestand = _bestand(beispiel)
    bericht = empfehlungen.plane_umsetzung(bestand, ID, ADRESSATEN[0], "offen", "läuft", "2026-05-10")
    schritt = empfehlungen.plane_schritt(bestand, ID, datum="2026-05-10", durch="X")
    empfehlungen.schreibe(schritt)
    with pytest.raises(Abgelehnt, match=GEAENDERT):
        empfehlungen.schreibe(bericht)
    daten = lies(pfad)
    assert daten["status"] == "in_umsetzung" and "umsetzung" not in daten
    # neu geplant (vom neuen Stand) gelingt der Bericht
    empfehlungen.schreibe(empfehlungen.plane_umsetzung(_bestand(beispiel), ID, ADRESSATEN[0], "offen", "läuft", "2026-05-10"))
    assert lies(pfad)["umsetzung"][0]["bericht"] == "läuft"
    assert fehler_fuer(beispiel, DATEI) == []


def test_geloeschte_datei_wird_nicht_wieder_angelegt(beispiel):
    pfad = repo_im_zustand(beispiel, "entwurf")
    plan = empfehlungen.plane_schritt(_bestand(beispiel), ID, datum="2026-02-02", durch="X")
    pfad.unlink()
    with pytest.raises(Abgelehnt, match=GEAENDERT):
        empfehlungen.schreibe(plan)
    assert not pfad.exists()


def test_gehaltene_sperre_cli_advance_abgelehnt(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "eingereicht")
    vorher = schnappschuss(beispiel)
    args = ["empfehlung", "advance", ID, "--daten", beispiel, "--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", "X"]
    with ordnersperre(pfad.parent):
        r = cli(*args)
        assert r.exit_code == 1
        assert f"„{pfad.parent.name}/“ {GESPERRT}" in r.stderr
        assert "bitte erneut ausführen" in r.stderr
        assert schnappschuss(beispiel) == vorher
    # Sperre gelöst: derselbe Befehl gelingt
    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    assert lies(pfad)["status"] == "beschlossen"


def test_gehaltene_sperre_cli_new_abgelehnt(cli, beispiel):
    ordner = beispiel / "empfehlungen/2026"
    vorher = schnappschuss(beispiel)
    args = ["empfehlung", "new", "--daten", beispiel, "--titel", "Gesperrt", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-12-01", "--durch", "X"]
    with ordnersperre(ordner):
        r = cli(*args)
        assert r.exit_code == 1
        assert GESPERRT in r.stderr
        assert schnappschuss(beispiel) == vorher
    assert cli(*args).exit_code == 0
    assert (ordner / "2026-004.yaml").is_file()


def test_gehaltene_sperre_umsetzung_abgelehnt(cli, beispiel):
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    vorher = schnappschuss(beispiel)
    with ordnersperre(pfad.parent):
        r = cli("empfehlung", "umsetzung", ID, "--daten", beispiel, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "x", "--datum", "2026-06-01")
    assert r.exit_code == 1
    assert GESPERRT in r.stderr
    assert schnappschuss(beispiel) == vorher


# --------------------------------------------------------------------------- echter Wettlauf


def _wettlaeufer(wurzel: str, nach: str, barriere, ergebnisse) -> None:
    try:
        bestand = _bestand(Path(wurzel))
        plan = empfehlungen.plane_schritt(bestand, ID, nach=nach, sitzung=ENTSCHEIDUNG, datum="2026-04-22", durch=nach)
        barriere.wait(timeout=60)
        empfehlungen.schreibe(plan)
        ergebnisse.put((nach, "ok", ""))
    except Abgelehnt as e:
        ergebnisse.put((nach, "abgelehnt", str(e)))
    except BaseException as e:  # noqa: BLE001 - im Kindprozess melden statt still sterben
        ergebnisse.put((nach, "fehler", repr(e)))


@pytest.mark.parametrize("runde", range(3))
def test_zwei_prozesse_genau_einer_gewinnt(beispiel, runde):
    pfad = repo_im_zustand(beispiel, "eingereicht")
    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    barriere = ctx.Barrier(2)
    ergebnisse = ctx.Queue()
    prozesse = [ctx.Process(target=_wettlaeufer, args=(str(beispiel), nach, barriere, ergebnisse)) for nach in ("beschlossen", "abgelehnt")]
    for p in prozesse:
        p.start()
    ausgang = sorted(ergebnisse.get(timeout=120) for _ in prozesse)
    for p in prozesse:
        p.join(timeout=120)
        assert p.exitcode == 0

    assert [a[1] for a in ausgang].count("ok") == 1, ausgang
    assert [a[1] for a in ausgang].count("abgelehnt") == 1, ausgang
    gewinner = next(a[0] for a in ausgang if a[1] == "ok")
    verlierer = next(a for a in ausgang if a[1] == "abgelehnt")
    assert GEAENDERT in verlierer[2] or GESPERRT in verlierer[2]
    daten = lies(pfad)
    assert daten["status"] == gewinner
    assert daten["verlauf"][-1]["durch"] == gewinner
    assert len(daten["verlauf"]) == 3
    assert fehler_fuer(beispiel, DATEI) == []
    # keine Reste der atomaren Schreibvorgänge
    assert sorted(p.name for p in pfad.parent.iterdir()) == sorted(["2026-001.yaml", "2026-002.yaml", "2026-003.yaml", f"{ID}.yaml"])
