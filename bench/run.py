"""Laufzeit- und Speichermessung für Issue 6.

    python -m bench.run [--datensaetze 10000] [--wiederholungen 3] [--skalierung] [--profil]

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
  (g) `netzwerk empfehlung list` als Text gegen `--format json` (Issue 14: die Textliste kostet
      höchstens ein kleines Vielfaches; dazu Zeilen je Empfehlung bei 80 Spalten in einer Pipe).

Den Spitzenspeicher (ru_maxrss) misst GNU time (`/usr/bin/time -f %M`) je Kindprozess, ohne
GNU time `os.wait4()` (dann eine obere Schranke, siehe `lauf`). Die Ergebnisse stehen danach als Tabelle
auf der Konsole und in bench/ERGEBNISSE.md.
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
from datetime import datetime
from pathlib import Path

from bench import generate

STICHTAG = generate.STICHTAG.isoformat()
HIER = Path(__file__).resolve().parent
PROJEKT = HIER.parent
SCHEMAS = PROJEKT / "schemas"
MAX_ARGUMENTE = 1_000_000  # Bytes an Dateipfaden je check-jsonschema-Aufruf (ARG_MAX ist meist 2 MiB)

ZIEL_B_ZU_A = 1.0
ZIEL_C_ZU_B = 8.0
ZIEL_SKALIERUNG = 11.0
ZIEL_RSS_MIB = 1024.0
ZIEL_D_S = 1.5
ZIEL_E = 1.5
ZIEL_F_S = 0.5
ZIEL_G = 3.0  # Text / JSON von `empfehlung list`
GROSS = 100_000  # bei dieser Größe gelten die absoluten Ziele (d) und (f)

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


def lauf(cmd: list, cwd: Path | None = None, ausgabe_behalten: bool = False) -> Lauf:
    """Startet `cmd` als frischen Prozess; misst Wanduhrzeit und Spitzen-RSS genau dieses Kindes.

    Den Spitzen-RSS misst GNU time (`/usr/bin/time -f %M`), ein kleiner C-Prozess als direkter
    Elternteil: Startet Python das Kind selbst (vfork/exec), beginnt ru_maxrss des Kindes beim
    RSS dieses Messprozesses, kleine Werte wären also zu hoch. Ohne GNU time: os.wait4 (obere
    Schranke).
    """
    env = {k: v for k, v in os.environ.items() if k not in ("NETZWERK_DATEN", "PYTHONPROFILEIMPORTTIME")}
    env.setdefault("LANG", "C.UTF-8")
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
    def median(self) -> float:
        return statistics.median(l.sekunden for l in self.laeufe)

    @property
    def rss(self) -> float:
        return max(l.rss_mib for l in self.laeufe)

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
    d_tag: Reihe = field(default_factory=Reihe)  # zur Information: erster Lauf nach neuem Stichtag
    e_hilfe: Reihe = field(default_factory=Reihe)
    e_typer: Reihe = field(default_factory=Reihe)
    f: Reihe = field(default_factory=Reihe)
    g_text: Reihe = field(default_factory=Reihe)
    g_json: Reihe = field(default_factory=Reihe)
    g_zeilen: float = 0.0  # Zeilen der Textliste je Empfehlung
    befunde_b: dict = field(default_factory=dict)
    befunde_d: dict = field(default_factory=dict)
    kein_cache: bool = False
    mb: float = 0.0


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
        l = lauf(kalt, ausgabe_behalten=True)
        erg.b.laeufe.append(l)
        erg.befunde_b = zusammenfassung(l)
        if cj_aufrufe:
            teile = [lauf(c, cwd=wurzel) for c in cj_aufrufe]
            erg.c.laeufe.append(Lauf(sum(t.sekunden for t in teile), max(t.rss_mib for t in teile), max(t.rc for t in teile)))
            schlecht = [t for t in teile if t.rc != 0]
            if schlecht:
                erg.c_fehler = schlecht[0].fehlerausgabe[-500:].decode("utf-8", "replace")
        erg.e_hilfe.laeufe.append(lauf([netzwerk, "--help"]))
        erg.e_typer.laeufe.append(lauf([py, "-c", "import typer"]))
        erg.f.laeufe.append(lauf(advance))
        text = lauf(liste, ausgabe_behalten=True)
        erg.g_text.laeufe.append(text)
        als_json = lauf([*liste, "--format", "json"], ausgabe_behalten=True)
        erg.g_json.laeufe.append(als_json)
        try:
            erg.g_zeilen = text.ausgabe.count(b"\n") / max(1, len(json.loads(als_json.ausgabe)))
        except ValueError:
            erg.g_zeilen = float("nan")
        print(f"  Runde {i + 1}: a {erg.a.laeufe[-1].sekunden:.2f} s, b {erg.b.laeufe[-1].sekunden:.2f} s"
              + (f", c {erg.c.laeufe[-1].sekunden:.2f} s" if erg.c else "")
              + f", f {erg.f.laeufe[-1].sekunden:.2f} s"
              + f", g {erg.g_text.laeufe[-1].sekunden:.2f} s / {erg.g_json.laeufe[-1].sekunden:.2f} s", flush=True)

    # (d) warm: einmal vorweg prüfen (füllt einen etwaigen Cache), dann je Runde eine Datei ändern
    datei = wurzel / beschreibung["aenderungsdatei"]
    original = datei.read_bytes()
    try:
        lauf(validate)
        for i in range(wiederholungen):
            datei.write_bytes(original + f"notiz: Messlauf {i + 1} am {datetime.now():%Y-%m-%d %H:%M:%S}\n".encode())
            l = lauf(validate, ausgabe_behalten=True)
            erg.d.laeufe.append(l)
            erg.befunde_d = zusammenfassung(l)
        print(f"  d (warm, nach Änderung): {erg.d.median:.2f} s", flush=True)
    finally:
        datei.write_bytes(original)
    # Zur Information: ein anderer Stichtag (der erste Lauf eines neuen Tages) prüft alle
    # Querprüfungen neu, die Dateiprüfung kommt weiter aus dem Zwischenspeicher.
    for i in range(wiederholungen):
        tag = f"2027-01-{i + 1:02d}"
        erg.d_tag.laeufe.append(lauf([netzwerk, "validate", "--daten", wurzel, "--stichtag", tag, "--format", "json"]))
    print(f"  d' (warm, neuer Stichtag): {erg.d_tag.median:.2f} s", flush=True)
    return erg


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
            [sys.executable, "-m", "cProfile", "-o", ziel, "-m", "netzwerk_cli", "validate", "--daten", wurzel, "--stichtag", STICHTAG, "--format", "json"],
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
    return f"{x:,.{stellen}f}".replace(",", "\u202f").replace(".", ",")


def ja_nein(ok: bool | None) -> str:
    return "–" if ok is None else ("ja" if ok else "**nein**")


def tabelle(e: Ergebnis, basis: Ergebnis | None = None) -> tuple[list[str], dict]:
    """Markdown-Tabelle der Messung und die Zielerfüllung je Kennzahl."""
    a, b, d, f = e.a.median, e.b.median, e.d.median, e.f.median
    hilfe, typer_ = e.e_hilfe.median, e.e_typer.median
    gross = e.n >= GROSS
    hinweis_gross = "" if gross else f" (gemessen bei {z(e.n, 0)}; Ziel gilt bei {z(GROSS, 0)})"
    rss_netzwerk = max(e.b.rss, e.d.rss, e.d_tag.rss, e.f.rss)
    erfuellt = {
        "b/a": b / a <= ZIEL_B_ZU_A,
        "c/b": (e.c.median / b >= ZIEL_C_ZU_B) if e.c and e.c.ok else None,
        "d": d <= ZIEL_D_S,
        "e": hilfe / typer_ <= ZIEL_E,
        "f": f <= ZIEL_F_S,
        "rss": rss_netzwerk <= ZIEL_RSS_MIB,
        "g": (e.g_text.median / e.g_json.median <= ZIEL_G) if e.g_text.laeufe and e.g_json.laeufe else None,
    }
    zeilen = [
        "| | Messung | Median | Spitzen-RSS | Kennzahl | Ziel (Issue 6) | erfüllt |",
        "|---|---|---:|---:|---|---|---|",
        f"| (a) | Untergrenze: alle Dateien lesen + `yaml.load(…, CSafeLoader)` in einem Prozess | {z(a)} s | {z(e.a.rss, 0)} MiB | – | – | – |",
        f"| (b) | `netzwerk validate --format json` (kalt{', --kein-cache' if e.kein_cache else ''}) | {z(b)} s | {z(e.b.rss, 0)} MiB | b/a = {z(b / a)}× | b ≤ {z(ZIEL_B_ZU_A, 1)}× a | {ja_nein(erfuellt['b/a'])} |",
    ]
    if e.c is not None:
        c_text = f"c/b = {z(e.c.median / b)}" + ("" if e.c.ok else " (check-jsonschema meldete Fehler)")
        zeilen.append(
            f"| (c) | `check-jsonschema` nur Schemas ({e.c_prozesse} Prozesse, Summe) | {z(e.c.median)} s | {z(e.c.rss, 0)} MiB | {c_text} | c/b ≥ {z(ZIEL_C_ZU_B, 0)} | {ja_nein(erfuellt['c/b'])} |"
        )
    else:
        zeilen.append("| (c) | `check-jsonschema` nur Schemas | nur bei der ersten Größe gemessen (bzw. nicht verfügbar) | – | – | c/b ≥ 8 (gilt bei 10 000) | – |")
    zeilen += [
        f"| (d) | `netzwerk validate` nach Änderung einer Datei (warm) | {z(d)} s | {z(e.d.rss, 0)} MiB | d = {z(d)} s | ≤ {z(ZIEL_D_S, 1)} s bei {z(GROSS, 0)}{hinweis_gross} | {ja_nein(erfuellt['d'])} |",
        f"| (d′) | zur Information: `netzwerk validate` mit Zwischenspeicher an einem neuen Stichtag (erster Lauf des Tages: alle Querprüfungen neu) | {z(e.d_tag.median)} s | {z(e.d_tag.rss, 0)} MiB | – | – | – |",
        f"| (e) | `netzwerk --help` / `python -c \"import typer\"` | {z(hilfe)} s / {z(typer_)} s | {z(e.e_hilfe.rss, 0)} MiB | e = {z(hilfe / typer_)}× | ≤ {z(ZIEL_E, 1)}× | {ja_nein(erfuellt['e'])} |",
        f"| (f) | `netzwerk empfehlung advance … --dry-run` | {z(f)} s | {z(e.f.rss, 0)} MiB | f = {z(f)} s | ≤ {z(ZIEL_F_S, 1)} s bei {z(GROSS, 0)}{hinweis_gross} | {ja_nein(erfuellt['f'])} |",
        _zeile_g(e, erfuellt),
        f"| Speicher | höchster RSS von (b), (d), (d′), (f) | – | {z(rss_netzwerk, 0)} MiB | – | ≤ 1 GiB (1024 MiB) | {ja_nein(erfuellt['rss'])} |",
    ]
    if basis is not None:
        faktor = b / basis.b.median
        erfuellt["skalierung"] = faktor <= ZIEL_SKALIERUNG
        zeilen.append(
            f"| Skalierung | (b) bei {z(e.n, 0)} / (b) bei {z(basis.n, 0)} | – | – | {z(faktor)}× | ≤ {z(ZIEL_SKALIERUNG, 0)}× | {ja_nein(erfuellt['skalierung'])} |"
        )
    return zeilen, erfuellt


def _zeile_g(e: Ergebnis, erfuellt: dict) -> str:
    if not e.g_text.laeufe or not e.g_json.laeufe:
        return "| (g) | `netzwerk empfehlung list` Text / JSON | nicht gemessen | – | – | – | – |"
    t, j = e.g_text.median, e.g_json.median
    return (
        f"| (g) | `netzwerk empfehlung list` Text / `--format json` (80 Spalten, Pipe) | {z(t)} s / {z(j)} s | {z(e.g_text.rss, 0)} MiB "
        f"| g = {z(t / j)}×, {z(e.g_zeilen, 1)} Zeilen je Empfehlung | ≤ {z(ZIEL_G, 0)}× | {ja_nein(erfuellt['g'])} |"
    )


def rohwerte(e: Ergebnis) -> list[str]:
    def r(reihe: Reihe | None) -> str:
        return "–" if reihe is None else ", ".join(f"{z(l.sekunden)} s" for l in reihe.laeufe)

    return [
        f"* (a) {r(e.a)}",
        f"* (b) {r(e.b)}",
        f"* (c) {r(e.c)}",
        f"* (d) {r(e.d)}",
        f"* (d′) {r(e.d_tag)}",
        f"* (e) `--help` {r(e.e_hilfe)}; `import typer` {r(e.e_typer)}",
        f"* (f) {r(e.f)}",
        f"* (g) Text {r(e.g_text)}; JSON {r(e.g_json)}",
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
    return [
        f"* Python {platform.python_version()} ({sys.executable})",
        f"* PyYAML {yaml.__version__}, libyaml {libyaml}",
        f"* jsonschema {v('jsonschema')}, typer {v('typer')}, netzwerk-cli {v('netzwerk-cli')}",
        f"* check-jsonschema {cj_version} (eigene Umgebung)",
    ]


def bericht(ergebnisse: list[Ergebnis], cj: Path | None, wiederholungen: int, profil_text: str | None, dauer: float) -> str:
    jetzt = datetime.now()
    teile = [
        "# Messergebnisse (Issue 6)",
        "",
        f"Erzeugt von `python -m bench.run` am {jetzt:%d.%m.%Y um %H:%M} Uhr (Dauer {z(dauer / 60, 1)} min). "
        f"Medianwerte aus {wiederholungen} Wiederholungen; jeder Lauf ist ein eigener, frischer Prozess. "
        "Wie gemessen wird und was jede Zeile bedeutet: `bench/README.md`.",
        "",
        "Achtung: Die Maschine wird mit anderen Entwicklern geteilt, die gleichzeitig Tests laufen "
        "lassen. Einzelwerte schwanken deshalb; die Rohwerte stehen unten.",
        "",
        "## Maschine",
        "",
        *maschine(),
        "",
        "## Versionen",
        "",
        *versionen(cj),
        "",
    ]
    basis = None
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
            f"Befunde von (b): {e.befunde_b.get('fehler')} Fehler, {e.befunde_b.get('warnungen')} Warnungen; "
            f"von (d): {e.befunde_d.get('fehler')} Fehler, {e.befunde_d.get('warnungen')} Warnungen "
            "(erwartet: jeweils 0).",
            "",
        ]
        zeilen, _ = tabelle(e, basis if basis is not None and e.n > basis.n else None)
        teile += zeilen
        if not e.kein_cache:
            teile += ["", "`netzwerk validate` kennt (noch) keine Option `--kein-cache`; (b) und (d) unterscheiden sich nur darin, "
                      "dass vor (d) schon ein Lauf stattfand und eine Datei geändert wurde."]
        if e.c is not None and not e.c.ok:
            teile += ["", f"check-jsonschema meldete Fehler: `{e.c_fehler.strip()[:300]}`"]
        if any(not r.ok for r in (e.b, e.d, e.f)):
            teile += ["", "Mindestens ein netzwerk-Lauf endete nicht mit Exit-Code 0 (bei (b)/(d): Befunde; bei (f): Schritt abgelehnt)."]
        teile += ["", "Rohwerte je Wiederholung:", "", *rohwerte(e), ""]
        basis = basis or e
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


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.run", description="Laufzeit- und Speichermessung für Issue 6.")
    p.add_argument("--datensaetze", type=int, default=10000, metavar="N", help="Größe des Repositorys (Standard 10000)")
    p.add_argument("--wiederholungen", type=int, default=3, metavar="W", help="Wiederholungen je Messung, mindestens 3 (Standard 3)")
    p.add_argument("--skalierung", action="store_true", help=f"zusätzlich bei {GROSS} Datensätzen messen und den Skalierungsfaktor angeben")
    p.add_argument("--profil", action="store_true", help="zusätzlich einen validate-Lauf mit cProfile aufschlüsseln (Top 15)")
    p.add_argument("--seed", type=int, default=1, help="Seed des Generators (Standard 1)")
    p.add_argument("--zwischenspeicher", type=Path, default=Path(tempfile.gettempdir()) / "netzwerk-bench", help="Ordner für erzeugte Repositorys")
    p.add_argument("--cj-umgebung", type=Path, default=Path(tempfile.gettempdir()) / "netzwerk-bench-venv", help="virtuelle Umgebung für check-jsonschema")
    p.add_argument("--ohne-check-jsonschema", action="store_true", help="Messung (c) auslassen")
    p.add_argument("--ausgabe", type=Path, default=HIER / "ERGEBNISSE.md", help="Ergebnisdatei (Standard bench/ERGEBNISSE.md)")
    a = p.parse_args(argv)
    if a.wiederholungen < 3:
        p.error("mindestens 3 Wiederholungen (Median)")
    t0 = time.perf_counter()
    cj = None if a.ohne_check_jsonschema else check_jsonschema(a.cj_umgebung)
    groessen = [a.datensaetze] + ([GROSS] if a.skalierung and a.datensaetze != GROSS else [])
    # (c) nur bei der ersten Größe: das Ziel c/b ≥ 8 gilt bei 10 000, und check-jsonschema
    # bräuchte bei 100 000 Datensätzen allein etwa 20 Minuten je drei Wiederholungen.
    ergebnisse = [messen(n, a.seed, a.wiederholungen, a.zwischenspeicher, cj if i == 0 else None) for i, n in enumerate(groessen)]
    profil_text = None
    if a.profil:
        print("Profiliere validate …", flush=True)
        profil_text = profil(ergebnisse[0].wurzel)
    text = bericht(ergebnisse, cj, a.wiederholungen, profil_text, time.perf_counter() - t0)
    a.ausgabe.write_text(text, encoding="utf-8")
    print()
    basis = None
    for e in ergebnisse:
        print(f"N = {e.n}")
        zeilen, erfuellt = tabelle(e, basis if basis is not None else None)
        print("\n".join(zeilen))
        print()
        basis = basis or e
    if profil_text:
        print(profil_text)
    print(f"\nGeschrieben: {a.ausgabe}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
