"""`netzwerk status`: der Statusbericht als Daten (ein dict nach docs/status.schema.json).

Aufbau und Bedeutung jedes Feldes: docs/BERICHTE.md. Der Bericht beschreibt den Stand am
Stichtag: Besetzung nach der Sitzregel-Maschine, Empfehlungen nach ihrem Verlauf bis zum
Stichtag, AGs nach Beginn/Abschluss, Sitzungen nach Datum.

`uebersicht_zusatz` liefert die wenigen Angaben, die nur die kompakte Übersicht (Text und
Markdown ohne `--ausfuehrlich`) braucht und die nicht zum JSON-Schema gehören.
"""

from __future__ import annotations

from collections import Counter

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS, aus_wert, regel_beschreibung
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.regelwerk import lebenszyklus, sitzregeln

SCHEMA_KENNUNG = "netzwerk-status/1"

_ART_RANG = ("strategiegruppe", "steuerungsgruppe", "arbeitskreis", "ausschuss", "beirat", "netzwerk", "sonstiges")


def statusbericht(repo: g.GeprueftesRepo, oeffentlich: bool = False) -> dict:
    bestand, stichtag = repo.bestand, repo.stichtag
    schutz = Datenschutz(bestand, oeffentlich)
    netzwerk = bestand.netzwerk.daten if bestand.netzwerk is not None and bestand.netzwerk.gueltig else {}
    fehler = repo.pruefung.fehler
    hinweise = []
    if fehler:
        hinweise.append(
            f"{fehler} Fehler – `netzwerk validate` zeigt Details. Fehlerhafte Datensätze fehlen in diesem Bericht."
        )
    bericht = {
        "schema": SCHEMA_KENNUNG,
        "stichtag": stichtag,
        "oeffentlich": oeffentlich,
        "netzwerk": {"name": netzwerk.get("name"), "kurzname": netzwerk.get("kurzname")},
        "datenstand": {
            "dateien": repo.pruefung.dateien,
            "fehler": fehler,
            "warnungen": repo.pruefung.warnungen,
        },
        "hinweise": hinweise,
        "gremien": [_gremium(bestand, gid, gr, stichtag, schutz) for gid, gr in _gremien_sortiert(bestand)],
        "arbeitsgruppen": _arbeitsgruppen(bestand, stichtag, schutz),
        "empfehlungen": _empfehlungen(bestand, stichtag, repo.wiedervorlage_monate),
        "umsetzung": _umsetzung(bestand, stichtag),
    }
    return schutz.bereinigen(bericht)


def _gremien_sortiert(bestand: Bestand) -> list[tuple[str, dict]]:
    def rang(paar):
        art = paar[1].get("art")
        return (_ART_RANG.index(art) if art in _ART_RANG else len(_ART_RANG), g.kurzname(paar[1], paar[0]).lower(), paar[0])

    return sorted(g.gueltige(bestand, "gremium"), key=rang)


# --------------------------------------------------------------------------- Gremien


def _gremium(bestand: Bestand, gid: str, gremium: dict, stichtag: str, schutz: Datenschutz) -> dict:
    besetzung = sitzregeln.besetzung(gremium, bestand, stichtag)
    gruppen = []
    for stand in besetzung.gruppen:
        je = stand.gruppe.get("je")
        gruppen.append(
            {
                "id": stand.id,
                "name": stand.name,
                "regel": regel_beschreibung(stand.gruppe, bestand),
                "beschreibung": stand.gruppe.get("beschreibung"),
                "sitze": stand.sitze,
                "besetzt": len(stand.besetzt),
                "vakant": stand.vakant,
                "ueberbesetzt": stand.ueberbesetzt,
                "stellvertretungen": len(stand.stellvertretungen),
                "nicht_vertreten": [{"wert": w, "bezeichnung": aus_wert(bestand, je, w)} for w in stand.offen],
                "mitglieder": [schutz.anzeige(m.person, stand.name).als_dict() for m in stand.besetzt],
            }
        )
    return {
        "id": gid,
        "name": gremium.get("name", gid),
        "kurzname": gremium.get("kurzname"),
        "art": gremium.get("art"),
        "beispiel": gremium.get("beispiel") is True,
        "gegruendet_nach_stichtag": besetzung.gegruendet_nach_stichtag,
        "sitze": g.sitz_summen(gruppen),
        "sitzgruppen": gruppen,
        "ohne_sitzgruppe": [schutz.anzeige(m.person, "Mitglied").als_dict() for m in besetzung.ohne_gruppe],
        "sitzungen": _sitzungen(bestand, gid, gremium, stichtag),
    }


def _sitzung_kurz(sid: str, s: dict) -> dict:
    return {"id": sid, "datum": s["datum"], "ort": s.get("ort"), "status": s.get("status")}


def _sitzungen(bestand: Bestand, gid: str, gremium: dict, stichtag: str) -> dict:
    alle = g.sitzungen_von(bestand, gid)
    soll = gremium.get("sitzungen_pro_jahr")
    soll = {"min": soll["min"], "max": soll["max"]} if isinstance(soll, dict) else None
    bis_stichtag = [(sid, s) for sid, s in alle if s["datum"] <= stichtag and not g.findet_statt(s, stichtag)]
    stattgefunden = [(sid, s) for sid, s in bis_stichtag if s.get("status") != "abgesagt"]
    naechste = next(((sid, s) for sid, s in alle if g.findet_statt(s, stichtag)), None)
    jahr_stichtag = int(stichtag[:4])
    je_jahr = Counter(int(s["datum"][:4]) for _, s in stattgefunden)
    abgesagt = Counter(int(s["datum"][:4]) for _, s in bis_stichtag if s.get("status") == "abgesagt")
    geplant = Counter(int(s["datum"][:4]) for _, s in alle if g.findet_statt(s, stichtag))
    jahre = []
    erfasste = [int(s["datum"][:4]) for _, s in alle if int(s["datum"][:4]) <= jahr_stichtag]
    if erfasste:
        erstes_bewertet = min(je_jahr) if je_jahr else jahr_stichtag
        gegruendet = gremium.get("gegruendet")
        if gegruendet and int(gegruendet[:4]) >= erstes_bewertet:
            erstes_bewertet = int(gegruendet[:4]) + 1  # wie `validate`: das Gründungsjahr ist kein volles Jahr
        for jahr in range(min(erfasste), jahr_stichtag + 1):
            n = je_jahr.get(jahr, 0)
            offen_geplant = geplant.get(jahr, 0) if jahr == jahr_stichtag else 0
            if soll is None:
                bewertung = "ohne_vorgabe"
            elif jahr < erstes_bewertet:
                bewertung = "gruendungsjahr"
            elif n > soll["max"]:
                bewertung = "zu_viel"
            elif jahr == jahr_stichtag:
                bewertung = "laufend"
            elif n < soll["min"]:
                bewertung = "zu_wenig"
            else:
                bewertung = "im_rahmen"
            eintrag = {"jahr": jahr, "anzahl": n, "geplant": offen_geplant, "abgesagt": abgesagt.get(jahr, 0), "bewertung": bewertung}
            if jahr == jahr_stichtag and soll is not None:
                eintrag["noch_zu_planen"] = max(0, soll["min"] - n - offen_geplant)
            jahre.append(eintrag)
    return {
        "soll": soll,
        "jahre": jahre,
        "letzte": _sitzung_kurz(*stattgefunden[-1]) if stattgefunden else None,
        "naechste": _sitzung_kurz(*naechste) if naechste else None,
    }


# --------------------------------------------------------------------------- Arbeitsgruppen


def _arbeitsgruppen(bestand: Bestand, stichtag: str, schutz: Datenschutz) -> dict:
    empfehlungen = _je_arbeitsgruppe(bestand, stichtag)
    gruppen: dict[str, list] = {"aktiv": [], "geplant": [], "abgeschlossen": [], "unbekannt": []}
    for aid, ag in g.gueltige(bestand, "arbeitsgruppe"):
        status = g.ag_status_am(ag, stichtag)
        eigene = empfehlungen.get(aid, [])
        eintrag = {
            "id": aid,
            "name": ag.get("name", aid),
            "gremium": ag.get("eingesetzt_von"),
            "gremium_name": g.gremium_name(bestand, ag.get("eingesetzt_von")),
            "beispiel": ag.get("beispiel") is True,
            "status": status,
            "beginn": ag.get("beginn"),
            "ende_geplant": ag.get("ende_geplant"),
            "abgeschlossen_am": ag.get("abgeschlossen_am") if status == "abgeschlossen" else None,
            "ueberfaellig": g.ag_ueberfaellig(ag, stichtag),
            "leitung": [schutz.anzeige(p, "AG-Leitung").als_dict() for p in ag.get("leitung") or []],
            "empfehlungen": len(eigene),
            "empfehlungen_beschlossen": sum(1 for e in eigene if e["status"] in g.BESCHLOSSEN),
        }
        gruppen[status if status in gruppen else "unbekannt"].append(eintrag)
    gruppen["aktiv"].sort(key=lambda a: (not a["ueberfaellig"], a["ende_geplant"] or "9999", a["id"]))
    gruppen["geplant"].sort(key=lambda a: (a["beginn"] or "9999", a["id"]))
    gruppen["abgeschlossen"].sort(key=lambda a: (a["abgeschlossen_am"] or "0000", a["id"]), reverse=True)
    return gruppen


def _je_arbeitsgruppe(bestand: Bestand, stichtag: str) -> dict[str | None, list[dict]]:
    """Die gültigen Empfehlungen je Arbeitsgruppe, wie sie am Stichtag standen (spätere fehlen;
    None: ohne AG) – einmal gebaut statt je AG alle durchsuchen. Behalten wird je Empfehlung nur,
    was die AG-Angaben brauchen (Status, Beispiel), nicht die ganzen Daten: bei 100 000
    Datensätzen hielte der Bericht sonst jede Empfehlung im Speicher."""
    je_ag: dict[str | None, list[dict]] = {}
    for _, e in g.gueltige(bestand, "empfehlung"):
        am = g.empfehlung_am(e, stichtag)
        if am:
            je_ag.setdefault(e.get("arbeitsgruppe"), []).append({"status": am["status"], "beispiel": am.get("beispiel")})
    return je_ag


# --------------------------------------------------------------------------- Empfehlungen


def _empfehlungen(bestand: Bestand, stichtag: str, monate: int) -> dict:
    je_status = {s: 0 for s in g.STATUS_REIHENFOLGE}
    offen, faellig = [], []
    for eid, gueltig in g.gueltige(bestand, "empfehlung"):
        e = g.empfehlung_am(gueltig, stichtag)
        if e is None:
            continue
        status = e["status"]
        je_status[status] = je_status.get(status, 0) + 1
        basis = {
            "id": eid,
            "titel": e.get("titel", eid),
            "status": status,
            "status_text": EMPFEHLUNG_STATUS.get(status, status),
            "entscheidungsgremium": e.get("entscheidungsgremium"),
            "gremium_name": g.gremium_name(bestand, e.get("entscheidungsgremium")),
            "beispiel": e.get("beispiel") is True,
        }
        if status in g.OFFENE_STATUS:
            offen.append({**basis, "angelegt": g.angelegt(e), "status_seit": g.status_seit(e)})
        sitzungen = lebenszyklus.befassungen(bestand, eid, stichtag) if status in lebenszyklus.tabelle().wiedervorlage else ()
        seit = lebenszyklus.wiedervorlage_faellig(e, stichtag, monate, sitzungen)
        if seit:
            faellig.append({**basis, "letzte_pruefung": lebenszyklus.letzte_pruefung(e, sitzungen), "faellig_seit": seit})
    offen.sort(key=lambda x: (x["angelegt"] or "", x["id"]))
    faellig.sort(key=lambda x: (x["faellig_seit"], x["id"]))
    return {
        "gesamt": sum(je_status.values()),
        "je_status": je_status,
        "offen": offen,
        "wiedervorlage_monate": monate,
        "wiedervorlage_faellig": faellig,
    }


def _umsetzung(bestand: Bestand, stichtag: str) -> list[dict]:
    ergebnis = []
    for eid, gueltig in g.gueltige(bestand, "empfehlung"):
        e = g.empfehlung_am(gueltig, stichtag)
        if e is None or e["status"] not in g.WEITERGELEITET:
            continue
        letzte: dict[str, dict] = {}
        for u in sorted(e.get("umsetzung") or [], key=lambda u: u["datum"]):
            letzte[u["adressat"]] = u
        reihenfolge = list(dict.fromkeys([*(e.get("adressaten") or []), *letzte]))
        ergebnis.append(
            {
                "empfehlung": eid,
                "titel": e.get("titel", eid),
                "status": e["status"],
                "status_text": EMPFEHLUNG_STATUS.get(e["status"], e["status"]),
                "beispiel": e.get("beispiel") is True,
                "adressaten": [
                    {
                        "organisation": a,
                        "name": g.org_name(bestand, a),
                        "stand": letzte[a]["stand"] if a in letzte else None,
                        "datum": letzte[a]["datum"] if a in letzte else None,
                    }
                    for a in reihenfolge
                ],
            }
        )
    ergebnis.sort(key=lambda x: (x["status"] not in g.OFFENE_STATUS, x["empfehlung"]))
    return ergebnis


# --------------------------------------------------------------------------- kompakte Übersicht

# Befunde der Sitzregel-Maschine, die die Übersicht schon anders zeigt (vakant, überbesetzt)
_EIGENS_GEZEIGT = ("sitz-vakant", "sitz-ueberbesetzt")


def uebersicht_zusatz(repo: g.GeprueftesRepo) -> dict:
    """Zusatzangaben der kompakten Übersicht, nicht Teil von docs/status.schema.json.

    * `regelverstoesse`: je Gremium-id die Zahl der Fehler der Sitzregel-Maschine am Stichtag
      (Rolle, Organisation, je-Regel, doppelte Sitze …) außer Vakanz und Überbesetzung – dieselben
      Befunde wie bei `validate`, hier nur gezählt.
    * `ag_beispiel_empfehlungen`: je AG-id, wie viele ihrer Empfehlungen am Stichtag erfundene
      Beispiele (`beispiel: true`) sind – damit eine reale AG mit Beispiel-Empfehlungen nicht
      wie eine mit echten Empfehlungen aussieht.

    Nur Zahlen, keine Namen: für beide Fassungen gleich.
    """
    bestand, stichtag = repo.bestand, repo.stichtag
    empfehlungen = _je_arbeitsgruppe(bestand, stichtag)
    return {
        "regelverstoesse": {
            gid: sum(
                1
                for v in sitzregeln.besetzung(gr, bestand, stichtag).verstoesse
                if v.schwere == "fehler" and v.regel not in _EIGENS_GEZEIGT
            )
            for gid, gr in g.gueltige(bestand, "gremium")
        },
        "ag_beispiel_empfehlungen": {
            aid: sum(1 for e in empfehlungen.get(aid, []) if e["beispiel"] is True)
            for aid, _ in g.gueltige(bestand, "arbeitsgruppe")
        },
    }
