"""read() on the dates a page shows after its article (related articles, previous and next
links): theirs, never the page's; and on an English header line of an outlet beside the date.
Invented pages (evaluation/page_forms.py has them in every form).
"""

from datetime import date

import pytest

from importer import pipeline

HEAD = "己川县一季度地表水水质持续改善\n来源：己川县生态环境局\n"
BODY = (
    "今年一季度，己川县4个地表水考核断面水质优良比例为75%，较去年同期提高25个百分点。\n"
    "县城两处饮用水源的水质全部达标，达标率为100%。\n"
)


@pytest.mark.parametrize(
    "related",
    [
        "相关链接\n· 己川县召开河长制工作会议 [2021-03-02]\n· 全县秸秆禁烧工作部署 2020-11-18",
        "热点推荐\n2021年3月2日 己川县召开河长制工作会议\n全县秸秆禁烧工作部署（2020年11月18日）",
    ],
)
def test_a_page_stating_no_date_takes_none_from_its_related_articles(related):
    document = pipeline.read(f"{HEAD}{BODY}{related}\n")
    assert document.date is None
    assert document.publisher == "己川县生态环境局"


def test_the_date_over_the_article_stays_the_page_s_date():
    document = pipeline.read(f"{HEAD}2024-04-19 10:21\n{BODY}相关链接\n· 己川县召开河长制工作会议 [2021-03-02]\n")
    assert document.date == date(2024, 4, 19)


def test_a_paper_s_edition_credit_after_the_article_dates_it():
    document = pipeline.read(f"{HEAD}{BODY}《 己川日报 》( 2024年04月19日 03 版)\n")
    assert document.date == date(2024, 4, 19)


ENGLISH = (
    "Jichuan sees cleaner rivers in first quarter\n{line}\n"
    "Three of the county's four monitored river sections met the good-water standard in the "
    "first quarter, up 25 percentage points from a year earlier.\n"
    "Related stories\nCounty opens new monitoring station  2021-03-02\n"
)


@pytest.mark.parametrize(
    "line", ["Jichuan Daily  April 19, 2024", "April 19, 2024 | Jichuan Daily"]
)
def test_an_outlet_beside_the_date_on_an_english_header_line(line):
    document = pipeline.read(ENGLISH.format(line=line))
    assert (document.date, document.publisher) == (date(2024, 4, 19), "Jichuan Daily")


def test_a_weekday_beside_the_date_is_no_outlet():
    document = pipeline.read(ENGLISH.format(line="Friday  April 19, 2024"))
    assert document.date == date(2024, 4, 19)
    assert document.publisher != "Friday"
