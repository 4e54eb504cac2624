"""Netzwerkgraph als Mermaid (von GitHub/GitLab in Markdown gezeichnet) oder Graphviz DOT."""

from __future__ import annotations

import re

from netzwerk_cli.berichte.diagramm import Knoten, Netzwerkgraph
from netzwerk_cli.grundlagen import escape

_MERMAID_FORM = {"gremium": ('["', '"]'), "arbeitsgruppe": ('[["', '"]]'), "organisation": ('(["', '"])')}
_MERMAID_PFEIL = {"benennt": "-->", "entsendet": "-.->", "setzt_ein": "==>", "empfiehlt": "-->", "leitet_weiter": "-->"}


def _mermaid_id(schluessel: str) -> str:
    # Großbuchstabe vorn: Mermaid liest „o“/„x“ am Anfang eines Knotens nach einer Kante sonst als Pfeilspitze
    art, id_ = schluessel.split(":", 1)
    return f"{art[0].upper()}_{re.sub(r'[^A-Za-z0-9]', '_', id_)}"


_mermaid_text = escape.mermaid  # eine Zeile, kein %%, Sonderzeichen als #NN;


def _label(k: Knoten) -> str:
    zusatz = [z for z, an in (("Beispiel", k.beispiel), ("abgeschlossen", k.abgeschlossen)) if an]
    return k.bezeichnung + (f" ({', '.join(zusatz)})" if zusatz else "")


def als_mermaid(graph: Netzwerkgraph) -> str:
    z = ["flowchart LR", f"  %% {escape.mermaid_kommentar(graph.titel)} – Struktur (netzwerk diagramm)"]
    for k in graph.knoten:
        auf, zu = _MERMAID_FORM[k.art]
        klasse = "ag_zu" if k.abgeschlossen else {"arbeitsgruppe": "ag"}.get(k.art, k.art)
        z.append(f"  {_mermaid_id(k.schluessel)}{auf}{_mermaid_text(_label(k))}{zu}:::{klasse}")
    for kante in graph.kanten:
        pfeil = _MERMAID_PFEIL[kante.arten[0]]
        z.append(f'  {_mermaid_id(kante.von)} {pfeil}|"{_mermaid_text(kante.bezeichnung)}"| {_mermaid_id(kante.nach)}')
    z += [
        "  classDef gremium fill:#dbeafe,stroke:#1e3a8a,stroke-width:2px,color:#000",
        "  classDef ag fill:#dcfce7,stroke:#166534,color:#000",
        "  classDef ag_zu fill:#f3f4f6,stroke:#6b7280,stroke-dasharray:4 3,color:#374151",
        "  classDef organisation fill:#fef9c3,stroke:#a16207,color:#000",
    ]
    return "\n".join(z) + "\n"


_dot_text = escape.dot  # "…", eine Zeile, \\ und " maskiert


_DOT_FORM = {
    # Rechteck wie in Mermaid und in der Bildunterschrift der Website (docs/BERICHTE.md, „Formen“)
    "gremium": 'shape=box, style="filled,bold", fillcolor="#dbeafe"',
    "arbeitsgruppe": 'shape=component, style=filled, fillcolor="#dcfce7"',
    "organisation": 'shape=ellipse, style=filled, fillcolor="#fef9c3"',
}
_DOT_KANTE = {
    "benennt": "",
    "entsendet": ", style=dashed",
    "setzt_ein": ", penwidth=2",
    "empfiehlt": ', color="#166534"',
    "leitet_weiter": ', color="#1e3a8a"',
}


def als_dot(graph: Netzwerkgraph) -> str:
    z = [
        "digraph netzwerk {",
        f"  graph [rankdir=LR, labelloc=t, fontname=Helvetica, label={_dot_text(graph.titel)}];",
        "  node [fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=10];",
    ]
    for k in graph.knoten:
        form = _DOT_FORM[k.art]
        if k.abgeschlossen:
            form = 'shape=component, style="filled,dashed", fillcolor="#f3f4f6"'
        z.append(f"  {_dot_text(k.schluessel)} [label={_dot_text(_label(k))}, {form}];")
    for kante in graph.kanten:
        z.append(f"  {_dot_text(kante.von)} -> {_dot_text(kante.nach)} [label={_dot_text(kante.bezeichnung)}{_DOT_KANTE[kante.arten[0]]}];")
    z.append("}")
    return "\n".join(z) + "\n"
