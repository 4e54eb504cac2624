"""Empfehlungen durch den ganzen Lebenszyklus (Entwurf bis Umsetzung), mit den Tagesordnungspunkten,
die jeden Schritt tragen; der Verlauf erfüllt alle Wächter. Teil der `Welt` (siehe welt.py)."""

from __future__ import annotations

from datetime import date

from bench.generate.modell import FRISCH_AB, LETZTER_TAG, STICHTAG, Datei, Gremium, Sitzung, tage
from bench.generate.texte import BERICHTE, MASSNAHMEN, THEMA_NAME


class EmpfehlungsBau:
    """Empfehlungen eines Gremiums; braucht `rng`, `emp_zaehler`, `datei` und `stimmen` der Welt."""

    # ---- Empfehlungen

    def emp_id(self, prefix: str, jahr: int) -> str:
        n = self.emp_zaehler.get((prefix, jahr), 0) + 1
        self.emp_zaehler[(prefix, jahr)] = n
        return f"{prefix}-{jahr}-{n:03d}"

    def emp_grund(self, g: Gremium, von: date, bis: date) -> tuple[dict, str, str]:
        """Herkunft, Themenfelder, Titel und Text einer neuen Empfehlung."""
        r = self.rng
        aktive = [a for a in g.ags if a.beginn <= von and (a.ende is None or a.ende >= bis)]
        ag = r.choice(aktive) if aktive and r.random() < 0.85 else None
        thema = r.choice(ag.themen) if ag else r.choice(g.themen)
        titel, massnahme = r.choice(MASSNAHMEN[thema])
        text = (
            f"Die {'Arbeitsgruppe' if ag else 'Geschäftsstelle'} empfiehlt, {massnahme}. "
            f"Ziel ist, die Angebote im Themenfeld {THEMA_NAME[thema]} für Zugewanderte leichter erreichbar zu machen. "
            f"Die Kosten werden im Haushalt {bis.year + 1} veranschlagt."
        )
        herkunft = {"arbeitsgruppe": ag.id} if ag else {"gremium": g.id}
        kopf = {"titel": titel, "text": text, **herkunft, "entscheidungsgremium": g.id}
        durch_ag = ag.name if ag else g.geschaeftsstelle
        durch_leitung = f"{ag.leitung.name} (AG-Leitung)" if ag else g.geschaeftsstelle
        kopf["_themen"] = [thema]
        kopf["_durch"] = (durch_ag, durch_leitung)
        return kopf, titel, thema

    def emp_datei(self, g: Gremium, id_: str, kopf: dict, status: str, verlauf: list, adressaten=None, umsetzung=None, kommentar="") -> Datei:
        daten = {k: v for k, v in kopf.items() if not k.startswith("_")}
        if adressaten:
            daten["adressaten"] = list(adressaten)
        daten["themenfelder"] = kopf["_themen"]
        daten["status"] = status
        daten["verlauf"] = verlauf
        if umsetzung:
            daten["umsetzung"] = umsetzung
        daten["beispiel"] = True
        jahr = verlauf[0]["datum"][:4]
        return self.datei("empfehlung", id_, daten, jahr, kommentar, status=status, gremium=g.id)

    def punkt(self, s: Sitzung, titel: str, id_: str, ergebnis: str, text: str, stimmen: bool, bericht: str | None = None) -> None:
        p: dict = {"titel": titel}
        if bericht:
            p["berichterstattung"] = bericht
        p["empfehlungen"] = [id_]
        b: dict = {"text": text, "ergebnis": ergebnis}
        if stimmen:
            b["abstimmung"] = self.stimmen(len(s.anwesend), ergebnis == "angenommen")
        p["beschluss"] = b
        s.punkte.append(p)

    def emp_entschieden(self, g: Gremium) -> None:
        r = self.rng
        held = g.sitzungen
        d = r.randint(1, len(held) - 1)
        sd = held[d]
        lo = held[d - 1].datum + tage(1)
        hi = max(lo, sd.datum - tage(7))
        d_entwurf = lo + tage(r.randint(0, (hi - lo).days // 2))
        d_ein = d_entwurf + tage(r.randint(0, (hi - d_entwurf).days))
        kopf, titel, _ = self.emp_grund(g, d_entwurf, d_ein)
        id_ = self.emp_id(g.prefix, d_entwurf.year)
        durch_ag, durch_leitung = kopf["_durch"]
        verlauf = [
            {"status": "entwurf", "datum": d_entwurf.isoformat(), "durch": durch_ag},
            {"status": "eingereicht", "datum": d_ein.isoformat(), "durch": durch_leitung},
        ]
        weg = ["entwurf", "eingereicht"]
        if r.random() < 0.08 and d + 1 < len(held):
            self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "vertagt", "Die Empfehlung wird zur Überarbeitung an die Verfasser zurückverwiesen.", False, durch_leitung)
            verlauf.append({"status": "entwurf", "datum": sd.datum.isoformat(), "sitzung": sd.id, "notiz": "Zur Überarbeitung zurückverwiesen."})
            d += 1
            naechste = held[d]
            lo2 = sd.datum + tage(1)
            hi2 = max(lo2, naechste.datum - tage(7))
            verlauf.append({"status": "eingereicht", "datum": (lo2 + tage(r.randint(0, (hi2 - lo2).days))).isoformat(), "durch": durch_leitung, "notiz": "Überarbeitete Fassung."})
            weg += ["entwurf", "eingereicht"]
            sd = naechste
        if r.random() < 0.1:
            self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "abgelehnt", "Die Empfehlung wird abgelehnt.", True, durch_leitung)
            verlauf.append({"status": "abgelehnt", "datum": sd.datum.isoformat(), "sitzung": sd.id})
            self.emp_datei(g, id_, kopf, "abgelehnt", verlauf)
            return
        self.punkt(sd, f"Empfehlung {id_}: {titel}", id_, "angenommen", "Die Empfehlung wird beschlossen und an die betroffenen Stellen weitergeleitet.", True, durch_leitung)
        verlauf.append({"status": "beschlossen", "datum": sd.datum.isoformat(), "sitzung": sd.id})
        d_weiter = sd.datum + tage(r.randint(3, 28))
        if d_weiter > LETZTER_TAG:
            self.emp_datei(g, id_, kopf, "beschlossen", verlauf)
            return
        adressaten = r.sample(g.adressaten, k=min(len(g.adressaten), r.choice((1, 1, 2, 3))))
        verlauf.append({"status": "weitergeleitet", "datum": d_weiter.isoformat(), "durch": g.geschaeftsstelle})
        kandidaten = [i for i in range(d + 1, len(held)) if held[i].datum >= d_weiter + tage(120)]
        umsetzung: list[dict] = []
        if kandidaten and r.random() < 0.9:
            ri = kandidaten[min(len(kandidaten) - 1, r.randint(0, 4))]
            rs = held[ri]
            umgesetzt = r.random() < 0.75
            for a in adressaten:
                n = r.randint(1, 2)
                tage_ = sorted(d_weiter + tage(14) + tage(r.randint(0, (rs.datum - d_weiter).days - 15)) for _ in range(n))
                for j, t in enumerate(tage_):
                    if j < n - 1:
                        stand = r.choice(("offen", "teilweise"))
                    else:
                        stand = "vollstaendig" if umgesetzt else r.choice(("abgelehnt", "teilweise"))
                    umsetzung.append({"adressat": a, "datum": t.isoformat(), "stand": stand, "bericht": BERICHTE[stand]})
            umsetzung.sort(key=lambda u: u["datum"])
            if umgesetzt and r.random() < 0.7:
                verlauf.append({"status": "in_umsetzung", "datum": umsetzung[0]["datum"], "notiz": "Umsetzung begonnen."})
            ende = "umgesetzt" if umgesetzt else "nicht_umgesetzt"
            verlauf.append({"status": ende, "datum": rs.datum.isoformat(), "sitzung": rs.id})
            if ri - d > 1 and r.random() < 0.3:
                zw = held[r.randint(d + 1, ri - 1)]
                zw.punkte.append({"titel": f"Sachstand der Umsetzung von Empfehlung {id_}", "empfehlungen": [id_], "beschluss": {"ergebnis": "zur_kenntnis_genommen"}})
            text = "Das Gremium stellt fest, dass die Empfehlung umgesetzt ist." if umgesetzt else "Das Gremium stellt fest, dass die Empfehlung nicht umgesetzt wird."
            self.punkt(rs, f"Überprüfung der Umsetzung: Empfehlung {id_}", id_, "angenommen", text, r.random() < 0.7)
            self.emp_datei(g, id_, kopf, ende, verlauf, adressaten, umsetzung)
            return
        # noch in Umsetzung: ein frischer Bericht hält die Wiedervorlage fern
        for a in adressaten:
            if d_weiter + tage(14) < FRISCH_AB and r.random() < 0.6:
                t = d_weiter + tage(14) + tage(r.randint(0, (FRISCH_AB - d_weiter).days - 15))
                umsetzung.append({"adressat": a, "datum": t.isoformat(), "stand": "offen", "bericht": BERICHTE["offen"]})
        a0 = max(d_weiter + tage(1), FRISCH_AB)
        t = a0 + tage(r.randint(0, max(0, (LETZTER_TAG - a0).days)))
        umsetzung.append({"adressat": r.choice(adressaten), "datum": t.isoformat(), "stand": "teilweise", "bericht": BERICHTE["teilweise"]})
        umsetzung.sort(key=lambda u: u["datum"])
        status = "weitergeleitet"
        if r.random() < 0.6:
            verlauf.append({"status": "in_umsetzung", "datum": umsetzung[0]["datum"]})
            status = "in_umsetzung"
        self.emp_datei(g, id_, kopf, status, verlauf, adressaten, umsetzung)

    def emp_entwurf(self, g: Gremium, mit_text: bool | None = None) -> Datei:
        r = self.rng
        d = date(STICHTAG.year, 1, 10) + tage(r.randint(0, (LETZTER_TAG - date(STICHTAG.year, 1, 10)).days))
        kopf, _, _ = self.emp_grund(g, d, d)
        if mit_text is None:
            mit_text = r.random() < 0.7
        if not mit_text:
            kopf.pop("text")
        id_ = self.emp_id(g.prefix, d.year)
        verlauf = [{"status": "entwurf", "datum": d.isoformat(), "durch": kopf["_durch"][0]}]
        if not mit_text:
            verlauf[0]["notiz"] = "Erste Idee; Text folgt."
        return self.emp_datei(g, id_, kopf, "entwurf", verlauf)

    def emp_eingereicht(self, g: Gremium) -> None:
        r = self.rng
        letzte = g.sitzungen[-1].datum
        lo = letzte - tage(60)
        d_entwurf = lo + tage(r.randint(0, (letzte - lo).days))
        d_ein = letzte + tage(1) + tage(r.randint(0, max(0, (LETZTER_TAG - letzte).days - 1)))
        kopf, titel, _ = self.emp_grund(g, d_entwurf, d_ein)
        id_ = self.emp_id(g.prefix, d_entwurf.year)
        verlauf = [
            {"status": "entwurf", "datum": d_entwurf.isoformat(), "durch": kopf["_durch"][0]},
            {"status": "eingereicht", "datum": d_ein.isoformat(), "durch": kopf["_durch"][1]},
        ]
        if g.geplant is not None:
            g.geplant.punkte.append({"titel": f"Empfehlung {id_}: {titel}", "berichterstattung": kopf["_durch"][1], "empfehlungen": [id_]})
        self.emp_datei(g, id_, kopf, "eingereicht", verlauf)

    def emp_zurueckgezogen(self, g: Gremium) -> None:
        r = self.rng
        held = g.sitzungen
        d = r.randint(1, len(held) - 1)
        lo, hi = held[d - 1].datum + tage(1), held[d].datum - tage(1)
        hi = max(lo, hi)
        d1 = lo + tage(r.randint(0, (hi - lo).days // 2))
        d2 = d1 + tage(r.randint(0, (hi - d1).days))
        kopf, _, _ = self.emp_grund(g, d1, d2)
        id_ = self.emp_id(g.prefix, d1.year)
        verlauf = [{"status": "entwurf", "datum": d1.isoformat(), "durch": kopf["_durch"][0]}]
        if r.random() < 0.5:
            verlauf.append({"status": "eingereicht", "datum": d2.isoformat(), "durch": kopf["_durch"][1]})
        verlauf.append({"status": "zurueckgezogen", "datum": d2.isoformat(), "durch": kopf["_durch"][1], "notiz": "Das Anliegen wird bereits durch ein Landesprogramm abgedeckt."})
        self.emp_datei(g, id_, kopf, "zurueckgezogen", verlauf)

    def empfehlungen(self, g: Gremium, anzahl: int) -> None:
        r = self.rng
        for _ in range(anzahl):
            x = r.random()
            if x < 0.04:
                self.emp_entwurf(g)
            elif x < 0.07:
                self.emp_eingereicht(g)
            elif x < 0.10:
                self.emp_zurueckgezogen(g)
            else:
                self.emp_entschieden(g)
