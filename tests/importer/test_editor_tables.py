"""A table the reading left, read as the editor names its columns (``importer.table_text``,
``importer.editor_tables`` and the page ``bulletin_import:reading_table``). Invented texts."""

import re
from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from bulletins.models import Bulletin
from ecoportal.publishing import Status
from importer import editor_tables, pipeline, table_text
from importer.service import import_bulletin_text
from indicators.choices import ReviewState
from indicators.models import Observation, ObservationVersion
from tests.factories import make_indicator, make_region, make_user

pytestmark = pytest.mark.django_db

# Dust fall at three stations: a measure the reading does not know, so it leaves the table.
DUST = """澜溪市2023年11月降尘监测结果

监测点位 | 降尘量 | 上月 | 同比
市监测站 | 4.2 | 3.9 | 0.3
北郊水厂 | 5.1 | — | -0.2
南湖公园 | 3.7 | 3.5 | 0.1

注：单位为吨/平方公里·月。
"""


def test_rows_parted_by_bars_tabs_or_spaces_are_one_table_each():
    text = (
        "表1 甲\n站名 | 一 | 二\n甲站 | 1.5 | 2\n乙站 | — | 3.25\n\n"
        "说明文字，不是表格的一行，数值为12。\n"
        "乐平\t31\t52\n浮梁\t28\t47\n\n"
        "年份 数值\n2022 7\n2023 9\n"
    )
    first, second, third = table_text.tables(text)
    assert [(r.label, r.cells) for r in first.rows] == [
        ("甲站", ("1.5", "2")),
        ("乙站", ("", "3.25")),
    ]
    assert first.header_names() == [("一", ""), ("二", "")] and first.line == 3
    assert [(r.label, r.cells) for r in second.rows] == [
        ("乐平", ("31", "52")),
        ("浮梁", ("28", "47")),
    ]
    assert second.header == ("表1 甲", "站名 | 一 | 二", "说明文字，不是表格的一行，数值为12。")
    # no label: the year is a column the editor may leave out
    assert [r.cells for r in third.rows] == [("2022", "7"), ("2023", "9")]


def test_a_row_of_another_width_ends_the_table_and_prose_is_no_table():
    text = "甲 1 2\n乙 3 4\n丙 5 6 7\n丁 8 9 10\n\n全市优良天数比例为90.1%，同比上升2.3个百分点。\n一 1\n"
    widths = [(t.line, t.columns, len(t.rows)) for t in table_text.tables(text)]
    assert widths == [(1, 2, 2), (3, 3, 2)]  # "一 1" alone is no table
    assert table_text.tables("2021年，澜溪市二氧化氮年均浓度为21 微克/ 立方米。\n") == []


# A table copied a cell a line: a header of four cells, then rows of a label, an empty
# (merged) cell written as a space, and three numbers.
CELLS = "\n".join(
    [
        "澜溪市2023年水功能区达标情况",
        "",
        "表3 水功能区达标评价",
        "",
        "水功能区",
        "评价个数",
        "达标个数",
        "达标率(%)",
        "保护区",
        " ",
        "12",
        "10",
        "83.3",
        "保留区",
        " ",
        "20",
        "18",
        "90.0",
        "缓冲区",
        " ",
        "8",
        "6",
        "75.0",
        "",
        "全市水功能区总体达标。",
        "",
    ]
)


def test_a_table_copied_a_cell_a_line_is_put_back_in_rows_as_its_labels_recur():
    [run] = table_text.cell_runs(CELLS)
    assert run.guess() == (5, 6)  # the title lines are cells too: the rows start at 保护区
    [table] = table_text.tables(CELLS)
    assert table.grid == (5, 6) and table.line == 9
    assert [(r.label, r.cells, r.text, r.line, r.end_line) for r in table.rows] == [
        ("保护区", ("12", "10", "83.3"), "保护区 | 12 | 10 | 83.3", 9, 13),
        ("保留区", ("20", "18", "90.0"), "保留区 | 20 | 18 | 90.0", 14, 18),
        ("缓冲区", ("8", "6", "75.0"), "缓冲区 | 8 | 6 | 75.0", 19, 23),
    ]
    assert table.header_names() == [("评价个数", ""), ("达标个数", ""), ("达标率", "%")]
    # as the editor says: rows of ten cells make one row only, no table
    assert run.table(10, 6) is None and table_text.find(CELLS, 9, (5, 6)) == table
    # a cell late: each row starts at the empty cell and ends with the next row's label, the
    # last row's label lost; the editor sees the labels shifted
    shifted = table_text.find(CELLS, 9, (5, 7))
    assert [(r.label, r.cells) for r in shifted.rows] == [
        ("保留区", ("12", "10", "83.3")),
        ("缓冲区", ("20", "18", "90.0")),
        ("", ("8", "6", "75.0")),
    ]


def test_bars_around_each_cell_and_lone_bars_as_empty_cells():
    text = "站点 |\n浓度 |\n甲站 |\n|\n35 |\n乙站 |\n|\n41 |\n丙站 |\n|\n28 |\n丁站 |\n|\n—\n戊站 |\n|\n30 |\n"
    [table] = table_text.tables(text)
    assert [(r.label, r.cells) for r in table.rows] == [
        ("甲站", ("35",)),
        ("乙站", ("41",)),
        ("丙站", ("28",)),
        ("丁站", ("",)),
        ("戊站", ("30",)),
    ]


def test_prose_and_rows_of_several_cells_end_a_run_of_cells():
    text = (
        "甲\n1\n乙\n2\n丙 3\n丁\n4\n" + "全市空气质量优良天数比例为90.1%，同比上升2.3个百分点。\n"
    )
    assert table_text.cell_runs(text) == []  # four cells, then a row: too short to be a table


def test_a_header_names_each_column_and_its_unit_in_brackets():
    [table] = table_text.tables(
        "城市 | PM2.5(μg/m³) | 优良天数比例（%）\n甲 | 31 | 90.1\n乙 | 28 | 93.4\n"
    )
    assert table.header_names() == [("PM2.5", "μg/m³"), ("优良天数比例", "%")]


def _imported(text=DUST, by=None, region=None):
    result = import_bulletin_text(text, filename="x.txt", by=by, region=region)
    return Bulletin.objects.get(pk=result.bulletin_id)


def _dust():
    return make_indicator(code="dust-fall", name="降尘量", unit="吨/平方公里·月")


def _url(bulletin, line=4):
    return reverse("bulletin_import:reading_table", args=[bulletin.pk, line])


def _fingerprint(client, url):
    """The table the page shows, as its form posts it back."""
    return re.search(r'name="table" value="([^"]+)"', client.get(url).content.decode()).group(1)


def _posted(indicator, action, **more):
    data = {
        "period_start": "2023-11-01",
        "period_end": "2023-11-30",
        "period_label": "2023年11月",
        "indicator_1": str(indicator.pk),
        "unit_1": "",
        "kind_1": "level",
        "indicator_2": "",
        "unit_2": "",
        "kind_2": "level",
        "indicator_3": "",
        "unit_3": "",
        "kind_3": "level",
        f"_{action}": "1",
    }
    data.update(more)
    return data


def test_the_reading_page_offers_the_table_whose_numbers_were_left(client):
    editor = make_user(groups=("Editor",))
    bulletin = _imported(by=editor)
    client.force_login(editor)
    content = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    assert f'href="{_url(bulletin)}"' in content
    assert re.search(r"第 4 行起的表格（3 行，每行 3 个数字）</a>：8 个数字未读", content)


def test_the_editor_names_a_column_previews_then_saves_each_row_as_a_candidate(client):
    editor = make_user(groups=("Editor",))
    dust = _dust()
    bulletin = _imported(by=editor)
    before = Observation.objects.count()
    client.force_login(editor)
    page = client.get(_url(bulletin)).content.decode()
    # the header names the first column by the indicator's own name
    assert f'<option value="{dust.pk}" selected>' in page
    # the catalogue is grouped by category, the indicator under its own
    group = re.search(
        r'<optgroup label="([^"]+)">((?:(?!</optgroup>).)*)' + f'value="{dust.pk}"', page, re.S
    )
    assert group and group.group(1) == dust.get_category_display()

    table = _fingerprint(client, _url(bulletin))
    preview = client.post(_url(bulletin), _posted(dust, "preview", table=table)).content.decode()
    assert Observation.objects.count() == before  # a preview saves nothing
    assert "建立 3 个候选数值" in preview and "北郊水厂 | 5.1 | — | -0.2" in preview

    response = client.post(_url(bulletin), _posted(dust, "create", table=table))
    assert response.status_code == 302
    assert "review_state__exact=candidate" in response["Location"]
    made = Observation.objects.filter(indicator=dust).order_by("value")
    assert [(o.value, o.value_text, o.qualifier, o.unit, o.quote) for o in made] == [
        (Decimal("3.7"), "3.7", "南湖公园", "吨/平方公里·月", "南湖公园 | 3.7 | 3.5 | 0.1"),
        (Decimal("4.2"), "4.2", "市监测站", "吨/平方公里·月", "市监测站 | 4.2 | 3.9 | 0.3"),
        (Decimal("5.1"), "5.1", "北郊水厂", "吨/平方公里·月", "北郊水厂 | 5.1 | — | -0.2"),
    ]
    assert {
        (o.review_state, o.period_start, o.period_end, o.period_label, o.bulletin_id) for o in made
    } == {(ReviewState.CANDIDATE, date(2023, 11, 1), date(2023, 11, 30), "2023年11月", bulletin.pk)}
    assert all("第 1 列为“降尘量”" in o.reasons for o in made)
    assert ObservationVersion.objects.filter(observation__in=made, by=editor).count() == 3

    # the column of changes on the year (同比) comes as changes, and is read beside the levels
    assert re.search(r'<select name="kind_3"[^>]*>.*?<option value="change" selected', page, re.S)
    client.post(
        _url(bulletin),
        _posted(dust, "create", table=table, indicator_3=str(dust.pk), kind_3="change"),
    )
    changes = Observation.objects.filter(indicator=dust, kind="change").order_by("value")
    assert [(o.value, o.qualifier) for o in changes] == [
        (Decimal("-0.2"), "北郊水厂"),
        (Decimal("0.1"), "南湖公园"),
        (Decimal("0.3"), "市监测站"),
    ]

    # read again: nothing the bulletin states already is made twice
    client.post(_url(bulletin), _posted(dust, "create", table=table))
    assert Observation.objects.filter(indicator=dust).count() == 6


def test_row_labels_that_are_places_become_the_figures_regions():
    region = make_region(name="浮梁县", code="360222", level="county")
    text = "澜溪市2023年降尘\n\n县区 | 降尘量\n浮梁 | 4.2\n乐平市 | 5.1\n新塘站 | 3.0\n"
    bulletin = _imported(text)
    [table] = table_text.tables(pipeline.read(bulletin.raw_text).source)
    places = editor_tables.row_places(table, bulletin, pipeline.default_gazetteer())
    assert places["浮梁"].region == region
    assert places["乐平市"] == editor_tables.Place(None, ("乐平市", "360281"))
    assert places["新塘站"] is None
    choices = editor_tables.Choices(
        (editor_tables.Column(_dust(), ""),), None, None, "", rows_are_places=True
    )
    planned, unfit = editor_tables.plan(table, choices, bulletin, places)
    assert unfit == []
    # a place the database lacks is proposed, the figure of no region until it is accepted
    assert [
        (o.region, o.proposed_region_code, o.proposed_region_parent_code, o.qualifier)
        for o in planned
    ] == [
        (region, "", "", ""),
        (None, "360281", "360200", ""),
        (bulletin.region, "", "", "新塘站"),
    ]


def test_bad_choices_are_refused_with_the_form_and_nothing_is_saved(client):
    editor = make_user(groups=("Editor",))
    dust = _dust()
    bulletin = _imported(by=editor)
    before = Observation.objects.count()
    client.force_login(editor)
    table = _fingerprint(client, _url(bulletin))
    for data, error in (
        (_posted(dust, "create", table="0" * 16), "这张表格与预览时不同"),
        (_posted(dust, "create", table=table, indicator_1=""), "请至少为一列选择指标"),
        (_posted(dust, "create", table=table, indicator_1="999999"), "选择一个有效的选项"),
        (_posted(dust, "create", table=table, period_end="2023-10-01"), "期间止早于期间起"),
        (_posted(dust, "create", table=table, period_start="2023-13-45"), "输入一个有效的日期"),
        (_posted(dust, "create", table=table, unit_1="单" * 40), "不超过 32 字符"),
        (_posted(dust, "create", table=table, kind_1="forecast"), "选择一个有效的选项"),
    ):
        response = client.post(_url(bulletin), data)
        assert response.status_code == 200 and error in response.content.decode(), error
    assert Observation.objects.count() == before


def test_only_who_may_see_the_bulletin_and_add_figures_reads_its_tables(client):
    owner, other = make_user(groups=("Author",)), make_user(groups=("Author",))
    bulletin = _imported(by=owner)
    bulletin.created_by = owner
    bulletin.save(update_fields=["created_by"])
    assert client.get(_url(bulletin)).status_code == 302  # to the sign-in page
    client.force_login(other)
    assert client.get(_url(bulletin)).status_code == 404
    client.force_login(owner)
    assert client.get(_url(bulletin)).status_code == 200
    assert client.get(_url(bulletin, line=5)).status_code == 404  # no table starts there
    viewer = make_user(groups=("Editor",))
    theirs = _imported(DUST.replace("11月", "10月"), by=viewer)
    viewer.groups.clear()
    viewer.user_permissions.add(Permission.objects.get(codename="view_bulletin"))
    client.force_login(viewer)
    assert client.get(reverse("bulletin_import:reading", args=[theirs.pk])).status_code == 200
    assert client.get(_url(theirs)).status_code == 403  # sees the text, may add no figure


def test_an_author_saves_candidates_whatever_is_posted(client):
    author = make_user(groups=("Author",))
    dust = _dust()
    bulletin = _imported(by=author)
    client.force_login(author)
    client.post(
        _url(bulletin),
        _posted(
            dust, "create", table=_fingerprint(client, _url(bulletin)), review_state="accepted"
        ),
    )
    assert set(
        Observation.objects.filter(indicator=dust).values_list("review_state", flat=True)
    ) == {ReviewState.CANDIDATE}


def test_the_page_makes_the_same_queries_however_wide_or_long_the_table(client):
    editor = make_user(groups=("Editor",))
    client.force_login(editor)
    counties = [
        d.name
        for d in pipeline.default_gazetteer().reference
        if d.code.startswith("36") and d.level == "county"
    ]
    narrow = _imported(
        "澜溪市2023年降尘\n\n县 | 降尘量\n" + f"{counties[0]} | 4.2\n{counties[1]} | 5.1\n",
        by=editor,
    )
    wide_text = "澜溪市2023年降尘\n\n县 | 一 | 二 | 三 | 四 | 五 | 六\n" + "\n".join(
        f"{name} | {n}.1 | {n}.2 | {n}.3 | {n}.4 | {n}.5 | {n}.6"
        for n, name in enumerate(counties[:40])
    )
    wide = _imported(wide_text, by=editor)
    for county in counties[:20]:
        make_region(
            name=county,
            code=next(d.code for d in pipeline.default_gazetteer().reference if d.name == county),
        )
    counts = []
    for bulletin in (narrow, wide):
        client.get(_url(bulletin))  # sessions warmed
        with CaptureQueriesContext(connection) as queries:
            page = client.get(_url(bulletin)).content.decode()
        assert "建议新地区" in page or bulletin == narrow
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_hostile_cells_are_shown_as_text(client):
    editor = make_user(groups=("Editor",))
    bulletin = _imported(DUST.replace("南湖公园", "<script>alert(1)</script>"), by=editor)
    client.force_login(editor)
    content = client.get(_url(bulletin)).content.decode()
    assert "<script>alert(1)</script>" not in content and "&lt;script&gt;" in content


def test_a_table_copied_a_cell_a_line_is_read_as_its_rows_are_put_back(client):
    editor = make_user(groups=("Editor",))
    share = make_indicator(code="function-zone-share", name="水功能区达标率", unit="%")
    bulletin = _imported(CELLS, by=editor)
    client.force_login(editor)
    reading = client.get(reverse("bulletin_import:reading", args=[bulletin.pk])).content.decode()
    url = reverse("bulletin_import:reading_table", args=[bulletin.pk, 9])
    assert f'href="{url}"' in reading and "（3 行，每行 3 个数字）" in reading
    page = client.get(url).content.decode()
    assert 'name="per_row" value="5"' in page and 'name="first" value="6"' in page
    assert 'action="?per_row=5&amp;first=6"' in page  # the columns are posted with the rows

    # put back a cell late, the rows lose their first; a grid of no two rows is refused
    shifted = client.get(url, {"per_row": 5, "first": 7}).content.decode()
    assert "保护区" not in re.sub(r"<pre.*?</pre>", "", shifted, flags=re.S)
    for bad in (
        {"per_row": 10, "first": 6},
        {"per_row": 0, "first": 6},
        {"per_row": "x", "first": 6},
    ):
        response = client.get(url, bad)
        assert response.status_code == 200 and "errorlist" in response.content.decode(), bad

    posted = {
        "period_start": "2023-01-01",
        "period_end": "2023-12-31",
        "period_label": "2023年",
        "indicator_1": "",
        "unit_1": "",
        "kind_1": "level",
        "indicator_2": "",
        "unit_2": "",
        "kind_2": "level",
        "indicator_3": str(share.pk),
        "unit_3": "",
        "kind_3": "level",
        "_create": "1",
        "table": _fingerprint(client, url),
    }
    client.post(f"{url}?per_row=5&first=6", posted)
    made = Observation.objects.filter(indicator=share).order_by("value")
    assert [(o.value_text, o.unit, o.qualifier, o.quote) for o in made] == [
        ("75.0", "%", "缓冲区", "缓冲区 | 8 | 6 | 75.0"),
        ("83.3", "%", "保护区", "保护区 | 12 | 10 | 83.3"),
        ("90.0", "%", "保留区", "保留区 | 20 | 18 | 90.0"),
    ]


def test_columns_come_suggested_as_the_reading_names_their_headers(client):
    editor = make_user(groups=("Editor",))
    so2 = make_indicator(code="so2", name="二氧化硫", unit="μg/m³")
    ratio = make_indicator(code="air-good-days-ratio", name="空气质量优良天数比例", unit="%")
    text = (
        "澜溪市2023年各县空气质量\n\n县 | 二氧化硫(μg/m³) | 优良率 | 评价个数 | 二氧化氮\n"
        "甲站 | 9 | 90.1% | 3 | —\n乙站 | 8 | 88.0% | 4 | 21\n"
    )
    bulletin = _imported(text, by=editor)
    client.force_login(editor)
    page = client.get(_url(bulletin, line=4)).content.decode()
    chosen = re.findall(r'<select name="indicator_(\d)"[^>]*>.*?</select>', page, re.S)
    assert chosen == ["1", "2", "3", "4"]
    selected = dict(
        re.findall(r'<select name="indicator_(\d)".*?<option value="(\d+)" selected', page, re.S)
    )
    # 二氧化硫 by its unit, 优良率 as its cells are shares; 评价个数 names none, and 二氧化氮
    # names one the database does not hold
    assert selected == {"1": str(so2.pk), "2": str(ratio.pk)}


def test_a_table_the_reading_read_comes_with_its_columns_and_period_as_read(client):
    editor = make_user(groups=("Editor",))
    pm25 = make_indicator(code="pm25", name="细颗粒物（PM2.5）", unit="μg/m³")
    pm10 = make_indicator(code="pm10", name="可吸入颗粒物（PM10）", unit="μg/m³")
    # headers spaced as a copy left them; the reading reads the rows, the header line has no
    # unit, and no column name is an alias
    text = (
        "澜溪市2023年环境质量公报\n\n表2 各县（市、区）空气质量\n"
        "县区  PM2.5  PM10  优良天数比例\n乐平  31  52  90.1\n浮梁  28  47  93.4\n昌江  35  60  87.2\n"
    )
    bulletin = _imported(text, by=editor)
    read = pipeline.read(bulletin.raw_text)
    assert {f.indicator for f in read.figures} >= {"pm25", "pm10"}
    client.force_login(editor)
    page = client.get(_url(bulletin, line=5)).content.decode()
    selected = dict(
        re.findall(r'<select name="indicator_(\d)".*?<option value="(\d+)" selected', page, re.S)
    )
    assert selected["1"] == str(pm25.pk) and selected["2"] == str(pm10.pk)
    assert (
        'name="period_start" value="2023-01-01"' in page
        and 'name="period_end" value="2023-12-31"' in page
    )


def test_a_long_table_shows_its_first_rows_and_reads_them_all(client):
    editor = make_user(groups=("Editor",))
    dust = _dust()
    text = "澜溪市2023年降尘\n\n站 | 降尘量\n" + "\n".join(f"站{n} | {n}.5" for n in range(250))
    bulletin = _imported(text, by=editor)
    client.force_login(editor)
    page = client.get(_url(bulletin)).content.decode()
    assert '<th scope="row">站199</th>' in page and '<th scope="row">站200</th>' not in page
    assert "另有 50 行未列出" in page
    posted = {
        "kind_1": "level",
        "indicator_1": str(dust.pk),
        "unit_1": "",
        "_create": "1",
        "table": _fingerprint(client, _url(bulletin)),
    }
    client.post(_url(bulletin), posted)
    assert Observation.objects.filter(indicator=dust, bulletin=bulletin).count() == 250


def test_who_may_not_edit_the_bulletin_or_its_figures_reads_no_table(client):
    author, editor = make_user(groups=("Author",)), make_user(groups=("Editor",))
    dust = _dust()
    bulletin = _imported(by=author)
    Bulletin.objects.filter(pk=bulletin.pk).update(created_by=author, status=Status.IN_REVIEW)
    client.force_login(author)
    # an author sees their bulletin in review, but may no longer change it
    reading = client.get(reverse("bulletin_import:reading", args=[bulletin.pk]))
    assert reading.status_code == 200 and "reading/table/" not in reading.content.decode()
    assert client.get(_url(bulletin)).status_code == 403
    assert client.post(_url(bulletin), _posted(dust, "create")).status_code == 403
    # a published bulletin's figures change by public correction only, an editor's too
    Bulletin.objects.filter(pk=bulletin.pk).update(status=Status.PUBLISHED)
    client.force_login(editor)
    assert client.get(_url(bulletin)).status_code == 403
    assert not Observation.objects.filter(indicator=dust).exists()
    bulletin.refresh_from_db()
    with pytest.raises(PermissionDenied):
        editor_tables.save([], bulletin, by=editor)


def test_saving_bumps_the_bulletins_version_with_a_revision(client):
    editor = make_user(groups=("Editor",))
    dust = _dust()
    bulletin = _imported(by=editor)
    version, revisions = bulletin.version, bulletin.revisions.count()
    client.force_login(editor)
    table = _fingerprint(client, _url(bulletin))
    client.post(_url(bulletin), _posted(dust, "create", table=table))
    bulletin.refresh_from_db()
    assert bulletin.version == version + 1 and bulletin.revisions.count() == revisions + 1


def test_rows_of_one_label_and_value_are_figures_of_their_own():
    # years as a column: the labels are empty, two years have the same value
    text = "澜溪市优良天数\n\n年份 | 优良天数\n2019 | 300\n2020 | 310\n2021 | 300\n"
    bulletin = _imported(text)
    days = make_indicator(code="good-days", name="优良天数", unit="天")
    [table] = table_text.tables(pipeline.read(bulletin.raw_text).source)
    assert [r.cells for r in table.rows] == [("2019", "300"), ("2020", "310"), ("2021", "300")]
    columns = (editor_tables.Column(None, ""), editor_tables.Column(days, ""))
    planned, _unfit = editor_tables.plan(
        table, editor_tables.Choices(columns, None, None, "", False), bulletin, {}
    )
    saved, already = editor_tables.save(planned, bulletin, by=make_user(groups=("Editor",)))
    assert (len(saved), already) == (3, 0)


def test_a_value_an_observation_cannot_hold_is_shown_not_rounded(client):
    editor = make_user(groups=("Editor",))
    phosphorus = make_indicator(code="tp", name="总磷", unit="mg/L")
    text = "澜溪市水质\n\n断面 | 总磷\n甲 | 0.00004\n乙 | 0.05\n丙 | 12345678901234567890123\n"
    bulletin = _imported(text, by=editor)
    client.force_login(editor)
    url = _url(bulletin, line=4)
    data = {
        "indicator_1": str(phosphorus.pk),
        "unit_1": "",
        "kind_1": "level",
        "table": _fingerprint(client, url),
    }
    preview = client.post(url, {**data, "_preview": "1"}).content.decode()
    assert "2 个数值超出观测值能保存的精度" in preview and "甲 第 1 列 0.00004" in preview
    client.post(url, {**data, "_create": "1"})
    assert list(
        Observation.objects.filter(indicator=phosphorus).values_list("value_text", flat=True)
    ) == ["0.05"]


def test_odd_cells_read_or_left_as_what_they_are():
    # a superscript digit is no row number; full-width digits and signs are numbers
    cells = [
        "站点",
        "等级",
        "浓度",
        "甲站",
        "一级",
        "35¹",
        "乙站",
        "二级",
        "41",
        "丙站",
        "一级",
        "28",
        "丁站",
        "二级",
        "33",
        "戊站",
        "一级",
        "30",
    ]
    [table] = table_text.tables("\n".join(cells))  # no crash on "35¹", a footnote's mark
    assert [r.cells for r in table.rows] == [("41",), ("28",), ("33",), ("30",)]  # never 351
    [table] = table_text.tables("城市 | 浓度 | 变化\n南昌 | ３１．５ | －0.2\n九江 | 28 | 0.1\n")
    assert table.rows[0].cells == ("３１．５", "－0.2")
    assert editor_tables.cell_value("３１．５") == Decimal("31.5")
    # a row's number before its label, a Markdown rule and years over the columns
    [numbered] = table_text.tables("序号 城市 浓度\n1 南昌 31\n2 九江 28\n")
    assert [(r.label, r.cells) for r in numbered.rows] == [("南昌", ("31",)), ("九江", ("28",))]
    [ruled] = table_text.tables("| 城市 | 浓度 |\n|---|---|\n| 南昌 | 31 |\n| 九江 | 28 |\n")
    assert ruled.header_names() == [("浓度", "")]
    [years] = table_text.tables("城市\t2022\t2023\n南昌\t31\t29\n九江\t28\t27\n")
    assert [r.label for r in years.rows] == ["南昌", "九江"] and years.header_names() == [
        ("2022", ""),
        ("2023", ""),
    ]


def test_a_last_row_whose_empty_cells_the_copy_dropped_is_kept():
    cells = [
        "站点",
        "PM2.5",
        "备注",
        "甲站",
        "31",
        " ",
        "乙站",
        "35",
        " ",
        "丙站",
        "28",
        " ",
        "丁站",
        "40",
    ]
    [table] = table_text.tables("\n".join(cells))
    assert [(r.label, r.cells) for r in table.rows] == [
        ("甲站", ("31",)),
        ("乙站", ("35",)),
        ("丙站", ("28",)),
        ("丁站", ("40",)),
    ]


def test_row_places_are_found_inside_the_bulletins_region():
    city = make_region(name="攀枝花市", code="510400", level="prefecture")
    bulletin = _imported(
        "攀枝花市2023年降尘\n\n区 | 降尘量\n东区 | 4.2\n仁和区 | 5.1\n新区 | 3.0\n"
    )
    Bulletin.objects.filter(pk=bulletin.pk).update(region=city)
    bulletin.refresh_from_db()
    [table] = table_text.tables(pipeline.read(bulletin.raw_text).source)
    places = editor_tables.row_places(table, bulletin, pipeline.default_gazetteer())
    assert places["东区"] == editor_tables.Place(None, ("东区", "510402"))
    assert places["仁和区"] == editor_tables.Place(None, ("仁和区", "510411"))
    assert places["新区"] is None  # no 新区 in 攀枝花; 新县 is in Henan


def test_cells_below_the_detection_limit_merged_labels_and_trailing_grades_keep_the_rows():
    # "0.0004L" and "<0.006" hold their column's place and are no figures
    [limits] = table_text.tables(
        "项目 | 甲水库 | 乙水库\n硒 | 0.0004L | 0.0006\n砷 | 0.0005 | <0.006\n氟化物 | 0.21 | 0.35\n"
    )
    assert [(r.label, r.cells) for r in limits.rows] == [
        ("硒", ("", "0.0006")),
        ("砷", ("0.0005", "")),
        ("氟化物", ("0.21", "0.35")),
    ]
    # a label written once over several rows (its cell merged) is each row's
    [merged] = table_text.tables(
        "| 城市 | 年份 | PM2.5 |\n| 南昌 | 2023 | 31 |\n| | 2024 | 29 |\n| 九江 | 2023 | 33 |\n"
    )
    assert [r.label for r in merged.rows] == ["南昌", "南昌", "九江"]
    assert [r.cells for r in merged.rows] == [("2023", "31"), ("2024", "29"), ("2023", "33")]
    # a grade after the numbers is no column of numbers; the row stays in its table
    [graded] = table_text.tables(
        "站点 | PM10 | PM2.5 | 级别\n甲站 | 61 | 35 | 二级\n乙站 | 48 | 30 | 二级\n丙站 | 40 | 22 | 一级\n"
    )
    assert [(r.label, r.cells) for r in graded.rows] == [
        ("甲站", ("61", "35")),
        ("乙站", ("48", "30")),
        ("丙站", ("40", "22")),
    ]
    # a word between numbers still ends the row: its columns would not line up
    assert (
        table_text.tables(
            "站点 | PM10 | 首要 | PM2.5\n甲站 | 61 | PM10 | 35\n乙站 | 48 | PM10 | 30\n"
        )
        == []
    )
