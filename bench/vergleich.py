"""Zwei erzeugte Datenrepositorys vergleichen (für Umbauten am Generator).

    python -m bench.vergleich ALT NEU

Jede Datei muss in beiden Ordnern vorkommen. Gleiche Bytes zählen als gleich; sonst liest der
Lader von netzwerk (`yamltext.lade_text`, nach `yamltext.dekodiere`) beide Fassungen, und Daten wie
Befunde (Regel und Meldung) müssen übereinstimmen. Ausgabe: Zahl der byteweise gleichen und der
nur gleichwertigen Dateien; Rückgabe 1 bei einem echten Unterschied.
"""

from __future__ import annotations

import sys
from pathlib import Path

from netzwerk_cli.quellen import yamltext


def _gelesen(roh: bytes) -> tuple:
    text, probleme = yamltext.dekodiere(roh)
    if text is None:
        return (None, [(p.regel, p.meldung) for p in probleme])
    dok, probleme = yamltext.lade_text(text)
    return (dok.daten if dok is not None else None, [(p.regel, p.meldung) for p in probleme])


def vergleiche(alt: Path, neu: Path) -> tuple[int, int, list[str]]:
    """(byteweise gleich, gleichwertig, Unterschiede)."""
    namen_alt = {p.relative_to(alt).as_posix() for p in alt.rglob("*") if p.is_file()}
    namen_neu = {p.relative_to(neu).as_posix() for p in neu.rglob("*") if p.is_file()}
    unterschiede = [f"nur in {alt}: {n}" for n in sorted(namen_alt - namen_neu)]
    unterschiede += [f"nur in {neu}: {n}" for n in sorted(namen_neu - namen_alt)]
    gleich = gleichwertig = 0
    for name in sorted(namen_alt & namen_neu):
        a, b = (alt / name).read_bytes(), (neu / name).read_bytes()
        if a == b:
            gleich += 1
        elif name.endswith(".yaml") and _gelesen(a) == _gelesen(b):
            gleichwertig += 1
        else:
            unterschiede.append(f"verschieden: {name}")
    return gleich, gleichwertig, unterschiede


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("Aufruf: python -m bench.vergleich ALT NEU", file=sys.stderr)
        return 2
    gleich, gleichwertig, unterschiede = vergleiche(Path(args[0]), Path(args[1]))
    for u in unterschiede[:50]:
        print(u)
    print(f"{gleich} Dateien byteweise gleich, {gleichwertig} gleichwertig (gleiche Daten und Befunde), {len(unterschiede)} verschieden")
    return 1 if unterschiede else 0


if __name__ == "__main__":
    sys.exit(main())
