"""Darstellung von Ergebnissen (Text, JSON, GitHub-Annotationen). Nur hier wird gedruckt."""
