"""`netzwerk status` darstellen: Text (Rich: Tabellen und Rahmen, lesbar ab 80 Spalten und
ohne Farbe bei Umleitung), Markdown (GitHub/GitLab-Tabellen) und JSON (docs/status.schema.json)."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.text import Text

from netzwerk_cli.ausgabe.format import als_json, datum, md_tabelle, md_text, mehrzahl
from netzwerk_cli.ausgabe.layout import druck as _druck
from netzwerk_cli.ausgabe.layout import eingerueckt
from netzwerk_cli.ausgabe.layout import tabelle as _tabelle
from netzwerk_cli.ausgabe.layout import text as _t
from netzwerk_cli.ausgabe.layout import zahl as _zahl
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, UMSETZUNGSSTAND
from netzwerk_cli.berichte.grundlagen import OFFENE_STATUS

MAX_OFFENE = 5  # Text und Markdown zeigen die ältesten offenen Empfehlungen; JSON alle

BEWERTUNG = {
    "im_rahmen": "im Rahmen",
    "zu_wenig": "zu wenige",
    "zu_viel": "zu viele",
    "laufend": "laufendes Jahr",
    "gruendungsjahr": "Gründungsjahr",
    "ohne_vorgabe": "",
}
_FARBE = {"zu_wenig": "bold red", "zu_viel": "bold red", "im_rahmen": "green", "laufend": "cyan"}

LEGENDE = "vakant = unbesetzt oder nicht erfasst · (Beispiel) = erfundenes Beispiel, keine Tatsache"


def als_json_text(bericht: dict) -> str:
    return als_json(bericht)


# --------------------------------------------------------------------------- gemeinsame Texte


def fassung(bericht: dict) -> str:
    return "öffentliche Fassung" if bericht["oeffentlich"] else "interne Fassung (mit Namen, nicht zur Veröffentlichung)"


def titel(bericht: dict) -> str:
    n = bericht["netzwerk"]
    return n.get("name") or n.get("kurzname") or "Netzwerk"


def beispiel(name: str, ist_beispiel: bool) -> str:
    return f"{name} (Beispiel)" if ist_beispiel else name


def sitze_zusammenfassung(gr: dict) -> str:
    s = gr["sitze"]
    if not gr["sitzgruppen"]:
        return "keine Sitzgruppen festgelegt"
    fest = sum(sg["besetzt"] for sg in gr["sitzgruppen"] if sg["sitze"] is not None)
    frei = s["besetzt"] - fest
    teile = [f"{fest} von {s['gesamt']} Sitzen besetzt" if s["gesamt"] else "keine festen Sitze"]
    if s["sitzzahl_offen"] and frei:
        teile[0] += f", dazu {frei} in Sitzgruppen ohne feste Zahl"
    teile.append(f"{s['vakant']} vakant" if s["vakant"] else "keine vakant")
    if s["ueberbesetzt"]:
        teile.append(f"{s['ueberbesetzt']} überbesetzt")
    return " · ".join(teile)


def besetzt_text(sg: dict) -> str:
    return f"{sg['besetzt']} / {sg['sitze'] if sg['sitze'] is not None else 'offen'}"


def zeige_jahr(j: dict, soll: dict | None) -> bool:
    """Ohne vorgesehenen Rhythmus zeigen Text und Markdown nur Jahre mit Sitzungen."""
    return soll is not None or bool(j["anzahl"] or j["geplant"] or j["abgesagt"])


def bewertung_text(j: dict) -> str:
    teile = [BEWERTUNG[j["bewertung"]]] if BEWERTUNG[j["bewertung"]] else []
    if j.get("noch_zu_planen"):
        teile.append(f"noch {j['noch_zu_planen']} zu planen")
    if j.get("abgesagt"):
        teile.append(f"{j['abgesagt']} abgesagt")
    return ", ".join(teile)


def sitzungsjahr(j: dict) -> str:
    text = f"{j['jahr']}: {j['anzahl']}"
    if j.get("geplant"):
        text += f" + {j['geplant']} geplant"
    zusatz = bewertung_text(j)
    return f"{text} ({zusatz})" if zusatz else text


def sitzungen_soll(sitzungen: dict) -> str:
    soll = sitzungen["soll"]
    if soll is None:
        return "Sitzungen (kein Rhythmus festgelegt)"
    rahmen = f"{soll['min']}" if soll["min"] == soll["max"] else f"{soll['min']}–{soll['max']}"
    return f"Sitzungen (vorgesehen {rahmen} je Jahr)"


def sitzung_kurz(s: dict | None) -> str:
    if not s:
        return "–"
    return datum(s["datum"]) + (f", {s['ort']}" if s.get("ort") else "")


def ag_stand(ag: dict) -> str:
    st = ag["status"]
    if st == "aktiv":
        if ag["ueberfaellig"]:
            return f"ÜBERFÄLLIG: geplantes Ende {datum(ag['ende_geplant'])}"
        return f"aktiv bis {datum(ag['ende_geplant'])}" if ag["ende_geplant"] else "aktiv (Ende offen)"
    if st == "geplant":
        return f"geplant ab {datum(ag['beginn'])}" if ag["beginn"] else "geplant"
    if st == "abgeschlossen":
        return f"abgeschlossen am {datum(ag['abgeschlossen_am'])}" if ag["abgeschlossen_am"] else "abgeschlossen (Datum unbekannt)"
    return "Status unbekannt"


def ag_empfehlungen(ag: dict) -> str:
    if ag["empfehlungen_beschlossen"]:
        return f"{ag['empfehlungen']} ({ag['empfehlungen_beschlossen']} beschl.)"
    return str(ag["empfehlungen"])


def leitung(ag: dict) -> str:
    return ", ".join(p["bezeichnung"] for p in ag["leitung"])


_AG_ABSCHNITTE = (("aktiv", "aktiv"), ("geplant", "geplant"), ("abgeschlossen", "abgeschlossen"), ("unbekannt", "Status unbekannt"))


def _alle_ags(bericht: dict) -> list[dict]:
    return [ag for schluessel, _ in _AG_ABSCHNITTE for ag in bericht["arbeitsgruppen"][schluessel]]


def status_zaehlung(bericht: dict) -> tuple[str, str]:
    je = bericht["empfehlungen"]["je_status"]
    offen = " · ".join(f"{EMPFEHLUNG_STATUS[s]} {n}" for s, n in je.items() if s in OFFENE_STATUS)
    zu = " · ".join(f"{EMPFEHLUNG_STATUS[s]} {n}" for s, n in je.items() if s not in OFFENE_STATUS)
    return offen, zu


# --------------------------------------------------------------------------- Text (Rich)


def als_text(bericht: dict, konsole: Console) -> None:
    _druck(konsole, _t(titel(bericht), "bold"))
    _druck(konsole, _t(f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", "dim"))
    for h in bericht["hinweise"]:
        _druck(konsole, Panel(_t(h), title="Hinweis", title_align="left", border_style="red", box=box.ROUNDED))

    _druck(konsole, )
    konsole.rule(_t("Gremien", "bold"), align="left")
    for gr in bericht["gremien"]:
        _druck(konsole, _gremium_panel(gr))

    konsole.rule(_t("Arbeitsgruppen", "bold"), align="left")
    _druck(konsole, _ag_tabelle(bericht))

    konsole.rule(_t("Empfehlungen", "bold"), align="left")
    for teil in _empfehlungen_text(bericht):
        _druck(konsole, teil)

    konsole.rule(_t("Umsetzung", "bold"), align="left")
    _druck(konsole, _umsetzung_tabelle(bericht))
    _druck(konsole, _t(LEGENDE, "dim"))


def _gremium_panel(gr: dict) -> Panel:
    teile: list = [_t(sitze_zusammenfassung(gr), "bold")]
    if gr["sitzgruppen"]:
        ueber = any(sg["ueberbesetzt"] for sg in gr["sitzgruppen"])
        spalten = [("Sitzgruppe und Regel", {"ratio": 1}), ("besetzt", _zahl()), ("vakant", _zahl())]
        if ueber:
            spalten.append(("überbesetzt", _zahl()))
        t = _tabelle(*spalten)
        for sg in gr["sitzgruppen"]:
            details = Text(sg["regel"], style="dim")
            if sg["nicht_vertreten"] and sg["besetzt"]:
                details.append("\nnicht vertreten: " + ", ".join(x["bezeichnung"] for x in sg["nicht_vertreten"]), style="yellow")
            if sg["stellvertretungen"]:
                details.append(f"\n{mehrzahl(sg['stellvertretungen'], 'Stellvertretung', 'Stellvertretungen')} (nicht gezählt)", style="dim")
            zelle = eingerueckt(_t(sg["name"]), details)
            zeile = [
                zelle,
                besetzt_text(sg),
                _t(str(sg["vakant"]) if sg["sitze"] is not None else "–", "yellow" if sg["vakant"] else ""),
            ]
            if ueber:
                zeile.append(_t(str(sg["ueberbesetzt"]) if sg["ueberbesetzt"] else "–", "bold red" if sg["ueberbesetzt"] else ""))
            t.add_row(*zeile)
        teile.append(t)
    if gr["ohne_sitzgruppe"]:
        teile.append(_t("Ohne Sitzgruppe (nicht gezählt): " + ", ".join(p["bezeichnung"] for p in gr["ohne_sitzgruppe"]), "yellow"))
    s = gr["sitzungen"]
    zeile = Text(sitzungen_soll(s) + ": ", style="bold")
    jahre = [j for j in s["jahre"] if zeige_jahr(j, s["soll"])]
    if not jahre:
        zeile.append("keine erfasst", style="yellow" if s["soll"] else "")
    for i, j in enumerate(jahre):
        if i:
            zeile.append(" · ")
        zeile.append(sitzungsjahr(j), style=_FARBE.get(j["bewertung"], ""))
    teile.append(zeile)
    if s["letzte"] or s["naechste"]:
        teile.append(_t(f"Letzte Sitzung: {sitzung_kurz(s['letzte'])}"))
        teile.append(_t(f"Nächste Sitzung: {sitzung_kurz(s['naechste'])}"))
    kopf = beispiel(gr["name"], gr["beispiel"])
    return Panel(Group(*teile), title=_t(kopf, "bold"), title_align="left", box=box.ROUNDED, padding=(0, 1))


def _ag_tabelle(bericht: dict):
    ags = _alle_ags(bericht)
    if not ags:
        return _t("Keine Arbeitsgruppen erfasst.")
    t = _tabelle(("Arbeitsgruppe · eingesetzt von · Leitung", {"ratio": 3}), ("Stand", {"ratio": 1, "min_width": 16}), ("Empf.", _zahl()))
    for ag in ags:
        unten = " · ".join(x for x in (ag["gremium_name"], f"Leitung: {leitung(ag)}" if ag["leitung"] else "") if x)
        zelle = eingerueckt(_t(beispiel(ag["name"], ag["beispiel"])), _t(unten, "dim") if unten else None)
        stil = "bold red" if ag["ueberfaellig"] else ("green" if ag["status"] == "aktiv" else "")
        t.add_row(zelle, _t(ag_stand(ag), stil), ag_empfehlungen(ag))
    return t


def _empfehlungen_text(bericht: dict) -> list:
    e = bericht["empfehlungen"]
    offen, zu = status_zaehlung(bericht)
    teile: list = [
        _t(f"{e['gesamt']} Empfehlungen am Stichtag", "bold"),
        _t(f"in Bearbeitung: {offen}"),
        _t(f"abgeschlossen: {zu}"),
        _t(""),
        _t("Älteste offene Empfehlungen", "bold"),
    ]
    if e["offen"]:
        t = _tabelle(("Nr.", {"no_wrap": True}), ("Titel → entscheidet", {"ratio": 1}), ("Status", {}), ("seit", {"no_wrap": True}))
        for x in e["offen"][:MAX_OFFENE]:
            t.add_row(x["id"], _titel_gremium(x), x["status_text"], datum(x["status_seit"]))
        teile.append(t)
        if len(e["offen"]) > MAX_OFFENE:
            teile.append(_t(f"… und {len(e['offen']) - MAX_OFFENE} weitere offene (vollständig mit --format json)", "dim"))
    else:
        teile.append(_t("keine"))
    teile += [_t(""), _t(f"Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)", "bold")]
    if e["wiedervorlage_faellig"]:
        t = _tabelle(("Nr.", {"no_wrap": True}), ("Titel → entscheidet", {"ratio": 1}), ("zuletzt", {"no_wrap": True}), ("fällig seit", {"no_wrap": True}))
        for x in e["wiedervorlage_faellig"]:
            t.add_row(x["id"], _titel_gremium(x), datum(x["letzte_pruefung"]), _t(datum(x["faellig_seit"]), "bold red"))
        teile.append(t)
    else:
        teile.append(_t("keine", "green"))
    return teile


def _titel_gremium(x: dict):
    return eingerueckt(_t(beispiel(x["titel"], x["beispiel"])), _t("→ " + x["gremium_name"], "dim") if x.get("gremium_name") else None)


def _umsetzung_tabelle(bericht: dict):
    if not bericht["umsetzung"]:
        return _t("Keine weitergeleiteten Empfehlungen.")
    t = _tabelle(("Empfehlung", {"ratio": 3}), ("Adressat", {"ratio": 2}), ("Stand", {"no_wrap": True}), ("Bericht vom", {"no_wrap": True}))
    for u in bericht["umsetzung"]:
        kopf = eingerueckt(_t(f"{u['empfehlung']} {beispiel(u['titel'], u['beispiel'])}"), _t(u["status_text"], "dim"))
        adressaten = u["adressaten"] or [{"name": "–", "stand": None, "datum": None}]
        for i, a in enumerate(adressaten):
            stand = UMSETZUNGSSTAND.get(a["stand"], "kein Bericht") if a["stand"] else "kein Bericht"
            stil = {"vollstaendig": "green", "abgelehnt": "red", None: "yellow"}.get(a["stand"], "")
            t.add_row(kopf if i == 0 else "", a["name"], _t(stand, stil), datum(a["datum"]), end_section=i == len(adressaten) - 1)
    return t


# --------------------------------------------------------------------------- Markdown


def als_markdown(bericht: dict) -> str:
    z: list[str] = [f"# Status: {md_text(titel(bericht))}", "", f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", ""]
    for h in bericht["hinweise"]:
        z += [f"> **Hinweis:** {h}", ""]  # eigener Text des Werkzeugs
    z += ["## Gremien", ""]
    for gr in bericht["gremien"]:
        z += [f"### {md_text(beispiel(gr['name'], gr['beispiel']))}", "", f"**{sitze_zusammenfassung(gr)}**", ""]
        if gr["sitzgruppen"]:
            zeilen = []
            for sg in gr["sitzgruppen"]:
                regel = sg["regel"]
                if sg["nicht_vertreten"] and sg["besetzt"]:
                    regel += " · nicht vertreten: " + ", ".join(x["bezeichnung"] for x in sg["nicht_vertreten"])
                zeilen.append(
                    [
                        sg["name"],
                        regel,
                        sg["sitze"] if sg["sitze"] is not None else "offen",
                        sg["besetzt"],
                        sg["vakant"] if sg["sitze"] is not None else "–",
                        sg["ueberbesetzt"] or "–",
                    ]
                )  # Markdown hat keine Breitengrenze: alle Spalten
            z += [md_tabelle(["Sitzgruppe", "Regel", "Sitze", "besetzt", "vakant", "überbesetzt"], zeilen, {2, 3, 4, 5}), ""]
        if gr["ohne_sitzgruppe"]:
            z += ["Ohne Sitzgruppe (nicht gezählt): " + md_text(", ".join(p["bezeichnung"] for p in gr["ohne_sitzgruppe"])), ""]
        s = gr["sitzungen"]
        z += [f"**{sitzungen_soll(s)}**", ""]
        jahre = [j for j in s["jahre"] if zeige_jahr(j, s["soll"])]
        if jahre:
            zeilen = [[j["jahr"], j["anzahl"], j["geplant"] or "–", bewertung_text(j) or "–"] for j in jahre]
            z += [md_tabelle(["Jahr", "Sitzungen", "noch geplant", "Bewertung"], zeilen, {1, 2}), ""]
        else:
            z += ["Keine Sitzungen erfasst.", ""]
        z += [f"Letzte Sitzung: {md_text(sitzung_kurz(s['letzte']))} · Nächste Sitzung: {md_text(sitzung_kurz(s['naechste']))}", ""]

    z += ["## Arbeitsgruppen", ""]
    ags = _alle_ags(bericht)
    if ags:
        zeilen = [
            [beispiel(ag["name"], ag["beispiel"]), ag["gremium_name"], leitung(ag) or "–", ag_stand(ag), ag_empfehlungen(ag)]
            for ag in ags
        ]
        z += [md_tabelle(["Arbeitsgruppe", "Gremium", "Leitung", "Stand", "Empfehlungen"], zeilen, {4}), ""]
    else:
        z += ["Keine Arbeitsgruppen erfasst.", ""]

    e = bericht["empfehlungen"]
    z += ["## Empfehlungen", "", f"{e['gesamt']} Empfehlungen am Stichtag.", ""]
    z += [md_tabelle(["Status", "Anzahl"], [[EMPFEHLUNG_STATUS[s], n] for s, n in e["je_status"].items()], {1}), ""]
    z += ["### Älteste offene Empfehlungen", ""]
    if e["offen"]:
        zeilen = [[x["id"], beispiel(x["titel"], x["beispiel"]), x["gremium_name"], x["status_text"], datum(x["status_seit"])] for x in e["offen"][:MAX_OFFENE]]
        z += [md_tabelle(["Nr.", "Titel", "Gremium", "Status", "seit"], zeilen), ""]
        if len(e["offen"]) > MAX_OFFENE:
            z += [f"… und {len(e['offen']) - MAX_OFFENE} weitere offene Empfehlungen.", ""]
    else:
        z += ["Keine offenen Empfehlungen.", ""]
    z += [f"### Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)", ""]
    if e["wiedervorlage_faellig"]:
        zeilen = [
            [x["id"], beispiel(x["titel"], x["beispiel"]), x["gremium_name"], x["status_text"], datum(x["letzte_pruefung"]), datum(x["faellig_seit"])]
            for x in e["wiedervorlage_faellig"]
        ]
        z += [md_tabelle(["Nr.", "Titel", "Gremium", "Status", "letzte Befassung", "fällig seit"], zeilen), ""]
    else:
        z += ["Keine Wiedervorlage fällig.", ""]

    z += ["## Umsetzung", ""]
    if bericht["umsetzung"]:
        zeilen = []
        for u in bericht["umsetzung"]:
            for a in u["adressaten"] or [{"name": "–", "stand": None, "datum": None}]:
                zeilen.append(
                    [
                        f"{u['empfehlung']} {beispiel(u['titel'], u['beispiel'])}",
                        u["status_text"],
                        a["name"],
                        UMSETZUNGSSTAND.get(a["stand"], "kein Bericht") if a["stand"] else "kein Bericht",
                        datum(a["datum"]),
                    ]
                )
        z += [md_tabelle(["Empfehlung", "Status", "Adressat", "Stand", "Bericht vom"], zeilen), ""]
    else:
        z += ["Keine weitergeleiteten Empfehlungen.", ""]
    z += [f"_{md_text(LEGENDE)}_", ""]
    return "\n".join(z)
