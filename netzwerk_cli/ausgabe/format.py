"""Kleine Formatierhilfen für Text- und Markdown-Berichte (deutsche Daten, Tabellen)."""

from __future__ import annotations

from collections.abc import Callable, Set

from netzwerk_cli.grundlagen import escape
from netzwerk_cli.grundlagen.datum import deutsch

datum = deutsch  # '2026-11-21' → '21.11.2026' (grundlagen.datum)


# Eine Darstellung eines Berichts: liefert Text für die Standardausgabe (JSON, Markdown) oder
# druckt selbst auf die Rich-Konsole (Text) und liefert None. Jeder Bericht hat eine Tabelle
# Formatname → Darstellung (`DARSTELLUNG` in seinem Ausgabemodul); der Befehl wählt daraus und
# gibt nur noch aus (`cli/berichtsoptionen.ausgeben`) – keine Verzweigung je Format im Befehl.
Darstellung = Callable[..., str | None]


def mehrzahl(n: int, eins: str, viele: str) -> str:
    return f"{n} {eins if n == 1 else viele}"


def als_json(daten: dict) -> str:
    return escape.json_text(daten)


# --------------------------------------------------------------------------- Markdown


def md_zelle(text: object) -> str:
    """Text für eine Zelle einer GitHub/GitLab-Tabelle (ausgabe/escape.py `markdown`)."""
    return escape.markdown(text, tabelle=True)


def md_text(text: object) -> str:
    """Fließtext außerhalb von Tabellen: eine Zeile, nichts wird Auszeichnung, Link oder Erwähnung."""
    return escape.markdown(text)


def md_tabelle(kopf: list[str], zeilen: list[list[object]], rechts: Set[int] = frozenset()) -> str:
    """Eine GFM-Tabelle; Spalten in `rechts` rechtsbündig (Zahlen)."""
    trenner = ["---:" if i in rechts else "---" for i in range(len(kopf))]
    aus = ["| " + " | ".join(md_zelle(k) for k in kopf) + " |", "| " + " | ".join(trenner) + " |"]
    for z in zeilen:
        aus.append("| " + " | ".join(md_zelle(c) for c in z) + " |")
    return "\n".join(aus)
