"""Issue 17: `validate --basis` über den Zwischenspeicher verbirgt nie einen Fehler.

Eigenschaft: auf einem Zweig mit beliebigen Änderungen (geändert, neu, gelöscht, umbenannt,
Verlauf manipuliert, Mitglieder entfernt, Dateinamen mit Zeilenumbruch, Leerzeichen, Umlauten;
committet, nur vorgemerkt oder nur im Arbeitsbaum) liefert `validate --basis main` mit Speicher
genau den Bericht eines Laufs mit `--kein-cache` (dieselben Befunde, dieselben Exit-Codes) –
auch mit einem wiederhergestellten, veralteten Speicher (wie ihn die CI mit actions/cache bzw.
`cache:` von einem älteren Lauf zurückspielt) und nach Zweigwechseln. Dazu: mit Speicher kosten
nur die geänderten Datensätze Arbeit.
"""

from __future__ import annotations

import os
import random
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import BEISPIEL, STICHTAG, git
from hypothesis import given
from hypothesis import strategies as st
from test_querpruefung import Aenderer

from netzwerk_cli import basisvergleich, querpruefung
from netzwerk_cli.bestand import aus_speicher
from netzwerk_cli.grundlagen.arten import NETZWERK_DATEI, ORDNER, art_und_id
from netzwerk_cli.quellen import git_geschichte
from netzwerk_cli.validierung import validiere


def _bericht(wurzel: Path, zwischenspeicher: bool, basis: str = "main") -> tuple[list[tuple], int, int]:
    bericht = validiere(wurzel, STICHTAG, basis=basis, zwischenspeicher=zwischenspeicher)
    befunde = [(b.datei, b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in bericht.sortiert()]
    return befunde, bericht.exit_code(), bericht.exit_code(streng=True)


def _gleich_ohne_speicher(wurzel: Path, schritt: str = "", basis: str = "main") -> list[tuple]:
    warm = _bericht(wurzel, True, basis)
    kalt = _bericht(wurzel, False, basis)
    if warm != kalt:
        nur_warm = sorted(set(warm[0]) - set(kalt[0]))[:5]
        nur_kalt = sorted(set(kalt[0]) - set(warm[0]))[:5]
        pytest.fail(f"nach {schritt}: Exit {warm[1:]} / {kalt[1:]}; nur mit Speicher {nur_warm}; nur ohne Speicher {nur_kalt}")
    return warm[0]


def _basisbefunde(befunde: list[tuple]) -> set[str]:
    return {b[4] for b in befunde if b[4] in ("verlauf-geaendert", "ref-entfernt", "mitglieder-entfernt")}


@pytest.fixture
def repo(tmp_path, monkeypatch) -> Path:
    """Beispieldaten als Git-Repository; der Speicher liegt wie in der CI in einem eigenen Ordner."""
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(tmp_path / "ci-cache"))
    wurzel = tmp_path / "daten"
    shutil.copytree(BEISPIEL, wurzel)
    git(wurzel, "init", "-q", "-b", "main")
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "-m", "Beispieldaten")
    return wurzel


def _committe(wurzel: Path, nachricht: str = "Änderung") -> None:
    git(wurzel, "add", "-A")
    git(wurzel, "commit", "-q", "--allow-empty", "-m", nachricht)


# --------------------------------------------------------------------------- Änderungen für --basis


class BasisAenderer(Aenderer):
    """Die zufälligen Änderungen der Querprüfung plus die, auf die `--basis` achtet."""

    def schritt(self) -> str:
        art = self.rng.choices(["quer", "verlauf", "mitglieder", "feindlich", "verschieben"], weights=[50, 20, 10, 10, 10])[0]
        if art == "quer":
            return super().schritt()
        return getattr(self, "_" + art)()

    def _verlauf(self) -> str:
        kandidaten = [p for p in self.dateien() if p.relative_to(self.wurzel).parts[0] == "empfehlungen"]
        datei = self.rng.choice(kandidaten)
        daten = self._lies(datei)
        if daten is None or not isinstance(daten.get("verlauf"), list) or not daten["verlauf"]:
            return f"verlauf {datei.name}: keiner"
        verlauf = daten["verlauf"]
        wie = self.rng.choice(["datum", "entfernen", "vorn", "status"])
        if wie == "datum" and isinstance(verlauf[0], dict):
            verlauf[0]["datum"] = "2019-01-01"
        elif wie == "entfernen":
            del verlauf[self.rng.randrange(len(verlauf))]
        elif wie == "vorn":
            verlauf.insert(0, {"status": "entwurf", "datum": "2018-05-05"})
        else:
            daten["status"] = self.rng.choice(["entwurf", "eingereicht", "beschlossen", "umgesetzt", "abgelehnt"])
        self._schreibe(datei, daten)
        return f"verlauf {datei.name}: {wie}"

    def _mitglieder(self) -> str:
        kandidaten = [p for p in self.dateien() if p.relative_to(self.wurzel).parts[0] == "gremien"]
        datei = self.rng.choice(kandidaten)
        daten = self._lies(datei)
        if daten is None or not isinstance(daten.get("mitglieder"), list) or not daten["mitglieder"]:
            return f"mitglieder {datei.name}: keine"
        behalten = self.rng.randint(0, len(daten["mitglieder"]))
        daten["mitglieder"] = daten["mitglieder"][:behalten]
        self._schreibe(datei, daten)
        return f"mitglieder {datei.name}: {behalten} behalten"

    def _feindlich(self) -> str:
        """Umbenennen oder kopieren unter einen Namen mit Zeilenumbruch, Leerzeichen, Tabulator, Umlaut."""
        datei = self.rng.choice(self.dateien())
        name = self.rng.choice(["neu\nzeile", "mit leer zeichen", "tab\tulator", "jürgen-ä", "\nvorn", "hinten\n"]) + str(self.zaehler)
        self.zaehler += 1
        ziel = datei.with_name(name + ".yaml")
        if self.rng.random() < 0.5:
            datei.rename(ziel)
            return f"feindlich umbenannt {datei.name!r} → {ziel.name!r}"
        shutil.copyfile(datei, ziel)
        return f"feindlich kopiert {datei.name!r} → {ziel.name!r}"

    def _verschieben(self) -> str:
        """In einen Unterordner derselben Art (dieselbe id, anderer Pfad)."""
        datei = self.rng.choice(self.dateien())
        ordner = self.wurzel / datei.relative_to(self.wurzel).parts[0] / "verschoben"
        ordner.mkdir(exist_ok=True)
        if (ordner / datei.name).exists():
            return "schon verschoben"
        datei.rename(ordner / datei.name)
        return f"verschoben {datei.name}"


def _git_schritt(wurzel: Path, rng: random.Random) -> str:
    """Committen, nur vormerken oder im Arbeitsbaum lassen."""
    wie = rng.choices(["commit", "add", "nichts"], weights=[40, 20, 40])[0]
    if wie == "commit":
        _committe(wurzel)
    elif wie == "add":
        git(wurzel, "add", "-A")
    return wie


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_zufaellige_aenderungen_auf_einem_zweig(repo, seed):
    rng = random.Random(seed)
    _gleich_ohne_speicher(repo, "Start")
    git(repo, "switch", "-q", "-c", "aenderung")
    aenderer = BasisAenderer(repo, rng)
    gesehen: set[str] = set()
    for nr in range(25):
        schritt = aenderer.schritt()
        wie = _git_schritt(repo, rng)
        gesehen |= _basisbefunde(_gleich_ohne_speicher(repo, f"Schritt {nr} ({seed}): {schritt} [{wie}]"))
    # die Prüfung ist nicht leer: Befunde des Basisvergleichs kamen vor
    assert gesehen & {"verlauf-geaendert", "mitglieder-entfernt"}, gesehen


# --------------------------------------------------------------------------- gezielte Änderungen


E1 = "empfehlungen/2026/2026-001.yaml"
STG = "gremien/steuerungsgruppe-beispielkreis.yaml"
PERSON = "personen/bernd-beleg.yaml"  # von einer Arbeitsgruppe verwiesen


def _ersetze(wurzel: Path, datei: str, alt: str, neu: str) -> None:
    text = (wurzel / datei).read_text(encoding="utf-8")
    assert alt in text, f"„{alt}“ nicht in {datei}"
    (wurzel / datei).write_text(text.replace(alt, neu, 1), encoding="utf-8")


def _verlauf_umschreiben(w: Path) -> None:
    daten = yaml.safe_load((w / E1).read_text(encoding="utf-8"))
    daten["verlauf"][0]["datum"] = "2019-01-01"
    (w / E1).write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _mitglieder_entfernen(w: Path) -> None:
    daten = yaml.safe_load((w / STG).read_text(encoding="utf-8"))
    daten["mitglieder"] = daten["mitglieder"][:3]
    (w / STG).write_text(yaml.safe_dump(daten, allow_unicode=True, sort_keys=False), encoding="utf-8")


def _person_loeschen(w: Path) -> None:
    (w / PERSON).unlink()


def _person_umbenennen(w: Path) -> None:
    (w / PERSON).rename(w / "personen/bernd-beleg-neu.yaml")


def _zeilenumbruch_im_namen(w: Path) -> None:
    (w / PERSON).rename(w / "personen/bernd\nbeleg.yaml")
    shutil.copyfile(w / E1, w / "empfehlungen/2026/2026 neu\n.yaml")


def _neu_und_geaendert(w: Path) -> None:
    shutil.copyfile(w / E1, w / "empfehlungen/2026/2026-901.yaml")
    _ersetze(w, STG, "mitglieder:", "# Kommentar\nmitglieder:")


FAELLE = {
    "verlauf": (_verlauf_umschreiben, {"verlauf-geaendert"}),
    "mitglieder": (_mitglieder_entfernen, {"mitglieder-entfernt"}),
    "geloescht": (_person_loeschen, {"ref-entfernt"}),
    "umbenannt": (_person_umbenennen, {"ref-entfernt"}),
    "zeilenumbruch": (_zeilenumbruch_im_namen, {"ref-entfernt"}),
    "neu_und_geaendert": (_neu_und_geaendert, set()),
}


@pytest.mark.parametrize("git_schritt", ["commit", "add", "arbeitsbaum"])
@pytest.mark.parametrize("fall", sorted(FAELLE))
def test_gezielte_aenderung(repo, fall, git_schritt):
    aendern, erwartet = FAELLE[fall]
    _gleich_ohne_speicher(repo, "Start")  # warmer Speicher vom Zielzweig
    git(repo, "switch", "-q", "-c", "aenderung")
    aendern(repo)
    if git_schritt == "commit":
        _committe(repo)
    elif git_schritt == "add":
        git(repo, "add", "-A")
    befunde = _gleich_ohne_speicher(repo, f"{fall} ({git_schritt})")
    assert _basisbefunde(befunde) == erwartet


def test_assume_unchanged_verbirgt_nichts(repo):
    """Git sieht bei „assume-unchanged“ nicht nach; `validate --basis` dann selbst."""
    git(repo, "update-index", "--assume-unchanged", E1)
    _verlauf_umschreiben(repo)
    assert git(repo, "diff", "--name-only", "main") == ""  # Git selbst meldet nichts
    assert _basisbefunde(_gleich_ohne_speicher(repo, "assume-unchanged")) == {"verlauf-geaendert"}


def test_datenwurzel_in_unterordner(tmp_path, monkeypatch):
    monkeypatch.setenv("NETZWERK_CACHE_ORDNER", str(tmp_path / "ci-cache"))
    oben = tmp_path / "repo"
    shutil.copytree(BEISPIEL, oben / "daten mit\nzeile")
    wurzel = oben / "daten mit\nzeile"
    (oben / "README.md").write_text("x\n", encoding="utf-8")
    git(oben, "init", "-q", "-b", "main")
    _committe(oben)
    git(oben, "switch", "-q", "-c", "aenderung")
    _person_loeschen(wurzel)
    _verlauf_umschreiben(wurzel)
    assert _basisbefunde(_gleich_ohne_speicher(wurzel, "Unterordner")) == {"ref-entfernt", "verlauf-geaendert"}


# --------------------------------------------------------------------------- wiederhergestellter, veralteter Speicher


def _speicher_sichern(tmp_path: Path, name: str) -> Path:
    ziel = tmp_path / "sicherung" / name
    shutil.copytree(tmp_path / "ci-cache", ziel)
    return ziel


def _speicher_zurueckspielen(tmp_path: Path, sicherung: Path) -> None:
    """Wie actions/cache: der Ordner wird durch einen älteren Stand ersetzt; die Datendateien
    sind frisch ausgecheckt (andere Zeitstempel), also vertraut nichts den alten Merkmalen."""
    shutil.rmtree(tmp_path / "ci-cache")
    shutil.copytree(sicherung, tmp_path / "ci-cache")
    jetzt = 2_000_000_000
    for ort, _, namen in os.walk(tmp_path / "daten"):
        if ".git" not in Path(ort).parts:
            for name in namen:
                os.utime(Path(ort) / name, (jetzt, jetzt))


def test_wiederhergestellter_veralteter_speicher(repo, tmp_path):
    rng = random.Random(7)
    _gleich_ohne_speicher(repo, "main")
    vom_zielzweig = _speicher_sichern(tmp_path, "main")

    # erster Pull Request: Änderungen, Lauf, Speicher gesichert (wie am Ende eines CI-Laufs)
    git(repo, "switch", "-q", "-c", "pr-1")
    aenderer = BasisAenderer(repo, rng)
    for _ in range(6):
        aenderer.schritt()
    _verlauf_umschreiben(repo)
    _person_loeschen(repo)
    _committe(repo, "PR 1")
    _gleich_ohne_speicher(repo, "pr-1")
    von_pr1 = _speicher_sichern(tmp_path, "pr-1")

    # zweiter Pull Request vom Zielzweig aus, mit dem Speicher von pr-1 (neuer, anderer Zweig)
    git(repo, "switch", "-q", "main")
    git(repo, "switch", "-q", "-c", "pr-2")
    _mitglieder_entfernen(repo)
    _committe(repo, "PR 2")
    _speicher_zurueckspielen(tmp_path, von_pr1)
    assert _basisbefunde(_gleich_ohne_speicher(repo, "pr-2 mit Speicher von pr-1")) == {"mitglieder-entfernt"}

    # pr-1 erneut, mit dem alten Speicher vom Zielzweig, dann weitere Änderungen
    git(repo, "switch", "-q", "pr-1")
    _speicher_zurueckspielen(tmp_path, vom_zielzweig)
    assert {"verlauf-geaendert", "ref-entfernt"} <= _basisbefunde(_gleich_ohne_speicher(repo, "pr-1 mit Speicher von main"))
    for nr in range(8):
        schritt = aenderer.schritt()
        if nr % 3 == 2:
            _speicher_zurueckspielen(tmp_path, rng.choice([vom_zielzweig, von_pr1]))
        _gleich_ohne_speicher(repo, f"pr-1, Schritt {nr}: {schritt}")

    # Zielzweig rückt vor (Merge von pr-2); Basis ist jetzt eine andere Merge-Basis
    git(repo, "switch", "-q", "main")
    git(repo, "merge", "-q", "--no-edit", "pr-2")
    git(repo, "switch", "-q", "pr-1")
    _speicher_zurueckspielen(tmp_path, von_pr1)
    _gleich_ohne_speicher(repo, "pr-1 nach Merge von pr-2 in main")


def test_frischer_klon_an_derselben_stelle_mit_zurueckgespieltem_speicher(repo, tmp_path):
    """Wie in der CI: frischer Klon am selben Ort, der Speicherordner eines früheren Laufs kommt
    zurück. Der Speicher ist an die Wurzel gebunden (Pfad, Gerät, Inode) und an das Geheimnis
    des Benutzers; was er nicht belegen kann, wird neu geprüft – mit demselben Ergebnis."""
    _gleich_ohne_speicher(repo, "main")
    git(repo, "switch", "-q", "-c", "pr")
    _verlauf_umschreiben(repo)
    _committe(repo)
    _gleich_ohne_speicher(repo, "pr")
    quelle = tmp_path / "quelle"
    repo.rename(quelle)
    git(tmp_path, "clone", "-q", "--branch", "pr", str(quelle), str(repo))
    git(repo, "branch", "-q", "main", "origin/main")
    _person_loeschen(repo)
    assert _basisbefunde(_gleich_ohne_speicher(repo, "Klon")) == {"verlauf-geaendert", "ref-entfernt"}


# --------------------------------------------------------------------------- nur Geändertes kostet Arbeit


def test_mit_speicher_nur_geaenderte_dateien(repo, monkeypatch):
    _gleich_ohne_speicher(repo, "main")
    git(repo, "switch", "-q", "-c", "pr")
    _verlauf_umschreiben(repo)
    _person_loeschen(repo)
    _committe(repo)
    _bericht(repo, True)  # Speicher auf dem Stand des Zweigs

    gehasht: list[str] = []
    original_blob = basisvergleich._blob_des_arbeitsbaums
    monkeypatch.setattr(basisvergleich, "_blob_des_arbeitsbaums", lambda w, ds: gehasht.append(ds.datei) or original_blob(w, ds))
    fragende: list = []
    original_verweisende = querpruefung.verweisende
    monkeypatch.setattr(querpruefung, "verweisende", lambda s, saetze: fragende.append(original_verweisende(s, saetze)) or fragende[-1])
    gelesen: list[int] = []
    original_datensatz = aus_speicher._Quelle.datensatz
    monkeypatch.setattr(aus_speicher._Quelle, "datensatz", lambda self, i: gelesen.append(i) or original_datensatz(self, i))

    befunde, *_ = _bericht(repo, True)
    assert _basisbefunde(befunde) == {"verlauf-geaendert", "ref-entfernt"}
    assert gehasht == [E1]  # nur die geänderte Datei, nicht jede
    assert len(fragende) == 1 and fragende[0] is not None
    assert ("arbeitsgruppe", "ag-sprachkurse-mit-kinderbetreuung") in fragende[0]
    dateien = sum(1 for p in repo.rglob("*.yaml") if ".git" not in p.parts)
    assert len(set(gelesen)) < dateien // 4  # Daten nur der Betroffenen

    gehasht.clear()
    befunde_kalt, *_ = _bericht(repo, False)
    assert befunde_kalt == befunde
    assert len(gehasht) == dateien  # ohne Speicher: jede Datei (die Referenz)


def test_geaenderte_pfade_mit_feindlichen_namen(repo):
    git(repo, "switch", "-q", "-c", "pr")
    namen = ["personen/a\nb.yaml", "personen/mit leer.yaml", "personen/tab\t.yaml", "personen/ünï.yaml", "personen/\n.yaml"]
    for name in namen:
        shutil.copyfile(repo / PERSON, repo / name)
    _committe(repo)
    (repo / "personen/a\nb.yaml").write_text("name: anders\n", encoding="utf-8")
    basis = git_geschichte.basis_aufloesen(repo, "main")
    assert git_geschichte.geaenderte_pfade(repo, basis) == set(namen)
    am_commit = git_geschichte.dateien_am_commit(repo, git(repo, "rev-parse", "HEAD").strip(), "")
    assert set(namen) <= am_commit.keys()
    assert am_commit[PERSON] == am_commit["personen/mit leer.yaml"]


def _art_und_id_mit_split(datei: str):
    """Die frühere, offensichtliche Fassung von `arten.art_und_id` (Referenz)."""
    if datei == NETZWERK_DATEI:
        return ("netzwerk", "netzwerk")
    teile = datei.split("/")
    if len(teile) < 2 or teile[0] not in ORDNER or any(t.startswith(".") for t in teile[1:]):
        return None
    if not teile[-1].endswith(".yaml"):
        return None
    return (ORDNER[teile[0]], teile[-1][: -len(".yaml")])


_TEILE = st.sampled_from([*ORDNER, "", ".", ".x", "a", "b.yaml", ".yaml", "x.yaml", "\n", "netzwerk.yaml", "a.b", "ä ö"])


@given(st.lists(_TEILE, min_size=1, max_size=5).map("/".join), st.sampled_from(["", ".yaml", "/", "/.", ".YAML"]))
def test_art_und_id_wie_mit_split(pfad, ende):
    assert art_und_id(pfad + ende) == _art_und_id_mit_split(pfad + ende)
