"""Die Sitzregel-Maschine (`sitzregeln.besetzung`) an den beiden echten Gremien aus data/
und an gezielt veränderten Fassungen davon (Personen und Organisationen aus data/)."""

from __future__ import annotations

import copy

import pytest
from conftest import BEISPIEL, STICHTAG

from netzwerk_cli.bestand.laden import lade_bestand
from netzwerk_cli.regelwerk import sitzregeln
from netzwerk_cli.validierung import pruefe_bestand


@pytest.fixture(scope="module")
def bestand():
    b = lade_bestand(BEISPIEL)
    pruefe_bestand(b, STICHTAG)  # markiert schema-gültige Datensätze (die Maschine liest nur diese)
    return b


@pytest.fixture
def strategiegruppe(bestand) -> dict:
    g = bestand.daten("gremium", "strategiegruppe")
    assert g, "data/gremien/strategiegruppe.yaml ist nicht schema-gültig"
    return copy.deepcopy(g)


@pytest.fixture
def konstanz(bestand) -> dict:
    g = bestand.daten("gremium", "steuerungsgruppe-konstanz")
    assert g, "data/gremien/steuerungsgruppe-konstanz.yaml ist nicht schema-gültig"
    return copy.deepcopy(g)


def gruppen(b: sitzregeln.Besetzung) -> dict[str, sitzregeln.GruppenStand]:
    return {g.id: g for g in b.gruppen}


def personen(stand: sitzregeln.GruppenStand) -> list[str]:
    return [m.person for m in stand.besetzt]


def verstoesse(b: sitzregeln.Besetzung, regel: str | None = None) -> list[tuple]:
    return [(v.regel, v.pfad) for v in b.verstoesse if regel is None or v.regel == regel]


def mitglied(gremium: dict, person: str) -> dict:
    (m,) = [m for m in gremium["mitglieder"] if m["person"] == person]
    return m


# --------------------------------------------------------------------------- echte Gremien


def test_strategiegruppe_wie_erfasst(bestand, strategiegruppe):
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    g = gruppen(b)
    assert list(g) == ["ministerium", "landesverbaende", "kommunen", "integrationsbeauftragte"]
    # 12 ordentliche Mitglieder laut Quelle: 4 Sitzgruppen zu je 3 Sitzen
    assert [s.sitze for s in b.gruppen] == [3, 3, 3, 3]
    assert personen(g["ministerium"]) == ["birgit-locher-finke"]
    assert personen(g["landesverbaende"]) == ["luisa-pauge", "sebastian-ritter", "daniel-werthwein"]
    assert g["landesverbaende"].offen == [] and g["landesverbaende"].vakant == 0
    assert personen(g["kommunen"]) == [] and g["kommunen"].offen == ["gemeinde", "stadt", "landkreis"]
    assert personen(g["integrationsbeauftragte"]) == ["mirjam-koch", "stefan-schlagowsky-molkenthin"]
    assert g["integrationsbeauftragte"].offen == ["gemeinde"]
    assert [g[k].vakant for k in g] == [2, 0, 3, 1]
    assert [m.person for m in b.ohne_gruppe] == ["elke-zimmermann-fiscella"]
    # nur Vakanzen (Warnungen), keine Regelverstöße
    assert [(v.regel, v.pfad, v.schwere) for v in b.verstoesse] == [
        ("sitz-vakant", ("sitzgruppen", 0), "warnung"),
        ("sitz-vakant", ("sitzgruppen", 2), "warnung"),
        ("sitz-vakant", ("sitzgruppen", 3), "warnung"),
    ]
    assert "nicht vertreten: gemeinde" in b.verstoesse[2].meldung


def test_steuerungsgruppe_konstanz_wie_erfasst(bestand, konstanz):
    b = sitzregeln.besetzung(konstanz, bestand, STICHTAG)
    g = gruppen(b)
    assert list(g) == [
        "kreistagsfraktionen",
        "grosse-kreisstaedte",
        "gemeinden",
        "amtsleitungen",
        "referat-integration",
        "referat-sozialer-dienst",
        "integrationsbeauftragte",
    ]
    # Zahl der Fraktionen nennt die Quelle nicht: diese Gruppe wird nicht gezählt
    assert [s.sitze for s in b.gruppen] == [None, 3, 1, 5, 1, 1, 1]
    assert all(s.besetzt == [] for s in b.gruppen)
    assert g["amtsleitungen"].offen == konstanz["sitzgruppen"][3]["aus"]
    assert verstoesse(b) == [("sitz-vakant", ("sitzgruppen", i)) for i in range(1, 7)]
    assert g["kreistagsfraktionen"].vakant == 0 and g["kreistagsfraktionen"].ueberbesetzt == 0


# --------------------------------------------------------------------------- Varianten


def test_ueberbesetzte_gruppe(bestand, strategiegruppe):
    # Elke Zimmermann-Fiscella (Landkreis Lörrach) zusätzlich bei den Landesverbänden
    mitglied(strategiegruppe, "elke-zimmermann-fiscella")["sitzgruppe"] = "landesverbaende"
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    assert len(gruppen(b)["landesverbaende"].besetzt) == 4
    assert gruppen(b)["landesverbaende"].ueberbesetzt == 1
    assert verstoesse(b, "sitz-ueberbesetzt") == [("sitz-ueberbesetzt", ("mitglieder", 6))]
    ueber = [v for v in b.verstoesse if v.regel == "sitz-ueberbesetzt"][0]
    assert ueber.meldung == "Sitzgruppe „Kommunale Landesverbände“: 4 Mitglieder für 3 Sitze"
    # und ihre Organisation ist keiner der drei Verbände
    regel = [v for v in b.verstoesse if v.regel == "sitz-regel"]
    assert [(v.pfad, "„landkreis-loerrach“ ist nicht vorgesehen" in v.meldung) for v in regel] == [(("mitglieder", 6, "person"), True)]
    assert b.ohne_gruppe == []


def test_je_aus_doppelt_belegt(bestand, strategiegruppe):
    # ein zweiter Landkreis bei den Integrationsbeauftragten (neben Reutlingen)
    strategiegruppe["mitglieder"].append({"person": "maria-muster", "sitzgruppe": "integrationsbeauftragte"})
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    stand = gruppen(b)["integrationsbeauftragte"]
    assert len(stand.besetzt) == 3 and stand.offen == ["gemeinde"]
    regel = [v for v in b.verstoesse if v.regel == "sitz-regel"]
    assert len(regel) == 1
    assert regel[0].pfad == ("mitglieder", 7, "person")
    assert "„landkreis“ ist schon durch Eintrag 5 besetzt" in regel[0].meldung
    assert ("sitz-vakant", ("sitzgruppen", 3)) not in verstoesse(b)


def test_je_organisationstyp_und_rolle(bestand, strategiegruppe):
    strategiegruppe["mitglieder"] += [
        {"person": "jana-musterfrau", "sitzgruppe": "kommunen"},  # Gemeinde, Verwaltungsleitung
        {"person": "karl-exempel", "sitzgruppe": "kommunen"},  # Stadt, Verwaltungsleitung
        {"person": "maria-muster", "sitzgruppe": "kommunen"},  # Landkreis, aber Integrationsbeauftragte
    ]
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    stand = gruppen(b)["kommunen"]
    assert personen(stand) == ["jana-musterfrau", "karl-exempel", "maria-muster"]
    assert stand.offen == [] and stand.vakant == 0
    regel = [v for v in b.verstoesse if v.regel == "sitz-regel"]
    assert [v.pfad for v in regel] == [("mitglieder", 9, "person")]
    assert "verlangt die Rolle „verwaltungsleitung“" in regel[0].meldung


def test_konstanz_organisationsregeln(bestand, konstanz):
    konstanz["mitglieder"] = [
        {"person": "paula-probe", "sitzgruppe": "kreistagsfraktionen"},  # 0: Fraktion A
        {"person": "otto-platzhalter", "sitzgruppe": "kreistagsfraktionen"},  # 1: Fraktion B
        {"person": "nina-neu", "sitzgruppe": "kreistagsfraktionen"},  # 2: ein Amt, keine Fraktion
        {"person": "karl-exempel", "sitzgruppe": "grosse-kreisstaedte"},  # 3: Große Kreisstadt
        {"person": "stefan-schlagowsky-molkenthin", "sitzgruppe": "grosse-kreisstaedte"},  # 4: Merkmal fehlt
        {"person": "tom-test", "sitzgruppe": "amtsleitungen"},  # 5: Amt eines anderen Kreises
        {"person": "felix-fiktiv", "sitzgruppe": "referat-integration"},  # 6: falsches Referat
    ]
    b = sitzregeln.besetzung(konstanz, bestand, STICHTAG)
    regel = {v.pfad[1]: v.meldung for v in b.verstoesse if v.regel == "sitz-regel"}
    assert sorted(regel) == [2, 4, 5, 6]
    assert "vom Typ fraktion" in regel[2]
    assert "grosse_kreisstadt = ja" in regel[4]
    assert "„beispielkreis-ordnungsamt“ ist nicht vorgesehen" in regel[5]
    assert "landkreis-konstanz-referat-integration vorbehalten" in regel[6]
    # ohne Sitzzahl: drei Fraktionsvertretungen sind nicht „überbesetzt“
    assert len(gruppen(b)["kreistagsfraktionen"].besetzt) == 3
    assert verstoesse(b, "sitz-ueberbesetzt") == []


# --------------------------------------------------------------------------- Zeiträume am Stichtag


def test_ausgeschieden_zaehlt_nach_bis_nicht(bestand, strategiegruppe):
    mitglied(strategiegruppe, "luisa-pauge")["bis"] = "2023-12-31"
    am_letzten_tag = sitzregeln.besetzung(strategiegruppe, bestand, "2023-12-31")
    danach = sitzregeln.besetzung(strategiegruppe, bestand, "2024-01-01")
    assert "luisa-pauge" in personen(gruppen(am_letzten_tag)["landesverbaende"])
    assert personen(gruppen(danach)["landesverbaende"]) == ["sebastian-ritter", "daniel-werthwein"]
    assert gruppen(danach)["landesverbaende"].offen == ["gemeindetag-bw"]
    vakant = [v for v in danach.verstoesse if v.pfad == ("sitzgruppen", 1)]
    assert [v.regel for v in vakant] == ["sitz-vakant"]
    assert "2 von 3 Sitzen am 2024-01-01" in vakant[0].meldung and "gemeindetag-bw" in vakant[0].meldung


def test_kuenftiges_mitglied_zaehlt_vor_von_nicht(bestand, strategiegruppe):
    mitglied(strategiegruppe, "daniel-werthwein")["von"] = "2025-01-01"
    vorher = sitzregeln.besetzung(strategiegruppe, bestand, "2024-12-31")
    ab_von = sitzregeln.besetzung(strategiegruppe, bestand, "2025-01-01")
    assert "daniel-werthwein" not in personen(gruppen(vorher)["landesverbaende"])
    assert gruppen(vorher)["landesverbaende"].offen == ["landkreistag-bw"]
    assert "daniel-werthwein" in personen(gruppen(ab_von)["landesverbaende"])


def test_nachfolge_ohne_ueberschneidung(bestand, strategiegruppe):
    """Wechsel im Ministerium: Vorgängerin bis 31.3., Nachfolgerin ab 1.4. – nie mehr als ein Sitz."""
    strategiegruppe["mitglieder"] = [
        {"person": "birgit-locher-finke", "sitzgruppe": "ministerium", "bis": "2024-03-31"},
        {"person": "manne-lucha", "sitzgruppe": "ministerium", "von": "2024-04-01"},
    ]
    for tag, erwartet in [("2024-03-31", ["birgit-locher-finke"]), ("2024-04-01", ["manne-lucha"])]:
        b = sitzregeln.besetzung(strategiegruppe, bestand, tag)
        assert personen(gruppen(b)["ministerium"]) == erwartet
        assert verstoesse(b, "mitglied-doppelt") == []


def test_stellvertretung_zaehlt_nicht(bestand, strategiegruppe):
    strategiegruppe["mitglieder"].append(
        {"person": "hannes-schammann", "sitzgruppe": "landesverbaende", "art": "stellvertretung", "vertritt": "luisa-pauge"}
    )
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    stand = gruppen(b)["landesverbaende"]
    assert personen(stand) == ["luisa-pauge", "sebastian-ritter", "daniel-werthwein"]
    assert [m.person for m in stand.stellvertretungen] == ["hannes-schammann"]
    # die Organisation der Stellvertretung (Universität) verletzt keine je/aus-Regel
    assert verstoesse(b, "sitz-regel") == [] and verstoesse(b, "sitz-ueberbesetzt") == []


def test_stellvertretung_einer_ausgeschiedenen(bestand, strategiegruppe):
    mitglied(strategiegruppe, "luisa-pauge")["bis"] = "2023-12-31"
    strategiegruppe["mitglieder"].append(
        {"person": "hannes-schammann", "sitzgruppe": "landesverbaende", "art": "stellvertretung", "vertritt": "luisa-pauge"}
    )
    vorher = sitzregeln.besetzung(strategiegruppe, bestand, "2023-06-01")
    danach = sitzregeln.besetzung(strategiegruppe, bestand, "2024-06-01")
    assert verstoesse(vorher, "sitz-regel") == []
    assert verstoesse(danach, "sitz-regel") == [("sitz-regel", ("mitglieder", 7, "vertritt"))]


def test_stellvertretung_ohne_vertritt(bestand, strategiegruppe):
    strategiegruppe["mitglieder"].append({"person": "hannes-schammann", "sitzgruppe": "ministerium", "art": "stellvertretung"})
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    assert verstoesse(b, "sitz-regel") == [("sitz-regel", ("mitglieder", 7))]
    assert personen(gruppen(b)["ministerium"]) == ["birgit-locher-finke"]


def test_doppelte_mitgliedschaft_nur_bei_ueberschneidung(bestand, strategiegruppe):
    zweiter = {"person": "birgit-locher-finke", "sitzgruppe": "ministerium", "von": "2025-01-01"}
    strategiegruppe["mitglieder"].append(zweiter)
    assert verstoesse(sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG), "mitglied-doppelt") == [
        ("mitglied-doppelt", ("mitglieder", 7, "person"))
    ]
    mitglied_erst = strategiegruppe["mitglieder"][0]
    mitglied_erst["bis"] = "2024-12-31"
    assert verstoesse(sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG), "mitglied-doppelt") == []


def test_unbekannte_sitzgruppe(bestand, strategiegruppe):
    mitglied(strategiegruppe, "elke-zimmermann-fiscella")["sitzgruppe"] = "kommune"
    b = sitzregeln.besetzung(strategiegruppe, bestand, STICHTAG)
    assert verstoesse(b, "ref-unbekannt") == [("ref-unbekannt", ("mitglieder", 6, "sitzgruppe"))]
    assert b.ohne_gruppe == []
    assert sum(len(s.besetzt) for s in b.gruppen) == 6


# --------------------------------------------------------------------------- Hilfsfunktionen


@pytest.mark.parametrize(
    "von, bis, tag, aktiv",
    [
        (None, None, "2024-01-01", True),
        ("2024-01-01", None, "2024-01-01", True),
        ("2024-01-02", None, "2024-01-01", False),
        (None, "2024-01-01", "2024-01-01", True),
        (None, "2023-12-31", "2024-01-01", False),
    ],
)
def test_aktiv_am(von, bis, tag, aktiv):
    m = sitzregeln.Mitgliedschaft(0, "x", None, "ordentlich", None, von, bis)
    assert m.aktiv_am(tag) is aktiv


def test_sitzzahl_und_regeltext(strategiegruppe, konstanz):
    landesverbaende = strategiegruppe["sitzgruppen"][1]
    assert sitzregeln.sitzzahl(landesverbaende) == 3
    assert sitzregeln.sitzzahl({"aus": ["a", "b"]}) == 2
    assert sitzregeln.sitzzahl({"id": "x"}) is None
    assert sitzregeln.regel_text(landesverbaende) == (
        "3 Sitze; je organisation genau eine(r) aus: gemeindetag-bw, staedtetag-bw, landkreistag-bw"
    )
    assert sitzregeln.regel_text(konstanz["sitzgruppen"][0]) == (
        "Sitzzahl nicht festgelegt; höchstens eine(r) je organisation; Organisationstyp fraktion"
    )
    assert "grosse_kreisstadt = ja" in sitzregeln.regel_text(konstanz["sitzgruppen"][1])
