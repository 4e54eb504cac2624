"""`netzwerk validate --basis REF`: Vergleich mit der Merge-Basis in echten Git-Repositorys."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BEISPIEL, STICHTAG, git

E1 = "empfehlungen/2026/2026-001.yaml"  # beschlossen (entwurf → eingereicht → beschlossen)
E2 = "empfehlungen/2026/2026-002.yaml"  # entwurf, ohne Text
STG = "gremien/steuerungsgruppe-beispielkreis.yaml"  # 12 Mitgliedereinträge
AG = "arbeitsgruppen/ag-sprachkurse-mit-kinderbetreuung.yaml"  # verweist auf bernd-beleg


# --------------------------------------------------------------------------- Hilfen


def ersetze(repo: Path, datei: str, alt: str, neu: str, anzahl: int = 1) -> None:
    pfad = repo / datei
    text = pfad.read_text(encoding="utf-8")
    assert text.count(alt) >= anzahl, f"„{alt}“ nicht in {datei}"
    pfad.write_text(text.replace(alt, neu, anzahl), encoding="utf-8")


def zeile(repo: Path, datei: str, text: str, ab: int = 1) -> int:
    """1-basierte Nummer der ersten Zeile ab `ab`, die `text` enthält."""
    for nr, inhalt in enumerate((repo / datei).read_text(encoding="utf-8").splitlines(), start=1):
        if nr >= ab and text in inhalt:
            return nr
    raise AssertionError(f"„{text}“ nicht in {datei}")


def zweig(repo: Path, name: str = "aenderung") -> None:
    git(repo, "switch", "-q", "-c", name)


def committe(repo: Path, nachricht: str = "Änderung") -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", nachricht)


def pruefe(cli, repo: Path, basis: str = "main", *weitere: str):
    """validate --basis als JSON; gibt (Ergebnis, Befunde) zurück."""
    r = cli("validate", "--daten", repo, "--stichtag", STICHTAG, "--format", "json", "--basis", basis, *weitere)
    befunde = json.loads(r.stdout)["befunde"] if r.exit_code in (0, 1) else None
    return r, befunde


def regel(befunde: list[dict], name: str) -> list[dict]:
    return [b for b in befunde if b["regel"] == name]


def fehler(befunde: list[dict]) -> list[dict]:
    return [b for b in befunde if b["schwere"] == "fehler"]


ADRESSATEN = "adressaten:\n  - beispielkreis-amt-fuer-migration-und-integration\nthemenfelder:\n"
WEITERGELEITET = (
    "    sitzung: steuerungsgruppe-beispielkreis-2026-10-14\n"
    "  - status: weitergeleitet\n"
    "    datum: 2026-10-20\n"
    "    durch: Geschäftsstelle\n"
)


def weiterleiten(repo: Path) -> None:
    """Erlaubter Schritt für 2026-001: beschlossen → weitergeleitet (mit Adressat)."""
    ersetze(repo, E1, "themenfelder:\n", ADRESSATEN)
    ersetze(repo, E1, "status: beschlossen\n", "status: weitergeleitet\n")
    ersetze(repo, E1, "    sitzung: steuerungsgruppe-beispielkreis-2026-10-14\n", WEITERGELEITET)


# --------------------------------------------------------------------------- erlaubte Änderungen


def test_erlaubter_schritt_besteht(cli, git_beispiel):
    zweig(git_beispiel)
    weiterleiten(git_beispiel)
    committe(git_beispiel, "2026-001 weitergeleitet")
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []
    assert r.exit_code == 0


def test_kette_erlaubter_schritte_mit_je_einem_eintrag_besteht(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E2, "arbeitsgruppe:", "text: Der Landkreis bürgt für Mietkautionen.\narbeitsgruppe:")
    ersetze(git_beispiel, E2, "status: entwurf\n", "status: zurueckgezogen\n")
    ersetze(
        git_beispiel,
        E2,
        "    notiz: Erste Idee aus der AG-Sitzung; Text folgt.\n",
        "    notiz: Erste Idee aus der AG-Sitzung; Text folgt.\n"
        "  - status: eingereicht\n    datum: 2026-11-02\n"
        "  - status: zurueckgezogen\n    datum: 2026-11-10\n    notiz: Von der AG zurückgezogen.\n",
    )
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []
    assert r.exit_code == 0


def test_kommentare_und_schreibweise_sind_keine_aenderung(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", '    # eingereicht per E-Mail\n    datum: "2026-09-21"\n')
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert regel(befunde, "verlauf-geaendert") == []
    assert r.exit_code == 0


def test_neue_empfehlung_ist_kein_befund(cli, git_beispiel):
    zweig(git_beispiel)
    text = (git_beispiel / E2).read_text(encoding="utf-8")
    (git_beispiel / "empfehlungen/2026/2026-010.yaml").write_text(text, encoding="utf-8")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []


def test_verglichen_wird_mit_der_merge_basis_nicht_mit_der_spitze(cli, git_beispiel):
    # main geht nach dem Abzweigen weiter (2026-001 weitergeleitet); der Zweig kennt das nicht.
    zweig(git_beispiel)
    ersetze(git_beispiel, E2, "    notiz: Erste Idee aus der AG-Sitzung; Text folgt.\n", "    notiz: Erste Idee.\n")
    committe(git_beispiel, "Zweig: Notiz gekürzt")
    git(git_beispiel, "switch", "-q", "main")
    weiterleiten(git_beispiel)
    committe(git_beispiel, "main: 2026-001 weitergeleitet")
    git(git_beispiel, "switch", "-q", "aenderung")
    r, befunde = pruefe(cli, git_beispiel)
    # gegen die Spitze von main sähe 2026-001 aus, als sei ein Eintrag entfernt worden
    assert [b["datei"] for b in regel(befunde, "verlauf-geaendert")] == [E2]


# --------------------------------------------------------------------------- verlauf-geaendert


def test_geaenderter_frueherer_eintrag_nennt_datei_und_zeile(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(git_beispiel, "Datum korrigiert")
    r, befunde = pruefe(cli, git_beispiel)
    assert r.exit_code == 1
    (b,) = regel(befunde, "verlauf-geaendert")
    assert b["datei"] == E1
    assert b["zeile"] == zeile(git_beispiel, E1, "datum: 2026-09-22")
    assert b["spalte"] == 5
    assert b["pfad"] == "$.verlauf[1].datum"
    assert b["schwere"] == "fehler"
    assert "Verlaufseintrag 2" in b["meldung"] and "2026-09-21" in b["meldung"] and "2026-09-22" in b["meldung"]


def test_geaenderte_notiz_in_altem_eintrag(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E2, "Text folgt.", "Text folgt bald.")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "verlauf-geaendert")
    assert b["pfad"] == "$.verlauf[0].notiz"
    assert r.exit_code == 1


def test_entfernter_letzter_eintrag_statusrueckschritt(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "status: beschlossen\n", "status: eingereicht\n")
    ersetze(
        git_beispiel,
        E1,
        "  - status: beschlossen\n    datum: 2026-10-14\n    sitzung: steuerungsgruppe-beispielkreis-2026-10-14\n",
        "",
    )
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "verlauf-geaendert")
    assert "Verlaufseintrag 3" in b["meldung"] and "entfernt" in b["meldung"]
    assert b["zeile"] == zeile(git_beispiel, E1, "verlauf:")
    assert regel(befunde, "verlauf-ungueltig") == []  # für sich genommen ist der Verlauf gültig
    assert r.exit_code == 1


def test_entfernter_mittlerer_eintrag(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "  - status: eingereicht\n    datum: 2026-09-21\n    durch: Felix Fiktiv (AG-Leitung)\n", "")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "verlauf-geaendert")
    assert "Verlaufseintrag 2" in b["meldung"] and "entfernt" in b["meldung"]
    assert b["zeile"] == zeile(git_beispiel, E1, "- status: beschlossen")


def test_eingefuegter_eintrag_vor_aelteren(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(
        git_beispiel,
        E1,
        "  - status: beschlossen\n",
        "  - status: entwurf\n    datum: 2026-09-30\n  - status: eingereicht\n    datum: 2026-10-01\n  - status: beschlossen\n",
    )
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    eingefuegt = [b for b in regel(befunde, "verlauf-geaendert") if "eingefügt" in b["meldung"]]
    assert len(eingefuegt) == 2
    assert eingefuegt[0]["zeile"] == zeile(git_beispiel, E1, "datum: 2026-09-30") - 1


def test_statuswechsel_ohne_verlaufseintrag(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E2, "status: entwurf\n", "status: zurueckgezogen\n")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "verlauf-geaendert")
    assert b["pfad"] == "$.status"
    assert b["zeile"] == zeile(git_beispiel, E2, "status: zurueckgezogen")
    assert "kein neuer Verlaufseintrag" in b["meldung"]


def test_uebersprungener_schritt(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E2, "status: entwurf\n", "status: beschlossen\n")
    ersetze(
        git_beispiel,
        E2,
        "    notiz: Erste Idee aus der AG-Sitzung; Text folgt.\n",
        "    notiz: Erste Idee aus der AG-Sitzung; Text folgt.\n  - status: beschlossen\n    datum: 2026-11-11\n",
    )
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "verlauf-geaendert")
    assert "„entwurf“ → „beschlossen“" in b["meldung"] and "kein erlaubter Schritt" in b["meldung"]
    assert b["pfad"] == "$.verlauf[1].status"
    assert b["zeile"] == zeile(git_beispiel, E2, "- status: beschlossen")
    assert r.exit_code == 1


def test_endzustand_wieder_verlassen(cli, git_beispiel):
    """Ein in sich gültiger, aber neu geschriebener Verlauf wird erkannt."""
    zweig(git_beispiel)
    # 2023-003 ist abgelehnt (Endzustand); der Zweig schreibt den Verlauf in „beschlossen“ um.
    datei = "empfehlungen/2023/2023-003.yaml"
    ersetze(git_beispiel, datei, "status: abgelehnt\n", "status: beschlossen\n", 2)
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert any(b["datei"] == datei for b in regel(befunde, "verlauf-geaendert"))
    assert r.exit_code == 1


def test_nicht_committete_aenderung_wird_verglichen(cli, git_beispiel):
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    r, befunde = pruefe(cli, git_beispiel, "HEAD")
    assert len(regel(befunde, "verlauf-geaendert")) == 1


def test_ohne_basis_kein_vergleich(cli, git_beispiel):
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    r = cli("validate", "--daten", git_beispiel, "--stichtag", STICHTAG, "--format", "json")
    assert regel(json.loads(r.stdout)["befunde"], "verlauf-geaendert") == []
    assert r.exit_code == 0


def test_umbenannte_empfehlung_wird_weiter_verglichen(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "mv", E1, "empfehlungen/2026-001-neu.yaml")
    ersetze(git_beispiel, "empfehlungen/2026-001-neu.yaml", "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert [b["datei"] for b in regel(befunde, "verlauf-geaendert")] == ["empfehlungen/2026-001-neu.yaml"]


def test_verschobene_datei_gleiche_id(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "mv", E1, "empfehlungen/2026-001.yaml")
    ersetze(git_beispiel, "empfehlungen/2026-001.yaml", "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert [b["datei"] for b in regel(befunde, "verlauf-geaendert")] == ["empfehlungen/2026-001.yaml"]


def test_kaputte_alte_fassung_wird_nicht_verglichen(cli, git_beispiel):
    ersetze(git_beispiel, E1, "status: beschlossen\n", "status: [beschlossen\n")
    committe(git_beispiel, "kaputt auf main")
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "status: [beschlossen\n", "status: beschlossen\n")
    committe(git_beispiel, "repariert")
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []


def test_github_format_nennt_datei_und_zeile(cli, git_beispiel):
    zweig(git_beispiel)
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(git_beispiel)
    r = cli("validate", "--daten", git_beispiel, "--stichtag", STICHTAG, "--format", "github", "--basis", "main")
    nr = zeile(git_beispiel, E1, "datum: 2026-09-22")
    assert f"::error file={E1},line={nr},col=5,title=verlauf-geaendert::" in r.stdout
    assert r.exit_code == 1


# --------------------------------------------------------------------------- ref-entfernt


def test_entfernter_datensatz_mit_verweisen(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "rm", "-q", "personen/bernd-beleg.yaml")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    entfernt = regel(befunde, "ref-entfernt")
    assert [(b["datei"], b["zeile"]) for b in entfernt] == [
        (AG, zeile(git_beispiel, AG, "- bernd-beleg")),
        (AG, zeile(git_beispiel, AG, "- person: bernd-beleg")),
    ]
    assert "personen/bernd-beleg.yaml" in entfernt[0]["meldung"] and "entfernt" in entfernt[0]["meldung"]
    assert r.exit_code == 1


def test_umbenannter_datensatz_mit_verweisen(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "mv", "personen/bernd-beleg.yaml", "personen/bernd-beleg-mueller.yaml")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    entfernt = regel(befunde, "ref-entfernt")
    assert len(entfernt) == 2
    assert all("umbenannt in „bernd-beleg-mueller“" in b["meldung"] for b in entfernt)
    assert r.exit_code == 1


def test_umbenennung_mit_angepassten_verweisen_besteht(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "mv", "personen/bernd-beleg.yaml", "personen/bernd-beleg-mueller.yaml")
    for datei in [AG] + [str(p.relative_to(git_beispiel)) for p in (git_beispiel / "empfehlungen").rglob("*.yaml")]:
        text = (git_beispiel / datei).read_text(encoding="utf-8")
        (git_beispiel / datei).write_text(text.replace("bernd-beleg\n", "bernd-beleg-mueller\n"), encoding="utf-8")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []
    assert r.exit_code == 0


def test_entfernter_datensatz_ohne_verweise(cli, git_beispiel):
    zweig(git_beispiel)
    git(git_beispiel, "rm", "-q", E2, "veranstaltungen/2023/integration-mit-allen-ebenen-gestalten.yaml")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert fehler(befunde) == []
    assert r.exit_code == 0


# --------------------------------------------------------------------------- mitglieder-entfernt


def entferne_mitglieder(repo: Path, personen: list[str]) -> None:
    zeilen = (repo / STG).read_text(encoding="utf-8").splitlines(keepends=True)
    ergebnis, ueberspringen = [], False
    for z in zeilen:
        if z.startswith("  - "):
            ueberspringen = any(z.strip() == f"- person: {p}" for p in personen)
        elif not z.startswith("    "):
            ueberspringen = False
        if not ueberspringen:
            ergebnis.append(z)
    (repo / STG).write_text("".join(ergebnis), encoding="utf-8")


def test_mehr_als_ein_viertel_der_mitglieder_entfernt_warnt(cli, git_beispiel):
    zweig(git_beispiel)
    entferne_mitglieder(git_beispiel, ["paula-probe", "otto-platzhalter", "karl-exempel", "jana-musterfrau"])
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    (b,) = regel(befunde, "mitglieder-entfernt")
    assert b["schwere"] == "warnung"
    assert b["datei"] == STG and b["zeile"] == zeile(git_beispiel, STG, "mitglieder:")
    assert "4 von 12" in b["meldung"] and "paula-probe" in b["meldung"]


def test_ein_viertel_der_mitglieder_entfernt_ist_erlaubt(cli, git_beispiel):
    zweig(git_beispiel)
    entferne_mitglieder(git_beispiel, ["paula-probe", "otto-platzhalter", "karl-exempel"])
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert regel(befunde, "mitglieder-entfernt") == []


def test_mitglieder_mit_bis_beenden_ist_keine_entfernung(cli, git_beispiel):
    zweig(git_beispiel)
    text = (git_beispiel / STG).read_text(encoding="utf-8")
    (git_beispiel / STG).write_text(text.replace("    von: 2022-03-15\n", "    von: 2022-03-15\n    bis: 2026-11-01\n"), encoding="utf-8")
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert regel(befunde, "mitglieder-entfernt") == []


def test_warnung_mitglieder_entfernt_scheitert_nur_mit_streng(cli, git_beispiel):
    zweig(git_beispiel)
    entferne_mitglieder(git_beispiel, ["nina-neu", "tom-test", "lisa-probe", "felix-fiktiv"])
    committe(git_beispiel)
    r, befunde = pruefe(cli, git_beispiel)
    assert regel(befunde, "mitglieder-entfernt")
    assert not any(b["regel"] != "mitglieder-entfernt" and b["schwere"] == "fehler" and b["datei"] == STG for b in befunde)


# --------------------------------------------------------------------------- Einrichtungsfehler


def test_unaufloesbare_basis_ist_einrichtungsfehler(cli, git_beispiel):
    r = cli("validate", "--daten", git_beispiel, "--basis", "origin/gibt-es-nicht")
    assert r.exit_code == 2
    assert "origin/gibt-es-nicht" in r.stderr
    assert "git fetch --unshallow" in r.stderr and "fetch-depth: 0" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout
    assert r.stdout == ""


def test_basis_ohne_git_repository(cli, beispiel):
    r = cli("validate", "--daten", beispiel, "--basis", "main")
    assert r.exit_code == 2
    assert "Git-Repository" in r.stderr


def test_basis_mit_option_als_ref_wird_abgelehnt(cli, git_beispiel):
    r = cli("validate", "--daten", git_beispiel, "--basis=--output=/tmp/x")
    assert r.exit_code == 2
    assert "kein gültiger Git-Verweis" in r.stderr


@pytest.fixture
def entfernt_mit_zweig(tmp_path, git_beispiel) -> Path:
    """Ein „entferntes“ Repository mit main und einem Zweig, der 2026-001 erlaubt ändert."""
    zweig(git_beispiel, "feature")
    weiterleiten(git_beispiel)
    committe(git_beispiel, "weitergeleitet")
    return git_beispiel


def test_flacher_klon_ohne_zielzweig(cli, entfernt_mit_zweig, tmp_path):
    klon = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "1", "--branch", "feature", f"file://{entfernt_mit_zweig}", str(klon))
    r = cli("validate", "--daten", klon, "--stichtag", STICHTAG, "--basis", "origin/main")
    assert r.exit_code == 2
    assert "flacher Klon" in r.stderr and "git fetch --unshallow" in r.stderr and "fetch-depth: 0" in r.stderr


def test_flacher_klon_ohne_gemeinsame_vorgeschichte_und_abhilfe(cli, entfernt_mit_zweig, tmp_path):
    klon = tmp_path / "klon"
    git(tmp_path, "clone", "-q", "--depth", "1", "--no-single-branch", f"file://{entfernt_mit_zweig}", str(klon))
    git(klon, "switch", "-q", "feature")
    r = cli("validate", "--daten", klon, "--stichtag", STICHTAG, "--basis", "origin/main")
    assert r.exit_code == 2
    assert "keine Merge-Basis" in r.stderr and "flacher Klon" in r.stderr
    # die genannte Abhilfe hilft
    git(klon, "fetch", "-q", "--unshallow")
    r = cli("validate", "--daten", klon, "--stichtag", STICHTAG, "--basis", "origin/main")
    assert r.exit_code == 0, r.stdout + r.stderr


def test_datenwurzel_in_unterordner_des_repositorys(cli, tmp_path):
    repo = tmp_path / "projekt"
    shutil.copytree(BEISPIEL, repo / "daten")
    (repo / "README.md").write_text("Projekt\n", encoding="utf-8")
    git(repo, "init", "-q", "-b", "main")
    committe(repo, "Start")
    zweig(repo)
    ersetze(repo / "daten", E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(repo)
    r, befunde = pruefe(cli, repo / "daten")
    assert [b["datei"] for b in regel(befunde, "verlauf-geaendert")] == [E1]


def test_basis_als_commit_hash_und_relativer_verweis(cli, git_beispiel):
    start = git(git_beispiel, "rev-parse", "HEAD").strip()
    ersetze(git_beispiel, E1, "    datum: 2026-09-21\n", "    datum: 2026-09-22\n")
    committe(git_beispiel)
    for ref in (start, "HEAD~1"):
        r, befunde = pruefe(cli, git_beispiel, ref)
        assert len(regel(befunde, "verlauf-geaendert")) == 1, ref
    r, befunde = pruefe(cli, git_beispiel, "HEAD")
    assert regel(befunde, "verlauf-geaendert") == []


# --------------------------------------------------------------------------- Abnahme (Issue 5)


def test_abnahme_init_zweig_mit_umgeschriebenem_verlauf_scheitert(cli, tmp_path, monkeypatch):
    """In einem frischen `netzwerk init`-Repository scheitert ein Zweig, der den Verlauf einer
    Empfehlung unerlaubt umschreibt, mit verlauf-geaendert samt Datei und Zeile; ein Zweig mit
    erlaubtem Schritt besteht."""
    repo = tmp_path / "netz"
    r = cli("init", repo, "--beispiel", "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stdout + r.stderr
    monkeypatch.chdir(repo)

    zweig(repo, "unerlaubt")
    ersetze(repo, E1, "    datum: 2026-09-21\n", "    datum: 2026-08-01\n")
    committe(repo, "Verlauf umgeschrieben")
    r = cli("validate", "--basis", "main", "--stichtag", STICHTAG)
    nr = zeile(repo, E1, "datum: 2026-08-01")
    assert r.exit_code == 1
    assert f"{E1}:{nr}:5: fehler [verlauf-geaendert]" in r.stdout

    git(repo, "switch", "-q", "main")
    zweig(repo, "erlaubt")
    weiterleiten(repo)
    committe(repo, "2026-001 weitergeleitet")
    r = cli("validate", "--basis", "main", "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stdout
    assert "verlauf-geaendert" not in r.stdout


def test_hilfe_nennt_basis(cli):
    r = cli("validate", "--help")
    assert "--basis" in r.stdout


def test_git_nicht_noetig_ohne_basis(beispiel):
    """validate ohne --basis braucht kein Git (auch kein GitPython-Import)."""
    code = (
        "import sys; from typer.testing import CliRunner; from netzwerk_cli.cli import app; "
        f"r = CliRunner().invoke(app, ['validate', '--daten', {str(beispiel)!r}, '--stichtag', {STICHTAG!r}]); "
        "print('git' in sys.modules, r.exit_code)"
    )
    aus = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert aus.stdout.split() == ["False", "0"], aus.stderr
