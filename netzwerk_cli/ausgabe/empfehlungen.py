"""Darstellung einer Empfehlung: Einzelansicht mit Zeitleiste (die Liste: `ausgabe.listen`)."""

from __future__ import annotations

from netzwerk_cli.aktionen.empfehlungen import umsetzungsstand
from netzwerk_cli.grundlagen.escape import rich as escape
from netzwerk_cli.grundlagen.escape import rich_zeilen
from netzwerk_cli.regelwerk import lebenszyklus

STAND_TEXT = {"offen": "offen", "teilweise": "teilweise umgesetzt", "vollstaendig": "vollständig umgesetzt", "abgelehnt": "abgelehnt"}


def einzeln_text(id_: str, datei: str, e: dict, konsole) -> None:
    t = lebenszyklus.tabelle()
    konsole.print(f"[bold]Empfehlung {escape(id_)}[/]: {escape(e.get('titel', ''))}" + ("  [dim](Beispiel)[/]" if e.get("beispiel") else ""))
    konsole.print(f"Datei: {escape(datei)}")
    konsole.print(f"Status: [bold]{escape(e['status'])}[/] ({escape(t.beschreibung(e['status']))})")
    herkunft = f"Arbeitsgruppe {e['arbeitsgruppe']}" if e.get("arbeitsgruppe") else f"Gremium {e.get('gremium', '–')}"
    konsole.print(f"Herkunft: {escape(herkunft)}; entscheidet: {escape(e.get('entscheidungsgremium') or '–')}")
    if e.get("text"):
        konsole.print()
        # mehrzeilig; jede Zeile eingerückt, damit keine Zeile mit einem Wert aus den Daten beginnt
        konsole.print("\n".join("  " + z for z in rich_zeilen(e["text"].strip()).split("\n")))
    konsole.print()
    konsole.print("[bold]Verlauf[/]")
    for v in e.get("verlauf") or []:
        extra = []
        if v.get("sitzung"):
            extra.append(f"Sitzung {v['sitzung']}")
        if v.get("durch"):
            extra.append(f"durch {v['durch']}")
        zusatz = f" ({', '.join(extra)})" if extra else ""
        konsole.print(f"  {escape(v['datum'])}  ● {escape(v['status'])}{escape(zusatz)}")
        if v.get("notiz"):
            konsole.print(f"              {escape(v['notiz'])}")
    if e.get("adressaten"):
        konsole.print()
        konsole.print("[bold]Adressaten und Umsetzungsstand[/]")
        stand = umsetzungsstand(e)
        for a in e["adressaten"]:
            u = stand.get(a)
            text = f"{STAND_TEXT[u['stand']]} (Bericht vom {u['datum']})" if u else "noch kein Bericht"
            konsole.print(f"  {escape(a)}: {escape(text)}")
    konsole.print()
    naechste = t.naechste(e["status"])
    haupt = t.hauptpfad(e["status"])
    if naechste:
        hinweis = f"; ohne --nach: {haupt}" if haupt else "; Entscheidung nötig (--nach)"
        konsole.print(f"Nächste mögliche Schritte: {escape(', '.join(naechste))}{escape(hinweis)}")
    else:
        konsole.print("Endzustand – keine weiteren Schritte.")
