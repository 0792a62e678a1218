"""An editor imports a pasted bulletin whose table the reading cannot follow, and checks the
numbers it left in the text, as the import summary offers. Invented text."""

import pytest
from django.contrib.auth.models import Permission
from playwright.sync_api import expect

from tests.factories import make_indicator, make_user

from .helpers import log_in, serious_violations

PASSWORD = "import-reading-8472"
# A column of values copied a cell a line with no header the reading knows, under a sentence
# that is read: 90.1% becomes a candidate, the column's numbers are left.
TEXT = (
    "澜溪市2023年环境质量简报\n\n"
    "2023年，澜溪市环境空气优良天数比例为90.1%。\n\n"
    "各站点监测值\n\n甲站\n\n乙站\n\n丙站\n\n35\n\n41\n\n28\n\n"
    "注：数据为初步统计。"
)


@pytest.fixture
def editor(transactional_db):
    user = make_user(username="importer", password=PASSWORD, groups=["Editor"])
    user.user_permissions.add(Permission.objects.get(codename="add_bulletin"))
    return user


def test_the_editor_sees_the_numbers_the_reading_left_marked_in_the_text(
    editor, new_context, shoot
):
    page = new_context(bypass_csp=True).new_page()
    log_in(page, "importer", PASSWORD)
    page.goto("/admin/bulletins/import/")
    page.fill('[name="text"]', TEXT)
    page.get_by_role("button", name="导入").click()
    link = page.get_by_role("link", name="在原文中查看未读成数值的数字")
    expect(link).to_be_visible(timeout=30_000)  # a process's first import loads the gazetteer
    expect(page.get_by_text("3 个数字没有读成候选数值")).to_be_visible()
    shoot(page, "01-summary")
    link.click()
    marks = page.locator(".reading-text mark.left")
    expect(marks).to_have_count(3)
    assert marks.all_inner_texts() == ["35", "41", "28"]
    expect(page.locator(".reading-text mark.read")).to_have_text("90.1")
    expect(page.get_by_role("link", name="本公报待审核的候选数值：1 个")).to_be_visible()
    shoot(page, "02-reading")
    assert serious_violations(page) == []
    # A marked number is one click from a candidate: the form comes filled with it.
    marks.first.get_by_role("link").click()
    expect(page.locator('[name="value_text"]')).to_have_value("35")
    expect(page.locator('[name="quote"]')).to_have_value("35")
    expect(page.locator('[name="review_state"]')).to_have_value("candidate")
    shoot(page, "03-candidate-form")


# Dust fall at three stations under a bar-parted header: a measure the reading does not know,
# so the table's numbers are left, and the editor reads them by naming the first column.
TABLE = (
    "澜溪市2023年11月降尘监测结果\n\n"
    "监测点位 | 降尘量 | 上月 | 同比\n"
    "市监测站 | 4.2 | 3.9 | 0.3\n"
    "北郊水厂 | 5.1 | — | -0.2\n"
    "南湖公园 | 3.7 | 3.5 | 0.1\n\n"
    "注：单位为吨/平方公里·月。"
)


def test_the_editor_reads_a_table_left_by_naming_its_columns(editor, new_context, shoot):
    make_indicator(code="dust-fall", name="降尘量", unit="吨/平方公里·月")
    page = new_context(bypass_csp=True).new_page()
    log_in(page, "importer", PASSWORD)
    page.goto("/admin/bulletins/import/")
    page.fill('[name="text"]', TABLE)
    page.get_by_role("button", name="导入").click()
    link = page.get_by_role("link", name="在原文中查看未读成数值的数字")
    expect(link).to_be_visible(timeout=30_000)
    link.click()
    page.get_by_role("link", name="按列读取第 4 行起的表格（3 行，每行 3 个数字）").click()
    # the header names the first column by the indicator's name: it comes chosen
    expect(page.get_by_label("第 1 列")).to_have_value(
        page.locator('#id_indicator_1 option:has-text("降尘量")').get_attribute("value")
    )
    page.get_by_label("期间（原文）").fill("2023年11月")
    page.get_by_role("button", name="预览").click()
    expect(page.get_by_role("heading", name="预览：将建立的候选数值")).to_be_visible()
    shoot(page, "01-table-preview")
    assert serious_violations(page) == []
    page.get_by_role("button", name="建立 3 个候选数值").click()
    expect(page.get_by_text("已从表格建立 3 个候选数值，0 个本公报已有")).to_be_visible()
    shoot(page, "02-candidates")
    for value in ("4.2", "5.1", "3.7"):
        expect(page.locator("#result_list").get_by_text(value, exact=True).first).to_be_visible()
