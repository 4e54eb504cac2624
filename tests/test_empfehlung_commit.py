"""`--commit` auf einem echten temporären Git-Repository: genau ein neuer Commit mit genau der
einen Datei, Nachricht `empfehlung ID: von → nach` mit Trailern, Autor aus der Git-Konfiguration;
anderes Vorgemerktes bleibt vorgemerkt. Ablehnungen lassen Datei und Geschichte unverändert.
Dazu das „fertig, wenn“-Szenario: eine neue Empfehlung von entwurf bis umgesetzt, nur mit der CLI."""

from __future__ import annotations

import subprocess

import pytest
from conftest import STICHTAG, git
from empfehlung_hilfen import (
    ADRESSATEN,
    DATEI,
    ENTSCHEIDUNG,
    GREMIUM,
    ID,
    fehler_fuer,
    lies,
    repo_im_zustand,
    schnappschuss,
    sitzung_anlegen,
)


def commits(repo) -> list[str]:
    return git(repo, "rev-list", "HEAD").split()


def dateien_im_commit(repo, rev="HEAD") -> list[str]:
    return git(repo, "show", "--name-only", "--format=", rev).split()


def status_porcelain(repo) -> str:
    return git(repo, "status", "--porcelain=v1", "--untracked-files=all")


def commit_repo(repo, nachricht="Vorbereitung", *pfade):
    git(repo, "add", "-A", *pfade)
    git(repo, "commit", "-q", "-m", nachricht)


@pytest.fixture
def repo(git_beispiel):
    """Git-Kopie der Beispieldaten plus Testempfehlung (eingereicht) und Sitzungen, committet."""
    repo_im_zustand(git_beispiel, "eingereicht")
    commit_repo(git_beispiel)
    return git_beispiel


BESCHLIESSEN = ["--nach", "beschlossen", "--sitzung", ENTSCHEIDUNG, "--datum", "2026-04-22"]


def advance(cli, repo, *args, id_=ID):
    return cli("empfehlung", "advance", id_, "--daten", repo, *args)


def test_advance_commit_genau_ein_commit_mit_genau_der_datei(cli, repo, monkeypatch):
    # Autor aus der Git-Konfiguration des Repositorys (nicht aus Umgebungsvariablen)
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    git(repo, "config", "user.name", "Erika Beispiel")
    git(repo, "config", "user.email", "erika@beispielkreis.invalid")
    vorher = commits(repo)

    r = advance(cli, repo, *BESCHLIESSEN, "--commit")

    assert r.exit_code == 0, r.stderr
    nachher = commits(repo)
    assert nachher[1:] == vorher and len(nachher) == len(vorher) + 1
    assert dateien_im_commit(repo) == [DATEI]
    assert git(repo, "log", "-1", "--format=%s") == f"empfehlung {ID}: eingereicht → beschlossen\n"
    assert git(repo, "log", "-1", "--format=%(trailers:key=Empfehlung,valueonly)").strip() == ID
    assert git(repo, "log", "-1", "--format=%(trailers:key=Status,valueonly)").strip() == "beschlossen"
    assert git(repo, "log", "-1", "--format=%(trailers:key=Sitzung,valueonly)").strip() == ENTSCHEIDUNG
    assert git(repo, "log", "-1", "--format=%an <%ae>|%cn").strip() == "Erika Beispiel <erika@beispielkreis.invalid>|Erika Beispiel"
    assert f"Commit {nachher[0][:10]}" in r.stdout
    # `durch` kommt ohne --durch aus user.name
    # der Git-Name steht im Commit, nicht als „durch“ in den Daten (docs/ENTSCHEIDUNGEN.md)
    assert lies(repo / DATEI)["verlauf"][-1] == {"status": "beschlossen", "datum": "2026-04-22", "sitzung": ENTSCHEIDUNG}
    assert status_porcelain(repo) == ""
    assert fehler_fuer(repo, DATEI) == []


def test_nachricht_genau(cli, repo):
    assert advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit").exit_code == 0
    assert git(repo, "log", "-1", "--format=%B") == (
        f"empfehlung {ID}: eingereicht → beschlossen\n\nEmpfehlung: {ID}\nStatus: beschlossen\nSitzung: {ENTSCHEIDUNG}\n\n"
    )


def test_anderes_vorgemerktes_bleibt_vorgemerkt(cli, repo):
    anderes = repo / "organisationen/swr.yaml"
    anderes.write_text(anderes.read_text(encoding="utf-8") + "# vorgemerkt\n", encoding="utf-8")
    git(repo, "add", "organisationen/swr.yaml")
    drittes = repo / "organisationen/stadt-singen.yaml"
    drittes.write_text(drittes.read_text(encoding="utf-8") + "# nur im Arbeitsbaum\n", encoding="utf-8")
    neu_unverfolgt = repo / "notizen.txt"
    neu_unverfolgt.write_text("unverfolgt\n", encoding="utf-8")
    vorher = commits(repo)

    r = advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit")

    assert r.exit_code == 0, r.stderr
    assert len(commits(repo)) == len(vorher) + 1
    assert dateien_im_commit(repo) == [DATEI]
    assert git(repo, "diff", "--cached", "--name-only").split() == ["organisationen/swr.yaml"]
    assert git(repo, "diff", "--name-only").split() == ["organisationen/stadt-singen.yaml"]
    assert sorted(status_porcelain(repo).splitlines()) == sorted(
        ["M  organisationen/swr.yaml", " M organisationen/stadt-singen.yaml", "?? notizen.txt"]
    )
    # der vorgemerkte Inhalt ist noch der vorgemerkte (nicht HEAD)
    assert "# vorgemerkt" in git(repo, "show", ":organisationen/swr.yaml")


def test_kein_git_repository_abgelehnt(cli, beispiel):
    repo_im_zustand(beispiel, "eingereicht")
    vorher = schnappschuss(beispiel)
    r = advance(cli, beispiel, *BESCHLIESSEN, "--durch", "X", "--commit")
    assert r.exit_code == 1
    assert "--commit:" in r.stderr and "ist kein Git-Repository; nichts geschrieben" in r.stderr
    assert schnappschuss(beispiel) == vorher
    assert not (beispiel / ".git").exists()


@pytest.mark.parametrize("vormerken", [False, True], ids=["im-arbeitsbaum", "vorgemerkt"])
def test_fremde_aenderungen_an_der_datei_abgelehnt(cli, repo, vormerken):
    pfad = repo / DATEI
    pfad.write_text(pfad.read_text(encoding="utf-8") + "# noch nicht committet\n", encoding="utf-8")
    if vormerken:
        git(repo, "add", DATEI)
    vorher_dateien = schnappschuss(repo)
    vorher_commits = commits(repo)
    vorher_status = status_porcelain(repo)

    r = advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit")

    assert r.exit_code == 1
    assert f"--commit: {DATEI} hat nicht committete Änderungen" in r.stderr and "Nichts geschrieben" in r.stderr
    assert schnappschuss(repo) == vorher_dateien
    assert commits(repo) == vorher_commits
    assert status_porcelain(repo) == vorher_status


def test_waechter_ablehnung_mit_commit_committet_nichts(cli, repo):
    vorher = commits(repo)
    r = advance(cli, repo, "--nach", "beschlossen", "--datum", "2026-04-22", "--commit")
    assert r.exit_code == 1
    assert commits(repo) == vorher
    assert status_porcelain(repo) == ""


def test_dry_run_mit_commit_schreibt_und_committet_nichts(cli, repo):
    vorher = commits(repo)
    r = advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert "+status: beschlossen" in r.stdout
    assert commits(repo) == vorher
    assert status_porcelain(repo) == ""


def _hook(repo, inhalt: str):
    hook = repo / ".git/hooks/pre-commit"
    hook.write_text(inhalt, encoding="utf-8")
    hook.chmod(0o755)


def test_gescheiterter_commit_nimmt_die_aenderung_zurueck(cli, repo):
    """Lehnt ein Hook den Commit ab, bleibt weder eine halbe Änderung noch etwas Vorgemerktes zurück;
    derselbe Befehl gelingt, sobald der Hook zustimmt."""
    _hook(repo, "#!/bin/sh\necho 'validate: 1 Fehler' >&2\nexit 1\n")
    vorher_dateien = schnappschuss(repo)
    vorher_commits = commits(repo)

    r = advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit")

    assert r.exit_code == 1
    assert "Git-Commit fehlgeschlagen" in r.stderr
    assert f"Die Änderung an {DATEI} wurde zurückgenommen" in r.stderr
    assert schnappschuss(repo) == vorher_dateien
    assert commits(repo) == vorher_commits
    assert status_porcelain(repo) == ""

    _hook(repo, "#!/bin/sh\nexit 0\n")
    r = advance(cli, repo, *BESCHLIESSEN, "--durch", "X", "--commit")
    assert r.exit_code == 0, r.stderr
    assert len(commits(repo)) == len(vorher_commits) + 1


def test_new_commit_legt_genau_eine_datei_an(cli, git_beispiel):
    repo = git_beispiel
    vorher = commits(repo)
    r = cli("empfehlung", "new", "--daten", repo, "--titel", "Neu mit Commit", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-11-05", "--commit")
    assert r.exit_code == 0, r.stderr
    assert len(commits(repo)) == len(vorher) + 1
    assert dateien_im_commit(repo) == ["empfehlungen/2026/2026-004.yaml"]
    assert git(repo, "log", "-1", "--format=%B") == "empfehlung 2026-004: neu (entwurf)\n\nEmpfehlung: 2026-004\nStatus: entwurf\n\n"
    # kein „durch“ aus Gits user.name (privater Name); den Autor nennt der Commit
    assert "durch" not in lies(repo / "empfehlungen/2026/2026-004.yaml")["verlauf"][0]
    assert status_porcelain(repo) == ""


def test_new_commit_scheitert_eine_datei_bleibt(cli, git_beispiel):
    """Scheitert der Commit einer neuen Empfehlung, bleibt genau die eine neue Datei (kein Durchprobieren
    weiterer Nummern) und die Meldung sagt es."""
    repo = git_beispiel
    _hook(repo, "#!/bin/sh\nexit 1\n")
    vorher = schnappschuss(repo)
    r = cli("empfehlung", "new", "--daten", repo, "--titel", "Hook sagt nein", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-11-05", "--commit")
    assert r.exit_code == 1
    meldung = " ".join(r.stderr.split())
    assert "empfehlungen/2026/2026-004.yaml wurde angelegt, aber weder committet noch vorgemerkt" in meldung
    assert "„git add empfehlungen/2026/2026-004.yaml“ und „git commit“" in meldung
    nachher = schnappschuss(repo)
    assert sorted(set(nachher) - set(vorher)) == ["empfehlungen/2026/2026-004.yaml"]
    # nichts bleibt vorgemerkt: die Datei ist unverfolgt, nicht „A “
    assert status_porcelain(repo) == "?? empfehlungen/2026/2026-004.yaml\n"


def _ohne_identitaet(repo, monkeypatch):
    """Git kennt weder Namen noch E-Mail (nur aus der Konfiguration, kein Raten aus dem Rechnernamen)."""
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    leer = repo.parent / "leere.gitconfig"
    leer.write_text("[user]\n\tuseConfigOnly = true\n[commit]\n\tgpgsign = false\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(leer))


@pytest.mark.parametrize("befehl", ["new", "advance"])
def test_ohne_git_identitaet_nichts_geschrieben_nichts_vorgemerkt(cli, repo, monkeypatch, befehl):
    _ohne_identitaet(repo, monkeypatch)
    vorher, vorher_commits = schnappschuss(repo), commits(repo)
    if befehl == "new":
        r = cli("empfehlung", "new", "--daten", repo, "--titel", "Ohne Namen", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-11-05", "--commit")
    else:
        r = advance(cli, repo, *BESCHLIESSEN, "--commit")
    meldung = " ".join(r.stderr.split())
    assert r.exit_code == 1, r.stdout + r.stderr
    assert "Git kennt Ihren Namen nicht" in meldung
    assert "„git config --global user.name \"Vorname Nachname\"“" in meldung
    assert "„git config --global user.email \"name@example.org\"“" in meldung
    assert "Nichts geschrieben" in meldung
    assert "Traceback" not in r.stdout + r.stderr
    assert schnappschuss(repo) == vorher
    assert status_porcelain(repo) == ""
    assert commits(repo) == vorher_commits


def test_umsetzung_commit(cli, git_beispiel):
    vorher = commits(git_beispiel)
    r = cli("empfehlung", "umsetzung", "2025-001", "--daten", git_beispiel, "--adressat", "stadt-beispielstadt", "--stand", "vollstaendig", "--bericht", "Fertig.", "--datum", "2026-11-10", "--commit")
    assert r.exit_code == 0, r.stderr
    assert len(commits(git_beispiel)) == len(vorher) + 1
    assert dateien_im_commit(git_beispiel) == ["empfehlungen/2025/2025-001.yaml"]
    assert git(git_beispiel, "log", "-1", "--format=%B") == (
        "empfehlung 2025-001: Umsetzungsbericht stadt-beispielstadt (vollstaendig)\n\n"
        "Empfehlung: 2025-001\nAdressat: stadt-beispielstadt\nStand: vollstaendig\n\n"
    )


def test_datenrepository_als_unterordner_eines_git_repositorys(cli, tmp_path, beispiel):
    """Liegen die Daten in einem Unterordner (z. B. data/), committet --commit trotzdem nur die Datei."""
    import shutil

    oben = tmp_path / "projekt"
    shutil.copytree(beispiel, oben / "data")
    (oben / "README.md").write_text("Projekt\n", encoding="utf-8")
    daten = oben / "data"
    repo_im_zustand(daten, "eingereicht")
    git(oben, "init", "-q", "-b", "main")
    commit_repo(oben, "Start")
    r = advance(cli, daten, *BESCHLIESSEN, "--durch", "X", "--commit")
    assert r.exit_code == 0, r.stderr
    assert dateien_im_commit(oben) == [f"data/{DATEI}"]


# --------------------------------------------------------------------------- „fertig, wenn“


def test_ende_zu_ende_von_entwurf_bis_umgesetzt(cli, git_beispiel):
    """Eine neue Empfehlung wird nur mit CLI-Befehlen von entwurf bis umgesetzt geführt, jeder
    Schritt mit --commit. Die Sitzungen legt die Koordination an und committet sie selbst.
    Danach: je Schritt ein kleiner Commit, der nur die eine Datei berührt."""
    repo = git_beispiel
    start = commits(repo)[0]
    neu_id, datei = "2026-004", "empfehlungen/2026/2026-004.yaml"
    entscheidung, pruefung = f"{GREMIUM}-2026-06-17", f"{GREMIUM}-2026-09-23"

    def ok(*args):
        r = cli(*args, "--daten", repo, "--commit")
        assert r.exit_code == 0, (args, r.stderr)
        assert fehler_fuer(repo, datei) == []
        return r

    def koordination_legt_sitzung_an(sitzung_id, datum):
        pfad = sitzung_anlegen(repo, sitzung_id, datum, [neu_id], ergebnis="angenommen" if sitzung_id == entscheidung else None)
        git(repo, "add", str(pfad.relative_to(repo)))
        git(repo, "commit", "-q", "-m", f"Sitzung {datum}")

    ok("empfehlung", "new", "--titel", "Sprechstunde Wohnen im Landratsamt", "--text", "Das Amt richtet eine wöchentliche Sprechstunde ein.",
       "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-05-04")
    ok("empfehlung", "advance", neu_id, "--datum", "2026-05-18")
    koordination_legt_sitzung_an(entscheidung, "2026-06-17")
    ok("empfehlung", "advance", neu_id, "--nach", "beschlossen", "--sitzung", entscheidung, "--datum", "2026-06-17")
    ok("empfehlung", "advance", neu_id, "--adressat", ADRESSATEN[0], "--datum", "2026-06-22")
    ok("empfehlung", "advance", neu_id, "--datum", "2026-07-06")
    ok("empfehlung", "umsetzung", neu_id, "--adressat", ADRESSATEN[0], "--stand", "vollstaendig", "--bericht", "Sprechstunde läuft seit August.", "--datum", "2026-09-01")
    koordination_legt_sitzung_an(pruefung, "2026-09-23")
    ok("empfehlung", "advance", neu_id, "--nach", "umgesetzt", "--sitzung", pruefung, "--datum", "2026-09-23")

    log = git(repo, "log", "--reverse", "--format=%H%x1f%s", f"{start}..HEAD").splitlines()
    betreffe = [z.split("\x1f")[1] for z in log]
    assert betreffe == [
        f"empfehlung {neu_id}: neu (entwurf)",
        f"empfehlung {neu_id}: entwurf → eingereicht",
        "Sitzung 2026-06-17",
        f"empfehlung {neu_id}: eingereicht → beschlossen",
        f"empfehlung {neu_id}: beschlossen → weitergeleitet",
        f"empfehlung {neu_id}: weitergeleitet → in_umsetzung",
        f"empfehlung {neu_id}: Umsetzungsbericht {ADRESSATEN[0]} (vollstaendig)",
        "Sitzung 2026-09-23",
        f"empfehlung {neu_id}: in_umsetzung → umgesetzt",
    ]
    for zeile in log:
        sha, betreff = zeile.split("\x1f")
        if betreff.startswith("Sitzung"):
            continue
        numstat = git(repo, "show", "--numstat", "--format=", sha).splitlines()
        assert len(numstat) == 1, (betreff, numstat)
        plus, minus, pfad = numstat[0].split("\t")
        assert pfad == datei
        if betreff.endswith("neu (entwurf)"):
            assert (int(minus), int(plus)) == (0, 9)  # Kommentar, titel, text, Herkunft, Gremium, status, verlauf (3, ohne durch)
        elif "weitergeleitet" in betreff and betreff.endswith("→ weitergeleitet"):
            assert (int(minus), int(plus)) == (1, 5)  # Status + adressaten (2) + Eintrag (2, ohne durch)
        elif "Umsetzungsbericht" in betreff:
            assert (int(minus), int(plus)) == (0, 5)  # umsetzung: + Bericht (4)
        else:
            assert int(minus) == 1 and 3 <= int(plus) <= 5, (betreff, numstat)
        trailer = git(repo, "log", "-1", "--format=%(trailers:key=Empfehlung,valueonly)", sha).strip()
        assert trailer == neu_id

    daten = lies(repo / datei)
    assert daten["status"] == "umgesetzt"
    assert [v["status"] for v in daten["verlauf"]] == ["entwurf", "eingereicht", "beschlossen", "weitergeleitet", "in_umsetzung", "umgesetzt"]
    assert {v.get("durch") for v in daten["verlauf"]} == {None}
    assert status_porcelain(repo) == ""
    r = cli("validate", "--daten", repo, "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stdout
    r = cli("empfehlung", "show", neu_id, "--daten", repo)
    assert "Endzustand" in r.stdout and f"{ADRESSATEN[0]}: vollständig umgesetzt" in r.stdout
    # die Geschichte der Datei erzählt den Weg
    assert len(subprocess.run(["git", "log", "--format=%H", "--", datei], cwd=repo, capture_output=True, text=True, check=True).stdout.split()) == 7


# --------------------------------------------------------------------------- Git-Sicherheit je Befehl
#
# `--commit` lehnt bei einem unterbrochenen Git-Vorgang (Merge, Rebase in beiden Formen,
# Cherry-Pick, Revert), bei losgelöstem HEAD und bei vorhandenem `.git/index.lock` klar ab – für
# advance, umsetzung und new. Die Zustände werden mit echten Git-Befehlen hergestellt. Nach der
# Ablehnung sind Commits, Zweige, Index, Arbeitsbaum und der Zustand des Git-Vorgangs unverändert.

import os
import sys

NEU_DATEI = "empfehlungen/2026/2026-051.yaml"  # die Testempfehlung 2026-050 gibt es schon
BEFEHLE = {
    "advance": ("empfehlung", "advance", ID, *BESCHLIESSEN, "--durch", "X"),
    "umsetzung": ("empfehlung", "umsetzung", "2025-001", "--adressat", "stadt-beispielstadt", "--stand", "teilweise", "--bericht", "läuft", "--datum", "2026-11-10"),
    "new": ("empfehlung", "new", "--titel", "Neu während Git-Vorgang", "--arbeitsgruppe", "ag-wohnraum-fuer-gefluechtete", "--datum", "2026-11-05", "--durch", "X"),
}
BETROFFEN = {"advance": DATEI, "umsetzung": "empfehlungen/2025/2025-001.yaml", "new": NEU_DATEI}


def git_darf_scheitern(repo, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True)


def _notiz_committen(repo, text: str, nachricht: str) -> None:
    (repo / "NOTIZEN.md").write_text(text, encoding="utf-8")  # kein Datensatz: validate liest sie nicht
    git(repo, "add", "NOTIZEN.md")
    git(repo, "commit", "-q", "-m", nachricht)


def _merge(repo) -> str:
    git(repo, "switch", "-q", "-c", "zweig")
    _notiz_committen(repo, "vom Zweig\n", "Notiz auf dem Zweig")
    git(repo, "switch", "-q", "main")
    (repo / "organisationen/swr.yaml").write_text((repo / "organisationen/swr.yaml").read_text(encoding="utf-8") + "# main\n", encoding="utf-8")
    commit_repo(repo, "auf main")
    git(repo, "merge", "-q", "--no-ff", "--no-commit", "zweig")  # Merge begonnen, nicht abgeschlossen
    return "MERGE_HEAD"


def _rebase_merge(repo) -> str:
    r = git_darf_scheitern(repo, "rebase", "--exec", "false", "HEAD~1")  # hält nach dem ersten Commit an
    assert r.returncode != 0
    return "rebase-merge"


def _rebase_apply(repo) -> str:
    _notiz_committen(repo, "Grundfassung\n", "Notiz")
    git(repo, "switch", "-q", "-c", "patch")
    _notiz_committen(repo, "Fassung des Patches\n", "Notiz geändert (Patch)")
    git(repo, "format-patch", "-q", "-1", "-o", "../patches")
    git(repo, "switch", "-q", "main")
    _notiz_committen(repo, "andere Fassung auf main\n", "Notiz auf main")
    patch = next((repo.parent / "patches").glob("*.patch"))
    r = git_darf_scheitern(repo, "am", str(patch))  # passt nicht: „git am“ bleibt stehen
    assert r.returncode != 0
    return "rebase-apply"


def _cherry_pick(repo) -> str:
    _notiz_committen(repo, "Grundfassung\n", "Notiz")
    git(repo, "switch", "-q", "-c", "anderer")
    _notiz_committen(repo, "Fassung des anderen Zweigs\n", "Notiz dort")
    git(repo, "switch", "-q", "main")
    _notiz_committen(repo, "Fassung auf main\n", "Notiz hier")
    r = git_darf_scheitern(repo, "cherry-pick", "anderer")  # Konflikt in NOTIZEN.md
    assert r.returncode != 0
    return "CHERRY_PICK_HEAD"


def _revert(repo) -> str:
    _notiz_committen(repo, "eins\n", "Notiz eins")
    _notiz_committen(repo, "zwei\n", "Notiz zwei")
    _notiz_committen(repo, "drei\n", "Notiz drei")
    r = git_darf_scheitern(repo, "revert", "--no-edit", "HEAD~1")  # Konflikt
    assert r.returncode != 0
    return "REVERT_HEAD"


def _losgeloest(repo) -> None:
    git(repo, "switch", "-q", "--detach", "HEAD")


def _index_lock(repo) -> str:
    (repo / ".git/index.lock").write_bytes(b"")
    return "index.lock"


ZUSTAENDE = {
    "merge": (_merge, "Commit nicht möglich: ein Merge ist nicht abgeschlossen; erst „git merge --continue“ oder „git merge --abort“ ausführen"),
    "rebase-merge": (_rebase_merge, "Commit nicht möglich: ein Rebase ist nicht abgeschlossen; erst „git rebase --continue“ oder „git rebase --abort“"),
    "rebase-apply": (_rebase_apply, "Commit nicht möglich: ein Rebase (oder „git am“) ist nicht abgeschlossen"),
    "cherry-pick": (_cherry_pick, "Commit nicht möglich: ein Cherry-Pick ist nicht abgeschlossen; erst „git cherry-pick --continue“ oder „git cherry-pick --abort“"),
    "revert": (_revert, "Commit nicht möglich: ein Revert ist nicht abgeschlossen"),
    "losgeloester-head": (_losgeloest, "Commit nicht möglich: HEAD ist losgelöst (detached HEAD), kein Zweig ausgecheckt"),
    "index-lock": (_index_lock, "Commit nicht möglich: „.git/index.lock“ existiert"),
}


def git_zustand(repo) -> dict:
    """Alles, was ein Commit-Versuch verändern könnte: HEAD, Zweige, Index, Status, Vorgangsdateien."""
    git_dir = repo / ".git"
    return {
        "head": git_darf_scheitern(repo, "rev-parse", "HEAD").stdout,
        "symbolisch": git_darf_scheitern(repo, "symbolic-ref", "-q", "HEAD").stdout,
        "refs": git(repo, "for-each-ref", "--format=%(refname) %(objectname)"),
        "index": git(repo, "ls-files", "--stage"),
        "status": status_porcelain(repo) if not (git_dir / "index.lock").exists() else None,
        "vorgang": sorted(n for n in ("MERGE_HEAD", "CHERRY_PICK_HEAD", "REVERT_HEAD", "rebase-merge", "rebase-apply", "index.lock") if (git_dir / n).exists()),
    }


@pytest.mark.parametrize("zustand", list(ZUSTAENDE))
@pytest.mark.parametrize("befehl", list(BEFEHLE))
def test_commit_abgelehnt_bei_git_vorgang(cli, repo, befehl, zustand):
    herstellen, meldung = ZUSTAENDE[zustand]
    marke = herstellen(repo)
    if marke:
        assert (repo / ".git" / marke).exists()
    vorher_dateien = schnappschuss(repo)
    vorher_git = git_zustand(repo)

    r = cli(*BEFEHLE[befehl], "--daten", repo, "--commit")

    assert r.exit_code == 1, r.stdout + r.stderr
    assert meldung in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and "Commit " not in r.stdout
    nachher_git, nachher = git_zustand(repo), schnappschuss(repo)
    assert nachher_git == vorher_git  # kein Commit, nichts vorgemerkt, Vorgang unberührt
    assert nachher == vorher_dateien


@pytest.mark.parametrize("befehl", list(BEFEHLE))
def test_commit_ablehnung_schreibt_vorher_nichts(repo, tmp_path, befehl):
    """Eine Ablehnung wegen des Git-Zustands kommt, bevor irgendetwas geschrieben wird: der echte
    CLI-Prozess legt nicht einmal eine temporäre Datei an (gezählt mit dem Audit-Hook)."""
    import json

    import absturz_hilfen

    _losgeloest(repo)
    protokoll = tmp_path / "ereignisse.json"
    r = subprocess.run(
        [sys.executable, absturz_hilfen.__file__, "zaehlen", str(protokoll), str(repo), "--", *BEFEHLE[befehl], "--daten", str(repo), "--commit"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 1, r.stderr
    assert "HEAD ist losgelöst" in r.stderr
    schreibschritte = [
        e[2] for e in json.loads(protokoll.read_text(encoding="utf-8"))
        if e[2].startswith(("tempfile.mkstemp", "os.rename", "os.mkdir", "os.remove", "os.chmod", "os.truncate"))
    ]
    assert schreibschritte == [], schreibschritte
    assert not (repo / NEU_DATEI).exists()


@pytest.mark.parametrize("befehl", list(BEFEHLE))
def test_anderes_vorgemerktes_bleibt_vorgemerkt_je_befehl(cli, repo, befehl):
    """Vorgemerkte Änderung, vorgemerkte neue Datei und vorgemerkte Löschung anderer Dateien
    bleiben vorgemerkt und uncommittet; der Commit enthält genau die eine Datei."""
    geaendert = repo / "organisationen/swr.yaml"
    geaendert.write_text(geaendert.read_text(encoding="utf-8") + "# vorgemerkt\n", encoding="utf-8")
    (repo / "NOTIZEN.md").write_text("neu und vorgemerkt\n", encoding="utf-8")
    git(repo, "add", "organisationen/swr.yaml", "NOTIZEN.md")
    git(repo, "rm", "-q", "--cached", "organisationen/stadt-singen.yaml")  # Löschung vorgemerkt, Datei bleibt
    vorgemerkt = git(repo, "diff", "--cached", "--name-status")
    vorgemerkter_inhalt = git(repo, "show", ":organisationen/swr.yaml")
    vorher = commits(repo)

    r = cli(*BEFEHLE[befehl], "--daten", repo, "--commit")

    assert r.exit_code == 0, r.stderr
    assert commits(repo)[1:] == vorher
    assert dateien_im_commit(repo) == [BETROFFEN[befehl]]
    assert git(repo, "diff", "--cached", "--name-status") == vorgemerkt
    assert git(repo, "show", ":organisationen/swr.yaml") == vorgemerkter_inhalt
    assert git(repo, "show", "HEAD:organisationen/stadt-singen.yaml")  # die Löschung ist nicht committet
    assert "# vorgemerkt" not in git(repo, "show", "HEAD:organisationen/swr.yaml")
