"""Guessing spread out: 40 failures for one account from any addresses lock the account, 40 from
one address for any usernames lock the address; each says so, and an administrator lifts it.

The count per account *and* address (20) is tested in test_login_lockout.py.
"""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

from tests.factories import make_user
from tests.hardening.test_login_lockout import PASSWORD, attempt

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("axes_on")]

LIMIT = 40


def address(n):
    return f"198.51.100.{n}"


def guess_one_account_from_many_addresses(client, times):
    return [attempt(client, "zhang.wei", "wrong-password", address=address(n)).status_code for n in range(1, times + 1)]


def guess_many_accounts_from_one_address(client, times):
    return [attempt(client, f"guess-{n}", "wrong-password", address="203.0.113.66").status_code for n in range(times)]


def test_the_limits_are_the_configured_ones(settings):
    assert settings.LOCKOUT_ACCOUNT_LIMIT == LIMIT
    assert settings.LOCKOUT_ADDRESS_LIMIT == LIMIT


def test_guessing_one_accounts_password_from_many_addresses_locks_the_account(client, editors):
    codes = guess_one_account_from_many_addresses(client, LIMIT)
    assert codes == [200] * (LIMIT - 1) + [429]
    locked = attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "这个账号" in text and "不论从哪个网络地址" in text and str(LIMIT) in text
    assert "_auth_user_id" not in client.session
    # Other accounts, from any of those addresses, are not affected.
    assert attempt(client, "li.na", PASSWORD, address=address(1)).status_code == 302


def test_fewer_failures_than_the_account_limit_from_many_addresses_lock_nothing(client, editors):
    assert guess_one_account_from_many_addresses(client, LIMIT - 1) == [200] * (LIMIT - 1)
    assert attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99").status_code == 302


def test_one_address_guessing_many_usernames_is_locked_for_every_username(client, editors):
    codes = guess_many_accounts_from_one_address(client, LIMIT)
    assert codes == [200] * (LIMIT - 1) + [429]
    locked = attempt(client, "li.na", PASSWORD, address="203.0.113.66")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "您当前的网络地址" in text and "不论哪个账号" in text and str(LIMIT) in text
    # The same account from another address signs in.
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.67").status_code == 302


def test_fewer_failures_than_the_address_limit_lock_nothing(client, editors):
    assert guess_many_accounts_from_one_address(client, LIMIT - 1) == [200] * (LIMIT - 1)
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.66").status_code == 302


def test_the_page_of_the_account_at_address_limit_still_says_that_one(client, editors):
    for _ in range(20):
        response = attempt(client, "zhang.wei", "wrong-password")
    assert response.status_code == 429
    text = response.content.decode()
    assert "从您当前的网络地址连续 20 次输错密码" in text


def test_the_management_command_lifts_an_account_lock(client, editors):
    guess_one_account_from_many_addresses(client, LIMIT)
    assert attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99").status_code == 429
    call_command("axes_reset_username", "zhang.wei")
    assert attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99").status_code == 302


def test_the_management_command_lifts_an_address_lock(client, editors):
    guess_many_accounts_from_one_address(client, LIMIT)
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.66").status_code == 429
    call_command("axes_reset_ip", "203.0.113.66")
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.66").status_code == 302


def test_an_administrator_lifts_an_account_lock_with_the_user_admin_action(client, editors):
    guess_one_account_from_many_addresses(client, LIMIT)
    assert attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99").status_code == 429
    client.force_login(make_user(groups=["Administrator"], username="admin.wang"))
    response = client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "lift_sign_in_lockouts", "_selected_action": [editors[0].pk]},
        follow=True,
    )
    assert response.status_code == 200
    assert not AccessAttempt.objects.filter(username="zhang.wei").exists()
    client.logout()
    assert attempt(client, "zhang.wei", PASSWORD, address="192.0.2.99").status_code == 302


def test_an_administrator_lifts_an_address_lock_by_deleting_its_attempts_in_the_admin(client, editors):
    guess_many_accounts_from_one_address(client, LIMIT)
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.66").status_code == 429
    client.force_login(make_user(groups=["Administrator"], username="admin.wang"))
    rows = list(AccessAttempt.objects.filter(ip_address="203.0.113.66").values_list("pk", flat=True))
    response = client.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": rows, "post": "yes"},
    )
    assert response.status_code == 302
    client.logout()
    assert attempt(client, "li.na", PASSWORD, address="203.0.113.66").status_code == 302
