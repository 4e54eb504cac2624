"""Issue 6 (d), Issue 17: die inkrementelle Querprüfung verbirgt nie einen Fehler.

Eigenschaft: nach jeder zufälligen Änderung (Verweis umbiegen oder ins Leere zeigen lassen,
Status und Datum ändern, Listeneintrag löschen, Schemafehler, kaputtes YAML, Datei löschen,
umbenennen, kopieren, doppelte id) und bei zufällig wechselndem Stichtag (Daten aus den
Dateien, ihre Nachbartage, beliebige Tage) liefert `validate` mit Zwischenspeicher genau die
Befunde eines Laufs ohne Speicher. Dazu Tests, dass wirklich nur Betroffenes neu geprüft wird und
dass ein inkonsistenter Speicher zu einer vollständigen Prüfung führt.
"""

from __future__ import annotations

import random
import re
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest
import yaml
from conftest import BEISPIEL, STICHTAG
from profil import schritte

from bench import generate
from netzwerk_cli import dateipruefung, querpruefung
from netzwerk_cli.quellen import zwischenspeicher
from netzwerk_cli.validierung import validiere


def _befunde(bericht) -> list[tuple]:
    return [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]


def _gleich_ohne_speicher(wurzel: Path, stichtag: str = STICHTAG, schritt: str = "") -> list[tuple]:
    warm = _befunde(validiere(wurzel, stichtag))
    kalt = _befunde(validiere(wurzel, stichtag, zwischenspeicher=False))
    if warm != kalt:
        nur_warm = sorted(set(warm) - set(kalt))[:5]
        nur_kalt = sorted(set(kalt) - set(warm))[:5]
        pytest.fail(f"nach {schritt}: nur mit Speicher {nur_warm}; nur ohne Speicher {nur_kalt}")
    return warm


@pytest.fixture
def geprueft_subjekte(monkeypatch) -> list[str]:
    """Subjekte, deren Querprüfung tatsächlich lief."""
    subjekte: list[str] = []
    original = querpruefung._subjekt_pruefen

    def zaehlen(ds, bestand, kontext):
        subjekte.append(f"{ds.art}/{ds.id}")
        return original(ds, bestand, kontext)

    monkeypatch.setattr(querpruefung, "_subjekt_pruefen", zaehlen)
    return subjekte


# --------------------------------------------------------------------------- zufällige Änderungen


class Aenderer:
    def __init__(self, wurzel: Path, rng: random.Random):
        self.wurzel = wurzel
        self.rng = rng
        self.zaehler = 0

    def dateien(self) -> list[Path]:
        return sorted(p for p in self.wurzel.rglob("*.yaml") if p.name != "netzwerk.yaml" and ".git" not in p.parts)

    def ids(self) -> dict[str, list[str]]:
        je_ordner: dict[str, list[str]] = {}
        for p in self.dateien():
            je_ordner.setdefault(p.relative_to(self.wurzel).parts[0], []).append(p.stem)
        return je_ordner

    def stichtag(self, jetzt: str) -> str:
        """Oft bleibt der Stichtag; sonst ein Datum aus den Dateien, sein Vor- oder Folgetag
        (dort kippen Prüfungen) oder ein beliebiger Tag."""
        if self.rng.random() < 0.4:
            return jetzt
        if self.rng.random() < 0.7:
            daten = sorted({d for p in self.dateien() for d in re.findall(r"\d{4}-\d{2}-\d{2}", p.read_text(encoding="utf-8", errors="replace"))})
            try:
                tag = date.fromisoformat(self.rng.choice(daten)) if daten else date(2026, 1, 1)
            except ValueError:
                tag = date(2026, 1, 1)
            tag += timedelta(days=self.rng.choice([-1, 0, 1]))
        else:
            tag = date(2014, 1, 1) + timedelta(days=self.rng.randrange(20 * 366))
        return tag.isoformat()

    def neue_id(self) -> str:
        self.zaehler += 1
        return f"zufall-{self.zaehler}"

    def schritt(self) -> str:
        art = self.rng.choices(
            ["verweis", "status", "listeneintrag", "schema", "kaputt", "loeschen", "umbenennen", "kopie", "doppelt"],
            weights=[30, 10, 10, 5, 5, 10, 10, 10, 5],
        )[0]
        datei = self.rng.choice(self.dateien())
        getan = getattr(self, "_" + art)(datei)
        return f"{art} {datei.relative_to(self.wurzel).as_posix()}: {getan}"

    def _lies(self, datei: Path):
        try:
            daten = yaml.safe_load(datei.read_text(encoding="utf-8"))
        except (yaml.YAMLError, UnicodeDecodeError):
            return None
        return daten if isinstance(daten, dict) else None

    def _schreibe(self, datei: Path, daten: dict) -> None:
        datei.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def _blaetter(self, daten, pfad=()):
        if isinstance(daten, dict):
            for k, v in daten.items():
                yield from self._blaetter(v, pfad + (k,))
        elif isinstance(daten, list):
            for i, v in enumerate(daten):
                yield from self._blaetter(v, pfad + (i,))
        elif isinstance(daten, str):
            yield pfad, daten

    @staticmethod
    def _setze(daten, pfad, wert):
        for schritt in pfad[:-1]:
            daten = daten[schritt]
        daten[pfad[-1]] = wert

    def _verweis(self, datei: Path) -> str:
        daten = self._lies(datei)
        if daten is None:
            return self._reparieren(datei)
        bekannt = {i: ordner for ordner, ids in self.ids().items() for i in ids}
        verweise = [(p, w) for p, w in self._blaetter(daten) if w in bekannt]
        if not verweise:
            return "kein Verweis"
        pfad, wert = self.rng.choice(verweise)
        if self.rng.random() < 0.7:
            neu = self.rng.choice(self.ids()[bekannt[wert]])
        else:
            neu = "gibt-es-nicht-" + str(self.rng.randint(1, 3))
        self._setze(daten, pfad, neu)
        self._schreibe(datei, daten)
        return f"{pfad}: {wert} → {neu}"

    def _status(self, datei: Path) -> str:
        daten = self._lies(datei)
        if daten is None:
            return self._reparieren(datei)
        if "datum" in daten and self.rng.random() < 0.5:
            jahr = self.rng.choice(["2015", "2021", "2024", "2027"])
            daten["datum"] = jahr + str(daten["datum"])[4:]
            self._schreibe(datei, daten)
            return f"datum {daten['datum']}"
        if "status" not in daten:
            return "kein Status"
        daten["status"] = self.rng.choice(["geplant", "durchgefuehrt", "abgesagt", "aktiv", "abgeschlossen", "beschlossen", "entwurf"])
        self._schreibe(datei, daten)
        return f"status {daten['status']}"

    def _listeneintrag(self, datei: Path) -> str:
        daten = self._lies(datei)
        if daten is None:
            return self._reparieren(datei)
        listen = [k for k, v in daten.items() if isinstance(v, list) and v]
        if not listen:
            return "keine Liste"
        k = self.rng.choice(listen)
        del daten[k][self.rng.randrange(len(daten[k]))]
        self._schreibe(datei, daten)
        return f"{k} gekürzt"

    def _schema(self, datei: Path) -> str:
        daten = self._lies(datei)
        if daten is None:
            return self._reparieren(datei)
        daten["unbekanntes_feld"] = 1
        self._schreibe(datei, daten)
        return "unbekanntes Feld"

    def _kaputt(self, datei: Path) -> str:
        self.kaputte = getattr(self, "kaputte", {})
        self.kaputte[datei] = datei.read_bytes()
        datei.write_text("name: [offen\n", encoding="utf-8")
        return "YAML kaputt"

    def _reparieren(self, datei: Path) -> str:
        alt = getattr(self, "kaputte", {}).pop(datei, None)
        if alt is None:
            return "unlesbar, bleibt"
        datei.write_bytes(alt)
        return "repariert"

    def _loeschen(self, datei: Path) -> str:
        datei.unlink()
        return "gelöscht"

    def _umbenennen(self, datei: Path) -> str:
        ziel = datei.with_name(self.neue_id() + ".yaml")
        datei.rename(ziel)
        return f"→ {ziel.name}"

    def _kopie(self, datei: Path) -> str:
        ziel = datei.with_name(self.neue_id() + ".yaml")
        shutil.copyfile(datei, ziel)
        return f"→ {ziel.name}"

    def _doppelt(self, datei: Path) -> str:
        ordner = self.wurzel / datei.relative_to(self.wurzel).parts[0] / "doppelt"
        ordner.mkdir(exist_ok=True)
        ziel = ordner / datei.name
        ziel.write_bytes(datei.read_bytes() + b"\nunbekannt_doppelt: 1\n")
        return f"doppelte id in {ordner.name}/"


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_zufaellige_aenderungen_beispieldaten(tmp_path, seed):
    wurzel = tmp_path / "daten"
    shutil.copytree(BEISPIEL, wurzel)
    rng = random.Random(seed)
    aenderer = Aenderer(wurzel, rng)
    _gleich_ohne_speicher(wurzel, schritt="Start")
    stichtag = STICHTAG
    for i in range(schritte(25)):
        stichtag = aenderer.stichtag(stichtag)
        beschreibung = aenderer.schritt() if rng.random() < 0.7 else "keine Änderung"
        _gleich_ohne_speicher(wurzel, stichtag, schritt=f"Schritt {i + 1} ({beschreibung}; Stichtag {stichtag})")


@pytest.fixture(scope="module")
def erzeugt(tmp_path_factory) -> Path:
    ziel = tmp_path_factory.mktemp("quer") / "daten"
    generate.erzeuge(ziel, 700, seed=5, fehler=15)
    return ziel


@pytest.mark.parametrize("seed", [7, 8])
@pytest.mark.langsam
def test_zufaellige_aenderungen_erzeugtes_repository(erzeugt, tmp_path, seed):
    wurzel = tmp_path / "daten"
    shutil.copytree(erzeugt, wurzel)
    aenderer = Aenderer(wurzel, random.Random(seed))
    _gleich_ohne_speicher(wurzel, schritt="Start")
    stichtag = STICHTAG
    for i in range(schritte(15)):
        stichtag = aenderer.stichtag(stichtag)
        beschreibung = " | ".join(aenderer.schritt() for _ in range(random.Random(seed + i).randint(0, 3)))
        _gleich_ohne_speicher(wurzel, stichtag, schritt=f"Schritt {i + 1} ({beschreibung}; Stichtag {stichtag})")


# --------------------------------------------------------------------------- nur Betroffenes


def test_unberuehrte_datei_nichts_neu(beispiel, geprueft_subjekte):
    validiere(beispiel, STICHTAG)
    geprueft_subjekte.clear()
    validiere(beispiel, STICHTAG)
    assert geprueft_subjekte == []


def test_nur_betroffene_subjekte_werden_neu_geprueft(beispiel, geprueft_subjekte, monkeypatch):
    validiere(beispiel, STICHTAG)
    sitzung = next((beispiel / "sitzungen").rglob("*.yaml"))
    daten = yaml.safe_load(sitzung.read_text(encoding="utf-8"))
    gremium = daten["gremium"]
    gelesen: list[str] = []
    original = dateipruefung.pruefe_datei
    monkeypatch.setattr(dateipruefung, "pruefe_datei", lambda art, pfad, wurzel, datei: gelesen.append(datei) or original(art, pfad, wurzel, datei))
    sitzung.write_text(sitzung.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    geprueft_subjekte.clear()
    bericht = validiere(beispiel, STICHTAG)
    assert gelesen == [sitzung.relative_to(beispiel).as_posix()]
    assert f"sitzung/{sitzung.stem}" in geprueft_subjekte
    assert f"gremium/{gremium}" in geprueft_subjekte  # Rhythmus: hängt an den Sitzungen des Gremiums
    alle = sum(1 for _ in beispiel.rglob("*.yaml"))
    assert len(geprueft_subjekte) < alle / 2
    assert _befunde(bericht) == _befunde(validiere(beispiel, STICHTAG, zwischenspeicher=False))


def test_anderer_stichtag_prueft_nur_abgelaufene_subjekte(beispiel, geprueft_subjekte):
    """Issue 17 (g): der erste Lauf eines neuen Tages prüft nur, was an diesem Tag anders sein kann."""
    validiere(beispiel, STICHTAG)
    alle = sum(1 for _ in beispiel.rglob("*.yaml"))
    folgetag = (date.fromisoformat(STICHTAG) + timedelta(days=1)).isoformat()
    geprueft_subjekte.clear()
    _gleich_ohne_speicher(beispiel, folgetag, "Folgetag")
    assert len(geprueft_subjekte) < alle / 4
    # Personen und Organisationen hängen nie vom Stichtag ab
    assert not [s for s in geprueft_subjekte if s.startswith(("person/", "organisation/"))]
    # ein Tag Jahre später: viel mehr kippt (Mitgliedschaften enden, Wiedervorlagen werden fällig)
    geprueft_subjekte.clear()
    _gleich_ohne_speicher(beispiel, "2031-01-01", "anderer Stichtag")
    assert geprueft_subjekte
    # zurück zum alten Stichtag: dasselbe wie ohne Speicher
    _gleich_ohne_speicher(beispiel, STICHTAG, "zurück")


def test_sitzung_kippt_genau_am_tag_nach_ihrem_datum(beispiel, geprueft_subjekte):
    """Eine geplante Sitzung wird am Tag nach ihrem Datum zur Warnung – genau dann, und nur sie
    (mit ihrem Gremium, falls es vom Tag abhängt) wird neu geprüft."""
    sitzung = next((beispiel / "sitzungen").rglob("*.yaml"))
    daten = yaml.safe_load(sitzung.read_text(encoding="utf-8"))
    daten["status"] = "geplant"
    daten["datum"] = "2027-03-10"
    for feld in ("anwesend", "tagesordnung", "protokoll"):
        daten.pop(feld, None)
    sitzung.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    vorher = _gleich_ohne_speicher(beispiel, "2027-03-10", "am Tag der Sitzung")
    assert not any(b[4] == "sitzung-status" and b[0] == sitzung.relative_to(beispiel).as_posix() for b in vorher)
    geprueft_subjekte.clear()
    nachher = _gleich_ohne_speicher(beispiel, "2027-03-11", "Folgetag")
    assert any(b[4] == "sitzung-status" and b[0] == sitzung.relative_to(beispiel).as_posix() for b in nachher)
    assert f"sitzung/{sitzung.stem}" in geprueft_subjekte


def test_geaenderte_wiedervorlagefrist_prueft_alles_neu(beispiel, geprueft_subjekte):
    validiere(beispiel, STICHTAG)
    netzwerk = beispiel / "netzwerk.yaml"
    daten = yaml.safe_load(netzwerk.read_text(encoding="utf-8"))
    daten.setdefault("einstellungen", {})["wiedervorlage_monate"] = 1
    netzwerk.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    geprueft_subjekte.clear()
    befunde = _gleich_ohne_speicher(beispiel, schritt="Wiedervorlage 1 Monat")
    assert any(b[4] == "wiedervorlage-faellig" for b in befunde)
    assert len(geprueft_subjekte) >= sum(1 for _ in beispiel.rglob("*.yaml"))


def test_fremde_generation_fuehrt_zu_vollstaendiger_pruefung(beispiel, geprueft_subjekte):
    """Zwei Läufe schrieben zugleich: ein Teil der Abhängigkeiten passt nicht zu quer.bin."""
    validiere(beispiel, STICHTAG)
    speicher = zwischenspeicher.oeffnen(beispiel, dateipruefung.werkzeug_kennung())
    zustand = speicher.quer()
    assert zustand is not None
    zustand["generationen"] = [g + 1 for g in zustand["generationen"]]
    speicher.quer_setzen(zustand)
    speicher.speichern()
    person = next((beispiel / "personen").rglob("*.yaml"))
    person.unlink()  # ein Verweis bricht
    geprueft_subjekte.clear()
    befunde = _gleich_ohne_speicher(beispiel, schritt="fremde Generation")
    assert any(b[4] == "ref-unbekannt" and person.stem in b[5] for b in befunde)
    assert len(geprueft_subjekte) >= sum(1 for _ in beispiel.rglob("*.yaml"))


def test_leere_abhaengigkeitsteile_ohne_datei(beispiel, geprueft_subjekte):
    """Leere Teile der Abhängigkeiten bekommen Generation 0 und keine Datei (ein kleines Repository
    schrieb sonst 256 Teile je Lauf). Wird ein leerer Teil später gefüllt oder liegt für ihn noch
    eine alte, gefüllte Datei da, entscheidet der Speicher wie ohne Speicher."""
    validiere(beispiel, STICHTAG)
    ordner = zwischenspeicher._ordner(beispiel)
    zustand = zwischenspeicher.oeffnen(beispiel, dateipruefung.werkzeug_kennung()).quer()
    assert zustand is not None
    leer = [nr for nr, g in enumerate(zustand["generationen"]) if g == 0]
    voll = [nr for nr, g in enumerate(zustand["generationen"]) if g != 0]
    assert leer and voll
    dateien = {p.name for p in ordner.glob("abh-*.bin")}
    assert dateien == {f"abh-{nr:03d}.bin" for nr in voll}
    # unverändert: nichts neu geprüft, obwohl die leeren Teile fehlen
    geprueft_subjekte.clear()
    _gleich_ohne_speicher(beispiel, schritt="warm")
    assert geprueft_subjekte == []
    # richtig signierte, gefüllte Dateien einer anderen Generation für jeden leeren Teil: sie passen
    # nicht zu Generation 0 – wer sie liest, prüft alles neu; das Ergebnis bleibt gleich
    speicher = zwischenspeicher.oeffnen(beispiel, dateipruefung.werkzeug_kennung())
    for nr in leer:
        speicher._setzen(f"abh-{nr:03d}.bin", (12345, {"person/gibt-es-nicht": (0,)}))
    speicher.speichern()
    person = next((beispiel / "personen").rglob("*.yaml"))
    person.unlink()  # ein Verweis bricht
    befunde = _gleich_ohne_speicher(beispiel, schritt="gefüllte Datei für leeren Teil")
    assert any(b[4] == "ref-unbekannt" and person.stem in b[5] for b in befunde)
    # jede Datei eines gefüllten Teils fehlt: wer einen liest, prüft alles neu; dasselbe Ergebnis
    for teil in ordner.glob("abh-*.bin"):
        teil.unlink()
    organisation = next((beispiel / "organisationen").rglob("*.yaml"))
    organisation.unlink()
    geprueft_subjekte.clear()
    _gleich_ohne_speicher(beispiel, schritt="fehlende Teile")
    assert len(geprueft_subjekte) >= sum(1 for _ in beispiel.rglob("*.yaml"))


def test_fehlende_daten_im_speicher_werden_aus_der_datei_gelesen(beispiel):
    validiere(beispiel, STICHTAG)
    for teil in zwischenspeicher._ordner(beispiel).glob("daten-*.bin"):
        teil.unlink()
    gremium = next((beispiel / "gremien").rglob("*.yaml"))
    gremium.write_text(gremium.read_text(encoding="utf-8") + "# geändert\n", encoding="utf-8")
    _gleich_ohne_speicher(beispiel, schritt="Daten fehlen")


def test_neue_aehnliche_id_aendert_den_hinweis(tmp_path):
    """Schlüssel `ids·art`: der Vorschlag „meinten Sie …?“ eines kaputten Verweises hängt an den
    ids der Art, obwohl die verwiesene id selbst weiter fehlt."""
    from conftest import minimal_repo

    wurzel = minimal_repo(
        tmp_path / "daten",
        {
            "organisationen/amt.yaml": "name: Amt\ntyp: amt\n",
            "personen/pia.yaml": "name: Pia\norganisation: integrationsamt-kreis\n",
        },
    )
    vorher = _gleich_ohne_speicher(wurzel, schritt="Start")
    assert any("integrationsamt-kreis" in b[5] and "meinten Sie" not in b[5] for b in vorher)
    (wurzel / "organisationen" / "integrationsamt-kreiss.yaml").write_text("name: Amt\ntyp: amt\n", encoding="utf-8")
    nachher = _gleich_ohne_speicher(wurzel, schritt="ähnliche id neu")
    assert any("meinten Sie „integrationsamt-kreiss“" in b[5] for b in nachher)


def _im_speicher(wurzel: Path, text: bytes) -> list[str]:
    return [p.name for p in zwischenspeicher._ordner(wurzel).glob("*.bin") if text in p.read_bytes()]


def test_geloeschte_person_verschwindet_aus_dem_speicher(beispiel):
    """Auch die id einer gelöschten Datei (oft ein Name) bleibt nicht in den Abhängigkeiten
    oder der Liste der Subjekte liegen."""
    person = beispiel / "personen" / "zora-zwischenspeicher.yaml"
    person.write_text("name: Zora Zwischenspeicher\n", encoding="utf-8")
    validiere(beispiel, STICHTAG)
    assert _im_speicher(beispiel, b"zora-zwischenspeicher")
    person.unlink()
    _gleich_ohne_speicher(beispiel, schritt="Person gelöscht")
    assert _im_speicher(beispiel, b"zora-zwischenspeicher") == []
    assert _im_speicher(beispiel, b"Zora") == []


def test_geloeschte_person_mit_verweis_bleibt_nur_wo_die_dateien_sie_nennen(beispiel):
    """Wird die Person noch verwiesen, steht ihre id in einer Datei; dann darf die id auch im
    Speicher stehen (als Abhängigkeit des Verweises und im Befund), der Name nicht."""
    person = beispiel / "personen" / "zora-zwischenspeicher.yaml"
    person.write_text("name: Zora Zwischenspeicher\n", encoding="utf-8")
    ag = next((beispiel / "arbeitsgruppen").glob("*.yaml"))
    daten = yaml.safe_load(ag.read_text(encoding="utf-8"))
    daten["leitung"] = [*(daten.get("leitung") or []), "zora-zwischenspeicher"]
    ag.write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert not [b for b in _gleich_ohne_speicher(beispiel, schritt="Person verwiesen") if b[4] == "ref-unbekannt"]
    person.unlink()
    befunde = _gleich_ohne_speicher(beispiel, schritt="verwiesene Person gelöscht")
    assert _im_speicher(beispiel, b"Zora") == []
    assert [b for b in befunde if b[4] == "ref-unbekannt" and "zora-zwischenspeicher" in b[5] and b[0] == ag.relative_to(beispiel).as_posix()]
