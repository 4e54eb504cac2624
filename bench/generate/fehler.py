"""Eingebaute Fehler (`--fehler K`): je Regel eine Art, eine passende Datei zu verderben, so dass
`validate` genau diese Regel an genau dieser Datei meldet. Vor dem Schreiben angewandt."""

from __future__ import annotations

import random
import sys
from datetime import date

from bench.generate.modell import Datei, tage
from bench.generate.welt import Welt
from bench.generate.yamltext import als_yaml


def _anhaengen(datei: Datei, zeile: str) -> None:
    datei.text = als_yaml(datei.daten, datei.kommentar) + zeile


def _fehler_schema(w: Welt, d: Datei) -> str:
    d.daten["teilnehmende_anzahl"] = "etwa zweihundert"
    return "schema"


def _fehler_ref(w: Welt, d: Datei) -> str:
    d.daten["veranstalter"] = list(d.daten["veranstalter"]) + ["organisation-gibt-es-nicht"]
    return "ref-unbekannt"


def _fehler_syntax(w: Welt, d: Datei) -> str:
    _anhaengen(d, 'notiz: "Anführungszeichen nicht geschlossen\n')
    return "yaml-syntax"


def _fehler_doppelt(w: Welt, d: Datei) -> str:
    _anhaengen(d, "ort: Zweiter Ort\n")
    return "yaml-doppelter-schluessel"


def _fehler_id(w: Welt, d: Datei) -> str:
    ordner, name = d.pfad.rsplit("/", 1)
    d.pfad = f"{ordner}/{name[0].upper()}{name[1:].replace('-', '_', 1)}"
    return "id-ungueltig"


def _fehler_kodierung(w: Welt, d: Datei) -> str:
    d.roh = als_yaml(d.daten, d.kommentar).encode("latin-1", errors="replace")
    return "datei-kodierung"


def _fehler_unsicher(w: Welt, d: Datei) -> str:
    _anhaengen(d, "notiz: &anker Text mit Anker\n")
    return "yaml-unsicher"


def _fehler_verlauf(w: Welt, d: Datei) -> str:
    d.daten["status"] = "entwurf"  # der letzte Verlaufseintrag sagt etwas anderes
    return "verlauf-ungueltig"


def _fehler_teilnahme(w: Welt, d: Datei) -> str:
    fremd = w.ersatz_je_gremium[d.daten["gremium"]][0]
    d.daten["anwesend"] = list(d.daten["anwesend"]) + [fremd]
    return "sitzung-teilnahme"


def _fehler_abstimmung(w: Welt, d: Datei) -> str:
    for p in d.daten["tagesordnung"]:
        st = (p.get("beschluss") or {}).get("abstimmung")
        if st:
            st["ja"] = len(d.daten["anwesend"]) + 1
            return "abstimmung-ungueltig"
    raise AssertionError("keine Abstimmung")


def _fehler_ueberbesetzt(w: Welt, d: Datei) -> str:
    gruppe = "gemeinden" if d.daten["art"] == "steuerungsgruppe" else "ministerium"
    d.daten["mitglieder"].append({"person": d.meta["ersatz"][-1], "sitzgruppe": gruppe, "von": "2026-11-01"})
    return "sitz-ueberbesetzt"


def _fehler_sitzregel(w: Welt, d: Datei) -> str:
    # Stellvertretung ohne „vertritt“
    gruppe = d.daten["sitzgruppen"][0]["id"]
    d.daten["mitglieder"].append({"person": d.meta["ersatz"][-1], "sitzgruppe": gruppe, "art": "stellvertretung", "von": "2026-11-01"})
    return "sitz-regel"


def _fehler_mitglied_doppelt(w: Welt, d: Datei) -> str:
    m = next(m for m in d.daten["mitglieder"] if m.get("art", "ordentlich") == "ordentlich" and m.get("von") and not m.get("bis"))
    von = date.fromisoformat(m["von"])
    d.daten["mitglieder"].append({"person": m["person"], "sitzgruppe": m["sitzgruppe"], "von": von.isoformat(), "bis": (von + tage(10)).isoformat()})
    return "mitglied-doppelt"


def _fehler_zeitraum(w: Welt, d: Datei) -> str:
    d.daten["abgeschlossen_am"] = (date.fromisoformat(d.daten["beginn"]) - tage(30)).isoformat()
    return "zeitraum-ungueltig"


def _ist_veranstaltung(d: Datei) -> bool:
    return d.art == "veranstaltung"


def _ist_sitzung_mit_abstimmung(d: Datei) -> bool:
    return (
        d.art == "sitzung"
        and d.daten.get("status") == "durchgefuehrt"
        and any((p.get("beschluss") or {}).get("abstimmung") for p in d.daten.get("tagesordnung") or [])
    )


def _ist_alte_sitzung(d: Datei) -> bool:
    return d.art == "sitzung" and d.daten.get("status") == "durchgefuehrt" and d.daten["datum"] < "2026-01-01" and bool(d.daten.get("anwesend"))


FEHLERARTEN = (
    ("schema", _ist_veranstaltung, _fehler_schema),
    ("ref-unbekannt", _ist_veranstaltung, _fehler_ref),
    ("sitz-ueberbesetzt", lambda d: d.art == "gremium", _fehler_ueberbesetzt),
    ("verlauf-ungueltig", lambda d: d.art == "empfehlung" and d.daten["status"] != "entwurf" and len(d.daten["verlauf"]) > 1, _fehler_verlauf),
    ("sitzung-teilnahme", _ist_alte_sitzung, _fehler_teilnahme),
    ("abstimmung-ungueltig", _ist_sitzung_mit_abstimmung, _fehler_abstimmung),
    ("yaml-syntax", lambda d: d.art == "veranstaltung" or (d.art == "empfehlung" and d.daten["status"] in ("abgelehnt", "zurueckgezogen")), _fehler_syntax),
    ("yaml-doppelter-schluessel", _ist_veranstaltung, _fehler_doppelt),
    ("id-ungueltig", _ist_veranstaltung, _fehler_id),
    ("zeitraum-ungueltig", lambda d: d.art == "arbeitsgruppe" and d.meta.get("abgeschlossen"), _fehler_zeitraum),
    ("sitz-regel", lambda d: d.art == "gremium", _fehler_sitzregel),
    ("mitglied-doppelt", lambda d: d.art == "gremium", _fehler_mitglied_doppelt),
    ("datei-kodierung", _ist_veranstaltung, _fehler_kodierung),
    ("yaml-unsicher", _ist_veranstaltung, _fehler_unsicher),
)


def fehler_einbauen(w: Welt, anzahl: int, geschuetzt: set[str]) -> list[dict]:
    """Baut `anzahl` Fehler in verschiedene Dateien ein; liefert [{datei, regel}]."""
    w.ersatz_je_gremium = {g.id: [p.id for p in g.ersatz] for g in w.gremien}
    r = random.Random(w.rng.random())
    erwartet: list[dict] = []
    benutzt: set[int] = set()
    i = 0
    ohne_opfer = 0
    while len(erwartet) < anzahl and ohne_opfer < len(FEHLERARTEN):
        regel, passt, einbauen = FEHLERARTEN[i % len(FEHLERARTEN)]
        i += 1
        kandidaten = [j for j, d in enumerate(w.dateien) if j not in benutzt and d.pfad not in geschuetzt and passt(d)]
        if not kandidaten:
            ohne_opfer += 1
            continue
        ohne_opfer = 0
        j = r.choice(kandidaten)
        d = w.dateien[j]
        benutzt.add(j)
        gefunden = einbauen(w, d)
        assert gefunden == regel
        d.fehler = True
        erwartet.append({"datei": d.pfad, "regel": regel})
    if len(erwartet) < anzahl:
        print(f"Hinweis: nur {len(erwartet)} von {anzahl} Fehlern eingebaut (zu wenige passende Dateien)", file=sys.stderr)
    return erwartet
