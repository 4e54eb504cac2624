"""Deutsche Namen und Texte der Messdaten: Vornamen, Nachnamen, Ortsnamen-Bausteine, Länder,
Fraktionen, Ämter, Themenfelder mit Maßnahmen und Umsetzungsberichte, dazu `slug` für ids.

Alles erfunden; Zufall zieht nur `welt` (hier liegt kein Zustand).
"""

from __future__ import annotations

import re

VORNAMEN = (
    "Anna Berta Clara Doris Elena Frieda Greta Hanna Ida Julia Katrin Lena Mara Nora Olga Paula "
    "Rita Sara Tanja Ulla Vera Wiebke Yasemin Zeynep Amira Bettina Carla Dana Esra Fatma Gül Heike "
    "Ines Jana Leyla Miriam Nadine Petra Sabine Svenja Adam Bernd Carlos Daniel Emil Felix Georg "
    "Hakan Ivan Jonas Karl Lukas Malte Niklas Oskar Peter Rainer Stefan Tobias Uwe Volker Walter "
    "Yusuf Ahmet Boris Christoph Dirk Erik Frank Gregor Holger Jan Klaus Lars Mehmet Omar Philipp "
    "Ralf Sven Thomas Timo"
).split()
NACHNAMEN = (
    "Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter Klein "
    "Wolf Schröder Neumann Schwarz Braun Zimmermann Krüger Hofmann Hartmann Lange Schmitt Werner "
    "Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser Fuchs "
    "Peters Lang Scholz Möller Weiß Jung Hahn Vogel Friedrich Keller Günther Frank Berger Winkler "
    "Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher "
    "Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Dietrich "
    "Ziegler Kuhn Pohl Engel Horn Busch Bergmann Thomas Voigt Sauer Arnold Wolff Pfeiffer Yılmaz "
    "Kaya Demir Şahin Nowak Kowalski Petrović Haddad"
).split()
ORT_VORSILBEN = ("", "", "", "", "Ober", "Unter", "Nieder", "Neu", "Alt", "Groß", "Klein", "Hohen")
ORT_STAEMME = (
    "Bach Berg Brunn Buch Eich Fels Hasel Linden Mühl Rosen Schön Stein Tann Wald Weiden Wolfs Au "
    "Birken Erlen Sonnen Kirch Lauter Weiß Roth Blau Grün Kalten Hagen Eschen Ahorn Buchen Dorn "
    "Eber Falken Gold Hirsch Kessel Kranich Lerchen Marien Nuss Otter Quell Raben Sand Tauben "
    "Ulmen Wiesen Zell Frei Kron"
).split()
ORT_ENDUNGEN = (
    "bach berg feld hausen heim ingen dorf stadt au weiler hofen tal furt burg stetten wangen brunn "
    "horn reuth rode"
).split()
LAENDER = (
    "Nordmark", "Südland", "Westerau", "Osterheide", "Mittelgau", "Seeland", "Bergwald", "Flussland",
    "Hochebene", "Küstenland", "Rheintal", "Heidegau", "Waldmark", "Auenland", "Talgau", "Grenzmark",
)
FRAKTIONEN = ("CDU", "Grüne", "SPD", "Freie Wähler", "FDP", "Linke", "ÖDP")
AEMTER = (
    ("amt-fuer-migration-und-integration", "Amt für Migration und Integration", "amt"),
    ("ordnungsamt", "Ordnungsamt", "amt"),
    ("jugendamt", "Jugendamt", "amt"),
    ("sozialplanung", "Sozialplanung", "amt"),
    ("jobcenter", "Jobcenter", "jobcenter"),
)
THEMENFELDER = (
    ("sprache", "Sprache und Bildung"),
    ("arbeit", "Arbeit und Ausbildung"),
    ("wohnen", "Wohnen"),
    ("gesundheit", "Gesundheit"),
    ("fruehe-bildung", "Frühe Bildung und Kita"),
    ("schule", "Schule und Übergang in den Beruf"),
    ("teilhabe", "Gesellschaftliche Teilhabe"),
    ("ehrenamt", "Ehrenamt und Engagement"),
    ("antidiskriminierung", "Antidiskriminierung"),
    ("frauen", "Empowerment von Frauen"),
    ("demokratie", "Demokratiebildung und politische Partizipation"),
    ("verwaltung", "Interkulturelle Öffnung der Verwaltung"),
)
THEMA_NAME = dict(THEMENFELDER)
QUERSCHNITT = (("beteiligung", "Beteiligung"), ("digitalisierung", "Digitalisierung"), ("gleichstellung", "Gleichstellung"))
MASSNAHMEN = {
    "sprache": (
        ("Kinderbetreuung parallel zu Integrationskursen", "an den größten Kursorten eine Kinderbetreuung parallel zu den Integrationskursen einzurichten"),
        ("Sprachcafés in den Gemeinden", "in jeder Gemeinde ein wöchentliches Sprachcafé mit Ehrenamtlichen anzubieten"),
        ("Berufsbezogene Sprachkurse am Abend", "berufsbezogene Sprachkurse auch abends und am Wochenende anzubieten"),
    ),
    "arbeit": (
        ("Anerkennungsberatung im Jobcenter", "eine regelmäßige Sprechstunde zur Anerkennung ausländischer Berufsabschlüsse im Jobcenter einzurichten"),
        ("Praktikumsbörse für Geflüchtete", "gemeinsam mit Handwerk und Handel eine Praktikumsbörse aufzubauen"),
        ("Ausbildungslotsen für junge Zugewanderte", "Ausbildungslotsinnen und Ausbildungslotsen für junge Zugewanderte zu finanzieren"),
    ),
    "wohnen": (
        ("Wohnraumbörse für Geflüchtete", "eine Wohnraumbörse für Geflüchtete und Vermietende aufzubauen"),
        ("Bürgschaften für Mietkautionen", "kommunale Bürgschaften für Mietkautionen zu übernehmen"),
        ("Beratungsstelle Wohnen", "eine wöchentliche Sprechstunde zur Wohnungssuche einzurichten"),
    ),
    "gesundheit": (
        ("Sprachmittlung bei Arztbesuchen", "einen Pool von Sprachmittlerinnen und Sprachmittlern für Arztbesuche aufzubauen"),
        ("Psychosoziale Beratung ausbauen", "die psychosoziale Beratung für Geflüchtete um eine halbe Stelle auszubauen"),
    ),
    "fruehe-bildung": (
        ("Brückenangebote für Kinder ohne Kitaplatz", "Brückenangebote für Kinder ohne Kitaplatz auszubauen"),
        ("Elterncafés in Kitas", "in Kitas mit vielen mehrsprachigen Familien Elterncafés einzurichten"),
    ),
    "schule": (
        ("Übergangsbegleitung Schule und Beruf", "eine Übergangsbegleitung für Jugendliche in Vorbereitungsklassen einzuführen"),
        ("Hausaufgabenhilfe mit Ehrenamtlichen", "eine Hausaufgabenhilfe mit Ehrenamtlichen an allen weiterführenden Schulen anzubieten"),
    ),
    "teilhabe": (
        ("Mehrsprachige Willkommensmappe", "neu Zugezogenen eine mehrsprachige Willkommensmappe mit den wichtigsten Anlaufstellen auszugeben"),
        ("Vereinslotsen", "Vereinslotsinnen und Vereinslotsen zu gewinnen, die Zugewanderte in Sport- und Kulturvereine begleiten"),
    ),
    "ehrenamt": (
        ("Fortbildungen für Ehrenamtliche", "jährlich vier Fortbildungen für Ehrenamtliche in der Flüchtlingsarbeit anzubieten"),
        ("Anerkennungskultur im Ehrenamt", "einen jährlichen Empfang für Ehrenamtliche in der Integrationsarbeit auszurichten"),
    ),
    "antidiskriminierung": (
        ("Antidiskriminierungsberatung", "eine unabhängige Antidiskriminierungsberatung mit festen Sprechzeiten einzurichten"),
        ("Meldestelle für Diskriminierung", "eine niedrigschwellige Meldestelle für Diskriminierungserfahrungen einzurichten"),
    ),
    "frauen": (
        ("Mentoringprogramm für Frauen", "ein Mentoringprogramm für Frauen mit Flucht- und Einwanderungsgeschichte aufzulegen"),
        ("Frauenkurse mit Kinderbetreuung", "Sprach- und Orientierungskurse für Frauen mit Kinderbetreuung anzubieten"),
    ),
    "demokratie": (
        ("Integrationsbeirat einrichten", "einen Integrationsbeirat mit gewählten Vertreterinnen und Vertretern einzurichten"),
        ("Politische Bildung in Integrationskursen", "Besuche im Kreistag und in den Gemeinderäten in die Orientierungskurse aufzunehmen"),
    ),
    "verwaltung": (
        ("Mehrsprachige Terminvergabe", "die Online-Terminvergabe der Ausländerbehörde zusätzlich in drei Sprachen anzubieten"),
        ("Interkulturelle Schulungen", "alle Beschäftigten mit Publikumsverkehr interkulturell zu schulen"),
    ),
}
BERICHTE = {
    "offen": "Die Umsetzung wird vorbereitet; erste Abstimmungsgespräche haben stattgefunden.",
    "teilweise": "Die Maßnahme ist in Teilen umgesetzt; die weiteren Schritte sind für das kommende Halbjahr geplant.",
    "vollstaendig": "Die Maßnahme ist vollständig umgesetzt und wird im Regelbetrieb fortgeführt.",
    "abgelehnt": "Die Umsetzung wurde mangels Haushaltsmitteln abgelehnt.",
}


def slug(text: str) -> str:
    t = text.lower()
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i"), ("ş", "s"), ("ć", "c"), ("é", "e")):
        t = t.replace(a, b)
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-")
