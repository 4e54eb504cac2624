"""Hypothesis-Profile: `ci` (deterministisch, volle Beispielzahlen) und `dev` (schneller, lokal).

Gewählt über `HYPOTHESIS_PROFILE`; ohne Angabe gilt `ci`, sobald die Umgebungsvariable `CI`
gesetzt ist (so in `.ci/run` und auf GitHub/GitLab), sonst `dev`. Die Zahl der Beispiele steht
an jedem Test als `beispiele(n)`: `n` im Profil `ci`, ein Fünftel (mindestens 10) in `dev`.

Dasselbe gilt für die Eigenschaftstests ohne Hypothesis, die zufällige Änderungen Schritt für
Schritt gegen den Weg ohne Speicher vergleichen: `schritte(n)` ist `n` in `ci` und ein Drittel
(mindestens 4) in `dev`. Jede Prüfung und jeder Startwert bleibt; lokal laufen nur weniger
zufällige Schritte je Startwert, CI (`.ci/run`) läuft immer alle.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

PROFIL = os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev")

settings.register_profile(
    "ci", derandomize=True, database=None, deadline=None, print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("dev", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(PROFIL)


def beispiele(n: int) -> int:
    """Beispielzahl eines Eigenschaftstests im aktiven Profil."""
    return n if PROFIL == "ci" else max(10, n // 5)


def schritte(n: int) -> int:
    """Zahl der zufälligen Schritte eines Eigenschaftstests ohne Hypothesis im aktiven Profil."""
    return n if PROFIL == "ci" else max(4, n // 3)
