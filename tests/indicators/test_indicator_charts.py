"""The SVG charts: accessible, escaped, one linked point per figure, series never mixed."""

import re
from datetime import date

import pytest

from indicators.charts import (
    BarGroup,
    Line,
    Point,
    bar_chart,
    line_chart,
    marker_path,
    nice_ticks,
    sparkline,
)
from tests.factories import make_bulletin, make_indicator, make_region
from tests.indicators.helpers import yearly

pytestmark = pytest.mark.django_db


def point(value, n, **kwargs):
    return Point(value=value, display=f"{value}%", href=f"/bulletins/b/#obs-{n}", tooltip=f"点{n}", **kwargs)


def svg_of(html, prefix):
    """The chart ``prefix``, or all its small charts (``prefix-0``, ``prefix-1``…) together."""
    pattern = rf'<svg[^>]*aria-labelledby="({prefix}(?:-\d+)?)-title \1-desc".*?</svg>'
    found = [match.group(0) for match in re.finditer(pattern, html, re.S)]
    assert found, f"no chart {prefix} in the page"
    return "".join(found)


def test_every_chart_is_a_group_named_by_its_title_and_described_by_its_values():
    svg = bar_chart([BarGroup("2023年", [point(93.1, 1, label="甲市")])], id_prefix="c", title="优良天数比例")
    assert 'role="group"' in svg and 'aria-labelledby="c-title c-desc"' in svg
    assert '<title id="c-title">优良天数比例</title>' in svg
    assert re.search(r'<desc id="c-desc">[^<]*甲市：93.1%', svg)
    assert 'viewBox="0 0 400 ' in svg


def test_text_from_the_data_is_escaped_in_labels_tooltips_and_links():
    evil = '<script>alert(1)</script>"'
    hostile = Point(value=1, display=evil, href='/x/" onmouseover="alert(1)', tooltip=evil, label=evil, when=date(2020, 12, 31))
    for svg in (
        bar_chart([BarGroup(evil, [hostile])], id_prefix="b", title=evil),
        line_chart([Line(evil, [hostile, hostile])], id_prefix="l", title=evil),
        sparkline([hostile, hostile], id_prefix="s", title=evil),
    ):
        assert "<script" not in svg
        assert 'onmouseover="' not in svg
        assert "&lt;script&gt;" in svg


def test_bar_chart_links_each_bar_to_its_sentence_with_a_tooltip():
    points = [point(90 + i, i, label=f"市{i}") for i in range(5)]
    svg = bar_chart([BarGroup("2023年", points)], id_prefix="b", title="t")
    for i in range(5):
        assert re.search(rf'<a href="/bulletins/b/#obs-{i}" tabindex="-1"><title>点{i}</title><rect', svg)


def test_qualified_groups_are_hatched_and_labelled_not_only_coloured():
    svg = bar_chart(
        [BarGroup("2023年", [point(93.1, 1, label="省")]), BarGroup("2023年 · 扣除沙尘异常超标天数后", [point(94.2, 2, label="省")], qualified=True)],
        id_prefix="b",
        title="t",
    )
    assert 'fill="url(#b-hatch)"' in svg
    assert "扣除沙尘异常超标天数后" in svg


def test_line_chart_gives_each_line_its_own_colour_marker_and_dash_and_names_it():
    lines = [
        Line(f"序列{i}", [point(i, 10 * i + k, when=date(2019 + k, 12, 31)) for k in range(3)]) for i in range(3)
    ]
    svg = line_chart(lines, id_prefix="l", title="t", unit="%")
    paths = re.findall(r'<path d="([^"]+)" fill="none" stroke="([^"]+)" stroke-width="2"(?: stroke-dasharray="([^"]+)")?', svg)
    assert len(paths) == 3
    assert len({colour for _, colour, _ in paths}) == 3
    assert len({dash for _, _, dash in paths}) == 3
    assert len({marker_path(i, 0, 0) for i in range(7)}) == 7
    for i in range(3):
        assert f"序列{i}" in svg
    assert "单位：%" in svg


def test_sparkline_emphasises_the_latest_point_and_links_every_point():
    svg = sparkline([point(v, v) for v in (1, 3, 2)], id_prefix="s", title="趋势")
    assert svg.count("<a href=") == 3
    assert svg.count('r="3.2"') == 1


def test_nice_ticks_are_round_and_cover_the_values():
    assert nice_ticks(86.2, 93.9) == [86, 88, 90, 92, 94]
    assert nice_ticks(5, 5)[0] <= 5 <= nice_ticks(5, 5)[-1]


def test_indicator_page_chart_has_a_linked_point_per_figure(client, city, ratio, bulletin):
    figures = yearly(bulletin, ratio, city, [88.1, 89.5, 90.2, 91.0, 92.4])
    html = client.get(ratio.get_absolute_url()).content.decode()
    lines = svg_of(html, "chart-lines")
    for figure in figures:
        assert f'href="/bulletins/{bulletin.slug}/#obs-{figure.pk}"' in lines
    assert lines.count("<a href=") == len(figures)


def test_values_under_different_qualifiers_are_never_joined_in_one_line(client, city, ratio, bulletin):
    plain = yearly(bulletin, ratio, city, [93.1, 93.5, 94.0])
    dust = yearly(bulletin, ratio, city, [94.2, 94.8, 95.0], qualifier="扣除沙尘异常超标天数后")
    html = client.get(ratio.get_absolute_url()).content.decode()
    lines = svg_of(html, "chart-lines")
    series = re.findall(r'<path d="(M[^"]+)" fill="none"[^>]*class="series"', lines)
    assert len(series) == 2
    assert all(path.count("L") == 2 for path in series), "each line joins only its own three years"
    for group in (plain, dust):
        assert all(f"#obs-{o.pk}" in lines for o in group)
    assert "某市 · 全年 · 扣除沙尘异常超标天数后" in lines


def test_a_year_to_date_value_is_not_joined_to_whole_years(client, city, ratio, bulletin):
    from decimal import Decimal

    from indicators.models import Observation

    yearly(bulletin, ratio, city, [90.0, 91.0])
    partial = Observation(
        bulletin=bulletin, indicator=ratio, region=city, period_start=date(2021, 1, 1), period_end=date(2021, 11, 30),
        period_label="1—11月", value=Decimal("97.9"), value_text="97.9", unit="%", quote="1—11月达标率为97.9%。",
    )
    partial.save()
    html = client.get(ratio.get_absolute_url()).content.decode()
    lines = svg_of(html, "chart-lines")
    assert f"#obs-{partial.pk}" not in lines
    bars = svg_of(html, "chart-bars")
    assert f"#obs-{partial.pk}" in bars
    assert "1—11月（2021年）" in bars


def test_bars_show_values_as_reported_and_scale_them_by_the_normalised_value(client):
    fines = make_indicator(code="fines", name="罚款金额", unit="万元", higher_is_better=None)
    a, b = make_region(name="甲市"), make_region(name="乙市")
    from indicators.models import Observation

    for region, text, unit in ((a, "1.06", "亿元"), (b, "2781.22", "万元")):
        bulletin = make_bulletin(region=region, body="正文")
        Observation(
            bulletin=bulletin, indicator=fines, region=region, period_start=date(2021, 1, 1), period_end=date(2021, 12, 31),
            period_label="2021年", value=text, value_text=text, unit=unit, quote=f"处罚金额{text}{unit}。",
        ).save()
    bars = svg_of(client.get(fines.get_absolute_url()).content.decode(), "chart-bars")
    assert "1.06亿元" in bars and "2781.22万元" in bars
    widths = [float(w) for w in re.findall(r'<rect x="[^"]+" y="[^"]+" width="([^"]+)"[^>]*class="bar"', bars)]
    assert widths[0] > widths[1] * 3, "1.06亿元 (10,600万元) is drawn about four times 2781.22万元"
    assert bars.index("1.06亿元") < bars.index("2781.22万元"), "sorted by the normalised value"
