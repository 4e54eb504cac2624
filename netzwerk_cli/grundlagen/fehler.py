"""Ausnahmen, die an der Kante (cli/fehlerbehandlung.py) auf Exit-Codes abgebildet werden."""

from __future__ import annotations


class NetzwerkFehler(Exception):
    """Basisklasse: eine Meldung in deutscher Sprache, die dem Nutzer gezeigt wird."""

    exit_code = 2


class EinrichtungsFehler(NetzwerkFehler):
    """Aufruf- oder Einrichtungsfehler (Exit 2): kein Datenrepository, falsches Datum …"""

    exit_code = 2


class Abgelehnt(NetzwerkFehler):
    """Eine Aktion wurde fachlich abgelehnt (Exit 1), z. B. ein Wächter des Lebenszyklus."""

    exit_code = 1
