"""textbearbeitung.ersetze_skalar in Flow-Schreibweise: nur der eine Wert ändert sich."""

from __future__ import annotations

import pytest

from netzwerk_cli.quellen import textbearbeitung, yamltext


@pytest.mark.parametrize(
    "text, pfad, erwartet",
    [
        ("a: [entwurf, x]  # k\n", ("a", 0), "a: [neu, x]  # k\n"),
        ("a: [x, entwurf]\n", ("a", 1), "a: [x, neu]\n"),
        ("a: {s: entwurf, b: 2}\n", ("a", "s"), "a: {s: neu, b: 2}\n"),
        ('a: ["entwurf", x]\n', ("a", 0), 'a: ["neu", x]\n'),
        ("a: entwurf, x  # Text mit Komma\n", ("a",), "a: neu  # Text mit Komma\n"),
        ("a: [x, y]\nb: entwurf\n", ("b",), "a: [x, y]\nb: neu\n"),
    ],
)
def test_nur_der_wert_aendert_sich(text, pfad, erwartet):
    dok, probleme = yamltext.lade_text(text)
    assert probleme == []
    neu = textbearbeitung.ersetze_skalar(text, dok, pfad, "neu")
    assert neu == erwartet
    gelesen, _ = yamltext.lade_text(neu)
    ziel = gelesen.daten
    for schritt in pfad:
        ziel = ziel[schritt]
    assert ziel == "neu"
