"""Der pre-commit-Hook dieses Projekts (`.pre-commit-hooks.yaml`), ausgeführt vom echten
`pre-commit` gegen ein temporäres Datenrepository.

pre-commit klont das Hook-Repository an einem Commit und installiert es mit pip in eine eigene
Umgebung. Damit auch nicht committete Änderungen am Projekt geprüft werden (und der Test in
einem frischen Klon genauso läuft), wird der Projektbaum ohne .venv und .git in einen
temporären Ordner kopiert und dort committet. Die Installation holt Abhängigkeiten aus PyPI
und dauert daher etwas (Markierung `langsam`; läuft trotzdem immer mit).
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

import pytest
import yaml
from conftest import PROJEKT, git

EMPFEHLUNG = """titel: Sprachcafé
status: entwurf
verlauf:
  - status: entwurf
    datum: 2026-01-05
"""

AUSLASSEN = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", "*.pyc", ".pytest_cache", ".hypothesis", "build", "dist", "*.egg-info", ".ci",
    "node_modules",
)


def test_manifest_ist_gueltig_und_prueft_das_ganze_repository():
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-manifest", str(PROJEKT / ".pre-commit-hooks.yaml")],
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    (hook,) = yaml.safe_load((PROJEKT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hook["id"] == "netzwerk-validate"
    assert hook["entry"] == "netzwerk validate"
    assert hook["language"] == "python"
    assert hook["pass_filenames"] is False and hook["always_run"] is True


def _pre_commit(repo: Path, *args: str, umgebung: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=repo, env=umgebung, capture_output=True, text=True, timeout=900
    )


@pytest.mark.langsam
def test_hook_mit_echtem_pre_commit(cli, tmp_path):
    # 1. Das Projekt, wie es gerade ist, als Hook-Repository mit einem Commit
    projekt = tmp_path / "netzwerk-projekt"
    shutil.copytree(PROJEKT, projekt, ignore=AUSLASSEN)
    git(projekt, "init", "-q", "-b", "main")
    git(projekt, "add", "-A")
    git(projekt, "commit", "-q", "-m", "Stand für den Hook-Test")
    rev = git(projekt, "rev-parse", "HEAD").strip()

    # 2. Ein Datenrepository, das den Hook aus diesem Repository nutzt
    daten = tmp_path / "daten"
    assert cli("init", daten).exit_code == 0
    (daten / "empfehlungen" / "2026-001.yaml").write_text(EMPFEHLUNG, encoding="utf-8")
    konfiguration = {"repos": [{"repo": str(projekt), "rev": rev, "hooks": [{"id": "netzwerk-validate"}]}]}
    (daten / ".pre-commit-config.yaml").write_text(yaml.safe_dump(konfiguration), encoding="utf-8")
    git(daten, "add", "-A")
    git(daten, "commit", "-q", "-m", "Empfehlung und Hook")

    umgebung = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"), PRE_COMMIT_COLOR="never")
    umgebung.pop("VIRTUAL_ENV", None)

    # 3. Alles in Ordnung: der Hook läuft und besteht
    r = _pre_commit(daten, "run", "--all-files", umgebung=umgebung)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "netzwerk validate" in r.stdout and "Passed" in r.stdout

    # 4. Ein Verweisfehler in einer Datei: der Hook scheitert mit Datei, Zeile und Regel
    (daten / "personen" / "maria-muster.yaml").write_text("name: Maria Muster\norganisation: gibt-es-nicht\n", encoding="utf-8")
    r = _pre_commit(daten, "run", "--all-files", umgebung=umgebung)
    assert r.returncode == 1, r.stdout + r.stderr
    assert "Failed" in r.stdout
    assert "personen/maria-muster.yaml:2:1: fehler [ref-unbekannt]" in r.stdout, r.stdout

    # 5. Als Git-Hook: der Commit der fehlerhaften Datei wird verhindert …
    assert _pre_commit(daten, "install", umgebung=umgebung).returncode == 0
    vorher = git(daten, "rev-parse", "HEAD")
    git(daten, "add", "personen/maria-muster.yaml")
    r = subprocess.run(["git", "commit", "-m", "Person"], cwd=daten, env=umgebung, capture_output=True, text=True)
    assert r.returncode != 0
    assert "ref-unbekannt" in r.stdout + r.stderr
    assert git(daten, "rev-parse", "HEAD") == vorher

    # … auch wenn nur eine andere Datei committet wird (always_run, ganzes Repository) …
    (daten / "README.md").write_text("# Daten\n", encoding="utf-8")
    git(daten, "reset", "-q")
    git(daten, "add", "README.md")
    r = subprocess.run(["git", "commit", "-m", "README"], cwd=daten, env=umgebung, capture_output=True, text=True)
    assert r.returncode != 0
    assert git(daten, "rev-parse", "HEAD") == vorher

    # … und nach der Korrektur gelingt er.
    (daten / "personen" / "maria-muster.yaml").write_text("name: Maria Muster\n", encoding="utf-8")
    git(daten, "add", "-A")
    r = subprocess.run(["git", "commit", "-m", "Person"], cwd=daten, env=umgebung, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
    assert git(daten, "rev-parse", "HEAD") != vorher

    # 6. Die von pre-commit installierte Fassung (ein gebautes Wheel) bringt ihre Paketdaten mit:
    #    Schemas, Vorlagen und Beispieldaten für `netzwerk init --beispiel`.
    (netzwerk,) = list((tmp_path / "pre-commit-cache").glob("repo*/py_env-*/bin/netzwerk"))
    neu = tmp_path / "aus-dem-wheel"
    r = subprocess.run(
        [str(netzwerk), "init", str(neu), "--beispiel", "--stichtag", "2026-11-21"],
        env=umgebung,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stdout + r.stderr
    assert "keine Fehler" in r.stdout
    assert (neu / ".github" / "workflows" / "netzwerk.yml").is_file()
    assert (neu / "schemas" / "gremium.schema.json").is_file()
    assert (neu / "gremien" / "strategiegruppe.yaml").is_file()


def _sauberer_klon(tmp_path: Path) -> Path:
    """Der Projektbaum, wie er gerade ist, als frischer Git-Klon (ohne .venv, Caches, node_modules)."""
    quelle = tmp_path / "projekt-quelle"
    shutil.copytree(PROJEKT, quelle, ignore=AUSLASSEN)
    git(quelle, "init", "-q", "-b", "main")
    git(quelle, "add", "-A")
    git(quelle, "commit", "-q", "-m", "Stand für den Installationstest")
    klon = tmp_path / "netzwerk klon"  # mit Leerzeichen: die Angabe muss gequotet ankommen
    git(tmp_path, "clone", "-q", str(quelle), str(klon))
    return klon


def _venv(ordner: Path) -> Path:
    venv.EnvBuilder(with_pip=True, clear=True).create(ordner)
    return ordner / "bin"


@pytest.mark.langsam
def test_init_aus_installation_ergibt_funktionierende_ci_und_pre_commit(tmp_path):
    """Wie eine Nutzerin: aus einem Klon installieren (nicht editierbar), `netzwerk init`, dann die
    erzeugte Installationszeile in einer zweiten frischen Umgebung ausführen und den erzeugten Hook
    mit dem echten pre-commit – beide müssen das neue Repository prüfen können."""
    umgebung = dict(
        os.environ,
        PRE_COMMIT_HOME=str(tmp_path / "pre-commit-cache"),
        PRE_COMMIT_COLOR="never",
        # pip darf seinen Zwischenspeicher mit anderen Läufen teilen (nur Geschwindigkeit)
        PIP_CACHE_DIR=str(Path(tempfile.gettempdir()) / "netzwerk-test-pip-cache"),
        PIP_DISABLE_PIP_VERSION_CHECK="1",
    )
    umgebung.pop("VIRTUAL_ENV", None)
    umgebung.pop("PYTHONPATH", None)

    def lauf(befehl, **kwargs):
        r = subprocess.run(befehl, env=kwargs.pop("env", umgebung), capture_output=True, text=True, timeout=900, **kwargs)
        assert r.returncode == 0, f"{befehl}:\n{r.stdout}\n{r.stderr}"
        return r

    # 1. installieren wie eine Nutzerin: pip install /pfad/zum/klon
    klon = _sauberer_klon(tmp_path)
    erste = _venv(tmp_path / "venv-nutzerin")
    lauf([str(erste / "python"), "-m", "pip", "install", "-q", str(klon)])

    # 2. netzwerk init mit dieser Installation
    daten = tmp_path / "daten"
    r = lauf([str(erste / "netzwerk"), "init", str(daten)], cwd=tmp_path)
    angabe = f"netzwerk-cli @ {klon.resolve().as_uri()}"
    assert f"CI und pre-commit installieren: {angabe}" in r.stdout, r.stdout
    assert "lokalen Pfad" in r.stdout  # Hinweis: CI-Dienste erreichen den Pfad nicht
    workflow = yaml.safe_load((daten / ".github/workflows/netzwerk.yml").read_text(encoding="utf-8"))
    (zeile,) = [s["run"] for s in workflow["jobs"]["validate"]["steps"] if s.get("name") == "netzwerk installieren"]
    assert shlex.split(zeile) == ["python", "-m", "pip", "install", angabe]
    gitlab = yaml.safe_load((daten / ".gitlab-ci.yml").read_text(encoding="utf-8"))["netzwerk-validate"]["script"][0]
    assert gitlab == zeile

    # 3. die erzeugte Installationszeile in einer zweiten frischen Umgebung, wie die CI sie ausführt
    zweite = _venv(tmp_path / "venv-ci")
    ci = dict(umgebung, PATH=f"{zweite}{os.pathsep}{umgebung['PATH']}")
    lauf(["bash", "-e", "-c", zeile], env=ci, cwd=daten)
    r = lauf([str(zweite / "netzwerk"), "validate"], env=ci, cwd=daten)
    assert "keine Fehler" in r.stdout

    # 4. der erzeugte pre-commit-Hook mit dem echten pre-commit
    r = lauf([sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=daten)
    assert "netzwerk validate" in r.stdout and "Passed" in r.stdout
    # … und er prüft wirklich: ein Verweisfehler lässt ihn scheitern
    (daten / "personen" / "maria-muster.yaml").write_text("name: Maria Muster\norganisation: gibt-es-nicht\n", encoding="utf-8")
    r = subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files"], cwd=daten, env=umgebung, capture_output=True, text=True, timeout=900
    )
    assert r.returncode == 1 and "[ref-unbekannt]" in r.stdout, r.stdout + r.stderr
