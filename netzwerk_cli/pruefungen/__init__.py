"""Die Prüfungen von `validate`. Jede ist eine Funktion `pruefe(bestand, kontext)`, die
Befunde liefert; keine gibt etwas aus. Die Reihenfolge zählt nur insofern, als die
Schemaprüfung zuerst läuft: sie markiert gültige Datensätze, auf die die übrigen bauen.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kontext:
    stichtag: str  # JJJJ-MM-TT
    wiedervorlage_monate: int = 12


def alle_pruefungen():
    from netzwerk_cli.pruefungen import (
        arbeitsgruppen,
        empfehlungen,
        gremien,
        konzepte,
        referenzen,
        schema,
        sitzungen,
        zeitraeume,
    )

    return (
        schema.pruefe,
        referenzen.pruefe,
        zeitraeume.pruefe,
        gremien.pruefe,
        sitzungen.pruefe,
        arbeitsgruppen.pruefe,
        empfehlungen.pruefe,
        konzepte.pruefe,
    )
