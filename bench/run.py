"""Laufzeit- und Speichermessung für Issue 6 und Issue 17.

    python -m bench.run [--datensaetze 10000] [--wiederholungen 3] [--skalierung] [--skalierung-gross] [--profil]

Erzeugt (oder nimmt aus dem Zwischenspeicher) ein synthetisches Datenrepository mit N
Datensätzen (`bench.generate`) und misst, jeweils als Median aus mindestens drei
Wiederholungen und jeder Lauf in einem eigenen, frischen Prozess:

  (a) Untergrenze: jede .yaml-Datei lesen und mit `yaml.load(text, Loader=yaml.CSafeLoader)`
      parsen, alles in einem Prozess;
  (b) `netzwerk validate --daten DIR --stichtag 2026-11-21 --format json` (alle Prüfungen,
      kalt; mit `--kein-cache`, falls `netzwerk validate --help` diese Option kennt);
  (c) `check-jsonschema` mit den Schemas des Projekts (nur Schemaprüfung), ein Prozess je
      Art (bei sehr vielen Dateien mehrere), Zeiten addiert; installiert in eine eigene
      virtuelle Umgebung (Standard /tmp/netzwerk-bench-venv), nie in die des Projekts;
  (d) `netzwerk validate` erneut, nachdem eine Datei geändert wurde (warm);
  (e) `netzwerk --help` gegen `python -c "import typer"`;
  (f) `netzwerk empfehlung advance ID --dry-run --durch Bench` auf dem großen Repository;
  (g) der erste `netzwerk validate` eines neuen Tages mit warmem Zwischenspeicher: warm am
      Stichtag T, dann je Wiederholung ein neuer Tag T+1, T+2, … (Issue 17);
  (h) `netzwerk validate --basis origin/main` auf einem Zweig mit fünf geänderten Datensätzen,
      in einem frischen Klon mit wiederhergestelltem Zwischenspeicher, wie ihn die CI-Vorlagen
      mit actions/cache bzw. GitLab `cache:` wiederherstellen (Issue 17);
  (i) `netzwerk status` mit warmem Zwischenspeicher (Issue 17);
  (j) `netzwerk empfehlung list` als Text gegen `--format json` (Issue 14: die Textliste kostet
      höchstens ein kleines Vielfaches; dazu Zeilen je Empfehlung bei 80 Spalten in einer Pipe).

Den Spitzenspeicher (ru_maxrss) misst GNU time (`/usr/bin/time -f %M`) je Kindprozess, ohne
GNU time `os.wait4()` (dann eine obere Schranke, siehe `lauf`); die Tabelle zeigt ihn je Zeile
und den höchsten über alle Pfade. Die Ergebnisse stehen danach als Tabelle auf der Konsole und
in bench/ERGEBNISSE.md.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from bench import generate

STICHTAG = generate.STICHTAG.isoformat()
HIER = Path(__file__).resolve().parent
PROJEKT = HIER.parent
SCHEMAS = PROJEKT / "schemas"
MAX_ARGUMENTE = 1_000_000  # Bytes an Dateipfaden je check-jsonschema-Aufruf (ARG_MAX ist meist 2 MiB)

# Ziele aus Issue 17 (wo es eines nennt), sonst aus Issue 6 bzw. 14
ZIEL_B_ZU_A = 0.6  # (b)/(a) bei 10 000
ZIEL_C_ZU_B = 25.0  # (c)/(b) bei 10 000
ZIEL_D_S = 1.0  # bei 100 000
ZIEL_G_S = 1.5  # bei 100 000
ZIEL_H_S = 2.0  # bei 100 000
ZIEL_I_S = 1.5  # bei 100 000
ZIEL_RSS_MIB = 512.0  # jeder Pfad bei 100 000
ZIEL_E = 1.5  # Issue 6
ZIEL_F_S = 0.5  # Issue 6, bei 100 000
ZIEL_J = 3.0  # Issue 14: Text / JSON von `empfehlung list`
ZIEL_SKALIERUNG = 11.0  # (b) bei 100 000 / 10 000 (Issue 6) und bei 1 000 000 / 100 000 (Issue 17)
ZIEL_RSS_SEHR_GROSS_MIB = 2048.0  # Issue 17: bei 1 000 000 höchstens 2 GiB auf jedem Pfad
KLEIN = 10_000  # bei dieser Größe gelten die Verhältnisziele b/a und c/b
GROSS = 100_000  # bei dieser Größe gelten die absoluten Ziele (d), (f), (g), (h), (i) und der Speicher
SEHR_GROSS = 1_000_000  # --skalierung-gross
AENDERUNGEN_H = 5  # geänderte Datensätze im Zweig von (h)
ARTEN_H = ("person", "organisation", "gremium", "sitzung", "empfehlung")  # je eine Datei dieser Arten
SPEICHER_CI = ".netzwerk-cache"  # wie NETZWERK_CACHE_ORDNER in den CI-Vorlagen von `netzwerk init`
GIT_UMGEBUNG = {
    "GIT_AUTHOR_NAME": "Bench",
    "GIT_AUTHOR_EMAIL": "bench@beispiel.invalid",
    "GIT_COMMITTER_NAME": "Bench",
    "GIT_COMMITTER_EMAIL": "bench@beispiel.invalid",
    "GIT_AUTHOR_DATE": f"{STICHTAG}T12:00:00+01:00",
    "GIT_COMMITTER_DATE": f"{STICHTAG}T12:00:00+01:00",
}

UNTERGRENZE = r"""
import os, sys, yaml
n = 0
for basis, ordner, dateien in os.walk(sys.argv[1]):
    ordner[:] = [o for o in ordner if not o.startswith(".")]
    for name in dateien:
        if name.endswith(".yaml") and not name.startswith("."):
            with open(os.path.join(basis, name), encoding="utf-8") as f:
                yaml.load(f.read(), Loader=yaml.CSafeLoader)
            n += 1
print(n)
"""


# --------------------------------------------------------------------------- Prozesse messen


@dataclass
class Lauf:
    sekunden: float
    rss_mib: float
    rc: int
    ausgabe: bytes = b""
    fehlerausgabe: bytes = b""


GNU_TIME = Path("/usr/bin/time")
# Einstellungen der Messenden, die eine Messung verfälschen würden; den Speicherort setzt bench.run selbst
NICHT_ERBEN = ("NETZWERK_DATEN", "NETZWERK_CACHE_ORDNER", "NETZWERK_KEIN_CACHE", "PYTHONPROFILEIMPORTTIME")


def lauf(cmd: list, cwd: Path | None = None, ausgabe_behalten: bool = False, umgebung: dict | None = None) -> Lauf:
    """Startet `cmd` als frischen Prozess; misst Wanduhrzeit und Spitzen-RSS genau dieses Kindes.

    Den Spitzen-RSS misst GNU time (`/usr/bin/time -f %M`), ein kleiner C-Prozess als direkter
    Elternteil: Startet Python das Kind selbst (vfork/exec), beginnt ru_maxrss des Kindes beim
    RSS dieses Messprozesses, kleine Werte wären also zu hoch. Ohne GNU time: os.wait4 (obere
    Schranke). `umgebung` ergänzt die Umgebungsvariablen (etwa NETZWERK_CACHE_ORDNER).
    """
    env = {k: v for k, v in os.environ.items() if k not in NICHT_ERBEN}
    env.setdefault("LANG", "C.UTF-8")
    env.update(umgebung or {})
    with tempfile.TemporaryFile() as aus, tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile(prefix="rss-") as rss:
        befehl = [str(c) for c in cmd]
        if GNU_TIME.is_file():
            befehl = [str(GNU_TIME), "-f", "%M", "-o", rss.name, *befehl]
        t0 = time.perf_counter()
        p = subprocess.Popen(befehl, cwd=cwd, stdout=aus if ausgabe_behalten else subprocess.DEVNULL, stderr=err, env=env)
        _, status, nutzung = os.wait4(p.pid, 0)
        dauer = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        rss_kib = nutzung.ru_maxrss
        if GNU_TIME.is_file():
            try:
                rss_kib = int(Path(rss.name).read_text().split()[-1])
            except (OSError, ValueError, IndexError):
                pass
        aus.seek(0)
        err.seek(0)
        return Lauf(dauer, rss_kib / 1024, p.returncode, aus.read() if ausgabe_behalten else b"", err.read()[-4000:])


@dataclass
class Reihe:
    """Wiederholungen einer Messung."""

    laeufe: list[Lauf] = field(default_factory=list)

    @property
    def gemessen(self) -> bool:
        return bool(self.laeufe)

    @property
    def median(self) -> float:
        return statistics.median(l.sekunden for l in self.laeufe) if self.laeufe else float("nan")

    @property
    def rss(self) -> float:
        return max((l.rss_mib for l in self.laeufe), default=float("nan"))

    @property
    def ok(self) -> bool:
        return all(l.rc == 0 for l in self.laeufe)


# --------------------------------------------------------------------------- Vorbereitung


def generator_schluessel(n: int, seed: int) -> str:
    summe = hashlib.sha256()
    for datei in sorted((HIER / "generate").glob("*.py")):  # der Generator ist ein Paket aus mehreren Modulen
        summe.update(datei.name.encode() + b"\0" + datei.read_bytes())
    h = summe.hexdigest()[:10]
    return f"daten-n{n}-s{seed}-v{generate.GENERATOR_VERSION}-{h}"


def repository(n: int, seed: int, zwischenspeicher: Path) -> tuple[Path, dict]:
    """Das erzeugte Repository für (N, Seed, Generatorstand); wird nur einmal erzeugt."""
    ziel = zwischenspeicher / generator_schluessel(n, seed)
    if (ziel / ".bench.json").is_file():
        print(f"Repository aus dem Zwischenspeicher: {ziel}")
        return ziel, json.loads((ziel / ".bench.json").read_text(encoding="utf-8"))
    zwischenspeicher.mkdir(parents=True, exist_ok=True)
    tmp = zwischenspeicher / f".{ziel.name}.{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    print(f"Erzeuge {n} Datensätze in {ziel} …", flush=True)
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "bench.generate", "--datensaetze", str(n), "--seed", str(seed), str(tmp)], cwd=PROJEKT, check=True)
    print(f"  erzeugt in {time.perf_counter() - t0:.1f} s")
    if ziel.exists():  # gleichzeitig von einem anderen Lauf erzeugt
        shutil.rmtree(tmp)
    else:
        os.rename(tmp, ziel)
    return ziel, json.loads((ziel / ".bench.json").read_text(encoding="utf-8"))


def git(*args: str | Path, cwd: Path | None = None) -> str:
    """Git mit fester Identität und festen Zeitstempeln, ohne Hooks und Signatur der Messenden."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_") or k.startswith("GIT_CONFIG_")}  # kein GIT_DIR o. ä. von außen
    env.update(GIT_UMGEBUNG)
    befehl = ["git", "-c", "commit.gpgsign=false", "-c", "core.hooksPath=/dev/null", "-c", "init.defaultBranch=main", *map(str, args)]
    return subprocess.run(befehl, cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout


def ursprung(wurzel: Path) -> Path:
    """Das erzeugte Repository als Git-Repository mit einem Commit auf `main` (ein „bare“-Repository
    neben dem erzeugten Ordner; der Generator selbst schreibt kein Git). Wird nur einmal angelegt."""
    ziel = wurzel.with_name(wurzel.name + ".git")
    if (ziel / "bench-fertig").is_file():
        return ziel
    tmp = wurzel.with_name(f".{wurzel.name}.git.{os.getpid()}")
    if tmp.exists():
        shutil.rmtree(tmp)
    print(f"Lege das Git-Repository {ziel} an (ein Commit) …", flush=True)
    git("init", "-q", "--bare", tmp)
    git(f"--git-dir={tmp}", f"--work-tree={wurzel}", "add", "-A", ".", cwd=wurzel)
    git(f"--git-dir={tmp}", f"--work-tree={wurzel}", "commit", "-q", "-m", "Basisstand der Messdaten", cwd=wurzel)
    (tmp / "bench-fertig").write_text("ok\n", encoding="utf-8")
    if ziel.exists():  # gleichzeitig von einem anderen Lauf angelegt
        shutil.rmtree(tmp)
    else:
        os.rename(tmp, ziel)
    return ziel


def aenderungsdateien(wurzel: Path, anzahl: int = AENDERUNGEN_H) -> list[str]:
    """`anzahl` Datensätze verschiedener Arten ohne `notiz`, an die (h) eine `notiz` anhängt:
    je Art die erste Datei in sortierter Reihenfolge (gleiche Daten, gleiche Auswahl)."""
    gewaehlt: list[str] = []
    kandidaten: list[list[str]] = []
    for art in ARTEN_H:
        ordner = wurzel / generate.ORDNER[art]
        pfade = sorted(p.relative_to(wurzel).as_posix() for p in ordner.rglob("*.yaml") if not p.name.startswith("."))
        kandidaten.append([p for p in pfade if _ohne_notiz(wurzel / p)])
    runde = 0
    while len(gewaehlt) < anzahl and any(len(k) > runde for k in kandidaten):
        for liste in kandidaten:
            if runde < len(liste) and len(gewaehlt) < anzahl:
                gewaehlt.append(liste[runde])
        runde += 1
    return gewaehlt


def _ohne_notiz(pfad: Path) -> bool:
    text = pfad.read_bytes()
    return text.endswith(b"\n") and not text.startswith(b"notiz:") and b"\nnotiz:" not in text


def netzwerk_befehl() -> Path:
    kandidat = Path(sys.executable).parent / "netzwerk"
    if kandidat.is_file():
        return kandidat
    gefunden = shutil.which("netzwerk")
    if gefunden:
        return Path(gefunden)
    raise SystemExit("Fehler: „netzwerk“ nicht gefunden; bitte mit der Python-Umgebung des Projekts starten (.venv/bin/python -m bench.run).")


def check_jsonschema(venv: Path) -> Path | None:
    """check-jsonschema in einer eigenen Umgebung (nicht der des Projekts); None, wenn nicht installierbar."""
    programm = venv / "bin" / "check-jsonschema"
    if programm.is_file():
        return programm
    print(f"Installiere check-jsonschema in {venv} …", flush=True)
    try:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "check-jsonschema"], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=600)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as e:
        print(f"  check-jsonschema nicht verfügbar: {e}")
        return None
    return programm if programm.is_file() else None


def dateien_je_art(wurzel: Path) -> dict[str, list[str]]:
    gruppen: dict[str, list[str]] = {"netzwerk": ["netzwerk.yaml"]}
    for art, ordner in generate.ORDNER.items():
        pfade = []
        for basis, unter, namen in os.walk(wurzel / ordner):
            unter[:] = sorted(u for u in unter if not u.startswith("."))
            rel = Path(basis).relative_to(wurzel).as_posix()
            pfade.extend(f"{rel}/{n}" for n in sorted(namen) if n.endswith(".yaml") and not n.startswith("."))
        if pfade:
            gruppen[art] = pfade
    return gruppen


def in_stuecken(pfade: list[str]) -> list[list[str]]:
    stuecke, aktuell, groesse = [], [], 0
    for p in pfade:
        if aktuell and groesse + len(p) + 1 > MAX_ARGUMENTE:
            stuecke.append(aktuell)
            aktuell, groesse = [], 0
        aktuell.append(p)
        groesse += len(p) + 1
    if aktuell:
        stuecke.append(aktuell)
    return stuecke


def leerer_ordner(pfad: Path) -> Path:
    """Ein leerer Ordner nur für die Messende (0700, wie netzwerk es für einen Speicherordner verlangt)."""
    if pfad.exists():
        shutil.rmtree(pfad)
    pfad.mkdir(mode=0o700, parents=True)
    return pfad


# --------------------------------------------------------------------------- Messen


@dataclass
class Ergebnis:
    n: int
    beschreibung: dict
    wurzel: Path
    a: Reihe = field(default_factory=Reihe)
    b: Reihe = field(default_factory=Reihe)
    c: Reihe | None = None
    c_prozesse: int = 0
    c_fehler: str = ""
    d: Reihe = field(default_factory=Reihe)
    e_hilfe: Reihe = field(default_factory=Reihe)
    e_typer: Reihe = field(default_factory=Reihe)
    f: Reihe = field(default_factory=Reihe)
    g: Reihe = field(default_factory=Reihe)
    g_tage: list[str] = field(default_factory=list)
    h: Reihe = field(default_factory=Reihe)
    h_dateien: list[str] = field(default_factory=list)
    h_fehler: str = ""  # warum (h) nicht gemessen werden konnte
    i: Reihe = field(default_factory=Reihe)
    j_text: Reihe = field(default_factory=Reihe)
    j_json: Reihe = field(default_factory=Reihe)
    j_zeilen: float = 0.0  # Zeilen der Textliste je Empfehlung
    befunde: dict = field(default_factory=dict)  # Buchstabe -> Zusammenfassung des letzten Laufs
    kein_cache: bool = False
    mb: float = 0.0

    def netzwerk_pfade(self) -> dict[str, Reihe]:
        """Alle gemessenen netzwerk-Läufe (für „Spitzen-RSS auf jedem Pfad“)."""
        pfade = {"b": self.b, "d": self.d, "e": self.e_hilfe, "f": self.f, "g": self.g, "h": self.h, "i": self.i, "j": self.j_text, "j (JSON)": self.j_json}
        return {k: v for k, v in pfade.items() if v.gemessen}

    def hoechster_rss(self) -> tuple[str, float]:
        pfade = self.netzwerk_pfade()
        if not pfade:
            return "–", float("nan")
        name = max(pfade, key=lambda k: pfade[k].rss)
        return name, pfade[name].rss


def zusammenfassung(l: Lauf) -> dict:
    try:
        return json.loads(l.ausgabe)["zusammenfassung"]
    except (ValueError, KeyError, TypeError):
        return {"fehler": "?", "warnungen": "?", "ausgabe": (l.ausgabe[-300:] + l.fehlerausgabe[-600:]).decode("utf-8", "replace")}


def messen(n: int, seed: int, wiederholungen: int, zwischenspeicher: Path, cj: Path | None) -> Ergebnis:
    wurzel, beschreibung = repository(n, seed, zwischenspeicher)
    netzwerk = netzwerk_befehl()
    py = sys.executable
    erg = Ergebnis(n, beschreibung, wurzel)
    erg.mb = sum(f.stat().st_size for f in wurzel.rglob("*.yaml")) / 1e6
    hilfe = lauf([netzwerk, "validate", "--help"], ausgabe_behalten=True).ausgabe.decode("utf-8", "replace")
    erg.kein_cache = "--kein-cache" in hilfe
    # Ein eigener, anfangs leerer Speicherordner je Messung: jeder Aufruf von bench.run beginnt
    # gleich, unabhängig von früheren Läufen (sonst kennte der Speicher die Tage von (g) schon).
    speicher = {"NETZWERK_CACHE_ORDNER": str(leerer_ordner(zwischenspeicher / f"speicher-{wurzel.name}"))}
    validate = [netzwerk, "validate", "--daten", wurzel, "--stichtag", STICHTAG, "--format", "json"]
    kalt = validate + (["--kein-cache"] if erg.kein_cache else [])
    liste = [netzwerk, "empfehlung", "list", "--daten", wurzel]  # stdout ist eine Datei: 80 Spalten wie in einer Pipe
    advance = [netzwerk, "empfehlung", "advance", beschreibung["entwurf"], "--dry-run", "--durch", "Bench", "--datum", STICHTAG, "--daten", wurzel]
    gruppen = dateien_je_art(wurzel)
    cj_aufrufe = []
    if cj is not None:
        for art, pfade in gruppen.items():
            for stueck in in_stuecken(pfade):
                cj_aufrufe.append([cj, "--schemafile", SCHEMAS / f"{art}.schema.json", *stueck])
        erg.c = Reihe()
        erg.c_prozesse = len(cj_aufrufe)

    print(f"Messe N = {n} ({beschreibung['dateien']} Dateien, {erg.mb:.0f} MB YAML), {wiederholungen} Wiederholungen …", flush=True)
    lauf([py, "-c", UNTERGRENZE, wurzel])  # Dateisystem-Cache füllen (nicht gezählt)
    for i in range(wiederholungen):
        erg.a.laeufe.append(lauf([py, "-c", UNTERGRENZE, wurzel]))
        l = lauf(kalt, ausgabe_behalten=True, umgebung=speicher)
        erg.b.laeufe.append(l)
        erg.befunde["b"] = zusammenfassung(l)
        if erg.c is not None and cj_aufrufe:
            teile = [lauf(c, cwd=wurzel) for c in cj_aufrufe]
            erg.c.laeufe.append(Lauf(sum(t.sekunden for t in teile), max(t.rss_mib for t in teile), max(t.rc for t in teile)))
            schlecht = [t for t in teile if t.rc != 0]
            if schlecht:
                erg.c_fehler = schlecht[0].fehlerausgabe[-500:].decode("utf-8", "replace")
        erg.e_hilfe.laeufe.append(lauf([netzwerk, "--help"]))
        erg.e_typer.laeufe.append(lauf([py, "-c", "import typer"]))
        erg.f.laeufe.append(lauf(advance, umgebung=speicher))
        text = lauf(liste, ausgabe_behalten=True, umgebung=speicher)
        erg.j_text.laeufe.append(text)
        als_json = lauf([*liste, "--format", "json"], ausgabe_behalten=True, umgebung=speicher)
        erg.j_json.laeufe.append(als_json)
        try:
            erg.j_zeilen = text.ausgabe.count(b"\n") / max(1, len(json.loads(als_json.ausgabe)))
        except ValueError:
            erg.j_zeilen = float("nan")
        print(f"  Runde {i + 1}: a {erg.a.laeufe[-1].sekunden:.2f} s, b {erg.b.laeufe[-1].sekunden:.2f} s"
              + (f", c {erg.c.laeufe[-1].sekunden:.2f} s" if erg.c is not None and erg.c.laeufe else "")
              + f", f {erg.f.laeufe[-1].sekunden:.2f} s"
              + f", j {erg.j_text.laeufe[-1].sekunden:.2f} s / {erg.j_json.laeufe[-1].sekunden:.2f} s", flush=True)

    messen_d(erg, validate, wiederholungen, speicher)
    messen_i(erg, netzwerk, validate, wiederholungen, speicher)
    messen_g(erg, netzwerk, validate, wiederholungen, speicher)
    messen_h(erg, netzwerk, wiederholungen, zwischenspeicher)
    return erg


def messen_d(erg: Ergebnis, validate: list, wiederholungen: int, speicher: dict) -> None:
    """(d) warm: einmal vorweg prüfen (füllt den Speicher), dann je Runde eine Datei ändern."""
    datei = erg.wurzel / erg.beschreibung["aenderungsdatei"]
    original = datei.read_bytes()
    try:
        lauf(validate, umgebung=speicher)
        for i in range(wiederholungen):
            datei.write_bytes(original + f"notiz: Messlauf {i + 1} am {datetime.now():%Y-%m-%d %H:%M:%S}\n".encode())
            l = lauf(validate, ausgabe_behalten=True, umgebung=speicher)
            erg.d.laeufe.append(l)
            erg.befunde["d"] = zusammenfassung(l)
        print(f"  d (warm, nach Änderung): {erg.d.median:.2f} s", flush=True)
    finally:
        datei.write_bytes(original)


def messen_i(erg: Ergebnis, netzwerk: Path, validate: list, wiederholungen: int, speicher: dict) -> None:
    """(i) `netzwerk status` am Stichtag, nachdem validate den Speicher für genau diesen Stand
    gefüllt hat; ein erster status-Lauf zählt nicht (wie der Vorlauf von (d))."""
    status = [netzwerk, "status", "--daten", erg.wurzel, "--stichtag", STICHTAG]
    lauf(validate, umgebung=speicher)
    lauf(status, umgebung=speicher)
    for _ in range(wiederholungen):
        erg.i.laeufe.append(lauf(status, umgebung=speicher))
    print(f"  i (status, warm): {erg.i.median:.2f} s", flush=True)


def messen_g(erg: Ergebnis, netzwerk: Path, validate: list, wiederholungen: int, speicher: dict) -> None:
    """(g) der erste validate eines neuen Tages: warm am Stichtag T, dann je Wiederholung der
    nächste Tag (T+1, T+2, …), jeder also wirklich der erste Lauf an seinem Tag. Der Speicher
    gehört nur dieser Messung (siehe `messen`), kein früherer Aufruf kennt diese Tage."""
    lauf(validate, umgebung=speicher)  # warm am Tag T
    erg.g_tage = []
    for i in range(wiederholungen):
        tag = (generate.STICHTAG + timedelta(days=i + 1)).isoformat()
        erg.g_tage.append(tag)
        l = lauf([netzwerk, "validate", "--daten", erg.wurzel, "--stichtag", tag, "--format", "json"], ausgabe_behalten=True, umgebung=speicher)
        erg.g.laeufe.append(l)
        erg.befunde["g"] = zusammenfassung(l)
    print(f"  g (erster Lauf eines neuen Tages): {erg.g.median:.2f} s", flush=True)


def messen_h(erg: Ergebnis, netzwerk: Path, wiederholungen: int, zwischenspeicher: Path) -> None:
    """(h) die Prüfung eines Pull Requests in CI, wie die Vorlagen von `netzwerk init` sie
    einrichten (NETZWERK_CACHE_ORDNER im Arbeitsordner, actions/cache bzw. GitLab `cache:`):

    1. ein früherer CI-Lauf auf dem Basisstand: frischer Klon von `main`, `validate`; sein
       Speicherordner wird aufgehoben (wie actions/cache ihn am Ende eines Laufs sichert);
    2. je Wiederholung ein neuer frischer Klon am selben Ort (wie actions/checkout), ein Zweig
       mit fünf geänderten Datensätzen (je eine `notiz` angehängt, ein Commit), der
       aufgehobene Speicherordner zurückkopiert, dann gemessen:
       `validate --basis origin/main --stichtag T --format json`.
    """
    if shutil.which("git") is None:
        erg.h_fehler = "git nicht gefunden"
        return
    klon = zwischenspeicher / f"pr-klon-{erg.wurzel.name}"
    gesichert = zwischenspeicher / f"pr-speicher-{erg.wurzel.name}"
    ordner = klon / SPEICHER_CI
    umgebung = {"NETZWERK_CACHE_ORDNER": str(ordner)}
    pruefen = [netzwerk, "validate", "--daten", klon, "--stichtag", STICHTAG, "--format", "json"]
    try:
        quelle = ursprung(erg.wurzel)
        erg.h_dateien = aenderungsdateien(erg.wurzel)
        _frischer_klon(quelle, klon)
        vorlauf = lauf(pruefen, cwd=klon, umgebung=umgebung)
        if vorlauf.rc != 0 or not ordner.is_dir():
            erg.h_fehler = f"der Lauf auf dem Basisstand endete mit {vorlauf.rc} oder legte keinen Speicher an: {vorlauf.fehlerausgabe[-300:].decode('utf-8', 'replace')}"
            return
        if gesichert.exists():
            shutil.rmtree(gesichert)
        shutil.copytree(ordner, gesichert, symlinks=True)
        for i in range(wiederholungen):
            _frischer_klon(quelle, klon)
            git("checkout", "-q", "-b", f"fuenf-aenderungen-{i + 1}", cwd=klon)
            for rel in erg.h_dateien:
                with open(klon / rel, "ab") as f:
                    f.write(f"notiz: Pull Request {i + 1}, geänderter Datensatz\n".encode())
            git("commit", "-q", "-a", "-m", f"{len(erg.h_dateien)} Datensätze geändert", cwd=klon)
            shutil.copytree(gesichert, ordner, symlinks=True)  # wie actions/cache beim Wiederherstellen
            l = lauf([*pruefen, "--basis", "origin/main"], cwd=klon, ausgabe_behalten=True, umgebung=umgebung)
            erg.h.laeufe.append(l)
            erg.befunde["h"] = zusammenfassung(l)
        print(f"  h (Pull Request, fünf Änderungen, Speicher wiederhergestellt): {erg.h.median:.2f} s", flush=True)
    except (subprocess.CalledProcessError, OSError) as e:
        fehler = getattr(e, "stderr", "") or ""
        erg.h_fehler = f"{e} {fehler}".strip()[:300]
    finally:
        for weg in (klon, gesichert):
            shutil.rmtree(weg, ignore_errors=True)


def _frischer_klon(quelle: Path, klon: Path) -> None:
    if klon.exists():
        shutil.rmtree(klon)
    git("clone", "-q", quelle, klon)


def _kurz(pfad: str) -> str:
    for marke in ("site-packages/", str(PROJEKT) + "/", "lib/python3"):
        if marke in pfad:
            return pfad.split(marke, 1)[1]
    return pfad


def _huelle(pfad: str, name: str) -> bool:
    """Rahmen, die nur weiterreichen (Interpreter, runpy, click/typer, Einstiegspunkt)."""
    return (
        pfad in ("~", "<string>")
        or "runpy" in pfad
        or "/click/" in pfad
        or "/typer/" in pfad
        or pfad.endswith("netzwerk_cli/__main__.py")
        or pfad.endswith("netzwerk_cli/cli/__init__.py")
        or pfad.endswith("cli/fehlerbehandlung.py")
    )


def profil(wurzel: Path, anzahl: int = 15) -> str:
    """cProfile eines validate-Laufs: die `anzahl` teuersten Einträge nach kumulierter Zeit
    (ohne reine Hüllen wie runpy, click und typer)."""
    import pstats

    with tempfile.TemporaryDirectory() as tmp:
        ziel = Path(tmp) / "validate.prof"
        subprocess.run(
            [sys.executable, "-m", "cProfile", "-o", ziel, "-m", "netzwerk_cli", "validate", "--daten", wurzel, "--stichtag", STICHTAG, "--format", "json", "--kein-cache"],
            stdout=subprocess.DEVNULL,
            check=False,
        )
        stats = pstats.Stats(str(ziel))
    stats.sort_stats("cumulative")
    gesamt = max(ct for _, _, _, ct, _ in stats.stats.values())
    zeilen = [f"Gesamt unter cProfile: {gesamt:.2f} s", "", f"{'Aufrufe':>12} {'eigen s':>8} {'kumul. s':>9} {'Anteil':>7}  Funktion"]
    for funktion in stats.fcn_list:
        pfad, zeile, name = funktion
        if _huelle(pfad, name):
            continue
        cc, nc, tt, ct, _ = stats.stats[funktion]
        aufrufe = str(nc) if cc == nc else f"{nc}/{cc}"
        ort = name if pfad == "~" else f"{_kurz(pfad)}:{zeile}({name})"
        zeilen.append(f"{aufrufe:>12} {tt:8.2f} {ct:9.2f} {ct / gesamt:6.0%}  {ort}")
        if len(zeilen) - 3 >= anzahl:
            break
    return "\n".join(zeilen)


# --------------------------------------------------------------------------- Bericht


def z(x: float, stellen: int = 2) -> str:
    if x != x:  # nan: nicht gemessen
        return "–"
    return f"{x:,.{stellen}f}".replace(",", "\u202f").replace(".", ",")


def ja_nein(ok: bool | None) -> str:
    return "–" if ok is None else ("ja" if ok else "**nein**")


@dataclass
class Groessen:
    """Bei welchen N die Ziele gelten. Nur der Funktionstest setzt kleinere Werte
    (verstecktes `--groessen-gross`), damit die Logik von `--skalierung-gross` klein läuft."""

    klein: int = KLEIN
    gross: int = GROSS
    sehr_gross: int = SEHR_GROSS


def tabelle(e: Ergebnis, vorher: Ergebnis | None = None, g: Groessen | None = None) -> tuple[list[str], dict]:
    """Markdown-Tabelle der Messung und die Zielerfüllung je Kennzahl; `vorher` ist die
    nächstkleinere gemessene Größe (für die Skalierung)."""
    g = g or Groessen()
    a, b = e.a.median, e.b.median
    hilfe, typer_ = e.e_hilfe.median, e.e_typer.median
    bei_gross = "" if e.n == g.gross else f" (gemessen bei {z(e.n, 0)}; Ziel gilt bei {z(g.gross, 0)})"
    bei_klein = "" if e.n == g.klein else f" (gemessen bei {z(e.n, 0)}; Ziel gilt bei {z(g.klein, 0)})"
    rss_pfad, rss = e.hoechster_rss()
    sehr_gross = e.n >= g.sehr_gross
    ziel_rss = ZIEL_RSS_SEHR_GROSS_MIB if sehr_gross else ZIEL_RSS_MIB

    def unter(reihe: Reihe, ziel: float) -> bool | None:
        return reihe.median <= ziel if reihe.gemessen and reihe.ok else (False if reihe.gemessen else None)

    erfuellt = {
        "b/a": b / a <= ZIEL_B_ZU_A,
        "c/b": (e.c.median / b >= ZIEL_C_ZU_B) if e.c is not None and e.c.gemessen and e.c.ok else None,
        "d": unter(e.d, ZIEL_D_S),
        "g": unter(e.g, ZIEL_G_S),
        "h": unter(e.h, ZIEL_H_S),
        "i": unter(e.i, ZIEL_I_S),
        "e": hilfe / typer_ <= ZIEL_E,
        "f": e.f.median <= ZIEL_F_S,
        "j": (e.j_text.median / e.j_json.median <= ZIEL_J) if e.j_text.gemessen and e.j_json.gemessen else None,
        "rss": rss <= ziel_rss if rss == rss else None,
    }
    zeilen = [
        "| | Messung | Median | Spitzen-RSS | Kennzahl | Ziel | erfüllt |",
        "|---|---|---:|---:|---|---|---|",
        f"| (a) | Untergrenze: alle Dateien lesen + `yaml.load(…, CSafeLoader)` in einem Prozess | {z(a)} s | {z(e.a.rss, 0)} MiB | – | – | – |",
        f"| (b) | `netzwerk validate --format json` (kalt{', --kein-cache' if e.kein_cache else ''}) | {z(b)} s | {z(e.b.rss, 0)} MiB "
        f"| b/a = {z(b / a)}× | b ≤ {z(ZIEL_B_ZU_A, 1)}× a{bei_klein} | {ja_nein(erfuellt['b/a'])} |",
    ]
    if e.c is not None and e.c.gemessen:
        c_text = f"c/b = {z(e.c.median / b)}" + ("" if e.c.ok else " (check-jsonschema meldete Fehler)")
        zeilen.append(
            f"| (c) | `check-jsonschema` nur Schemas ({e.c_prozesse} Prozesse, Summe) | {z(e.c.median)} s | {z(e.c.rss, 0)} MiB | {c_text} "
            f"| c/b ≥ {z(ZIEL_C_ZU_B, 0)}{bei_klein} | {ja_nein(erfuellt['c/b'])} |"
        )
    else:
        zeilen.append(f"| (c) | `check-jsonschema` nur Schemas | nur bei der ersten Größe gemessen (bzw. nicht verfügbar) | – | – | c/b ≥ {z(ZIEL_C_ZU_B, 0)} (gilt bei {z(g.klein, 0)}) | – |")
    tage = f" (Tage {e.g_tage[0]} …)" if e.g_tage else ""
    zeilen += [
        _zeile("(d)", "`netzwerk validate` nach Änderung einer Datei (warm)", e.d, "d", ZIEL_D_S, g, bei_gross, erfuellt),
        _zeile("(g)", f"erster `netzwerk validate` eines neuen Tages, Speicher warm vom Vortag{tage}", e.g, "g", ZIEL_G_S, g, bei_gross, erfuellt),
        _zeile_h(e, g, bei_gross, erfuellt),
        _zeile("(i)", "`netzwerk status` (warm)", e.i, "i", ZIEL_I_S, g, bei_gross, erfuellt),
        f"| (e) | `netzwerk --help` / `python -c \"import typer\"` | {z(hilfe)} s / {z(typer_)} s | {z(e.e_hilfe.rss, 0)} MiB | e = {z(hilfe / typer_)}× | ≤ {z(ZIEL_E, 1)}× | {ja_nein(erfuellt['e'])} |",
        f"| (f) | `netzwerk empfehlung advance … --dry-run` | {z(e.f.median)} s | {z(e.f.rss, 0)} MiB | f = {z(e.f.median)} s | ≤ {z(ZIEL_F_S, 1)} s bei {z(g.gross, 0)}{bei_gross} | {ja_nein(erfuellt['f'])} |",
        _zeile_j(e, erfuellt),
    ]
    if sehr_gross:
        ziel_text = f"≤ 2 GiB ({z(ZIEL_RSS_SEHR_GROSS_MIB, 0)} MiB) bei {z(g.sehr_gross, 0)}"
    else:
        ziel_text = f"≤ {z(ZIEL_RSS_MIB, 0)} MiB auf jedem Pfad bei {z(g.gross, 0)}{bei_gross}"
    zeilen.append(
        f"| Speicher | höchster Spitzen-RSS aller netzwerk-Läufe ((b), (d)–(j)) | – | {z(rss, 0)} MiB | bei ({rss_pfad}) | {ziel_text} | {ja_nein(erfuellt['rss'])} |"
    )
    if vorher is not None and vorher.n < e.n:
        faktor = b / vorher.b.median
        erfuellt["skalierung"] = faktor <= ZIEL_SKALIERUNG
        zeilen.append(
            f"| Skalierung | (b) kalt bei {z(e.n, 0)} / (b) bei {z(vorher.n, 0)} | – | {z(vorher.hoechster_rss()[1], 0)} → {z(rss, 0)} MiB "
            f"| {z(faktor)}× | ≤ {z(ZIEL_SKALIERUNG, 0)}× | {ja_nein(erfuellt['skalierung'])} |"
        )
    return zeilen, erfuellt


def _zeile(marke: str, text: str, reihe: Reihe, schluessel: str, ziel: float, g: Groessen, bei_gross: str, erfuellt: dict) -> str:
    if not reihe.gemessen:
        return f"| {marke} | {text} | nicht gemessen | – | – | ≤ {z(ziel, 1)} s bei {z(g.gross, 0)} | – |"
    rc = "" if reihe.ok else " (Exit-Code ≠ 0)"
    return (
        f"| {marke} | {text} | {z(reihe.median)} s | {z(reihe.rss, 0)} MiB | {schluessel} = {z(reihe.median)} s{rc} "
        f"| ≤ {z(ziel, 1)} s bei {z(g.gross, 0)}{bei_gross} | {ja_nein(erfuellt[schluessel])} |"
    )


def _zeile_h(e: Ergebnis, g: Groessen, bei_gross: str, erfuellt: dict) -> str:
    text = f"`netzwerk validate --basis origin/main`: Zweig mit {len(e.h_dateien) or AENDERUNGEN_H} geänderten Datensätzen, frischer Klon, Speicher wiederhergestellt"
    if not e.h.gemessen:
        grund = f"nicht gemessen: {e.h_fehler}" if e.h_fehler else "nicht gemessen"
        return f"| (h) | {text} | {grund.replace('|', '/')} | – | – | ≤ {z(ZIEL_H_S, 1)} s bei {z(g.gross, 0)} | – |"
    return _zeile("(h)", text, e.h, "h", ZIEL_H_S, g, bei_gross, erfuellt)


def _zeile_j(e: Ergebnis, erfuellt: dict) -> str:
    if not e.j_text.gemessen or not e.j_json.gemessen:
        return "| (j) | `netzwerk empfehlung list` Text / JSON | nicht gemessen | – | – | – | – |"
    t, j = e.j_text.median, e.j_json.median
    return (
        f"| (j) | `netzwerk empfehlung list` Text / `--format json` (80 Spalten, Pipe) | {z(t)} s / {z(j)} s | {z(e.j_text.rss, 0)} MiB "
        f"| j = {z(t / j)}×, {z(e.j_zeilen, 1)} Zeilen je Empfehlung | ≤ {z(ZIEL_J, 0)}× | {ja_nein(erfuellt['j'])} |"
    )


def vergleich(e: Ergebnis, vorher: Ergebnis) -> list[str]:
    """Zeit und Spitzen-RSS je Pfad gegen die nächstkleinere Größe (für --skalierung-gross:
    1 000 000 gegen 100 000)."""
    zeilen = [
        f"| | Median bei {z(vorher.n, 0)} | Median bei {z(e.n, 0)} | Faktor | Spitzen-RSS bei {z(vorher.n, 0)} | Spitzen-RSS bei {z(e.n, 0)} |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    paare = [("(a)", vorher.a, e.a), ("(b)", vorher.b, e.b), ("(d)", vorher.d, e.d), ("(g)", vorher.g, e.g), ("(h)", vorher.h, e.h),
             ("(i)", vorher.i, e.i), ("(f)", vorher.f, e.f), ("(j) Text", vorher.j_text, e.j_text)]
    for name, alt, neu in paare:
        if not alt.gemessen or not neu.gemessen:
            continue
        zeilen.append(f"| {name} | {z(alt.median)} s | {z(neu.median)} s | {z(neu.median / alt.median)}× | {z(alt.rss, 0)} MiB | {z(neu.rss, 0)} MiB |")
    return zeilen


def rohwerte(e: Ergebnis) -> list[str]:
    def r(reihe: Reihe | None) -> str:
        return "–" if reihe is None or not reihe.gemessen else ", ".join(f"{z(l.sekunden)} s" for l in reihe.laeufe)

    return [
        f"* (a) {r(e.a)}",
        f"* (b) {r(e.b)}",
        f"* (c) {r(e.c)}",
        f"* (d) {r(e.d)}",
        f"* (g) {r(e.g)}" + (f" (Stichtage {', '.join(e.g_tage)})" if e.g_tage else ""),
        f"* (h) {r(e.h)}" + (f" (geändert: {', '.join(f'`{d}`' for d in e.h_dateien)})" if e.h_dateien else ""),
        f"* (i) {r(e.i)}",
        f"* (e) `--help` {r(e.e_hilfe)}; `import typer` {r(e.e_typer)}",
        f"* (f) {r(e.f)}",
        f"* (j) Text {r(e.j_text)}; JSON {r(e.j_json)}",
    ]


def maschine() -> list[str]:
    cpu = "unbekannt"
    ram = "unbekannt"
    try:
        for zeile in Path("/proc/cpuinfo").read_text().splitlines():
            if zeile.startswith("model name"):
                cpu = zeile.split(":", 1)[1].strip()
                break
        for zeile in Path("/proc/meminfo").read_text().splitlines():
            if zeile.startswith("MemTotal"):
                ram = f"{z(int(zeile.split()[1]) / 1024 / 1024, 1)} GiB"
                break
    except OSError:
        pass
    last = " / ".join(z(x) for x in os.getloadavg())
    return [
        f"* Kerne (nproc): {os.cpu_count()}",
        f"* CPU: {cpu}",
        f"* Arbeitsspeicher: {ram}",
        f"* Last (loadavg 1/5/15 min) beim Start: {last}",
        f"* System: {platform.platform()}",
    ]


def versionen(cj: Path | None) -> list[str]:
    from importlib import metadata

    import yaml

    try:
        import yaml._yaml as cyaml

        libyaml = cyaml.get_version_string()
    except ImportError:
        libyaml = "nicht vorhanden"

    def v(name: str) -> str:
        try:
            return metadata.version(name)
        except metadata.PackageNotFoundError:
            return "?"

    cj_version = "nicht verfügbar"
    if cj is not None:
        cj_version = subprocess.run([str(cj), "--version"], capture_output=True, text=True).stdout.strip().rsplit(" ", 1)[-1]
    git_version = "nicht gefunden"
    if shutil.which("git"):
        git_version = subprocess.run(["git", "--version"], capture_output=True, text=True).stdout.strip().rsplit(" ", 1)[-1]
    return [
        f"* Python {platform.python_version()} ({sys.executable})",
        f"* PyYAML {yaml.__version__}, libyaml {libyaml}",
        f"* jsonschema {v('jsonschema')}, typer {v('typer')}, netzwerk-cli {v('netzwerk-cli')}",
        f"* check-jsonschema {cj_version} (eigene Umgebung), git {git_version}",
    ]


def _befunde(e: Ergebnis) -> str:
    teile = []
    for marke in ("b", "d", "g", "h"):
        if marke in e.befunde:
            b = e.befunde[marke]
            teile.append(f"von ({marke}): {b.get('fehler')} Fehler, {b.get('warnungen')} Warnungen")
    return "Befunde " + "; ".join(teile) + " (erwartet: jeweils 0)." if teile else "Keine Befunde erfasst."


def bericht(ergebnisse: list[Ergebnis], cj: Path | None, wiederholungen: int, profil_text: str | None, dauer: float, g: Groessen | None = None) -> str:
    g = g or Groessen()
    jetzt = datetime.now()
    teile = [
        "# Messergebnisse (Issues 6 und 17)",
        "",
        f"Erzeugt von `python -m bench.run` am {jetzt:%d.%m.%Y um %H:%M} Uhr (Dauer {z(dauer / 60, 1)} min). "
        f"Medianwerte aus {wiederholungen} Wiederholungen; jeder Lauf ist ein eigener, frischer Prozess. "
        "Wie gemessen wird und was jede Zeile bedeutet: `bench/README.md`.",
        "",
        "Achtung: Die Maschine wird mit anderen Entwicklern geteilt, die gleichzeitig Tests laufen "
        "lassen. Einzelwerte schwanken deshalb; die Rohwerte stehen unten.",
        "",
    ]
    if wiederholungen < 3:
        teile += ["**Probelauf mit weniger als drei Wiederholungen: keine gültige Messung.**", ""]
    teile += ["## Maschine", "", *maschine(), "", "## Versionen", "", *versionen(cj), ""]
    vorher: Ergebnis | None = None
    for e in ergebnisse:
        b = e.beschreibung
        arten = ", ".join(f"{k} {z(v, 0)}" for k, v in b["je_art"].items())
        teile += [
            f"## N = {z(e.n, 0)}",
            "",
            f"Repository: {z(b['dateien'], 0)} Dateien ({z(e.mb, 1)} MB YAML), {b['laender']} Länder, "
            f"{b['landkreise']} Landkreise; {arten}. Erzeugt mit `python -m bench.generate --datensaetze {e.n} "
            f"--seed {b['seed']}` (Generator v{b['generator_version']}), Stichtag {b['stichtag']}.",
            "",
            _befunde(e),
            "",
        ]
        zeilen, _ = tabelle(e, vorher, g)
        teile += zeilen
        if not e.kein_cache:
            teile += ["", "`netzwerk validate` kennt (noch) keine Option `--kein-cache`; (b) und (d) unterscheiden sich nur darin, "
                      "dass vor (d) schon ein Lauf stattfand und eine Datei geändert wurde."]
        if e.c is not None and not e.c.ok:
            teile += ["", f"check-jsonschema meldete Fehler: `{e.c_fehler.strip()[:300]}`"]
        if any(not r.ok for r in (e.b, e.d, e.f, e.g, e.h, e.i)):
            teile += ["", "Mindestens ein netzwerk-Lauf endete nicht mit Exit-Code 0 (bei (b), (d), (g), (h): Befunde; bei (f): Schritt abgelehnt)."]
        if vorher is not None and vorher.n < e.n:
            teile += ["", f"Zeit und Spitzen-RSS je Pfad gegen N = {z(vorher.n, 0)}:", "", *vergleich(e, vorher)]
        teile += ["", "Rohwerte je Wiederholung:", "", *rohwerte(e), ""]
        vorher = e
    if profil_text:
        teile += [
            f"## Wohin die Zeit in (b) geht (cProfile, N = {z(ergebnisse[0].n, 0)})",
            "",
            "Die 15 teuersten Einträge nach kumulierter Zeit (`python -m cProfile -m netzwerk_cli validate …`; "
            "mit Profiler läuft alles deutlich langsamer, die Anteile zählen):",
            "",
            "```",
            profil_text,
            "```",
            "",
        ]
    return "\n".join(teile).rstrip() + "\n"


def groessen_liste(n: int, skalierung: bool, skalierung_gross: bool, g: Groessen) -> list[int]:
    """Die zu messenden Größen in aufsteigender Reihenfolge, jede einmal: N, mit --skalierung
    dazu 100 000, mit --skalierung-gross dazu 100 000 und 1 000 000."""
    groessen = [n]
    if skalierung or skalierung_gross:
        groessen.append(g.gross)
    if skalierung_gross:
        groessen.append(g.sehr_gross)
    return sorted(set(groessen))


def _groessen_gross(text: str) -> Groessen:
    try:
        gross, sehr_gross = (int(t) for t in text.split(","))
    except ValueError:
        raise argparse.ArgumentTypeError("erwartet: GROSS,SEHR_GROSS") from None
    return Groessen(klein=KLEIN, gross=gross, sehr_gross=sehr_gross)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description="Laufzeit- und Speichermessung für Issue 6 und Issue 17.")
    p.add_argument("--datensaetze", type=int, default=KLEIN, metavar="N", help=f"Größe des Repositorys (Standard {KLEIN})")
    p.add_argument("--wiederholungen", type=int, default=3, metavar="W", help="Wiederholungen je Messung, mindestens 3 (Standard 3)")
    p.add_argument("--skalierung", action="store_true", help=f"zusätzlich bei {GROSS} Datensätzen messen und den Skalierungsfaktor angeben")
    p.add_argument(
        "--skalierung-gross",
        action="store_true",
        help=f"zusätzlich bei {GROSS} und {SEHR_GROSS} Datensätzen messen: Zeit und Speicher gegen {GROSS} (dauert Stunden; nicht in CI)",
    )
    p.add_argument("--profil", action="store_true", help="zusätzlich einen validate-Lauf mit cProfile aufschlüsseln (Top 15)")
    p.add_argument("--seed", type=int, default=1, help="Seed des Generators (Standard 1)")
    p.add_argument("--zwischenspeicher", type=Path, default=Path(tempfile.gettempdir()) / "netzwerk-bench", help="Ordner für erzeugte Repositorys")
    p.add_argument("--cj-umgebung", type=Path, default=Path(tempfile.gettempdir()) / "netzwerk-bench-venv", help="virtuelle Umgebung für check-jsonschema")
    p.add_argument("--ohne-check-jsonschema", action="store_true", help="Messung (c) auslassen")
    p.add_argument("--ausgabe", type=Path, default=HIER / "ERGEBNISSE.md", help="Ergebnisdatei (Standard bench/ERGEBNISSE.md)")
    # Nur für den Funktionstest (tests/test_bench_run.py): ein Probelauf mit einer Wiederholung
    # und winzige Größen an Stelle von 100 000 und 1 000 000.
    p.add_argument("--probelauf", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--groessen-gross", type=_groessen_gross, default=Groessen(), help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.wiederholungen < (1 if a.probelauf else 3):
        p.error("mindestens 3 Wiederholungen (Median)")
    g: Groessen = a.groessen_gross
    t0 = time.perf_counter()
    cj = None if a.ohne_check_jsonschema else check_jsonschema(a.cj_umgebung)
    groessen = groessen_liste(a.datensaetze, a.skalierung, a.skalierung_gross, g)
    # (c) nur bei der ersten Größe: das Ziel c/b gilt bei 10 000, und check-jsonschema
    # bräuchte bei 100 000 Datensätzen allein etwa 20 Minuten je drei Wiederholungen.
    ergebnisse = [messen(n, a.seed, a.wiederholungen, a.zwischenspeicher, cj if i == 0 else None) for i, n in enumerate(groessen)]
    profil_text = None
    if a.profil:
        print("Profiliere validate …", flush=True)
        profil_text = profil(ergebnisse[0].wurzel)
    text = bericht(ergebnisse, cj, a.wiederholungen, profil_text, time.perf_counter() - t0, g)
    a.ausgabe.write_text(text, encoding="utf-8")
    print()
    vorher = None
    for e in ergebnisse:
        print(f"N = {e.n}")
        zeilen, _ = tabelle(e, vorher, g)
        print("\n".join(zeilen))
        print()
        vorher = e
    if profil_text:
        print(profil_text)
    print(f"\nGeschrieben: {a.ausgabe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
