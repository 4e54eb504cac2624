"""`netzwerk export …`: Veröffentlichungen aus dem geprüften Bestand (immer die öffentliche Fassung)."""

from __future__ import annotations

import typer

app = typer.Typer(no_args_is_help=True, help="Veröffentlichen: Website, OParl 1.1, Kalender (immer öffentliche Fassung).")
