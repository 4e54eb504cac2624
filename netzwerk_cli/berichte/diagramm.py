"""`netzwerk diagramm`: die Struktur des Netzwerks als Graph (Daten; Mermaid/DOT in ausgabe/).

Knoten: Gremien, Arbeitsgruppen, Organisationen. Kanten:
* `benennt`    Organisation → Gremium (`benannt_von` einer Sitzgruppe)
* `entsendet`  Organisation → Gremium (Organisation, aus der eine Sitzgruppe besetzt wird:
               `aus` bei `je: organisation` oder `organisation`)
* `setzt_ein`  Gremium → Arbeitsgruppe (`eingesetzt_von`)
* `empfiehlt`  AG oder Gremium → entscheidendes Gremium (Empfehlungen, mit Anzahl)
* `leitet_weiter` entscheidendes Gremium → Adressat (weitergeleitete Empfehlungen, mit Anzahl)
Personen kommen im Diagramm nicht vor. In der öffentlichen Fassung tragen die Knoten keine ids:
ihre Kennungen sind laufende Nummern je Art in der Reihenfolge der (geschwärzten) Bezeichnungen
– eine id wie `buero-maria-muster` verriete sonst einen privaten Namen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from netzwerk_cli.berichte import grundlagen as g
from netzwerk_cli.berichte.datenschutz import Datenschutz
from netzwerk_cli.bestand import Bestand

KANTENARTEN = ("benennt", "entsendet", "setzt_ein", "empfiehlt", "leitet_weiter")


@dataclass(frozen=True)
class Knoten:
    schluessel: str  # "gremium:strategiegruppe"
    art: str  # gremium | arbeitsgruppe | organisation
    id: str
    bezeichnung: str
    beispiel: bool = False
    abgeschlossen: bool = False  # nur Arbeitsgruppen


@dataclass
class Kante:
    von: str
    nach: str
    arten: list[str]  # eine Kante kann mehrere Bedeutungen haben (benennt und entsendet)
    anzahl: int = 0  # Zahl der Empfehlungen bei empfiehlt/leitet_weiter

    @property
    def bezeichnung(self) -> str:
        teile = []
        for art in self.arten:
            if art == "empfiehlt":
                teile.append(f"{self.anzahl} {'Empfehlung' if self.anzahl == 1 else 'Empfehlungen'}")
            elif art == "leitet_weiter":
                teile.append(f"leitet {self.anzahl} weiter")
            else:
                teile.append({"benennt": "benennt", "entsendet": "entsendet", "setzt_ein": "setzt ein"}[art])
        return ", ".join(teile)


@dataclass
class Netzwerkgraph:
    titel: str
    knoten: list[Knoten] = field(default_factory=list)
    kanten: list[Kante] = field(default_factory=list)


def netzwerkgraph(bestand: Bestand, oeffentlich: bool = False) -> Netzwerkgraph:
    schutz = Datenschutz(bestand, oeffentlich)
    netzwerk = bestand.netzwerk.daten if bestand.netzwerk is not None and bestand.netzwerk.gueltig else {}
    graph = Netzwerkgraph(schutz.text(netzwerk.get("name") or "Netzwerk"))
    knoten: dict[str, Knoten] = {}
    kanten: dict[tuple[str, str], Kante] = {}

    def datensatz_knoten(art: str, id_: str) -> str | None:
        d = bestand.daten(art, id_)
        if not d:
            return None
        k = f"{art}:{id_}"
        knoten.setdefault(k, Knoten(k, art, id_, schutz.text(g.kurzname(d, id_)), d.get("beispiel") is True))
        return k

    def gremium(gid: str) -> str | None:
        return datensatz_knoten("gremium", gid)

    def organisation(oid: str) -> str | None:
        return datensatz_knoten("organisation", oid)

    def kante(von: str | None, nach: str | None, art: str, anzahl: int = 0) -> None:
        if von is None or nach is None or von == nach:
            return
        k = kanten.setdefault((von, nach), Kante(von, nach, []))
        if art not in k.arten:
            k.arten.append(art)
            k.arten.sort(key=KANTENARTEN.index)
        k.anzahl += anzahl

    for gid, gr in g.gueltige(bestand, "gremium"):
        ziel = gremium(gid)
        for sg in gr.get("sitzgruppen") or []:
            for oid in sg.get("benannt_von") or []:
                kante(organisation(oid), ziel, "benennt")
            entsendend = list(sg.get("organisation") or [])
            if sg.get("je") == "organisation":
                entsendend += list(sg.get("aus") or [])
            for oid in entsendend:
                kante(organisation(oid), ziel, "entsendet")

    for aid, ag in g.gueltige(bestand, "arbeitsgruppe"):
        k = f"arbeitsgruppe:{aid}"
        knoten[k] = Knoten(k, "arbeitsgruppe", aid, schutz.text(ag.get("name") or aid), ag.get("beispiel") is True, ag.get("status") == "abgeschlossen")
        if ag.get("eingesetzt_von"):
            kante(gremium(ag["eingesetzt_von"]), k, "setzt_ein")

    for _, e in g.gueltige(bestand, "empfehlung"):
        entscheidet = gremium(e["entscheidungsgremium"]) if e.get("entscheidungsgremium") else None
        herkunft: str | None
        if e.get("arbeitsgruppe") and f"arbeitsgruppe:{e['arbeitsgruppe']}" in knoten:
            herkunft = f"arbeitsgruppe:{e['arbeitsgruppe']}"
        else:
            herkunft = gremium(e["gremium"]) if e.get("gremium") else None
        kante(herkunft, entscheidet, "empfiehlt", 1)
        if e.get("status") in g.WEITERGELEITET:
            for oid in e.get("adressaten") or []:
                kante(entscheidet, organisation(oid), "leitet_weiter", 1)

    reihenfolge = {"gremium": 0, "arbeitsgruppe": 1, "organisation": 2}
    if oeffentlich:
        _nummerieren(knoten, kanten, reihenfolge)
    graph.knoten = sorted(knoten.values(), key=lambda k: (reihenfolge[k.art], _zahl(k.id) if oeffentlich else 0, k.id))
    graph.kanten = sorted(kanten.values(), key=lambda k: (KANTENARTEN.index(k.arten[0]), _zahl(k.von), _zahl(k.nach), k.von, k.nach))
    return graph


def _nummerieren(knoten: dict[str, Knoten], kanten: dict[tuple[str, str], Kante], reihenfolge: dict[str, int]) -> None:
    """Öffentliche Fassung: Kennungen `art:1`, `art:2` … statt `art:id`, vergeben in der Reihenfolge
    der sichtbaren Bezeichnungen (die id entscheidet nur bei gleicher Bezeichnung)."""
    neu: dict[str, str] = {}
    zaehler: dict[str, int] = {}
    for k in sorted(knoten.values(), key=lambda k: (reihenfolge[k.art], k.bezeichnung.casefold(), k.bezeichnung, k.id)):
        zaehler[k.art] = zaehler.get(k.art, 0) + 1
        neu[k.schluessel] = f"{k.art}:{zaehler[k.art]}"
    alt = list(knoten.values())
    knoten.clear()
    for k in alt:
        knoten[neu[k.schluessel]] = replace(k, schluessel=neu[k.schluessel], id=neu[k.schluessel].split(":", 1)[1])
    for kante in kanten.values():
        kante.von, kante.nach = neu[kante.von], neu[kante.nach]


def _zahl(wert: str) -> int:
    """Die laufende Nummer einer öffentlichen Kennung (sonst 0): „organisation:10“ nach „…:9“."""
    nummer = wert.rsplit(":", 1)[-1]
    return int(nummer) if nummer.isdigit() else 0
