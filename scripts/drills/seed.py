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


def seed(public_bulletins=PUBLIC_BULLETINS):
    try:
        call_command("loaddata", "portal", verbosity=0)
    except Exception as error:  # noqa: BLE001 - the shipped fixtures are a bonus, not required
        print(f"shipped fixtures not loaded ({type(error).__name__}); using generated data only")
    region = make_region(slug="drill-city", name="演练市")
    publisher = make_publisher(region=region)
    topic = make_topic()
    indicator = make_indicator(code="drill-good-days", is_headline=True)
    for n in range(public_bulletins):
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
    print(f"seeded {public_bulletins} public bulletins and {len(hidden_variants())} hidden ones")


#: Passwords of the drill's own accounts (a scratch database, dropped after the drill).
PASSWORD = "Drill-pass-2026!"
ROLES = {"author": "Author", "editor": "Editor", "administrator": "Administrator"}
#: Published bulletins that the Redis fault rounds withdraw, one per round.
FAULT_ROUNDS = ("FAULTPAUSEMARKER", "FAULTSTOPMARKER", "FAULTADMINMARKER")
#: Words in those bulletins' bodies to search for: a search for the marker itself would find it
#: echoed in the search box whatever the results.
FAULT_SEARCH = "缓存故障检验"


def seed_people():
    """Accounts per role and what the forged requests aim at: a draft of another author (the
    hidden draft), a draft of the drill's Author with a candidate figure, a revision of a
    published bulletin, a superuser; and the bulletins the fault rounds withdraw."""
    from datetime import date, timedelta

    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.utils import timezone

    from bulletins import revisions, workflow
    from bulletins.models import Bulletin, Region
    from ecoportal.publishing import Status
    from indicators.choices import ReviewState
    from indicators.models import Indicator

    users = get_user_model()
    people = {}
    for name, group in ROLES.items():
        user = users.objects.create_user(f"drill.{name}", password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=group))
        people[name] = user
    victim = users.objects.create_user("drill.victim", password=PASSWORD, is_staff=True)
    victim.groups.add(Group.objects.get(name="Author"))
    users.objects.create_superuser("drill.root", password=PASSWORD)
    Bulletin.objects.filter(slug="draftmarker").update(created_by=victim)
    region = Region.objects.get(slug="drill-city")
    indicator = Indicator.objects.get(code="drill-good-days")
    own = make_bulletin(slug="drill-own-draft", title="演练作者草稿", status=Status.DRAFT, created_by=people["author"], region=region)
    make_observation(bulletin=own, indicator=indicator, value="77", review_state=ReviewState.CANDIDATE,
                     quote="DRAFTMARKER候选优良天数77天。")
    revisions.revision_create(Bulletin.objects.get(slug="drill-0"), by=people["editor"], note="演练")
    audited = make_bulletin(slug="drill-audited", status=Status.DRAFT, created_by=people["author"], region=region)
    workflow.bulletin_submit(audited, by=people["author"])  # an audit row for the forgeries to aim at
    for marker in FAULT_ROUNDS:
        bulletin = make_bulletin(
            slug=marker.lower(), title=f"{marker}标题", summary=f"{marker}摘要", body=f"{marker}正文。{FAULT_SEARCH}。",
            region=region, issued_on=date.today(), publish_at=timezone.now() - timedelta(minutes=5),
        )
        make_achievement_list(bulletin, slug=f"{marker.lower()}-list", title=f"{marker}清单")
        make_observation(bulletin=bulletin, indicator=indicator, value="188", quote=f"{marker}优良天数188天。")
    print(f"seeded {len(people) + 2} accounts and {len(FAULT_ROUNDS)} bulletins for the fault rounds")


def withdraw(slug):
    """What an editor does from ``manage.py shell``: withdraw a published bulletin."""
    from django.contrib.auth import get_user_model

    from bulletins import workflow
    from bulletins.models import Bulletin

    editor = get_user_model().objects.get(username="drill.editor")
    workflow.bulletin_perform(Bulletin.objects.get(slug=slug), "withdraw", by=editor, comment="演练：撤回")
    print(f"withdrew {slug}")
