"""Arbeitsgruppen: Status und Daten (`ag-status`, `ag-ueberfaellig`), Einsetzung (`ref-widerspruch`)."""

from __future__ import annotations

from collections.abc import Iterator

from netzwerk_cli.bestand import BestandLesen
from netzwerk_cli.grundlagen.befunde import Befund


def pruefe_eins(ds, bestand: BestandLesen, kontext) -> Iterator[Befund]:
    if not ds.gueltig:
        return
    ag = ds.daten
    status = ag.get("status")
    if status == "abgeschlossen" and not ag.get("abgeschlossen_am"):
        yield ds.befund("ag-status", "AG ist abgeschlossen, das Abschlussdatum „abgeschlossen_am“ fehlt (unbekannt?)", ("status",), "warnung")
    if ag.get("abgeschlossen_am") and status in ("geplant", "aktiv"):
        yield ds.befund("ag-status", f"„abgeschlossen_am“ ist gesetzt, der Status ist aber „{status}“", ("abgeschlossen_am",), "warnung")
    ende = ag.get("ende_geplant")
    if status == "aktiv" and ende and ende < kontext.stichtag:
        yield ds.befund("ag-ueberfaellig", f"AG ist aktiv, das geplante Ende ({ende}) ist überschritten", ("ende_geplant",), "warnung")
    sitzung_id = ag.get("eingesetzt_in")
    sitzung = bestand.daten("sitzung", sitzung_id)
    if sitzung and ag.get("eingesetzt_von") and sitzung.get("gremium") != ag["eingesetzt_von"]:
        yield ds.befund(
            "ref-widerspruch",
            f"eingesetzt in Sitzung „{sitzung_id}“ von „{sitzung.get('gremium')}“, eingesetzt_von nennt aber „{ag['eingesetzt_von']}“",
            ("eingesetzt_in",),
        )


SUBJEKTE = {"arbeitsgruppe": pruefe_eins}
