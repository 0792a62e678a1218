import pytest


@pytest.fixture
def portal_fixtures(db):
    """The shipped fixtures derived from the five source documents."""
    from django.core.management import call_command

    call_command("loaddata", "portal", verbosity=0)


# Editorial users, one per role (tests that need other names define their own). ----------------


@pytest.fixture
def author(db):
    from tests.factories import make_user

    return make_user(groups=["Author"], username="author")


@pytest.fixture
def other_author(db):
    from tests.factories import make_user

    return make_user(groups=["Author"], username="other")


@pytest.fixture
def editor(db):
    from tests.factories import make_user

    return make_user(groups=["Editor"], username="editor")


@pytest.fixture
def second_editor(db):
    from tests.factories import make_user

    return make_user(groups=["Editor"], username="editor2")


@pytest.fixture
def administrator(db):
    from tests.factories import make_user

    return make_user(groups=["Administrator"], username="administrator")
