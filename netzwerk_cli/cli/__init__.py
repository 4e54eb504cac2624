"""Die Kommandozeile. Nur dieses Paket importiert typer; die Befehle rufen reine Funktionen."""

from __future__ import annotations

import typer

from netzwerk_cli import __version__

app = typer.Typer(
    name="netzwerk",
    help="Gremienarbeit von Integrationsnetzwerken als geprüfte YAML-Daten in Git.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(wert: bool) -> None:
    if wert:
        typer.echo(f"netzwerk {__version__}")
        raise typer.Exit(0)


@app.callback()
def hauptprogramm(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Version anzeigen."),
) -> None:
    """Gremienarbeit von Integrationsnetzwerken als geprüfte YAML-Daten in Git."""


def _registrieren() -> None:
    from netzwerk_cli.cli.validate import validate

    app.command("validate", help="Prüft das Datenrepository (Schemas, Verweise, Sitzregeln, Lebenszyklus).")(validate)

    # Berichte (Issue 4): status, gremium show, sitzung vorbereiten, diagramm
    from netzwerk_cli.cli.diagramm import diagramm
    from netzwerk_cli.cli.gremium import app as gremium_app
    from netzwerk_cli.cli.sitzung import app as sitzung_app
    from netzwerk_cli.cli.status import status

    app.command("status", help="Überblick am Stichtag: Sitze, AGs, Empfehlungen, Umsetzung, Sitzungen.")(status)
    app.add_typer(gremium_app, name="gremium")
    app.add_typer(sitzung_app, name="sitzung")
    app.command("diagramm", help="Struktur des Netzwerks als Mermaid- oder Graphviz-Diagramm.")(diagramm)

    from netzwerk_cli.cli.empfehlung import app as empfehlung_app

    app.add_typer(empfehlung_app, name="empfehlung")

    from netzwerk_cli.cli.person import app as person_app

    app.add_typer(person_app, name="person")

    from netzwerk_cli.cli.verlauf import verlauf

    app.command("verlauf", help="Zeigt die Geschichte eines Datensatzes aus Git (wer hat wann was geändert).")(verlauf)

    from netzwerk_cli.cli.init import init

    app.command("init", help="Legt ein neues Datenrepository an (Git, Ordner, CI-Vorlagen) und prüft es.")(init)


_registrieren()


def run() -> None:
    app()
