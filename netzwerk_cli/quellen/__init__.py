"""Schicht `quellen` (siehe docs/ARCHITEKTUR.md)."""
