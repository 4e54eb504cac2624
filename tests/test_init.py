"""`netzwerk init DIR [--beispiel]`, die CI-Vorlagen und `validate --format gitlab`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BEISPIEL, STICHTAG, git
from netzwerk_cli import __version__
from netzwerk_cli.grundlagen.arten import ORDNER

BIN = Path(sys.executable).parent  # netzwerk und pre-commit der Testumgebung

EMPFEHLUNG = """titel: Sprachcafé
status: entwurf
verlauf:
  - status: entwurf
    datum: 2026-01-05
"""


def dateien(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".git" not in p.relative_to(repo).parts[:1]}


@pytest.fixture
def neu(cli, tmp_path) -> Path:
    repo = tmp_path / "netzwerk-konstanz"
    r = cli("init", repo)
    assert r.exit_code == 0, r.stdout + r.stderr
    return repo


def test_init_legt_alles_an_und_prueft(cli, tmp_path):
    repo = tmp_path / "netzwerk-konstanz"
    r = cli("init", repo)
    assert r.exit_code == 0, r.stderr
    assert "Datenrepository angelegt" in r.stdout
    assert "1 Datei geprüft: keine Fehler, keine Warnungen" in r.stdout
    erwartet = {
        "netzwerk.yaml",
        "README.md",
        ".github/workflows/netzwerk.yml",
        ".gitlab-ci.yml",
        ".pre-commit-config.yaml",
        ".editorconfig",
        ".gitattributes",
        ".gitignore",
        ".vscode/settings.json",
        ".vscode/extensions.json",
    }
    erwartet |= {f"{ordner}/.gitkeep" for ordner in ORDNER}
    erwartet |= {f"schemas/{art}.schema.json" for art in ["netzwerk", *ORDNER.values()]}
    assert dateien(repo) == erwartet
    for datei in erwartet:
        assert "@@" not in (repo / datei).read_text(encoding="utf-8"), datei
    assert yaml.safe_load((repo / "netzwerk.yaml").read_text(encoding="utf-8"))["name"] == "netzwerk-konstanz"


def test_init_ist_ein_git_repository_mit_erstem_commit(neu):
    assert git(neu, "branch", "--show-current").strip() == "main"
    assert git(neu, "log", "--format=%s").splitlines() == ["Datenrepository angelegt (netzwerk init)"]
    assert git(neu, "status", "--porcelain") == ""
    assert "organisationen/.gitkeep" in git(neu, "ls-files").split()


def test_init_validiert_danach_ohne_befunde(cli, neu):
    r = cli("validate", "--daten", neu, "--format", "json", "--streng")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["befunde"] == []


def test_init_mit_name(cli, tmp_path):
    name = 'Netzwerk: "Integration" Konstanz # 2026'
    r = cli("init", tmp_path / "n", "--name", name)
    assert r.exit_code == 0, r.stdout
    assert yaml.safe_load((tmp_path / "n" / "netzwerk.yaml").read_text(encoding="utf-8"))["name"] == name
    assert (tmp_path / "n" / "README.md").read_text(encoding="utf-8").startswith(f"# {name}\n")


def test_init_mit_beispieldaten(cli, tmp_path):
    repo = tmp_path / "beispiel"
    r = cli("init", repo, "--beispiel", "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stdout
    assert "mit Beispieldaten" in r.stdout and "keine Fehler" in r.stdout
    beispiel = {p.relative_to(BEISPIEL).as_posix() for p in BEISPIEL.rglob("*") if p.is_file()} - {"README.md"}
    assert beispiel <= dateien(repo)
    assert (repo / "netzwerk.yaml").read_bytes() == (BEISPIEL / "netzwerk.yaml").read_bytes()
    assert "Der tägliche Ablauf" in (repo / "README.md").read_text(encoding="utf-8")
    r = cli("validate", "--daten", repo, "--stichtag", STICHTAG, "--format", "json")
    zusammenfassung = json.loads(r.stdout)["zusammenfassung"]
    assert zusammenfassung["fehler"] == 0 and zusammenfassung["dateien"] == len(
        [p for p in beispiel if p.endswith(".yaml")]
    )
    assert git(repo, "status", "--porcelain") == ""


def test_init_in_leeren_vorhandenen_ordner(cli, tmp_path):
    (tmp_path / "leer").mkdir()
    r = cli("init", tmp_path / "leer")
    assert r.exit_code == 0
    assert (tmp_path / "leer" / "netzwerk.yaml").is_file()


def test_init_lehnt_nicht_leeren_ordner_ab(cli, tmp_path):
    ziel = tmp_path / "voll"
    ziel.mkdir()
    (ziel / "notizen.txt").write_text("wichtig\n", encoding="utf-8")
    r = cli("init", ziel)
    assert r.exit_code == 2
    assert "nicht leer" in r.stderr
    assert [p.name for p in ziel.iterdir()] == ["notizen.txt"]


def test_init_lehnt_datei_als_ziel_ab(cli, tmp_path):
    (tmp_path / "datei").write_text("x", encoding="utf-8")
    r = cli("init", tmp_path / "datei")
    assert r.exit_code == 2
    assert "ist eine Datei" in r.stderr


def test_init_ohne_git_identitaet_merkt_nur_vor(cli, tmp_path, monkeypatch):
    for name in ("GIT_AUTHOR_NAME", "GIT_AUTHOR_EMAIL", "GIT_COMMITTER_NAME", "GIT_COMMITTER_EMAIL"):
        monkeypatch.delenv(name, raising=False)
    leer = tmp_path / "leere.gitconfig"
    leer.write_text("[user]\n\tuseConfigOnly = true\n[init]\n\tdefaultBranch = main\n", encoding="utf-8")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(leer))
    repo = tmp_path / "n"
    r = cli("init", repo)
    assert r.exit_code == 0, r.stderr
    assert "Git kennt Ihren Namen noch nicht" in r.stdout and "git config --global user.name" in r.stdout
    assert "A  netzwerk.yaml" in git(repo, "status", "--porcelain").splitlines()


def test_editor_einstellungen_ordnen_schemas_den_ordnern_zu(neu):
    einstellungen = json.loads((neu / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = einstellungen["yaml.schemas"]
    assert schemas["./schemas/netzwerk.schema.json"] == ["/netzwerk.yaml"]
    for ordner, art in ORDNER.items():
        assert schemas[f"./schemas/{art}.schema.json"] == [f"/{ordner}/**/*.yaml"]
    for schema in schemas:
        inhalt = json.loads((neu / schema).read_text(encoding="utf-8"))
        assert inhalt["$schema"].endswith("2020-12/schema")
    assert "redhat.vscode-yaml" in json.loads((neu / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]


# --------------------------------------------------------------------------- CI-Vorlagen


def test_github_vorlage(neu):
    wf = yaml.safe_load((neu / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    schritte = wf["jobs"]["validate"]["steps"]
    checkout = next(s for s in schritte if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    laeufe = "\n".join(s.get("run", "") for s in schritte)
    assert f'pip install "netzwerk-cli=={__version__}"' in laeufe
    assert '--basis "origin/$ZIELZWEIG"' in laeufe and "--format github" in laeufe
    assert "GITHUB_STEP_SUMMARY" in laeufe
    assert "${{ github.base_ref }}" in (neu / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8")


def test_gitlab_vorlage(neu):
    ci = yaml.safe_load((neu / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = ci["netzwerk-validate"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    skript = "\n".join(job["script"])
    assert "--format gitlab > gl-code-quality-report.json" in skript
    assert "--basis=origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in skript


def test_installation_anpassbar(cli, tmp_path):
    spec = "git+https://example.invalid/netzwerk.git@v0.1.0"
    repo = tmp_path / "n"
    assert cli("init", repo, "--installation", spec).exit_code == 0
    for datei in (".github/workflows/netzwerk.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        text = (repo / datei).read_text(encoding="utf-8")
        assert spec in text and "netzwerk-cli==" not in text, datei


def test_pre_commit_konfiguration_ist_gueltig(neu):
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(neu / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    hook = yaml.safe_load((neu / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert hook["entry"] == "netzwerk validate"
    assert hook["pass_filenames"] is False and hook["always_run"] is True


def _skript_umgebung(tmp_path: Path, **zusatz: str) -> dict:
    umgebung = dict(os.environ, PATH=f"{BIN}{os.pathsep}{os.environ['PATH']}", **zusatz)
    return umgebung


@pytest.fixture
def pull_request(cli, tmp_path) -> Path:
    """Ein Klon eines init-Repositorys, Zweig mit unerlaubt umgeschriebenem Verlauf."""
    quelle = tmp_path / "quelle"
    assert cli("init", quelle).exit_code == 0
    (quelle / "empfehlungen" / "2026-001.yaml").write_text(EMPFEHLUNG, encoding="utf-8")
    git(quelle, "add", "-A")
    git(quelle, "commit", "-q", "-m", "Empfehlung")
    klon = tmp_path / "klon"
    git(tmp_path, "clone", "-q", str(quelle), str(klon))
    git(klon, "switch", "-q", "-c", "umschreiben")
    datei = klon / "empfehlungen" / "2026-001.yaml"
    datei.write_text(EMPFEHLUNG.replace("2026-01-05", "2025-12-24"), encoding="utf-8")
    git(klon, "commit", "-q", "-am", "Datum geändert")
    return klon


def test_github_schritt_laeuft_und_schreibt_zusammenfassung(pull_request, tmp_path):
    wf = yaml.safe_load((pull_request / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    schritt = next(s for s in wf["jobs"]["validate"]["steps"] if s.get("name") == "Datenrepository prüfen")
    zusammenfassung = tmp_path / "summary.md"
    umgebung = _skript_umgebung(tmp_path, ZIELZWEIG="main", GITHUB_STEP_SUMMARY=str(zusammenfassung))
    r = subprocess.run(["bash", "-e", "-c", schritt["run"]], cwd=pull_request, env=umgebung, capture_output=True, text=True)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "::error file=empfehlungen/2026-001.yaml,line=5,col=5,title=verlauf-geaendert::" in r.stdout
    bericht = zusammenfassung.read_text(encoding="utf-8")
    assert bericht.startswith("## netzwerk validate")
    assert "empfehlungen/2026-001.yaml:5:5: fehler [verlauf-geaendert]" in bericht
    # Push auf main: ohne Basis, keine Befunde
    git(pull_request, "switch", "-q", "main")
    umgebung["ZIELZWEIG"] = ""
    r = subprocess.run(["bash", "-e", "-c", schritt["run"]], cwd=pull_request, env=umgebung, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_gitlab_skript_laeuft_und_schreibt_code_quality(pull_request, tmp_path):
    job = yaml.safe_load((pull_request / ".gitlab-ci.yml").read_text(encoding="utf-8"))["netzwerk-validate"]
    skript = [z for z in job["script"] if "pip install" not in z]
    umgebung = _skript_umgebung(tmp_path, CI_MERGE_REQUEST_TARGET_BRANCH_NAME="main")
    r = subprocess.run(["sh", "-e", "-c", "\n".join(skript)], cwd=pull_request, env=umgebung, capture_output=True, text=True)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "[verlauf-geaendert]" in r.stdout
    bericht = json.loads((pull_request / "gl-code-quality-report.json").read_text(encoding="utf-8"))
    (eintrag,) = [e for e in bericht if e["check_name"] == "netzwerk/verlauf-geaendert"]
    assert eintrag["location"] == {"path": "empfehlungen/2026-001.yaml", "lines": {"begin": 5}}
    assert eintrag["severity"] == "major"


# --------------------------------------------------------------------------- validate --format gitlab


def test_format_gitlab(cli, tmp_path):
    from conftest import minimal_repo

    repo = minimal_repo(
        tmp_path / "n",
        {
            "personen/a.yaml": "name: A\norganisation: fehlt\n",
            "personen/b.yaml": "name: B\norganisation: fehlt\nrollen: [unbekannt]\n",
        },
    )
    r = cli("validate", "--daten", repo, "--format", "gitlab")
    assert r.exit_code == 1
    bericht = json.loads(r.stdout)
    assert isinstance(bericht, list) and len(bericht) >= 3
    for e in bericht:
        assert set(e) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert e["severity"] in ("major", "minor")
        assert e["location"]["path"].startswith("personen/") and e["location"]["lines"]["begin"] >= 1
    assert len({e["fingerprint"] for e in bericht}) == len(bericht)
    ref = [e for e in bericht if e["check_name"] == "netzwerk/ref-unbekannt"]
    assert {e["location"]["path"] for e in ref} == {"personen/a.yaml", "personen/b.yaml"}
    # gleicher Befund nach Zeilenverschiebung: gleicher Fingerabdruck
    vorher = {e["fingerprint"] for e in ref if e["location"]["path"] == "personen/a.yaml"}
    (repo / "personen/a.yaml").write_text("# Kommentar\nname: A\norganisation: fehlt\n", encoding="utf-8")
    nachher = json.loads(cli("validate", "--daten", repo, "--format", "gitlab").stdout)
    assert vorher == {e["fingerprint"] for e in nachher if e["check_name"] == "netzwerk/ref-unbekannt" and e["location"]["path"] == "personen/a.yaml"}


def test_format_gitlab_ohne_befunde(cli, neu):
    r = cli("validate", "--daten", neu, "--format", "gitlab")
    assert r.exit_code == 0
    assert json.loads(r.stdout) == []


def test_doku_zeigt_die_aktuellen_vorlagen():
    """docs/ARBEITEN_MIT_GIT.md zeigt die CI- und pre-commit-Vorlagen wörtlich (ohne Versionsnummer)."""
    from conftest import PROJEKT
    from netzwerk_cli.aktionen.init import vorlage

    doku = (PROJEKT / "docs" / "ARBEITEN_MIT_GIT.md").read_text(encoding="utf-8")
    for name in ("github-workflow.yml", "gitlab-ci.yml", "pre-commit-config.yaml"):
        assert vorlage(name, {"INSTALLATION": "netzwerk-cli", "VERSION": "X.Y.Z"}) in doku, name
