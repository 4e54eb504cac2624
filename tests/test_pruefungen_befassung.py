"""Issue 14: neue Prüfungen über Sitzungen und Empfehlungen, auch auf dem Weg mit Zwischenspeicher.

Die Wiedervorlage liest die Sitzungen über das Listen-Indexfeld `tagesordnung[].empfehlungen[]`;
eine Änderung an einer Sitzung, die die Empfehlung aufführt (oder aufführte), muss die
Empfehlung neu prüfen. `beschluss-offen` liest die Empfehlung über `daten`.
"""

from __future__ import annotations

from pathlib import Path

from conftest import STICHTAG

from netzwerk_cli.grundlagen.arten import feldwerte, indexwerte
from netzwerk_cli.validierung import validiere

SITZUNG = "sitzungen/2025/steuerungsgruppe-beispielkreis-2025-10-22.yaml"
SITZUNG_2026 = "sitzungen/2026/steuerungsgruppe-beispielkreis-2026-03-18.yaml"
EMPFEHLUNG = "empfehlungen/2024/2024-001.yaml"
PUNKT = '''  - nummer: 2
    titel: "Wiedervorlage 2024-001: Sachstand"
    empfehlungen:
      - "2024-001"
'''


def _befunde(bericht) -> list[tuple]:
    return [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]


def _warm_gleich_kalt(wurzel: Path) -> list[tuple]:
    warm = _befunde(validiere(wurzel, STICHTAG))
    assert warm == _befunde(validiere(wurzel, STICHTAG, zwischenspeicher=False))
    return warm


def _regeln(befunde, datei: str) -> set[str]:
    return {b[4] for b in befunde if b[0] == datei}


def test_feldwerte_liste_und_text():
    daten = {"gremium": "g", "tagesordnung": [{"empfehlungen": ["a", "b"]}, {"titel": "x"}, {"empfehlungen": ["a", 3]}, "kaputt"]}
    assert feldwerte("tagesordnung[].empfehlungen[]", daten) == ("a", "b")
    assert feldwerte("gremium", daten) == ("g",)
    assert feldwerte("gremium", {"gremium": 3}) == ()
    assert indexwerte("sitzung", daten) == (("g",), ("a", "b"))
    assert indexwerte("sitzung", "kein dict") == ((), ())


def test_befassung_in_sitzung_setzt_wiedervorlage_neu_auch_mit_speicher(beispiel):
    sitzung = beispiel / SITZUNG_2026
    alt = sitzung.read_text(encoding="utf-8")
    assert "wiedervorlage-faellig" in _regeln(_warm_gleich_kalt(beispiel), EMPFEHLUNG)

    # Tagesordnungspunkt zur Empfehlung in einer durchgeführten Sitzung (18.03.2026): Frist neu
    sitzung.write_text(alt.replace("beispiel: true\n", PUNKT + "beispiel: true\n"), encoding="utf-8")
    assert "wiedervorlage-faellig" not in _regeln(_warm_gleich_kalt(beispiel), EMPFEHLUNG)

    # dieselbe Sitzung nur geplant: zählt nicht (und ist dann auch keine Entscheidungssitzung)
    sitzung.write_text(sitzung.read_text(encoding="utf-8").replace("status: durchgefuehrt", "status: geplant"), encoding="utf-8")
    assert "wiedervorlage-faellig" in _regeln(_warm_gleich_kalt(beispiel), EMPFEHLUNG)

    # zurück auf durchgeführt, Punkt wieder weg
    sitzung.write_text(alt, encoding="utf-8")
    assert "wiedervorlage-faellig" in _regeln(_warm_gleich_kalt(beispiel), EMPFEHLUNG)


def test_beschluss_ohne_verlaufsschritt_auch_mit_speicher(beispiel):
    empfehlung = beispiel / "empfehlungen/2025/2025-001.yaml"
    assert "beschluss-offen" not in _regeln(_warm_gleich_kalt(beispiel), SITZUNG)
    text = empfehlung.read_text(encoding="utf-8")
    # Der Verlauf nennt für „beschlossen“ eine andere (frühere) Sitzung: die Sitzung vom
    # 22.10.2025 hält einen Beschluss fest, den der Verlauf nicht kennt
    ohne = text.replace(
        "    datum: 2025-10-22\n    sitzung: steuerungsgruppe-beispielkreis-2025-10-22",
        "    datum: 2025-09-16\n    sitzung: steuerungsgruppe-beispielkreis-2025-06-25",
    )
    assert ohne != text
    empfehlung.write_text(ohne, encoding="utf-8")
    befunde = _warm_gleich_kalt(beispiel)
    assert "beschluss-offen" in _regeln(befunde, SITZUNG)
    empfehlung.write_text(text, encoding="utf-8")
    assert "beschluss-offen" not in _regeln(_warm_gleich_kalt(beispiel), SITZUNG)


def test_beschluss_ohne_anwesenheit_ist_warnung(beispiel):
    sitzung = beispiel / SITZUNG
    text = sitzung.read_text(encoding="utf-8")
    anfang, rest = text.split("anwesend:\n", 1)
    rest = rest[rest.index("tagesordnung:"):]
    sitzung.write_text(anfang + rest, encoding="utf-8")
    befunde = _warm_gleich_kalt(beispiel)
    treffer = [b for b in befunde if b[0] == SITZUNG and b[4] == "sitzung-anwesenheit"]
    assert len(treffer) == 1 and treffer[0][3] == "warnung"
