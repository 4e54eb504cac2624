"""`netzwerk status`: Formatname (`--format`) → Darstellung (ausgabe/format.py `Darstellung`).

Jede Darstellung bekommt (bericht, konsole, ausfuehrlich, zusatz); JSON ist immer vollständig
und braucht weder `ausfuehrlich` noch die Angaben der kompakten Übersicht (`zusatz`)."""

from __future__ import annotations

from netzwerk_cli.ausgabe.format import Darstellung
from netzwerk_cli.ausgabe.status import als_json_text
from netzwerk_cli.ausgabe.status.markdown import als_markdown
from netzwerk_cli.ausgabe.status.text import als_text

DARSTELLUNG: dict[str, Darstellung] = {
    "text": als_text,
    "markdown": lambda bericht, konsole, ausfuehrlich, zusatz: als_markdown(bericht, ausfuehrlich, zusatz),
    "json": lambda bericht, konsole, ausfuehrlich, zusatz: als_json_text(bericht),
}

# Welche Formate die Angaben der kompakten Übersicht brauchen (`berichte.status.uebersicht_zusatz`)
MIT_UEBERSICHT = frozenset({"text", "markdown"})
