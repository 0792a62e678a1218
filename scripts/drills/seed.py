"""Data for the drills: public bulletins with figures, and one hidden item of every kind.

Run with ``manage.py shell -c "from scripts.drills.seed import seed; seed()"``. The hidden
items carry the markers of tests/test_public_visibility.py, which the crawl looks for.
"""

from django.core.management import call_command

from tests.factories import (
    make_achievement_list,
    make_bulletin,
    make_indicator,
    make_observation,
    make_publisher,
    make_region,
    make_topic,
)
from tests.test_public_visibility import hidden_variants

PUBLIC_BULLETINS = 60


def seed():
    try:
        call_command("loaddata", "portal", verbosity=0)
    except Exception as error:  # noqa: BLE001 - the shipped fixtures are a bonus, not required
        print(f"shipped fixtures not loaded ({type(error).__name__}); using generated data only")
    region = make_region(slug="drill-city", name="演练市")
    publisher = make_publisher(region=region)
    topic = make_topic()
    indicator = make_indicator(code="drill-good-days", is_headline=True)
    for n in range(PUBLIC_BULLETINS):
        bulletin = make_bulletin(
            slug=f"drill-{n}", title=f"演练公报{n}", region=region, publisher=publisher, topics=[topic]
        )
        make_achievement_list(bulletin, slug=f"drill-list-{n}")
        make_observation(bulletin=bulletin, indicator=indicator, value=str(300 + n))
    for marker, state in hidden_variants().items():
        bulletin = make_bulletin(
            title=f"{marker}标题", slug=marker.lower(), summary=f"{marker}摘要", body=f"{marker}正文。",
            region=region, publisher=publisher, topics=[topic], **state,
        )
        make_achievement_list(bulletin, slug=f"{marker.lower()}-list", title=f"{marker}清单")
        make_observation(bulletin=bulletin, indicator=indicator, value="123", quote=f"{marker}优良天数123天。")
    print(f"seeded {PUBLIC_BULLETINS} public bulletins and {len(hidden_variants())} hidden ones")
