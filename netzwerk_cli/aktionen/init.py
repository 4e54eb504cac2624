"""`netzwerk init DIR`: ein neues Datenrepository anlegen.

Legt an: Git-Repository (Zweig `main`), `netzwerk.yaml`, die Ordner der Arten, eine README
für die Koordination, CI-Vorlagen (GitHub Actions, GitLab CI), `.pre-commit-config.yaml`,
Editor-Einstellungen (`.editorconfig`, `.vscode/` mit den Schemas für yaml-language-server),
eine Kopie der Schemas und auf Wunsch die mitgelieferten Beispieldaten. Danach wird alles
committet (wenn Git den Namen der Nutzerin kennt) und sofort geprüft.

Die Vorlagen liegen als Paketdaten in `netzwerk_cli/vorlagen/`; Platzhalter `@@NAME@@`
werden hier ersetzt (keine Template-Sprache: `${{ … }}` in GitHub-Workflows bleibt unberührt).
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from netzwerk_cli import __version__
from netzwerk_cli.quellen import git
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.befunde import Bericht
from netzwerk_cli.grundlagen.arten import ARTEN, NETZWERK_DATEI, ORDNER, ORDNER_VON_ART
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.grundlagen.pfade import PAKET as PAKET_ORDNER

VORLAGEN = Path(__file__).resolve().parent / "vorlagen"
PAKET = "netzwerk-cli"
ZWEIG = "main"
COMMIT_NACHRICHT = "Datenrepository angelegt (netzwerk init)"

# Vorlage → Ziel im neuen Repository
DATEIEN = {
    "README.md": "README.md",
    "github-workflow.yml": ".github/workflows/netzwerk.yml",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "pre-commit-config.yaml": ".pre-commit-config.yaml",
    "editorconfig": ".editorconfig",
    "gitattributes": ".gitattributes",
    "gitignore": ".gitignore",
    "vscode-extensions.json": ".vscode/extensions.json",
}


@dataclass
class Ergebnis:
    ordner: Path
    commit: str | None  # None: Git kennt den Namen nicht; alles ist vorgemerkt, nicht committet
    bericht: Bericht
    beispiel: bool


def beispiel_ordner() -> Path:
    """Installiert: netzwerk_cli/_beispiel; im Quellbaum (auch editierbar): ../data."""
    paket = PAKET_ORDNER
    for kandidat in (paket / "_beispiel", paket.parent / "data"):
        if (kandidat / NETZWERK_DATEI).is_file():
            return kandidat
    raise EinrichtungsFehler("Beispieldaten nicht gefunden (Installation unvollständig).")


def standard_installation() -> str:
    """Was die CI-Vorlagen mit pip installieren: genau diese Version von netzwerk."""
    return f"{PAKET}=={__version__}"


def vorlage(name: str, ersetzungen: dict[str, str]) -> str:
    text = (VORLAGEN / name).read_text(encoding="utf-8")
    for platzhalter, wert in ersetzungen.items():
        text = text.replace(f"@@{platzhalter}@@", wert)
    return text


def editor_einstellungen() -> dict:
    """`.vscode/settings.json`: Schemas den Ordnern zuordnen (yaml-language-server)."""
    zuordnung = {"./schemas/netzwerk.schema.json": ["/netzwerk.yaml"]}
    for ordner, art in ORDNER.items():
        zuordnung[f"./schemas/{art}.schema.json"] = [f"/{ordner}/**/*.yaml"]
    return {
        "yaml.schemas": zuordnung,
        "yaml.validate": True,
        "yaml.completion": True,
        "yaml.schemaStore.enable": False,
        "files.encoding": "utf8",
        "files.eol": "\n",
        "[yaml]": {"editor.insertSpaces": True, "editor.tabSize": 2, "editor.detectIndentation": False},
    }


def _schreibe(ziel: Path, text: str) -> None:
    ziel.parent.mkdir(parents=True, exist_ok=True)
    ziel.write_bytes(text.encode("utf-8"))  # immer UTF-8 und LF, auch unter Windows


def _pruefe_ziel(ordner: Path) -> bool:
    """True, wenn der Ordner neu angelegt werden muss; Fehler, wenn er nicht leer ist."""
    if ordner.exists() and not ordner.is_dir():
        raise EinrichtungsFehler(f"„{ordner}“ ist eine Datei, kein Ordner.")
    if ordner.is_dir():
        if any(ordner.iterdir()):
            raise EinrichtungsFehler(
                f"Ordner „{ordner}“ ist nicht leer. „netzwerk init“ legt nur neue Datenrepositorys an; "
                "bitte einen neuen oder leeren Ordner angeben."
            )
        return False
    return True


def anlegen(
    ordner: Path,
    beispiel: bool = False,
    name: str | None = None,
    installation: str | None = None,
    stichtag: str | None = None,
) -> Ergebnis:
    """Legt das Datenrepository an, committet es und prüft es."""
    ordner = Path(ordner).absolute()
    neu = _pruefe_ziel(ordner)
    name = (name or ordner.name).strip() or "Neues Netzwerk"
    ersetzungen = {
        "NAME": json.dumps(name, ensure_ascii=False),  # JSON-Text ist gültiges YAML in Anführungszeichen
        "TITEL": name,
        "VERSION": __version__,
        "INSTALLATION": installation or standard_installation(),
    }
    try:
        ordner.mkdir(parents=True, exist_ok=True)
        git.init(ordner, ZWEIG)
        _dateien_anlegen(ordner, ersetzungen, beispiel)
        commit = git.alles_committen(ordner, COMMIT_NACHRICHT)
    except BaseException:
        if neu:
            shutil.rmtree(ordner, ignore_errors=True)
        else:
            for eintrag in list(ordner.iterdir()):  # der Ordner war leer: alles Angelegte entfernen
                if eintrag.is_dir() and not eintrag.is_symlink():
                    shutil.rmtree(eintrag, ignore_errors=True)
                else:
                    eintrag.unlink(missing_ok=True)
        raise
    from netzwerk_cli.validierung import validiere

    bericht = validiere(ordner.resolve(), stichtag or date.today().isoformat())
    return Ergebnis(ordner, commit, bericht, beispiel)


def _dateien_anlegen(ordner: Path, ersetzungen: dict[str, str], beispiel: bool) -> None:
    for quelle, ziel in DATEIEN.items():
        _schreibe(ordner / ziel, vorlage(quelle, ersetzungen))
    _schreibe(ordner / ".vscode" / "settings.json", json.dumps(editor_einstellungen(), ensure_ascii=False, indent=2) + "\n")
    schema_quelle = schemata.schema_ordner()
    for art in ARTEN:
        name = f"{art}.schema.json"
        _schreibe(ordner / "schemas" / name, (schema_quelle / name).read_text(encoding="utf-8"))
    for art in ORDNER.values():
        platzhalter = ordner / ORDNER_VON_ART[art] / ".gitkeep"
        _schreibe(platzhalter, "")
    if beispiel:
        quelle = beispiel_ordner()
        for pfad in sorted(quelle.rglob("*")):
            rel = pfad.relative_to(quelle)
            if pfad.is_dir() or rel.as_posix() == "README.md" or any(t.startswith(".") for t in rel.parts):
                continue
            (ordner / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pfad, ordner / rel)
    else:
        _schreibe(ordner / NETZWERK_DATEI, vorlage(NETZWERK_DATEI, ersetzungen))
