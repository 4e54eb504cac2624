"""Kernfunktionen der Befehle `export oparl` und `export ical`: Bestand laden, Pseudonym-Schlüssel
holen, Ausgabe bauen, schreiben (nur in ORDNER, atomar) und – bei OParl – prüfen."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler


@dataclass
class Ergebnis:
    zusammenfassung: str
    hinweise: list[str] = field(default_factory=list)
    befunde: list = field(default_factory=list)


def _laden(daten: Path | None):
    from netzwerk_cli.berichte.grundlagen import laden

    repo = laden(daten, "9999-12-31", pruefen=False)
    return repo


def _schluessel(wurzel: Path, hinweise: list[str]) -> bytes:
    from netzwerk_cli.quellen.pseudonym import DATEI, schluessel_holen

    schluessel, neu = schluessel_holen(wurzel, anlegen=True)
    if neu:
        hinweise.append(
            f"Neuer Pseudonym-Schlüssel in {DATEI.as_posix()} angelegt: er macht die Kennungen privater Personen "
            "in öffentlichen Ausgaben stabil und nicht zurückrechenbar. Bitte mit den Daten committen und nie veröffentlichen."
        )
    return schluessel


def _ausgabe_pruefen(wurzel: Path, ordner: Path) -> Path:
    """ORDNER darf nicht im Datenrepository liegen (sonst würden Exporte zu Datensätzen)."""
    ziel = Path(ordner).absolute()
    try:
        ziel.resolve().relative_to(wurzel.resolve())
    except ValueError:
        return ziel
    raise EinrichtungsFehler(f"Der Ausgabeordner „{ordner}“ liegt im Datenrepository; bitte einen Ordner außerhalb angeben.")


def oparl(daten: Path | None, ordner: Path, basis_url: str) -> Ergebnis:
    from netzwerk_cli.export import oparl as oparl_export
    from netzwerk_cli.export.oparl_pruefung import pruefe_ordner
    from netzwerk_cli.export.schreiben import schreibe_baum

    basis = oparl_export.basis_url_pruefen(basis_url)  # vor allem anderen: Aufruffehler zuerst
    repo = _laden(daten)
    ziel = _ausgabe_pruefen(repo.wurzel, ordner)
    hinweise: list[str] = []
    schluessel = _schluessel(repo.wurzel, hinweise)
    export = oparl_export.exportieren(repo.wurzel, repo.bestand, basis, schluessel)
    hinweise += export.hinweise
    if repo.pruefung.befunde:
        hinweise.append(
            f"Der Bestand hat {len(repo.pruefung.befunde)} Befunde beim Lesen oder in den Schemas; fehlerhafte Datensätze fehlen im Export "
            "(„netzwerk validate“ zeigt sie)."
        )
    dateien = export.als_bytes()
    schreibe_baum(ziel, dateien, "oparl")
    anzahl = len(dateien)
    befunde = pruefe_ordner(ziel, basis)
    text = f"OParl-Export: {anzahl} Dateien in {ordner}, Einstieg {basis}/system.json; OParl-Prüfung: "
    text += "keine Befunde." if not befunde else f"{len(befunde)} Befunde."
    return Ergebnis(text, hinweise, befunde)


def ical(daten: Path | None, ordner: Path) -> Ergebnis:
    from netzwerk_cli.export import kalender
    from netzwerk_cli.export.schreiben import schreibe_baum

    repo = _laden(daten)
    ziel = _ausgabe_pruefen(repo.wurzel, ordner)
    hinweise: list[str] = []
    schluessel = _schluessel(repo.wurzel, hinweise)
    dateien, weitere = kalender.kalender(repo.wurzel, repo.bestand, schluessel)
    hinweise += weitere
    schreibe_baum(ziel, dateien, "ical")
    anzahl = len(dateien)
    return Ergebnis(f"Kalender: {anzahl} .ics-Dateien in {ordner}.", hinweise)
