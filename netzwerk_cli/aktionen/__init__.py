"""Ändernde Aktionen: je Nomen ein Modul (personen, organisationen, gremien, sitzungen,
arbeitsgruppen), alle auf dem gemeinsamen Schreibweg `schreibvorgang` (planen → im Speicher
prüfen → atomar schreiben → committen). Reine Funktionen: sie liefern einen `Vorgang`, keine
Ausgabe."""
