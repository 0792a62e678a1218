"""The indicator page "as published on <date>": its charts and table as they stood that evening."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from indicators import corrections
from tests.factories import make_bulletin, make_indicator, make_observation, make_region

pytestmark = pytest.mark.django_db

QUOTE = "某市PM2.5年均浓度为25微克/立方米。"


@pytest.fixture
def pm25():
    return make_indicator(code="pm25-asof", name="PM2.5浓度", unit="微克/立方米")


def published_days_ago(days, **kwargs):
    return make_bulletin(region=make_region(), publish_at=timezone.now() - timedelta(days=days), body=QUOTE, **kwargs)


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def day(days_ago):
    return (timezone.localdate() - timedelta(days=days_ago)).isoformat()


def table(html):
    return html[html.index('class="data-table figures-table"'):]


def charts(html):
    return html[html.index('class="indicator-charts"'):html.index('class="indicator-table"')]


@pytest.fixture
def corrected(editor, pm25):
    figure = make_observation(bulletin=published_days_ago(10), indicator=pm25, value="25", quote=QUOTE)
    corrections.observation_correct(figure, by=editor, note="换算错误，应为24。", value="24")
    return figure


def test_the_page_as_published_before_a_correction_shows_the_value_then(client, pm25, corrected):
    now = page(client, pm25.get_absolute_url())
    assert ">24<" in table(now) and "更正于" in table(now)
    then = page(client, f"{pm25.get_absolute_url()}?as_of={day(1)}")
    assert ">25<" in table(then) and ">24<" not in table(then) and "更正于" not in table(then)
    assert "25微克/立方米" in charts(then) and "24微克/立方米" not in charts(then)
    assert f"这是本页在 {day(1)} 日终时的样子" in then
    assert '<meta name="robots" content="noindex">' in then and "noindex" not in now


def test_the_current_page_links_to_the_day_before_each_correction(client, pm25, corrected):
    html = page(client, pm25.get_absolute_url())
    assert f'href="?as_of={day(1)}"' in html
    assert 'type="date" id="as-of-day" name="as_of"' in html


def test_before_the_publication_there_is_nothing(client, pm25, corrected):
    html = page(client, f"{pm25.get_absolute_url()}?as_of={day(11)}")
    assert "暂无已发布的数值" in table(html) and ">25<" not in html


def test_a_figure_published_after_the_day_is_left_out(client, pm25):
    make_observation(bulletin=published_days_ago(10), indicator=pm25, value="31", quote="某市PM2.5年均浓度为31微克/立方米。")
    make_observation(bulletin=published_days_ago(2), indicator=pm25, value="33", quote="某市PM2.5年均浓度为33微克/立方米。")
    html = table(page(client, f"{pm25.get_absolute_url()}?as_of={day(5)}"))
    assert ">31<" in html and ">33<" not in html
    html = table(page(client, pm25.get_absolute_url()))
    assert ">31<" in html and ">33<" in html


def test_an_unreadable_day_says_so_and_shows_the_page_as_it_is(client, pm25, corrected):
    for bad in ("yesterday", "2024-13-01", "2024-1-1", "0001-01-01"):
        html = page(client, f"{pm25.get_absolute_url()}?as_of={bad}")
        assert "无法识别这个日期" in html and ">24<" in table(html)


def test_today_or_later_is_the_page_as_it_is(client, pm25, corrected):
    html = page(client, f"{pm25.get_absolute_url()}?as_of={day(-3)}")
    assert ">24<" in table(html) and "日终时的样子" not in html


def test_the_download_of_a_past_day_is_the_apis_csv_as_of_that_evening(client, pm25, corrected):
    html = page(client, f"{pm25.get_absolute_url()}?as_of={day(1)}")
    start = html.index("日终时的数值（CSV")
    href = html[html.index('href="', start) + 6:html.index('"', html.index('href="', start) + 6)].replace("&amp;", "&")
    assert href.startswith("/api/v1/observations/?") and "as_of=" in href
    response = client.get(href)
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert ",25," in body and ",24," not in body


def test_a_past_day_costs_the_same_queries_for_one_corrected_figure_or_twenty(client, editor, pm25):
    def count():
        url = f"{pm25.get_absolute_url()}?as_of={day(1)}"
        client.get(url)  # what is kept per generation
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as first:
            from django.core.cache import cache

            cache.clear()
            assert client.get(url).status_code == 200
        return len(queries), len(first)

    figures = [make_observation(bulletin=published_days_ago(10), indicator=pm25, value="25", quote=QUOTE)]
    corrections.observation_correct(figures[0], by=editor, note="更正", value="24")
    one = count()
    for n in range(19):
        figure = make_observation(bulletin=published_days_ago(10), indicator=pm25, value=str(30 + n),
                                  quote=f"某市PM2.5年均浓度为{30 + n}微克/立方米。")
        corrections.observation_correct(figure, by=editor, note="更正", value=str(60 + n))
    assert count() == one
    print(f"\nas_of page: {one[1]} queries computed, {one[0]} with what is kept")
