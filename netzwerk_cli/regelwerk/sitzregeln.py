"""Die allgemeine Sitzregel-Maschine.

Ein Gremium erklärt seine Sitzgruppen als Daten (`sitzgruppen` mit `anzahl`, `je`/`aus`,
`rolle`, `organisationstyp`, `organisation`, `organisationsmerkmale`); diese Maschine
wertet sie für einen Stichtag aus. Kein Gremienname steht im Code. Das Ergebnis sind
Daten (`Besetzung`), die `validate` zu Befunden und `status`/`gremium show` zu Tabellen
machen.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from netzwerk_cli.bestand import BestandLesen


@dataclass
class Mitgliedschaft:
    index: int  # Position in `mitglieder`
    person: str
    sitzgruppe: str | None
    art: str  # ordentlich | stellvertretung
    vertritt: str | None
    von: str | None
    bis: str | None
    funktion: str | None = None

    @property
    def ordentlich(self) -> bool:
        return self.art == "ordentlich"

    def aktiv_am(self, stichtag: str) -> bool:
        return (self.von is None or self.von <= stichtag) and (self.bis is None or stichtag <= self.bis)


@dataclass
class Verstoss:
    regel: str
    meldung: str
    pfad: tuple
    schwere: str = "fehler"
    # Folgebefund: entsteht nur, weil ein anderer Datensatz fehlerhaft ist (dort gemeldet).
    # `validate` meldet ihn nicht; schreibende Befehle lehnen trotzdem ab.
    folge: bool = False


@dataclass
class GruppenStand:
    gruppe: dict
    sitze: int | None  # None: Zahl der Sitze nicht festgelegt
    index: int = 0  # Position in `sitzgruppen`
    besetzt: list[Mitgliedschaft] = field(default_factory=list)
    stellvertretungen: list[Mitgliedschaft] = field(default_factory=list)
    offen: list[str] = field(default_factory=list)  # nicht abgedeckte `aus`-Werte
    vor_gruendung: bool = False  # Stichtag vor `gegruendet`: nichts ist vakant


    @property
    def id(self) -> str:
        return self.gruppe.get("id", "")

    @property
    def name(self) -> str:
        return self.gruppe.get("name", self.id)

    @property
    def vakant(self) -> int:
        if self.vor_gruendung:
            return 0
        return max(0, self.sitze - len(self.besetzt)) if self.sitze is not None else 0

    @property
    def ueberbesetzt(self) -> int:
        return max(0, len(self.besetzt) - self.sitze) if self.sitze is not None else 0


@dataclass
class Besetzung:
    stichtag: str
    gruppen: list[GruppenStand]
    ohne_gruppe: list[Mitgliedschaft]
    verstoesse: list[Verstoss]
    # Das Gründungsdatum, wenn das Gremium am Stichtag noch nicht gegründet war (sonst None):
    # dann ist kein Sitz vakant und `sitz-vakant` wird nicht gemeldet (NEWCOMER-FINDINGS)
    gegruendet_nach_stichtag: str | None = None


def mitgliedschaften(gremium: dict) -> list[Mitgliedschaft]:
    ergebnis = []
    for i, m in enumerate(gremium.get("mitglieder") or []):
        if not isinstance(m, dict) or not isinstance(m.get("person"), str):
            continue
        ergebnis.append(
            Mitgliedschaft(
                index=i,
                person=m["person"],
                sitzgruppe=m.get("sitzgruppe"),
                art=m.get("art") or "ordentlich",
                vertritt=m.get("vertritt"),
                von=m.get("von"),
                bis=m.get("bis"),
                funktion=m.get("funktion"),
            )
        )
    return ergebnis


def regel_text(gruppe: dict) -> str:
    """Die Regel einer Sitzgruppe in einem deutschen Satz (für Berichte)."""
    teile = []
    sitze = sitzzahl(gruppe)
    teile.append(f"{sitze} Sitze" if sitze is not None else "Sitzzahl nicht festgelegt")
    if gruppe.get("je") and gruppe.get("aus"):
        teile.append(f"je {gruppe['je']} genau eine(r) aus: {', '.join(gruppe['aus'])}")
    elif gruppe.get("je"):
        teile.append(f"höchstens eine(r) je {gruppe['je']}")
    if gruppe.get("rolle"):
        teile.append(f"Rolle {gruppe['rolle']}")
    if gruppe.get("organisationstyp"):
        teile.append(f"Organisationstyp {' oder '.join(gruppe['organisationstyp'])}")
    if gruppe.get("organisation"):
        teile.append(f"aus {', '.join(gruppe['organisation'])}")
    for k, v in (gruppe.get("organisationsmerkmale") or {}).items():
        teile.append(f"{k} = {'ja' if v else 'nein'}")
    return "; ".join(teile)


def sitzzahl(gruppe: dict) -> int | None:
    if isinstance(gruppe.get("anzahl"), int):
        return gruppe["anzahl"]
    if gruppe.get("aus"):
        return len(gruppe["aus"])
    return None


def _merkmal(je: str, person: dict, organisation: dict, aus: list | None) -> Any:
    if je == "organisation":
        return person.get("organisation")
    if je == "organisationstyp":
        return organisation.get("typ")
    if je == "rolle":
        rollen = person.get("rollen") or []
        passend = [r for r in rollen if not aus or r in aus]
        return passend[0] if passend else None
    return None


def besetzung(gremium: dict, bestand: BestandLesen, stichtag: str) -> Besetzung:
    gruppen_defs = [g for g in gremium.get("sitzgruppen") or [] if isinstance(g, dict)]
    gruppen: dict[Any, GruppenStand] = {}  # Schlüssel: die id aus den Daten (auch fehlend/kein Text)
    gegruendet = gremium.get("gegruendet")
    # Vergleich mit dem Stichtag (in der inkrementellen Prüfung aufgezeichnet: querpruefung/gueltigkeit.py)
    vor_gruendung = isinstance(gegruendet, str) and stichtag < gegruendet
    for i, g in enumerate(gruppen_defs):
        gruppen.setdefault(g.get("id"), GruppenStand(g, sitzzahl(g), i, vor_gruendung=vor_gruendung))
    alle = mitgliedschaften(gremium)
    verstoesse: list[Verstoss] = []
    ohne_gruppe: list[Mitgliedschaft] = []

    gesehen_ids: set = set()
    for i, g in enumerate(gruppen_defs):
        if g.get("id") in gesehen_ids:
            verstoesse.append(Verstoss("id-ungueltig", f"Sitzgruppe „{g.get('id')}“ ist doppelt definiert", ("sitzgruppen", i, "id")))
        gesehen_ids.add(g.get("id"))

    ordentlich_aktiv = {m.person for m in alle if m.ordentlich and m.aktiv_am(stichtag)}
    for m in alle:
        if m.sitzgruppe is not None and m.sitzgruppe not in gruppen:
            verstoesse.append(
                Verstoss(
                    "ref-unbekannt",
                    f"Sitzgruppe „{m.sitzgruppe}“ gibt es in diesem Gremium nicht (vorhanden: {', '.join(str(k) for k in gruppen)})",
                    ("mitglieder", m.index, "sitzgruppe"),
                )
            )
            continue
        if not m.ordentlich:
            if not m.vertritt:
                verstoesse.append(
                    Verstoss("sitz-regel", "Stellvertretung ohne „vertritt“: bitte angeben, wen sie vertritt", ("mitglieder", m.index))
                )
            elif m.aktiv_am(stichtag) and m.vertritt not in ordentlich_aktiv:
                verstoesse.append(
                    Verstoss(
                        "sitz-regel",
                        f"„{m.vertritt}“ ist am {stichtag} kein ordentliches Mitglied; die Stellvertretung vertritt niemanden",
                        ("mitglieder", m.index, "vertritt"),
                    )
                )
            if m.aktiv_am(stichtag) and m.sitzgruppe in gruppen:
                gruppen[m.sitzgruppe].stellvertretungen.append(m)
            continue
        if m.vertritt:
            verstoesse.append(
                Verstoss("sitz-regel", "„vertritt“ gibt es nur bei art: stellvertretung", ("mitglieder", m.index, "vertritt"))
            )
        if not m.aktiv_am(stichtag):
            continue
        if m.sitzgruppe is None:
            if gruppen:
                ohne_gruppe.append(m)
            continue
        gruppen[m.sitzgruppe].besetzt.append(m)

    # eine Person, zwei gezählte Sitze zugleich (über alle Zeiträume)
    # gezählt wird ein Sitz nur mit Sitzgruppe (oder wenn das Gremium keine Sitzgruppen kennt)
    ordentliche = [m for m in alle if m.ordentlich and (m.sitzgruppe is not None or not gruppen)]
    for a_pos, a in enumerate(ordentliche):
        for b in ordentliche[a_pos + 1 :]:
            if a.person == b.person and _ueberlappen(a, b):
                verstoesse.append(
                    Verstoss(
                        "mitglied-doppelt",
                        f"„{a.person}“ hat zugleich zwei gezählte Sitze (Einträge {a.index + 1} und {b.index + 1} in mitglieder)",
                        ("mitglieder", b.index, "person"),
                    )
                )

    for stand in gruppen.values():
        _gruppe_pruefen(stand, bestand, stichtag, verstoesse)
    return Besetzung(stichtag, list(gruppen.values()), ohne_gruppe, verstoesse, gegruendet if vor_gruendung else None)


def _ueberlappen(a: Mitgliedschaft, b: Mitgliedschaft) -> bool:
    a_von, b_von = a.von or "0000-00-00", b.von or "0000-00-00"
    a_bis, b_bis = a.bis or "9999-99-99", b.bis or "9999-99-99"
    return a_von <= b_bis and b_von <= a_bis


def _gruppe_pruefen(stand: GruppenStand, bestand: BestandLesen, stichtag: str, verstoesse: list[Verstoss]) -> None:
    g = stand.gruppe
    name = stand.name
    je, aus = g.get("je"), g.get("aus")
    belegt: dict[Any, Mitgliedschaft] = {}
    for m in stand.besetzt:
        person = bestand.daten("person", m.person)
        if not person:
            continue  # unbekannte Person: meldet die Verweisprüfung
        org_id = person.get("organisation")
        organisation = bestand.daten("organisation", org_id)
        # Organisation genannt, aber unbekannt oder fehlerhaft: das melden die Verweisprüfung der
        # Person bzw. die Datei der Organisation; was hier daraus folgt, ist ein Folgebefund
        folge = org_id is not None and not organisation
        pfad = ("mitglieder", m.index, "person")
        wer = person.get("name", m.person)
        if g.get("rolle") and g["rolle"] not in (person.get("rollen") or []):
            verstoesse.append(Verstoss("sitz-regel", f"Sitzgruppe „{name}“ verlangt die Rolle „{g['rolle']}“; {wer} hat sie nicht", pfad))
        if g.get("organisation") and org_id not in g["organisation"]:
            verstoesse.append(
                Verstoss(
                    "sitz-regel",
                    f"Sitzgruppe „{name}“ ist Personen aus {', '.join(g['organisation'])} vorbehalten; {wer} gehört zu „{org_id or 'unbekannt'}“",
                    pfad,
                )
            )
        if g.get("organisationstyp") and organisation.get("typ") not in g["organisationstyp"]:
            verstoesse.append(
                Verstoss(
                    "sitz-regel",
                    f"Sitzgruppe „{name}“ verlangt eine Organisation vom Typ {' oder '.join(g['organisationstyp'])}; "
                    f"{wer}: „{organisation.get('typ') or 'unbekannt'}“",
                    pfad,
                    folge=folge,
                )
            )
        for merkmal, soll in (g.get("organisationsmerkmale") or {}).items():
            if bool(organisation.get(merkmal, False)) != soll:
                verstoesse.append(
                    Verstoss(
                        "sitz-regel",
                        f"Sitzgruppe „{name}“ verlangt {merkmal} = {'ja' if soll else 'nein'}; Organisation „{org_id or 'unbekannt'}“ erfüllt das nicht",
                        pfad,
                        folge=folge,
                    )
                )
        if je:
            wert = _merkmal(je, person, organisation, aus)
            if wert is None:
                verstoesse.append(
                    Verstoss("sitz-regel", f"Sitzgruppe „{name}“ vergibt je {je} einen Sitz; für {wer} ist {je} unbekannt", pfad, folge=folge and je == "organisationstyp")
                )
            elif aus and wert not in aus:
                verstoesse.append(
                    Verstoss("sitz-regel", f"Sitzgruppe „{name}“: {je} „{wert}“ ist nicht vorgesehen (vorgesehen: {', '.join(aus)})", pfad)
                )
            elif wert in belegt:
                verstoesse.append(
                    Verstoss(
                        "sitz-regel",
                        f"Sitzgruppe „{name}“ vergibt je {je} genau einen Sitz; „{wert}“ ist schon durch Eintrag {belegt[wert].index + 1} besetzt",
                        pfad,
                    )
                )
            else:
                belegt[wert] = m
    if aus:
        stand.offen = [w for w in aus if w not in belegt]
    sitze = stand.sitze
    if sitze is None:
        return
    anzahl = len(stand.besetzt)
    gruppen_index = ("sitzgruppen", stand.index)
    if anzahl > sitze:
        letzter = stand.besetzt[-1]
        verstoesse.append(
            Verstoss("sitz-ueberbesetzt", f"Sitzgruppe „{name}“: {anzahl} Mitglieder für {sitze} Sitze", ("mitglieder", letzter.index))
        )
    elif anzahl < sitze and not stand.vor_gruendung:
        fehlt = f"; nicht vertreten: {', '.join(stand.offen)}" if stand.offen else ""
        verstoesse.append(
            Verstoss(
                "sitz-vakant",
                f"Sitzgruppe „{name}“: {anzahl} von {sitze} Sitzen am {stichtag} besetzt "
                f"({sitze - anzahl} vakant oder nicht erfasst){fehlt}",
                gruppen_index,
                "warnung",
            )
        )
