"""Messungen für Issue 6: synthetische Datenrepositorys erzeugen (`bench.generate`) und die
Laufzeiten von `netzwerk` dagegen messen (`bench.run`). Gehört nicht zum Paket `netzwerk_cli`."""
