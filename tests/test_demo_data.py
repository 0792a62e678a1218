"""generate_demo_data: deterministic, marked as synthetic, ~10% unpublished, removable."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from bulletins.models import AchievementList, Bulletin, Publisher, Region, Topic
from indicators.models import Indicator, Observation
from tests.factories import make_bulletin, make_region

pytestmark = pytest.mark.django_db

NOW = "2024-06-01T00:00:00+08:00"


def generate(*args, bulletins=300, observations=None, seed=7):
    err = StringIO()
    options = ["--bulletins", str(bulletins), "--seed", str(seed), "--now", NOW, *args]
    if observations is not None:
        options += ["--observations", str(observations)]
    call_command("generate_demo_data", *options, stdout=StringIO(), stderr=err)
    return err.getvalue()


def snapshot():
    """Everything generated, without ids and timestamps of the run."""
    bulletins = [
        (
            b.slug, b.title, b.summary, b.body, b.status, b.publish_at, b.issued_on,
            b.region.slug if b.region else None, b.publisher.slug if b.publisher else None,
            tuple(sorted(t.slug for t in b.topics.all())),
        )
        for b in Bulletin.objects.filter(slug__startswith="demo-")
        .select_related("region", "publisher")
        .prefetch_related("topics")
        .order_by("slug")
    ]
    observations = list(
        Observation.objects.filter(bulletin__slug__startswith="demo-")
        .order_by("bulletin__slug", "id")
        .values_list("bulletin__slug", "indicator__code", "region__slug", "value", "value_text", "quote")
    )
    lists = list(
        AchievementList.objects.filter(slug__startswith="demo-")
        .annotate(item_count=Count("items"))
        .order_by("slug")
        .values_list("slug", "title", "year", "item_count")
    )
    return bulletins, observations, lists


def test_the_same_seed_gives_the_same_data():
    generate()
    first = snapshot()
    generate("--clear")
    assert snapshot() == first
    assert len(first[0]) == 300 and len(first[1]) == 3000 and first[2]


def test_another_seed_gives_other_data():
    generate()
    first = snapshot()
    generate("--clear", seed=8)
    assert snapshot()[0] != first[0]


def test_about_a_tenth_of_the_bulletins_is_not_public():
    generate(bulletins=1000, observations=0)
    demo = Bulletin.objects.filter(slug__startswith="demo-")
    hidden = demo.count() - demo.published().count()
    assert 60 <= hidden <= 140
    statuses = set(demo.values_list("status", flat=True))
    assert statuses == {"draft", "in_review", "published", "archived"}
    assert demo.filter(status="published", publish_at__gt=NOW).exists(), "no scheduled bulletin"


def test_everything_generated_is_marked_as_synthetic():
    generate(bulletins=200)
    demo = Bulletin.objects.filter(slug__startswith="demo-")
    assert demo.count() == 200 == Bulletin.objects.count()
    assert not demo.exclude(title__startswith="［示例］").exists()
    assert not Region.objects.exclude(slug__startswith="demo-").exclude(
        slug__in=["china", "heilongjiang", "yichun", "heihe", "jilin", "changchun"]
    ).exists()
    for model, field in ((Publisher, "slug"), (Topic, "slug"), (Indicator, "code")):
        assert not model.objects.exclude(**{f"{field}__startswith": "demo-"}).exists()
        assert not model.objects.exclude(name__endswith="（示例）").exists()
    assert not Observation.objects.exclude(indicator__code__startswith="demo-").exists()


def test_bodies_have_a_realistic_length_and_state_every_figure_they_cite():
    generate(bulletins=100)
    for bulletin in Bulletin.objects.prefetch_related("observations"):
        assert 1200 <= len(bulletin.body) <= 4500
        for observation in bulletin.observations.all():
            assert observation.quote in bulletin.body
            assert observation.value_text in observation.quote
            assert Decimal(observation.value_text.replace(",", "")) == observation.value
            observation.clean()


def test_the_contract_regions_are_created_when_absent_and_kept_by_clear():
    generate(bulletins=50)
    assert Region.objects.filter(slug__in=["china", "heilongjiang", "yichun", "heihe", "jilin", "changchun"]).count() == 6
    generate("--clear", bulletins=0)
    assert Region.objects.count() == 6
    assert not Indicator.objects.exists() and not Topic.objects.exists() and not Publisher.objects.exists()


def test_clear_deletes_only_demo_rows():
    city = make_region(slug="realcity")
    real = make_bulletin(slug="real-bulletin", region=city)
    generate(bulletins=50)
    generate("--clear", bulletins=0)
    assert list(Bulletin.objects.all()) == [real]
    assert Region.objects.filter(slug="realcity").exists()
    assert not Observation.objects.exists()


def test_a_second_run_without_clear_is_refused():
    generate(bulletins=10)
    with pytest.raises(CommandError, match="--clear"):
        generate(bulletins=10)


def test_progress_is_reported_on_stderr():
    assert "bulletins [" in generate(bulletins=10)
    assert generate("--clear", "--no-progress", bulletins=10) == ""


def test_new_rows_get_ids_after_the_generated_ones():
    generate(bulletins=20)
    bulletin = make_bulletin()
    assert bulletin.pk > Bulletin.objects.exclude(pk=bulletin.pk).order_by("-pk").first().pk


def test_the_planners_statistics_describe_the_generated_data():
    from django.db import connection

    if connection.vendor != "sqlite":
        pytest.skip("PostgreSQL's statistics are its autovacuum's; the command's ANALYZE only refreshes them")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM sqlite_stat1")
    generate(bulletins=50, observations=200)
    with connection.cursor() as cursor:
        cursor.execute("SELECT stat FROM sqlite_stat1 WHERE idx = 'obs_indicator_region_idx'")
        (stat,) = cursor.fetchone()
    assert int(stat.split()[0]) >= 200  # rows of the figures table, as the planner now knows
