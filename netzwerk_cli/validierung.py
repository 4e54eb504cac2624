"""`validate` als reine Funktion: Bestand laden, alle Prüfungen laufen lassen, Bericht liefern."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netzwerk_cli.bestand import Bestand, lade_bestand
from netzwerk_cli.grundlagen.befunde import Bericht
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.querpruefung.regeln import kontext_fuer, netzwerkdatei_fehlt, pruefe_alle


def stichtag_pruefen(text: str | None) -> str:
    if text is None:
        return date.today().isoformat()
    try:
        return date.fromisoformat(text).isoformat() if len(text) == 10 else _falsch(text)
    except ValueError:
        return _falsch(text)


def _falsch(text: str) -> str:
    raise EinrichtungsFehler(f"„{text}“ ist kein gültiges Datum; bitte JJJJ-MM-TT angeben, z. B. 2024-06-30.")


def pruefe_bestand(bestand: Bestand, stichtag: str) -> Bericht:
    bericht = Bericht(befunde=list(bestand.befunde), dateien=bestand.dateien)
    if bestand.netzwerk is None:
        bericht.befunde.append(netzwerkdatei_fehlt())
    bericht.befunde.extend(pruefe_alle(bestand, kontext_fuer(bestand, stichtag)))
    bericht.befunde = _begrenzt(bericht.befunde)
    return bericht


MAX_JE_DATEI_UND_REGEL = 200


def _begrenzt(befunde: list) -> list:
    """Höchstens MAX_JE_DATEI_UND_REGEL Befunde je (Datei, Regel), dazu ein zusammenfassender:
    eine feindselige Datei darf die Ausgabe (und CI-Protokolle) nicht mit Zehntausenden Zeilen fluten."""
    from collections import Counter

    from netzwerk_cli.grundlagen.befunde import Befund

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
    `basis` und HEAD hinzu (siehe basisvergleich.py). Mit Zwischenspeicher prüft
    `querpruefung` nur, was sich seit dem letzten Lauf geändert hat (und was davon abhängt);
    `zwischenspeicher=False` liest und prüft alles neu (`validate --kein-cache`).
    """
    inkrementell = None
    if zwischenspeicher and basis is None:
        from netzwerk_cli import querpruefung

        inkrementell = querpruefung.pruefe(wurzel, stichtag)
    if inkrementell is not None:
        bericht = inkrementell[0]
        bericht.befunde = _begrenzt(bericht.befunde)
    else:
        bestand = lade_bestand(wurzel, zwischenspeicher=zwischenspeicher)
        bericht = pruefe_bestand(bestand, stichtag)
    if basis is not None:
        from netzwerk_cli import basisvergleich

        bericht.befunde.extend(basisvergleich.vergleiche(bestand, basis))
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
