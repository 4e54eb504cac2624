"""Schicht `grundlagen` (siehe docs/ARCHITEKTUR.md)."""
