"""Candidate figures reviewed in bulk: the keys of the changelist, and region and period fixed
for many figures at once, each saved as an edit of its own; editors only; approved bulletins'
figures only by a public correction."""

from datetime import date

import pytest
from django.urls import reverse

from bulletins.models import Revision
from ecoportal.publishing import Status
from indicators.models import VersionEvent
from tests.factories import make_bulletin, make_region
from tests.indicators.test_proposals import CHANGELIST, candidate

pytestmark = pytest.mark.django_db


def fix(client, figures, **fields):
    data = {"action": "fix_region_and_period", "_selected_action": [f.pk for f in figures], **fields}
    return client.post(reverse(CHANGELIST), data)


def test_the_changelist_offers_the_keys_and_the_bulk_fix_to_editors(client, editor, author):
    candidate(make_bulletin(status=Status.DRAFT, created_by=author))
    client.force_login(editor)
    page = client.get(reverse(CHANGELIST)).text
    assert 'src="/static/js/figure-review.js"' in page and 'id="review-keys"' in page
    assert 'value="fix_region_and_period"' in page
    client.force_login(author)
    assert 'value="fix_region_and_period"' not in client.get(reverse(CHANGELIST)).text


def test_region_and_period_are_fixed_for_the_selected_figures_each_as_an_edit(client, editor, author):
    draft = make_bulletin(status=Status.DRAFT, created_by=author)
    figures = [candidate(draft), candidate(draft, value_text="9", quote="全年受理噪声投诉9件。")]
    untouched = candidate(draft)
    region = make_region(name="湿地市", slug="shidi")
    client.force_login(editor)

    page = fix(client, figures)  # first the page that asks what to give them
    assert page.status_code == 200 and 'id="fix-figures-form"' in page.text
    assert page.text.count('name="_selected_action"') == 2

    revisions_before = Revision.objects.filter(bulletin=draft).count()
    response = fix(client, figures, apply="1", region=region.pk, period_start="2023-01-01",
                   period_end="2023-12-31", period_label="2023年")
    assert response.status_code == 302
    for figure in figures:
        figure.refresh_from_db()
        assert (figure.region, figure.period_start, figure.period_end, figure.period_label) == (
            region, date(2023, 1, 1), date(2023, 12, 31), "2023年")
        assert figure.versions.filter(event=VersionEvent.CHANGED).exists()
    untouched.refresh_from_db()
    assert untouched.region_id != region.pk
    assert Revision.objects.filter(bulletin=draft).count() == revisions_before + 2


def test_an_empty_or_backwards_fix_is_refused_on_its_page(client, editor, author):
    figure = candidate(make_bulletin(status=Status.DRAFT, created_by=author))
    client.force_login(editor)
    assert "请至少填写一项" in fix(client, [figure], apply="1").text
    assert "期间的开始晚于结束" in fix(client, [figure], apply="1", period_start="2024-01-01", period_end="2023-01-01").text


def test_figures_of_an_approved_bulletin_are_not_fixed_in_bulk(client, editor):
    published = make_bulletin(status=Status.PUBLISHED)
    figure = candidate(published, period_label="原来的")
    client.force_login(editor)
    response = fix(client, [figure], apply="1", period_label="2023年")
    assert response.status_code == 302
    figure.refresh_from_db()
    assert figure.period_label == "原来的"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("未更正" in m for m in messages)


def test_an_author_cannot_post_the_bulk_fix(client, author):
    figure = candidate(make_bulletin(status=Status.DRAFT, created_by=author), period_label="原来的")
    client.force_login(author)
    fix(client, [figure], apply="1", period_label="2023年")
    figure.refresh_from_db()
    assert figure.period_label == "原来的"
