"""Deutsche Bezeichnungen für die Werte der Schemas und die Sitzregel als lesbarer Satz."""

from __future__ import annotations

from netzwerk_cli.berichte.grundlagen import org_name
from netzwerk_cli.bestand import Bestand
from netzwerk_cli.regelwerk.sitzregeln import sitzzahl

ORGANISATIONSTYP = {
    "ministerium": "Ministerium",
    "kommunaler_landesverband": "Kommunaler Landesverband",
    "landkreis": "Landkreis",
    "stadtkreis": "Stadtkreis",
    "stadt": "Stadt",
    "gemeinde": "Gemeinde",
    "amt": "Amt",
    "referat": "Referat",
    "jobcenter": "Jobcenter",
    "wohlfahrtsverband": "Wohlfahrtsverband",
    "bildungstraeger": "Bildungsträger",
    "fraktion": "Fraktion",
    "bundesbehoerde": "Bundesbehörde",
    "landesbehoerde": "Landesbehörde",
    "kreistag": "Kreistag",
    "verein": "Verein",
    "hochschule": "Hochschule",
    "medien": "Medien",
    "sonstige": "Sonstige",
}

ROLLE = {
    "verwaltungsleitung": "Verwaltungsleitung",
    "integrationsbeauftragte": "Integrationsbeauftragte/r",
    "amtsleitung": "Amtsleitung",
    "referatsleitung": "Referatsleitung",
    "dezernat": "Dezernat",
    "fachreferat": "Fachreferat",
    "ag_leitung": "AG-Leitung",
    "geschaeftsstelle": "Geschäftsstelle",
    "fraktionsvertretung": "Fraktionsvertretung",
    "moderation": "Moderation",
    "sonstige": "Sonstige",
}

EMPFEHLUNG_STATUS: dict[object, str] = {
    "entwurf": "Entwurf",
    "eingereicht": "eingereicht",
    "beschlossen": "beschlossen",
    "weitergeleitet": "weitergeleitet",
    "in_umsetzung": "in Umsetzung",
    "abgelehnt": "abgelehnt",
    "zurueckgezogen": "zurückgezogen",
    "umgesetzt": "umgesetzt",
    "nicht_umgesetzt": "nicht umgesetzt",
}

UMSETZUNGSSTAND = {"offen": "offen", "teilweise": "teilweise", "vollstaendig": "vollständig", "abgelehnt": "abgelehnt"}

GREMIUM_ART: dict[object, str] = {
    "strategiegruppe": "Strategiegruppe",
    "steuerungsgruppe": "Steuerungsgruppe",
    "arbeitskreis": "Arbeitskreis",
    "ausschuss": "Ausschuss",
    "beirat": "Beirat",
    "netzwerk": "Netzwerk",
    "sonstiges": "Sonstiges",
}

AG_STATUS = {"aktiv": "aktiv", "geplant": "geplant", "abgeschlossen": "abgeschlossen", None: "Status unbekannt"}

SITZUNG_STATUS = {"geplant": "geplant", "durchgefuehrt": "durchgeführt", "abgesagt": "abgesagt", None: "Status unbekannt"}

_JE = {"organisation": "Organisation", "organisationstyp": "Organisationstyp", "rolle": "Rolle"}

MERKMAL = {"grosse_kreisstadt": ("Große Kreisstadt", "keine Große Kreisstadt")}


def bezeichnung(tabelle: dict, wert) -> str:
    return tabelle.get(wert, str(wert) if wert is not None else "")


def aus_wert(bestand: Bestand, je: str | None, wert: str) -> str:
    """Ein Wert aus `aus` einer Sitzgruppe lesbar: Organisation, Organisationstyp oder Rolle."""
    if je == "organisation":
        return org_name(bestand, wert)
    if je == "organisationstyp":
        return bezeichnung(ORGANISATIONSTYP, wert)
    if je == "rolle":
        return bezeichnung(ROLLE, wert)
    return str(wert)


def regel_beschreibung(gruppe: dict, bestand: Bestand) -> str:
    """Die Regel einer Sitzgruppe als kurzer deutscher Satz mit Namen statt ids.

    Gleiche Aussage wie `sitzregeln.regel_text`, aber für Leserinnen und Leser der Berichte.
    """
    teile = []
    sitze = sitzzahl(gruppe)
    teile.append(f"{sitze} {'Sitz' if sitze == 1 else 'Sitze'}" if sitze is not None else "Sitzzahl offen")
    je, aus = gruppe.get("je"), gruppe.get("aus")
    if je and aus:
        teile.append(f"je {_JE.get(je, je)} genau eine(r): {', '.join(aus_wert(bestand, je, w) for w in aus)}")
    elif je:
        teile.append(f"höchstens eine(r) je {_JE.get(je, je)}")
    if gruppe.get("rolle"):
        teile.append(f"Rolle {bezeichnung(ROLLE, gruppe['rolle'])}")
    if gruppe.get("organisationstyp"):
        teile.append(" oder ".join(bezeichnung(ORGANISATIONSTYP, t) for t in gruppe["organisationstyp"]))
    if gruppe.get("organisation"):
        teile.append(f"aus: {', '.join(org_name(bestand, o) for o in gruppe['organisation'])}")
    for merkmal, soll in (gruppe.get("organisationsmerkmale") or {}).items():
        ja, nein = MERKMAL.get(merkmal, (f"{merkmal} = ja", f"{merkmal} = nein"))
        teile.append(ja if soll else nein)
    return " · ".join(teile)
