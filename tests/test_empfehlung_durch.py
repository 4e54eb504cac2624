"""Wer einen Verlaufsschritt verantwortet (`durch`): `--durch` > NETZWERK_DURCH >
`einstellungen.durch` in netzwerk.yaml > kein Feld. Nie Gits user.name (ein privater Name
gehört nicht ungefragt in die Daten; den Autor nennt der Commit)."""

from __future__ import annotations

import pytest
from conftest import STICHTAG, git
from empfehlung_hilfen import AG, fehler_fuer, lies

NEU = "empfehlungen/2026/2026-004.yaml"


def _einstellung(wurzel, wert: str) -> None:
    pfad = wurzel / "netzwerk.yaml"
    text = pfad.read_text(encoding="utf-8")
    alt = "  wiedervorlage_monate: 12\n"
    assert alt in text
    pfad.write_text(text.replace(alt, alt + f"  durch: {wert}\n"), encoding="utf-8")


def _neu(cli, wurzel, *args):
    r = cli("empfehlung", "new", "--daten", wurzel, "--titel", "Sprechstunde", "--text", "Eine Sprechstunde im Amt.", "--arbeitsgruppe", AG, "--datum", "2026-11-05", *args)
    assert r.exit_code == 0, r.stdout + r.stderr
    return lies(wurzel / NEU)["verlauf"]


def test_ohne_angabe_kein_git_name(cli, git_beispiel):
    git(git_beispiel, "config", "user.name", "Petra Privat")
    verlauf = _neu(cli, git_beispiel, "--commit")
    assert "durch" not in verlauf[0]
    assert "Petra Privat" not in (git_beispiel / NEU).read_text(encoding="utf-8")
    # der Commit nennt den Autor weiterhin
    assert git(git_beispiel, "log", "-1", "--format=%an").strip() == "Test Koordination"


def test_einstellung_in_netzwerk_yaml(cli, git_beispiel):
    _einstellung(git_beispiel, "Geschäftsstelle Integration")
    git(git_beispiel, "commit", "-qam", "durch einstellen")
    verlauf = _neu(cli, git_beispiel, "--commit")
    assert verlauf[0]["durch"] == "Geschäftsstelle Integration"
    r = cli("empfehlung", "advance", "2026-004", "--daten", git_beispiel, "--datum", "2026-11-06", "--commit")
    assert r.exit_code == 0, r.stdout + r.stderr
    assert [v.get("durch") for v in lies(git_beispiel / NEU)["verlauf"]] == ["Geschäftsstelle Integration"] * 2
    assert fehler_fuer(git_beispiel, "netzwerk.yaml") == []
    assert fehler_fuer(git_beispiel, NEU) == []


@pytest.mark.parametrize(
    ("umgebung", "option", "erwartet"),
    [
        (None, None, "Geschäftsstelle"),
        ("Büro Integration", None, "Büro Integration"),
        ("Büro Integration", "AG-Leitung", "AG-Leitung"),
        (None, "AG-Leitung", "AG-Leitung"),
    ],
)
def test_reihenfolge(cli, beispiel, monkeypatch, umgebung, option, erwartet):
    _einstellung(beispiel, "Geschäftsstelle")
    if umgebung:
        monkeypatch.setenv("NETZWERK_DURCH", umgebung)
    verlauf = _neu(cli, beispiel, *(["--durch", option] if option else []))
    assert verlauf[0]["durch"] == erwartet


def test_leere_umgebungsvariable_zaehlt_nicht(cli, beispiel, monkeypatch):
    _einstellung(beispiel, "Geschäftsstelle")
    monkeypatch.setenv("NETZWERK_DURCH", "")
    assert _neu(cli, beispiel)[0]["durch"] == "Geschäftsstelle"


def test_ungueltige_einstellung_wird_gemeldet_und_nicht_genutzt(cli, beispiel):
    _einstellung(beispiel, '""')  # leerer Text: Schemafehler (kurztext, minLength 1)
    r = cli("validate", "--daten", beispiel, "--stichtag", STICHTAG, "--format", "json")
    assert r.exit_code == 1
    assert '"datei": "netzwerk.yaml"' in r.stdout and "einstellungen.durch" in r.stdout
    assert "durch" not in _neu(cli, beispiel)[0]


def test_hilfe_nennt_die_reihenfolge(cli):
    hilfe = " ".join(cli("empfehlung", "advance", "--help").stdout.split())
    assert "einstellungen.durch in netzwerk.yaml" in hilfe
    assert "NETZWERK_DURCH" in hilfe
    assert "user.name" not in hilfe
