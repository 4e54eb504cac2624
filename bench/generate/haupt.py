"""Aufruf `python -m bench.generate`: Welt erzeugen, Fehler einbauen, Dateien schreiben,
Beschreibung (.bench.json) und erwartete Befunde (.erwartet.json) ablegen, auf Wunsch selbst prüfen."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from bench.generate.fehler import fehler_einbauen
from bench.generate.modell import GENERATOR_VERSION, ORDNER, STICHTAG
from bench.generate.welt import Welt
from bench.generate.yamltext import als_yaml
from netzwerk_cli.grundlagen.arten import pruefe_id
from netzwerk_cli.quellen import yamltext


def schreiben(ziel: Path, w: Welt) -> None:
    ordner_da: set[Path] = set()
    (ziel / "netzwerk.yaml").write_text(als_yaml(w.netzwerk), encoding="utf-8")
    for d in w.dateien:
        pfad = ziel / d.pfad
        if pfad.parent not in ordner_da:
            pfad.parent.mkdir(parents=True, exist_ok=True)
            ordner_da.add(pfad.parent)
        if d.roh is not None:
            pfad.write_bytes(d.roh)
        else:
            pfad.write_bytes((d.text if d.text is not None else als_yaml(d.daten, d.kommentar)).encode("utf-8"))


def selbstpruefung(ziel: Path, w: Welt) -> list[str]:
    """Jeder fehlerfreie Datensatz: schema-gültig, gültige id, und der geschriebene Text ergibt mit
    dem Lader von netzwerk (`yamltext.lade_text`) ohne jeden Hinweis genau die erzeugten Daten."""
    from jsonschema import Draft202012Validator

    schemas = Path(__file__).resolve().parents[2] / "schemas"
    validatoren = {}
    for art in ("netzwerk", *ORDNER):
        with open(schemas / f"{art}.schema.json", encoding="utf-8") as f:
            validatoren[art] = Draft202012Validator(json.load(f), format_checker=Draft202012Validator.FORMAT_CHECKER)
    probleme = []
    eintraege = [("netzwerk", "netzwerk.yaml", w.netzwerk)] + [(d.art, d.pfad, d.daten) for d in w.dateien if not d.fehler]
    for art, pfad, daten in eintraege:
        for f in validatoren[art].iter_errors(daten):
            probleme.append(f"{pfad}: Schema: {'/'.join(map(str, f.absolute_path))}: {f.message}")
        dok, hinweise = yamltext.lade_text((ziel / pfad).read_text(encoding="utf-8"))
        if dok is None or hinweise or dok.daten != daten:
            probleme.append(f"{pfad}: der geschriebene YAML-Text ergibt andere Daten")
        if art != "netzwerk" and pruefe_id(pfad.rsplit("/", 1)[1][: -len(".yaml")]):
            probleme.append(f"{pfad}: ungültige id")
    return probleme


def erzeuge(ziel: Path, n: int, seed: int = 1, fehler: int = 0, pruefen: bool = False) -> dict:
    """Erzeugt das Repository in `ziel` (neu oder leer) und liefert die Beschreibung (.bench.json)."""
    ziel = Path(ziel)
    if ziel.exists() and any(ziel.iterdir()):
        raise SystemExit(f"Fehler: {ziel} ist nicht leer; bitte einen neuen oder leeren Ordner angeben.")
    ziel.mkdir(parents=True, exist_ok=True)
    w = Welt(n, seed)
    w.erzeugen()
    aenderung = next(d for d in w.dateien if d.meta.get("veranstaltung") and "notiz" not in d.daten)
    geschuetzt = {w.entwurf.pfad, aenderung.pfad}
    erwartet = fehler_einbauen(w, fehler, geschuetzt) if fehler else []
    schreiben(ziel, w)
    je_art: dict[str, int] = {}
    for d in w.dateien:
        je_art[d.art] = je_art.get(d.art, 0) + 1
    beschreibung = {
        "generator_version": GENERATOR_VERSION,
        "seed": seed,
        "datensaetze_ziel": n,
        "dateien": len(w.dateien) + 1,
        "je_art": {"netzwerk": 1, **dict(sorted(je_art.items()))},
        "laender": w.laender,
        "landkreise": w.kreise,
        "stichtag": STICHTAG.isoformat(),
        "entwurf": w.entwurf.pfad.rsplit("/", 1)[1][: -len(".yaml")],
        "aenderungsdatei": aenderung.pfad,
        "fehler": len(erwartet),
    }
    if erwartet:
        (ziel / ".erwartet.json").write_text(json.dumps(erwartet, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if pruefen:
        probleme = selbstpruefung(ziel, w)
        beschreibung["selbstpruefung"] = "ok" if not probleme else f"{len(probleme)} Probleme"
        if probleme:
            for p in probleme[:50]:
                print(p, file=sys.stderr)
            raise SystemExit(f"Selbstprüfung: {len(probleme)} Probleme")
    (ziel / ".bench.json").write_text(json.dumps(beschreibung, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return beschreibung


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench.generate", description="Synthetisches Datenrepository für Messungen erzeugen.")
    p.add_argument("ziel", metavar="DIR", type=Path, help="neuer oder leerer Ordner")
    p.add_argument("--datensaetze", type=int, default=10000, metavar="N", help="ungefähre Zahl der Datensatzdateien (Standard 10000)")
    p.add_argument("--fehler", type=int, default=0, metavar="K", help="K bekannte Fehler einbauen und in DIR/.erwartet.json auflisten")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="Startwert des Zufallsgenerators (Standard 1)")
    p.add_argument("--pruefen", action="store_true", help="jeden Datensatz gegen sein JSON Schema prüfen und zurücklesen")
    a = p.parse_args(argv)
    if a.datensaetze < 1 or a.fehler < 0:
        p.error("N muss positiv und K nicht negativ sein")
    b = erzeuge(a.ziel, a.datensaetze, a.seed, a.fehler, a.pruefen)
    arten = ", ".join(f"{k} {v}" for k, v in b["je_art"].items())
    print(f"{b['dateien']} Dateien in {a.ziel} ({b['laender']} Länder, {b['landkreise']} Landkreise): {arten}")
    if b["fehler"]:
        print(f"{b['fehler']} Fehler eingebaut, erwartet in {a.ziel / '.erwartet.json'}")
    if "selbstpruefung" in b:
        print(f"Selbstprüfung: {b['selbstpruefung']}")
    return 0
