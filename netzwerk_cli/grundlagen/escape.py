"""Maskieren für den Ort, an dem eine Ausgabe gelesen wird – die eine Stelle dafür.

Jeder Wert aus den Daten (Titel, Namen, Dateinamen, Commit-Betreffe, Meldungen mit Werten)
geht durch genau eine Funktion dieses Moduls, bevor er in eine Ausgabe kommt:

| Ziel | Funktion | was sie garantiert |
|---|---|---|
| Terminal, Text | `terminal`, `terminal_zeilen`, `einzeilig` | keine Steuerzeichen (C0, DEL, C1, Bidi, U+2028/2029) roh; sichtbar als `\\x1b`, `\\u202e` |
| Rich-Markup | `rich`, `text` | zusätzlich `[…]` als Text, nie als Stil oder Link |
| JSON | `json_text` | Steuer- und Bidi-Zeichen als `\\uXXXX` (gültiges JSON, gleicher Wert) |
| GitHub-Workflow-Befehle | `github_daten`, `github_eigenschaft` | kein Zeilenumbruch, keine Trennzeichen; `%`-Kodierung des Runners |
| Zeilenanfang in CI-Protokollen | `zeilenanfang` | kein Wert beginnt eine Zeile mit `::` oder `##[` |
| Markdown (GitHub/GitLab) | `markdown`, `zaun` | eine Zeile; Auszeichnung, HTML, Entitäten, Links maskiert; Erwähnungen und Verweise (`@x`, `#1`, `!1`, `GH-1`, URLs, Hashes) in Code-Spannen |
| Mermaid | `mermaid`, `mermaid_kommentar` | kein Zeilenumbruch, kein `%%`, keine Anführungszeichen; Sonderzeichen als `#NN;` |
| Graphviz DOT | `dot` | eine Zeichenkette in `"…"`, `\\` und `"` maskiert |

Entscheidung für Markdown (docs/GARANTIEN.md): Erwähnungen und Verweise erkennen GitHub und
GitLab erst nach dem Markdown, im fertigen Text – ein Backslash hilft dort nicht. Darum kommt
jedes „Wort“ (Folge ohne Leerraum), das eine Erwähnung, einen Verweis oder einen Link ergeben
könnte, in eine Code-Spanne (dort wird nichts verlinkt); alles andere wird mit Backslash maskiert.
"""

from __future__ import annotations

import json as _json
import re

# C0 (außer nichts), DEL, C1 (mit NEL U+0085), Bidi-Steuerzeichen (LRM, RLM, ALM, LRE…RLO, LRI…PDI),
# Zeilen- und Absatztrenner U+2028/2029, BOM/ZWNBSP U+FEFF
_STEUER = "\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff"
STEUERZEICHEN = re.compile(f"[{_STEUER}]")
_STEUER_OHNE_LF = re.compile("[\x00-\x09\x0b-\x1f" + _STEUER[len("\x00-\x1f"):] + "]")
_STEUER_OHNE_CR_LF = re.compile("[\x00-\x09\x0b\x0c\x0e-\x1f" + _STEUER[len("\x00-\x1f"):] + "]")
_UMBRUCH = re.compile(r"[\t\n\x0b\x0c\r\x1c-\x1f\x85\u2028\u2029]+")


_KURZ = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def sichtbar(zeichen: str) -> str:
    """Ein Steuerzeichen als lesbare Escape-Folge: `\\x1b`, `\\u202e`."""
    n = ord(zeichen)
    if zeichen in _KURZ:
        return _KURZ[zeichen]
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


def terminal(wert: object) -> str:
    """Eine Zeile Text fürs Terminal: jedes Steuerzeichen (auch Zeilenumbruch) sichtbar."""
    return STEUERZEICHEN.sub(lambda m: sichtbar(m.group()), "" if wert is None else str(wert))


def terminal_zeilen(wert: object) -> str:
    """Mehrzeiliger Text fürs Terminal: `\\n` bleibt, alle anderen Steuerzeichen sichtbar."""
    return _STEUER_OHNE_LF.sub(lambda m: sichtbar(m.group()), "" if wert is None else str(wert))


def einzeilig(wert: object) -> str:
    """Berichtszelle: Zeilenumbrüche und Tabulatoren werden zu einem Leerzeichen, alle übrigen
    Steuerzeichen sichtbar."""
    return terminal(_UMBRUCH.sub(" ", "" if wert is None else str(wert)))


def tief(daten, f=einzeilig):
    """`f` auf jede Zeichenkette in Listen und Wörterbüchern (Werte, nicht Schlüssel)."""
    if isinstance(daten, str):
        return f(daten)
    if isinstance(daten, dict):
        return {k: tief(v, f) for k, v in daten.items()}
    if isinstance(daten, (list, tuple)):
        return type(daten)(tief(v, f) for v in daten) if isinstance(daten, list) else tuple(tief(v, f) for v in daten)
    return daten


def rich(wert: object) -> str:
    """Ein Wert in einer Rich-Markup-Zeichenkette: eine Zeile, ohne Markup-Wirkung."""
    from rich.markup import escape as _rich_escape  # rich erst bei Bedarf (schneller Start)

    return _rich_escape(terminal(wert))


def rich_zeilen(wert: object) -> str:
    from rich.markup import escape as _rich_escape  # rich erst bei Bedarf (schneller Start)

    return _rich_escape(terminal_zeilen(wert))


def text(wert: object, stil: str = ""):
    """Ein Wert als Rich-Text (nie Markup); Steuerzeichen sichtbar, `\\n` bleibt (Aufbau der Zelle)."""
    from rich.text import Text  # rich erst bei Bedarf (schneller Start)

    return Text(terminal_zeilen(wert), style=stil)


# --------------------------------------------------------------------------- JSON

_JSON_ROH = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]")


def json_text(daten, **optionen) -> str:
    """`json.dumps` mit UTF-8, aber Steuer- und Bidi-Zeichen als `\\uXXXX` (json.dumps maskiert
    nur C0). Diese Zeichen stehen in JSON nur in Zeichenketten; der Wert bleibt gleich."""
    roh = _json.dumps(daten, ensure_ascii=False, **{"indent": 2, **optionen})
    return _JSON_ROH.sub(lambda m: f"\\u{ord(m.group()):04x}", roh)


# --------------------------------------------------------------------------- GitHub und CI-Protokolle


def github_daten(wert: object) -> str:
    """Nachricht eines Workflow-Befehls (`::error …::NACHRICHT`): Zeilenumbrüche als `%0A`/`%0D`
    (der Runner zeigt sie als Umbruch in der Anmerkung, der Befehl bleibt eine Zeile), alle
    anderen Steuerzeichen sichtbar."""
    s = _STEUER_OHNE_CR_LF.sub(lambda m: sichtbar(m.group()), "" if wert is None else str(wert))
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_eigenschaft(wert: object) -> str:
    """Eigenschaft eines Workflow-Befehls (`file=…,title=…`)."""
    return github_daten(wert).replace(":", "%3A").replace(",", "%2C")


def zeilenanfang(wert: str) -> str:
    """Ein Wert am Anfang einer Zeile (Pfad eines Befunds): der Runner liest Zeilen, die – nach
    Leerraum – mit `::` oder `##[` beginnen, als Befehl. Solche Werte bekommen `./` davor."""
    return "./" + wert if wert.lstrip().startswith(("::", "##")) else wert


_BEFEHLSZEILE = re.compile(r"(?m)^((?:\x1b\[[0-9;]*m|[ \t])*)(:(?=:)|#(?=#\[))")


def befehlszeilen(ausgabe: str) -> str:
    """Fertige Terminalausgabe: keine Zeile beginnt (nach Leerraum und Farbcodes) mit `::` oder
    `##[`; das erste Zeichen wird sichtbar maskiert (`\x3a:error…`)."""
    return _BEFEHLSZEILE.sub(lambda m: m.group(1) + sichtbar(m.group(2)), ausgabe)


# --------------------------------------------------------------------------- Markdown

# Zeichen, die in GFM etwas auszeichnen können (Backslash-maskierbar, CommonMark: ASCII-Satzzeichen)
_MD_ZEICHEN = re.compile(r"([\\`*_\[\]<>#!|~&$])")
# Wörter, die GitHub/GitLab nach dem Markdown verlinken: @erwähnung, #1, !1, ~1, %1, $1, &1,
# owner/repo#1, GH-1, URLs (scheme://, www.), E-Mail, Commit-Hashes
_MD_VERWEIS = re.compile(
    r"[@#!~%$&^][^\s]|://|(?i:www\.)|(?i:gh-\d)|(?<![0-9a-zA-Z])(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}(?![0-9a-zA-Z])|(?i:mailto:)"
)


def zaun(inhalt: str, zeichen: str = "`", mindestens: int = 3) -> str:
    """Ein Code-Zaun, länger als jede Folge von `zeichen` im Inhalt."""
    laengste = max((len(m) for m in re.findall(re.escape(zeichen) + "+", inhalt)), default=0)
    return zeichen * max(mindestens, laengste + 1)


def _code_spanne(wort: str, tabelle: bool) -> str:
    z = zaun(wort, mindestens=1)
    innen = f" {wort} " if wort.startswith("`") or wort.endswith("`") else wort
    return f"{z}{innen}{z}"


def markdown(wert: object, tabelle: bool = False) -> str:
    """Ein Wert in Markdown (Fließtext oder Tabellenzelle): eine Zeile, nichts wird Auszeichnung,
    HTML, Entität, Link, Erwähnung oder Verweis."""
    s = einzeilig(re.sub(r"\s+", " ", "" if wert is None else str(wert))).strip()
    if not s:
        return " " if tabelle else ""
    teile = []
    # `|` steht nie in einer Code-Spanne: dort wäre ein Backslash davor wörtlich, und ob `\\|`
    # eine Zelle trennt, lesen Markdown-Programme verschieden. Außerhalb ist es immer `\|`.
    for wort in s.split(" "):
        # Verweis oder Erwähnung? Beurteilt am Wort ohne `|` (ein Leser könnte `@\|1` als `@1` lesen):
        # dann kommt jeder Teil zwischen den `|` in eine eigene Code-Spanne.
        verweis = _MD_VERWEIS.search(wort.replace("|", "")) is not None
        for teil in re.split(r"(\|)", wort):
            if teil == "|":
                teile.append("\\|")
            elif teil:
                teile.append(_code_spanne(teil, tabelle) if verweis else _MD_ZEICHEN.sub(r"\\\1", teil))
        teile.append(" ")
    return "".join(teile)[:-1]


# --------------------------------------------------------------------------- Mermaid


_MERMAID = {"&": "#amp;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "#": "#35;", "%": "#37;", "`": "#96;", "|": "#124;"}


def mermaid(wert: object) -> str:
    """Text in `"…"` eines Mermaid-Labels: eine Zeile, kein `%%` (Direktiven und Kommentare
    erkennt Mermaid überall im Text), kein `"`, kein Backtick (Markdown-Label), kein `|`;
    diese Zeichen als Mermaid-Entitäten (`#quot;`, `#37;` …)."""
    return re.sub(r'[&"<>#%`|]', lambda m: _MERMAID[m.group()], einzeilig(wert))


def mermaid_kommentar(wert: object) -> str:
    """Text in einer Kommentarzeile `%% …`: eine Zeile, kein `%` (also kein `%%{…}%%`)."""
    return einzeilig(wert).replace("%", " Prozent ")


# --------------------------------------------------------------------------- Graphviz DOT


def dot(wert: object) -> str:
    """Eine DOT-Zeichenkette in Anführungszeichen: eine Zeile, `\\` und `"` maskiert (damit
    auch keine Label-Escapes wie `\\N`, `\\l` und kein HTML-Label)."""
    s = einzeilig(wert)
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'
