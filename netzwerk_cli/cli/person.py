"""`netzwerk person anonymisieren ID` (Issue 7). Platzhalter – wird ausgebaut."""

from __future__ import annotations

import typer

app = typer.Typer(help="Personen verwalten (Löschersuchen nach DSGVO).", no_args_is_help=True)
