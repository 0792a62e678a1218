"""Serving the schema: concurrent builds, a throttle apart from the data's, errors in JSON."""

import sys
import threading
from contextlib import contextmanager

import pytest
from django.conf import settings as django_settings
from django.test import Client
from drf_spectacular.generators import SchemaGenerator

from ecoportal.api.urls import router

THREADS = 8
BUILDS_PER_THREAD = 5
PATHS = 18  # 16 endpoints and the two downloads (/observations.csv, .xlsx)


@pytest.mark.parametrize("viewset", sorted({entry[1] for entry in router.registry}, key=lambda v: v.__name__))
def test_every_view_has_a_schema_inspector_of_its_own(viewset):
    first, second = viewset(), viewset()
    inspector = first.schema
    viewset.schema  # noqa: B018 - drf-spectacular reads it from the class while another build runs
    assert second.schema is not inspector
    assert first.schema is inspector
    assert inspector.view is first


@contextmanager
def frequent_thread_switches():
    """Switch threads every 10 µs instead of every 5 ms, so that builds interleave finely."""
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)
    try:
        yield
    finally:
        sys.setswitchinterval(interval)


def test_eight_threads_build_the_schema_at_once_without_a_failure(db):
    start = threading.Barrier(THREADS)
    answers, failures = [], []

    def build():
        client = Client()
        start.wait()
        for _ in range(BUILDS_PER_THREAD):
            try:
                response = client.get("/api/schema/?format=json")
                answers.append((response.status_code, len(response.json()["paths"])))
            except Exception as error:  # noqa: BLE001 - every failure is counted, none hidden
                failures.append(repr(error))

    with frequent_thread_switches():
        threads = [threading.Thread(target=build) for _ in range(THREADS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    assert failures == []
    assert answers == [(200, PATHS)] * (THREADS * BUILDS_PER_THREAD)


@pytest.fixture
def rates(settings):
    def set_rates(**rates):
        rest_framework = dict(django_settings.REST_FRAMEWORK)
        rest_framework["DEFAULT_THROTTLE_RATES"] = {"anon": "1000/minute", "docs": "1000/minute", **rates}
        settings.REST_FRAMEWORK = rest_framework

    return set_rates


def test_reading_the_schema_and_docs_spends_none_of_the_data_budget(client, db, rates):
    rates(anon="2/minute")
    for _ in range(3):
        assert client.get("/api/schema/").status_code == 200
        assert client.get("/api/docs/").status_code == 200
    assert client.get("/api/v1/topics/").status_code == 200
    assert client.get("/api/v1/topics/").status_code == 200
    assert client.get("/api/v1/topics/").status_code == 429
    assert client.get("/api/schema/").status_code == 200


@pytest.mark.parametrize(
    ("url", "accept"),
    [
        ("/api/schema/", "*/*"),
        ("/api/schema/?format=yaml", "*/*"),
        ("/api/schema/", "application/vnd.oai.openapi"),
        ("/api/schema/?format=json", "application/vnd.oai.openapi+json"),
        ("/api/docs/", "text/html"),
    ],
)
def test_a_throttled_schema_or_docs_request_is_a_json_429_not_a_schema(client, db, rates, url, accept):
    rates(docs="2/minute")
    for _ in range(2):
        assert client.get(url, headers={"Accept": accept}).status_code == 200
    response = client.get(url, headers={"Accept": accept})
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert response.json()["code"] == "throttled"
    assert 0 < int(response["Retry-After"]) == response.json()["retry_after"] <= 60
    assert client.get("/api/v1/topics/").status_code == 200


def test_a_failing_schema_build_is_a_json_500(db, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("a broken annotation")

    monkeypatch.setattr(SchemaGenerator, "get_schema", fail)
    response = Client(raise_request_exception=False).get("/api/schema/")
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": 500, "code": "server_error", "detail": "服务器出现了错误。", "errors": []}
