"""`netzwerk empfehlung show ID`: eine Empfehlung als Daten (Text und JSON stellen sie dar).

Status mit Bezeichnung und Datum des letzten Schritts, Herkunft und entscheidendes Gremium mit
Namen, Verlauf, Adressaten mit Namen und Umsetzungsstand, die nächsten Schritte und – wie in
`status` – ob die Wiedervorlage am Stichtag fällig ist (NEWCOMER-FINDINGS).
"""

from __future__ import annotations

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import EMPFEHLUNG_STATUS
from netzwerk_cli.bestand import Datensatz
from netzwerk_cli.regelwerk import lebenszyklus

SCHEMA_KENNUNG = "netzwerk-empfehlung/1"
STAND_TEXT = {"offen": "offen", "teilweise": "teilweise umgesetzt", "vollstaendig": "vollständig umgesetzt", "abgelehnt": "abgelehnt"}


def empfehlungsbericht(repo: g.GeprueftesRepo, ds: Datensatz) -> dict:
    """Der Bericht zu einer gültigen Empfehlung (gesucht und geprüft von `aktionen.empfehlungen.hole`)."""
    bestand, stichtag = repo.bestand, repo.stichtag
    id_, e = ds.id, ds.daten
    t = lebenszyklus.tabelle()
    status = str(e.get("status"))  # gültig: einer der Stände aus regeln/lebenszyklus.yaml
    verlauf = [v for v in e.get("verlauf") or [] if isinstance(v, dict)]
    if e.get("arbeitsgruppe"):
        ag = bestand.daten("arbeitsgruppe", e["arbeitsgruppe"])
        herkunft = {"art": "arbeitsgruppe", "id": e["arbeitsgruppe"], "name": ag.get("name") or e["arbeitsgruppe"]}
    elif e.get("gremium"):
        herkunft = {"art": "gremium", "id": e["gremium"], "name": g.gremium_name(bestand, e["gremium"])}
    else:
        herkunft = None
    entscheidet = e.get("entscheidungsgremium")
    stand = lebenszyklus.umsetzungsstand(e)
    sitzungen = lebenszyklus.befassungen(bestand, id_, stichtag) if status in t.wiedervorlage else ()
    faellig = lebenszyklus.wiedervorlage_faellig(e, stichtag, repo.wiedervorlage_monate, sitzungen)
    return {
        "schema": SCHEMA_KENNUNG,
        "stichtag": stichtag,
        "id": id_,
        "datei": ds.datei,
        "titel": e.get("titel", ""),
        "beispiel": e.get("beispiel") is True,
        "status": status,
        "status_text": EMPFEHLUNG_STATUS.get(status, status),
        "status_beschreibung": t.beschreibung(status),
        "status_seit": g.status_seit(e),
        "herkunft": herkunft,
        "entscheidungsgremium": {"id": entscheidet, "name": g.gremium_name(bestand, entscheidet)} if entscheidet else None,
        "text": e.get("text"),
        "verlauf": [
            {
                "datum": v.get("datum"),
                "status": v.get("status"),
                "status_text": EMPFEHLUNG_STATUS.get(v.get("status"), str(v.get("status"))),
                "sitzung": v.get("sitzung"),
                "durch": v.get("durch"),
                "notiz": v.get("notiz"),
            }
            for v in verlauf
        ],
        "adressaten": [
            {
                "organisation": a,
                "name": g.org_name(bestand, a),
                "stand": stand[a]["stand"] if a in stand else None,
                "stand_text": STAND_TEXT.get(stand[a]["stand"], stand[a]["stand"]) if a in stand else "noch kein Bericht",
                "datum": stand[a]["datum"] if a in stand else None,
            }
            for a in e.get("adressaten") or []
        ],
        "wiedervorlage": {
            "faellig_seit": faellig,
            "letzte_pruefung": lebenszyklus.letzte_pruefung(e, sitzungen) if faellig else None,
            "monate": repo.wiedervorlage_monate,
        },
        "naechste_schritte": t.naechste(status),
        "ohne_nach": t.hauptpfad(status),
    }
