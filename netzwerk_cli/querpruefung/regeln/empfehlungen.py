"""Empfehlungen: Verlauf durch den Lebenszyklus (`verlauf-ungueltig`), Umsetzungsberichte
(`ref-widerspruch`) und Wiedervorlage (`wiedervorlage-faellig`)."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.regelwerk import lebenszyklus
from netzwerk_cli.grundlagen.befunde import Befund


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    e = ds.daten
    for v in lebenszyklus.pruefe_verlauf(ds.id, e, bestand):
        yield ds.befund(v.regel, v.meldung, v.pfad, v.schwere)
    adressaten = set(e.get("adressaten") or [])
    for i, u in enumerate(e.get("umsetzung") or []):
        if u["adressat"] not in adressaten:
            yield ds.befund("ref-widerspruch", f"Umsetzungsbericht von „{u['adressat']}“, die nicht unter „adressaten“ steht", ("umsetzung", i, "adressat"))
    faellig = lebenszyklus.wiedervorlage_faellig(e, kontext.stichtag, kontext.wiedervorlage_monate)
    if faellig:
        yield ds.befund(
            "wiedervorlage-faellig",
            f"Status „{e['status']}“ seit der letzten Befassung am {lebenszyklus.letzte_pruefung(e)}: "
            f"Umsetzungsprüfung seit {faellig} fällig (Wiedervorlage nach {kontext.wiedervorlage_monate} Monaten)",
            ("status",),
            "warnung",
        )


SUBJEKTE = {"empfehlung": pruefe_eins}
