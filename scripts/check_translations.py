#!/usr/bin/env python
"""Check (or compile) the portal's translations, with no gettext tools installed.

    .venv/bin/python scripts/check_translations.py            # check; exit 1 on any problem
    .venv/bin/python scripts/check_translations.py --compile  # write the .mo files, then check

Fails when:
- a UI string of the templates or of the apps' Python code (``gettext``/``_``/``ngettext``/
  ``pgettext`` and their lazy forms, ``{% translate %}``, ``{% blocktranslate %}``) is missing
  from a catalog, because ``makemessages`` was not re-run after it was added;
- a catalog entry has no translation (an empty ``msgstr`` or plural form) or is fuzzy;
- a translation's placeholders (``%(name)s``, ``%s``) differ from its source string's, which
  would raise at run time;
- a ``.mo`` file is missing or stale: the ``.po`` is compiled in memory and its messages compared
  with the committed ``.mo`` (message by message, so a ``.mo`` made by GNU msgfmt compares equal
  to one made here).

Catalogs are compiled with polib (pure Python): Django's ``compilemessages`` needs GNU gettext's
``msgfmt``, which a fresh machine may not have. The ``.mo`` files are committed, as Django
commits its own, so that running the portal needs no compile step at all. Adding strings still
needs ``manage.py makemessages`` (GNU gettext) on the translator's machine:

    manage.py makemessages -l en --add-location=file --no-obsolete --ignore='tests/*' \\
        --ignore='bench/*' --ignore='scripts/*' --ignore='fixtures/*' --ignore='var/*' \\
        --ignore='staticfiles/*'
"""

import argparse
import ast
import gettext
import io
import os
import re
import sys
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
APPS = ("bulletins", "indicators", "ecoportal", "search", "importer")
TEMPLATE_DIRS = [ROOT / "templates", *(ROOT / app / "templates" for app in APPS)]
GETTEXT_FUNCTIONS = {
    "_": "gettext", "gettext": "gettext", "gettext_lazy": "gettext", "gettext_noop": "gettext",
    "ngettext": "ngettext", "ngettext_lazy": "ngettext",
    "pgettext": "pgettext", "pgettext_lazy": "pgettext",
    "npgettext": "npgettext", "npgettext_lazy": "npgettext",
}
PLACEHOLDER = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?([sdifreExXgGcor%])")
CALL_START = re.compile(r"\b(n?p?gettext)\(")


def message_key(call_kind, args):
    """(context, msgid, msgid_plural) of a gettext call's literal arguments, or None."""
    values = [arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None for arg in args]
    if call_kind == "gettext" and values[:1] and values[0] is not None:
        return ("", values[0], "")
    if call_kind == "ngettext" and len(values) >= 2 and None not in values[:2]:
        return ("", values[0], values[1])
    if call_kind == "pgettext" and len(values) >= 2 and None not in values[:2]:
        return (values[0], values[1], "")
    if call_kind == "npgettext" and len(values) >= 3 and None not in values[:3]:
        return (values[0], values[1], values[2])
    return None


def python_messages(path):
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        if name in GETTEXT_FUNCTIONS:
            key = message_key(GETTEXT_FUNCTIONS[name], node.args)
            if key:
                yield key


def template_messages(path):
    """Messages of a template, through Django's own templatize() (what makemessages uses)."""
    from django.utils.translation.template import templatize

    code = templatize(path.read_text(encoding="utf-8"), origin=str(path))
    for match in CALL_START.finditer(code):
        # templatize() writes each call on its own; the call ends at the first ")" that closes
        # a parsable expression.
        for end in (m.end() for m in re.finditer(r"\)", code[match.start():])):
            try:
                call = ast.parse(code[match.start(): match.start() + end], mode="eval").body
            except SyntaxError:
                continue
            key = message_key(GETTEXT_FUNCTIONS[match.group(1)], call.args)
            if key:
                yield key
            break


def source_messages():
    """{(context, msgid, plural): first file using it} of every UI string in the sources."""
    found = {}
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for key in python_messages(path):
                found.setdefault(key, path.relative_to(ROOT))
    for directory in TEMPLATE_DIRS:
        for path in sorted(directory.rglob("*")):
            if path.suffix in {".html", ".txt", ".xml"} and path.is_file():
                for key in template_messages(path):
                    found.setdefault(key, path.relative_to(ROOT))
    return found


def placeholders(text):
    """(set of named placeholders, sequence of positional conversions) of a format string."""
    found = PLACEHOLDER.findall(text)
    return {name for name, _ in found if name}, [conv for name, conv in found if not name and conv != "%"]


def placeholder_problem(entry, translation):
    """Why ``translation`` would fail where ``entry.msgid`` formats, or None."""
    named, positional = placeholders(translation)
    expected_named, expected_positional = placeholders(entry.msgid)
    if entry.msgid_plural:
        # A singular may leave the count out ("one item"); no form may bring a name of its own.
        expected_named |= placeholders(entry.msgid_plural)[0]
        if not named <= expected_named:
            return f"unknown placeholders {sorted(named - expected_named)}"
    elif named != expected_named:
        return f"placeholders {sorted(named)} instead of {sorted(expected_named)}"
    if positional != expected_positional:
        return f"positional placeholders {positional} instead of {expected_positional}"
    return None


def catalog(mo_bytes):
    """The messages of a compiled catalog, header aside, and its plural rule."""
    translations = gettext.GNUTranslations(io.BytesIO(mo_bytes))
    messages = {key: value for key, value in translations._catalog.items() if key != ""}
    plural_rule = translations._info.get("plural-forms", "")
    return messages, plural_rule


def check_po(po_path, sources, problems):
    po = polib.pofile(str(po_path))
    relative = po_path.relative_to(ROOT)
    entries = {(entry.msgctxt or "", entry.msgid, entry.msgid_plural or ""): entry for entry in po if not entry.obsolete}
    for key, where in sorted(sources.items(), key=lambda item: str(item[1])):
        if key not in entries:
            problems.append(f"{relative}: not in the catalog (re-run makemessages): {key[1]!r} from {where}")
    for entry in entries.values():
        label = f"{relative}: {entry.msgid!r}"
        if "fuzzy" in entry.flags:
            problems.append(f"{label} is fuzzy: check the translation and remove the flag")
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(index, "") for index in range(max(2, len(entry.msgstr_plural)))]
            if not all(forms):
                problems.append(f"{label} has an untranslated plural form")
            translations = [form for form in forms if form]
        else:
            if not entry.msgstr:
                problems.append(f"{label} has no translation")
            translations = [entry.msgstr] if entry.msgstr else []
        if "python-format" in entry.flags:
            for translation in translations:
                problem = placeholder_problem(entry, translation)
                if problem:
                    problems.append(f"{label}: {problem} in {translation!r}")
    return po


def check_mo(po, po_path, problems):
    mo_path = po_path.with_suffix(".mo")
    relative = mo_path.relative_to(ROOT)
    if not mo_path.exists():
        problems.append(f"{relative} is missing: run scripts/check_translations.py --compile")
        return
    if catalog(po.to_binary()) != catalog(mo_path.read_bytes()):
        problems.append(f"{relative} is stale against its .po: run scripts/check_translations.py --compile")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--compile", action="store_true", help="write every .mo from its .po first")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    os.environ.setdefault("ECOPORTAL_TESTING", "1")
    import django

    django.setup()

    po_paths = sorted(LOCALE_DIR.glob("*/LC_MESSAGES/django.po"))
    if not po_paths:
        print(f"no catalogs under {LOCALE_DIR}", file=sys.stderr)
        return 1
    if args.compile:
        for po_path in po_paths:
            polib.pofile(str(po_path)).save_as_mofile(str(po_path.with_suffix(".mo")))
            print(f"compiled {po_path.with_suffix('.mo').relative_to(ROOT)}")

    sources = source_messages()
    problems = []
    for po_path in po_paths:
        po = check_po(po_path, sources, problems)
        check_mo(po, po_path, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(po_paths)} catalog(s), {len(sources)} UI strings: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
