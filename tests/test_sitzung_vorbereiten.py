"""`netzwerk sitzung vorbereiten GREMIUM --datum D [--ort O]`: geplante Sitzung mit Entwurf
der Tagesordnung; die Datei besteht die Prüfung; vorhandene Dateien und unbekannte Gremien
werden abgelehnt, ohne dass etwas geschrieben wird."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from berichte_hilfen import GREMIUM, baue_testrepo, flach
from conftest import BEISPIEL

STRATEGIE = "sitzungen/2027/strategiegruppe-2027-02-10.yaml"
BEISPIELKREIS = "sitzungen/2027/steuerungsgruppe-beispielkreis-2027-07-14.yaml"


def dateien(wurzel: Path) -> dict[str, bytes]:
    return {p.relative_to(wurzel).as_posix(): p.read_bytes() for p in sorted(wurzel.rglob("*")) if p.is_file()}


def befunde_zu(cli, wurzel: Path, datei: str, stichtag: str) -> list[dict]:
    r = cli("validate", "--daten", wurzel, "--stichtag", stichtag, "--format", "json")
    return [b for b in json.loads(r.stdout)["befunde"] if b["datei"] == datei]


def lade(wurzel: Path, rel: str) -> dict:
    return yaml.safe_load((wurzel / rel).read_text(encoding="utf-8"))


def titel(sitzung: dict) -> list[str]:
    return [p["titel"] for p in sitzung["tagesordnung"]]


@pytest.fixture
def klein(tmp_path) -> Path:
    return baue_testrepo(tmp_path / "klein")


# --------------------------------------------------------------------------- Beispieldaten


def test_strategiegruppe(cli, beispiel):
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", "2027-02-10", "--ort", "Stuttgart, Neues Schloss", "--daten", beispiel)
    assert r.exit_code == 0, r.stderr
    assert f"Sitzung angelegt: {STRATEGIE}" in r.stdout
    s = lade(beispiel, STRATEGIE)
    assert s["gremium"] == "strategiegruppe" and str(s["datum"]) == "2027-02-10"
    assert s["status"] == "geplant" and s["ort"] == "Stuttgart, Neues Schloss"
    assert "beispiel" not in s  # die Strategiegruppe ist real
    assert [p["nummer"] for p in s["tagesordnung"]] == [1, 2, 3, 4]
    t = titel(s)
    assert t[0].startswith("Begrüßung, Feststellung der Beschlussfähigkeit")
    assert t[1].startswith("Empfehlung 2023-005: ") and t[1].endswith("– Beratung und Beschluss")
    assert s["tagesordnung"][1]["empfehlungen"] == ["2023-005"]
    assert s["tagesordnung"][1]["vorlage_art"] == "Beschlussvorlage"
    assert s["tagesordnung"][1]["berichterstattung"] == "Jeanette Renk-Mulder (AG-Leitung)"
    assert t[2] == (
        "Nachbesetzung vakanter Sitze: Ministerium für Soziales, Gesundheit und Integration (2); "
        "Kommunen (3: Gemeinde, Stadt, Landkreis); Integrationsbeauftragte (1: Gemeinde)"
    )
    assert t[3] == "Verschiedenes und nächste Termine"
    # die Tagesordnung steht auch in der Ausgabe
    ausgabe = flach(r.stdout)
    assert "Tagesordnung (Entwurf)" in ausgabe and "2. Empfehlung 2023-005" in ausgabe
    assert "Berichterstattung: Jeanette Renk-Mulder (AG-Leitung)" in ausgabe
    # die neue Datei besteht die Prüfung ohne jeden Befund
    assert befunde_zu(cli, beispiel, STRATEGIE, "2027-01-01") == []
    assert cli("validate", "--daten", beispiel, "--stichtag", "2027-01-01").exit_code == 0


def test_steuerungsgruppe_beispielkreis_nach_geplantem_ende_der_ag(cli, beispiel):
    r = cli("sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-07-14", "--daten", beispiel)
    assert r.exit_code == 0, r.stderr
    s = lade(beispiel, BEISPIELKREIS)
    assert s["beispiel"] is True and "ort" not in s
    t = titel(s)
    assert t[1] == "Genehmigung des Protokolls der Sitzung vom 17.03.2027"
    assert t[2].startswith("Wiedervorlage Empfehlung 2024-001: Mehrsprachige Terminvergabe im Ordnungsamt")
    assert "(letzte Befassung 01.07.2025)" in t[2] and s["tagesordnung"][2]["empfehlungen"] == ["2024-001"]
    assert t[3] == "AG Wohnraum für Geflüchtete: geplantes Ende am 30.06.2027 überschritten – Abschlussbericht oder Verlängerung"
    assert s["tagesordnung"][3]["arbeitsgruppen"] == ["ag-wohnraum-fuer-gefluechtete"]
    assert s["tagesordnung"][3]["berichterstattung"] == "Felix Fiktiv (AG-Leitung)"
    assert t[-1] == "Verschiedenes und nächste Termine"
    assert not any("2026-003" in x for x in t)  # steht schon auf der Sitzung am 17.03.2027
    ausgabe = flach(r.stdout)
    assert "Empfehlung 2026-003 steht schon auf der Tagesordnung der Sitzung am 17.03.2027" in ausgabe
    assert "Ort fehlt" in ausgabe
    assert befunde_zu(cli, beispiel, BEISPIELKREIS, "2027-01-01") == []


def test_steuerungsgruppe_beispielkreis_vor_der_geplanten_sitzung(cli, beispiel):
    """Vor dem 17.03.2027 steht 2026-003 auf keiner früheren Tagesordnung: Beschlussvorlage."""
    r = cli("sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-01-20", "--ort", "online", "--daten", beispiel)
    assert r.exit_code == 0, r.stderr
    s = lade(beispiel, "sitzungen/2027/steuerungsgruppe-beispielkreis-2027-01-20.yaml")
    t = titel(s)
    assert t[1] == "Genehmigung des Protokolls der Sitzung vom 14.10.2026"
    assert t[2] == "Empfehlung 2026-003: Mehrsprachige Infoblätter zur Wohnungssuche – Beratung und Beschluss"
    assert s["tagesordnung"][2]["empfehlungen"] == ["2026-003"]
    assert any(x.startswith("Wiedervorlage Empfehlung 2024-001") for x in t)
    bericht = next(p for p in s["tagesordnung"] if p.get("arbeitsgruppen"))
    assert bericht["titel"] == "Bericht der AG Wohnraum für Geflüchtete (geplant bis 30.06.2027)"
    assert not any("Nachbesetzung" in x for x in t)  # alle festen Sitze besetzt


# --------------------------------------------------------------------------- Ablehnung


def test_vorhandene_datei_wird_nicht_ueberschrieben(cli, beispiel):
    assert cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", "2027-02-10", "--daten", beispiel).exit_code == 0
    (beispiel / STRATEGIE).write_text((beispiel / STRATEGIE).read_text(encoding="utf-8") + "# von Hand ergänzt\n", encoding="utf-8")
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", "2027-02-10", "--ort", "anderswo", "--daten", beispiel)
    assert r.exit_code == 1
    assert "gibt es schon" in r.stderr and "nichts geschrieben" in r.stderr
    assert dateien(beispiel) == vorher


def test_vorhandene_sitzung_der_beispieldaten(cli, beispiel):
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "steuerungsgruppe-beispielkreis", "--datum", "2027-03-17", "--daten", beispiel)
    assert r.exit_code == 1 and "steuerungsgruppe-beispielkreis-2027-03-17" in r.stderr
    assert dateien(beispiel) == vorher


def test_gleiche_id_in_anderem_ordner(cli, beispiel):
    """Die id ist eindeutig je Art, auch wenn die Datei in einem anderen Unterordner liegt."""
    alt = beispiel / "sitzungen" / "archiv" / "strategiegruppe-2027-02-10.yaml"
    alt.parent.mkdir()
    alt.write_text("gremium: strategiegruppe\ndatum: 2027-02-10\nstatus: geplant\n", encoding="utf-8")
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", "2027-02-10", "--daten", beispiel)
    assert r.exit_code == 1 and "sitzungen/archiv/strategiegruppe-2027-02-10.yaml" in r.stderr
    assert dateien(beispiel) == vorher


def test_unbekanntes_gremium(cli, beispiel):
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "strategiegrupe", "--datum", "2027-02-10", "--daten", beispiel)
    assert r.exit_code == 1
    assert "Gremium „strategiegrupe“ gibt es nicht" in r.stderr and "strategiegruppe" in r.stderr
    assert dateien(beispiel) == vorher


@pytest.mark.parametrize("datum", ["2027-02-30", "10.02.2027", "2027-2-1"])
def test_ungueltiges_datum(cli, beispiel, datum):
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", datum, "--daten", beispiel)
    assert r.exit_code == 2 and "kein gültiges Datum" in r.stderr
    assert dateien(beispiel) == vorher


def test_datum_ist_pflicht(cli, beispiel):
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--daten", beispiel)
    assert r.exit_code == 2 and "--datum" in r.stderr


def test_leerer_ort(cli, beispiel):
    vorher = dateien(beispiel)
    r = cli("sitzung", "vorbereiten", "strategiegruppe", "--datum", "2027-02-10", "--ort", "  ", "--daten", beispiel)
    assert r.exit_code == 1 and dateien(beispiel) == vorher


def test_zu_lange_id(cli, klein):
    lang = "g" + "-abcd" * 11  # 56 Zeichen; mit Datum 67 > 64
    repo = baue_testrepo(klein.parent / "lang", {f"gremien/{lang}.yaml": "name: Langes Gremium\nart: beirat\n"})
    vorher = dateien(repo)
    r = cli("sitzung", "vorbereiten", lang, "--datum", "2027-02-10", "--daten", repo)
    assert r.exit_code == 1 and "länger als 64 Zeichen" in r.stderr
    assert dateien(repo) == vorher


# --------------------------------------------------------------------------- kleines Repository


def test_alle_arten_von_punkten(cli, klein):
    r = cli("sitzung", "vorbereiten", "testgremium", "--datum", "2025-10-01", "--ort", "Kreishaus", "--daten", klein)
    assert r.exit_code == 0, r.stderr
    rel = "sitzungen/2025/testgremium-2025-10-01.yaml"
    s = lade(klein, rel)
    punkte = s["tagesordnung"]
    assert titel(s) == [
        "Begrüßung, Feststellung der Beschlussfähigkeit und Genehmigung der Tagesordnung",
        "Genehmigung des Protokolls der Sitzung vom 17.09.2025",
        "Empfehlung 2025-001: Eingereichte Empfehlung – Beratung und Beschluss",
        "Wiedervorlage Empfehlung 2024-001: Weitergeleitete Empfehlung ohne Bericht – Sachstand der Umsetzung (letzte Befassung 10.01.2024)",
        "AG Test: geplantes Ende am 31.12.2024 überschritten – Abschlussbericht oder Verlängerung",
        "Nachbesetzung vakanter Sitze: Ämter (1: Amt B); Kommunen (2: Stadt, Gemeinde)",
        "Verschiedenes und nächste Termine",
    ]
    assert punkte[2]["empfehlungen"] == ["2025-001"] and punkte[2]["berichterstattung"] == "Bernd Geheim (AG-Leitung)"
    assert punkte[3]["empfehlungen"] == ["2024-001"]
    assert punkte[4]["arbeitsgruppen"] == ["ag-test"]
    # das Repository hat einen Fehler (Überbesetzung) – die neue Datei keinen Befund
    assert befunde_zu(cli, klein, rel, "2025-06-01") == []


def test_aktive_ag_berichtet_und_spaet_eingereichte_fehlt(cli, klein):
    r = cli("sitzung", "vorbereiten", "testgremium", "--datum", "2024-09-01", "--daten", klein)
    assert r.exit_code == 0, r.stderr
    s = lade(klein, "sitzungen/2024/testgremium-2024-09-01.yaml")
    t = titel(s)
    assert "Bericht der AG Test (geplant bis 31.12.2024)" in t
    assert not any(x.startswith("Wiedervorlage") for x in t)  # erst ab 10.01.2025 fällig
    assert not any("2025-001" in x for x in t)  # noch nicht eingereicht
    assert "Genehmigung des Protokolls der Sitzung vom 01.06.2024" in t
    assert "Empfehlung 2025-001 wurde erst nach dem Sitzungstag eingereicht" in flach(r.stdout)


def test_ort_mit_sonderzeichen_bleibt_erhalten(cli, klein):
    ort = 'Rathaus: Saal "A" #2 – 1. OG'
    r = cli("sitzung", "vorbereiten", "testgremium", "--datum", "2025-10-01", "--ort", ort, "--daten", klein)
    assert r.exit_code == 0, r.stderr
    rel = "sitzungen/2025/testgremium-2025-10-01.yaml"
    assert lade(klein, rel)["ort"] == ort
    assert befunde_zu(cli, klein, rel, "2025-06-01") == []


def test_keine_temporaeren_dateien(cli, klein):
    cli("sitzung", "vorbereiten", "testgremium", "--datum", "2025-10-01", "--daten", klein)
    assert [p.name for p in (klein / "sitzungen" / "2025").iterdir() if p.name.startswith(".")] == []


def test_neues_jahr_legt_ordner_an(cli, klein):
    r = cli("sitzung", "vorbereiten", "testgremium", "--datum", "2031-05-05", "--daten", klein)
    assert r.exit_code == 0 and (klein / "sitzungen" / "2031" / "testgremium-2031-05-05.yaml").is_file()


def test_gremium_ohne_sitzungen_und_ags(cli, klein):
    repo = baue_testrepo(klein.parent / "neu", {"gremien/beirat.yaml": "name: Beirat\nart: beirat\n"})
    r = cli("sitzung", "vorbereiten", "beirat", "--datum", "2025-10-01", "--daten", repo)
    assert r.exit_code == 0
    assert titel(lade(repo, "sitzungen/2025/beirat-2025-10-01.yaml")) == [
        "Begrüßung, Feststellung der Beschlussfähigkeit und Genehmigung der Tagesordnung",
        "Verschiedenes und nächste Termine",
    ]


# --------------------------------------------------------------------------- Kern ohne CLI


def test_entwurf_vor_heute_gibt_hinweis(klein):
    from netzwerk_cli.aktionen import agenda
    from netzwerk_cli.berichte.grundlagen import laden

    repo = laden(klein, "2025-06-01")
    e = agenda.entwurf(repo.bestand, "testgremium", "2025-10-01", None, heute="2026-01-01")
    assert any("liegt vor heute" in h for h in e.hinweise)
    assert e.pfad == "sitzungen/2025/testgremium-2025-10-01.yaml"
    assert e.text.startswith("# Geplante Sitzung: Testgremium am 01.10.2025.")


def test_entwurf_der_die_pruefung_nicht_besteht_wird_nicht_geschrieben(klein):
    from netzwerk_cli.aktionen import agenda
    from netzwerk_cli.berichte.grundlagen import laden
    from netzwerk_cli.grundlagen.fehler import NetzwerkFehler

    repo = laden(klein, "2025-06-01")
    e = agenda.entwurf(repo.bestand, "testgremium", "2025-10-01", None, heute="2025-06-01")
    e.punkte[1].empfehlungen = ["1999-999"]  # unbekannte Empfehlung
    e.text = agenda.yaml_text(e, "2025-06-01")
    vorher = dateien(klein)
    with pytest.raises(NetzwerkFehler, match="ref-unbekannt"):
        agenda.pruefen(klein, e, "2025-06-01")
    assert dateien(klein) == vorher


def test_gremium_datei_selbst_unveraendert(cli, klein):
    vorher = (klein / "gremien" / "testgremium.yaml").read_text(encoding="utf-8")
    cli("sitzung", "vorbereiten", "testgremium", "--datum", "2025-10-01", "--daten", klein)
    assert (klein / "gremien" / "testgremium.yaml").read_text(encoding="utf-8") == vorher == GREMIUM


def test_beispieldaten_selbst_bleiben_unberuehrt():
    assert not (BEISPIEL / STRATEGIE).exists() and not (BEISPIEL / BEISPIELKREIS).exists()
