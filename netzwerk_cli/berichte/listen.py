"""Listen als Daten (ohne Ein-/Ausgabe): Gremien, Sitzungen, Arbeitsgruppen, Personen, Empfehlungen.

Jede Funktion liefert eine Liste von Einträgen (dicts aus Texten, Zahlen, Wahrheitswerten),
die `ausgabe.listen` als Text oder JSON darstellt. Personen erscheinen nur so, wie
`datenschutz.Datenschutz` es erlaubt; Kontaktdaten (`kontakt`) werden nie gelesen.
"""

from __future__ import annotations

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.bezeichnungen import AG_STATUS, EMPFEHLUNG_STATUS, GREMIUM_ART, ROLLE, SITZUNG_STATUS
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.regelwerk import lebenszyklus


def _aktiv_am(m: dict, stichtag: str) -> bool:
    von, bis = m.get("von"), m.get("bis")
    return (not isinstance(von, str) or von <= stichtag) and (not isinstance(bis, str) or bis >= stichtag)


# --------------------------------------------------------------------------- Gremien


def gremien(bestand: Bestand, stichtag: str) -> list[dict]:
    """Alle gültigen Gremien: Name, Art, Mitglieder am Stichtag, Sitzungen, nächste Sitzung."""
    ergebnis = []
    for gid, gr in g.gueltige(bestand, "gremium"):
        sitzungen = g.sitzungen_von(bestand, gid)
        kommend = [s["datum"] for _, s in sitzungen if g.findet_statt(s, stichtag)]
        ergebnis.append(
            {
                "id": gid,
                "name": gr.get("name") or gid,
                "kurzname": gr.get("kurzname"),
                "art": gr.get("art"),
                "art_text": GREMIUM_ART.get(gr.get("art"), gr.get("art") or ""),
                "mitglieder": sum(1 for m in gr.get("mitglieder") or [] if isinstance(m, dict) and _aktiv_am(m, stichtag)),
                "sitzungen": len(sitzungen),
                "naechste_sitzung": min(kommend) if kommend else None,
                "beispiel": gr.get("beispiel") is True,
            }
        )
    return ergebnis


# --------------------------------------------------------------------------- Sitzungen


def sitzungen(bestand: Bestand, gremium: str | None = None, ab: str | None = None) -> list[dict]:
    """Gültige Sitzungen nach Datum (älteste zuerst), wahlweise eines Gremiums und ab einem Datum."""
    ergebnis = []
    for sid, s in g.gueltige(bestand, "sitzung"):
        if gremium and s.get("gremium") != gremium:
            continue
        if ab and s["datum"] < ab:
            continue
        punkte = [p for p in s.get("tagesordnung") or [] if isinstance(p, dict)]
        ergebnis.append(
            {
                "id": sid,
                "datum": s["datum"],
                "gremium": s.get("gremium"),
                "gremium_name": g.gremium_name(bestand, s.get("gremium")),
                "status": s.get("status"),
                "status_text": SITZUNG_STATUS.get(s.get("status"), s.get("status") or ""),
                "ort": s.get("ort"),
                "tagesordnungspunkte": len(punkte),
                "beschluesse": sum(1 for p in punkte if (p.get("beschluss") or {}).get("ergebnis") in ("angenommen", "abgelehnt")),
                "beispiel": s.get("beispiel") is True,
            }
        )
    ergebnis.sort(key=lambda x: (x["datum"], x["id"]))
    return ergebnis


# --------------------------------------------------------------------------- Arbeitsgruppen


def arbeitsgruppen(bestand: Bestand, stichtag: str, status: str | None = None) -> list[dict]:
    """Gültige Arbeitsgruppen mit ihrem Status am Stichtag (interne Fassung: Leitung mit Namen)."""
    schutz = Datenschutz(bestand, oeffentlich=False)
    ergebnis = []
    for aid, ag in g.gueltige(bestand, "arbeitsgruppe"):
        am = g.ag_status_am(ag, stichtag)
        if status and am != status:
            continue
        ergebnis.append(
            {
                "id": aid,
                "name": ag.get("name") or aid,
                "status": am,
                "status_text": AG_STATUS.get(am, am or ""),
                "ueberfaellig": g.ag_ueberfaellig(ag, stichtag),
                "eingesetzt_von": ag.get("eingesetzt_von"),
                "gremium_name": g.gremium_name(bestand, ag.get("eingesetzt_von")),
                "beginn": ag.get("beginn"),
                "ende_geplant": ag.get("ende_geplant"),
                "abgeschlossen_am": ag.get("abgeschlossen_am"),
                "leitung": [schutz.anzeige(p, "AG-Leitung").bezeichnung for p in ag.get("leitung") or []],
                "beispiel": ag.get("beispiel") is True,
            }
        )
    return ergebnis


# --------------------------------------------------------------------------- Personen


def personen(bestand: Bestand, stichtag: str, oeffentlich: bool) -> dict:
    """Personen mit Organisation, Funktion, Rollen und ihren Gremien am Stichtag.

    Interne Fassung: alle Personen mit Namen und id. Öffentliche Fassung (`oeffentlich`): wie in
    den Berichten erscheinen Personen ohne `oeffentlich: true` nur mit Funktion bzw. Rolle und
    „Name nicht öffentlich“, ohne id (`nicht_oeffentlich: true`), nach den genannten; jeder Text
    geht durch die Schwärzung. Kontaktdaten nie.
    """
    schutz = Datenschutz(bestand, oeffentlich)
    gremien_je_person: dict[str, list[str]] = {}
    for gid, gr in g.gueltige(bestand, "gremium"):
        for m in gr.get("mitglieder") or []:
            if isinstance(m, dict) and isinstance(m.get("person"), str) and _aktiv_am(m, stichtag):
                namen = gremien_je_person.setdefault(m["person"], [])
                if (name := g.gremium_name(bestand, gid)) not in namen:
                    namen.append(name)
    genannt: list[dict] = []
    verborgen: list[dict] = []
    for pid in sorted(bestand.ids("person")):
        ds = bestand.hole("person", pid)
        gueltig = ds is not None and ds.gueltig
        p = ds.daten if ds is not None and ds.gueltig else {}
        anzeige = schutz.anzeige(pid)
        nennen = schutz.darf_nennen(pid)
        eintrag = {
            "id": pid if nennen else None,
            "name": anzeige.name if nennen else None,
            "bezeichnung": anzeige.bezeichnung,
            "organisation": p.get("organisation") if isinstance(p.get("organisation"), str) else None,
            "organisation_name": g.org_name(bestand, p.get("organisation")) or None,
            "funktion": p.get("funktion") if nennen else None,
            "rollen": [ROLLE.get(r, r) for r in p.get("rollen") or []],
            "gremien": gremien_je_person.get(pid, []),
            "nicht_oeffentlich": not nennen,
            "fehlerhaft": not gueltig,
            "beispiel": p.get("beispiel") is True,
        }
        (genannt if nennen else verborgen).append(eintrag)
    verborgen.sort(key=lambda e: (e["organisation_name"] or "", e["bezeichnung"]))
    return schutz.bereinigen({"stichtag": stichtag, "oeffentliche_fassung": oeffentlich, "personen": genannt + verborgen})


# --------------------------------------------------------------------------- Empfehlungen


def naechster_schritt(status: str) -> str:
    t = lebenszyklus.tabelle()
    if t.endzustand(status):
        return "– (Endzustand)"
    haupt = t.hauptpfad(status)
    if haupt:
        return haupt
    return "Entscheidung: " + " | ".join(t.naechste(status))


def empfehlungen(bestand: Bestand, status: str | None = None, gremium: str | None = None, arbeitsgruppe: str | None = None) -> list[dict]:
    """Gültige Empfehlungen nach id. Die Felder von früher (id, titel, status, seit, herkunft,
    entscheidungsgremium, naechster_schritt, datei, beispiel) bleiben; dazu `status_text` und
    `herkunft_name` (Name der Arbeitsgruppe bzw. Kurzname des Gremiums)."""
    ergebnis = []
    namen: dict[tuple[str, str], str] = {}
    saetze = bestand.arten["empfehlung"].values()
    if len(saetze) >= 100:  # Namen der Herkunft: alle AGs auf einmal (Zwischenspeicher) statt Datei für Datei
        for _ in bestand.alle_von("arbeitsgruppe"):
            pass
    for ds in saetze:
        if not ds.gueltig:
            continue
        e = ds.daten
        if status and e.get("status") != status:
            continue
        if gremium and gremium not in (e.get("gremium"), e.get("entscheidungsgremium")):
            continue
        if arbeitsgruppe and e.get("arbeitsgruppe") != arbeitsgruppe:
            continue
        verlauf = [v for v in e.get("verlauf") or [] if isinstance(v, dict)]
        art, herkunft = ("arbeitsgruppe", e["arbeitsgruppe"]) if e.get("arbeitsgruppe") else ("gremium", e.get("gremium"))
        if herkunft and (art, herkunft) not in namen:
            namen[(art, herkunft)] = g.ag_name(bestand, herkunft) if art == "arbeitsgruppe" else g.gremium_name(bestand, herkunft)
        ergebnis.append(
            {
                "id": ds.id,
                "titel": e.get("titel", ""),
                "status": e.get("status", ""),
                "status_text": EMPFEHLUNG_STATUS.get(e.get("status"), e.get("status", "")),
                "seit": verlauf[-1].get("datum") if verlauf else None,
                "herkunft": herkunft or "–",
                "herkunft_name": namen.get((art, herkunft)) if herkunft else None,
                "entscheidungsgremium": e.get("entscheidungsgremium"),
                "naechster_schritt": naechster_schritt(e.get("status", "")),
                "datei": ds.datei,
                "beispiel": e.get("beispiel") is True,
            }
        )
    return sorted(ergebnis, key=lambda z: z["id"])
