"""Zwischenspeicher von `validate` (das einzige Modul, das ihn liest und schreibt).

Drei Teile, alle im selben Ordner:

* **Metadaten je Datei** (`meta-NN.bin`, 64 Teile): Zeitstempel-Schlüssel, SHA-256 des
  Inhalts, Dateibefunde (YAML, Schema), lesbar/gültig und die Werte der Indexfelder
  (`grundlagen.arten.INDEXFELDER`). Sie werden bei jedem Lauf ganz gelesen.
* **Daten je Datei** (`daten-NNNN.bin`, 1024 Teile): der gelesene Inhalt, mit seiner
  Prüfsumme. Gelesen wird nur der Teil, dessen Datensatz eine Prüfung braucht.
* **Querprüfung** (`quer.bin`, `abh-NNN.bin`): Befunde der Prüfungen über mehrere
  Datensätze je Subjekt, mit dem Stand (Prüfsumme je Datei), gegen den sie gelten, und den
  umgekehrten Abhängigkeiten (Schlüssel → Nummern der Subjekte), siehe `querpruefung`.

Gültig ist ein Eintrag nur für genau diese Bytes und nur für dieselbe Werkzeugfassung: die
Kennung jeder Datei des Speichers enthält das Format, die Version, eine Prüfsumme über den
Programmcode und die Schemas sowie die Python-Version. Wie bei Git wird der Inhalt nur neu
gelesen, wenn sich Größe, Zeitstempel oder Inode geändert haben; Einträge von Dateien, die
gerade eben geändert wurden („racy“), werden beim nächsten Mal über die Prüfsumme bestätigt.
Daten werden nur genommen, wenn ihre Prüfsumme zu der der Metadaten passt. Jeder Teil der
Abhängigkeiten trägt eine Generation, die `quer.bin` erwartet: schreiben zwei Läufe zugleich,
passt sie nicht, und der nächste Lauf prüft alles neu.

Ort: `.git/netzwerk/` im Repository, sonst `$XDG_CACHE_HOME/netzwerk/` (bzw. `~/.cache`);
`NETZWERK_CACHE_ORDNER` legt ihn fest, `NETZWERK_KEIN_CACHE=1` oder `validate --kein-cache`
schalten ihn ab. Ein beschädigter oder fremder Speicher wird still verworfen und neu gebaut;
ein Speicher, der sich nicht schreiben lässt, wird übergangen.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import time
import zlib
from pathlib import Path
from typing import Callable, Iterable

from netzwerk_cli.grundlagen.ergebnis import Ergebnis
from netzwerk_cli.quellen.yamlio import schreibe_bytes_atomar

FORMAT = 2
META_TEILE = 64
DATEN_TEILE = 1024
ABH_TEILE = 256
_MAGIE = b"NWZS"
_UNSICHER_NS = 2_000_000_000  # jünger als 2 s beim Speichern: Zeitstempel nicht trauen


def oeffnen(wurzel: Path, kennung: bytes) -> Speicher | None:
    """Der Speicher dieses Repositorys; `kennung` fasst zusammen, wovon die Einträge abhängen
    (Werkzeug, Schemas; `dateipruefung.werkzeug_kennung`). None: abgeschaltet oder nicht nutzbar."""
    if os.environ.get("NETZWERK_KEIN_CACHE", "").strip() not in ("", "0"):
        return None
    try:
        return Speicher(_ordner(wurzel), kennung)
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


def _nummer(text: str, teile: int) -> int:
    return zlib.crc32(text.encode("utf-8", "surrogatepass")) % teile


class Speicher:
    def __init__(self, ordner: Path, kennung_: bytes):
        self.ordner = ordner
        self.kennung = kennung_
        self._geladen: dict[str, object] = {}  # Dateiname -> Inhalt
        self.geaendert: set[str] = set()
        self._neuaufbau = False  # fremder/kaputter Speicher: beim Schreiben alles Alte löschen

    # ----------------------------------------------------------------- Dateien des Speichers

    def _lies(self, name: str) -> object | None:
        """Inhalt einer Speicherdatei; None, wenn sie fehlt, fremd oder kaputt ist."""
        try:
            with open(self.ordner / name, "rb") as f:
                roh = f.read()
        except OSError:
            return None
        kopf = len(_MAGIE) + len(self.kennung) + 4
        if len(roh) < kopf or roh[: len(_MAGIE)] != _MAGIE or roh[len(_MAGIE) : kopf - 4] != self.kennung:
            self._neuaufbau = True  # fremd oder veraltet
            return None
        nutzlast = memoryview(roh)[kopf:]
        if zlib.crc32(nutzlast) != int.from_bytes(roh[kopf - 4 : kopf], "big"):
            self._neuaufbau = True
            return None
        try:
            return marshal.loads(nutzlast)
        except (ValueError, EOFError, TypeError):
            self._neuaufbau = True
            return None

    def _dict(self, name: str) -> dict:
        inhalt = self._geladen.get(name)
        if inhalt is None:
            inhalt = self._lies(name)
            if not isinstance(inhalt, dict):
                inhalt = {}
            self._geladen[name] = inhalt
        return inhalt  # type: ignore[return-value]

    def _setzen(self, name: str, inhalt: object) -> None:
        self._geladen[name] = inhalt
        self.geaendert.add(name)

    def speichern(self) -> None:
        """Schreibt geänderte Dateien atomar (temporäre Datei + rename), `quer.bin` zuletzt.
        Fehler werden übergangen: es ist nur ein Zwischenspeicher."""
        if not self.geaendert:
            return
        try:
            self.ordner.mkdir(parents=True, exist_ok=True)
            if self._neuaufbau:
                self._altes_loeschen()
            elif (self.ordner / "teil-00.bin").exists():  # Format 1: ganz ersetzen
                self._altes_loeschen()
            for name in sorted(self.geaendert, key=lambda n: n == "quer.bin"):
                nutzlast = marshal.dumps(self._geladen[name])
                kopf = _MAGIE + self.kennung + zlib.crc32(nutzlast).to_bytes(4, "big")
                schreibe_bytes_atomar(self.ordner / name, kopf + nutzlast, sichern=False)
        except (OSError, ValueError):
            pass
        self.geaendert.clear()

    def _altes_loeschen(self) -> None:
        """Nach einem fremden oder kaputten Teil: alle nicht neu geschriebenen Dateien löschen
        (sonst blieben z. B. Daten gelöschter Datensätze in unberührten Teilen liegen)."""
        for eintrag in os.scandir(self.ordner):
            if eintrag.name.endswith(".bin") and eintrag.name not in self.geaendert:
                try:
                    os.unlink(eintrag.path)
                except OSError:
                    pass
        self._neuaufbau = False

    # ----------------------------------------------------------------- Dateiprüfung

    @staticmethod
    def _meta_name(nr: int) -> str:
        return f"meta-{nr:02d}.bin"

    def _meta(self, datei: str) -> dict:
        return self._dict(self._meta_name(_nummer(datei, META_TEILE)))

    def _daten_teil(self, datei: str) -> dict:
        return self._dict(f"daten-{_nummer(datei, DATEN_TEILE):04d}.bin")

    def abgleichen(
        self, auftraege: list[tuple[str, str, str]], rechne: Callable[[list], list[Ergebnis]], alle: bool = True
    ) -> tuple[list[tuple], dict[str, Ergebnis]]:
        """Metadaten je Auftrag (art, pfad, datei), in dieser Reihenfolge, und die Ergebnisse der
        neu geprüften Dateien. Ein Metadaten-Eintrag ist (stat, prüfsumme, befunde, lesbar,
        gültig, kopf). `alle`: die Aufträge sind alle Dateien des Repositorys (dann werden
        Einträge anderer Dateien entfernt); sonst ein Teil (z. B. nur die Empfehlungen)."""
        from netzwerk_cli.grundlagen.arten import indexwerte

        eintraege: list[tuple | None] = [None] * len(auftraege)
        stats: list[tuple | None] = [None] * len(auftraege)
        offen: list[int] = []
        jetzt = time.time_ns()
        metas = [self._dict(self._meta_name(nr)) for nr in range(META_TEILE)]
        crc32, stat = zlib.crc32, os.stat
        for i, (_, pfad, datei) in enumerate(auftraege):
            try:
                st = stat(pfad)
            except OSError:
                offen.append(i)
                continue
            stat_ = stats[i] = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns)
            meta = metas[crc32(datei.encode("utf-8", "surrogatepass")) % META_TEILE]
            e = meta.get(datei)
            if e.__class__ is tuple and len(e) == 6 and e[0] == stat_:
                eintraege[i] = e
            elif self._inhalt_gleich(e, pfad):
                eintraege[i] = e
                if not self._jung(stat_, jetzt):
                    meta[datei] = (stat_, *e[1:])  # Inhalt gleich, Zeitstempel neu
                    self.geaendert.add(self._meta_name(_nummer(datei, META_TEILE)))
            else:
                offen.append(i)
        frisch: dict[str, Ergebnis] = {}
        if offen:
            for i, erg in zip(offen, rechne([auftraege[i] for i in offen])):
                art, _, datei = auftraege[i]
                stat_ = stats[i]
                gespeichert = (-1, -1, -1, -1) if stat_ is None or self._jung(stat_, jetzt) else stat_
                e = eintraege[i] = (gespeichert, erg.pruefsumme, erg.befunde, erg.lesbar, erg.gueltig, indexwerte(art, erg.daten))
                frisch[datei] = erg
                if stat_ is not None and erg.pruefsumme:
                    self._meta(datei)[datei] = e
                    self.geaendert.add(self._meta_name(_nummer(datei, META_TEILE)))
                    self._daten_ablegen(datei, erg.pruefsumme, erg.daten)
        if alle:
            self._aufraeumen({datei for _, _, datei in auftraege})
        return eintraege, frisch  # type: ignore[return-value]

    @staticmethod
    def _inhalt_gleich(e: object, pfad: str) -> bool:
        """Zeitstempel anders (git checkout, touch) oder gespeichert als „zu jung“: Inhalt vergleichen."""
        if e.__class__ is not tuple or len(e) != 6 or not e[1]:  # type: ignore[arg-type]
            return False
        try:
            with open(pfad, "rb") as f:
                return hashlib.sha256(f.read()).hexdigest() == e[1]  # type: ignore[index]
        except OSError:
            return False

    @staticmethod
    def _jung(stat_: tuple, jetzt: int) -> bool:
        return jetzt - max(stat_[1], stat_[3]) < _UNSICHER_NS

    def daten(self, datei: str, pruefsumme: str) -> object | None:
        """Der gespeicherte Inhalt einer Datei, wenn er zu `pruefsumme` gehört, sonst None."""
        e = self._daten_teil(datei).get(datei)
        if e.__class__ is tuple and len(e) == 2 and e[0] == pruefsumme:
            return e[1]
        return None

    def _daten_ablegen(self, datei: str, pruefsumme: str, daten: object) -> None:
        self._daten_teil(datei)[datei] = (pruefsumme, daten)
        self.geaendert.add(f"daten-{_nummer(datei, DATEN_TEILE):04d}.bin")

    def ergebnisse(
        self, auftraege: list[tuple[str, str, str]], rechne: Callable[[list], list[Ergebnis]], alle: bool = True
    ) -> list[Ergebnis]:
        """Vollständige Ergebnisse (mit Daten) in der Reihenfolge der Aufträge: aus dem Speicher,
        sonst über `rechne`."""
        eintraege, frisch = self.abgleichen(auftraege, rechne, alle)
        ergebnisse: list[Ergebnis | None] = []
        fehlt: list[int] = []
        for i, ((_, _, datei), e) in enumerate(zip(auftraege, eintraege)):
            erg = frisch.get(datei)
            if erg is None:
                daten = self.daten(datei, e[1]) if e[3] else None
                if e[3] and daten is None:
                    fehlt.append(i)  # Daten fehlen (kaputter Teil): neu prüfen
                else:
                    erg = Ergebnis(daten, e[2], bool(e[3]), bool(e[4]), e[1])
            ergebnisse.append(erg)
        if fehlt:
            for i, erg in zip(fehlt, rechne([auftraege[i] for i in fehlt])):
                ergebnisse[i] = erg
                if erg.pruefsumme and erg.pruefsumme == eintraege[i][1]:
                    self._daten_ablegen(auftraege[i][2], erg.pruefsumme, erg.daten)
        return ergebnisse  # type: ignore[return-value]

    def _aufraeumen(self, vorhanden: set[str]) -> None:
        """Einträge gelöschter oder umbenannter Dateien entfernen (Metadaten und Daten): der
        Speicher soll nichts länger aufheben als das Repository selbst."""
        for nr in range(META_TEILE):
            name = self._meta_name(nr)
            meta = self._dict(name)
            weg = [d for d in meta if d not in vorhanden]
            for d in weg:
                del meta[d]
                teil = self._daten_teil(d)
                if teil.pop(d, None) is not None:
                    self.geaendert.add(f"daten-{_nummer(d, DATEN_TEILE):04d}.bin")
            if weg:
                self.geaendert.add(name)

    # ----------------------------------------------------------------- Querprüfung

    def quer(self) -> dict | None:
        """Der gespeicherte Zustand der Querprüfung oder None."""
        zustand = self._dict("quer.bin")
        noetig = ("kontext", "stand", "koepfe", "befunde", "subjekte", "generationen")
        if not all(k in zustand for k in noetig) or len(zustand["generationen"]) != ABH_TEILE:
            return None
        return zustand

    def quer_setzen(self, zustand: dict) -> None:
        self._setzen("quer.bin", zustand)

    def quer_verwerfen(self) -> None:
        self._setzen("quer.bin", {})

    def _abh_teil(self, nr: int) -> tuple[int, dict] | None:
        inhalt = self._geladen.get(f"abh-{nr:03d}.bin")
        if inhalt is None:
            inhalt = self._lies(f"abh-{nr:03d}.bin")
            self._geladen[f"abh-{nr:03d}.bin"] = inhalt
        if inhalt.__class__ is tuple and len(inhalt) == 2 and isinstance(inhalt[1], dict):  # type: ignore[union-attr]
            return inhalt  # type: ignore[return-value]
        return None

    def abhaengige(self, schluessel: Iterable[str], generationen: list) -> set[int] | None:
        """Die Nummern aller Subjekte, die von einem der Schlüssel abhängen; None, wenn ein Teil
        nicht zur erwarteten Generation passt (dann muss alles neu geprüft werden)."""
        subjekte: set[int] = set()
        for s in schluessel:
            nr = _nummer(s, ABH_TEILE)
            teil = self._abh_teil(nr)
            if teil is None or teil[0] != generationen[nr]:
                return None
            subjekte.update(teil[1].get(s, ()))
        return subjekte

    def abhaengige_ergaenzen(self, neu: dict[str, set[int]], generationen: list, entfernen: Iterable[str] = ()) -> bool:
        """Entfernt die Schlüssel `entfernen` und fügt dann Subjekte zu den Schlüsseln hinzu
        (alte Einträge bleiben sonst: das überschätzt nur). False, wenn ein Teil nicht zur
        erwarteten Generation passt."""
        je_teil: dict[int, list[str]] = {}
        for s in (*entfernen, *neu):
            je_teil.setdefault(_nummer(s, ABH_TEILE), []).append(s)
        for nr in je_teil:
            teil = self._abh_teil(nr)
            if teil is None or teil[0] != generationen[nr]:
                return False
        for s in entfernen:
            self._abh_teil(_nummer(s, ABH_TEILE))[1].pop(s, None)  # type: ignore[index]
        for nr, schluessel in je_teil.items():
            tabelle = self._abh_teil(nr)[1]  # type: ignore[index]
            for s in schluessel:
                if s not in neu:
                    continue
                alt = tabelle.get(s, ())
                dazu = neu[s].difference(alt)
                if dazu:
                    tabelle[s] = (*alt, *dazu)
            generationen[nr] = _generation()
            self._setzen(f"abh-{nr:03d}.bin", (generationen[nr], tabelle))
        return True

    def abhaengige_ersetzen(self, alle: dict[str, list[int]]) -> list[int]:
        """Ersetzt alle Abhängigkeiten; liefert die Generationen der neuen Teile."""
        teile: list[dict] = [{} for _ in range(ABH_TEILE)]
        for s, subjekte in alle.items():
            teile[_nummer(s, ABH_TEILE)][s] = tuple(subjekte)
        generationen = []
        for nr, tabelle in enumerate(teile):
            generationen.append(_generation())
            self._setzen(f"abh-{nr:03d}.bin", (generationen[-1], tabelle))
        return generationen


def _generation() -> int:
    return int.from_bytes(os.urandom(7), "big")
