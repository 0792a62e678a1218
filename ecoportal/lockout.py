"""How django-axes sees a sign-in: the client's address, and the page shown when it is locked out."""

from django.conf import settings
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    """429 with a page saying what happened, for how long, and that other accounts still work."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60) if settings.AXES_COOLOFF_TIME else None
    response = render(
        request,
        "axes/lockout.html",
        {"failure_limit": settings.AXES_FAILURE_LIMIT, "cooloff_minutes": minutes},
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
