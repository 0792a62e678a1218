"""read() on the title of pages whose header puts furniture above the headline: a shop's menu
and contacts, a portal's column, an English site's sections. Invented texts, in their style.
"""

from datetime import date

from importer import pipeline

# The headline is the line right over the page's date or source line, however much of the
# site's furniture (a product, its menu, the company's contacts, a breadcrumb) stands above it;
# a reporter's bare name may stand between them.


def test_a_shop_pages_menu_and_contacts_above_the_headline_are_no_title():
    document = pipeline.read(
        "不锈钢过滤器\n\n产品中心\n\n关于本厂\n\n甲河机械制造有限公司\n\n"
        "地址:甲河市东城区工业路12号\n\n电话:0311-5550123\n\n"
        "5月全国生态环境信访办理情况 共受理..\n\n"
        "当前位置:主页 > 资讯中心 > 企业新闻\n\n"
        "5月全国生态环境信访办理情况 共受理31207件\n\n"
        "发布日期:2021-06-10 作者:甲河机械制造有限公司\n\n"
        "5月,全国生态环境信访共受理31207件,同比下降4.2%。\n"
    )
    assert document.title == "5月全国生态环境信访办理情况 共受理31207件"
    assert document.date == date(2021, 6, 10)


def test_a_portals_column_over_the_headline_and_a_reporters_name_under_it():
    document = pipeline.read(
        "乙城网\n乙城网>>环保\n\n"
        "上半年乙城空气优良天数增加12天\n\n"
        "魏小川\n"
        "2020年07月15日08:40 | 来源:乙城网-乙城日报\n\n"
        "  今年上半年,乙城市空气质量优良天数为160天,同比增加12天。\n"
    )
    assert document.title == "上半年乙城空气优良天数增加12天"
    assert document.date == date(2020, 7, 15)


def test_an_english_sites_sections_above_the_headline_and_its_dated_byline():
    document = pipeline.read(
        "WORLD BUSINESS SPORTS CULTURE 中文\n"
        "    China / Environment\n\n"
        "    Rivers in the north run cleaner this spring\n\n"
        "    By ZHANG XIAOMING (chinadaily.com.cn) Updated: 2019-05-07 10:21\n\n"
        "    The share of good-quality river sections in the north rose to 71.2 percent in the "
        "first quarter, the ministry said.\n"
    )
    assert document.title == "Rivers in the north run cleaner this spring"
    assert document.date == date(2019, 5, 7)


def test_a_headline_over_a_reporters_name_and_the_date_line_stays_the_title():
    document = pipeline.read(
        "丙县去年空气质量创新高\n\n"
        "记者 罗小平\n\n"
        "2022-01-20 09:30 来源:丙县融媒体中心\n\n"
        "2021年,丙县空气质量优良天数比例为96.4%,同比上升1.9个百分点。\n"
    )
    assert document.title == "丙县去年空气质量创新高"
    assert document.date == date(2022, 1, 20)
