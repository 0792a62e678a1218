"""Benchmark of the full-text search: 10,000 bulletins in a scratch database, timed queries.

    .venv/bin/python bench/search_bench.py [--count 10000] [--repeat 30]

Runs on SQLite (a temporary file) and, when DATABASE_URL points at a PostgreSQL server, also on
a scratch database created beside it on that server and dropped afterwards. Bulletins are
written from a generated vocabulary shaped like real ones: each is about one place and two or
three of 40 subjects (straw burning, water quality, inspections, black soil, air…), each subject
with its own terms, padded with the common words every bulletin uses. So a subject's word is in
a few percent of the bulletins, as in a real archive, rather than in most of them (sentences
drawn from the five source documents put 秸秆 in 80%). The text is deterministic (fixed seed);
one in ten bulletins is a draft or scheduled. For every query it reports the number of
published matches and the median and 95th percentile of the time a results page takes (the
count, the first 20 ranked bulletins and their marked passages), then the database's plan for
each query, flagging any sequential scan of the search table (``seq_scan``).

Not a test: timings depend on the machine. Each database runs in its own process, because the
settings are read from the environment once.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ["秸秆", "水质", "督察", "黑土地", "PM2.5", "生态环境", "中央环保督察", "秸秆 禁烧",
           "罕见词甲乙", "没有这个词"]
RARE_WORD = "罕见词甲乙"
PLANS_SHOWN = ("秸秆", RARE_WORD)

PLACES = [
    "哈尔滨", "齐齐哈尔", "牡丹江", "佳木斯", "大庆", "鸡西", "双鸭山", "伊春", "七台河", "鹤岗", "黑河", "绥化", "大兴安岭",
    "长春", "吉林", "四平", "辽源", "通化", "白山", "松原", "白城", "延边", "沈阳", "大连", "鞍山", "抚顺", "本溪", "丹东",
    "锦州", "营口", "阜新", "辽阳", "盘锦", "铁岭", "朝阳", "葫芦岛", "呼伦贝尔", "兴安盟", "通辽", "赤峰", "锡林郭勒", "乌兰察布",
    "包头", "鄂尔多斯", "巴彦淖尔", "乌海", "阿拉善", "呼和浩特", "石家庄", "唐山", "秦皇岛", "邯郸", "邢台", "保定", "张家口",
    "承德", "沧州", "廊坊", "衡水",
]

# Subjects and their terms: a bulletin about a subject uses some of its terms.
SUBJECTS = (
    "秸秆 禁烧 还田 离田 火点 综合利用",
    "水质 断面 水源地 饮用水 入河排污口 水功能区",
    "督察 中央环保督察 整改 交办 反馈意见 问责",
    "黑土地 耕地 保护性耕作 侵蚀沟 有机质",
    "PM2.5 颗粒物 优良天数 空气质量 沙尘",
    "生态环境 自然保护区 生物多样性 湿地 国家公园",
    "臭氧 挥发性有机物 涂装 油气回收",
    "黑臭水体 污水处理厂 管网 截污 清淤",
    "固体废物 危险废物 医疗废物 转移联单 贮存",
    "垃圾分类 填埋场 焚烧发电 渗滤液 转运站",
    "执法 立案 罚款 查封扣押 行政处罚",
    "噪声 夜间施工 社会生活噪声 声环境",
    "辐射 核技术利用 放射源 电磁",
    "碳达峰 碳排放 温室气体 碳市场 配额",
    "农村 人居环境 改厕 村庄 生活污水",
    "畜禽 粪污 养殖场 资源化 种养结合",
    "土壤污染 重金属 建设用地 风险管控 修复",
    "环境影响评价 环评 审批 规划环评 验收",
    "排污许可 许可证 持证排污 执行报告",
    "监测 自动监测站 在线监控 数据质量 采样",
    "突发环境事件 应急预案 演练 风险隐患",
    "河长制 湖长 河道 巡河 清四乱",
    "供暖 燃煤锅炉 散煤 清洁取暖 热电联产",
    "机动车 尾气 柴油货车 非道路移动机械 油品",
    "工业园区 提标改造 超低排放 钢铁 水泥",
    "地下水 取水井 水位 超采",
    "湖泊 富营养化 蓝藻 水华 湖滨带",
    "森林 草原 植被 退耕还林 防火",
    "矿山 尾矿库 复绿 采矿 矿区",
    "宣传教育 志愿者 六五环境日 公众参与 开放日",
    "营商环境 帮扶 服务企业 审批提速 容缺受理",
    "绿色金融 环保信用 企业信用 评价结果",
    "冰雪 冬奥 旅游 景区 游客",
    "候鸟 丹顶鹤 迁徙 栖息地 保护站",
    "塑料污染 快递包装 一次性 替代品",
    "新污染物 抗生素 持久性有机污染物 筛查",
    "化学品 化工企业 储罐 泄漏",
    "海绵城市 雨水 内涝 透水铺装",
    "扬尘 工地 道路保洁 渣土车 苫盖",
    "餐饮油烟 油烟净化 露天烧烤 商户",
)

COMMON = [
    "今年以来", "全市", "各地", "有关部门", "认真", "落实", "部署", "要求", "推进", "开展", "工作", "加强", "完善", "制度",
    "机制", "取得", "明显", "成效", "进一步", "提升", "水平", "持续", "深化", "坚持", "问题", "导向", "目标", "任务", "确保",
    "按期", "完成", "组织", "召开", "会议", "研究", "情况", "通报", "检查", "指导", "基层", "群众", "满意", "重点", "领域",
    "专项", "行动", "方案", "印发", "实施", "责任", "分工", "明确", "考核", "年度", "计划", "同比", "下降", "上升", "百分点",
    "累计", "共计", "项目", "资金", "投入", "万元",
]
KINDS = ("工作会议", "工作总结", "专项行动", "情况通报", "新闻发布会", "年度报告", "调研", "动员部署")


def sentence(rng, terms):
    """One sentence: common words around one or two of the bulletin's terms."""
    words = [rng.choice(COMMON) for _ in range(rng.randint(4, 9))]
    for term in rng.sample(terms, k=min(len(terms), rng.randint(1, 2))):
        words.insert(rng.randrange(len(words) + 1), term)
    return "".join(words) + ("；" if rng.random() < 0.2 else "。")


def generate(count):
    from django.utils import timezone

    from bulletins.models import AchievementItem, AchievementList, Bulletin
    from ecoportal.publishing import Status

    rng = random.Random(20240601)
    subjects = [subject.split() for subject in SUBJECTS]
    now = timezone.now()
    bulletins = []
    for n in range(count):
        place = rng.choice(PLACES)
        terms = [term for subject in rng.sample(subjects, k=rng.choice((2, 2, 3))) for term in subject]
        body = place + "".join(sentence(rng, terms) for _ in range(rng.randint(30, 50)))
        if n % 1000 == 7:
            body += f"本段含有{RARE_WORD}。"
        state = n % 10
        bulletins.append(Bulletin(
            title=f"{place}{rng.choice(terms)}{rng.choice(KINDS)}",
            slug=f"bench-{n}",
            summary=sentence(rng, terms) + sentence(rng, terms),
            body=body,
            issued_on=date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650)),
            status=Status.DRAFT if state == 0 else Status.PUBLISHED,
            publish_at=None if state == 0 else now + timedelta(days=30 if state == 1 else -30),
        ))
    # bulk_create sends no signals: indexing is timed separately below.
    Bulletin.objects.bulk_create(bulletins, batch_size=500)
    lists = [
        AchievementList(bulletin=bulletin, slug=f"bench-list-{bulletin.slug}", title=f"{bulletin.title}成果")
        for bulletin in Bulletin.objects.filter(slug__startswith="bench-").order_by("pk")[: count // 10]
    ]
    AchievementList.objects.bulk_create(lists, batch_size=500)
    common = [[word] for word in COMMON]
    items = [
        AchievementItem(
            achievement_list=achievement_list, number=i, title=sentence(rng, COMMON[:20])[:40],
            body=sentence(rng, rng.choice(common)),
        )
        for achievement_list in AchievementList.objects.all()
        for i in range(1, 6)
    ]
    AchievementItem.objects.bulk_create(items, batch_size=500)


def plan(query):
    """The database's plan for the search of ``query``, and whether it reads the whole search
    table (a sequential scan instead of the full-text index)."""
    from django.db import connection

    from search.query import search_bulletins

    sql, params = search_bulletins(query).ranked_sql(0, 20)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
            lines = [row[-1] for row in cursor.fetchall()]
            # "SCAN search_fts VIRTUAL TABLE INDEX 0:M…" is the index answering MATCH; without
            # ":M" (or a SCAN of the document table) every row is read.
            seq_scan = any(
                line.startswith("SCAN search_searchdocument")
                or (line.startswith("SCAN search_fts") and ":M" not in line)
                for line in lines
            )
            return lines, seq_scan
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        lines = [row[0] for row in cursor.fetchall()]
        # The index match runs inside search_newest(), whose plan EXPLAIN does not show:
        # auto_explain (a superuser's LOAD) sends the nested statements' plans as notices.
        nested = []
        try:
            cursor.execute("LOAD 'auto_explain'")
        except Exception as exc:  # noqa: BLE001 - not a superuser: the outer plan only
            lines.append(f"(plans inside search_newest() not shown: {exc})")
        else:
            connection.connection.add_notice_handler(lambda notice: nested.append(notice.message_primary))
            for setting in ("log_min_duration = 0", "log_nested_statements = on", "log_analyze = on",
                            "log_timing = off"):
                cursor.execute(f"SET auto_explain.{setting}")
            cursor.execute("SET client_min_messages = log")
            cursor.execute(sql, params)
            cursor.execute("RESET client_min_messages")
            connection.connection._notice_handlers.clear()
            lines += ["inside search_newest():"] + [
                "  " + line for notice in nested if "search_searchdocument" in notice
                for line in notice.splitlines() if "Scan" in line or "Cond" in line
            ]
        return lines, any("Seq Scan on search_searchdocument" in line for line in lines)


def worker(count, repeat):
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bulletins.models import Bulletin
    from search.index import rebuild_index
    from search.query import search_bulletins

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    generate(count)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    rebuild_index()
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    report = {
        "database": f"{connection.vendor} {'.'.join(map(str, connection.Database.sqlite_version_info)) if connection.vendor == 'sqlite' else connection.pg_version}",
        "bulletins": Bulletin.objects.count(),
        "published": Bulletin.objects.published().count(),
        "generate_seconds": round(generated, 1),
        "index_seconds": round(indexed, 1),
        "queries": [],
    }
    for query in QUERIES:
        timings = []
        for _ in range(repeat):
            started = time.perf_counter()
            results = search_bulletins(query)
            total = results.count()
            results[:20]  # the first page, with its marked passages
            timings.append((time.perf_counter() - started) * 1000)
        timings.sort()
        report["queries"].append({
            "query": query,
            "matches": total,
            "median_ms": round(statistics.median(timings), 1),
            "p95_ms": round(timings[max(0, round(0.95 * len(timings)) - 1)], 1),
        })
    plans = {query: plan(query) for query in QUERIES}
    for row in report["queries"]:
        row["share"] = round(100 * row["matches"] / max(1, report["published"]), 1)
        row["seq_scan"] = plans[row["query"]][1]
    report["plan"] = {query: plans[query][0] for query in PLANS_SHOWN}
    print(json.dumps(report, ensure_ascii=False))


def run(env, count, repeat):
    process = subprocess.run(
        [sys.executable, __file__, "--worker", "--count", str(count), "--repeat", str(repeat)],
        env=env, cwd=ROOT, capture_output=True, text=True,
    )
    if process.returncode:
        sys.exit(f"benchmark worker failed:\n{process.stderr}")
    return json.loads(process.stdout.strip().splitlines()[-1])


def print_report(report):
    print(f"\n== {report['database']}: {report['bulletins']} bulletins, {report['published']} published")
    print(f"   generated in {report['generate_seconds']} s, indexed in {report['index_seconds']} s")
    print(f"   {'query':<14}{'matches':>8}{'share %':>9}{'median ms':>11}{'p95 ms':>9}  plan")
    for row in report["queries"]:
        scan = "SEQUENTIAL SCAN of the search table" if row["seq_scan"] else "full-text index"
        print(
            f"   {row['query']:<14}{row['matches']:>8}{row['share']:>9}{row['median_ms']:>11}"
            f"{row['p95_ms']:>9}  {scan}"
        )
    for query, lines in report["plan"].items():
        print(f"   plan for {query}:")
        for line in lines:
            print(f"     {line}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--skip-sqlite", action="store_true", help="only PostgreSQL (DATABASE_URL)")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.count, args.repeat)
        return

    base = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    base.update(DEBUG="1", LOG_LEVEL="ERROR")
    if not args.skip_sqlite:
        with tempfile.TemporaryDirectory() as data_dir:
            print_report(run({**base, "ECOPORTAL_DATA_DIR": data_dir}, args.count, args.repeat))

    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urlsplit(url)
        scratch = f"ecoportal_search_bench_{os.getpid()}"
        admin_url = urlunsplit(parts._replace(path="/postgres"))
        with psycopg.connect(admin_url, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{scratch}"')
        try:
            env = {**base, "DATABASE_URL": urlunsplit(parts._replace(path=f"/{scratch}"))}
            print_report(run(env, args.count, args.repeat))
        finally:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{scratch}" WITH (FORCE)')


if __name__ == "__main__":
    main()
