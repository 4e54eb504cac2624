"""Die synthetische Welt: Grundbausteine (Datensätze, Organisationen, Personen, Ortsnamen) und
der Gesamtablauf `Welt.erzeugen` (Länder → Gremien → Empfehlungen → Sitzungen → netzwerk.yaml)."""

from __future__ import annotations

import random

from bench.generate.empfehlungen import EmpfehlungsBau
from bench.generate.modell import DATEIEN_JE_KREIS, KREISE_JE_LAND, MAX_LAENDER, ORDNER, Datei, Gremium, Person
from bench.generate.netz import NetzBau
from bench.generate.sitzungen import SitzungsBau
from bench.generate.texte import NACHNAMEN, ORT_ENDUNGEN, ORT_STAEMME, ORT_VORSILBEN, VORNAMEN, slug


class Welt(NetzBau, SitzungsBau, EmpfehlungsBau):
    """Die ganze erfundene Welt; `erzeugen()` füllt `dateien`, `gremien` und `netzwerk`.

    Die Bausteine (Länder und Landkreise, Sitzungen und Arbeitsgruppen, Empfehlungen) liegen in
    eigenen Modulen und teilen sich Zustand und Zufallsgenerator dieser Klasse; ihre Reihenfolge
    der Zufallszüge bestimmt die Bytes der Ausgabe.
    """

    def __init__(self, n: int, seed: int):
        self.n = n
        self.rng = random.Random(seed)
        self.dateien: list[Datei] = []
        self.ids: dict[str, set] = {art: set() for art in ORDNER}
        self.personen_namen: dict[str, int] = {}
        self.ortsnamen: set[str] = set()
        self.emp_zaehler: dict[tuple, int] = {}
        self.gremien: list[Gremium] = []
        self.kreise = max(1, round(n / DATEIEN_JE_KREIS))
        self.laender = max(1, min(MAX_LAENDER, round(self.kreise / KREISE_JE_LAND)))

    # ---- Grundbausteine

    def datei(self, art: str, id_: str, daten: dict, unterordner: str = "", kommentar: str = "", **meta) -> Datei:
        if id_ in self.ids[art]:
            raise RuntimeError(f"id doppelt: {art}/{id_}")
        self.ids[art].add(id_)
        pfad = f"{ORDNER[art]}/{unterordner + '/' if unterordner else ''}{id_}.yaml"
        d = Datei(art, pfad, daten, kommentar, meta=meta)
        self.dateien.append(d)
        return d

    def org(self, id_: str, name: str, typ: str, **mehr) -> str:
        daten = {"name": name, "typ": typ}
        daten.update({k: v for k, v in mehr.items() if v is not None})
        daten["beispiel"] = True
        self.datei("organisation", id_, daten)
        return id_

    def person(self, org: str | None, funktion: str, rollen: list, oeffentlich: bool = False, domain: str = "example.org") -> Person:
        r = self.rng
        vor, nach = r.choice(VORNAMEN), r.choice(NACHNAMEN)
        basis = slug(f"{vor} {nach}")
        nr = self.personen_namen.get(basis, 0) + 1
        self.personen_namen[basis] = nr
        id_ = basis if nr == 1 else f"{basis}-{nr}"
        name = f"{vor} {nach}"
        daten: dict = {"name": name}
        if r.random() < 0.06:
            daten["titel"] = r.choice(("Dr.", "Prof. Dr."))
        if org:
            daten["organisation"] = org
        daten["funktion"] = funktion
        if rollen:
            daten["rollen"] = list(rollen)
        daten["oeffentlich"] = oeffentlich
        if r.random() < 0.5:
            daten["kontakt"] = {"email": f"{slug(vor)}.{slug(nach)}{'' if nr == 1 else nr}@{domain}", "telefon": f"+49 {r.randint(6000, 7999)} {r.randint(10000, 999999)}"}
        daten["beispiel"] = True
        self.datei("person", id_, daten)
        return Person(id_, name, org, list(rollen))

    def ortsname(self) -> str:
        r = self.rng
        for _ in range(1000):
            name = r.choice(ORT_VORSILBEN) + r.choice(ORT_STAEMME).lower() + r.choice(ORT_ENDUNGEN)
            name = name[0].upper() + name[1:]
            if name not in self.ortsnamen:
                self.ortsnamen.add(name)
                return name
        raise RuntimeError("keine freien Ortsnamen mehr")

    def gemeinde_id(self, art: str, name: str, kreis_slug: str) -> str:
        id_ = f"{art}-{slug(name)}"
        return id_ if id_ not in self.ids["organisation"] else f"{id_}-{kreis_slug}"

    # ---- alles

    def erzeugen(self) -> None:
        self.traeger: list[str] = []
        je_land = [self.kreise // self.laender + (1 if i < self.kreise % self.laender else 0) for i in range(self.laender)]
        for nr, anzahl in enumerate(je_land):
            self.land(nr, anzahl)
        for g in self.gremien:
            self.gremium_datei(g)
        # Empfehlungen füllen die Differenz zu N (je Gremium nach Zahl der Sitzungen)
        fest = len(self.dateien) + 1 + sum(len(g.sitzungen) + 1 for g in self.gremien)
        rest = max(0, self.n - fest)
        gewichte = [max(1, len(g.sitzungen) - 1) for g in self.gremien]
        summe = sum(gewichte)
        anteile = [rest * w // summe for w in gewichte]
        for i in range(rest - sum(anteile)):
            anteile[i % len(anteile)] += 1
        for g, n in zip(self.gremien, anteile, strict=True):
            self.empfehlungen(g, max(2, n))
        # mindestens eine Empfehlung im Entwurf mit Text (für `empfehlung advance` in bench.run)
        self.entwurf = self.emp_entwurf(self.gremien[0], mit_text=True)
        for g in self.gremien:
            for s in g.sitzungen:
                self.sitzung_datei(s)
            if g.geplant is not None:
                self.sitzung_datei(g.geplant)
        erstes = min(g.daten["gegruendet"] for g in self.gremien)
        self.netzwerk = {
            "name": "Netzwerk Integration (synthetische Messdaten)",
            "kurzname": "Netzwerk Integration Messdaten",
            "gegruendet": erstes,
            "traeger": self.traeger,
            "beschreibung": (
                f"Synthetisches Datenrepository für Laufzeitmessungen mit {self.laender} Ländern und "
                f"{self.kreise} Landkreisen. Alle Personen, Orte, Sitzungen und Beschlüsse sind erfunden."
            ),
            "ziele": ["Laufzeit und Speicherbedarf von netzwerk an realistischen Datenmengen messen"],
            "einstellungen": {"wiedervorlage_monate": 12},
            "beispiel": True,
        }
