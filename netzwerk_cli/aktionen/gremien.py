"""Zusammensetzung eines Gremiums ändern: `gremium mitglied hinzufuegen | beenden` und
(über `personen_ausscheiden`) `person ausscheiden`.

Vor dem Schreiben prüft die Sitzregel-Maschine (`sitzregeln.besetzung`) den geplanten Stand am
Stichtag der Änderung und an jedem späteren Datum, das schon in den Daten steht (Beginn oder
Ende einer anderen Mitgliedschaft): neue Verstöße (Überbesetzung, `je`/`aus`, `rolle`,
`organisationstyp`, zwei gezählte Sitze einer Person) lehnen die Änderung ab; die Meldung
nennt Datum, Sitzgruppe und Regel. Einträge werden nie gelöscht, nur mit `bis` beendet.
"""

from __future__ import annotations

import copy
from collections import Counter
from datetime import date, timedelta

from netzwerk_cli.aktionen import grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung
from netzwerk_cli.regelwerk import sitzregeln

SITZFEHLER = ("sitz-ueberbesetzt", "sitz-regel", "mitglied-doppelt")


def _tag_danach(tag: str) -> str:
    return (date.fromisoformat(tag) + timedelta(days=1)).isoformat()


def _stichtage(daten: dict, ab: str) -> list[str]:
    """`ab` und jedes spätere Datum, an dem sich die Besetzung ändert (Beginn, Tag nach dem Ende)."""
    tage = {ab}
    for m in daten.get("mitglieder") or []:
        if not isinstance(m, dict):
            continue
        if isinstance(m.get("von"), str) and m["von"] > ab:
            tage.add(m["von"])
        if isinstance(m.get("bis"), str) and m["bis"] >= ab:
            tage.add(_tag_danach(m["bis"]))
    return sorted(tage)


def _verstoesse(daten: dict, bestand: Bestand, tag: str) -> list[sitzregeln.Verstoss]:
    return [v for v in sitzregeln.besetzung(daten, bestand, tag).verstoesse if v.regel in SITZFEHLER]


def sitze_pruefen(bestand: Bestand, alt: dict, neu: dict, ab: str, was: str) -> None:
    """Lehnt ab, wenn der neue Stand an `ab` oder einem späteren Datum Sitzregeln verletzt, die
    der alte Stand an diesem Datum nicht verletzt."""
    gruppen = {g.get("id"): g for g in neu.get("sitzgruppen") or [] if isinstance(g, dict)}
    funde: list[str] = []
    regeln: dict[str, str] = {}
    gesehen: set[tuple] = set()
    for tag in _stichtage(neu, ab):
        vorher = Counter((v.regel, v.meldung.replace(tag, "…")) for v in _verstoesse(alt, bestand, tag))
        for v in _verstoesse(neu, bestand, tag):
            k = (v.regel, v.meldung.replace(tag, "…"))
            if vorher[k] > 0:
                vorher[k] -= 1
                continue
            if k in gesehen:
                continue
            gesehen.add(k)
            funde.append(f"  am {tag}: [{v.regel}] {v.meldung}")
            gruppe = _gruppe_des_verstosses(neu, v, gruppen)
            if gruppe is not None:
                regeln[str(gruppe.get("name", gruppe.get("id")))] = sitzregeln.regel_text(gruppe)
    if funde:
        regel_zeilen = [f"  Regel der Sitzgruppe „{name}“: {text}" for name, text in regeln.items()]
        raise Abgelehnt(f"{was} verletzt die Sitzregeln; nichts geändert:\n" + "\n".join(funde + regel_zeilen))


def _gruppe_des_verstosses(daten: dict, v: sitzregeln.Verstoss, gruppen: dict) -> dict | None:
    if len(v.pfad) >= 2 and v.pfad[0] == "mitglieder":
        m = (daten.get("mitglieder") or [])[v.pfad[1]]
        return gruppen.get(m.get("sitzgruppe")) if isinstance(m, dict) else None
    return None


# --------------------------------------------------------------------------- Bausteine


class Gremiumsaenderung:
    """Text und Daten eines Gremiums, schrittweise geändert (jeder Schritt minimal und geprüft)."""

    def __init__(self, bestand: Bestand, ds: Datensatz):
        self.bestand = bestand
        self.ds = ds
        self.roh, self.text, self.dok = grundlagen.lies_text(bestand, ds)
        self.alt = copy.deepcopy(ds.daten)
        self.daten = copy.deepcopy(ds.daten)

    def _neu_lesen(self) -> None:
        self.dok = textbearbeitung.pruefe_lesbar(self.text)

    def beende(self, index: int, bis: str) -> None:
        self.text = textbearbeitung.setze_wert(self.text, self.dok, ("mitglieder", index, "bis"), bis, nach="von")
        self.daten["mitglieder"][index]["bis"] = bis
        self._neu_lesen()

    def haenge_an(self, eintrag: dict) -> None:
        self.text = textbearbeitung.haenge_an(self.text, self.dok, ("mitglieder",), [eintrag])
        self.daten.setdefault("mitglieder", [])
        if self.daten["mitglieder"] is None:
            self.daten["mitglieder"] = []
        self.daten["mitglieder"].append(eintrag)
        self._neu_lesen()

    def aenderung(self) -> Dateiaenderung:
        grundlagen.pruefe_ergebnis(self.text, self.daten, self.ds.datei)
        bom = "\ufeff" if self.roh.startswith(b"\xef\xbb\xbf") else ""
        return Dateiaenderung(self.ds.datei, self.roh, (bom + self.text).encode("utf-8"))


def _sitzgruppe(gremium: Datensatz, sitzgruppe: str) -> dict:
    gruppen = [g for g in gremium.daten.get("sitzgruppen") or [] if isinstance(g, dict)]
    for g in gruppen:
        if g.get("id") == sitzgruppe:
            return g
    vorhanden = ", ".join(str(g.get("id")) for g in gruppen) or "keine"
    raise Abgelehnt(f"Sitzgruppe „{sitzgruppe}“ gibt es im Gremium „{gremium.id}“ nicht (vorhanden: {vorhanden}); nichts geändert")


def offene_eintraege(daten: dict, person: str, bis: str) -> list[int]:
    """Einträge in `mitglieder` von `person`, die an `bis` noch laufen (ohne Ende oder später endend)."""
    return [
        i
        for i, m in enumerate(daten.get("mitglieder") or [])
        if isinstance(m, dict) and m.get("person") == person and (m.get("bis") is None or m["bis"] > bis)
    ]


def _vertretungen(daten: dict, person: str, bis: str) -> list[int]:
    return [
        i
        for i, m in enumerate(daten.get("mitglieder") or [])
        if isinstance(m, dict) and m.get("art") == "stellvertretung" and m.get("vertritt") == person and (m.get("bis") is None or m["bis"] > bis)
    ]


def beende_person(aenderung: Gremiumsaenderung, person: str, bis: str) -> tuple[list[int], list[str]]:
    """Beendet alle laufenden Einträge der Person und die Stellvertretungen, die sie vertreten.
    Liefert (beendete Einträge der Person, beendete Stellvertretungen als Personen-ids)."""
    eigene = offene_eintraege(aenderung.daten, person, bis)
    for i in eigene:
        von = aenderung.daten["mitglieder"][i].get("von")
        if isinstance(von, str) and von > bis:
            raise Abgelehnt(
                f"Die Mitgliedschaft von „{person}“ in „{aenderung.ds.id}“ beginnt erst am {von}; --bis {bis} läge davor. Nichts geändert"
            )
        aenderung.beende(i, bis)
    vertreter = []
    for i in _vertretungen(aenderung.daten, person, bis):
        aenderung.beende(i, bis)
        vertreter.append(aenderung.daten["mitglieder"][i]["person"])
    return eigene, vertreter


# --------------------------------------------------------------------------- Befehle


def plane_hinzufuegen(
    bestand: Bestand,
    gremium: str,
    person: str,
    sitzgruppe: str,
    von: str,
    art: str = "ordentlich",
    vertritt: str | None = None,
) -> Vorgang:
    tag = grundlagen.datum(von, "--von")
    if art not in ("ordentlich", "stellvertretung"):
        raise EinrichtungsFehler(f"--art „{art}“ gibt es nicht (erlaubt: ordentlich, stellvertretung)")
    if art == "stellvertretung" and not vertritt:
        raise EinrichtungsFehler("--art stellvertretung braucht --vertritt PERSON")
    if vertritt and art != "stellvertretung":
        raise EinrichtungsFehler("--vertritt gibt es nur mit --art stellvertretung")
    ds = grundlagen.hole(bestand, "gremium", gremium)
    grundlagen.hole(bestand, "person", person)
    if vertritt:
        grundlagen.hole(bestand, "person", vertritt)
    _sitzgruppe(ds, sitzgruppe)
    eintrag: dict = {"person": person, "sitzgruppe": sitzgruppe}
    if art == "stellvertretung":
        eintrag["art"] = "stellvertretung"
        eintrag["vertritt"] = vertritt
    eintrag["von"] = tag
    a = Gremiumsaenderung(bestand, ds)
    a.haenge_an(eintrag)
    was = "Stellvertretung" if art == "stellvertretung" else "Mitglied"
    sitze_pruefen(bestand, a.alt, a.daten, tag, f"{was} „{person}“ in Sitzgruppe „{sitzgruppe}“ ab {tag}")
    return Vorgang(
        bestand.wurzel,
        [a.aenderung()],
        f"gremium {gremium}: {person} neu in {sitzgruppe} ab {tag}" + (" (Stellvertretung)" if art == "stellvertretung" else ""),
        {"Gremium": gremium, "Person": person, "Sitzgruppe": sitzgruppe},
    )


def plane_beenden(
    bestand: Bestand, gremium: str, person: str, bis: str, nachfolge: str | None = None, nachfolge_von: str | None = None
) -> Vorgang:
    tag = grundlagen.datum(bis, "--bis")
    if nachfolge_von is not None and not nachfolge:
        raise EinrichtungsFehler("--von gilt nur zusammen mit --nachfolge")
    ds = grundlagen.hole(bestand, "gremium", gremium)
    if nachfolge:
        grundlagen.hole(bestand, "person", nachfolge)
    a = Gremiumsaenderung(bestand, ds)
    offen = offene_eintraege(a.daten, person, tag)
    if not offen:
        raise Abgelehnt(f"„{person}“ hat im Gremium „{gremium}“ keine Mitgliedschaft, die am {tag} noch läuft; nichts geändert")
    alte_eintraege = [copy.deepcopy(a.daten["mitglieder"][i]) for i in offen]
    _, vertreter = beende_person(a, person, tag)
    hinweise = [f"Stellvertretung von „{v}“ für „{person}“ endet ebenfalls am {tag}" for v in vertreter]
    betreff = f"gremium {gremium}: {person} scheidet zum {tag} aus"
    trailer = {"Gremium": gremium, "Person": person}
    if nachfolge:
        gezaehlt = [e for e in alte_eintraege if (e.get("art") or "ordentlich") == "ordentlich"] or alte_eintraege
        if len(gezaehlt) != 1:
            raise Abgelehnt(f"„{person}“ hat in „{gremium}“ mehrere laufende Sitze; Nachfolge bitte je Sitz mit „mitglied hinzufuegen“ eintragen")
        alt_eintrag = gezaehlt[0]
        beginn = grundlagen.datum(nachfolge_von, "--von") if nachfolge_von else _tag_danach(tag)
        if beginn <= tag and (alt_eintrag.get("art") or "ordentlich") == "ordentlich":
            raise Abgelehnt(f"Die Nachfolge beginnt am {beginn}, der Sitz ist aber bis {tag} besetzt; bitte --von nach --bis wählen. Nichts geändert")
        neu_eintrag: dict = {"person": nachfolge}
        for k in ("sitzgruppe", "art", "vertritt", "funktion"):
            if alt_eintrag.get(k) is not None:
                neu_eintrag[k] = alt_eintrag[k]
        neu_eintrag["von"] = beginn
        neu_eintrag["notiz"] = f"Nachfolge von {person}"
        a.haenge_an(neu_eintrag)
        betreff = f"gremium {gremium}: {nachfolge} folgt auf {person} ({beginn})"
        trailer["Nachfolge"] = nachfolge
    sitze_pruefen(bestand, a.alt, a.daten, tag, f"Das Ausscheiden von „{person}“" + (f" mit Nachfolge „{nachfolge}“" if nachfolge else ""))
    return Vorgang(bestand.wurzel, [a.aenderung()], betreff, trailer, hinweise)
