"""`netzwerk gremium show ID`: Zusammensetzung eines Gremiums am Stichtag als Daten.

Eine Zeile je Sitz: Mitglieder mit Stellvertretung, vakante Sitze als eigene Zeilen,
Mitglieder ohne Sitzgruppe am Ende. Dazu Aufgaben, Rhythmus und Beschlussfähigkeit.
"""

from __future__ import annotations

import difflib

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import GREMIUM_ART, ROLLE, aus_wert, bezeichnung, regel_beschreibung
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.grundlagen.fehler import Abgelehnt
from netzwerk_cli.regelwerk import sitzregeln

SCHEMA_KENNUNG = "netzwerk-gremium/1"


def gremien_uebersicht(bestand: Bestand) -> list[dict]:
    """`gremium show` ohne ID: id und Name jedes Gremiums, nach id (Gremien sind öffentlich,
    keine Personen); Name None bei einem fehlerhaften Datensatz."""
    gremien = []
    for gid in sorted(bestand.ids("gremium")):
        ds = bestand.hole("gremium", gid)
        name = ds.daten.get("name") if ds is not None and ds.gueltig and isinstance(ds.daten, dict) else None
        gremien.append({"id": gid, "name": name if isinstance(name, str) else None})
    return gremien


def gremium_pruefen(bestand: Bestand, gremium_id: str) -> dict:
    """Die Daten des Gremiums oder `Abgelehnt` mit deutscher Meldung (unbekannt/fehlerhaft)."""
    ds = bestand.hole("gremium", gremium_id)
    if ds is None:
        bekannt = sorted(bestand.arten["gremium"])
        aehnlich = difflib.get_close_matches(gremium_id, bekannt, n=1, cutoff=0.6)
        tipp = f" – meinten Sie „{aehnlich[0]}“?" if aehnlich else f" (vorhanden: {', '.join(bekannt) or 'keine'})"
        raise Abgelehnt(f"Gremium „{gremium_id}“ gibt es nicht in gremien/{tipp}")
    if not ds.gueltig:
        raise Abgelehnt(f"Gremium „{gremium_id}“ ist fehlerhaft ({ds.datei}); `netzwerk validate` zeigt Details.")
    return ds.daten


def _rolle(m: sitzregeln.Mitgliedschaft, anzeige) -> str:
    """Rolle im Gremium: Funktion der Mitgliedschaft, sonst Funktion oder Rollen der Person."""
    if m.funktion:
        return m.funktion
    if anzeige.funktion:
        return anzeige.funktion
    return ", ".join(ROLLE.get(r, r) for r in anzeige.rollen)


def gremiumsbericht(repo: g.GeprueftesRepo, gremium_id: str, oeffentlich: bool = False) -> dict:
    bestand, stichtag = repo.bestand, repo.stichtag
    gremium = gremium_pruefen(bestand, gremium_id)
    schutz = Datenschutz(bestand, oeffentlich)
    besetzung = sitzregeln.besetzung(gremium, bestand, stichtag)

    def person_zeile(m, gruppe_id, gruppe_name, art="mitglied") -> dict:
        a = schutz.anzeige(m.person, gruppe_name)
        return {
            "sitzgruppe": gruppe_id,
            "sitzgruppe_name": gruppe_name,
            "art": art,
            "person": a.person,
            "name": a.name,
            "nicht_oeffentlich": not schutz.darf_nennen(m.person),
            "organisation": a.organisation,
            "organisation_name": g.org_name(bestand, a.organisation) or None,
            "rolle": _rolle(m, a) or None,
            "seit": m.von,
            "bis": m.bis,
            "vakant_fuer": None,
            "stellvertretung": [],
        }

    # Stellvertretungen am Stichtag, unabhängig von ihrer Sitzgruppe (die darf leer sein)
    gruppen_ids = {stand.id for stand in besetzung.gruppen}
    stellvertretungen = [
        m for m in sitzregeln.mitgliedschaften(gremium)
        if not m.ordentlich and m.aktiv_am(stichtag) and (m.sitzgruppe is None or m.sitzgruppe in gruppen_ids)
    ]  # fmt: skip
    vertreten: set[int] = set()

    def mit_stellvertretung(zeile: dict, m) -> dict:
        for v in stellvertretungen:
            if v.vertritt == m.person:
                vertreten.add(v.index)
                zeile["stellvertretung"].append(schutz.anzeige(v.person, "Stellvertretung").als_dict())
        return zeile

    def ohne_ordentliches(v, gruppe_id, gruppe_name) -> dict:
        zeile = person_zeile(v, gruppe_id, gruppe_name, "stellvertretung")
        zeile["rolle"] = "Stellvertretung ohne ordentliches Mitglied" + (f" ({zeile['rolle']})" if zeile["rolle"] else "")
        return zeile

    zeilen: list[dict] = []
    gruppen: list[dict] = []
    for stand in besetzung.gruppen:
        gruppen.append(
            {
                "id": stand.id,
                "name": stand.name,
                "regel": regel_beschreibung(stand.gruppe, bestand),
                "sitze": stand.sitze,
                "besetzt": len(stand.besetzt),
                "vakant": stand.vakant,
                "ueberbesetzt": stand.ueberbesetzt,
            }
        )
        zeilen.extend(mit_stellvertretung(person_zeile(m, stand.id, stand.name), m) for m in stand.besetzt)
        je = stand.gruppe.get("je")
        offen = [aus_wert(bestand, je, w) for w in stand.offen]
        for i in range(stand.vakant):
            zeilen.append(_leer(stand, "vakant", offen[i] if i < len(offen) else None))
        if stand.sitze is None and not stand.besetzt:
            zeilen.append(_leer(stand, "offen", None))
    ohne = "ohne Sitzgruppe (nicht gezählt)"
    zeilen.extend(mit_stellvertretung(person_zeile(m, None, ohne), m) for m in besetzung.ohne_gruppe)
    # Stellvertretungen, deren ordentliches Mitglied am Stichtag fehlt: in ihrer Sitzgruppe
    namen: dict[str | None, str] = {stand.id: stand.name for stand in besetzung.gruppen}
    for v in stellvertretungen:
        if v.index in vertreten:
            continue
        zeile = ohne_ordentliches(v, v.sitzgruppe, namen.get(v.sitzgruppe, ohne))
        letzte = max((i for i, z in enumerate(zeilen) if z["sitzgruppe"] == v.sitzgruppe), default=len(zeilen) - 1)
        zeilen.insert(letzte + 1, zeile)

    org = gremium.get("organisation")
    bericht = {
        "schema": SCHEMA_KENNUNG,
        "stichtag": stichtag,
        "oeffentlich": oeffentlich,
        "gremium": {
            "id": gremium_id,
            "name": gremium.get("name", gremium_id),
            "kurzname": gremium.get("kurzname"),
            "art": gremium.get("art"),
            "art_text": bezeichnung(GREMIUM_ART, gremium.get("art")),
            "organisation": org,
            "organisation_name": g.org_name(bestand, org, kurz=False) if org else None,
            "gegruendet": gremium.get("gegruendet"),
            "beispiel": gremium.get("beispiel") is True,
            "sitzungen_pro_jahr": gremium.get("sitzungen_pro_jahr"),
            "beschlussfaehigkeit": gremium.get("beschlussfaehigkeit"),
            "aufgaben": list(gremium.get("aufgaben") or []),
        },
        "gegruendet_nach_stichtag": besetzung.gegruendet_nach_stichtag,
        "sitze": g.sitz_summen(gruppen),
        "sitzgruppen": gruppen,
        "zeilen": zeilen,
    }
    return schutz.bereinigen(bericht)


def _leer(stand: sitzregeln.GruppenStand, art: str, fehlt: str | None) -> dict:
    return {
        "sitzgruppe": stand.id,
        "sitzgruppe_name": stand.name,
        "art": art,
        "person": None,
        "name": None,
        "nicht_oeffentlich": False,
        "organisation": None,
        "organisation_name": None,
        "vakant_fuer": fehlt,
        "rolle": None,
        "seit": None,
        "bis": None,
        "stellvertretung": [],
    }
