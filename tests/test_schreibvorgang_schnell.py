"""Der schnelle Prüfweg des Schreibwegs (`validierung.geplant`) entscheidet wie der vollständige.

Der Schreibweg prüft den geplanten Stand über den Zwischenspeicher von `validate`: nur die
Subjekte, die die Änderung berührt, werden neu geprüft. Eigenschaft: Für jede geplante Änderung
sind die Befunde des jetzigen und des geplanten Stands (als Multimenge, mit Zeilen) und damit
Urteil und Liste der neuen Fehler genau die des vollständigen Wegs (alle Prüfungen zweimal über
das ganze Repository, ohne Speicher). Geprüft an zufälligen Änderungen (wie
tests/test_querpruefung.py) und an den echten Vorgängen jedes schreibenden Befehls.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import BEISPIEL, STICHTAG
from profil import schritte
from test_querpruefung import Aenderer

from bench import generate
from netzwerk_cli.aktionen import schreibvorgang
from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.validierung import _begrenzt, geplant, pruefe_bestand


def _tupel(befunde) -> list[tuple]:
    return sorted((b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in befunde)


def _dateien(wurzel: Path) -> dict[str, bytes]:
    return {
        p.relative_to(wurzel).as_posix(): p.read_bytes()
        for p in wurzel.rglob("*")
        if p.is_file() and not any(t.startswith(".") for t in p.relative_to(wurzel).parts)
    }


def _plan(vorher: Path, nachher: Path) -> dict[str, bytes | None]:
    """Die Dateiänderungen von `vorher` nach `nachher` (None: gelöscht)."""
    alt, neu = _dateien(vorher), _dateien(nachher)
    plan: dict[str, bytes | None] = {d: b for d, b in neu.items() if alt.get(d) != b}
    plan.update({d: None for d in alt.keys() - neu.keys()})
    return plan


def _vergleichen(wurzel: Path, plan: dict[str, bytes | None], schreiben: bool, wie: str, stichtag: str = STICHTAG) -> None:
    bestand = lade_bestand(wurzel, zwischenspeicher=False)
    voll_jetzt = pruefe_bestand(bestand, stichtag).befunde
    voll_geplant = pruefe_bestand(schreibvorgang.ueberlagert(bestand, plan), stichtag).befunde

    stand = geplant.oeffnen(wurzel, stichtag, schreiben)
    assert stand is not None, wie
    schnell_geplant = stand.mit(plan)
    assert schnell_geplant is not None, wie
    schnell_jetzt, schnell_geplant = _begrenzt(stand.jetzt()), _begrenzt(schnell_geplant)
    assert _tupel(schnell_jetzt) == _tupel(voll_jetzt), f"{wie}: jetziger Stand"
    if _tupel(schnell_geplant) != _tupel(voll_geplant):
        s, v = set(_tupel(schnell_geplant)), set(_tupel(voll_geplant))
        pytest.fail(f"{wie}: geplanter Stand; nur schnell {sorted(s - v)[:5]}; nur vollständig {sorted(v - s)[:5]}")
    assert _tupel(schreibvorgang.neue_fehler(schnell_jetzt, schnell_geplant)) == _tupel(schreibvorgang.neue_fehler(voll_jetzt, voll_geplant))


def _zufaellig(start: Path, tmp_path: Path, seed: int, schritte: int) -> int:
    """Je Schritt 1–3 zufällige Änderungen als Plan (auf einer Kopie gemacht); danach wird der
    Plan mal übernommen (der Speicher sieht dann geänderte Dateien), mal verworfen. Liefert die
    Zahl der Pläne mit neuen Fehlern (damit der Test auch Ablehnungen sieht)."""
    rng = random.Random(seed)
    wurzel = tmp_path / "jetzt"
    shutil.copytree(start, wurzel)
    mit_fehlern = 0
    for i in range(schritte):
        kopie = tmp_path / f"plan-{i}"
        shutil.copytree(wurzel, kopie, ignore=shutil.ignore_patterns(".*"))
        aenderer = Aenderer(kopie, random.Random(rng.random()))
        aenderer.zaehler = 1000 * i
        beschreibung = " | ".join(aenderer.schritt() for _ in range(rng.randint(1, 3)))
        plan = _plan(wurzel, kopie)
        wie = f"seed {seed}, Schritt {i + 1} ({beschreibung})"
        _vergleichen(wurzel, plan, schreiben=rng.random() < 0.5, wie=wie)
        bestand = lade_bestand(wurzel, zwischenspeicher=False)
        if schreibvorgang.neue_fehler(pruefe_bestand(bestand, STICHTAG).befunde, pruefe_bestand(schreibvorgang.ueberlagert(bestand, plan), STICHTAG).befunde):
            mit_fehlern += 1
        if rng.random() < 0.5:  # übernehmen
            for datei, roh in plan.items():
                ziel = wurzel / datei
                if roh is None:
                    ziel.unlink()
                else:
                    ziel.parent.mkdir(parents=True, exist_ok=True)
                    ziel.write_bytes(roh)
        shutil.rmtree(kopie)
    return mit_fehlern


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_zufaellige_plaene_beispieldaten(tmp_path, seed):
    assert _zufaellig(BEISPIEL, tmp_path, seed, schritte(20)) > 0


@pytest.fixture(scope="module")
def erzeugt(tmp_path_factory) -> Path:
    ziel = tmp_path_factory.mktemp("schnell") / "daten"
    generate.erzeuge(ziel, 600, seed=11, fehler=12)
    return ziel


@pytest.mark.parametrize("seed", [5, 6])
@pytest.mark.langsam
def test_zufaellige_plaene_erzeugtes_repository(erzeugt, tmp_path, seed):
    assert _zufaellig(erzeugt, tmp_path, seed, schritte(12)) > 0


def test_plan_mit_netzwerkdatei_geht_den_vollstaendigen_weg(beispiel):
    stand = geplant.oeffnen(beispiel, STICHTAG)
    assert stand is not None
    assert stand.mit({"netzwerk.yaml": b"name: Anders\n"}) is None


def test_ohne_speicher_vollstaendig(beispiel, monkeypatch):
    monkeypatch.setenv("NETZWERK_KEIN_CACHE", "1")
    assert geplant.oeffnen(beispiel, STICHTAG) is None
    v = schreibvorgang.Vorgang(beispiel, [schreibvorgang.aenderung(beispiel, "personen/tom-test.yaml", "name: Tom Test\norganisation: gibt-es-nicht\n")], "Test")
    with pytest.raises(schreibvorgang.Abgelehnt, match="ref-unbekannt"):
        schreibvorgang.pruefen(v, STICHTAG)


def test_schreibender_befehl_schreibt_den_speicher_nicht(beispiel):
    """Nur lesend: ein Befehl, der schreibt, fasst neben seinen Dateien nichts an."""
    from netzwerk_cli import dateipruefung
    from netzwerk_cli.quellen import zwischenspeicher

    text = (beispiel / "personen/tom-test.yaml").read_text(encoding="utf-8") + "# Kommentar\n"
    v = schreibvorgang.Vorgang(beispiel, [schreibvorgang.aenderung(beispiel, "personen/tom-test.yaml", text)], "Test")
    schreibvorgang.pruefen(v, STICHTAG)
    ordner = zwischenspeicher._ordner(beispiel)
    assert not ordner.exists() or not list(ordner.iterdir())
    schreibvorgang.pruefen(v, STICHTAG, zwischenspeicher_schreiben=True)  # Probelauf: wie validate
    assert zwischenspeicher.oeffnen(beispiel, dateipruefung.werkzeug_kennung()).quer() is not None


def test_nur_betroffene_subjekte(beispiel, monkeypatch):
    """Der schnelle Weg prüft nicht alles neu: eine Änderung an einer Person berührt wenige Subjekte."""
    from netzwerk_cli.querpruefung import regeln

    geplant.oeffnen(beispiel, STICHTAG, schreiben=True)
    stand = geplant.oeffnen(beispiel, STICHTAG)
    geprueft: list[str] = []
    original = regeln.pruefe_datensatz
    monkeypatch.setattr(geplant, "pruefe_datensatz", lambda ds, b, k: geprueft.append(f"{ds.art}/{ds.id}") or original(ds, b, k))
    datei = next((beispiel / "personen").glob("*.yaml"))
    plan = {datei.relative_to(beispiel).as_posix(): datei.read_bytes() + b"# anders\n"}
    stand.mit(plan)
    assert f"person/{datei.stem}" in geprueft
    assert len(geprueft) < sum(1 for _ in beispiel.rglob("*.yaml")) / 2


# --------------------------------------------------------------------------- echte Vorgänge der Befehle


BEFEHLE = [
    ("empfehlung", "new", "--titel", "Mehrsprachige Infoblätter", "--arbeitsgruppe", "ag-sprachkurse-mit-kinderbetreuung", "--datum", STICHTAG),
    ("empfehlung", "new", "--titel", "Sprechstunde im Amt", "--gremium", "steuerungsgruppe-beispielkreis", "--datum", STICHTAG),
    ("empfehlung", "advance", "2025-001", "--datum", STICHTAG),
    ("empfehlung", "umsetzung", "2025-001", "--adressat", "stadt-beispielstadt", "--stand", "teilweise", "--bericht", "Sprechstunde läuft", "--datum", STICHTAG),
    ("person", "neu", "--name", "Jürgen Müller", "--organisation", "beispielkreis-jugendamt", "--rolle", "amtsleitung"),
    ("person", "neu", "--name", "Jürgen Müller", "--funktion", "Leitung Jugendamt"),
    ("organisation", "neu", "--name", "Amt für Bildung", "--typ", "amt", "--uebergeordnet", "landkreis-beispielkreis"),
    ("person", "anonymisieren", "bernd-beleg"),
    ("person", "anonymisieren", "bernd-beleg", "--amt-entfernen"),
    ("person", "ausscheiden", "felix-fiktiv", "--bis", "2026-12-31"),
    ("gremium", "mitglied", "hinzufuegen", "steuerungsgruppe-beispielkreis", "felix-fiktiv", "--sitzgruppe", "amtsleitungen", "--von", "2027-01-01"),
    ("gremium", "mitglied", "beenden", "steuerungsgruppe-beispielkreis", "felix-fiktiv", "--bis", "2026-12-31"),
    ("gremium", "mitglied", "beenden", "steuerungsgruppe-beispielkreis", "felix-fiktiv", "--bis", "2026-12-31", "--nachfolge", "erika-beispiel"),
]


@pytest.fixture
def gegenprobe(monkeypatch) -> list[str]:
    """Jeder schnelle Prüfweg rechnet zusätzlich den vollständigen und vergleicht."""
    gesehen: list[str] = []
    schnell = schreibvorgang._neue_fehler_schnell

    def beide(vorgang, stichtag, schreiben=False, jetzt=None):
        ergebnis = schnell(vorgang, stichtag, schreiben, jetzt)
        assert ergebnis is not None, "schneller Weg nicht genommen"
        voll = schreibvorgang._neue_fehler_voll(vorgang, stichtag)
        schluessel = vorgang.schluessel or schreibvorgang._standard_schluessel
        assert sorted(map(schluessel, ergebnis)) == sorted(map(schluessel, voll)), vorgang.betreff
        plan = schreibvorgang._geplant(vorgang)
        _vergleichen(vorgang.wurzel, plan, schreiben=False, wie=vorgang.betreff, stichtag=stichtag)
        gesehen.append(vorgang.betreff)
        return ergebnis

    monkeypatch.setattr(schreibvorgang, "_neue_fehler_schnell", beide)
    return gesehen


@pytest.mark.parametrize("probelauf", [True, False], ids=["dry-run", "schreiben"])
@pytest.mark.parametrize("befehl", BEFEHLE, ids=[" ".join(b[:3]) for b in BEFEHLE])
def test_echte_vorgaenge_gleich(cli, beispiel, gegenprobe, befehl, probelauf):
    r = cli(*befehl, *(["--dry-run"] if probelauf else []), "--daten", beispiel)
    assert r.exit_code in (0, 1), r.stderr
    if r.exit_code == 0 and befehl[1] != "anonymisieren":
        assert gegenprobe, "kein Vorgang geprüft"


def test_echter_vorgang_mit_neuem_fehler_gleich_abgelehnt(beispiel, gegenprobe):
    """Eine Ablehnung (neuer Verweis ins Leere) kommt auf beiden Wegen mit denselben Fehlern."""
    datei = "personen/tom-test.yaml"
    daten = yaml.safe_load((beispiel / datei).read_text(encoding="utf-8"))
    daten["organisation"] = "gibt-es-nicht"
    v = schreibvorgang.Vorgang(beispiel, [schreibvorgang.aenderung(beispiel, datei, yaml.safe_dump(daten, allow_unicode=True))], "Verweis ins Leere")
    with pytest.raises(schreibvorgang.Abgelehnt, match="ref-unbekannt"):
        schreibvorgang.pruefen(v, STICHTAG)
    assert gegenprobe == ["Verweis ins Leere"]


@pytest.mark.parametrize("amt_entfernen", [False, True])
def test_anonymisieren_plan_gleich(beispiel, amt_entfernen):
    """`person anonymisieren` prüft beim Planen selbst; sein Vorgang (mit eigenem
    Vergleichsschlüssel) dient `--commit` und ergibt auf beiden Wegen dasselbe."""
    from netzwerk_cli.aktionen.anonymisierung import ausfuehren
    from netzwerk_cli.aktionen.anonymisierung import plan as planung

    plan = planung.plane(beispiel, "bernd-beleg", stichtag=STICHTAG, amt_entfernen=amt_entfernen)
    vorgang = ausfuehren.vorgang(plan)
    _vergleichen(beispiel, schreibvorgang._geplant(vorgang), schreiben=False, wie="anonymisieren", stichtag=STICHTAG)
    schnell = schreibvorgang._neue_fehler_schnell(vorgang, STICHTAG)
    assert schnell is not None
    assert schnell == schreibvorgang._neue_fehler_voll(vorgang, STICHTAG)


@pytest.mark.parametrize(
    "zustand_, args",
    [
        ("entwurf", ("empfehlung", "advance", "2026-050", "--datum", "2026-02-02")),
        ("weitergeleitet", ("empfehlung", "advance", "2026-050", "--datum", "2026-06-01", "--durch", "Geschäftsstelle")),
        ("weitergeleitet", ("empfehlung", "umsetzung", "2026-050", "--adressat", "stadt-beispielstadt", "--stand", "teilweise", "--bericht", "läuft", "--datum", "2026-06-01")),
    ],
)
@pytest.mark.parametrize("probelauf", [True, False], ids=["dry-run", "schreiben"])
def test_empfehlung_schritte_gleich(cli, beispiel, gegenprobe, zustand_, args, probelauf):
    from empfehlung_hilfen import repo_im_zustand

    repo_im_zustand(beispiel, zustand_)
    r = cli(*args, *(["--dry-run"] if probelauf else []), "--daten", beispiel)
    assert r.exit_code == 0, r.stderr
    assert gegenprobe
