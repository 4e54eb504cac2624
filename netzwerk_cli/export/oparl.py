"""`netzwerk export oparl`: der Bestand als statischer OParl-1.1-Dateibaum.

Über 400 Zeilen, weil es die eine Abbildung Bestand → OParl ist: die Objektarten verweisen
aufeinander (ids, Listen, Rückverweise); die Prüfung des Ergebnisses steht in `oparl_pruefung.py`.

Eine JSON-Datei je Objekt und je Objektliste; die id jedes Objekts ist `BASIS-URL/` + sein
Dateipfad (alle ids enden auf `.json`, damit jeder statische Webserver den richtigen Typ
liefert). Einstieg: `system.json`. Aufbau und Abbildung: docs/VEROEFFENTLICHEN.md („OParl“).

Datenschutz: alles läuft durch `Datenschutz(öffentlich)` – private Personen erscheinen nur mit
Pseudonym (`person/person-<hmac>.json`) und ohne Namensfelder; Kontaktdaten liest dieses Modul
nie (`Datenschutz` gibt sie nicht heraus); Freitexte gehen durch `Datenschutz.text`.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from netzwerk_cli.berichte.bezeichnungen import (
    AG_STATUS,
    EMPFEHLUNG_STATUS,
    GREMIUM_ART,
    ORGANISATIONSTYP,
    ROLLE,
    SITZUNG_STATUS,
    UMSETZUNGSSTAND,
    bezeichnung,
)
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.berichte.grundlagen import gueltige, kurzname
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.export.zeitquelle import Zeitquelle
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

OPARL = "https://schema.oparl.org/1.1/"
PRAEFIX = "netzwerk:"  # Herstellerspezifische Eigenschaften (OParl 1.1, Abschnitt „Erweiterungen“)
ZEITZONE = "Europe/Berlin"
BODY = "netzwerk"
LISTEN = {  # Body-Eigenschaft → Dateiname der Objektliste
    "organization": "organization",
    "person": "person",
    "meeting": "meeting",
    "paper": "paper",
    "agendaItem": "agendaitem",
    "consultation": "consultation",
    "file": "file",
    "locationList": "location",
    "legislativeTermList": "legislativeterm",
    "membership": "membership",
}
# Nachschlagetabellen für Werte aus den Daten; ein fehlender Wert (None) ergibt None bzw. den Standard.
ERGEBNIS: dict[str | None, str] = {"angenommen": "angenommen", "abgelehnt": "abgelehnt", "zurueckverwiesen": "zurückverwiesen", "vertagt": "vertagt", "zur_kenntnis_genommen": "zur Kenntnis genommen"}
BERATUNGSROLLE: dict[str | None, str] = {
    "beschlossen": "Beschlussfassung",
    "abgelehnt": "Beschlussfassung",
    "entwurf": "Rückverweisung",
    "umgesetzt": "Überprüfung der Umsetzung",
    "nicht_umgesetzt": "Überprüfung der Umsetzung",
}
SITZUNGSZUSTAND: dict[str | None, str] = {"geplant": "terminiert", "durchgefuehrt": "durchgeführt", "abgesagt": "abgesagt"}


def basis_url_pruefen(url: str) -> str:
    """Die Basis-URL ohne abschließenden Schrägstrich, oder ein EinrichtungsFehler."""
    if not isinstance(url, str) or not url or len(url) > 2000:
        raise EinrichtungsFehler("--basis-url fehlt oder ist zu lang (höchstens 2000 Zeichen).")
    if any(z.isspace() or ord(z) < 32 or ord(z) == 127 for z in url):
        raise EinrichtungsFehler("--basis-url darf keine Leer- oder Steuerzeichen enthalten.")
    try:
        teile = urlsplit(url)
        port = teile.port  # ungültiger Port → ValueError
    except ValueError:
        raise EinrichtungsFehler(f"--basis-url „{url}“ ist keine gültige URL.") from None
    if teile.scheme not in ("http", "https") or not teile.hostname:
        raise EinrichtungsFehler(f"--basis-url „{url}“: erwartet wird eine http- oder https-URL mit Rechnername, z. B. https://beispiel.de/oparl")
    if teile.username is not None or teile.password is not None:
        raise EinrichtungsFehler("--basis-url darf keine Zugangsdaten (name:passwort@) enthalten.")
    if teile.query or teile.fragment or "?" in url or "#" in url:
        raise EinrichtungsFehler("--basis-url darf weder Abfrage (?…) noch Anker (#…) enthalten.")
    if re.search(r"[<>\"'`{}|\\^]", url):
        raise EinrichtungsFehler("--basis-url enthält Zeichen, die in einer URL maskiert sein müssen.")
    del port
    return url.rstrip("/")


def ohne_leere(wert):
    """Fehlende Werte werden weggelassen, nicht als null, "" oder [] geschrieben (OParl 1.1)."""
    if isinstance(wert, dict):
        aus = {}
        for k, v in wert.items():
            v = ohne_leere(v)
            if v is None or v == "" or v == [] or v == {}:
                continue
            aus[k] = v
        return aus
    if isinstance(wert, list):
        return [v for v in (ohne_leere(x) for x in wert) if v is not None and v != "" and v != [] and v != {}]
    if isinstance(wert, str):
        return wert.strip() or None
    return wert


@dataclass
class Export:
    dateien: dict[str, dict] = field(default_factory=dict)  # Pfad relativ zu ORDNER → JSON-Objekt
    hinweise: list[str] = field(default_factory=list)

    def als_bytes(self) -> dict[str, bytes]:
        return {p: (json.dumps(o, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8") for p, o in self.dateien.items()}


class _Bau:
    def __init__(self, bestand: Bestand, basis: str, schutz: Datenschutz, zeit: Zeitquelle):
        self.b = bestand
        self.basis = basis
        self.schutz = schutz
        self.zeit = zeit
        self.listen: dict[str, list[dict]] = {k: [] for k in LISTEN}
        self.dateien: dict[str, dict] = {}

    # ----------------------------------------------------------------- Grundlagen

    def url(self, pfad: str) -> str:
        return f"{self.basis}/{pfad}"

    def t(self, text) -> str | None:
        return self.schutz.text(text) if isinstance(text, str) else None

    def zeiten(self, *dateien: str | None) -> dict:
        vorhanden = tuple(d for d in dateien if d)
        created = min((self.zeit.fuer(d)[0] for d in vorhanden), default=self.zeit.ersatz, key=_iso)
        modified = self.zeit.spaetestes(list(vorhanden))
        return {"created": created, "modified": modified}

    def datei(self, art: str, id_: str | None) -> str | None:
        ds = self.b.hole(art, id_)
        return ds.datei if ds is not None else None

    def ablegen(self, pfad: str, objekt: dict, liste: str | None) -> dict:
        objekt = ohne_leere(objekt)
        self.dateien[pfad] = objekt
        if liste:
            self.listen[liste].append(objekt)
        return objekt

    def org_url(self, org_id: str | None) -> str | None:
        return self.url(f"organization/organisation-{org_id}.json") if self.b.daten("organisation", org_id) else None

    def gremium_url(self, gid: str | None) -> str | None:
        return self.url(f"organization/gremium-{gid}.json") if self.b.daten("gremium", gid) else None

    def ag_url(self, aid: str | None) -> str | None:
        return self.url(f"organization/ag-{aid}.json") if self.b.daten("arbeitsgruppe", aid) else None

    def person_url(self, pid: str | None) -> str | None:
        if pid is None or not self.b.daten("person", pid):  # daten() ist {} für None
            return None
        return self.url(f"person/{self.schutz.pseudonym(pid)}.json")

    def sitzung_url(self, sid: str | None) -> str | None:
        return self.url(f"meeting/{sid}.json") if self.b.daten("sitzung", sid) else None

    def vendor(self, **werte) -> dict:
        return {PRAEFIX + k: v for k, v in werte.items()}

    # ----------------------------------------------------------------- Objekte

    def alles(self) -> None:
        self.body_url = self.url(f"body/{BODY}.json")
        self.organisationen()
        self.gremien()
        self.arbeitsgruppen()
        self.personen()  # nach den Mitgliedschaften (eingebettet)
        self.vorlauf()
        self.empfehlungen()  # vor den Sitzungen: die Tagesordnungspunkte verweisen auf Beratungen
        self.sitzungen()
        self.system_und_body()

    def vorlauf(self) -> None:
        """Was Sitzungen und Empfehlungen voneinander wissen müssen, bevor Objekte entstehen:
        URLs der Tagesordnungspunkte je (Sitzung, Empfehlung) und die Dateien je Ort."""
        self.top_urls: dict[tuple[str, str], str] = {}
        self.top_beratung: dict[str, str] = {}  # AgendaItem-URL → erste Beratung
        self.sitzungen_mit: dict[str, list[str]] = {}
        self.ort_dateien: dict[str, list[str | None]] = {}
        for sid, s in gueltige(self.b, "sitzung"):
            text = self.t(s.get("ort"))
            if text:
                self.ort_dateien.setdefault(text, []).append(self.datei("sitzung", sid))
            for i, top in enumerate(s.get("tagesordnung") or [], start=1):
                if not isinstance(top, dict):
                    continue
                for eid in top.get("empfehlungen") or []:
                    self.top_urls.setdefault((sid, eid), self.url(f"agendaitem/{sid}--{i}.json"))
                    self.sitzungen_mit.setdefault(eid, []).append(sid)

    def system_und_body(self) -> None:
        netz = self.b.netzwerk.daten if self.b.netzwerk is not None and self.b.netzwerk.gueltig else {}
        z = self.zeiten("netzwerk.yaml")
        webseite = netz.get("webseite") if _ist_url(netz.get("webseite")) else None
        system = {
            "id": self.url("system.json"),
            "type": OPARL + "System",
            "oparlVersion": OPARL,
            "body": self.url("bodies.json"),
            "name": self.t(netz.get("name")) or "Netzwerk",
            "website": webseite,
            **z,
        }
        body = {
            "id": self.body_url,
            "type": OPARL + "Body",
            "system": system["id"],
            "name": self.t(netz.get("name")) or "Netzwerk",
            "shortName": self.t(netz.get("kurzname")),
            "website": webseite,
            "classification": "Integrationsnetzwerk",
            **{k: self.url(f"body/{BODY}/{datei}.json") for k, datei in LISTEN.items()},
            "legislativeTerm": [],  # Pflichtfeld; der Bestand kennt keine Wahlperioden
            **z,
            **self.vendor(
                beschreibung=self.t(netz.get("beschreibung")),
                ziele=[self.t(x) for x in netz.get("ziele") or [] if isinstance(x, str)],
                gegruendet=netz.get("gegruendet"),
                traeger=[u for u in (self.org_url(o) for o in netz.get("traeger") or []) if u],
            ),
        }
        body = ohne_leere(body)
        body["legislativeTerm"] = []
        self.dateien["system.json"] = ohne_leere(system)
        self.dateien[f"body/{BODY}.json"] = body
        self.dateien["bodies.json"] = _liste([body])
        for k, datei in LISTEN.items():
            self.dateien[f"body/{BODY}/{datei}.json"] = _liste(sorted(self.listen[k], key=lambda o: o["id"]))

    def organisationen(self) -> None:
        for oid, o in gueltige(self.b, "organisation"):
            typ = o.get("typ")
            self.ablegen(
                f"organization/organisation-{oid}.json",
                {
                    "id": self.org_url(oid),
                    "type": OPARL + "Organization",
                    "body": self.body_url,
                    "name": self.t(o.get("name")),
                    "shortName": self.t(o.get("kurzname")),
                    "organizationType": "Fraktion" if typ == "fraktion" else "Institution",
                    "classification": bezeichnung(ORGANISATIONSTYP, typ) if typ else None,
                    "subOrganizationOf": self.org_url(o.get("uebergeordnet")),
                    "website": o.get("webseite") if _ist_url(o.get("webseite")) else None,
                    **self.zeiten(self.datei("organisation", oid)),
                    **self.vendor(grosseKreisstadt=o.get("grosse_kreisstadt")),
                },
                "organization",
            )

    def gremien(self) -> None:
        self.mitgliedschaften: dict[str, list[dict]] = {}  # person → eingebettete Mitgliedschaften
        for gid, g in gueltige(self.b, "gremium"):
            datei = self.datei("gremium", gid)
            gruppen = {sg.get("id"): sg for sg in g.get("sitzgruppen") or [] if isinstance(sg, dict)}
            urls = []
            zaehler: dict[str, int] = {}
            for m in g.get("mitglieder") or []:
                pid = m.get("person")
                purl = self.person_url(pid)
                if purl is None:
                    continue
                pseudo = self.schutz.pseudonym(pid)
                zaehler[pseudo] = zaehler.get(pseudo, 0) + 1
                sg = gruppen.get(m.get("sitzgruppe")) or {}
                stellvertretung = m.get("art") == "stellvertretung"
                pfad = f"membership/gremium-{gid}--{pseudo}--{zaehler[pseudo]}.json"
                mitgliedschaft = {
                    "id": self.url(pfad),
                    "type": OPARL + "Membership",
                    "person": purl,
                    "organization": self.gremium_url(gid),
                    "role": self.t(sg.get("name")) or ("Stellvertretung" if stellvertretung else "Mitglied"),
                    "votingRight": not stellvertretung,
                    "startDate": m.get("von"),
                    "endDate": m.get("bis"),
                    "onBehalfOf": self._im_auftrag(sg, pid),
                    **self.zeiten(datei),
                    **self.vendor(
                        art="Stellvertretung" if stellvertretung else "ordentliches Mitglied",
                        sitzgruppe=sg.get("id"),
                        vertritt=self.person_url(m.get("vertritt")) if stellvertretung else None,
                    ),
                }
                obj = self.ablegen(pfad, mitgliedschaft, "membership")
                urls.append(obj["id"])
                self.mitgliedschaften.setdefault(pid, []).append(obj)
            self.ablegen(
                f"organization/gremium-{gid}.json",
                {
                    "id": self.gremium_url(gid),
                    "type": OPARL + "Organization",
                    "body": self.body_url,
                    "name": self.t(g.get("name")),
                    "shortName": self.t(g.get("kurzname")),
                    "organizationType": "Gremium",
                    "classification": bezeichnung(GREMIUM_ART, g.get("art")) if g.get("art") else None,
                    "subOrganizationOf": self.org_url(g.get("organisation")),
                    "startDate": g.get("gegruendet"),
                    "membership": urls,
                    **self.zeiten(datei),
                    **self.vendor(
                        aufgaben=[self.t(a) for a in g.get("aufgaben") or [] if isinstance(a, str)],
                        sitzungenProJahr=g.get("sitzungen_pro_jahr"),
                        beschlussfaehigkeit=self._beschlussfaehigkeit(g.get("beschlussfaehigkeit")),
                        sitzgruppen=[self._sitzgruppe(sg) for sg in gruppen.values()],
                        traeger=[u for u in (self.org_url(o) for o in g.get("traeger") or []) if u],
                    ),
                },
                "organization",
            )

    def _im_auftrag(self, sg: dict, pid: str) -> str | None:
        """Die benennende Stelle: einzige benennende Organisation der Sitzgruppe, sonst die eigene
        Organisation des Mitglieds, wenn sie zu den benennenden gehört oder keine genannt sind."""
        benannt = [o for o in sg.get("benannt_von") or [] if isinstance(o, str)]
        if len(benannt) == 1:
            return self.org_url(benannt[0])
        eigene = self.schutz.anzeige(pid).organisation
        if eigene and (eigene in benannt or not benannt):
            return self.org_url(eigene)
        return None

    def _beschlussfaehigkeit(self, wert) -> dict | None:
        if not isinstance(wert, dict):
            return None
        return {k: (self.t(v) if isinstance(v, str) else v) for k, v in wert.items()}

    def _sitzgruppe(self, sg: dict) -> dict:
        aus: dict[str, Any] = {}
        for k, v in sg.items():
            if k in ("benannt_von", "organisation") and isinstance(v, list):
                aus[_camel(k)] = [u for u in (self.org_url(o) for o in v) if u]
            elif k == "aus" and sg.get("je") == "organisation" and isinstance(v, list):
                aus["aus"] = [u for u in (self.org_url(o) for o in v) if u]
            else:
                aus[_camel(k)] = self.t(v) if isinstance(v, str) else v
        return aus

    def arbeitsgruppen(self) -> None:
        for aid, a in gueltige(self.b, "arbeitsgruppe"):
            datei = self.datei("arbeitsgruppe", aid)
            leitung = {p for p in a.get("leitung") or [] if isinstance(p, str)}
            urls, orgs = [], []
            zaehler: dict[str, int] = {}
            personen_mit_eintrag = set()
            eintraege = [m for m in a.get("mitglieder") or [] if isinstance(m, dict)]
            eintraege += [{"person": p, "funktion": "Leitung"} for p in sorted(leitung) if p not in {m.get("person") for m in eintraege}]
            for m in eintraege:
                pid = m.get("person")
                if not pid:
                    if self.org_url(m.get("organisation")):
                        orgs.append(self.org_url(m.get("organisation")))
                    continue
                purl = self.person_url(pid)
                if purl is None:
                    continue
                personen_mit_eintrag.add(pid)
                pseudo = self.schutz.pseudonym(pid)
                zaehler[pseudo] = zaehler.get(pseudo, 0) + 1
                pfad = f"membership/ag-{aid}--{pseudo}--{zaehler[pseudo]}.json"
                rolle = "Leitung" if pid in leitung else (self.t(m.get("funktion")) or "Mitglied")
                obj = self.ablegen(
                    pfad,
                    {
                        "id": self.url(pfad),
                        "type": OPARL + "Membership",
                        "person": purl,
                        "organization": self.ag_url(aid),
                        "role": rolle,
                        "startDate": m.get("von"),
                        "endDate": m.get("bis"),
                        **self.zeiten(datei),
                    },
                    "membership",
                )
                urls.append(obj["id"])
                self.mitgliedschaften.setdefault(pid, []).append(obj)
            self.ablegen(
                f"organization/ag-{aid}.json",
                {
                    "id": self.ag_url(aid),
                    "type": OPARL + "Organization",
                    "body": self.body_url,
                    "name": self.t(a.get("name")),
                    "organizationType": "Arbeitsgruppe",
                    "classification": "Operative Arbeitsgruppe",
                    "subOrganizationOf": self.gremium_url(a.get("eingesetzt_von")),
                    "startDate": a.get("beginn"),
                    "endDate": a.get("abgeschlossen_am"),
                    "membership": urls,
                    **self.zeiten(datei),
                    **self.vendor(
                        thema=self.t(a.get("thema")),
                        status=bezeichnung(AG_STATUS, a.get("status")) if a.get("status") else None,
                        endeGeplant=a.get("ende_geplant"),
                        eingesetztIn=self.sitzung_url(a.get("eingesetzt_in")),
                        staendigeMitglieder=a.get("staendige_mitglieder"),
                        mitgliedsorganisationen=orgs,
                        themenfelder=[x for x in a.get("themenfelder") or [] if isinstance(x, str)],
                        ergebnisse=[self.t(x) for x in a.get("ergebnisse") or [] if isinstance(x, str)],
                    ),
                },
                "organization",
            )

    def personen(self) -> None:
        for pid, _p in gueltige(self.b, "person"):
            anzeige = self.schutz.anzeige(pid)
            pseudo = self.schutz.pseudonym(pid)
            obj = {
                "id": self.url(f"person/{pseudo}.json"),
                "type": OPARL + "Person",
                "body": self.body_url,
                "membership": self.mitgliedschaften.get(pid, []),
                **self.zeiten(self.datei("person", pid)),
            }
            if anzeige.name:  # darf genannt werden
                roh = self.b.daten("person", pid)
                obj.update(
                    name=anzeige.name,
                    title=[roh["titel"]] if isinstance(roh.get("titel"), str) else [],
                    status=[self.t(anzeige.funktion)] if anzeige.funktion else [],
                )
            else:
                obj.update(self.vendor(bezeichnung=self.t(anzeige.bezeichnung)))
            obj.update(self.vendor(organisation=self.org_url(anzeige.organisation), rollen=[bezeichnung(ROLLE, r) for r in anzeige.rollen]))
            self.ablegen(f"person/{pseudo}.json", obj, "person")

    # ----------------------------------------------------------------- Sitzungen

    def ort(self, text: str | None, datei: str | None) -> dict | None:
        text = self.t(text)
        if not text:
            return None
        kennung = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
        pfad = f"location/ort-{kennung}.json"
        if pfad not in self.dateien:  # derselbe Ort in mehreren Sitzungen: früheste Anlage, späteste Änderung
            zeiten = self.zeiten(*self.ort_dateien.get(text, [datei]))
            self.ablegen(pfad, {"id": self.url(pfad), "type": OPARL + "Location", "description": text, **zeiten}, "locationList")
        return self.dateien[pfad]

    def sitzungen(self) -> None:
        for sid, s in gueltige(self.b, "sitzung"):
            datei = self.datei("sitzung", sid)
            z = self.zeiten(datei)
            tops = []
            for i, top in enumerate(s.get("tagesordnung") or [], start=1):
                if not isinstance(top, dict):
                    continue
                pfad = f"agendaitem/{sid}--{i}.json"
                beschluss = roh_beschluss if isinstance(roh_beschluss := top.get("beschluss"), dict) else {}
                obj = self.ablegen(
                    pfad,
                    {
                        "id": self.url(pfad),
                        "type": OPARL + "AgendaItem",
                        "meeting": self.url(f"meeting/{sid}.json"),
                        "number": str(top["nummer"]) if top.get("nummer") is not None else None,
                        "order": i,
                        "name": self.t(top.get("titel")),
                        "public": s.get("oeffentlich") if isinstance(s.get("oeffentlich"), bool) else None,
                        "consultation": self.top_beratung.get(self.url(pfad)),
                        "result": ERGEBNIS.get(beschluss.get("ergebnis")),
                        "resolutionText": self.t(beschluss.get("text")),
                        **z,
                        **self.vendor(
                            abstimmung=abstimmung if isinstance(abstimmung := beschluss.get("abstimmung"), dict) else None,
                            drucksache=self.t(top.get("drucksache")),
                            vorlageArt=self.t(top.get("vorlage_art")),
                            berichterstattung=self.t(top.get("berichterstattung")),
                            arbeitsgruppen=[u for u in (self.ag_url(a) for a in top.get("arbeitsgruppen") or []) if u],
                        ),
                    },
                    "agendaItem",
                )
                tops.append(obj)
            gremium = self.b.daten("gremium", s.get("gremium"))
            status = s.get("status")
            start, uhrzeit = _zeitpunkt(s["datum"], s.get("beginn"))
            ende = _zeitpunkt(s["datum"], s.get("ende"))[0] if s.get("ende") else None
            self.ablegen(
                f"meeting/{sid}.json",
                {
                    "id": self.url(f"meeting/{sid}.json"),
                    "type": OPARL + "Meeting",
                    "name": f"Sitzung {kurzname(gremium, s.get('gremium'))} am {_datum_de(s['datum'])}",
                    "meetingState": SITZUNGSZUSTAND.get(status),
                    "cancelled": True if status == "abgesagt" else None,
                    "start": start,
                    "end": ende,
                    "location": self.ort(s.get("ort"), datei),
                    "organization": [u for u in [self.gremium_url(s.get("gremium"))] if u],
                    "participant": [u for u in (self.person_url(p) for p in s.get("anwesend") or []) if u],
                    "agendaItem": tops,
                    **z,
                    **self.vendor(
                        datum=s["datum"],
                        uhrzeitBekannt=uhrzeit,
                        status=bezeichnung(SITZUNG_STATUS, status) if status else None,
                        oeffentlich=s.get("oeffentlich"),
                        anzahlAnwesend=len(s.get("anwesend") or []) or None,
                        anzahlEntschuldigt=len(s.get("entschuldigt") or []) or None,
                        anzahlGaeste=len(s.get("gaeste") or []) or None,
                        protokoll=self.t(s.get("protokoll")),
                    ),
                },
                "meeting",
            )

    # ----------------------------------------------------------------- Drucksachen

    def empfehlungen(self) -> None:
        sitzungen_mit = self.sitzungen_mit
        for eid, e in gueltige(self.b, "empfehlung"):
            datei = self.datei("empfehlung", eid)
            z = self.zeiten(datei)
            purl = self.url(f"paper/empfehlung-{eid}.json")
            verlauf = [v for v in e.get("verlauf") or [] if isinstance(v, dict)]
            schritte: dict[str, str | None] = {}  # sitzung → Status des Schritts dort
            for v in verlauf:
                if v.get("sitzung"):
                    schritte.setdefault(v["sitzung"], v.get("status"))
            beratungen = []
            beraten_in = {x for x in set(sitzungen_mit.get(eid, [])) | set(schritte) if self.b.daten("sitzung", x)}
            for n, sid in enumerate(sorted(beraten_in, key=lambda x: (self.b.daten("sitzung", x)["datum"], x)), start=1):
                schritt = schritte.get(sid)
                pfad = f"consultation/{eid}--{n}.json"
                top_url = self.top_urls.get((sid, eid))
                obj = self.ablegen(
                    pfad,
                    {
                        "id": self.url(pfad),
                        "type": OPARL + "Consultation",
                        "paper": purl,
                        "meeting": self.sitzung_url(sid),
                        "agendaItem": top_url,
                        "organization": [u for u in [self.gremium_url(self.b.daten("sitzung", sid).get("gremium"))] if u],
                        "authoritative": schritt in ("beschlossen", "abgelehnt") or None,
                        "role": BERATUNGSROLLE.get(schritt, "Beratung"),
                        **self.zeiten(datei, self.datei("sitzung", sid)),
                        **self.vendor(statusNachBeratung=bezeichnung(EMPFEHLUNG_STATUS, schritt) if schritt else None),
                    },
                    "consultation",
                )
                beratungen.append(obj)
                if top_url:  # AgendaItem.consultation: die (erste) Beratung dieses Punkts
                    self.top_beratung.setdefault(top_url, obj["id"])
            berichte = []
            for n, u in enumerate((u for u in e.get("umsetzung") or [] if isinstance(u, dict)), start=1):
                pfad = f"paper/umsetzungsbericht-{eid}--{n}.json"
                adressat = self.b.daten("organisation", u.get("adressat"))
                obj = self.ablegen(
                    pfad,
                    {
                        "id": self.url(pfad),
                        "type": OPARL + "Paper",
                        "body": self.body_url,
                        "name": f"Umsetzungsbericht {kurzname(adressat, u.get('adressat'))} vom {_datum_de(u.get('datum'))} zu Empfehlung {eid}",
                        "reference": f"{eid}/U{n}",
                        "date": u.get("datum"),
                        "paperType": "Umsetzungsbericht",
                        "superordinatedPaper": [purl],
                        "originatorOrganization": [x for x in [self.org_url(u.get("adressat"))] if x],
                        **z,
                        **self.vendor(
                            stand=bezeichnung(UMSETZUNGSSTAND, u.get("stand")) if u.get("stand") else None,
                            bericht=self.t(u.get("bericht")),
                        ),
                    },
                    "paper",
                )
                berichte.append(obj["id"])
            herkunft = self.ag_url(e.get("arbeitsgruppe")) or self.gremium_url(e.get("gremium"))
            eingereicht = next((v.get("datum") for v in verlauf if v.get("status") == "eingereicht"), None)
            self.ablegen(
                f"paper/empfehlung-{eid}.json",
                {
                    "id": purl,
                    "type": OPARL + "Paper",
                    "body": self.body_url,
                    "name": self.t(e.get("titel")),
                    "reference": eid,
                    "date": eingereicht or (verlauf[0].get("datum") if verlauf else None),
                    "paperType": "Empfehlung",
                    "subordinatedPaper": berichte,
                    "originatorOrganization": [x for x in [herkunft] if x],
                    "consultation": beratungen,
                    **z,
                    **self.vendor(
                        text=self.t(e.get("text")),
                        status=bezeichnung(EMPFEHLUNG_STATUS, e.get("status")) if e.get("status") else None,
                        entscheidungsgremium=self.gremium_url(e.get("entscheidungsgremium")),
                        adressaten=[x for x in (self.org_url(o) for o in e.get("adressaten") or []) if x],
                        themenfelder=[x for x in e.get("themenfelder") or [] if isinstance(x, str)],
                        verlauf=[
                            {
                                "status": bezeichnung(EMPFEHLUNG_STATUS, v.get("status")),
                                "datum": v.get("datum"),
                                "meeting": self.sitzung_url(v.get("sitzung")),
                                "durch": self.t(v.get("durch")),
                                "notiz": self.t(v.get("notiz")),
                            }
                            for v in verlauf
                        ],
                    ),
                },
                "paper",
            )


def _liste(objekte: list[dict]) -> dict:
    return {
        "data": objekte,
        "pagination": {"totalElements": len(objekte), "elementsPerPage": max(len(objekte), 1), "currentPage": 1, "totalPages": 1},
    }


def _camel(name: str) -> str:
    kopf, *rest = name.split("_")
    return kopf + "".join(t[:1].upper() + t[1:] for t in rest)


def _ist_url(wert) -> bool:
    if not isinstance(wert, str):
        return False
    try:
        return urlsplit(wert).scheme in ("http", "https") and bool(urlsplit(wert).hostname) and not any(z.isspace() for z in wert)
    except ValueError:
        return False


def _iso(wert: str):
    from datetime import datetime

    return datetime.fromisoformat(wert)


def _datum_de(iso: str | None) -> str:
    from netzwerk_cli.ausgabe.format import datum

    return datum(iso)


def _zeitpunkt(tag: str, uhrzeit: str | None) -> tuple[str, bool]:
    """ISO-8601-Zeitpunkt in deutscher Zeit; ohne Uhrzeit 00:00 (und False)."""
    from datetime import datetime, time
    from zoneinfo import ZoneInfo

    try:
        zone = ZoneInfo(ZEITZONE)
    except Exception:
        raise EinrichtungsFehler("Zeitzonendaten für Europe/Berlin fehlen (Paket „tzdata“ installieren).") from None
    stunde, minute = (int(x) for x in uhrzeit.split(":")) if uhrzeit else (0, 0)
    punkt = datetime.combine(datetime.fromisoformat(tag).date(), time(stunde, minute), tzinfo=zone)
    return punkt.isoformat(), bool(uhrzeit)


def exportieren(wurzel: Path, bestand: Bestand, basis_url: str, schluessel: bytes, zeit: Zeitquelle | None = None) -> Export:
    """Baut den Dateibaum (noch nichts geschrieben)."""
    basis = basis_url_pruefen(basis_url)
    schutz = Datenschutz(bestand, oeffentlich=True, pseudonym_schluessel=schluessel)
    zeit = zeit or Zeitquelle(wurzel)
    bau = _Bau(bestand, basis, schutz, zeit)
    bau.alles()
    dateien = {p: schutz.bereinigen(o) for p, o in sorted(bau.dateien.items())}
    return Export(dateien, zeit.hinweise())
