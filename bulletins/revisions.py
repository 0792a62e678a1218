"""Revisions of bulletins: a JSON snapshot at every version, comparison and restore.

Every change that bumps a bulletin's ``version`` (a save in the admin, a workflow transition, a
restore) writes one ``Revision`` whose ``data["version"]`` is that version. So the content an
editor started from is always findable, which is what the conflict report of a stale save and
the comparison of two revisions rely on. A snapshot holds the bulletin's fields, its topics,
its achievement list with items, its corrections, and the rows other apps keep for it
(``FollowingRows``: the indicators' figures).

Restoring is a change like any other: the same permission check as editing
(``workflow.ensure_can_edit``), a new version, a new revision; it never changes the state.
What the restore does to the figures' review is the indicators' rule (``indicators.revisions``).
"""

import datetime
import difflib
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ecoportal.publishing import Status

from .models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Revision,
    Topic,
)

#: The bulletin's own content fields kept in a snapshot (state and schedule are kept apart).
CONTENT_FIELDS = [
    "title", "slug", "summary", "body", "raw_text", "content_hash", "editorial_note",
    "region", "region_label", "publisher", "source_name", "author_name",
    "issued_on", "issued_at_text", "period_start", "period_end",
    "source_url", "original_url", "cover_image", "cover_rendition", "cover_alt",
]
#: Fields compared as text, line by line, rather than as one value.
LONG_TEXT_FIELDS = {"summary", "body", "raw_text", "editorial_note"}


@dataclass(frozen=True)
class FollowingRows:
    """Rows another app keeps for a bulletin, kept in its revisions (indicators: its figures).

    ``key`` names them in a snapshot, ``label`` heads them in a comparison; ``snapshot(bulletin)``
    gives them as plain JSON, ``lines(rows)`` as readable lines, and ``restore(bulletin, rows, by=user)``
    writes them back, inside the restore's transaction.
    """

    key: str
    label: str
    snapshot: Callable
    lines: Callable
    restore: Callable


#: Registered from the owning app's ready() (``register_following``), so that bulletins import
#: no app above them; compared between the achievement list and the corrections.
FOLLOWING = []


def register_following(rows):
    if all(registered.key != rows.key for registered in FOLLOWING):
        FOLLOWING.append(rows)


def json_value(value):
    """A field's value as a snapshot keeps it (dates as ISO 8601, decimals as text, files by name)."""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, FieldFile):
        return value.name or ""
    return value


def snapshot(bulletin):
    """The bulletin and what follows it, as plain JSON."""
    fields = {}
    labels = {}
    for name in CONTENT_FIELDS:
        field = Bulletin._meta.get_field(name)
        if field.is_relation:
            fields[name] = getattr(bulletin, field.attname)
            related = getattr(bulletin, name) if fields[name] else None
            labels[name] = str(related) if related else ""
        else:
            fields[name] = json_value(getattr(bulletin, name))
    achievement_list = AchievementList.objects.filter(bulletin=bulletin).first()
    return {
        "version": bulletin.version,
        "status": bulletin.status,
        "publish_at": json_value(bulletin.publish_at),
        "fields": fields,
        "labels": labels,
        "topics": [{"id": t.pk, "name": t.name} for t in bulletin.topics.order_by("slug")],
        "achievement_list": None
        if achievement_list is None
        else {
            "id": achievement_list.pk,
            "slug": achievement_list.slug,
            "title": achievement_list.title,
            "year": achievement_list.year,
            "items": [
                {"number": item.number, "title": item.title, "body": item.body}
                for item in achievement_list.items.order_by("number")
            ],
        },
        **{rows.key: rows.snapshot(bulletin) for rows in FOLLOWING},
        "corrections": [
            {"original": c.original, "corrected": c.corrected, "note": c.note,
             **({"made_at": json_value(c.made_at)} if c.made_at else {})}
            for c in Correction.objects.filter(bulletin=bulletin).order_by("id")
        ],
    }


def revision_create(bulletin, *, by, note=""):
    """Snapshot the bulletin as it is now in the database transaction, as the next revision."""
    with transaction.atomic():
        Bulletin.objects.select_for_update().only("pk").get(pk=bulletin.pk)
        last = Revision.objects.filter(bulletin=bulletin).aggregate(last=Max("number"))["last"] or 0
        return Revision.objects.create(
            bulletin=bulletin, number=last + 1, data=snapshot(bulletin), by=by, note=str(note)[:200]
        )


# Comparison ---------------------------------------------------------------------------------


def _label(name):
    return str(Bulletin._meta.get_field(name).verbose_name)


def _display(data, name):
    if name in data.get("labels", {}):
        return data["labels"][name] or "—"
    value = data["fields"].get(name)
    return "—" if value in (None, "") else str(value)


def _lines(text):
    return (text or "").splitlines() or [""]


def _item_lines(data):
    achievement_list = data.get("achievement_list")
    if not achievement_list:
        return []
    lines = [f"《{achievement_list['title']}》 {achievement_list['slug']} {achievement_list.get('year') or ''}".strip()]
    for item in achievement_list["items"]:
        lines.append(f"{item['number']}. {item['title']}")
        lines.extend(f"    {line}" for line in _lines(item["body"]) if line)
    return lines


def _correction_lines(data):
    return [
        f"{c['original']} → {c['corrected']} {c.get('note') or ''}".strip() for c in data.get("corrections", [])
    ]


def _table(old_lines, new_lines, old_desc, new_desc):
    """difflib's side-by-side table; difflib escapes the text it puts in the cells."""
    html = difflib.HtmlDiff(wrapcolumn=60).make_table(
        old_lines, new_lines, fromdesc=old_desc, todesc=new_desc, context=True, numlines=2
    )
    return mark_safe(html)  # noqa: S308 - cell text is escaped by difflib


def revision_diff(old, new, *, old_desc="", new_desc=""):
    """What changed from snapshot ``old`` to ``new``: a list of readable rows.

    Each row has ``label`` and either ``old``/``new`` (a short value) or ``table`` (a
    side-by-side difflib table for long text and lists).
    """
    rows = []
    if old.get("status") != new.get("status"):
        rows.append({
            "label": _("状态"),
            "old": Status(old["status"]).label if old.get("status") else "—",
            "new": Status(new["status"]).label if new.get("status") else "—",
        })
    if old.get("publish_at") != new.get("publish_at"):
        rows.append({"label": _("发布时间"), "old": old.get("publish_at") or "—", "new": new.get("publish_at") or "—"})
    for name in CONTENT_FIELDS:
        before, after = old["fields"].get(name), new["fields"].get(name)
        if before == after:
            continue
        if name in LONG_TEXT_FIELDS:
            rows.append({"label": _label(name), "table": _table(_lines(before), _lines(after), old_desc, new_desc)})
        else:
            rows.append({"label": _label(name), "old": _display(old, name), "new": _display(new, name)})
    old_topics = sorted(t["name"] for t in old.get("topics", []))
    new_topics = sorted(t["name"] for t in new.get("topics", []))
    if old_topics != new_topics:
        rows.append({"label": _("主题"), "old": "、".join(old_topics) or "—", "new": "、".join(new_topics) or "—"})
    sections = [
        (_("成果清单"), _item_lines),
        *((rows.label, lambda data, rows=rows: rows.lines(data.get(rows.key, []))) for rows in FOLLOWING),
        (_("更正"), _correction_lines),
    ]
    for label, lines in sections:
        before, after = lines(old), lines(new)
        if before != after:
            rows.append({"label": label, "table": _table(before, after, old_desc, new_desc)})
    return rows


# Conflicts ----------------------------------------------------------------------------------


def conflict_report(bulletin, loaded_version):
    """Why a save from ``loaded_version`` is stale: who changed the bulletin since, and what.

    ``bulletin`` is the current row. The diff is from the revision the editor started from to
    the bulletin as it is now; it is empty when that revision is unknown (e.g. imported items).
    """
    since = list(
        Revision.objects.filter(bulletin=bulletin, data__version__gt=loaded_version)
        .select_related("by")
        .order_by("number")
    )
    base = (
        Revision.objects.filter(bulletin=bulletin, data__version__lte=loaded_version)
        .order_by("-number")
        .first()
    )
    names = []
    for revision in since:
        name = revision.by.get_username() if revision.by else _("系统")
        if name not in names:
            names.append(name)
    current = snapshot(bulletin)
    return {
        "loaded_version": loaded_version,
        "current_version": bulletin.version,
        "names": names,
        "changes": since,
        "base": base,
        "diff": revision_diff(
            base.data, current, old_desc=_("您开始编辑时（版本 %s）") % loaded_version,
            new_desc=_("现在（版本 %s）") % bulletin.version,
        )
        if base
        else [],
    }


# Restore ------------------------------------------------------------------------------------


def revision_restore(revision, *, by):
    """Bring the bulletin's content back to ``revision``; a new version and revision result.

    The state, schedule and trash flag are never changed by a restore.
    """
    from . import workflow

    data = revision.data
    with transaction.atomic():
        bulletin = Bulletin.objects.select_for_update().get(pk=revision.bulletin_id)
        workflow.ensure_can_edit(bulletin, by=by)
        slug = data["fields"].get("slug")
        if slug and Bulletin.objects.filter(slug=slug).exclude(pk=bulletin.pk).exists():
            raise ValidationError(_("标识“%s”已被另一篇公报使用，无法恢复此修订。") % slug)
        changes = {}
        for name in CONTENT_FIELDS:
            if name not in data["fields"]:
                continue
            value = data["fields"][name]
            field = Bulletin._meta.get_field(name)
            if name == "region":
                value = value if value and Region.objects.filter(pk=value).exists() else None
            elif name == "publisher":
                value = value if value and Publisher.objects.filter(pk=value).exists() else None
            elif value is not None and not field.is_relation:
                value = field.to_python(value)
            changes[field.attname] = value
        workflow.bulletin_update(bulletin, by=by, loaded_version=bulletin.version, **changes)
        bulletin.topics.set(Topic.objects.filter(pk__in=[t["id"] for t in data.get("topics", [])]))
        _restore_achievement_list(bulletin, data.get("achievement_list"))
        for rows in FOLLOWING:
            rows.restore(bulletin, data.get(rows.key, []), by=by)
        # Corrections of published figures are public records: a restore neither removes nor repeats them.
        Correction.objects.filter(bulletin=bulletin, made_at__isnull=True).delete()
        Correction.objects.bulk_create(
            Correction(bulletin=bulletin, original=c["original"], corrected=c["corrected"], note=c["note"])
            for c in data.get("corrections", []) if not c.get("made_at")
        )
        workflow.audit_revision_restore(bulletin, by=by, revision_number=revision.number)
        return revision_create(bulletin, by=by, note=_("恢复自修订 r%s") % revision.number)


def _restore_achievement_list(bulletin, data):
    current = AchievementList.objects.filter(bulletin=bulletin).first()
    if data is None:
        if current:
            current.delete()
        return
    if AchievementList.objects.filter(slug=data["slug"]).exclude(bulletin=bulletin).exists():
        raise ValidationError(_("成果清单标识“%s”已被使用，无法恢复此修订。") % data["slug"])
    achievement_list = current or AchievementList(bulletin=bulletin)
    achievement_list.slug, achievement_list.title, achievement_list.year = data["slug"], data["title"], data["year"]
    achievement_list.save()
    achievement_list.items.all().delete()
    AchievementItem.objects.bulk_create(
        AchievementItem(achievement_list=achievement_list, **item) for item in data["items"]
    )
