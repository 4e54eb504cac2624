"""Der Ablauf von `validate` – die einzige Stelle, die mehrere Stufen ruft (docs/ARCHITEKTUR.md):

Dateien finden (`bestand`) → mit dem Zwischenspeicher abgleichen und geänderte Dateien für sich
prüfen (`dateipruefung`) → Bestand bauen (`bestand`, `bestand.aus_speicher`) → Prüfungen über
Datensätze hinweg (`querpruefung`) → Speicher ablegen → Bericht (einmal, `_bericht`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from netzwerk_cli import querpruefung
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.grundlagen.befunde import Befund, Bericht
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.querpruefung.regeln import Kontext, kontext_fuer, netzwerkdatei_fehlt, pruefe_alle

if TYPE_CHECKING:
    from netzwerk_cli.quellen.zwischenspeicher import Speicher


def stichtag_pruefen(text: str | None) -> str:
    if text is None:
        return heute_iso()
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else _falsch(text)
    except ValueError:
        return _falsch(text)


def _falsch(text: str) -> str:
    raise EinrichtungsFehler(f"„{text}“ ist kein gültiges Datum; bitte JJJJ-MM-TT angeben, z. B. 2024-06-30.")


def _bericht(bestand: Bestand, befunde: Iterable[Befund]) -> Bericht:
    """Der Bericht – an genau dieser Stelle zusammengesetzt: Lesebefunde, fehlende netzwerk.yaml,
    Befunde der Prüfungen; je Datei und Regel begrenzt."""
    bericht = Bericht(befunde=list(bestand.befunde), dateien=bestand.dateien)
    if bestand.netzwerk is None:
        bericht.befunde.append(netzwerkdatei_fehlt())
    bericht.befunde.extend(befunde)
    bericht.befunde = _begrenzt(bericht.befunde)
    return bericht


def pruefe_bestand(bestand: Bestand, stichtag: str) -> Bericht:
    """Alle Prüfungen über einen geladenen Bestand (der vollständige Weg, ohne Speicher)."""
    return _bericht(bestand, pruefe_alle(bestand, kontext_fuer(bestand, stichtag)))


class Aktualisiert(NamedTuple):
    """Der Zwischenspeicher, auf den Stand der Dateien von jetzt gebracht."""

    bestand: Bestand
    kontext: Kontext
    befunde: dict[str, tuple]  # je Subjekt
    speicher: Speicher


def aktualisiert(wurzel: Path, stichtag: str, schreiben: bool = True) -> Aktualisiert | None:
    """Der inkrementelle Weg: None ohne nutzbaren Zwischenspeicher. `schreiben=False`: der neue
    Stand bleibt im Speicher des Prozesses (für schreibende Befehle, `validierung.geplant`)."""
    from netzwerk_cli import dateipruefung
    from netzwerk_cli.bestand import aus_speicher
    from netzwerk_cli.bestand.finden import _finden
    from netzwerk_cli.quellen import zwischenspeicher

    speicher = zwischenspeicher.oeffnen(wurzel, dateipruefung.werkzeug_kennung())
    if speicher is None:
        return None
    # Millionen kleiner azyklischer Objekte: die zyklische Speicherbereinigung würde sie immer
    # wieder durchsuchen (bei 100 000 Datensätzen dreimal so lange).
    bereinigung = gc.isenabled()
    gc.disable()
    try:
        gefunden, fund_befunde = _finden(wurzel)  # 1. Dateien finden
        eintraege, frisch = dateipruefung.abgleichen_und_pruefen(gefunden, wurzel, speicher)  # 2. je Datei
        bestand = aus_speicher.lade(wurzel, gefunden, fund_befunde, eintraege, frisch, speicher)  # 3. Bestand
        kontext = kontext_fuer(bestand, stichtag)
        stand = {rel: e[1] for (_, _, rel), e in zip(gefunden, eintraege, strict=True)}
        koepfe = {rel: e[5] for (_, _, rel), e in zip(gefunden, eintraege, strict=True) if e[5] is not None}
        befunde = querpruefung.pruefe(bestand, kontext, speicher, stand, koepfe)  # 4. über Datensätze
        if schreiben:
            speicher.speichern()  # 5. Speicher ablegen
        return Aktualisiert(bestand, kontext, befunde, speicher)
    finally:
        if bereinigung:
            gc.freeze()
            gc.enable()


MAX_JE_DATEI_UND_REGEL = 200


def _begrenzt(befunde: list) -> list:
    """Höchstens MAX_JE_DATEI_UND_REGEL Befunde je (Datei, Regel), dazu ein zusammenfassender:
    eine feindselige Datei darf die Ausgabe (und CI-Protokolle) nicht mit Zehntausenden Zeilen fluten."""
    from collections import Counter

    anzahl = Counter((b.datei, b.regel) for b in befunde)
    if max(anzahl.values(), default=0) <= MAX_JE_DATEI_UND_REGEL:
        return befunde
    ergebnis: list[Befund] = []
    gezeigt: Counter[tuple[str, str]] = Counter()
    for b in sorted(befunde, key=Befund.sortierschluessel):
        schluessel = (b.datei, b.regel)
        gezeigt[schluessel] += 1
        if gezeigt[schluessel] <= MAX_JE_DATEI_UND_REGEL:
            ergebnis.append(b)
        elif gezeigt[schluessel] == MAX_JE_DATEI_UND_REGEL + 1:
            rest = anzahl[schluessel] - MAX_JE_DATEI_UND_REGEL
            ergebnis.append(Befund(b.datei, 1, 1, b.schwere, b.regel, f"… und {rest} weitere Befunde dieser Regel in dieser Datei (nicht einzeln gemeldet)", "$"))
    return ergebnis


def validiere(
    wurzel: Path, stichtag: str, pfade: list[Path] | None = None, basis: str | None = None, zwischenspeicher: bool = True
) -> Bericht:
    """Prüft das ganze Repository; mit `pfade` werden nur Befunde zu diesen Dateien berichtet.

    Mit `basis` (Git-Verweis) kommen die Befunde des Vergleichs mit der Merge-Basis von
    `basis` und HEAD hinzu (siehe basisvergleich.py); mit Zwischenspeicher nur für die
    Datensätze, die sich seit der Basis geändert haben können. Mit Zwischenspeicher prüft
    `querpruefung` nur, was sich seit dem letzten Lauf geändert hat (und was davon abhängt);
    `zwischenspeicher=False` liest und prüft alles neu (`validate --kein-cache`).
    """
    if basis is not None:  # REF zuerst auflösen; Git sucht die geänderten Pfade, während hier geprüft wird
        from netzwerk_cli import basisvergleich

        vergleich = basisvergleich.vorbereiten(wurzel, basis, zwischenspeicher)
    inkrementell = aktualisiert(wurzel, stichtag) if zwischenspeicher else None
    if inkrementell is not None:
        bestand: Bestand = inkrementell.bestand
        bericht = _bericht(bestand, (Befund(*b) for je in inkrementell.befunde.values() for b in je))  # 6. Bericht
    else:
        bestand = lade_bestand(wurzel, zwischenspeicher=zwischenspeicher)
        bericht = pruefe_bestand(bestand, stichtag)
    if basis is not None:  # nur die geänderten Datensätze; mit Speicher ohne alles zu laden
        bericht.befunde.extend(basisvergleich.vergleiche(bestand, vergleich, inkrementell.speicher if inkrementell else None))
    auswahl = _auswahl(wurzel, pfade) if pfade else [""]
    if auswahl != [""]:
        bericht.befunde = [b for b in bericht.befunde if any(b.datei == a or b.datei.startswith(a + "/") for a in auswahl)]
    return bericht


def _auswahl(wurzel: Path, pfade: list[Path]) -> list[str]:
    auswahl = []
    for p in pfade:
        absolut = (Path.cwd() / p).resolve() if not Path(p).is_absolute() else Path(p).resolve()
        try:
            rel = absolut.relative_to(wurzel)
        except ValueError:
            raise EinrichtungsFehler(f"„{p}“ liegt nicht im Datenrepository {wurzel}") from None
        auswahl.append(rel.as_posix() if rel.parts else "")
    if "" in auswahl:
        return [""]
    return auswahl
