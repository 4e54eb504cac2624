"""Absturzsicherheit: `empfehlung advance`, `empfehlung umsetzung` und `empfehlung new` werden
als echte Prozesse mit SIGKILL beendet – an jedem Ein-/Ausgabeschritt einmal (deterministisch,
aus einem Zähllauf aufgezählt) und zusätzlich zu zufälligen Zeitpunkten (fester Seed). Nach
jedem Absturz gilt:

* der Datensatz ist Byte für Byte entweder die alte oder die neue Fassung (bei `new`: fehlt
  oder ist vollständig), nie etwas dazwischen;
* keine andere Datei hat sich geändert; zurückbleiben dürfen nur versteckte temporäre Dateien
  `.<name>.*.tmp` im Ordner des Datensatzes, und die enthalten höchstens einen Anfang der neuen
  Fassung;
* `validate` meldet genau dieselben Befunde wie ohne Reste (die temporären Dateien werden nicht
  gelesen und nicht gezählt), `empfehlung list` sieht dieselben Empfehlungen;
* war es noch die alte Fassung, gelingt derselbe Befehl danach (die Sperre ist frei, Reste
  stören nicht) und ergibt genau die neue Fassung.

Der Mechanismus steht in `absturz_hilfen.py`: Audit-Hook in einem mit os.fork() abgespaltenen
Kindprozess, der die CLI über denselben Einstieg wie `netzwerk` startet. Kein Warten im Test.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import signal
from dataclasses import dataclass
from pathlib import Path

import absturz_hilfen as ah
import pytest
from conftest import minimal_repo

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL") or os.name != "posix", reason="SIGKILL und flock nur unter POSIX")

GETOETET = -signal.SIGKILL


@dataclass(frozen=True)
class Szenario:
    name: str
    datei: str  # der Datensatz, den der Befehl schreibt (relativ zur Wurzel)
    args: tuple[str, ...]

    @property
    def neu_angelegt(self) -> bool:
        return self.args[1] == "new"


SZENARIEN = {
    s.name: s
    for s in (
        Szenario(
            "advance-entwurf",
            ah.DATEI_ENTWURF,
            ("empfehlung", "advance", ah.ID_ENTWURF, "--datum", "2026-03-01", "--durch", "AG Test"),
        ),
        Szenario(
            "advance-weitergeleitet",
            ah.DATEI_WEITER,
            ("empfehlung", "advance", ah.ID_WEITER, "--datum", "2026-04-01", "--durch", "Geschäftsstelle", "--notiz", "Start der Umsetzung"),
        ),
        Szenario(
            "umsetzung",
            ah.DATEI_WEITER,
            ("empfehlung", "umsetzung", ah.ID_WEITER, "--adressat", "amt-a", "--stand", "teilweise", "--bericht", "Erste Sprechstunde", "--datum", "2026-04-01"),
        ),
        Szenario(
            "new",
            ah.DATEI_NEU,
            ("empfehlung", "new", "--titel", "Neue Empfehlung", "--arbeitsgruppe", "ag-test", "--datum", "2025-01-15", "--durch", "AG Test"),
        ),
    )
}


@dataclass
class Referenz:
    ereignisse: list  # [nr, zeit, beschreibung] aus dem Zähllauf
    alt: bytes | None
    neu: bytes
    validate_alt: tuple[int, dict]
    validate_neu: tuple[int, dict]
    liste_alt: list
    liste_neu: list


# --------------------------------------------------------------------------- Hilfen


@pytest.fixture(scope="module")
def vorlage(tmp_path_factory) -> Path:
    """Das winzige Datenrepository, einmal gebaut; jeder Lauf bekommt eine Kopie."""
    return minimal_repo(tmp_path_factory.mktemp("absturz") / "vorlage", ah.DATEIEN)


def kopie(vorlage: Path, ziel: Path) -> Path:
    shutil.copytree(vorlage, ziel)
    return ziel


def dateien(wurzel: Path) -> dict[str, bytes]:
    """Alle Dateien (auch versteckte) mit Inhalt."""
    return {p.relative_to(wurzel).as_posix(): p.read_bytes() for p in sorted(wurzel.rglob("*")) if p.is_file()}


def validieren(cli, wurzel: Path) -> tuple[int, dict]:
    r = cli("validate", "--daten", wurzel, "--stichtag", ah.STICHTAG, "--format", "json")
    return r.exit_code, json.loads(r.stdout)


def auflisten(cli, wurzel: Path) -> list:
    r = cli("empfehlung", "list", "--daten", wurzel, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def lauf(modus: str, wurzel: Path, szenario: Szenario) -> tuple[int, list, str]:
    """Die echte CLI in einem eigenen (abgespaltenen) Prozess mit Audit-Hook; liefert
    (Exit-Code, negativ bei Signal; Ereignisse im Zählmodus; Ausgabe)."""
    ausgabe = wurzel.parent / f"{wurzel.name}.ausgabe"
    code, ereignisse = ah.gabel(modus, wurzel, [*szenario.args, "--daten", str(wurzel)], ausgabe)
    return code, ereignisse, ausgabe.read_text(encoding="utf-8", errors="replace")


_REFERENZEN: dict[str, Referenz] = {}


def referenz(cli, vorlage: Path, tmp_path: Path, szenario: Szenario) -> Referenz:
    """Zähllauf ohne Absturz: welche Schritte gibt es, was ist die neue Fassung, welche Befunde
    meldet `validate` vorher und nachher. Einmal je Szenario (im isolierten Test-Umfeld)."""
    if szenario.name not in _REFERENZEN:
        wurzel = kopie(vorlage, tmp_path / f"zaehlen-{szenario.name}")
        alt_pfad = wurzel / szenario.datei
        alt = alt_pfad.read_bytes() if alt_pfad.exists() else None
        validate_alt, liste_alt = validieren(cli, wurzel), auflisten(cli, wurzel)
        code, ereignisse, ausgabe = lauf("zaehlen", wurzel, szenario)
        assert code == 0, ausgabe
        beschreibungen = [e[2] for e in ereignisse]
        # Der Zähllauf sieht den ganzen Schreibweg: Sperre, temporäre Datei, Umbenennen
        assert any(b.startswith("tempfile.mkstemp") for b in beschreibungen), beschreibungen
        assert any(b.startswith("os.rename") for b in beschreibungen), beschreibungen
        neu = (wurzel / szenario.datei).read_bytes()
        assert neu != alt
        assert not [p for p in wurzel.rglob(".*.tmp")], "ein erfolgreicher Lauf lässt keine Reste"
        _REFERENZEN[szenario.name] = Referenz(
            ereignisse, alt, neu, validate_alt, validieren(cli, wurzel), liste_alt, auflisten(cli, wurzel)
        )
    return _REFERENZEN[szenario.name]


def pruefe_nach_absturz(cli, vorlage: Path, wurzel: Path, szenario: Szenario, ref: Referenz, wie: str) -> tuple[str, list[str]]:
    """Alle Zusagen nach einem (möglichen) Absturz; liefert ("alt"|"neu", Reste)."""
    pfad = wurzel / szenario.datei
    jetzt = dateien(wurzel)

    # 1. der Datensatz: alt oder neu, nie dazwischen
    inhalt = jetzt.pop(szenario.datei, None)
    if inhalt == ref.alt:
        fassung = "alt"
    elif inhalt == ref.neu:
        fassung = "neu"
    else:
        pytest.fail(f"{wie}: {szenario.datei} ist weder alt noch neu:\n{inhalt!r}")

    # 2. Reste: nur versteckte temporäre Dateien im Ordner des Datensatzes, mit einem Anfang der neuen Fassung
    muster = re.compile(rf"^{re.escape(pfad.parent.relative_to(wurzel).as_posix())}/\.{re.escape(pfad.name)}\.[A-Za-z0-9_]+\.tmp$")
    reste = sorted(name for name in jetzt if muster.match(name))
    for name in reste:
        rest = jetzt.pop(name)
        assert ref.neu.startswith(rest), f"{wie}: {name} enthält etwas anderes als den Anfang der neuen Fassung"

    # 3. sonst hat sich nichts geändert
    erwartet = dateien(vorlage)
    erwartet.pop(szenario.datei, None)
    assert jetzt == erwartet, f"{wie}: andere Dateien geändert: {sorted(set(jetzt) ^ set(erwartet)) or 'Inhalt'}"

    # 4. validate und list sehen genau, was ohne Reste zu sehen wäre
    assert validieren(cli, wurzel) == (ref.validate_alt if fassung == "alt" else ref.validate_neu), wie
    assert auflisten(cli, wurzel) == (ref.liste_alt if fassung == "alt" else ref.liste_neu), wie

    # 5. noch alt: derselbe Befehl gelingt jetzt (Sperre frei, Reste stören nicht)
    if fassung == "alt":
        r = cli(*szenario.args, "--daten", wurzel)
        assert r.exit_code == 0, f"{wie}: erneuter Lauf scheitert: {r.stderr}"
        assert pfad.read_bytes() == ref.neu, wie
        assert validieren(cli, wurzel) == ref.validate_neu, wie
    return fassung, reste


# --------------------------------------------------------------------------- deterministisch: jeder Schritt


@pytest.mark.parametrize("szenario", list(SZENARIEN.values()), ids=list(SZENARIEN))
def test_absturz_an_jedem_schritt(cli, vorlage, tmp_path, szenario):
    """SIGKILL unmittelbar vor jedem Ein-/Ausgabeschritt im Datenrepository (Ordner sperren,
    mkdir, mkstemp, open, chmod, rename, fsync des Ordners)."""
    ref = referenz(cli, vorlage, tmp_path, szenario)
    ergebnisse = []
    for k in range(1, len(ref.ereignisse) + 1):
        wurzel = kopie(vorlage, tmp_path / f"k{k}")
        code, _, ausgabe = lauf(f"k:{k}", wurzel, szenario)
        wie = f"{szenario.name}, SIGKILL vor Schritt {k} ({ref.ereignisse[k - 1][2]})"
        assert code == GETOETET, f"{wie}: nicht getötet (Exit {code}): {ausgabe}"
        assert ausgabe == "", wie  # vor der Erfolgsmeldung gestorben
        ergebnisse.append(pruefe_nach_absturz(cli, vorlage, wurzel, szenario, ref, wie))

    fassungen = [f for f, _ in ergebnisse]
    assert len(fassungen) >= 6
    # vor dem rename: alt; der letzte Schritt (fsync des Ordners) liegt nach dem rename: neu
    umbenennen = next(e[0] for e in ref.ereignisse if e[2].startswith("os.rename"))
    assert fassungen == ["alt"] * umbenennen + ["neu"] * (len(fassungen) - umbenennen), fassungen
    # Reste entstanden wirklich (leere und volle temporäre Dateien) – und haben nicht gestört
    assert any(reste for _, reste in ergebnisse)


# --------------------------------------------------------------------------- zufällige Zeitpunkte


ZUFALLS_TOETUNGEN = 30
SEED = 20261121


def test_absturz_zu_zufaelligen_zeitpunkten(cli, vorlage, tmp_path):
    """SIGKILL aus einem Zeitgeber-Thread, gestartet an einem zufälligen Schritt mit zufälliger
    Verzögerung (fester Seed): trifft Punkte zwischen den Schritten – während write und fsync,
    zwischen fsync und rename, nach dem rename. Ist der Befehl fertig, bevor der Zeitgeber feuert,
    wartet der Prozess auf ihn (Abbruch nach dem letzten Schritt; `Haken.zeitgeber_abwarten`) –
    sonst zählte auf einer ausgelasteten Maschine (Tests parallel, Ordner im Arbeitsspeicher: die
    Schritte dauern Mikrosekunden) kaum ein Lauf als Absturz. Läuft ein Befehl ohne Zeitgeber zu
    Ende, wird auch das geprüft, zählt aber nicht als Absturz."""
    zufall = random.Random(SEED)
    namen = sorted(SZENARIEN)
    getoetet = versuche = 0
    fassungen: dict[str, int] = {"alt": 0, "neu": 0}
    while getoetet < ZUFALLS_TOETUNGEN:
        versuche += 1
        assert versuche <= 3 * ZUFALLS_TOETUNGEN, f"nur {getoetet} von {versuche} Läufen getroffen"
        szenario = SZENARIEN[zufall.choice(namen)]
        ref = referenz(cli, vorlage, tmp_path, szenario)
        k = zufall.randint(1, len(ref.ereignisse))
        fenster = ref.ereignisse[-1][1] - ref.ereignisse[k - 1][1]  # Sekunden bis zum letzten Schritt
        mikrosekunden = int(zufall.uniform(0, fenster * 1.25 + 0.0002) * 1e6)
        wurzel = kopie(vorlage, tmp_path / f"z{versuche}")
        code, _, ausgabe = lauf(f"k:{k}:t:{mikrosekunden}", wurzel, szenario)
        wie = f"{szenario.name}, Zeitgeber ab Schritt {k} nach {mikrosekunden} µs"
        if code == GETOETET:
            getoetet += 1
        else:
            assert code == 0, f"{wie}: {ausgabe}"
        fassung, _ = pruefe_nach_absturz(cli, vorlage, wurzel, szenario, ref, wie)
        fassungen[fassung] += 1
    assert fassungen["alt"] and fassungen["neu"], fassungen


# --------------------------------------------------------------------------- Reste und Git


def test_reste_sind_in_neuen_datenrepositorys_git_ignoriert(cli, tmp_path):
    """Ein Absturz kurz vor dem rename lässt eine volle temporäre Datei zurück. In einem mit
    `netzwerk init` angelegten Repository ignoriert Git sie (.gitignore: `.*.tmp`), damit sie
    nicht versehentlich mit `git add -A` committet wird; `validate` zählt sie nicht."""
    from conftest import git

    wurzel = tmp_path / "daten"
    assert cli("init", wurzel).exit_code == 0
    minimal_repo(wurzel, ah.DATEIEN)  # überschreibt netzwerk.yaml mit einem Minimum, legt die Datensätze an
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Testdaten")
    szenario = SZENARIEN["advance-entwurf"]
    vorher = validieren(cli, wurzel)
    code, ereignisse, _ = lauf("zaehlen", kopie(wurzel, tmp_path / "zaehlen"), szenario)
    assert code == 0
    umbenennen = next(e[0] for e in ereignisse if e[2].startswith("os.rename"))

    code, _, ausgabe = lauf(f"k:{umbenennen}", wurzel, szenario)

    assert code == GETOETET, ausgabe
    reste = list((wurzel / szenario.datei).parent.glob(".*.tmp"))
    assert len(reste) == 1 and reste[0].stat().st_size > 0
    assert git(wurzel, "status", "--porcelain", "--untracked-files=all") == ""
    assert git(wurzel, "check-ignore", str(reste[0].relative_to(wurzel))).strip()
    assert validieren(cli, wurzel) == vorher
