"""Jede Art von Bestand erfüllt `BestandLesen` (die Nachschlage-Methoden der Prüfungen).

Geprüft zur Laufzeit (isinstance über @runtime_checkable, dieselben Antworten auf dieselben
Fragen) und statisch (mypy prüft Zuweisungen an `BestandLesen`).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from netzwerk_cli import dateipruefung
from netzwerk_cli.bestand import Bestand, BestandLesen, aus_speicher
from netzwerk_cli.bestand.abhaengigkeiten import Aufzeichner
from netzwerk_cli.bestand.finden import _finden
from netzwerk_cli.bestand.laden import lade_bedarf, lade_bestand
from netzwerk_cli.quellen import zwischenspeicher as zs


def _speicher_bestand(wurzel: Path) -> aus_speicher.SpeicherBestand:
    """Wie `querpruefung._pruefe`: Metadaten aus dem Zwischenspeicher, Daten nach Bedarf."""
    speicher = zs.oeffnen(wurzel, dateipruefung.werkzeug_kennung())
    assert speicher is not None
    gefunden, fund_befunde = _finden(wurzel)
    eintraege, frisch = dateipruefung.abgleichen_und_pruefen(gefunden, wurzel, speicher)
    return aus_speicher.lade(wurzel, gefunden, fund_befunde, eintraege, frisch, speicher)


@pytest.fixture
def varianten(beispiel) -> dict[str, object]:
    eager = lade_bestand(beispiel, zwischenspeicher=False)
    return {
        "lade_bestand": eager,
        "lade_bedarf": lade_bedarf(beispiel),
        "SpeicherBestand": _speicher_bestand(beispiel),
        "Aufzeichner": Aufzeichner(lade_bestand(beispiel, zwischenspeicher=False)),
    }


def test_jede_variante_ist_ein_bestand_lesen(varianten):
    for name, bestand in varianten.items():
        assert isinstance(bestand, BestandLesen), name


def test_ohne_eine_methode_kein_bestand_lesen():
    class Halb:
        def hole(self, art, id_): ...
        def daten(self, art, id_): ...
        def gibt_es(self, art, id_): ...
        def fehlende(self, art, werte): ...
        def ids(self, art): ...
        def alle_von(self, art): ...
        def nach(self, art, feld, wert): ...

    assert not isinstance(Halb(), BestandLesen)  # `merke` fehlt
    assert not isinstance(object(), BestandLesen)


def _antworten(b: BestandLesen, gremium: str, sitzung: str) -> tuple:
    ds = b.hole("sitzung", sitzung)
    return (
        ds.datei if ds is not None else None,
        b.hole("sitzung", "gibt-es-nicht"),
        b.hole("sitzung", 7),
        b.daten("gremium", gremium),
        b.gibt_es("gremium", gremium),
        b.gibt_es("gremium", "gibt-es-nicht"),
        b.fehlende("gremium", [gremium, "gibt-es-nicht", 3]),
        sorted(b.ids("gremium")),
        len(b.ids("gremium")),
        gremium in b.ids("gremium"),
        sorted(d.datei for d in b.alle_von("sitzung")),
        [d.datei for d in b.nach("sitzung", "gremium", gremium)],
        b.merke("test-schnittstelle", lambda innen: sorted(innen.ids("person"))),
    )


def test_alle_varianten_antworten_gleich(varianten):
    eager = varianten["lade_bestand"]
    assert isinstance(eager, Bestand)
    sitzung = next(iter(eager.arten["sitzung"]))
    gremium = eager.arten["sitzung"][sitzung].daten["gremium"]
    erwartet = _antworten(eager, gremium, sitzung)
    assert erwartet[0] is not None and erwartet[4] and erwartet[11]  # die Fragen treffen etwas
    for name, bestand in varianten.items():
        assert isinstance(bestand, BestandLesen)
        assert _antworten(bestand, gremium, sitzung) == erwartet, name


def test_aufzeichner_schreibt_mit_und_reicht_durch(varianten):
    aufzeichner = varianten["Aufzeichner"]
    assert isinstance(aufzeichner, Aufzeichner)
    aufzeichner.gibt_es("gremium", "x")
    aufzeichner.ids("person")
    assert aufzeichner.abh == {"e\0gremium\0x", "ids\0person"}


@pytest.mark.langsam
def test_mypy_prueft_zuweisungen_an_bestand_lesen(tmp_path):
    api = pytest.importorskip("mypy.api")
    gut = tmp_path / "gut.py"
    gut.write_text(
        textwrap.dedent(
            """
            from pathlib import Path

            from netzwerk_cli.bestand import Bestand, BestandLesen
            from netzwerk_cli.bestand.laden import lade_bedarf, lade_bestand
            from netzwerk_cli.bestand.abhaengigkeiten import Aufzeichner
            from netzwerk_cli.bestand.aus_speicher import SpeicherBestand

            def varianten(wurzel: Path, speicher: SpeicherBestand) -> list[BestandLesen]:
                eager: BestandLesen = lade_bestand(wurzel)
                bedarf: BestandLesen = lade_bedarf(wurzel)
                aus_speicher: BestandLesen = speicher
                aufzeichner: BestandLesen = Aufzeichner(Bestand(wurzel=wurzel))
                return [eager, bedarf, aus_speicher, aufzeichner]
            """
        ),
        encoding="utf-8",
    )
    schlecht = tmp_path / "schlecht.py"
    schlecht.write_text(
        textwrap.dedent(
            """
            from netzwerk_cli.bestand import BestandLesen

            class OhneMerke:
                def hole(self, art: str, id_: object) -> None: ...

            b: BestandLesen = OhneMerke()
            """
        ),
        encoding="utf-8",
    )
    optionen = ["--no-error-summary", "--follow-imports=silent", "--ignore-missing-imports", "--cache-dir", str(tmp_path / "cache")]
    ausgabe, fehler, code = api.run([*optionen, str(gut)])
    assert code == 0, ausgabe + fehler
    ausgabe, fehler, code = api.run([*optionen, str(schlecht)])
    assert code == 1
    assert '"OhneMerke", variable has type "BestandLesen"' in ausgabe
