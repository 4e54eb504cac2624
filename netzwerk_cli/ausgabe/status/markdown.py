"""`netzwerk status` als Markdown (GitHub/GitLab-Tabellen), kompakt (Standard) oder
ausführlich; der Wortlaut kommt aus `wortlaut.py`.
"""

from __future__ import annotations

from netzwerk_cli.ausgabe.format import datum, md_tabelle, md_text
from netzwerk_cli.ausgabe.status.wortlaut import (
    LEGENDE,
    MAX_OFFENE,
    MAX_OFFENE_KOMPAKT,
    _alle_ags,
    ag_empfehlungen,
    ag_empfehlungen_kompakt,
    ag_stand,
    ag_stand_kompakt,
    beispiel,
    bewertung_text,
    fassung,
    gremium_kurz,
    gremium_probleme,
    leitung,
    naechste_kompakt,
    sitze_kompakt,
    sitze_zusammenfassung,
    sitzung_kurz,
    sitzungen_kompakt,
    sitzungen_soll,
    stand_text,
    status_zaehlung_kompakt,
    titel,
    umsetzung_kompakt,
    vakant_kompakt,
    weitere_text,
    zeige_jahr,
)
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, UMSETZUNGSSTAND

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
