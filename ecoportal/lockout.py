"""How django-axes sees a sign-in: the client's address, the limits it applies, and the page
shown when one is reached.

Three limits on wrong passwords within the cool-off (``AXES_COOLOFF_TIME``), each counted from
axes' rows (``AccessAttempt``, one per username, address and browser, with its failures):

* one account from one address, ``AXES_FAILURE_LIMIT`` (20): that account, from that address;
* one account from any addresses, ``LOCKOUT_ACCOUNT_LIMIT`` (40): that account, from anywhere;
* one address for any usernames, ``LOCKOUT_ADDRESS_LIMIT`` (40): that address, for every account.

axes itself counts one combination against one limit, so guessing spread over addresses or over
usernames never reached it. Lifting a lock deletes the rows it counts: ``axes_reset_username``
or the user admin's action for an account, ``axes_reset_ip`` or deleting the address's
attempts in the admin for an address.
"""

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum
from django.shortcuts import render

ACCOUNT_AT_ADDRESS, ACCOUNT, ADDRESS = "account_at_address", "account", "address"


class SignInLimitsHandler(AxesDatabaseHandler):
    """axes' database handler, with the limits per account and per address as well."""

    def get_failures(self, request, credentials=None):
        failures = super().get_failures(request, credentials)
        limit = get_failure_limit(request, credentials)
        scope = ACCOUNT_AT_ADDRESS if failures >= limit else wider_limit_reached(request, credentials)
        request.sign_in_limit = scope
        # axes locks when the count reaches its limit: a wider limit reached counts as that.
        return max(failures, limit) if scope else failures


def wider_limit_reached(request, credentials=None):
    """``ACCOUNT`` or ``ADDRESS`` if that limit is reached by recent failures, else None."""
    attempts = AccessAttempt.objects.all()
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    username = get_client_username(request, credentials)
    if username is not None and _failures(attempts.filter(username=username)) >= settings.LOCKOUT_ACCOUNT_LIMIT:
        return ACCOUNT
    if _failures(attempts.filter(ip_address=request.axes_ip_address)) >= settings.LOCKOUT_ADDRESS_LIMIT:
        return ADDRESS
    return None


def _failures(attempts):
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def lift_account_lockouts(usernames):
    """Lift every limit counted for these accounts (at any address); the rows deleted."""
    deleted, _ = AccessAttempt.objects.filter(username__in=list(usernames)).delete()
    return deleted


LIMITS = {
    ACCOUNT_AT_ADDRESS: lambda: settings.AXES_FAILURE_LIMIT,
    ACCOUNT: lambda: settings.LOCKOUT_ACCOUNT_LIMIT,
    ADDRESS: lambda: settings.LOCKOUT_ADDRESS_LIMIT,
}


def lockout_response(request, original_response=None, credentials=None):
    """429 with a page saying which limit was reached, for how long, and who is still let in."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    scope = getattr(request, "sign_in_limit", None) or ACCOUNT_AT_ADDRESS
    response = render(
        request,
        "axes/lockout.html",
        {"scope": scope, "failure_limit": LIMITS[scope](), "cooloff_minutes": minutes},
        status=429,
    )
    if minutes:
        response["Retry-After"] = str(minutes * 60)
    return response


def client_address(request):
    """The address of the client as the nearest trusted proxy saw it (``AXES_CLIENT_IP_CALLABLE``).

    Each of ``LOCKOUT_PROXY_COUNT`` proxies appends the address it received from to
    ``X-Forwarded-For``, so the client's is the N-th entry from the right; entries further
    left are whatever the client sent and are never trusted. Other headers named in
    ``LOCKOUT_ADDRESS_HEADERS`` (such as ``HTTP_X_REAL_IP``) hold a single address set by
    the proxy. Without proxies, or without the header, it is ``REMOTE_ADDR``.
    """
    for key in settings.LOCKOUT_ADDRESS_HEADERS:
        entries = [entry.strip() for entry in request.META.get(key, "").split(",") if entry.strip()]
        if not entries:
            continue
        if key == "HTTP_X_FORWARDED_FOR":
            if not settings.LOCKOUT_PROXY_COUNT:
                continue
            return entries[-min(settings.LOCKOUT_PROXY_COUNT, len(entries))]
        return entries[-1]
    return request.META.get("REMOTE_ADDR")
