"""Berichte als Daten: `status`, `gremium show`, Tagesordnungsentwurf, Netzwerkdiagramm.

Die Funktionen hier lesen einen geprüften Bestand und liefern Daten (dicts und
Dataclasses), die `ausgabe/` darstellt; sie drucken nie. Was über Personen in einen
Bericht gelangt, entscheidet allein `datenschutz.py`.
"""
