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

from netzwerk_cli.aktionen import empfehlungen
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.grundlagen.fehler import Abgelehnt

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
    except BaseException as e:
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


# --------------------------------------------------------------------------- zwei echte CLI-Prozesse, deterministisch
#
# Beide Läufe sind echte Prozesse `netzwerk empfehlung …` (über das Hüllprogramm aus
# absturz_hilfen.py). Der erste hält an einer genau bestimmten Stelle an – in der Sperre (vor
# dem Anlegen der temporären Datei) oder vor der Sperre (nach dem Planen) – und meldet das auf
# stderr; der Test startet währenddessen den zweiten und lässt den ersten danach weiterlaufen.
# Keine Wartezeiten, keine Zufälle: jeder Ausgang ist festgelegt.

import subprocess
import sys

import absturz_hilfen

HUELLE = Path(absturz_hilfen.__file__).resolve()
ORDNER = str(Path(DATEI).parent)  # empfehlungen/2026
GREMIUM_SITZUNG = "steuerungsgruppe-beispielkreis"


def _cli_prozess(modus: str, wurzel: Path, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(HUELLE), modus, os.devnull, str(wurzel), "--", *map(str, args), "--daten", str(wurzel)],
        cwd=wurzel.parent,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _anhalten(modus: str, wurzel: Path, *args: str) -> subprocess.Popen:
    """Startet einen CLI-Prozess und kehrt zurück, sobald er an der Haltestelle steht."""
    p = _cli_prozess(modus, wurzel, *args)
    zeile = p.stderr.readline()
    if not zeile.startswith("ANGEHALTEN "):
        p.kill()
        rest = p.communicate(timeout=60)
        pytest.fail(f"Prozess hielt nicht an ({modus}): {zeile}{rest[1]}")
    return p


def _zu_ende(p: subprocess.Popen, eingabe: str | None = "weiter\n") -> tuple[int, str, str]:
    aus, err = p.communicate(eingabe, timeout=120)
    return p.returncode, aus, err


def _advance(nach: str) -> tuple[str, ...]:
    return ("empfehlung", "advance", ID, "--nach", nach, "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--durch", nach)


def _nur_klare_ablehnung(code: int, aus: str, err: str, erwartet: str) -> None:
    assert code == 1, (code, err)
    assert erwartet in err and "bitte erneut ausführen" in err, err
    assert "Traceback" not in err and aus == "", (aus, err)


def test_cli_zweiter_advance_waehrend_erster_schreibt_wird_abgelehnt(beispiel):
    """Der erste `advance` hält die Sperre (steht vor dem Anlegen der temporären Datei); ein
    zweiter `advance` auf denselben Datensatz wird sofort mit klarer Meldung abgelehnt und
    ändert nichts. Danach schreibt der erste – er gewinnt."""
    pfad = repo_im_zustand(beispiel, "eingereicht")
    vorher = schnappschuss(beispiel)

    erster = _anhalten("halt:tempfile.mkstemp", beispiel, *_advance("beschlossen"))
    zweiter = _zu_ende(_cli_prozess("laufen", beispiel, *_advance("abgelehnt")), None)

    _nur_klare_ablehnung(*zweiter, f"„2026/“ {GESPERRT}")
    assert schnappschuss(beispiel) == vorher  # der zweite hat nichts geändert (der erste noch nicht)
    code, aus, err = _zu_ende(erster)
    assert code == 0, err
    assert f"empfehlung {ID}: eingereicht → beschlossen" in aus
    daten = lies(pfad)
    assert daten["status"] == "beschlossen" and [v["status"] for v in daten["verlauf"]] == ["entwurf", "eingereicht", "beschlossen"]
    assert daten["verlauf"][-1]["durch"] == "beschlossen"
    assert fehler_fuer(beispiel, DATEI) == []
    assert not list(pfad.parent.glob(".*"))  # keine Reste


def test_cli_zweiter_advance_vom_alten_stand_wird_abgelehnt(beispiel):
    """Der erste `advance` hat geplant (alten Stand gelesen) und steht vor der Sperre; ein
    zweiter läuft vollständig durch. Der erste bemerkt beim Schreiben, dass sich die Datei
    geändert hat, und lehnt ab – statt den Schritt des zweiten zu überschreiben."""
    pfad = repo_im_zustand(beispiel, "eingereicht")

    erster = _anhalten(f"halt:open {ORDNER} ", beispiel, *_advance("beschlossen"))
    code, aus, err = _zu_ende(_cli_prozess("laufen", beispiel, *_advance("abgelehnt")), None)
    assert code == 0, err
    nach_zweitem = pfad.read_bytes()

    _nur_klare_ablehnung(*_zu_ende(erster), f"„{ID}.yaml“ {GEAENDERT}")
    assert pfad.read_bytes() == nach_zweitem
    daten = lies(pfad)
    assert [v["status"] for v in daten["verlauf"]] == ["entwurf", "eingereicht", "abgelehnt"]
    assert fehler_fuer(beispiel, DATEI) == []


def test_cli_umsetzung_gegen_advance(beispiel):
    """Verschiedene Befehle auf einen Datensatz: ein Umsetzungsbericht vom alten Stand
    überschreibt den inzwischen geschriebenen Schritt nicht."""
    pfad = repo_im_zustand(beispiel, "weitergeleitet")
    bericht = ("empfehlung", "umsetzung", ID, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "läuft", "--datum", "2026-05-10")
    erster = _anhalten(f"halt:open {ORDNER} ", beispiel, *bericht)
    code, _, err = _zu_ende(_cli_prozess("laufen", beispiel, "empfehlung", "advance", ID, "--datum", "2026-05-10", "--durch", "X"), None)
    assert code == 0, err
    _nur_klare_ablehnung(*_zu_ende(erster), GEAENDERT)
    daten = lies(pfad)
    assert daten["status"] == "in_umsetzung" and "umsetzung" not in daten


def test_cli_zwei_neue_empfehlungen_gleichzeitig_bekommen_verschiedene_ids(beispiel):
    """Zwei `empfehlung new` vom selben Stand wollen dieselbe id; der spätere nimmt die nächste
    freie Nummer, keiner überschreibt den anderen."""
    neu = ("empfehlung", "new", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-12-01", "--durch", "X")
    erster = _anhalten(f"halt:open {ORDNER} ", beispiel, *neu, "--titel", "Erste")
    code, aus, err = _zu_ende(_cli_prozess("laufen", beispiel, *neu, "--titel", "Zweite"), None)
    assert code == 0, err
    assert "2026-004" in aus
    code, aus, err = _zu_ende(erster)
    assert code == 0, err
    assert "2026-005" in aus
    ordner = beispiel / ORDNER
    assert lies(ordner / "2026-004.yaml")["titel"] == "Zweite"
    assert lies(ordner / "2026-005.yaml")["titel"] == "Erste"


def test_cli_zwei_gleichzeitige_sitzung_vorbereiten_ueberschreiben_sich_nicht(beispiel):
    """Zwei `sitzung vorbereiten` für dieselbe Sitzung: der spätere wird abgelehnt, die Datei des
    früheren (mit seinem Ort) bleibt."""
    vorbereiten = ("sitzung", "vorbereiten", GREMIUM_SITZUNG, "--datum", "2027-02-10")
    datei = beispiel / "sitzungen/2027" / f"{GREMIUM_SITZUNG}-2027-02-10.yaml"
    # hält nach der Prüfung „gibt es schon?“ an, vor dem Schreiben (mkdir des Jahresordners)
    erster = _anhalten("halt:os.mkdir sitzungen/2027", beispiel, *vorbereiten, "--ort", "Ort des ersten Laufs")
    code, _, err = _zu_ende(_cli_prozess("laufen", beispiel, *vorbereiten, "--ort", "Ort des zweiten Laufs"), None)
    assert code == 0, err
    code, _, err = _zu_ende(erster)
    assert "Ort des zweiten Laufs" in datei.read_text(encoding="utf-8")
    assert code == 1 and "gibt es schon" in err, (code, err)
