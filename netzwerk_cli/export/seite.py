"""`netzwerk export seite ORDNER`: die statische Website des Netzwerks (immer öffentliche Fassung).

Über 400 Zeilen, weil das Seitenmodell (eine Funktion je Seitenart mit gemeinsamen
Verweis-Helfern) den größten Teil ausmacht; ein Schnitt Seitenmodell/Rendern wäre der nächste Schritt.

Aufbau:
* `seitenmodell` – Daten → Seiten (je Seite Pfad, Vorlage, Titel und ein dict); liest den Bestand
  nur über die Berichtsschicht (`berichte/`) und die Datenschutzschicht; kein Ein-/Ausgabe sonst.
* `rendern` – Seiten → Dateien (Jinja2 mit Autoescaping, Vorlagen in `export/vorlagen/`), dazu
  `sitemap.xml` und das Strukturdiagramm als SVG (Graphviz, falls vorhanden).
* `exportieren` – der eine Aufruf des Befehls: laden, bauen, Datenschutz-Endkontrolle, schreiben.

Festlegungen (docs/VEROEFFENTLICHEN.md): Empfehlungen im Status `entwurf` und Empfehlungen, die es
am Stichtag noch nicht gab, erscheinen nicht; Tagesordnungen nur von Sitzungen mit
`oeffentlich: true`; Felder `notiz` der Datensätze (Anmerkungen der Geschäftsstelle) erscheinen nie,
`quelle` schon; Personen nur, wie `Datenschutz.anzeige` sie zeigt.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import AG_STATUS, EMPFEHLUNG_STATUS, GREMIUM_ART, SITZUNG_STATUS, UMSETZUNGSSTAND, bezeichnung
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.berichte.diagramm import Netzwerkgraph, netzwerkgraph
from netzwerk_cli.berichte.gremium import gremiumsbericht
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler

MARKE = "seite"
BARRIEREFREIHEIT_DATEI = Path(".netzwerk") / "barrierefreiheit.yaml"
DOT_ZEITLIMIT = 60  # Sekunden

MASSNAHME_STATUS = {"geplant": "geplant", "ausgewaehlt": "ausgewählt", "in_umsetzung": "in Umsetzung", "umgesetzt": "umgesetzt", "verworfen": "verworfen"}
# Nachschlagetabellen für Werte aus den Daten; ein fehlender Wert (None) ergibt None bzw. den Standard.
ERGEBNIS: dict[str | None, str] = {"angenommen": "angenommen", "abgelehnt": "abgelehnt", "zurueckverwiesen": "zurückverwiesen", "vertagt": "vertagt", "zur_kenntnis_genommen": "zur Kenntnis genommen"}
VERANSTALTUNG_ART: dict[str | None, str] = {
    "fachtag": "Fachtag",
    "informationsveranstaltung": "Informationsveranstaltung",
    "netzwerkveranstaltung": "Netzwerkveranstaltung",
    "workshop": "Workshop",
    "konferenz": "Konferenz",
    "sonstige": "Veranstaltung",
}
PROGRAMM_ART = {"grusswort": "Grußwort", "impuls": "Impuls", "podium": "Podium", "moderation": "Moderation", "austausch": "Austausch", "sonstiges": ""}
VEREINBARKEIT = {
    "vollstaendig": "vollständig vereinbar",
    "teilweise": "teilweise vereinbar",
    "nicht": "nicht vereinbar",
}
_MONATE = ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember")


def datum_de(wert: str | None) -> str:
    """„2026-03-18“ → „18. März 2026“ (anderes bleibt, wie es ist)."""
    if not isinstance(wert, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", wert):
        return wert or ""
    jahr, monat, tag = (int(t) for t in wert.split("-"))
    return f"{tag}. {_MONATE[monat - 1]} {jahr}" if 1 <= monat <= 12 else wert


@dataclass
class Seite:
    pfad: str  # relativer Pfad in der Website, z. B. "gremien/strategiegruppe.html"
    vorlage: str
    titel: str  # Überschrift (h1) und Titel des Fensters
    daten: dict = field(default_factory=dict)


@dataclass
class Modell:
    netzwerk: dict
    stichtag: str
    seiten: list[Seite]
    graph: Netzwerkgraph
    barrierefreiheit_ausgefuellt: bool


# --------------------------------------------------------------------------- Verweise


def pfad_gremium(gid: str) -> str:
    return f"gremien/{gid}.html"


def pfad_ag(aid: str) -> str:
    return f"arbeitsgruppen/{aid}.html"


def pfad_empfehlung(eid: str) -> str:
    return f"empfehlungen/{eid}.html"


def pfad_konzept(kid: str) -> str:
    return f"konzepte/{kid}.html"


class _Bau:
    """Sammelt, was mehrere Seiten brauchen (sichtbare Datensätze, Namen, Verweise)."""

    def __init__(self, repo: g.GeprueftesRepo, schutz: Datenschutz):
        self.repo, self.bestand, self.stichtag, self.schutz = repo, repo.bestand, repo.stichtag, schutz
        self.gremien = dict(g.gueltige(self.bestand, "gremium"))
        self.ags = dict(g.gueltige(self.bestand, "arbeitsgruppe"))
        self.empfehlungen: dict[str, dict] = {}
        for eid, e in g.gueltige(self.bestand, "empfehlung"):
            am = g.empfehlung_am(e, self.stichtag)
            if am is not None and am["status"] != "entwurf":
                self.empfehlungen[eid] = am
        self.sitzungen = dict(g.gueltige(self.bestand, "sitzung"))
        self.konzepte = dict(g.gueltige(self.bestand, "konzept"))
        self.themenfelder: dict[str, str] = {}
        for _, k in sorted(self.konzepte.items()):
            for t in [*(k.get("themenfelder") or []), *(k.get("querschnittsthemen") or [])]:
                self.themenfelder.setdefault(t["id"], t.get("name") or t["id"])
        self._nach_sitzung: dict[str, list[str]] | None = None  # Sitzung → Empfehlungen (empfehlungen_der_sitzung)

    def org(self, oid: str | None) -> dict | None:
        if not oid:
            return None
        return {"name": g.org_name(self.bestand, oid, kurz=False), "pfad": None}

    def gremium_verweis(self, gid: str | None) -> dict | None:
        if not gid:
            return None
        if gid in self.gremien:
            return {"name": self.gremien[gid].get("name", gid), "pfad": pfad_gremium(gid)}
        return {"name": gid, "pfad": None}

    def ag_verweis(self, aid: str | None) -> dict | None:
        if not aid:
            return None
        if aid in self.ags:
            return {"name": self.ags[aid].get("name", aid), "pfad": pfad_ag(aid)}
        return {"name": aid, "pfad": None}

    def sitzung_verweis(self, sid: str | None) -> dict | None:
        s = self.sitzungen.get(sid or "")
        if not s:
            return None
        gr = s.get("gremium")
        name = f"Sitzung am {datum_de(s['datum'])}"
        if gr in self.gremien:
            return {"name": f"{name} ({g.kurzname(self.gremien[gr], gr)})", "pfad": f"{pfad_gremium(gr)}#{sid}"}
        return {"name": name, "pfad": None}

    def empfehlungen_der_sitzung(self, sid: str) -> list[str]:
        """Die Empfehlungen (sortiert nach id), in deren Verlauf die Sitzung `sid` vorkommt – über
        ein einmal gebautes Verzeichnis statt je Sitzung über alle Empfehlungen."""
        if self._nach_sitzung is None:
            self._nach_sitzung = {}
            for eid, e in sorted(self.empfehlungen.items()):
                for v in e.get("verlauf") or []:
                    s = v.get("sitzung")
                    if isinstance(s, str) and eid not in self._nach_sitzung.setdefault(s, []):
                        self._nach_sitzung[s].append(eid)
        return self._nach_sitzung.get(sid, [])

    def empfehlung_kurz(self, eid: str) -> dict:
        e = self.empfehlungen[eid]
        return {
            "id": eid,
            "titel": e.get("titel", eid),
            "pfad": pfad_empfehlung(eid),
            "status": bezeichnung(EMPFEHLUNG_STATUS, e["status"]),
            "seit": g.status_seit(e),
            "beispiel": e.get("beispiel") is True,
        }

    def quellen(self, daten: dict) -> list[dict]:
        q = daten.get("quelle")
        liste = q if isinstance(q, list) else [q] if q else []
        return [{"text": x, "url": x if re.match(r"https?://", x) else None} for x in liste if isinstance(x, str)]


# --------------------------------------------------------------------------- Seiten


def _startseite(b: _Bau, netzwerk: dict) -> Seite:
    ags = []
    for aid, ag in sorted(b.ags.items(), key=lambda p: (p[1].get("name", p[0]).lower(), p[0])):
        ags.append({"name": ag.get("name", aid), "pfad": pfad_ag(aid), "status": AG_STATUS.get(g.ag_status_am(ag, b.stichtag), "Status unbekannt")})
    daten = {
        "beschreibung": netzwerk.get("beschreibung"),
        "gegruendet": netzwerk.get("gegruendet"),
        "webseite": netzwerk.get("webseite"),
        "ziele": list(netzwerk.get("ziele") or []),
        "traeger": [b.org(o) for o in netzwerk.get("traeger") or []],
        "beispiel": netzwerk.get("beispiel") is True,
        "gremien": [
            {"name": gr.get("name", gid), "pfad": pfad_gremium(gid), "art": bezeichnung(GREMIUM_ART, gr.get("art"))}
            for gid, gr in sorted(b.gremien.items(), key=lambda p: (p[1].get("name", p[0]).lower(), p[0]))
        ],
        "arbeitsgruppen": ags,
        "konzepte": [{"name": k.get("titel", kid), "pfad": pfad_konzept(kid)} for kid, k in sorted(b.konzepte.items())],
        "quellen": b.quellen(netzwerk),
    }
    return Seite("index.html", "start.html.j2", netzwerk.get("name") or "Netzwerk", daten)


def _sitzung(b: _Bau, sid: str, s: dict) -> dict:
    oeffentlich = s.get("oeffentlich") is True  # ohne Angabe: nichtöffentlich (im Zweifel nichts zeigen)
    tops = []
    if oeffentlich:
        for top in s.get("tagesordnung") or []:
            beschluss = top.get("beschluss") or {}
            tops.append(
                {
                    "nummer": str(top.get("nummer", "")),
                    "titel": top.get("titel", ""),
                    "drucksache": top.get("drucksache"),
                    "vorlage_art": top.get("vorlage_art"),
                    "empfehlungen": [b.empfehlung_kurz(e) for e in top.get("empfehlungen") or [] if e in b.empfehlungen],
                    "arbeitsgruppen": [v for v in (b.ag_verweis(a) for a in top.get("arbeitsgruppen") or []) if v],
                    "ergebnis": ERGEBNIS.get(beschluss.get("ergebnis")) if beschluss.get("ergebnis") else None,
                    "beschluss": beschluss.get("text"),
                    "abstimmung": dict(beschluss.get("abstimmung") or {}),
                }
            )
    beschlossen = [b.empfehlung_kurz(eid) for eid in b.empfehlungen_der_sitzung(sid)]
    return {
        "id": sid,
        "datum": s["datum"],
        "beginn": s.get("beginn"),
        "ende": s.get("ende"),
        "ort": s.get("ort"),
        "status": s.get("status"),
        "status_text": SITZUNG_STATUS.get(s.get("status"), "Status unbekannt"),
        "oeffentlich": oeffentlich,
        "tagesordnung": tops,
        "empfehlungen": beschlossen,
        "protokoll": s.get("protokoll") if oeffentlich and re.match(r"https?://", str(s.get("protokoll") or "")) else None,
        "beispiel": s.get("beispiel") is True,
    }


def _gremium(b: _Bau, gid: str, gr: dict) -> Seite:
    bericht = gremiumsbericht(b.repo, gid, oeffentlich=True)
    zeilen = []
    for z in bericht["zeilen"]:
        if z["art"] in ("vakant", "offen"):
            person = "vakant" if z["art"] == "vakant" else "nicht erfasst (Sitzzahl offen)"
            if z.get("vakant_fuer"):
                person += f" (nicht vertreten: {z['vakant_fuer']})"
        else:
            person = z["name"] or f"{z['rolle'] or z['sitzgruppe_name']} (Name nicht öffentlich)"
        zeilen.append(
            {
                "sitzgruppe": z["sitzgruppe_name"],
                "person": person,
                "leer": z["art"] in ("vakant", "offen"),
                "organisation": z["organisation_name"],
                "rolle": z["rolle"] if z["name"] else None,
                "seit": z["seit"],
                "stellvertretung": [s["bezeichnung"] for s in z["stellvertretung"]],
            }
        )
    sitzungen = [_sitzung(b, sid, s) for sid, s in g.sitzungen_von(b.bestand, gid)]
    kommend = [s for s in sitzungen if g.findet_statt(b.sitzungen[s["id"]], b.stichtag)]
    vergangen = [s for s in reversed(sitzungen) if s not in kommend]
    soll = gr.get("sitzungen_pro_jahr")
    daten = {
        "art": bezeichnung(GREMIUM_ART, gr.get("art")),
        "organisation": b.org(gr.get("organisation")),
        "traeger": [b.org(o) for o in gr.get("traeger") or []],
        "gegruendet": gr.get("gegruendet"),
        "beispiel": gr.get("beispiel") is True,
        "aufgaben": list(gr.get("aufgaben") or []),
        "rhythmus": {"min": soll["min"], "max": soll["max"]} if isinstance(soll, dict) else None,
        "beschlussfaehigkeit": (gr.get("beschlussfaehigkeit") or {}).get("text"),
        "sitze": bericht["sitze"],
        "sitzgruppen": bericht["sitzgruppen"],
        "zeilen": zeilen,
        "kommend": kommend,
        "vergangen": vergangen,
        "arbeitsgruppen": [
            {"name": ag.get("name", aid), "pfad": pfad_ag(aid), "status": AG_STATUS.get(g.ag_status_am(ag, b.stichtag), "Status unbekannt")}
            for aid, ag in sorted(b.ags.items())
            if ag.get("eingesetzt_von") == gid
        ],
        "empfehlungen": [b.empfehlung_kurz(eid) for eid, e in sorted(b.empfehlungen.items()) if e.get("entscheidungsgremium") == gid],
        "quellen": b.quellen(gr),
    }
    return Seite(pfad_gremium(gid), "gremium.html.j2", gr.get("name", gid), daten)


def _arbeitsgruppe(b: _Bau, aid: str, ag: dict) -> Seite:
    status = g.ag_status_am(ag, b.stichtag)
    daten = {
        "thema": ag.get("thema"),
        "eingesetzt_von": b.gremium_verweis(ag.get("eingesetzt_von")),
        "eingesetzt_in": b.sitzung_verweis(ag.get("eingesetzt_in")),
        "status": AG_STATUS.get(status, "Status unbekannt"),
        "beginn": ag.get("beginn"),
        "ende_geplant": ag.get("ende_geplant") if status != "abgeschlossen" else None,
        "abgeschlossen_am": ag.get("abgeschlossen_am") if status == "abgeschlossen" else None,
        "leitung": [b.schutz.anzeige(p, "AG-Leitung").bezeichnung for p in ag.get("leitung") or []],
        "organisationen": sorted({g.org_name(b.bestand, m["organisation"], kurz=False) for m in ag.get("mitglieder") or [] if m.get("organisation")}),
        "staendige_mitglieder": ag.get("staendige_mitglieder"),
        "themenfelder": [b.themenfelder.get(t, t) for t in ag.get("themenfelder") or []],
        "ergebnisse": list(ag.get("ergebnisse") or []),
        "empfehlungen": [b.empfehlung_kurz(eid) for eid, e in sorted(b.empfehlungen.items()) if e.get("arbeitsgruppe") == aid],
        "beispiel": ag.get("beispiel") is True,
        "quellen": b.quellen(ag),
    }
    return Seite(pfad_ag(aid), "arbeitsgruppe.html.j2", ag.get("name", aid), daten)


def _empfehlung(b: _Bau, eid: str, e: dict) -> Seite:
    verlauf = [
        {
            "datum": v.get("datum"),
            "status": bezeichnung(EMPFEHLUNG_STATUS, v.get("status")),
            "sitzung": b.sitzung_verweis(v.get("sitzung")),
            "durch": v.get("durch"),
            "notiz": v.get("notiz"),
        }
        for v in e.get("verlauf") or []
    ]
    letzte: dict[str, dict] = {}
    for u in sorted(e.get("umsetzung") or [], key=lambda u: u["datum"]):
        letzte[u["adressat"]] = u
    adressaten = list(dict.fromkeys([*(e.get("adressaten") or []), *letzte]))
    umsetzung = [
        {
            "adressat": g.org_name(b.bestand, a, kurz=False),
            "stand": bezeichnung(UMSETZUNGSSTAND, letzte[a]["stand"]) if a in letzte else None,
            "datum": letzte[a]["datum"] if a in letzte else None,
            "bericht": letzte[a].get("bericht") if a in letzte else None,
        }
        for a in adressaten
    ]
    daten = {
        "id": eid,
        "text": e.get("text"),
        "status": bezeichnung(EMPFEHLUNG_STATUS, e["status"]),
        "arbeitsgruppe": b.ag_verweis(e.get("arbeitsgruppe")),
        "gremium": b.gremium_verweis(e.get("gremium")),
        "entscheidungsgremium": b.gremium_verweis(e.get("entscheidungsgremium")),
        "adressaten": [g.org_name(b.bestand, a, kurz=False) for a in e.get("adressaten") or []],
        "themenfelder": [b.themenfelder.get(t, t) for t in e.get("themenfelder") or []],
        "verlauf": verlauf,
        "umsetzung": umsetzung if e["status"] in g.WEITERGELEITET or letzte else [],
        "beispiel": e.get("beispiel") is True,
        "quellen": b.quellen(e),
    }
    return Seite(pfad_empfehlung(eid), "empfehlung.html.j2", f"Empfehlung {eid}: {e.get('titel', eid)}", daten)


def _empfehlungsliste(b: _Bau) -> Seite:
    return Seite("empfehlungen.html", "empfehlungen.html.j2", "Handlungsempfehlungen", {"empfehlungen": [b.empfehlung_kurz(e) for e in sorted(b.empfehlungen)]})


def _veranstaltungen(b: _Bau) -> Seite:
    liste = []
    for vid, v in sorted(g.gueltige(b.bestand, "veranstaltung"), key=lambda p: (p[1]["datum"], p[0]), reverse=True):
        programm = []
        for p in v.get("programm") or []:
            programm.append(
                {
                    "titel": p.get("titel", ""),
                    "art": PROGRAMM_ART.get(p.get("art"), ""),
                    "personen": [b.schutz.anzeige(pid, PROGRAMM_ART.get(p.get("art")) or "Mitwirkende").bezeichnung for pid in p.get("personen") or []]
                    + list(p.get("mitwirkende") or []),
                }
            )
        liste.append(
            {
                "id": vid,
                "titel": v.get("titel", vid),
                "datum": v["datum"],
                "ort": v.get("ort"),
                "art": VERANSTALTUNG_ART.get(v.get("art"), "Veranstaltung"),
                "veranstalter": [g.org_name(b.bestand, o, kurz=False) for o in v.get("veranstalter") or []],
                "teilnehmende": v.get("teilnehmende_anzahl"),
                "teilnehmende_ca": v.get("teilnehmende_ca") is True,
                "programm": programm,
                "beispiel": v.get("beispiel") is True,
                "quellen": b.quellen(v),
            }
        )
    return Seite("veranstaltungen.html", "veranstaltungen.html.j2", "Veranstaltungen", {"veranstaltungen": liste})


def _konzept(b: _Bau, kid: str, k: dict) -> Seite:
    felder = {t["id"]: t.get("name") or t["id"] for t in k.get("themenfelder") or []}
    ziele = {w["id"]: w for w in k.get("wirkungsziele") or []}
    jahre: dict[int, list] = {}
    for m in k.get("massnahmen") or []:
        ziel = ziele.get(m.get("wirkungsziel") or "")
        jahre.setdefault(m["jahr"], []).append(
            {"titel": m.get("titel", ""), "ziel": ziel.get("ziel") if ziel else None, "status": MASSNAHME_STATUS.get(m.get("status"), "Status unbekannt")}
        )
    daten = {
        "traeger": b.org(k.get("traeger")),
        "steuerung": b.gremium_verweis(k.get("steuerung")),
        "beginn": k.get("beginn"),
        "stand": k.get("stand"),
        "themenfelder": [t.get("name") or t["id"] for t in k.get("themenfelder") or []],
        "querschnittsthemen": [t.get("name") or t["id"] for t in k.get("querschnittsthemen") or []],
        "wirkungsziele": [
            {"themenfeld": felder.get(w.get("themenfeld"), w.get("themenfeld") or ""), "bedarf": w.get("bedarf"), "ziel": w.get("ziel")}
            for w in k.get("wirkungsziele") or []
        ],
        "massnahmen": [{"jahr": j, "liste": jahre[j]} for j in sorted(jahre)],
        "arbeitskreise": [
            {"name": a.get("name", ""), "ziel": a.get("ziel"), "mitglieder": list(a.get("mitglieder") or [])} for a in k.get("arbeitskreise") or []
        ],
        "beispiel": k.get("beispiel") is True,
        "quellen": b.quellen(k),
    }
    return Seite(pfad_konzept(kid), "konzept.html.j2", k.get("titel", kid), daten)


def _struktur(b: _Bau, graph: Netzwerkgraph, netzwerk: dict) -> Seite:
    """Die Struktur als verschachtelte Liste: je Gremium, wer es besetzt, welche AGs es einsetzt,
    von wem es Empfehlungen bekommt und an wen es sie weiterleitet (dieselben Kanten wie das Diagramm)."""
    knoten = {k.schluessel: k for k in graph.knoten}

    def verweis(schluessel: str) -> dict:
        k = knoten[schluessel]
        pfad = {"gremium": pfad_gremium, "arbeitsgruppe": pfad_ag}.get(k.art)
        return {"name": k.bezeichnung, "pfad": pfad(k.id) if pfad and (k.id in b.gremien or k.id in b.ags) else None, "zusatz": None}

    gremien = []
    eingesetzt: set[str] = set()
    for k in graph.knoten:
        if k.art != "gremium":
            continue
        gruppen: dict[str, list] = {"besetzt": [], "setzt_ein": [], "empfiehlt": [], "leitet_weiter": []}
        for kante in graph.kanten:
            if kante.nach == k.schluessel and {"benennt", "entsendet"} & set(kante.arten):
                v = verweis(kante.von)
                v["zusatz"] = kante.bezeichnung
                gruppen["besetzt"].append(v)
            if kante.von == k.schluessel and "setzt_ein" in kante.arten:
                gruppen["setzt_ein"].append(verweis(kante.nach))
                eingesetzt.add(kante.nach)
            if kante.nach == k.schluessel and "empfiehlt" in kante.arten:
                v = verweis(kante.von)
                v["zusatz"] = kante.bezeichnung
                gruppen["empfiehlt"].append(v)
            if kante.von == k.schluessel and "leitet_weiter" in kante.arten:
                v = verweis(kante.nach)
                v["zusatz"] = f"{kante.anzahl} {'Empfehlung' if kante.anzahl == 1 else 'Empfehlungen'}"
                gruppen["leitet_weiter"].append(v)
        gremien.append({**verweis(k.schluessel), **gruppen, "beispiel": k.beispiel})
    ohne = [verweis(k.schluessel) for k in graph.knoten if k.art == "arbeitsgruppe" and k.schluessel not in eingesetzt]
    daten = {"traeger": [b.org(o) for o in netzwerk.get("traeger") or []], "gremien": gremien, "ohne_gremium": ohne, "diagramm": None}
    return Seite("struktur.html", "struktur.html.j2", "Struktur des Netzwerks", daten)


def _barrierefreiheit(b: _Bau, angaben: dict | None) -> Seite:
    return Seite("barrierefreiheit.html", "barrierefreiheit.html.j2", "Erklärung zur Barrierefreiheit", {"angaben": angaben})


# --------------------------------------------------------------------------- Erklärung zur Barrierefreiheit


def barrierefreiheit_lesen(wurzel: Path) -> dict | None:
    """Die Angaben des Netzwerks zur Erklärung zur Barrierefreiheit (`.netzwerk/barrierefreiheit.yaml`,
    optional; Felder in docs/VEROEFFENTLICHEN.md). None, wenn die Datei fehlt."""
    from netzwerk_cli.quellen.dateien import lies_datei
    from netzwerk_cli.quellen.yamltext import lade_text

    pfad = wurzel / BARRIEREFREIHEIT_DATEI
    rel = BARRIEREFREIHEIT_DATEI.as_posix()
    if not pfad.exists() and not pfad.is_symlink():
        return None
    text, probleme = lies_datei(pfad, wurzel)
    dok = None
    if text is not None:
        dok, probleme = lade_text(text)
    if dok is None or probleme:
        p = probleme[0] if probleme else None
        stelle = f":{p.zeile}:{p.spalte}" if p else ""
        raise EinrichtungsFehler(f"{rel}{stelle}: {p.meldung if p else 'nicht lesbar'} [barrierefreiheit-ungueltig]")
    daten = dok.daten

    def fehler(feld: str, was: str) -> EinrichtungsFehler:
        zeile, spalte = dok.position((feld,))
        return EinrichtungsFehler(f"{rel}:{zeile}:{spalte}: „{feld}“ {was} [barrierefreiheit-ungueltig]")

    if not isinstance(daten, dict):
        raise EinrichtungsFehler(f"{rel}:1:1: erwartet eine Zuordnung (Feld: Wert) [barrierefreiheit-ungueltig]")
    erlaubt = {"stand", "vereinbarkeit", "nicht_barrierefrei", "begruendung", "alternativen", "bewertung", "feedback", "schlichtung"}
    for k in daten:
        if k not in erlaubt:
            raise fehler(str(k), f"ist kein bekanntes Feld (erlaubt: {', '.join(sorted(erlaubt))})")
    if not isinstance(daten.get("stand"), str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", daten["stand"]):
        raise fehler("stand", "fehlt oder ist kein Datum JJJJ-MM-TT")
    if daten.get("vereinbarkeit") not in VEREINBARKEIT:
        raise fehler("vereinbarkeit", f"muss einer dieser Werte sein: {', '.join(VEREINBARKEIT)}")
    for feld in ("begruendung", "alternativen", "bewertung", "schlichtung"):
        if feld in daten and not isinstance(daten[feld], str):
            raise fehler(feld, "muss ein Text sein")
    liste = daten.get("nicht_barrierefrei") or []
    if not isinstance(liste, list) or not all(isinstance(x, str) for x in liste):
        raise fehler("nicht_barrierefrei", "muss eine Liste von Texten sein")
    fb = daten.get("feedback")
    if not isinstance(fb, dict) or not isinstance(fb.get("stelle"), str) or not (isinstance(fb.get("email"), str) or isinstance(fb.get("url"), str)):
        raise fehler("feedback", "braucht „stelle“ und „email“ oder „url“ (Feedback-Möglichkeit nach BITV 2.0 § 7)")
    for k, v in fb.items():
        if k not in ("stelle", "email", "telefon", "anschrift", "url") or not isinstance(v, str):
            raise fehler("feedback", f"„{k}“: unbekanntes Feld oder kein Text")
    if "url" in fb and not re.match(r"https?://", fb["url"]):
        raise fehler("feedback", "„url“ muss mit http:// oder https:// beginnen")
    leer = {"begruendung": None, "alternativen": None, "bewertung": None, "schlichtung": None}
    feedback = {"email": None, "telefon": None, "anschrift": None, "url": None, **fb}
    return {**leer, **daten, "nicht_barrierefrei": list(liste), "vereinbarkeit_text": VEREINBARKEIT[daten["vereinbarkeit"]], "feedback": feedback}


# --------------------------------------------------------------------------- Modell


_NAVIGATION = (
    ("index.html", "Startseite"),
    ("empfehlungen.html", "Empfehlungen"),
    ("veranstaltungen.html", "Veranstaltungen"),
    ("struktur.html", "Struktur"),
    ("barrierefreiheit.html", "Barrierefreiheit"),
)


def seitenmodell(repo: g.GeprueftesRepo, schutz: Datenschutz, barrierefreiheit: dict | None) -> Modell:
    """Alle Seiten als Daten, durch die Datenschutzschicht (öffentliche Fassung)."""
    if not schutz.oeffentlich:
        raise ValueError("die Website ist immer die öffentliche Fassung")
    bestand = repo.bestand
    netzwerk = bestand.netzwerk.daten if bestand.netzwerk is not None and bestand.netzwerk.gueltig else {}
    b = _Bau(repo, schutz)
    graph = netzwerkgraph(bestand, oeffentlich=True)
    seiten = [
        _startseite(b, netzwerk),
        *(_gremium(b, gid, gr) for gid, gr in sorted(b.gremien.items())),
        *(_arbeitsgruppe(b, aid, ag) for aid, ag in sorted(b.ags.items())),
        _empfehlungsliste(b),
        *(_empfehlung(b, eid, e) for eid, e in sorted(b.empfehlungen.items())),
        _veranstaltungen(b),
        *(_konzept(b, kid, k) for kid, k in sorted(b.konzepte.items())),
        _struktur(b, graph, netzwerk),
    ]
    # jeder Text jeder Seite durch die Schwärzung (Namen/ids privater Personen, E-Mail-Adressen)
    seiten = [Seite(s.pfad, s.vorlage, schutz.text(s.titel) or "", schutz.bereinigen(s.daten)) for s in seiten]
    if barrierefreiheit is not None:
        # die Feedback-Adresse ist zur Veröffentlichung bestimmt (Funktionsadresse): nicht schwärzen
        fb = barrierefreiheit["feedback"]
        barrierefreiheit = {
            **schutz.bereinigen({k: v for k, v in barrierefreiheit.items() if k != "feedback"}),
            "feedback": {**fb, **schutz.bereinigen({k: v for k, v in fb.items() if k in ("stelle", "anschrift")})},
        }
    seiten.append(_barrierefreiheit(b, barrierefreiheit))
    kopf = schutz.bereinigen({"name": netzwerk.get("name") or "Netzwerk", "kurzname": netzwerk.get("kurzname") or netzwerk.get("name") or "Netzwerk"})
    return Modell(kopf, repo.stichtag, seiten, graph, barrierefreiheit is not None)


# --------------------------------------------------------------------------- Rendern


_VORLAGEN = Path(__file__).parent / "vorlagen"


def _umgebung():
    import jinja2  # erst hier: `netzwerk --help` lädt kein Jinja2

    umgebung = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(_VORLAGEN)),
        autoescape=True,  # alle Vorlagen erzeugen HTML bzw. XML
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    umgebung.filters["datum"] = datum_de
    return umgebung


def _fenstertitel(titel: str, kurzname: str) -> str:
    """Titel des Fensters, höchstens 70 Zeichen (html-validate long-title)."""
    zusatz = f" – {kurzname}"
    if len(titel) + len(zusatz) <= 70:
        return titel + zusatz
    if len(titel) <= 70:
        return titel
    return titel[:69].rstrip() + "…"


def _aufraeumen(html: str) -> bytes:
    """Leerraum am Zeilenende und Leerzeilen entfernen (gleiche Daten → gleiche Bytes)."""
    zeilen = [z.rstrip() for z in html.splitlines()]
    return ("\n".join(z for z in zeilen if z) + "\n").encode("utf-8")


def svg_erzeugen(dot_text: str) -> bytes | None:
    """Graphviz (`dot -Tsvg`) als Unterprozess mit Zeitlimit; None, wenn dot fehlt oder scheitert.
    Kommentare (Version von Graphviz, Knotenschlüssel) werden entfernt."""
    dot = shutil.which("dot")
    if dot is None:
        return None
    try:
        r = subprocess.run([dot, "-Tsvg"], input=dot_text.encode("utf-8"), capture_output=True, timeout=DOT_ZEITLIMIT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if r.returncode != 0 or b"<svg" not in r.stdout:
        return None
    svg = re.sub(rb"<!--.*?-->\n?", b"", r.stdout, flags=re.S)
    return svg


def rendern(modell: Modell, svg: bytes | None, basis_url: str | None = None) -> dict[str, bytes]:
    """Seiten → Dateien (relativer Pfad → Bytes), dazu sitemap.xml und struktur.svg."""
    umgebung = _umgebung()
    dateien: dict[str, bytes] = {}
    for seite in modell.seiten:
        tiefe = seite.pfad.count("/")
        daten = dict(seite.daten)
        if seite.vorlage == "struktur.html.j2" and svg is not None:
            daten["diagramm"] = "struktur.svg"
        html = umgebung.get_template(seite.vorlage).render(
            seite=daten,
            titel=seite.titel,
            fenstertitel=_fenstertitel(seite.titel, modell.netzwerk["kurzname"]),
            netzwerk=modell.netzwerk,
            stichtag=modell.stichtag,
            wurzel="../" * tiefe,
            pfad=seite.pfad,
            navigation=[{"pfad": p, "text": t} for p, t in _NAVIGATION],
        )
        dateien[seite.pfad] = _aufraeumen(html)
    if svg is not None:
        dateien["struktur.svg"] = svg
    basis = (basis_url.rstrip("/") + "/") if basis_url else ""
    orte = [basis + s.pfad for s in sorted(modell.seiten, key=lambda s: s.pfad)]
    dateien["sitemap.xml"] = _aufraeumen(umgebung.get_template("sitemap.xml.j2").render(orte=orte))
    return dict(sorted(dateien.items()))


# --------------------------------------------------------------------------- Endkontrolle und Export


def endkontrolle(dateien: dict[str, bytes], schutz: Datenschutz, erlaubt: tuple[str, ...] = ()) -> None:
    """Fail closed: würde die Schwärzung in einer fertigen Datei noch etwas finden (Name oder id einer
    nicht-öffentlichen Person, E-Mail-Adresse), wird nichts geschrieben. `erlaubt`: Texte, die
    zur Veröffentlichung bestimmt sind (die Feedback-Adresse der Erklärung zur Barrierefreiheit)."""
    import html

    for pfad, inhalt in dateien.items():
        text = html.unescape(inhalt.decode("utf-8", errors="replace"))
        for e in erlaubt:
            text = text.replace(e, "")
        for teil in (pfad, text):
            if schutz.text(teil) != teil:
                raise Abgelehnt(
                    f"{schutz.text(pfad)}: enthielte einen nicht öffentlichen Namen, die id einer privaten Person oder eine "
                    "E-Mail-Adresse; die Website wird nicht geschrieben (Datenschutz). Bitte die Daten prüfen, "
                    "z. B. eine id umbenennen, die einen Namen enthält. [export-datenschutz]"
                )


@dataclass
class Ergebnis:
    ordner: Path
    seiten: int
    dateien: int
    geschrieben: int
    unveraendert: int
    entfernt: int
    diagramm: bool
    barrierefreiheit_ausgefuellt: bool
    schluessel_neu: bool
    schluessel_datei: str


def exportieren(daten: Path | None, ordner: Path, stichtag: str, basis_url: str | None = None) -> Ergebnis:
    from netzwerk_cli.ausgabe.diagramm import als_dot
    from netzwerk_cli.export.schreiben import schreibe_baum
    from netzwerk_cli.quellen.pseudonym import DATEI, schluessel_holen

    if basis_url is not None and not re.fullmatch(r"https?://[^\s<>\"']+", basis_url):
        raise EinrichtungsFehler(f"--basis-url „{basis_url}“: bitte eine http(s)-Adresse angeben, z. B. https://netzwerk.example.org/")
    repo = g.laden(daten, stichtag, pruefen=False)
    ziel = Path(ordner).absolute()
    if ziel == repo.wurzel.absolute() or repo.wurzel.absolute().is_relative_to(ziel):
        raise EinrichtungsFehler(f"{ordner}: der Ausgabeordner darf nicht das Datenrepository sein oder es enthalten [export-ordner]")
    schluessel, neu = schluessel_holen(repo.wurzel, anlegen=True)
    schutz = Datenschutz(repo.bestand, oeffentlich=True, pseudonym_schluessel=schluessel)
    angaben = barrierefreiheit_lesen(repo.wurzel)
    modell = seitenmodell(repo, schutz, angaben)
    svg = svg_erzeugen(als_dot(modell.graph))
    dateien = rendern(modell, svg, basis_url)
    fb = (angaben or {}).get("feedback") or {}
    endkontrolle(dateien, schutz, tuple(v for k, v in fb.items() if k in ("email", "url", "telefon") and v))
    geschrieben = schreibe_baum(ziel, dateien, MARKE)
    return Ergebnis(
        ordner=ziel,
        seiten=len(modell.seiten),
        dateien=len(dateien),
        geschrieben=geschrieben.geschrieben,
        unveraendert=geschrieben.unveraendert,
        entfernt=geschrieben.entfernt,
        diagramm=svg is not None,
        barrierefreiheit_ausgefuellt=modell.barrierefreiheit_ausgefuellt,
        schluessel_neu=neu,
        schluessel_datei=DATEI.as_posix(),
    )
