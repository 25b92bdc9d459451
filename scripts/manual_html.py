"""The manual and the reference pages (docs/*.md) as HTML pages a browser opens from the plugin
folder, for the algorithms' Help buttons and the Plugins menu's Manual entry.

    python scripts/manual_html.py [--output-dir build/docs]

scripts/package.py writes them into the plugin ZIP beside the .md files (docs/manual.html, ...).
It renders the Markdown the docs use and no more: headings (with GitHub's anchors, so the links
between pages and the algorithms' help URLs keep working), paragraphs, lists, tables, fenced code,
quotes, links (``x.md#y`` becomes ``x.html#y``), images, bold, italics and code. Standard
library only: QGIS's Python has no Markdown package.
"""
import argparse
import html
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = REPO / "docs"

STYLE = ("body{font-family:'Noto Sans Thai','Loma',sans-serif;max-width:60em;margin:2em auto;"
         "padding:0 1em;line-height:1.5}table{border-collapse:collapse}"
         "td,th{border:1px solid #bbb;padding:.2em .5em;vertical-align:top}"
         "pre{background:#f4f4f4;padding:.5em;overflow-x:auto}img{max-width:100%}"
         "blockquote{border-left:4px solid #ccc;margin-left:0;padding-left:1em;color:#444}")


def slug(title, seen=None):
    """GitHub's anchor of a heading: lower case, punctuation dropped, spaces as '-'; a repeated
    one gets -1, -2, ... as on GitHub."""
    text = re.sub(r"<[^>]+>", "", title).strip().lower()
    text = re.sub(r"[^\w\- ]", "", text).replace(" ", "-")
    if seen is None:
        return text
    count = seen.get(text, 0)
    seen[text] = count + 1
    return f"{text}-{count}" if count else text


def heading_slugs(markdown):
    """The anchors of a Markdown page's headings (code blocks skipped), in order."""
    seen, slugs, fenced = {}, [], False
    for line in markdown.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (match := re.match(r"(#{1,6}) +(.*?) *#*$", line)):
            slugs.append(slug(_plain(match.group(2)), seen))
    return slugs


def _plain(text):
    """A heading's text as GitHub takes it for its anchor: the Markdown marks dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return text.replace("`", "").replace("*", "")


def _link(target):
    if re.match(r"[a-z]+:", target) or target.startswith("#"):
        return target
    path, _, anchor = target.partition("#")
    if path.endswith(".md"):
        path = path[:-3] + ".html"
    return path + (f"#{anchor}" if anchor else "")


def inline(text):
    """Escaped text with the inline marks: code, images, links, bold, italics."""
    out, pieces = [], re.split(r"(`[^`]*`)", text)
    for piece in pieces:
        if piece.startswith("`") and piece.endswith("`") and len(piece) > 1:
            out.append(f"<code>{html.escape(piece[1:-1])}</code>")
            continue
        piece = html.escape(piece, quote=False)
        piece = re.sub(r"!\[([^\]]*)\]\(([^)\s]+)\)",
                       lambda m: f'<img src="{html.escape(m.group(2))}" alt="{m.group(1)}">', piece)
        piece = re.sub(r"\[([^\]]+)\]\(([^)\s]+)\)",
                       lambda m: f'<a href="{html.escape(_link(m.group(2)))}">{m.group(1)}</a>',
                       piece)
        piece = re.sub(r"\*\*(.+?)\*\*", r"<strong>\1</strong>", piece)
        piece = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<em>\1</em>", piece)
        out.append(piece)
    return "".join(out)


def _cells(line):
    """A table row's cells; '\\|' is a '|' inside a cell, as on GitHub."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


def render(markdown, title="Manual"):
    """One Markdown page as a whole HTML page."""
    lines, body, seen, i = markdown.splitlines(), [], {}, 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            end = next((j for j in range(i + 1, len(lines)) if lines[j].startswith("```")),
                       len(lines))
            body.append(f"<pre><code>{html.escape(chr(10).join(lines[i + 1:end]))}</code></pre>")
            i = end + 1
        elif match := re.match(r"(#{1,6}) +(.*?) *#*$", line):
            level, text = len(match.group(1)), match.group(2)
            body.append(f'<h{level} id="{slug(_plain(text), seen)}">{inline(text)}</h{level}>')
            i += 1
        elif line.startswith("|") and i + 1 < len(lines) and re.match(r"\|[\s:|-]+\|?$",
                                                                        lines[i + 1]):
            rows = ["<tr>" + "".join(f"<th>{inline(c)}</th>" for c in _cells(line)) + "</tr>"]
            i += 2
            while i < len(lines) and lines[i].startswith("|"):
                rows.append("<tr>" + "".join(f"<td>{inline(c)}</td>" for c in _cells(lines[i]))
                            + "</tr>")
                i += 1
            body.append("<table>" + "".join(rows) + "</table>")
        elif re.match(r"\s*([-*]|\d+\.) ", line):
            i = _list(lines, i, body)
        elif line.startswith(">"):
            quote = []
            while i < len(lines) and lines[i].startswith(">"):
                quote.append(lines[i][1:].strip())
                i += 1
            body.append(f"<blockquote><p>{inline(' '.join(quote))}</p></blockquote>")
        elif not line.strip():
            i += 1
        else:
            paragraph = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines, i):
                paragraph.append(lines[i].strip())
                i += 1
            body.append(f"<p>{inline(' '.join(paragraph))}</p>")
    return (f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{html.escape(title)}'
            f"</title><style>{STYLE}</style></head><body>\n" + "\n".join(body)
            + "\n</body></html>\n")


def _starts_block(lines, i):
    line = lines[i]
    return bool(line.startswith(("```", "#", ">", "|")) or re.match(r"\s*([-*]|\d+\.) ", line))


def _list(lines, i, body):
    """A list (items with their indented continuation lines) from line i; returns the next."""
    ordered = bool(re.match(r"\s*\d+\. ", lines[i]))
    items = []
    while i < len(lines):
        match = re.match(r"\s*(?:[-*]|\d+\.) +(.*)", lines[i])
        if match and not lines[i].startswith("    "):
            items.append([match.group(1)])
        elif lines[i].strip() and lines[i].startswith(" ") and items:
            items[-1].append(lines[i].strip())
        else:
            break
        i += 1
    tag = "ol" if ordered else "ul"
    body.append(f"<{tag}>" + "".join(f"<li>{inline(' '.join(item))}</li>" for item in items)
                + f"</{tag}>")
    return i


def pages(docs=DOCS):
    """{name.html: HTML text} of every docs/*.md."""
    result = {}
    for path in sorted(Path(docs).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        first = next((line.lstrip("# ").strip() for line in text.splitlines()
                      if line.startswith("# ")), path.stem)
        result[path.stem + ".html"] = render(text, _plain(first))
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output-dir", default=str(REPO / "build" / "docs"))
    args = parser.parse_args(argv)
    folder = Path(args.output_dir)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages().items():
        (folder / name).write_text(text, encoding="utf-8")
    print(f"manual_html: {len(pages())} pages in {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
