"""Gemeinsame Optionen und Ausgabe der ändernden Befehle (`--dry-run`, `--commit`,
`--mit-abhaengigen`); der Schreibweg selbst steht in `aktionen/schreibvorgang.py`."""

from __future__ import annotations

from typing import Annotated

import typer

from netzwerk_cli.aktionen import schreibvorgang
from netzwerk_cli.ausgabe.konsole import hinweis_melden, konsole
from netzwerk_cli.grundlagen.escape import terminal

Probelauf = Annotated[bool, typer.Option("--dry-run", help="Nur zeigen, was geschrieben würde (Diff); nichts ändern.")]
Commit = Annotated[bool, typer.Option("--commit", help="Genau die geänderten Dateien sofort in einem Commit festhalten (Git).")]
MitAbhaengigen = Annotated[
    bool,
    typer.Option(
        "--mit-abhaengigen",
        help="Mit --commit: nicht committete Änderungen anderer Dateien, auf die sich der Schritt stützt, im selben Commit festhalten.",
    ),
]


def ausfuehren(
    vorgang: schreibvorgang.Vorgang, dry_run: bool, commit: bool, mit_abhaengigen: bool = False, pruefe_stand: bool = True, stichtag: str | None = None
) -> int:
    """Prüft (am Stichtag, Standard heute), zeigt (--dry-run) oder schreibt (und committet) einen Vorgang und meldet das Ergebnis."""
    hinweise_melden(vorgang)
    ergebnis = schreibvorgang.ausfuehren(vorgang, dry_run, commit, mit_abhaengigen, pruefe_stand, stichtag)
    k = konsole()
    if not ergebnis.geschrieben:
        typer.echo(vorgang.diff(), nl=False)  # unverändert (kein Rich): lässt sich mit „git apply“ anwenden
        k.print("(Probelauf: nichts geschrieben)")
        return 0
    melden(vorgang, ergebnis.commit)
    return 0


def hinweise_melden(vorgang: schreibvorgang.Vorgang) -> None:
    """Die nicht blockierenden Hinweise eines Vorgangs (vor dem Ergebnis, auch beim Probelauf)."""
    for hinweis in vorgang.hinweise:
        hinweis_melden(hinweis)


def melden(vorgang: schreibvorgang.Vorgang, sha: str | None) -> None:
    k = konsole()
    k.print(terminal(f"{vorgang.betreff}  ({', '.join(vorgang.dateien)})"), markup=False)
    if vorgang.abhaengige:
        k.print(terminal(f"mitcommittet: {', '.join(vorgang.abhaengige)}"), markup=False)
    if sha:
        k.print(f"Commit {sha[:10]}", markup=False)
