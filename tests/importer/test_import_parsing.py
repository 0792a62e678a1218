"""Parsing raw text into a bulletin, on invented documents unlike the five shipped ones.

The samples in ``tests/importer/samples/`` are made up (fictional cities, other numbers,
other noise): a WeChat article, a government portal page with navigation and footer, a
document-converter text with page markers that split words, and a numbered highlights list.
"""

import re
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from importer import document, pipeline
from importer import segment as cleaning
from importer.decode import decode_bytes

SAMPLES = Path(__file__).resolve().parent / "samples"
FURNITURE = (
    "ad1 webp",
    "ad2 webp",
    "展开全部",
    "点击上方蓝字",
    "分享",
    "收藏",
    "在看",
    "门户网站",
    "首页 >",
    "发布时间",
    "浏览次数",
    "字号",
    "打印本页",
    "关闭窗口",
    "上一篇",
    "下一篇",
    "主办单位",
    "版权所有",
    "ICP备",
    "联系电话",
    "由会员分享",
    "第 2 页",
)


def parse_sample(name):
    path = SAMPLES / name
    return document.parse(decode_bytes(path.read_bytes(), filename=name).text, filename=name)


def flat(text):
    """Text without Markdown heading marks and whitespace, for containment checks."""
    return re.sub(r"\s+", "", re.sub(r"(?m)^#{1,6}\s+", "", text))


def article_sentences(name, furniture_lines):
    """The sentences (and headings) of a sample's article: its raw lines minus furniture."""
    lines = [line.strip() for line in (SAMPLES / name).read_text(encoding="utf-8").splitlines()]
    kept = [line for line in lines if line and line not in furniture_lines]
    return [s for line in kept for s in re.findall(r"[^。！？]+[。！？]?", line)]


def values(figure_list):
    return [(f.value_text, f.unit) for f in figure_list]


# --- WeChat article -------------------------------------------------------------------------


def test_wechat_article_title_account_and_date():
    parsed = parse_sample("wechat_jiangyu.txt")
    assert parsed.title == "江屿市2023年生态环境质量持续向好"
    assert parsed.title_found
    assert parsed.source_name == "江屿生态环境"
    assert parsed.issued_on == date(2024, 1, 15)
    assert parsed.issued_at_text == "2024-01-15 08:30"


@pytest.mark.parametrize(
    "dateline, issued_at_text",
    [
        ("2026年11月3日  来源：青岚县生态环境局", "2026年11月3日"),
        ("2025-04-09 16:20 信息来源：青岚县生态环境局", "2025-04-09 16:20"),
    ],
)
def test_a_date_ahead_of_a_labelled_source_is_the_date_of_issue(dateline, issued_at_text):
    # The date stands unlabelled at the head of the line, the source's label after it.
    text = (
        "青岚县秋季水质简报\n"
        f"{dateline}\n"
        "今年三季度，全县地表水监测断面水质优良比例为95.0%，较上年同期持平。\n"
    )
    parsed = document.parse(text, filename="qinglan.txt")
    assert parsed.issued_at_text == issued_at_text
    assert parsed.issued_on == date(*map(int, re.findall(r"\d+", issued_at_text)[:3]))
    assert parsed.source_name == "青岚县生态环境局"
    assert "来源" not in parsed.body


def test_wechat_article_loses_its_share_and_ad_residue_and_keeps_every_sentence():
    parsed = parse_sample("wechat_jiangyu.txt")
    for word in FURNITURE:
        assert word not in parsed.body, word
    body = flat(parsed.body)
    furniture = {
        "江屿市2023年生态环境质量持续向好",
        "原创 江屿生态环境 江屿生态环境 2024-01-15 08:30 发表于江屿",
        "点击上方蓝字 关注我们",
        "ad1 webp",
        "ad2 webp",
        "展开全部",
        "分享",
        "收藏",
        "在看",
    }
    sentences = article_sentences("wechat_jiangyu.txt", furniture)
    assert len(sentences) == 8
    for sentence in sentences:
        assert flat(sentence) in body, sentence


def test_wechat_numbered_sections_with_figures_become_an_achievement_list():
    parsed = parse_sample("wechat_jiangyu.txt")
    assert [(i.number, i.title) for i in parsed.items] == [
        (1, "蓝天保卫战成效明显"),
        (2, "碧水保卫战稳步推进"),
        (3, "执法监管保持高压"),
    ]
    assert "## 二、碧水保卫战稳步推进" in parsed.body
    assert (
        parsed.items[2].body
        == "全年立案查处环境违法案件218件，罚款金额1265.8万元，办结群众信访投诉约1500件。"
    )


def test_wechat_article_period_is_the_year_its_figures_name():
    parsed = parse_sample("wechat_jiangyu.txt")
    assert (parsed.period_start, parsed.period_end) == (date(2023, 1, 1), date(2023, 12, 31))


# --- Government portal page -----------------------------------------------------------------


def test_portal_page_site_name_and_breadcrumb_are_not_the_title():
    parsed = parse_sample("portal_beilan.txt")
    assert parsed.title == "北岚市召开2023年度生态环境保护工作推进会"
    reasons = {r.text: r.reason for r in parsed.removed}
    assert reasons["北岚市人民政府门户网站"] == "site header"
    assert reasons["首页 > 政务公开 > 部门动态 > 正文"] == "navigation"


def test_portal_page_metadata_line_with_several_fields():
    parsed = parse_sample("portal_beilan.txt")
    assert parsed.source_name == "北岚市生态环境局"
    assert parsed.author_name == "王明"
    assert parsed.issued_on == date(2023, 12, 20)
    assert parsed.issued_at_text == "2023-12-20"


def test_portal_page_footer_toolbar_and_signature_are_removed():
    parsed = parse_sample("portal_beilan.txt")
    for word in FURNITURE:
        assert word not in parsed.body, word
    assert parsed.body.endswith("确保全面完成各项工作。")
    assert parsed.byline == "北岚市生态环境局"


def test_portal_page_wrapped_caption_is_joined_without_changing_a_character():
    parsed = parse_sample("portal_beilan.txt")
    assert "北岚河综合治理工程完工后，河道两岸成为市民休闲的好去处。" in parsed.paragraphs


def test_portal_page_keeps_every_sentence():
    parsed = parse_sample("portal_beilan.txt")
    body = flat(parsed.body)
    expected = [
        "12月19日，北岚市召开2023年度生态环境保护工作推进会。",
        "会议通报了今年以来全市生态环境保护工作情况。",
        "今年1—11月，全市空气质量优良天数为298天，优良天数比例为89.2%。",
        "全市共办理环境行政处罚案件87件，处罚金额532.6万元，同比增长12.5%。",
        "会议要求，各地要对照年度目标任务，查漏补缺，确保全面完成各项工作。",
    ]
    for sentence in expected:
        assert flat(sentence) in body


# --- Document converter with page markers ---------------------------------------------------


def test_converter_title_comes_from_the_shared_document_name():
    parsed = parse_sample("converter_yunze.txt")
    assert parsed.title == "云泽市2022年生态环境工作总结"
    assert parsed.body.startswith("2022年,云泽市坚持以改善生态环境质量为核心")


def test_converter_page_markers_are_removed_and_split_words_joined():
    parsed = parse_sample("converter_yunze.txt")
    assert "生态文明建设示范区创建通过省级验收" in parsed.body
    assert "完成18个行政村生活污水治理" in parsed.body
    assert not re.search(r"[^\d]\d、", parsed.body)
    assert "由会员分享" not in parsed.body


def test_converter_text_without_paragraph_breaks_is_split_at_its_sections():
    parsed = parse_sample("converter_yunze.txt")
    assert [p[:2] for p in parsed.paragraphs[1:]] == ["一、", "二、", "三、"]


def test_converter_numbered_sections_run_into_their_text_are_not_an_achievement_list():
    assert parse_sample("converter_yunze.txt").items == []


# --- Highlights list ------------------------------------------------------------------------


def test_highlights_list_with_numbered_heading_lines():
    parsed = parse_sample("highlights_lanxi.txt")
    assert parsed.title == "澜溪市2024年生态环境保护十大亮点"
    assert parsed.source_name == "澜溪市生态环境局"
    assert parsed.issued_on == date(2025, 1, 8)
    assert [i.title for i in parsed.items] == [
        "空气质量创历史最好水平",
        "水环境质量稳中向好",
        "生态修复扎实推进",
        "执法监管力度加大",
        "服务企业发展",
    ]
    assert parsed.items[2].body == "完成矿山生态修复214.5公顷，新增造林面积1.2万亩。"
    assert "第 2 页" not in parsed.body


# --- Focused cases --------------------------------------------------------------------------


def test_no_title_gives_a_marked_placeholder_and_a_warning():
    text = "1\n\n空气质量持续改善\n\n全年优良天数300天。\n\n2\n\n水质稳中向好\n\n断面达标率100%。\n\n3\n\n执法力度加大\n\n立案52件。\n"
    parsed = document.parse(text, filename="clip.txt")
    assert not parsed.title_found
    assert parsed.title == f"{document.PLACEHOLDER_PREFIX}clip.txt"
    assert any("没有标题" in w for w in parsed.warnings)
    assert [i.number for i in parsed.items] == [1, 2, 3]
    assert parsed.body.startswith("## 1 空气质量持续改善")


def test_pasted_text_without_title_gets_a_placeholder_from_its_first_words():
    parsed = document.parse("全市空气质量优良天数比例为91.5%，同比上升2.3个百分点。", filename="")
    assert parsed.title.startswith(document.PLACEHOLDER_PREFIX + "全市空气质量")


def test_a_numbered_list_of_tasks_without_figures_is_not_an_achievement_list():
    text = (
        "做好今年重点工作\n"
        "第一，坚持精准治污。推动大气污染防治。\n"
        "第二，坚持科学治污。推动水污染防治。\n"
        "第三，坚持依法治污。严厉打击违法行为。\n"
    )
    parsed = document.parse(text, filename="tasks.txt")
    assert parsed.items == []
    assert any("未作为成果清单" in w for w in parsed.warnings)


def test_ordinal_items_with_figures_become_an_achievement_list():
    text = (
        "某市环保工作回顾\n"
        "第一，空气质量改善。优良天数达到320天。\n"
        "第二，水质持续向好。国考断面优良比例为85%。\n"
        "第三，执法力度加大。立案查处案件64件。\n"
    )
    parsed = document.parse(text, filename="review.txt")
    assert [(i.number, i.title, i.body) for i in parsed.items] == [
        (1, "空气质量改善", "优良天数达到320天。"),
        (2, "水质持续向好", "国考断面优良比例为85%。"),
        (3, "执法力度加大", "立案查处案件64件。"),
    ]


def test_a_numbered_list_of_sentences_is_not_mistaken_for_converter_pages():
    paragraphs = ["1、全年优良天数300天。", "2、断面达标率100%。", "3、立案52件。"]
    assert not cleaning.has_page_markers(paragraphs)


def test_page_number_lines_inside_a_sentence_are_joined():
    text = "某市报告\n全市完成污水管网改造\n- 2 -\n45公里，新建污水处理厂2座。\n"
    parsed = document.parse(text, filename="pages.txt")
    assert parsed.paragraphs == ["全市完成污水管网改造45公里，新建污水处理厂2座。"]


def test_markdown_openings_in_the_text_are_escaped_not_rewritten():
    assert cleaning.escape_markdown("1. 全年优良天数300天。") == "1\\. 全年优良天数300天。"
    assert cleaning.escape_markdown("- 来源不明的一行") == "\\- 来源不明的一行"
    assert cleaning.escape_markdown("全年优良天数300天。") == "全年优良天数300天。"


def test_headline_repeated_after_the_article_by_a_reprint_site_is_removed():
    text = (
        "某市召开生态环境保护大会\n大会部署了今年的工作。会议要求全面完成任务。\n"
        "某网:某市召开生态环境保护大会\n某网:某市召开生态环境保护大会\n版权声明:本网转载\n"
    )
    parsed = document.parse(text, filename="reprint.txt")
    assert parsed.body == "大会部署了今年的工作。会议要求全面完成任务。"


def test_a_footer_marker_in_the_middle_of_a_long_article_drops_only_that_line():
    long_paragraph = "全市生态环境质量持续改善。" * 200
    text = f"某市报告\n{long_paragraph}\n免责声明：转载\n{long_paragraph}\n"
    parsed = document.parse(text, filename="odd.txt")
    assert parsed.body.count(long_paragraph) == 2


def test_redacted_city_name_is_kept_as_the_text_calls_it():
    text = "工作汇报\n□市今年生态环境持续改善。□市新建公园3个。□市完成造林1万亩。"
    assert document.parse(text, filename="x.txt").region_label == "□市"


def test_export_market_is_not_a_redacted_city():
    text = "外贸报告\n出口市场稳定。出口市场扩大。出口市场多元。"
    assert document.parse(text, filename="x.txt").region_label == ""


# --- Figures --------------------------------------------------------------------------------


def find(text):
    """The figures ``pipeline.read`` finds in a text (derived ones aside)."""
    return [f for f in pipeline.read(text).figures if not f.derived]


def test_figures_with_their_units_longest_unit_first():
    found = find(
        "全市优良天数比例为93.1%，优于全国7.4个百分点，PM2.5浓度为25微克/立方米，罚款547.59万元，观看量1374.7万人次，污水处理能力201.8万吨/日。"
    )
    assert values(found) == [
        ("93.1", "%"),
        ("7.4", "个百分点"),
        ("25", "微克/立方米"),
        ("547.59", "万元"),
        ("1374.7", "万人次"),
        ("201.8", "万吨/日"),
    ]
    assert found[0].value == Decimal("93.1")


def test_ordinals_identifiers_dates_and_counts_that_only_introduce_are_not_figures():
    assert (
        find("在13个地市中排名第3位，考核排名第1名，参加COP29边会，PM2.5控制，2024年1月28日召开。")
        == []
    )


def test_ranges_thresholds_and_targets_are_not_levels():
    assert find("每年入湖水量达到3000万至5000万立方米。") == []
    assert values(
        find("淘汰20蒸吨/小时以下燃煤锅炉8089台，16台20万千瓦以上燃煤火电机组实现超低排放。")
    ) == [("8089", "台"), ("16", "台")]
    found = find("新建污水管网36.5公里。到2025年，优良比例力争达到90%以上。")
    assert [(f.value_text, f.kind) for f in found] == [("36.5", "level"), ("90", "target")]
    # Not the document's period either: a target's year says what is planned, not reported.
    assert (found[0].period_start, found[0].period_end) == (None, None)


def test_approximate_figures_keep_the_number_and_say_they_are_approximate():
    found = find("研究推动阶段性工作50余次，累计观看量约1374.7万人次。")
    assert values(found) == [("50", "次"), ("1374.7", "万人次")]
    assert [f.approximate for f in found] == [True, True]
    assert found[0].approximate_text == "50余次"
    assert found[1].approximate_text == "约1374.7万人次"


def test_unit_spellings_are_read_in_their_folded_form():
    assert values(find("检查企业167家（次），优良率为90％。")) == [("167", "家(次)"), ("90", "%")]


def test_a_unit_that_starts_another_word_is_not_a_unit():
    assert find("依法作出5处罚决定，开展3项目评审。") == []


def test_figure_period_comes_from_its_sentence_in_the_documents_year():
    found = find(
        "2021年，全市共办理行政处罚案件644件。截至12月28日，全市优良天数327天。1—11月全市达标率为97.9%。"
    )
    assert [(f.period_label, f.period_start, f.period_end) for f in found] == [
        ("2021年", date(2021, 1, 1), date(2021, 12, 31)),
        ("截至12月28日", date(2021, 1, 1), date(2021, 12, 28)),
        ("1—11月", date(2021, 1, 1), date(2021, 11, 30)),
    ]


def test_dated_period_expressions():
    found = find(
        "2023年1—6月，全市优良天数160天。截至2022年9月30日，累计完成整改45项。截止2020年底，消除黑臭水体75处。"
    )
    assert [(f.period_start, f.period_end) for f in found] == [
        (date(2023, 1, 1), date(2023, 6, 30)),
        (date(2022, 1, 1), date(2022, 9, 30)),
        (date(2020, 1, 1), date(2020, 12, 31)),
    ]


def test_a_year_that_is_the_subject_of_the_sentence_is_not_its_period():
    found = find("会议指出，2024年是关键一年，全市新增公园5个。")
    assert found[0].period_label == ""
    assert (found[0].period_start, found[0].period_end) == (None, None)


def test_the_quote_is_the_whole_sentence_verbatim_without_its_full_stop():
    found = find("累计印发提示函54个、督办函8个。")
    assert {f.quote for f in found} == {"累计印发提示函54个、督办函8个"}
    assert all(f.value_text in f.quote for f in found)


@pytest.mark.parametrize("text", ["", "没有数字的句子。", "2024年"])
def test_text_without_figures(text):
    assert find(text) == []


def test_a_long_sentence_is_quoted_in_part_around_the_figure_word_for_word():
    sentence = (
        "全市深入推进污染防治攻坚战，持续改善生态环境质量，统筹推进山水林田湖草沙一体化保护和系统治理，"
        "优良天数215天，同比增加16天；全市7个国控断面中5个断面水质达到考核要求，"
        "县级以上城市集中式饮用水水源地水质优良比例达100%，坚决守护良好生态环境这个最普惠的民生福祉，"
        "推动生态环境质量持续改善，加快构建现代环境治理体系，为建设人与自然和谐共生的现代化提供有力支撑"
    )
    found = {f.value_text + f.unit: f for f in find(sentence + "。")}
    # The semicolon part when it is short enough, else the figure's clause and its neighbours.
    assert found["215天"].quote == sentence.split("；")[0]
    assert found["100%"].quote == (
        "全市7个国控断面中5个断面水质达到考核要求，县级以上城市集中式饮用水水源地水质优良比例达100%，"
        "坚决守护良好生态环境这个最普惠的民生福祉"
    )
    for figure in found.values():
        assert figure.quote in sentence
        assert figure.value_text in figure.quote


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "wechat_jiangyu.txt",
            [
                ("91.5", "%"),
                ("2.3", "个百分点"),
                ("28", "微克/立方米"),
                ("126", "台"),
                ("45", "家"),
                ("83.3", "%"),
                ("36.5", "公里"),
                ("218", "件"),
                ("1265.8", "万元"),
                ("1500", "件"),
            ],
        ),
        (
            "portal_beilan.txt",
            [("298", "天"), ("89.2", "%"), ("87", "件"), ("532.6", "万元"), ("12.5", "%")],
        ),
        (
            "converter_yunze.txt",
            [
                ("312", "天"),
                ("9", "天"),
                ("31", "微克/立方米"),
                ("58", "台"),
                ("5", "个"),
                ("100", "%"),
                ("3", "座"),
                ("4.5", "万吨/日"),
                ("18", "个"),
                ("95", "%"),
            ],
        ),
        (
            "highlights_lanxi.txt",
            [
                ("94.8", "%"),
                ("22", "微克/立方米"),
                ("8", "个"),
                ("100", "%"),
                ("214.5", "公顷"),
                ("1.2", "万亩"),
                ("96", "件"),
                ("803.4", "万元"),
                ("52", "家"),
                ("3850", "万元"),
            ],
        ),
    ],
)
def test_every_figure_of_the_invented_bulletins_and_nothing_else(name, expected):
    """Thresholds (10蒸吨/小时以下), counts that introduce a ratio (全市12个国考断面…比例) and
    page furniture give no figures; targets (到2025年…) are kept apart as targets."""
    parsed = parse_sample(name)
    found = find(parsed.body)
    assert values(f for f in found if f.kind != "target") == expected
    assert values(f for f in found if f.kind == "target") == TARGETS.get(name, [])


TARGETS = {
    "wechat_jiangyu.txt": [("90", "%")],
    "converter_yunze.txt": [("28", "微克/立方米"), ("90", "%")],
}


def test_neither_bulletins_nor_indicators_import_the_importer():
    """The importer sits above both apps: it creates their rows, they never call it."""
    root = Path(cleaning.__file__).parent.parent
    for app in ("bulletins", "indicators"):
        for path in (root / app).rglob("*.py"):
            source = path.read_text(encoding="utf-8")
            assert not re.search(r"^\s*(?:from|import)\s+importer\b", source, re.M), path
