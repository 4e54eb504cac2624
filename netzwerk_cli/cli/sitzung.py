"""`netzwerk sitzung vorbereiten GREMIUM --datum D [--ort O]`, `sitzung protokoll SITZUNG --anwesend P …`,
`sitzung einladung|niederschrift SITZUNG`"""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.aktionen import agenda
from netzwerk_cli.ausgabe import agenda as darstellung
from netzwerk_cli.ausgabe.konsole import konsole
from netzwerk_cli.berichte.grundlagen import laden
from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.listenoptionen import Format as ListenFormat_
from netzwerk_cli.cli.listenoptionen import ListenFormat
from netzwerk_cli.cli.optionen import Daten, DokumentFormat, Stichtag
from netzwerk_cli.cli.rahmen import Befehl, beispiele, unteranwendung
from netzwerk_cli.cli.schreiben import Commit, MitAbhaengigen, Probelauf
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.validierung import stichtag_pruefen

app = unteranwendung(
    "Sitzungen auflisten, vorbereiten, Protokoll erfassen; Einladung und Niederschrift.",
    "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2027-06-16",
    "netzwerk sitzung protokoll steuerungsgruppe-beispielkreis-2027-03-17 --anwesend paula-probe,karl-exempel --beschluss 1:angenommen --stichtag 2027-03-17 --dry-run",
    "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21 --format html > einladung.html",
)


@app.command(
    "vorbereiten",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2027-06-16",
        'netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2027-06-16 --ort "Rathaus, Saal 2" --dry-run',
        "netzwerk sitzung vorbereiten steuerungsgruppe-beispielkreis --datum 2027-06-16 --commit",
    ),
)
@befehl
def vorbereiten(
    gremium: Annotated[str, typer.Argument(metavar="GREMIUM", help="id des Gremiums, z. B. steuerungsgruppe-beispielkreis.", show_default=False)],
    datum: Annotated[str, typer.Option("--datum", metavar="DATUM", help="Tag der Sitzung (JJJJ-MM-TT).", show_default=False)],
    ort: Annotated[str | None, typer.Option("--ort", metavar="TEXT", help="Ort der Sitzung.", show_default=False)] = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Legt eine geplante Sitzung mit Entwurf der Tagesordnung an (sitzungen/JAHR/GREMIUM-DATUM.yaml)."""
    from netzwerk_cli.aktionen import schreibvorgang

    tag = stichtag_pruefen(datum)
    heute = heute_iso()
    entwurf, vorgang, jetzt = agenda.plane_ueber_speicher(daten, gremium, tag, ort, heute, dry_run)
    ergebnis = schreibvorgang.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen, stichtag=heute, jetzt=jetzt)
    if not ergebnis.geschrieben:
        typer.echo(vorgang.diff(), nl=False)  # unverändert (kein Rich): lässt sich mit „git apply“ anwenden
        konsole().print("(Probelauf: nichts geschrieben)")
        return 0
    darstellung.als_text(entwurf, konsole(), ergebnis.commit)
    if vorgang.abhaengige:
        konsole().print(f"mitcommittet: {', '.join(vorgang.abhaengige)}", markup=False)
    if ergebnis.commit:
        konsole().print(f"Commit {ergebnis.commit[:10]}", markup=False)
    return 0


UFormat = Annotated[DokumentFormat, typer.Option("--format", help="Ausgabeformat: markdown oder html (HTML druckt auf A4).")]
SitzungId = Annotated[str, typer.Argument(metavar="SITZUNG", help="id der Sitzung, z. B. steuerungsgruppe-beispielkreis-2023-06-21.", show_default=False)]


def _unterlagen(art: str, sitzung: str, format: DokumentFormat, daten) -> int:
    from netzwerk_cli.export import sitzungsunterlagen as su

    repo = laden(daten, heute_iso(), pruefen=False)
    dok = getattr(su, art)(repo.bestand, sitzung)
    typer.echo(su.als_html(dok) if format is DokumentFormat.html else su.als_markdown(dok), nl=False)
    return 0


@app.command(
    "einladung",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21",
        "netzwerk sitzung einladung steuerungsgruppe-beispielkreis-2023-06-21 --format html > einladung.html",
    ),
)
@befehl
def einladung(sitzung: SitzungId, format: UFormat = DokumentFormat.markdown, daten: Daten = None) -> int:
    """Einladung: Termin, Ort, Tagesordnung mit Unterlagen, Empfehlungen zur Beschlussfassung (öffentliche Fassung)."""
    return _unterlagen("einladung", sitzung, format, daten)


@app.command(
    "niederschrift",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung niederschrift steuerungsgruppe-beispielkreis-2023-06-21",
        "netzwerk sitzung niederschrift steuerungsgruppe-beispielkreis-2023-06-21 --format html > niederschrift.html",
    ),
)
@befehl
def niederschrift(sitzung: SitzungId, format: UFormat = DokumentFormat.markdown, daten: Daten = None) -> int:
    """Ergebnisniederschrift: Anwesenheit, Beschlüsse und Abstimmungen je Punkt (öffentliche Fassung)."""
    return _unterlagen("niederschrift", sitzung, format, daten)


@app.command(
    "protokoll",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung protokoll steuerungsgruppe-beispielkreis-2027-03-17 --anwesend paula-probe,otto-platzhalter,karl-exempel "
        "--entschuldigt tom-test --beschluss 1:angenommen:3:0:0 --stichtag 2027-03-17 --dry-run",
        'netzwerk sitzung protokoll steuerungsgruppe-beispielkreis-2027-03-17 --anwesend paula-probe --gast "Vertretung der Agentur für Arbeit" '
        "--beschluss 1:zurueckverwiesen --beschluss 2:zur_kenntnis_genommen --stichtag 2027-03-17 --commit",
    ),
)
@befehl
def protokoll(
    sitzung: SitzungId,
    anwesend: Annotated[
        list[str],
        typer.Option("--anwesend", metavar="PERSON", help="Anwesendes Mitglied (id); mehrfach oder mit Kommas: a,b,c.", show_default=False),
    ],
    entschuldigt: Annotated[
        list[str] | None,
        typer.Option("--entschuldigt", metavar="PERSON", help="Entschuldigtes Mitglied (id); mehrfach oder mit Kommas.", show_default=False),
    ] = None,
    gast: Annotated[
        list[str] | None,
        typer.Option(
            "--gast",
            metavar="GAST",
            help="Gast (nicht stimmberechtigt): eine Bezeichnung oder die id einer Person (dann Name, Organisation, Funktion aus dem Datensatz); mehrfach möglich.",
            show_default=False,
        ),
    ] = None,
    beschluss: Annotated[
        list[str] | None,
        typer.Option(
            "--beschluss",
            metavar="BESCHLUSS",
            help="Beschluss als NR:ERGEBNIS[:JA:NEIN:ENTHALTUNG] zum Tagesordnungspunkt NR (ab 1 gezählt), z. B. 1:angenommen:9:0:1; "
            "Ergebnis: angenommen, abgelehnt, zurueckverwiesen, vertagt, zur_kenntnis_genommen. Mehrfach möglich.",
            show_default=False,
        ),
    ] = None,
    stichtag: Stichtag = None,
    dry_run: Probelauf = False,
    commit: Commit = False,
    mit_abhaengigen: MitAbhaengigen = False,
    daten: Daten = None,
) -> int:
    """Erfasst Anwesenheit und Beschlüsse, setzt die Sitzung auf „durchgefuehrt“ und führt jede dort
    entschiedene Empfehlung in derselben Änderung weiter (angenommen → beschlossen, abgelehnt →
    abgelehnt, zurueckverwiesen → entwurf)."""
    from netzwerk_cli.aktionen import protokoll as kern
    from netzwerk_cli.bestand.finden import finde_wurzel
    from netzwerk_cli.bestand.laden import lade_bedarf
    from netzwerk_cli.cli import schreiben

    tag = stichtag_pruefen(stichtag)
    bestand = lade_bedarf(finde_wurzel(daten))
    vorgang = kern.plane_protokoll(bestand, sitzung, anwesend, entschuldigt, gast, beschluss, tag)
    return schreiben.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen, stichtag=tag)


@app.command(
    "list",
    cls=Befehl,
    epilog=beispiele(
        "netzwerk sitzung list",
        "netzwerk sitzung list --gremium steuerungsgruppe-beispielkreis --ab 2026-01-01",
        "netzwerk sitzung list --format json",
    ),
)
@befehl
def auflisten(
    gremium: Annotated[str | None, typer.Option("--gremium", metavar="GREMIUM", help="Nur Sitzungen dieses Gremiums (id).", show_default=False)] = None,
    ab: Annotated[str | None, typer.Option("--ab", metavar="DATUM", help="Nur Sitzungen an oder nach diesem Tag (JJJJ-MM-TT).", show_default=False)] = None,
    format: ListenFormat_ = ListenFormat.text,
    daten: Daten = None,
) -> int:
    """Listet Sitzungen nach Datum: Status, Zahl der Tagesordnungspunkte, id, Gremium und Ort."""
    from netzwerk_cli.ausgabe import listen as ausgabe
    from netzwerk_cli.berichte import listen
    from netzwerk_cli.berichte.grundlagen import laden_bedarf
    from netzwerk_cli.cli.listenoptionen import bekannt

    ab_tag = stichtag_pruefen(ab) if ab is not None else None
    repo = laden_bedarf(daten, heute_iso())
    bekannt(gremium, repo.bestand.ids("gremium"), "Gremium")
    eintraege = listen.sitzungen(repo.bestand, gremium, ab_tag)
    if format is ListenFormat.json:
        typer.echo(ausgabe.als_json({"gremium": gremium, "ab": ab_tag, "sitzungen": eintraege}))
    else:
        ausgabe.sitzungen_text(eintraege)
    return 0
