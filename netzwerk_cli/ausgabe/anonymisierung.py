"""Darstellung von `netzwerk person anonymisieren`: Text (Rich) und JSON.

Liest vom Plan nur Felder ohne Name und Kontaktdaten; Diffs und Commit-Betreffe kommen
geschwärzt aus dem Kern. Die alte id erscheint (sie steht im Aufruf), der Name nie.
"""

from __future__ import annotations

from netzwerk_cli.aktionen.anonymisierung.fundstellen import ARTEN_TEXT, Geschichte
from netzwerk_cli.aktionen.anonymisierung.plan import NEUTRALER_NAME, Plan
from netzwerk_cli.grundlagen.escape import json_text
from netzwerk_cli.grundlagen.escape import rich as escape

OPTIONEN = (
    (
        "Geschichte behalten",
        "wenn Aufbewahrungs- oder Archivpflichten (z. B. Aktenführung, Landesarchivgesetz) oder die "
        "Nachvollziehbarkeit von Beschlüssen überwiegen (Art. 17 Abs. 3 DSGVO). Dann den Zugang zum "
        "Repository auf die Geschäftsstelle beschränken und die Entscheidung mit der oder dem "
        "Datenschutzbeauftragten dokumentieren.",
    ),
    (
        "Geschichte umschreiben",
        "mit „git filter-repo“ (z. B. --replace-text für Name, id und Kontaktdaten) in einer abgestimmten "
        "Aktion: alle Beteiligten committen und pushen vorher, danach force-push aller Zweige und Tags; "
        "jeder Klon wird neu geklont (alte Klone nicht weiterverwenden), Forks, offene Pull/Merge Requests, "
        "CI-Caches, Sicherungen und beim Hoster zwischengespeicherte Commits werden entfernt bzw. gelöscht; "
        "anschließend „git reflog expire --expire=now --all“ und „git gc --prune=now“. Alle Commit-Hashes ab "
        "dem ältesten Fund ändern sich.",
    ),
)
KEINE_UMSCHREIBUNG = "netzwerk schreibt die Geschichte nicht um; das entscheidet die Koordination."


def _felder(namen: list[str]) -> str:
    return ", ".join(namen) if namen else "–"


def als_text(plan: Plan, geschichte: Geschichte | None, konsole, geschrieben: bool, commit: str | None = None) -> None:
    p = konsole.print
    if plan.fortsetzung:
        p("Fortsetzung eines unterbrochenen Laufs.")
    verb = "anonymisiert" if geschrieben else "würde anonymisiert"
    p(f"[bold]Person „{escape(plan.person)}“ {verb}[/] → „{escape(plan.neue_id)}“ ({escape(plan.neue_datei)})")
    p(f"  Name ersetzt durch „{NEUTRALER_NAME}“, öffentlich: false")
    p(f"  entfernt: {escape(_felder([f for f in plan.entfernt if not f.startswith('Name')]))}")
    p(f"  behalten: {escape(_felder(plan.behalten))}")
    dateien = plan.verweisdateien
    p(f"  Verweise umgestellt: {plan.anzahl_verweise} in {len(dateien)} {'Datei' if len(dateien) == 1 else 'Dateien'}")
    for a in dateien:
        p(f"    {escape(a.datei)}  {escape(', '.join(a.verweise))}")
    p(f"  Prüfung des neuen Stands (Stichtag {plan.stichtag}): keine neuen Fehler ({plan.fehler_nachher} Fehler insgesamt)")
    if commit:
        p(f"  Commit {commit[:10]}")
    p()
    verbleibend_text(plan, konsole)
    p()
    if geschichte is not None:
        geschichte_text(geschichte, konsole)


def verbleibend_text(plan: Plan, konsole) -> None:
    p = konsole.print
    if not plan.verbleibend:
        p("[green]Im Arbeitsbaum stehen danach weder Name noch alte id noch Kontaktdaten.[/]")
    else:
        n = len(plan.verbleibend)
        p(f"[bold yellow]Noch zu prüfen: {n} {'Stelle' if n == 1 else 'Stellen'}[/] (Freitext, Kommentare, andere Dateien – nicht automatisch geändert):")
        for f in plan.verbleibend:
            if f.zeile == 0:
                p(f"  {escape(f.datei)}  {ARTEN_TEXT[f.art]} im Datei- oder Ordnernamen")
                continue
            pfad = f"  {f.pfad}" if f.pfad else ""
            p(f"  {escape(f.datei)}:{f.zeile}:{f.spalte}  {ARTEN_TEXT[f.art]}{escape(pfad)}")
        p(
            "  Bitte von Hand bearbeiten (z. B. den Namen durch die Funktion ersetzen). Tipp: erst mit --dry-run "
            "bereinigen, dann anonymisieren – danach lässt sich diese Liste nicht mehr erzeugen."
        )
    if plan.nicht_durchsucht:
        p(f"  Nicht durchsucht (keine UTF-8-Textdatei oder größer als 1 MiB): {escape(', '.join(plan.nicht_durchsucht))}")


def geschichte_text(g: Geschichte, konsole) -> None:
    p = konsole.print
    if g.meldung:
        p(escape(g.meldung))
        return
    if not g.repository:
        p(
            "Git: Die Daten liegen in keinem Git-Repository; es gibt keine Geschichte zu prüfen. "
            "Sicherungen sowie frühere Kopien und Exporte der Daten erfasst netzwerk nicht."
        )
        return
    if not g.commits:
        p("[green]Git: Kein Commit enthält den alten Namen, die alte id oder die Kontaktdaten.[/]")
        return
    n = len(g.commits)
    p(f"[bold]Git-Geschichte: {n} {'Commit enthält' if n == 1 else 'Commits enthalten'} die Angaben noch[/] (Änderungen oder Nachricht; alle Zweige und Tags):")
    for c in g.commits:
        arten = [ARTEN_TEXT.get(a, a) for a in c["arten"]] + [f"{ARTEN_TEXT.get(a, a)} in Nachricht" for a in c["in_nachricht"]]
        p(f"  {c['commit'][:10]}  {c['datum'][:10]}  {escape(c['autor'])}  {escape(c['betreff'])}  [dim]\\[{escape(', '.join(arten))}][/]")
    p(f"Diese Commits enthalten die Angaben weiter. {KEINE_UMSCHREIBUNG} Möglichkeiten:")
    for i, (titel, text) in enumerate(OPTIONEN, 1):
        p(f"  {i}. [bold]{titel}[/]: {escape(text)}")
    p("  Einzelheiten: docs/DATENSCHUTZ.md")


def abgelehnt_text(plan: Plan, konsole) -> None:
    """Neue Fehler, die der geplante Stand hätte (dann wird nichts geschrieben)."""
    p = konsole.print
    p(f"Anonymisierung von „{escape(plan.person)}“ → „{escape(plan.neue_id)}“ ergäbe neue Fehler:")
    for b in plan.befunde:
        p(f"  {escape(b.datei)}:{b.zeile}:{b.spalte}: fehler [dim]\\[{b.regel}][/] {escape(plan.schwaerzen(b.meldung))}")
    p(
        "Mit --amt-entfernen entfallen Organisation, Funktion und Rollen, die Sitzregeln brauchen: ohne diese "
        "Option anonymisieren oder zuerst die Mitgliedschaft beenden (bis: …)."
        if "Organisation" not in plan.behalten and any(b.regel.startswith("sitz") for b in plan.befunde)
        else "Bitte die Ursache beheben und erneut ausführen."
    )


def als_json(plan: Plan, geschichte: Geschichte | None, geschrieben: bool, commit: str | None = None, diff: bool = False) -> str:
    daten = {
        "person": plan.person,
        "neue_id": plan.neue_id,
        "datei": plan.alte_datei,
        "neue_datei": plan.neue_datei,
        "geschrieben": geschrieben,
        "fortsetzung": plan.fortsetzung,
        "commit": commit,
        "entfernt": plan.entfernt,
        "behalten": plan.behalten,
        "aenderungen": [
            {"datei": a.datei, "art": a.art, "verweise": list(a.verweise)} for a in plan.aenderungen
        ],
        "befunde": [dict(b.als_dict(), meldung=plan.schwaerzen(b.meldung)) for b in plan.befunde],
        "verbleibend": [f.als_dict() for f in plan.verbleibend],
        "nicht_durchsucht": plan.nicht_durchsucht,
        "git": None
        if geschichte is None
        else {
            "repository": geschichte.repository,
            "meldung": geschichte.meldung,
            "commits": geschichte.commits,
            "optionen": [{"titel": t, "text": x} for t, x in OPTIONEN] if geschichte.commits else [],
        },
    }
    if diff:
        daten["diff"] = plan.diff()
    return json_text(daten)
