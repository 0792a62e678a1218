import pytest


@pytest.fixture
def portal_fixtures(db):
    """The shipped fixtures derived from the five source documents."""
    from django.core.management import call_command

    call_command("loaddata", "portal", verbosity=0)
