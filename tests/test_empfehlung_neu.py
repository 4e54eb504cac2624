"""`netzwerk empfehlung new`: id `JAHR-NNN` nach der höchsten Nummer des Jahres, Datei im
Jahresordner, gültiger Datensatz, Ablehnungen, gleichzeitiges Anlegen."""

from __future__ import annotations

import shutil

import pytest
from empfehlung_hilfen import AG, GREMIUM, fehler_fuer, lies, schnappschuss

TEXT = "Das Amt richtet eine wöchentliche Sprechstunde zur Wohnungssuche ein."


def neu(cli, wurzel, *args):
    return cli("empfehlung", "new", "--daten", wurzel, *args)


def _neue_dateien(vorher: dict, nachher: dict) -> list[str]:
    assert all(nachher.get(k) == v for k, v in vorher.items()), "bestehende Dateien geändert"
    return sorted(set(nachher) - set(vorher))


def test_legt_naechste_id_im_jahresordner_an(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = neu(cli, beispiel, "--titel", "Sprechstunde Wohnen", "--text", TEXT, "--arbeitsgruppe", AG, "--datum", "2026-11-05", "--durch", "Felix Fiktiv (AG-Leitung)")
    assert r.exit_code == 0, r.stderr
    # Beispieldaten haben 2026-001 … 2026-003
    assert _neue_dateien(vorher, schnappschuss(beispiel)) == ["empfehlungen/2026/2026-004.yaml"]
    assert "empfehlung 2026-004: neu (entwurf)  (empfehlungen/2026/2026-004.yaml)" in r.stdout
    pfad = beispiel / "empfehlungen/2026/2026-004.yaml"
    assert pfad.read_text(encoding="utf-8") == (
        "# Handlungsempfehlung 2026-004\n"
        "titel: Sprechstunde Wohnen\n"
        f"text: {TEXT}\n"
        f"arbeitsgruppe: {AG}\n"
        f"entscheidungsgremium: {GREMIUM}\n"  # das Gremium, das die AG eingesetzt hat
        "status: entwurf\n"
        "verlauf:\n"
        "  - status: entwurf\n"
        "    datum: 2026-11-05\n"
        "    durch: Felix Fiktiv (AG-Leitung)\n"
    )
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-004.yaml") == []


def test_id_nach_der_hoechsten_nummer_auch_ausser_der_reihe(cli, beispiel):
    """2026-001 … 2026-003 und 2026-007 (in einem anderen Ordner) gibt es → 2026-008, nicht 2026-004."""
    ziel = beispiel / "empfehlungen/archiv/2026-007.yaml"
    ziel.parent.mkdir()
    shutil.copy(beispiel / "empfehlungen/2026/2026-002.yaml", ziel)
    # andere ids (nicht JAHR-NNN) und andere Jahre zählen nicht
    shutil.copy(beispiel / "empfehlungen/2026/2026-002.yaml", beispiel / "empfehlungen/2026/wohnen-2026-999.yaml")
    shutil.copy(beispiel / "empfehlungen/2026/2026-002.yaml", beispiel / "empfehlungen/2026/2027-050.yaml")
    vorher = schnappschuss(beispiel)
    r = neu(cli, beispiel, "--titel", "Noch eine", "--arbeitsgruppe", AG, "--datum", "2026-11-20", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert _neue_dateien(vorher, schnappschuss(beispiel)) == ["empfehlungen/2026/2026-008.yaml"]
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-008.yaml") == []


def test_neues_jahr_beginnt_bei_001_in_neuem_ordner(cli, beispiel):
    vorher = schnappschuss(beispiel)
    # ein Jahr ohne Ordner; in der Vergangenheit, denn ein Verlaufsschritt nach dem Stichtag ist ein Fehler (verlauf-zukunft)
    r = neu(cli, beispiel, "--titel", "Aus einem früheren Jahr", "--text", TEXT, "--arbeitsgruppe", AG, "--datum", "2022-01-05", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert _neue_dateien(vorher, schnappschuss(beispiel)) == ["empfehlungen/2022/2022-001.yaml"]
    assert fehler_fuer(beispiel, "empfehlungen/2022/2022-001.yaml", "2022-01-05") == []


def test_mehr_als_999_im_jahr(cli, beispiel):
    shutil.copy(beispiel / "empfehlungen/2026/2026-002.yaml", beispiel / "empfehlungen/2026/2026-999.yaml")
    r = neu(cli, beispiel, "--titel", "Nummer tausend", "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert (beispiel / "empfehlungen/2026/2026-1000.yaml").is_file()
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-1000.yaml") == []


def test_zwei_nacheinander_bekommen_verschiedene_ids(cli, beispiel):
    for erwartet in ("2026-004", "2026-005"):
        r = neu(cli, beispiel, "--titel", f"Empfehlung {erwartet}", "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X")
        assert r.exit_code == 0, r.stderr
        assert lies(beispiel / f"empfehlungen/2026/{erwartet}.yaml")["titel"] == f"Empfehlung {erwartet}"


def test_herkunft_gremium_entscheidet_selbst(cli, beispiel):
    r = neu(cli, beispiel, "--titel", "Aus dem Gremium", "--gremium", GREMIUM, "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    daten = lies(beispiel / "empfehlungen/2026/2026-004.yaml")
    assert daten["gremium"] == GREMIUM
    assert "arbeitsgruppe" not in daten
    assert daten["entscheidungsgremium"] == GREMIUM
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-004.yaml") == []


def test_entscheidungsgremium_abweichend(cli, beispiel):
    r = neu(cli, beispiel, "--titel", "An die Strategiegruppe", "--arbeitsgruppe", AG, "--entscheidungsgremium", "strategiegruppe", "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert lies(beispiel / "empfehlungen/2026/2026-004.yaml")["entscheidungsgremium"] == "strategiegruppe"


@pytest.mark.parametrize(
    ("titel", "text"),
    [
        ("Beispiel: Titel mit Doppelpunkt", 'Text mit "Anführungszeichen", # Raute und: Doppelpunkt'),
        ("ja", "123"),  # YAML-1.1-Fallen bleiben Text
        ("  Titel mit Leerraum  ", "Erste Zeile\n\nZweite Zeile nach Leerzeile\n  eingerückt\n"),
        ("Tab\tim Titel", "Zeile mit Leerzeichen am Ende \nund\tTabulator"),
    ],
    ids=["sonderzeichen", "yaml-fallen", "mehrzeilig", "tabulatoren"],
)
def test_titel_und_text_kommen_unveraendert_zurueck(cli, beispiel, titel, text):
    r = neu(cli, beispiel, "--titel", titel, "--text", text, "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    daten = lies(beispiel / "empfehlungen/2026/2026-004.yaml")
    assert daten["titel"] == titel.strip()
    assert daten["text"] == text.strip()
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-004.yaml") == []


def test_mehrzeiliger_text_als_literalblock(cli, beispiel):
    r = neu(cli, beispiel, "--titel", "Mehrzeilig", "--text", "Erstens.\nZweitens.", "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert "text: |-\n  Erstens.\n  Zweitens.\n" in (beispiel / "empfehlungen/2026/2026-004.yaml").read_text(encoding="utf-8")


def test_neu_und_danach_einreichen(cli, beispiel):
    r = neu(cli, beispiel, "--titel", "Einreichen", "--text", TEXT, "--arbeitsgruppe", AG, "--datum", "2026-11-05", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    r = cli("empfehlung", "advance", "2026-004", "--daten", beispiel, "--datum", "2026-11-06", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert lies(beispiel / "empfehlungen/2026/2026-004.yaml")["status"] == "eingereicht"
    assert fehler_fuer(beispiel, "empfehlungen/2026/2026-004.yaml") == []


def test_neu_ohne_text_kann_nicht_eingereicht_werden(cli, beispiel):
    assert neu(cli, beispiel, "--titel", "Nur Idee", "--arbeitsgruppe", AG, "--datum", "2026-11-05", "--durch", "X").exit_code == 0
    vorher = schnappschuss(beispiel)
    r = cli("empfehlung", "advance", "2026-004", "--daten", beispiel, "--datum", "2026-11-06", "--durch", "X")
    assert r.exit_code == 1
    assert "fehlt der Text der Empfehlung" in r.stderr
    assert schnappschuss(beispiel) == vorher


@pytest.mark.parametrize(
    ("args", "code", "meldung"),
    [
        (["--arbeitsgruppe", "ag-gibt-es-nicht"], 1, "Arbeitsgruppe „ag-gibt-es-nicht“ gibt es nicht in arbeitsgruppen/"),
        (["--gremium", "gremium-gibt-es-nicht"], 1, "Gremium „gremium-gibt-es-nicht“ gibt es nicht in gremien/"),
        (["--arbeitsgruppe", AG, "--entscheidungsgremium", "gibt-es-nicht"], 1, "Gremium „gibt-es-nicht“ gibt es nicht in gremien/"),
        (["--arbeitsgruppe", AG, "--gremium", GREMIUM], 2, "bitte genau eine Herkunft angeben: --arbeitsgruppe A oder --gremium G"),
        ([], 2, "bitte genau eine Herkunft angeben"),
        (["--arbeitsgruppe", AG, "--datum", "2026-13-01"], 2, "„2026-13-01“ ist kein gültiges Datum"),
    ],
    ids=["ag-unbekannt", "gremium-unbekannt", "entscheidungsgremium-unbekannt", "zwei-herkuenfte", "keine-herkunft", "datum-ungueltig"],
)
def test_ablehnungen_legen_nichts_an(cli, beispiel, args, code, meldung):
    vorher = schnappschuss(beispiel)
    r = neu(cli, beispiel, "--titel", "Abgelehnt", "--durch", "X", *args)
    assert r.exit_code == code
    assert meldung in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_leerer_titel(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = neu(cli, beispiel, "--titel", "   ", "--arbeitsgruppe", AG, "--durch", "X")
    assert r.exit_code == 2
    assert "--titel darf nicht leer sein" in r.stderr
    assert schnappschuss(beispiel) == vorher


def test_dry_run(cli, beispiel):
    vorher = schnappschuss(beispiel)
    r = neu(cli, beispiel, "--titel", "Probe", "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("--- /dev/null\n+++ b/empfehlungen/2026/2026-004.yaml\n@@ -0,0 +1,")
    assert "+titel: Probe\n" in r.stdout and "+status: entwurf\n" in r.stdout
    assert r.stdout.endswith("(Probelauf: nichts geschrieben)\n")
    assert schnappschuss(beispiel) == vorher


def test_gleichzeitig_angelegt_nimmt_die_naechste_nummer(cli, beispiel, monkeypatch):
    """Legt ein anderer Vorgang 2026-004 an, nachdem `new` die Nummer gewählt hat, aber bevor es
    schreibt, wird die Datei nicht überschrieben: `new` nimmt 2026-005."""
    from netzwerk_cli.aktionen import empfehlungen

    original = empfehlungen.schreibe
    fremd = b"# vom anderen Vorgang\n"
    aufrufe = []

    def schreibe_mit_zwischenfunk(plan):
        aufrufe.append(plan.id)
        if len(aufrufe) == 1:
            plan.pfad.parent.mkdir(parents=True, exist_ok=True)
            plan.pfad.write_bytes(fremd)  # der andere war schneller
        return original(plan)

    monkeypatch.setattr(empfehlungen, "schreibe", schreibe_mit_zwischenfunk)
    r = neu(cli, beispiel, "--titel", "Wettlauf", "--arbeitsgruppe", AG, "--datum", "2026-12-01", "--durch", "X")
    assert r.exit_code == 0, r.stderr
    assert aufrufe == ["2026-004", "2026-005"]
    assert (beispiel / "empfehlungen/2026/2026-004.yaml").read_bytes() == fremd
    assert lies(beispiel / "empfehlungen/2026/2026-005.yaml")["titel"] == "Wettlauf"
    assert "empfehlung 2026-005: neu (entwurf)" in r.stdout


@pytest.mark.parametrize(
    ("ag", "datum", "hinweis"),
    [
        ("ag-sprachkurse-mit-kinderbetreuung", "2026-11-21", "ist seit dem 15.11.2023 abgeschlossen"),
        ("ag-huerdenabbau-in-der-verwaltung", "2026-11-21", "ist abgeschlossen"),
        ("ag-sprachkurse-mit-kinderbetreuung", "2023-11-14", None),  # am Tag davor lief sie noch
        ("ag-wohnraum-fuer-gefluechtete", "2026-11-21", None),
    ],
)
def test_hinweis_bei_abgeschlossener_ag(cli, beispiel, ag, datum, hinweis):
    """NEWCOMER-FINDINGS: eine Empfehlung aus einer längst abgeschlossenen AG ist meist eine
    vertauschte Herkunft – ein Hinweis, keine Ablehnung; angelegt wird trotzdem."""
    r = cli("empfehlung", "new", "--titel", "Prüfen", "--arbeitsgruppe", ag, "--datum", datum, "--daten", beispiel)
    assert r.exit_code == 0, r.output
    if hinweis:
        assert f"{hinweis}; eine neue Empfehlung aus ihr ist ungewöhnlich" in r.output
    else:
        assert "ungewöhnlich" not in r.output
