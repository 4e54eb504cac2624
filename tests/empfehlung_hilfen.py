"""Hilfen für die Tests von `netzwerk empfehlung …`: Testempfehlungen in jedem Zustand, eigens
angelegte Sitzungen mit Tagesordnung, Schnappschüsse des Datenrepositorys und Diff-Auswertung.

Die Testempfehlung „2026-050“ gehört zur AG Wohnraum (eingesetzt von der Steuerungsgruppe
Beispielkreis) und durchläuft den Hauptpfad zu festen Daten; die passenden Sitzungen legt
`sitzungen_anlegen` in die Kopie des Datenrepositorys.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from conftest import STICHTAG

ID = "2026-050"
DATEI = f"empfehlungen/2026/{ID}.yaml"
AG = "ag-wohnraum-fuer-gefluechtete"
GREMIUM = "steuerungsgruppe-beispielkreis"
ADRESSATEN = ["beispielkreis-amt-fuer-migration-und-integration", "stadt-beispielstadt"]

# Sitzungen der Steuerungsgruppe, die `sitzungen_anlegen` anlegt (die Beispieldaten haben 2026
# nur Sitzungen am 18.03. und 14.10.)
ENTSCHEIDUNG = f"{GREMIUM}-2026-04-22"  # beschlossen / abgelehnt / zurückverwiesen
PRUEFUNG = f"{GREMIUM}-2026-07-15"  # Umsetzung geprüft: umgesetzt / nicht_umgesetzt

# Der Hauptpfad der Testempfehlung: Zustand → Verlaufseintrag
SCHRITTE = {
    "entwurf": {"status": "entwurf", "datum": "2026-01-12", "durch": "AG Wohnraum für Geflüchtete"},
    "eingereicht": {"status": "eingereicht", "datum": "2026-02-02", "durch": "Felix Fiktiv (AG-Leitung)"},
    "beschlossen": {"status": "beschlossen", "datum": "2026-04-22", "sitzung": ENTSCHEIDUNG},
    "weitergeleitet": {"status": "weitergeleitet", "datum": "2026-05-04", "durch": "Geschäftsstelle Integration"},
    "in_umsetzung": {"status": "in_umsetzung", "datum": "2026-06-01"},
}
BERICHT = {"adressat": ADRESSATEN[0], "datum": "2026-07-01", "stand": "teilweise", "bericht": "Erste Sprechstunde eingerichtet."}


def eintrag_zeilen(eintrag: dict, strich: str = "  ") -> list[str]:
    """Ein Listeneintrag im Stil der Beispieldaten („  - status: …“, Schlüssel darunter eingerückt)."""
    zeilen = []
    for i, (k, v) in enumerate(eintrag.items()):
        zeilen.append(f"{strich}- {k}: {v}\n" if i == 0 else f"{strich}  {k}: {v}\n")
    return zeilen


def empfehlung_text(
    verlauf: list[dict],
    adressaten: list[str] | None = None,
    umsetzung: list[dict] | None = None,
    *,
    titel: str | None = "Sprechstunde Wohnen im Landratsamt",
    text: str | None = "Das Amt richtet eine wöchentliche Sprechstunde zur Wohnungssuche ein.",
    herkunft: str | None = f"arbeitsgruppe: {AG}",
    entscheidungsgremium: str | None = GREMIUM,
) -> str:
    """Der Text einer Testempfehlung; `status` ist der Status des letzten Verlaufseintrags."""
    zeilen = ["# Testempfehlung: dieser Kommentar muss jeden Schritt überstehen.\n"]
    if titel is not None:
        zeilen.append(f"titel: {titel}\n")
    if text is not None:
        zeilen.append(f"text: {text}\n")
    if herkunft is not None:
        zeilen.append(f"{herkunft}\n")
    if entscheidungsgremium is not None:
        zeilen.append(f"entscheidungsgremium: {entscheidungsgremium}\n")
    if adressaten:
        zeilen.append("adressaten:\n")
        zeilen += [f"  - {a}\n" for a in adressaten]
    zeilen.append(f"status: {verlauf[-1]['status']}\n")
    zeilen.append("verlauf:\n")
    for e in verlauf:
        zeilen += eintrag_zeilen(e)
    if umsetzung:
        zeilen.append("umsetzung:\n")
        for u in umsetzung:
            zeilen += eintrag_zeilen(u)
    return "".join(zeilen)


def verlauf_bis(status: str) -> list[dict]:
    """Verlauf des Hauptpfads bis einschließlich `status`."""
    reihe = list(SCHRITTE)
    return [dict(SCHRITTE[s]) for s in reihe[: reihe.index(status) + 1]]


def zustand(status: str, mit_bericht: bool = False) -> dict:
    """Argumente für `empfehlung_text`: die Testempfehlung im Zustand `status` des Hauptpfads."""
    weiter = status in ("weitergeleitet", "in_umsetzung")
    return {
        "verlauf": verlauf_bis(status),
        "adressaten": list(ADRESSATEN) if weiter else None,
        "umsetzung": [dict(BERICHT)] if mit_bericht else None,
    }


def schreibe_empfehlung(wurzel: Path, text: str | bytes, datei: str = DATEI) -> Path:
    pfad = wurzel / datei
    pfad.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    pfad.write_bytes(text)
    return pfad


def sitzung_text(datum: str, empfehlungen: list[str], gremium: str = GREMIUM, status: str = "durchgefuehrt", ergebnis: str | None = None) -> str:
    zeilen = [
        "# Für den Test angelegte Sitzung\n",
        f"gremium: {gremium}\n",
        f"datum: {datum}\n",
        "ort: Landratsamt Beispielkreis\n",
        f"status: {status}\n",
        "tagesordnung:\n",
        "  - nummer: 1\n",
        "    titel: Handlungsempfehlungen\n",
        "    empfehlungen:\n",
    ]
    zeilen += [f'      - "{e}"\n' for e in empfehlungen]
    if ergebnis:
        zeilen += ["    beschluss:\n", f"      ergebnis: {ergebnis}\n"]
    return "".join(zeilen)


def sitzung_anlegen(wurzel: Path, sitzung_id: str, datum: str, empfehlungen: list[str], **kwargs) -> Path:
    pfad = wurzel / "sitzungen" / datum[:4] / f"{sitzung_id}.yaml"
    pfad.parent.mkdir(parents=True, exist_ok=True)
    pfad.write_text(sitzung_text(datum, empfehlungen, **kwargs), encoding="utf-8")
    return pfad


def sitzungen_anlegen(wurzel: Path, empfehlung: str = ID) -> None:
    """Die Entscheidungs- und die Prüfsitzung der Steuerungsgruppe, beide mit `empfehlung` auf der Tagesordnung."""
    sitzung_anlegen(wurzel, ENTSCHEIDUNG, "2026-04-22", [empfehlung])
    sitzung_anlegen(wurzel, PRUEFUNG, "2026-07-15", [empfehlung])


def repo_im_zustand(wurzel: Path, status: str, mit_bericht: bool = False, **text_kwargs) -> Path:
    """Legt Sitzungen und die Testempfehlung im Zustand `status` an; liefert den Pfad der Empfehlung."""
    sitzungen_anlegen(wurzel)
    return schreibe_empfehlung(wurzel, empfehlung_text(**zustand(status, mit_bericht), **text_kwargs))


def schnappschuss(wurzel: Path) -> dict[str, bytes]:
    """Alle Dateien (auch versteckte, außer .git) mit Inhalt: für „nichts geändert“."""
    return {
        p.relative_to(wurzel).as_posix(): p.read_bytes()
        for p in sorted(wurzel.rglob("*"))
        if p.is_file() and ".git" not in p.relative_to(wurzel).parts
    }


def fehler_fuer(wurzel: Path, datei: str, stichtag: str | None = None) -> list[str]:
    """Fehler (nicht Warnungen), die `validiere` zu dieser Datei meldet. Standard-Stichtag: STICHTAG,
    aber nie vor heute – Befehle ohne --datum schreiben das heutige Datum, und ein Verlaufsschritt
    nach dem Stichtag ist ein Fehler (verlauf-zukunft)."""
    from datetime import date

    from netzwerk_cli.validierung import validiere

    stichtag = stichtag or max(STICHTAG, date.today().isoformat())

    bericht = validiere(Path(wurzel).resolve(), stichtag, [Path(wurzel).resolve() / datei])
    return [f"{b.datei}:{b.zeile}: [{b.regel}] {b.meldung}" for b in bericht.befunde if b.schwere == "fehler"]


def aenderungen(alt: str | bytes, neu: str | bytes) -> tuple[list[str], list[str]]:
    """(entfernte Zeilen, hinzugefügte Zeilen) eines Zeilen-Diffs; Zeilenenden bleiben erhalten."""
    if isinstance(alt, bytes):
        alt = alt.decode("utf-8")
    if isinstance(neu, bytes):
        neu = neu.decode("utf-8")
    weg, dazu = [], []
    for z in difflib.unified_diff(alt.splitlines(keepends=True), neu.splitlines(keepends=True), n=0):
        if z.startswith(("---", "+++", "@@")):
            continue
        (weg if z.startswith("-") else dazu).append(z[1:])
    return weg, dazu


def lies(pfad: Path) -> dict:
    from netzwerk_cli.quellen import yamltext

    dok, probleme = yamltext.lade_text(pfad.read_bytes().decode("utf-8-sig"))
    assert dok is not None, probleme
    return dok.daten
