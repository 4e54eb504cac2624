"""`netzwerk export seite`: die statische Website.

Echte Prüfwerkzeuge: html-validate 10 (Presets recommended, a11y, document) und axe-core über
puppeteer-core gegen Debians Chromium (WCAG 2.0/2.1 A und AA), dazu eine Linkprüfung in Python,
Determinismus, Schreibregeln des Ausgabeordners und feindliche Daten. Fehlen Node, die npm-Pakete
(`npm ci --prefix tests`) oder Chromium, werden nur die Werkzeugtests mit Begründung übersprungen;
CI installiert alles (`.ci/run`).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from conftest import BEISPIEL, PROJEKT, STICHTAG, minimal_repo

TESTS = PROJEKT / "tests"
NODE_MODULES = TESTS / "node_modules"


def _export(daten: Path, ziel: Path, *zusatz: str):
    from typer.testing import CliRunner

    from netzwerk_cli.cli import app

    return CliRunner().invoke(app, ["export", "seite", str(ziel), "--daten", str(daten), "--stichtag", STICHTAG, *zusatz], catch_exceptions=False)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    """Die Website der Beispieldaten (einmal je Modul gebaut, aus einer Kopie von data/)."""
    basis = tmp_path_factory.mktemp("site")
    daten = basis / "daten"
    shutil.copytree(BEISPIEL, daten)
    ziel = basis / "site"
    r = _export(daten, ziel)
    assert r.exit_code == 0, r.stdout + r.stderr
    return ziel


def _seiten(ordner: Path) -> list[Path]:
    return sorted(ordner.rglob("*.html"))


def _node_oder_skip(*pakete: str) -> str:
    node = shutil.which("node")
    if node is None:
        pytest.skip("node fehlt (CI installiert es; lokal: Node 20 installieren)")
    for p in pakete:
        if not (NODE_MODULES / p).is_dir():
            pytest.skip(f"npm-Paket {p} fehlt: `npm ci --prefix tests` ausführen")
    return node


# --------------------------------------------------------------------------- echte Prüfwerkzeuge


def test_html_validate_ohne_fehler(site):
    node = _node_oder_skip("html-validate")
    seiten = _seiten(site)
    assert len(seiten) >= 20
    cli = NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs"
    if not cli.exists():
        cli = NODE_MODULES / ".bin" / "html-validate"
    r = subprocess.run(
        [node, str(cli), "--config", str(TESTS / "js" / "htmlvalidate.json"), "--formatter", "json", *map(str, seiten)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    ergebnis = json.loads(r.stdout or "[]")
    fehler = [f"{Path(d['filePath']).relative_to(site)}:{m['line']}: {m['ruleId']}: {m['message']}" for d in ergebnis for m in d["messages"]]
    assert not fehler, "\n".join(fehler)
    assert r.returncode == 0, r.stderr


def test_html_validate_findet_fehler(tmp_path):
    """Gegenprobe: Konfiguration und Aufruf erkennen wirklich Fehler (übersprungene Ebene, fehlendes alt)."""
    node = _node_oder_skip("html-validate")
    schlecht = tmp_path / "a.html"
    schlecht.write_text('<!DOCTYPE html>\n<html lang="de">\n<head>\n<title>x</title>\n</head>\n<body>\n<h1>a</h1>\n<h3>b</h3>\n<img src="x.png">\n</body>\n</html>\n', encoding="utf-8")
    cli = NODE_MODULES / "html-validate" / "bin" / "html-validate.mjs"
    r = subprocess.run([node, str(cli), "--config", str(TESTS / "js" / "htmlvalidate.json"), "--formatter", "json", str(schlecht)], capture_output=True, text=True, timeout=120)
    regeln = {m["ruleId"] for d in json.loads(r.stdout) for m in d["messages"]}
    assert {"heading-level", "wcag/h37"} <= regeln


def _axe(ordner: Path) -> dict:
    node = _node_oder_skip("axe-core", "puppeteer-core")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium fehlt (CI: apt-get install -y chromium)")
    r = subprocess.run([node, str(TESTS / "js" / "axe.mjs"), str(ordner), chromium], capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


@pytest.mark.langsam
def test_axe_core_ohne_verstoesse(site):
    ergebnis = _axe(site)
    assert ergebnis["seiten"] == len(_seiten(site))
    assert ergebnis["verstoesse"] == [], json.dumps(ergebnis["verstoesse"], ensure_ascii=False, indent=1)


def test_axe_core_findet_verstoesse(tmp_path):
    """Gegenprobe: das Skript meldet Verstöße (Bild ohne alt, Kontrast zu gering, keine Sprache)."""
    (tmp_path / "a.html").write_text(
        '<!DOCTYPE html><html><head><title>x</title></head><body><main><h1>a</h1><img src="x.png">'
        '<p style="color:#bbb;background:#fff">blass</p></main></body></html>\n',
        encoding="utf-8",
    )
    regeln = {v["regel"] for v in _axe(tmp_path)["verstoesse"]}
    assert {"image-alt", "color-contrast", "html-has-lang"} <= regeln


# --------------------------------------------------------------------------- Links, Ressourcen


class _Leser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.verweise: list[tuple[str, str]] = []  # (tag, url)
        self.tags: list[str] = []
        self.h1 = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append(tag)
        if tag == "h1":
            self.h1 += 1
        if a.get("id"):
            self.ids.add(a["id"])
        for attr in ("href", "src"):
            if a.get(attr) is not None:
                self.verweise.append((tag, a[attr]))


def _lies(pfad: Path) -> _Leser:
    leser = _Leser()
    leser.feed(pfad.read_text(encoding="utf-8"))
    return leser


def test_jeder_interne_link_und_anker_existiert(site):
    gelesen = {p: _lies(p) for p in _seiten(site)}
    geprueft = 0
    for pfad, leser in gelesen.items():
        for tag, url in leser.verweise:
            teile = urlsplit(url)
            if teile.scheme in ("http", "https", "mailto"):
                assert tag == "a", f"{pfad.name}: externe Ressource {url}"
                continue
            assert not teile.scheme and not teile.netloc, f"{pfad}: unerwarteter Verweis {url}"
            assert not url.startswith("/"), f"{pfad}: absoluter Pfad {url} (bricht file://)"
            ziel = (pfad.parent / unquote(teile.path)).resolve() if teile.path else pfad
            assert ziel.is_file(), f"{pfad.relative_to(site)}: Verweis ins Leere: {url}"
            assert ziel.is_relative_to(site.resolve()), f"{pfad}: Verweis aus der Website hinaus: {url}"
            if teile.fragment:
                ids = gelesen[ziel].ids if ziel in gelesen else _lies(ziel).ids
                assert unquote(teile.fragment) in ids, f"{pfad.relative_to(site)}: Anker fehlt: {url}"
            geprueft += 1
    assert geprueft > 100  # die Prüfung prüft wirklich etwas
    # jeder Eintrag der sitemap.xml ist eine Seite, und jede Seite steht in der sitemap.xml
    import xml.etree.ElementTree as ET

    orte = [e.text for e in ET.parse(site / "sitemap.xml").getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert sorted(orte) == sorted(p.relative_to(site).as_posix() for p in gelesen)


def test_jede_seite_ein_h1_kein_javascript_keine_externen_ressourcen(site):
    for pfad in _seiten(site):
        leser = _lies(pfad)
        text = pfad.read_text(encoding="utf-8")
        assert leser.h1 == 1, pfad
        assert '<html lang="de">' in text
        assert 'href="#inhalt"' in text and 'id="inhalt"' in text  # Sprunglink
        assert "script" not in leser.tags and "link" not in leser.tags and "iframe" not in leser.tags, pfad
        assert "@import" not in text and "url(" not in text and "@font-face" not in text, pfad
        assert "@media print" in text  # Druckstil (eingebettet)


def test_seiten_enthalten_was_die_quellen_zeigen(site):
    start = (site / "index.html").read_text(encoding="utf-8")
    assert "Netzwerk Integration Baden-Württemberg" in start and "Gemeindetag Baden-Württemberg" in start
    gremium = (site / "gremien" / "steuerungsgruppe-beispielkreis.html").read_text(encoding="utf-8")
    assert "Name nicht öffentlich" in gremium and "<caption>Sitzgruppen</caption>" in gremium
    empfehlung = (site / "empfehlungen" / "2023-001.html").read_text(encoding="utf-8")
    assert "vollständig" in empfehlung and "25. Juni 2025" in empfehlung
    konzept = (site / "konzepte" / "integrationskonzept-beispielkreis.html").read_text(encoding="utf-8")
    assert "Maßnahmen 2026" in konzept and "Querschnittsthemen" in konzept
    veranstaltungen = (site / "veranstaltungen.html").read_text(encoding="utf-8")
    assert "Manne Lucha" in veranstaltungen  # öffentliche Person mit Namen
    # Entwürfe erscheinen nicht (2026-002 ist am Stichtag ein Entwurf)
    assert not (site / "empfehlungen" / "2026-002.html").exists()
    assert "2026-002" not in (site / "empfehlungen.html").read_text(encoding="utf-8")


def test_struktur_liste_und_svg(site):
    struktur = (site / "struktur.html").read_text(encoding="utf-8")
    assert "Strategiegruppe" in struktur and "<ul>" in struktur
    if shutil.which("dot") is None:
        pytest.skip("Graphviz (dot) fehlt; CI installiert es")
    svg = (site / "struktur.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg and "<!--" not in svg
    assert 'src="struktur.svg"' in struktur


def test_ohne_graphviz_nur_liste(beispiel, tmp_path, monkeypatch):
    from netzwerk_cli.export import seite

    monkeypatch.setattr(seite.shutil, "which", lambda name: None)
    r = _export(beispiel, tmp_path / "site")
    assert r.exit_code == 0
    assert "Graphviz" in r.stderr
    assert not (tmp_path / "site" / "struktur.svg").exists()
    assert "<img" not in (tmp_path / "site" / "struktur.html").read_text(encoding="utf-8")


# --------------------------------------------------------------------------- Determinismus, Ordner


def test_deterministisch(beispiel, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert _export(beispiel, a).exit_code == 0
    assert _export(beispiel, b).exit_code == 0

    def inhalt(o: Path) -> dict[str, bytes]:
        return {p.relative_to(o).as_posix(): p.read_bytes() for p in sorted(o.rglob("*")) if p.is_file()}

    assert inhalt(a) == inhalt(b)
    r = _export(beispiel, a)
    assert "0 geschrieben" in r.stdout and "0 entfernt" in r.stdout


def test_basis_url_in_sitemap(beispiel, tmp_path):
    assert _export(beispiel, tmp_path / "s", "--basis-url", "https://netzwerk.example.org/web").exit_code == 0
    sitemap = (tmp_path / "s" / "sitemap.xml").read_text(encoding="utf-8")
    assert "<loc>https://netzwerk.example.org/web/index.html</loc>" in sitemap
    r = _export(beispiel, tmp_path / "t", "--basis-url", "javascript:alert(1)")
    assert r.exit_code == 2 and "--basis-url" in r.stderr


def test_ordner_ist_datei(beispiel, tmp_path):
    datei = tmp_path / "datei.html"
    datei.write_text("x", encoding="utf-8")
    r = _export(beispiel, datei)
    assert r.exit_code == 2 and "Datei" in r.stderr and "Traceback" not in r.stderr
    assert datei.read_text(encoding="utf-8") == "x"


def test_fremder_nicht_leerer_ordner_wird_abgelehnt(beispiel, tmp_path):
    ordner = tmp_path / "fremd"
    ordner.mkdir()
    (ordner / "wichtig.txt").write_text("bleibt", encoding="utf-8")
    r = _export(beispiel, ordner)
    assert r.exit_code == 2 and "nicht leer" in r.stderr
    assert sorted(p.name for p in ordner.iterdir()) == ["wichtig.txt"]


def test_export_anderer_art_wird_abgelehnt(beispiel, tmp_path):
    ordner = tmp_path / "oparl"
    ordner.mkdir()
    (ordner / ".netzwerk-export").write_text("netzwerk export oparl\nsystem.json\n", encoding="utf-8")
    (ordner / "system.json").write_text("{}", encoding="utf-8")
    r = _export(beispiel, ordner)
    assert r.exit_code == 2 and "oparl" in r.stderr
    assert (ordner / "system.json").read_text(encoding="utf-8") == "{}"


def test_ausgabe_nicht_ins_datenrepository(beispiel):
    r = _export(beispiel, beispiel)
    assert r.exit_code == 2 and "Datenrepository" in r.stderr


def test_veraltete_dateien_entfernt_fremde_bleiben(beispiel, tmp_path):
    ordner = tmp_path / "site"
    assert _export(beispiel, ordner).exit_code == 0
    (ordner / "CNAME").write_text("netzwerk.example.org\n", encoding="utf-8")  # vom Betreiber, nicht vom Export
    alt = ordner / "empfehlungen" / "2023-001.html"
    assert alt.exists()
    (beispiel / "empfehlungen" / "2023" / "2023-001.yaml").unlink()
    r = _export(beispiel, ordner)
    assert r.exit_code == 0 and "1 entfernt" in r.stdout, r.stdout
    assert not alt.exists()
    assert (ordner / "CNAME").read_text(encoding="utf-8") == "netzwerk.example.org\n"


def test_keine_verknuepfung_wird_verfolgt(beispiel, tmp_path):
    ordner = tmp_path / "site"
    assert _export(beispiel, ordner).exit_code == 0
    draussen = tmp_path / "draussen"
    draussen.mkdir()
    shutil.rmtree(ordner / "gremien")
    os.symlink(draussen, ordner / "gremien")
    r = _export(beispiel, ordner)
    assert r.exit_code == 2 and "Verknüpfung" in r.stderr
    assert list(draussen.iterdir()) == []
    # auch eine verknüpfte Datei wird nicht beschrieben
    os.unlink(ordner / "gremien")
    assert _export(beispiel, ordner).exit_code == 0
    ziel = tmp_path / "ziel.txt"
    ziel.write_text("unberührt", encoding="utf-8")
    (ordner / "index.html").unlink()
    os.symlink(ziel, ordner / "index.html")
    r = _export(beispiel, ordner)
    assert r.exit_code == 2
    assert ziel.read_text(encoding="utf-8") == "unberührt"


def test_schreibe_baum_lehnt_pfade_ausserhalb_ab(tmp_path):
    from netzwerk_cli.export.schreiben import schreibe_baum

    for boese in ("../x.html", "/etc/x", "a/../../x", ".versteckt", "a\\b", ""):
        with pytest.raises(ValueError):
            schreibe_baum(tmp_path / "o", {boese: b"x"}, "seite")
    assert not (tmp_path / "o").exists() and not (tmp_path / "x.html").exists()


# --------------------------------------------------------------------------- Schlüssel, Barrierefreiheit


def test_neuer_pseudonym_schluessel_wird_gemeldet(beispiel, tmp_path):
    (beispiel / ".netzwerk" / "pseudonym-schluessel").unlink()
    r = _export(beispiel, tmp_path / "s")
    assert r.exit_code == 0
    assert "Pseudonym-Schlüssel neu angelegt" in r.stderr and "committen" in r.stderr
    assert (beispiel / ".netzwerk" / "pseudonym-schluessel").is_file()
    assert "Pseudonym-Schlüssel" not in _export(beispiel, tmp_path / "s").stderr


ERKLAERUNG = """\
stand: 2026-05-04
vereinbarkeit: teilweise
nicht_barrierefrei:
  - Das Strukturdiagramm (SVG) ist nicht für Screenreader aufbereitet; dieselben Angaben stehen als Liste darüber.
bewertung: Selbstbewertung der Geschäftsstelle
feedback:
  stelle: Geschäftsstelle des Netzwerks
  email: barrierefreiheit@netzwerk.example.org
  telefon: "+49 711 000000"
schlichtung: Beschreibung des Durchsetzungsverfahrens & Link zur zuständigen Stelle.
"""


def test_erklaerung_zur_barrierefreiheit_aus_den_daten(beispiel, tmp_path):
    r = _export(beispiel, tmp_path / "ohne")
    assert ".netzwerk/barrierefreiheit.yaml fehlt" in r.stderr
    assert "noch nicht eingetragen" in (tmp_path / "ohne" / "barrierefreiheit.html").read_text(encoding="utf-8")
    (beispiel / ".netzwerk" / "barrierefreiheit.yaml").write_text(ERKLAERUNG, encoding="utf-8")
    r = _export(beispiel, tmp_path / "mit")
    assert r.exit_code == 0 and "barrierefreiheit.yaml" not in r.stderr
    seite = (tmp_path / "mit" / "barrierefreiheit.html").read_text(encoding="utf-8")
    assert "teilweise vereinbar" in seite and "4. Mai 2026" in seite
    assert 'href="mailto:barrierefreiheit@netzwerk.example.org"' in seite  # zur Veröffentlichung bestimmt
    assert "Durchsetzungsverfahrens &amp; Link" in seite


def test_erklaerung_fehlerhaft_meldet_datei_und_stelle(beispiel, tmp_path):
    (beispiel / ".netzwerk" / "barrierefreiheit.yaml").write_text(ERKLAERUNG.replace("teilweise", "irgendwie"), encoding="utf-8")
    r = _export(beispiel, tmp_path / "s")
    assert r.exit_code == 2
    assert ".netzwerk/barrierefreiheit.yaml:2:1" in r.stderr and "[barrierefreiheit-ungueltig]" in r.stderr
    assert not (tmp_path / "s").exists()


# --------------------------------------------------------------------------- feindliche Daten, Datenschutz

FEINDLICH = {
    "organisationen/kreis.yaml": 'name: Kreis <script>alert("k")</script> & Co\ntyp: landkreis\n',
    "personen/zora-geheim.yaml": (
        "name: Zora Geheimnisvoll\norganisation: kreis\nfunktion: Leiterin der AG\nrollen: [ag_leitung]\n"
        "kontakt:\n  email: zora@geheim.invalid\n  telefon: \"+49 1 2345 6789\"\n"
    ),
    "gremien/gremium-x.yaml": (
        "name: 'Gremium \"X\" <b>fett</b> & ''Y'''\nart: steuerungsgruppe\norganisation: kreis\n"
        "sitzgruppen:\n  - id: alle\n    name: Alle <i>Sitze</i>\n    anzahl: 2\n"
        "mitglieder:\n  - person: zora-geheim\n    sitzgruppe: alle\n    von: 2025-01-01\n"
    ),
    "arbeitsgruppen/ag-x.yaml": (
        "name: AG </title><script>alert(1)</script> mit Zora Geheimnisvoll\n"
        "thema: Geleitet von zora-geheim, erreichbar unter zora@geheim.invalid\n"
        "eingesetzt_von: gremium-x\nstatus: aktiv\nbeginn: 2025-01-01\nleitung: [zora-geheim]\n"
    ),
    "empfehlungen/2026/2026-001.yaml": (
        "titel: 'Empfehlung \"<script>alert(2)</script>\" & Zora Geheimnisvoll'\n"
        "text: Zora Geheimnisvoll schlägt <a href=\"javascript:alert(3)\">dies</a> vor & mehr.\n"
        "arbeitsgruppe: ag-x\nentscheidungsgremium: gremium-x\nadressaten: [kreis]\nstatus: weitergeleitet\n"
        "verlauf:\n"
        "  - {status: entwurf, datum: 2026-01-05, durch: Zora Geheimnisvoll}\n"
        "  - {status: eingereicht, datum: 2026-01-20}\n"
        "  - {status: beschlossen, datum: 2026-03-01}\n"
        "  - {status: weitergeleitet, datum: 2026-03-10, notiz: \"<img src=x onerror=alert(4)> an zora-geheim\"}\n"
        "umsetzung:\n  - {adressat: kreis, datum: 2026-04-01, stand: teilweise, bericht: 'Zora Geheimnisvoll berichtet \"<u>\"'}\n"
    ),
    "veranstaltungen/2026/tag.yaml": (
        "titel: Fachtag <script>x</script>\ndatum: 2026-05-05\nart: fachtag\n"
        "programm:\n  - titel: Grußwort\n    art: grusswort\n    personen: [zora-geheim]\n    mitwirkende: [Zora Geheimnisvoll, '<b>Gast</b>']\n"
    ),
}


def test_feindliche_daten_escaped_und_geschwaerzt(tmp_path):
    daten = minimal_repo(tmp_path / "daten", FEINDLICH)
    ziel = tmp_path / "site"
    r = _export(daten, ziel)
    assert r.exit_code == 0, r.stdout + r.stderr
    dateien = {p.relative_to(ziel).as_posix(): p.read_text(encoding="utf-8") for p in ziel.rglob("*") if p.is_file()}
    assert "arbeitsgruppen/ag-x.html" in dateien and "empfehlungen/2026-001.html" in dateien
    alles = "\n".join([*dateien, *dateien.values()])
    for verboten in ("Zora", "Geheimnisvoll", "zora-geheim", "zora@geheim", "2345 6789", "<script", "<b>", "<i>", "<u>", "<img src=x", 'href="javascript'):
        assert verboten.lower() not in alles.lower(), verboten
    for p, text in dateien.items():
        if p.endswith(".html"):
            assert text.count("<title>") == 1 and "</title><script>" not in text, p
    ag = dateien["arbeitsgruppen/ag-x.html"]
    assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in ag
    assert "[Name nicht öffentlich]" in ag and "Leiterin der AG (Name nicht öffentlich)" in ag
    empfehlung = dateien["empfehlungen/2026-001.html"]
    assert "&#34;&lt;script&gt;alert(2)&lt;/script&gt;&#34; &amp;" in empfehlung
    assert "&lt;img src=x onerror=alert(4)&gt;" in empfehlung
    gremium = dateien["gremien/gremium-x.html"]
    assert "Gremium &#34;X&#34; &lt;b&gt;fett&lt;/b&gt; &amp; &#39;Y&#39;" in gremium
    assert "Kreis &lt;script&gt;" in dateien["index.html"] or "Kreis &lt;script&gt;" in gremium


def test_endkontrolle_haelt_private_id_in_einer_datensatz_id_auf(tmp_path):
    """Fail closed: eine AG-id, die die id einer privaten Person enthält, würde als Dateiname
    erscheinen – der Export schreibt dann nichts."""
    dateien = {k: v for k, v in FEINDLICH.items() if not k.startswith(("arbeitsgruppen/", "empfehlungen/"))}
    dateien["arbeitsgruppen/zora-geheim.yaml"] = "name: AG Sprache\neingesetzt_von: gremium-x\nstatus: aktiv\n"
    daten = minimal_repo(tmp_path / "daten", dateien)
    r = _export(daten, tmp_path / "site")
    assert r.exit_code == 1 and "[export-datenschutz]" in r.stderr
    assert "zora" not in r.stderr.lower()
    assert not (tmp_path / "site").exists()


def test_hilfe_laedt_kein_jinja2():
    code = (
        "import sys; sys.argv = ['netzwerk', '--help']\n"
        "from netzwerk_cli.cli import run\n"
        "try:\n    run()\nexcept SystemExit:\n    pass\n"
        "print('jinja2' in sys.modules, file=sys.stderr)"
    )
    aus = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert aus.stderr.strip().splitlines()[-1] == "False", aus.stderr


@pytest.mark.langsam
def test_vorlagen_im_wheel(tmp_path):
    """Die Vorlagen liegen im Paket und kommen ins Wheel (hatch nimmt Paketdateien mit)."""
    r = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(PROJEKT)],
        capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    if r.returncode != 0:
        pytest.skip(f"Wheel nicht baubar (pip/hatchling nicht erreichbar?): {r.stderr[-300:]}")
    import zipfile

    namen = zipfile.ZipFile(next(tmp_path.glob("*.whl"))).namelist()
    vorlagen = sorted((PROJEKT / "netzwerk_cli" / "export" / "vorlagen").iterdir())
    assert len(vorlagen) >= 10
    for vorlage in vorlagen:
        assert f"netzwerk_cli/export/vorlagen/{vorlage.name}" in namen
