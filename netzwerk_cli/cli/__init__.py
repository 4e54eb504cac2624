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

    from netzwerk_cli.cli.empfehlung import app as empfehlung_app

    app.add_typer(empfehlung_app, name="empfehlung")


_registrieren()


def run() -> None:
    app()
