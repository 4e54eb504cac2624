"""Der Fallkorpus in tests/faelle/ (nach dem Vorbild von check-jsonschema).

Jeder Fall ist ein Ordner tests/faelle/<regel-id>/<fall>/: ein kleines Datenrepository
(netzwerk.yaml und die nötigen Datensätze) plus `erwartet.yaml`:

    stichtag: 2024-12-01          # optional; sonst STANDARD_STICHTAG
    befunde:                      # erwartete Befunde
      - {datei: gremien/kreis.yaml, zeile: 14, regel: sitz-ueberbesetzt,
         spalte: 5, schwere: fehler, pfad: "$.mitglieder[3]", meldung: "Teiltext"}
    verknuepfungen:               # optional: symbolische Links, die der Test anlegt
      personen/a.yaml: b.yaml     #   (Pfad im Repository → Linkziel)
    ausserhalb:                   # optional: Dateien neben dem Repository (Ziele von Links)
      geheim.yaml: "name: x\\n"

`datei`, `zeile` und `regel` sind Pflicht; `spalte`, `pfad` und `meldung` (Teiltext)
werden geprüft, wenn sie angegeben sind. Fehlt `schwere`, gilt die Schwere aus DOMAIN.md.
`weitere: true` an einer Erwartung duldet weitere Befunde derselben Regel in derselben Datei
(z. B. die vielen Aliase einer „Billion Laughs“-Datei).
Links werden erzeugt statt eingecheckt (Git und Windows-Klone vertragen sie schlecht).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

from netzwerk_cli.grundlagen.regeln import REGISTER

FAELLE = Path(__file__).resolve().parent / "faelle"
STANDARD_STICHTAG = "2026-11-21"
GUELTIG = "gueltig"

# Schwere je Regel-id: DOMAIN.md („Findings and rule ids“) plus die zusätzlichen ids des Codes.
# Regel-ids von validate (ohne die nur mit --basis) und ihre Schwere: aus dem Verzeichnis des Pakets
SCHWERE = {r: eintrag.schwere for r, eintrag in REGISTER.items() if not eintrag.nur_basis}
# Regeln, deren Fälle Bytes brauchen, die nicht als Text eingecheckt werden (test_lader.py)
NUR_ERZEUGT = {"datei-kodierung"}


@dataclass(frozen=True)
class Fall:
    ordner: Path

    @property
    def regel(self) -> str:
        return self.ordner.parent.name

    @property
    def name(self) -> str:
        return f"{self.regel}/{self.ordner.name}"

    @property
    def erwartet(self) -> dict:
        daten = yaml.safe_load((self.ordner / "erwartet.yaml").read_text(encoding="utf-8"))
        if isinstance(daten, list):
            daten = {"befunde": daten}
        daten.setdefault("befunde", [])
        daten["stichtag"] = str(daten.get("stichtag") or STANDARD_STICHTAG)
        return daten


def alle_faelle() -> list[Fall]:
    return [Fall(p.parent) for p in sorted(FAELLE.glob("*/*/erwartet.yaml"))]


def bereitstellen(fall: Fall, ziel: Path) -> Path:
    """Kopiert den Fall nach `ziel/repo` (ohne erwartet.yaml) und legt Links an."""
    erwartet = fall.erwartet
    repo = ziel / "repo"
    shutil.copytree(
        fall.ordner, repo, ignore=lambda d, namen: ["erwartet.yaml"] if Path(d) == fall.ordner else []
    )
    for rel, text in (erwartet.get("ausserhalb") or {}).items():
        datei = ziel / rel
        datei.parent.mkdir(parents=True, exist_ok=True)
        datei.write_text(text, encoding="utf-8")
    for rel, linkziel in (erwartet.get("verknuepfungen") or {}).items():
        link = repo / rel
        link.parent.mkdir(parents=True, exist_ok=True)
        link.symlink_to(linkziel)
    return repo


def passt(befund, erwartung: dict) -> bool:
    """Trifft ein Befund eine Erwartung (Regel, Datei, Zeile; Schwere, Spalte, Pfad, Meldung)?"""
    schwere = erwartung.get("schwere") or SCHWERE.get(erwartung["regel"])
    return (
        befund.regel == erwartung["regel"]
        and befund.datei == erwartung["datei"]
        and befund.zeile == erwartung["zeile"]
        and befund.schwere == schwere
        and ("spalte" not in erwartung or befund.spalte == erwartung["spalte"])
        and ("pfad" not in erwartung or befund.pfad == erwartung["pfad"])
        and ("meldung" not in erwartung or str(erwartung["meldung"]) in befund.meldung)
    )


def abgleich(befunde, erwartet: list[dict], regel: str) -> tuple[list[dict], list]:
    """(nicht gefundene Erwartungen, unerwartete Befunde).

    Unerwartet ist jeder Fehler und jede Warnung der Regel des Falls, die keine Erwartung
    trifft; in den `gueltig`-Fällen jeder Befund überhaupt.
    """
    fehlend = [e for e in erwartet if not any(passt(b, e) for b in befunde)]
    geduldet = {(e["datei"], e["regel"]) for e in erwartet if e.get("weitere")}
    unerwartet = [
        b
        for b in befunde
        if (regel == GUELTIG or b.schwere == "fehler" or b.regel == regel)
        and not any(passt(b, e) for e in erwartet)
        and (b.datei, b.regel) not in geduldet
    ]
    return fehlend, unerwartet


def beschreibe(befunde) -> str:
    return "\n".join(f"  {b.datei}:{b.zeile}:{b.spalte}: {b.schwere} [{b.regel}] {b.meldung} ({b.pfad})" for b in befunde)
