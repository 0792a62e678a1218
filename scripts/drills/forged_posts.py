"""Forged admin POSTs, per role, over real HTTP: each must change nothing it aims at.

Each forgery is a request a signed-in browser of that role could send by hand (a valid
session and CSRF token), aimed at something the role may not do. It holds if the server
answers without a 5xx and the state it aims at, read from the database before and after, is
unchanged. Needs Django set up on the drill's database (``run.py`` does that).
"""

from dataclasses import dataclass

from scripts.drills.client import Client
from scripts.drills.seed import PASSWORD


@dataclass
class Outcome:
    role: str
    what: str
    status: int
    changed: bool
    requests: int  # this forgery's, with its CSRF page (and the role's sign-in, for its first)


def _state():
    """Everything the forgeries aim at, as plain data."""
    from django.contrib.auth import get_user_model

    from bulletins.models import Bulletin, Transition
    from indicators.models import Observation

    users = get_user_model().objects.filter(username__startswith="drill.").order_by("username")
    return {
        "bulletins": list(Bulletin.objects.filter(slug__in=["reviewmarker", "draftmarker", "drill-0", "drill-own-draft"])
                          .order_by("slug").values_list("slug", "status", "title", "version", "deleted_at")),
        "figures": list(Observation.objects.filter(bulletin__slug="drill-own-draft").values_list("pk", "review_state")),
        "users": [(u.username, u.is_superuser, u.is_staff, u.password, sorted(u.groups.values_list("name", flat=True)),
                   u.user_permissions.count()) for u in users],
        "user_count": get_user_model().objects.count(),
        "audit": Transition.objects.count(),
    }


def _ids():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from bulletins.models import Bulletin, Transition
    from indicators.models import Observation

    users = {u.username: u.pk for u in get_user_model().objects.filter(username__startswith="drill.")}
    slugs = dict(Bulletin.objects.values_list("slug", "pk"))
    return {
        **{name.removeprefix("drill."): pk for name, pk in users.items()},
        "review": slugs["reviewmarker"], "draft": slugs["draftmarker"], "published": slugs["drill-0"],
        "own": slugs["drill-own-draft"],
        "candidate": Observation.objects.filter(bulletin__slug="drill-own-draft").values_list("pk", flat=True).first(),
        "transition": Transition.objects.values_list("pk", flat=True).first() or 0,
        "administrators": Group.objects.get(name="Administrator").pk,
    }


def _user_form(username, **extra):
    return {
        "username": username, "is_active": "on", "is_staff": "on", "is_superuser": "on",
        "date_joined_0": "2026-01-01", "date_joined_1": "00:00:00", **extra,
    }


def forgeries(ids):
    """(role, what, path, data): anonymous visitors, then each editorial role."""
    admin = "/admin"
    bulletin = f"{admin}/bulletins/bulletin"
    user = f"{admin}/auth/user"
    new_user = {"username": "drill.intruder", "password1": "Intruder-pass-1!", "password2": "Intruder-pass-1!"}
    return [
        (None, "publish a bulletin in review", f"{bulletin}/{ids['review']}/transition/publish/", {}),
        (None, "add a user", f"{user}/add/", new_user),
        ("author", "publish a bulletin in review", f"{bulletin}/{ids['review']}/transition/publish/", {}),
        ("author", "edit another author's draft", f"{bulletin}/{ids['draft']}/change/", {"title": "FORGED", "loaded_version": 1}),
        ("author", "restore a published bulletin's revision", f"{bulletin}/{ids['published']}/revisions/1/restore/", {}),
        ("author", "trash a published bulletin", f"{bulletin}/{ids['published']}/delete/", {"post": "yes"}),
        ("author", "accept a candidate figure in bulk", f"{admin}/indicators/observation/",
         {"action": "accept_candidates", "_selected_action": [ids["candidate"]]}),
        ("author", "make themselves superuser", f"{user}/{ids['author']}/change/", _user_form("drill.author")),
        ("author", "add a user", f"{user}/add/", new_user),
        ("editor", "make themselves superuser", f"{user}/{ids['editor']}/change/", _user_form("drill.editor")),
        ("editor", "add a user", f"{user}/add/", new_user),
        ("editor", "delete an audit row", f"{admin}/bulletins/transition/{ids['transition']}/delete/", {"post": "yes"}),
        ("administrator", "make themselves superuser", f"{user}/{ids['administrator']}/change/",
         _user_form("drill.administrator", groups=[ids["administrators"]])),
        ("administrator", "give an Editor the Administrator group", f"{user}/{ids['editor']}/change/",
         _user_form("drill.editor", groups=[ids["administrators"]])),
        ("administrator", "set the superuser's password", f"{user}/{ids['root']}/password/",
         {"password1": "Taken-over-1!", "password2": "Taken-over-1!"}),
        ("administrator", "make the superuser an ordinary user", f"{user}/{ids['root']}/change/",
         {**_user_form("drill.root"), "is_superuser": ""}),
    ]


def run(base):
    """One ``Outcome`` per forgery, in order."""
    ids = _ids()
    clients, outcomes = {}, []
    for role, what, path, data in forgeries(ids):
        if role not in clients:
            clients[role] = Client(base)
            if role:
                clients[role].login(f"drill.{role}", PASSWORD)
        client = clients[role]
        before = _state()
        # An anonymous visitor takes a valid token from the sign-in page: refused for who they are,
        # not for a missing token.
        status, _, _ = client.post(path, data, token_from=None if role else "/admin/login/")
        outcomes.append(Outcome(role or "anonymous", what, status, _state() != before, client.requests))
        client.requests = 0
    return outcomes
