"""Fill the database with synthetic, clearly marked demo data for demonstrations and benchmarks.

    python manage.py generate_demo_data --bulletins 100000 --observations 1000000

Everything it writes is deterministic for a given ``--seed`` and ``--now`` and marked as
synthetic: slugs and codes start with ``demo-``, bulletin titles with ``［示例］``, names of
regions, publishers, topics and indicators end with ``（示例）``. ``--clear`` deletes exactly those
rows and nothing else. About 10% of the bulletins are not public (drafts, in review, scheduled,
archived), like a real editorial database.

Reference rows (regions, publishers, topics, indicators) are made with ``bulk_create``. The
bulletins and what hangs off them are written in batches, one transaction per batch, by
``RowWriter``: the same multi-row INSERT that ``bulk_create`` sends, built from the models'
metadata, but without instantiating a model and preparing each value in Python, which is
where ``bulk_create`` spends nine tenths of its time (a million observations would take
minutes); on PostgreSQL the rows are streamed with COPY instead (20,000 bulletins with 200,000
figures in 35–51 s instead of 65–101 s, under load 12–15). No saving signal fires per row: the search index is rebuilt with ``--index-search``
and the page cache is invalidated once at the end.
"""

import bisect
import importlib
import random
import time
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.db.models import Max
from django.utils import timezone

from bulletins.models import (
    AchievementItem,
    AchievementList,
    Bulletin,
    Correction,
    Publisher,
    Region,
    Topic,
)
from ecoportal.caching.generation import suspend_invalidation
from ecoportal.publishing import Status
from ecoportal.statistics import refresh_statistics
from indicators import summaries, units
from indicators.models import Indicator, Observation

PREFIX = "demo-"
TITLE_MARK = "［示例］"
NAME_MARK = "（示例）"
EDITORIAL_NOTE = "本文为系统生成的示例数据，仅用于演示与性能测试，内容与数字均为虚构。"

#: The regions of the public contract, created when absent (slug, name, name_en, level, parent, code).
CONTRACT_REGIONS = [
    ("china", "中国", "China", "country", None, ""),
    ("heilongjiang", "黑龙江省", "Heilongjiang", "province", "china", "230000"),
    ("yichun", "伊春市", "Yichun", "prefecture", "heilongjiang", "230700"),
    ("heihe", "黑河市", "Heihe", "prefecture", "heilongjiang", "231100"),
    ("jilin", "吉林省", "Jilin", "province", "china", "220000"),
    ("changchun", "长春市", "Changchun", "prefecture", "jilin", "220100"),
]

DEMO_PROVINCES = 8
CITIES_PER_PROVINCE = 12

DEMO_TOPICS = [
    ("air", "大气", "Air"),
    ("water", "水", "Water"),
    ("soil", "土壤", "Soil"),
    ("ecology", "生态保护", "Ecological protection"),
    ("waste", "固体废物", "Solid waste"),
    ("inspection", "督察", "Inspections"),
    ("enforcement", "执法", "Enforcement"),
    ("climate", "双碳", "Carbon peaking and neutrality"),
    ("noise", "噪声", "Noise"),
    ("rural", "农村环境", "Rural environment"),
]

#: code, name, name_en, unit, category, higher_is_better, headline, low, high, decimals.
DEMO_INDICATORS = [
    ("air-good-days-ratio", "环境空气质量优良天数比例", "Share of good-air days", "%", "air", True, True, 70, 99.5, 1),
    ("air-good-days", "环境空气质量优良天数", "Good-air days", "天", "air", True, False, 250, 362, 0),
    ("pm25", "PM2.5平均浓度", "PM2.5 concentration", "微克/立方米", "air", False, True, 8, 75, 0),
    ("pm10", "PM10平均浓度", "PM10 concentration", "微克/立方米", "air", False, False, 20, 120, 0),
    ("heavy-pollution-days", "重污染天数", "Heavily polluted days", "天", "air", False, False, 0, 30, 0),
    ("good-water-ratio", "优良水体比例", "Share of good water bodies", "%", "water", True, True, 50, 100, 1),
    ("drinking-water-compliance", "集中式饮用水水源地水质达标率", "Drinking-water sources meeting standards", "%", "water", True, False, 90, 100, 1),
    ("inferior-v-sections", "劣Ⅴ类水质断面", "Sections worse than class V", "个", "water", False, False, 0, 8, 0),
    ("black-odorous-water-eliminated", "消除黑臭水体", "Black and malodorous water bodies eliminated", "处", "water", True, False, 0, 40, 0),
    ("farmland-safe-use-rate", "受污染耕地安全利用率", "Safe-use rate of contaminated farmland", "%", "soil", True, False, 90, 100, 1),
    ("afforestation", "营造林地", "Forest planted", "公顷", "ecology", True, False, 100, 20000, 0),
    ("cropland-returned", "退耕还草还湿耕地", "Cropland returned to grassland and wetland", "万亩", "ecology", True, False, 0.5, 60, 1),
    ("enforcement-cases", "办理行政处罚案件", "Administrative penalty cases", "件", "enforcement", None, True, 10, 900, 0),
    ("fines", "罚款金额", "Fines imposed", "万元", "enforcement", None, False, 10, 9000, 1),
    ("pollution-crime-cases", "涉污染犯罪案件", "Suspected pollution crime cases", "件", "enforcement", None, False, 0, 30, 0),
    ("petitions-resolved", "办结信访案件", "Public complaints resolved", "件", "inspections", None, False, 50, 3000, 0),
    ("inspection-issues-rectified", "已完成整改的督察问题", "Inspection issues rectified", "项", "inspections", True, False, 5, 200, 0),
    ("zero-waste-cells", "“无废城市细胞”", "Zero-waste city cells", "个", "waste", True, False, 5, 500, 0),
    ("sewage-plants-built", "新建、提标、扩建污水处理厂", "Sewage plants built or upgraded", "座", "infrastructure", None, False, 0, 20, 0),
    ("sewage-treatment-capacity", "污水处理设计能力", "Sewage treatment capacity", "万吨/日", "infrastructure", True, False, 1, 200, 1),
    ("sewer-network-added", "新增排水管网", "Drainage network added", "公里", "infrastructure", None, False, 5, 800, 1),
    ("investment-completed", "完成投资", "Investment completed", "亿元", "funding", None, False, 1, 300, 2),
    ("funding-secured", "争取资金", "Funding secured", "万元", "funding", None, False, 100, 90000, 0),
    ("media-reports", "媒体报道", "Media reports", "篇", "outreach", None, False, 10, 3000, 0),
    ("information-releases", "公开发布信息", "Information items published", "条", "outreach", None, False, 50, 9000, 0),
    ("air-monitoring-stations", "空气质量监测站", "Air quality monitoring stations", "个", "capacity", None, False, 3, 60, 0),
]

NAME_CHARS_1 = "青云东南西北金银松柏枫桦清澄龙凤鹤泉溪安宁永长平顺兴盛明春秋华"
NAME_CHARS_2 = "川河江湖山岭峰原林州阳城宁安水泽源口台坪屯州岗"

SUBJECTS = [
    "全市各级生态环境部门", "市生态环境局", "局党组", "生态环境综合执法支队", "市环境监测站",
    "各县（市、区）分局", "市污染防治攻坚战指挥部", "相关职能部门", "各级河湖长", "驻局纪检监察组",
]
MEANS = [
    "坚持问题导向，", "以改善生态环境质量为核心，", "按照省委、省政府决策部署，", "围绕年度目标任务，",
    "突出精准治污、科学治污、依法治污，", "坚持“三管三治”工作思路，", "强化部门协同联动，", "",
]
ACTIONS = [
    "深入打好蓝天保卫战", "持续推进碧水保卫战", "扎实开展净土保卫战", "统筹推进秸秆禁烧工作",
    "加强重点行业企业执法检查", "推进中央生态环境保护督察反馈问题整改", "开展入河排污口排查整治",
    "推进“无废城市”建设", "加快城镇污水处理设施建设", "强化饮用水水源地规范化建设",
    "推动减污降碳协同增效", "开展生态环境领域安全隐患排查", "优化营商环境服务企业发展",
    "开展“六五”环境日系列宣传活动", "完善生态环境监测网络", "推进挥发性有机物综合治理",
    "实施重点流域水生态保护修复", "加强危险废物规范化环境管理", "落实排污许可“一证式”管理",
    "开展冬季清洁取暖督导检查", "推动农村生活污水治理", "加强自然保护地生态环境监管",
]
RESULTS = [
    "取得明显成效。", "各项工作有序推进。", "生态环境质量持续改善。", "群众满意度不断提升。",
    "圆满完成年度目标任务。", "为经济社会高质量发展提供了有力支撑。", "形成了一批可复制可推广的经验做法。",
    "重点任务全部按期完成。", "环境风险得到有效管控。", "人民群众的获得感、幸福感、安全感进一步增强。",
]
TIMES = ["今年以来，", "一季度，", "上半年，", "全年，", "近年来，", "“十四五”以来，"]
FUTURES = ["确保各项任务落地见效。", "持续巩固提升生态环境质量。", "以更高标准推动生态文明建设。"]
HEADINGS = [
    ["一、主要工作成效", "二、存在的问题", "三、下一步工作打算"],
    ["一、总体情况", "二、重点工作推进情况", "三、下一步工作安排"],
    ["一、环境质量状况", "二、污染防治攻坚", "三、生态环境监管执法", "四、工作打算"],
]
TITLE_KINDS = [
    "年生态环境工作总结", "年生态环境状况公报", "年大气污染防治工作情况通报", "年水生态环境保护工作进展",
    "年生态环境执法工作情况", "年秸秆禁烧工作情况通报", "年中央生态环境保护督察整改进展",
    "年“六五”环境日活动综述", "年生态环境保护工作要点落实情况",
]
ACHIEVEMENT_TITLES = [
    "空气质量持续改善", "水环境质量稳中向好", "土壤环境风险得到管控", "督察整改扎实推进",
    "执法监管保持高压态势", "“无废城市”建设取得突破", "污水处理能力显著提升", "生态保护修复成效明显",
    "营商环境持续优化", "宣传教育深入人心", "监测能力不断增强", "减污降碳协同推进",
]


TopicLink = Bulletin.topics.through


class Progress:
    """A one-line progress bar on stderr, redrawn at most ten times a second."""

    def __init__(self, stream, total, label, enabled=True):
        self.stream, self.total, self.label, self.enabled = stream, max(total, 1), label, enabled
        self.started = self.last = time.monotonic()

    def update(self, done, force=False):
        now = time.monotonic()
        if not self.enabled or (not force and now - self.last < 0.1):
            return
        self.last = now
        share = min(done / self.total, 1)
        self.stream.write(
            f"\r{self.label} [{'#' * int(share * 30):<30}] {done}/{self.total} "
            f"({share:.0%}, {now - self.started:.1f} s)",
            ending="",
        )
        self.stream.flush()

    def finish(self, done):
        self.update(done, force=True)
        if self.enabled:
            self.stream.write("")


class RowWriter:
    """Inserts rows of one model, given as tuples of the ``names`` fields, many per statement.

    Every other concrete field gets its default (``auto_now`` fields: ``now``). Dates, numbers
    and strings go to the driver as they are; aware datetimes are converted as Django does.
    """

    def __init__(self, model, names, *, now):
        meta = model._meta
        self.given = [meta.get_field(name) for name in names]
        rest = [field for field in meta.concrete_fields if field not in self.given]
        self.tail = tuple(self._default(field, now) for field in rest)
        self.datetimes = [i for i, field in enumerate(self.given) if isinstance(field, models.DateTimeField)]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(field.column) for field in [*self.given, *rest])
        placeholders = ", ".join(["%s"] * (len(self.given) + len(rest)))
        self.sql = f"INSERT INTO {quote(meta.db_table)} ({columns}) VALUES ({placeholders})"
        self.copy_sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"

    @staticmethod
    def _default(field, now):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            value = now
        else:
            value = field.get_default()
        return field.get_db_prep_save(value, connection)

    def write(self, rows):
        if not rows:
            return
        if self.datetimes:
            adapt = connection.ops.adapt_datetimefield_value
            rows = [list(row) for row in rows]
            for row in rows:
                for index in self.datetimes:
                    row[index] = adapt(row[index])
        tail = self.tail
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY streams the rows: the driver's executemany sent one INSERT per row, and
                # parsing them was most of PostgreSQL's time.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in rows:
                        copy.write_row((*row, *tail))
            else:
                cursor.executemany(self.sql, [(*row, *tail) for row in rows])


class Command(BaseCommand):
    help = (
        "Generate deterministic synthetic bulletins, achievement lists and observations (slugs "
        "'demo-…', titles '［示例］…'); --clear deletes exactly those rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bulletins", type=int, default=1000, help="How many bulletins (default 1000).")
        parser.add_argument(
            "--observations", type=int, default=None,
            help="How many observations in all (default: ten per bulletin).",
        )
        parser.add_argument("--seed", type=int, default=20240605, help="Random seed (default 20240605).")
        parser.add_argument(
            "--now", default=None,
            help="Reference time, ISO 8601 (default: today 00:00); past and scheduled dates follow it.",
        )
        parser.add_argument("--batch-size", type=int, default=2000, help="Bulletins per transaction.")
        parser.add_argument(
            "--clear", action="store_true",
            help="Delete existing demo rows first (with --bulletins 0: only delete).",
        )
        parser.add_argument("--no-progress", action="store_true", help="No progress bar on stderr.")
        parser.add_argument(
            "--index-search", action="store_true",
            help="Rebuild the search index afterwards (search.index.rebuild_index).",
        )

    def handle(self, *args, **options):
        count = options["bulletins"]
        observations = options["observations"] if options["observations"] is not None else 10 * count
        if count < 0 or observations < 0 or options["batch_size"] < 1:
            raise CommandError("--bulletins, --observations and --batch-size must not be negative.")
        if observations and not count:
            raise CommandError("Observations need bulletins to cite: give --bulletins.")
        rebuild_index = self._search_rebuild() if options["index_search"] else None
        self.progress = not options["no_progress"] and options["verbosity"] > 0
        now = self._reference_time(options["now"])

        if connection.vendor == "sqlite":
            # Index pages of a growing database stay in memory instead of being re-read (256 MB).
            with connection.cursor() as cursor:
                cursor.execute("PRAGMA cache_size = -262144")
        with suspend_invalidation():  # the summaries are rebuilt below, after ANALYZE
            if options["clear"]:
                self.clear()
            elif Bulletin.objects.filter(slug__startswith=PREFIX).exists():
                raise CommandError("Demo data is already present; add --clear to replace it.")
            if count:
                generator = DemoData(random.Random(options["seed"]), now=now)
                generator.prepare_reference_data()
                self.generate(generator, count, observations, options["batch_size"])
        if count:
            self.stdout.write(
                self.style.SUCCESS(f"Generated {count} demo bulletins and {observations} observations.")
            )
        if rebuild_index is not None:
            self.stdout.write("Rebuilding the search index…")
            self.stdout.write(f"Indexed {rebuild_index()} bulletins.")
        if count or options["clear"]:
            refresh_statistics()  # the planner's picture of the tables changed with them
            summaries.rebuild()  # read through the statistics

    def _reference_time(self, value):
        if value is None:
            today = timezone.localdate()
            return timezone.make_aware(datetime(today.year, today.month, today.day))
        try:
            moment = datetime.fromisoformat(value)
        except ValueError as exc:
            raise CommandError(f"--now: not an ISO 8601 date or time: {value!r}") from exc
        return moment if timezone.is_aware(moment) else timezone.make_aware(moment)

    def _search_rebuild(self):
        try:
            module = importlib.import_module("search.index")
        except ImportError:
            module = None
        rebuild = getattr(module, "rebuild_index", None)
        if rebuild is None:
            raise CommandError("--index-search: this portal has no search index (search.index.rebuild_index).")
        return rebuild

    def clear(self):
        """Delete every demo row, bulletins (with their lists and figures) first, in batches."""
        ids = list(Bulletin.objects.filter(slug__startswith=PREFIX).order_by("pk").values_list("pk", flat=True))
        progress = Progress(self.stderr, len(ids), "clearing ", self.progress and bool(ids))
        for start in range(0, len(ids), 2000):
            with transaction.atomic():
                Observation.objects.filter(bulletin_id__in=ids[start : start + 2000]).delete()
                Bulletin.objects.filter(pk__in=ids[start : start + 2000]).delete()
            progress.update(min(start + 2000, len(ids)))
        progress.finish(len(ids))
        with transaction.atomic():
            Observation.objects.filter(indicator__code__startswith=PREFIX).delete()
            Indicator.objects.filter(code__startswith=PREFIX).delete()
            Publisher.objects.filter(slug__startswith=PREFIX).delete()
            # Cities before the provinces they belong to (the parent link protects).
            Region.objects.filter(slug__startswith=PREFIX, level="prefecture").delete()
            Region.objects.filter(slug__startswith=PREFIX).delete()
            Topic.objects.filter(slug__startswith=PREFIX).delete()
        self.stdout.write(f"Deleted {len(ids)} demo bulletins and the demo reference data.")

    def generate(self, generator, count, observations, batch_size):
        per_bulletin, extra = divmod(observations, count)
        progress = Progress(self.stderr, count, "bulletins", self.progress)
        for start in range(0, count, batch_size):
            stop = min(start + batch_size, count)
            figures = [per_bulletin + (1 if n < extra else 0) for n in range(start, stop)]
            with transaction.atomic():
                generator.write_batch(range(start, stop), figures)
            progress.update(stop)
        progress.finish(count)
        generator.finish()


class DemoData:
    """The reference rows and the batches of bulletins, all drawn from one seeded ``Random``."""

    def __init__(self, rng, *, now):
        self.rng = rng
        self.now = now
        self.first_day = date(2005, 1, 1)
        self.days = (now.date() - self.first_day).days - 1
        self.sentences = [self._sentence() for _ in range(4000)]
        self.sentence_length = round(sum(map(len, self.sentences)) / len(self.sentences))
        self.written = [Bulletin, TopicLink, AchievementList, AchievementItem, Correction, Observation]
        # Explicit ids, so that children can be written in the same batch as their parents.
        self.next_id = {
            model: (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1 for model in self.written
        }
        self.writers = {
            Bulletin: RowWriter(
                Bulletin,
                [
                    "id", "slug", "title", "summary", "body", "editorial_note", "region", "region_label",
                    "publisher", "source_name", "issued_on", "issued_at_text", "period_start",
                    "period_end", "status", "publish_at",
                ],
                now=now,
            ),
            TopicLink: RowWriter(TopicLink, ["id", "bulletin", "topic"], now=now),
            AchievementList: RowWriter(AchievementList, ["id", "bulletin", "slug", "title", "year"], now=now),
            AchievementItem: RowWriter(AchievementItem, ["id", "achievement_list", "number", "title", "body"], now=now),
            Correction: RowWriter(Correction, ["id", "bulletin", "original", "corrected", "note"], now=now),
            Observation: RowWriter(
                Observation,
                [
                    "id", "indicator", "region", "bulletin", "period_start", "period_end", "period_label",
                    "value", "value_text", "unit", "value_normalised", "quote",
                ],
                now=now,
            ),
        }

    def _ids(self, model, count):
        first = self.next_id[model]
        self.next_id[model] = first + count
        return range(first, first + count)

    def finish(self):
        """Move PostgreSQL's id sequences past the ids given explicitly (nothing to do on SQLite)."""
        statements = connection.ops.sequence_reset_sql(no_style(), self.written)
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    # Reference data -------------------------------------------------------------------------

    def prepare_reference_data(self):
        regions = {r.slug: r for r in Region.objects.filter(slug__in=[row[0] for row in CONTRACT_REGIONS])}
        for slug, name, name_en, level, parent, code in CONTRACT_REGIONS:
            if slug not in regions:
                regions[slug] = Region.objects.create(
                    slug=slug, name=name, name_en=name_en, level=level,
                    parent=regions.get(parent), code=code,
                )
        names = [a + b for a in NAME_CHARS_1 for b in NAME_CHARS_2]
        self.rng.shuffle(names)
        provinces = Region.objects.bulk_create(
            Region(
                slug=f"{PREFIX}province-{p:02d}", name=f"{names[p]}省{NAME_MARK}",
                name_en=f"Demo Province {p:02d}", level="province", parent=regions["china"],
                code=f"9{p:02d}000",
            )
            for p in range(1, DEMO_PROVINCES + 1)
        )
        cities = []
        for p, province in enumerate(provinces, start=1):
            for c in range(1, CITIES_PER_PROVINCE + 1):
                n = DEMO_PROVINCES + (p - 1) * CITIES_PER_PROVINCE + c
                cities.append(
                    Region(
                        slug=f"{PREFIX}city-{p:02d}-{c:02d}", name=f"{names[n]}市{NAME_MARK}",
                        name_en=f"Demo City {p:02d}-{c:02d}", level="prefecture", parent=province,
                        code=f"9{p:02d}{c:02d}0",
                    )
                )
        cities = Region.objects.bulk_create(cities)
        contract = [regions[slug] for slug in ("heilongjiang", "yichun", "heihe", "jilin", "changchun")]
        self.regions = [*cities, *provinces, *contract]
        # Mostly cities, some provinces, a few of the contract regions.
        weights = [90 / len(cities)] * len(cities) + [8 / len(provinces)] * len(provinces)
        self.cumulative_weights = list(_accumulate([*weights, *[2 / len(contract)] * len(contract)]))

        publishers = Publisher.objects.bulk_create(
            Publisher(
                slug=f"{PREFIX}bureau-{region.slug.removeprefix(PREFIX)}",
                name=f"{_bare(region.name)}生态环境局{NAME_MARK}",
                name_en=f"{region.name_en} Bureau of Ecology and Environment (demo)",
                region=region,
            )
            for region in self.regions
        )
        self.publisher_of = {publisher.region_id: publisher.pk for publisher in publishers}
        self.topics = [
            topic.pk
            for topic in Topic.objects.bulk_create(
                Topic(slug=f"{PREFIX}{slug}", name=f"{name}{NAME_MARK}", name_en=f"{name_en} (demo)")
                for slug, name, name_en in DEMO_TOPICS
            )
        ]
        indicators = Indicator.objects.bulk_create(
            Indicator(
                code=f"{PREFIX}{code}", name=f"{name}{NAME_MARK}", name_en=f"{name_en} (demo)",
                unit=unit, unit_en=unit if unit == "%" else "", category=category,
                higher_is_better=better, is_headline=headline,
                description="示例指标，数值为虚构。",
            )
            for code, name, name_en, unit, category, better, headline, *_ in DEMO_INDICATORS
        )
        self.indicator_specs = [
            (indicator.pk, _bare(indicator.name), indicator.unit, spec[-3], spec[-2], spec[-1])
            for indicator, spec in zip(indicators, DEMO_INDICATORS, strict=True)
        ]

    # Text -----------------------------------------------------------------------------------

    def _sentence(self):
        rng = self.rng
        kind = rng.random()
        if kind < 0.55:
            return f"{rng.choice(SUBJECTS)}{rng.choice(MEANS)}{rng.choice(ACTIONS)}，{rng.choice(RESULTS)}"
        if kind < 0.85:
            return f"{rng.choice(TIMES)}{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}，{rng.choice(RESULTS)}"
        return f"下一步，{rng.choice(SUBJECTS)}将继续{rng.choice(ACTIONS)}，{rng.choice(FUTURES)}"

    def _body(self, figure_sentences):
        """1,500–4,000 characters: sections with headings, paragraphs of five sentences."""
        rng = self.rng
        room = rng.randint(1500, 4000) - sum(map(len, figure_sentences)) - 60
        count = max(room, 0) // self.sentence_length
        start = rng.randrange(len(self.sentences) - count)
        sentences = [*figure_sentences, *self.sentences[start : start + count]]
        headings = HEADINGS[start % len(HEADINGS)]
        per_section = -(-len(sentences) // len(headings))
        paragraphs = []
        for index, heading in enumerate(headings):
            paragraphs.append(heading)
            section = sentences[index * per_section : (index + 1) * per_section]
            paragraphs.extend("".join(section[i : i + 5]) for i in range(0, len(section), 5))
        return "\n\n".join(paragraphs)

    # Values ---------------------------------------------------------------------------------

    def _value(self, low, high, decimals):
        value = Decimal(str(round(self.rng.uniform(low, high), decimals))).quantize(Decimal(10) ** -decimals)
        grouped = value >= 1000 and self.rng.random() < 0.3
        return value, f"{value:,}" if grouped else f"{value}"

    # Batches --------------------------------------------------------------------------------

    def _status_and_time(self, issued_on):
        rng = self.rng
        draw = rng.random()
        if draw < 0.03:
            return Status.DRAFT, None
        if draw < 0.055:
            return Status.IN_REVIEW, None
        if draw < 0.08:
            return Status.PUBLISHED, self.now + timedelta(minutes=rng.randint(60, 30 * 24 * 60))
        day = issued_on or self.first_day + timedelta(days=rng.randint(0, self.days))
        moment = timezone.make_aware(datetime(day.year, day.month, day.day, 9)) + timedelta(
            minutes=rng.randint(0, 36 * 60)
        )
        moment = min(moment, self.now - timedelta(minutes=rng.randint(1, 600)))
        return (Status.ARCHIVED if draw < 0.10 else Status.PUBLISHED), moment

    def write_batch(self, numbers, figure_counts):
        rng = self.rng
        rows = {model: [] for model in self.written}
        bulletin_ids = self._ids(Bulletin, len(numbers))
        for bulletin_id, number, figures in zip(bulletin_ids, numbers, figure_counts, strict=True):
            region = self.regions[bisect.bisect_left(self.cumulative_weights, rng.random() * self.cumulative_weights[-1])]
            unnamed = rng.random() < 0.01
            issued_on = None if rng.random() < 0.03 else self.first_day + timedelta(days=rng.randint(0, self.days))
            year = (issued_on or self.first_day + timedelta(days=rng.randint(0, self.days))).year - 1
            period_start, period_end = date(year, 1, 1), date(year, 12, 31)
            status, publish_at = self._status_and_time(issued_on)
            place = "某市" if unnamed else _bare(region.name)
            region_id = None if unnamed else region.pk
            specs = (
                rng.sample(self.indicator_specs, figures)
                if figures <= len(self.indicator_specs)
                else rng.choices(self.indicator_specs, k=figures)
            )
            quotes = []
            for observation_id, (indicator_id, name, unit, low, high, decimals) in zip(
                self._ids(Observation, figures), specs, strict=True
            ):
                value, text = self._value(low, high, decimals)
                quote = f"{year}年，{place}{name}为{text}{unit}。"
                quotes.append(quote)
                rows[Observation].append(
                    (
                        observation_id, indicator_id, region_id, bulletin_id, period_start, period_end,
                        f"{year}年", value, text, unit, units.normalise(value, unit), quote,
                    )
                )
            slug = f"{PREFIX}{number + 1:06d}"
            title = f"{TITLE_MARK}{place}{year}{TITLE_KINDS[number % len(TITLE_KINDS)]}"
            body = self._body(quotes)
            rows[Bulletin].append(
                (
                    bulletin_id, slug, title, body.split("\n\n", 2)[1][:120], body, EDITORIAL_NOTE,
                    region_id, "某市" if unnamed else "", None if unnamed else self.publisher_of[region.pk],
                    "示例数据", issued_on, f"{issued_on:%Y-%m-%d}" if issued_on else "", period_start,
                    period_end, status, publish_at,
                )
            )
            topics = rng.sample(self.topics, rng.randint(1, 3))
            for link_id, topic_id in zip(self._ids(TopicLink, len(topics)), topics, strict=True):
                rows[TopicLink].append((link_id, bulletin_id, topic_id))
            draw = rng.random()
            if draw < 0.2:
                (list_id,) = self._ids(AchievementList, 1)
                rows[AchievementList].append(
                    (list_id, bulletin_id, f"{slug}-achievements", f"{title}·成果清单", year)
                )
                titles = rng.sample(ACHIEVEMENT_TITLES, rng.randint(5, len(ACHIEVEMENT_TITLES)))
                for item_id, (position, item_title) in zip(
                    self._ids(AchievementItem, len(titles)), enumerate(titles, start=1), strict=True
                ):
                    sentence = self.sentences[(bulletin_id + position) % len(self.sentences)]
                    rows[AchievementItem].append((item_id, list_id, position, item_title, sentence))
            elif draw > 0.99:
                (correction_id,) = self._ids(Correction, 1)
                rows[Correction].append((correction_id, bulletin_id, "PM2 .5", "PM2.5", "文档转换错误（示例）"))
        for model in self.written:
            self.writers[model].write(rows[model])


def _bare(name):
    return name.removesuffix(NAME_MARK)


def _accumulate(weights):
    total = 0.0
    for weight in weights:
        total += weight
        yield total

