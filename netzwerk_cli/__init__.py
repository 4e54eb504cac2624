"""netzwerk – Gremienarbeit von Integrationsnetzwerken als geprüfte YAML-Daten in Git."""

__version__ = "0.1.0"
