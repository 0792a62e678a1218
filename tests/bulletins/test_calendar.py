"""The release calendar's iCalendar feed, and who decides what it announces."""

from datetime import UTC, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from bulletins.models import Bulletin
from ecoportal.publishing import Status
from tests.bulletins.test_admin import form_data
from tests.factories import make_bulletin, make_publisher

pytestmark = pytest.mark.django_db


def test_the_ics_feed_is_valid_icalendar_with_one_event_per_announcement(client):
    at = (timezone.now() + timedelta(days=2)).replace(microsecond=0)
    bulletin = make_bulletin(
        title="关于发布2024年全省生态环境状况公报的通知, 标题很长, 需要按照规范折行; 还有分号", publish_at=at,
        publisher=make_publisher(name="某省生态环境厅"), pre_announce=True,
    )
    response = client.get(reverse("bulletins:calendar-ics"))
    assert response["Content-Type"].startswith("text/calendar")
    text = response.content.decode("utf-8")
    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)
    unfolded = text.replace("\r\n ", "")
    assert f"UID:bulletin-{bulletin.pk}@" in unfolded
    assert f"DTSTART:{at.astimezone(UTC).strftime('%Y%m%dT%H%M%SZ')}" in unfolded
    assert "SUMMARY:关于发布2024年全省生态环境状况公报的通知\\, 标题很长\\, 需要按照规范折行\\; 还有分号" in unfolded
    assert "DESCRIPTION:某省生态环境厅" in unfolded


def test_an_author_cannot_announce_a_release(client, author):
    bulletin = make_bulletin(status=Status.DRAFT, created_by=author)
    client.force_login(author)
    response = client.post(
        reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), form_data(bulletin, pre_announce="on")
    )
    assert response.status_code == 302
    assert not Bulletin.objects.get(pk=bulletin.pk).pre_announce


def test_an_editor_announces_a_release(client, editor):
    bulletin = make_bulletin(status=Status.IN_REVIEW)
    client.force_login(editor)
    client.post(reverse("admin:bulletins_bulletin_change", args=[bulletin.pk]), form_data(bulletin, pre_announce="on"))
    assert Bulletin.objects.get(pk=bulletin.pk).pre_announce
