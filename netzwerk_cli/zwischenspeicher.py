"""Zwischenspeicher der Dateiprüfung (das einzige Modul, das ihn liest und schreibt).

Gespeichert wird je Datei das Ergebnis von `dateipruefung` (Daten, Befunde, lesbar, gültig)
mit der SHA-256-Prüfsumme des Inhalts. Gültig ist ein Eintrag nur für genau diese Bytes und
nur für dieselbe Werkzeugfassung: die Kennung jeder Datei des Speichers enthält das Format,
die Version, eine Prüfsumme über den Programmcode und die Schemas sowie die Python-Version.
Wie bei Git wird der Inhalt nur neu gelesen, wenn sich Größe, Zeitstempel oder Inode geändert
haben; Einträge von Dateien, die gerade eben geändert wurden („racy“), werden beim nächsten
Mal über die Prüfsumme bestätigt.

Ort: `.git/netzwerk/` im Repository, sonst `$XDG_CACHE_HOME/netzwerk/` (bzw. `~/.cache`);
`NETZWERK_CACHE_ORDNER` legt ihn fest, `NETZWERK_KEIN_CACHE=1` oder `validate --kein-cache`
schalten ihn ab. Ein beschädigter oder fremder Speicher wird still verworfen und neu gebaut;
ein Speicher, der sich nicht schreiben lässt, wird übergangen. Prüfungen über mehrere
Datensätze (Verweise, Sitzregeln, Lebenszyklus …) werden nie gespeichert, sie laufen immer neu.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import time
import zlib
from pathlib import Path
from typing import Callable

from netzwerk_cli.dateipruefung import Ergebnis
from netzwerk_cli.yamlio import schreibe_bytes_atomar

FORMAT = 1
TEILE = 64  # Dateien des Speichers; geschrieben werden nur geänderte
_MAGIE = b"NWZS"
_UNSICHER_NS = 2_000_000_000  # jünger als 2 s beim Speichern: Zeitstempel nicht trauen


def oeffnen(wurzel: Path) -> Speicher | None:
    if os.environ.get("NETZWERK_KEIN_CACHE", "").strip() not in ("", "0"):
        return None
    try:
        return Speicher(_ordner(wurzel), kennung())
    except OSError:
        return None


def _ordner(wurzel: Path) -> Path:
    eigen = os.environ.get("NETZWERK_CACHE_ORDNER")
    schluessel = hashlib.sha256(str(Path(wurzel).resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]
    if eigen:
        return Path(eigen) / schluessel
    for ort in (wurzel, *wurzel.parents):
        git = ort / ".git"
        if git.is_dir():
            return git / "netzwerk" / schluessel
        if git.exists():  # Worktree oder Submodul (.git ist eine Datei)
            break
    basis = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(basis) / "netzwerk" / schluessel


_kennung: bytes | None = None


def kennung() -> bytes:
    """32 Bytes: Format, Werkzeugversion, Programmcode, Schemas, Python – ändert sich eins, ist alles ungültig."""
    global _kennung
    if _kennung is None:
        from netzwerk_cli import __version__, schemata

        h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{sys.byteorder}|{schemata.schema_hash()}".encode())
        paket = Path(__file__).resolve().parent
        for datei in sorted(paket.rglob("*.py")):
            h.update(datei.relative_to(paket).as_posix().encode())
            h.update(datei.read_bytes())
        _kennung = h.digest()
    return _kennung


class Speicher:
    def __init__(self, ordner: Path, kennung_: bytes):
        self.ordner = ordner
        self.kennung = kennung_
        self.teile: list[dict | None] = [None] * TEILE  # None: noch nicht gelesen
        self.geaendert: set[int] = set()

    # ----------------------------------------------------------------- lesen

    def _teil(self, nr: int) -> dict:
        teil = self.teile[nr]
        if teil is None:
            teil = self._lies_teil(nr)
            self.teile[nr] = teil
        return teil

    def _lies_teil(self, nr: int) -> dict:
        try:
            with open(self.ordner / f"teil-{nr:02d}.bin", "rb") as f:
                roh = f.read()
        except OSError:
            return {}
        kopf = len(_MAGIE) + len(self.kennung) + 4
        if len(roh) < kopf or roh[: len(_MAGIE)] != _MAGIE or roh[len(_MAGIE) : kopf - 4] != self.kennung:
            self.geaendert.add(nr)  # fremd oder veraltet: neu schreiben
            return {}
        nutzlast = memoryview(roh)[kopf:]
        if zlib.crc32(nutzlast) != int.from_bytes(roh[kopf - 4 : kopf], "big"):
            self.geaendert.add(nr)
            return {}
        try:
            teil = marshal.loads(nutzlast)
        except (ValueError, EOFError, TypeError):
            self.geaendert.add(nr)
            return {}
        if not isinstance(teil, dict):
            self.geaendert.add(nr)
            return {}
        return teil

    def ergebnisse(
        self,
        auftraege: list[tuple[str, Path, str]],
        rechne: Callable[[list[tuple[str, Path, str]]], list[Ergebnis]],
        alle: bool = True,
    ) -> list[Ergebnis]:
        """Ergebnisse in der Reihenfolge der Aufträge: aus dem Speicher, sonst über `rechne`.
        `alle`: die Aufträge sind alle Dateien des Repositorys (dann werden Einträge anderer
        Dateien entfernt); sonst ein Teil (z. B. nur die Empfehlungen)."""
        ergebnisse: list[Ergebnis | None] = [None] * len(auftraege)
        offen: list[int] = []
        stats: list[tuple | None] = [None] * len(auftraege)
        jetzt = time.time_ns()
        for i, (_, pfad, datei) in enumerate(auftraege):
            try:
                st = os.stat(pfad)
                stats[i] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
            except OSError:
                offen.append(i)
                continue
            eintrag = self._teil(self._nummer(datei)).get(datei)
            erg = self._aus_eintrag(eintrag, stats[i], pfad)
            if erg is None:
                offen.append(i)
            else:
                ergebnisse[i] = erg
                if eintrag[0] != stats[i] and not self._jung(stats[i], jetzt):
                    self._ablegen(datei, stats[i], erg, jetzt)  # Inhalt gleich, Zeitstempel neu
        if offen:
            neu = rechne([auftraege[i] for i in offen])
            for i, erg in zip(offen, neu):
                ergebnisse[i] = erg
                if stats[i] is not None and erg.pruefsumme:
                    self._ablegen(auftraege[i][2], stats[i], erg, jetzt)
        if alle:
            self._aufraeumen({datei for _, _, datei in auftraege})
        return ergebnisse  # type: ignore[return-value]

    def _aus_eintrag(self, eintrag, stat_jetzt: tuple, pfad: Path) -> Ergebnis | None:
        try:
            gespeichert, summe, daten, befunde, lesbar, gueltig = eintrag
            if gespeichert != stat_jetzt:
                if not summe:
                    return None
                # Zeitstempel anders (z. B. git checkout, touch) oder zu jung: Inhalt vergleichen
                with open(pfad, "rb") as f:
                    if hashlib.sha256(f.read()).hexdigest() != summe:
                        return None
            return Ergebnis(daten, tuple(tuple(b) for b in befunde), bool(lesbar), bool(gueltig), summe)
        except (TypeError, ValueError, OSError):  # kein oder kaputter Eintrag
            return None

    # ----------------------------------------------------------------- schreiben

    @staticmethod
    def _nummer(datei: str) -> int:
        return zlib.crc32(datei.encode("utf-8", "surrogatepass")) % TEILE

    @staticmethod
    def _jung(stat_: tuple, jetzt: int) -> bool:
        return jetzt - max(stat_[1], stat_[3]) < _UNSICHER_NS

    def _ablegen(self, datei: str, stat_: tuple, erg: Ergebnis, jetzt: int) -> None:
        # Gerade geänderte Dateien: Zeitstempel nicht als Beweis nehmen (nächstes Mal Prüfsumme)
        gespeichert = (-1, -1, -1, -1) if self._jung(stat_, jetzt) else stat_
        nr = self._nummer(datei)
        self._teil(nr)[datei] = (gespeichert, erg.pruefsumme, erg.daten, erg.befunde, erg.lesbar, erg.gueltig)
        self.geaendert.add(nr)

    def _aufraeumen(self, vorhanden: set[str]) -> None:
        """Einträge gelöschter oder umbenannter Dateien entfernen (alle Teile, auch die ohne
        heutige Dateien): der Speicher soll nichts länger aufheben als das Repository selbst."""
        for nr in range(TEILE):
            teil = self._teil(nr)
            if teil:
                weg = [d for d in teil if d not in vorhanden]
                for d in weg:
                    del teil[d]
                if weg:
                    self.geaendert.add(nr)

    def speichern(self) -> None:
        """Schreibt geänderte Teile atomar (temporäre Datei + rename); Fehler werden übergangen."""
        if not self.geaendert:
            return
        try:
            self.ordner.mkdir(parents=True, exist_ok=True)
            for nr in sorted(self.geaendert):
                nutzlast = marshal.dumps(self.teile[nr] or {})
                kopf = _MAGIE + self.kennung + zlib.crc32(nutzlast).to_bytes(4, "big")
                schreibe_bytes_atomar(self.ordner / f"teil-{nr:02d}.bin", kopf + nutzlast, sichern=False)
        except (OSError, ValueError):
            pass  # nur ein Zwischenspeicher: Prüfen geht auch ohne
        self.geaendert.clear()
