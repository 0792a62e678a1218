"""Plain factory functions for tests: keyword defaults, unique slugs, nothing magic."""

import itertools
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from bulletins.models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Topic,
)
from ecoportal.publishing import Status
from indicators.choices import Category
from indicators.models import Indicator, Observation

_seq = itertools.count(1)


def _n():
    return next(_seq)


def make_region(**kwargs):
    n = _n()
    defaults = {"slug": f"region-{n}", "name": f"测试市{n}", "name_en": f"Test City {n}", "level": "prefecture"}
    defaults.update(kwargs)
    return Region.objects.create(**defaults)


def make_publisher(**kwargs):
    n = _n()
    defaults = {"slug": f"publisher-{n}", "name": f"测试生态环境局{n}", "name_en": f"Test Bureau {n}"}
    defaults.update(kwargs)
    return Publisher.objects.create(**defaults)


def make_topic(**kwargs):
    n = _n()
    defaults = {"slug": f"topic-{n}", "name": f"主题{n}", "name_en": f"Topic {n}"}
    defaults.update(kwargs)
    return Topic.objects.create(**defaults)


def make_bulletin(*, status=Status.PUBLISHED, publish_at=None, topics=(), **kwargs):
    """A bulletin; published an hour ago unless told otherwise."""
    n = _n()
    if publish_at is None and status == Status.PUBLISHED:
        publish_at = timezone.now() - timedelta(hours=1)
    defaults = {
        "title": f"测试公报{n}",
        "slug": f"bulletin-{n}",
        "summary": f"摘要{n}",
        "body": f"第{n}篇公报的正文。全市空气质量优良天数300天。",
        "raw_text": f"第{n}篇公报的正文。全市空气质量优良天数300天。",
        "issued_on": date(2024, 1, 1),
    }
    defaults.update(kwargs)
    bulletin = Bulletin(status=status, publish_at=publish_at, **defaults)
    bulletin.save()
    if topics:
        bulletin.topics.set(topics)
    return bulletin


def make_achievement_list(bulletin, *, items=3, **kwargs):
    defaults = {"slug": f"achievements-{bulletin.slug}", "title": f"{bulletin.title}成果", "year": 2024}
    defaults.update(kwargs)
    achievement_list = AchievementList.objects.create(bulletin=bulletin, **defaults)
    AchievementItem.objects.bulk_create(
        AchievementItem(achievement_list=achievement_list, number=i, title=f"成果{i}", body=f"成果{i}的内容。")
        for i in range(1, items + 1)
    )
    return achievement_list


def make_indicator(**kwargs):
    n = _n()
    defaults = {
        "code": f"indicator-{n}",
        "name": f"指标{n}",
        "name_en": f"Indicator {n}",
        "unit": "天",
        "category": Category.AIR,
        "higher_is_better": True,
    }
    defaults.update(kwargs)
    return Indicator.objects.create(**defaults)


def make_observation(*, bulletin, indicator, region=None, value="300", unit=None, **kwargs):
    defaults = {
        "period_start": date(2023, 1, 1),
        "period_end": date(2023, 12, 31),
        "period_label": "2023年",
        "quote": f"全市空气质量优良天数{value}{unit or indicator.unit}。",
    }
    defaults.update(kwargs)
    observation = Observation(
        bulletin=bulletin,
        indicator=indicator,
        region=region if region is not None else bulletin.region,
        value=Decimal(value),
        value_text=value,
        unit=unit or indicator.unit,
        **defaults,
    )
    observation.save()
    return observation


def make_correction(bulletin, **kwargs):
    defaults = {"original": "原文有误", "corrected": "更正后", "note": "转换错误"}
    defaults.update(kwargs)
    return Correction.objects.create(bulletin=bulletin, **defaults)


def make_user(*, groups=(), is_staff=True, password=None, **kwargs):
    """A user, staff by default, in the named editorial groups (Author, Editor, Administrator).

    Without a password the user has an unusable one (hashing is slow); log in with force_login.
    """
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    n = _n()
    defaults = {"username": f"user-{n}", "email": f"user-{n}@example.org"}
    defaults.update(kwargs)
    user = get_user_model().objects.create_user(password=password, is_staff=is_staff, **defaults)
    if groups:
        user.groups.set(Group.objects.filter(name__in=groups))
    return user


def load_portal_fixtures():
    """The shipped fixtures derived from the five source documents.

    Loaded as a bulk write (``suspend_invalidation``, one generation bump), their series
    summaries rebuilt once after, rather than once for each of the 278 rows saved: nine tenths
    of a load's time, and dozens of tests load them. tests/indicators/test_summaries.py holds
    the two ways equal.
    """
    from django.core.management import call_command

    from ecoportal.caching.generation import suspend_invalidation
    from indicators import summaries

    with suspend_invalidation():
        call_command("loaddata", "portal", verbosity=0)
    summaries.rebuild()
