"""Sitzungen (Termine, Anwesenheit, Abstimmungen, Tagesordnung), Arbeitsgruppen und die
Gremiendateien. Teil der `Welt` (siehe welt.py)."""

from __future__ import annotations

from datetime import date

from bench.generate.modell import AG, STICHTAG, Datei, Gremium, Sitzung, de, tage, werktag
from bench.generate.texte import THEMA_NAME
from netzwerk_cli.grundlagen.datum import plus_monate


class SitzungsBau:
    """Sitzungen, Arbeitsgruppen und Gremiendateien; braucht `rng`, `ids` und `datei` der Welt."""

    # ---- Sitzungen

    def termine(self, gruendung: date) -> tuple[list[date], list[date]]:
        """(durchgeführte Termine ab der Gründung, abgesagte Termine)."""
        r = self.rng
        termine = [gruendung]
        abgesagt = []
        for jahr in range(gruendung.year, STICHTAG.year + 1):
            slots = ((3, 4), (10, 11)) if r.random() < 0.5 else ((2, 3), (6, 7), (10, 11))
            for m1, m2 in slots:
                d = werktag(date(jahr, r.randint(m1, m2), r.randint(1, 20)))
                if d > STICHTAG - tage(3):
                    d = werktag(date(jahr, 10, r.randint(1, 20)))
                if d > gruendung + tage(30):
                    termine.append(d)
            if gruendung.year < jahr < STICHTAG.year and r.random() < 0.04:
                abgesagt.append(werktag(date(jahr, 5, r.randint(1, 20))))
        return sorted(set(termine)), abgesagt

    def sitzungen_anlegen(self, g: Gremium, gruendung: date, orte: list[str]) -> None:
        r = self.rng
        termine, abgesagt = self.termine(gruendung)
        for d in termine:
            s = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "durchgefuehrt", r.choice(orte))
            self.anwesenheit(g, s)
            g.sitzungen.append(s)
        for d in abgesagt:
            if d.isoformat() in {s.datum.isoformat() for s in g.sitzungen}:
                continue
            s = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "abgesagt", r.choice(orte))
            s.punkte.append({"titel": "Sitzung abgesagt mangels beratungsreifer Vorlagen"})
            self.sitzung_datei(s)
        d = werktag(date(STICHTAG.year + 1, 3, r.randint(1, 20)))
        g.geplant = Sitzung(f"{g.id}-{d.isoformat()}", g.id, d, "geplant", r.choice(orte))
        g.geplant.punkte.append({"titel": "Berichte aus den Arbeitsgruppen"})
        erste = g.sitzungen[0]
        erste.punkte.append({"titel": f"Konstituierung der {g.name}", "beschluss": {"ergebnis": "zur_kenntnis_genommen"}})
        erste.punkte.append(
            {
                "titel": "Geschäftsordnung",
                "beschluss": {
                    "text": "Das Gremium gibt sich die vorgelegte Geschäftsordnung.",
                    "ergebnis": "angenommen",
                    "abstimmung": self.stimmen(len(erste.anwesend), True),
                },
            }
        )

    def anwesenheit(self, g: Gremium, s: Sitzung) -> None:
        r = self.rng
        ordentlich = [m for m in g.mitglieder if m.art == "ordentlich" and m.aktiv(s.datum)]
        vertretungen = {m.vertritt.id: m for m in g.mitglieder if m.art == "stellvertretung" and m.aktiv(s.datum)}
        da, weg = [], []
        for m in ordentlich:
            (weg if r.random() < 0.12 else da).append(m)
        while len(da) < g.mindestens + 1 and weg:
            da.append(weg.pop(0))
        anwesend = [m.person.id for m in da]
        for m in weg:
            v = vertretungen.get(m.person.id)
            if v is not None:
                anwesend.append(v.person.id)
        s.anwesend = anwesend
        s.entschuldigt = [m.person.id for m in weg]
        if r.random() < 0.15:
            s.gaeste = [{"name": "Vertretung der Agentur für Arbeit", "funktion": "Gast zum Tagesordnungspunkt Arbeitsmarkt"}]

    def stimmen(self, n: int, angenommen: bool) -> dict:
        r = self.rng
        if angenommen:
            nein = r.randint(0, n // 5)
            enth = r.randint(0, min(2, n - nein - 1))
            ja = n - nein - enth - r.randint(0, 1)
            ja = max(ja, nein + 1)
        else:
            ja = r.randint(0, n // 3)
            enth = r.randint(0, 1)
            nein = n - ja - enth
        return {"ja": ja, "nein": nein, "enthaltung": enth}

    def sitzung_datei(self, s: Sitzung) -> Datei:
        daten: dict = {"gremium": s.gremium, "datum": s.datum.isoformat()}
        if s.status != "abgesagt":
            daten["beginn"] = "14:00" if s.datum.day % 2 else "10:00"
            daten["ende"] = "16:30" if s.datum.day % 2 else "12:30"
        daten["ort"] = s.ort
        daten["status"] = s.status
        daten["oeffentlich"] = False
        if s.anwesend:
            daten["anwesend"] = list(s.anwesend)
        if s.entschuldigt:
            daten["entschuldigt"] = list(s.entschuldigt)
        if s.gaeste:
            daten["gaeste"] = list(s.gaeste)
        if s.status == "durchgefuehrt":
            daten["protokoll"] = f"Protokoll der Sitzung vom {de(s.datum)}"
        if s.punkte:
            daten["tagesordnung"] = [{"nummer": i + 1, **p} for i, p in enumerate(s.punkte)]
        daten["beispiel"] = True
        s.datei = self.datei("sitzung", s.id, daten, str(s.datum.year), gremium=s.gremium, datum=s.datum.isoformat())
        return s.datei

    # ---- Arbeitsgruppen

    def arbeitsgruppen(self, g: Gremium, anzahl: int, kuerzel: str) -> None:
        r = self.rng
        held = g.sitzungen
        for _ in range(anzahl):
            i = r.randint(0, max(0, len(held) - 2))
            s = held[i]
            themen = r.sample(g.themen, k=min(len(g.themen), r.choice((1, 1, 2))))
            basis = f"ag-{kuerzel}-{themen[0]}-{s.datum.year}"
            id_, n = basis, 1
            while id_ in self.ids["arbeitsgruppe"]:
                n += 1
                id_ = f"{basis}-{n}"
            beginn = s.datum
            ende_geplant = plus_monate(beginn, r.choice((12, 18, 24, 30, 36)))
            leitung = r.choice(g.ag_leitungen)
            mitglieder_p = [leitung] + [p for p in r.sample(g.ag_mitglieder, k=min(3, len(g.ag_mitglieder))) if p is not leitung]
            name = f"AG {THEMA_NAME[themen[0]]}" + (f" und {THEMA_NAME[themen[1]]}" if len(themen) > 1 else "")
            abgeschlossen = None
            if ende_geplant < STICHTAG:
                abschluss = next((x for x in held[i + 1 :] if x.datum >= ende_geplant - tage(90)), None)
                abgeschlossen = abschluss.datum if abschluss else ende_geplant
                if abschluss:
                    abschluss.punkte.append(
                        {
                            "titel": f"Abschlussbericht der {name}",
                            "berichterstattung": f"{leitung.name} (AG-Leitung)",
                            "arbeitsgruppen": [id_],
                            "beschluss": {"text": "Das Gremium nimmt den Abschlussbericht zur Kenntnis; die AG ist abgeschlossen.", "ergebnis": "zur_kenntnis_genommen"},
                        }
                    )
            s.punkte.append(
                {
                    "titel": f"Einsetzung der {name}",
                    "arbeitsgruppen": [id_],
                    "beschluss": {
                        "text": f"Das Gremium setzt die {name} unter der Leitung von {leitung.name} ein; geplantes Ende {de(ende_geplant)}.",
                        "ergebnis": "angenommen",
                        "abstimmung": self.stimmen(len(s.anwesend), True),
                    },
                }
            )
            mitglieder = []
            for p in mitglieder_p:
                m = {"person": p.id}
                if p is leitung:
                    m["funktion"] = "Leitung"
                m["von"] = beginn.isoformat()
                if abgeschlossen:
                    m["bis"] = abgeschlossen.isoformat()
                mitglieder.append(m)
            if g.ag_organisationen:
                m = {"organisation": r.choice(g.ag_organisationen), "funktion": "Vertretung (Person wechselnd)", "von": beginn.isoformat()}
                if abgeschlossen:
                    m["bis"] = abgeschlossen.isoformat()
                mitglieder.append(m)
            daten = {
                "name": name,
                "thema": f"Handlungsbedarfe im Themenfeld {THEMA_NAME[themen[0]]} erheben und Empfehlungen an das Gremium erarbeiten",
                "eingesetzt_von": g.id,
                "eingesetzt_in": s.id,
                "status": "abgeschlossen" if abgeschlossen else "aktiv",
                "beginn": beginn.isoformat(),
                "ende_geplant": ende_geplant.isoformat(),
            }
            if abgeschlossen:
                daten["abgeschlossen_am"] = abgeschlossen.isoformat()
            daten["leitung"] = [leitung.id]
            daten["mitglieder"] = mitglieder
            daten["staendige_mitglieder"] = len(mitglieder)
            daten["themenfelder"] = themen
            if abgeschlossen:
                daten["ergebnisse"] = [f"Abschlussbericht, vorgestellt am {de(abgeschlossen)}"]
            daten["beispiel"] = True
            d = self.datei("arbeitsgruppe", id_, daten, abgeschlossen=bool(abgeschlossen))
            g.ags.append(AG(id_, name, beginn, abgeschlossen, leitung, themen, d.daten))

    # ---- Gremien als Dateien

    def gremium_datei(self, g: Gremium) -> None:
        mitglieder = []
        for m in g.mitglieder:
            e: dict = {"person": m.person.id, "sitzgruppe": m.sitzgruppe}
            if m.art != "ordentlich":
                e["art"] = m.art
                e["vertritt"] = m.vertritt.id
            if m.von:
                e["von"] = m.von.isoformat()
            if m.bis:
                e["bis"] = m.bis.isoformat()
            mitglieder.append(e)
        g.daten["mitglieder"] = mitglieder
        g.daten["beispiel"] = True
        g.datei = self.datei("gremium", g.id, g.daten, ersatz=[p.id for p in g.ersatz])
