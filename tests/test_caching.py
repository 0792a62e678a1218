"""The page cache: hits for anonymous readers, never a stale, private or per-reader page."""

import pickle
import re
import socket
from datetime import date, timedelta
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import _unmask_cipher_token
from django.template import engines
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import include, path
from django.utils import timezone, translation

from bulletins import workflow
from ecoportal.caching import generation
from ecoportal.caching.models import Generation
from ecoportal.caching.pages import is_cacheable_request
from ecoportal.publishing import Status
from ecoportal.templatetags.fragments import ChromeFragmentNode
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_region,
    make_topic,
    make_user,
)

pytestmark = pytest.mark.django_db


def sets_a_cookie(request):
    response = HttpResponse("with a cookie")
    response.set_cookie("flavour", "oat")
    return response


def uses_a_nonce(request):
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">1</script>')
    return HttpResponse(template.render({}, request))


def uses_a_csrf_token(request):
    template = engines["django"].from_string('<form method="post">{% csrf_token %}</form>')
    return HttpResponse(template.render({}, request))


urlpatterns = [
    path("bulletins/cookie-test/", sets_a_cookie),
    path("bulletins/nonce-test/", uses_a_nonce),
    path("bulletins/csrf-test/", uses_a_csrf_token),
    path("", include("ecoportal.urls")),
]


GENERATION_QUERY = "SELECT scope, number, began, next_due, due_known FROM pagecache_generation WHERE scope IN ('site', '{}')"


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what a commit runs (the bump) at the end of the block, as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")


def status_of(response):
    return response.headers.get("X-Page-Cache")


def text(response):
    return response.content.decode()


def test_the_second_anonymous_request_is_a_hit_that_reads_only_the_generation(client, committed):
    with committed():
        make_bulletin(title="第一篇")
    first = client.get("/bulletins/")
    assert status_of(first) == "miss" and "第一篇" in text(first)
    with CaptureQueriesContext(connection) as queries:
        second = Client().get("/bulletins/")
    assert status_of(second) == "hit" and "第一篇" in text(second)
    assert [query["sql"] for query in queries] == [GENERATION_QUERY.format("lists")]


def test_publishing_shows_at_once_and_withdrawing_hides_at_once(client, committed, editor):
    with committed():
        draft = make_bulletin(title="待发布的公报", status=Status.IN_REVIEW)
    assert "待发布的公报" not in text(client.get("/bulletins/"))
    assert status_of(client.get("/bulletins/")) == "hit"
    with committed():
        workflow.bulletin_publish(draft, by=editor)
    page = client.get("/bulletins/")
    assert status_of(page) == "miss" and "待发布的公报" in text(page)
    assert client.get(f"/bulletins/{draft.slug}/").status_code == 200
    with committed():
        workflow.bulletin_withdraw(draft, by=editor, comment="数字有误")
    assert "待发布的公报" not in text(client.get("/bulletins/"))
    assert client.get(f"/bulletins/{draft.slug}/").status_code == 404
    assert f"/bulletins/{draft.slug}/" not in text(client.get("/api/v1/bulletins/"))


def test_a_scheduled_bulletin_appears_when_its_time_comes(client, committed, monkeypatch):
    now = timezone.now()
    with committed():
        make_bulletin(title="定时发布的公报", publish_at=now + timedelta(hours=1))
    assert "定时发布的公报" not in text(client.get("/bulletins/"))
    assert status_of(client.get("/bulletins/")) == "hit"
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(minutes=59))
    assert status_of(client.get("/bulletins/")) == "hit"
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=1, seconds=1))
    page = client.get("/bulletins/")
    assert "定时发布的公报" in text(page)
    assert status_of(client.get("/bulletins/")) == "hit"


def test_editing_an_observation_updates_the_indicator_page(client, committed):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米")
        observation = make_observation(
            bulletin=make_bulletin(region=make_region()), indicator=indicator, value="31",
            quote="全年PM2.5平均浓度为31微克/立方米。",
        )
    assert "平均浓度为31微克" in text(client.get("/indicators/pm25/"))
    assert status_of(client.get("/indicators/pm25/")) == "hit"
    with committed():
        observation.value, observation.value_text = 29, "29"
        observation.quote = "全年PM2.5平均浓度为29微克/立方米。"
        observation.save()
    page = client.get("/indicators/pm25/")
    assert "平均浓度为29微克" in text(page) and "平均浓度为31微克" not in text(page)


def test_changing_the_topics_of_a_bulletin_invalidates(client, committed):
    with committed():
        bulletin = make_bulletin()
    client.get("/api/v1/bulletins/")
    with committed():
        topic = make_topic(slug="noise")
    client.get("/api/v1/bulletins/")
    assert status_of(client.get("/api/v1/bulletins/")) == "hit"
    with committed():
        bulletin.topics.add(topic)
    assert '"noise"' in text(client.get("/api/v1/bulletins/"))


def test_changes_in_one_transaction_bump_once(client, committed):
    before = generation.current_generation()
    with committed() as callbacks:
        for _ in range(5):
            make_bulletin(topics=[make_topic()])
    assert generation.current_generation() == before + 1
    assert len(callbacks) == 1


def test_staff_neither_get_nor_fill_cached_pages(client, committed, editor):
    with committed():
        make_bulletin(title="公开的公报")
        draft = make_bulletin(title="编辑草稿", status=Status.DRAFT)
    staff = Client()
    staff.force_login(editor)
    assert status_of(staff.get("/bulletins/")) is None
    assert status_of(client.get("/bulletins/")) == "miss", "the editor's page was stored"
    assert status_of(client.get("/bulletins/")) == "hit"
    assert status_of(staff.get("/bulletins/")) is None, "the editor was served from the cache"
    assert status_of(staff.get(f"/bulletins/{draft.slug}/")) is None


def test_a_session_cookie_or_credentials_bypass_the_cache(client, rf):
    client.get("/bulletins/")
    with_session = Client()
    with_session.cookies["sessionid"] = "anything"
    assert status_of(with_session.get("/bulletins/")) is None
    assert status_of(Client().get("/bulletins/", HTTP_AUTHORIZATION="Token x")) is None
    assert not is_cacheable_request(rf.get("/bulletins/some-slug/preview/"))
    assert not is_cacheable_request(rf.get("/admin/"))
    assert not is_cacheable_request(rf.post("/bulletins/"))
    assert not is_cacheable_request(rf.get("/healthz"))
    assert is_cacheable_request(rf.get("/"))


@pytest.mark.urls("tests.test_caching")
def test_a_response_that_sets_a_cookie_is_not_stored(client):
    for _ in range(2):
        response = client.get("/bulletins/cookie-test/")
        assert response.cookies["flavour"].value == "oat"
        assert status_of(response) is None


def test_only_successful_full_responses_are_stored(client):
    assert status_of(client.get("/bulletins/nope/")) is None
    assert status_of(client.get("/bulletins/nope/")) is None
    with_filter_error = client.get("/api/v1/bulletins/?year=abc")
    assert with_filter_error.status_code == 400 and status_of(with_filter_error) is None


def test_public_pages_carry_nothing_per_reader_and_the_language_form_needs_no_token():
    make_bulletin()
    Client().get("/")
    reader = Client(enforce_csrf_checks=True)
    page = reader.get("/")
    assert status_of(page) == "hit"
    assert not page.cookies
    assert "csrfmiddlewaretoken" not in text(page)
    switched = reader.post("/i18n/setlang/", {"language": "en", "next": "/"}, headers={"Origin": "http://testserver"})
    assert switched.status_code == 302
    english = reader.get("/")
    assert english.headers["Content-Language"] == "en" and status_of(english) == "miss"


@pytest.mark.urls("tests.test_caching")
def test_a_page_with_a_csrf_token_is_never_stored_and_each_reader_gets_their_own():
    tokens = []
    for reader in (Client(), Client()):
        page = reader.get("/bulletins/csrf-test/")
        assert status_of(page) is None
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', text(page)).group(1)
        assert _unmask_cipher_token(token) == reader.cookies["csrftoken"].value
        tokens.append(token)
    assert tokens[0] != tokens[1]


@pytest.mark.urls("tests.test_caching")
def test_nothing_per_reader_is_stored(client):
    client.get("/")
    client.get("/bulletins/csrf-test/")
    client.get("/bulletins/cookie-test/")
    entries = list(_stored_pages())
    assert len(entries) == 1
    assert not any(name.lower() == "set-cookie" for name, _ in entries[0]["headers"])


def _stored_pages():
    locmem = caches["default"]
    for key, value in list(locmem._cache.items()):
        if ":pagecache:page:" in key:
            yield pickle.loads(value)  # noqa: S301 - our own test cache


@pytest.mark.urls("tests.test_caching")
def test_each_response_from_the_cache_has_a_fresh_csp_nonce(client):
    nonces = []
    for _ in range(3):
        response = client.get("/bulletins/nonce-test/")
        nonce = re.search(r'nonce="([^"]+)"', text(response)).group(1)
        assert f"'nonce-{nonce}'" in response.headers["Content-Security-Policy"]
        nonces.append(nonce)
    assert status_of(response) == "hit"
    assert len(set(nonces)) == 3


def test_languages_are_cached_separately(client):
    chinese = client.get("/bulletins/")
    english = client.get("/bulletins/", HTTP_ACCEPT_LANGUAGE="en")
    assert status_of(english) == "miss"
    assert chinese.headers["Content-Language"] == "zh-hans" and english.headers["Content-Language"] == "en"
    assert status_of(client.get("/bulletins/", HTTP_ACCEPT_LANGUAGE="en")) == "hit"


def test_query_order_does_not_matter_but_values_do(client):
    client.get("/api/v1/bulletins/?ordering=title&page_size=5")
    assert status_of(client.get("/api/v1/bulletins/?page_size=5&ordering=title")) == "hit"
    assert status_of(client.get("/api/v1/bulletins/?page_size=6&ordering=title")) == "miss"


def test_api_hits_keep_their_etag_and_answer_304(client):
    make_bulletin()
    first = client.get("/api/v1/bulletins/")
    etag = first.headers["ETag"]
    second = client.get("/api/v1/bulletins/")
    assert status_of(second) == "hit" and second.headers["ETag"] == etag
    assert second.headers["Content-Type"] == "application/json"
    assert client.get("/api/v1/bulletins/", HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_the_browsable_api_is_not_stored(client):
    for _ in range(2):
        assert status_of(client.get("/api/v1/bulletins/", HTTP_ACCEPT="text/html")) is None


def streamed(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def figures(committed):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米")
        bulletin = make_bulletin(region=make_region(), body="全年PM2.5平均浓度为31微克/立方米。")
        return make_observation(
            bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。",
        )


def test_a_small_csv_download_is_kept_once_it_has_streamed_out_whole(client, figures):
    url = f"/api/v1/observations/?format=csv&bulletin={figures.bulletin.slug}"
    first = client.get(url)
    assert first.streaming and status_of(first) == "miss"
    body = streamed(first)
    assert "平均浓度为31微克".encode() in body
    with CaptureQueriesContext(connection) as queries:
        again = client.get(url)
    assert status_of(again) == "hit" and again.content == body and len(queries.captured_queries) == 1
    assert again.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert again.headers["Content-Disposition"] == first.headers["Content-Disposition"]


def test_a_csv_download_larger_than_the_limit_is_only_streamed(client, figures, settings):
    settings.PAGE_CACHE_STREAM_LIMIT = 100
    first = client.get("/api/v1/observations/?format=csv")
    assert len(streamed(first)) > 100
    again = client.get("/api/v1/observations/?format=csv")
    assert again.streaming and status_of(again) == "miss"


def test_a_csv_download_abandoned_midway_is_not_kept(client, figures, settings):
    settings.PAGE_CACHE_STREAM_LIMIT = 10**6
    first = client.get("/api/v1/observations/?format=csv")
    chunks = iter(first.streaming_content)
    next(chunks)
    # The reader went away after the first chunk. close() signals request_finished, whose
    # close_old_connections would close the connection holding the test's transaction (PostgreSQL).
    with mock.patch.object(connection, "close_if_unusable_or_obsolete"):
        first.close()
    assert status_of(client.get("/api/v1/observations/?format=csv")) == "miss"


def test_a_kept_csv_download_follows_an_edited_figure(client, figures, committed):
    url = "/api/v1/observations/?format=csv&indicator=pm25"
    streamed(client.get(url))
    assert status_of(client.get(url)) == "hit"
    with committed():
        figures.value, figures.value_text = 29, "29"
        figures.quote = "全年PM2.5平均浓度为29微克/立方米。"
        figures.save()
    edited = client.get(url)
    assert status_of(edited) == "miss" and "平均浓度为29微克".encode() in streamed(edited)


def test_head_requests_are_answered_from_the_cache(client):
    client.get("/bulletins/")
    assert status_of(client.head("/bulletins/")) == "hit"


def test_pages_are_not_cached_when_the_page_cache_is_off(client, settings):
    settings.PAGE_CACHE_ENABLED = False
    client.get("/bulletins/")
    assert status_of(client.get("/bulletins/")) is None


def test_a_lost_generation_starts_above_every_number_used_before(client, committed):
    client.get("/bulletins/")
    used = generation.current_generation()
    Generation.objects.all().delete()
    with committed():
        make_bulletin(title="之后的公报")
    assert generation.current_generation() > used
    assert "之后的公报" in text(client.get("/bulletins/"))


def _closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _redis_cache(location, prefix):
    return {
        "default": {
            "BACKEND": "ecoportal.caching.backends.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": prefix,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def test_with_redis_down_pages_and_the_api_come_from_the_database(client, committed):
    with override_settings(CACHES=_redis_cache(f"redis://127.0.0.1:{_closed_port()}/0", "down")):
        with committed():
            bulletin = make_bulletin(title="数据库里的公报")
        for url in ("/", "/bulletins/", f"/bulletins/{bulletin.slug}/", "/api/v1/bulletins/", "/indicators/"):
            response = client.get(url)
            assert response.status_code == 200, url
            assert status_of(response) != "hit"
        assert "数据库里的公报" in text(client.get("/bulletins/"))


def _redis_available():
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.2):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not _redis_available(), reason="no Redis on 127.0.0.1:6379")
def test_with_redis_pages_are_cached_and_invalidated(client, committed):
    prefix = f"test-{_closed_port()}"
    with override_settings(CACHES=_redis_cache("redis://127.0.0.1:6379/15", prefix)):
        try:
            with committed():
                make_bulletin(title="甲")
            assert status_of(client.get("/bulletins/")) == "miss"
            assert status_of(client.get("/bulletins/")) == "hit"
            with committed():
                make_bulletin(title="乙")
            page = client.get("/bulletins/")
            assert status_of(page) == "miss" and "乙" in text(page)
        finally:
            import redis

            server = redis.Redis(host="127.0.0.1", port=6379, db=15)
            for key in server.scan_iter(f"{prefix}:*"):
                server.delete(key)


# Fragments memoised per content generation (cards, bulletin pages, indicator panels), with
# the whole-page cache off: each request renders its page from them.


@pytest.fixture
def fragments_only(settings):
    settings.PAGE_CACHE_ENABLED = False
    settings.PAGE_CACHE_MEMO_ENABLED = True


def test_an_edited_bulletin_shows_its_new_title_on_every_page_at_once(client, committed, fragments_only):
    with committed():
        region = make_region()
        bulletin = make_bulletin(title="原来的标题", region=region)
    pages = ["/", "/bulletins/", f"/regions/{region.slug}/", f"/bulletins/{bulletin.slug}/"]
    for url in pages:
        assert "原来的标题" in text(client.get(url)), url
    with committed():
        bulletin.title = "改过的标题"
        bulletin.save()
    for url in pages:
        page = text(client.get(url))
        assert "改过的标题" in page and "原来的标题" not in page, url


def test_the_bulletin_list_and_the_api_count_the_public_bulletins_once_after_a_publication(
    client, committed, editor, fragments_only
):
    def counts(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        return sum("COUNT(" in query["sql"].upper() for query in captured)

    with committed():
        region = make_region()
        make_bulletin(region=region)
        draft = make_bulletin(region=region, status=Status.DRAFT, publish_at=None)
    assert counts("/bulletins/") == 1 and counts("/api/v1/bulletins/?page_size=5") == 0
    assert client.get("/api/v1/bulletins/").json()["count"] == 1
    with committed():
        workflow.bulletin_publish_without_review(draft, by=editor, comment="急需发布")
    assert counts("/api/v1/bulletins/?ordering=title") == 1 and counts("/bulletins/") == 0
    assert client.get("/api/v1/bulletins/").json()["count"] == 2
    # A filter counts its own rows.
    assert counts(f"/api/v1/bulletins/?region={region.slug}") == 1


def test_a_withdrawn_bulletin_leaves_every_memoised_fragment_at_once(client, committed, editor, fragments_only):
    with committed():
        region = make_region()
        bulletin = make_bulletin(title="将被撤回的公报", region=region)
    for url in ["/", "/bulletins/", f"/regions/{region.slug}/", f"/bulletins/{bulletin.slug}/"]:
        assert "将被撤回的公报" in text(client.get(url)), url
    with committed():
        workflow.bulletin_withdraw(bulletin, by=editor, comment="数字有误")
    for url in ["/", "/bulletins/", f"/regions/{region.slug}/"]:
        assert "将被撤回的公报" not in text(client.get(url)), url
    assert client.get(f"/bulletins/{bulletin.slug}/").status_code == 404


def test_a_draft_card_is_never_memoised_for_the_public(client, committed, editor, fragments_only):
    with committed():
        draft = make_bulletin(title="草稿标题", status=Status.DRAFT)
    assert "草稿标题" not in text(client.get("/bulletins/"))
    with committed():
        draft.title = "发布时的标题"
        draft.save()
        workflow.bulletin_submit(draft, by=editor)
        workflow.bulletin_publish(draft, by=make_user(groups=["Editor"]))  # four eyes: not the submitter
    page = text(client.get("/bulletins/"))
    assert "发布时的标题" in page and "草稿标题" not in page


def test_an_edited_figure_updates_the_memoised_charts_table_and_bulletin_page(client, committed, fragments_only):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米", is_headline=True)
        # Names of its own: a numbered default (测试市1315) could hold the "31" looked for below.
        region = make_region(slug="edited-city", name="某市", name_en="Some City")
        bulletin = make_bulletin(region=region, slug="edited-figure", title="某市公报", body="全年PM2.5平均浓度为31微克/立方米。")
        observation = make_observation(
            bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。",
        )
    pages = ["/", "/indicators/pm25/", f"/bulletins/{bulletin.slug}/"]
    for url in pages:
        assert ">31<" in text(client.get(url)) or "31微克" in text(client.get(url)), url
    with committed():
        observation.value, observation.value_text = 29, "29"
        observation.save()
    assert "29" in text(client.get("/"))
    indicator_page = text(client.get("/indicators/pm25/"))
    assert "<strong>29</strong>" in text(client.get(f"/bulletins/{bulletin.slug}/"))
    # The old value as a figure of its own (not inside a name, a slug or the quote's 31微克).
    assert not re.search(r"(?<![\w.-])31(?![\w.])", indicator_page.split("<main", 1)[1])


def test_the_indicator_catalogue_is_kept_whole_and_follows_an_edited_figure(client, committed, fragments_only):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米")
        bulletin = make_bulletin(region=make_region(), body="全年PM2.5平均浓度为31微克/立方米。")
        observation = make_observation(
            bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。",
        )
    first = text(client.get("/indicators/"))
    with CaptureQueriesContext(connection) as queries:
        again = text(client.get("/indicators/"))
    assert again == first and ">31<" in first
    # The generation and the regions of the filter are read; no figure.
    assert not any("indicators_observation" in query["sql"] for query in queries.captured_queries)
    with committed():
        observation.value, observation.value_text = 29, "29"
        observation.save()
    edited = text(client.get("/indicators/"))
    assert ">29<" in edited and ">31<" not in edited


def test_memoised_fragments_are_kept_apart_by_language(client, committed, fragments_only):
    with committed():
        make_bulletin(title="双语公报", region=make_region(name="伊春市", name_en="Yichun"))
    assert "伊春市" in text(client.get("/bulletins/"))
    english = text(client.get("/bulletins/", HTTP_ACCEPT_LANGUAGE="en"))
    assert "Yichun" in english and "伊春市" not in english.split("<main", 1)[1]
    assert "伊春市" in text(client.get("/bulletins/"))


def test_the_editors_preview_never_shows_the_public_pages_kept_fragment(client, committed, editor, fragments_only):
    from django.urls import reverse

    from bulletins.models import Bulletin

    with committed():
        bulletin = make_bulletin(body="公开的正文。")
    assert "公开的正文" in text(Client().get(f"/bulletins/{bulletin.slug}/"))
    # A write that sends no signal: the public fragment stays, the preview reads the row.
    Bulletin.objects.filter(pk=bulletin.pk).update(body="编辑中的正文。")
    client.force_login(editor)
    preview = text(client.get(reverse("admin:bulletins_bulletin_preview", args=[bulletin.pk])))
    assert "编辑中的正文" in preview and "公开的正文" not in preview


def _reads_bulletin_rows(queries):
    """Whether a query read bulletins' rows (their titles), not only their ids."""
    return any('"bulletins_bulletin"."title"' in query["sql"] for query in queries)


def test_a_list_page_whose_content_is_kept_reads_no_bulletin(client, committed, fragments_only):
    with committed():
        for n in range(3):
            make_bulletin(title=f"列表公报{n}")
    first = text(client.get("/bulletins/"))
    with CaptureQueriesContext(connection) as queries:
        second = text(client.get("/bulletins/"))
    assert not _reads_bulletin_rows(queries.captured_queries)
    assert all(f"列表公报{n}" in second for n in range(3))
    assert first.split("<main", 1)[1].split("</main>")[0] == second.split("<main", 1)[1].split("</main>")[0]


def test_a_new_bulletin_shows_on_a_list_page_kept_before(client, committed, fragments_only):
    with committed():
        make_bulletin(title="先发的公报")
    client.get("/bulletins/")
    with committed():
        make_bulletin(title="后发的公报", issued_on=None)
    page = text(client.get("/bulletins/"))
    assert "先发的公报" in page and "后发的公报" in page


def test_an_api_page_is_serialized_once_and_names_the_site_it_was_asked_from(client, committed, fragments_only):
    with committed():
        bulletin = make_bulletin(title="接口公报")
    first = client.get("/api/v1/bulletins/").json()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/v1/bulletins/").json()
    assert [query["sql"] for query in queries] == [GENERATION_QUERY.format("lists")]
    assert first == second and second["results"][0]["title"] == "接口公报"
    other_site = client.get("/api/v1/bulletins/", HTTP_HOST="localhost").json()
    assert other_site["results"][0]["url"] == f"http://localhost/api/v1/bulletins/{bulletin.slug}/"
    assert second["results"][0]["url"] == f"http://testserver/api/v1/bulletins/{bulletin.slug}/"


def test_a_kept_api_page_changes_when_its_bulletin_does(client, committed, fragments_only):
    with committed():
        bulletin = make_bulletin(title="旧接口标题")
    assert client.get("/api/v1/bulletins/").json()["results"][0]["title"] == "旧接口标题"
    with committed():
        bulletin.title = "新接口标题"
        bulletin.save()
    assert client.get("/api/v1/bulletins/").json()["results"][0]["title"] == "新接口标题"


def test_the_kept_filter_form_marks_each_readers_choice_and_never_keeps_errors(client, committed, fragments_only):
    with committed():
        region = make_region(name="伊春市")
        make_bulletin(region=region)
    assert f'<option value="{region.slug}" selected>' not in text(client.get("/bulletins/"))
    chosen = text(client.get(f"/bulletins/?region={region.slug}"))
    assert f'<option value="{region.slug}" selected>' in chosen
    assert 'value="2023"' in text(client.get("/bulletins/?year=02023"))
    for _ in range(2):
        wrong = text(client.get("/bulletins/?year=abc&region=nowhere"))
        assert wrong.count('class="field-error"') == 2 and 'value="abc"' in wrong
    assert 'class="field-error"' not in text(client.get("/bulletins/?year=2023"))


def test_a_value_being_computed_elsewhere_is_waited_for_not_computed_again(fragments_only, monkeypatch):
    import threading

    key = generation.memo_key("slow-value", generation.current_generation())
    cache.add(f"{key}:computing", 1)  # another request is computing it
    threading.Timer(0.1, lambda: cache.set(key, ("computed elsewhere",))).start()
    computed = []
    value = generation.memoize("slow-value", lambda: computed.append(1) or "computed here")
    assert value == "computed elsewhere" and computed == []


def test_a_value_whose_computation_never_comes_is_computed_after_the_wait(fragments_only, monkeypatch):
    monkeypatch.setattr(generation, "COMPUTE_WAIT_SECONDS", 0.1)
    key = generation.memo_key("stuck-value", generation.current_generation())
    cache.add(f"{key}:computing", 1)  # taken by a request that died
    assert generation.memoize("stuck-value", lambda: "computed here") == "computed here"
    assert generation.memoize("stuck-value", lambda: "not again") == "computed here"


def test_a_failed_computation_lets_the_next_request_compute(fragments_only):
    def fails():
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        generation.memoize("fragile-value", fails)
    assert generation.memoize("fragile-value", lambda: "second try") == "second try"


def test_a_list_page_read_again_reads_no_bulletin(client, committed, fragments_only):
    with committed():
        region = make_region()
        for _ in range(3):
            make_bulletin(region=region)
    client.get(f"/bulletins/?region={region.slug}&page=1")
    with CaptureQueriesContext(connection) as queries:
        page = text(client.get(f"/bulletins/?region={region.slug}&page=1"))
    # The generation, and the region's slug checked by the filter form; the rest is kept.
    assert sorted("bulletins_region" in query["sql"] for query in queries.captured_queries) == [False, True]
    assert GENERATION_QUERY.format("lists") in [query["sql"] for query in queries.captured_queries]
    assert f'<option value="{region.slug}" selected>' in page and page.count('class="card') >= 3


def test_a_kept_list_page_holds_nothing_of_the_readers_own_query(client, committed, fragments_only, settings):
    with committed():
        region = make_region()
        for _ in range(25):
            make_bulletin(region=region, period_end=date(2024, 12, 31))
    def main(response):
        return text(response).split("<main", 1)[1].split("</main>", 1)[0]

    first = main(client.get(f"/bulletins/?region={region.slug}&utm_source=mail&year=02024"))
    second = main(client.get(f"/bulletins/?year=2024&region={region.slug}"))
    assert first == second
    assert "utm_source" not in first and "02024" not in first
    assert f"?region={region.slug}&amp;year=2024&amp;page=2" in first


def test_a_list_page_with_a_filter_error_is_never_kept(client, committed, fragments_only):
    with committed():
        make_bulletin()
    for value in ("abc", "xyz"):
        page = text(client.get(f"/bulletins/?year={value}"))
        assert f'value="{value}"' in page


def test_a_bulletin_page_read_again_reads_only_the_generation(client, committed, fragments_only):
    with committed():
        bulletin = make_bulletin(title="一次读取")
    client.get(f"/bulletins/{bulletin.slug}/")
    with CaptureQueriesContext(connection) as queries:
        page = text(client.get(f"/bulletins/{bulletin.slug}/"))
    assert "一次读取" in page and [query["sql"] for query in queries] == [GENERATION_QUERY.format(f"bulletin:{bulletin.slug}")]


def test_the_home_page_read_again_is_one_kept_fragment(client, committed, fragments_only, monkeypatch):
    from bulletins import views

    with committed():
        make_bulletin(title="首页上的公报")
    first = text(client.get("/"))
    monkeypatch.setattr(views, "latest_bulletin_cards", lambda: pytest.fail("the cards were read again"))
    with CaptureQueriesContext(connection) as queries:
        again = text(client.get("/"))
    assert again == first and "首页上的公报" in again
    assert [query["sql"] for query in queries.captured_queries] == [GENERATION_QUERY.format("lists")]


def test_a_kept_list_page_builds_no_queryset_of_its_rows(client, committed, fragments_only, monkeypatch):
    from bulletins.views import BulletinListView

    with committed():
        region = make_region()
        make_bulletin(title="列表里的公报", region=region)
    urls = ["/bulletins/", f"/bulletins/?region={region.slug}", "/bulletins/?page=1"]
    first = [text(client.get(url)) for url in urls]
    monkeypatch.setattr(BulletinListView, "public_queryset", lambda self: pytest.fail("the rows were filtered again"))
    assert [text(client.get(url)) for url in urls] == first and "列表里的公报" in first[1]


@pytest.mark.parametrize("bulletins", [0, 3, 25])
def test_a_lists_first_page_is_found_without_its_count(fragments_only, bulletins):
    from bulletins.models import Bulletin
    from ecoportal.caching.paginator import MemoPaginator

    for _ in range(bulletins):
        make_bulletin()
    paginator = MemoPaginator(Bulletin.objects.published(), 20, memo_name=f"first-page-{bulletins}")
    page = paginator.get_page(None)
    assert page.number == 1 and "count" not in paginator.__dict__
    assert len(page.object_list) == min(bulletins, 20) and paginator.count == bulletins
    assert page.has_next() == (bulletins > 20) and paginator.get_page(2).number == (2 if bulletins > 20 else 1)


def test_a_region_page_read_again_reads_only_the_generation(client, committed, fragments_only):
    with committed():
        province = make_region(slug="province", name="某省", level="province")
        city = make_region(slug="city", name="某市", parent=province)
        make_bulletin(title="某市的公报", region=city)
    for region in (province, city):
        first = text(client.get(f"/regions/{region.slug}/"))
        with CaptureQueriesContext(connection) as queries:
            again = text(client.get(f"/regions/{region.slug}/"))
        # The region, its cities and the page's content come as kept.
        assert again == first and "某市的公报" in again
        assert [query["sql"] for query in queries.captured_queries] == [
            GENERATION_QUERY.format(f"region:{region.slug}")
        ]
    assert client.get("/regions/nowhere/").status_code == 404


def test_an_indicator_page_read_again_reads_no_figure(client, committed, fragments_only, monkeypatch):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米")
        bulletin = make_bulletin(region=make_region(), body="全年PM2.5平均浓度为31微克/立方米。")
        observation = make_observation(bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。")
    first = text(client.get("/indicators/pm25/"))
    # Nor renders its table again (each row links to its figure): its markup is kept.
    monkeypatch.setattr(type(observation), "get_absolute_url", lambda self: pytest.fail("the table was rendered again"))
    with CaptureQueriesContext(connection) as queries:
        again = text(client.get("/indicators/pm25/"))
    # Only the generation is read; the indicator, count, charts and table come as kept.
    assert again == first and "全年PM2.5平均浓度为31微克/立方米。" in again
    assert [query["sql"] for query in queries.captured_queries] == [
        GENERATION_QUERY.format("indicator:pm25")
    ]


def test_the_figures_api_keeps_its_items_and_reads_no_figure_twice(client, committed, fragments_only):
    with committed():
        indicator = make_indicator(code="pm25")
        bulletin = make_bulletin(body="全年PM2.5平均浓度为31微克/立方米。")
        make_observation(bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。")
    first = client.get("/api/v1/observations/?indicator=pm25").json()
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/api/v1/observations/?indicator=pm25").json()
    assert not any('"indicators_observation"."quote"' in query["sql"] for query in queries.captured_queries)
    assert first == second and second["results"][0]["value"] == "31"


def test_a_cached_page_is_one_cache_read(client, committed, monkeypatch):
    client.cookies["django_language"] = "zh-hans"  # through the whole stack (pages served whole: below)
    with committed():
        make_bulletin(title="一次往返")
    client.get("/bulletins/")
    assert status_of(client.get("/bulletins/")) == "hit"
    calls = _count_cache_reads(monkeypatch)
    response = client.get("/bulletins/")
    assert status_of(response) == "hit" and "一次往返" in text(response) and calls == ["get"]


def test_a_page_of_the_generation_seen_last_is_not_served_after_a_publish(client, committed, editor):
    with committed():
        make_bulletin(title="第一篇")
    client.get("/bulletins/")
    assert status_of(client.get("/bulletins/")) == "hit"
    with committed():
        make_bulletin(title="第二篇")
    response = client.get("/bulletins/")
    assert status_of(response) == "miss" and "第二篇" in text(response)


def _count_cache_reads(monkeypatch):
    """The cache's get and get_many calls from here on, as the portal makes them."""
    calls, depth = [], [0]
    memo = caches["default"]

    def counted(method):
        original = getattr(memo, method)

        def call(*args, **kwargs):
            if not depth[0]:  # the local-memory cache's get_many calls get for each key
                calls.append(method)
            depth[0] += 1
            try:
                return original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(memo, method, call)

    counted("get")
    counted("get_many")
    return calls


def test_the_page_chrome_is_rendered_once_per_language_and_section(settings):
    chrome = engines["django"].from_string(
        '{% load fragments %}{% chrome_fragment "test-chrome" nav %}{{ nav }}:{{ count.pop }}{% endchrome_fragment %}'
    )
    ChromeFragmentNode._kept.clear()
    renders = {"count": [5, 4, 3, 2, 1]}
    kept = [chrome.render({**renders, "nav": nav}) for nav in ("bulletins", "indicators", "bulletins")]
    with translation.override("en"):
        english = chrome.render({**renders, "nav": "bulletins"})
    assert kept == ["bulletins:1", "indicators:2", "bulletins:1"] and english == "bulletins:3"
    settings.DEBUG = True  # templates reload when edited: the chrome is not kept
    assert chrome.render({**renders, "nav": "bulletins"}) == "bulletins:4"


def test_nothing_kept_by_another_release_is_served(client, committed, fragments_only, monkeypatch):
    settings_release = generation.release()
    with committed():
        bulletin = make_bulletin(title="旧版本的标题")
    assert "旧版本的标题" in text(client.get(f"/bulletins/{bulletin.slug}/"))
    # The same generation after a deploy that shows the title differently: nothing old is read.
    Bulletin = type(bulletin)
    Bulletin.objects.filter(pk=bulletin.pk).update(title="新版本的标题")  # no signal, no bump
    monkeypatch.setattr(generation, "release", lambda: settings_release + "-next")
    assert "新版本的标题" in text(client.get(f"/bulletins/{bulletin.slug}/"))
    assert "新版本的标题" in client.get("/api/v1/bulletins/").content.decode()


def test_every_model_of_the_content_apps_starts_a_generation_unless_no_public_page_shows_it():
    from django.apps import apps

    only_for_editors = {
        "bulletins.transition", "bulletins.revision", "bulletins.notificationpreference",
        "indicators.wording",  # read by the importer only
    }
    # Derived from registered ones, written in the same transaction (or when a scheduled item
    # falls due, which moves the generation on by itself).
    derived = {"indicators.seriessummary", "indicators.summaryclock"}
    unregistered = [
        model._meta.label_lower
        for model in apps.get_models()
        if model._meta.app_label in ("bulletins", "indicators", "search")
        and model not in generation._models
        and model._meta.label_lower not in only_for_editors | derived
    ]
    assert unregistered == [], "register them in their app's ready() (ecoportal.caching.generation.register)"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/calendar/", "/feeds/bulletins/", "/api/v1/", "/"])
def test_a_response_in_the_readers_language_varies_on_the_cookie_that_chooses_it(client, url):
    """The language comes from the django_language cookie (the language button) before
    Accept-Language: a cache that kept a public page by Accept-Language alone would answer a
    reader who just switched with the other language (for a minute in their own browser, to
    everyone sharing a proxy)."""
    chinese = client.get(url)
    client.cookies["django_language"] = "en"
    english = client.get(url)
    assert chinese.status_code == english.status_code == 200
    assert english["Content-Language"] == "en" and chinese["Content-Language"] != "en"
    for response in (chinese, english):
        varies = {name.strip().lower() for name in response["Vary"].split(",")}
        assert {"accept-language", "cookie"} <= varies, response["Vary"]


# A publication, a withdrawal or a correction moves the numbers of the pages it touches only
# (its bulletin, its regions and those above, its figures' indicators and regions, the lists);
# a change of the taxonomy moves the site's. The database stays the authority: what Redis
# kept, lost or gave back meanwhile is never served stale.


@pytest.fixture
def two_regions(committed):
    with committed():
        province = make_region(slug="scope-province", level="province")
        region_a, region_b = make_region(slug="scope-a", parent=province), make_region(slug="scope-b")
        touched, unrelated = make_indicator(code="scope-touched"), make_indicator(code="scope-unrelated")
        old = make_bulletin(title="乙地旧公报", region=region_b)
        make_observation(bulletin=old, indicator=unrelated, region=region_b, value="280")
        make_observation(bulletin=old, indicator=touched, region=region_b, value="281")
        draft = make_bulletin(title="甲地新公报", region=region_a, status=Status.IN_REVIEW)
        figure = make_observation(bulletin=draft, indicator=touched, region=region_a, value="299")
    kept = ["/regions/scope-b/", "/indicators/scope-unrelated/", f"/bulletins/{old.slug}/"]
    changed = {
        "/": "甲地新公报", "/bulletins/": "甲地新公报", "/api/v1/bulletins/": "甲地新公报",
        "/regions/scope-a/": "甲地新公报", "/regions/scope-province/": "甲地新公报",
        f"/bulletins/{draft.slug}/": "甲地新公报", "/indicators/scope-touched/": "299",
    }
    return draft, figure, region_b, kept, changed


def warm(client, urls):
    for url in urls:
        client.get(url)
        assert status_of(client.get(url)) == "hit" or client.get(url).status_code == 404, url


def snapshot():
    """All the cache holds (an in-process stand-in for Redis's saved data)."""
    return {name: dict(getattr(cache, name)) for name in ("_cache", "_expire_info")}


def give_back(held):
    for name, entries in held.items():
        getattr(cache, name).update(entries)


@pytest.mark.parametrize("redis", ["kept", "flushed", "restarted from its saved data"])
def test_a_publication_recomputes_only_the_pages_it_touches(client, committed, editor, two_regions, redis):
    draft, _, _, kept, changed = two_regions
    warm(client, [*kept, *changed])
    assert not any(marker in text(client.get(url)) for url, marker in changed.items())
    held = snapshot()
    with committed():
        workflow.bulletin_publish(draft, by=editor)
    if redis == "flushed":
        cache.clear()
    elif redis == "restarted from its saved data":
        cache.clear()
        give_back(held)  # every page kept before the publication comes back
    for url, marker in changed.items():
        page = client.get(url)
        assert status_of(page) == "miss" and marker in text(page), url
    for url in kept:  # when Redis was flushed, from the pages this process kept whole
        assert status_of(client.get(url)) == "hit", url
    through_the_stack = Client()
    through_the_stack.cookies["django_language"] = "zh-hans"
    for url in kept:
        assert status_of(through_the_stack.get(url)) == ("miss" if redis == "flushed" else "hit"), url


def test_memoised_values_of_a_page_not_touched_are_kept(client, committed, editor, two_regions, fragments_only):
    draft, _, _, kept, _ = two_regions
    before = []
    for url in kept:
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        before.append(len(queries))
    with committed():
        workflow.bulletin_publish(draft, by=editor)
    for url, count in zip(kept, before, strict=True):
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        assert len(queries) == count, url  # read from what was kept, nothing computed again
    assert "甲地新公报" in text(client.get("/regions/scope-province/"))


def test_a_withdrawal_and_a_correction_move_what_they_touch(client, committed, editor, two_regions):
    from indicators.corrections import observation_correct

    draft, figure, region_b, kept, changed = two_regions
    with committed():
        workflow.bulletin_publish(draft, by=editor)
    warm(client, [*kept, *changed])
    with committed():
        observation_correct(figure, by=editor, note="笔误", value="298")
    page = client.get("/indicators/scope-touched/")
    assert status_of(page) == "miss" and "298" in text(page)
    assert [status_of(client.get(url)) for url in kept] == ["hit"] * 3
    with committed():
        workflow.bulletin_withdraw(draft, by=editor, comment="数字有误")
    for url in ["/", "/bulletins/", "/regions/scope-a/", "/regions/scope-province/"]:
        assert "甲地新公报" not in text(client.get(url)), url
    assert client.get(f"/bulletins/{draft.slug}/").status_code == 404
    assert [status_of(client.get(url)) for url in kept] == ["hit"] * 3
    with committed():
        region_b.name = "改名的乙地"
        region_b.save()  # the taxonomy: the site's number
    assert "改名的乙地" in text(client.get("/regions/scope-b/"))
    assert status_of(client.get("/indicators/scope-unrelated/")) == "miss"


@pytest.mark.parametrize("rescheduled", [False, True])
def test_a_bulletin_scheduled_through_the_workflow_appears_on_kept_pages_when_its_time_comes(
    client, committed, editor, two_regions, monkeypatch, rescheduled
):
    # The site's next moment was known before the scheduling: the moment a transition brings
    # (an approval for later, a new earlier time) must still start a generation when it comes.
    draft, figure, _, _, changed = two_regions
    warm(client, changed)
    now = timezone.now()
    with committed():
        workflow.bulletin_publish(draft, by=editor, at=now + timedelta(hours=3 if rescheduled else 1))
    warm(client, changed)
    if rescheduled:
        with committed():
            workflow.bulletin_reschedule(draft, by=editor, at=now + timedelta(hours=1))
        warm(client, changed)
    assert not any(marker in text(client.get(url)) for url, marker in changed.items())
    monkeypatch.setattr(timezone, "now", lambda: now + timedelta(hours=1, seconds=1))
    for url, marker in changed.items():
        assert marker in text(client.get(url)), url


@pytest.fixture(params=["in memory", pytest.param("redis", marks=pytest.mark.skipif(not _redis_available(), reason="no Redis"))])
def any_cache(request):
    """The tests' cache, or Redis as deployed (emptied of this test's keys after)."""
    if request.param == "in memory":
        yield
        return
    prefix = f"test-{_closed_port()}"
    with override_settings(CACHES=_redis_cache("redis://127.0.0.1:6379/15", prefix)):
        try:
            yield
        finally:
            import redis

            server = redis.Redis(host="127.0.0.1", port=6379, db=15)
            for key in server.scan_iter(f"{prefix}:*"):
                server.delete(key)


@pytest.mark.parametrize("action", ["withdraw", "archive"])
def test_a_withdrawn_bulletin_leaves_every_kept_page_that_listed_it(client, committed, editor, action, any_cache):
    # Its region's and the parent's pages, another bulletin's page in its region, a sibling
    # region's page, the indicator its figures are in (one in another region), the API.
    with committed():
        province = make_region(slug="w-province", level="province")
        city, sibling = make_region(slug="w-city", parent=province), make_region(slug="w-sibling", parent=province)
        indicator = make_indicator(code="w-indicator")
        gone = make_bulletin(title="将撤回的公报", region=city)
        figures = [make_observation(bulletin=gone, indicator=indicator, region=place, value="377") for place in (city, sibling)]
        neighbour = make_bulletin(title="同城另一篇", region=city)
        other = make_bulletin(title="邻市公报", region=sibling)
        make_achievement_list(gone, title="将撤回的公报成果")
    pages = [
        "/achievements/", "/api/v1/achievement-lists/",
        "/", "/bulletins/", "/regions/", "/regions/w-city/", "/regions/w-province/", "/regions/w-sibling/",
        f"/bulletins/{neighbour.slug}/", f"/bulletins/{other.slug}/", "/indicators/w-indicator/", "/indicators/",
        "/api/v1/bulletins/", f"/api/v1/bulletins/{neighbour.slug}/", "/api/v1/regions/w-city/",
        "/api/v1/indicators/w-indicator/", "/api/v1/observations/?indicator=w-indicator", "/bulletins/?region=w-city",
    ]
    warm(client, [*pages, f"/bulletins/{gone.slug}/", f"/api/v1/bulletins/{gone.slug}/"])
    # Its title, its address or slug, or one of its figures linked to its sentence.
    marks = ["将撤回的公报", f"/{gone.slug}/", f'"{gone.slug}"', *(f'#obs-{figure.pk}"' for figure in figures)]
    shown = [url for url in pages if any(mark in text(client.get(url)) for mark in marks)]
    assert set(pages) - set(shown) == {
        "/regions/", f"/bulletins/{neighbour.slug}/", f"/bulletins/{other.slug}/", f"/api/v1/bulletins/{neighbour.slug}/",
        "/api/v1/regions/w-city/", "/api/v1/indicators/w-indicator/",
    }, shown
    with committed():
        workflow.bulletin_perform(gone, action, by=editor, comment="数字有误")
    for url in pages:
        page = text(client.get(url))
        assert not any(mark in page for mark in marks), url
    assert client.get(f"/bulletins/{gone.slug}/").status_code == 404
    assert client.get(f"/api/v1/bulletins/{gone.slug}/").status_code == 404
    assert "同城另一篇" in text(client.get("/regions/w-city/"))


def test_a_figure_corrected_into_another_region_and_indicator_or_withdrawn_leaves_the_old_pages(client, committed, editor):
    from indicators.corrections import observation_correct, observation_withdraw

    with committed():
        province = make_region(slug="c-province", level="province")
        city, other_city = make_region(slug="c-city", parent=province), make_region(slug="c-other", parent=province)
        before, after = make_indicator(code="c-before"), make_indicator(code="c-after")
        bulletin = make_bulletin(title="有数值的公报", region=city)
        figure = make_observation(bulletin=bulletin, indicator=before, region=city, value="4321")
        second = make_observation(bulletin=bulletin, indicator=after, region=city, value="8765")
    pages = ["/regions/c-city/", "/regions/c-other/", "/regions/c-province/", "/indicators/c-before/",
             "/indicators/c-after/", f"/bulletins/{bulletin.slug}/", "/indicators/", "/"]
    warm(client, pages)
    assert all(f'#obs-{figure.pk}"' in text(client.get(url)) for url in ("/indicators/c-before/", "/regions/c-city/"))
    with committed():
        observation_correct(figure, by=editor, note="地区与指标有误", value="4322", region_id=other_city.pk, indicator_id=after.pk)
    for url in ("/indicators/c-before/", "/regions/c-city/"):
        assert f'#obs-{figure.pk}"' not in text(client.get(url)), url
    for url in ("/indicators/c-after/", "/regions/c-other/", f"/bulletins/{bulletin.slug}/"):
        assert "4322" in text(client.get(url)), url
    warm(client, pages)
    shows_it = re.compile(rf'["#](obs|figure)-{second.pk}"')  # its value, linked to its sentence
    showing = [url for url in pages if shows_it.search(text(client.get(url)))]
    assert {"/indicators/c-after/", "/regions/c-city/", f"/bulletins/{bulletin.slug}/"} <= set(showing), showing
    with committed():
        observation_withdraw(second, by=editor, note="撤下")
    for url in pages:
        assert not shows_it.search(text(client.get(url))), url


# Pages served whole: WholePageMiddleware, first in the stack, answers a hit for a reader with
# nothing of their own in the request (no cookie the stack reads, no credentials, no Origin)
# with the page as the whole stack sent it out, without the middleware below.


@pytest.fixture
def stack_runs(monkeypatch):
    """The paths of the responses that went through the middleware below WholePageMiddleware."""
    from django.middleware.clickjacking import XFrameOptionsMiddleware

    runs, through = [], XFrameOptionsMiddleware.process_response

    def counted(self, request, response):
        runs.append(request.path)
        return through(self, request, response)

    monkeypatch.setattr(XFrameOptionsMiddleware, "process_response", counted)
    return runs


def _nonce_of(response):
    found = re.search(r"'nonce-([^']+)'", response.headers.get("Content-Security-Policy", ""))
    return found and found.group(1)


def _without_nonce(response):
    """Status, headers in their order and body, the response's nonce (if any) replaced by one mark."""
    nonce = _nonce_of(response)

    def clean(value):
        return value.replace(nonce, "NONCE") if nonce else value

    return response.status_code, [(name, clean(value)) for name, value in response.headers.items()], clean(text(response))


@pytest.mark.urls("tests.test_caching")
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_page_served_whole_is_the_stacks_hit_with_a_fresh_nonce(committed, stack_runs, language):
    with committed():
        indicator = make_indicator(code="pm25", name="PM2.5", unit="微克/立方米")
        bulletin = make_bulletin(region=make_region(), body="全年PM2.5平均浓度为31微克/立方米。")
        make_observation(bulletin=bulletin, indicator=indicator, value="31", quote="全年PM2.5平均浓度为31微克/立方米。")
    reader = Client(HTTP_ACCEPT_LANGUAGE=language)
    for url in ["/", "/bulletins/", "/indicators/pm25/", "/api/v1/bulletins/", "/bulletins/nonce-test/"]:
        first, stacks_hit = reader.get(url), reader.get(url)
        runs = len(stack_runs)
        whole, head = reader.get(url), reader.head(url)
        assert len(stack_runs) == runs, f"{url} went through the stack"
        assert [status_of(first), status_of(stacks_hit)] == ["miss", "hit"], url
        assert stacks_hit.headers["Content-Language"] == language and not whole.cookies
        assert _without_nonce(whole) == _without_nonce(stacks_hit), url
        assert _without_nonce(head)[:2] == _without_nonce(stacks_hit)[:2], url
    nonces = [_nonce_of(stacks_hit), _nonce_of(whole), _nonce_of(head)]
    assert len(set(nonces)) == 3 and f'nonce="{nonces[1]}"' in text(whole)


@pytest.mark.parametrize("reader", ["session cookie", "language cookie", "CSRF cookie", "credentials", "origin"])
def test_a_reader_with_a_cookie_credentials_or_an_origin_is_never_served_whole(stack_runs, reader):
    make_bulletin()
    url = "/api/v1/bulletins/" if reader == "origin" else "/bulletins/"
    for _ in range(3):
        Client().get(url)
    runs = len(stack_runs)
    assert status_of(Client().get(url)) == "hit" and len(stack_runs) == runs, "not served whole"
    other, headers = Client(), {}
    if reader == "session cookie":
        other.cookies["sessionid"] = "anything"
    elif reader == "language cookie":
        other.cookies["django_language"] = "zh-hans"
    elif reader == "CSRF cookie":
        other.cookies["csrftoken"] = "a" * 32
    elif reader == "credentials":
        headers["HTTP_AUTHORIZATION"] = "Token x"
    else:
        headers["HTTP_ORIGIN"] = "https://example.org"
    response = other.get(url, **headers)
    assert len(stack_runs) == runs + 1
    assert status_of(response) == (None if reader in ("session cookie", "credentials") else "hit")
    assert response.headers.get("Access-Control-Allow-Origin") == ("*" if reader == "origin" else None)


@pytest.mark.parametrize("redis", ["kept", "restarted from its saved data"])
def test_a_page_served_whole_is_fresh_on_the_request_after_a_publication(client, committed, editor, stack_runs, redis):
    with committed():
        draft = make_bulletin(title="待发布的公报", status=Status.IN_REVIEW)
    for _ in range(2):
        client.get("/bulletins/")
    runs = len(stack_runs)
    assert "待发布的公报" not in text(client.get("/bulletins/")) and len(stack_runs) == runs
    held = snapshot()
    with committed():
        workflow.bulletin_publish(draft, by=editor)
    if redis != "kept":
        cache.clear()
        give_back(held)
    page = client.get("/bulletins/")
    assert status_of(page) == "miss" and "待发布的公报" in text(page)
    assert "待发布的公报" in text(client.get("/bulletins/"))
    runs = len(stack_runs)
    again = client.get("/bulletins/")
    assert status_of(again) == "hit" and "待发布的公报" in text(again) and len(stack_runs) == runs


def test_a_page_served_whole_reads_the_generation_and_at_most_once_the_shared_cache(client, committed, monkeypatch):
    from ecoportal.caching.pages import LOCAL_PAGES

    with committed():
        make_bulletin(title="一次往返")
    for _ in range(2):
        client.get("/bulletins/")
    calls = _count_cache_reads(monkeypatch)
    for kept_in_memory in (True, False):
        if not kept_in_memory:
            LOCAL_PAGES.clear()  # as in another process
        with CaptureQueriesContext(connection) as queries:
            response = Client().get("/bulletins/")
        assert status_of(response) == "hit" and "一次往返" in text(response)
        assert [query["sql"] for query in queries] == [GENERATION_QUERY.format("lists")]
        assert calls == ([] if kept_in_memory else ["get"])


def test_a_conditional_request_for_a_page_kept_whole_is_answered_as_the_stack_answers_it(client, stack_runs, settings):
    make_bulletin()
    etag = client.get("/api/v1/bulletins/").headers["ETag"]
    client.get("/api/v1/bulletins/")
    runs = len(stack_runs)
    changed = client.get("/api/v1/bulletins/", HTTP_IF_NONE_MATCH='"another"')
    assert changed.status_code == 200 and len(stack_runs) == runs
    not_modified = client.get("/api/v1/bulletins/", HTTP_IF_NONE_MATCH=etag)
    assert not_modified.status_code == 304 and status_of(not_modified) == "hit" and len(stack_runs) == runs + 1
    settings.MIDDLEWARE = [name for name in settings.MIDDLEWARE if not name.endswith(".WholePageMiddleware")]
    without = Client().get("/api/v1/bulletins/", HTTP_IF_NONE_MATCH=etag)
    assert list(without.headers.items()) == list(not_modified.headers.items())


def test_a_page_kept_in_memory_is_not_served_past_the_page_caches_timeout(client, stack_runs, monkeypatch, settings):
    import time

    for _ in range(3):
        client.get("/bulletins/")
    later = time.time() + settings.PAGE_CACHE_TIMEOUT + 1
    monkeypatch.setattr(time, "time", lambda: later)
    runs = len(stack_runs)
    assert status_of(client.get("/bulletins/")) == "miss" and len(stack_runs) == runs + 1


def test_a_lost_database_or_a_host_not_allowed_is_answered_by_the_stack_as_before(monkeypatch):
    from django.db import OperationalError

    reader = Client(raise_request_exception=False)
    assert reader.get("/bulletins/", HTTP_HOST="evil.example.com").status_code == 400

    def lost():
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(generation, "_read", lost)
    response = reader.get("/bulletins/")
    assert response.status_code == 503 and response["Retry-After"] == "30"


def test_the_generations_read_stands_for_the_connections_health_check(client, monkeypatch):
    from django.db import OperationalError, connections

    connection = connections["default"]  # the wrapper itself, not the proxy
    for _ in range(2):
        client.get("/bulletins/")
    checks, closed = [], []
    monkeypatch.setattr(connection, "is_usable", lambda: checks.append(1) or True)
    monkeypatch.setattr(connection, "health_check_enabled", True)
    monkeypatch.setattr(connection, "health_check_done", False)  # as at the start of each request
    assert status_of(client.get("/bulletins/")) == "hit" and checks == []
    # A connection lost since the last request: closed, and the stack connects anew.
    read, failed = generation._read, []

    def lost_once():
        if not failed:
            failed.append(1)
            raise OperationalError("server closed the connection unexpectedly")
        return read()

    monkeypatch.setattr(generation, "_read", lost_once)
    monkeypatch.setattr(connection, "close", lambda: closed.append(1))
    monkeypatch.setattr(connection, "health_check_done", False)
    response = client.get("/bulletins/")
    assert response.status_code == 200 and status_of(response) == "hit" and failed and closed == [1]


def test_a_value_read_again_in_this_process_costs_no_round_trip_and_stays_its_own(
    committed, fragments_only, monkeypatch
):
    from ecoportal.caching.local import LOCAL_VALUES

    with committed():
        make_bulletin()
    computed = []

    def compute():
        computed.append(1)
        return {"rows": [1, 2]}

    def read():  # outside a request: the generation is read at each call
        return generation.memoize("local-copy-test", compute)

    read()  # computed and kept, in the shared cache and here
    calls = _count_cache_reads(monkeypatch)
    first = read()
    assert first == {"rows": [1, 2]} and calls == [] and computed == [1]
    first["rows"].append(3)  # a caller's change to what it was given changes nothing kept
    assert read() == {"rows": [1, 2]} and calls == []
    LOCAL_VALUES.clear()  # as in another process: read from the shared cache once, then here
    assert read() == {"rows": [1, 2]} and calls == ["get"]
    assert read() == {"rows": [1, 2]} and calls == ["get"] and computed == [1]
    with committed():
        make_bulletin()  # a new generation: kept anew, whatever this process holds
    assert read() == {"rows": [1, 2]} and computed == [1, 1]


def test_values_kept_in_memory_are_bounded_the_least_recently_read_dropped_first(settings, monkeypatch):
    import time

    from ecoportal.caching.local import ENTRY_OVERHEAD, LocalValues

    settings.PAGE_CACHE_LOCAL_BYTES = 3 * (1100 + ENTRY_OVERHEAD)
    kept = LocalValues()
    for n in range(3):
        kept.put(f"key-{n}", ("x" * 1000,))
    assert kept.get("key-0") == ("x" * 1000,)  # read: now the most recent
    kept.put("key-3", ("x" * 1000,))
    assert kept.get("key-1") is None and [kept.get(f"key-{n}") is not None for n in (0, 2, 3)] == [True] * 3
    kept.put("too-large", ("y" * 5000,))
    assert kept.get("too-large") is None
    # many small values are bounded too: each costs its overhead
    for n in range(100):
        kept.put(f"small-{n}", (None,))
    assert sum(kept.get(f"small-{n}") is not None for n in range(100)) <= 3 * (1100 + ENTRY_OVERHEAD) // ENTRY_OVERHEAD
    # a copy expires PAGE_CACHE_TIMEOUT after it was made
    later = time.time() + settings.PAGE_CACHE_TIMEOUT + 1
    monkeypatch.setattr(time, "time", lambda: later)
    assert kept.get("small-99") is None
    settings.PAGE_CACHE_LOCAL_BYTES = 0
    kept.put("none-kept", (1,))
    assert kept.get("none-kept") is None


def test_a_value_no_caller_can_change_is_kept_as_it_is_others_each_read_a_copy(settings):
    from ecoportal.caching.local import LocalValues

    settings.PAGE_CACHE_LOCAL_BYTES = 1_000_000
    kept = LocalValues()
    markup = "<svg>" + "图" * 20_000 + "</svg>"
    kept.put("fragment", (markup,))
    assert kept.get("fragment")[0] is markup  # no unpickling of 60 kB on every read
    kept.put("rows", ([1, 2],))
    kept.get("rows")[0].append(3)  # a caller changing what it was given…
    assert kept.get("rows") == ([1, 2],)  # …changes nothing kept


def test_a_value_the_throttle_found_missing_is_not_asked_of_redis_again(committed, fragments_only, monkeypatch):
    from ecoportal.caching.local import LOCAL_VALUES

    with committed():
        make_bulletin()
    key = generation.current_memo_key("throttle-read-test")
    calls = _count_cache_reads(monkeypatch)
    assert generation.memoize("throttle-read-test", lambda: "made", read={key: None}) == "made"
    assert calls == []
    caches["default"].delete(key)  # gone from Redis, still held here
    assert generation.memoize("throttle-read-test", lambda: "again", read={key: None}) == "made"
    assert LOCAL_VALUES.get(key) == ("made",) and calls == []
