"""scripts/manual_html.py: the docs' Markdown as the HTML pages the Help buttons open."""
import importlib.util
import re

from conftest import REPO

_spec = importlib.util.spec_from_file_location("manual_html_script", REPO / "scripts" / "manual_html.py")
manual_html = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(manual_html)


def test_markdown_marks_become_html_and_text_stays_text():
    page = manual_html.render(
        "# 3.1 Import each agency file\n\nWrites `risk_report_<year>.pdf` and <year>.qgz; see "
        "[import](import.md#privacy) or [QGIS](https://qgis.org), **bold** and *italic*.\n\n"
        "| a | b |\n|---|---|\n| `x.gpkg\\|layername=t` | 2 |\n\n- one\n  more\n- two\n\n"
        "```sh\nqgis_process run <id>\n```\n")
    assert '<h1 id="31-import-each-agency-file">' in page
    assert "<code>risk_report_&lt;year&gt;.pdf</code>" in page and "&lt;year&gt;.qgz" in page
    assert '<a href="import.html#privacy">import</a>' in page
    assert '<a href="https://qgis.org">QGIS</a>' in page
    assert "<strong>bold</strong>" in page and "<em>italic</em>" in page
    assert "<td><code>x.gpkg|layername=t</code></td><td>2</td>" in page
    assert "<ul><li>one more</li><li>two</li></ul>" in page
    assert "<pre><code>qgis_process run &lt;id&gt;</code></pre>" in page


def test_every_page_renders_with_the_anchors_its_links_use():
    pages = manual_html.pages()
    assert len(pages) == len(list((REPO / "docs").glob("*.md")))
    ids = {name: set(re.findall(r' id="([^"]+)"', text)) for name, text in pages.items()}
    broken = []
    for name, text in pages.items():
        for target in re.findall(r'href="([^"#:]*\.html)?#([^"]+)"', text):
            page = target[0] or name
            if page in ids and target[1] not in ids[page]:
                broken.append((name, target))
    assert not broken, broken
