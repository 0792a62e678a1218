"""What the portal said at a moment (as_of), and each figure's public history."""

import csv
import io
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from ecoportal.publishing import Status
from indicators import corrections
from tests.api.errors import by_parameter
from tests.factories import make_bulletin, make_indicator, make_observation, make_region

pytestmark = pytest.mark.django_db

LIST = "/api/v1/observations/"


@pytest.fixture
def pm25(db):
    return make_indicator(code="pm25-h", name="PM2.5浓度", unit="微克/立方米")


@pytest.fixture
def figure(pm25):
    bulletin = make_bulletin(region=make_region(), publish_at=timezone.now() - timedelta(days=10))
    return make_observation(bulletin=bulletin, indicator=pm25, value="25", quote="PM2.5浓度为25微克/立方米。")


def values(client, **params):
    response = client.get(LIST, {"indicator": "pm25-h", **params})
    assert response.status_code == 200, response.content
    return [row["value"] for row in response.json()["results"]]


def iso(moment):
    return moment.isoformat()


def test_as_of_before_a_correction_gives_the_value_then_and_after_it_the_corrected_one(client, editor, figure):
    before = timezone.now() - timedelta(seconds=1)
    corrections.observation_correct(figure, by=editor, note="换算错误", value="24")
    assert values(client) == ["24"]
    assert values(client, as_of=iso(before)) == ["25"]
    assert values(client, as_of=iso(timezone.now() + timedelta(seconds=1))) == ["24"]


def test_as_of_before_the_publication_gives_nothing(client, figure):
    assert values(client, as_of=iso(figure.bulletin.publish_at - timedelta(seconds=1))) == []


def test_as_of_keeps_a_figure_withdrawn_since(client, editor, figure):
    before = timezone.now() - timedelta(seconds=1)
    corrections.observation_withdraw(figure, by=editor, note="重复")
    assert values(client) == []
    assert values(client, as_of=iso(before)) == ["25"]


def test_as_of_never_shows_a_bulletin_that_is_not_public_now(client, pm25):
    draft = make_bulletin(status=Status.DRAFT)
    make_observation(bulletin=draft, indicator=pm25, value="99", quote="99微克/立方米")
    assert values(client, as_of=iso(timezone.now())) == []


def test_the_csv_as_of_a_moment_gives_the_values_then(client, editor, figure):
    before = timezone.now() - timedelta(seconds=1)
    corrections.observation_correct(figure, by=editor, note="换算错误", value="24")
    response = client.get(LIST, {"indicator": "pm25-h", "format": "csv", "as_of": iso(before)})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert [row["value"] for row in rows] == ["25"]


def test_a_malformed_as_of_is_a_400_naming_it(client, figure):
    for url in (LIST, METADATA):
        response = client.get(url, {"as_of": "yesterday"})
        assert response.status_code == 400 and "as_of" in by_parameter(response), url


METADATA = f"{LIST}metadata/"


def metadata(client, **params):
    response = client.get(METADATA, params)
    assert response.status_code == 200, response.content
    return response.json()


def test_the_metadata_as_of_a_moment_describes_the_figures_as_they_were(client, editor, figure):
    # Corrected since: another indicator and period. Then, the figure was the old ones, and the
    # data had last changed when the bulletin was published.
    before = timezone.now() - timedelta(seconds=1)
    other = make_indicator(code="pm10-h", name="PM10浓度", unit="微克/立方米")
    correction = corrections.observation_correct(
        figure, by=editor, note="指标有误", indicator_id=other.pk,
        period_start=date(2024, 1, 1), period_end=date(2024, 6, 30),
    )
    where = {"bulletin": figure.bulletin.slug}
    then = metadata(client, as_of=iso(before), **where)
    assert parse_datetime(then["as_of"]) == before
    assert then["rows"] == 1
    assert [(i["code"], i["rows"]) for i in then["indicators"]] == [("pm25-h", 1)]
    assert then["date_of_data"]["period_end"] == "2023-12-31"
    assert parse_datetime(then["date_of_data"]["last_updated"]) == figure.bulletin.publish_at
    assert "as_of=" in then["csv"] and "as_of" not in then["filters"]
    now = metadata(client, **where)
    assert now["as_of"] is None
    assert [i["code"] for i in now["indicators"]] == ["pm10-h"]
    assert now["date_of_data"]["period_end"] == "2024-06-30"
    assert parse_datetime(now["date_of_data"]["last_updated"]) == correction.made_at


def test_the_metadata_as_of_a_moment_counts_the_figures_shown_then(client, editor, figure):
    published = figure.bulletin.publish_at
    assert metadata(client, as_of=iso(published - timedelta(seconds=1)))["rows"] == 0
    before = timezone.now() - timedelta(seconds=1)
    corrections.observation_withdraw(figure, by=editor, note="重复")
    assert metadata(client)["rows"] == 0
    assert metadata(client, as_of=iso(before))["rows"] == 1


def test_the_csv_as_of_a_moment_links_its_metadata_of_that_moment(client, editor, figure):
    before = timezone.now() - timedelta(seconds=1)
    corrections.observation_withdraw(figure, by=editor, note="重复")
    response = client.get(LIST, {"indicator": "pm25-h", "format": "csv", "as_of": iso(before)})
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    link = urlsplit(response["Link"][1: response["Link"].index(">")])
    assert link.path == METADATA and "as_of=" in link.query
    assert client.get(f"{link.path}?{link.query}").json()["rows"] == len(rows) == 1


def test_as_of_costs_the_same_queries_for_one_figure_or_twenty(client, editor, pm25):
    bulletin = make_bulletin(region=make_region(), publish_at=timezone.now() - timedelta(days=1))
    first = make_observation(bulletin=bulletin, indicator=pm25, value="1", quote="1微克/立方米")
    corrections.observation_correct(first, by=editor, note="x", value="2")
    moment = iso(timezone.now())

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(LIST, {"as_of": moment, "page_size": 50}).status_code == 200
        return len(queries)

    one = count()
    for n in range(19):
        obs = make_observation(bulletin=bulletin, indicator=pm25, value=str(n + 10), quote=f"{n + 10}微克/立方米")
        corrections.observation_correct(obs, by=editor, note="x", value=str(n + 100))
    moment = iso(timezone.now())
    assert count() == one


def test_a_figures_history_lists_the_published_value_then_its_correction(client, editor, figure):
    correction = corrections.observation_correct(figure, by=editor, note="换算错误", value="24")
    data = client.get(f"{LIST}{figure.pk}/history/").json()
    assert [(v["event"], v["value"]) for v in data["versions"]] == [("published", "25"), ("corrected", "24")]
    assert data["versions"][1]["note"] == "换算错误"
    assert data["versions"][1]["note_url"].endswith(f"#correction-{correction.pk}")
    assert data["versions"][0]["indicator"] == "pm25-h"


def test_a_withdrawn_figures_history_stays_readable(client, editor, figure):
    corrections.observation_withdraw(figure, by=editor, note="重复")
    events = [v["event"] for v in client.get(f"{LIST}{figure.pk}/history/").json()["versions"]]
    assert events == ["published", "withdrawn"]


def test_a_history_hides_what_came_before_publication(client, editor, pm25):
    from indicators import history
    from indicators.models import VersionEvent

    bulletin = make_bulletin(publish_at=timezone.now() - timedelta(days=1))
    obs = make_observation(bulletin=bulletin, indicator=pm25, value="30", quote="30微克/立方米")
    history.version_record(obs, VersionEvent.CREATED, by=editor, at=timezone.now() - timedelta(days=3))
    obs.value, obs.value_text = 31, "31"
    obs.save()
    history.version_record(obs, VersionEvent.CHANGED, by=editor, at=timezone.now() - timedelta(days=2))
    versions = client.get(f"{LIST}{obs.pk}/history/").json()["versions"]
    assert [(v["event"], v["value"]) for v in versions] == [("published", "31")]


def test_no_history_for_a_figure_of_an_unpublished_bulletin(client, pm25):
    obs = make_observation(bulletin=make_bulletin(status=Status.DRAFT), indicator=pm25, value="5", quote="5微克/立方米")
    assert client.get(f"{LIST}{obs.pk}/history/").status_code == 404


def test_the_metadata_as_of_a_moment_costs_the_same_queries_for_one_figure_or_twenty(client, editor, pm25):
    bulletin = make_bulletin(region=make_region(), publish_at=timezone.now() - timedelta(days=1))
    first = make_observation(bulletin=bulletin, indicator=pm25, value="1", quote="1微克/立方米")
    corrections.observation_correct(first, by=editor, note="x", value="2")

    def count():
        with CaptureQueriesContext(connection) as queries:
            metadata(client, as_of=iso(timezone.now()))
        return len(queries)

    one = count()
    for n in range(19):
        obs = make_observation(bulletin=bulletin, indicator=pm25, value=str(n + 10), quote=f"{n + 10}微克/立方米")
        corrections.observation_correct(obs, by=editor, note="x", value=str(n + 100))
    assert count() == one
