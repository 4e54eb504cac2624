"""Issue 15, Klasse 7: Schreibende Befehle schreiben nie aus dem Repository hinaus.

Ein Jahresordner, der eine Verknüpfung nach draußen ist (`empfehlungen/2026 -> /anderswo`), und
ein Ordner, der zwischen Planen und Schreiben gegen eine Verknüpfung getauscht wird (auch erst,
während die Ordnersperre gehalten wird): jeder Schreiber lehnt ab (Exit 1, deutsche Meldung),
und außerhalb des Repositorys ändert sich nichts.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from empfehlung_hilfen import ADRESSATEN, DATEI, ENTSCHEIDUNG, ID, repo_im_zustand

from netzwerk_cli.aktionen import schreibvorgang
from netzwerk_cli.aktionen.anonymisierung import ausfuehren as anonymisierung_ausfuehren
from netzwerk_cli.grundlagen.fehler import Abgelehnt
from netzwerk_cli.quellen import dateien

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Verknüpfungen und O_NOFOLLOW nur unter POSIX")

NEU = ("empfehlung", "new", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-12-01", "--durch", "X", "--titel", "Neu")
SITZUNG = ("sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-02-10")


def inhalt(ordner: Path) -> dict[str, bytes]:
    """Alle Dateien unter `ordner` (auch versteckte), ohne Verknüpfungen zu folgen."""
    ergebnis = {}
    for basis, _ordnernamen, dateinamen in os.walk(ordner):
        for name in dateinamen:
            p = Path(basis) / name
            ergebnis[p.relative_to(ordner).as_posix()] = p.read_bytes() if not p.is_symlink() else b"->" + os.readlink(p).encode()
    return ergebnis


def verknuepfen(wurzel: Path, rel: str, anderswo: Path) -> None:
    """Verschiebt den Ordner `rel` nach `anderswo` und legt an seiner Stelle eine Verknüpfung dorthin."""
    ordner = wurzel / rel
    shutil.move(str(ordner), str(anderswo))
    os.symlink(anderswo, ordner)


def abgelehnt(r) -> None:
    assert r.exit_code == 1, (r.exit_code, r.stdout, r.stderr)
    assert "Verknüpfung" in r.stderr and "nichts geschrieben" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


# --------------------------------------------------------------------------- verknüpfter Jahresordner


def test_empfehlung_new_in_verknuepften_jahresordner(cli, beispiel, tmp_path):
    anderswo = tmp_path / "anderswo"
    verknuepfen(beispiel, "empfehlungen/2026", anderswo)
    vorher = inhalt(anderswo)
    r = cli(*NEU, "--daten", beispiel)
    abgelehnt(r)
    assert inhalt(anderswo) == vorher


def test_sitzung_vorbereiten_in_verknuepften_jahresordner(cli, beispiel, tmp_path):
    anderswo = tmp_path / "anderswo"
    verknuepfen(beispiel, "sitzungen/2027", anderswo)
    vorher = inhalt(anderswo)
    r = cli(*SITZUNG, "--daten", beispiel)
    abgelehnt(r)
    assert inhalt(anderswo) == vorher


def test_neuer_jahresordner_unter_verknuepfter_art(tmp_path):
    """Der Ordner der Art selbst ist eine Verknüpfung: auch kein Ordner wird draußen angelegt."""
    from conftest import minimal_repo

    wurzel = minimal_repo(tmp_path / "daten", {})
    anderswo = tmp_path / "anderswo"
    anderswo.mkdir()
    os.symlink(anderswo, wurzel / "empfehlungen")
    with pytest.raises(Abgelehnt, match="Verknüpfung"):
        dateien.erstelle_neu(wurzel / "empfehlungen" / "2030" / "2030-001.yaml", "titel: x\n", wurzel=wurzel)
    assert list(anderswo.iterdir()) == []


def test_zieldatei_ist_verknuepfung(tmp_path):
    """Die Datei selbst ist eine Verknüpfung nach draußen: weder ersetzen noch anlegen folgt ihr."""
    from conftest import minimal_repo

    wurzel = minimal_repo(tmp_path / "daten", {"organisationen/amt.yaml": "name: Amt\ntyp: amt\n"})
    draussen = tmp_path / "draussen.yaml"
    draussen.write_text("name: Amt\ntyp: amt\n", encoding="utf-8")
    ziel = wurzel / "organisationen" / "amt.yaml"
    ziel.unlink()
    os.symlink(draussen, ziel)
    with pytest.raises(Abgelehnt):
        dateien.ersetze_wenn_unveraendert(ziel, draussen.read_bytes(), "name: Neu\ntyp: amt\n", wurzel=wurzel)
    with pytest.raises(Abgelehnt):
        dateien.erstelle_neu(ziel, "name: Neu\n", wurzel=wurzel)
    with pytest.raises(Abgelehnt):
        dateien.loesche_wenn_unveraendert(ziel, draussen.read_bytes(), wurzel=wurzel)
    assert draussen.read_text(encoding="utf-8") == "name: Amt\ntyp: amt\n"
    assert ziel.is_symlink()


def test_pfad_ausserhalb_der_wurzel_wird_abgelehnt(tmp_path):
    wurzel = tmp_path / "daten"
    wurzel.mkdir()
    with pytest.raises(Abgelehnt, match="außerhalb"):
        dateien.erstelle_neu(wurzel / ".." / "boese.yaml", "x: 1\n", wurzel=wurzel)
    assert not (tmp_path / "boese.yaml").exists()


# --------------------------------------------------------------------------- Tausch zwischen Planen und Schreiben


def _tausch_vor(monkeypatch, modul, name: str, wurzel: Path, rel: str, anderswo: Path) -> None:
    """Ersetzt `modul.name` durch eine Hülle, die vor dem Aufruf den Ordner gegen eine Verknüpfung tauscht."""
    original = getattr(modul, name)

    def huelle(*args, **kwargs):
        verknuepfen(wurzel, rel, anderswo)
        return original(*args, **kwargs)

    monkeypatch.setattr(modul, name, huelle)


def test_new_ordner_getauscht_zwischen_planen_und_schreiben(cli, beispiel, tmp_path, monkeypatch):
    anderswo = tmp_path / "anderswo"
    vorher = inhalt(beispiel / "empfehlungen" / "2026")
    _tausch_vor(monkeypatch, schreibvorgang, "schreiben", beispiel, "empfehlungen/2026", anderswo)
    abgelehnt(cli(*NEU, "--daten", beispiel))
    assert inhalt(anderswo) == vorher


@pytest.mark.parametrize("befehl", ["advance", "umsetzung"])
def test_advance_und_umsetzung_ordner_getauscht(cli, beispiel, tmp_path, monkeypatch, befehl):
    if befehl == "advance":
        repo_im_zustand(beispiel, "eingereicht")
        args = ("empfehlung", "advance", ID, "--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22")
    else:
        repo_im_zustand(beispiel, "weitergeleitet")
        args = ("empfehlung", "umsetzung", ID, "--adressat", ADRESSATEN[0], "--stand", "offen", "--bericht", "läuft", "--datum", "2026-05-10")
    anderswo = tmp_path / "anderswo"
    vorher = inhalt(beispiel / "empfehlungen" / "2026")
    _tausch_vor(monkeypatch, schreibvorgang, "schreiben", beispiel, "empfehlungen/2026", anderswo)
    abgelehnt(cli(*args, "--daten", beispiel))
    assert inhalt(anderswo) == vorher
    assert (anderswo / Path(DATEI).name).exists()


def test_sitzung_vorbereiten_ordner_getauscht(cli, beispiel, tmp_path, monkeypatch):
    anderswo = tmp_path / "anderswo"
    vorher = inhalt(beispiel / "sitzungen" / "2027")
    _tausch_vor(monkeypatch, schreibvorgang, "schreiben", beispiel, "sitzungen/2027", anderswo)
    abgelehnt(cli(*SITZUNG, "--daten", beispiel))
    assert inhalt(anderswo) == vorher


def test_tausch_unter_der_sperre(cli, beispiel, tmp_path, monkeypatch):
    """Getauscht wird erst, nachdem die Sperre genommen ist: die Prüfung unter der Sperre greift."""
    anderswo = tmp_path / "anderswo"
    repo_im_zustand(beispiel, "eingereicht")
    vorher = inhalt(beispiel / "empfehlungen" / "2026")
    original = dateien._ordner_sperre.__enter__
    getauscht = []

    def enter(self):
        erg = original(self)
        if not getauscht:
            getauscht.append(True)
            verknuepfen(beispiel, "empfehlungen/2026", anderswo)
        return erg

    monkeypatch.setattr(dateien._ordner_sperre, "__enter__", enter)
    r = cli("empfehlung", "advance", ID, "--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22", "--daten", beispiel)
    abgelehnt(r)
    assert getauscht
    assert inhalt(anderswo) == vorher


def test_person_anonymisieren_ordner_getauscht(cli, tmp_path, monkeypatch):
    from test_person_anonymisieren import PERSON, anlegen

    wurzel = anlegen(tmp_path / "daten", mit_git=False)
    anderswo = tmp_path / "anderswo"
    vorher = inhalt(wurzel / "sitzungen" / "2021")
    _tausch_vor(monkeypatch, anonymisierung_ausfuehren, "ausfuehren", wurzel, "sitzungen/2021", anderswo)
    r = cli("person", "anonymisieren", PERSON, "--daten", wurzel, "--stichtag", "2026-11-21")
    abgelehnt(r)
    assert inhalt(anderswo) == vorher
    assert (wurzel / "personen" / f"{PERSON}.yaml").exists()  # geprüft, bevor irgendetwas geschrieben wurde


# --------------------------------------------------------------------------- viele Dateien in einem Ordner


def test_in_ordner_atomar_schreibt_in_den_geprueften_ordner(tmp_path):
    """`schreibe_in_ordner_atomar` (Zwischenspeicher) schreibt relativ zum geöffneten Ordner: Eine
    Verknüpfung unter einem Zielnamen wird ersetzt, nicht verfolgt; es bleibt keine temporäre Datei;
    neue Dateien sind privat (0600)."""
    from netzwerk_cli.quellen import dateien

    ordner = tmp_path / "speicher"
    ordner.mkdir(mode=0o700)
    draussen = tmp_path / "draussen.bin"
    draussen.write_bytes(b"fremd")
    (ordner / "b.bin").symlink_to(draussen)
    dateien.schreibe_in_ordner_atomar(ordner, [("a.bin", b"eins"), ("b.bin", b"zwei")], sichern=False)
    assert (ordner / "a.bin").read_bytes() == b"eins"
    assert not (ordner / "b.bin").is_symlink() and (ordner / "b.bin").read_bytes() == b"zwei"
    assert draussen.read_bytes() == b"fremd"
    assert sorted(p.name for p in ordner.iterdir()) == ["a.bin", "b.bin"]
    assert (ordner / "a.bin").stat().st_mode & 0o777 == 0o600
    dateien.schreibe_in_ordner_atomar(ordner, [("a.bin", b"drei")], sichern=True)
    assert (ordner / "a.bin").read_bytes() == b"drei"


def test_in_ordner_atomar_bleibt_im_geoeffneten_ordner_wenn_der_pfad_getauscht_wird(tmp_path, monkeypatch):
    """Wird der Ordner nach dem Öffnen gegen eine Verknüpfung nach draußen getauscht, landen die
    weiteren Dateien trotzdem im geöffneten Ordner (openat/renameat) – nie draußen."""
    from netzwerk_cli.quellen import dateien

    ordner = tmp_path / "speicher"
    ordner.mkdir()
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    verschoben = tmp_path / "verschoben"
    original = dateien._ordner_sperre.schreiben_relativ

    def tauschen_nach_dem_ersten(self, name, daten, sichern=True):
        original(self, name, daten, sichern)
        if name == "a.bin":
            ordner.rename(verschoben)
            ordner.symlink_to(draussen)

    monkeypatch.setattr(dateien._ordner_sperre, "schreiben_relativ", tauschen_nach_dem_ersten)
    dateien.schreibe_in_ordner_atomar(ordner, [("a.bin", b"eins"), ("b.bin", b"zwei")], sichern=False)
    assert list(draussen.iterdir()) == []
    assert sorted(p.name for p in verschoben.iterdir()) == ["a.bin", "b.bin"]


def test_in_ordner_atomar_raeumt_bei_fehler_auf(tmp_path, monkeypatch):
    from netzwerk_cli.quellen import dateien

    ordner = tmp_path / "speicher"
    ordner.mkdir()
    (ordner / "a.bin").write_bytes(b"alt")

    def scheitern(*args, **kwargs):
        raise OSError("Platte voll")

    monkeypatch.setattr(dateien.os, "fsync", scheitern)
    with pytest.raises(OSError, match="Platte voll"):
        dateien.schreibe_in_ordner_atomar(ordner, [("a.bin", b"neu")], sichern=True)
    assert [p.name for p in ordner.iterdir()] == ["a.bin"]
    assert (ordner / "a.bin").read_bytes() == b"alt"
    with pytest.raises(ValueError):
        with dateien._ordner_sperre(ordner, ordner, sperren=False) as ort:
            ort.schreiben_relativ("../weg.bin", b"x")
