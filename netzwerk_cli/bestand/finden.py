"""Das Datenrepository finden (`netzwerk.yaml` aufwärts) und seine Datensatzdateien den Arten
zuordnen: ids aus Dateinamen, Befunde zu Dateien in keinem Ordner, Verknüpfungen, Dopplungen."""

from __future__ import annotations

import os
import shlex
from collections.abc import Iterator
from pathlib import Path

from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, ORDNER, ORDNER_VON_ART, pruefe_id
from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

_ERLAUBT_OHNE_PRUEFUNG = {"readme.md", "readme", "readme.txt", "license", "licence"}


def finde_wurzel(daten: Path | None = None, start: Path | None = None) -> Path:
    """Die Wurzel des Datenrepositorys: `--daten DIR` oder aufwärts bis `netzwerk.yaml`."""
    if daten is not None:
        daten = Path(daten)
        if daten.exists() and not daten.is_dir():
            raise EinrichtungsFehler(_datei_statt_ordner(daten))
        if not daten.is_dir():
            raise EinrichtungsFehler(f"Ordner „{daten}“ gibt es nicht (--daten bzw. NETZWERK_DATEN).")
        if not (daten / NETZWERK_DATEI).is_file():
            raise EinrichtungsFehler(
                f"In „{daten}“ liegt keine {NETZWERK_DATEI}; das ist kein Datenrepository "
                "(neu anlegen mit: netzwerk init ORDNER)."
            )
        return daten.resolve()
    ort = (start or Path.cwd()).resolve()
    for kandidat in (ort, *ort.parents):
        if (kandidat / NETZWERK_DATEI).is_file():
            return kandidat
    raise EinrichtungsFehler(
        f"Kein Datenrepository gefunden: weder „{ort}“ noch ein übergeordneter Ordner enthält "
        f"{NETZWERK_DATEI}. Mit --daten ORDNER angeben oder mit „netzwerk init ORDNER“ anlegen."
    )


def _datei_statt_ordner(daten: Path) -> str:
    """Meldung, wenn --daten/NETZWERK_DATEN auf eine Datei zeigt, mit dem Ordner, der gemeint sein dürfte."""
    meldung = (
        f"„{daten}“ ist eine Datei; --daten bzw. NETZWERK_DATEN muss der Ordner des Datenrepositorys sein, "
        f"nicht eine Datei (der Ordner, in dem {NETZWERK_DATEI} liegt)."
    )
    ort = daten.resolve().parent
    for kandidat in (ort, *ort.parents):
        if (kandidat / NETZWERK_DATEI).is_file():
            return meldung + f" Gemeint ist wohl: --daten {shlex.quote(str(kandidat))}"
    return meldung + f" Auch in den Ordnern darüber liegt keine {NETZWERK_DATEI} (neu anlegen mit: netzwerk init ORDNER)."


def _datei_befund(datei: str, regel: str, meldung: str, zeile: int = 1, spalte: int = 1) -> Befund:
    return Befund(datei, zeile, spalte, "fehler", regel, meldung, "$")


def dateien_finden(wurzel: Path) -> tuple[list[tuple[str, Path]], list[Befund]]:
    """Alle Datensatzdateien als (art, pfad) und Befunde zu Dateien am falschen Ort."""
    gefunden, befunde = _finden(wurzel)
    return [(art, Path(pfad)) for art, pfad, _ in gefunden], befunde


def _finden(wurzel: Path) -> tuple[list[tuple[str, str, str]], list[Befund]]:
    """(art, pfad, rel) aller Datensatzdateien und Befunde zu Dateien am falschen Ort."""
    gefunden: list[tuple[str, str, str]] = []
    befunde: list[Befund] = []
    with os.scandir(wurzel) as eintraege:
        oben = sorted(eintraege, key=lambda e: e.name)
    for e in oben:
        if e.name.startswith("."):
            continue
        rel = e.name
        if e.name == NETZWERK_DATEI:
            gefunden.append(("netzwerk", e.path, rel))
        elif e.name in ORDNER:
            if e.is_symlink():
                befunde.append(_datei_befund(rel, "datei-ungueltig", "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen"))
                continue
            if not e.is_dir():
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"„{e.name}“ muss ein Ordner sein"))
                continue
            art = ORDNER[e.name]
            gefunden.extend((art, pfad, r) for r, pfad in _datensatz_dateien(e.path, rel, art, befunde))
        elif e.is_symlink() and (e.name.lower().endswith((".yaml", ".yml")) or _zeigt_auf_ordner(e)):
            befunde.append(_datei_befund(rel, "datei-ungueltig", f"„{e.name}“ ist eine Verknüpfung in keinem bekannten Ordner; wird nicht gelesen"))
        elif e.is_file(follow_symlinks=False) and e.name.lower().endswith((".yaml", ".yml")):
            befunde.append(_datei_befund(rel, "datei-ungueltig", _unbekannter_ort(e.name)))
        elif e.is_dir(follow_symlinks=False):
            for pfad in _yaml_dateien_unter(Path(e.path)):
                befunde.append(
                    _datei_befund(
                        pfad.relative_to(wurzel).as_posix(),
                        "datei-ungueltig",
                        f"Ordner „{e.name}“ gehört zu keiner Art ({', '.join(ORDNER)}); Datei wird nicht gelesen",
                    )
                )
    return gefunden, befunde


def _unbekannter_ort(name: str) -> str:
    return f"„{name}“ liegt in keinem bekannten Ordner ({', '.join(ORDNER)}); Datei wird nicht gelesen"


def _yaml_dateien_unter(ordner: Path) -> Iterator[Path]:
    for basis, ordnernamen, dateinamen in os.walk(ordner):
        ordnernamen[:] = sorted(d for d in ordnernamen if not d.startswith("."))
        for name in sorted(dateinamen):
            if not name.startswith(".") and name.lower().endswith((".yaml", ".yml")):
                yield Path(basis) / name


def _datensatz_dateien(ordner: str, rel_ordner: str, art: str, befunde: list) -> Iterator[tuple[str, str]]:
    """(rel, pfad) aller Datensatzdateien unter `ordner`; Befunde zu Fremdem in `befunde`."""
    stapel = [(ordner, rel_ordner)]
    while stapel:
        basis, rel_basis = stapel.pop()
        try:
            with os.scandir(basis) as it:
                eintraege = sorted(it, key=lambda e: e.name)
        except OSError as fehler:
            befunde.append(_datei_befund(rel_basis, "datei-ungueltig", f"Ordner nicht lesbar: {fehler.strerror or fehler}"))
            continue
        unterordner = []
        for e in eintraege:
            name = e.name
            if name.startswith("."):
                continue  # versteckte und temporäre Dateien (z. B. von atomaren Schreibvorgängen)
            rel = f"{rel_basis}/{name}"
            if e.is_dir(follow_symlinks=False):
                unterordner.append((e.path, rel))
                continue
            if e.is_symlink() and _zeigt_auf_ordner(e):
                befunde.append(_datei_befund(rel, "datei-ungueltig", "Ordner ist eine Verknüpfung; verknüpfte Ordner werden nicht gelesen"))
                continue
            if name.endswith(".yaml"):
                yield rel, e.path
            elif name.lower().endswith((".yml", ".yaml")):
                befunde.append(_datei_befund(rel, "datei-ungueltig", f"Endung „{Path(name).suffix}“: Datensätze enden auf „.yaml“ (klein)"))
            elif name.lower() not in _ERLAUBT_OHNE_PRUEFUNG:
                befunde.append(
                    _datei_befund(rel, "datei-ungueltig", f"„{name}“ ist keine YAML-Datei; in „{ORDNER_VON_ART[art]}/“ gehören nur Datensätze (.yaml)")
                )
        stapel.extend(reversed(unterordner))


def _zeigt_auf_ordner(e: os.DirEntry) -> bool:
    try:
        return e.is_dir()
    except OSError:  # Verknüpfungsschleife: meldet das Lesen der Datei
        return False


def einordnen(gefunden: list[tuple[str, str, str]]) -> tuple[int | None, dict[str, dict[str, int]], list[tuple[int, str]]]:
    """Ordnet gefundene Dateien (art, pfad, rel) nach Art und id: (Index der netzwerk.yaml,
    {art: {id: Index}}, [(Index, Grund)] für ungültige und doppelte ids – bei doppelten gilt
    die erste Datei)."""
    netzwerk = None
    ids: dict[str, dict[str, int]] = {art: {} for art in ORDNER.values()}
    probleme: list[tuple[int, str]] = []
    for i, (art, _, rel) in enumerate(gefunden):
        if art == "netzwerk":
            netzwerk = i
            continue
        id_ = rel[rel.rfind("/") + 1 : -len(".yaml")]
        grund = pruefe_id(id_)
        if grund:
            probleme.append((i, grund))
        vorher = ids[art].get(id_)
        if vorher is not None:
            probleme.append((i, f"id „{id_}“ gibt es in „{ORDNER_VON_ART[art]}/“ schon: {gefunden[vorher][2]}"))
            continue
        ids[art][id_] = i
    return netzwerk, ids, probleme


# --------------------------------------------------------------------------- nach Bedarf
