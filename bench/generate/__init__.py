"""Synthetisches, aber realistisches Datenrepository für Messungen erzeugen.

    python -m bench.generate --datensaetze N DIR [--fehler K] [--seed S] [--pruefen]

Erzeugt in DIR (neu oder leer) ein Datenrepository mit etwa N Datensatzdateien:
`netzwerk.yaml`; je Land ein Ministerium, drei kommunale Landesverbände und eine
Strategiegruppe mit den vier Sitzgruppen aus DOMAIN.md (genau 12 ordentliche Mitglieder);
je Landkreis Landratsamt, Ämter, Referate, Kreistagsfraktionen, Städte (einige Große
Kreisstädte) und Gemeinden, Personen mit Rollen, eine voll besetzte Steuerungsgruppe nach dem
Vorbild Konstanz, Sitzungen (2–3 je Jahr über bis zu 20 Jahre) mit Anwesenheit und
Tagesordnung, Arbeitsgruppen, ein Integrationskonzept, Veranstaltungen und Empfehlungen, deren
Verlauf alle Wächter des Lebenszyklus erfüllt. Bezugstag ist immer der 2026-11-21
(`netzwerk validate --stichtag 2026-11-21` meldet 0 Fehler und 0 Warnungen).

Etwa 250 Dateien je Landkreis, etwa 25 Landkreise je Land (höchstens 16 Länder): bei
N = 100 000 also 16 Länder und 400 Landkreise, bei kleinem N ein Land mit wenigen Kreisen.
Die Zahl der Empfehlungen füllt die Differenz zu N auf.

`--fehler K` baut K bekannte Fehler verschiedener Regeln in K verschiedene Dateien ein und
schreibt `DIR/.erwartet.json` (Liste von {datei, regel}); versteckte Dateien liest
`validate` nicht. `DIR/.bench.json` beschreibt das Repository für `bench.run` (Zahlen je Art,
eine Empfehlung im Entwurf für `empfehlung advance`, eine Datei für die Warm-Messung).

`--pruefen` prüft danach jeden geschriebenen Datensatz gegen sein JSON Schema (jsonschema,
Draft 2020-12 mit Formatprüfung) und liest jede Datei zurück: der YAML-Text muss genau die
erzeugten Daten ergeben.

Gleicher Seed, gleiches N, gleiches K: byteweise gleiche Dateien.

Module (nach Aufgabe getrennt):

- `texte`: deutsche Namen und Texte (Vornamen, Orte, Themenfelder, Maßnahmen …), `slug`
- `modell`: Stichtag und feste Größen, Bausteine (Datei, Person, Mitglied, Sitzung, AG, Gremium)
- `welt`: die erfundene Welt und ihr Ablauf, mit `netz` (Länder, Landkreise, Gremien),
  `sitzungen` (Sitzungen, Arbeitsgruppen) und `empfehlungen` (Lebenszyklus)
- `fehler`: die eingebauten Fehler für `--fehler K`
- `yamltext`: Datensatz → YAML-Text; jeder Skalar über `netzwerk_cli.quellen.textbearbeitung.skalar`
- `haupt`: Aufruf, Schreiben der Dateien, Selbstprüfung (`__main__` ruft `haupt.main`)
"""

from bench.generate.haupt import erzeuge, main
from bench.generate.modell import GENERATOR_VERSION, ORDNER, STICHTAG

__all__ = ["GENERATOR_VERSION", "ORDNER", "STICHTAG", "erzeuge", "main"]
