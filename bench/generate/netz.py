"""Das Netz der Organisationen, Personen und Gremien: je Landkreis Verwaltung, Kommunen,
Steuerungsgruppe, Konzept und Veranstaltungen; je Land Ministerium, Landesverbände und
Strategiegruppe. Teil der `Welt` (siehe welt.py)."""

from __future__ import annotations

from datetime import date

from bench.generate.modell import LETZTER_TAG, STICHTAG, Gremium, Mitglied, Person, tage, werktag
from bench.generate.texte import AEMTER, FRAKTIONEN, LAENDER, MASSNAHMEN, QUERSCHNITT, THEMA_NAME, THEMENFELDER, slug


class NetzBau:
    """Landkreise und Länder; braucht `rng`, `org`, `person`, `ortsname` und die Sitzungsbausteine der Welt."""

    # ---- Landkreis

    def kreis(self, land: dict) -> dict:
        r = self.rng
        name = self.ortsname()
        k = slug(name)
        lk = self.org(f"landkreis-{k}", f"Landkreis {name}", "landkreis")
        aemter = {kurz: self.org(f"{k}-{kurz}", f"{titel} Landkreis {name}", typ, uebergeordnet=lk) for kurz, titel, typ in AEMTER}
        ref_int = self.org(f"{k}-referat-integration", f"Referat Integration Landkreis {name}", "referat", uebergeordnet=lk)
        ref_soz = self.org(f"{k}-referat-sozialer-dienst", f"Referat Sozialer Dienst Landkreis {name}", "referat", uebergeordnet=lk)
        kreistag = self.org(f"kreistag-{k}", f"Kreistag {name}", "kreistag", uebergeordnet=lk)
        fraktionen = [
            self.org(f"{k}-fraktion-{slug(f)}", f"Kreistagsfraktion {f} {name}", "fraktion", uebergeordnet=kreistag)
            for f in r.sample(FRAKTIONEN, k=r.randint(4, 6))
        ]
        vhs = self.org(f"volkshochschule-{k}", f"Volkshochschule Landkreis {name}", "bildungstraeger")
        wohlfahrt = self.org(f"{k}-migrationsdienst", f"Migrationsdienst der Wohlfahrtsverbände {name}", "wohlfahrtsverband")
        gks, staedte, gemeinden = [], [], []
        for _ in range(r.randint(1, 3)):
            n = self.ortsname()
            gks.append((self.org(self.gemeinde_id("stadt", n, k), f"Stadt {n}", "stadt", grosse_kreisstadt=True), n))
        for _ in range(r.randint(1, 3)):
            n = self.ortsname()
            staedte.append((self.org(self.gemeinde_id("stadt", n, k), f"Stadt {n}", "stadt"), n))
        for _ in range(r.randint(6, 12)):
            n = self.ortsname()
            gemeinden.append((self.org(self.gemeinde_id("gemeinde", n, k), f"Gemeinde {n}", "gemeinde"), n))
        dom = f"{k}.example.org"
        landrat = self.person(lk, f"Landrätin/Landrat des Landkreises {name}", ["verwaltungsleitung"], True, dom)
        ib_kreis = self.person(lk, f"Integrationsbeauftragte/r des Landkreises {name}", ["integrationsbeauftragte"], True, dom)
        self.person(lk, "Dezernat Soziales und Integration", ["dezernat"], False, dom)
        gs = self.person(ref_int, "Geschäftsstelle Integration", ["geschaeftsstelle"], False, dom)
        ob = {oid: self.person(oid, f"Oberbürgermeister/in der Stadt {n}", ["verwaltungsleitung"], True, dom) for oid, n in gks + staedte}
        ib_stadt = {oid: self.person(oid, f"Integrationsbeauftragte/r der Stadt {n}", ["integrationsbeauftragte"], False, dom) for oid, n in gks + staedte}
        bm = {oid: self.person(oid, f"Bürgermeister/in der Gemeinde {n}", ["verwaltungsleitung"], True, dom) for oid, n in gemeinden}
        ib_gem = {oid: self.person(oid, f"Integrationsbeauftragte/r der Gemeinde {n}", ["integrationsbeauftragte"], False, dom) for oid, n in gemeinden[:2]}
        vhs_p = self.person(vhs, "Fachbereichsleitung Sprache und Integration", ["ag_leitung"], False, dom)
        wf_p = self.person(wohlfahrt, "Leitung Migrationsberatung", ["ag_leitung"], False, dom)

        gruendung = werktag(date(r.randint(2006, 2020), r.randint(1, 9), r.randint(1, 20)))
        gid = f"steuerungsgruppe-{k}"
        mitglieder: list[Mitglied] = []

        def sitz(gruppe: str, org: str, funktion: str, rollen: list, wechsel: bool) -> Person:
            if wechsel and gruendung.year <= 2022 and r.random() < 0.3:
                w = werktag(gruendung + tage(365 + r.randint(0, (date(2026, 6, 1) - gruendung).days - 365)))
                alt = self.person(org, f"{funktion} (bis {w.year})", rollen, False, dom)
                mitglieder.append(Mitglied(alt, gruppe, gruendung, w - tage(1)))
                neu = self.person(org, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(neu, gruppe, w))
                return neu
            p = self.person(org, funktion, rollen, False, dom)
            mitglieder.append(Mitglied(p, gruppe, gruendung))
            return p

        for f in fraktionen:
            sitz("kreistagsfraktionen", f, "Fraktionsvertretung im Kreistag", ["fraktionsvertretung"], True)
        for oid, _ in gks:
            mitglieder.append(Mitglied(ob[oid], "grosse-kreisstaedte", gruendung))
        mitglieder.append(Mitglied(bm[gemeinden[0][0]], "gemeinden", gruendung))
        leitungen = {}
        for kurz, titel, _ in AEMTER:
            leitungen[kurz] = sitz("amtsleitungen", aemter[kurz], f"Leitung {titel}", ["amtsleitung"], True)
        ri = sitz("referat-integration", ref_int, "Leitung Referat Integration", ["referatsleitung"], True)
        sitz("referat-sozialer-dienst", ref_soz, "Leitung Referat Sozialer Dienst", ["referatsleitung"], True)
        mitglieder.append(Mitglied(ib_kreis, "integrationsbeauftragte", gruendung))
        for kurz in r.sample([a[0] for a in AEMTER], k=r.randint(0, 2)):
            vertreten = next(m for m in reversed(mitglieder) if m.person is leitungen[kurz])
            stv = self.person(aemter[kurz], "Stellvertretende Amtsleitung", ["fachreferat"], False, dom)
            mitglieder.append(Mitglied(stv, "amtsleitungen", vertreten.von, None, "stellvertretung", leitungen[kurz]))

        daten = {
            "name": f"Steuerungsgruppe Integration Landkreis {name}",
            "kurzname": f"Steuerungsgruppe {name}",
            "art": "steuerungsgruppe",
            "organisation": lk,
            "gegruendet": gruendung.isoformat(),
            "aufgaben": [
                "Trifft strategische Entscheidungen und trägt zentrale Anliegen in die Politik",
                "Stimmt über die Handlungsempfehlungen ihrer Arbeitsgruppen ab und leitet beschlossene Empfehlungen an die zuständigen Stellen weiter",
                "Überprüft die Umsetzung der Empfehlungen",
                "Wählt jährlich die Maßnahmen des Integrationskonzepts aus",
            ],
            "sitzungen_pro_jahr": {"min": 2, "max": 3},
            "beschlussfaehigkeit": {"mindestens_anwesend": 6, "text": "Beschlussfähig, wenn mindestens sechs ordentliche Mitglieder anwesend sind."},
            "sitzgruppen": [
                {"id": "kreistagsfraktionen", "name": "Vertretungen der Kreistagsfraktionen", "beschreibung": "Je Kreistagsfraktion eine Vertretung.", "je": "organisation", "organisationstyp": ["fraktion"]},
                {"id": "grosse-kreisstaedte", "name": "Vertretungen der Großen Kreisstädte", "anzahl": len(gks), "je": "organisation", "organisationstyp": ["stadt"], "organisationsmerkmale": {"grosse_kreisstadt": True}},
                {"id": "gemeinden", "name": "Vertretung der kreisangehörigen Gemeinden", "anzahl": 1, "organisationstyp": ["gemeinde", "stadt"]},
                {"id": "amtsleitungen", "name": "Führungsebene der Ämter", "anzahl": len(AEMTER), "je": "organisation", "aus": [aemter[a[0]] for a in AEMTER], "rolle": "amtsleitung"},
                {"id": "referat-integration", "name": "Leitung des Referats Integration", "anzahl": 1, "rolle": "referatsleitung", "organisation": [ref_int]},
                {"id": "referat-sozialer-dienst", "name": "Leitung des Referats Sozialer Dienst", "anzahl": 1, "rolle": "referatsleitung", "organisation": [ref_soz]},
                {"id": "integrationsbeauftragte", "name": "Integrationsbeauftragte des Landkreises", "anzahl": 1, "rolle": "integrationsbeauftragte", "organisation": [lk]},
            ],
        }
        themen = [t for t, _ in r.sample(THEMENFELDER, k=r.randint(4, 6))]
        g = Gremium(gid, daten["name"], k, daten, mitglieder, 6)
        g.themen = themen
        g.adressaten = [lk, *aemter.values(), ref_int] + [oid for oid, _ in r.sample(gks + staedte + gemeinden, k=3)]
        g.ag_leitungen = [vhs_p, wf_p, ri]
        g.ag_mitglieder = [ib_kreis, *ib_stadt.values(), *ib_gem.values(), gs]
        g.ag_organisationen = [aemter["jobcenter"], vhs, wohlfahrt]
        g.ersatz = [bm[oid] for oid, _ in gemeinden[1:4]]
        g.geschaeftsstelle = f"Geschäftsstelle Integration Landkreis {name}"
        orte = [f"Landratsamt {name}, Sitzungssaal", "online", f"Rathaus {gks[0][1]}, Großer Sitzungssaal"]
        self.sitzungen_anlegen(g, gruendung, orte)
        self.arbeitsgruppen(g, max(1, round(len(g.sitzungen) / 7)), k)
        self.gremien.append(g)

        # Konzept
        ziele = []
        for t in themen:
            for j in range(r.randint(1, 2)):
                titel, massnahme = r.choice(MASSNAHMEN[t])
                ziele.append({"id": f"{t}-{j + 1}", "themenfeld": t, "bedarf": f"Im Themenfeld {THEMA_NAME[t]} erreichen die Angebote Zugewanderte noch zu selten.", "ziel": f"Bis {gruendung.year + 5} gelingt es, {massnahme}."})
        massnahmen = []
        for jahr in range(gruendung.year + 1, STICHTAG.year + 2):
            for _ in range(r.randint(1, 2)):
                z = r.choice(ziele)
                titel = r.choice(MASSNAHMEN[z["themenfeld"]])[0]
                status = "geplant" if jahr > STICHTAG.year else ("in_umsetzung" if jahr == STICHTAG.year else r.choice(("umgesetzt", "umgesetzt", "verworfen")))
                massnahmen.append({"jahr": jahr, "titel": titel, "wirkungsziel": z["id"], "status": status})
        self.datei(
            "konzept",
            f"integrationskonzept-{k}",
            {
                "titel": f"Integrationskonzept Landkreis {name}",
                "traeger": lk,
                "steuerung": gid,
                "beginn": gruendung.isoformat(),
                "stand": f"Fortschreibung {STICHTAG.year}",
                "themenfelder": [{"id": t, "name": THEMA_NAME[t]} for t in themen],
                "querschnittsthemen": [{"id": q, "name": n} for q, n in r.sample(QUERSCHNITT, k=r.randint(1, 2))],
                "wirkungsziele": ziele,
                "massnahmen": massnahmen,
                "arbeitskreise": [{"name": "Arbeitskreis Integration", "ziel": "Koordination der Integrations- und Sprachkurse im Landkreis", "mitglieder": ["Volkshochschule", "Jobcenter", "Migrationsdienste"]}],
                "beispiel": True,
            },
        )

        # Veranstaltungen
        for jahr in range(gruendung.year + 1, STICHTAG.year + 1):
            if r.random() >= 0.45:
                continue
            art, titel = r.choice((("konferenz", "Integrationskonferenz"), ("fachtag", "Fachtag Integration"), ("informationsveranstaltung", "Infoabend Ehrenamt")))
            tag = date(jahr, r.randint(3, 10), r.randint(1, 28))
            self.datei(
                "veranstaltung",
                f"{slug(titel)}-{k}-{jahr}",
                {
                    "titel": f"{titel} Landkreis {name} {jahr}",
                    "datum": tag.isoformat(),
                    "ort": f"Landratsamt {name}",
                    "art": art,
                    "veranstalter": [lk, vhs],
                    "teilnehmende_anzahl": r.randint(25, 180),
                    "teilnehmende_ca": True,
                    "programm": [
                        {"titel": "Grußwort", "art": "grusswort", "personen": [landrat.id]},
                        {"titel": f"Impuls: {THEMA_NAME[r.choice(themen)]} im Landkreis", "art": "impuls", "personen": [ib_kreis.id]},
                        {"titel": "Austausch an Thementischen", "art": "austausch"},
                    ],
                    "beispiel": True,
                },
                str(jahr),
                veranstaltung=True,
            )
        return {
            "name": name,
            "landkreis": lk,
            "landrat": landrat,
            "ib_kreis": ib_kreis,
            "bm": [bm[oid] for oid, _ in gemeinden],
            "ob": list(ob.values()),
            "ib_stadt": list(ib_stadt.values()),
            "ib_gem": list(ib_gem.values()),
        }

    # ---- Land

    def land(self, nr: int, anzahl_kreise: int) -> None:
        r = self.rng
        lname = LAENDER[nr]
        l = slug(lname)
        dom = f"{l}.example.org"
        kreise = [self.kreis({"name": lname}) for _ in range(anzahl_kreise)]
        mini = self.org(f"ministerium-{l}", f"Ministerium für Soziales und Integration {lname}", "ministerium")
        verbaende = [
            self.org(f"gemeindetag-{l}", f"Gemeindetag {lname}", "kommunaler_landesverband"),
            self.org(f"staedtetag-{l}", f"Städtetag {lname}", "kommunaler_landesverband"),
            self.org(f"landkreistag-{l}", f"Landkreistag {lname}", "kommunaler_landesverband"),
        ]
        self.traeger.extend([mini, *verbaende])
        minister = self.person(mini, f"Minister/in für Soziales und Integration {lname}", ["verwaltungsleitung"], True, dom)
        gs = self.person(mini, "Geschäftsstelle des Netzwerks Integration", ["geschaeftsstelle"], False, dom)
        gruendung = werktag(date(r.randint(2010, 2020), r.randint(1, 9), r.randint(1, 20)))
        mitglieder: list[Mitglied] = []
        ministerium = []
        for i in range(3):
            funktion = ("Abteilungsleitung Integration", "Referatsleitung Integration", "Referat Netzwerk Integration")[i]
            rollen = ["referatsleitung"] if i == 1 else ["fachreferat"]
            if i == 2 and gruendung.year <= 2022 and r.random() < 0.5:
                w = werktag(gruendung + tage(365 + r.randint(0, (date(2026, 6, 1) - gruendung).days - 365)))
                alt = self.person(mini, f"{funktion} (bis {w.year})", rollen, False, dom)
                mitglieder.append(Mitglied(alt, "ministerium", gruendung, w - tage(1)))
                p = self.person(mini, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(p, "ministerium", w))
            else:
                p = self.person(mini, funktion, rollen, False, dom)
                mitglieder.append(Mitglied(p, "ministerium", gruendung))
            ministerium.append(p)
        verband_p = []
        for v in verbaende:
            p = self.person(v, "Dezernat Integration und Soziales", ["dezernat"], True, dom)
            mitglieder.append(Mitglied(p, "landesverbaende", gruendung))
            verband_p.append(p)
        ka, kb, kc = (r.choice(kreise) for _ in range(3))
        for p in (r.choice(ka["bm"]), r.choice(kb["ob"]), kc["landrat"]):
            mitglieder.append(Mitglied(p, "kommunen", gruendung))
        ka, kb, kc = (r.choice(kreise) for _ in range(3))
        for p in (r.choice(ka["ib_gem"]), r.choice(kb["ib_stadt"]), kc["ib_kreis"]):
            mitglieder.append(Mitglied(p, "integrationsbeauftragte", gruendung))
        alle = [mini, *verbaende]
        daten = {
            "name": f"Strategiegruppe des Netzwerks Integration {lname}",
            "kurzname": f"Strategiegruppe {lname}",
            "art": "strategiegruppe",
            "organisation": mini,
            "traeger": alle,
            "gegruendet": gruendung.isoformat(),
            "aufgaben": [
                "Steuerung des Netzwerks",
                "Identifikation von Themenschwerpunkten und Formulierung strategischer Ziele",
                "Einberufung themenspezifischer operativer Arbeitsgruppen",
                "Finale Abstimmung über die Handlungsempfehlungen der Arbeitsgruppen",
                "Weiterleitung der Empfehlungen an die betroffenen Stellen und Überprüfung ihrer Umsetzung",
            ],
            "sitzungen_pro_jahr": {"min": 2, "max": 3},
            "beschlussfaehigkeit": {"mindestens_anwesend": 7, "text": "Beschlussfähig, wenn mindestens sieben ordentliche Mitglieder anwesend sind."},
            "sitzgruppen": [
                {"id": "ministerium", "name": "Ministerium für Soziales und Integration", "beschreibung": "Drei Personen des Ministeriums.", "anzahl": 3, "benannt_von": alle, "organisation": [mini]},
                {"id": "landesverbaende", "name": "Kommunale Landesverbände", "beschreibung": "Eine Person je kommunalem Landesverband.", "anzahl": 3, "benannt_von": alle, "je": "organisation", "aus": list(verbaende)},
                {"id": "kommunen", "name": "Kommunen", "beschreibung": "Je eine Verwaltungsleitung aus einer Gemeinde, einer Stadt und einem Landkreis.", "anzahl": 3, "benannt_von": alle, "je": "organisationstyp", "aus": ["gemeinde", "stadt", "landkreis"], "rolle": "verwaltungsleitung"},
                {"id": "integrationsbeauftragte", "name": "Integrationsbeauftragte", "beschreibung": "Je eine Integrationsbeauftragte bzw. ein Integrationsbeauftragter aus einer Gemeinde, einer Stadt und einem Landkreis.", "anzahl": 3, "benannt_von": alle, "je": "organisationstyp", "aus": ["gemeinde", "stadt", "landkreis"], "rolle": "integrationsbeauftragte"},
            ],
        }
        g = Gremium(f"strategiegruppe-{l}", daten["name"], l, daten, mitglieder, 7)
        alle_themen = sorted({t for kg in self.gremien for t in kg.themen})
        g.themen = alle_themen
        g.adressaten = [mini, *verbaende] + [k["landkreis"] for k in kreise[:5]]
        g.ag_leitungen = [k["ib_kreis"] for k in kreise[:4]] + ministerium[1:2]
        g.ag_mitglieder = [*ministerium, *verband_p] + [k["ib_kreis"] for k in kreise[:6]]
        g.ag_organisationen = list(verbaende)
        g.ersatz = [gs, minister]
        g.geschaeftsstelle = f"Geschäftsstelle Netzwerk Integration {lname}"
        self.sitzungen_anlegen(g, gruendung, [f"Ministerium für Soziales und Integration {lname}", "online"])
        self.arbeitsgruppen(g, max(1, round(len(g.sitzungen) / 5)), l)
        self.gremien.append(g)
        for jahr in range(gruendung.year, STICHTAG.year + 1):
            tag = date(jahr, r.randint(4, 11), r.randint(1, 15))
            if tag > LETZTER_TAG or tag < gruendung:
                continue
            self.datei(
                "veranstaltung",
                f"netzwerktag-{l}-{jahr}",
                {
                    "titel": f"Netzwerktag Integration {lname} {jahr}",
                    "datum": tag.isoformat(),
                    "ort": f"Landeshaus {lname}",
                    "art": "netzwerkveranstaltung",
                    "veranstalter": [mini, *verbaende],
                    "teilnehmende_anzahl": r.randint(120, 260),
                    "teilnehmende_ca": True,
                    "programm": [
                        {"titel": "Grußwort", "art": "grusswort", "personen": [minister.id]},
                        {"titel": "Podiumsgespräch mit Mitgliedern der Strategiegruppe", "art": "podium", "personen": [m.person.id for m in mitglieder if m.aktiv(tag)][:5], "mitwirkende": ["Moderation: Redaktion Landesrundfunk"]},
                        {"titel": "Austausch und Vernetzung", "art": "austausch"},
                    ],
                    "beispiel": True,
                },
                str(jahr),
                veranstaltung=True,
            )
