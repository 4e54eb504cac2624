"""Regel `schema` (und `yaml-mehrdeutig` dort, wo das Schema Text erwartet)."""

from __future__ import annotations

from typing import Iterator

from netzwerk_cli import schemata
from netzwerk_cli.befunde import Befund, json_pfad
from netzwerk_cli.bestand import Bestand, Datensatz


def pruefe(bestand: Bestand, kontext) -> Iterator[Befund]:
    for ds in bestand.alle():
        if ds.lesbar:
            yield from pruefe_datensatz(ds)


def _fallen_aufloesen(ds: Datensatz) -> Iterator[Befund]:
    """YAML-1.1-Fallen (`no`, `on`, `0123` …) dort, wo Text erwartet wird: als Text nehmen und warnen."""
    text_stellen = schemata.erwartet_text(ds.art)
    for pfad, original in ds.dok.mehrdeutig.items():
        if schemata.als_muster(pfad) not in text_stellen:
            continue
        eltern = ds.dok.daten
        for schritt in pfad[:-1]:
            eltern = eltern[schritt]
        wert = eltern[pfad[-1]]
        eltern[pfad[-1]] = original
        zeile, spalte = ds.dok.wert_position(pfad)
        yield Befund(
            ds.datei,
            zeile,
            spalte,
            "warnung",
            "yaml-mehrdeutig",
            f"„{original}“ liest YAML 1.1 als {schemata.typname(wert)} ({str(wert).lower() if isinstance(wert, bool) else wert}); "
            f"hier ist Text gemeint und wird als Text genommen – bitte in Anführungszeichen setzen: \"{original}\"",
            json_pfad(pfad),
        )


def pruefe_datensatz(ds: Datensatz) -> Iterator[Befund]:
    yield from _fallen_aufloesen(ds)
    fehler = sorted(schemata.validator(ds.art).iter_errors(ds.dok.daten), key=lambda e: list(map(str, e.absolute_path)))
    # Verletzt ein Wert Muster und Format zugleich (Datum „2023-11-06 10:00“, E-Mail ohne @),
    # nur einmal melden: beim Datum sagt das Muster mehr („ohne Uhrzeit“), sonst das Format.
    formate = {tuple(f.absolute_path): f.validator_value for f in fehler if f.validator == "format"}
    muster = {tuple(f.absolute_path) for f in fehler if f.validator == "pattern"}
    for f in fehler:
        stelle = tuple(f.absolute_path)
        if stelle in formate and stelle in muster:
            if f.validator == ("format" if formate[stelle] == "date" else "pattern"):
                continue
        for pfad, meldung, an_schluessel in schemata.meldungen(f):
            if an_schluessel:
                zeile, spalte = ds.dok.position(pfad)
            elif f.validator == "required":
                zeile, spalte = ds.dok.position(pfad)
            else:
                zeile, spalte = ds.dok.wert_position(pfad)
            yield Befund(ds.datei, zeile, spalte, "fehler", "schema", meldung, json_pfad(pfad))
    ds.gueltig = not fehler
