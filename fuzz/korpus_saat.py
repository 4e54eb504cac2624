#!/usr/bin/env python3
"""Saatkorpus für die atheris-Harnesse aus dem Korpus feindlicher Eingaben (tests/corpus).

    python fuzz/korpus_saat.py fuzz/saat

legt an: `fuzz/saat/lader/` (jede Datei jedes Falls als eine Eingabe für atheris_lader.py)
und `fuzz/saat/validate/` (dieselben Bytes mit vorangestelltem Ortsbyte für
atheris_validate.py). Dateien über 1,1 MB (der 100-MB-Fall) werden ausgelassen, ebenso
Verknüpfungen und FIFOs. Braucht pytest und PyYAML (wie die Testsuite), nicht atheris.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import tempfile
from pathlib import Path

HIER = Path(__file__).resolve().parent
sys.path.insert(0, str(HIER.parent / "tests"))
sys.path.insert(0, str(HIER.parent))
sys.path.insert(0, str(HIER))

MAX_GROESSE = 1_100_000


def _ortsbyte(rel: str) -> int:
    from atheris_validate import ORTE

    if rel == "netzwerk.yaml":
        return 0
    ordner = rel.split("/", 1)[0]
    for i, ort in enumerate(ORTE):
        if ort.startswith(ordner + "/"):
            return i
    return len(ORTE) - 1  # fremder Ordner


def saen(ziel: Path, namen: set[str] | None = None) -> int:
    """Schreibt den Saatkorpus nach `ziel` (alle Fälle oder die in `namen`); gibt die Zahl der
    Eingaben je Harness zurück."""
    from test_korpus_feindlich import alle_faelle, bereitstellen

    lader, validate = ziel / "lader", ziel / "validate"
    lader.mkdir(parents=True, exist_ok=True)
    validate.mkdir(parents=True, exist_ok=True)
    anzahl = 0
    for fall in alle_faelle():
        if namen is not None and fall.name not in namen:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            try:
                _, repo = bereitstellen(fall, Path(tmp))
            except BaseException as e:  # pytest.skip: Voraussetzung fehlt auf diesem System
                if isinstance(e, KeyboardInterrupt):
                    raise
                continue
            for basis, _, dateinamen in os.walk(repo):
                for name in dateinamen:
                    pfad = Path(basis) / name
                    info = os.lstat(pfad)
                    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_GROESSE:
                        continue
                    roh = pfad.read_bytes()
                    rel = pfad.relative_to(repo).as_posix()
                    kennung = hashlib.sha1(roh).hexdigest()[:12]
                    (lader / f"{fall.name}-{kennung}").write_bytes(roh)
                    (validate / f"{fall.name}-{kennung}").write_bytes(bytes([_ortsbyte(rel)]) + roh)
                    anzahl += 1
    return anzahl


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("Aufruf: python fuzz/korpus_saat.py ZIELORDNER")
    n = saen(Path(sys.argv[1]))
    print(f"{n} Eingaben je Harness nach {sys.argv[1]}/lader und {sys.argv[1]}/validate geschrieben")
