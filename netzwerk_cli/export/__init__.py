"""Veröffentlichung: was aus dem geprüften Bestand für die Öffentlichkeit und die Gremien entsteht
(statische Website, OParl 1.1, Kalender, Sitzungsunterlagen).

Alles hier läuft durch die Datenschutzschicht (`berichte.datenschutz`): private Personen nur mit
Sitz bzw. Rolle, Kontaktdaten nie, und ihre ids (aus dem Namen gebildet) erscheinen nirgends –
nicht in URLs, Dateinamen, Ankern, OParl-ids oder Kalender-UIDs; dafür `Datenschutz.pseudonym`.
"""
