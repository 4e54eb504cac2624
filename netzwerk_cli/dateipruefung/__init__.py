"""Was sich an einer Datei allein prüfen lässt: lesen, YAML, Schema – als Daten.

Das Ergebnis hängt nur vom Inhalt der Datei und ihrer Art ab (und von Werkzeug und Schemas).
Darum kann es zwischengespeichert (`zwischenspeicher`) und auf mehrere Prozesse verteilt
werden (`pruefe_alle`). Alles, was mehrere Datensätze verbindet (Verweise, Sitzregeln,
Lebenszyklus), prüfen danach die Prüfungen in `pruefungen/` im Hauptprozess.

Zwei Lesewege (siehe quellen.yamltext): Der schnelle liest gewöhnliche Dateien ohne Positionen und
prüft sie mit dem kompilierten Schema. Positionen braucht es nur für Befunde; dann wird die
Datei mit `lade_text` gelesen, und jsonschema liefert die genauen Meldungen.
"""

from __future__ import annotations

import gc
import hashlib
import os
import sys
from pathlib import Path
from typing import cast

from netzwerk_cli.grundlagen.befunde import json_pfad
from netzwerk_cli.grundlagen.ergebnis import Ergebnis
from netzwerk_cli.quellen import dateien, yamltext

# Unter so vielen Dateien lohnt kein zweiter Prozess (Start und Rückgabe kosten mehr).
MIN_DATEIEN_PARALLEL = 1500
# Ab so vielen Dateien, deren stat nicht mehr zum Speicher passt (frischer Klon, Checkout), wird
# Git nach den unveränderten Dateien gefragt (ein Aufruf kostet etwa so viel wie 100–200 Dateien zu lesen).
GIT_AB_ABWEICHUNGEN = 200
MAX_LESEBEFUNDE = 200  # je Datei einzeln gemeldete Lesebefunde (doppelte Schlüssel, YAML-1.1-Fallen …)


def pruefe_datei(art: str, pfad: Path | str, wurzel: Path, datei: str) -> Ergebnis:
    roh, probleme, merkmale = dateien.lies_roh_mit_merkmalen(pfad, wurzel)
    if roh is None:
        return Ergebnis(None, tuple(_tupel(p) for p in probleme), False, False, "")
    erg = pruefe_bytes(art, roh, datei, hashlib.sha256(roh).hexdigest())
    erg.merkmale = merkmale
    erg.blob = (blob_id(roh), len(roh))
    return erg


def blob_id(roh: bytes) -> str:
    """Die Git-Blob-id dieser Bytes (SHA-1 über „blob LÄNGE\\0“ und den Inhalt), wie `git hash-object`."""
    h = hashlib.sha1(b"blob %d\0" % len(roh), usedforsecurity=False)
    h.update(roh)
    return h.hexdigest()


def pruefe_bytes(art: str, roh: bytes, datei: str, pruefsumme: str) -> Ergebnis:
    from netzwerk_cli.dateipruefung import schemata

    text, probleme = yamltext.dekodiere(roh)
    if text is None:
        return Ergebnis(None, tuple(_tupel(p) for p in probleme), False, False, pruefsumme)
    daten = yamltext.lade_schnell(text)
    if daten is not yamltext.LANGSAM and schemata.schnellpruefer(art)(daten):
        return Ergebnis(daten, (), True, True, pruefsumme)
    return _genau(art, text, datei, pruefsumme)


def _genau(art: str, text: str, datei: str, pruefsumme: str) -> Ergebnis:
    """Der genaue Weg: lesen mit Positionen, jeder Befund mit Zeile und Spalte."""
    from netzwerk_cli.dateipruefung.schema import pruefe_dokument

    dok, probleme = yamltext.lade_text(text)
    befunde = [_tupel(p, art) for p in probleme[:MAX_LESEBEFUNDE]]
    if len(probleme) > MAX_LESEBEFUNDE:  # z. B. 100 000 doppelte Schlüssel: nicht die Ausgabe fluten
        schwer = "fehler" if any(p.schwere == "fehler" for p in probleme[MAX_LESEBEFUNDE:]) else "warnung"
        befunde.append((1, 1, schwer, probleme[MAX_LESEBEFUNDE].regel, f"mehr als {MAX_LESEBEFUNDE} Befunde beim Lesen dieser Datei; weitere werden nicht einzeln gemeldet", "$"))
    lesbar = dok is not None and not any(p.schwere == "fehler" for p in probleme)
    if not lesbar or dok is None:  # dok is None: schon in lesbar enthalten (für mypy)
        return Ergebnis(None, tuple(befunde), False, False, pruefsumme)
    if not isinstance(dok.daten, dict):
        typname = "eine Liste" if isinstance(dok.daten, list) else "ein einzelner Wert"
        zeile, spalte = dok.position(())
        befunde.append((zeile, spalte, "fehler", "schema", f"Datensatz muss eine Zuordnung (Schlüssel: Wert) sein, nicht {typname}", "$"))
        return Ergebnis(None, tuple(befunde), False, False, pruefsumme)
    schema_befunde, gueltig = pruefe_dokument(art, datei, dok)
    befunde.extend((b.zeile, b.spalte, b.schwere, b.regel, b.meldung, b.pfad) for b in schema_befunde)
    return Ergebnis(dok.daten, tuple(befunde), True, gueltig, pruefsumme)


def _tupel(p: yamltext.Problem, art: str | None = None) -> tuple:
    if art is not None and p.pfad:
        from netzwerk_cli.dateipruefung import schemata

        if schemata.ist_vertraulich(art, p.pfad):  # z. B. doppelter Schlüssel unter kontakt: nicht zitieren
            return (p.zeile, p.spalte, p.schwere, p.regel, schemata.lesemeldung_vertraulich(p.regel), schemata.pfad_anzeige(art, p.pfad))
    return (p.zeile, p.spalte, p.schwere, p.regel, p.meldung, json_pfad(p.pfad))


# --------------------------------------------------------------------------- parallel


def prozesse() -> int:
    """Zahl der Prozesse: NETZWERK_PROZESSE, sonst die verfügbaren Kerne (höchstens 8)."""
    wert = os.environ.get("NETZWERK_PROZESSE", "")
    if wert.strip().isdigit() and int(wert) > 0:
        return int(wert)
    try:
        kerne = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        kerne = os.cpu_count() or 1
    return max(1, min(kerne, 8))


def pruefe_alle(auftraege: list[tuple[str, str, str]], wurzel: Path) -> list[Ergebnis]:
    """Prüft (art, pfad, datei)-Aufträge; ab MIN_DATEIEN_PARALLEL Dateien auf mehrere Prozesse
    verteilt (fork, nur Linux). Schlägt das fehl, wird seriell geprüft – gleiches Ergebnis."""
    n = prozesse()
    if n > 1 and len(auftraege) >= MIN_DATEIEN_PARALLEL and sys.platform.startswith("linux"):
        try:
            return _parallel(auftraege, wurzel, n)
        except Exception:
            pass
    return [pruefe_datei(art, pfad, wurzel, datei) for art, pfad, datei in auftraege]


def abgleichen_und_pruefen(auftraege: list, wurzel: Path, speicher, alle: bool = True) -> tuple[list, dict[str, Ergebnis]]:
    """Die Stufe „jede Datei für sich“ mit Zwischenspeicher: gleicht die Aufträge mit dem Speicher
    ab, prüft nur die geänderten Dateien und trägt ihre Ergebnisse ein. Liefert die Metadaten je
    Auftrag und die frischen Ergebnisse (der Speicher selbst ruft nichts zurück)."""
    abgleich = speicher.abgleichen(auftraege, alle, bestaetigen=False)
    blobs = None
    if len(abgleich.unklar) >= GIT_AB_ABWEICHUNGEN:  # z. B. frischer Klon: Git weiß, was unverändert ist
        from netzwerk_cli.quellen import git

        blobs = git.unveraenderte_blobs(wurzel)
    speicher.bestaetigen(auftraege, abgleich, blobs)
    frisch = speicher.eintragen(auftraege, abgleich, pruefe_alle([auftraege[i] for i in abgleich.offen], wurzel))
    return abgleich.eintraege, frisch


def ergebnisse(auftraege: list, wurzel: Path, speicher=None, alle: bool = True) -> list[Ergebnis]:
    """Vollständige Ergebnisse (mit Daten) je Auftrag: aus dem Speicher, wo er sie hat, sonst neu
    geprüft (ohne Speicher: alles neu)."""
    if speicher is None:
        return pruefe_alle(auftraege, wurzel)
    eintraege, frisch = abgleichen_und_pruefen(auftraege, wurzel, speicher, alle)
    gefunden, fehlt = speicher.ergebnisse(auftraege, eintraege, frisch)
    for i, erg in zip(fehlt, pruefe_alle([auftraege[i] for i in fehlt], wurzel), strict=True):
        gefunden[i] = erg
        speicher.daten_nachtragen(auftraege[i][2], eintraege[i], erg)
    return cast(list[Ergebnis], gefunden)  # jede Lücke ist oben gefüllt


def _stueck(auftraege: list[tuple[str, Path, str]], wurzel: Path) -> list[Ergebnis]:
    gc.disable()  # im Kindprozess: nur azyklische Daten, die gleich zurückgegeben werden
    return [pruefe_datei(art, pfad, wurzel, datei) for art, pfad, datei in auftraege]


def _parallel(auftraege: list, wurzel: Path, n: int) -> list[Ergebnis]:
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from netzwerk_cli.dateipruefung import schemata

    for art in {a for a, _, _ in auftraege}:
        schemata.schnellpruefer(art)  # einmal kompilieren, die Kinder erben es (fork)
    groesse = max(50, min(500, len(auftraege) // (n * 8) + 1))
    stuecke = [auftraege[i : i + groesse] for i in range(0, len(auftraege), groesse)]
    ergebnisse: list[Ergebnis] = []
    with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
        for teil in pool.map(_stueck, stuecke, [wurzel] * len(stuecke)):
            ergebnisse.extend(teil)
    return ergebnisse


_kennung: bytes | None = None


def werkzeug_kennung() -> bytes:
    """32 Bytes: Format des Zwischenspeichers, Werkzeugversion, Programmcode, Schemas, Python, die
    Fassungen der Schemaprüfer (jsonschema-rs, jsonschema) – ändert sich eins, ist jeder
    gespeicherte Eintrag ungültig (der Schlüssel des Zwischenspeichers)."""
    global _kennung
    if _kennung is None:
        import sys

        from netzwerk_cli import __version__
        from netzwerk_cli.dateipruefung import schemata
        from netzwerk_cli.grundlagen.pfade import PAKET
        from netzwerk_cli.quellen.zwischenspeicher import FORMAT

        pruefer = f"{fassung('jsonschema_rs')}|{fassung('jsonschema')}"  # schneller Prüfer und Referenz
        h = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version_info[:2]}|{sys.byteorder}|{schemata.schema_hash()}|{pruefer}".encode())
        for datei in sorted(PAKET.rglob("*.py")):
            h.update(datei.relative_to(PAKET).as_posix().encode())
            h.update(datei.read_bytes())
        _kennung = h.digest()
    return _kennung


def fassung(paket: str) -> str:
    """Die installierte Fassung eines Pakets als Name seines dist-info-Ordners (z. B.
    `jsonschema_rs-0.61.2.dist-info`), ohne es zu importieren; `importlib.metadata` kostet beim
    Start mehr als die ganze Kennung. Nicht gefunden: ein fester Text (dann gilt der Speicher
    trotzdem nur für dieselbe Installation, weil jede andere einen Namen findet)."""
    import importlib.util

    spec = importlib.util.find_spec(paket)
    if spec is None or not spec.submodule_search_locations:
        return f"{paket}: nicht gefunden"
    namen: list[str] = []
    for ort in spec.submodule_search_locations:
        eltern = Path(ort).parent
        try:
            namen.extend(e.name for e in os.scandir(eltern) if e.name.startswith(f"{paket}-") and e.name.endswith(".dist-info"))
        except OSError:
            continue
    return ",".join(sorted(namen)) or f"{paket}: ohne dist-info"
