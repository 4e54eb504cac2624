"""Das Messwerkzeug bench/run.py (Issues 6 und 17): ein Probelauf mit winzigem N läuft jede
Messung einmal durch, und die Tabelle bewertet die Ziele richtig. Keine Zeitassertions: die
Ziele stehen nur in bench/ und gelten bei 10 000, 100 000 und 1 000 000 Datensätzen."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROJEKT = Path(__file__).resolve().parents[1]
if str(PROJEKT) not in sys.path:  # bench/ liegt neben netzwerk_cli/, ist aber kein Teil des Pakets
    sys.path.insert(0, str(PROJEKT))

from bench import run


def _zeilen(text: str, marke: str) -> list[str]:
    """Die Zeilen der Haupttabelle (sieben Spalten) mit dieser Marke, nicht die des Vergleichs."""
    return [z for z in text.splitlines() if z.startswith(f"| {marke} |") and z.count("|") == 8]


@pytest.mark.langsam
def test_probelauf_misst_alle_pfade_und_die_skalierung(tmp_path):
    """Ein Lauf mit 30 Datensätzen, einer Wiederholung und --skalierung-gross, wobei 31 die
    Rolle von 1 000 000 übernimmt (verstecktes --groessen-gross): jede Messung läuft einmal."""
    ausgabe = tmp_path / "ergebnisse.md"
    zwischenspeicher = tmp_path / "zs"
    rc = run.main([
        "--datensaetze", "30", "--wiederholungen", "1", "--probelauf", "--ohne-check-jsonschema",
        "--zwischenspeicher", str(zwischenspeicher), "--ausgabe", str(ausgabe),
        "--skalierung-gross", "--groessen-gross", "30,31",
    ])
    assert rc == 0
    text = ausgabe.read_text(encoding="utf-8")
    assert "Probelauf" in text
    assert [z for z in text.splitlines() if z.startswith("## N = ")] == ["## N = 30", "## N = 31"]
    for marke in ("(a)", "(b)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)", "Speicher"):
        zeilen = _zeilen(text, marke)
        assert len(zeilen) == 2, marke  # je Größe eine Zeile
        assert all("nicht gemessen" not in z for z in zeilen), zeilen
        assert all(" MiB |" in z for z in zeilen), zeilen  # Spitzen-RSS je Zeile
    assert "| (d′) |" not in text  # „neuer Stichtag“ ist jetzt die Zielmessung (g)
    # jede netzwerk-Messung ohne Befunde: (h) hat wirklich fünf Datensätze geändert und gegen main verglichen
    befunde = [z for z in text.splitlines() if z.startswith("Befunde ")]
    assert befunde and all(z.count("0 Fehler, 0 Warnungen") == 4 for z in befunde), befunde
    geaendert = [z for z in text.splitlines() if z.startswith("* (h)")]
    assert all(z.count(".yaml`") == run.AENDERUNGEN_H for z in geaendert), geaendert
    # Ziele nach Issue 17
    assert "≤ 1,0 s bei 30" in _zeilen(text, "(d)")[0]
    assert "≤ 1,5 s bei 30" in _zeilen(text, "(g)")[0] and "≤ 2,0 s bei 30" in _zeilen(text, "(h)")[0]
    assert "≤ 512 MiB auf jedem Pfad bei 30" in _zeilen(text, "Speicher")[0]
    assert "≤ 2 GiB" in _zeilen(text, "Speicher")[1]  # die Größe an Stelle von 1 000 000
    skalierung = _zeilen(text, "Skalierung")
    assert len(skalierung) == 1 and "(b) kalt bei 31 / (b) bei 30" in skalierung[0] and "≤ 11×" in skalierung[0]
    assert "Zeit und Spitzen-RSS je Pfad gegen N = 30:" in text
    # das Git-Repository des Basisstands: ein Commit auf main; Klon und gesicherter Speicher sind aufgeräumt
    ursprung = next(zwischenspeicher.glob("daten-n30-*.git"))
    commits = subprocess.run(["git", f"--git-dir={ursprung}", "rev-list", "--count", "main"], capture_output=True, text=True, check=True).stdout
    assert commits.strip() == "1"
    assert not list(zwischenspeicher.glob("pr-*"))


def _reihe(sekunden: float, rss: float = 100.0, rc: int = 0) -> run.Reihe:
    return run.Reihe([run.Lauf(sekunden, rss, rc)])


def _ergebnis(n: int, b: float = 10.0, rss: float = 100.0, h: bool = True) -> run.Ergebnis:
    e = run.Ergebnis(n, {}, Path("/nirgends"))
    e.a, e.b = _reihe(20.0, 12.0), _reihe(b, rss)
    e.d, e.g, e.i = _reihe(0.9), _reihe(1.4), _reihe(1.6)
    e.h = _reihe(1.9) if h else run.Reihe()
    e.h_fehler = "" if h else "git nicht gefunden"
    e.e_hilfe, e.e_typer, e.f = _reihe(0.1), _reihe(0.1), _reihe(0.3)
    e.j_text, e.j_json = _reihe(0.4), _reihe(0.2)
    return e


def test_ziele_nach_issue_17():
    zeilen, erfuellt = run.tabelle(_ergebnis(100_000, b=10.0, rss=500.0))
    assert erfuellt["b/a"] is True and erfuellt["d"] is True and erfuellt["g"] is True and erfuellt["h"] is True
    assert erfuellt["i"] is False  # 1,6 s > 1,5 s
    assert erfuellt["rss"] is True
    assert "skalierung" not in erfuellt
    _, erfuellt = run.tabelle(_ergebnis(100_000, b=13.0, rss=513.0))
    assert erfuellt["b/a"] is False and erfuellt["rss"] is False  # 0,65× a; 513 MiB > 512 MiB
    zeilen, erfuellt = run.tabelle(_ergebnis(100_000, h=False))
    assert erfuellt["h"] is None
    assert "nicht gemessen: git nicht gefunden" in _zeilen("\n".join(zeilen), "(h)")[0]


@pytest.mark.parametrize(("faktor", "rss", "skalierung_ok", "rss_ok"), [(10.5, 2000.0, True, True), (11.5, 2000.0, False, True), (10.0, 2100.0, True, False)])
def test_skalierung_gross_gegen_100_000(faktor, rss, skalierung_ok, rss_ok):
    vorher = _ergebnis(100_000, b=10.0, rss=400.0)
    zeilen, erfuellt = run.tabelle(_ergebnis(1_000_000, b=10.0 * faktor, rss=rss), vorher)
    assert erfuellt["skalierung"] is skalierung_ok
    assert erfuellt["rss"] is rss_ok  # bei 1 000 000 gilt ≤ 2 GiB statt ≤ 512 MiB
    text = "\n".join(zeilen)
    assert "≤ 2 GiB" in _zeilen(text, "Speicher")[0]
    assert "(b) kalt bei 1\u202f000\u202f000 / (b) bei 100\u202f000" in _zeilen(text, "Skalierung")[0]
    vergleich = "\n".join(run.vergleich(_ergebnis(1_000_000, b=10.0 * faktor, rss=rss), vorher))
    assert "| (b) | 10,00 s |" in vergleich and f"{run.z(faktor)}×" in vergleich


def test_groessen():
    g = run.Groessen()
    assert run.groessen_liste(10_000, False, False, g) == [10_000]
    assert run.groessen_liste(10_000, True, False, g) == [10_000, 100_000]
    assert run.groessen_liste(10_000, False, True, g) == [10_000, 100_000, 1_000_000]
    assert run.groessen_liste(100_000, True, True, g) == [100_000, 1_000_000]
    with pytest.raises(SystemExit):
        run.main(["--wiederholungen", "1"])  # ohne versteckten Probelauf gilt: mindestens 3
