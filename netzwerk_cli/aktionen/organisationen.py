"""Organisationen anlegen (`organisation neu`)."""

from __future__ import annotations

from netzwerk_cli.aktionen import grundlagen
from netzwerk_cli.aktionen.schreibvorgang import Vorgang, aenderung
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.dateipruefung import schemata
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler
from netzwerk_cli.quellen import textbearbeitung


def erlaubte_typen() -> list[str]:
    return list(schemata.schema("organisation")["properties"]["typ"]["enum"])


def plane_neu(bestand: Bestand, name: str, typ: str, uebergeordnet: str | None = None) -> Vorgang:
    """Eine neue Organisation (organisationen/ID.yaml); die id kommt aus dem Namen."""
    name = (name or "").strip()
    if not name:
        raise EinrichtungsFehler("--name darf nicht leer sein")
    if typ not in erlaubte_typen():
        raise EinrichtungsFehler(f"--typ „{typ}“ gibt es nicht (erlaubt: {', '.join(erlaubte_typen())})")
    if uebergeordnet:
        grundlagen.hole(bestand, "organisation", uebergeordnet, gueltig=False)
    id_ = grundlagen.freie_id(bestand, "organisation", name)
    daten: dict = {"name": name, "typ": typ}
    if uebergeordnet:
        daten["uebergeordnet"] = uebergeordnet
    text = textbearbeitung.datensatz_text(daten)
    datei = grundlagen.neue_datei("organisation", id_)
    grundlagen.pruefe_ergebnis(text, daten, datei)
    return Vorgang(bestand.wurzel, [aenderung(bestand.wurzel, datei, text, neu_datei=True)], f"organisation {id_}: neu", {"Organisation": id_})
