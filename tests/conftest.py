import pytest


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request in English (LocaleMiddleware) leaves
    English active in the thread, which would otherwise translate the messages of later tests."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture
def portal_fixtures(db):
    """The shipped fixtures derived from the five source documents."""
    from django.core.management import call_command

    call_command("loaddata", "portal", verbosity=0)


# Editorial users, one per role (tests that need other names define their own). ----------------


def _user_in(group, username):
    @pytest.fixture
    def user(db):
        from tests.factories import make_user

        return make_user(groups=[group], username=username)

    return user


author = _user_in("Author", "author")
other_author = _user_in("Author", "other")
editor = _user_in("Editor", "editor")
second_editor = _user_in("Editor", "editor2")
administrator = _user_in("Administrator", "administrator")
