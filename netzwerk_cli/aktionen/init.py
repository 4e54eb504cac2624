"""`netzwerk init DIR`: ein neues Datenrepository anlegen.

Legt an: Git-Repository (Zweig `main`), `netzwerk.yaml`, die Ordner der Arten, eine README
für die Koordination, CI-Vorlagen (GitHub Actions, GitLab CI), `.pre-commit-config.yaml`,
Editor-Einstellungen (`.editorconfig`, `.vscode/` mit den Schemas für yaml-language-server),
eine Kopie der Schemas und auf Wunsch die mitgelieferten Beispieldaten. Danach wird alles
committet (wenn Git den Namen der Nutzerin kennt) und sofort geprüft.

Die Vorlagen liegen als Paketdaten in `netzwerk_cli/vorlagen/`; Platzhalter `@@NAME@@`
werden hier ersetzt (keine Template-Sprache: `${{ … }}` in GitHub-Workflows bleibt unberührt).
Steht ein Platzhalter allein auf einer Zeile, ist er ein Block: jede Zeile des Werts erhält
die Einrückung des Platzhalters, ein leerer Wert entfernt die Zeile.

Was CI und pre-commit mit pip installieren (die „Installationsangabe“), ermittelt und quotet
`aktionen/installation.py`.
"""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from netzwerk_cli import __version__
from netzwerk_cli.aktionen.installation import (
    Installation,
    _sichtbar,
    _steuerzeichen,
    ermittle_installation,
    installations_ersetzungen,
    pruefe_installation,
    yaml_skalar,
)
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ARTEN, NETZWERK_DATEI, ORDNER, ORDNER_VON_ART
from netzwerk_cli.grundlagen.befunde import Bericht
from netzwerk_cli.grundlagen.datum import heute as heute_iso
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.grundlagen.pfade import PAKET as PAKET_ORDNER
from netzwerk_cli.quellen import git
from netzwerk_cli.quellen.pseudonym import schluessel_holen

VORLAGEN = Path(__file__).resolve().parent / "vorlagen"
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
    "personen-README.md": "personen/README.md",
    "gremien-README.md": "gremien/README.md",
}
NAME_HOECHSTENS = 500  # wie „kurztext“ im Schema


@dataclass
class Ergebnis:
    ordner: Path
    commit: str | None  # None: Git kennt den Namen nicht; alles ist vorgemerkt, nicht committet
    bericht: Bericht
    beispiel: bool
    installation: Installation


def beispiel_ordner() -> Path:
    """Installiert: netzwerk_cli/_beispiel; im Quellbaum (auch editierbar): ../data."""
    paket = PAKET_ORDNER
    for kandidat in (paket / "_beispiel", paket.parent / "data"):
        if (kandidat / NETZWERK_DATEI).is_file():
            return kandidat
    raise EinrichtungsFehler("Beispieldaten nicht gefunden (Installation unvollständig).")


_BLOCK = re.compile(r"^([ \t]*)@@([A-Z_]+)@@[ \t]*\n", re.MULTILINE)


def vorlage(name: str, ersetzungen: dict[str, str]) -> str:
    text = (VORLAGEN / name).read_text(encoding="utf-8")

    def block(treffer: re.Match) -> str:
        einrueckung, platzhalter = treffer.groups()
        if platzhalter not in ersetzungen:
            return treffer.group(0)
        wert = ersetzungen[platzhalter]
        return "".join(f"{einrueckung}{zeile}\n" for zeile in wert.splitlines())

    text = _BLOCK.sub(block, text)
    for platzhalter, wert in ersetzungen.items():
        text = text.replace(f"@@{platzhalter}@@", wert)
    return text


def pruefe_name(name: str) -> str:
    """Der Name des Netzwerks: ohne Steuerzeichen, höchstens 500 Zeichen (sonst wäre netzwerk.yaml ungültig)."""
    if _steuerzeichen(name):
        raise EinrichtungsFehler(
            f"--name „{_sichtbar(name)}“ enthält Steuerzeichen oder Zeilenumbrüche; bitte einen Namen in einer Zeile "
            "ohne solche Zeichen angeben."
        )
    if len(name) > NAME_HOECHSTENS:
        raise EinrichtungsFehler(f"--name ist {len(name)} Zeichen lang; erlaubt sind höchstens {NAME_HOECHSTENS}.")
    return name


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


def _md_titel(name: str) -> str:
    """Der Name als Text einer Markdown-Überschrift (Zeichen mit Bedeutung maskiert, auch `#`)."""
    from netzwerk_cli.grundlagen.escape import markdown

    return markdown(name)  # maskiert auch „#“


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


def _pruefe_nicht_verschachtelt(ordner: Path) -> None:
    """Kein neues Datenrepository in einem vorhandenen (das gäbe ein Git-Repository im Git-Repository)."""
    ort = ordner.resolve()
    for kandidat in (ort, *ort.parents):
        if (kandidat / NETZWERK_DATEI).is_file():
            raise EinrichtungsFehler(
                f"„{ordner}“ liegt im Datenrepository „{kandidat}“ (dort liegt {NETZWERK_DATEI}). "
                "„netzwerk init“ legt kein Datenrepository in einem anderen an; bitte einen Ordner "
                "außerhalb wählen. Datensätze kommen in die Ordner des vorhandenen Repositorys."
            )


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
    _pruefe_nicht_verschachtelt(ordner)
    name = pruefe_name((name or ordner.name).strip() or "Neues Netzwerk")
    if installation is not None:
        angabe = Installation(pruefe_installation(installation), "angegeben")
    else:
        angabe = ermittle_installation()
    ersetzungen = {
        "NAME": yaml_skalar(name),
        "TITEL": _md_titel(name),
        "VERSION": __version__,
        **installations_ersetzungen(angabe),
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

    bericht = validiere(ordner.resolve(), stichtag or heute_iso())
    return Ergebnis(ordner, commit, bericht, beispiel, angabe)


def _dateien_anlegen(ordner: Path, ersetzungen: dict[str, str], beispiel: bool) -> None:
    for quelle, ziel in DATEIEN.items():
        _schreibe(ordner / ziel, vorlage(quelle, ersetzungen))
    _schreibe(ordner / ".vscode" / "settings.json", json.dumps(editor_einstellungen(), ensure_ascii=False, indent=2) + "\n")
    schema_quelle = schemata.schema_ordner()
    for art in ARTEN:
        name = f"{art}.schema.json"
        _schreibe(ordner / "schemas" / name, (schema_quelle / name).read_text(encoding="utf-8"))
    for art in ORDNER.values():
        if not (ordner / ORDNER_VON_ART[art] / "README.md").exists():  # Git speichert leere Ordner nicht
            _schreibe(ordner / ORDNER_VON_ART[art] / ".gitkeep", "")
    if beispiel:
        beispiele = beispiel_ordner()
        for pfad in sorted(beispiele.rglob("*")):
            rel = pfad.relative_to(beispiele)
            if pfad.is_dir() or rel.as_posix() == "README.md" or any(t.startswith(".") for t in rel.parts):
                continue
            (ordner / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pfad, ordner / rel)
    else:
        _schreibe(ordner / NETZWERK_DATEI, vorlage(NETZWERK_DATEI, ersetzungen))
    # Jedes neue Repository bekommt seinen eigenen Schlüssel für Pseudonyme (nie den der Beispieldaten)
    schluessel_holen(ordner, anlegen=True)
