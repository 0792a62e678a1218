import pytest
from django.core.cache import cache

from tests.factories import make_bulletin, make_indicator, make_region


@pytest.fixture(autouse=True)
def fresh_cache():
    """Pages and counts may be cached; each test sees only its own data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def province():
    return make_region(slug="province", name="某省", level="province")


@pytest.fixture
def city(province):
    return make_region(slug="city", name="某市", parent=province)


@pytest.fixture
def ratio():
    return make_indicator(code="ratio", name="优良天数比例", unit="%", higher_is_better=True, is_headline=True)


@pytest.fixture
def bulletin(city):
    return make_bulletin(region=city, body="正文。")
