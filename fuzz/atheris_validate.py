#!/usr/bin/env python3
"""atheris-Harness für `validate`: eine Eingabe wird eine Datei in einem kleinen Repository.

Optional, nicht Teil der Testsuite und nicht der CI (Anleitung: docs/FUZZING.md):

    pip install atheris
    python fuzz/korpus_saat.py fuzz/saat
    python fuzz/atheris_validate.py fuzz/funde-validate fuzz/saat/validate \
        -timeout=20 -rss_limit_mb=1024 -max_len=1100000 -max_total_time=3600

Format einer Eingabe: das erste Byte wählt den Ort (einen Art-Ordner, `netzwerk.yaml` oder
einen fremden Ordner), der Rest ist der Inhalt der Datei. Geprüft wird: keine Ausnahme, jeder
Befund hat eine bekannte Regel-id mit ihrer Schwere, eine Datei im Repository, Zeile und
Spalte ≥ 1 und eine nicht leere Meldung von höchstens 2000 Zeichen; der Exit-Code folgt aus
den Befunden. Der Zwischenspeicher ist aus (NETZWERK_KEIN_CACHE=1).
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

ORTE = [
    "netzwerk.yaml",
    "organisationen/fuzz.yaml",
    "personen/fuzz.yaml",
    "gremien/fuzz.yaml",
    "arbeitsgruppen/fuzz.yaml",
    "sitzungen/fuzz.yaml",
    "empfehlungen/fuzz.yaml",
    "veranstaltungen/fuzz.yaml",
    "konzepte/fuzz.yaml",
    "protokolle/fuzz.yaml",
]
BASIS = {
    "netzwerk.yaml": "name: Testnetzwerk\n",
    "organisationen/amt.yaml": "name: Amt\ntyp: amt\n",
    "personen/anna.yaml": "name: Anna\norganisation: amt\nrollen: [amtsleitung]\n",
    "gremien/kreis.yaml": (
        "name: Kreis\nart: beirat\nsitzgruppen:\n  - {id: alle, name: Alle, anzahl: 1}\n"
        "mitglieder:\n  - {person: anna, sitzgruppe: alle, von: 2020-01-01}\n"
    ),
    "sitzungen/kreis-2024-03-01.yaml": "gremium: kreis\ndatum: 2024-03-01\nstatus: durchgefuehrt\nanwesend: [anna]\n",
}
REGELN = {
    "yaml-syntax": "fehler", "yaml-doppelter-schluessel": "fehler", "yaml-unsicher": "fehler",
    "yaml-mehrdeutig": "warnung", "datei-kodierung": "fehler", "datei-ungueltig": "fehler",
    "id-ungueltig": "fehler", "schema": "fehler", "ref-unbekannt": "fehler", "sitz-ueberbesetzt": "fehler",
    "sitz-vakant": "warnung", "sitz-regel": "fehler", "mitglied-doppelt": "fehler",
    "zeitraum-ungueltig": "fehler", "verlauf-ungueltig": "fehler", "verlauf-geaendert": "fehler",
    "sitzung-rhythmus": "warnung", "sitzung-teilnahme": "fehler", "abstimmung-ungueltig": "fehler",
    "ag-ueberfaellig": "warnung", "wiedervorlage-faellig": "warnung", "mitglied-ohne-sitzgruppe": "warnung",
    "ag-status": "warnung", "ref-widerspruch": "fehler", "sitzung-status": "warnung", "ref-entfernt": "fehler",
    "mitglieder-entfernt": "warnung", "sitzung-beschlussfaehigkeit": "warnung",
}
STICHTAG = "2026-11-21"

_wurzel: Path | None = None


def _repository() -> Path:
    """Ein Repository je Prozess; jede Eingabe ersetzt nur ihre eine Datei."""
    global _wurzel
    if _wurzel is None:
        _wurzel = Path(tempfile.mkdtemp(prefix="netzwerk-fuzz-")) / "repo"
        for rel, text in BASIS.items():
            (_wurzel / rel).parent.mkdir(parents=True, exist_ok=True)
            (_wurzel / rel).write_text(text, encoding="utf-8")
    return _wurzel


def ort_und_inhalt(daten: bytes) -> tuple[str, bytes]:
    if not daten:
        return ORTE[1], b""
    return ORTE[daten[0] % len(ORTE)], daten[1:]


def pruefe_eingabe(daten: bytes) -> None:
    from netzwerk_cli.validierung import validiere

    os.environ["NETZWERK_KEIN_CACHE"] = "1"
    wurzel = _repository()
    rel, inhalt = ort_und_inhalt(daten)
    pfad = wurzel / rel
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_bytes(inhalt)
    try:
        bericht = validiere(wurzel, STICHTAG)
    finally:
        if rel in BASIS:
            pfad.write_text(BASIS[rel], encoding="utf-8")
        else:
            pfad.unlink()
    for b in bericht.befunde:
        assert b.regel in REGELN, b
        assert b.schwere == REGELN[b.regel], b
        assert b.zeile >= 1 and b.spalte >= 1, b
        assert os.path.lexists(wurzel / b.datei) or b.datei == rel, b
        assert isinstance(b.meldung, str) and b.meldung.strip() and len(b.meldung) <= 2000, b
        assert b.pfad.startswith("$"), b
    fehler = any(b.schwere == "fehler" for b in bericht.befunde)
    assert bericht.exit_code() == (1 if fehler else 0)


def TestOneInput(daten: bytes) -> None:
    pruefe_eingabe(daten)


def main() -> None:
    import importlib
    import pkgutil

    import atheris

    with atheris.instrument_imports():
        import jsonschema  # noqa: F401
        import yaml  # noqa: F401

        import netzwerk_cli

        # auch die Module, die validate erst bei Bedarf lädt (Prüfungen, Schemas, Zwischenspeicher)
        for modul in pkgutil.walk_packages(netzwerk_cli.__path__, "netzwerk_cli."):
            if not modul.name.startswith(("netzwerk_cli.cli", "netzwerk_cli.ausgabe", "netzwerk_cli.berichte")):
                importlib.import_module(modul.name)
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
