"""Schicht `aktionen` (siehe docs/ARCHITEKTUR.md)."""
