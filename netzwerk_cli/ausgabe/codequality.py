"""Befunde als GitLab-Code-Quality-Bericht (`validate --format gitlab`).

GitLab liest eine JSON-Liste im Code-Climate-Format (Artefakt `reports: codequality`) und
zeigt die Befunde im Merge Request. Der Fingerabdruck hängt nicht an der Zeile, damit ein
Befund nach dem Verschieben von Zeilen als derselbe erkannt wird.
"""

from __future__ import annotations

import hashlib

from netzwerk_cli.grundlagen import escape
from netzwerk_cli.grundlagen.befunde import FEHLER, Bericht

SCHWERE = {FEHLER: "major"}  # Warnungen: "minor"


def als_codequality(bericht: Bericht, praefix: str = "") -> str:
    eintraege = []
    gesehen: dict[str, int] = {}
    for b in bericht.sortiert():
        datei = f"{praefix}{b.datei}"
        grund = "\0".join((datei, b.regel, b.pfad, b.meldung))
        nummer = gesehen.get(grund, 0)
        gesehen[grund] = nummer + 1
        fingerabdruck = hashlib.sha256(f"{grund}\0{nummer}".encode()).hexdigest()[:32]
        eintraege.append(
            {
                "description": escape.terminal(f"[{b.regel}] {b.meldung}"),  # eine Zeile, Steuerzeichen sichtbar
                "check_name": f"netzwerk/{escape.terminal(b.regel)}",
                "fingerprint": fingerabdruck,
                "severity": SCHWERE.get(b.schwere, "minor"),
                "location": {"path": datei, "lines": {"begin": max(b.zeile, 1)}},
            }
        )
    return escape.json_text(eintraege)
