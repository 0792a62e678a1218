"""Sign-in fixtures shared by the lock-out tests."""

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings

PASSWORD = "a-Long-and-correct-password-42"


@pytest.fixture
def axes_on():
    """django-axes on (tests sign in with Client.login(), which it would refuse without a request)."""
    with override_settings(AXES_ENABLED=True):
        yield


@pytest.fixture
def editors():
    model = get_user_model()
    return [
        model.objects.create_user(name, password=PASSWORD, is_staff=True)
        for name in ("zhang.wei", "li.na")
    ]
