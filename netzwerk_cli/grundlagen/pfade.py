"""Wo das installierte Paket liegt – die eine Stelle für Pfade, die `__file__` folgen."""

from __future__ import annotations

from pathlib import Path

PAKET = Path(__file__).resolve().parents[1]  # netzwerk_cli/
