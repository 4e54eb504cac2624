"""Issue 15, Klasse 2: Der Zwischenspeicher entscheidet nie anders als `--kein-cache`.

Jeder Fall startet `netzwerk validate` als eigenen Prozess mit Zeitgrenze (ein Hänger scheitert,
statt die Tests zu blockieren) und Speichergrenze (wer /dev/zero oder eine riesige Datei ganz
liest, scheitert mit MemoryError) – einmal mit Zwischenspeicher (warm, nach einem Lauf, der ihn
gefüllt hat), einmal mit `--kein-cache`. Verglichen werden Befunde und Exit-Code.

Feindlich sind: ein Datensatz, der gegen eine Verknüpfung getauscht wird (auf eine Datei
außerhalb mit denselben Bytes, auf /dev/zero, auf eine FIFO), eine FIFO oder ein Ordner an
seiner Stelle, ein Speicher, dessen Einträge jemand ohne den Schlüssel umgeschrieben hat
(„keine Befunde“ für eine kaputte Datei), ein für alle beschreibbarer Speicherordner, ein
kaputter, riesiger oder pickle-artiger Speicherteil und ein aus einem anderen Repository
kopierter Speicher.
"""

from __future__ import annotations

import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import STICHTAG, git, minimal_repo

from netzwerk_cli import dateipruefung
from netzwerk_cli.quellen import zwischenspeicher

pytestmark = pytest.mark.skipif(os.name != "posix", reason="Verknüpfungen, FIFOs und /dev/zero nur unter POSIX")

ZEITGRENZE = 60  # Sekunden; ein gesunder Lauf auf diesem kleinen Repository braucht unter einer
SPEICHERGRENZE = 1536 * 1024 * 1024
KAPUTT = "organisationen/kaputt.yaml"
OPFER = "organisationen/amt.yaml"


def _grenzen() -> None:  # pragma: no cover - läuft im Kindprozess
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (SPEICHERGRENZE, SPEICHERGRENZE))


def validate(wurzel: Path, *args: str) -> tuple[int, list, str]:
    """(Exit-Code, Befunde, stderr) eines echten `netzwerk validate`-Prozesses."""
    try:
        r = subprocess.run(
            [sys.executable, "-m", "netzwerk_cli", "validate", "--daten", str(wurzel), "--stichtag", STICHTAG, "--format", "json", *args],
            capture_output=True,
            text=True,
            timeout=ZEITGRENZE,
            preexec_fn=_grenzen,
            cwd=wurzel,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"validate {' '.join(args)} hängt (länger als {ZEITGRENZE} s)")
    assert "Traceback" not in r.stderr and "interner Fehler" not in r.stderr.lower(), r.stderr
    try:
        befunde = json.loads(r.stdout)["befunde"]
    except (ValueError, KeyError):
        befunde = [r.stdout]
    return r.returncode, befunde, r.stderr


def warm_gleich_kalt(wurzel: Path) -> tuple[int, list, str]:
    kalt = validate(wurzel, "--kein-cache")
    warm = validate(wurzel)
    assert (warm[0], warm[1]) == (kalt[0], kalt[1]), f"mit Speicher: {warm[:2]}\nohne Speicher: {kalt[:2]}"
    return warm


@pytest.fixture
def repo(tmp_path) -> Path:
    wurzel = minimal_repo(
        tmp_path / "daten",
        {
            OPFER: "name: Amt für Integration\ntyp: amt\n",
            "organisationen/kreis.yaml": "name: Landkreis\ntyp: landkreis\n",
            KAPUTT: "name: Kaputt\ntyp: amt\nuebergeordnet: gibt-es-nicht\nunbekannt: 1\n",
        },
    )
    git(wurzel, "init", "-q", "-b", "main")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Start")
    return wurzel


def gefuellt(wurzel: Path) -> tuple[int, list, str]:
    """Ein Lauf, der den Speicher füllt; danach ist er warm."""
    erg = validate(wurzel)
    assert list(zwischenspeicher._ordner(wurzel).glob("*.bin")), "der Speicher wurde nicht gefüllt"
    return erg


# --------------------------------------------------------------------------- Datensatz getauscht


def test_verknuepfung_auf_datei_draussen_mit_gleichen_bytes(repo, tmp_path):
    gefuellt(repo)
    draussen = tmp_path / "draussen.yaml"
    shutil.copyfile(repo / OPFER, draussen)
    (repo / OPFER).unlink()
    os.symlink(draussen, repo / OPFER)
    code, befunde, _ = warm_gleich_kalt(repo)
    assert code == 1 and any(b["datei"] == OPFER and "hinaus" in b["meldung"] for b in befunde)


def test_verknuepfung_auf_dev_zero(repo):
    gefuellt(repo)
    (repo / OPFER).unlink()
    os.symlink("/dev/zero", repo / OPFER)
    code, befunde, _ = warm_gleich_kalt(repo)
    assert code == 1 and any(b["datei"] == OPFER for b in befunde)


@pytest.mark.parametrize("art", ["fifo", "verknuepfung-auf-fifo"])
def test_fifo(repo, tmp_path, art):
    gefuellt(repo)
    (repo / OPFER).unlink()
    if art == "fifo":
        os.mkfifo(repo / OPFER)
    else:
        os.mkfifo(tmp_path / "rohr")
        os.symlink(tmp_path / "rohr", repo / OPFER)
    code, befunde, _ = warm_gleich_kalt(repo)
    assert code == 1 and any(b["datei"] == OPFER for b in befunde)


def test_verknuepfung_innerhalb_wie_ohne_speicher(repo):
    """Eine Verknüpfung auf eine Datei im Repository liest auch der kalte Weg; warm genauso."""
    gefuellt(repo)
    (repo / "organisationen" / "ziel.yaml").write_text("name: Ziel\ntyp: amt\nunbekannt: 2\n", encoding="utf-8")
    (repo / OPFER).unlink()
    os.symlink("ziel.yaml", repo / OPFER)
    gefuellt(repo)
    warm_gleich_kalt(repo)
    (repo / "organisationen" / "ziel.yaml").write_text("name: Ziel\ntyp: amt\n", encoding="utf-8")
    warm_gleich_kalt(repo)


def test_datensatz_gegen_ordner_getauscht(repo):
    gefuellt(repo)
    (repo / OPFER).unlink()
    (repo / OPFER).mkdir()
    (repo / OPFER / "drin.yaml").write_text("name: Drin\ntyp: amt\n", encoding="utf-8")
    warm_gleich_kalt(repo)


# --------------------------------------------------------------------------- Speicher manipuliert


def _faelschen(wurzel: Path, monkeypatch) -> None:
    """Schreibt mit einem falschen Schlüssel (wer den Speicherordner beschreiben kann, kennt das
    Format, aber nicht den Schlüssel des Benutzers): „keine Befunde“ für die kaputte Datei, in den
    Metadaten und in der Querprüfung."""
    monkeypatch.setattr(zwischenspeicher, "_geheimnis", lambda: b"falscher Schluessel eines Angreifers", raising=False)
    monkeypatch.setattr(zwischenspeicher, "_schluessel_cache", {}, raising=False)
    speicher = zwischenspeicher.oeffnen(wurzel, dateipruefung.werkzeug_kennung())
    assert speicher is not None
    eintraege, _ = dateipruefung.abgleichen_und_pruefen([("organisation", str(wurzel / KAPUTT), KAPUTT)], wurzel, speicher, alle=False)
    e = eintraege[0]
    speicher._meta(KAPUTT)[KAPUTT] = (e[0], e[1], (), True, True, e[5], e[6])  # gleiche Prüfsumme, keine Befunde
    speicher.geaendert.add(speicher._meta_name(zwischenspeicher._nummer(KAPUTT, zwischenspeicher.META_TEILE)))
    zustand = speicher.quer()
    if zustand is not None:
        zustand["befunde"] = {}
        speicher.quer_setzen(zustand)
    speicher.speichern()
    monkeypatch.undo()


def test_gefaelschter_eintrag_ohne_befunde(repo, monkeypatch):
    code, befunde, _ = gefuellt(repo)
    assert code == 1 and any(b["datei"] == KAPUTT for b in befunde)
    _faelschen(repo, monkeypatch)
    code, befunde, _ = warm_gleich_kalt(repo)
    assert code == 1 and {b["regel"] for b in befunde if b["datei"] == KAPUTT} >= {"schema", "ref-unbekannt"}


def test_fremder_schluessel_im_selben_prozess_wird_verworfen(repo, monkeypatch):
    """Auch ohne Unterprozess: Teile mit falscher Signatur liest der Speicher nicht."""
    gefuellt(repo)
    _faelschen(repo, monkeypatch)
    speicher = zwischenspeicher.oeffnen(repo, dateipruefung.werkzeug_kennung())
    assert speicher._meta(KAPUTT).get(KAPUTT) is None
    assert speicher.quer() is None


@pytest.mark.parametrize("modus", [0o777, 0o775])
def test_fuer_andere_beschreibbarer_speicherordner(repo, tmp_path, monkeypatch, modus):
    geteilt = tmp_path / "geteilt"
    geteilt.mkdir()
    os.chmod(geteilt, modus)
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(geteilt))
    validate(repo)
    code, befunde, stderr = warm_gleich_kalt(repo)
    assert "Zwischenspeicher" in stderr and "beschreib" in stderr, stderr
    assert list(geteilt.rglob("*.bin")) == []  # nichts hineingeschrieben, nichts daraus gelesen


def test_speicherordner_mit_sticky_bit_ist_erlaubt(repo, tmp_path, monkeypatch):
    """Wie /tmp: für alle beschreibbar, aber mit Sticky-Bit – der eigene Unterordner ist sicher."""
    geteilt = tmp_path / "geteilt"
    geteilt.mkdir()
    os.chmod(geteilt, 0o1777)
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(geteilt))
    validate(repo)
    _, _, stderr = warm_gleich_kalt(repo)
    assert stderr == ""
    assert list(geteilt.rglob("*.bin"))
    eigen = zwischenspeicher._ordner(repo)
    assert os.stat(eigen).st_mode & 0o777 == 0o700


def test_speicherordner_ist_verknuepfung(repo, tmp_path, monkeypatch):
    """Ein untergeschobener Unterordner, der woandershin zeigt: nichts wird dort geschrieben oder gelöscht."""
    geteilt = tmp_path / "geteilt"
    geteilt.mkdir()
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(geteilt))
    opfer = tmp_path / "opfer"
    opfer.mkdir()
    (opfer / "wichtig.bin").write_bytes(b"bleibt")
    os.symlink(opfer, zwischenspeicher._ordner(repo))
    _, _, stderr = warm_gleich_kalt(repo)
    assert "Zwischenspeicher" in stderr
    assert [p.name for p in opfer.iterdir()] == ["wichtig.bin"]


@pytest.mark.parametrize(
    "zerstoeren",
    [
        lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
        lambda p: p.write_bytes(os.urandom(4096)),
        lambda p: p.write_bytes(pickle.dumps({"befunde": ()}, protocol=4)),
        lambda p: os.truncate(p, 3 * 1024 * 1024 * 1024),  # riesig (dünn besetzt): nie ganz lesen
    ],
    ids=["abgeschnitten", "zufall", "pickle", "riesig"],
)
def test_kaputter_speicherteil(repo, zerstoeren):
    gefuellt(repo)
    for teil in zwischenspeicher._ordner(repo).glob("*.bin"):
        zerstoeren(teil)
    warm_gleich_kalt(repo)
    warm_gleich_kalt(repo)


def test_kopierter_speicher_gilt_nicht_fuer_anderes_repository(repo, tmp_path, monkeypatch):
    """Ein Speicherordner, der einem anderen Repository gehört (kopiert oder geteilt), entscheidet nichts."""
    geteilt = tmp_path / "geteilt"
    geteilt.mkdir()
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(geteilt))
    gefuellt(repo)
    anderes = tmp_path / "anderes"
    shutil.copytree(repo, anderes, symlinks=True)
    shutil.rmtree(anderes / ".git")
    shutil.copytree(zwischenspeicher._ordner(repo), zwischenspeicher._ordner(anderes))
    geprueft: list[str] = []
    original = dateipruefung.pruefe_datei
    monkeypatch.setattr(dateipruefung, "pruefe_datei", lambda art, pfad, wurzel, datei: geprueft.append(datei) or original(art, pfad, wurzel, datei))
    from netzwerk_cli.validierung import validiere

    validiere(anderes.resolve(), STICHTAG)
    assert len(geprueft) == 4  # alles neu gelesen: der kopierte Speicher gehört zu einem anderen Repository
