"""Arbeitsgruppen einsetzen (`ag einsetzen`) und abschließen (`ag abschliessen`).

Eine AG wird in einer Sitzung ihres Gremiums eingesetzt. Die Tagesordnung dieser Sitzung muss
die Einsetzung aufführen: ein Punkt, der die AG unter `arbeitsgruppen` nennt oder dessen Titel
ihren Namen enthält (dann kommt die id dort hinzu). Fehlt ein solcher Punkt, ergänzt der Befehl
ihn, solange die Sitzung noch geplant ist; eine durchgeführte Sitzung wird nicht nachträglich
um einen Punkt erweitert. Sitzung und neue AG-Datei ändern sich in einem Vorgang.
"""

from __future__ import annotations

import copy

from netzwerk_cli.aktionen import grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang, aenderung
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung

_NICHT_BESCHLOSSEN = ("abgelehnt", "vertagt", "zurueckverwiesen")


def _text_pruefen(wert: str | None, option: str) -> str:
    wert = (wert or "").strip()
    if not wert:
        raise EinrichtungsFehler(f"{option} darf nicht leer sein")
    return wert


def _datei_aenderung(ds: Datensatz, roh: bytes, text: str) -> Dateiaenderung:
    bom = "\ufeff" if roh.startswith(b"\xef\xbb\xbf") else ""
    return Dateiaenderung(ds.datei, roh, (bom + text).encode("utf-8"))


def _sitzung_des_gremiums(bestand: Bestand, sitzung: str, gremium: str) -> Datensatz:
    ds = grundlagen.hole(bestand, "sitzung", sitzung)
    if ds.daten.get("gremium") != gremium:
        raise Abgelehnt(f"Sitzung „{sitzung}“ ist eine Sitzung von „{ds.daten.get('gremium')}“, nicht von „{gremium}“; nichts geändert")
    if ds.daten.get("status") == "abgesagt":
        raise Abgelehnt(f"Sitzung „{sitzung}“ wurde abgesagt; nichts geändert")
    return ds


def tagesordnung_sichern(
    bestand: Bestand, ds: Datensatz, ag_id: str, ag_name: str, titel: str, was: tuple[str, str]
) -> tuple[Dateiaenderung | None, str]:
    """Sorgt dafür, dass die Tagesordnung der Sitzung die AG aufführt. Liefert die Änderung der
    Sitzungsdatei (oder None) und einen Satz für die Ausgabe. `was`: (Nominativ, Akkusativ),
    z. B. („der Abschluss“, „den Abschluss“)."""
    s = ds.daten
    punkte = s.get("tagesordnung") or []
    for i, p in enumerate(punkte):
        if ag_id in (p.get("arbeitsgruppen") or []):
            _beschluss_pruefen(ds.id, i, p, was)
            return None, f"Tagesordnungspunkt {i + 1} der Sitzung „{ds.id}“ führt die AG schon auf"
    roh, text, dok = grundlagen.lies_text(bestand, ds)
    daten = copy.deepcopy(s)
    treffer = [i for i, p in enumerate(punkte) if ag_name.casefold() in str(p.get("titel", "")).casefold()]
    if treffer:
        i = treffer[0]
        _beschluss_pruefen(ds.id, i, punkte[i], was)
        if ("tagesordnung", i, "arbeitsgruppen") in dok.schluessel and punkte[i].get("arbeitsgruppen"):
            text = textbearbeitung.haenge_an(text, dok, ("tagesordnung", i, "arbeitsgruppen"), [ag_id])
            daten["tagesordnung"][i]["arbeitsgruppen"].append(ag_id)
        else:
            nach = next((k for k in ("empfehlungen", "berichterstattung", "vorlage_art", "drucksache", "titel") if k in punkte[i]), None)
            text = textbearbeitung.setze_wert(text, dok, ("tagesordnung", i, "arbeitsgruppen"), [ag_id], nach=nach)
            daten["tagesordnung"][i]["arbeitsgruppen"] = [ag_id]
        satz = f"Tagesordnungspunkt {i + 1} der Sitzung „{ds.id}“ („{punkte[i].get('titel')}“) nennt jetzt die AG"
    elif s.get("status", "geplant") == "geplant":
        nummern = [p.get("nummer") for p in punkte if isinstance(p.get("nummer"), int)]
        punkt: dict = {"titel": titel, "arbeitsgruppen": [ag_id]}
        if len(nummern) == len(punkte):  # fortlaufend nummeriert (oder leer): nächste Nummer
            punkt = {"nummer": max(nummern, default=0) + 1, **punkt}
        if ("tagesordnung",) in dok.schluessel:
            text = textbearbeitung.haenge_an(text, dok, ("tagesordnung",), [punkt])
        else:
            vor = next((k for k in ("beispiel", "quelle", "notiz") if (k,) in dok.schluessel), None)
            text = textbearbeitung.fuege_schluessel_ein(text, dok, "tagesordnung", [punkt], vor=vor)
        daten.setdefault("tagesordnung", [])
        if daten["tagesordnung"] is None:
            daten["tagesordnung"] = []
        daten["tagesordnung"].append(punkt)
        satz = f"Tagesordnung der Sitzung „{ds.id}“: neuer Punkt „{titel}“"
    else:
        raise Abgelehnt(
            f"Die Tagesordnung der Sitzung „{ds.id}“ ({s.get('status')}) führt {was[1]} nicht auf (kein Punkt nennt die AG oder "
            f"„{ag_name}“ im Titel); eine durchgeführte Sitzung wird nicht nachträglich ergänzt. Nichts geändert"
        )
    grundlagen.pruefe_ergebnis(text, daten, ds.datei)
    return _datei_aenderung(ds, roh, text), satz


def _beschluss_pruefen(sitzung: str, i: int, punkt: dict, was: tuple[str, str]) -> None:
    ergebnis = (punkt.get("beschluss") or {}).get("ergebnis")
    if ergebnis in _NICHT_BESCHLOSSEN:
        raise Abgelehnt(f"Tagesordnungspunkt {i + 1} der Sitzung „{sitzung}“: {was[0]} wurde {ergebnis}; nichts geändert")


def plane_einsetzen(
    bestand: Bestand,
    gremium: str,
    sitzung: str,
    name: str,
    thema: str,
    ende_geplant: str | None = None,
    leitung: str | None = None,
) -> Vorgang:
    name = _text_pruefen(name, "--name")
    thema = _text_pruefen(thema, "--thema")
    ende = grundlagen.datum(ende_geplant, "--ende-geplant") if ende_geplant else None
    grundlagen.hole(bestand, "gremium", gremium)
    s_ds = _sitzung_des_gremiums(bestand, sitzung, gremium)
    beginn = s_ds.daten["datum"]
    if ende and ende <= beginn:
        raise Abgelehnt(f"--ende-geplant {ende} liegt nicht nach der Einsetzung am {beginn}; nichts geändert")
    if leitung:
        grundlagen.hole(bestand, "person", leitung, gueltig=False)
    id_ = grundlagen.freie_id(bestand, "arbeitsgruppe", name)
    durchgefuehrt = s_ds.daten.get("status") == "durchgefuehrt"
    daten: dict = {"name": name, "thema": thema, "eingesetzt_von": gremium, "eingesetzt_in": sitzung}
    daten["status"] = "aktiv" if durchgefuehrt else "geplant"
    daten["beginn"] = beginn
    if ende:
        daten["ende_geplant"] = ende
    if leitung:
        daten["leitung"] = [leitung]
        daten["mitglieder"] = [{"person": leitung, "funktion": "Leitung", "von": beginn}]
    text = textbearbeitung.datensatz_text(daten)
    datei = grundlagen.neue_datei("arbeitsgruppe", id_)
    grundlagen.pruefe_ergebnis(text, daten, datei)
    sitzung_aenderung, satz = tagesordnung_sichern(bestand, s_ds, id_, name, f"Einsetzung der {name}", ("die Einsetzung", "die Einsetzung"))
    aenderungen = [aenderung(bestand.wurzel, datei, text, neu_datei=True)]
    if sitzung_aenderung is not None:
        aenderungen.append(sitzung_aenderung)
    hinweise = [satz]
    if not durchgefuehrt:
        hinweise.append("Status „geplant“, bis die Sitzung stattgefunden hat; danach Status „aktiv“ eintragen")
    return Vorgang(
        bestand.wurzel,
        aenderungen,
        f"ag {id_}: eingesetzt von {gremium} ({beginn})",
        {"Arbeitsgruppe": id_, "Gremium": gremium, "Sitzung": sitzung},
        hinweise,
    )


def plane_abschliessen(bestand: Bestand, ag: str, am: str, sitzung: str | None = None) -> Vorgang:
    tag = grundlagen.datum(am, "--am")
    ds = grundlagen.hole(bestand, "arbeitsgruppe", ag)
    a = ds.daten
    if a.get("status") == "abgeschlossen":
        raise Abgelehnt(f"Arbeitsgruppe „{ag}“ ist schon abgeschlossen ({a.get('abgeschlossen_am') or 'Datum unbekannt'}); nichts geändert")
    if a.get("beginn") and tag < a["beginn"]:
        raise Abgelehnt(f"--am {tag} liegt vor dem Beginn der AG ({a['beginn']}); nichts geändert")
    aenderungen = []
    hinweise = []
    trailer = {"Arbeitsgruppe": ag, "Am": tag}
    if sitzung:
        s_ds = _sitzung_des_gremiums(bestand, sitzung, a["eingesetzt_von"])
        s_aenderung, satz = tagesordnung_sichern(bestand, s_ds, ag, str(a["name"]), f"Abschluss der {a['name']}", ("der Abschluss", "den Abschluss"))
        hinweise.append(satz)
        trailer["Sitzung"] = sitzung
        if s_aenderung is not None:
            aenderungen.append(s_aenderung)
    roh, text, dok = grundlagen.lies_text(bestand, ds)
    daten = copy.deepcopy(a)
    nach = next((k for k in ("eingesetzt_in", "eingesetzt_von", "thema", "name") if k in a), None)
    text = textbearbeitung.setze_wert(text, dok, ("status",), "abgeschlossen", nach=nach)
    daten["status"] = "abgeschlossen"
    dok = textbearbeitung.pruefe_lesbar(text)
    nach = next((k for k in ("ende_geplant", "beginn", "status") if k in daten), None)
    text = textbearbeitung.setze_wert(text, dok, ("abgeschlossen_am",), tag, nach=nach)
    daten["abgeschlossen_am"] = tag
    grundlagen.pruefe_ergebnis(text, daten, ds.datei)
    aenderungen.insert(0, _datei_aenderung(ds, roh, text))
    offen = [m.get("person") or m.get("organisation") for m in a.get("mitglieder") or [] if isinstance(m, dict) and not m.get("bis")]
    if offen:
        hinweise.append(f"Mitwirkung ohne Ende (bis) bleibt unverändert: {', '.join(map(str, offen))}")
    return Vorgang(bestand.wurzel, aenderungen, f"ag {ag}: abgeschlossen am {tag}", trailer, hinweise)
