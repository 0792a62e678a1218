"""Import raw bulletin text: a draft bulletin, its achievement list, candidate figures.

``import_bulletin_text`` is the one write path; the management command and the admin page
call it (``import_bulletin_bytes`` decodes an upload first, ``import_bulletin_file`` refuses a
file above the size limit by its size before reading it). Each file is one transaction:
the bulletin, its achievement list, what the hooks add (candidate observations from
``indicators``) and the first revision are saved together or not at all. A text already imported — the same SHA-256
of the raw text, trashed bulletins included — is skipped, never duplicated. Bulletins are
created in the default state, draft; nothing is published without an editor.

``dry_run`` performs the whole import, validation included, and rolls it back, so the summary
shows exactly what an import would create.
"""

import logging
import re
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.core.validators import URLValidator
from django.db import connection, transaction
from django.utils.translation import gettext as _

from bulletins.models import AchievementItem, AchievementList, Bulletin, Publisher, Region
from bulletins.revisions import revision_create

from . import decode as decoding
from . import hooks, observations
from .document import ParsedDocument, parse
from .segment import Removed

logger = logging.getLogger(__name__)

CREATED, SKIPPED, FAILED = "created", "skipped", "failed"
_REGION_SUFFIX = re.compile(
    r"(?:特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|地区|省|市|盟|州|县|区)$"
)


@dataclass
class ImportResult:
    """What happened to one file: created, skipped (already imported) or failed, and why."""

    filename: str
    outcome: str = FAILED
    message: str = ""
    dry_run: bool = False
    bulletin_id: int | None = None
    slug: str = ""
    title: str = ""
    title_found: bool = True
    content_hash: str = ""
    achievement_items: int = 0
    contributions: list[hooks.Contribution] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    document: ParsedDocument | None = None

    @property
    def created(self):
        return self.outcome == CREATED

    @property
    def unread(self):
        """How many numbers of the text no figure was read from."""
        return sum(contribution.unread for contribution in self.contributions)

    @property
    def skipped(self):
        return self.outcome == SKIPPED

    @property
    def failed(self):
        return self.outcome == FAILED

    def describe(self):
        """One line for the summary."""
        if self.failed:
            return _("失败：%(message)s") % {"message": self.message}
        if self.skipped:
            return self.message
        parts = [_("《%(title)s》") % {"title": self.title}]
        if self.achievement_items:
            parts.append(_("成果 %(count)d 条") % {"count": self.achievement_items})
        parts.extend(f"{c.label} {c.count}" for c in self.contributions)
        verb = _("将创建草稿") if self.dry_run else _("已创建草稿")
        return f"{verb} " + "，".join(parts)


@dataclass
class ImportBatch:
    """The results of several files, in the order given."""

    results: list[ImportResult] = field(default_factory=list)

    def count(self, outcome):
        return sum(1 for result in self.results if result.outcome == outcome)

    @property
    def created(self):
        return self.count(CREATED)

    @property
    def skipped(self):
        return self.count(SKIPPED)

    @property
    def failed(self):
        return self.count(FAILED)

    def summary(self):
        return _("共 %(total)d 个：创建 %(created)d，跳过 %(skipped)d，失败 %(failed)d") % {
            "total": len(self.results),
            "created": self.created,
            "skipped": self.skipped,
            "failed": self.failed,
        }


class ImportSession:
    """Look-ups shared by the files of one batch (regions, publishers, the hooks' caches)."""

    def __init__(self):
        self.cache = {}
        self._regions = None
        self._publishers = {}

    def regions(self):
        if self._regions is None:
            self._regions = []
            for region in Region.objects.exclude(level="country"):
                names = {region.name}
                short = _REGION_SUFFIX.sub("", region.name)
                if len(short) >= 2:
                    names.add(short)
                self._regions.append((region, sorted(names, key=len, reverse=True)))
        return self._regions

    def publisher_named(self, name):
        if name not in self._publishers:
            self._publishers[name] = (
                Publisher.objects.select_related("region").filter(name=name).first()
            )
        return self._publishers[name]


class _AlreadyImported(Exception):
    def __init__(self, existing):
        self.existing = existing


def import_bulletin_bytes(data, *, filename, **kwargs):
    """Decode an uploaded file (text or .docx), then import it."""
    try:
        decoded = decoding.decode_bytes(data, filename=filename)
    except decoding.RejectedInput as error:
        return ImportResult(
            filename=filename, message=str(error), dry_run=kwargs.get("dry_run", False)
        )
    result = import_bulletin_text(decoded.text, filename=filename, **kwargs)
    result.warnings[:0] = decoded.warnings
    return result


def import_bulletin_file(handle, *, filename, size, **kwargs):
    """Import an opened file of ``size`` bytes (its real size: ``os.stat``, an upload's ``.size``).

    A file above the limit is refused by its size, unread, so the message states that size.
    """
    try:
        decoding.check_size(size)
    except decoding.RejectedInput as error:
        return ImportResult(
            filename=filename, message=str(error), dry_run=kwargs.get("dry_run", False)
        )
    # One byte past the limit: a file that grew since its size was taken is still refused.
    return import_bulletin_bytes(handle.read(decoding.max_bytes() + 1), filename=filename, **kwargs)


def import_bulletin_text(
    raw, *, filename, publisher=None, region=None, by=None, dry_run=False, session=None
):
    """Import one raw text as a draft bulletin; never raises for bad input."""
    session = session or ImportSession()
    by = by if getattr(by, "pk", None) else None  # an anonymous user is nobody
    result = ImportResult(filename=filename, dry_run=dry_run)
    try:
        text = decoding.check_text(decoding.normalise_text(raw))
    except decoding.RejectedInput as error:
        result.message = str(error)
        return result
    result.content_hash = Bulletin.hash_text(text)
    existing = _existing(result.content_hash)
    if existing:
        return _skipped(result, existing)

    # The draft is made of what the figures are read from (pipeline.read): a page's text, not
    # its source; raw_text and the duplicate check keep the source as it came.
    parsed = parse(decoding.readable_text(text), filename=filename)
    result.document = parsed
    result.title, result.title_found = parsed.title, parsed.title_found
    result.removed = parsed.removed
    result.warnings.extend(parsed.warnings)
    if not parsed.paragraphs:
        result.message = _("去掉页面杂项（导航、广告、页脚等）后没有剩下正文，请检查原文。")
        return result
    try:
        with transaction.atomic(), hooks.scope():
            _lock(result.content_hash)
            existing = _existing(result.content_hash)
            if existing:
                raise _AlreadyImported(existing)
            bulletin = _create_bulletin(text, parsed, result, publisher, region, by, session)
            result.achievement_items = _create_achievements(bulletin, parsed)
            context = hooks.ImportContext(
                bulletin, parsed, by=by, dry_run=dry_run, cache=session.cache
            )
            for contribution in [observations.propose_observations(context), *hooks.run(context)]:
                result.contributions.append(contribution)
                result.warnings.extend(contribution.warnings)
            # History starts at the import, as it starts at "新建" in the admin.
            revision_create(
                bulletin,
                by=by,
                note=_("导入：%(name)s") % {"name": filename},
            )
            if dry_run:
                transaction.set_rollback(True)
    except _AlreadyImported as already:
        return _skipped(result, already.existing)
    except ValidationError as error:
        result.message = _("内容不符合要求：%(errors)s") % {"errors": "；".join(_messages(error))}
        return result
    except Exception as error:
        logger.exception("Import of %s failed", filename)
        result.message = _("导入时出错，未保存任何内容：%(error)s") % {"error": error}
        return result
    result.outcome = CREATED
    result.bulletin_id = None if dry_run else bulletin.pk
    result.slug = bulletin.slug
    return result


def import_files(sources, *, progress=None, **kwargs):
    """Import ``(filename, bytes)`` pairs in order; ``progress(done, total, result)`` after each."""
    sources = list(sources)
    batch = ImportBatch()
    session = kwargs.pop("session", None) or ImportSession()
    for filename, data in sources:
        result = import_bulletin_bytes(data, filename=filename, session=session, **kwargs)
        batch.results.append(result)
        if progress:
            progress(len(batch.results), len(sources), result)
    return batch


# --- Steps --------------------------------------------------------------------------------


def _existing(content_hash):
    return (
        Bulletin.objects.filter(content_hash=content_hash)
        .values("pk", "slug", "title", "deleted_at")
        .order_by("pk")
        .first()
    )


def _skipped(result, existing):
    result.outcome = SKIPPED
    result.bulletin_id = existing["pk"]
    result.slug = existing["slug"]
    result.title = existing["title"]
    where = _("（在回收站中）") if existing["deleted_at"] else ""
    result.message = _("已导入过，跳过：原文与《%(title)s》%(where)s相同（内容哈希一致）。") % {
        "title": existing["title"],
        "where": where,
    }
    return result


def _lock(content_hash):
    """Serialise concurrent imports of the same text (PostgreSQL; SQLite writes are serial)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [int(content_hash[:15], 16)])


def _create_bulletin(text, parsed, result, publisher, region, by, session):
    publisher = publisher or _publisher(parsed, session)
    region = (
        region
        or _region_in_title(parsed, session)
        or (publisher.region if publisher and publisher.region_id else None)
        or _region_in_body(parsed, session, result)
    )
    region_label = ""
    if region is None and parsed.region_label:
        region_label = parsed.region_label
        result.warnings.append(
            _("原文没有写出城市名称（作“%(label)s”），地区留空，照录原文称呼。")
            % {"label": region_label}
        )
    source_name = parsed.source_name
    if parsed.byline and not source_name and (publisher is None or publisher.name != parsed.byline):
        source_name = parsed.byline
    original_url = parsed.original_url
    if original_url:
        try:
            URLValidator()(original_url)
        except ValidationError:
            result.warnings.append(
                _("原文链接“%(url)s”不是有效网址，未保存。") % {"url": original_url}
            )
            original_url = ""
    bulletin = Bulletin(
        title=parsed.title,
        slug=_slug(region, parsed, result.content_hash),
        summary=parsed.summary,
        body=parsed.body,
        raw_text=text,
        content_hash=result.content_hash,
        region=region,
        region_label=region_label,
        publisher=publisher,
        source_name=source_name,
        author_name=parsed.author_name,
        issued_on=parsed.issued_on,
        issued_at_text=parsed.issued_at_text,
        period_start=parsed.period_start,
        period_end=parsed.period_end,
        original_url=original_url,
        created_by=by,
    )
    # The slug is unique by construction (_slug); everything else is validated.
    bulletin.full_clean(exclude=["slug"], validate_unique=False)
    bulletin.save()
    return bulletin


def _publisher(parsed, session):
    for name in (parsed.source_name, parsed.byline):
        if name:
            publisher = session.publisher_named(name)
            if publisher:
                return publisher
    return None


def _mentions(parsed, session):
    text = "\n".join(parsed.paragraphs)
    # The shortest name ("伊春") also counts the full one ("伊春市").
    return [(region, names, text.count(names[-1])) for region, names in session.regions()]


def _region_in_title(parsed, session):
    """The region the title names (the most mentioned one if it names several)."""
    if not parsed.title_found:
        return None
    named = [
        (count, region.level == "prefecture", region)
        for region, names, count in _mentions(parsed, session)
        if any(name in parsed.title for name in names)
    ]
    return max(named, key=lambda c: c[:2])[2] if named else None


def _region_in_body(parsed, session, result):
    """The region the body names far more often than any other, flagged for checking."""
    counts = sorted(
        ((count, region) for region, _names, count in _mentions(parsed, session)),
        key=lambda c: c[0],
        reverse=True,
    )
    if not counts or counts[0][0] < 3 or (len(counts) > 1 and counts[0][0] < 2 * counts[1][0]):
        return None
    count, region = counts[0]
    result.warnings.append(
        _("地区按正文推断为“%(region)s”（正文提及 %(count)d 次），请核对。")
        % {"region": region.name, "count": count}
    )
    return region


def _slug(region, parsed, content_hash):
    day = parsed.issued_on or parsed.period_end
    parts = [region.slug if region else "bulletin"]
    if day:
        parts.append(str(day.year))
    for length in (8, 16, 64):
        slug = "-".join([*parts, content_hash[:length]])[:80]
        if (
            not Bulletin.objects.filter(slug=slug).exists()
            and not AchievementList.objects.filter(slug=slug).exists()
        ):
            return slug
    return slug


def _create_achievements(bulletin, parsed):
    if not parsed.items:
        return 0
    year = parsed.period_end.year if parsed.period_end else None
    achievement_list = AchievementList.objects.create(
        bulletin=bulletin, slug=bulletin.slug, title=bulletin.title, year=year
    )
    AchievementItem.objects.bulk_create(
        AchievementItem(
            achievement_list=achievement_list, number=item.number, title=item.title, body=item.body
        )
        for item in parsed.items
    )
    return len(parsed.items)


def _messages(error):
    if not hasattr(error, "message_dict"):
        return list(error.messages)
    lines = []
    for name, messages in error.message_dict.items():
        try:
            label = Bulletin._meta.get_field(name).verbose_name
        except FieldDoesNotExist:
            label = name
        lines.append(f"{label}：{' '.join(messages)}")
    return lines
