import math
import time
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from django.core.cache import cache

from indicators.models import Observation
from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_correction,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    """The throttle counts requests in the default cache; every test starts with none."""
    cache.clear()
    yield
    cache.clear()


class Clock:
    """The time the portal reads (``django.utils.timezone.now``), moved on only by the test."""

    def __init__(self):
        # A quarter into a second: a test knows which whole second each moment falls in.
        self.time = math.floor(time.time()) + 0.25

    def now(self):
        return datetime.fromtimestamp(self.time, tz=UTC)

    def advance(self, seconds):
        self.time += seconds

    def next_second(self):
        """Into the next whole second: HTTP dates cannot tell two moments of one second apart."""
        self.time = math.floor(self.time) + 1.25


@pytest.fixture
def clock(monkeypatch):
    """Time stands still until the test moves it: a content generation begins, and Last-Modified
    is judged, at the moment the test says, however long the machine takes between the steps."""
    from django.utils import timezone

    clock = Clock()
    monkeypatch.setattr(timezone, "now", clock.now)
    return clock


@pytest.fixture
def world(db):
    """A small published world: a province with two cities, one bulletin each, a few figures."""
    country = make_region(slug="china", name="中国", name_en="China", level="country", code="100000")
    province = make_region(
        slug="heilongjiang", name="黑龙江省", name_en="Heilongjiang", level="province", parent=country, code="230000"
    )
    yichun = make_region(slug="yichun", name="伊春市", name_en="Yichun", parent=province, code="230700")
    heihe = make_region(slug="heihe", name="黑河市", name_en="Heihe", parent=province, code="231100")
    jilin = make_region(slug="jilin", name="吉林省", name_en="Jilin", level="province", parent=country, code="220000")
    changchun = make_region(slug="changchun", name="长春市", name_en="Changchun", parent=jilin, code="220100")
    publisher = make_publisher(slug="yichun-bureau", name="伊春市生态环境局", region=yichun)
    air = make_topic(slug="air", name="大气", name_en="Air")
    water = make_topic(slug="water", name="水", name_en="Water")
    pm25 = make_indicator(code="pm25", name="PM2.5平均浓度", name_en="PM2.5", unit="微克/立方米", higher_is_better=False)
    good_days = make_indicator(code="good-days", name="优良天数", name_en="Good days", unit="天")
    fines = make_indicator(code="fines", name="罚款金额", unit="万元", category="enforcement")

    yichun_2023 = make_bulletin(
        slug="yichun-2023", title="伊春市2023年生态环境工作总结", summary="秸秆禁烧成效显著",
        body="全年PM2.5平均浓度为18微克/立方米。", region=yichun, publisher=publisher, topics=[air],
        issued_on=date(2024, 1, 10),
    )
    make_achievement_list(yichun_2023, slug="yichun-2023-achievements", year=2023, items=3)
    make_correction(yichun_2023, original="PM2 .5", corrected="PM2.5")
    heihe_2022 = make_bulletin(
        slug="heihe-2022", title="黑河市2022年水质公报", body="水质优良比例为100%。", region=heihe,
        topics=[water], issued_on=date(2023, 2, 1),
    )
    changchun_2023 = make_bulletin(
        slug="changchun-2023", title="长春市2023年工作报告", body="优良天数302天。", region=changchun,
        issued_on=date(2024, 2, 1),
    )
    unnamed_city = make_bulletin(
        slug="unnamed-city", title="口市环保工作", body="罚款1,234万元。", region=None, region_label="口市",
        issued_on=None, period_end=date(2023, 12, 31),
    )
    observations = {
        "yichun_pm25": make_observation(
            bulletin=yichun_2023, indicator=pm25, region=yichun, value="18",
            quote="全年PM2.5平均浓度为18微克/立方米。",
        ),
        "yichun_good_days": make_observation(
            bulletin=yichun_2023, indicator=good_days, region=yichun, value="341",
            qualifier="扣除沙尘异常超标天数后",
        ),
        "heihe_good_days": make_observation(
            bulletin=heihe_2022, indicator=good_days, region=heihe, value="350",
            period_start=date(2022, 1, 1), period_end=date(2022, 12, 31), period_label="2022年",
        ),
        "changchun_good_days": make_observation(
            bulletin=changchun_2023, indicator=good_days, region=changchun, value="302",
        ),
        # Written with a thousands separator in the source (the factory takes plain numbers).
        "unnamed_fines": Observation.objects.create(
            bulletin=unnamed_city, indicator=fines, value=Decimal("1234"), value_text="1,234",
            unit="万元", quote="罚款1,234万元。", period_start=date(2023, 1, 1),
            period_end=date(2023, 12, 31), period_label="2023年",
        ),
    }
    return {
        "regions": {r.slug: r for r in (country, province, yichun, heihe, jilin, changchun)},
        "publisher": publisher,
        "topics": {"air": air, "water": water},
        "indicators": {"pm25": pm25, "good-days": good_days, "fines": fines},
        "bulletins": {b.slug: b for b in (yichun_2023, heihe_2022, changchun_2023, unnamed_city)},
        "observations": observations,
    }

