"""`netzwerk empfehlung list | show | new | advance | umsetzung`"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from netzwerk_cli.aktionen import empfehlungen, schreibvorgang
from netzwerk_cli.ausgabe import empfehlungen as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.bestand.finden import finde_wurzel
from netzwerk_cli.bestand.laden import lade_bedarf
from netzwerk_cli.cli import schreiben
from netzwerk_cli.cli.berichtsoptionen import ausgeben
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Daten, DatenFormat, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, aehnlich, beispiele, meinten_sie, unteranwendung
from netzwerk_cli.cli.schreiben import MitAbhaengigen, Probelauf
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.regelwerk import lebenszyklus
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Handlungsempfehlungen auflisten, anlegen und durch den Lebenszyklus führen.",
    "netzwerk empfehlung list --status beschlossen",
    "netzwerk empfehlung advance 2026-001 --adressat beispielkreis-jobcenter --dry-run",
)

STATUS = tuple(lebenszyklus.tabelle().zustaende)  # aus regeln/lebenszyklus.yaml


if TYPE_CHECKING:

    class Stand(str, Enum):
        """Die Stände aus `empfehlungen.STAENDE`; die Mitglieder entstehen erst zur Laufzeit (mypy kennt sie nicht)."""

else:
    Stand = Enum("Stand", {s: s for s in empfehlungen.STAENDE}, type=str)  # offen, teilweise, vollstaendig, abgelehnt

Datum = Annotated[
    str | None, typer.Option("--datum", metavar="DATUM", help="Datum des Schritts (JJJJ-MM-TT); Standard: heute.", show_default=False)
]
Durch = Annotated[
    str | None,
    typer.Option(
        "--durch",
        metavar="NAME",
        envvar="NETZWERK_DURCH",
        help="Wer den Schritt verantwortet (Name, Funktion oder Stelle). Standard: einstellungen.durch in netzwerk.yaml; "
        "fehlt auch das, bleibt „durch“ leer (der Git-Commit nennt den Autor).",
        show_default=False,
    ),
]
Commit = Annotated[bool, typer.Option("--commit", help="Die geänderte Datei sofort committen (Git).")]


def _bestand(daten):
    """Liest nur, was der Befehl braucht (Datensätze beim ersten Zugriff, schon schema-geprüft)."""
    return lade_bedarf(finde_wurzel(daten))


def _bekannt(wert: str | None, bekannt, was: str) -> None:
    """Ein Filterwert, den es nicht gibt, ist ein Aufruffehler (Exit 2) mit Vorschlag – nicht „keine Treffer“."""
    if wert is None or wert in bekannt:
        return
    alle = sorted(bekannt)
    tipp = meinten_sie(aehnlich(wert, alle)) or f" Vorhanden: {', '.join(alle) or 'keine'}."
    raise EinrichtungsFehler(f"{was} „{wert}“ gibt es nicht.{tipp}")


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele("netzwerk empfehlung list --status beschlossen", "netzwerk empfehlung list --gremium steuerungsgruppe-beispielkreis --format json"),
)
@befehl
def liste(
    status: Annotated[
        str | None, typer.Option("--status", metavar="STATUS", help=f"Nur dieser Status: {', '.join(STATUS)}.", show_default=False)
    ] = None,
    gremium: Annotated[
        str | None, typer.Option("--gremium", metavar="ID", help="Nur Empfehlungen aus oder vor diesem Gremium.", show_default=False)
    ] = None,
    arbeitsgruppe: Annotated[
        str | None, typer.Option("--arbeitsgruppe", metavar="ID", help="Nur aus dieser Arbeitsgruppe.", show_default=False)
    ] = None,
    format: Annotated[DatenFormat, typer.Option("--format", help="Ausgabeformat.")] = DatenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet Empfehlungen mit Status, Datum des letzten Schritts, Titel und Herkunft (JSON: auch der nächste Schritt)."""
    from netzwerk_cli.berichte.grundlagen import laden_bedarf

    bestand = laden_bedarf(daten, heute_iso()).bestand
    _bekannt(status, STATUS, "Status")
    _bekannt(gremium, bestand.ids("gremium"), "Gremium")
    _bekannt(arbeitsgruppe, bestand.ids("arbeitsgruppe"), "Arbeitsgruppe")
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen

    eintraege = listen.empfehlungen(bestand, status, gremium, arbeitsgruppe)
    if format is DatenFormat.json:
        typer.echo(ausgabe.als_json(eintraege))
    else:
        ausgabe.empfehlungen_text(eintraege)
    return 0


@app.command("show", cls=Befehl, epilog=beispiele("netzwerk empfehlung show 2025-001", "netzwerk empfehlung show 2025-001 --format json"))
@befehl
def zeigen(
    id: Annotated[str, typer.Argument(metavar="ID", help="id der Empfehlung, z. B. 2025-007.", show_default=False)],
    stichtag: Stichtag = None,
    format: Annotated[DatenFormat, typer.Option("--format", help="Ausgabeformat.")] = DatenFormat.text,
    daten: Daten = None,
) -> int:
    """Zeigt eine Empfehlung mit Status, Herkunft, Verlauf, Adressaten (mit Namen und
    Umsetzungsstand), fälliger Wiedervorlage am Stichtag und den nächsten Schritten."""
    from netzwerk_cli.berichte.empfehlung import empfehlungsbericht
    from netzwerk_cli.berichte.grundlagen import laden_bedarf

    repo = laden_bedarf(daten, stichtag_pruefen(stichtag))
    ds = empfehlungen.hole(repo.bestand, id)
    ausgeben(darstellung.DARSTELLUNG[format.value](empfehlungsbericht(repo, ds), konsole()))
    return 0


def _ausfuehren(plan: empfehlungen.Plan, wurzel, dry_run: bool, commit: bool, mit_abhaengigen: bool = False) -> int:
    return schreiben.ausfuehren(plan.vorgang(), dry_run, commit, mit_abhaengigen)


@app.command(
    "new",
    cls=Befehl,
    epilog=beispiele(
        'netzwerk empfehlung new --titel "Mehrsprachige Infoblätter" --arbeitsgruppe ag-sprachkurse-mit-kinderbetreuung --dry-run',
        'netzwerk empfehlung new --titel "Sprechstunde im Amt" --gremium steuerungsgruppe-beispielkreis --commit',
    ),
)
@befehl
def neu(
    titel: Annotated[str, typer.Option("--titel", metavar="TEXT", help="Titel der Empfehlung.", show_default=False)],
    arbeitsgruppe: Annotated[
        str | None, typer.Option("--arbeitsgruppe", metavar="ID", help="Herkunft: Arbeitsgruppe (id).", show_default=False)
    ] = None,
    gremium: Annotated[str | None, typer.Option("--gremium", metavar="ID", help="Herkunft: Gremium (id), wenn keine AG.", show_default=False)] = None,
    text: Annotated[str | None, typer.Option("--text", metavar="TEXT", help="Text der Empfehlung.", show_default=False)] = None,
    entscheidungsgremium: Annotated[
        str | None,
        typer.Option(
            "--entscheidungsgremium", metavar="ID", help="Wer abstimmt; Standard: das Gremium, das die AG eingesetzt hat.", show_default=False
        ),
    ] = None,
    datum: Datum = None,
    durch: Durch = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    daten: Daten = None,
) -> int:
    """Legt eine neue Empfehlung im Status „entwurf“ an (id: JAHR-NNN)."""
    bestand = _bestand(daten)
    belegt: set[str] = set()
    for _ in range(20):  # bei gleichzeitigem Anlegen: nächste freie Nummer
        plan = empfehlungen.plane_neu(
            bestand, titel, arbeitsgruppe, gremium, text, entscheidungsgremium, datum, empfehlungen.wer(bestand, durch), belegt
        )
        if dry_run:
            return _ausfuehren(plan, bestand.wurzel, dry_run, commit)
        if not plan.pfad.exists():
            vorgang = plan.vorgang()
            if commit:
                schreibvorgang.git_vorpruefen(vorgang)
            schreibvorgang.ziele_pruefen(vorgang)
            schreibvorgang.pruefen(vorgang)
            if commit:
                schreibvorgang.commit_vorpruefen(vorgang)
            try:
                empfehlungen.schreibe(plan)
            except Abgelehnt:
                if not plan.pfad.exists():
                    raise
            else:
                schreiben.hinweise_melden(vorgang)  # wie `schreiben.ausfuehren`, das dieser Weg (freie Nummer suchen) umgeht
                schreiben.melden(vorgang, schreibvorgang.committen(vorgang) if commit else None)
                return 0
        belegt.add(plan.id)  # inzwischen von einem anderen Vorgang angelegt
    raise Abgelehnt("keine freie id gefunden")


@app.command(
    "advance",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk empfehlung advance 2026-001 --adressat beispielkreis-jobcenter --dry-run",
        "netzwerk empfehlung advance 2025-001 --nach umgesetzt --sitzung steuerungsgruppe-beispielkreis-2026-10-14 --commit",
    ),
)
@befehl
def weiter(
    id: Annotated[str, typer.Argument(metavar="ID", help="id der Empfehlung.", show_default=False)],
    nach: Annotated[
        str | None,
        typer.Option("--nach", metavar="STATUS", help="Zielstatus; ohne: der nächste Schritt auf dem Hauptpfad.", show_default=False),
    ] = None,
    sitzung: Annotated[
        str | None, typer.Option("--sitzung", metavar="ID", help="Sitzung (id), in der entschieden/geprüft wurde.", show_default=False)
    ] = None,
    adressat: Annotated[
        list[str] | None,
        typer.Option("--adressat", metavar="ORGANISATION", help="Adressat (Organisations-id); mehrfach möglich.", show_default=False),
    ] = None,
    datum: Datum = None,
    durch: Durch = None,
    notiz: Annotated[str | None, typer.Option("--notiz", metavar="TEXT", help="Notiz zum Schritt.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Führt eine Empfehlung einen Schritt weiter (prüft alle Wächter, ändert nur Status und Verlauf)."""
    bestand = _bestand(daten)
    _adressaten_pruefen(bestand, adressat)
    plan = empfehlungen.plane_schritt(bestand, id, nach, sitzung, adressat, datum, empfehlungen.wer(bestand, durch), notiz)
    return _ausfuehren(plan, bestand.wurzel, dry_run, commit, mit_abhaengigen)


def _adressaten_pruefen(bestand, adressaten: list[str] | None) -> None:
    """Unbekannte Adressaten mit Vorschlag ablehnen (wie die Kernprüfung: Exit 1, nichts geändert)."""
    for a in adressaten or []:
        if a not in bestand.ids("organisation"):
            tipp = meinten_sie(aehnlich(a, bestand.ids("organisation")))
            raise Abgelehnt(f"Adressat „{a}“ gibt es nicht in organisationen/.{tipp}")


@app.command(
    "umsetzung",
    cls=Befehl,
    epilog=beispiele(
        'netzwerk empfehlung umsetzung 2025-001 --adressat stadt-beispielstadt --stand teilweise --bericht "Sprechstunde läuft"',
    ),
)
@befehl
def umsetzung(
    id: Annotated[str, typer.Argument(metavar="ID", help="id der Empfehlung.", show_default=False)],
    adressat: Annotated[
        str, typer.Option("--adressat", metavar="ORGANISATION", help="Adressat (Organisations-id), der berichtet.", show_default=False)
    ],
    stand: Annotated[Stand, typer.Option("--stand", help="Stand der Umsetzung.", show_default=False)],
    bericht: Annotated[str, typer.Option("--bericht", metavar="TEXT", help="Kurzer Bericht zum Stand.", show_default=False)],
    datum: Datum = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    daten: Daten = None,
) -> int:
    """Hängt einen Umsetzungsbericht eines Adressaten an."""
    bestand = _bestand(daten)
    plan = empfehlungen.plane_umsetzung(bestand, id, adressat, stand.value, bericht, datum)
    return _ausfuehren(plan, bestand.wurzel, dry_run, commit)
