"""Berichte und Exporte über den Zwischenspeicher (`validierung/berichtsstand.py`) liefern Byte für
Byte dieselben Ausgaben wie ohne Speicher (`NETZWERK_KEIN_CACHE=1`, der vollständige Weg).

Verglichen werden `status` (Text, Markdown, JSON, öffentlich), `gremium show`, `gremium list`,
`empfehlung list`, `sitzung vorbereiten --dry-run`, `sitzung einladung`, `diagramm`,
`export oparl`, `export ical` und `export seite` (ganze Ordner) – auf den Beispieldaten und einem
erzeugten Repository mit eingebauten Fehlern, nach zufälligen Änderungen einzelner Dateien
(dieselben wie in tests/test_querpruefung.py) und mit wechselnden Stichtagen. Dass der Lauf mit
Speicher wirklich die Abkürzung nimmt (weder vollständig lädt noch alles prüft), wird jedes Mal
mitgezählt.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from conftest import BEISPIEL, STICHTAG
from test_querpruefung import Aenderer

from bench import generate
from netzwerk_cli import querpruefung, validierung
from netzwerk_cli.bestand import laden
from netzwerk_cli.validierung import berichtsstand

STICHTAGE = [STICHTAG, "2023-03-01", "2030-01-01"]


@pytest.fixture
def vollstaendig(monkeypatch) -> list[str]:
    """Zählt die Aufrufe des vollständigen Wegs (alles laden, alles prüfen)."""
    aufrufe: list[str] = []
    lade_bestand, pruefe_bestand = laden.lade_bestand, validierung.pruefe_bestand

    def lade(*args, **kwargs):
        aufrufe.append("lade_bestand")
        return lade_bestand(*args, **kwargs)

    def pruefe(*args, **kwargs):
        aufrufe.append("pruefe_bestand")
        return pruefe_bestand(*args, **kwargs)

    monkeypatch.setattr(laden, "lade_bestand", lade)
    monkeypatch.setattr(berichtsstand, "lade_bestand", lade)
    monkeypatch.setattr(validierung, "pruefe_bestand", pruefe)
    return aufrufe


def _baum(ordner: Path) -> dict[str, bytes]:
    return {p.relative_to(ordner).as_posix(): p.read_bytes() for p in sorted(ordner.rglob("*")) if p.is_file()}


def _befehle(wurzel: Path, stichtag: str) -> list[list[str]]:
    gremien = sorted(p.stem for p in (wurzel / "gremien").glob("*.yaml")) or ["keins"]
    sitzungen = sorted(p.stem for p in (wurzel / "sitzungen").rglob("*.yaml")) or ["keine"]
    g, s = gremien[0], sitzungen[len(sitzungen) // 2]
    return [
        ["status", "--stichtag", stichtag],
        ["status", "--stichtag", stichtag, "--ausfuehrlich"],
        ["status", "--stichtag", stichtag, "--format", "markdown"],
        ["status", "--stichtag", stichtag, "--format", "markdown", "--oeffentlich"],
        ["status", "--stichtag", stichtag, "--format", "json"],
        ["status", "--stichtag", stichtag, "--format", "json", "--oeffentlich"],
        ["gremium", "show", g, "--stichtag", stichtag],
        ["gremium", "show", g, "--stichtag", stichtag, "--format", "json", "--oeffentlich"],
        ["gremium", "list", "--stichtag", stichtag, "--format", "json"],
        ["empfehlung", "list", "--format", "json"],
        ["sitzung", "vorbereiten", g, "--datum", "2031-05-05", "--dry-run"],
        ["sitzung", "einladung", s],
        ["diagramm"],
    ]


def _exporte(wurzel: Path, ziel: Path, stichtag: str) -> list[tuple[list[str], Path]]:
    return [
        (["export", "oparl", str(ziel / "oparl"), "--basis-url", "https://beispiel.invalid/oparl"], ziel / "oparl"),
        (["export", "ical", str(ziel / "ical")], ziel / "ical"),
        (["export", "seite", str(ziel / "seite"), "--stichtag", stichtag], ziel / "seite"),
    ]


def _laeufe(cli, wurzel: Path, ziel: Path, stichtag: str) -> dict:
    ergebnisse = {}
    for befehl in _befehle(wurzel, stichtag):
        r = cli(*befehl, "--daten", wurzel)
        ergebnisse[" ".join(befehl)] = (r.exit_code, r.stdout, r.stderr)
    for befehl, ordner in _exporte(wurzel, ziel, stichtag):
        r = cli(*befehl, "--daten", wurzel)
        ergebnisse[" ".join(befehl[:2])] = (r.exit_code, r.stdout.replace(str(ziel), "ZIEL"), r.stderr, _baum(ordner) if ordner.exists() else None)
    return ergebnisse


def _vergleiche(cli, monkeypatch, vollstaendig: list[str], wurzel: Path, tmp: Path, stichtag: str, schritt: str) -> None:
    vollstaendig.clear()
    warm = _laeufe(cli, wurzel, tmp / f"{schritt}-warm", stichtag)
    assert vollstaendig == [], f"nach {schritt}: mit Speicher lief der vollständige Weg ({vollstaendig})"
    monkeypatch.setenv("NETZWERK_KEIN_CACHE", "1")
    kalt = _laeufe(cli, wurzel, tmp / f"{schritt}-kalt", stichtag)
    monkeypatch.delenv("NETZWERK_KEIN_CACHE")
    assert "pruefe_bestand" in vollstaendig and "lade_bestand" in vollstaendig  # ohne Speicher: wirklich der alte Weg
    for befehl in warm:
        assert warm[befehl] == kalt[befehl], f"nach {schritt}: „netzwerk {befehl}“ mit Speicher anders als ohne"
    assert any(e[0] == 0 and e[1] for e in warm.values())  # es wurde überhaupt etwas berichtet


@pytest.mark.langsam
def test_beispieldaten_nach_zufaelligen_aenderungen(tmp_path, cli, monkeypatch, vollstaendig):
    wurzel = tmp_path / "daten"
    shutil.copytree(BEISPIEL, wurzel)
    aenderer = Aenderer(wurzel, random.Random(1))
    _vergleiche(cli, monkeypatch, vollstaendig, wurzel, tmp_path, STICHTAG, "start")
    _vergleiche(cli, monkeypatch, vollstaendig, wurzel, tmp_path, STICHTAG, "unveraendert")
    for i in range(3):
        beschreibung = aenderer.schritt()
        _vergleiche(cli, monkeypatch, vollstaendig, wurzel, tmp_path, STICHTAGE[i % len(STICHTAGE)], f"{i + 1} ({beschreibung})")


@pytest.mark.langsam
def test_erzeugtes_repository_mit_fehlern(tmp_path, cli, monkeypatch, vollstaendig):
    wurzel = tmp_path / "daten"
    generate.erzeuge(wurzel, 200, seed=3, fehler=8)
    cli("export", "ical", tmp_path / "vorweg", "--daten", wurzel)  # legt den Pseudonym-Schlüssel an (mit Hinweis)
    aenderer = Aenderer(wurzel, random.Random(11))
    _vergleiche(cli, monkeypatch, vollstaendig, wurzel, tmp_path, STICHTAG, "start")
    r = cli("status", "--daten", wurzel, "--stichtag", STICHTAG, "--format", "json")
    assert '"fehler": 0' not in r.stdout  # die eingebauten Fehler werden gezählt
    for i in range(2):
        beschreibung = " | ".join(aenderer.schritt() for _ in range(2))
        _vergleiche(cli, monkeypatch, vollstaendig, wurzel, tmp_path, STICHTAGE[(i + 1) % len(STICHTAGE)], f"{i + 1} ({beschreibung})")


def test_status_zaehlt_wie_validate(beispiel, cli):
    """Dieselben Befunde: `status` zählt so viele Fehler und Warnungen wie `validate` meldet."""
    (beispiel / "gremien" / "strategiegruppe.yaml").write_text("name: [kaputt\n", encoding="utf-8")
    bericht = validierung.validiere(beispiel, STICHTAG)
    import json

    r = cli("status", "--daten", beispiel, "--stichtag", STICHTAG, "--format", "json")
    stand = json.loads(r.stdout)["datenstand"]
    assert (stand["fehler"], stand["warnungen"], stand["dateien"]) == (bericht.fehler, bericht.warnungen, bericht.dateien)
    assert stand["fehler"] > 0


def test_datenbericht_laesst_die_querpruefung_im_speicher_stehen(beispiel, cli, monkeypatch):
    """Ein Bericht ohne Befunde (hier ein Export zu einem anderen Stichtag) prüft nichts und
    verwirft nicht die Befunde des Tages: `validate` danach prüft kein Subjekt neu."""
    validierung.validiere(beispiel, STICHTAG)
    geprueft: list[str] = []
    original = querpruefung._subjekt_pruefen

    def zaehlen(ds, bestand, kontext):
        geprueft.append(f"{ds.art}/{ds.id}")
        return original(ds, bestand, kontext)

    monkeypatch.setattr(querpruefung, "_subjekt_pruefen", zaehlen)
    r = cli("export", "seite", beispiel.parent / "seite", "--daten", beispiel, "--stichtag", "2030-01-01")
    assert r.exit_code == 0, r.output
    assert cli("gremium", "show", "strategiegruppe", "--daten", beispiel, "--stichtag", "2030-01-01").exit_code == 0
    assert geprueft == []
    validierung.validiere(beispiel, STICHTAG)
    assert geprueft == []
    cli("status", "--daten", beispiel, "--stichtag", "2030-01-01")  # status prüft (anderer Stichtag: alles)
    assert geprueft
