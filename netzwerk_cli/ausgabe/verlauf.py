"""Darstellung von `netzwerk verlauf`: Tabelle (Rich am Terminal, schlichte ausgerichtete
Spalten ohne Rahmen und Umbrüche bei Umleitung) und JSON."""

from __future__ import annotations

from rich import box
from rich.table import Table

from netzwerk_cli.grundlagen.escape import json_text, terminal
from netzwerk_cli.grundlagen.escape import rich as escape
from netzwerk_cli.historie import Historie


def als_json(h: Historie) -> str:
    return json_text(h.als_dict())


def _datum(iso: str) -> str:
    """'2026-11-21T10:15:00+01:00' → '2026-11-21 10:15' (Ortszeit der Autorin)."""
    return iso[:16].replace("T", " ") if len(iso) >= 16 else iso


def zeilen(h: Historie) -> tuple[list[str], list[list[str]]]:
    """Kopf und Zeilen der Tabelle (neueste zuerst)."""
    mit_status = h.art == "empfehlung"
    kopf = ["Datum", "Autor/in", "Commit", "Betreff"] + (["Status"] if mit_status else []) + ["Änderung"]
    ergebnis = []
    for e in h.eintraege:
        aenderung = f"{e.aenderung} (vorher {e.alte_datei})" if e.alte_datei else e.aenderung
        zeile = [_datum(e.datum), e.autor, e.commit[:8], e.betreff]  # Werte aus Git: in als_text maskiert
        if mit_status:
            zeile.append(e.statuswechsel or "–")
        zeile.append(aenderung)
        ergebnis.append([terminal(x) for x in zeile])
    return kopf, ergebnis


def _schlicht(kopf: list[str], daten: list[list[str]]) -> list[str]:
    breiten = [max(len(z[i]) for z in [kopf, *daten]) for i in range(len(kopf))]
    return ["  ".join(z[i].ljust(breiten[i]) for i in range(len(kopf))).rstrip() for z in [kopf, *daten]]


def als_text(h: Historie, konsole) -> None:
    titel = f"{h.art} {h.id} ({h.datei})"
    if h.geloescht:
        titel += " – gelöscht, nur noch in der Git-Geschichte"
    konsole.print(f"[bold]{escape(titel)}[/]")
    kopf, daten = zeilen(h)
    if not daten:
        konsole.print("Noch kein Commit enthält diese Datei.")
    elif konsole.is_terminal:
        t = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False, header_style="bold", padding=(0, 1))
        for name in kopf:
            t.add_column(name, no_wrap=name in ("Datum", "Commit"), overflow="fold", ratio=1 if name == "Betreff" else None)
        for z in daten:
            t.add_row(*(escape(x) for x in z))
        konsole.print(t)
    else:
        for zeile in _schlicht(kopf, daten):
            konsole.print(escape(zeile), soft_wrap=True)
    if daten:
        konsole.print(f"{len(daten)} Commit{'s' if len(daten) != 1 else ''}")
    if h.nicht_committet:
        konsole.print("Hinweis: die Datei hat Änderungen, die noch nicht committet sind.")
