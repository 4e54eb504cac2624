"""`netzwerk status` darstellen: Text (Rich: Tabellen und Rahmen, lesbar ab 80 Spalten und
ohne Farbe bei Umleitung), Markdown (GitHub/GitLab-Tabellen) und JSON (docs/status.schema.json).

Text und Markdown gibt es in zwei Fassungen: die **kompakte Übersicht** (Standard; eine Zeile je
Gremium, AG, Empfehlung, Adressat – auf data/ ein Bildschirm) und die **ausführliche** Fassung
(`--ausfuehrlich`: je Gremium alle Sitzgruppen mit Regel, Sitzungen je Jahr, alle Tabellen).
JSON ist immer vollständig.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from netzwerk_cli.ausgabe.format import als_json, datum, md_tabelle, md_text, mehrzahl
from netzwerk_cli.ausgabe.layout import Einzeilig, Tabelle, aufzaehlung, eingerueckt
from netzwerk_cli.ausgabe.layout import druck as _druck
from netzwerk_cli.ausgabe.layout import tabelle as _tabelle
from netzwerk_cli.ausgabe.layout import text as _t
from netzwerk_cli.ausgabe.layout import zahl as _zahl
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, UMSETZUNGSSTAND
from netzwerk_cli.berichte.grundlagen import OFFENE_STATUS
from netzwerk_cli.grundlagen import escape

MAX_OFFENE = 5  # Text und Markdown zeigen die ältesten offenen Empfehlungen; JSON alle
MAX_OFFENE_KOMPAKT = 3  # … in der kompakten Übersicht
MAX_UMSETZUNG_KOMPAKT = 6  # Adressatenzeilen der Umsetzung in der kompakten Übersicht

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
LEGENDE_KOMPAKT = "vakant = unbesetzt oder nicht erfasst · (Beispiel) = erfunden, keine Tatsache"
DETAILS = "Details: netzwerk status --ausfuehrlich · netzwerk gremium show ID"


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


# --------------------------------------------------------------------------- kompakte Übersicht: Inhalte


def gremium_kurz(gr: dict) -> str:
    return beispiel(gr.get("kurzname") or gr["name"], gr["beispiel"])


def _fest_besetzt(gr: dict) -> int:
    return sum(sg["besetzt"] for sg in gr["sitzgruppen"] if sg["sitze"] is not None)


def sitze_kompakt(gr: dict) -> str:
    """„6/12“, „8/8 +2 ohne feste Zahl“, „2 ohne feste Zahl“ oder „keine Sitzgruppen“."""
    s = gr["sitze"]
    if not gr["sitzgruppen"]:
        return "keine Sitzgruppen"
    fest = _fest_besetzt(gr)
    teile = [f"{fest}/{s['gesamt']}"] if s["gesamt"] else []
    if s["sitzzahl_offen"]:
        teile.append(f"{'+' if teile else ''}{s['besetzt'] - fest} ohne feste Zahl")
    return " ".join(teile)


def vakant_kompakt(gr: dict) -> str:
    return str(gr["sitze"]["vakant"]) if gr["sitze"]["gesamt"] else "–"


def rahmen(soll: dict) -> str:
    return f"{soll['min']}" if soll["min"] == soll["max"] else f"{soll['min']}–{soll['max']}"


def _laufendes_jahr(gr: dict, jahr: int) -> dict | None:
    return next((j for j in gr["sitzungen"]["jahre"] if j["jahr"] == jahr), None)


def sitzungen_kompakt(gr: dict, jahr: int) -> str:
    """Sitzungen im Jahr des Stichtags bis zum Stichtag, dahinter der Rhythmus: „2026: 2 (2–3)“.
    Geplante zeigt die Spalte „nächste“; fehlen bis zum Minimum welche, sagt es `gremium_probleme`."""
    s = gr["sitzungen"]
    j = _laufendes_jahr(gr, jahr)
    text = f"{jahr}: {j['anzahl'] if j else 0}"
    return text + (f" ({rahmen(s['soll'])})" if s["soll"] else "")


def sitzungen_stil(gr: dict, jahr: int) -> str:
    j = _laufendes_jahr(gr, jahr)
    if j and j["bewertung"] == "zu_viel":
        return "bold red"
    if gr["sitzungen"]["soll"] and (j is None or j.get("noch_zu_planen")):
        return "yellow"
    return ""


def naechste_kompakt(gr: dict) -> str:
    n = gr["sitzungen"]["naechste"]
    return datum(n["datum"]) if n else "–"


def gremium_probleme(gr: dict, zusatz: dict) -> list[tuple[str, str]]:
    """Was an einem Gremium zu tun ist, je als (kurzer Text, Stil): Überbesetzung,
    Regelverstöße, vakante Sitzgruppen, Mitglieder ohne Sitzgruppe, Sitzungsrhythmus."""
    probleme: list[tuple[str, str]] = []
    for sg in gr["sitzgruppen"]:
        if sg["ueberbesetzt"]:
            probleme.append((f"überbesetzt: {sg['name']} ({sg['besetzt']} für {mehrzahl(sg['sitze'], 'Sitz', 'Sitze')})", "bold red"))
    verstoesse = zusatz.get("regelverstoesse", {}).get(gr["id"], 0)
    if verstoesse:
        probleme.append((f"{mehrzahl(verstoesse, 'Regelverstoß', 'Regelverstöße')} bei der Besetzung (netzwerk validate)", "bold red"))
    s = gr["sitze"]
    if s["gesamt"] and not s["besetzt"]:
        probleme.append((f"keine Mitglieder erfasst ({mehrzahl(s['vakant'], 'Sitz', 'Sitze')} vakant)", "yellow"))
    elif s["vakant"]:
        vakant = ", ".join(f"{sg['name']} ({sg['vakant']})" for sg in gr["sitzgruppen"] if sg["vakant"])
        probleme.append((f"vakant: {vakant}", "yellow"))
    if gr["ohne_sitzgruppe"]:
        probleme.append((f"{mehrzahl(len(gr['ohne_sitzgruppe']), 'Mitglied', 'Mitglieder')} ohne Sitzgruppe", "yellow"))
    sitzungen = gr["sitzungen"]
    if sitzungen["soll"] and not sitzungen["jahre"]:
        probleme.append(("keine Sitzungen erfasst", "yellow"))
    for art, text in (("zu_wenig", "zu wenige"), ("zu_viel", "zu viele")):
        jahre = [f"{j['jahr']} ({j['anzahl']})" for j in sitzungen["jahre"] if j["bewertung"] == art]
        if jahre:
            probleme.append((f"{text} Sitzungen: {', '.join(jahre)}, vorgesehen {rahmen(sitzungen['soll'])}", "bold red"))
    for j in sitzungen["jahre"]:
        if j.get("noch_zu_planen"):
            probleme.append((f"{j['jahr']}: noch {j['noch_zu_planen']} zu planen", "yellow"))
    return probleme


def ag_stand_kompakt(ag: dict) -> str:
    if ag["ueberfaellig"]:
        return f"ÜBERFÄLLIG (Ende {datum(ag['ende_geplant'])})"
    return ag_stand(ag)


def ag_empfehlungen_kompakt(ag: dict, zusatz: dict) -> str:
    """Zahl der Empfehlungen; bei einer realen AG mit erfundenen Empfehlungen mit Kennzeichen:
    „1 (Beispiel)“ (alle erfunden) oder „3 (davon 1 Beispiel)“."""
    n = ag["empfehlungen"]
    erfunden = 0 if ag["beispiel"] else zusatz.get("ag_beispiel_empfehlungen", {}).get(ag["id"], 0)
    if erfunden and erfunden == n:
        return f"{n} (Beispiel)"
    if erfunden:
        return f"{n} (davon {erfunden} Beispiel)"
    return str(n)


def status_zaehlung_kompakt(bericht: dict) -> tuple[str, str]:
    """Zahl je Status in zwei kurzen Zeilen; Status ohne Empfehlung fehlen."""
    je = bericht["empfehlungen"]["je_status"]
    offen = ", ".join(f"{EMPFEHLUNG_STATUS[s]} {n}" for s, n in je.items() if n and s in OFFENE_STATUS)
    zu = ", ".join(f"{EMPFEHLUNG_STATUS[s]} {n}" for s, n in je.items() if n and s not in OFFENE_STATUS)
    return f"offen: {offen or 'keine'}", f"abgeschlossen: {zu or 'keine'}"


def umsetzung_kompakt(bericht: dict) -> tuple[list[tuple[dict, list[dict]]], int]:
    """Die ersten Empfehlungen der Umsetzung (laufende zuerst) mit ihren Adressaten, höchstens
    MAX_UMSETZUNG_KOMPAKT Zeilen (mindestens eine Empfehlung), und die Zahl der übrigen."""
    alle = [(u, u["adressaten"] or [{"name": "–", "stand": None, "datum": None}]) for u in bericht["umsetzung"]]
    if sum(len(a) for _, a in alle) <= MAX_UMSETZUNG_KOMPAKT:
        return alle, 0
    gezeigt: list[tuple[dict, list[dict]]] = []
    zeilen = 0
    for u, adressaten in alle:
        if gezeigt and zeilen + len(adressaten) > MAX_UMSETZUNG_KOMPAKT - 1:  # eine Zeile für „… N weitere“
            break
        gezeigt.append((u, adressaten))
        zeilen += len(adressaten)
    return gezeigt, len(alle) - len(gezeigt)


def stand_text(a: dict) -> str:
    return UMSETZUNGSSTAND.get(a["stand"], "kein Bericht") if a["stand"] else "kein Bericht"


def weitere_text(n: int) -> str:
    return f"… {n} weitere {'Empfehlung' if n == 1 else 'Empfehlungen'} (netzwerk status --ausfuehrlich)"


# --------------------------------------------------------------------------- Text (Rich)


def als_text(bericht: dict, konsole: Console, ausfuehrlich: bool = False, zusatz: dict | None = None) -> None:
    """Textbericht; `zusatz` aus `berichte.status.uebersicht_zusatz` (nur die kompakte Übersicht braucht ihn).
    Alle Werte werden vorab einzeilig und ohne rohe Steuerzeichen (ausgabe/escape.py)."""
    bericht = escape.tief(bericht)
    if ausfuehrlich:
        _als_text_ausfuehrlich(bericht, konsole)
    else:
        _als_text_kompakt(bericht, konsole, zusatz or {})


def _kopf_text(bericht: dict, konsole: Console) -> None:
    _druck(konsole, _t(titel(bericht), "bold"))
    _druck(konsole, _t(f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", "dim"))
    for h in bericht["hinweise"]:
        _druck(konsole, Panel(_t(h), title="Hinweis", title_align="left", border_style="red", box=box.ROUNDED))
    _druck(konsole, )


def _als_text_ausfuehrlich(bericht: dict, konsole: Console) -> None:
    _kopf_text(bericht, konsole)
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
    sitzungszeile = Text(sitzungen_soll(s) + ": ", style="bold")
    jahre = [j for j in s["jahre"] if zeige_jahr(j, s["soll"])]
    if not jahre:
        sitzungszeile.append("keine erfasst", style="yellow" if s["soll"] else "")
    for i, j in enumerate(jahre):
        if i:
            sitzungszeile.append(" · ")
        sitzungszeile.append(sitzungsjahr(j), style=_FARBE.get(j["bewertung"], ""))
    teile.append(sitzungszeile)
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


# --------------------------------------------------------------------------- Text, kompakt


def _als_text_kompakt(bericht: dict, konsole: Console, zusatz: dict) -> None:
    _kopf_text(bericht, konsole)
    jahr = int(bericht["stichtag"][:4])

    konsole.rule(_t("Gremien", "bold"), align="left")
    if bericht["gremien"]:
        _druck(konsole, _gremien_kompakt(bericht, jahr))
        punkte = []
        for gr in bericht["gremien"]:
            probleme = gremium_probleme(gr, zusatz)
            if probleme:
                zeile = Text(gremium_kurz(gr), style="bold")
                for i, (text, stil) in enumerate(probleme):
                    zeile.append(" – " if i == 0 else " · ")
                    zeile.append(text, style=stil)
                punkte.append(zeile)
        if punkte:
            _druck(konsole, aufzaehlung(punkte))
    else:
        _druck(konsole, _t("Keine Gremien erfasst."))

    konsole.rule(_t("Arbeitsgruppen", "bold"), align="left")
    _druck(konsole, _ags_kompakt(bericht, zusatz))

    e = bericht["empfehlungen"]
    konsole.rule(_t(f"Empfehlungen · {e['gesamt']} am Stichtag", "bold"), align="left")
    for zaehlung in status_zaehlung_kompakt(bericht):
        _druck(konsole, _t(zaehlung))
    if e["offen"]:
        gezeigt = e["offen"][:MAX_OFFENE_KOMPAKT]
        _druck(konsole, _t(f"Älteste offene ({len(gezeigt)} von {len(e['offen'])}):", "bold"))
        t = _liste(4, 1)
        for x in gezeigt:
            t.add_row(x["id"], _titel_einzeilig(x), x["status_text"], f"seit {datum(x['status_seit'])}")
        _druck(konsole, t)
    kopf = f"Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)"
    if e["wiedervorlage_faellig"]:
        _druck(konsole, _t(kopf + ":", "bold"))
        t = _liste(3, 1)
        for x in e["wiedervorlage_faellig"]:
            t.add_row(x["id"], _titel_einzeilig(x), _t(f"fällig seit {datum(x['faellig_seit'])}", "bold red"))
        _druck(konsole, t)
    else:
        _druck(konsole, Text.assemble((kopf + ": ", "bold"), ("keine", "green")))

    konsole.rule(_t("Umsetzung", "bold"), align="left")
    _druck(konsole, _umsetzung_kompakt(bericht))
    _druck(konsole, _t(LEGENDE_KOMPAKT, "dim"))
    _druck(konsole, _t(DETAILS, "dim"))


def _liste(spalten: int, einzeilig: int):
    """Tabelle ohne Kopf, eine Zeile je Eintrag; Spalte `einzeilig` bekommt den übrigen Platz."""
    t = Tabelle.grid(padding=(0, 2), expand=True)
    for i in range(spalten):
        t.add_column(ratio=1 if i == einzeilig else None, no_wrap=True)
    return t


def _kompakt_tabelle(*spalten: tuple[str, dict]) -> Table:
    """Tabelle der kompakten Übersicht: Kopfzeile ohne Trennlinie (die Abschnittslinie steht
    darüber); Zellen brechen um, statt abgeschnitten zu werden."""
    return _tabelle(*spalten, box=None)


def _titel_einzeilig(x: dict) -> Einzeilig:
    return Einzeilig(x["titel"], " (Beispiel)" if x["beispiel"] else "")


def _gremien_kompakt(bericht: dict, jahr: int):
    ueber = any(gr["sitze"]["ueberbesetzt"] for gr in bericht["gremien"])
    spalten = [("Gremium", {"ratio": 1, "width": 16}), ("besetzt", {}), ("vakant", _zahl())]
    if ueber:
        spalten.append(("zu viel", _zahl()))  # überbesetzt; die Zeile darunter nennt die Sitzgruppe
    spalten += [("Sitzungen", {}), ("nächste", {"no_wrap": True})]
    t = _kompakt_tabelle(*spalten)
    for gr in bericht["gremien"]:
        zeile: list[str | Text] = [
            _t(gremium_kurz(gr)),
            _t(sitze_kompakt(gr).replace(" +", "\n+", 1)),  # „+N ohne feste Zahl“ in eine eigene Zeile
            _t(vakant_kompakt(gr), "yellow" if gr["sitze"]["vakant"] else ""),
        ]
        if ueber:
            n = gr["sitze"]["ueberbesetzt"]
            zeile.append(_t(str(n) if n else "–", "bold red" if n else ""))
        zeile += [_t(sitzungen_kompakt(gr, jahr), sitzungen_stil(gr, jahr)), naechste_kompakt(gr)]
        t.add_row(*zeile)
    return t


_STAND_BREITE = 20  # „aktiv bis 30.06.2027“


def _ags_kompakt(bericht: dict, zusatz: dict):
    ags = _alle_ags(bericht)
    if not ags:
        return _t("Keine Arbeitsgruppen erfasst.")
    t = _kompakt_tabelle(
        ("Arbeitsgruppe", {"min_width": 16}),
        ("Gremium", {"max_width": 16}),
        ("Stand", {"max_width": _STAND_BREITE}),
        ("Empf.", {"justify": "right"}),
    )
    for ag in ags:
        stil = "bold red" if ag["ueberfaellig"] else ("green" if ag["status"] == "aktiv" else "")
        stand = ag_stand_kompakt(ag)
        if len(stand) > _STAND_BREITE:  # „(Datum unbekannt)“, „(Ende …)“ als Ganzes in die zweite Zeile
            stand = stand.replace(" (", "\n(", 1)
        t.add_row(_t(beispiel(ag["name"], ag["beispiel"])), _t(ag["gremium_name"]), _t(stand, stil), ag_empfehlungen_kompakt(ag, zusatz))
    return t


def _umsetzung_kompakt(bericht: dict):
    if not bericht["umsetzung"]:
        return _t("Keine weitergeleiteten Empfehlungen.")
    gezeigt, weitere = umsetzung_kompakt(bericht)
    t = _kompakt_tabelle(("Empfehlung", {"no_wrap": True}), ("Adressat", {"ratio": 1, "no_wrap": True}), ("Stand", {"no_wrap": True}), ("Bericht vom", {"no_wrap": True}))
    for u, adressaten in gezeigt:
        kopf = Text(u["empfehlung"])
        if u["beispiel"]:
            kopf.append(" (Beispiel)")
        for i, a in enumerate(adressaten):
            stil = {"vollstaendig": "green", "abgelehnt": "red", None: "yellow"}.get(a["stand"], "")
            t.add_row(kopf if i == 0 else "", Einzeilig(a["name"]), _t(stand_text(a), stil), datum(a["datum"]))
    if not weitere:
        return t
    return Group(t, _t(weitere_text(weitere), "dim"))


# --------------------------------------------------------------------------- Markdown


def als_markdown(bericht: dict, ausfuehrlich: bool = False, zusatz: dict | None = None) -> str:
    """Markdown-Bericht; `zusatz` wie bei `als_text`."""
    return _als_markdown_ausfuehrlich(bericht) if ausfuehrlich else _als_markdown_kompakt(bericht, zusatz or {})


def _kopf_markdown(bericht: dict) -> list[str]:
    z: list[str] = [f"# Status: {md_text(titel(bericht))}", "", f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", ""]
    for h in bericht["hinweise"]:
        z += [f"> **Hinweis:** {h}", ""]  # eigener Text des Werkzeugs (nur Zahlen, keine Daten)
    return z


def _als_markdown_ausfuehrlich(bericht: dict) -> str:
    z = _kopf_markdown(bericht)
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


def _als_markdown_kompakt(bericht: dict, zusatz: dict) -> str:
    z = _kopf_markdown(bericht)
    jahr = int(bericht["stichtag"][:4])

    z += ["## Gremien", ""]
    if bericht["gremien"]:
        ueber = any(gr["sitze"]["ueberbesetzt"] for gr in bericht["gremien"])
        kopf = ["Gremium", "besetzt", "vakant", *(["überbesetzt"] if ueber else []), "Sitzungen", "nächste Sitzung"]
        zeilen = [
            [
                gremium_kurz(gr),
                sitze_kompakt(gr),
                vakant_kompakt(gr),
                *([gr["sitze"]["ueberbesetzt"] or "–"] if ueber else []),
                sitzungen_kompakt(gr, jahr),
                naechste_kompakt(gr),
            ]
            for gr in bericht["gremien"]
        ]
        z += [md_tabelle(kopf, zeilen, {2, 3} if ueber else {2}), ""]
        punkte = []
        for gr in bericht["gremien"]:
            probleme = gremium_probleme(gr, zusatz)
            if probleme:
                punkte.append(f"- **{md_text(gremium_kurz(gr))}** – " + md_text(" · ".join(p for p, _ in probleme)))
        if punkte:
            z += [*punkte, ""]
    else:
        z += ["Keine Gremien erfasst.", ""]

    z += ["## Arbeitsgruppen", ""]
    ags = _alle_ags(bericht)
    if ags:
        zeilen = [[beispiel(ag["name"], ag["beispiel"]), ag["gremium_name"], ag_stand_kompakt(ag), ag_empfehlungen_kompakt(ag, zusatz)] for ag in ags]
        z += [md_tabelle(["Arbeitsgruppe", "Gremium", "Stand", "Empfehlungen"], zeilen, {3}), ""]
    else:
        z += ["Keine Arbeitsgruppen erfasst.", ""]

    e = bericht["empfehlungen"]
    offen, zu = status_zaehlung_kompakt(bericht)
    z += ["## Empfehlungen", "", f"{e['gesamt']} Empfehlungen am Stichtag – {offen} · {zu}", ""]
    if e["offen"]:
        gezeigt = e["offen"][:MAX_OFFENE_KOMPAKT]
        z += [f"### Älteste offene Empfehlungen ({len(gezeigt)} von {len(e['offen'])})", ""]
        zeilen = [[x["id"], beispiel(x["titel"], x["beispiel"]), x["status_text"], datum(x["status_seit"])] for x in gezeigt]
        z += [md_tabelle(["Nr.", "Titel", "Status", "seit"], zeilen), ""]
    else:
        z += ["Keine offenen Empfehlungen.", ""]
    z += [f"### Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)", ""]
    if e["wiedervorlage_faellig"]:
        zeilen = [[x["id"], beispiel(x["titel"], x["beispiel"]), datum(x["faellig_seit"])] for x in e["wiedervorlage_faellig"]]
        z += [md_tabelle(["Nr.", "Titel", "fällig seit"], zeilen), ""]
    else:
        z += ["Keine Wiedervorlage fällig.", ""]

    z += ["## Umsetzung", ""]
    if bericht["umsetzung"]:
        gezeigt, weitere = umsetzung_kompakt(bericht)
        zeilen = [
            [beispiel(u["empfehlung"], u["beispiel"]) if i == 0 else "", a["name"], stand_text(a), datum(a["datum"])]
            for u, adressaten in gezeigt
            for i, a in enumerate(adressaten)
        ]
        z += [md_tabelle(["Empfehlung", "Adressat", "Stand", "Bericht vom"], zeilen), ""]
        if weitere:
            z += [md_text(weitere_text(weitere)), ""]
    else:
        z += ["Keine weitergeleiteten Empfehlungen.", ""]
    z += [f"_{md_text(LEGENDE)}_", "", "Details: `netzwerk status --ausfuehrlich` · `netzwerk gremium show ID`", ""]
    return "\n".join(z)
