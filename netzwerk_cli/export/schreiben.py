"""Einen Dateibaum (relativer Pfad → Bytes) in einen Ausgabeordner schreiben – gemeinsam für alle
Exporte (Website, OParl, Kalender).

Regeln (docs/VEROEFFENTLICHEN.md):
* geschrieben wird nur innerhalb von ORDNER; Pfade sind relativ, ohne `..`, ohne versteckte Teile;
* ORDNER muss fehlen, leer sein oder einen früheren Export derselben Art enthalten (Markierungsdatei
  `.netzwerk-export`); sonst Abbruch (Exit 2), bevor irgendetwas geschrieben wird;
* keine symbolische Verknüpfung innerhalb von ORDNER wird verfolgt (Abbruch vor dem Schreiben);
* jede Datei wird atomar geschrieben – alle zusammen in Phasen (`quellen.dateien.schreibe_viele_atomar`:
  temporär schreiben, einmal sichern, umbenennen, Ordner sichern; docs/GARANTIEN.md); Dateien eines früheren Exports, die nicht mehr entstehen,
  werden entfernt (nur die, die die Markierungsdatei aufführt – fremde Dateien wie `CNAME` oder
  `.git/` bleiben unberührt).
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.quellen.dateien import schreibe_bytes_atomar, schreibe_viele_atomar

MARKIERUNG = ".netzwerk-export"
_KOPF = "netzwerk export "
_TEIL = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")


@dataclass(frozen=True)
class Geschrieben:
    geschrieben: int  # Dateien neu oder geändert
    unveraendert: int
    entfernt: int


def _pfad_pruefen(rel: str) -> tuple[str, ...]:
    teile = PurePosixPath(rel).parts
    if not teile or rel.startswith("/") or "\\" in rel or any(not _TEIL.match(t) or t in (".", "..") for t in teile):
        raise ValueError(f"unzulässiger Pfad im Export: {rel!r}")
    return teile


def _lstat(pfad: Path) -> os.stat_result | None:
    try:
        return os.lstat(pfad)
    except FileNotFoundError:
        return None


def _markierung_lesen(ordner: Path, art: str) -> list[str] | None:
    """Dateiliste des früheren Exports; None, wenn ORDNER fehlt oder leer ist. Abbruch sonst."""
    info = _lstat(ordner)
    if info is None:
        return None
    if stat.S_ISLNK(info.st_mode):
        raise EinrichtungsFehler(f"{ordner}: ist eine symbolische Verknüpfung; bitte den Zielordner selbst angeben")
    if not stat.S_ISDIR(info.st_mode):
        raise EinrichtungsFehler(f"{ordner}: ist eine Datei, kein Ordner [export-ordner]")
    marke = ordner / MARKIERUNG
    minfo = _lstat(marke)
    if minfo is None:
        if any(os.scandir(ordner)):
            raise EinrichtungsFehler(
                f"{ordner}: Ordner ist nicht leer und enthält keinen früheren Export ({MARKIERUNG} fehlt); "
                "bitte einen leeren oder neuen Ordner angeben [export-ordner]"
            )
        return None
    if not stat.S_ISREG(minfo.st_mode):
        raise EinrichtungsFehler(f"{marke}: keine gewöhnliche Datei [export-ordner]")
    zeilen = marke.read_text(encoding="utf-8", errors="replace").splitlines()
    if not zeilen or zeilen[0] != _KOPF + art:
        gefunden = zeilen[0][len(_KOPF):] if zeilen and zeilen[0].startswith(_KOPF) else "unbekannt"
        raise EinrichtungsFehler(
            f"{ordner}: enthält einen Export anderer Art („{gefunden}“, erwartet „{art}“); bitte einen eigenen Ordner angeben [export-ordner]"
        )
    frueher = []
    for z in zeilen[1:]:
        try:
            _pfad_pruefen(z)
        except ValueError:
            continue  # unbrauchbare Zeile: nichts löschen, was nicht sicher unser ist
        frueher.append(z)
    return frueher


def _keine_verknuepfung(ordner: Path, teile: tuple[str, ...], datei: bool = True) -> None:
    """Kein Teil des Pfads unterhalb von ORDNER ist eine Verknüpfung; Ordner sind Ordner."""
    pfad = ordner
    for i, teil in enumerate(teile):
        pfad = pfad / teil
        info = _lstat(pfad)
        if info is None:
            return
        if stat.S_ISLNK(info.st_mode):
            raise EinrichtungsFehler(f"{pfad}: ist eine symbolische Verknüpfung; Export wird nicht hindurch geschrieben [export-ordner]")
        letzte = datei and i == len(teile) - 1
        if not letzte and not stat.S_ISDIR(info.st_mode):
            raise EinrichtungsFehler(f"{pfad}: ist kein Ordner, wird aber als Ordner gebraucht [export-ordner]")
        if letzte and not stat.S_ISREG(info.st_mode):
            raise EinrichtungsFehler(f"{pfad}: ist keine gewöhnliche Datei [export-ordner]")


def _markierung(art: str, dateien: list[str]) -> bytes:
    return ("\n".join([_KOPF + art, *sorted(dateien)]) + "\n").encode("utf-8")


def schreibe_baum(ordner: Path, dateien: dict[str, bytes], marker: str) -> Geschrieben:
    """Schreibt `dateien` (relative POSIX-Pfade → Inhalt) nach `ordner`; `marker` ist die Art des
    Exports („seite“, „oparl“, „ical“). Prüft alles, bevor die erste Datei geschrieben wird."""
    if not re.fullmatch(r"[a-z0-9-]+", marker):
        raise ValueError(f"unzulässige Exportart: {marker!r}")
    teile = {rel: _pfad_pruefen(rel) for rel in dateien}
    if MARKIERUNG in dateien:
        raise ValueError(f"{MARKIERUNG} ist für die Markierung reserviert")
    ordner = Path(os.path.abspath(ordner))
    frueher = _markierung_lesen(ordner, marker)
    for rel in sorted(teile):
        _keine_verknuepfung(ordner, teile[rel])
    for rel in frueher or []:
        _keine_verknuepfung(ordner, _pfad_pruefen(rel))

    ordner.mkdir(parents=True, exist_ok=True)
    # erst die Vereinigung vermerken: bricht der Lauf ab, kennt der nächste alle geschriebenen Dateien
    schreibe_bytes_atomar(ordner / MARKIERUNG, _markierung(marker, sorted({*(frueher or []), *dateien})))
    neu = unveraendert = 0
    geprueft: set[tuple[str, ...]] = set()  # Ordner unterhalb von ORDNER, schon angelegt und geprüft
    zu_schreiben: list[tuple[Path, bytes]] = []
    angelegt_in: set[Path] = set()  # Eltern neu angelegter Ordner (werden mit gesichert)
    for rel in sorted(dateien):
        ziel = ordner.joinpath(*teile[rel])
        for i in range(1, len(teile[rel])):
            if teile[rel][:i] in geprueft:
                continue
            unter = ordner.joinpath(*teile[rel][:i])
            if _lstat(unter) is None:
                unter.mkdir()
                angelegt_in.add(unter.parent)
            _keine_verknuepfung(ordner, teile[rel][:i], datei=False)
            geprueft.add(teile[rel][:i])
        if _lstat(ziel) is not None and ziel.read_bytes() == dateien[rel]:
            unveraendert += 1
            continue
        zu_schreiben.append((ziel, dateien[rel]))
        neu += 1
    # alle geänderten Dateien in Phasen: temporär schreiben, einmal sichern, umbenennen, Ordner sichern
    schreibe_viele_atomar(
        zu_schreiben,
        tuple(sorted(angelegt_in)),
        vor_umbenennen=lambda unter: _keine_verknuepfung(ordner, unter.relative_to(ordner).parts, datei=False),
    )
    entfernt = 0
    for rel in sorted(set(frueher or []) - set(dateien)):
        pfad = ordner.joinpath(*_pfad_pruefen(rel))
        info = _lstat(pfad)
        if info is not None and stat.S_ISREG(info.st_mode):
            pfad.unlink()
            entfernt += 1
        # leer gewordene Ordner des früheren Exports entfernen (nie ORDNER selbst)
        eltern = pfad.parent
        while eltern != ordner:
            try:
                eltern.rmdir()
            except OSError:
                break
            eltern = eltern.parent
    schreibe_bytes_atomar(ordner / MARKIERUNG, _markierung(marker, list(dateien)))
    return Geschrieben(neu, unveraendert, entfernt)
