"""`netzwerk init DIR [--beispiel]`"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from netzwerk_cli.cli.fehlerbehandlung import befehl
from netzwerk_cli.cli.optionen import Stichtag
from netzwerk_cli.cli.rahmen import beispiele

BEISPIELE = beispiele("netzwerk init mein-netzwerk", 'netzwerk init probe --beispiel --name "Integrationsnetzwerk Beispielkreis"')


@befehl
def init(
    ordner: Annotated[Path, typer.Argument(metavar="ORDNER", help="Neuer (oder leerer) Ordner für das Datenrepository.", show_default=False)],
    beispiel: Annotated[bool, typer.Option("--beispiel", help="Mit den mitgelieferten Beispieldaten füllen.")] = False,
    name: Annotated[
        str | None,
        typer.Option("--name", metavar="NAME", help="Name des Netzwerks in netzwerk.yaml (Standard: Name des Ordners).", show_default=False),
    ] = None,
    installation: Annotated[
        str | None,
        typer.Option(
            "--installation",
            metavar="PIP-ANGABE",
            help="Was CI und pre-commit mit pip installieren: eine pip-Anforderung (PEP 508), eine Adresse "
            "oder ein lokaler Pfad, z. B. \"git+https://…/netzwerk.git@v0.1.0\". Standard: so, wie dieses "
            "Werkzeug installiert wurde (Git-Adresse mit Commit, Archiv, Ordner) bzw. netzwerk-cli in dieser "
            "Version, wenn PyPI sie anbietet; sonst ein Platzhalter mit Hinweis.",
            show_default=False,
        ),
    ] = None,
    stichtag: Stichtag = None,
) -> int:
    """Legt ein neues Datenrepository an (Git, Ordner, README, CI-Vorlagen, pre-commit,
    Editor-Einstellungen) und prüft es sofort."""
    from netzwerk_cli.aktionen.init import ZWEIG, anlegen
    from netzwerk_cli.ausgabe import befunde as darstellung
    from netzwerk_cli.ausgabe.konsole import konsole
    from netzwerk_cli.grundlagen.escape import rich as escape
    from netzwerk_cli.validierung import stichtag_pruefen

    tag = stichtag_pruefen(stichtag) if stichtag else None
    ergebnis = anlegen(ordner, beispiel=beispiel, name=name, installation=installation, stichtag=tag)
    k = konsole()
    was = "mit Beispieldaten" if ergebnis.beispiel else "leer"
    k.print(f"[bold green]Datenrepository angelegt[/] ({was}): {escape(str(ergebnis.ordner))}")
    if ergebnis.commit:
        k.print(f"Git: Zweig „{ZWEIG}“, erster Commit {ergebnis.commit[:8]} „Datenrepository angelegt (netzwerk init)“.")
    else:
        k.print(
            "[yellow]Git kennt Ihren Namen noch nicht[/]; alle Dateien sind vorgemerkt, aber nicht committet. "
            "Einrichten mit „git config --global user.name \"Vorname Nachname\"“ und "
            "„git config --global user.email \"name@example.org\"“, dann „git commit -m \"Datenrepository angelegt\"“."
        )
    angabe = ergebnis.installation
    if angabe.angabe is not None:
        k.print(f"CI und pre-commit installieren: {escape(angabe.angabe)}")
    if angabe.hinweis:
        k.print(f"[bold yellow]Hinweis:[/] {escape(angabe.hinweis)}")
    k.print("Nächste Schritte: netzwerk.yaml ausfüllen, Datensätze anlegen, „netzwerk validate“, committen (README.md).")
    k.print()
    darstellung.als_text(ergebnis.bericht, k)
    return ergebnis.bericht.exit_code()
