"""Personen anonymisieren (Löschersuchen nach Datenschutzrecht): `netzwerk person anonymisieren ID`.

Reine Funktionen, die Daten liefern; geschrieben wird erst mit `ausfuehren.ausfuehren(plan)`:

* `plan.py`: `plane(...)` baut den neuen Personendatensatz, stellt jeden Verweis auf die alte id
  um und prüft den vollständigen neuen Stand im Speicher mit allen Prüfungen von `validate`.
* `fundstellen.py`: wo der alte Name, die alte id oder Kontaktdaten noch im Arbeitsbaum stehen
  (`Suchbegriffe`), und `geschichte(plan)`: die Git-Commits, deren Geschichte den alten Namen
  noch enthält.
* `ausfuehren.py`: `ausfuehren(plan)` schreibt in einer festen, wiederaufnehmbaren Reihenfolge;
  `commit_vorpruefen`/`committen` über den gemeinsamen Schreibweg.

Dieses Paket reicht keine Namen weiter: Aufrufer importieren aus den Modulen.

Datenschutz: Der Plan kennt Name und Kontaktdaten (zum Suchen und Schwärzen), gibt sie aber
nie heraus; alles, was Renderer lesen, ist frei davon (Diffs und Commit-Betreffe geschwärzt).
Einzelheiten und Begründungen: docs/DATENSCHUTZ.md.
"""
