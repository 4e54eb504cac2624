"""Der Korpus feindlicher Eingaben (tests/corpus/, Beschreibung in tests/corpus/README.md).

Jeder Fall läuft zweimal:

* **api** – im Prozess über `netzwerk_cli.validierung.validiere` (zweimal: kalter und warmer
  Zwischenspeicher müssen dasselbe liefern), mit einer Zeitschranke (SIGALRM);
* **cli** – als echter Aufruf `python -m netzwerk_cli validate --daten … --format json` in
  einem Kindprozess mit Zeitschranke (timeout) und Speichergrenze (RLIMIT_AS 1 GiB).

Geprüft wird: die erwarteten Befunde (Regel-id, Datei, Zeile, Spalte, Teiltext der Meldung)
und kein anderer; Exit-Code; kein Traceback; jede Meldung deutsch und kurz; jede Position
liegt in der Datei; keine Datei des Falls wurde geändert oder angelegt.

Bekannte Fehler stehen in BEKANNTE_FEHLER (xfail, strict): sobald sie behoben sind, schlägt
der Test fehl, bis der Eintrag entfernt ist.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

from netzwerk_cli.grundlagen.regeln import REGISTER

PROJEKT = Path(__file__).resolve().parents[1]
KORPUS = Path(__file__).resolve().parent / "corpus"
STANDARD_STICHTAG = "2026-11-21"
BASIS_NETZWERK = "name: Testnetzwerk\n"

ZEITSCHRANKE = 60  # Sekunden: Schutz gegen Hänger, keine Zeitmessung
ZEITSCHRANKE_BEKANNT_HAENGT = 3  # für Fälle, die bekanntermaßen hängen (siehe BEKANNTE_FEHLER)
SPEICHERGRENZE = 1024**3  # RLIMIT_AS des Kindprozesses
SCHREIBGRENZE = 64 * 1024**2  # RLIMIT_FSIZE: validate schreibt höchstens seinen Zwischenspeicher
MAX_MELDUNG = 2000  # Zeichen: eine Meldung zitiert Werte gekürzt, nie eine ganze Datei

# Regel-ids und ihre Schwere (DOMAIN.md „Findings and rule ids“ und docs/REGELN.md).
REGELN = {r: eintrag.schwere for r, eintrag in REGISTER.items()}  # alle, auch die von --basis


@dataclass(frozen=True)
class Bekannt:
    """Ein bekannter Fehler des Werkzeugs, der einen Fall (noch) scheitern lässt."""

    grund: str
    wege: frozenset = frozenset({"api", "cli"})
    haengt: bool = False  # dann gilt die kurze Zeitschranke (der Fall soll in Sekunden fertig sein)


# Beschreibung und Patch-Vorschläge: siehe Bericht zu Issue 7 / docs/FUZZING.md.
BEKANNTE_FEHLER: dict[str, Bekannt] = {
}


# --------------------------------------------------------------------------- Fälle laden


@dataclass(frozen=True)
class Fall:
    ordner: Path
    erwartet: dict = field(hash=False, compare=False)
    erzeugen: dict = field(hash=False, compare=False)

    @property
    def name(self) -> str:
        return self.ordner.name

    @property
    def stichtag(self) -> str:
        return str(self.erwartet.get("stichtag") or STANDARD_STICHTAG)

    @property
    def exit_code(self) -> int:
        if "exit" in self.erwartet:
            return int(self.erwartet["exit"])
        fehler = any(e.get("schwere", REGELN.get(e["regel"])) == "fehler" for e in self.erwartet["befunde"])
        return 1 if fehler else 0


def _lies_yaml(pfad: Path) -> dict:
    if not pfad.is_file():
        return {}
    return yaml.safe_load(pfad.read_text(encoding="utf-8")) or {}


def alle_faelle() -> list[Fall]:
    faelle = []
    for ordner in sorted(p for p in KORPUS.iterdir() if (p / "erwartet.yaml").is_file()):
        erwartet = _lies_yaml(ordner / "erwartet.yaml")
        erwartet.setdefault("befunde", [])
        faelle.append(Fall(ordner, erwartet, _lies_yaml(ordner / "erzeugen.yaml")))
    return faelle


# --------------------------------------------------------------------------- Fälle bereitstellen


def _teile_schreiben(ziel: Path, teile: list[dict]) -> None:
    """Schreibt die Teile einer erzeugten Datei nacheinander, große Wiederholungen in Blöcken."""
    ziel.parent.mkdir(parents=True, exist_ok=True)
    with open(ziel, "wb") as f:
        _teile_in(f, teile)


def _teile_in(f, teile: list[dict]) -> None:
    for teil in teile:
        mal = int(teil.get("mal", 1))
        kodierung = teil.get("kodierung", "utf-8")
        if "gruppe" in teil:  # mehrere Teile zusammen wiederholen
            puffer = io.BytesIO()
            _teile_in(puffer, teil["gruppe"])
            stueck = puffer.getvalue()
        elif "hex" in teil:
            stueck = bytes.fromhex(teil["hex"])
        elif "text" in teil:
            stueck = teil["text"].encode(kodierung)
        elif "vorlage" in teil:  # „{n}“ wird durch 0, 1, 2 … ersetzt (unterschiedliche Einträge)
            vorlage = teil["vorlage"]
            for start in range(0, mal, 10_000):
                f.write("".join(vorlage.replace("{n}", str(n)) for n in range(start, min(mal, start + 10_000))).encode(kodierung))
            continue
        else:
            raise ValueError(f"Teil ohne text/hex/vorlage/gruppe: {teil}")
        block = max(1, (1 << 20) // max(1, len(stueck)))
        for start in range(0, mal, block):
            f.write(stueck * min(block, mal - start))


def _pfad(eintrag: dict) -> str | bytes:
    if "pfad_hex" in eintrag:
        return bytes.fromhex(eintrag["pfad_hex"])
    return eintrag["pfad"]


def _unter(basis: Path, rel: str | bytes) -> Path:
    if isinstance(rel, bytes):
        return Path(os.fsdecode(os.path.join(os.fsencode(basis), rel)))
    return basis / rel


def erzeugen(beschreibung: dict, repo: Path, fallordner: Path) -> None:
    """Legt an, was erzeugen.yaml beschreibt (rein deklarativ: Dateien, Links, FIFOs)."""
    for eintrag in beschreibung.get("entfernen") or []:
        (repo / eintrag).unlink()
    for eintrag in beschreibung.get("ausserhalb") or []:
        _teile_schreiben(_unter(fallordner, _pfad(eintrag)), eintrag["inhalt"])
    for eintrag in beschreibung.get("dateien") or []:
        _teile_schreiben(_unter(repo, _pfad(eintrag)), eintrag["inhalt"])
    for eintrag in beschreibung.get("verknuepfungen") or []:
        link = _unter(repo, _pfad(eintrag))
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(eintrag["ziel"])
    for rel in beschreibung.get("fifos") or []:
        ziel = repo / rel
        ziel.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(ziel)


def _gross_klein_unterschieden(ordner: Path) -> bool:
    probe = ordner / "gross-klein-probe"
    probe.write_text("x", encoding="utf-8")
    try:
        return not (ordner / "GROSS-KLEIN-PROBE").exists()
    finally:
        probe.unlink()


def voraussetzungen_pruefen(fall: Fall, ordner: Path) -> None:
    for v in fall.erwartet.get("voraussetzungen") or []:
        if v == "verknuepfungen" and os.name != "posix":
            pytest.skip("symbolische Verknüpfungen nur unter POSIX")
        elif v == "fifo" and not hasattr(os, "mkfifo"):
            pytest.skip("keine FIFOs auf diesem System")
        elif v == "gross-klein" and not _gross_klein_unterschieden(ordner):
            pytest.skip("Dateisystem unterscheidet Groß- und Kleinschreibung nicht")
        elif v == "dateinamen-bytes" and not sys.platform.startswith("linux"):
            pytest.skip("Dateinamen aus beliebigen Bytes nur unter Linux")


def bereitstellen(fall: Fall, tmp_path: Path) -> tuple[Path, Path]:
    """(Fallordner, Datenrepository): repo = minimales netzwerk.yaml + daten/ + erzeugen.yaml."""
    fallordner = tmp_path / "fall"
    repo = fallordner / "repo"
    repo.mkdir(parents=True)
    voraussetzungen_pruefen(fall, fallordner)
    (repo / "netzwerk.yaml").write_text(BASIS_NETZWERK, encoding="utf-8")
    daten = fall.ordner / "daten"
    if daten.is_dir():
        shutil.copytree(daten, repo, dirs_exist_ok=True, symlinks=True)
    erzeugen(fall.erzeugen, repo, fallordner)
    return fallordner, repo


# --------------------------------------------------------------------------- Schnappschuss


def schnappschuss(ordner: Path) -> dict:
    """Jeder Eintrag unter `ordner` mit Art und Inhalt (große Dateien: Größe und Zeitstempel).
    Folgt keiner Verknüpfung und öffnet keine FIFO."""
    stand = {}
    for basis, ordnernamen, dateinamen in os.walk(os.fsencode(ordner)):
        for name in ordnernamen + dateinamen:
            pfad = os.path.join(basis, name)
            info = os.lstat(pfad)
            rel = os.path.relpath(pfad, os.fsencode(ordner))
            if stat.S_ISLNK(info.st_mode):
                stand[rel] = ("link", os.readlink(pfad))
            elif stat.S_ISREG(info.st_mode):
                if info.st_size <= 4 * 1024**2:
                    with open(pfad, "rb") as f:
                        stand[rel] = ("datei", hashlib.sha256(f.read()).hexdigest(), stat.S_IMODE(info.st_mode))
                else:
                    stand[rel] = ("datei", info.st_size, info.st_mtime_ns, stat.S_IMODE(info.st_mode))
            else:
                stand[rel] = ("sonst", stat.S_IFMT(info.st_mode), stat.S_IMODE(info.st_mode))
    return stand


# --------------------------------------------------------------------------- Abgleich


def passt(befund: dict, erwartung: dict) -> bool:
    schwere = erwartung.get("schwere") or REGELN.get(erwartung["regel"])
    if "datei_muster" in erwartung:
        datei_passt = re.fullmatch(erwartung["datei_muster"], befund["datei"], re.DOTALL) is not None
    else:
        datei_passt = befund["datei"] == erwartung["datei"]
    return (
        befund["regel"] == erwartung["regel"]
        and datei_passt
        and ("zeile" not in erwartung or befund["zeile"] == erwartung["zeile"])
        and ("spalte" not in erwartung or befund["spalte"] == erwartung["spalte"])
        and befund["schwere"] == schwere
        and ("pfad" not in erwartung or befund["pfad"] == erwartung["pfad"])
        and ("meldung" not in erwartung or str(erwartung["meldung"]) in befund["meldung"])
    )


def _geduldet(befund: dict, erwartung: dict) -> bool:
    """`weitere: true` duldet weitere Befunde derselben Regel in derselben Datei."""
    if not erwartung.get("weitere") or befund["regel"] != erwartung["regel"]:
        return False
    if "datei_muster" in erwartung:
        return re.fullmatch(erwartung["datei_muster"], befund["datei"], re.DOTALL) is not None
    return befund["datei"] == erwartung["datei"]


def abgleich(befunde: list[dict], erwartet: list[dict]) -> tuple[list[dict], list[dict]]:
    """(nicht gefundene Erwartungen, unerwartete Befunde). Jeder Befund muss erwartet sein."""
    fehlend = [e for e in erwartet if not any(passt(b, e) for b in befunde)]
    unerwartet = [
        b for b in befunde if not any(passt(b, e) for e in erwartet) and not any(_geduldet(b, e) for e in erwartet)
    ]
    return fehlend, unerwartet


def beschreibe(befunde: list[dict]) -> str:
    zeilen = []
    for b in befunde[:60]:
        meldung = b["meldung"] if len(b["meldung"]) <= 160 else b["meldung"][:160] + f"… ({len(b['meldung'])} Zeichen)"
        zeilen.append(f"  {b['datei']!r}:{b['zeile']}:{b['spalte']}: {b['schwere']} [{b['regel']}] {meldung} ({b['pfad'][:80]})")
    if len(befunde) > 60:
        zeilen.append(f"  … und {len(befunde) - 60} weitere")
    return "\n".join(zeilen)


_KLAMMERN = re.compile(r"\[[^\]]*\]|„[^“]*“|\"[^\"]*\"")
_ENGLISCH = re.compile(
    r"\b(is not|is too|is a|expected|found|could not|did not|does not|not allowed|should|must be|"
    r"Additional properties|Exceeds|Error|Traceback|Exception)\b"
)
_DEUTSCH = re.compile(
    r"[äöüßÄÖÜ„“–]|\b(ist|nicht|keine?n?|Datei|fehlt|erlaubt|gibt|Wert|Zeichen|Schlüssel|Verknüpfung|Ordner|"
    r"oder|und|mehr|als|zu|Tag|Anker|Alias|Text|Zahl|Datum|Liste|Zuordnung|Feld|Dateiname|erwartet|unerwartet|"
    r"Dokument\w*|Doppelpunkt|Einrückung|Zeile|Spalte|Klammer|Byte|lesbar|Tabulator|\w*[zZ]eichen|Kürzel|"
    r"Datensatz|Verweis|Gremium|Sitz\w*|Empfehlung|Status|Verlauf|Mitglied\w*|Person|Organisation|Pflichtfeld)\b"
)


def ist_deutsch(meldung: str) -> bool:
    """Ohne Zitate („…“, "…") und den englischen Originaltext in […]: deutsch, kein Englisch."""
    rest = _KLAMMERN.sub(" ", meldung)
    return not _ENGLISCH.search(rest) and bool(_DEUTSCH.search(meldung))


def _zeilen_der_datei(repo: Path, datei: str) -> int | None:
    """Zahl der Zeilen (nur „\\n“ trennt, wie Git und GitHub zählen) einer gewöhnlichen Datei."""
    pfad = repo / datei
    try:
        info = os.lstat(pfad)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_size > 4 * 1024**2:
        return None
    return pfad.read_bytes().count(b"\n") + 1


def allgemeine_pruefungen(fall: Fall, repo: Path, befunde: list[dict]) -> None:
    for b in befunde:
        assert b["regel"] in REGELN, f"unbekannte Regel-id: {b}"
        assert b["schwere"] == REGELN[b["regel"]], f"falsche Schwere: {b}"
        assert isinstance(b["zeile"], int) and b["zeile"] >= 1, f"Zeile fehlt: {b}"
        assert isinstance(b["spalte"], int) and b["spalte"] >= 1, f"Spalte fehlt: {b}"
        assert isinstance(b["pfad"], str) and b["pfad"].startswith("$"), f"Pfad: {b}"
        datei = b["datei"]
        assert datei and not datei.startswith("/") and ".." not in datei.split("/"), f"Datei nicht relativ: {b}"
        if "\ufffd" not in datei:  # ein Name, der kein UTF-8 ist, lässt sich nur ersetzt zeigen
            assert os.path.lexists(repo / datei) or datei == "netzwerk.yaml", f"Datei gibt es nicht: {b}"
        assert isinstance(b["meldung"], str) and b["meldung"].strip(), f"Meldung leer: {b}"
        assert len(b["meldung"]) <= MAX_MELDUNG, f"Meldung zu lang ({len(b['meldung'])} Zeichen): {b['meldung'][:200]}…"
        assert ist_deutsch(b["meldung"]), f"Meldung nicht deutsch: {b['meldung'][:300]}"
        zeilen = _zeilen_der_datei(repo, datei)
        if zeilen is not None:
            assert b["zeile"] <= zeilen, f"Zeile {b['zeile']} gibt es nicht ({datei} hat {zeilen} Zeilen): {b}"
    grenze = fall.erwartet.get("max_befunde")
    if grenze is not None:
        assert len(befunde) <= grenze, f"{len(befunde)} Befunde, erwartet höchstens {grenze}"


def pruefe_befunde(fall: Fall, repo: Path, befunde: list[dict]) -> None:
    allgemeine_pruefungen(fall, repo, befunde)
    fehlend, unerwartet = abgleich(befunde, fall.erwartet["befunde"])
    assert not fehlend and not unerwartet, (
        f"fehlende Befunde: {fehlend}\nunerwartete Befunde:\n{beschreibe(unerwartet)}\nalle Befunde:\n{beschreibe(befunde)}"
    )


# --------------------------------------------------------------------------- Schranken


class Zeitueberschreitung(Exception):
    pass


@contextlib.contextmanager
def zeitschranke(sekunden: float):
    """Bricht den Block nach `sekunden` ab (SIGALRM; unterbricht auch blockierende Systemaufrufe)."""
    if not hasattr(signal, "setitimer"):  # pragma: no cover - Windows
        yield
        return

    def ausloesen(signum, frame):
        raise Zeitueberschreitung(f"nach {sekunden} s nicht fertig (hängt?)")

    vorher = signal.signal(signal.SIGALRM, ausloesen)
    signal.setitimer(signal.ITIMER_REAL, sekunden)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, vorher)


def _begrenzen() -> None:  # läuft im Kindprozess vor exec
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (SPEICHERGRENZE, SPEICHERGRENZE))
    resource.setrlimit(resource.RLIMIT_FSIZE, (SCHREIBGRENZE, SCHREIBGRENZE))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def kindprozess(argumente: list[str], cwd: Path, env: dict, zeit: float) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            argumente,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            timeout=zeit,
            preexec_fn=_begrenzen if os.name == "posix" else None,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"Kindprozess nach {zeit} s nicht fertig (hängt?): {' '.join(argumente[-8:])}")


def cli_umgebung(cache: Path) -> dict:
    env = dict(os.environ)  # schon isoliert (conftest: HOME, Git-Konfiguration)
    env.pop("NETZWERK_DEBUG", None)
    env.pop("PYTHONIOENCODING", None)
    env.update(
        NETZWERK_CACHE_ORDNER=str(cache),
        NO_COLOR="1",
        LC_ALL="C.UTF-8",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=os.pathsep.join([str(PROJEKT), *filter(None, [os.environ.get("PYTHONPATH")])]),
    )
    return env


# --------------------------------------------------------------------------- Tests

FAELLE = alle_faelle()


def _params(weg: str) -> list:
    params = []
    for fall in FAELLE:
        bekannt = BEKANNTE_FEHLER.get(fall.name)
        marks = [pytest.mark.xfail(strict=True, reason=bekannt.grund)] if bekannt and weg in bekannt.wege else []
        params.append(pytest.param(fall, marks=marks, id=fall.name))
    return params


def _zeit(fall: Fall) -> float:
    bekannt = BEKANNTE_FEHLER.get(fall.name)
    return ZEITSCHRANKE_BEKANNT_HAENGT if bekannt and bekannt.haengt else ZEITSCHRANKE


def _als_dict(b) -> dict:
    return {k: getattr(b, k) for k in ("datei", "zeile", "spalte", "schwere", "regel", "meldung", "pfad")}


@pytest.mark.parametrize("fall", _params("api"))
def test_fall_api(fall: Fall, tmp_path, monkeypatch):
    from netzwerk_cli.validierung import validiere

    fallordner, repo = bereitstellen(fall, tmp_path)
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(tmp_path / "cache"))
    monkeypatch.chdir(fallordner)  # was ein Tag ausführen würde, landete im Schnappschuss
    vorher = schnappschuss(fallordner)

    laeufe = []
    for _ in range(2):  # kalter, dann warmer Zwischenspeicher
        with zeitschranke(_zeit(fall)):
            bericht = validiere(repo, fall.stichtag)
        laeufe.append(([_als_dict(b) for b in bericht.sortiert()], bericht.exit_code()))

    assert schnappschuss(fallordner) == vorher, "eine Datei des Falls wurde geändert oder angelegt"
    befunde, exit_code = laeufe[0]
    pruefe_befunde(fall, repo, befunde)
    assert exit_code == fall.exit_code
    assert laeufe[1] == laeufe[0], "mit Zwischenspeicher andere Befunde als ohne"


@pytest.mark.parametrize("fall", _params("cli"))
def test_fall_cli(fall: Fall, tmp_path):
    fallordner, repo = bereitstellen(fall, tmp_path)
    vorher = schnappschuss(fallordner)

    ergebnis = kindprozess(
        [sys.executable, "-m", "netzwerk_cli", "validate", "--daten", str(repo), "--format", "json", "--stichtag", fall.stichtag],
        cwd=fallordner,
        env=cli_umgebung(tmp_path / "cache"),
        zeit=_zeit(fall),
    )

    assert schnappschuss(fallordner) == vorher, "eine Datei des Falls wurde geändert oder angelegt"
    fehlerausgabe = ergebnis.stderr.decode("utf-8", "replace")
    assert b"Traceback" not in ergebnis.stdout and "Traceback" not in fehlerausgabe, fehlerausgabe[-3000:]
    assert "interner Fehler" not in fehlerausgabe, fehlerausgabe[-3000:]
    assert ergebnis.returncode == fall.exit_code, f"Exit-Code {ergebnis.returncode}; stderr: {fehlerausgabe[-2000:]}"
    text = ergebnis.stdout.decode("utf-8")  # strikt: die JSON-Ausgabe ist gültiges UTF-8
    bericht = json.loads(text)
    assert set(bericht) == {"befunde", "zusammenfassung"}
    befunde = bericht["befunde"]
    pruefe_befunde(fall, repo, befunde)
    summe = bericht["zusammenfassung"]
    assert summe["fehler"] == sum(b["schwere"] == "fehler" for b in befunde)
    assert summe["warnungen"] == sum(b["schwere"] == "warnung" for b in befunde)


# --------------------------------------------------------------------------- der Korpus selbst

# Die Liste aus Issue 7: jedes Thema hat mindestens diese Fälle.
PFLICHT = {
    "Anker-/Alias-Bomben und Merge-Schlüssel": [
        "anker-billion-laughs", "anker-quadratisch", "merge-schluessel", "merge-mit-anker",
    ],
    "Verschachtelung jenseits der Rekursionsgrenze": [
        "verschachtelung-5000", "verschachtelung-block", "verschachtelung-maximal",
    ],
    "100-MB-Datei, Binärdateien, UTF-16, BOM, NUL, ungültiges UTF-8": [
        "datei-100-mb", "binaerdateien", "utf16", "bom", "nul-bytes", "utf8-ungueltig",
    ],
    "Tags, mehrere Dokumente, leere Dateien, Liste/Wert oben, Schlüssel, die kein Text sind": [
        "tags-python", "tags-sonstige", "mehrere-dokumente", "leere-dateien", "oberste-ebene",
        "schluessel-keine-texte", "schluessel-zuordnung-liste",
    ],
    "null statt Wert, unmögliche Daten, Uhrzeiten, sehr große Zahlen, sehr lange Texte": [
        "null-statt-wert", "datum-unmoeglich", "datum-mit-uhrzeit", "zahlen-riesig", "zahlen-riesig-hex",
        "text-sehr-lang", "schluessel-sehr-lang",
    ],
    "Verknüpfungen hinaus, Schleifen, ids nur in Groß-/Kleinschreibung verschieden, Verweise mit / oder ..": [
        "verknuepfungen-hinaus", "verknuepfungsschleifen", "ids-gross-klein", "verweise-mit-pfaden",
    ],
    "unbekannte Ordner und andere Endungen": ["unbekannte-ordner", "andere-endungen"],
}

ERWARTET_SCHLUESSEL = {"beschreibung", "stichtag", "befunde", "exit", "max_befunde", "voraussetzungen"}
BEFUND_SCHLUESSEL = {"datei", "datei_muster", "zeile", "spalte", "regel", "schwere", "pfad", "meldung", "weitere"}
ERZEUGEN_SCHLUESSEL = {"dateien", "ausserhalb", "verknuepfungen", "fifos", "entfernen"}


def test_korpus_deckt_die_liste_aus_issue_7_ab():
    namen = {f.name for f in FAELLE}
    for thema, faelle in PFLICHT.items():
        fehlend = [f for f in faelle if f not in namen]
        assert not fehlend, f"{thema}: Fälle fehlen: {fehlend}"
    assert set(BEKANNTE_FEHLER) <= namen, "bekannter Fehler zu einem Fall, den es nicht gibt"


@pytest.mark.parametrize("fall", FAELLE, ids=[f.name for f in FAELLE])
def test_fall_ist_wohlgeformt(fall: Fall):
    erwartet = fall.erwartet
    assert set(erwartet) <= ERWARTET_SCHLUESSEL, set(erwartet) - ERWARTET_SCHLUESSEL
    assert isinstance(erwartet.get("beschreibung"), str) and erwartet["beschreibung"].strip(), "Beschreibung fehlt"
    for e in erwartet["befunde"]:
        assert set(e) <= BEFUND_SCHLUESSEL, (e, set(e) - BEFUND_SCHLUESSEL)
        assert {"regel", "zeile"} <= set(e) and ("datei" in e) != ("datei_muster" in e), e
        assert e["regel"] in REGELN, e
    assert set(fall.erzeugen) <= ERZEUGEN_SCHLUESSEL, set(fall.erzeugen) - ERZEUGEN_SCHLUESSEL
    daten = fall.ordner / "daten"
    assert daten.is_dir() or fall.erzeugen, "weder daten/ noch erzeugen.yaml"
    # eingecheckte Dateien bleiben klein; Großes entsteht erst im Test
    for pfad in fall.ordner.rglob("*"):
        assert pfad.is_symlink() is False, f"{pfad}: Verknüpfungen gehören in erzeugen.yaml"
        if pfad.is_file():
            assert pfad.stat().st_size <= 64 * 1024, f"{pfad}: zu groß zum Einchecken; in erzeugen.yaml beschreiben"


def test_erzeugen_schreibt_die_beschriebenen_bytes(tmp_path):
    repo, fallordner = tmp_path / "repo", tmp_path
    repo.mkdir()
    erzeugen(
        {
            "dateien": [
                {"pfad": "personen/a.yaml", "inhalt": [{"hex": "ef bb bf"}, {"text": "ab", "mal": 3}, {"text": "ä", "kodierung": "utf-16-le"}]},
                {"pfad": "personen/b.yaml", "inhalt": [{"vorlage": "{n},", "mal": 12}]},
                {"pfad": "personen/g.yaml", "inhalt": [{"gruppe": [{"text": "["}, {"vorlage": "{n}", "mal": 3}, {"text": "]"}], "mal": 2}]},
                {"pfad_hex": "706572736f6e656e2fff2e79616d6c", "inhalt": [{"text": "x"}]},
            ],
            "ausserhalb": [{"pfad": "draussen.yaml", "inhalt": [{"text": "name: x\n"}]}],
            "verknuepfungen": [{"pfad": "personen/c.yaml", "ziel": "../../draussen.yaml"}],
        },
        repo,
        fallordner,
    )
    assert (repo / "personen/a.yaml").read_bytes() == b"\xef\xbb\xbfababab\xe4\x00"
    assert (repo / "personen/b.yaml").read_text() == "0,1,2,3,4,5,6,7,8,9,10,11,"
    assert (repo / "personen/g.yaml").read_text() == "[012][012]"
    if sys.platform.startswith("linux"):
        assert os.path.exists(os.fsencode(repo) + b"/personen/\xff.yaml")
    assert os.readlink(repo / "personen/c.yaml") == "../../draussen.yaml"
    assert (repo / "personen/c.yaml").read_text() == "name: x\n"


def test_abgleich_erkennt_abweichungen():
    b = {"datei": "personen/a.yaml", "zeile": 2, "spalte": 7, "schwere": "fehler", "regel": "schema", "meldung": "Wert fehlt", "pfad": "$.name"}
    e = {"datei": "personen/a.yaml", "zeile": 2, "spalte": 7, "regel": "schema", "meldung": "fehlt"}
    assert passt(b, e)
    for falsch in ({"zeile": 3}, {"spalte": 1}, {"regel": "yaml-syntax"}, {"meldung": "zu lang"}, {"schwere": "warnung"}, {"pfad": "$"}):
        assert not passt(b, {**e, **falsch}), falsch
    assert passt(b, {"datei_muster": "personen/.*", "zeile": 2, "regel": "schema"})
    assert not passt(b, {"datei_muster": "gremien/.*", "zeile": 2, "regel": "schema"})
    b2 = {**b, "zeile": 5}
    assert abgleich([b, b2], [e]) == ([], [b2])
    assert abgleich([b, b2], [{**e, "weitere": True}]) == ([], [])
    assert abgleich([], [e]) == ([e], [])


@pytest.mark.parametrize(
    "meldung, deutsch",
    [
        ("Datei ist leer", True),
        ("erwarteter Doppelpunkt „:“ fehlt [could not find expected ':']", True),
        ("„is not valid“ ist keine gültige id", True),
        ("'x' is not of type 'string'", False),
        ("Additional properties are not allowed", False),
        ("Traceback (most recent call last)", False),
    ],
)
def test_deutsch_erkennung(meldung, deutsch):
    assert ist_deutsch(meldung) is deutsch


def test_zeitschranke_bricht_ab():
    with pytest.raises(Zeitueberschreitung):
        with zeitschranke(0.2):
            while True:
                pass


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_AS nur unter POSIX")
def test_speichergrenze_greift(tmp_path):
    ergebnis = kindprozess(
        [sys.executable, "-c", "x = bytearray(2 * 1024**3)"], cwd=tmp_path, env=cli_umgebung(tmp_path / "cache"), zeit=ZEITSCHRANKE
    )
    assert ergebnis.returncode != 0 and b"MemoryError" in ergebnis.stderr


def test_schnappschuss_bemerkt_aenderungen(tmp_path):
    (tmp_path / "a.yaml").write_text("name: A\n", encoding="utf-8")
    vorher = schnappschuss(tmp_path)
    (tmp_path / "a.yaml").write_text("name: B\n", encoding="utf-8")
    assert schnappschuss(tmp_path) != vorher
    vorher = schnappschuss(tmp_path)
    (tmp_path / "angegriffen").write_text("", encoding="utf-8")
    assert schnappschuss(tmp_path) != vorher
