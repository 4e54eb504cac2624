"""Datumsangaben an einer Stelle: ein Parser für JJJJ-MM-TT, Monate addieren, deutsche Schreibweise.

Datumsangaben bleiben in den Daten Text, bis das Schema sie geprüft hat; wer rechnet, liest sie hier.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def heute() -> str:
    """Das heutige Datum als JJJJ-MM-TT: der Standard für Stichtag und Datum eines Schritts.

    Die einzige Stelle, an der das Werkzeug die Uhr liest (Tests stellen sie hier fest)."""
    return date.today().isoformat()


def iso_datum(text: object) -> date | None:
    """`date` für genau JJJJ-MM-TT mit einem Tag, den es gibt (wie das Schemaformat „date“), sonst None."""
    if not isinstance(text, str) or not _ISO.fullmatch(text):
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        return None


def plus_monate(tag: date, monate: int) -> date:
    """`tag` plus `monate` Monate; am Monatsende auf den letzten Tag des Zielmonats gekürzt."""
    jahr = tag.year + (tag.month - 1 + monate) // 12
    monat = (tag.month - 1 + monate) % 12 + 1
    return date(jahr, monat, min(tag.day, calendar.monthrange(jahr, monat)[1]))


def deutsch(iso: str | None, leer: str = "–") -> str:
    """'2026-11-21' → '21.11.2026'; anderes bleibt, wie es ist (leer → `leer`)."""
    if not iso or not isinstance(iso, str) or not _ISO.fullmatch(iso):
        return iso or leer
    j, m, t = iso.split("-")
    return f"{t}.{m}.{j}"
