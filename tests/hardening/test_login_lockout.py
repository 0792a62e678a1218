"""20 wrong passwords lock that account at that address; other users and addresses go on.

Lock-outs live in the database (django-axes' AccessAttempt), so every app server sees them.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import override_settings

from tests.hardening.conftest import PASSWORD

LOGIN = "/admin/login/?next=/admin/"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("axes_on"),
]


behind_one_proxy = override_settings(
    LOCKOUT_PROXY_COUNT=1,
    LOCKOUT_ADDRESS_HEADERS=("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"),
)


def attempt(client, username, password, address="203.0.113.7", **headers):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers)


def fail(client, username, times, **kwargs):
    return [attempt(client, username, "wrong-password", **kwargs).status_code for _ in range(times)]


def test_twenty_wrong_passwords_lock_the_account_at_that_address(client, editors):
    codes = fail(client, "zhang.wei", 20)
    assert codes[:19] == [200] * 19
    assert codes[19] == 429
    locked = attempt(client, "zhang.wei", PASSWORD)
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "登录已暂时锁定" in text and "20" in text and "60" in text
    assert locked["Retry-After"] == "3600"
    assert "_auth_user_id" not in client.session
    row = AccessAttempt.objects.get(username="zhang.wei", ip_address="203.0.113.7")
    assert row.failures_since_start >= 20


def test_nineteen_wrong_passwords_then_the_right_one_signs_in_and_resets(client, editors):
    fail(client, "zhang.wei", 19)
    assert attempt(client, "zhang.wei", PASSWORD).status_code == 302
    client.logout()
    assert fail(client, "zhang.wei", 19) == [200] * 19


def test_other_users_at_the_same_address_are_unaffected(client, editors):
    fail(client, "zhang.wei", 25)
    response = attempt(client, "li.na", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_the_locked_account_still_signs_in_from_its_owners_address(client, editors):
    fail(client, "zhang.wei", 20, address="198.51.100.9")
    assert attempt(client, "zhang.wei", PASSWORD, address="203.0.113.50").status_code == 302


def test_the_lock_lifts_after_the_cool_off(client, editors):
    fail(client, "zhang.wei", 20)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=61))
    assert attempt(client, "zhang.wei", PASSWORD).status_code == 302


def test_lockout_page_is_shown_for_unknown_usernames_too(client, editors):
    codes = fail(client, "no-such-user", 20)
    assert codes[-1] == 429


@behind_one_proxy
def test_behind_a_proxy_the_client_cannot_escape_by_forging_x_forwarded_for(client, editors):
    """The proxy appends the address it saw; whatever the client put before it is ignored."""
    for n in range(20):
        attempt(
            client, "zhang.wei", "wrong-password", address="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.7",
        )
    assert AccessAttempt.objects.get().ip_address == "203.0.113.7"
    forged = attempt(client, "zhang.wei", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.200, 203.0.113.7")
    assert forged.status_code == 429
    other_client = attempt(client, "zhang.wei", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.8")
    assert other_client.status_code == 302


@behind_one_proxy
def test_behind_a_proxy_users_of_one_office_address_are_told_apart_from_the_proxy(client, editors):
    fail(client, "zhang.wei", 20, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert attempt(client, "li.na", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.7").status_code == 302


@behind_one_proxy
def test_behind_a_proxy_the_owner_elsewhere_still_signs_in(client, editors):
    """The usual header of one proxy holds just the client: the lock is on that address alone."""
    fail(client, "zhang.wei", 20, address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.9"
    assert attempt(client, "zhang.wei", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.9").status_code == 429
    owner = attempt(client, "zhang.wei", PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="203.0.113.50")
    assert owner.status_code == 302


@pytest.mark.parametrize(
    ("proxies", "order", "meta", "expected"),
    [
        (0, ("REMOTE_ADDR",), {"HTTP_X_FORWARDED_FOR": "192.0.2.1"}, "10.0.0.2"),
        (1, ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), {}, "10.0.0.2"),
        (1, ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), {"HTTP_X_FORWARDED_FOR": "198.51.100.9"}, "198.51.100.9"),
        (1, ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), {"HTTP_X_FORWARDED_FOR": "192.0.2.1, 198.51.100.9"}, "198.51.100.9"),
        (2, ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), {"HTTP_X_FORWARDED_FOR": "192.0.2.1, 198.51.100.9, 10.0.0.3"}, "198.51.100.9"),
        (1, ("HTTP_X_REAL_IP", "REMOTE_ADDR"), {"HTTP_X_REAL_IP": "198.51.100.9", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}, "198.51.100.9"),
    ],
)
def test_client_address_is_the_one_the_trusted_proxies_saw(rf, proxies, order, meta, expected):
    from ecoportal.lockout import client_address

    request = rf.get("/admin/login/", REMOTE_ADDR="10.0.0.2", **meta)
    with override_settings(LOCKOUT_PROXY_COUNT=proxies, LOCKOUT_ADDRESS_HEADERS=order):
        assert client_address(request) == expected


def test_administrators_see_the_sign_in_attempts_and_editors_do_not(client, editors):
    from tests.factories import make_user

    fail(client, "zhang.wei", 3)
    attempts = "/admin/axes/accessattempt/"
    client.force_login(make_user(groups=["Administrator"], username="admin.wang"))
    page = client.get(attempts)
    assert page.status_code == 200 and "zhang.wei" in page.content.decode()
    client.force_login(make_user(groups=["Editor"], username="editor.zhao"))
    assert client.get(attempts).status_code == 403
