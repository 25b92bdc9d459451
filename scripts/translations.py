"""The plugin's translations: extract the strings to translate, and compile them for QGIS.

    python3 scripts/translations.py update          # sources -> trafficking_plugin/i18n/trafficking_db_th.ts
    python3 scripts/translations.py compile OUTDIR  # the .ts -> OUTDIR/*.qm (needs lrelease)

``update`` reads the plugin's Python sources with ``ast`` (pylupdate5 is not installed on Debian 12
and misses strings Python builds) and finds every string passed as a literal to
``tr()`` / ``self.tr()`` / ``QCoreApplication.translate(context, ...)``, to ``tr_noop()`` (marks
a label kept in a table and translated later by ``tr(label)``) and to ``core.network.directory.Message``.
The context of ``tr`` is the one its definition passes to ``QCoreApplication.translate``, found in
the same file, in the module it is imported from, or (for ``self.tr`` in an algorithm) in
processing_algorithms/base.py. Existing translations are kept; translated strings no longer in the
sources are marked obsolete, new ones unfinished. Qt Linguist opens the .ts as it is (see
docs/translation.md).
"""
import argparse
import ast
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
I18N = REPO / "trafficking_plugin" / "i18n"
LANGUAGES = {"th": "th_TH"}            # file suffix -> Qt language code; add a language here
SOURCES = ("processing_algorithms/*.py", "trafficking_plugin/*.py", "trafficking_plugin/gui/*.py",
           "trafficking_plugin/outputs/*.py", "trafficking_plugin/i18n/*.py",
           "trafficking_plugin/core/network/directory.py")
ALGORITHM_BASE = "processing_algorithms/base.py"
# Core error messages written as templates (CoreError("{} is ...", value)): the algorithms translate
# them in their own context before filling in the values (processing_algorithms/base.translated).
CORE_SOURCES = ("trafficking_plugin/core/**/*.py", "trafficking_plugin/outputs/*.py")
CORE_CONTEXT = "TraffickingAlgorithm"
# The core's log lines and warnings (core/feedback.py): call name -> position of the template.
CORE_MESSAGES = {"text": 0, "noop": 0, "later": 0, "info": 1, "warn": 1, "Gap": 1, "Finding": 2}
# Marker calls whose first argument is a string with a fixed context.
FIXED_MARKERS = {"Message": "TraffickingNetwork"}   # core/network/directory.py: translated by the dock


class ExtractError(Exception):
    pass


def ts_path(language):
    return I18N / f"trafficking_db_{language}.ts"


def _literal(node):
    """The string of a literal (implicit or + concatenation of literals), else None."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _literal(node.left), _literal(node.right)
        if left is not None and right is not None:
            return left + right
    return None


def _call_name(node):
    func = node.func
    if isinstance(func, ast.Name):
        return func.id, None
    if isinstance(func, ast.Attribute):
        owner = func.value.id if isinstance(func.value, ast.Name) else None
        return func.attr, owner
    return None, None


def _defined_context(tree):
    """The context of a ``def tr`` in this module (function or method), if it has one."""
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "tr":
            for call in ast.walk(node):
                if (isinstance(call, ast.Call) and _call_name(call)[0] == "translate"
                        and call.args and _literal(call.args[0]) is not None):
                    return _literal(call.args[0])
    return None


def _context(path, tree, seen=()):
    """The context of bare and method ``tr`` calls in the file at path."""
    found = _defined_context(tree)
    if found:
        return found
    for node in ast.walk(tree):   # from .x import tr
        if isinstance(node, ast.ImportFrom) and any(a.name == "tr" for a in node.names):
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            source = base.joinpath(*(node.module or "").split(".")).with_suffix(".py")
            if source not in seen and source.is_file():
                return _context(source, ast.parse(source.read_text(encoding="utf-8")),
                                seen + (path,))
    if path.parent.name == "processing_algorithms":
        base = REPO / ALGORITHM_BASE
        return _defined_context(ast.parse(base.read_text(encoding="utf-8")))
    return None


def extract_file(path, root=REPO):
    """[(context, source text, relative path, line)] of one Python file, in source order."""
    path = Path(path)
    relative = path.relative_to(root).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    context = None
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name, owner = _call_name(node)
        if name == "translate" and owner == "QCoreApplication" and len(node.args) >= 2:
            ctx, text = _literal(node.args[0]), _literal(node.args[1])
            if ctx is not None and text is not None:
                found.append((ctx, text, relative, node.lineno))
            continue
        if name == "QT_TRANSLATE_NOOP" and len(node.args) >= 2:
            found.append((_literal(node.args[0]), _literal(node.args[1]), relative, node.lineno))
            continue
        if name in FIXED_MARKERS and _literal(node.args[0]) is not None:
            found.append((FIXED_MARKERS[name], _literal(node.args[0]), relative, node.lineno))
            continue
        if name not in ("tr", "tr_noop", "caption"):   # caption(): the case dock's tr() with a fallback
            continue
        text = _literal(node.args[0])
        if text is None:
            if isinstance(node.args[0], ast.JoinedStr):
                raise ExtractError(f"{relative}:{node.lineno}: tr() of an f-string cannot be "
                                   "translated; use tr('... {} ...').format(...)")
            continue     # tr(label): label must be marked with tr_noop() where it is written
        if context is None:
            context = _context(path, tree)
            if context is None:
                raise ExtractError(f"{relative}:{node.lineno}: cannot tell the translation context "
                                   "of tr(): define or import a tr() that calls "
                                   "QCoreApplication.translate('Context', text)")
        found.append((context, text, relative, node.lineno))
    return sorted(found, key=lambda item: item[3])


def core_error_classes(trees):
    """The names of CoreError and every class derived from it in the core's modules."""
    names, grew = {"CoreError"}, True
    while grew:
        grew = False
        for tree in trees:
            for node in ast.walk(tree):
                if isinstance(node, ast.ClassDef) and node.name not in names and any(
                        (b.id if isinstance(b, ast.Name) else getattr(b, "attr", None)) in names
                        for b in node.bases):
                    names.add(node.name)
                    grew = True
    return names


def extract_core(root=REPO):
    """[(context, template, relative path, line)] of the core's error templates (a literal first
    argument of a CoreError class; f-strings are finished sentences, not templates) and of its
    log lines and warnings (CORE_MESSAGES)."""
    root = Path(root)
    trees = {path: ast.parse(path.read_text(encoding="utf-8"))
             for pattern in CORE_SOURCES for path in sorted(root.glob(pattern))}
    classes = core_error_classes(trees.values())
    found = []
    for path, tree in trees.items():
        relative = path.relative_to(root).as_posix()
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and node.args and _call_name(node)[0] in classes:
                text = _literal(node.args[0])
                if text is not None:
                    found.append((CORE_CONTEXT, text, relative, node.lineno))
            elif isinstance(node, ast.Call) and _call_name(node)[0] in CORE_MESSAGES:
                at = CORE_MESSAGES[_call_name(node)[0]]
                text = _literal(node.args[at]) if len(node.args) > at else None
                if text is not None:
                    found.append((CORE_CONTEXT, text, relative, node.lineno))
    return found


def extract(root=REPO):
    """{context: {source: [relative paths]}} of every translatable string of the plugin."""
    root = Path(root)
    messages = {}
    found = [item for pattern in SOURCES for path in sorted(root.glob(pattern))
             for item in extract_file(path, root)] + extract_core(root)
    for context, text, relative, _line in found:
        files = messages.setdefault(context, {}).setdefault(text, [])
        if relative not in files:
            files.append(relative)
    return messages


def read_ts(path):
    """{(context, source): (translation, type or None)} of an existing .ts file."""
    if not Path(path).is_file():
        return {}
    known = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            known[(name, message.findtext("source"))] = (
                translation.text or "" if translation is not None else "",
                translation.get("type") if translation is not None else None)
    return known


def merged(messages, known, language):
    """The .ts document: extracted strings with known translations, vanished translated ones
    obsolete (untranslated ones dropped)."""
    root = ET.Element("TS", version="2.1", language=LANGUAGES[language], sourcelanguage="en")
    contexts = sorted(set(messages) | {ctx for ctx, _ in known})
    for name in contexts:
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = name
        current = messages.get(name, {})
        # strings gone from the code: kept (obsolete) when translated, for a translator to reuse
        vanished = sorted(src for ctx, src in known
                          if ctx == name and src not in current and known[(ctx, src)][0])
        for source in list(current) + vanished:
            message = ET.SubElement(element, "message")
            for filename in current.get(source, ()):
                # locations are relative to the .ts (trafficking_plugin/i18n/), as Qt Linguist reads them
                ET.SubElement(message, "location", filename=f"../../{filename}")
            ET.SubElement(message, "source").text = source
            text, kind = known.get((name, source), ("", "unfinished"))
            if source not in current:
                kind = "obsolete"
            elif kind == "obsolete":
                kind = None if text else "unfinished"
            translation = ET.SubElement(message, "translation")
            translation.text = text
            if kind:
                translation.set("type", kind)
    ET.indent(root, space="    ")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
            + ET.tostring(root, encoding="unicode") + "\n")


def update(root=REPO):
    """Write every language's .ts from the sources; returns {language: (total, unfinished)}."""
    messages = extract(root)
    counts = {}
    for language in LANGUAGES:
        path = Path(root) / "trafficking_plugin" / "i18n" / f"trafficking_db_{language}.ts"
        path.parent.mkdir(exist_ok=True)
        path.write_text(merged(messages, read_ts(path), language), encoding="utf-8")
        after = read_ts(path)
        live = [value for value in after.values() if value[1] != "obsolete"]
        counts[language] = (len(live), sum(1 for value in live if value[1] == "unfinished"))
    return counts


def lrelease():
    """The lrelease program (Debian package qttools5-dev-tools), or None."""
    for name in ("lrelease", "lrelease-qt5"):
        if shutil.which(name):
            return shutil.which(name)
    qt5 = Path("/usr/lib/qt5/bin/lrelease")
    return str(qt5) if qt5.is_file() else None


def compile_all(output_dir, root=REPO):
    """Compile every trafficking_plugin/i18n/*.ts into output_dir/*.qm; returns the .qm paths."""
    program = lrelease()
    if program is None:
        raise ExtractError("lrelease is not installed: apt-get install qttools5-dev-tools")
    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for ts in sorted((Path(root) / "trafficking_plugin" / "i18n").glob("*.ts")):
        qm = output_dir / ts.with_suffix(".qm").name
        run = subprocess.run([program, "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
                             capture_output=True, text=True)
        if run.returncode != 0 or not qm.is_file():
            raise ExtractError(f"lrelease failed on {ts}: {run.stderr.strip() or run.stdout}")
        written.append(qm)
    return written


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update", help="extract the strings into trafficking_plugin/i18n/*.ts, "
                                       "keeping translations")
    build = commands.add_parser("compile", help="build the .qm files with lrelease")
    build.add_argument("output_dir", nargs="?", default=str(I18N))
    args = parser.parse_args(argv)
    try:
        if args.command == "update":
            for language, (total, unfinished) in update().items():
                print(f"translations: {ts_path(language).relative_to(REPO)}: {total} strings, "
                      f"{unfinished} unfinished")
        else:
            for qm in compile_all(args.output_dir):
                print(f"translations: {qm}")
    except (ExtractError, SyntaxError) as error:
        print(f"translations: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
