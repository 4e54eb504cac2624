"""`netzwerk status` darstellen: Text (Rich: Tabellen und Rahmen, lesbar ab 80 Spalten und
ohne Farbe bei Umleitung), Markdown (GitHub/GitLab-Tabellen) und JSON (docs/status.schema.json).

Text und Markdown gibt es in zwei Fassungen: die **kompakte Übersicht** (Standard; eine Zeile je
Gremium, AG, Empfehlung, Adressat – auf data/ ein Bildschirm) und die **ausführliche** Fassung
(`--ausfuehrlich`: je Gremium alle Sitzgruppen mit Regel, Sitzungen je Jahr, alle Tabellen).
JSON ist immer vollständig.

* `wortlaut.py`: der deutsche Wortlaut, den Text und Markdown teilen (Zusammenfassungen, Stand,
  Probleme eines Gremiums, Legende) und die Höchstzahlen der gezeigten Zeilen.
* `text.py`: Text (Rich), `als_text`.
* `markdown.py`: Markdown, `als_markdown`.
* hier: JSON, `als_json_text` (immer vollständig, ohne Wortlaut).
* `darstellung.py`: die Tabelle Formatname → Darstellung, aus der `netzwerk status` wählt.

Das Paket reicht keine Namen aus seinen Modulen weiter: Aufrufer importieren aus den Modulen.
"""

from __future__ import annotations

from netzwerk_cli.ausgabe.format import als_json


def als_json_text(bericht: dict) -> str:
    return als_json(bericht)
