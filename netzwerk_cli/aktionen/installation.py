"""Die Installationsangabe für `netzwerk init`: was CI und pre-commit mit pip installieren.

`ermittle_installation` liest sie aus der Art, wie dieses Werkzeug installiert wurde (PEP 610,
`direct_url.json`), oder prüft, ob die Version auf PyPI installierbar ist; `--installation`
wird als pip-Anforderung (PEP 508) geprüft (`pruefe_installation`). In die erzeugten Dateien
kommt sie nur shell-gequotet (`shlex.quote`) und als YAML-Skalar (`yaml_skalar`), siehe
`installations_ersetzungen` und docs/ARBEITEN_MIT_GIT.md, „Festlegungen“.
"""

from __future__ import annotations

import json
import re
import shlex
import unicodedata
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from netzwerk_cli import __version__
from netzwerk_cli.grundlagen.fehler import EinrichtungsFehler

PAKET = "netzwerk-cli"
PYPI_JSON = "https://pypi.org/pypi/{paket}/{version}/json"
PYPI_ZEITLIMIT = 5  # Sekunden; ohne Antwort gilt die Version als nicht installierbar


# --------------------------------------------------------------------------- Installationsangabe


@dataclass(frozen=True)
class Installation:
    """Was CI und pre-commit mit pip installieren, und woher das bekannt ist."""

    angabe: str | None  # pip-Anforderung (PEP 508); None: nicht ermittelbar → Platzhalter
    herkunft: str  # „angegeben“, „pypi“, „git“, „archiv“, „ordner“ oder „unbekannt“
    hinweis: str | None = None  # deutscher Hinweis für die Ausgabe von `init`
    repository: str | None = None  # Git-Adresse des Werkzeugs (nur bei Installation aus Git)
    revision: str | None = None  # Commit dazu

    @property
    def nur_lokal(self) -> bool:
        return self.angabe is not None and "file:" in self.angabe


def pypi_installierbar(paket: str, version: str, zeitlimit: float = PYPI_ZEITLIMIT) -> bool:
    """True, wenn PyPI genau diese Version mit mindestens einer nicht zurückgezogenen Datei führt.

    Fragt die JSON-API von PyPI (ein Aufruf, kurzes Zeitlimit). Jeder Fehler (kein Netz,
    404, Zeitüberschreitung, unerwartete Antwort) heißt „nicht installierbar“: dann wird
    lieber ein Platzhalter geschrieben als eine Angabe, die in der CI scheitert.
    """
    url = PYPI_JSON.format(paket=paket, version=version)
    try:
        with urllib.request.urlopen(url, timeout=zeitlimit) as antwort:
            if antwort.status != 200:
                return False
            daten = json.loads(antwort.read(5_000_000))
        dateien = daten.get("urls") or []
        return daten.get("info", {}).get("version") == version and any(not d.get("yanked") for d in dateien)
    except Exception:
        return False


def direct_url(paket: str = PAKET) -> dict | None:
    """PEP 610: `direct_url.json` der installierten Verteilung, falls vorhanden und lesbar."""
    from importlib import metadata

    try:
        text = metadata.distribution(paket).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        return None
    if not text:
        return None
    try:
        daten = json.loads(text)
    except ValueError:
        return None
    return daten if isinstance(daten, dict) else None


def ermittle_installation(
    herkunft: Callable[[], dict | None] | None = None,
    auf_pypi: Callable[[str, str], bool] | None = None,
    version: str = __version__,
) -> Installation:
    """Die Installationsangabe aus der Art, wie dieses Werkzeug installiert wurde.

    1. Installiert aus Git (PEP 610 `vcs_info`): `netzwerk-cli @ git+URL@COMMIT` – genau
       dieser Stand, von jeder Maschine erreichbar, die das Repository erreicht.
    2. Installiert aus einem Archiv oder einem Ordner (`archive_info`, `dir_info`): dessen
       Adresse (bei lokalen Pfaden mit Hinweis: CI-Dienste erreichen sie nicht).
    3. Installiert aus einem Paketindex (kein `direct_url.json`): `netzwerk-cli==VERSION`,
       aber nur, wenn PyPI diese Version wirklich anbietet (`auf_pypi`).
    4. Sonst: keine Angabe (Platzhalter in den Dateien, Hinweis in der Ausgabe).
    """
    daten = (herkunft or direct_url)()
    if daten is not None:
        return _aus_direct_url(daten)
    if (auf_pypi or pypi_installierbar)(PAKET, version):
        return Installation(f"{PAKET}=={version}", "pypi")
    return Installation(
        None,
        "unbekannt",
        hinweis=(
            f"Wie netzwerk in CI und pre-commit installiert werden soll, ließ sich nicht feststellen: "
            f"{PAKET} {version} ist auf PyPI nicht installierbar, und eine Installationsadresse ist nicht "
            "vermerkt. Die Dateien enthalten deshalb einen Platzhalter, der mit einer klaren Meldung "
            "scheitert. Bitte „netzwerk init --installation …“ mit einer Git-Adresse verwenden oder die "
            "Angabe in .github/workflows/netzwerk.yml, .gitlab-ci.yml und .pre-commit-config.yaml eintragen."
        ),
    )


def _aus_direct_url(daten: dict) -> Installation:
    url = daten.get("url")
    if not isinstance(url, str) or not url:
        return _unbrauchbar("ohne Adresse")
    from urllib.parse import urlsplit

    try:
        zugang = urlsplit(url).password
    except ValueError:
        return _unbrauchbar("mit ungültiger Adresse")
    if zugang:
        return _unbrauchbar("mit Zugangsdaten in der Adresse (die nie in Dateien geschrieben werden)")
    unterordner = daten.get("subdirectory")
    zusatz = f"#subdirectory={unterordner}" if isinstance(unterordner, str) and unterordner else ""
    vcs = daten.get("vcs_info")
    if isinstance(vcs, dict):
        commit = vcs.get("commit_id")
        if vcs.get("vcs") != "git" or not isinstance(commit, str) or not re.fullmatch(r"[0-9a-f]{40}|[0-9a-f]{64}", commit):
            return _unbrauchbar("aus einer Versionsverwaltung ohne Git-Commit")
        herkunft, adresse, repository = "git", f"git+{url}@{commit}{zusatz}", url
    elif isinstance(daten.get("archive_info"), dict):
        hashes = daten["archive_info"].get("hashes") or {}
        sha = hashes.get("sha256") if isinstance(hashes, dict) else None
        pruefsumme = f"#sha256={sha}" if isinstance(sha, str) and re.fullmatch(r"[0-9a-f]{64}", sha) and not zusatz else ""
        herkunft, adresse, repository, commit = "archiv", f"{url}{zusatz or pruefsumme}", None, None
    elif isinstance(daten.get("dir_info"), dict):
        herkunft, adresse, repository, commit = "ordner", f"{url}{zusatz}", None, None
    else:
        return _unbrauchbar("unbekannter Art")
    try:
        angabe = pruefe_installation(f"{PAKET} @ {adresse}")
    except EinrichtungsFehler:
        return _unbrauchbar(f"mit der Adresse „{_sichtbar(adresse)}“, die keine gültige pip-Angabe ergibt")
    hinweis = None
    if url.startswith("file:"):
        hinweis = (
            f"netzwerk wurde aus einem lokalen Pfad installiert; die Dateien nennen „{angabe}“. Das funktioniert "
            "auf diesem Rechner (pre-commit), aber nicht in GitHub Actions oder GitLab CI: dort bitte mit "
            "„netzwerk init --installation …“ eine Git-Adresse angeben (oder die Angabe in den Dateien ersetzen)."
        )
    return Installation(angabe, herkunft, hinweis, repository if not url.startswith("file:") else None, commit)


def _unbrauchbar(was: str) -> Installation:
    return Installation(
        None,
        "unbekannt",
        hinweis=(
            f"netzwerk ist aus einer Quelle {was} installiert; daraus lässt sich keine pip-Angabe für CI und "
            "pre-commit ableiten. Die Dateien enthalten einen Platzhalter; bitte „netzwerk init --installation …“ "
            "verwenden."
        ),
    )


_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://\S+")
_SHELL_ZEICHEN = set(";&|$`'\"<>(){}*?!\\ \t")


def _sichtbar(text: str) -> str:
    """Text für Meldungen: Steuer- und unsichtbare Zeichen als \\uXXXX."""
    return "".join(z if z.isprintable() and z not in "\u2028\u2029" else f"\\u{ord(z):04x}" for z in text)


def _steuerzeichen(text: str) -> bool:
    return any(unicodedata.category(z) in ("Cc", "Cf", "Zl", "Zp") for z in text)


def pruefe_installation(wert: str) -> str:
    """`--installation` als pip-Anforderung (PEP 508) prüfen; liefert die Anforderung.

    Angenommen wird (1) eine Anforderung nach PEP 508, z. B. `netzwerk-cli==0.1.0` oder
    `netzwerk-cli @ git+https://…/netzwerk.git@v0.1.0`; (2) eine bloße Adresse
    (`git+https://…`, `https://…/x.whl`, `file:///…`) oder (3) ein vorhandener lokaler Pfad
    – (2) und (3) werden zu `netzwerk-cli @ ADRESSE` (Pfade als `file://`-Adresse).
    Abgelehnt wird alles mit Steuerzeichen, Zeilenumbrüchen oder `${{` (GitHub-Ausdruck)
    und alles, was danach keine gültige Anforderung ist.
    """
    from packaging.requirements import InvalidRequirement, Requirement

    text = wert.strip()
    beispiele = (
        f"Erwartet wird eine pip-Anforderung, z. B. „{PAKET}=={__version__}“ oder "
        f"„{PAKET} @ git+https://git.example.org/netzwerk.git@v{__version__}“, eine Adresse "
        "(git+https://…, https://…/datei.whl) oder ein lokaler Pfad."
    )
    if not text:
        raise EinrichtungsFehler(f"--installation ist leer. {beispiele}")
    if _steuerzeichen(wert):
        raise EinrichtungsFehler(
            f"--installation „{_sichtbar(wert)}“ enthält Steuerzeichen oder Zeilenumbrüche; das ist keine pip-Angabe. {beispiele}"
        )
    if "${{" in text:
        raise EinrichtungsFehler(
            f"--installation „{text}“ enthält „${{{{“; GitHub Actions würde das als Ausdruck auswerten. {beispiele}"
        )
    try:
        Requirement(text)
        return text
    except InvalidRequirement as e:
        grund = str(e).splitlines()[0]
    kandidat = None
    if _URL.fullmatch(text) and not (_SHELL_ZEICHEN & set(text)):
        kandidat = f"{PAKET} @ {text}"
    elif not (_SHELL_ZEICHEN - {" "}) & set(text) and (text.startswith((".", "/", "~")) or Path(text).exists()):
        pfad = Path(text).expanduser()
        if pfad.exists():
            kandidat = f"{PAKET} @ {pfad.resolve().as_uri()}"
        else:
            grund = f"Pfad „{text}“ gibt es nicht"
    if kandidat is not None:
        try:
            Requirement(kandidat)
            return kandidat
        except InvalidRequirement as e:
            grund = str(e).splitlines()[0]
    raise EinrichtungsFehler(f"--installation „{text}“ ist keine gültige pip-Angabe ({grund}). {beispiele}")


def yaml_skalar(text: str) -> str:
    """Ein YAML-Skalar auf einer Zeile, der beim Lesen genau `text` ergibt (Quoting von PyYAML)."""
    import yaml

    for stil, unicode in ((None, True), ('"', True), ('"', False)):
        ausgabe = yaml.safe_dump([text], allow_unicode=unicode, width=float("inf"), default_flow_style=True, default_style=stil)
        skalar = ausgabe.strip()[1:-1]
        if stil is None and skalar.startswith("'") and "''" in skalar:
            continue  # lesbarer: "… '…' …" statt '… ''…'' …'
        if "\n" not in skalar and yaml.safe_load(f"x: {skalar}") == {"x": text}:
            return skalar
    raise ValueError(f"nicht als YAML-Skalar darstellbar: {text!r}")  # pragma: no cover - "-Stil kann alles


def pip_befehl(angabe: str) -> str:
    """Die Shell-Zeile, die `angabe` installiert; `angabe` ist genau ein Argument."""
    return f"python -m pip install {shlex.quote(angabe)}"


_FEHLT_KOMMENTAR = """\
# ACHTUNG: Die Installationsangabe für netzwerk fehlt („netzwerk init“ konnte sie nicht
# ermitteln). Diese Zeile durch die Installation ersetzen, z. B.
#   python -m pip install "netzwerk-cli @ git+https://ADRESSE/netzwerk.git@v{version}"
# und dieselbe Angabe in {andere} eintragen."""


def installations_ersetzungen(installation: Installation) -> dict[str, str]:
    """Die Platzhalter der CI- und pre-commit-Vorlagen für diese Installationsangabe."""
    angabe = installation.angabe
    if angabe is not None:
        github_befehl = gitlab_befehl = pip_befehl(angabe)
        github_kommentar = gitlab_kommentar = ""
        hook = (
            "entry: netzwerk validate\n"
            "language: python\n"
            f"additional_dependencies: [{yaml_skalar(angabe)}]"
        )
    else:
        meldung = "netzwerk: Installationsangabe fehlt - bitte in dieser Datei eintragen (siehe Kommentar dort)."
        github_befehl = f"echo {shlex.quote('::error::' + meldung)}; exit 1"
        gitlab_befehl = f"echo {shlex.quote(meldung)} >&2; exit 1"
        github_kommentar = _FEHLT_KOMMENTAR.format(version=__version__, andere=".gitlab-ci.yml und .pre-commit-config.yaml")
        gitlab_kommentar = _FEHLT_KOMMENTAR.format(version=__version__, andere=".github/workflows/netzwerk.yml und .pre-commit-config.yaml")
        hook = (
            "# ACHTUNG: Die Installationsangabe für netzwerk fehlt („netzwerk init“ konnte sie nicht\n"
            "# ermitteln). Bis sie eingetragen ist, scheitert dieser Hook mit einer Meldung. Ersetzen durch:\n"
            "#   entry: netzwerk validate\n"
            "#   language: python\n"
            f'#   additional_dependencies: ["netzwerk-cli @ git+https://ADRESSE/netzwerk.git@v{__version__}"]\n'
            f"entry: {yaml_skalar(meldung)}\n"
            "language: fail"
        )
    if installation.repository and installation.revision:
        alternative = (
            "# Statt des lokalen Eintrags unten kann auch der Hook aus dem Repository des Werkzeugs\n"
            "# genutzt werden (id „netzwerk-validate“):\n"
            f"#   - repo: {installation.repository}\n"
            f"#     rev: {installation.revision}\n"
            "#     hooks:\n"
            "#       - id: netzwerk-validate"
        )
    else:
        alternative = ""
    return {
        "PIP_BEFEHL_GITHUB": yaml_skalar(github_befehl),
        "PIP_BEFEHL_GITLAB": yaml_skalar(gitlab_befehl),
        "PIP_KOMMENTAR_GITHUB": github_kommentar,
        "PIP_KOMMENTAR_GITLAB": gitlab_kommentar,
        "PRE_COMMIT_HOOK": hook,
        "PRE_COMMIT_ALTERNATIVE": alternative,
    }
