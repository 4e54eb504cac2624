#!/usr/bin/env python3
"""atheris-Harness für den Lader (`netzwerk_cli.quellen.yamltext`): Bytes → dekodiere → lade_text.

Optional, nicht Teil der Testsuite und nicht der CI (Anleitung: docs/FUZZING.md):

    pip install atheris
    python fuzz/korpus_saat.py fuzz/saat                      # Saatkorpus aus tests/corpus
    python fuzz/atheris_lader.py fuzz/funde-lader fuzz/saat/lader \
        -timeout=10 -rss_limit_mb=1024 -max_len=1100000 -max_total_time=3600

Geprüft wird je Eingabe: keine Ausnahme; jedes Problem hat eine bekannte Regel-id mit ihrer
Schwere, eine Position ≥ 1:1 und eine nicht leere Meldung; was der schnelle Lesepfad
(`lade_schnell`, falls vorhanden) liest, liest der genaue (`lade_text`) genauso. Hänger und
Speicherfresser meldet libFuzzer über -timeout und -rss_limit_mb.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

REGELN_LADER = {
    "yaml-syntax": "fehler",
    "yaml-doppelter-schluessel": "fehler",
    "yaml-unsicher": "fehler",
    "yaml-mehrdeutig": "warnung",
    "datei-kodierung": "fehler",
    "datei-ungueltig": "fehler",
    "schema": "fehler",
}


def _pruefe_probleme(probleme) -> None:
    for p in probleme:
        assert p.regel in REGELN_LADER, p
        assert p.schwere == REGELN_LADER[p.regel], p
        assert p.zeile >= 1 and p.spalte >= 1, p
        assert isinstance(p.meldung, str) and p.meldung.strip(), p


def pruefe_eingabe(daten: bytes) -> None:
    """Eine Eingabe durch den Lader; AssertionError bei verletzter Eigenschaft."""
    from netzwerk_cli.quellen import yamltext

    text, probleme = yamltext.dekodiere(daten)
    _pruefe_probleme(probleme)
    if text is None:
        assert probleme, "nicht lesbar, aber kein Problem gemeldet"
        return
    dok, probleme = yamltext.lade_text(text)
    _pruefe_probleme(probleme)
    fehler = any(p.schwere == "fehler" for p in probleme)
    if dok is None:
        assert fehler or probleme, "kein Dokument, aber kein Problem gemeldet"
    else:
        for pfad in dok.positionen:
            zeile, spalte = dok.position(pfad)
            assert zeile >= 1 and spalte >= 1, (pfad, zeile, spalte)
    lade_schnell = getattr(yamltext, "lade_schnell", None)
    if lade_schnell is not None:
        schnell = lade_schnell(text)
        if schnell is not getattr(yamltext, "LANGSAM", None):
            assert dok is not None and not fehler, "schneller Weg liest, was der genaue ablehnt"
            assert schnell == dok.daten, "schneller und genauer Weg lesen verschiedene Daten"


def TestOneInput(daten: bytes) -> None:
    pruefe_eingabe(daten)


def main() -> None:
    import atheris

    with atheris.instrument_imports():
        import yaml  # noqa: F401

        from netzwerk_cli.quellen import dateien, yamltext  # noqa: F401
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
