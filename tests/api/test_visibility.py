"""Nothing unpublished leaks through the API or the CSV, in lists, details or filters.

Each hidden bulletin (draft, in review, scheduled, archived, deleted) carries a unique marker in
its texts, slug, achievement list and figure; so does a figure still waiting for review on a
public bulletin.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from ecoportal.publishing import Status
from indicators.choices import ReviewState
from tests.api.errors import by_parameter
from tests.factories import make_achievement_list, make_bulletin, make_correction, make_observation

pytestmark = pytest.mark.django_db

LISTS = [
    "/api/v1/bulletins/",
    "/api/v1/bulletins/?page_size=100&ordering=-published_at",
    "/api/v1/bulletins/?region=china",
    "/api/v1/bulletins/?q=MARKER",
    "/api/v1/achievement-lists/",
    "/api/v1/achievement-lists/?region=heilongjiang",
    "/api/v1/indicators/",
    "/api/v1/observations/",
    "/api/v1/observations/?page_size=100",
    "/api/v1/observations/?region=heilongjiang&indicator=pm25",
    "/api/v1/observations/?format=csv",
    "/api/v1/observations/?format=csv&indicator=pm25",
    "/api/v1/regions/",
    "/api/v1/publishers/",
    "/api/v1/topics/",
    "/api/v1/",
]


def hidden_states():
    now = timezone.now()
    return {
        "DRAFTMARKER": {"status": Status.DRAFT, "publish_at": None},
        "REVIEWMARKER": {"status": Status.IN_REVIEW, "publish_at": None},
        "SCHEDULEDMARKER": {"status": Status.PUBLISHED, "publish_at": now + timedelta(days=2)},
        "ARCHIVEDMARKER": {"status": Status.ARCHIVED, "publish_at": now - timedelta(days=3)},
        "DELETEDMARKER": {"status": Status.PUBLISHED, "publish_at": now - timedelta(days=3), "deleted_at": now},
    }


@pytest.fixture
def hidden(world):
    yichun = world["regions"]["yichun"]
    pm25 = world["indicators"]["pm25"]
    bulletins = {}
    for marker, state in hidden_states().items():
        bulletin = make_bulletin(
            slug=marker.lower(),
            title=f"{marker}标题",
            summary=f"{marker}摘要",
            body=f"{marker}正文。",
            region=yichun,
            publisher=world["publisher"],
            topics=[world["topics"]["air"]],
            issued_on=timezone.localdate(),
            **state,
        )
        make_achievement_list(bulletin, slug=f"{marker.lower()}-list", title=f"{marker}清单", year=2023)
        make_correction(bulletin, original=f"{marker}原文")
        bulletins[marker] = (
            bulletin,
            make_observation(bulletin=bulletin, indicator=pm25, value="777", quote=f"{marker}PM2.5浓度777微克/立方米。"),
        )
    public = world["bulletins"]["yichun-2023"]
    for marker, review_state in (("CANDIDATEMARKER", ReviewState.CANDIDATE), ("REJECTEDMARKER", ReviewState.REJECTED)):
        bulletins[marker] = (
            public,
            make_observation(
                bulletin=public, indicator=pm25, value="555", quote=f"{marker}PM2.5浓度555。", review_state=review_state
            ),
        )
    return bulletins


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode("utf-8")


@pytest.mark.parametrize("url", LISTS)
def test_no_list_or_csv_shows_unpublished_content(client, hidden, url):
    response = client.get(url)
    assert response.status_code == 200
    text = body(response)
    for marker in hidden:
        assert marker not in text
        assert marker.lower() not in text


def test_the_public_bulletin_still_shows_with_its_own_figures(client, hidden):
    data = client.get("/api/v1/observations/?bulletin=yichun-2023").json()
    assert data["count"] == 2
    assert "yichun-2023" in body(client.get("/api/v1/bulletins/"))


@pytest.mark.parametrize("marker", list(hidden_states()))
def test_the_details_of_unpublished_items_are_not_found(client, hidden, marker):
    bulletin, observation = hidden[marker]
    for url in (
        f"/api/v1/bulletins/{bulletin.slug}/",
        f"/api/v1/achievement-lists/{bulletin.slug}-list/",
        f"/api/v1/observations/{observation.pk}/",
    ):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("marker", ["CANDIDATEMARKER", "REJECTEDMARKER"])
def test_figures_not_accepted_by_an_editor_are_not_found(client, hidden, marker):
    _, observation = hidden[marker]
    assert client.get(f"/api/v1/observations/{observation.pk}/").status_code == 404


@pytest.mark.parametrize("marker", list(hidden_states()))
def test_filtering_on_an_unpublished_bulletin_is_an_unknown_slug(client, hidden, marker):
    response = client.get(f"/api/v1/observations/?bulletin={marker.lower()}")
    assert response.status_code == 400
    assert "bulletin" in by_parameter(response)


def test_the_bulletin_detail_shows_no_hidden_figure_count_or_correction(client, hidden):
    text = body(client.get("/api/v1/bulletins/yichun-2023/"))
    assert "CANDIDATEMARKER" not in text and "REJECTEDMARKER" not in text


def test_a_scheduled_bulletin_appears_once_its_time_comes(client, hidden, monkeypatch):
    scheduled, observation = hidden["SCHEDULEDMARKER"]
    later = timezone.now() + timedelta(days=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert client.get(f"/api/v1/bulletins/{scheduled.slug}/").status_code == 200
    assert client.get(f"/api/v1/observations/{observation.pk}/").status_code == 200
    assert "SCHEDULEDMARKER" in body(client.get("/api/v1/observations/?format=csv"))
    assert client.get(f"/api/v1/observations/?bulletin={scheduled.slug}").json()["count"] == 1
