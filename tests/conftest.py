import pytest


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """A streamed response a test left unread is closed while the test's transaction is open.

    The test client closes a streamed response only once its body is read. A CSV download runs
    its query before the response starts, so one whose headers alone were checked keeps a
    server-side cursor until the garbage collector frees it, inside a later test's transaction,
    which PostgreSQL then aborts (cursor "…" does not exist).
    """
    from django.core.signals import request_finished
    from django.db import close_old_connections
    from django.test.client import ClientHandler

    streamed = []
    handle = ClientHandler.__call__

    def recording(self, *args, **kwargs):
        response = handle(self, *args, **kwargs)
        if response.streaming:
            streamed.append(response)
        return response

    ClientHandler.__call__ = recording
    try:
        yield
    finally:
        ClientHandler.__call__ = handle
        # As the test client does: closing must not close the connection of the test's transaction.
        request_finished.disconnect(close_old_connections)
        try:
            for response in streamed:
                if not response.closed:
                    response.close()
        finally:
            request_finished.connect(close_old_connections)


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the default language: a request in English (LocaleMiddleware) leaves
    English active in the thread, which would otherwise translate the messages of later tests."""
    from django.utils import translation

    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def no_page_kept_in_memory():
    """Every test starts with no page or value kept in the process's memory
    (ecoportal.caching.local), as the tests that use the page cache start with the cache
    emptied."""
    from ecoportal.caching.local import LOCAL_VALUES
    from ecoportal.caching.pages import LOCAL_PAGES

    LOCAL_PAGES.clear()
    LOCAL_VALUES.clear()


@pytest.fixture
def portal_fixtures(db):
    """The shipped fixtures, loaded for this test (tests.factories.load_portal_fixtures)."""
    from tests.factories import load_portal_fixtures

    load_portal_fixtures()


@pytest.fixture(scope="module")
def portal_fixtures_of_the_module(django_db_setup, django_db_blocker):
    """The shipped fixtures loaded once for the tests of a module (``shared_by_tests``), each in
    a transaction of its own as ever. A module whose tests only read them uses it in place of
    ``portal_fixtures`` with a fixture of that name in the module that asks for this one
    (tests/bulletins/test_fixtures.py).
    """
    from tests.factories import load_portal_fixtures
    from tests.shared_data import shared_by_tests

    with shared_by_tests(django_db_blocker, load_portal_fixtures):
        yield


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
