"""The bench's reference views exist under bench.settings only, never in the portal's URLconf."""

import pytest
from django.urls import Resolver404, resolve


def test_the_portal_urlconf_mounts_no_bench_view():
    with pytest.raises(Resolver404):
        resolve("/bench/constant")


@pytest.mark.urls("bench.urls")
@pytest.mark.django_db
def test_the_bench_urlconf_adds_its_reference_views_to_the_portal(client):
    assert client.get("/bench/constant").content == b"constant\n"
    assert resolve("/bench/values").url_name == "bench-values"
    assert client.get("/healthz").status_code == 200
