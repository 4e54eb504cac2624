"""Die Prüfungen von `validate`.

Zuerst die Schemaprüfung (`pruefe_schema`): sie markiert gültige Datensätze, auf die die
übrigen bauen; für geladene Dateien hat sie schon `dateipruefung` erledigt. Die übrigen
Prüfungen prüfen je einen Datensatz (das Subjekt): `pruefe_eins(ds, bestand, kontext)`
liefert Befunde zu diesem Datensatz und liest andere Datensätze nur über die Nachschlage-
Methoden des Bestands (siehe `abhaengigkeiten`). Jedes Modul nennt in `SUBJEKTE`, welche
Arten es mit welcher Funktion prüft. Keine Prüfung gibt etwas aus.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from netzwerk_cli.bestand import BestandLesen


@dataclass(frozen=True)
class Kontext:
    stichtag: str  # JJJJ-MM-TT
    wiedervorlage_monate: int = 12


def kontext_fuer(bestand, stichtag: str) -> Kontext:
    # Nur aus einer schema-gültigen netzwerk.yaml (1–120 Monate); sonst der Standard, den der
    # Schemabefund ohnehin anmahnt.
    gueltig = bestand.netzwerk is not None and bestand.netzwerk.gueltig
    monate = bestand.einstellungen.get("wiedervorlage_monate") if gueltig else None
    return Kontext(stichtag=stichtag, wiedervorlage_monate=monate if isinstance(monate, int) and not isinstance(monate, bool) and 0 < monate <= 120 else 12)


def netzwerkdatei_fehlt():
    from netzwerk_cli.grundlagen.befunde import Befund

    return Befund("netzwerk.yaml", 1, 1, "fehler", "datei-ungueltig", "netzwerk.yaml fehlt", "$")


_je_art: dict[str, tuple[Callable, ...]] | None = None


def je_art() -> dict[str, tuple[Callable, ...]]:
    """Für jede Art die Prüfungen, die einen Datensatz dieser Art als Subjekt haben."""
    global _je_art
    if _je_art is None:
        from netzwerk_cli.grundlagen.arten import ARTEN
        from netzwerk_cli.querpruefung.regeln import arbeitsgruppen, empfehlungen, gremien, konzepte, referenzen, sitzungen, zeitraeume

        tabelle: dict[str, list[Callable]] = {art: [] for art in ARTEN}
        for modul in (referenzen, zeitraeume, gremien, sitzungen, arbeitsgruppen, empfehlungen, konzepte):
            for art, pruefung in modul.SUBJEKTE.items():
                for a in ARTEN if art == "*" else (art,):
                    tabelle[a].append(pruefung)
        _je_art = {art: tuple(p) for art, p in tabelle.items()}
    return _je_art


def pruefe_datensatz(ds, bestand: BestandLesen, kontext: Kontext) -> Iterator:
    """Alle Prüfungen über mehrere Datensätze, deren Subjekt `ds` ist."""
    for pruefung in je_art()[ds.art]:
        yield from pruefung(ds, bestand, kontext)


def pruefe_alle(bestand, kontext: Kontext) -> Iterator:
    """Alle Prüfungen für alle Datensätze (ohne Aufzeichnung; der vollständige Weg)."""
    bestand.vergessen()
    yield from pruefe_schema(bestand, kontext)
    for ds in bestand.alle():
        yield from pruefe_datensatz(ds, bestand, kontext)


def pruefe_schema(bestand, kontext=None) -> Iterator:
    """Schemaprüfung für Datensätze, die nicht über den Lader kamen (sonst erledigt sie `dateipruefung`)."""
    for ds in bestand.alle():
        if ds.lesbar and not ds.geprueft:
            yield from pruefe_schema_datensatz(ds)


def pruefe_schema_datensatz(ds) -> Iterator:
    from netzwerk_cli.dateipruefung.schema import pruefe_dokument  # lädt jsonschema erst bei Bedarf

    befunde, gueltig = pruefe_dokument(ds.art, ds.datei, ds.dok)
    yield from befunde
    ds.gueltig = gueltig
    ds.geprueft = True
