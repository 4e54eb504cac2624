"""Issue 17: Ein in CI wiederhergestellter Zwischenspeicher greift auf einem frischen Klon – und
entscheidet nie anders als `--kein-cache`.

Ablauf wie in CI: Lauf auf Stand A in einem Klon, Speicherordner sichern, Klon löschen, frischer
`git clone` eines Zweigs mit Änderungen (an denselben Pfad oder woanders hin), Speicher zurück,
`NETZWERK_CACHE_SCHLUESSEL` gesetzt. Dann: Befunde wie ohne Speicher (a); unveränderte Dateien
werden weder gelesen noch geprüft, Git bürgt für sie (b); mit falschem, fehlendem oder
ungültigem Schlüssel wird der Speicher verworfen, das Urteil bleibt (c). Dazu die Fälle, in denen
Git selbst eine Änderung übersehen würde (assume-unchanged, core.trustctime=false, Attribute, die
andere Bytes schreiben): dort liest der Speicher, statt Git zu glauben.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import git

from netzwerk_cli import dateipruefung
from netzwerk_cli.quellen import git as git_modul
from netzwerk_cli.quellen import zwischenspeicher
from netzwerk_cli.validierung import validiere

STICHTAG = "2026-11-21"
SCHLUESSEL = "0123456789abcdef" * 4  # 64 Hex-Zeichen
ANDERER = "fedcba9876543210" * 4

GEAENDERT = "organisationen/landkreis-konstanz-amt-fuer-migration-und-integration.yaml"
NEU = "organisationen/neu\nzeile.yaml"  # Zeilenumbruch im Namen (feindlich, aber erlaubt für Git)
GELOESCHT = "organisationen/universitaet-hildesheim.yaml"
VERKNUEPFT = "organisationen/beispielkreis-fraktion-a.yaml"  # im Zweig eine Verknüpfung auf eine andere Datei
HEIMLICH = "organisationen/swr.yaml"
GLEICH_LANG = "organisationen/gleich-lang.yaml"  # nach dem Klon geändert: gleiche Größe, gleiche mtime


def _befunde(bericht) -> list[tuple]:
    return [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]


@pytest.fixture
def gelesen(monkeypatch) -> list[str]:
    """Jede Datei, deren Inhalt der Speicher zum Bestätigen eines Eintrags las (Prüfsummenvergleich)."""
    pfade: list[str] = []
    original = zwischenspeicher.Speicher._inhalt_gleich

    def zaehlen(self, e, pfad, datei):
        pfade.append(datei)
        return original(self, e, pfad, datei)

    monkeypatch.setattr(zwischenspeicher.Speicher, "_inhalt_gleich", zaehlen)
    return pfade


@pytest.fixture
def geprueft(monkeypatch) -> list[str]:
    dateien_: list[str] = []
    original = dateipruefung.pruefe_datei
    monkeypatch.setattr(dateipruefung, "pruefe_datei", lambda art, pfad, wurzel, datei: dateien_.append(datei) or original(art, pfad, wurzel, datei))
    return dateien_


@pytest.fixture
def ci(tmp_path, monkeypatch) -> dict:
    """Wie der CI-Job: Speicherordner außerhalb von .git (NETZWERK_CACHE_ORDNER), Schlüssel aus der
    Umgebung, Git schon ab einer abweichenden Datei gefragt (Beispieldaten sind klein)."""
    ordner = tmp_path / "cache"
    ordner.mkdir(mode=0o700)
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(ordner))
    monkeypatch.setenv("NETZWERK_CACHE_SCHLUESSEL", SCHLUESSEL)
    monkeypatch.setattr(zwischenspeicher, "_schluessel_cache", {})
    monkeypatch.setattr(dateipruefung, "GIT_AB_ABWEICHUNGEN", 1)
    return {"ordner": ordner, "gesichert": tmp_path / "gesichert"}


@pytest.fixture
def quelle(git_beispiel) -> Path:
    """Das „Server“-Repository: main = Stand A, Zweig `aenderung` mit allen Arten von Änderungen."""
    for rel in (GEAENDERT, GELOESCHT, VERKNUEPFT, HEIMLICH):
        assert (git_beispiel / rel).is_file(), rel
    git(git_beispiel, "checkout", "-q", "-b", "aenderung")
    ziel = git_beispiel / GEAENDERT
    ziel.write_text(ziel.read_text(encoding="utf-8").replace("name:", "name: Geändert –", 1), encoding="utf-8")
    (git_beispiel / NEU).write_text("name: Neu mit Zeilenumbruch\ntyp: verein\n", encoding="utf-8")
    (git_beispiel / GELOESCHT).unlink()
    (git_beispiel / VERKNUEPFT).unlink()
    os.symlink(Path(HEIMLICH).name, git_beispiel / VERKNUEPFT)
    git(git_beispiel, "add", "-A")
    git(git_beispiel, "commit", "-q", "-m", "Änderungen")
    git(git_beispiel, "checkout", "-q", "main")
    return git_beispiel


def _klonen(quelle: Path, ziel: Path, zweig: str) -> Path:
    if ziel.exists():
        shutil.rmtree(ziel)
    git(quelle.parent, "clone", "-q", "-b", zweig, str(quelle), str(ziel))
    return ziel


def _stand_a_und_sichern(quelle: Path, klon: Path, ci: dict) -> None:
    """Lauf auf Stand A, Speicherordner sichern (wie actions/cache am Ende eines Jobs)."""
    _klonen(quelle, klon, "main")
    validiere(klon, STICHTAG)
    assert any(ci["ordner"].rglob("meta-*.bin")), "der Speicher wurde nicht gefüllt"
    shutil.copytree(ci["ordner"], ci["gesichert"])


def _wiederherstellen(ci: dict) -> None:
    shutil.rmtree(ci["ordner"])
    shutil.copytree(ci["gesichert"], ci["ordner"])


def _altern(klon: Path) -> None:
    """Alle Dateien eine Stunde älter als der Index machen (wie nach längerer Zeit): dann sind keine
    Einträge „racy“, und Git vergleicht nur stat, ohne den Inhalt anzusehen."""
    vorher = os.stat(klon / ".git" / "index").st_mtime_ns - 3600 * 10**9
    for p in _alle_yaml(klon):
        os.utime(klon / p, ns=(vorher, vorher))
    git(klon, "update-index", "-q", "--refresh")
    # utime setzt die ctime auf „jetzt“. Die Uhr der Dateisysteme ist grob (ein Takt von einigen
    # Millisekunden): Auf tmpfs schreibt Git den Index oft im selben Takt, dann gelten die Einträge
    # als „racy“ und werden (richtig) gelesen. Nach längerer Zeit wäre der Index jünger – so hier.
    index = klon / ".git" / "index"
    juengste = max(os.stat(klon / p).st_ctime_ns for p in _alle_yaml(klon))
    if os.stat(index).st_mtime_ns <= juengste:
        os.utime(index, ns=(juengste + 1_000_000, juengste + 1_000_000))


def _heimlich_aendern(datei: Path) -> None:
    """Inhalt ändern, Größe und mtime bleiben (ctime und Git-Index wissen es trotzdem)."""
    vorher = os.stat(datei)
    roh = datei.read_bytes()
    datei.write_bytes(roh.replace(b"\nname:", b"\nnane:", 1))  # Schemafehler, gleiche Größe
    assert datei.read_bytes() != roh
    os.utime(datei, ns=(vorher.st_atime_ns, vorher.st_mtime_ns))
    assert os.stat(datei).st_size == vorher.st_size and os.stat(datei).st_mtime_ns == vorher.st_mtime_ns


def _blob(klon: Path, datei: str) -> bytes:
    return subprocess.run(["git", "cat-file", "blob", f":{datei}"], cwd=klon, check=True, capture_output=True).stdout


def _alle_yaml(wurzel: Path) -> set[str]:
    return {p.relative_to(wurzel).as_posix() for p in wurzel.rglob("*.yaml") if ".git" not in p.parts and not p.is_symlink()}


# --------------------------------------------------------------------------- (a) + (b)


@pytest.mark.parametrize("ort", ["derselbe", "anderer"])
def test_frischer_klon_mit_wiederhergestelltem_speicher_gleich_kein_cache(quelle, tmp_path, ci, gelesen, geprueft, ort):
    klon = tmp_path / "arbeit" / "repo"
    klon.parent.mkdir()
    _stand_a_und_sichern(quelle, klon, ci)
    shutil.rmtree(klon)
    neu = klon if ort == "derselbe" else tmp_path / "woanders" / "repo"
    _klonen(quelle, neu, "aenderung")
    _altern(neu)
    _heimlich_aendern(neu / HEIMLICH)
    _wiederherstellen(ci)
    gelesen.clear()
    geprueft.clear()

    warm = validiere(neu, STICHTAG)
    mit_speicher = (list(gelesen), list(geprueft))
    kalt = validiere(neu, STICHTAG, zwischenspeicher=False)
    assert _befunde(warm) == _befunde(kalt)
    assert any(b[0] == NEU for b in _befunde(kalt)) or any(b[0] == VERKNUEPFT for b in _befunde(kalt))

    gelesen_mit, geprueft_mit = mit_speicher
    if ort == "derselbe":  # (b) der Speicher greift: nur Geändertes wird gelesen und geprüft
        assert set(geprueft_mit) == {GEAENDERT, NEU, HEIMLICH, VERKNUEPFT}
        assert set(gelesen_mit) <= {GEAENDERT, NEU, HEIMLICH, VERKNUEPFT}
        unveraendert = _alle_yaml(neu) - {GEAENDERT, NEU, HEIMLICH}
        assert len(unveraendert) > 50 and not unveraendert & set(gelesen_mit)
    else:  # anderer Pfad: anderer Speicherordner, also kalt – aber richtig
        assert set(geprueft_mit) >= _alle_yaml(neu)


def test_zweiter_lauf_auf_dem_klon_ist_warm(quelle, tmp_path, ci, geprueft):
    """Nach dem ersten Lauf auf dem Klon stehen die neuen stat-Werte im Speicher."""
    klon = tmp_path / "repo"
    _stand_a_und_sichern(quelle, klon, ci)
    _klonen(quelle, klon, "aenderung")
    _wiederherstellen(ci)
    validiere(klon, STICHTAG)
    geprueft.clear()
    warm = validiere(klon, STICHTAG)
    assert geprueft == [VERKNUEPFT]  # die Verknüpfung geht immer den kalten Weg
    assert _befunde(warm) == _befunde(validiere(klon, STICHTAG, zwischenspeicher=False))


# --------------------------------------------------------------------------- Git übersieht etwas


def _klon_mit_speicher(quelle: Path, tmp_path: Path, ci: dict, geprueft: list[str]) -> Path:
    klon = tmp_path / "repo"
    _stand_a_und_sichern(quelle, klon, ci)
    _klonen(quelle, klon, "main")
    _wiederherstellen(ci)
    geprueft.clear()
    return klon


def test_assume_unchanged_wird_nicht_geglaubt(quelle, tmp_path, ci, geprueft):
    klon = _klon_mit_speicher(quelle, tmp_path, ci, geprueft)
    _altern(klon)
    git(klon, "update-index", "--assume-unchanged", HEIMLICH)
    _heimlich_aendern(klon / HEIMLICH)
    assert git(klon, "diff-files", "--name-only") == ""  # Git selbst sieht es nicht
    warm = validiere(klon, STICHTAG)
    assert geprueft == [HEIMLICH]
    kalt = validiere(klon, STICHTAG, zwischenspeicher=False)
    assert _befunde(warm) == _befunde(kalt) and any(b[0] == HEIMLICH for b in _befunde(kalt))


def test_skip_worktree_wird_nicht_geglaubt(quelle, tmp_path, ci, geprueft):
    klon = _klon_mit_speicher(quelle, tmp_path, ci, geprueft)
    _altern(klon)
    git(klon, "update-index", "--skip-worktree", HEIMLICH)
    _heimlich_aendern(klon / HEIMLICH)
    assert git(klon, "diff-files", "--name-only") == ""
    warm = validiere(klon, STICHTAG)
    assert geprueft == [HEIMLICH]
    assert _befunde(warm) == _befunde(validiere(klon, STICHTAG, zwischenspeicher=False))


@pytest.mark.parametrize("einstellung", [("core.trustctime", "false"), ("core.checkStat", "minimal"), ("core.ignoreStat", "true")])
def test_lockere_git_einstellung_im_repository_wird_ueberstimmt(quelle, tmp_path, ci, geprueft, einstellung):
    """Mit core.trustctime=false hielte Git eine Datei gleicher Größe und mtime für unverändert."""
    klon = _klon_mit_speicher(quelle, tmp_path, ci, geprueft)
    _altern(klon)
    git(klon, "config", *einstellung)
    _heimlich_aendern(klon / HEIMLICH)
    assert git(klon, "diff-files", "--name-only") == ""  # Git allein sähe die Änderung nicht
    warm = validiere(klon, STICHTAG)
    assert geprueft == [HEIMLICH]
    kalt = validiere(klon, STICHTAG, zwischenspeicher=False)
    assert _befunde(warm) == _befunde(kalt)


@pytest.mark.parametrize(
    "attribute",
    ["*.yaml text eol=crlf\n", "*.yaml ident\n", "*.yaml working-tree-encoding=UTF-16LE\n"],
    ids=["crlf", "ident", "encoding"],
)
def test_attribute_die_andere_bytes_schreiben(quelle, tmp_path, ci, geprueft, gelesen, attribute):
    """Ein Zweig, der nur .gitattributes ändert: Blobs gleich, Arbeitsbaum andere Bytes. Der Speicher
    darf dem Blob nicht glauben (Größe bzw. Attribut), sondern liest."""
    git(quelle, "checkout", "-q", "-b", "attribute")
    (quelle / ".gitattributes").write_text(attribute, encoding="utf-8")
    (quelle / HEIMLICH).write_text((quelle / HEIMLICH).read_text(encoding="utf-8") + "# $Id$ äöü\n", encoding="utf-8")
    if "encoding" in attribute:  # im Arbeitsbaum UTF-16: so muss die Datei beim Vormerken vorliegen
        # gleich lang in UTF-8 und UTF-16 (4 ASCII-, 4 Drei-Byte-Zeichen): nur das Attribut verrät sie
        (quelle / GLEICH_LANG).write_text("x: €€€€\n", encoding="utf-8")
        assert len("x: €€€€\n".encode()) == len("x: €€€€\n".encode("utf-16-le"))
        for p in _alle_yaml(quelle):
            (quelle / p).write_bytes((quelle / p).read_text(encoding="utf-8").encode("utf-16-le"))
    git(quelle, "add", "-A")
    git(quelle, "commit", "-q", "-m", "Attribute")
    git(quelle, "checkout", "-q", "main")
    klon = tmp_path / "repo"
    # Stand A: derselbe Zweig, aber ohne Umwandlung ausgecheckt (wie ein Speicher von einem anderen Läufer)
    _klonen(quelle, klon, "attribute")
    (klon / ".git" / "info").mkdir(exist_ok=True)
    (klon / ".git" / "info" / "attributes").write_text("* -text -ident -working-tree-encoding\n", encoding="utf-8")
    for p in _alle_yaml(klon):
        (klon / p).unlink()
    git(klon, "checkout", "--", ".")
    validiere(klon, STICHTAG)
    shutil.copytree(ci["ordner"], ci["gesichert"])
    _klonen(quelle, klon, "attribute")
    _wiederherstellen(ci)
    geprueft.clear()
    gelesen.clear()
    warm = validiere(klon, STICHTAG)
    neu_geprueft = set(geprueft)
    assert _befunde(warm) == _befunde(validiere(klon, STICHTAG, zwischenspeicher=False))
    anders = {p for p in _alle_yaml(klon) if (klon / p).read_bytes() != _blob(klon, p)}
    assert anders, "der Test braucht Dateien, deren Arbeitsbaum anders ist als der Blob"
    assert git(klon, "diff-files", "--name-only") == ""  # Git hält sie für unverändert
    assert anders <= neu_geprueft
    if "encoding" in attribute:
        assert GLEICH_LANG in anders and (klon / GLEICH_LANG).stat().st_size == len("x: €€€€\n".encode())


# --------------------------------------------------------------------------- (c) Schlüssel


@pytest.mark.parametrize("schluessel", [ANDERER, None], ids=["falscher", "fehlender"])
def test_falscher_oder_fehlender_schluessel_verwirft_den_speicher(quelle, tmp_path, ci, geprueft, monkeypatch, schluessel):
    klon = tmp_path / "repo"
    _stand_a_und_sichern(quelle, klon, ci)
    _klonen(quelle, klon, "aenderung")
    _wiederherstellen(ci)
    if schluessel is None:
        monkeypatch.delenv("NETZWERK_CACHE_SCHLUESSEL")  # z. B. Pull Request aus einem Fork
    else:
        monkeypatch.setenv("NETZWERK_CACHE_SCHLUESSEL", schluessel)
    geprueft.clear()
    warm = validiere(klon, STICHTAG)
    assert set(geprueft) >= _alle_yaml(klon)  # alles neu: kein Eintrag galt
    assert _befunde(warm) == _befunde(validiere(klon, STICHTAG, zwischenspeicher=False))


@pytest.mark.parametrize("wert", ["0123456789abcdef", "xyz" * 20, "0123456789abcdef" * 2 + "0", "g" * 64])
def test_ungueltiger_schluessel_warnt_deutsch_ohne_traceback(cli, quelle, tmp_path, ci, monkeypatch, wert):
    monkeypatch.setenv("NETZWERK_CACHE_SCHLUESSEL", wert)
    monkeypatch.setattr(zwischenspeicher, "HINWEISE", [])
    ohne = cli("validate", "--daten", quelle, "--stichtag", STICHTAG, "--kein-cache")
    erg = cli("validate", "--daten", quelle, "--stichtag", STICHTAG)
    assert erg.exit_code == ohne.exit_code and erg.stdout == ohne.stdout
    assert "NETZWERK_CACHE_SCHLUESSEL ist gesetzt, aber kein gültiger Schlüssel" in erg.stderr
    assert "Traceback" not in erg.stderr and wert not in erg.stderr
    assert not any(ci["ordner"].rglob("*.bin"))  # Speicher aus: nichts geschrieben


def test_schluessel_aus_umgebung_und_aus_datei_sind_verschieden(quelle, tmp_path, ci, monkeypatch, geprueft):
    """Derselbe Speicher, einmal mit Umgebungs-, einmal mit Dateigeheimnis: keiner liest den des anderen."""
    validiere(quelle, STICHTAG)
    monkeypatch.delenv("NETZWERK_CACHE_SCHLUESSEL")
    geprueft.clear()
    validiere(quelle, STICHTAG)
    assert set(geprueft) >= _alle_yaml(quelle)


# --------------------------------------------------------------------------- quellen.git


def test_unveraenderte_blobs_feindliche_namen_und_unterordner(tmp_path):
    wurzel = tmp_path / "r"
    (wurzel / "daten" / "unter").mkdir(parents=True)
    namen = ["daten/a.yaml", "daten/zeile\numbruch.yaml", "daten/tab\tund leer .yaml", "daten/unter/ü.yaml", "daten/ H 100644 x 0\tb"]
    for n in namen:
        (wurzel / n).write_bytes(n.encode() + b"\n")
    (wurzel / "draussen.yaml").write_bytes(b"x\n")
    git(wurzel, "init", "-q")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "x")
    blobs = git_modul.unveraenderte_blobs(wurzel / "daten")
    assert {d: b[0] for d, b in blobs.items()} == {n[len("daten/") :]: dateipruefung.blob_id(n.encode() + b"\n") for n in namen}
    (wurzel / namen[1]).write_bytes(b"anders\n")
    blobs = git_modul.unveraenderte_blobs(wurzel / "daten")
    assert blobs is not None and namen[1][len("daten/") :] not in blobs and len(blobs) == 4


def test_unveraenderte_blobs_ohne_repository_oder_umgelenkt(tmp_path, monkeypatch):
    assert git_modul.unveraenderte_blobs(tmp_path) is None
    git(tmp_path, "init", "-q")
    assert not git_modul.unveraenderte_blobs(tmp_path)  # noch kein Index: nichts zu versprechen
    monkeypatch.setenv("GIT_INDEX_FILE", str(tmp_path / "fremder-index"))
    assert git_modul.unveraenderte_blobs(tmp_path) is None
    monkeypatch.delenv("GIT_INDEX_FILE")
    monkeypatch.setenv("GIT_PYTHON_GIT_EXECUTABLE", str(tmp_path / "kein-git"))
    assert git_modul.unveraenderte_blobs(tmp_path) is None


def test_index_fuer_andere_beschreibbar_wird_nicht_geglaubt(tmp_path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "x")
    assert git_modul.unveraenderte_blobs(tmp_path).keys() == {"a.yaml"}
    os.chmod(tmp_path / ".git" / "index", 0o666)
    assert git_modul.unveraenderte_blobs(tmp_path) is None
