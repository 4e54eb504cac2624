"""`netzwerk status` als Text (Rich: Tabellen und Rahmen, lesbar ab 80 Spalten und ohne Farbe
bei Umleitung), kompakt (Standard) oder ausführlich; der Wortlaut kommt aus `wortlaut.py`.
"""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from netzwerk_cli.ausgabe.format import datum, mehrzahl
from netzwerk_cli.ausgabe.layout import Einzeilig, Tabelle, aufzaehlung, eingerueckt
from netzwerk_cli.ausgabe.layout import druck as _druck
from netzwerk_cli.ausgabe.layout import tabelle as _tabelle
from netzwerk_cli.ausgabe.layout import text as _t
from netzwerk_cli.ausgabe.layout import zahl as _zahl
from netzwerk_cli.ausgabe.status.wortlaut import (
    DETAILS,
    LEGENDE,
    LEGENDE_KOMPAKT,
    MAX_OFFENE,
    MAX_OFFENE_KOMPAKT,
    _alle_ags,
    ag_empfehlungen,
    ag_empfehlungen_kompakt,
    ag_stand,
    ag_stand_kompakt,
    beispiel,
    besetzt_text,
    fassung,
    gremium_kurz,
    gremium_probleme,
    leitung,
    naechste_kompakt,
    sitze_kompakt,
    sitze_zusammenfassung,
    sitzung_kurz,
    sitzungen_kompakt,
    sitzungen_soll,
    sitzungen_stil,
    sitzungsjahr,
    stand_text,
    status_zaehlung,
    status_zaehlung_kompakt,
    titel,
    umsetzung_kompakt,
    vakant_kompakt,
    weitere_text,
    zeige_jahr,
)
from netzwerk_cli.berichte.bezeichnungen import UMSETZUNGSSTAND
from netzwerk_cli.grundlagen import escape

_FARBE = {"zu_wenig": "bold red", "zu_viel": "bold red", "im_rahmen": "green", "laufend": "cyan"}


# --------------------------------------------------------------------------- Text (Rich)


def als_text(bericht: dict, konsole: Console, ausfuehrlich: bool = False, zusatz: dict | None = None) -> None:
    """Textbericht; `zusatz` aus `berichte.status.uebersicht_zusatz` (nur die kompakte Übersicht braucht ihn).
    Alle Werte werden vorab einzeilig und ohne rohe Steuerzeichen (ausgabe/escape.py)."""
    bericht = escape.tief(bericht)
    if ausfuehrlich:
        _als_text_ausfuehrlich(bericht, konsole)
    else:
        _als_text_kompakt(bericht, konsole, zusatz or {})


def _kopf_text(bericht: dict, konsole: Console) -> None:
    _druck(konsole, _t(titel(bericht), "bold"))
    _druck(konsole, _t(f"Stand am {datum(bericht['stichtag'])} · {fassung(bericht)}", "dim"))
    for h in bericht["hinweise"]:
        _druck(konsole, Panel(_t(h), title="Hinweis", title_align="left", border_style="red", box=box.ROUNDED))
    _druck(konsole, )


def _als_text_ausfuehrlich(bericht: dict, konsole: Console) -> None:
    _kopf_text(bericht, konsole)
    konsole.rule(_t("Gremien", "bold"), align="left")
    for gr in bericht["gremien"]:
        _druck(konsole, _gremium_panel(gr))

    konsole.rule(_t("Arbeitsgruppen", "bold"), align="left")
    _druck(konsole, _ag_tabelle(bericht))

    konsole.rule(_t("Empfehlungen", "bold"), align="left")
    for teil in _empfehlungen_text(bericht):
        _druck(konsole, teil)

    konsole.rule(_t("Umsetzung", "bold"), align="left")
    _druck(konsole, _umsetzung_tabelle(bericht))
    _druck(konsole, _t(LEGENDE, "dim"))


def _gremium_panel(gr: dict) -> Panel:
    teile: list = [_t(sitze_zusammenfassung(gr), "bold")]
    if gr["sitzgruppen"]:
        ueber = any(sg["ueberbesetzt"] for sg in gr["sitzgruppen"])
        spalten = [("Sitzgruppe und Regel", {"ratio": 1}), ("besetzt", _zahl()), ("vakant", _zahl())]
        if ueber:
            spalten.append(("überbesetzt", _zahl()))
        t = _tabelle(*spalten)
        for sg in gr["sitzgruppen"]:
            details = Text(sg["regel"], style="dim")
            if sg["nicht_vertreten"] and sg["besetzt"]:
                details.append("\nnicht vertreten: " + ", ".join(x["bezeichnung"] for x in sg["nicht_vertreten"]), style="yellow")
            if sg["stellvertretungen"]:
                details.append(f"\n{mehrzahl(sg['stellvertretungen'], 'Stellvertretung', 'Stellvertretungen')} (nicht gezählt)", style="dim")
            zelle = eingerueckt(_t(sg["name"]), details)
            zeile = [
                zelle,
                besetzt_text(sg),
                _t(str(sg["vakant"]) if sg["sitze"] is not None else "–", "yellow" if sg["vakant"] else ""),
            ]
            if ueber:
                zeile.append(_t(str(sg["ueberbesetzt"]) if sg["ueberbesetzt"] else "–", "bold red" if sg["ueberbesetzt"] else ""))
            t.add_row(*zeile)
        teile.append(t)
    if gr["ohne_sitzgruppe"]:
        teile.append(_t("Ohne Sitzgruppe (nicht gezählt): " + ", ".join(p["bezeichnung"] for p in gr["ohne_sitzgruppe"]), "yellow"))
    s = gr["sitzungen"]
    sitzungszeile = Text(sitzungen_soll(s) + ": ", style="bold")
    jahre = [j for j in s["jahre"] if zeige_jahr(j, s["soll"])]
    if not jahre:
        sitzungszeile.append("keine erfasst", style="yellow" if s["soll"] else "")
    for i, j in enumerate(jahre):
        if i:
            sitzungszeile.append(" · ")
        sitzungszeile.append(sitzungsjahr(j), style=_FARBE.get(j["bewertung"], ""))
    teile.append(sitzungszeile)
    if s["letzte"] or s["naechste"]:
        teile.append(_t(f"Letzte Sitzung: {sitzung_kurz(s['letzte'])}"))
        teile.append(_t(f"Nächste Sitzung: {sitzung_kurz(s['naechste'])}"))
    kopf = beispiel(gr["name"], gr["beispiel"])
    return Panel(Group(*teile), title=_t(kopf, "bold"), title_align="left", box=box.ROUNDED, padding=(0, 1))


def _ag_tabelle(bericht: dict):
    ags = _alle_ags(bericht)
    if not ags:
        return _t("Keine Arbeitsgruppen erfasst.")
    t = _tabelle(("Arbeitsgruppe · eingesetzt von · Leitung", {"ratio": 3}), ("Stand", {"ratio": 1, "min_width": 16}), ("Empf.", _zahl()))
    for ag in ags:
        unten = " · ".join(x for x in (ag["gremium_name"], f"Leitung: {leitung(ag)}" if ag["leitung"] else "") if x)
        zelle = eingerueckt(_t(beispiel(ag["name"], ag["beispiel"])), _t(unten, "dim") if unten else None)
        stil = "bold red" if ag["ueberfaellig"] else ("green" if ag["status"] == "aktiv" else "")
        t.add_row(zelle, _t(ag_stand(ag), stil), ag_empfehlungen(ag))
    return t


def _empfehlungen_text(bericht: dict) -> list:
    e = bericht["empfehlungen"]
    offen, zu = status_zaehlung(bericht)
    teile: list = [
        _t(f"{e['gesamt']} Empfehlungen am Stichtag", "bold"),
        _t(f"in Bearbeitung: {offen}"),
        _t(f"abgeschlossen: {zu}"),
        _t(""),
        _t("Älteste offene Empfehlungen", "bold"),
    ]
    if e["offen"]:
        t = _tabelle(("Nr.", {"no_wrap": True}), ("Titel → entscheidet", {"ratio": 1}), ("Status", {}), ("seit", {"no_wrap": True}))
        for x in e["offen"][:MAX_OFFENE]:
            t.add_row(x["id"], _titel_gremium(x), x["status_text"], datum(x["status_seit"]))
        teile.append(t)
        if len(e["offen"]) > MAX_OFFENE:
            teile.append(_t(f"… und {len(e['offen']) - MAX_OFFENE} weitere offene (vollständig mit --format json)", "dim"))
    else:
        teile.append(_t("keine"))
    teile += [_t(""), _t(f"Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)", "bold")]
    if e["wiedervorlage_faellig"]:
        t = _tabelle(("Nr.", {"no_wrap": True}), ("Titel → entscheidet", {"ratio": 1}), ("zuletzt", {"no_wrap": True}), ("fällig seit", {"no_wrap": True}))
        for x in e["wiedervorlage_faellig"]:
            t.add_row(x["id"], _titel_gremium(x), datum(x["letzte_pruefung"]), _t(datum(x["faellig_seit"]), "bold red"))
        teile.append(t)
    else:
        teile.append(_t("keine", "green"))
    return teile


def _titel_gremium(x: dict):
    return eingerueckt(_t(beispiel(x["titel"], x["beispiel"])), _t("→ " + x["gremium_name"], "dim") if x.get("gremium_name") else None)


def _umsetzung_tabelle(bericht: dict):
    if not bericht["umsetzung"]:
        return _t("Keine weitergeleiteten Empfehlungen.")
    t = _tabelle(("Empfehlung", {"ratio": 3}), ("Adressat", {"ratio": 2}), ("Stand", {"no_wrap": True}), ("Bericht vom", {"no_wrap": True}))
    for u in bericht["umsetzung"]:
        kopf = eingerueckt(_t(f"{u['empfehlung']} {beispiel(u['titel'], u['beispiel'])}"), _t(u["status_text"], "dim"))
        adressaten = u["adressaten"] or [{"name": "–", "stand": None, "datum": None}]
        for i, a in enumerate(adressaten):
            stand = UMSETZUNGSSTAND.get(a["stand"], "kein Bericht") if a["stand"] else "kein Bericht"
            stil = {"vollstaendig": "green", "abgelehnt": "red", None: "yellow"}.get(a["stand"], "")
            t.add_row(kopf if i == 0 else "", a["name"], _t(stand, stil), datum(a["datum"]), end_section=i == len(adressaten) - 1)
    return t


# --------------------------------------------------------------------------- Text, kompakt


def _als_text_kompakt(bericht: dict, konsole: Console, zusatz: dict) -> None:
    _kopf_text(bericht, konsole)
    jahr = int(bericht["stichtag"][:4])

    konsole.rule(_t("Gremien", "bold"), align="left")
    if bericht["gremien"]:
        _druck(konsole, _gremien_kompakt(bericht, jahr))
        punkte = []
        for gr in bericht["gremien"]:
            probleme = gremium_probleme(gr, zusatz)
            if probleme:
                zeile = Text(gremium_kurz(gr), style="bold")
                for i, (text, stil) in enumerate(probleme):
                    zeile.append(" – " if i == 0 else " · ")
                    zeile.append(text, style=stil)
                punkte.append(zeile)
        if punkte:
            _druck(konsole, aufzaehlung(punkte))
    else:
        _druck(konsole, _t("Keine Gremien erfasst."))

    konsole.rule(_t("Arbeitsgruppen", "bold"), align="left")
    _druck(konsole, _ags_kompakt(bericht, zusatz))

    e = bericht["empfehlungen"]
    konsole.rule(_t(f"Empfehlungen · {e['gesamt']} am Stichtag", "bold"), align="left")
    for zaehlung in status_zaehlung_kompakt(bericht):
        _druck(konsole, _t(zaehlung))
    if e["offen"]:
        gezeigt = e["offen"][:MAX_OFFENE_KOMPAKT]
        _druck(konsole, _t(f"Älteste offene ({len(gezeigt)} von {len(e['offen'])}):", "bold"))
        t = _liste(4, 1)
        for x in gezeigt:
            t.add_row(x["id"], _titel_einzeilig(x), x["status_text"], f"seit {datum(x['status_seit'])}")
        _druck(konsole, t)
    kopf = f"Wiedervorlage fällig (kein Umsetzungsbericht seit {e['wiedervorlage_monate']} Monaten)"
    if e["wiedervorlage_faellig"]:
        _druck(konsole, _t(kopf + ":", "bold"))
        t = _liste(3, 1)
        for x in e["wiedervorlage_faellig"]:
            t.add_row(x["id"], _titel_einzeilig(x), _t(f"fällig seit {datum(x['faellig_seit'])}", "bold red"))
        _druck(konsole, t)
    else:
        _druck(konsole, Text.assemble((kopf + ": ", "bold"), ("keine", "green")))

    konsole.rule(_t("Umsetzung", "bold"), align="left")
    _druck(konsole, _umsetzung_kompakt(bericht))
    _druck(konsole, _t(LEGENDE_KOMPAKT, "dim"))
    _druck(konsole, _t(DETAILS, "dim"))


def _liste(spalten: int, einzeilig: int):
    """Tabelle ohne Kopf, eine Zeile je Eintrag; Spalte `einzeilig` bekommt den übrigen Platz."""
    t = Tabelle.grid(padding=(0, 2), expand=True)
    for i in range(spalten):
        t.add_column(ratio=1 if i == einzeilig else None, no_wrap=True)
    return t


def _kompakt_tabelle(*spalten: tuple[str, dict]) -> Table:
    """Tabelle der kompakten Übersicht: Kopfzeile ohne Trennlinie (die Abschnittslinie steht
    darüber); Zellen brechen um, statt abgeschnitten zu werden."""
    return _tabelle(*spalten, box=None)


def _titel_einzeilig(x: dict) -> Einzeilig:
    return Einzeilig(x["titel"], " (Beispiel)" if x["beispiel"] else "")


def _gremien_kompakt(bericht: dict, jahr: int):
    ueber = any(gr["sitze"]["ueberbesetzt"] for gr in bericht["gremien"])
    spalten = [("Gremium", {"ratio": 1, "width": 16}), ("besetzt", {}), ("vakant", _zahl())]
    if ueber:
        spalten.append(("zu viel", _zahl()))  # überbesetzt; die Zeile darunter nennt die Sitzgruppe
    spalten += [("Sitzungen", {}), ("nächste", {"no_wrap": True})]
    t = _kompakt_tabelle(*spalten)
    for gr in bericht["gremien"]:
        zeile: list[str | Text] = [
            _t(gremium_kurz(gr)),
            _t(sitze_kompakt(gr).replace(" +", "\n+", 1)),  # „+N ohne feste Zahl“ in eine eigene Zeile
            _t(vakant_kompakt(gr), "yellow" if gr["sitze"]["vakant"] else ""),
        ]
        if ueber:
            n = gr["sitze"]["ueberbesetzt"]
            zeile.append(_t(str(n) if n else "–", "bold red" if n else ""))
        zeile += [_t(sitzungen_kompakt(gr, jahr), sitzungen_stil(gr, jahr)), naechste_kompakt(gr)]
        t.add_row(*zeile)
    return t


_STAND_BREITE = 20  # „aktiv bis 30.06.2027“


def _ags_kompakt(bericht: dict, zusatz: dict):
    ags = _alle_ags(bericht)
    if not ags:
        return _t("Keine Arbeitsgruppen erfasst.")
    t = _kompakt_tabelle(
        ("Arbeitsgruppe", {"min_width": 16}),
        ("Gremium", {"max_width": 16}),
        ("Stand", {"max_width": _STAND_BREITE}),
        ("Empf.", {"justify": "right"}),
    )
    for ag in ags:
        stil = "bold red" if ag["ueberfaellig"] else ("green" if ag["status"] == "aktiv" else "")
        stand = ag_stand_kompakt(ag)
        if len(stand) > _STAND_BREITE:  # „(Datum unbekannt)“, „(Ende …)“ als Ganzes in die zweite Zeile
            stand = stand.replace(" (", "\n(", 1)
        t.add_row(_t(beispiel(ag["name"], ag["beispiel"])), _t(ag["gremium_name"]), _t(stand, stil), ag_empfehlungen_kompakt(ag, zusatz))
    return t


def _umsetzung_kompakt(bericht: dict):
    if not bericht["umsetzung"]:
        return _t("Keine weitergeleiteten Empfehlungen.")
    gezeigt, weitere = umsetzung_kompakt(bericht)
    t = _kompakt_tabelle(("Empfehlung", {"no_wrap": True}), ("Adressat", {"ratio": 1, "no_wrap": True}), ("Stand", {"no_wrap": True}), ("Bericht vom", {"no_wrap": True}))
    for u, adressaten in gezeigt:
        kopf = Text(u["empfehlung"])
        if u["beispiel"]:
            kopf.append(" (Beispiel)")
        for i, a in enumerate(adressaten):
            stil = {"vollstaendig": "green", "abgelehnt": "red", None: "yellow"}.get(a["stand"], "")
            t.add_row(kopf if i == 0 else "", Einzeilig(a["name"]), _t(stand_text(a), stil), datum(a["datum"]))
    if not weitere:
        return t
    return Group(t, _t(weitere_text(weitere), "dim"))
