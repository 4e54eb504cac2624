"""Schicht `regelwerk` (siehe docs/ARCHITEKTUR.md)."""
