"""`netzwerk person anonymisieren ID [--neue-id ID] [--amt-entfernen] [--dry-run] [--commit] [--format text|json]`

Löschersuchen nach Datenschutzrecht (Issue 7). Die Logik steht im Paket `netzwerk_cli.aktionen.anonymisierung`,
die Darstellung in `netzwerk_cli.ausgabe.anonymisierung`; beide werden erst im Befehl importiert.
"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, DatenFormat, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung

app = unteranwendung(
    "Personen auflisten, anlegen, ausscheiden lassen und anonymisieren (Löschersuchen nach DSGVO).",
    "netzwerk person list --oeffentlich",
    'netzwerk person neu --name "Jürgen Müller" --organisation beispielkreis-jugendamt --dry-run',
    "netzwerk person anonymisieren bernd-beleg --dry-run",
)


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele("netzwerk person list", "netzwerk person list --oeffentlich", "netzwerk person list --format json"),
)
@befehl
def auflisten(
    oeffentlich: Annotated[
        bool,
        typer.Option(
            "--oeffentlich",
            help="Öffentliche Fassung: nur Personen mit „oeffentlich: true“, die übrigen nur als Zahl. Ohne: interne Fassung mit allen Namen.",
        ),
    ] = False,
    stichtag: Stichtag = None,
    format: Annotated[DatenFormat, typer.Option("--format", help="text (Tabelle, lesbar ab 80 Spalten) oder json.")] = DatenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet Personen mit Organisation, Funktion, Rollen und Gremien am Stichtag (nie Kontaktdaten)."""
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen
    from netzwerk_cli.berichte.grundlagen import laden_bedarf
    from netzwerk_cli.validierung import stichtag_pruefen

    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    bericht = listen.personen(repo.bestand, repo.stichtag, oeffentlich)
    if format is DatenFormat.json:
        typer.echo(ausgabe.als_json(bericht))
    else:
        ausgabe.personen_text(bericht)
    return 0


@app.command(
    "anonymisieren",
    cls=Befehl,
    epilog=beispiele("netzwerk person anonymisieren bernd-beleg --dry-run", "netzwerk person anonymisieren bernd-beleg --amt-entfernen --commit"),
)
@befehl
def anonymisieren(
    id_: Annotated[str, typer.Argument(metavar="ID", help="id der Person (Dateiname in personen/ ohne .yaml).", show_default=False)],
    neue_id: Annotated[
        str | None,
        typer.Option("--neue-id", metavar="ID", help="Neutrale neue id; Standard: die nächste freie „anonym-NNN“.", show_default=False),
    ] = None,
    amt_entfernen: Annotated[
        bool,
        typer.Option(
            "--amt-entfernen",
            help="Auch Organisation, Funktion und Rollen entfernen (nur, wenn danach keine Sitzregel verletzt ist).",
        ),
    ] = False,
    stichtag: Stichtag = None,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Nur zeigen, was geändert würde (geschwärzter Diff); nichts ändern.")] = False,
    commit: Annotated[bool, typer.Option("--commit", help="Alle geänderten Dateien sofort in einem Commit festhalten (Git).")] = False,
    format: Annotated[DatenFormat, typer.Option("--format", help="Ausgabeformat.")] = DatenFormat.text,
    daten: Daten = None,
) -> int:
    """Anonymisiert eine Person: neutraler Name, Kontaktdaten entfernt, neue neutrale id, alle
    Verweise umgestellt und geprüft; listet verbliebene Fundstellen und Git-Commits, die den alten
    Namen noch enthalten (die Geschichte wird nicht umgeschrieben)."""
    from netzwerk_cli.aktionen.anonymisierung import ausfuehren, fundstellen
    from netzwerk_cli.aktionen.anonymisierung import plan as planung
    from netzwerk_cli.ausgabe import anonymisierung as darstellung
    from netzwerk_cli.ausgabe.konsole import konsole
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler, NetzwerkFehler

    if dry_run and commit:
        raise EinrichtungsFehler("--dry-run und --commit schließen sich aus")
    plan = planung.plane(finde_wurzel(daten), id_, neue_id, amt_entfernen, stichtag)
    json_ausgabe = format is DatenFormat.json
    if plan.befunde:
        if json_ausgabe:
            typer.echo(darstellung.als_json(plan, None, geschrieben=False))
            return 1
        darstellung.abgelehnt_text(plan, konsole())
        raise Abgelehnt("nichts geschrieben")

    sha = None
    commit_fehler = None
    if not dry_run:
        if commit:
            ausfuehren.commit_vorpruefen(plan)
        ausfuehren.ausfuehren(plan)
        if commit:
            try:
                sha = ausfuehren.committen(plan)
            except NetzwerkFehler as e:
                commit_fehler = f"Die Anonymisierung ist geschrieben, aber nicht committet: {e}"
    geschichte = fundstellen.geschichte(plan)

    if json_ausgabe:
        typer.echo(darstellung.als_json(plan, geschichte, geschrieben=not dry_run, commit=sha, diff=dry_run))
    else:
        k = konsole()
        if dry_run:
            typer.echo(plan.diff(), nl=False)
        darstellung.als_text(plan, geschichte, k, geschrieben=not dry_run, commit=sha)
        if dry_run:
            k.print("(Probelauf: nichts geschrieben)")
    if commit_fehler:
        raise Abgelehnt(commit_fehler)
    return 0


@app.command(
    "neu",
    cls=Befehl,
    epilog=beispiele(
        'netzwerk person neu --name "Jürgen Müller" --organisation beispielkreis-jugendamt --rolle amtsleitung --dry-run',
        'netzwerk person neu --name "Jürgen Müller" --funktion "Leitung Jugendamt" --commit',
    ),
)
@befehl
def neu(
    name: Annotated[str, typer.Option("--name", metavar="NAME", help="Vor- und Nachname (ohne Titel).", show_default=False)],
    organisation: Annotated[str | None, typer.Option("--organisation", metavar="ORGANISATION", help="Organisation (id).", show_default=False)] = None,
    funktion: Annotated[str | None, typer.Option("--funktion", metavar="TEXT", help="Funktion oder Amtsbezeichnung.", show_default=False)] = None,
    rolle: Annotated[list[str] | None, typer.Option("--rolle", metavar="ROLLE", help="Rolle (für Sitzregeln), mehrfach möglich, z. B. amtsleitung.", show_default=False)] = None,
    oeffentlich: Annotated[bool, typer.Option("--oeffentlich", help="Der Name darf öffentlich genannt werden (Standard: nicht öffentlich).")] = False,
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Nur zeigen, was geschrieben würde (Diff); nichts ändern.")] = False,
    commit: Annotated[bool, typer.Option("--commit", help="Genau die geänderten Dateien sofort in einem Commit festhalten (Git).")] = False,
    daten: Daten = None,
) -> int:
    """Legt eine Person an; die id wird aus dem Namen gebildet („Jürgen Müller“ → juergen-mueller, frei)."""
    from netzwerk_cli.aktionen import personen
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    bestand = lade_bedarf(finde_wurzel(daten))
    return schreiben.ausfuehren(personen.plane_neu(bestand, name, organisation, funktion, rolle, oeffentlich), dry_run, commit)


@app.command(
    "ausscheiden",
    cls=Befehl,
    epilog=beispiele("netzwerk person ausscheiden felix-fiktiv --bis 2026-12-31 --dry-run", "netzwerk person ausscheiden felix-fiktiv --bis 2026-12-31 --commit"),
)
@befehl
def ausscheiden(
    id_: Annotated[str, typer.Argument(metavar="PERSON", help="id der Person.", show_default=False)],
    bis: Annotated[str, typer.Option("--bis", metavar="DATUM", help="Letzter Tag (JJJJ-MM-TT).", show_default=False)],
    dry_run: Annotated[bool, typer.Option("--dry-run", help="Nur zeigen, was geschrieben würde (Diff); nichts ändern.")] = False,
    commit: Annotated[bool, typer.Option("--commit", help="Genau die geänderten Dateien sofort in einem Commit festhalten (Git).")] = False,
    daten: Daten = None,
) -> int:
    """Beendet in einer Änderung jede laufende Gremienmitgliedschaft, AG-Leitung und AG-Mitwirkung der Person."""
    from netzwerk_cli.aktionen import personen
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    bestand = lade_bedarf(finde_wurzel(daten))
    return schreiben.ausfuehren(personen.plane_ausscheiden(bestand, id_, bis), dry_run, commit)
