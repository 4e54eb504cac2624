"""Darstellung einer Empfehlung (`empfehlung show`): Einzelansicht mit Zeitleiste als Text oder
JSON (der Bericht: `berichte.empfehlung`; die Liste: `ausgabe.listen`)."""

from __future__ import annotations

from netzwerk_cli.ausgabe.format import Darstellung, als_json, datum
from netzwerk_cli.grundlagen.escape import rich as escape
from netzwerk_cli.grundlagen.escape import rich_zeilen


def _mit_id(name: str | None, id_: str) -> str:
    """„Name (id)“, oder nur die id, wenn es keinen eigenen Namen gibt."""
    return f"{name} ({id_})" if name and name != id_ else id_


def einzeln_text(b: dict, konsole) -> None:
    konsole.print(f"[bold]Empfehlung {escape(b['id'])}[/]: {escape(b['titel'])}" + ("  [dim](Beispiel)[/]" if b["beispiel"] else ""))
    konsole.print(f"Datei: {escape(b['datei'])}")
    beschreibung = f" – {b['status_beschreibung']}" if b["status_beschreibung"].lower() != b["status_text"].lower() else ""
    seit = f" (seit {datum(b['status_seit'])})" if b["status_seit"] else ""
    konsole.print(f"Status: [bold]{escape(b['status_text'])}[/]{escape(beschreibung + seit)}")
    h = b["herkunft"]
    herkunft = f"{'Arbeitsgruppe' if h['art'] == 'arbeitsgruppe' else 'Gremium'} {_mit_id(h['name'], h['id'])}" if h else "–"
    eg = b["entscheidungsgremium"]
    konsole.print(f"Herkunft: {escape(herkunft)}; entscheidet: {escape(_mit_id(eg['name'], eg['id']) if eg else '–')}")
    w = b["wiedervorlage"]
    if w["faellig_seit"]:
        zuletzt = f", zuletzt befasst am {datum(w['letzte_pruefung'])}" if w["letzte_pruefung"] else ""
        konsole.print(
            f"[bold yellow]Wiedervorlage fällig[/] seit {escape(datum(w['faellig_seit']))} "
            f"(alle {w['monate']} Monate prüfen{escape(zuletzt)})"
        )
    if b["text"]:
        konsole.print()
        # mehrzeilig; jede Zeile eingerückt, damit keine Zeile mit einem Wert aus den Daten beginnt
        konsole.print("\n".join("  " + z for z in rich_zeilen(b["text"].strip()).split("\n")))
    konsole.print()
    konsole.print("[bold]Verlauf[/]")
    for v in b["verlauf"]:
        extra = []
        if v["sitzung"]:
            extra.append(f"Sitzung {v['sitzung']}")
        if v["durch"]:
            extra.append(f"durch {v['durch']}")
        zusatz = f" ({', '.join(extra)})" if extra else ""
        konsole.print(f"  {escape(v['datum'])}  ● {escape(v['status_text'])}{escape(zusatz)}")
        if v["notiz"]:
            konsole.print(f"              {escape(v['notiz'])}")
    if b["adressaten"]:
        konsole.print()
        konsole.print("[bold]Adressaten und Umsetzungsstand[/]")
        for a in b["adressaten"]:
            text = f"{a['stand_text']} (Bericht vom {a['datum']})" if a["datum"] else a["stand_text"]
            name = f" – {a['name']}" if a["name"] and a["name"] != a["organisation"] else ""
            konsole.print(f"  {escape(a['organisation'])}: {escape(text)}{escape(name)}")
    konsole.print()
    if b["naechste_schritte"]:
        hinweis = f"; ohne --nach: {b['ohne_nach']}" if b["ohne_nach"] else "; Entscheidung nötig (--nach)"
        konsole.print(f"Nächste mögliche Schritte: {escape(', '.join(b['naechste_schritte']))}{escape(hinweis)}")
    else:
        konsole.print("Endzustand – keine weiteren Schritte.")


# Formatname (`--format`) → Darstellung (ausgabe/format.py `Darstellung`)
DARSTELLUNG: dict[str, Darstellung] = {
    "text": einzeln_text,
    "json": lambda bericht, konsole: als_json(bericht),
}
