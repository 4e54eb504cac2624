"""Die geplante Anonymisierung schreiben: `ausfuehren(plan)` (wiederaufnehmbar, jeder Schritt
atomar) und, mit --commit, `commit_vorpruefen(plan)` und `committen(plan)` über den gemeinsamen
Schreibweg (`vorgang(plan)`, aktionen/schreibvorgang.py).
"""

from __future__ import annotations

from pathlib import Path
from typing import cast

from netzwerk_cli.aktionen.anonymisierung.fundstellen import _BOM
from netzwerk_cli.aktionen.anonymisierung.plan import _VORSCHLAG, NEUTRALER_NAME, Plan
from netzwerk_cli.grundlagen.befunde import Befund
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt
from netzwerk_cli.quellen import dateien

# --------------------------------------------------------------------------- Ausführen


def ausfuehren(plan: Plan) -> None:
    """Schreibt den Plan. Reihenfolge (jeder Schritt atomar, der Lauf wiederaufnehmbar):

    1. Die alte Personendatei bekommt eine erste Kommentarzeile mit der neuen id (Marke); so
       findet ein erneuter Aufruf nach einer Unterbrechung dieselbe neue id wieder.
    2. Die neue Personendatei wird angelegt (gibt es sie aus dem unterbrochenen Lauf, bleibt sie).
    3. Die Verweise werden Datei für Datei umgestellt (Arten in der Reihenfolge von
       `bestand.ARTEN`, dann nach Pfad); jede Datei nur, wenn sie seit dem Planen unverändert ist.
    4. Zuletzt wird die alte Personendatei gelöscht (nur, wenn sie unverändert ist).

    Bricht ein Schritt ab, bleibt ein gültiger Zwischenstand: beide Personendateien existieren,
    ein Teil der Verweise zeigt schon auf die neue id. Derselbe Aufruf setzt dann fort.
    """
    if plan.befunde:
        raise Abgelehnt("der geplante Stand hätte neue Fehler; nichts geschrieben")
    alt_pfad = plan.wurzel / plan.alte_datei
    erwartet = plan._alt_person
    # Vorab jedes Ziel prüfen (innerhalb der Wurzel, keine Verknüpfung auf dem Weg): sonst wäre
    # schon die Marke geschrieben, bevor ein verknüpfter Ordner auffällt. Unter der Sperre prüft
    # jeder Schreibvorgang noch einmal (ein Ordner kann inzwischen getauscht worden sein).
    for pfad in (alt_pfad, *(plan.wurzel / a.datei for a in plan.aenderungen)):
        dateien.pruefe_schreibziel(plan.wurzel, pfad)
    if not plan.fortsetzung:
        text = plan._alt_person.decode("utf-8")
        bom = _BOM if text.startswith(_BOM) else ""
        markiert = bom + plan._marke + text.removeprefix(_BOM)
        dateien.ersetze_wenn_unveraendert(alt_pfad, plan._alt_person, markiert, wurzel=plan.wurzel)
        erwartet = markiert.encode("utf-8")
    for a in plan.aenderungen:
        pfad = plan.wurzel / a.datei
        if a.art == "neu":
            if not a.vorhanden:
                dateien.erstelle_neu(pfad, cast(str, a.neu), wurzel=plan.wurzel)  # neu: mit Inhalt
        elif a.art == "geaendert":  # geändert: alter und neuer Inhalt
            dateien.ersetze_wenn_unveraendert(pfad, cast(bytes, a.alt), cast(str, a.neu), wurzel=plan.wurzel)
        elif a.art == "geloescht":
            dateien.loesche_wenn_unveraendert(pfad, erwartet, wurzel=plan.wurzel)
    _zwischenspeicher_auffrischen(plan.wurzel)


def _zwischenspeicher_auffrischen(wurzel: Path) -> None:
    """Der Zwischenspeicher von `validate` hält je Datei die gelesenen Daten, also auch Name und
    Kontaktdaten der alten Personendatei, und die ids in den Abhängigkeiten. Einmal prüfen
    gleicht ihn mit dem Arbeitsbaum ab (Einträge gelöschter Dateien fallen weg). Scheitert
    das, bleibt die Anonymisierung gültig."""

    from netzwerk_cli.validierung import aktualisiert

    try:
        aktualisiert(wurzel, heute_iso())
    except Exception:
        pass


# --------------------------------------------------------------------------- Git


def vorgang(plan: Plan):
    """Der Plan als Vorgang des gemeinsamen Schreibwegs (aktionen/schreibvorgang.py); Befunde
    werden wie beim Planen verglichen (alte id und Name gelten als durch die neuen ersetzt)."""
    from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang

    aenderungen = [
        Dateiaenderung(a.datei, a.alt, None if a.neu is None else a.neu.encode("utf-8")) for a in plan.aenderungen
    ]
    umbenannt = {plan.alte_datei: plan.neue_datei}

    def schluessel(b: Befund) -> tuple:
        meldung = plan.begriffe.schwaerzen(b.meldung.replace(plan.person, plan.neue_id), mit_id=False).replace(NEUTRALER_NAME, "[Name]")
        return (umbenannt.get(b.datei, b.datei), b.regel, b.pfad, _VORSCHLAG.sub("", meldung))

    betreff, _, rest = plan.commit_nachricht().partition("\n\n")
    return Vorgang(plan.wurzel, aenderungen, betreff, text=rest.rstrip("\n"), schluessel=schluessel)


def commit_vorpruefen(plan: Plan) -> None:
    """Mit --commit: vor dem Schreiben sicherstellen, dass der Commit genau diese Änderung enthält
    und einen Stand festhält, der `validate` besteht (gemeinsamer Schreibweg)."""
    from netzwerk_cli.aktionen import schreibvorgang
    from netzwerk_cli.quellen import git

    git.commit_vorpruefen(plan.wurzel)  # kein Repository, Merge/Rebase, index.lock, losgelöster HEAD
    if plan.fortsetzung:
        raise Abgelehnt(
            "--commit: ein unterbrochener Lauf hat schon Dateien geändert; bitte ohne --commit fortsetzen, "
            "das Ergebnis prüfen und selbst committen. Nichts geschrieben"
        )
    schreibvorgang.commit_vorpruefen(vorgang(plan), stichtag=plan.stichtag)


def committen(plan: Plan) -> str:
    from netzwerk_cli.aktionen import schreibvorgang

    return schreibvorgang.committen(vorgang(plan), zuruecknehmen_bei_fehler=False)
