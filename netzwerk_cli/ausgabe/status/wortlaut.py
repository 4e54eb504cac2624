"""Der deutsche Wortlaut von `netzwerk status`, den Text (`text.py`) und Markdown (`markdown.py`)
teilen: reine Funktionen vom Bericht (dict) zu Texten, ohne Rich und ohne Markdown-Maskierung.
"""

from __future__ import annotations

from netzwerk_cli.ausgabe.format import datum, mehrzahl
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, UMSETZUNGSSTAND
from netzwerk_cli.berichte.grundlagen import OFFENE_STATUS

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

LEGENDE = "vakant = unbesetzt oder nicht erfasst · (Beispiel) = erfundenes Beispiel, keine Tatsache"
LEGENDE_KOMPAKT = "vakant = unbesetzt oder nicht erfasst · (Beispiel) = erfunden, keine Tatsache"
DETAILS = "Details: netzwerk status --ausfuehrlich · netzwerk gremium show ID"


# --------------------------------------------------------------------------- gemeinsame Texte


def fassung(bericht: dict) -> str:
    return "öffentliche Fassung" if bericht["oeffentlich"] else "interne Fassung (mit Namen, nicht zur Veröffentlichung)"


def titel(bericht: dict) -> str:
    n = bericht["netzwerk"]
    return n.get("name") or n.get("kurzname") or "Netzwerk"


def beispiel(name: str, ist_beispiel: bool) -> str:
    return f"{name} (Beispiel)" if ist_beispiel else name


def noch_nicht_gegruendet(gr: dict) -> str | None:
    """„noch nicht gegründet (ab TT.MM.JJJJ)“, wenn das Gremium am Stichtag noch nicht bestand."""
    gegruendet = gr.get("gegruendet_nach_stichtag")
    return f"noch nicht gegründet (ab {datum(gegruendet)})" if gegruendet else None


def sitze_zusammenfassung(gr: dict) -> str:
    s = gr["sitze"]
    vorher = noch_nicht_gegruendet(gr)
    if vorher:
        return vorher
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
    """„6/12“, „8/8 +2 ohne feste Zahl“, „2 ohne feste Zahl“ oder „keine Sitzgruppen“; „+0 ohne
    feste Zahl“ entfällt (sagt nichts, NEWCOMER-FINDINGS)."""
    s = gr["sitze"]
    if not gr["sitzgruppen"]:
        return "keine Sitzgruppen"
    fest = _fest_besetzt(gr)
    teile = [f"{fest}/{s['gesamt']}"] if s["gesamt"] else []
    frei = s["besetzt"] - fest
    if s["sitzzahl_offen"] and (frei or not teile):
        teile.append(f"{'+' if teile else ''}{frei} ohne feste Zahl")
    return " ".join(teile)


def vakant_kompakt(gr: dict) -> str:
    return str(gr["sitze"]["vakant"]) if gr["sitze"]["gesamt"] and not gr.get("gegruendet_nach_stichtag") else "–"


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
    Regelverstöße, vakante Sitzgruppen, Mitglieder ohne Sitzgruppe, Sitzungsrhythmus. Vor der
    Gründung nur dieser Hinweis: es gibt nichts zu besetzen und keine Sitzungen zu halten."""
    vorher = noch_nicht_gegruendet(gr)
    if vorher:
        return [(vorher, "dim")]
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
