"""`netzwerk gremium show` darstellen: Text (Rich), Markdown und JSON."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from netzwerk_cli.ausgabe.format import Darstellung, als_json, datum, md_tabelle, md_text
from netzwerk_cli.ausgabe.layout import Tabelle, aufzaehlung, druck, tabelle, text
from netzwerk_cli.ausgabe.status.wortlaut import beispiel, besetzt_text, fassung, sitze_zusammenfassung
from netzwerk_cli.grundlagen import escape

NICHT_OEFFENTLICH = "(Name nicht öffentlich)"
VAKANT = "– vakant –"


def als_json_text(bericht: dict) -> str:
    return als_json(bericht)


def person_text(z: dict) -> str:
    if z["art"] == "vakant":
        return VAKANT
    if z["art"] == "offen":
        return "keine Mitglieder erfasst"
    if z["name"]:
        return z["name"]
    return NICHT_OEFFENTLICH if z["nicht_oeffentlich"] else (z["person"] or "unbekannt")


def organisation_text(z: dict) -> str:
    if z["art"] == "vakant" and z.get("vakant_fuer"):
        return f"für: {z['vakant_fuer']}"
    return z["organisation_name"] or ""


def seit_text(z: dict) -> str:
    if z["art"] in ("vakant", "offen"):
        return ""
    text = datum(z["seit"], "unbekannt")
    return f"{text} bis {datum(z['bis'])}" if z.get("bis") else text


def stellvertretung_text(z: dict) -> str:
    return ", ".join(p["bezeichnung"] for p in z["stellvertretung"])


def rhythmus(gr: dict) -> str | None:
    s = gr.get("sitzungen_pro_jahr")
    if not s:
        return None
    return f"{s['min']}" if s["min"] == s["max"] else f"{s['min']}–{s['max']} Sitzungen je Jahr"


def kopfzeilen(bericht: dict) -> list[tuple[str, str]]:
    gr = bericht["gremium"]
    zeilen = [("Art", gr["art_text"])]
    if gr["organisation_name"]:
        zeilen.append(("angesiedelt bei", gr["organisation_name"]))
    if gr["gegruendet"]:
        zeilen.append(("gegründet", datum(gr["gegruendet"])))
    if rhythmus(gr):
        zeilen.append(("Sitzungen", rhythmus(gr)))
    b = gr.get("beschlussfaehigkeit") or {}
    if b.get("text") or b.get("mindestens_anwesend"):
        zeilen.append(("Beschlussfähigkeit", b.get("text") or f"mindestens {b['mindestens_anwesend']} Anwesende"))
    zeilen.append(("Besetzung", sitze_zusammenfassung(bericht)))
    return zeilen


def _gruppen_zeilen(bericht: dict) -> list[tuple[dict | None, list[dict]]]:
    """Zeilen nach Sitzgruppen, in der Reihenfolge des Gremiums; zuletzt ohne Sitzgruppe."""
    gruppen = {sg["id"]: sg for sg in bericht["sitzgruppen"]}
    ergebnis: list[tuple[dict | None, list[dict]]] = []
    for sg in bericht["sitzgruppen"]:
        ergebnis.append((sg, [z for z in bericht["zeilen"] if z["sitzgruppe"] == sg["id"]]))
    ohne = [z for z in bericht["zeilen"] if z["sitzgruppe"] not in gruppen]
    if ohne:
        ergebnis.append((None, ohne))
    return ergebnis


# --------------------------------------------------------------------------- Text


def als_text(bericht: dict, konsole: Console) -> None:
    bericht = escape.tief(bericht)  # einzeilig, Steuerzeichen sichtbar (ausgabe/escape.py)
    gr = bericht["gremium"]
    kopf = Tabelle.grid(padding=(0, 2))
    kopf.add_column(style="bold", no_wrap=True)
    kopf.add_column(overflow="fold")
    for k, v in kopfzeilen(bericht):
        kopf.add_row(k, text(v))
    kopf.add_row("Stand", text(f"{datum(bericht['stichtag'])} · {fassung(bericht)}"))
    druck(konsole, Panel(kopf, title=text(beispiel(gr["name"], gr["beispiel"]), "bold"), title_align="left", box=box.ROUNDED))

    for sg, zeilen in _gruppen_zeilen(bericht):
        if sg is not None:
            titel = Text(sg["name"], style="bold")
            titel.append(f" · {besetzt_text(sg)} besetzt", style="")
            if sg["vakant"]:
                titel.append(f" · {sg['vakant']} vakant", style="yellow")
            if sg["ueberbesetzt"]:
                titel.append(f" · {sg['ueberbesetzt']} überbesetzt", style="bold red")
            titel.append("\n" + sg["regel"], style="dim")
        else:
            titel = Text("Ohne Sitzgruppe (nicht gezählt)", style="bold yellow")
        druck(konsole)
        t = tabelle(
            ("Person und Rolle", {"ratio": 3}),
            ("Organisation", {"ratio": 2}),
            ("seit", {"no_wrap": True}),
            ("Stellvertretung", {"ratio": 2}),
            title=titel,
            title_justify="left",
        )
        for z in zeilen:
            stil = "yellow" if z["art"] in ("vakant", "offen") else ("dim" if z["nicht_oeffentlich"] and not z["name"] else "bold")
            person = Text(person_text(z), style=stil)
            if z["rolle"]:
                person.append("\n" + z["rolle"], style="")
            t.add_row(
                person,
                text(organisation_text(z), "italic" if z["art"] == "vakant" else ""),
                seit_text(z),
                text(stellvertretung_text(z)),
                end_section=True,
            )
        druck(konsole, t)

    if gr["aufgaben"]:
        druck(konsole)
        druck(konsole, text("Aufgaben", "bold"))
        druck(konsole, aufzaehlung(gr["aufgaben"]))


# --------------------------------------------------------------------------- Markdown


def als_markdown(bericht: dict) -> str:
    gr = bericht["gremium"]
    z = [f"# {md_text(beispiel(gr['name'], gr['beispiel']))}", "", f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", ""]
    z += [md_tabelle(["Angabe", "Wert"], [list(kv) for kv in kopfzeilen(bericht)]), ""]
    z += ["## Zusammensetzung", ""]
    zeilen = []
    for sg, gruppe in _gruppen_zeilen(bericht):
        name = sg["name"] if sg else "ohne Sitzgruppe (nicht gezählt)"
        for x in gruppe:
            zeilen.append([name, person_text(x), organisation_text(x), x["rolle"] or "", seit_text(x), stellvertretung_text(x)])
    if zeilen:
        z += [md_tabelle(["Sitzgruppe", "Person", "Organisation", "Rolle", "seit", "Stellvertretung"], zeilen), ""]
    else:
        z += ["Keine Sitzgruppen und keine Mitglieder erfasst.", ""]
    if bericht["sitzgruppen"]:
        z += ["## Sitzgruppen und Regeln", ""]
        z += [
            md_tabelle(
                ["Sitzgruppe", "Regel", "besetzt", "vakant", "überbesetzt"],
                [[sg["name"], sg["regel"], besetzt_text(sg), sg["vakant"] if sg["sitze"] is not None else "–", sg["ueberbesetzt"] or "–"] for sg in bericht["sitzgruppen"]],
                {2, 3, 4},
            ),
            "",
        ]
    if gr["aufgaben"]:
        z += ["## Aufgaben", ""] + [f"- {md_text(a)}" for a in gr["aufgaben"]] + [""]
    return "\n".join(z)


# --------------------------------------------------------------------------- Übersicht (show ohne ID)


def _uebersicht_text(eintraege: list[dict], konsole: Console) -> None:
    if not eintraege:
        druck(konsole, "Keine Gremien in gremien/.")
        return
    t = Tabelle(title="Gremien (Details: netzwerk gremium show ID)", title_justify="left", box=None, show_header=True)
    t.add_column("id", no_wrap=True)
    t.add_column("Name")
    for g in eintraege:
        t.add_row(Text(g["id"]), Text(g["name"] or "(fehlerhaft)"))
    druck(konsole, t)


# Formatname (`--format`) → Darstellung (ausgabe/format.py `Darstellung`)
DARSTELLUNG: dict[str, Darstellung] = {
    "text": als_text,
    "markdown": lambda bericht, konsole: als_markdown(bericht),
    "json": lambda bericht, konsole: als_json_text(bericht),
}

UEBERSICHT: dict[str, Darstellung] = {
    "text": _uebersicht_text,
    "markdown": lambda eintraege, konsole: md_tabelle(["id", "Name"], [[g["id"], g["name"] or "(fehlerhaft)"] for g in eintraege]),
    "json": lambda eintraege, konsole: als_json({"gremien": eintraege}),
}
