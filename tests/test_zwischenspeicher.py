"""Issue 6: Der Zwischenspeicher der Dateiprüfung verbirgt nie einen Fehler.

Jeder Test vergleicht mit einem Lauf ohne Speicher (`zwischenspeicher=False`) und zählt, welche
Dateien wirklich neu geprüft wurden.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from conftest import git, minimal_repo

from netzwerk_cli import dateipruefung
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.quellen import zwischenspeicher
from netzwerk_cli.validierung import validiere

STICHTAG = "2026-11-21"


def _befunde(bericht) -> list[tuple]:
    return [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]


@pytest.fixture
def geprueft(monkeypatch) -> list[str]:
    """Liste der Dateien, die tatsächlich gelesen und geprüft wurden (nicht aus dem Speicher)."""
    dateien: list[str] = []
    original = dateipruefung.pruefe_datei

    def zaehlen(art, pfad, wurzel, datei):
        dateien.append(datei)
        return original(art, pfad, wurzel, datei)

    monkeypatch.setattr(dateipruefung, "pruefe_datei", zaehlen)
    return dateien


@pytest.fixture
def repo(git_beispiel) -> Path:
    return git_beispiel


def _speicherordner(repo: Path) -> Path:
    return zwischenspeicher._ordner(repo)


def test_warm_gleich_kalt_und_liest_nichts_neu(repo, geprueft):
    kalt = validiere(repo, STICHTAG, zwischenspeicher=False)
    validiere(repo, STICHTAG)  # füllt den Speicher
    geprueft.clear()
    warm = validiere(repo, STICHTAG)
    assert _befunde(warm) == _befunde(kalt)
    assert geprueft == []
    assert _speicherordner(repo).is_relative_to(repo / ".git" / "netzwerk")


def test_nur_geaenderte_datei_wird_neu_geprueft(repo, geprueft):
    validiere(repo, STICHTAG)
    datei = repo / "organisationen" / "swr.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "unbekannt: 1\n", encoding="utf-8")
    geprueft.clear()
    bericht = validiere(repo, STICHTAG)
    assert geprueft == ["organisationen/swr.yaml"]
    assert ("organisationen/swr.yaml", "schema") in {(b.datei, b.regel) for b in bericht.befunde}
    assert _befunde(bericht) == _befunde(validiere(repo, STICHTAG, zwischenspeicher=False))


def test_kaputter_verweis_in_unveraenderter_datei_wird_gefunden(repo, geprueft):
    """Die verweisende Datei bleibt gleich (Ergebnis aus dem Speicher); der Verweis bricht,
    weil der Ziel-Datensatz umbenannt wurde. Verweise prüft jeder Lauf neu."""
    vorher = validiere(repo, STICHTAG)
    assert not [b for b in vorher.befunde if b.regel == "ref-unbekannt"]
    ziel = next(p for p in (repo / "organisationen").rglob("*.yaml") if _wird_verwiesen(repo, p.stem))
    ziel.rename(ziel.with_name("umbenannt-" + ziel.name))
    geprueft.clear()
    nachher = validiere(repo, STICHTAG)
    assert geprueft == [ziel.with_name("umbenannt-" + ziel.name).relative_to(repo).as_posix()]
    kaputt = [b for b in nachher.befunde if b.regel == "ref-unbekannt" and ziel.stem in b.meldung]
    assert kaputt, "der gebrochene Verweis wurde nicht gemeldet"
    assert all(b.zeile > 1 for b in kaputt)  # mit Position, auch aus dem Speicher heraus
    assert _befunde(nachher) == _befunde(validiere(repo, STICHTAG, zwischenspeicher=False))


def _wird_verwiesen(repo: Path, id_: str) -> bool:
    return any(f": {id_}\n" in p.read_text(encoding="utf-8") or f"- {id_}\n" in p.read_text(encoding="utf-8") for p in (repo / "personen").rglob("*.yaml"))


def test_gleicher_inhalt_neue_zeitstempel_wird_nicht_neu_geprueft(repo, geprueft):
    """git checkout / touch: Zeitstempel neu, Inhalt gleich – die Prüfsumme entscheidet."""
    validiere(repo, STICHTAG)
    datei = repo / "gremien" / "strategiegruppe.yaml"
    os.utime(datei, ns=(1_000_000_000, 1_000_000_000))
    geprueft.clear()
    validiere(repo, STICHTAG)
    assert geprueft == []


def test_gleiche_groesse_und_zeitstempel_anderer_inhalt_wird_erkannt(repo, geprueft):
    """Inhalt gleich lang geändert und den alten Zeitstempel zurückgesetzt: ctime verrät es."""
    validiere(repo, STICHTAG)
    datei = repo / "organisationen" / "swr.yaml"
    st = datei.stat()
    text = datei.read_text(encoding="utf-8")
    assert "name: " in text
    neu = text.replace("name: ", "nam3: ", 1)
    datei.write_text(neu, encoding="utf-8")
    os.utime(datei, ns=(st.st_atime_ns, st.st_mtime_ns))
    geprueft.clear()
    bericht = validiere(repo, STICHTAG)
    assert geprueft == ["organisationen/swr.yaml"]
    assert ("organisationen/swr.yaml", "schema") in {(b.datei, b.regel) for b in bericht.befunde}


def test_gerade_geaenderte_datei_wird_ueber_pruefsumme_bestaetigt(repo, geprueft):
    """„racy“: direkt nach dem Schreiben gespeicherte Einträge gelten nicht über den Zeitstempel."""
    datei = repo / "organisationen" / "swr.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "# frisch\n", encoding="utf-8")
    validiere(repo, STICHTAG)
    teil = zwischenspeicher.oeffnen(repo, dateipruefung.werkzeug_kennung())
    eintrag = teil._meta("organisationen/swr.yaml")["organisationen/swr.yaml"]
    assert eintrag[0] == (-1, -1, -1, -1, -1)  # Merkmale nicht als Beweis gespeichert


@pytest.mark.parametrize(
    "zerstoeren",
    [
        lambda p: p.write_bytes(b""),
        lambda p: p.write_bytes(b"Unsinn" * 100),
        lambda p: p.write_bytes(p.read_bytes()[:-7]),  # abgeschnitten
        lambda p: p.write_bytes(p.read_bytes()[:-1] + bytes([p.read_bytes()[-1] ^ 0xFF])),  # ein Bit kaputt
        lambda p: p.write_bytes(p.read_bytes()[:40] + b"\x00" * 4 + p.read_bytes()[44:]),  # Prüfsumme kaputt
    ],
    ids=["leer", "unsinn", "abgeschnitten", "bit", "pruefsumme"],
)
def test_kaputter_speicher_wird_verworfen_und_neu_gebaut(repo, geprueft, zerstoeren):
    kalt = validiere(repo, STICHTAG, zwischenspeicher=False)
    validiere(repo, STICHTAG)
    teile = sorted(_speicherordner(repo).glob("*.bin"))
    assert teile
    for teil in teile:
        zerstoeren(teil)
    geprueft.clear()
    assert _befunde(validiere(repo, STICHTAG)) == _befunde(kalt)
    assert len(geprueft) == kalt.dateien  # alles neu geprüft
    geprueft.clear()
    assert _befunde(validiere(repo, STICHTAG)) == _befunde(kalt)
    assert geprueft == []  # und der Speicher ist wieder heil


def test_andere_werkzeugversion_macht_speicher_ungueltig(repo, geprueft, monkeypatch):
    validiere(repo, STICHTAG)
    import netzwerk_cli

    monkeypatch.setattr(netzwerk_cli, "__version__", "99.0.0")
    monkeypatch.setattr(dateipruefung, "_kennung", None)
    geprueft.clear()
    validiere(repo, STICHTAG)
    assert len(geprueft) > 50


def test_geaendertes_schema_macht_speicher_ungueltig(repo, geprueft, monkeypatch, tmp_path):
    """Unveränderte Dateien, strengeres Schema: die neuen Schemafehler erscheinen."""
    kalt = validiere(repo, STICHTAG)
    assert kalt.fehler == 0
    schemas = tmp_path / "schemas"
    shutil.copytree(schemata.schema_ordner(), schemas)
    org = schemas / "organisation.schema.json"
    import json

    schema = json.loads(org.read_text(encoding="utf-8"))
    schema["$defs"]["kurztext"]["maxLength"] = 3
    org.write_text(json.dumps(schema), encoding="utf-8")
    monkeypatch.setattr(schemata, "schema_ordner", lambda: schemas)
    for f in (schemata.schema, schemata.schema_hash, schemata.validator, schemata.schnellpruefer):
        f.cache_clear()
    monkeypatch.setattr(dateipruefung, "_kennung", None)
    try:
        geprueft.clear()
        streng = validiere(repo, STICHTAG)
        assert len(geprueft) == kalt.dateien
        assert any(b.regel == "schema" and b.datei.startswith("organisationen/") for b in streng.befunde)
    finally:
        for f in (schemata.schema, schemata.schema_hash, schemata.validator, schemata.schnellpruefer):
            f.cache_clear()


def test_speicher_vergisst_geloeschte_dateien(repo):
    """Nach dem Löschen einer Datei steht ihr Inhalt (z. B. Kontaktdaten) nicht mehr im Speicher."""
    person = repo / "personen" / "zu-loeschen.yaml"
    person.write_text("name: Zora Zwischenspeicher\nkontakt:\n  email: zora@loeschen.invalid\n", encoding="utf-8")
    marke = b"zora@loeschen.invalid"
    validiere(repo, STICHTAG)
    assert any(marke in p.read_bytes() for p in _speicherordner(repo).glob("*.bin"))
    person.unlink()
    validiere(repo, STICHTAG)
    assert not any(marke in p.read_bytes() for p in _speicherordner(repo).glob("*.bin"))


def test_kein_cache_liest_und_schreibt_nichts(cli, repo):
    r = cli("validate", "--daten", repo, "--kein-cache", "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stderr
    assert not (repo / ".git" / "netzwerk").exists()
    r = cli("validate", "--daten", repo, "--stichtag", STICHTAG)
    assert r.exit_code == 0
    assert (repo / ".git" / "netzwerk").is_dir()


def test_ohne_git_im_benutzer_cache(tmp_path, geprueft):
    daten = minimal_repo(tmp_path / "daten", {"organisationen/amt.yaml": "name: Amt\ntyp: amt\n"})
    validiere(daten, STICHTAG)
    ordner = zwischenspeicher._ordner(daten)
    assert ordner.is_relative_to(Path(os.environ["XDG_CACHE_HOME"]))
    assert list(ordner.glob("*.bin"))
    geprueft.clear()
    validiere(daten, STICHTAG)
    assert geprueft == []


def test_abgeschaltet_per_umgebung(tmp_path, monkeypatch):
    monkeypatch.setenv("NETZWERK_KEIN_CACHE", "1")
    daten = minimal_repo(tmp_path / "daten", {"organisationen/amt.yaml": "name: Amt\ntyp: amt\n"})
    validiere(daten, STICHTAG)
    assert not zwischenspeicher._ordner(daten).exists()


def test_nicht_beschreibbarer_speicher_stoert_nicht(tmp_path, monkeypatch):
    blockiert = tmp_path / "keine-ordner"
    blockiert.write_text("eine Datei, kein Ordner", encoding="utf-8")
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(blockiert))
    daten = minimal_repo(tmp_path / "daten", {"organisationen/amt.yaml": "name: Amt\ntyp: amt\nunbekannt: 1\n"})
    bericht = validiere(daten, STICHTAG)
    assert [(b.datei, b.regel) for b in bericht.befunde] == [("organisationen/amt.yaml", "schema")]


def test_speicher_liegt_nicht_im_arbeitsbaum(repo):
    validiere(repo, STICHTAG)
    assert git(repo, "status", "--porcelain") == ""
