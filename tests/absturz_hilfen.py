"""Hilfen für die Absturztests (`tests/test_absturz.py`).

Als Modul: ein winziges Datenrepository mit Empfehlungen in passenden Zuständen.

Als Skript: ein Hüllprogramm, das die echte CLI (`netzwerk …`, derselbe Einstieg `run()` wie
das installierte Programm) in einem eigenen Prozess startet und sich über einen Audit-Hook
(`sys.addaudithook`) beim k-ten Ein-/Ausgabeschritt im Datenrepository selbst mit SIGKILL
beendet – so hart wie ein Stromausfall für den Prozess: keine `finally`-Blöcke, kein
Aufräumen, keine Ausgabe.

    python absturz_hilfen.py MODUS PROTOKOLL WURZEL -- netzwerk-argumente…

Schneller Weg für viele Läufe: `gabel(MODUS, WURZEL, ARGS, AUSGABE)` spaltet den Testprozess
mit os.fork() ab (die Module sind dann schon geladen) und tut im Kind dasselbe.

MODUS:
  zaehlen            nichts töten; alle relevanten Ereignisse (mit Zeitstempel) als JSON
                     nach PROTOKOLL schreiben
  k:N                beim N-ten relevanten Ereignis sofort SIGKILL (vor dem Schritt selbst)
  k:N:t:MIKROSEK     beim N-ten Ereignis einen Zeitgeber starten, der nach MIKROSEK µs
                     SIGKILL sendet (trifft Punkte zwischen den Ereignissen: während des
                     Schreibens, zwischen write und fsync, nach dem rename …)
  halt:PRÄFIX        beim ersten Ereignis, dessen Beschreibung mit PRÄFIX beginnt, anhalten:
                     „ANGEHALTEN <beschreibung>“ auf stderr, dann bis zu einer Zeile auf stdin
                     warten (für Nebenläufigkeitstests: ein Prozess steht nachweislich vor
                     oder in der Sperre, während der Test einen zweiten startet)
  laufen             nichts tun (derselbe Start wie in den anderen Modi)

Relevante Ereignisse sind Schritte, die das Datenrepository verändern oder sperren können:
schreibendes `open` (auch `os.open` mit O_CREAT/O_WRONLY/O_RDWR und schreibendes `os.fdopen`), `open`
eines Ordners (flock, fsync des Ordners), `tempfile.mkstemp`, `os.rename`/`os.replace`,
`os.remove`/`os.unlink`, `os.chmod`, `os.mkdir`, `os.truncate` – jeweils nur innerhalb von
WURZEL (bzw. über einen Dateideskriptor).
"""

from __future__ import annotations

import os
import sys

# --------------------------------------------------------------------------- winziges Repository

ID_ENTWURF = "2026-001"
ID_WEITER = "2026-002"
DATEI_ENTWURF = f"empfehlungen/2026/{ID_ENTWURF}.yaml"
DATEI_WEITER = f"empfehlungen/2026/{ID_WEITER}.yaml"
DATEI_NEU = "empfehlungen/2025/2025-001.yaml"  # neuer Jahresordner: auch mkdir wird unterbrochen (in der Vergangenheit: verlauf-zukunft)
STICHTAG = "2026-11-21"

DATEIEN = {
    "organisationen/kreis.yaml": "name: Landkreis Testkreis\ntyp: landkreis\n",
    "organisationen/amt-a.yaml": "name: Amt A\ntyp: amt\nuebergeordnet: kreis\n",
    "gremien/testgremium.yaml": (
        "name: Testgremium\nart: steuerungsgruppe\norganisation: kreis\n"
        "sitzungen_pro_jahr: {min: 0, max: 6}\n"
    ),
    "arbeitsgruppen/ag-test.yaml": (
        # überfällig am Stichtag: eine Warnung, damit „dieselben Befunde wie vorher“ etwas vergleicht
        "name: AG Test\neingesetzt_von: testgremium\nstatus: aktiv\nbeginn: 2026-01-01\nende_geplant: 2026-06-30\n"
    ),
    DATEI_ENTWURF: (
        "# Kommentar bleibt stehen\n"
        "titel: Sprechstunde Wohnen\n"
        "text: Das Amt richtet eine Sprechstunde ein.\n"
        "arbeitsgruppe: ag-test\n"
        "entscheidungsgremium: testgremium\n"
        "status: entwurf\n"
        "verlauf:\n"
        "  - status: entwurf\n"
        "    datum: 2026-02-01\n"
    ),
    DATEI_WEITER: (
        "titel: Beratung im Amt\n"
        "text: Das Amt berät.\n"
        "arbeitsgruppe: ag-test\n"
        "entscheidungsgremium: testgremium\n"
        "adressaten:\n"
        "  - amt-a\n"
        "status: weitergeleitet\n"
        "verlauf:\n"
        "  - {status: entwurf, datum: 2026-01-10}\n"
        "  - {status: eingereicht, datum: 2026-02-01}\n"
        "  - {status: beschlossen, datum: 2026-03-01, sitzung: testgremium-2026-03-01}\n"
        "  - {status: weitergeleitet, datum: 2026-03-10}\n"
    ),
    "sitzungen/2026/testgremium-2026-03-01.yaml": (
        "gremium: testgremium\ndatum: 2026-03-01\nstatus: durchgefuehrt\n"
        "tagesordnung:\n  - nummer: 1\n    titel: Empfehlung\n    empfehlungen: [\"2026-002\"]\n"
        "    beschluss: {ergebnis: angenommen}\n"
    ),
}


# --------------------------------------------------------------------------- Hüllprogramm

_SCHREIBEND = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
_PFAD_EREIGNISSE = {
    "os.rename": 0,  # auch os.replace
    "os.remove": 0,  # auch os.unlink
    "os.chmod": 0,
    "os.mkdir": 0,
    "os.truncate": 0,
    "tempfile.mkstemp": 0,
    "os.rmdir": 0,
    "os.link": 1,
    "os.symlink": 1,
}


def _innen(pfad, wurzel: str) -> bool:
    if isinstance(pfad, int):
        return False
    try:
        p = os.path.abspath(os.fsdecode(pfad))
    except (TypeError, ValueError):
        return False
    return p == wurzel or p.startswith(wurzel + os.sep)


def relevant(ereignis: str, args: tuple, wurzel: str) -> str | None:
    """Kurzbeschreibung des Ereignisses, wenn es das Datenrepository betrifft, sonst None."""
    if ereignis == "open":
        pfad, modus, flags = (tuple(args) + (None, None, None))[:3]
        if isinstance(pfad, int):  # os.fdopen: nur schreibend relevant
            return f"open fd {pfad} {modus}" if isinstance(modus, str) and any(c in modus for c in "wax+") else None
        if not _innen(pfad, wurzel):
            return None
        schreibt = (isinstance(modus, str) and any(c in modus for c in "wax+")) or (
            isinstance(flags, int) and bool(flags & _SCHREIBEND)
        )
        if schreibt or os.path.isdir(pfad):
            return f"open {os.path.relpath(os.fsdecode(pfad), wurzel)} {modus or flags}"
        return None
    if ereignis in _PFAD_EREIGNISSE:
        pfad = args[_PFAD_EREIGNISSE[ereignis]] if args else None
        if _innen(pfad, wurzel):
            return f"{ereignis} {os.path.relpath(os.fsdecode(pfad), wurzel)}"
    return None


class Haken:
    """Der Audit-Hook: zählt relevante Ereignisse und tötet, hält an oder protokolliert (MODUS)."""

    def __init__(self, modus: str, wurzel: str):
        teile = modus.split(":", 1) if modus.startswith("halt:") else modus.split(":")
        self.wurzel = os.path.realpath(wurzel)
        self.zaehlen = teile[0] == "zaehlen"
        self.halt = teile[1] if teile[0] == "halt" else None
        self.ziel = int(teile[1]) if teile[0] == "k" else 0
        self.verzoegerung = int(teile[3]) / 1e6 if teile[0] == "k" and len(teile) == 4 else None
        self.ereignisse: list[list] = []  # [nr, zeit, beschreibung] im Zählmodus
        self.n = 0
        self._innen = False
        self._angehalten = False
        self.zeitgeber = None  # gestarteter Zeitgeber (Modus k:N:t:…)

    def zeitgeber_abwarten(self) -> None:
        """Ist der Befehl fertig, bevor der Zeitgeber feuert (auf einer ausgelasteten Maschine
        kommt der Zeitgeber-Thread erst spät zum Zug), endet der Prozess nicht vorher: Der
        Abbruch trifft dann den Punkt nach dem letzten Schritt – auch ein gültiger Zeitpunkt."""
        if self.zeitgeber is not None:
            self.zeitgeber.join()

    @staticmethod
    def _toeten() -> None:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)

    def __call__(self, ereignis: str, args: tuple) -> None:
        if self._innen:
            return
        self._innen = True
        try:
            beschreibung = relevant(ereignis, args, self.wurzel)
            if beschreibung is None:
                return
            self.n += 1
            if self.zaehlen:
                import time

                self.ereignisse.append([self.n, time.perf_counter(), beschreibung])
            elif self.halt is not None and not self._angehalten and beschreibung.startswith(self.halt):
                self._angehalten = True
                sys.stderr.write(f"ANGEHALTEN {beschreibung}\n")
                sys.stderr.flush()
                sys.stdin.readline()
            elif self.n == self.ziel:
                if self.verzoegerung is None:
                    self._toeten()
                else:
                    import threading

                    t = threading.Timer(self.verzoegerung, self._toeten)
                    t.daemon = True
                    t.start()
                    self.zeitgeber = t
        finally:
            self._innen = False


def _installieren(modus: str, wurzel: str) -> Haken:
    haken = Haken(modus, wurzel)
    sys.setswitchinterval(1e-5)  # ein Zeitgeber-Thread kommt schnell zum Zug
    sys.addaudithook(haken)  # lässt sich nicht mehr entfernen: nur im Kindprozess aufrufen
    return haken


def _cli(args: list[str]) -> int:
    """Die CLI wie der Einstiegspunkt `netzwerk` (netzwerk_cli.__main__) – mit Exit-Code statt Ende."""
    sys.argv = ["netzwerk", *args]
    from netzwerk_cli.cli import run

    try:
        run()
    except SystemExit as e:
        return e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    return 0


def gabel(modus: str, wurzel, args: list[str], ausgabe) -> tuple[int, list]:
    """Startet die CLI in einem mit os.fork() abgespaltenen Kindprozess (schnell: die Module sind
    schon geladen) mit dem Haken; liefert (Exit-Code, negativ bei Signal; Ereignisse im
    Zählmodus). stdout und stderr des Kinds landen in der Datei `ausgabe`."""
    import json

    protokoll = f"{ausgabe}.ereignisse.json"
    pid = os.fork()
    if pid == 0:  # pragma: no cover - Kindprozess
        code = 70
        try:
            fd = os.open(ausgabe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            sys.stdout = open(1, "w", encoding="utf-8", closefd=False)
            sys.stderr = open(2, "w", encoding="utf-8", closefd=False)
            sys.stdin = open(os.devnull, encoding="utf-8")
            protokoll_datei = open(protokoll, "w", encoding="utf-8")  # vor dem Haken geöffnet
            haken = _installieren(modus, str(wurzel))
            code = _cli([str(a) for a in args])
            haken.zeitgeber_abwarten()
            json.dump(haken.ereignisse, protokoll_datei)
            protokoll_datei.close()
        except BaseException:
            import traceback

            traceback.print_exc()
        finally:
            try:
                sys.stdout.flush()
                sys.stderr.flush()
            finally:
                os._exit(code)
    _, status = os.waitpid(pid, 0)
    code = os.waitstatus_to_exitcode(status)
    try:
        with open(protokoll, encoding="utf-8") as f:
            ereignisse = json.load(f)
    except (OSError, ValueError):
        ereignisse = []
    return code, ereignisse


def _hauptprogramm(argv: list[str]) -> None:  # pragma: no cover - läuft im eigenen Prozess
    import json

    modus, protokoll, wurzel = argv[0], argv[1], os.path.realpath(argv[2])
    assert argv[3] == "--"
    if modus == "zaehlen":
        import atexit

        ausgabe = open(protokoll, "w", encoding="utf-8")  # vor dem Haken geöffnet
        haken = _installieren(modus, wurzel)

        @atexit.register
        def _schreiben() -> None:
            json.dump(haken.ereignisse, ausgabe)
            ausgabe.close()

    else:
        haken = _installieren(modus, wurzel)
    code = _cli(argv[4:])
    haken.zeitgeber_abwarten()
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    _hauptprogramm(sys.argv[1:])
