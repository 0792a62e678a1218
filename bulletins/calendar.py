"""The release calendar: scheduled bulletins an Editor chose to pre-announce, as a page and as
an iCalendar feed, the way statistics offices announce their releases.

Each entry is the title, the publisher and the time, read by ``Bulletin.objects.announced()``
as plain values: the rest of the unpublished bulletin is never loaded, so no template or
serializer can show it.
"""

from datetime import UTC, timedelta

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from ecoportal.publishing import shows_announcements_only

from .models import Bulletin

CALENDAR_SIZE = 200


def announcements():
    return list(Bulletin.objects.announced()[:CALENDAR_SIZE])


@shows_announcements_only
@require_safe
@cache_control(max_age=60, public=True)
def calendar_page(request):
    return render(request, "bulletins/calendar.html", {"announcements": announcements(), "nav": "calendar"})


def _ics_text(value):
    """A TEXT value of RFC 5545: backslash, semicolon, comma and newline escaped."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line):
    """Lines of at most 75 octets, continued with a space (RFC 5545 §3.1)."""
    encoded, parts = line.encode("utf-8"), []
    while len(encoded) > 75:
        cut = 75 if not parts else 74
        while cut and (encoded[cut] & 0xC0) == 0x80:  # never inside a character
            cut -= 1
        parts.append(encoded[:cut])
        encoded = encoded[cut:]
    parts.append(encoded)
    return b"\r\n ".join(parts).decode("utf-8")


def _utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def ics(entries, *, now):
    host = settings.SITE_URL.split("://", 1)[-1].strip("/") or "ecoportal"
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//EcoPortal//Release calendar//ZH", "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_text(settings.SITE_NAME)}",
    ]
    for entry in entries:
        publisher = entry["publisher__name"] or ""
        lines += [
            "BEGIN:VEVENT",
            f"UID:bulletin-{entry['id']}@{host}",
            f"DTSTAMP:{_utc(now)}",
            f"DTSTART:{_utc(entry['publish_at'])}",
            f"DTEND:{_utc(entry['publish_at'] + timedelta(minutes=30))}",
            f"SUMMARY:{_ics_text(entry['title'])}",
            *([f"DESCRIPTION:{_ics_text(publisher)}"] if publisher else []),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


@shows_announcements_only
@require_safe
@cache_control(max_age=300, public=True)
def calendar_ics(request):
    response = HttpResponse(ics(announcements(), now=timezone.now()), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendar.ics"'
    return response
