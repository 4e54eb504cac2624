"""netzwerk_cli.quellen.git: die Grundfunktionen für andere Befehle (commit_dateien, benutzername,
unveraendert_seit_head, ist_git_repo) gegen echte temporäre Git-Repositorys."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from conftest import git

from netzwerk_cli.grundlagen.fehler import Abgelehnt
from netzwerk_cli.quellen import git as g
from netzwerk_cli.quellen import git_geschichte


@pytest.fixture
def repo(tmp_path) -> Path:
    r = tmp_path / "repo"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    (r / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    (r / "b.yaml").write_text("b: 1\n", encoding="utf-8")
    git(r, "add", "-A")
    git(r, "commit", "-q", "-m", "Start")
    return r


def head(r: Path) -> str:
    return git(r, "rev-parse", "HEAD").strip()


def git_ok(cwd: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True)


# --------------------------------------------------------------------------- commit_dateien


def test_commit_nur_die_gegebene_datei_anderes_bleibt_vorgemerkt(repo):
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    (repo / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    git(repo, "add", "b.yaml")  # vorgemerkt, soll es bleiben

    sha = g.commit_dateien(repo, [repo / "a.yaml"], "Empfehlung weitergeleitet")

    assert sha == head(repo)
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["a.yaml"]
    assert git(repo, "log", "-1", "--format=%s").strip() == "Empfehlung weitergeleitet"
    assert git(repo, "show", "HEAD:a.yaml") == "a: 2\n"
    assert git(repo, "show", "HEAD:b.yaml") == "b: 1\n"
    assert git(repo, "diff", "--cached", "--name-only").split() == ["b.yaml"]
    assert git(repo, "show", ":b.yaml") == "b: 2\n"  # Index unverändert vorgemerkt


def test_commit_unvorgemerkte_aenderung_anderer_datei_bleibt_im_arbeitsbaum(repo):
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    (repo / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    g.commit_dateien(repo, [repo / "a.yaml"], "nur a")
    assert git(repo, "status", "--porcelain").splitlines() == [" M b.yaml"]


def test_commit_neue_datei_in_unterordner(repo):
    (repo / "empfehlungen" / "2026").mkdir(parents=True)
    neu = repo / "empfehlungen" / "2026" / "2026-004.yaml"
    neu.write_text("titel: Neu\n", encoding="utf-8")
    (repo / "unbeteiligt.yaml").write_text("x: 1\n", encoding="utf-8")
    sha = g.commit_dateien(repo / "empfehlungen", [neu], "Neue Empfehlung")
    assert sha == head(repo)
    assert git(repo, "show", "--name-only", "--format=", "HEAD").split() == ["empfehlungen/2026/2026-004.yaml"]
    assert "?? unbeteiligt.yaml" in git(repo, "status", "--porcelain")


def test_commit_mehrere_dateien(repo):
    (repo / "a.yaml").write_text("a: 3\n", encoding="utf-8")
    (repo / "b.yaml").write_text("b: 3\n", encoding="utf-8")
    g.commit_dateien(repo, [repo / "a.yaml", repo / "b.yaml"], "beide")
    assert sorted(git(repo, "show", "--name-only", "--format=", "HEAD").split()) == ["a.yaml", "b.yaml"]
    assert git(repo, "status", "--porcelain") == ""


def test_commit_im_repository_ohne_ersten_commit(tmp_path):
    r = tmp_path / "leer"
    r.mkdir()
    git(r, "init", "-q", "-b", "main")
    (r / "netzwerk.yaml").write_text("name: X\n", encoding="utf-8")
    sha = g.commit_dateien(r, [r / "netzwerk.yaml"], "Anfang")
    assert sha == head(r)


def test_commit_abgelehnt_ohne_git_repository(tmp_path):
    (tmp_path / "a.yaml").write_text("a: 1\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="kein Git-Repository"):
        g.commit_dateien(tmp_path, [tmp_path / "a.yaml"], "x")


def test_commit_abgelehnt_bei_losgeloestem_head(repo):
    git(repo, "checkout", "-q", "--detach")
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    vorher = head(repo)
    with pytest.raises(Abgelehnt, match="losgelöst") as e:
        g.commit_dateien(repo, [repo / "a.yaml"], "x")
    assert "git switch" in str(e.value)
    assert head(repo) == vorher


def test_commit_abgelehnt_bei_index_lock(repo):
    (repo / ".git" / "index.lock").write_text("", encoding="utf-8")
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    vorher = head(repo)
    with pytest.raises(Abgelehnt, match="index.lock"):
        g.commit_dateien(repo, [repo / "a.yaml"], "x")
    assert head(repo) == vorher
    assert (repo / ".git" / "index.lock").exists()  # fremde Sperre bleibt unangetastet


def _konflikt_vorbereiten(repo: Path) -> None:
    git(repo, "switch", "-q", "-c", "zweig")
    (repo / "a.yaml").write_text("a: zweig\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "zweig")
    git(repo, "switch", "-q", "main")
    (repo / "a.yaml").write_text("a: main\n", encoding="utf-8")
    git(repo, "commit", "-q", "-am", "main")


def test_commit_abgelehnt_waehrend_merge(repo):
    _konflikt_vorbereiten(repo)
    assert git_ok(repo, "merge", "zweig").returncode != 0
    assert (repo / ".git" / "MERGE_HEAD").exists()
    (repo / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="Merge ist nicht abgeschlossen") as e:
        g.commit_dateien(repo, [repo / "b.yaml"], "x")
    assert "git merge --abort" in str(e.value)


def test_commit_abgelehnt_waehrend_rebase(repo):
    _konflikt_vorbereiten(repo)
    assert git_ok(repo, "rebase", "zweig").returncode != 0
    (repo / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="Rebase"):
        g.commit_dateien(repo, [repo / "b.yaml"], "x")


def test_commit_abgelehnt_waehrend_cherry_pick(repo):
    _konflikt_vorbereiten(repo)
    assert git_ok(repo, "cherry-pick", "zweig").returncode != 0
    (repo / "b.yaml").write_text("b: 2\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="Cherry-Pick"):
        g.commit_dateien(repo, [repo / "b.yaml"], "x")


def test_commit_abgelehnt_wenn_nichts_geaendert(repo):
    with pytest.raises(Abgelehnt, match="Nichts zu committen"):
        g.commit_dateien(repo, [repo / "a.yaml"], "x")


def test_commit_abgelehnt_ohne_identitaet(repo, monkeypatch):
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    leer = repo.parent / "leere.gitconfig"
    leer.write_text("[user]\n\tuseConfigOnly = true\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(leer))
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="Git kennt Ihren Namen nicht") as e:
        g.commit_dateien(repo, [repo / "a.yaml"], "x")
    assert "git config --global user.name" in str(e.value)


def test_gescheiterter_commit_laesst_neue_datei_nicht_vorgemerkt(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    (repo / "neu.yaml").write_text("n: 1\n", encoding="utf-8")
    (repo / "schon.yaml").write_text("s: 1\n", encoding="utf-8")
    git(repo, "add", "schon.yaml")  # vorher Vorgemerktes bleibt vorgemerkt
    with pytest.raises(Abgelehnt):
        g.commit_dateien(repo, [repo / "neu.yaml"], "x")
    status = git(repo, "status", "--porcelain=v1", "--untracked-files=all")
    assert "?? neu.yaml" in status.splitlines()
    assert "A  schon.yaml" in status.splitlines()
    assert (repo / "neu.yaml").read_text(encoding="utf-8") == "n: 1\n"


def test_vorpruefung_ohne_identitaet(repo, monkeypatch):
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL", "EMAIL"):
        monkeypatch.delenv(name, raising=False)
    leer = repo.parent / "leere.gitconfig"
    leer.write_text("[user]\n\tuseConfigOnly = true\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(leer))
    with pytest.raises(Abgelehnt, match="Git kennt Ihren Namen nicht") as e:
        g.commit_vorpruefen(repo)
    assert "Nichts geschrieben" in str(e.value)
    monkeypatch.setenv("GIT_AUTHOR_NAME", "A")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "a@beispiel.invalid")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "A")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "a@beispiel.invalid")
    g.commit_vorpruefen(repo)  # mit Identität aus der Umgebung: keine Ablehnung


def test_commit_abgelehnt_wenn_hook_ablehnt(repo):
    hook = repo / ".git" / "hooks" / "pre-commit"
    hook.write_text("#!/bin/sh\necho 'netzwerk validate: 1 Fehler' >&2\nexit 1\n", encoding="utf-8")
    hook.chmod(0o755)
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    vorher = head(repo)
    with pytest.raises(Abgelehnt, match="Git-Commit fehlgeschlagen") as e:
        g.commit_dateien(repo, [repo / "a.yaml"], "x")
    assert "1 Fehler" in str(e.value)
    assert head(repo) == vorher


def test_commit_abgelehnt_fuer_datei_ausserhalb(repo, tmp_path):
    fremd = tmp_path / "fremd.yaml"
    fremd.write_text("x: 1\n", encoding="utf-8")
    with pytest.raises(Abgelehnt, match="liegt nicht im Git-Repository"):
        g.commit_dateien(repo, [fremd], "x")


# --------------------------------------------------------------------------- unveraendert_seit_head


def test_unveraendert_seit_head(repo):
    assert g.unveraendert_seit_head(repo, repo / "a.yaml") is True
    (repo / "a.yaml").write_text("a: 2\n", encoding="utf-8")
    assert g.unveraendert_seit_head(repo, repo / "a.yaml") is False  # nicht vorgemerkt
    git(repo, "add", "a.yaml")
    assert g.unveraendert_seit_head(repo, repo / "a.yaml") is False  # vorgemerkt
    git(repo, "commit", "-q", "-m", "a")
    assert g.unveraendert_seit_head(repo, repo / "a.yaml") is True
    assert g.unveraendert_seit_head(repo, repo / "b.yaml") is True


def test_unveraendert_seit_head_neue_und_fremde_dateien(repo, tmp_path):
    (repo / "neu.yaml").write_text("n: 1\n", encoding="utf-8")
    assert g.unveraendert_seit_head(repo, repo / "neu.yaml") is False  # nicht verfolgt
    git(repo, "add", "neu.yaml")
    assert g.unveraendert_seit_head(repo, repo / "neu.yaml") is False  # nur vorgemerkt
    (repo / "a.yaml").unlink()
    assert g.unveraendert_seit_head(repo, repo / "a.yaml") is False  # gelöscht
    ohne = tmp_path / "ohne-git"
    ohne.mkdir()
    (ohne / "x.yaml").write_text("x: 1\n", encoding="utf-8")
    assert g.unveraendert_seit_head(ohne, ohne / "x.yaml") is False


def test_unveraendert_seit_head_ignorierte_datei(repo):
    (repo / ".gitignore").write_text("geheim.yaml\n", encoding="utf-8")
    (repo / "geheim.yaml").write_text("g: 1\n", encoding="utf-8")
    assert g.unveraendert_seit_head(repo, repo / "geheim.yaml") is False


# --------------------------------------------------------------------------- benutzername, ist_git_repo


def test_benutzername(repo, tmp_path, monkeypatch):
    assert g.benutzername(repo) == "Test Koordination"  # aus der (isolierten) globalen Konfiguration
    git(repo, "config", "user.name", "Maria Muster")
    assert g.benutzername(repo) == "Maria Muster"
    assert g.benutzername(repo / "a.yaml") == "Maria Muster"  # auch für eine Datei
    ohne = tmp_path / "ohne-git"
    ohne.mkdir()
    assert g.benutzername(ohne) is None


def test_benutzername_nicht_gesetzt(repo, monkeypatch):
    leer = repo.parent / "leere.gitconfig"
    leer.write_text("", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(leer))
    assert g.benutzername(repo) is None


def test_ist_git_repo(repo, tmp_path):
    (repo / "unter").mkdir()
    assert g.ist_git_repo(repo) is True
    assert g.ist_git_repo(repo / "unter") is True
    assert g.ist_git_repo(repo / "a.yaml") is True
    ohne = tmp_path / "ohne-git"
    ohne.mkdir()
    assert g.ist_git_repo(ohne) is False
    assert g.ist_git_repo(tmp_path / "gibt-es-nicht") is False


def test_blob_hash_wie_git(repo):
    inhalt = (repo / "a.yaml").read_bytes()
    assert git_geschichte.blob_hash(inhalt) == git(repo, "hash-object", "a.yaml").strip()
