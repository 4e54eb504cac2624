"""`netzwerk empfehlung list | show | new | advance | umsetzung`"""

from __future__ import annotations

from enum import Enum
from typing import Annotated, Optional

import typer

from netzwerk_cli import empfehlungen
from netzwerk_cli.ausgabe import empfehlungen as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.bestand import finde_wurzel, lade_bedarf
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten
from netzwerk_cli.fehler import Abgelehnt, NetzwerkFehler

app = typer.Typer(help="Handlungsempfehlungen auflisten, anlegen und durch den Lebenszyklus führen.", no_args_is_help=True)


class ListenFormat(str, Enum):
    text = "text"
    json = "json"


Datum = Annotated[Optional[str], typer.Option("--datum", help="Datum des Schritts (JJJJ-MM-TT); Standard: heute.", show_default=False)]
Commit = Annotated[bool, typer.Option("--commit", help="Die geänderte Datei sofort committen (Git).")]
Probelauf = Annotated[bool, typer.Option("--dry-run", help="Nur zeigen, was geschrieben würde (Diff); nichts ändern.")]


def _bestand(daten):
    """Liest nur, was der Befehl braucht (Datensätze beim ersten Zugriff, schon schema-geprüft)."""
    return lade_bedarf(finde_wurzel(daten))


@app.command("list")
@befehl
def liste(
    status: Annotated[Optional[str], typer.Option("--status", help="Nur dieser Status.", show_default=False)] = None,
    gremium: Annotated[Optional[str], typer.Option("--gremium", help="Nur Empfehlungen aus oder vor diesem Gremium.", show_default=False)] = None,
    arbeitsgruppe: Annotated[Optional[str], typer.Option("--arbeitsgruppe", help="Nur aus dieser Arbeitsgruppe.", show_default=False)] = None,
    format: Annotated[ListenFormat, typer.Option("--format", help="Ausgabeformat.")] = ListenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet Empfehlungen mit Status, Datum des letzten Schritts und nächstem Schritt."""
    zeilen = empfehlungen.liste(_bestand(daten), status, gremium, arbeitsgruppe)
    if format is ListenFormat.json:
        typer.echo(darstellung.liste_json(zeilen))
    else:
        darstellung.liste_text(zeilen, konsole())
    return 0


@app.command("show")
@befehl
def zeigen(id: Annotated[str, typer.Argument(help="id der Empfehlung, z. B. 2025-007.")], daten: Daten = None) -> int:
    """Zeigt eine Empfehlung mit Verlauf, Adressaten und nächsten Schritten."""
    ds = empfehlungen.hole(_bestand(daten), id)
    darstellung.einzeln_text(id, ds.datei, ds.daten, konsole())
    return 0


def _durch(wurzel, durch: str | None) -> str | None:
    if durch:
        return durch
    from netzwerk_cli import git

    return git.benutzername(wurzel)


def _ausfuehren(plan: empfehlungen.Plan, wurzel, dry_run: bool, commit: bool) -> int:
    from netzwerk_cli.ausgabe.konsole import hinweis_melden

    for hinweis in plan.hinweise:
        hinweis_melden(hinweis)
    if dry_run:
        typer.echo(plan.diff(), nl=False)  # unverändert (kein Rich): lässt sich mit „git apply“ anwenden
        konsole().print("(Probelauf: nichts geschrieben)")
        return 0
    _vorpruefen(plan, wurzel, commit)
    empfehlungen.schreibe(plan)
    return _abschliessen(plan, wurzel, commit)


def _vorpruefen(plan: empfehlungen.Plan, wurzel, commit: bool) -> None:
    """Mit --commit: vor dem Schreiben sicherstellen, dass der Commit genau diese Änderung enthält."""
    if not commit:
        return
    from netzwerk_cli import git

    git.commit_vorpruefen(wurzel)  # kein Repository, Merge/Rebase, index.lock, losgelöster HEAD
    if plan.alt is not None and not git.unveraendert_seit_head(wurzel, plan.pfad):
        raise Abgelehnt(f"--commit: {plan.datei} hat nicht committete Änderungen; bitte erst committen oder verwerfen. Nichts geschrieben")


def _abschliessen(plan: empfehlungen.Plan, wurzel, commit: bool) -> int:
    """Nach dem Schreiben: mit --commit committen (scheitert das, wird die Änderung zurückgenommen)."""
    from netzwerk_cli.ausgabe.escape import terminal

    k = konsole()
    if commit:
        from netzwerk_cli import git

        try:
            sha = git.commit_dateien(wurzel, [plan.pfad], plan.commit_nachricht())
        except NetzwerkFehler as e:
            raise type(e)(f"{e}\n{empfehlungen.zuruecknehmen(plan)}") from None
        k.print(terminal(f"{plan.betreff}  ({plan.datei})"), markup=False)
        k.print(f"Commit {sha[:10]}", markup=False)
        return 0
    k.print(terminal(f"{plan.betreff}  ({plan.datei})"), markup=False)
    return 0


@app.command("new")
@befehl
def neu(
    titel: Annotated[str, typer.Option("--titel", help="Titel der Empfehlung.")],
    arbeitsgruppe: Annotated[Optional[str], typer.Option("--arbeitsgruppe", help="Herkunft: Arbeitsgruppe (id).", show_default=False)] = None,
    gremium: Annotated[Optional[str], typer.Option("--gremium", help="Herkunft: Gremium (id), wenn keine AG.", show_default=False)] = None,
    text: Annotated[Optional[str], typer.Option("--text", help="Text der Empfehlung.", show_default=False)] = None,
    entscheidungsgremium: Annotated[
        Optional[str], typer.Option("--entscheidungsgremium", help="Wer abstimmt; Standard: das Gremium, das die AG eingesetzt hat.", show_default=False)
    ] = None,
    datum: Datum = None,
    durch: Annotated[Optional[str], typer.Option("--durch", help="Wer den Schritt verantwortet; Standard: Git user.name.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    daten: Daten = None,
) -> int:
    """Legt eine neue Empfehlung im Status „entwurf“ an (id: JAHR-NNN)."""
    bestand = _bestand(daten)
    belegt: set[str] = set()
    for _ in range(20):  # bei gleichzeitigem Anlegen: nächste freie Nummer
        plan = empfehlungen.plane_neu(
            bestand, titel, arbeitsgruppe, gremium, text, entscheidungsgremium, datum, _durch(bestand.wurzel, durch), belegt
        )
        if dry_run:
            return _ausfuehren(plan, bestand.wurzel, dry_run, commit)
        if not plan.pfad.exists():
            _vorpruefen(plan, bestand.wurzel, commit)
            try:
                empfehlungen.schreibe(plan)
            except Abgelehnt:
                if not plan.pfad.exists():
                    raise
            else:
                return _abschliessen(plan, bestand.wurzel, commit)
        belegt.add(plan.id)  # inzwischen von einem anderen Vorgang angelegt
    raise Abgelehnt("keine freie id gefunden")


@app.command("advance")
@befehl
def weiter(
    id: Annotated[str, typer.Argument(help="id der Empfehlung.")],
    nach: Annotated[Optional[str], typer.Option("--nach", help="Zielstatus; ohne: der nächste Schritt auf dem Hauptpfad.", show_default=False)] = None,
    sitzung: Annotated[Optional[str], typer.Option("--sitzung", help="Sitzung (id), in der entschieden/geprüft wurde.", show_default=False)] = None,
    adressat: Annotated[Optional[list[str]], typer.Option("--adressat", help="Adressat (Organisations-id); mehrfach möglich.", show_default=False)] = None,
    datum: Datum = None,
    durch: Annotated[Optional[str], typer.Option("--durch", help="Wer den Schritt verantwortet; Standard: Git user.name.", show_default=False)] = None,
    notiz: Annotated[Optional[str], typer.Option("--notiz", help="Notiz zum Schritt.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    daten: Daten = None,
) -> int:
    """Führt eine Empfehlung einen Schritt weiter (prüft alle Wächter, ändert nur Status und Verlauf)."""
    bestand = _bestand(daten)
    plan = empfehlungen.plane_schritt(bestand, id, nach, sitzung, adressat, datum, _durch(bestand.wurzel, durch), notiz)
    return _ausfuehren(plan, bestand.wurzel, dry_run, commit)


@app.command("umsetzung")
@befehl
def umsetzung(
    id: Annotated[str, typer.Argument(help="id der Empfehlung.")],
    adressat: Annotated[str, typer.Option("--adressat", help="Adressat (Organisations-id), der berichtet.")],
    stand: Annotated[str, typer.Option("--stand", help="offen | teilweise | vollstaendig | abgelehnt")],
    bericht: Annotated[str, typer.Option("--bericht", help="Kurzer Bericht zum Stand.")],
    datum: Datum = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    daten: Daten = None,
) -> int:
    """Hängt einen Umsetzungsbericht eines Adressaten an."""
    bestand = _bestand(daten)
    plan = empfehlungen.plane_umsetzung(bestand, id, adressat, stand, bericht, datum)
    return _ausfuehren(plan, bestand.wurzel, dry_run, commit)
