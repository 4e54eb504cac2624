"""Das Regelverzeichnis des Pakets ist die eine Quelle: docs/REGELN.md und DOMAIN.md-Vertrag stimmen damit überein."""

from __future__ import annotations

import re
from pathlib import Path

from netzwerk_cli.grundlagen.regeln import REGISTER, schwere

PROJEKT = Path(__file__).resolve().parents[1]

# Die Regel-ids des Vertrags (DOMAIN.md) mit ihrer Schwere; sie dürfen sich nie ändern.
VERTRAG = {
    "yaml-syntax": "fehler", "yaml-doppelter-schluessel": "fehler", "yaml-unsicher": "fehler",
    "yaml-mehrdeutig": "warnung", "datei-kodierung": "fehler", "datei-ungueltig": "fehler",
    "id-ungueltig": "fehler", "schema": "fehler", "ref-unbekannt": "fehler", "sitz-ueberbesetzt": "fehler",
    "sitz-vakant": "warnung", "sitz-regel": "fehler", "mitglied-doppelt": "fehler",
    "zeitraum-ungueltig": "fehler", "verlauf-ungueltig": "fehler", "verlauf-geaendert": "fehler",
    "sitzung-rhythmus": "warnung", "sitzung-teilnahme": "fehler", "abstimmung-ungueltig": "fehler",
    "ag-ueberfaellig": "warnung", "wiedervorlage-faellig": "warnung",
}


def _doku_tabelle() -> dict[str, str]:
    text = (PROJEKT / "docs" / "REGELN.md").read_text(encoding="utf-8")
    return dict(re.findall(r"^\| `([a-z0-9-]+)` \| (fehler|warnung) \|", text, flags=re.M))


def test_vertrag_im_verzeichnis():
    for regel, erwartet in VERTRAG.items():
        assert schwere(regel) == erwartet, regel


def test_doku_nennt_genau_das_verzeichnis():
    assert _doku_tabelle() == {r: e.schwere for r, e in REGISTER.items()}


def test_jede_im_code_gemeldete_regel_steht_im_verzeichnis():
    """Jede Regel-id, die der Code als Zeichenkette in einem Befund erzeugt, ist verzeichnet."""
    paket = PROJEKT / "netzwerk_cli"
    gefunden: set[str] = set()
    for datei in paket.rglob("*.py"):
        text = datei.read_text(encoding="utf-8")
        gefunden |= {m[1] for m in re.findall(r"\"(fehler|warnung)\",\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\"", text)}
        gefunden |= set(re.findall(r"\.befund\(\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\"", text))
        gefunden |= set(re.findall(r"Problem\(\s*\"([a-z0-9]+(?:-[a-z0-9]+)+)\"", text))
    assert gefunden, "keine Regel-ids im Code gefunden – Muster veraltet?"
    assert gefunden <= set(REGISTER), sorted(gefunden - set(REGISTER))
