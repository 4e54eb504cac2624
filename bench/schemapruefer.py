"""Schemaprüfer im Vergleich (Issue 17): fastjsonschema, jsonschema-rs und jsonschema.

    python -m bench.schemapruefer DIR [--wiederholungen 3]

Liest alle Datensätze eines (erzeugten) Repositorys einmal (YAML schon geladen, wie im
schnellen Weg) und misst in einem Prozess nur die Validierung: Zeit je Dokument als Median
über die Wiederholungen, dazu die Übersetzungszeit der Validatoren aller Arten (frisch, ohne
den Cache von `schemata`) und die Importzeit jeder Bibliothek in einem frischen Prozess.
Zählt außerdem, wie oft ein Prüfer anders urteilt als die Referenz jsonschema.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netzwerk_cli.bestand.finden import _finden
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN
from netzwerk_cli.quellen import yamltext


def dokumente(wurzel: Path) -> list[tuple[str, Any]]:
    ergebnis = []
    for art, pfad, _datei in _finden(wurzel)[0]:
        text = Path(pfad).read_bytes().decode("utf-8-sig")
        daten = yamltext.lade_schnell(text)
        if daten is yamltext.LANGSAM:
            dok, _ = yamltext.lade_text(text)
            if dok is None:
                continue
            daten = dok.daten
        ergebnis.append((art, daten))
    return ergebnis


def _fastjsonschema() -> dict[str, Callable[[Any], bool]]:
    """Der frühere schnelle Prüfer (bis Issue 17), nur noch zum Vergleich: liest 2020-12 als Draft 7."""
    import fastjsonschema

    pruefer = {}
    for art in ARTEN:
        pruefe = fastjsonschema.compile(json.loads(json.dumps(schemata.schema(art))), formats=schemata._FORMATE, use_default=False, detailed_exceptions=False)

        def gueltig(daten: Any, pruefe: Callable = pruefe) -> bool:
            try:
                pruefe(daten)
            except Exception:
                return False
            return True

        pruefer[art] = gueltig
    return pruefer


def _rs() -> dict[str, Callable[[Any], bool]]:
    schemata.schnellpruefer.cache_clear()
    return {art: schemata.schnellpruefer(art) for art in ARTEN}


def _rs_ohne_formate() -> dict[str, Callable[[Any], bool]]:
    """Nur zum Messen: ohne die Python-Funktionen für date/email (urteilt dann anders als die Referenz)."""
    import jsonschema_rs

    return {art: jsonschema_rs.Draft202012Validator(schemata._fuer_rust(schemata.schema(art))).is_valid for art in ARTEN}


def _jsonschema() -> dict[str, Callable[[Any], bool]]:
    schemata.validator.cache_clear()
    return {art: schemata.validator(art).is_valid for art in ARTEN}


PRUEFER: dict[str, tuple[str, Callable[[], dict[str, Callable[[Any], bool]]]]] = {
    "fastjsonschema (bis Issue 17)": ("fastjsonschema", _fastjsonschema),
    "jsonschema-rs (schemata.schnellpruefer)": ("jsonschema_rs", _rs),
    "jsonschema-rs ohne Formatprüfung (nur Messung)": ("jsonschema_rs", _rs_ohne_formate),
    "jsonschema (Referenz)": ("jsonschema", _jsonschema),
}


def importzeit(modul: str) -> float:
    code = f"import time; t = time.perf_counter(); import {modul}; print(time.perf_counter() - t)"
    werte = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
    return statistics.median(werte)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("wurzel", type=Path)
    parser.add_argument("--wiederholungen", type=int, default=3)
    args = parser.parse_args(argv)
    docs = dokumente(args.wurzel)
    referenz = _jsonschema()
    urteil = [referenz[art](daten) for art, daten in docs]
    print(f"{len(docs)} Dokumente, davon {len(docs) - sum(urteil)} ungültig (Referenz)")
    print(f"{'Prüfer':58} {'Import ms':>9} {'Übersetzen ms':>13} {'µs/Dokument':>11} {'abweichend':>10}")
    for name, (modul, bauen) in PRUEFER.items():
        try:
            __import__(modul)
        except ImportError:
            print(f"{name:58} nicht installiert")
            continue
        t = time.perf_counter()
        pruefer = bauen()
        for art in ARTEN:  # jsonschema baut Teile erst beim ersten Prüfen: einmal aufwärmen
            pruefer[art]({})
        uebersetzen = time.perf_counter() - t
        zeiten = []
        for _ in range(args.wiederholungen):
            t = time.perf_counter()
            ergebnis = [pruefer[art](daten) for art, daten in docs]
            zeiten.append(time.perf_counter() - t)
        abweichend = sum(a != b for a, b in zip(ergebnis, urteil, strict=True))
        je_dok = statistics.median(zeiten) / len(docs) * 1e6
        print(f"{name:58} {importzeit(modul) * 1000:9.1f} {uebersetzen * 1000:13.1f} {je_dok:11.2f} {abweichend:10d}", flush=True)


if __name__ == "__main__":
    main()
