"""The manual stays true: its links, pictures, algorithm ids and menu entries match the plugin."""
import re
import unicodedata

import pytest
from conftest import REPO

DOCS = sorted((REPO / "docs").glob("*.md")) + [REPO / "README.md"]
MANUAL = REPO / "docs" / "manual.md"
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")        # [text](target) and ![alt](picture)
ALGORITHM_ID = re.compile(r"\btrafficking:([a-z0-9_]+)")


def slug(heading):
    """The anchor GitHub gives a heading: lower case, punctuation but - and _ dropped, spaces
    to hyphens; letters, marks and digits of any script kept."""
    text = re.sub(r"[`*]", "", heading.strip().lower())
    kept = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LMN")
    return kept.replace(" ", "-")


def anchors(path):
    """Every heading anchor of a Markdown file (outside code blocks), duplicates numbered."""
    found, seen, fenced = set(), {}, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and re.match(r"#{1,6} ", line):
            base = slug(line.lstrip("#"))
            found.add(base if base not in seen else f"{base}-{seen[base]}")
            seen[base] = seen.get(base, 0) + 1
    return found


def links(path):
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.S)   # code blocks
    text = re.sub(r"`[^`\n]*`", "", text)                                          # inline code
    return [target for target in LINK.findall(text)
            if not re.match(r"[a-z]+:", target)]             # http:, https:, mailto: are not ours


def test_slug_follows_github():
    assert slug("3.2 Crosswalk the codes to the standard") == "32-crosswalk-the-codes-to-the-standard"
    assert slug("Privacy: pseudonyms and the identity file") == "privacy-pseudonyms-and-the-identity-file"
    assert slug("`unmapped_code`") == "unmapped_code"
    assert slug("1. ติดตั้ง") == "1-ติดตั้ง"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: p.name)
def test_every_relative_link_and_picture_exists(doc):
    broken = []
    for target in links(doc):
        file_part, _, anchor = target.partition("#")
        path = (doc.parent / file_part).resolve() if file_part else doc
        if not path.exists():
            broken.append(f"{target}: no file {path}")
        elif anchor and path.suffix == ".md" and anchor not in anchors(path):
            broken.append(f"{target}: no heading #{anchor} in {path.name}")
    assert not broken, f"{doc.name}: " + "; ".join(broken)


def test_manual_and_quick_start_link_each_other_and_show_pictures():
    quick = REPO / "docs" / "quickstart_th.md"
    assert "quickstart_th.md" in links(MANUAL) and "manual.md" in links(quick)
    pictures = [t for t in links(MANUAL) if t.endswith(".png")]
    assert len(pictures) >= 8, pictures
    readme = links(REPO / "README.md")
    assert "docs/manual.md" in readme and "docs/quickstart_th.md" in readme


def test_manual_names_every_algorithm_and_only_real_ones(provider):
    registered = {a.name() for a in provider.algorithms()}
    mentioned = set(ALGORITHM_ID.findall(MANUAL.read_text(encoding="utf-8")))
    assert mentioned - registered == set(), "the manual names algorithms the provider lacks"
    assert registered - mentioned == set(), "algorithms the manual does not mention"
    readme = set(ALGORITHM_ID.findall((REPO / "README.md").read_text(encoding="utf-8")))
    assert readme - registered == set(), "README names algorithms the provider lacks"


def test_manual_names_every_plugins_menu_entry():
    from trafficking_db.trafficking_plugin.plugin import TraffickingPlugin

    text = " ".join(MANUAL.read_text(encoding="utf-8").split())    # labels may wrap in a paragraph
    missing = [label for label, _ in TraffickingPlugin.menu_entries()
               if label not in text]
    assert not missing, f"Plugins menu entries the manual does not name: {missing}"


def test_manual_screenshots_stay_small():
    """make screenshots reduces big shots to 256 colours; the repository keeps each under 250 KB."""
    shots = sorted((REPO / "docs" / "img").glob("manual_*.png"))
    assert shots, "no docs/img/manual_*.png: run make screenshots"
    big = [f"{p.name} {p.stat().st_size // 1024} KB" for p in shots if p.stat().st_size > 250 * 1024]
    assert not big, big
