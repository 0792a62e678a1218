"""Revisions of bulletins: a JSON snapshot at every version, comparison and restore.

Every change that bumps a bulletin's ``version`` (a save in the admin, a workflow transition, a
restore) writes one ``Revision`` whose ``data["version"]`` is that version. So the content an
editor started from is always findable, which is what the conflict report of a stale save and
the comparison of two revisions rely on. A snapshot holds the bulletin's fields, its topics,
its achievement list with items, its observations and its corrections.

Restoring is a change like any other: the same permission check as editing
(``workflow.ensure_can_edit``), a new version, a new revision; it never changes the state.
Nor does it make review decisions, whoever restores: accepting or rejecting a figure is an
editor's own act (``indicators.review``), so the snapshot's review states are not written back.
A figure keeps the state it has now, an acceptance lapses to candidate if the restore changes
the accepted content, and a figure deleted since comes back a candidate (rejected if it was).
"""

import datetime
import difflib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.db.models.fields.files import FieldFile
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ecoportal.publishing import Status
from indicators.models import Indicator, Observation

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
OBSERVATION_FIELDS = [
    "indicator", "region", "period_start", "period_end", "period_label", "value", "value_text",
    "unit", "qualifier", "quote", "review_state", "kind", "approximate", "derived", "reasons",
    "proposed_indicator_name", "proposed_indicator_unit", "proposed_indicator_category",
    "proposed_region_name", "proposed_region_code", "proposed_region_parent_code",
]


def _json(value):
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
            fields[name] = _json(getattr(bulletin, name))
    achievement_list = AchievementList.objects.filter(bulletin=bulletin).first()
    return {
        "version": bulletin.version,
        "status": bulletin.status,
        "publish_at": _json(bulletin.publish_at),
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
        "observations": [
            {
                "id": obs.pk,
                "indicator_name": obs.indicator.name if obs.indicator else obs.proposed_indicator_name,
                **{
                    name: (getattr(obs, f"{name}_id") if name in ("indicator", "region") else _json(getattr(obs, name)))
                    for name in OBSERVATION_FIELDS
                },
            }
            for obs in Observation.objects.filter(bulletin=bulletin).select_related("indicator").order_by("id")
        ],
        "corrections": [
            {"original": c.original, "corrected": c.corrected, "note": c.note}
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


def _observation_lines(data):
    return [
        f"{obs['indicator_name']}: {obs['value_text']} {obs['unit']} "
        f"[{obs.get('period_label') or ''}] {obs.get('qualifier') or ''} ({obs['review_state']}) — {obs['quote']}"
        for obs in data.get("observations", [])
    ]


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
    for label, lines in ((_("成果清单"), _item_lines), (_("观测值"), _observation_lines), (_("更正"), _correction_lines)):
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
        _restore_observations(bulletin, data.get("observations", []))
        Correction.objects.filter(bulletin=bulletin).delete()
        Correction.objects.bulk_create(Correction(bulletin=bulletin, **c) for c in data.get("corrections", []))
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


def _restore_observations(bulletin, rows):
    """Observations keep their ids where they still exist (public pages link to them), and
    their review state (``indicators.review.state_after_change``)."""
    from indicators import review
    from indicators.choices import ReviewState

    indicators = set(Indicator.objects.filter(pk__in=[r["indicator"] for r in rows]).values_list("pk", flat=True))
    regions = set(Region.objects.filter(pk__in=[r["region"] for r in rows if r["region"]]).values_list("pk", flat=True))
    existing = {obs.pk: obs for obs in Observation.objects.filter(bulletin=bulletin)}
    keep = set()
    for row in rows:
        # A figure whose indicator is gone is dropped, unless it still proposes one.
        if row["indicator"] not in indicators and not (row["indicator"] is None and row.get("proposed_indicator_name")):
            continue
        obs = existing.get(row["id"]) or Observation(bulletin=bulletin)
        before = (obs.review_state, review.reviewed_content(obs)) if obs.pk else None
        for name in OBSERVATION_FIELDS:
            # Snapshots taken before a field existed leave it as it is (or its default).
            if name == "review_state" or name not in row:
                continue
            value = row[name]
            field = Observation._meta.get_field(name)
            if name == "indicator":
                obs.indicator_id = value
            elif name == "region":
                obs.region_id = value if value in regions else None
            else:
                setattr(obs, name, field.to_python(value) if value is not None else None)
        if before is None:
            rejected = row.get("review_state") == ReviewState.REJECTED
            obs.review_state = ReviewState.REJECTED if rejected else ReviewState.CANDIDATE
        else:
            obs.review_state = review.state_after_change(before[0], before[1], review.reviewed_content(obs))
        obs.save()
        keep.add(obs.pk)
    Observation.objects.filter(bulletin=bulletin).exclude(pk__in=keep).delete()
