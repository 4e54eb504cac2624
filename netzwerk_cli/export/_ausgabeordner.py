"""Ausgabeordner eines Exports schreiben (vorläufige eigene Hilfe von `export oparl`/`export ical`,
bis sie mit `export/schreiben.py` der Website zusammengeführt wird).

* Geschrieben wird nur innerhalb von ORDNER, jede Datei atomar (`yamlio.schreibe_bytes_atomar`).
* Kein Pfadteil unterhalb von ORDNER darf eine symbolische Verknüpfung sein (sonst Abbruch,
  bevor etwas geschrieben ist); relative Pfade mit `..` oder absolute Pfade werden abgelehnt.
* Ein Verzeichnis `.netzwerk-export` in ORDNER merkt sich, welche Dateien der letzte Export
  desselben Typs schrieb; Dateien, die dieser Export nicht mehr schreibt, werden entfernt.
  Ein nicht leerer Ordner ohne diese Marke wird nicht angefasst (Schutz fremder Dateien).
"""

from __future__ import annotations

import json
import os
from pathlib import Path, PurePosixPath

from netzwerk_cli.fehler import EinrichtungsFehler

MARKE = ".netzwerk-export"


def _pruefe_relativ(rel: str) -> PurePosixPath:
    p = PurePosixPath(rel)
    if p.is_absolute() or not p.parts or any(t in ("", ".", "..") for t in p.parts) or "\\" in rel or "\0" in rel:
        raise EinrichtungsFehler(f"interner Fehler: ungültiger Ausgabepfad „{rel}“")
    return p


def _kein_link(pfad: Path) -> None:
    if pfad.is_symlink():
        raise EinrichtungsFehler(f"„{pfad}“ ist eine symbolische Verknüpfung; der Export schreibt nicht durch Verknüpfungen. Nichts geschrieben.")


def schreiben(ordner: Path, art: str, dateien: dict[str, bytes]) -> int:
    """Schreibt `dateien` (Pfad relativ zu ORDNER → Inhalt). Liefert die Zahl geschriebener Dateien."""
    ordner = Path(ordner)
    _kein_link(ordner)
    if ordner.exists() and not ordner.is_dir():
        raise EinrichtungsFehler(f"„{ordner}“ ist kein Ordner. Nichts geschrieben.")
    marke = ordner / MARKE / f"{art}.json"
    alte: list[str] = []
    if ordner.is_dir():
        _kein_link(ordner / MARKE)
        _kein_link(marke)
        if marke.is_file():
            try:
                alte = [d for d in json.loads(marke.read_text(encoding="utf-8")).get("dateien", []) if isinstance(d, str)]
            except (ValueError, OSError, AttributeError):
                alte = []
        elif any(ordner.iterdir()) and not (ordner / MARKE).is_dir():
            raise EinrichtungsFehler(
                f"„{ordner}“ ist nicht leer und enthält keinen früheren Export von netzwerk; "
                "bitte einen leeren oder neuen Ordner angeben. Nichts geschrieben."
            )
    relative = {str(_pruefe_relativ(r)): r for r in dateien}
    # Erst alles prüfen, dann schreiben: keine Verknüpfung in einem Pfadteil
    for rel in sorted(relative):
        ort = ordner
        for teil in PurePosixPath(rel).parts:
            ort = ort / teil
            _kein_link(ort)
    from netzwerk_cli.yamlio import schreibe_bytes_atomar

    ordner.mkdir(parents=True, exist_ok=True)
    for rel in sorted(relative):
        ziel = ordner.joinpath(*PurePosixPath(rel).parts)
        ort = ordner
        for teil in PurePosixPath(rel).parts[:-1]:
            ort = ort / teil
            _kein_link(ort)
            if not ort.is_dir():
                ort.mkdir()
        _kein_link(ziel)
        schreibe_bytes_atomar(ziel, dateien[relative[rel]])
    for rel in sorted(set(alte) - set(relative)):
        try:
            p = _pruefe_relativ(rel)
        except EinrichtungsFehler:
            continue
        ziel = ordner.joinpath(*p.parts)
        if any((ordner.joinpath(*p.parts[: i + 1])).is_symlink() for i in range(len(p.parts) - 1)):
            continue
        if ziel.is_file() and not ziel.is_symlink():
            os.unlink(ziel)
    (ordner / MARKE).mkdir(exist_ok=True)
    _kein_link(marke)
    inhalt = json.dumps({"art": art, "dateien": sorted(relative)}, ensure_ascii=False, indent=1) + "\n"
    schreibe_bytes_atomar(marke, inhalt.encode("utf-8"))
    return len(relative)
