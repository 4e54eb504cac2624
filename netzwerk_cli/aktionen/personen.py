"""Personen anlegen (`person neu`) und ausscheiden lassen (`person ausscheiden`)."""

from __future__ import annotations

from netzwerk_cli import schemata, textbearbeitung
from netzwerk_cli.aktionen import grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Vorgang, aenderung
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.fehler import Abgelehnt, EinrichtungsFehler


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
