"""`netzwerk person neu` und `netzwerk organisation neu`: id aus dem Namen, gültiger Datensatz,
Diff, Commit, Ablehnungen ohne geänderte Datei."""

from __future__ import annotations

import pytest
from aktionen_hilfen import abgelehnt, ein_commit
from empfehlung_hilfen import lies

from netzwerk_cli.aktionen.grundlagen import id_aus_name


@pytest.mark.parametrize(
    "name, id_",
    [
        ("Jürgen Müller", "juergen-mueller"),
        ("Jörg Weiß-Ölmann", "joerg-weiss-oelmann"),
        ("ÄRGER Über Straße", "aerger-ueber-strasse"),
        ("José Álvarez", "jose-alvarez"),
        ("Dr. Anna O'Brien", "dr-anna-obrien"),
        ("  Stadt   Singen (Hohentwiel) ", "stadt-singen-hohentwiel"),
        ("Amt für Migration & Integration", "amt-fuer-migration-integration"),
    ],
)
def test_id_aus_name(name, id_):
    assert id_aus_name(name) == id_


def test_id_hoechstens_64_zeichen_an_wortgrenze():
    id_ = id_aus_name("Ministerium für Soziales Gesundheit und Integration Baden-Württemberg Abteilung Integration Referat")
    assert len(id_) <= 64 and not id_.endswith("-")
    assert "ministerium-fuer-soziales" in id_


def test_person_neu_dry_run_zeigt_diff_und_schreibt_nichts(cli, beispiel):
    r = cli("person", "neu", "--daten", beispiel, "--name", "Jürgen Müller", "--organisation", "beispielkreis-jugendamt",
            "--funktion", "Sachgebietsleitung", "--rolle", "amtsleitung", "--dry-run")
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("--- /dev/null\n+++ b/personen/juergen-mueller.yaml\n")
    assert "+name: Jürgen Müller\n+organisation: beispielkreis-jugendamt\n+funktion: Sachgebietsleitung\n" in r.stdout
    assert "+oeffentlich: false\n" in r.stdout
    assert not (beispiel / "personen/juergen-mueller.yaml").exists()


def test_person_neu_commit(cli, git_beispiel, tmp_path):
    ausgabe = ein_commit(cli, git_beispiel, tmp_path, ["person", "neu", "--name", "Jürgen Müller", "--rolle", "amtsleitung",
                                                      "--rolle", "ag_leitung", "--oeffentlich"], ["personen/juergen-mueller.yaml"])
    assert "person juergen-mueller: neu" in ausgabe
    assert lies(git_beispiel / "personen/juergen-mueller.yaml") == {
        "name": "Jürgen Müller", "rollen": ["amtsleitung", "ag_leitung"], "oeffentlich": True
    }


def test_person_neu_gleicher_name_bekommt_zweite_id(cli, git_beispiel, tmp_path):
    ein_commit(cli, git_beispiel, tmp_path, ["person", "neu", "--name", "Nina Neu"], ["personen/nina-neu-2.yaml"])
    ein_commit(cli, git_beispiel, tmp_path, ["person", "neu", "--name", "Nina Neu"], ["personen/nina-neu-3.yaml"])


def test_person_neu_unbekannte_organisation_abgelehnt(cli, git_beispiel):
    abgelehnt(cli, git_beispiel, ["person", "neu", "--name", "X Y", "--organisation", "beispielkreis-jugendam"],
              "Organisation „beispielkreis-jugendam“ gibt es nicht", "meinten Sie „beispielkreis-jugendamt“")


def test_person_neu_falsche_rolle_ist_aufruffehler(cli, beispiel):
    r = cli("person", "neu", "--daten", beispiel, "--name", "X Y", "--rolle", "chefin")
    assert r.exit_code == 2 and "--rolle „chefin“ gibt es nicht" in r.stderr and "amtsleitung" in r.stderr


def test_person_neu_name_ohne_buchstaben(cli, beispiel):
    r = cli("person", "neu", "--daten", beispiel, "--name", "???")
    assert r.exit_code == 2 and "keine id bilden" in r.stderr


def test_organisation_neu_commit(cli, git_beispiel, tmp_path):
    ein_commit(cli, git_beispiel, tmp_path, ["organisation", "neu", "--name", "Stadt Überlingen", "--typ", "stadt",
                                             "--uebergeordnet", "landkreis-konstanz"], ["organisationen/stadt-ueberlingen.yaml"])
    assert lies(git_beispiel / "organisationen/stadt-ueberlingen.yaml") == {
        "name": "Stadt Überlingen", "typ": "stadt", "uebergeordnet": "landkreis-konstanz"
    }


def test_organisation_neu_falscher_typ_und_unbekannte_uebergeordnete(cli, git_beispiel):
    r = cli("organisation", "neu", "--daten", git_beispiel, "--name", "X", "--typ", "firma")
    assert r.exit_code == 2 and "--typ „firma“ gibt es nicht" in r.stderr
    abgelehnt(cli, git_beispiel, ["organisation", "neu", "--name", "X", "--typ", "amt", "--uebergeordnet", "gibtsnicht"],
              "Organisation „gibtsnicht“ gibt es nicht")
