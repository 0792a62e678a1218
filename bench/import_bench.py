#!/usr/bin/env python
"""Benchmark of the bulletin importer: 1,000 synthetic raw texts into a scratch SQLite database.

    .venv/bin/python bench/import_bench.py [--count 1000] [--seed 7]

The database is a fresh SQLite file in a temporary directory (``DATABASE_URL`` is ignored), set
up with the migrations and the shipped reference data (regions, publishers, the indicator
catalogue); the fixture bulletins are removed so every text is new. The texts are generated
from four shapes — WeChat article, portal page with navigation and footer, document-converter
text with page markers, numbered highlights — with random cities, numbers and noise, so that
cleaning, metadata, achievement lists and figure matching all run. Only the imports are timed
(parse, validate, one transaction per text with its candidates); set-up is not.

Not a test: it prints the elapsed time, the rate and the CPU time, for the record. Saving a
bulletin also updates the search index (``search`` app, by signal); that cost is included.
"""

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CITIES = ["江屿", "北岚", "云泽", "澜溪", "青川", "临渚", "石桥", "东衡", "伊春", "黑河", "长春"]
SECTIONS = [
    (
        "蓝天保卫战成效明显",
        "全年淘汰燃煤锅炉{a}台，完成{b}家企业挥发性有机物综合治理，优良天数比例为{p}%。",
    ),
    (
        "碧水保卫战稳步推进",
        "{c}个国考断面水质优良比例达到{q}%，新建污水管网{d}公里，新建污水处理厂{e}座。",
    ),
    ("净土保卫战扎实开展", "受污染耕地安全利用率达到{r}%，完成{f}个行政村生活污水治理。"),
    ("执法监管保持高压", "全年立案查处环境违法案件{g}件，罚款金额{m}万元，办结信访案件{h}件。"),
    ("生态修复持续推进", "完成矿山生态修复{k}公顷，营造林地{n}公顷，划定生态保护红线{s}平方公里。"),
    ("服务发展更加有力", "帮扶指导排污许可证申领单位{i}家，争取中央生态环境资金{j}万元。"),
]


def numbers(rng):
    return {
        "a": rng.randint(10, 900),
        "b": rng.randint(5, 400),
        "c": rng.randint(3, 30),
        "d": f"{rng.uniform(5, 900):.1f}",
        "e": rng.randint(1, 12),
        "f": rng.randint(10, 500),
        "g": rng.randint(20, 900),
        "h": rng.randint(50, 3000),
        "i": rng.randint(10, 200),
        "j": rng.randint(500, 90000),
        "k": f"{rng.uniform(10, 900):.1f}",
        "m": f"{rng.uniform(50, 3000):.2f}",
        "n": rng.randint(100, 9000),
        "p": f"{rng.uniform(75, 99):.1f}",
        "q": f"{rng.uniform(60, 100):.1f}",
        "r": rng.choice(["95", "98", "100"]),
        "s": f"{rng.uniform(100, 2000):.2f}",
    }


def synthetic(index, rng):
    """One raw text; the index makes every text distinct (no duplicates in the run)."""
    city = rng.choice(CITIES) + "市"
    year = rng.randint(2019, 2024)
    values = numbers(rng)
    sections = rng.sample(SECTIONS, k=rng.randint(3, 6))
    title = f"{city}{year}年生态环境保护工作综述（第{index}期）"
    paragraphs = [
        f"{year}年，{city}全市环境空气质量优良天数{rng.randint(250, 360)}天，PM2.5浓度为{rng.randint(15, 45)}微克/立方米。"
    ]
    shape = index % 4
    if shape == 0:  # WeChat article
        lines = [
            title,
            f"原创 {city}生态环境 {city}生态环境 {year + 1}-01-{rng.randint(10, 28)} 08:30 发表于{city}",
            "点击上方蓝字 关注我们",
            "ad1 webp",
        ]
        lines += paragraphs
        for number, (heading, text) in enumerate(sections, start=1):
            lines += ["", f"{'一二三四五六'[number - 1]}、{heading}", "", text.format(**values)]
        lines += ["", "ad2 webp", "展开全部", "分享", "在看"]
    elif shape == 1:  # portal page
        lines = [
            f"{city}人民政府门户网站",
            "首页 > 政务公开 > 部门动态 > 正文",
            title,
            f"发布时间：{year + 1}-01-{rng.randint(10, 28)} 来源：{city}生态环境局 作者：记者 浏览次数：{rng.randint(100, 9999)}",
            "",
        ]
        lines += ["　　" + p for p in paragraphs]
        lines += ["　　" + text.format(**values) for _heading, text in sections]
        lines += [
            "",
            "【打印本页】【关闭窗口】",
            "上一篇：某某新闻",
            f"版权所有：{city}人民政府 ICP备{rng.randint(10000, 99999)}号",
            "联系电话：0123-4567890",
        ]
    elif shape == 2:  # converter with page markers
        run = (
            title
            + "".join(paragraphs)
            + "".join(
                f"{'一二三四五六'[n]}、{h}" + t.format(**values)
                for n, (h, t) in enumerate(sections)
            )
        )
        cuts = sorted(rng.sample(range(20, len(run) - 5), k=3))
        pages = [run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True)]
        lines = [
            f"《{title}.docx》由会员分享,可在线阅读,更多相关《{title}.docx(4页珍藏版)》请在某某文库网上搜索。"
        ]
        lines += [f"{n}、{page}" for n, page in enumerate(pages, start=1)]
    else:  # numbered highlights
        lines = [
            f"{city}{year}年生态环境保护亮点",
            f"来源：{city}生态环境局",
            f"{year + 1}-01-{rng.randint(10, 28)}",
            "",
        ]
        lines += paragraphs
        for number, (heading, text) in enumerate(sections, start=1):
            lines += ["", str(number), "", heading, "", text.format(**values)]
        lines += ["", f"（第{index}期）"]
    return "\n".join(lines) + "\n"


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--without-search-index",
        action="store_true",
        help="Disconnect the search app's save signals in this process, to time the importer alone.",
    )
    args = parser.parse_args(argv)

    scratch = tempfile.mkdtemp(prefix="ecoportal-import-bench-")
    os.environ.pop("DATABASE_URL", None)
    os.environ["ECOPORTAL_DATA_DIR"] = scratch
    os.environ.setdefault("DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from bulletins.models import Bulletin
    from importer.service import ImportSession, import_bulletin_text
    from indicators.models import Observation

    assert connection.vendor == "sqlite" and str(connection.settings_dict["NAME"]).startswith(
        scratch
    )
    print(f"scratch database: {connection.settings_dict['NAME']}")
    call_command("migrate", verbosity=0)
    call_command("loaddata", "portal", verbosity=0)
    Bulletin.objects.all().delete()

    if args.without_search_index:
        from django.db.models.signals import post_save

        for sender, uid in (
            ("bulletins.Bulletin", "bulletin"),
            ("bulletins.AchievementList", "list"),
            ("bulletins.AchievementItem", "item"),
        ):
            post_save.disconnect(
                sender=django.apps.apps.get_model(sender), dispatch_uid=f"search.index.{uid}"
            )
        print("search index signals disconnected")

    rng = random.Random(args.seed)
    texts = [synthetic(index, rng) for index in range(1, args.count + 1)]
    size = sum(len(text.encode("utf-8")) for text in texts)

    session = ImportSession()
    outcomes = {}
    started, cpu = time.perf_counter(), time.process_time()
    for index, text in enumerate(texts, start=1):
        result = import_bulletin_text(text, filename=f"synthetic-{index:04d}.txt", session=session)
        outcomes[result.outcome] = outcomes.get(result.outcome, 0) + 1
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu

    print(f"texts: {len(texts)} ({size / 1024:.0f} KB)  outcomes: {outcomes}")
    print(
        f"bulletins: {Bulletin.objects.count()}  candidate observations: {Observation.objects.count()}"
    )
    print(
        f"elapsed: {elapsed:.2f} s  rate: {len(texts) / elapsed:.0f} bulletins/s  ({elapsed / len(texts) * 1000:.1f} ms each)"
    )
    # On a busy machine wall time includes waiting for a CPU; CPU time is the work itself.
    print(
        f"CPU time: {cpu:.2f} s  ({cpu / len(texts) * 1000:.1f} ms each)  load average: {os.getloadavg()[0]:.1f}"
    )
    _time_reading(texts)
    return 0 if outcomes.get("created") == len(texts) else 1


def _time_reading(texts):
    """The pure pipeline alone (importer.pipeline.read): the same texts, then one of ~2 MB."""
    from importer import pipeline

    pipeline.read(texts[0])  # the catalogue and the gazetteer are loaded once, not timed
    started, cpu = time.perf_counter(), time.process_time()
    figures = sum(len(pipeline.read(text).figures) for text in texts)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    print(
        f"read(): {len(texts)} texts, {figures} figures in {elapsed:.2f} s "
        f"(CPU {cpu:.2f} s, {cpu / len(texts) * 1000:.1f} ms each)"
    )
    # A bulletin near the 2 MiB import limit: the texts run together as one document.
    big, size = [], 0
    for text in texts * 20:
        big.append(text)
        size += len(text.encode("utf-8")) + 1
        if size > 2_000_000:
            break
    document = "\n".join(big)
    started, cpu = time.perf_counter(), time.process_time()
    found = pipeline.read(document).figures
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    per = cpu / (size / 100_000)
    print(
        f"read() of one {size / 1_000_000:.1f} MB bulletin: {len(found)} figures in {elapsed:.2f} s "
        f"(CPU {cpu:.2f} s, {per:.3f} s per 100 KB)"
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
