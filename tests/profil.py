"""Hypothesis-Profile: `ci` (deterministisch, volle Beispielzahlen) und `dev` (schneller, lokal).

Gewählt über `HYPOTHESIS_PROFILE`; ohne Angabe gilt `ci`, sobald die Umgebungsvariable `CI`
gesetzt ist (so in `.ci/run` und auf GitHub/GitLab), sonst `dev`. Die Zahl der Beispiele steht
an jedem Test als `beispiele(n)`: `n` im Profil `ci`, ein Fünftel (mindestens 10) in `dev`.
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
