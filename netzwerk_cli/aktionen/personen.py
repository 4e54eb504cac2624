"""Personen anlegen (`person neu`) und ausscheiden lassen (`person ausscheiden`)."""

from __future__ import annotations

import copy

from netzwerk_cli.aktionen import grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Dateiaenderung, Vorgang, aenderung
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.fehler import Abgelehnt, EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung


def erlaubte_rollen() -> list[str]:
    return list(schemata.schema("person")["properties"]["rollen"]["items"]["enum"])


def plane_neu(
    bestand: Bestand,
    name: str,
    organisation: str | None = None,
    funktion: str | None = None,
    rollen: list[str] | None = None,
    oeffentlich: bool = False,
) -> Vorgang:
    """Eine neue Person (personen/ID.yaml); die id kommt aus dem Namen (frei, siehe `grundlagen.freie_id`)."""
    name = (name or "").strip()
    if not name:
        raise EinrichtungsFehler("--name darf nicht leer sein")
    erlaubt = erlaubte_rollen()
    for r in rollen or []:
        if r not in erlaubt:
            raise EinrichtungsFehler(f"--rolle „{r}“ gibt es nicht (erlaubt: {', '.join(erlaubt)})")
    if organisation:
        grundlagen.hole(bestand, "organisation", organisation, gueltig=False)
    id_ = grundlagen.freie_id(bestand, "person", name)
    daten: dict = {"name": name}
    if organisation:
        daten["organisation"] = organisation
    if funktion and funktion.strip():
        daten["funktion"] = funktion.strip()
    if rollen:
        daten["rollen"] = list(dict.fromkeys(rollen))
    daten["oeffentlich"] = bool(oeffentlich)
    text = textbearbeitung.datensatz_text(daten)
    datei = grundlagen.neue_datei("person", id_)
    grundlagen.pruefe_ergebnis(text, daten, datei)
    return Vorgang(
        bestand.wurzel,
        [aenderung(bestand.wurzel, datei, text, neu_datei=True)],
        f"person {id_}: neu",
        {"Person": id_},
    )


def plane_ausscheiden(bestand: Bestand, person: str, bis: str) -> Vorgang:
    """Beendet in einem Vorgang jede laufende Gremienmitgliedschaft (und die Stellvertretungen für
    die Person), jede AG-Leitung und jede AG-Mitgliedschaft der Person zum Datum `bis`.

    AG-Leitungen stehen ohne Datum in `leitung`: die Person wird dort herausgenommen; hat sie in
    der AG noch keinen Eintrag in `mitglieder`, kommt einer mit `funktion: Leitung` und `bis`
    hinzu, damit die Leitung in den Daten erhalten bleibt.
    """
    from netzwerk_cli.aktionen import gremien

    tag = grundlagen.datum(bis, "--bis")
    grundlagen.hole(bestand, "person", person, gueltig=False)
    aenderungen = []
    hinweise: list[str] = []
    orte: list[str] = []
    for ds in sorted(bestand.arten["gremium"].values(), key=lambda d: d.datei):
        if not ds.gueltig:
            if ds.lesbar and person in str(ds.daten.get("mitglieder")):
                raise Abgelehnt(f"{ds.datei} hat Fehler; bitte erst „netzwerk validate“ ausführen und beheben. Nichts geändert")
            continue
        if not gremien.offene_eintraege(ds.daten, person, tag) and not any(
            isinstance(m, dict) and m.get("vertritt") == person for m in ds.daten.get("mitglieder") or []
        ):
            continue
        a = gremien.Gremiumsaenderung(bestand, ds)
        eigene, vertreter = gremien.beende_person(a, person, tag)
        if not eigene and not vertreter:
            continue
        hinweise += [f"Stellvertretung von „{v}“ für „{person}“ in „{ds.id}“ endet ebenfalls am {tag}" for v in vertreter]
        gremien.sitze_pruefen(bestand, a.alt, a.daten, tag, f"Das Ausscheiden von „{person}“ aus „{ds.id}“")
        aenderungen.append(a.aenderung())
        orte.append(ds.id)
    for ds in sorted(bestand.arten["arbeitsgruppe"].values(), key=lambda d: d.datei):
        if not ds.gueltig or ds.daten.get("status") == "abgeschlossen":
            continue
        leitet = person in (ds.daten.get("leitung") or [])
        offen = [
            i
            for i, m in enumerate(ds.daten.get("mitglieder") or [])
            if m.get("person") == person and (m.get("bis") is None or m["bis"] > tag)
        ]
        if not leitet and not offen:
            continue
        roh, text, dok = grundlagen.lies_text(bestand, ds)
        daten = copy.deepcopy(ds.daten)
        for i in offen:
            text = textbearbeitung.setze_wert(text, dok, ("mitglieder", i, "bis"), tag, nach="von")
            daten["mitglieder"][i]["bis"] = tag
            dok = textbearbeitung.pruefe_lesbar(text)
        if leitet:
            text = textbearbeitung.entferne_aus_liste(text, dok, ("leitung",), daten["leitung"].index(person))
            daten["leitung"].remove(person)
            dok = textbearbeitung.pruefe_lesbar(text)
            if not any(m.get("person") == person for m in daten.get("mitglieder") or []):
                eintrag = {"person": person, "funktion": "Leitung", "bis": tag}
                text = textbearbeitung.haenge_an(text, dok, ("mitglieder",), [eintrag])
                daten.setdefault("mitglieder", []).append(eintrag)
            if not daten["leitung"]:
                hinweise.append(f"Arbeitsgruppe „{ds.id}“ hat ab {tag} keine Leitung mehr")
        grundlagen.pruefe_ergebnis(text, daten, ds.datei)
        bom = "\ufeff" if roh.startswith(b"\xef\xbb\xbf") else ""
        aenderungen.append(Dateiaenderung(ds.datei, roh, (bom + text).encode("utf-8")))
        orte.append(ds.id)
    if not aenderungen:
        raise Abgelehnt(f"„{person}“ hat am {tag} keine laufende Mitgliedschaft, AG-Leitung oder AG-Mitwirkung; nichts geändert")
    return Vorgang(
        bestand.wurzel,
        aenderungen,
        f"person {person}: scheidet zum {tag} aus ({len(orte)} {'Gremium/AG' if len(orte) == 1 else 'Gremien/AGs'})",
        {"Person": person, "Bis": tag},
        hinweise,
        text="Beendet in: " + ", ".join(orte),
    )
