"""Das Protokoll einer Sitzung erfassen (`sitzung protokoll`): Anwesenheit, Beschlüsse je
Tagesordnungspunkt, Status `durchgefuehrt` – und in derselben Änderung jede dort entschiedene
Empfehlung einen Schritt weiter (angenommen → beschlossen, abgelehnt → abgelehnt,
zurueckverwiesen → entwurf), mit der Sitzung als Wächter.

Alles oder nichts: Ein Vorgang des gemeinsamen Schreibwegs mit der Sitzung und allen
Empfehlungen; jede Ablehnung kommt vor dem Schreiben. Die Schritte der Empfehlungen plant
`empfehlungen.plane_schritt` gegen einen Bestand, in dem die Sitzung schon das neue Protokoll
trägt (die Wächter sehen also genau den Stand, der geschrieben würde).
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from netzwerk_cli.aktionen import empfehlungen, grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang
from netzwerk_cli.bestand import Bestand, Datensatz
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.arten import ID_MAX, ID_MUSTER
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung
from netzwerk_cli.regelwerk import lebenszyklus, sitzregeln

_ZAHL = re.compile(r"\d{1,5}")


@dataclass(frozen=True)
class Beschluss:
    nummer: int  # 1-basiert: Position in der Tagesordnung
    ergebnis: str
    stimmen: tuple[int, int, int] | None  # ja, nein, enthaltung

    @property
    def abstimmung(self) -> dict | None:
        if self.stimmen is None:
            return None
        ja, nein, enthaltung = self.stimmen
        return {"ja": ja, "nein": nein, "enthaltung": enthaltung}


def ergebnisse() -> list[str]:
    """Die erlaubten Ergebnisse eines Beschlusses (aus dem Schema der Sitzung)."""
    punkt = schemata.schema("sitzung")["properties"]["tagesordnung"]["items"]
    return list(punkt["properties"]["beschluss"]["properties"]["ergebnis"]["enum"])


def lies_beschluss(text: str) -> Beschluss:
    """„NR:ergebnis[:ja:nein:enthaltung]“ → Beschluss (Aufruffehler mit deutscher Meldung)."""
    teile = [t.strip() for t in text.split(":")]
    erlaubt = ergebnisse()
    beispiel = "z. B. 1:angenommen oder 1:angenommen:9:0:1"
    if len(teile) not in (2, 5) or not _ZAHL.fullmatch(teile[0]) or int(teile[0]) < 1:
        raise EinrichtungsFehler(f"--beschluss „{text}“: bitte NR:ergebnis[:ja:nein:enthaltung] angeben, {beispiel}")
    if teile[1] not in erlaubt:
        raise EinrichtungsFehler(f"--beschluss „{text}“: Ergebnis „{teile[1]}“ gibt es nicht (erlaubt: {', '.join(erlaubt)})")
    stimmen = None
    if len(teile) == 5:
        if not all(_ZAHL.fullmatch(t) for t in teile[2:]):
            raise EinrichtungsFehler(f"--beschluss „{text}“: Stimmen bitte als ganze Zahlen ja:nein:enthaltung, {beispiel}")
        stimmen = (int(teile[2]), int(teile[3]), int(teile[4]))
    return Beschluss(int(teile[0]), teile[1], stimmen)


def _ids(werte: list[str] | None) -> list[str]:
    """Mehrfach angegebene Optionen, auch mit Kommas („a,b“); Reihenfolge bleibt, Doppelte fallen weg."""
    ergebnis = []
    for wert in werte or []:
        ergebnis += [t.strip() for t in wert.split(",") if t.strip()]
    return list(dict.fromkeys(ergebnis))


# --------------------------------------------------------------------------- ein Bestand mit der neuen Sitzung


class _Ersetzt(Mapping):
    """Die Datensätze einer Art, einzelne durch geplante ersetzt (ohne alle zu laden)."""

    def __init__(self, basis: Mapping, ersatz: dict[str, Datensatz]):
        self._basis = basis
        self._ersatz = ersatz

    def __getitem__(self, id_):
        return self._ersatz[id_] if id_ in self._ersatz else self._basis[id_]

    def __iter__(self):
        yield from self._ersatz
        yield from (i for i in self._basis if i not in self._ersatz)

    def __len__(self) -> int:
        return len(self._basis) + sum(1 for i in self._ersatz if i not in self._basis)

    def __contains__(self, id_) -> bool:
        return id_ in self._ersatz or id_ in self._basis


def mit_ersetzt(bestand: Bestand, ds: Datensatz) -> Bestand:
    """Ein Bestand, in dem `ds` an die Stelle des gleichnamigen Datensatzes tritt."""
    arten: dict[str, Any] = dict(bestand.arten)  # eine Art als Ansicht (Mapping), wie bei lade_bedarf
    arten[ds.art] = _Ersetzt(bestand.arten[ds.art], {ds.id: ds})
    return Bestand(wurzel=bestand.wurzel, netzwerk=bestand.netzwerk, arten=arten)


def geplanter_datensatz(ds: Datensatz, text: str) -> Datensatz:
    """Der Datensatz mit neuem Text, schema-geprüft; lehnt ab, wenn er ungültig wäre."""
    from netzwerk_cli.querpruefung.regeln import pruefe_schema_datensatz

    neu = Datensatz(ds.art, ds.id, ds.datei, textbearbeitung.pruefe_lesbar(text))
    fehler = [b for b in pruefe_schema_datensatz(neu) if b.schwere == "fehler"]
    if fehler:
        raise Abgelehnt(f"{ds.datei}: die Änderung ergäbe einen ungültigen Datensatz: " + "; ".join(b.meldung for b in fehler))
    return neu


# --------------------------------------------------------------------------- Prüfen


def _personen_pruefen(bestand: Bestand, listen: dict[str, list[str]]) -> None:
    unbekannt = []
    for option, ids in listen.items():
        for p in ids:
            if not bestand.gibt_es("person", p):
                unbekannt.append(f"  {option} {p}: gibt es nicht in personen/{grundlagen.vorschlag(bestand, 'person', p)}")
    if unbekannt:
        raise Abgelehnt("Unbekannte Personen; nichts geändert:\n" + "\n".join(unbekannt))
    gesehen: dict[str, str] = {}
    doppelt = []
    for option, ids in listen.items():
        for p in ids:
            if p in gesehen and gesehen[p] != option:
                doppelt.append(f"  „{p}“ steht unter {gesehen[p]} und {option}")
            gesehen.setdefault(p, option)
    if doppelt:
        raise Abgelehnt("[sitzung-teilnahme] Jede Person nur einmal angeben; nichts geändert:\n" + "\n".join(doppelt))


def _gast_eintrag(bestand: Bestand, wert: str) -> tuple[dict, str | None]:
    """Ein Gast. Gäste werden nicht als Personen geführt (Schema: `{name, organisation, funktion}`):
    eine Bezeichnung wird zu `{name: …}`; die id einer vorhandenen Person wird zu ihrem Namen mit
    Organisation und Funktion aus dem Personendatensatz (Kontaktdaten nie). Liefert (Eintrag, id
    oder None); eine id-artige Angabe ohne Person kommt als id zurück (→ „gibt es nicht“)."""
    if not (ID_MUSTER.fullmatch(wert) and len(wert) <= ID_MAX):
        return {"name": wert}, None
    person = bestand.daten("person", wert)
    eintrag: dict = {"name": person.get("name") or wert}
    for k in ("organisation", "funktion"):
        if isinstance(person.get(k), str):
            eintrag[k] = person[k]
    return eintrag, wert


def _teilnahme_pruefen(sid: str, sitzung: dict, gremium: dict, anwesend: list[str], entschuldigt: list[str], gaeste: list[str]) -> list[str]:
    """Anwesende und Entschuldigte müssen am Sitzungstag Mitglied sein, Gäste dürfen es nicht
    sein (`sitzung-teilnahme`). Liefert die ordentlichen Mitglieder, die weder anwesend noch
    entschuldigt sind (Hinweis)."""
    datum = sitzung["datum"]
    aktiv = [m for m in sitzregeln.mitgliedschaften(gremium) if m.aktiv_am(datum)]
    mitglieder = {m.person for m in aktiv}
    falsch = [f"  „{p}“ ist am {datum} kein Mitglied von „{sitzung['gremium']}“" for p in [*anwesend, *entschuldigt] if p not in mitglieder]
    if falsch:
        raise Abgelehnt(
            f"[sitzung-teilnahme] Sitzung „{sid}“: nur Mitglieder sind anwesend oder entschuldigt; nichts geändert:\n"
            + "\n".join(falsch)
            + "\nGäste bitte mit --gast angeben (nicht stimmberechtigt)."
        )
    mitglied_als_gast = [p for p in gaeste if p in mitglieder]
    if mitglied_als_gast:
        raise Abgelehnt(
            f"[sitzung-teilnahme] Sitzung „{sid}“: {', '.join(mitglied_als_gast)} "
            f"{'ist' if len(mitglied_als_gast) == 1 else 'sind'} am {datum} Mitglied; bitte unter --anwesend angeben. Nichts geändert"
        )
    erfasst = set(anwesend) | set(entschuldigt)
    return list(dict.fromkeys(m.person for m in aktiv if m.art == "ordentlich" and m.person not in erfasst))


def _beschluesse_pruefen(sid: str, punkte: list, beschluesse: list[Beschluss], anwesend: int) -> None:
    nummern = [b.nummer for b in beschluesse]
    doppelt = sorted({n for n in nummern if nummern.count(n) > 1})
    if doppelt:
        raise EinrichtungsFehler(f"--beschluss: Tagesordnungspunkt {', '.join(map(str, doppelt))} mehrfach angegeben")
    for b in beschluesse:
        if b.nummer > len(punkte):
            raise Abgelehnt(
                f"Sitzung „{sid}“ hat {len(punkte)} Tagesordnungspunkt{'e' if len(punkte) != 1 else ''}; "
                f"Punkt {b.nummer} gibt es nicht (--beschluss zählt die Punkte ab 1). Nichts geändert"
            )
        punkt = punkte[b.nummer - 1]
        alt = punkt.get("beschluss") or {}
        if alt.get("ergebnis") or alt.get("abstimmung"):
            raise Abgelehnt(
                f"Tagesordnungspunkt {b.nummer} („{punkt.get('titel')}“) hat schon einen Beschluss ({alt.get('ergebnis')}); "
                "Korrekturen bitte von Hand. Nichts geändert"
            )
        if b.stimmen is None:
            continue
        ja, nein, enthaltung = b.stimmen
        wo = f"[abstimmung-ungueltig] Tagesordnungspunkt {b.nummer} („{punkt.get('titel')}“)"
        if ja + nein + enthaltung > anwesend:
            raise Abgelehnt(f"{wo}: {ja + nein + enthaltung} Stimmen (ja {ja}, nein {nein}, Enthaltung {enthaltung}) bei {anwesend} Anwesenden; nichts geändert")
        if b.ergebnis == "angenommen" and ja <= nein:
            raise Abgelehnt(f"{wo}: „angenommen“, aber ja {ja} ≤ nein {nein} (Stimmengleichheit gilt als Ablehnung); nichts geändert")
        if b.ergebnis == "abgelehnt" and ja > nein:
            raise Abgelehnt(f"{wo}: „abgelehnt“, aber ja {ja} > nein {nein}; nichts geändert")


# --------------------------------------------------------------------------- Text der Sitzung


def _anker(dok, *kandidaten: str) -> str | None:
    return next((k for k in kandidaten if (k,) in dok.schluessel), None)


def _liste_ergaenzen(text: str, daten: dict, schluessel: str, neue: list) -> str:
    dok = textbearbeitung.pruefe_lesbar(text)
    vorhanden = daten.get(schluessel) or []
    neue = [e for e in neue if e not in vorhanden]
    if not neue:
        return text
    if (schluessel,) in dok.schluessel:
        text = textbearbeitung.haenge_an(text, dok, (schluessel,), neue)
    else:
        vor = _anker(dok, "tagesordnung", "protokoll", "beispiel", "quelle", "notiz")
        text = textbearbeitung.fuege_schluessel_ein(text, dok, schluessel, neue, vor=vor)
    daten[schluessel] = list(vorhanden) + neue
    return text


def _beschluss_eintragen(text: str, daten: dict, b: Beschluss) -> str:
    i = b.nummer - 1
    punkt = daten["tagesordnung"][i]
    dok = textbearbeitung.pruefe_lesbar(text)
    neu: dict = {"ergebnis": b.ergebnis}
    if b.abstimmung:
        neu["abstimmung"] = b.abstimmung
    if isinstance(punkt.get("beschluss"), dict):  # z. B. ein vorbereiteter Beschlusstext
        for k, v in neu.items():
            text = textbearbeitung.setze_wert(text, dok, ("tagesordnung", i, "beschluss", k), v)
            dok = textbearbeitung.pruefe_lesbar(text)
            punkt["beschluss"][k] = v
    else:
        text = textbearbeitung.setze_wert(text, dok, ("tagesordnung", i, "beschluss"), neu)
        punkt["beschluss"] = neu
    return text


# --------------------------------------------------------------------------- der Befehl


def plane_protokoll(
    bestand: Bestand,
    sitzung: str,
    anwesend: list[str] | None,
    entschuldigt: list[str] | None = None,
    gaeste: list[str] | None = None,
    beschluesse: list[str] | None = None,
    stichtag: str | None = None,
) -> Vorgang:
    tag = grundlagen.datum(stichtag, "--stichtag")
    anwesend, entschuldigt, gast_werte = _ids(anwesend), _ids(entschuldigt), _ids(gaeste)
    geparst = [lies_beschluss(t) for t in beschluesse or []]
    if not anwesend:
        raise EinrichtungsFehler("--anwesend: bitte mindestens eine anwesende Person (id) angeben")
    ds = grundlagen.hole(bestand, "sitzung", sitzung)
    s = ds.daten
    if s.get("status") == "abgesagt":
        raise Abgelehnt(f"Sitzung „{sitzung}“ ist abgesagt; ein Protokoll gibt es nicht. Nichts geändert")
    if s.get("anwesend"):
        raise Abgelehnt(f"Sitzung „{sitzung}“ hat schon eine Anwesenheitsliste; das Protokoll ist erfasst (Korrekturen bitte von Hand). Nichts geändert")
    if s["datum"] > tag:
        raise Abgelehnt(f"Sitzung „{sitzung}“ am {s['datum']} liegt nach dem Stichtag {tag}; ein Protokoll gibt es erst nach der Sitzung. Nichts geändert")
    gast_eintraege = [_gast_eintrag(bestand, g) for g in gast_werte]
    _personen_pruefen(
        bestand, {"--anwesend": anwesend, "--entschuldigt": entschuldigt, "--gast": [p for _, p in gast_eintraege if p]}
    )
    gremium = grundlagen.hole(bestand, "gremium", s["gremium"])
    fehlen = _teilnahme_pruefen(sitzung, s, gremium.daten, anwesend, entschuldigt, [p for _, p in gast_eintraege if p])
    punkte = s.get("tagesordnung") or []
    _beschluesse_pruefen(sitzung, punkte, geparst, len(anwesend))

    # die Sitzung: minimale Textänderungen, Zeile für Zeile
    roh, text, dok = grundlagen.lies_text(bestand, ds)
    daten = copy.deepcopy(s)
    if ("status",) in dok.schluessel:
        text = textbearbeitung.setze_wert(text, dok, ("status",), "durchgefuehrt")
    else:
        text = textbearbeitung.setze_wert(text, dok, ("status",), "durchgefuehrt", nach=_anker(dok, "ende", "beginn", "ort", "datum"))
    daten["status"] = "durchgefuehrt"
    text = _liste_ergaenzen(text, daten, "anwesend", anwesend)
    text = _liste_ergaenzen(text, daten, "entschuldigt", entschuldigt)
    text = _liste_ergaenzen(text, daten, "gaeste", [e for e, _ in gast_eintraege])
    for b in sorted(geparst, key=lambda b: b.nummer):
        text = _beschluss_eintragen(text, daten, b)
    grundlagen.pruefe_ergebnis(text, daten, ds.datei)
    bom = "\ufeff" if roh.startswith(b"\xef\xbb\xbf") else ""
    aenderungen = [Dateiaenderung(ds.datei, roh, (bom + text).encode("utf-8"))]

    # die Empfehlungen: je entschiedenem Punkt ein Schritt, gegen die neue Sitzung geprüft
    geplant = mit_ersetzt(bestand, geplanter_datensatz(ds, text))
    schritte: dict[str, tuple[str | None, Beschluss]] = {}
    for b in geparst:
        ziel = lebenszyklus.ENTSCHEIDUNG.get(b.ergebnis)
        for eid in (punkte[b.nummer - 1].get("empfehlungen") or []) if ziel else []:
            frueher = schritte.get(eid)
            if frueher and frueher[0] != ziel:
                raise Abgelehnt(
                    f"Empfehlung „{eid}“ steht unter Punkt {frueher[1].nummer} ({frueher[1].ergebnis}) und Punkt {b.nummer} "
                    f"({b.ergebnis}); das widerspricht sich. Nichts geändert"
                )
            schritte[eid] = (ziel, b)
    hinweise = []
    if fehlen:
        hinweise.append(f"Weder anwesend noch entschuldigt erfasst: {', '.join(fehlen)}")
    weiter = []
    for eid, (ziel, b) in schritte.items():
        e_ds = empfehlungen.hole(geplant, eid)
        e = e_ds.daten
        if e.get("status") != "eingereicht":
            schon = any(isinstance(v, dict) and v.get("sitzung") == sitzung and v.get("status") == ziel for v in e.get("verlauf") or [])
            if schon:
                hinweise.append(f"Empfehlung „{eid}“ ist schon mit dieser Sitzung „{ziel}“; unverändert")
                continue
            raise Abgelehnt(
                f"Tagesordnungspunkt {b.nummer}: Empfehlung „{eid}“ ist „{e.get('status')}“; ein Beschluss „{b.ergebnis}“ "
                f"setzt „eingereicht“ voraus (Schritt nach „{ziel}“). Nichts geändert"
            )
        plan = empfehlungen.plane_schritt(geplant, eid, nach=ziel, sitzung=sitzung, datum=s["datum"])
        aenderungen.append(Dateiaenderung(plan.datei, plan.alt, plan.neu.encode("utf-8")))
        weiter.append(f"{eid} → {ziel}")
    betreff = f"sitzung {sitzung}: Protokoll ({len(anwesend)} anwesend, {len(geparst)} Beschl{'üsse' if len(geparst) != 1 else 'uss'})"
    trailer = {"Sitzung": sitzung}
    if weiter:
        trailer["Empfehlungen"] = ", ".join(weiter)
    return Vorgang(bestand.wurzel, aenderungen, betreff, trailer, hinweise)
