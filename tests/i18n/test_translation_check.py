"""scripts/check_translations.py: what makes it fail."""

import importlib.util
from pathlib import Path

import polib
import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "check_translations.py"
spec = importlib.util.spec_from_file_location("check_translations", SCRIPT)
check = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check)


@pytest.fixture
def catalog(tmp_path, monkeypatch):
    monkeypatch.setattr(check, "ROOT", tmp_path)
    po_path = tmp_path / "locale" / "en" / "LC_MESSAGES" / "django.po"
    po_path.parent.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n != 1);"}
    po.append(polib.POEntry(msgid="搜索", msgstr="Search"))
    po.append(polib.POEntry(msgid="第 %(number)s 页", msgstr="Page %(number)s", flags=["python-format"]))
    po.append(polib.POEntry(
        msgid="%(counter)s 项", msgid_plural="%(counter)s 项", flags=["python-format"],
        msgstr_plural={0: "one item", 1: "%(counter)s items"},
    ))
    po.save(str(po_path))
    po.save_as_mofile(str(po_path.with_suffix(".mo")))
    return po_path


def problems(po_path, sources=None):
    found = []
    po = check.check_po(po_path, sources or {}, found)
    check.check_mo(po, po_path, found)
    return found


def edit(po_path, change):
    po = polib.pofile(str(po_path))
    change(po)
    po.save(str(po_path))
    return po


def test_a_complete_catalog_passes(catalog):
    assert problems(catalog) == []


def test_an_empty_translation_fails(catalog):
    edit(catalog, lambda po: po.append(polib.POEntry(msgid="筛选", msgstr="")))
    assert any("'筛选' has no translation" in p for p in problems(catalog))


def test_a_fuzzy_translation_fails(catalog):
    edit(catalog, lambda po: setattr(po.find("搜索"), "flags", ["fuzzy"]))
    assert any("is fuzzy" in p for p in problems(catalog))


def test_a_placeholder_the_source_does_not_have_fails(catalog):
    edit(catalog, lambda po: setattr(po.find("第 %(number)s 页"), "msgstr", "Page %(page)s"))
    assert any("placeholders ['page'] instead of ['number']" in p for p in problems(catalog))


def test_a_stale_mo_fails(catalog):
    edit(catalog, lambda po: setattr(po.find("搜索"), "msgstr", "Find"))
    assert any("stale" in p for p in problems(catalog))


def test_a_missing_mo_fails(catalog):
    catalog.with_suffix(".mo").unlink()
    assert any("is missing" in p for p in problems(catalog))


def test_a_ui_string_missing_from_the_catalog_fails(catalog):
    found = problems(catalog, {("", "新的字符串", ""): Path("templates/x.html")})
    assert any("not in the catalog" in p and "新的字符串" in p for p in found)


def test_strings_are_found_in_templates_and_python(tmp_path):
    template = tmp_path / "t.html"
    template.write_text(
        '{% load i18n %}{% translate "甲" %}{% blocktranslate count counter=n %}{{ counter }} 个'
        "{% plural %}{{ counter }} 个{% endblocktranslate %}",
        encoding="utf-8",
    )
    module = tmp_path / "m.py"
    module.write_text('from django.utils.translation import gettext_lazy as _\nX = _("乙")\n', encoding="utf-8")
    assert set(check.template_messages(template)) == {("", "甲", ""), ("", "%(counter)s 个", "%(counter)s 个")}
    assert set(check.python_messages(module)) == {("", "乙", "")}


def test_the_shipped_catalogs_translate_every_ui_string_and_their_mo_files_are_current():
    """The real check, on the real catalogs: a new UI string without a translation fails here."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
