"""Die Kommandozeile. Nur dieses Paket importiert typer; die Befehle rufen reine Funktionen.

Schneller Start: `run()` lädt nur das Modul des aufgerufenen Befehls. Für die Übersicht
(`netzwerk --help`, ohne Argumente, unbekannter Befehl) genügen Name und Kurzhilfe aus dem
VERZEICHNIS; kein Befehlsmodul, kein jsonschema, kein GitPython wird dafür geladen.
`app` (für Tests und Werkzeuge) ist die vollständige Anwendung mit allen Befehlen.
"""

from __future__ import annotations

import importlib
import sys

import typer

from netzwerk_cli import __version__
from netzwerk_cli.cli.rahmen import KONTEXT, Befehl, Gruppe, beispiele

HILFE = "Gremienarbeit von Integrationsnetzwerken als geprüfte YAML-Daten in Git."

# name, modul, attribut, kurzhilfe, gruppe (Typer-Unteranwendung statt einzelner Befehl)
VERZEICHNIS: tuple[tuple[str, str, str, str, bool], ...] = (
    ("validate", "validate", "validate", "Prüft das Datenrepository (Schemas, Verweise, Sitzregeln, Lebenszyklus).", False),
    ("status", "status", "status", "Überblick am Stichtag: Sitze, AGs, Empfehlungen, Umsetzung, Sitzungen.", False),
    ("diagramm", "diagramm", "diagramm", "Struktur des Netzwerks als Mermaid- oder Graphviz-Diagramm.", False),
    ("verlauf", "verlauf", "verlauf", "Zeigt die Geschichte eines Datensatzes aus Git (wer hat wann was geändert).", False),
    ("init", "init", "init", "Legt ein neues Datenrepository an (Git, Ordner, CI-Vorlagen) und prüft es.", False),
    ("gremium", "gremium", "app", "Gremien auflisten, anzeigen und ihre Zusammensetzung ändern.", True),
    ("sitzung", "sitzung", "app", "Sitzungen auflisten, vorbereiten, Protokoll erfassen; Einladung und Niederschrift.", True),
    ("empfehlung", "empfehlung", "app", "Handlungsempfehlungen auflisten, anlegen und durch den Lebenszyklus führen.", True),
    ("person", "person", "app", "Personen auflisten, anlegen, ausscheiden lassen und anonymisieren (Löschersuchen nach DSGVO).", True),
    ("organisation", "organisation", "app", "Organisationen anlegen.", True),
    ("ag", "ag", "app", "Arbeitsgruppen auflisten, einsetzen und abschließen.", True),
    ("export", "export", "app", "Veröffentlichen: statische Website, OParl 1.1, Kalender.", True),
)

BEISPIELE = beispiele("netzwerk validate", "netzwerk empfehlung list --status entwurf", "netzwerk validate -h")


def _version(wert: bool) -> None:
    if wert:
        typer.echo(f"netzwerk {__version__}")
        raise typer.Exit(0)


def _neue_app() -> typer.Typer:
    neu = typer.Typer(
        name="netzwerk",
        help=HILFE,
        cls=Gruppe,
        context_settings=dict(KONTEXT),
        epilog=BEISPIELE,
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
    )

    @neu.callback()
    def hauptprogramm(
        version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Version anzeigen."),
    ) -> None:
        """Gremienarbeit von Integrationsnetzwerken als geprüfte YAML-Daten in Git."""

    return neu


def _registrieren(ziel: typer.Typer, name: str, modul: str, attribut: str, hilfe: str, gruppe: bool) -> None:
    geladen = importlib.import_module(f"netzwerk_cli.cli.{modul}")
    objekt = getattr(geladen, attribut)
    if gruppe:
        ziel.add_typer(objekt, name=name, help=hilfe)
    else:
        ziel.command(name, help=hilfe, cls=Befehl, epilog=getattr(geladen, "BEISPIELE", None))(objekt)


def _platzhalter() -> None:  # pragma: no cover - wird nie aufgerufen (siehe run)
    pass


def _uebersicht() -> typer.Typer:
    """Nur Namen und Kurzhilfen: für `netzwerk --help` und Tippfehler im Befehlsnamen."""
    uebersicht = _neue_app()
    einstellungen = {"ignore_unknown_options": True, "allow_extra_args": True}
    for name, _, _, hilfe, _ in VERZEICHNIS:
        uebersicht.command(name, help=hilfe, cls=Befehl, add_help_option=False, context_settings=einstellungen)(_platzhalter)
    return uebersicht


def vollstaendig() -> typer.Typer:
    """Die Anwendung mit allen Befehlen (lädt alle Befehlsmodule)."""
    voll = _neue_app()
    for eintrag in VERZEICHNIS:
        _registrieren(voll, *eintrag)
    return voll


def run() -> None:
    argumente = sys.argv[1:]
    befehl = next((a for a in argumente if not a.startswith("-")), None)
    for eintrag in VERZEICHNIS:
        if eintrag[0] == befehl:
            einzeln = _neue_app()
            _registrieren(einzeln, *eintrag)
            einzeln(prog_name="netzwerk")  # auch bei „python -m netzwerk_cli“
            return
    _uebersicht()(prog_name="netzwerk")


def __getattr__(name: str):
    if name == "app":  # vollständige Anwendung erst bei Bedarf bauen (PEP 562)
        voll = vollstaendig()
        globals()["app"] = voll
        return voll
    raise AttributeError(name)
