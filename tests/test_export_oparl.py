"""`netzwerk export oparl`: der Export von data/ besteht die eigene OParl-Prüfung (offizielle
Schemas + Regeln des Spezifikationstexts + Prüfungen über Objekte hinweg); die Prüfung findet
jede Art von Fehler; Zeitstempel kommen aus Git; keine private Person, keine Kontaktdaten."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import BEISPIEL

from netzwerk_cli.export.oparl_pruefung import pruefe_dateien, pruefe_ordner

BASIS = "https://oparl.beispiel.invalid/netz"


def _export(cli, daten: Path, ziel: Path, *extra: str):
    return cli("export", "oparl", ziel, "--basis-url", BASIS, "--daten", daten, *extra)


def _laden(ordner: Path) -> dict[str, object]:
    return {
        p.relative_to(ordner).as_posix(): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(ordner.rglob("*.json"))
        if not any(t.startswith(".") for t in p.relative_to(ordner).parts)
    }


@pytest.fixture
def export(cli, git_beispiel, tmp_path) -> Path:
    ziel = tmp_path / "oparl"
    r = _export(cli, git_beispiel, ziel)
    assert r.exit_code == 0, r.stdout + r.stderr
    return ziel


def test_export_von_data_besteht_die_oparl_pruefung(export, cli):
    assert pruefe_ordner(export, BASIS) == []
    dateien = _laden(export)
    typen = {o["type"].rsplit("/", 1)[1] for o in dateien.values() if isinstance(o, dict) and "type" in o}
    assert {"System", "Body", "Organization", "Person", "Membership", "Meeting", "AgendaItem", "Paper", "Consultation", "Location"} <= typen
    system = dateien["system.json"]
    assert system["id"] == f"{BASIS}/system.json" and system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    # eine Datei je Objekt, Pfad aus der id
    for pfad, objekt in dateien.items():
        if "type" in objekt:
            assert objekt["id"] == f"{BASIS}/{pfad}"


def test_abbildung_gremien_ags_mitgliedschaften_empfehlungen(export):
    d = _laden(export)
    ag = d["organization/ag-ag-sprachkurse-mit-kinderbetreuung.json"]
    assert ag["subOrganizationOf"] == f"{BASIS}/organization/gremium-steuerungsgruppe-beispielkreis.json"
    mitgliedschaften = [o for p, o in d.items() if p.startswith("membership/gremium-steuerungsgruppe-beispielkreis--")]
    vertretungen = [m for m in mitgliedschaften if m["netzwerk:art"] == "Stellvertretung"]
    assert vertretungen and all(m["votingRight"] is False for m in vertretungen)
    assert all(m["votingRight"] is True for m in mitgliedschaften if m not in vertretungen)
    assert {m["role"] for m in mitgliedschaften} >= {"Führungsebene der Ämter", "Vertretungen der Kreistagsfraktionen"}
    pauge = d["membership/gremium-strategiegruppe--luisa-pauge--1.json"]
    assert pauge["onBehalfOf"] == f"{BASIS}/organization/organisation-gemeindetag-bw.json"
    assert d["person/luisa-pauge.json"]["name"] == "Luisa Pauge"
    papier = d["paper/empfehlung-2023-001.json"]
    assert papier["paperType"] == "Empfehlung" and papier["netzwerk:status"] == "umgesetzt"
    rollen = {c["role"] for c in papier["consultation"]}
    assert {"Beschlussfassung", "Überprüfung der Umsetzung"} <= rollen
    beschluss = next(c for c in papier["consultation"] if c["role"] == "Beschlussfassung")
    assert beschluss["authoritative"] is True
    top = d[beschluss["agendaItem"][len(BASIS) + 1 :]]
    assert top["order"] == 1 and top["result"] == "angenommen" and top["netzwerk:abstimmung"] == {"ja": 9, "nein": 0, "enthaltung": 1}
    assert papier["subordinatedPaper"] and all(d[u[len(BASIS) + 1 :]]["paperType"] == "Umsetzungsbericht" for u in papier["subordinatedPaper"])
    body = d["body/netzwerk.json"]
    assert body["legislativeTerm"] == []  # Pflichtfeld; der Bestand hat keine Wahlperioden
    assert d["body/netzwerk/legislativeterm.json"]["data"] == []


def _private_marken() -> tuple[list[str], list[str]]:
    ids, namen, kontakte = [], [], []
    for p in (BEISPIEL / "personen").glob("*.yaml"):
        daten = yaml.safe_load(p.read_text(encoding="utf-8"))
        kontakte += [str(v) for v in (daten.get("kontakt") or {}).values()]
        if daten.get("oeffentlich") is not True:
            ids.append(p.stem)
            namen.append(daten["name"])
    return ids + namen, kontakte


def test_keine_private_person_und_keine_kontaktdaten(export):
    privat, kontakte = _private_marken()
    assert privat and kontakte
    for pfad in sorted(export.rglob("*")):
        if not pfad.is_file():
            continue
        text = pfad.relative_to(export).as_posix() + "\n" + pfad.read_text(encoding="utf-8")
        for marke in privat + kontakte:
            assert marke.lower() not in text.lower(), f"{pfad}: „{marke}“"
    personen = [o for p, o in _laden(export).items() if p.startswith("person/")]
    private = [o for o in personen if o["id"].split("/")[-1].startswith("person-")]
    assert private and all(not ({"name", "familyName", "givenName", "title"} & set(o)) for o in private)
    assert "Luisa Pauge" in (export / "person/luisa-pauge.json").read_text(encoding="utf-8")  # Gegenprobe


def test_deterministisch_und_zeitstempel_aus_git(cli, git_beispiel, tmp_path):
    erster, zweiter = tmp_path / "a", tmp_path / "b"
    assert _export(cli, git_beispiel, erster).exit_code == 0
    assert _export(cli, git_beispiel, zweiter).exit_code == 0
    inhalt = lambda o: {p.relative_to(o).as_posix(): p.read_bytes() for p in o.rglob("*") if p.is_file()}
    assert inhalt(erster) == inhalt(zweiter)
    vorher = _laden(erster)["organization/organisation-swr.json"]
    # später Commit mit festem Datum: nur das geänderte Objekt bekommt ein neues „modified“
    datei = git_beispiel / "organisationen/swr.yaml"
    datei.write_text(datei.read_text(encoding="utf-8") + "notiz: geändert\n", encoding="utf-8")
    umgebung = {**os.environ, "GIT_COMMITTER_DATE": "2030-01-02T03:04:05+01:00", "GIT_AUTHOR_DATE": "2030-01-02T03:04:05+01:00"}
    subprocess.run(["git", "commit", "-qam", "SWR ergänzt"], cwd=git_beispiel, env=umgebung, check=True)
    dritter = tmp_path / "c"
    assert _export(cli, git_beispiel, dritter).exit_code == 0
    d = _laden(dritter)
    assert d["organization/organisation-swr.json"]["modified"] == "2030-01-02T03:04:05+01:00"
    assert d["organization/organisation-swr.json"]["created"] == vorher["created"]
    assert d["organization/organisation-gemeindetag-bw.json"]["modified"] == vorher["modified"]
    assert pruefe_ordner(dritter, BASIS) == []


def test_ohne_git_deterministische_ersatzzeit(cli, beispiel, tmp_path, monkeypatch):
    r = _export(cli, beispiel, tmp_path / "a")
    assert r.exit_code == 0 and "keinem Git-Repository" in r.stderr
    assert _laden(tmp_path / "a")["system.json"]["created"] == "1970-01-01T00:00:00+00:00"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert _export(cli, beispiel, tmp_path / "b").exit_code == 0
    assert _laden(tmp_path / "b")["system.json"]["modified"] == "2023-11-14T22:13:20+00:00"


def test_neuer_pseudonym_schluessel_wird_gemeldet(cli, beispiel, tmp_path):
    (beispiel / ".netzwerk/pseudonym-schluessel").unlink()
    r = _export(cli, beispiel, tmp_path / "a")
    assert r.exit_code == 0 and "Neuer Pseudonym-Schlüssel" in r.stderr
    assert (beispiel / ".netzwerk/pseudonym-schluessel").is_file()
    r = _export(cli, beispiel, tmp_path / "b")
    assert "Neuer Pseudonym-Schlüssel" not in r.stderr


@pytest.mark.parametrize(
    "url",
    ["ftp://x.invalid/o", "https://x.invalid/o p", "https://x.invalid/o\n", "https:///ohne-host", "https://nutzer:pw@x.invalid/", "https://x.invalid/?a=1", "kein-url", "javascript:alert(1)"],
)
def test_basis_url_wird_geprueft(cli, beispiel, tmp_path, url):
    ziel = tmp_path / "aus"
    r = cli("export", "oparl", ziel, "--basis-url", url, "--daten", beispiel)
    assert r.exit_code == 2 and "--basis-url" in r.stderr and "Traceback" not in r.stderr
    assert not ziel.exists()


def test_schreibt_nicht_durch_verknuepfungen_und_nicht_in_fremde_ordner(cli, beispiel, tmp_path):
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    ziel = tmp_path / "aus"
    assert _export(cli, beispiel, ziel).exit_code == 0  # ein früherer Export (mit Merkliste)
    shutil.rmtree(ziel / "person")
    (ziel / "system.json").unlink()  # wird nur neu geschrieben, wenn der Lauf nicht abgelehnt wird
    (ziel / "person").symlink_to(draussen)
    r = _export(cli, beispiel, ziel)
    assert r.exit_code == 2 and "Verknüpfung" in r.stderr
    assert list(draussen.iterdir()) == [] and not (ziel / "system.json").exists()
    fremd = tmp_path / "fremd"
    fremd.mkdir()
    (fremd / "wichtig.txt").write_text("x", encoding="utf-8")
    r = _export(cli, beispiel, fremd)
    assert r.exit_code == 2 and "nicht leer" in r.stderr


def test_veraltete_dateien_eines_frueheren_exports_verschwinden(cli, beispiel, tmp_path):
    ziel = tmp_path / "aus"
    assert _export(cli, beispiel, ziel).exit_code == 0
    assert (ziel / "organization/organisation-swr.json").exists()
    (beispiel / "organisationen/swr.yaml").unlink()
    assert _export(cli, beispiel, ziel).exit_code == 0
    assert not (ziel / "organization/organisation-swr.json").exists()
    assert pruefe_ordner(ziel, BASIS) == []


# --------------------------------------------------------------------------- die Prüfung fängt Fehler


@pytest.fixture(scope="module")
def gut(tmp_path_factory) -> dict[str, object]:
    """Ein fehlerfreier Export im Speicher (ohne Git: Ersatzzeit)."""
    from netzwerk_cli.bestand.laden import lade_bestand
    from netzwerk_cli.export import oparl
    from netzwerk_cli.export.zeitquelle import Zeitquelle

    bestand = lade_bestand(BEISPIEL)
    export = oparl.exportieren(BEISPIEL, bestand, BASIS, b"0123456789abcdef0123456789abcdef", Zeitquelle(BEISPIEL, git_lesen=False))
    dateien = json.loads(json.dumps(export.dateien))
    assert pruefe_dateien(dateien, BASIS) == []
    return dateien


def _regeln(dateien) -> set[str]:
    return {b.regel for b in pruefe_dateien(dateien, BASIS)}


def _objekt(d: dict, praefix: str) -> tuple[str, dict]:
    return next((p, o) for p, o in sorted(d.items()) if p.startswith(praefix))


def test_findet_schemaverletzung(gut):
    d = copy.deepcopy(gut)
    pfad, meeting = _objekt(d, "meeting/")
    meeting["cancelled"] = "ja"
    befunde = pruefe_dateien(d, BASIS)
    assert any(b.regel == "oparl-schema" and b.datei == pfad and b.pfad == "$.cancelled" and "Wahrheitswert" in b.meldung for b in befunde)
    d = copy.deepcopy(gut)
    pfad, top = _objekt(d, "agendaitem/")
    del top["order"]
    assert any(b.regel == "oparl-schema" and "order" in b.meldung for b in pruefe_dateien(d, BASIS))
    d = copy.deepcopy(gut)
    d["system.json"]["oparlVersion"] = "https://schema.oparl.org/9.9/"
    assert "oparl-schema" in _regeln(d)
    d = copy.deepcopy(gut)
    _, person = _objekt(d, "person/")
    person["body"] = "nicht eine url"
    assert any(b.regel == "oparl-schema" and "URL" in b.meldung for b in pruefe_dateien(d, BASIS))


def test_findet_fehlende_zeitstempel(gut):
    for feld in ("created", "modified"):
        d = copy.deepcopy(gut)
        pfad, person = _objekt(d, "person/")
        del person[feld]
        befunde = [b for b in pruefe_dateien(d, BASIS) if b.regel == "oparl-zeitstempel"]
        assert befunde and befunde[0].datei == pfad and feld in befunde[0].meldung
    d = copy.deepcopy(gut)  # auch an eingebetteten Objekten
    pfad, meeting = _objekt(d, "meeting/steuerungsgruppe-beispielkreis-2023")
    del meeting["agendaItem"][0]["created"]
    assert any(b.regel == "oparl-zeitstempel" and b.pfad == "$.agendaItem[0]" for b in pruefe_dateien(d, BASIS))


@pytest.mark.parametrize("feld", ["agendaItem", "consultation", "file", "locationList", "legislativeTermList", "membership"])
def test_findet_fehlende_zwingende_body_liste(gut, feld):
    d = copy.deepcopy(gut)
    del d["body/netzwerk.json"][feld]
    d["bodies.json"]["data"][0] = d["body/netzwerk.json"]
    befunde = [b for b in pruefe_dateien(d, BASIS) if b.regel == "oparl-body-liste"]
    assert {b.datei for b in befunde} == {"body/netzwerk.json", "bodies.json"}  # Datei und Listeneintrag
    assert all(feld in b.meldung for b in befunde)


@pytest.mark.parametrize("leer", [None, "", "  ", [], {}])
def test_findet_leere_werte(gut, leer):
    d = copy.deepcopy(gut)
    pfad, org = _objekt(d, "organization/gremium-")
    org["shortName"] = leer
    befunde = [b for b in pruefe_dateien(d, BASIS) if b.regel == "oparl-leerwert"]
    assert any(b.datei == pfad and b.pfad == "$.shortName" for b in befunde)
    d = copy.deepcopy(gut)  # auch in Herstellerfeldern und Listeneinträgen
    _, papier = _objekt(d, "paper/empfehlung-")
    papier["netzwerk:adressaten"] = [leer] if leer not in ([], {}) else leer
    assert "oparl-leerwert" in _regeln(d)


def test_findet_verweis_ohne_datei(gut):
    d = copy.deepcopy(gut)
    pfad = "person/luisa-pauge.json"
    del d[pfad]
    befunde = [b for b in pruefe_dateien(d, BASIS) if b.regel == "oparl-verweis"]
    assert befunde and all(f"{BASIS}/{pfad}" in b.meldung for b in befunde)


def test_findet_objekt_das_in_seiner_liste_fehlt(gut):
    d = copy.deepcopy(gut)
    liste = d["body/netzwerk/meeting.json"]["data"]
    weg = liste.pop(0)
    befunde = [b for b in pruefe_dateien(d, BASIS) if b.regel == "oparl-nicht-in-liste"]
    assert len(befunde) == 1 and weg["id"] in befunde[0].meldung
    d = copy.deepcopy(gut)  # Eintrag weicht von der Datei ab
    d["body/netzwerk/meeting.json"]["data"][0]["name"] = "anders"
    assert "oparl-liste-abweichend" in _regeln(d)


def test_findet_id_pfad_und_erweiterung_ohne_praefix(gut):
    d = copy.deepcopy(gut)
    _, org = _objekt(d, "organization/organisation-")
    org["sitzgruppen"] = 3
    assert "oparl-erweiterung" in _regeln(d)
    d = copy.deepcopy(gut)
    d["person/andere.json"] = d.pop("person/luisa-pauge.json")
    assert "oparl-id-pfad" in _regeln(d)


def test_findet_kaputtes_json_im_ordner(export):
    (export / "person/luisa-pauge.json").write_text("{kaputt", encoding="utf-8")
    befunde = pruefe_ordner(export, BASIS)
    assert any(b.regel == "oparl-json" and b.datei == "person/luisa-pauge.json" for b in befunde)
    assert any(b.regel == "oparl-verweis" for b in befunde)


def test_schema_ordner_ist_vollstaendig_und_unveraendert():
    from netzwerk_cli.export import oparl_pruefung

    ordner = oparl_pruefung.SCHEMA_ORDNER
    assert (ordner / "LICENSE").read_text(encoding="utf-8").startswith("Attribution-ShareAlike 4.0 International")
    assert "CC BY-SA 4.0" in (ordner / "README.md").read_text(encoding="utf-8")
    for typ in oparl_pruefung.TYPEN:
        schema = json.loads((ordner / f"{typ}.json").read_text(encoding="utf-8"))
        assert schema["$id"] == f"https://schema.oparl.org/1.1/{typ}"
    referenz = Path("/work/shared/oparl/schema")
    if referenz.is_dir():  # nur auf Maschinen mit der Referenzkopie
        for datei in referenz.iterdir():
            assert (ordner / datei.name).read_bytes() == datei.read_bytes(), datei.name


def test_befehlsmodule_laden_jinja_icalendar_jsonschema_erst_bei_bedarf():
    code = (
        "import sys; from netzwerk_cli.cli import export; a = sorted(m for m in ('jsonschema', 'jinja2', 'icalendar', 'referencing', 'git') if m in sys.modules); "
        "from netzwerk_cli.cli import sitzung; b = sorted(m for m in ('jinja2', 'icalendar') if m in sys.modules); print(a, b)"
    )
    aus = subprocess.run([os.sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert aus.strip() == "[] []"
