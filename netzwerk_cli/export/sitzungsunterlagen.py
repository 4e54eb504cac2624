"""Sitzungsunterlagen: Einladung und Ergebnisniederschrift einer Sitzung (Markdown oder HTML).

Immer die öffentliche Fassung (`Datenschutz(öffentlich=True)`): Namen nur von Personen mit
`oeffentlich: true`; alle anderen erscheinen als Zahl je Sitzgruppe; Gäste nur mit Funktion bzw.
Organisation; Kontaktdaten nie; Freitexte gehen durch `Datenschutz.text`.
HTML: Jinja2 mit Autoescaping, CSS eingebettet, druckt auf A4 (`@page`). Markdown: jeder Wert
aus den Daten wird für GitHub/GitLab entschärft (kein HTML, keine @-Erwähnungen, keine
#123-Verweise, keine Links aus Daten).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from netzwerk_cli.ausgabe.format import datum as datum_de
from netzwerk_cli.ausgabe.format import md_text
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, SITZUNG_STATUS, bezeichnung
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.berichte.grundlagen import ag_name, empfehlung_am, gremium_name, org_name
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.grundlagen.fehler import Abgelehnt

VORLAGEN = Path(__file__).parent / "unterlagen_vorlagen"
WOCHENTAG = ("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag")
# Nachschlagetabelle für Werte aus den Daten; ein fehlender Wert (None) ergibt None.
ERGEBNIS: dict[str | None, str] = {"angenommen": "angenommen", "abgelehnt": "abgelehnt", "zurueckverwiesen": "zurückverwiesen", "vertagt": "vertagt", "zur_kenntnis_genommen": "zur Kenntnis genommen"}


def _sitzung(bestand: Bestand, sid: str) -> dict:
    ds = bestand.hole("sitzung", sid)
    if ds is None:
        raise Abgelehnt(f"Sitzung „{sid}“ gibt es nicht (ids stehen in sitzungen/, z. B. „netzwerk status“).")
    if not ds.gueltig:
        raise Abgelehnt(f"Sitzung „{sid}“ ({ds.datei}) ist fehlerhaft; bitte erst „netzwerk validate“ beheben.")
    return ds.daten


def _kopf(bestand: Bestand, schutz: Datenschutz, sid: str, s: dict, art: str) -> dict:
    tag = date.fromisoformat(s["datum"])
    zeit = None
    if s.get("beginn"):
        zeit = f"{s['beginn']}–{s['ende']} Uhr" if s.get("ende") else f"{s['beginn']} Uhr"
    g = bestand.daten("gremium", s.get("gremium"))
    kurz = schutz.text(gremium_name(bestand, s.get("gremium"))) or ""
    vorne = f"{'Einladung' if art == 'einladung' else 'Niederschrift'}: "
    hinten = f", {datum_de(s['datum'])}"
    if len(vorne + kurz + hinten) > 70:  # Fenstertitel kurz halten (html-validate: long-title)
        kurz = kurz[: 69 - len(vorne + hinten)].rstrip() + "…"
    return {
        "art": art,
        "titel": vorne + kurz + hinten,
        "sitzung": sid,
        "gremium": schutz.text(g.get("name") or s.get("gremium")),
        "gremium_kurz": schutz.text(gremium_name(bestand, s.get("gremium"))),
        "datum": f"{WOCHENTAG[tag.weekday()]}, {datum_de(s['datum'])}",
        "zeit": zeit,
        "ort": schutz.text(s.get("ort")),
        "status": bezeichnung(SITZUNG_STATUS, s.get("status")) if s.get("status") else None,
        "abgesagt": s.get("status") == "abgesagt",
        "oeffentlich": s.get("oeffentlich"),
        "beispiel": bool(s.get("beispiel")),
    }


def _tagesordnung(bestand: Bestand, schutz: Datenschutz, s: dict) -> list[dict]:
    punkte = []
    for i, top in enumerate(t for t in s.get("tagesordnung") or [] if isinstance(t, dict)):
        unterlagen = []
        if top.get("drucksache"):
            unterlagen.append(" ".join(x for x in (schutz.text(top.get("vorlage_art")) or "Vorlage", schutz.text(str(top["drucksache"]))) if x))
        for eid in top.get("empfehlungen") or []:
            e = bestand.daten("empfehlung", eid)
            unterlagen.append(f"Empfehlung {eid}: {schutz.text(e.get('titel'))}" if e else f"Empfehlung {eid}")
        for aid in top.get("arbeitsgruppen") or []:
            unterlagen.append(f"Arbeitsgruppe: {schutz.text(ag_name(bestand, aid))}")
        b = roh_beschluss if isinstance(roh_beschluss := top.get("beschluss"), dict) else {}
        abst = roh_abst if isinstance(roh_abst := b.get("abstimmung"), dict) else None
        punkte.append(
            {
                "nummer": str(top["nummer"]) if top.get("nummer") is not None else str(i + 1),
                "titel": schutz.text(top.get("titel")),
                "berichterstattung": schutz.text(top.get("berichterstattung")),
                "unterlagen": unterlagen,
                "beschluss": schutz.text(b.get("text")),
                "ergebnis": ERGEBNIS.get(b.get("ergebnis")),
                "abstimmung": {k: abst.get(k, 0) for k in ("ja", "nein", "enthaltung")} if abst else None,
            }
        )
    return punkte


def einladung(bestand: Bestand, sid: str) -> dict:
    """Einladung: Kopf, Tagesordnung mit Unterlagen je Punkt, die Empfehlungen zur Beschlussfassung mit Text."""
    s = _sitzung(bestand, sid)
    schutz = Datenschutz(bestand, oeffentlich=True)
    dok = _kopf(bestand, schutz, sid, s, "einladung")
    dok["tagesordnung"] = _tagesordnung(bestand, schutz, s)
    empfehlungen = []
    gesehen = set()
    for top in s.get("tagesordnung") or []:
        for eid in (top.get("empfehlungen") or []) if isinstance(top, dict) else []:
            e = bestand.daten("empfehlung", eid)
            if not e or eid in gesehen:
                continue
            gesehen.add(eid)
            stand = empfehlung_am(e, s["datum"]) or e
            empfehlungen.append(
                {
                    "id": eid,
                    "titel": schutz.text(e.get("titel")),
                    "text": schutz.text(e.get("text")),
                    "herkunft": schutz.text(ag_name(bestand, e.get("arbeitsgruppe")) if e.get("arbeitsgruppe") else gremium_name(bestand, e.get("gremium"))),
                    "adressaten": [schutz.text(org_name(bestand, o, kurz=False)) for o in e.get("adressaten") or []],
                    "status": bezeichnung(EMPFEHLUNG_STATUS, stand.get("status")) if stand.get("status") else None,
                }
            )
    dok["empfehlungen"] = empfehlungen
    return schutz.bereinigen(dok)


def _sitzgruppe_am(g: dict, pid: str, tag: str) -> tuple[str | None, bool]:
    """(Name der Sitzgruppe, Stellvertretung?) der Person im Gremium am Tag."""
    gruppen = {sg.get("id"): sg.get("name") for sg in g.get("sitzgruppen") or [] if isinstance(sg, dict)}
    for m in g.get("mitglieder") or []:
        if not isinstance(m, dict) or m.get("person") != pid:
            continue
        if (m.get("von") or "0000") <= tag and (not m.get("bis") or tag <= m["bis"]):
            return gruppen.get(m.get("sitzgruppe")), m.get("art") == "stellvertretung"
    return None, False


def _anwesenheit(bestand: Bestand, schutz: Datenschutz, s: dict, feld: str) -> dict:
    g = bestand.daten("gremium", s.get("gremium"))
    namen: list[str] = []
    je_gruppe: dict[str, int] = {}
    personen = [p for p in s.get(feld) or [] if isinstance(p, str)]
    for pid in personen:
        gruppe, vertretung = _sitzgruppe_am(g, pid, s["datum"])
        anzeige = schutz.anzeige(pid)
        rolle = (gruppe or "ohne Sitz im Gremium") + (" (Stellvertretung)" if vertretung else "")
        if anzeige.name:
            namen.append(f"{anzeige.name} – {rolle}")
        else:
            je_gruppe[rolle] = je_gruppe.get(rolle, 0) + 1
    return {
        "anzahl": len(personen),
        "namen": namen,
        "ohne_namen": [{"gruppe": k, "anzahl": v} for k, v in sorted(je_gruppe.items())],
    }


def niederschrift(bestand: Bestand, sid: str) -> dict:
    """Ergebnisniederschrift: Anwesenheit (Zahlen; Namen nur öffentlicher Personen), Beschlüsse und Abstimmungen."""
    s = _sitzung(bestand, sid)
    schutz = Datenschutz(bestand, oeffentlich=True)
    dok = _kopf(bestand, schutz, sid, s, "niederschrift")
    dok["anwesend"] = _anwesenheit(bestand, schutz, s, "anwesend")
    dok["entschuldigt"] = _anwesenheit(bestand, schutz, s, "entschuldigt")
    gaeste = []
    for gast in s.get("gaeste") or []:
        if isinstance(gast, dict):
            teile = [schutz.text(gast.get("funktion")), schutz.text(org_name(bestand, gast.get("organisation"), kurz=False)) if gast.get("organisation") else None]
            gaeste.append(", ".join(t for t in teile if t) or "Gast")
    dok["gaeste"] = gaeste
    g = bestand.daten("gremium", s.get("gremium"))
    mindestens = (g.get("beschlussfaehigkeit") or {}).get("mindestens_anwesend") if isinstance(g.get("beschlussfaehigkeit"), dict) else None
    if isinstance(mindestens, int) and s.get("status") == "durchgefuehrt":
        ordentlich = sum(
            1 for p in s.get("anwesend") or [] if _sitzgruppe_am(g, p, s["datum"])[0] is not None and not _sitzgruppe_am(g, p, s["datum"])[1]
        )
        dok["beschlussfaehig"] = f"{'beschlussfähig' if ordentlich >= mindestens else 'nicht beschlussfähig'} ({ordentlich} ordentliche Mitglieder anwesend, mindestens {mindestens} nötig)"
    else:
        dok["beschlussfaehig"] = None
    dok["tagesordnung"] = _tagesordnung(bestand, schutz, s)
    dok["protokoll"] = schutz.text(s.get("protokoll"))
    return schutz.bereinigen(dok)


# --------------------------------------------------------------------------- Markdown

_GITHUB_VERWEIS = re.compile(r"([@#!~$%&^])(?=[\w\"'])")
_BLOCK_ANFANG = re.compile(r"^(\s*)([#=+\-]|\d+[.)])")


def md(text: object) -> str:
    """Ein Wert aus den Daten für GitHub/GitLab-Markdown: Markdown-Zeichen maskiert (`md_text`),
    `~` maskiert, Verweiszeichen (@ # ! ~ $ % & ^) vor Wortzeichen mit einem unsichtbaren
    Wortverbinder (U+2060) entschärft, damit weder Erwähnungen noch #123-Verweise entstehen."""
    s = md_text(text).replace("~", "\\~")
    return _GITHUB_VERWEIS.sub("\\1\u2060", s)


def md_absatz(text: object) -> str:
    """Wie `md`, aber als eigener Absatz: ein Zeilenanfang wird nie zu Überschrift oder Liste."""
    return _BLOCK_ANFANG.sub(lambda m: m.group(1) + "\\" + m.group(2), md(text))


def als_markdown(dok: dict) -> str:
    z: list[str] = []
    einladung_ = dok["art"] == "einladung"
    z.append(f"# {'Einladung' if einladung_ else 'Ergebnisniederschrift'}: Sitzung {md(dok['gremium'])}")
    z.append("")
    if dok["abgesagt"]:
        z += ["**Die Sitzung ist abgesagt.**", ""]
    z.append(f"- **Datum:** {md(dok['datum'])}")
    if dok["zeit"]:
        z.append(f"- **Zeit:** {md(dok['zeit'])}")
    z.append(f"- **Ort:** {md(dok['ort']) if dok['ort'] else 'wird noch bekannt gegeben'}")
    if dok["status"]:
        z.append(f"- **Stand:** {md(dok['status'])}")
    if dok["oeffentlich"] is not None:
        z.append(f"- **Sitzung:** {'öffentlich' if dok['oeffentlich'] else 'nicht öffentlich'}")
    if dok["beispiel"]:
        z.append("- **Hinweis:** erfundenes Beispiel")
    z.append("")
    if not einladung_:
        z += ["## Anwesenheit", ""]
        for feld, titel in (("anwesend", "Anwesend"), ("entschuldigt", "Entschuldigt")):
            a = dok[feld]
            z.append(f"- **{titel}:** {a['anzahl']}")
            z += [f"  - {md(n)}" for n in a["namen"]]
            z += [f"  - {md(x['gruppe'])}: {x['anzahl']} ({'Name' if x['anzahl'] == 1 else 'Namen'} nicht öffentlich)" for x in a["ohne_namen"]]
        z.append(f"- **Gäste:** {len(dok['gaeste'])}")
        z += [f"  - {md(g)}" for g in dok["gaeste"]]
        if dok["beschlussfaehig"]:
            z.append(f"- **Beschlussfähigkeit:** {md(dok['beschlussfaehig'])}")
        z.append("")
    z += ["## Tagesordnung" if einladung_ else "## Beratung und Beschlüsse", ""]
    if not dok["tagesordnung"]:
        z += ["Keine Tagesordnungspunkte erfasst.", ""]
    for top in dok["tagesordnung"]:
        z += [f"### TOP {md(top['nummer'])}: {md(top['titel'])}", ""]
        if top["berichterstattung"]:
            z.append(f"- Berichterstattung: {md(top['berichterstattung'])}")
        if einladung_:
            z += [f"- Unterlage: {md(u)}" for u in top["unterlagen"]]
        else:
            if top["ergebnis"]:
                z.append(f"- Ergebnis: **{md(top['ergebnis'])}**")
            if top["abstimmung"]:
                a = top["abstimmung"]
                z.append(f"- Abstimmung: {a['ja']} ja, {a['nein']} nein, {a['enthaltung']} {'Enthaltung' if a['enthaltung'] == 1 else 'Enthaltungen'}")
            if not top["ergebnis"] and not top["beschluss"]:
                z.append("- Kein Beschluss erfasst.")
        if z[-1] != "":
            z.append("")
        if not einladung_ and top["beschluss"]:
            z += [f"> {md(top['beschluss'])}", ""]
    if einladung_ and dok["empfehlungen"]:
        z += ["## Zur Beschlussfassung vorgelegte Empfehlungen", ""]
        for e in dok["empfehlungen"]:
            z += [f"### Empfehlung {md(e['id'])}: {md(e['titel'])}", ""]
            if e["text"]:
                z += [md_absatz(e["text"]), ""]
            if e["herkunft"]:
                z.append(f"- Herkunft: {md(e['herkunft'])}")
            if e["adressaten"]:
                z.append(f"- Adressaten: {', '.join(md(a) for a in e['adressaten'])}")
            if e["status"]:
                z.append(f"- Stand zur Sitzung: {md(e['status'])}")
            z.append("")
    if not einladung_ and dok["protokoll"]:
        z += [f"Ausführliches Protokoll: {md(dok['protokoll'])}", ""]
    return "\n".join(z).rstrip() + "\n"


# --------------------------------------------------------------------------- HTML


def als_html(dok: dict) -> str:
    import jinja2

    umgebung = jinja2.Environment(
        loader=jinja2.FileSystemLoader(VORLAGEN),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return umgebung.get_template("sitzung.html.j2").render(d=dok)
