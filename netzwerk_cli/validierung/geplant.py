"""Der geplante Stand eines Schreibvorgangs, schnell geprüft: nur, was die Änderung berührt.

Der Schreibweg (`aktionen/schreibvorgang.py`) lehnt eine Änderung ab, wenn der geplante Stand
Fehler hätte, die der jetzige nicht hat. Vollständig hieße das: alle Prüfungen von `validate`
zweimal über das ganze Repository. Hier geschieht dasselbe mit dem Zwischenspeicher:

1. **jetzt** – der jetzige Stand wie bei `validate` mit Zwischenspeicher (`querpruefung`):
   Befunde je Subjekt und die umgekehrten Abhängigkeiten, auf den Stand der Dateien von jetzt
   gebracht (nur Geändertes neu geprüft);
2. **geplant** – die geplanten Bytes überlagern den Bestand im Speicher
   (`bestand.ueberlagerung`, dieselbe Überlagerung wie der vollständige Weg). Neu geprüft
   werden genau die Subjekte, die auch `validate` nach dieser Änderung neu prüfen würde: die
   der geänderten Dateien und alle, die von einem ungültig gewordenen Schlüssel abhängen
   (`querpruefung._ungueltige_schluessel`). Alle anderen Subjekte haben im geplanten Stand
   dieselben Befunde wie jetzt.

Geschrieben wird der Zwischenspeicher nur, wenn der Aufrufer es erlaubt (`schreiben`): Ein
schreibender Befehl soll neben seinen Datendateien nichts anderes anfassen (Absturztests).
Gibt es keinen nutzbaren Speicher oder ändert der Vorgang `netzwerk.yaml` (Einstellungen der
Prüfungen), liefert `oeffnen` bzw. `Stand.mit` None, und der Schreibweg prüft vollständig.
Dass beide Wege dasselbe entscheiden, zeigt `tests/test_schreibvorgang_schnell.py`.
"""

from __future__ import annotations

import gc
from pathlib import Path

from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.querpruefung import kontext_schluessel, ungueltige_schluessel
from netzwerk_cli.querpruefung.regeln import Kontext, kontext_fuer, netzwerkdatei_fehlt, pruefe_datensatz


class Stand:
    """Der jetzige Stand mit Befunden je Subjekt und Abhängigkeiten (aus `querpruefung`)."""

    def __init__(self, bestand, kontext: Kontext, zustand: dict, speicher, stichtag: str):
        self.bestand = bestand
        self.kontext = kontext
        self.zustand = zustand
        self.speicher = speicher
        self.stichtag = stichtag

    def jetzt(self) -> list[Befund]:
        """Alle Befunde des jetzigen Stands (wie `validierung.pruefe_bestand`, ohne Begrenzung)."""
        return self._liste(self.bestand, self.zustand["befunde"])

    def _liste(self, bestand, je_subjekt: dict) -> list[Befund]:
        befunde = list(bestand.befunde)
        if bestand.netzwerk is None:
            befunde.append(netzwerkdatei_fehlt())
        befunde.extend(Befund(*b) for gefunden in je_subjekt.values() for b in gefunden)
        return befunde

    def mit(self, dateien: dict[str, bytes | None]) -> list[Befund] | None:
        """Alle Befunde des Stands mit diesen Dateien (Bytes; None = gelöscht); None, wenn das
        nur vollständig geht (`netzwerk.yaml` geändert, Speicher passt nicht)."""
        from netzwerk_cli.bestand.ueberlagerung import art_der_datei, ueberlagert_lazy
        from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, indexwerte

        if NETZWERK_DATEI in dateien:
            return None
        bereinigung = gc.isenabled()
        gc.disable()
        try:
            neu, ergebnisse = ueberlagert_lazy(self.bestand, dateien)
            if kontext_schluessel(kontext_fuer(neu, self.stichtag)) != kontext_schluessel(self.kontext):
                return None
            stand: dict = self.zustand["stand"]
            geaendert = [d for d, erg in ergebnisse.items() if erg is not None]
            weg = {d for d, erg in ergebnisse.items() if erg is None and d in stand}
            koepfe_neu = {}
            for d in geaendert:
                kopf = indexwerte(art_der_datei(d), ergebnisse[d].daten)  # type: ignore[arg-type, union-attr]
                if kopf is not None:
                    koepfe_neu[d] = kopf
            ungueltig, subjekte = ungueltige_schluessel(geaendert, weg, stand, self.zustand["koepfe"], koepfe_neu)
            nummern = self.speicher.abhaengige(ungueltig, list(self.zustand["generationen"]))
            if nummern is None:
                return None
            alle_subjekte = self.zustand["subjekte"]
            try:
                subjekte.update(s for n in nummern if (s := alle_subjekte[n]))
            except (IndexError, TypeError):
                return None
            je_subjekt = dict(self.zustand["befunde"])
            for subjekt in sorted(subjekte):
                je_subjekt.pop(subjekt, None)
                art, id_ = subjekt.split("\0", 1)
                ds = neu.netzwerk if art == "netzwerk" else neu.hole(art, id_)
                if ds is None:
                    continue
                gefunden = tuple(
                    (b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in pruefe_datensatz(ds, neu, self.kontext)
                )
                if gefunden:
                    je_subjekt[subjekt] = gefunden
            return self._liste(neu, je_subjekt)
        finally:
            if bereinigung:
                gc.enable()


def oeffnen(wurzel: Path, stichtag: str, schreiben: bool = False) -> Stand | None:
    """Der jetzige Stand über den Zwischenspeicher; None ohne nutzbaren Speicher. `schreiben`:
    den auf den neuen Stand gebrachten Speicher auch ablegen (wie `validate`)."""
    from netzwerk_cli.validierung import aktualisiert

    erg = aktualisiert(wurzel, stichtag, schreiben)
    if erg is None:
        return None
    bestand, kontext, befunde, speicher = erg
    zustand = speicher.quer()
    if zustand is None or tuple(zustand["kontext"]) != kontext_schluessel(kontext) or zustand["befunde"] is not befunde:
        return None  # verworfen (zwei Läufe zugleich): vollständig prüfen
    return Stand(bestand, kontext, zustand, speicher, stichtag)

