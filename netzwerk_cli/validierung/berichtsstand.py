"""Bestand und Befunde für Berichte und Exporte – über denselben Zwischenspeicher wie `validate`.

Berichte (`status`, `gremium show`, Listen, Exporte, Sitzungsunterlagen, Diagramm) brauchen
einen Bestand mit den Daten aller gültigen Datensätze; `status` zeigt dazu die Zahl der Fehler
und Warnungen, wie `validate` sie meldet. Beides kommt von hier, damit keine Prüfung zweimal
läuft und Berichte und `validate` nie verschieden zählen:

* **mit Befunden** (`befunde=True`, nur `status`): der inkrementelle Weg von `validate`
  (`validierung.aktualisiert`, Schritte 1–6) und derselbe Bericht (`validierung._bericht`).
  Geprüft wird nur, was sich seit dem letzten Lauf geändert hat; der Speicher wird wie bei
  `validate` abgelegt.
* **nur Daten** (`befunde=False`): nur die Schritte 1–4 (Dateien finden, mit dem Speicher
  abgleichen, geänderte Dateien für sich prüfen, Bestand aus dem Speicher). Die Prüfungen über
  Datensätze hinweg laufen nicht – und ihr Zustand im Speicher bleibt unberührt (ein Export zu
  einem anderen Stichtag verwirft so nicht die Befunde des Tages). Der Bericht enthält wie
  bisher nur die Befunde beim Lesen und aus den Schemas.

In beiden Fällen ist der Bestand ein `bestand.aus_speicher.SpeicherBestand`: ein Datensatz wird
erst beim Zugriff aus dem Speicher geholt. Ein Bericht, der über alle Datensätze einer Art
geht, lädt also alle (wie vorher), prüft aber nichts ein zweites Mal.

Ohne nutzbaren Speicher (abgeschaltet, unsicher, `zwischenspeicher=False`) der vollständige
Weg von vorher: `bestand.laden.lade_bestand` und, mit Befunden, `validierung.pruefe_bestand`.
Dass beide Wege Byte für Byte dieselben Ausgaben liefern, zeigt `tests/test_berichte_speicher.py`.
"""

from __future__ import annotations

import gc
from pathlib import Path

from netzwerk_cli.bestand import Bestand
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.grundlagen.befunde import Befund, Bericht


def fuer_berichte(wurzel: Path, stichtag: str, befunde: bool, zwischenspeicher: bool = True) -> tuple[Bestand, Bericht]:
    """(Bestand, Bericht) für einen Bericht am Stichtag; siehe oben."""
    from netzwerk_cli.validierung import _bericht, aktualisiert, pruefe_bestand

    if zwischenspeicher:
        if befunde:
            inkrementell = aktualisiert(wurzel, stichtag)
            if inkrementell is not None:
                bestand = inkrementell.bestand
                return bestand, _bericht(bestand, (Befund(*b) for je in inkrementell.befunde.values() for b in je))
        else:
            aus_speicher = nur_bestand(wurzel)
            if aus_speicher is not None:
                return aus_speicher, _lesebefunde(aus_speicher)
    bestand = lade_bestand(wurzel, zwischenspeicher=zwischenspeicher)
    return bestand, pruefe_bestand(bestand, stichtag) if befunde else _lesebefunde(bestand)


def _lesebefunde(bestand: Bestand) -> Bericht:
    return Bericht(befunde=list(bestand.befunde), dateien=bestand.dateien)


def nur_bestand(wurzel: Path) -> Bestand | None:
    """Schritte 1–4 von `validierung.aktualisiert` ohne die Prüfungen über Datensätze hinweg;
    None ohne nutzbaren Speicher."""
    from netzwerk_cli import dateipruefung
    from netzwerk_cli.bestand import aus_speicher
    from netzwerk_cli.bestand.finden import _finden
    from netzwerk_cli.quellen import zwischenspeicher

    speicher = zwischenspeicher.oeffnen(wurzel, dateipruefung.werkzeug_kennung())
    if speicher is None:
        return None
    bereinigung = gc.isenabled()
    gc.disable()  # wie in `aktualisiert`: viele kleine azyklische Objekte
    try:
        gefunden, fund_befunde = _finden(wurzel)
        eintraege, frisch = dateipruefung.abgleichen_und_pruefen(gefunden, wurzel, speicher)
        bestand = aus_speicher.lade(wurzel, gefunden, fund_befunde, eintraege, frisch, speicher)
        speicher.speichern()  # nur die Metadaten und Daten geänderter Dateien; `quer.bin` bleibt
        return bestand
    finally:
        if bereinigung:
            gc.freeze()
            gc.enable()
