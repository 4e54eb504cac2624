"""Ergebnis von `netzwerk sitzung vorbereiten` darstellen: Pfad, Tagesordnung, Hinweise."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from netzwerk_cli.aktionen.agenda import Entwurf
from netzwerk_cli.ausgabe.format import datum
from netzwerk_cli.ausgabe.layout import Tabelle, aufzaehlung, druck, text
from netzwerk_cli.grundlagen import escape


def als_text(e: Entwurf, konsole: Console, commit: str | None = None) -> None:
    druck(konsole, Text.assemble(("Sitzung angelegt: ", "bold green"), (escape.einzeilig(e.pfad), "")))
    druck(konsole)
    kopf = escape.einzeilig(f"{e.gremium_name} – Sitzung am {datum(e.datum)}" + (f", {e.ort}" if e.ort else ""))
    druck(konsole, text(kopf, "bold"))
    druck(konsole, text("Tagesordnung (Entwurf)", "bold"))
    t = Tabelle.grid(padding=(0, 1))
    t.add_column(justify="right", no_wrap=True)
    t.add_column(overflow="fold")
    for p in e.punkte:
        zelle = Text(escape.einzeilig(p.titel))
        details = [x for x in (p.vorlage_art, f"Berichterstattung: {p.berichterstattung}" if p.berichterstattung else None) if x]
        if details:
            zelle.append("\n" + escape.einzeilig(" · ".join(details)), style="dim")
        t.add_row(f"{p.nummer}.", zelle)
    druck(konsole, t)
    pfad = escape.einzeilig(e.pfad)
    if commit:
        hinweise = [*map(escape.einzeilig, e.hinweise), f"Committet ({commit[:10]}); Änderungen an {pfad} danach prüfen („netzwerk validate“) und committen."]
    else:
        hinweise = [*map(escape.einzeilig, e.hinweise), f"Datei prüfen und ergänzen, dann „netzwerk validate“ und committen ({pfad})."]
    druck(konsole)
    druck(konsole, text("Hinweise", "bold"))
    druck(konsole, aufzaehlung(hinweise))
