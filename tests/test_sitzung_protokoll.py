"""`netzwerk sitzung protokoll`: Anwesenheit und Beschlüsse erfassen, Sitzung „durchgefuehrt“ und
die dort entschiedenen Empfehlungen in derselben Änderung weiter – ein Commit, minimale Diffs,
jede Ablehnung lässt alle Dateien Byte für Byte gleich."""

from __future__ import annotations

import pytest
from aktionen_hilfen import abgelehnt, commits, ein_commit
from conftest import git
from empfehlung_hilfen import aenderungen, lies, schnappschuss, sitzung_anlegen

SITZUNG = "steuerungsgruppe-beispielkreis-2027-03-17"
DATEI = f"sitzungen/2027/{SITZUNG}.yaml"
EMPFEHLUNG = "empfehlungen/2026/2026-003.yaml"
STICHTAG = "2027-03-18"  # am Tag nach der Sitzung
ANWESEND = "paula-probe,otto-platzhalter,karl-exempel,jana-musterfrau,erika-beispiel,nina-neu,lisa-probe,felix-fiktiv,maria-muster"


def protokoll(*zusatz: str, anwesend: str = ANWESEND, stichtag: str = STICHTAG) -> list[str]:
    return ["sitzung", "protokoll", SITZUNG, "--anwesend", anwesend, "--stichtag", stichtag, *zusatz]


def test_angenommen_ein_commit_mit_sitzung_und_empfehlung(cli, git_beispiel, tmp_path):
    repo = git_beispiel
    alt_s = (repo / DATEI).read_text(encoding="utf-8")
    alt_e = (repo / EMPFEHLUNG).read_text(encoding="utf-8")
    ausgabe = ein_commit(
        cli, repo, tmp_path,
        protokoll("--entschuldigt", "tom-test", "--beschluss", "1:angenommen:8:0:1", "--beschluss", "2:zur_kenntnis_genommen"),
        [DATEI, EMPFEHLUNG], stichtag=STICHTAG,
    )
    assert f"sitzung {SITZUNG}: Protokoll (9 anwesend, 2 Beschlüsse)" in ausgabe
    weg, dazu = aenderungen(alt_s, (repo / DATEI).read_text(encoding="utf-8"))
    assert weg == ["status: geplant\n"]
    assert dazu == [
        "status: durchgefuehrt\n",
        "anwesend:\n",
        *[f"  - {p}\n" for p in ANWESEND.split(",")],
        "entschuldigt:\n",
        "  - tom-test\n",
        "    beschluss:\n",
        "      ergebnis: angenommen\n",
        "      abstimmung: {ja: 8, nein: 0, enthaltung: 1}\n",
        "    beschluss:\n",
        "      ergebnis: zur_kenntnis_genommen\n",
    ]
    assert (repo / DATEI).read_text(encoding="utf-8").startswith("# ERFUNDENES BEISPIEL")  # Kommentar bleibt
    weg, dazu = aenderungen(alt_e, (repo / EMPFEHLUNG).read_text(encoding="utf-8"))
    assert weg == ["status: eingereicht\n"]
    assert dazu == ["status: beschlossen\n", "  - status: beschlossen\n", "    datum: 2027-03-17\n", f"    sitzung: {SITZUNG}\n"]
    assert git(repo, "log", "-1", "--format=%(trailers:key=Empfehlungen,valueonly)").strip() == "2026-003 → beschlossen"
    assert git(repo, "log", "-1", "--format=%(trailers:key=Sitzung,valueonly)").strip() == SITZUNG


@pytest.mark.parametrize(
    ("beschluss", "status"),
    [("1:abgelehnt:2:6:1", "abgelehnt"), ("1:zurueckverwiesen", "entwurf")],
)
def test_abgelehnt_und_zurueckverwiesen(cli, git_beispiel, tmp_path, beschluss, status):
    ein_commit(cli, git_beispiel, tmp_path, protokoll("--beschluss", beschluss), [DATEI, EMPFEHLUNG], stichtag=STICHTAG)
    e = lies(git_beispiel / EMPFEHLUNG)
    assert e["status"] == status
    assert e["verlauf"][-1] == {"status": status, "datum": "2027-03-17", "sitzung": SITZUNG}
    assert lies(git_beispiel / DATEI)["tagesordnung"][0]["beschluss"]["ergebnis"] == beschluss.split(":")[1]


@pytest.mark.parametrize("ergebnis", ["vertagt", "zur_kenntnis_genommen"])
def test_ohne_entscheidung_bleibt_die_empfehlung(cli, git_beispiel, tmp_path, ergebnis):
    ein_commit(cli, git_beispiel, tmp_path, protokoll("--beschluss", f"1:{ergebnis}"), [DATEI], stichtag=STICHTAG)
    assert lies(git_beispiel / EMPFEHLUNG)["status"] == "eingereicht"


def test_dry_run_zeigt_beide_dateien_und_schreibt_nichts(cli, git_beispiel):
    vorher = schnappschuss(git_beispiel)
    r = cli(*protokoll("--beschluss", "1:angenommen", "--dry-run"), "--daten", git_beispiel)
    assert r.exit_code == 0, r.stderr
    assert f"--- a/{DATEI}\n+++ b/{DATEI}\n" in r.stdout and f"--- a/{EMPFEHLUNG}\n+++ b/{EMPFEHLUNG}\n" in r.stdout
    assert "+status: durchgefuehrt\n" in r.stdout and "+status: beschlossen\n" in r.stdout
    assert "(Probelauf: nichts geschrieben)" in r.stdout
    assert schnappschuss(git_beispiel) == vorher
    assert git(git_beispiel, "status", "--porcelain") == ""


def test_gaeste_person_oder_bezeichnung(cli, git_beispiel, tmp_path):
    ein_commit(
        cli, git_beispiel, tmp_path,
        protokoll("--gast", "bernd-beleg", "--gast", "Vertretung der Agentur für Arbeit"),
        [DATEI], stichtag=STICHTAG,
    )
    s = lies(git_beispiel / DATEI)
    # Gäste werden nicht als Personen geführt: Name, Organisation und Funktion aus dem Datensatz
    assert s["gaeste"] == [
        {"name": "Bernd Beleg", "organisation": "bildungswerk-beispielkreis", "funktion": "Fachbereichsleiter Sprache, Bildungswerk Beispielkreis e. V."},
        {"name": "Vertretung der Agentur für Arbeit"},
    ]
    assert s["status"] == "durchgefuehrt"


def test_hinweis_auf_nicht_erfasste_mitglieder(cli, git_beispiel):
    r = cli(*protokoll("--dry-run", anwesend="paula-probe,karl-exempel"), "--daten", git_beispiel)
    assert r.exit_code == 0, r.stderr
    assert "Weder anwesend noch entschuldigt erfasst: otto-platzhalter" in r.stderr


# --------------------------------------------------------------------------- Ablehnungen


def test_unbekannte_person_mit_vorschlag(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, protokoll(anwesend="paula-probe,tom-tst"), "--anwesend tom-tst: gibt es nicht", "meinten Sie „tom-test“?")
    abgelehnt(cli, git_beispiel, protokoll("--entschuldigt", "karl-exemple"), "meinten Sie „karl-exempel“?")


def test_nichtmitglied_als_anwesend(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, protokoll(anwesend="paula-probe,bernd-beleg"), "[sitzung-teilnahme]",
              "„bernd-beleg“ ist am 2027-03-17 kein Mitglied von „steuerungsgruppe-beispielkreis“", "--gast")


def test_mitglied_als_gast_und_doppelt(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, protokoll("--gast", "lisa-probe", anwesend="paula-probe"), "[sitzung-teilnahme]", "bitte unter --anwesend")
    abgelehnt(cli, git_beispiel, protokoll("--entschuldigt", "paula-probe", anwesend="paula-probe"), "[sitzung-teilnahme]",
              "„paula-probe“ steht unter --anwesend und --entschuldigt")


@pytest.mark.parametrize(
    ("beschluss", "meldung"),
    [
        ("1:angenommen:8:1:1", "10 Stimmen (ja 8, nein 1, Enthaltung 1) bei 9 Anwesenden"),
        ("1:angenommen:4:4:1", "„angenommen“, aber ja 4 ≤ nein 4"),
        ("1:abgelehnt:5:3:1", "„abgelehnt“, aber ja 5 > nein 3"),
    ],
)
def test_abstimmung_ungueltig(cli, git_beispiel, beschluss, meldung):
    abgelehnt(cli, git_beispiel, protokoll("--beschluss", beschluss), "[abstimmung-ungueltig]", meldung)


def test_sitzung_in_der_zukunft(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, protokoll("--beschluss", "1:angenommen", stichtag="2027-03-16"), "liegt nach dem Stichtag 2027-03-16")


def test_punkt_gibt_es_nicht(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, protokoll("--beschluss", "3:angenommen"), "hat 2 Tagesordnungspunkte; Punkt 3 gibt es nicht")


def test_schon_erfasst(cli, git_beispiel):
    sitzung = "steuerungsgruppe-beispielkreis-2026-10-14"
    abgelehnt(cli, git_beispiel, ["sitzung", "protokoll", sitzung, "--anwesend", "paula-probe", "--stichtag", STICHTAG],
              "hat schon eine Anwesenheitsliste")


def test_schon_beschlossener_punkt(cli, git_beispiel):
    pfad = git_beispiel / DATEI
    pfad.write_text(pfad.read_text(encoding="utf-8").replace(
        "      - ag-wohnraum-fuer-gefluechtete\n", "      - ag-wohnraum-fuer-gefluechtete\n    beschluss: {ergebnis: vertagt}\n"
    ), encoding="utf-8")
    git(git_beispiel, "commit", "-qam", "vorab")
    abgelehnt(cli, git_beispiel, protokoll("--beschluss", "2:angenommen"), "hat schon einen Beschluss (vertagt)")


def test_waechter_der_empfehlung(cli, git_beispiel):
    """Der Wächter `entscheidungssitzung` des Lebenszyklus gilt: ohne entscheidendes Gremium kein
    Beschluss – die Ablehnung lässt auch die Sitzung unverändert."""
    pfad = git_beispiel / EMPFEHLUNG
    pfad.write_text(pfad.read_text(encoding="utf-8").replace("entscheidungsgremium: steuerungsgruppe-beispielkreis\n", ""), encoding="utf-8")
    git(git_beispiel, "commit", "-qam", "ohne Gremium")
    abgelehnt(cli, git_beispiel, protokoll("--beschluss", "1:angenommen"),
              "Schritt „eingereicht“ → „beschlossen“ für „2026-003“ abgelehnt", "fehlt das entscheidende Gremium")


def test_sitzung_vor_der_einreichung(cli, git_beispiel):
    sid = "steuerungsgruppe-beispielkreis-2026-11-01"
    sitzung_anlegen(git_beispiel, sid, "2026-11-01", ["2026-003"], status="geplant")
    git(git_beispiel, "add", "-A")
    git(git_beispiel, "commit", "-qm", "Sitzung")
    abgelehnt(cli, git_beispiel, ["sitzung", "protokoll", sid, "--anwesend", ANWESEND, "--beschluss", "1:angenommen", "--stichtag", STICHTAG],
              "liegt vor dem letzten Verlaufseintrag (2026-11-02)")


def test_empfehlung_nicht_eingereicht(cli, git_beispiel):
    sid = "steuerungsgruppe-beispielkreis-2026-11-20"
    sitzung_anlegen(git_beispiel, sid, "2026-11-20", ["2025-001"], status="geplant")
    git(git_beispiel, "add", "-A")
    git(git_beispiel, "commit", "-qm", "Sitzung")
    abgelehnt(cli, git_beispiel, ["sitzung", "protokoll", sid, "--anwesend", ANWESEND, "--beschluss", "1:angenommen", "--stichtag", STICHTAG],
              "Empfehlung „2025-001“ ist „in_umsetzung“", "setzt „eingereicht“ voraus")


@pytest.mark.parametrize("beschluss", ["1:angenommn", "1", "0:angenommen", "1:angenommen:1:2", "1:angenommen:a:0:0"])
def test_aufruffehler(cli, git_beispiel, beschluss):
    vorher = schnappschuss(git_beispiel)
    r = cli(*protokoll("--beschluss", beschluss), "--daten", git_beispiel)
    assert r.exit_code == 2, (r.stdout, r.stderr)
    assert "--beschluss" in r.stderr and "Traceback" not in r.stderr
    assert schnappschuss(git_beispiel) == vorher


def test_commit_nur_ohne_fremde_aenderung_der_sitzung(cli, git_beispiel):
    """Hat die Sitzungsdatei nicht committete Änderungen, lehnt --commit ab (nichts geschrieben)."""
    pfad = git_beispiel / DATEI
    pfad.write_text(pfad.read_text(encoding="utf-8") + "# Notiz\n", encoding="utf-8")
    vorher, stand = commits(git_beispiel), schnappschuss(git_beispiel)
    r = cli(*protokoll("--beschluss", "1:angenommen", "--commit"), "--daten", git_beispiel)
    assert r.exit_code == 1 and "nicht committete Änderungen" in r.stderr
    assert commits(git_beispiel) == vorher and schnappschuss(git_beispiel) == stand


def test_validate_findet_widerspruch_zurueckverwiesen(cli, git_beispiel, tmp_path):
    """Der Wächter vergleicht auch „zurueckverwiesen“ mit dem Verlauf: von Hand auf „angenommen“
    geändert, widerspricht die Sitzung dem Schritt nach „entwurf“ (verlauf-ungueltig)."""
    ein_commit(cli, git_beispiel, tmp_path, protokoll("--beschluss", "1:zurueckverwiesen"), [DATEI, EMPFEHLUNG], stichtag=STICHTAG)
    pfad = git_beispiel / DATEI
    pfad.write_text(pfad.read_text(encoding="utf-8").replace("ergebnis: zurueckverwiesen", "ergebnis: angenommen"), encoding="utf-8")
    r = cli("validate", "--daten", git_beispiel, "--stichtag", STICHTAG)
    assert r.exit_code == 1
    assert "[verlauf-ungueltig]" in r.stdout and "wurde die Empfehlung angenommen, der Verlauf sagt „entwurf“" in r.stdout
