"""Periods and qualifiers of figures in English.

A figure's period label and qualifier are the source's words (“1—11月”, “扣除沙尘异常超标天数后”).
English readers get them in English: periods from their dates or from the common shapes of
their labels, qualifiers from the glossary below, which editors extend as new ones appear.
What neither covers is shown in the original, marked as Chinese (``Text.lang``), never guessed.
"""

import calendar

from ecoportal.localized import Text

from .period_labels import MONTH_RANGE, UP_TO_DAY, UP_TO_YEAR_END, WHOLE_YEAR

MONTHS = [calendar.month_name[number] for number in range(13)]  # English whatever the locale

# Period labels that say more than their dates (a plan period, "so far this year").
PERIOD_PHRASES = {
    "“十三五”期间": "the 13th Five-Year Plan period (2016–2020)",
    "十三五期间": "the 13th Five-Year Plan period (2016–2020)",
    "“十四五”期间": "the 14th Five-Year Plan period (2021–2025)",
    "今年以来": "so far this year",
    "截至目前": "to date",
    "目前": "at present",
    "自2022年伊春市入选生态环境部“十四五”时期“无废城市”建设名单以来": "since Yichun joined the national list of zero-waste cities in 2022",
}


def _day(day):
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def period_from_label(label, end=None):
    """The English of a period label's usual shapes, with the year from ``end`` when the
    label leaves it implicit; None when the label has another shape."""
    if label in PERIOD_PHRASES:
        return PERIOD_PHRASES[label]
    year = end.year if end else None
    if match := WHOLE_YEAR.fullmatch(label):
        return match["year"]
    if match := UP_TO_YEAR_END.fullmatch(label):
        return f"to the end of {match['year']}"
    if match := MONTH_RANGE.fullmatch(label):
        first, last = int(match["first"]), int(match["last"])
        if 1 <= first <= last <= 12:
            when = match["year"] or year
            months = f"{MONTHS[first]}–{MONTHS[last]}"
            return f"{months} {when}" if when else months
    if match := UP_TO_DAY.fullmatch(label):
        month, day = int(match["month"]), match["day"]
        when = match["year"] or year
        if 1 <= month <= 12:
            date_text = f"{int(day)} {MONTHS[month]}" if day else MONTHS[month]
            return f"to {date_text} {when}" if when else f"to {date_text}"
    return None


def period_from_dates(start, end, *, whole_year, as_of):
    """The English of a dated period: 2023, January–November 2023, to 28 December 2021."""
    if end is None:
        return None
    if as_of or start is None:
        return f"to {_day(end)}"
    if whole_year:
        return str(end.year)
    if start.year == end.year and start.day == 1 and end.day == calendar.monthrange(end.year, end.month)[1]:
        if start.month == end.month:
            return f"{MONTHS[end.month]} {end.year}"
        return f"{MONTHS[start.month]}–{MONTHS[end.month]} {end.year}"
    if start.month == 1 and start.day == 1 and end.month == 12 and end.day == 31:
        return f"{start.year}–{end.year}"
    return f"{_day(start)} – {_day(end)}"


# Qualifiers of the shipped bulletins. Keys are the source's words exactly.
QUALIFIERS = {
    "20万千瓦以上燃煤火电机组，全部实现超低排放": "coal-fired units of 200 MW and above, all at ultra-low emissions",
    "“人才谷”": "the “talent valley”",
    "“十四五”新增的6个劣五类断面中": "of the 6 sections that fell below class V during the 14th Five-Year Plan",
    "“千吨万人”水源地": "water sources serving 1,000 tonnes or 10,000 people a day",
    "“四个体系”数字化管理平台年度考核中承接的工作任务，全部完成": "tasks taken on in the annual assessment of the “four systems” digital platform, all completed",
    "“平台群”": "the “platform cluster”",
    "“政策包”": "the “policy package”",
    "“资金池”": "the “funding pool”",
    "《中国环境报》报道伊春生态环境保护信息": "reports on Yichun's environmental protection in China Environment News",
    "《关于构建现代环境治理体系实施意见》": "the Implementing Opinions on Building a Modern Environmental Governance System",
    "专题研讨": "themed seminars",
    "两批次省级复核评审筛选出": "selected in two rounds of provincial review",
    "中国环境APP报道": "reports in the China Environment app",
    "中央环保督察问题整改债券(生态环境领域)项目": "bond-funded projects rectifying central inspection findings (environment)",
    "中央生态环境保护督察反馈问题整改年度任务，全部完成": "annual tasks rectifying central inspection findings, all completed",
    "中央生态环境保护督察转办，全部办结": "referred by the central environmental inspection, all resolved",
    "中央生态环境资金项目": "projects funded by central environmental funds",
    "主城区": "main urban area",
    "主城区已建成污水处理厂，设计能力总计": "sewage plants built in the main urban area, total design capacity",
    "主城区，已建成": "main urban area, built",
    "事业单位人员": "public-institution staff",
    "伊通河流域综合治理工程": "Yitong River basin comprehensive improvement project",
    "伊通河流域综合治理工程中的水环境工程": "water-environment works of the Yitong River basin project",
    "伊通河流域综合治理工程，累计": "Yitong River basin comprehensive improvement project, cumulative",
    "全国首批": "among the first nationwide",
    "全域（含“无废零碳林场”）": "whole area (including zero-waste, zero-carbon forest farms)",
    "全市147个乡镇中": "of the city's 147 townships",
    "全市7个国控断面中，水质平均值达到Ⅲ类及以上（原文“HI类”，已更正）": "of the city's 7 national monitoring sections, mean quality class III or better (the source's “HI” corrected)",
    "全市建成区；基本消除": "city's built-up area; essentially eliminated",
    "全部消除": "all eliminated",
    "全部签订": "all signed",
    "公务员": "civil servants",
    "其中中督迎检结束后新增办结": "of which resolved after the central inspection ended",
    "农村集中式饮用水水源地": "rural centralised drinking-water sources",
    "初步划定": "preliminary designation",
    "剔除环境本底": "excluding natural background",
    "县级市以上城市集中式地下水饮用水水源地": "centralised groundwater drinking-water sources of county-level cities and above",
    "口区；累计；约数（原文“20余条”）": "district not named; cumulative; approximate (the source says “more than 20”)",
    "同比增加": "increase on the previous year",
    "国家城市黑臭水体治理示范城市治理资金": "national funds for model cities treating black and malodorous water",
    "国家考核断面，全部达到考核要求": "national assessment sections, all meeting their targets",
    "国考断面": "national assessment sections",
    "国考断面，全部消除劣五类": "national assessment sections, all lifted out of worse than class V",
    "城市集中式饮用水源地": "urban centralised drinking-water sources",
    "扣除沙尘异常超标天数后": "excluding days over the limits because of sand and dust",
    "扣除沙尘异常超标天数后，优于全国平均值": "excluding days over the limits because of sand and dust, above the national average",
    "提示函": "reminder letters",
    "政务公开信息": "government information made public",
    "无废学校、无废社区、无废景区等9种类型": "9 kinds, including zero-waste schools, communities and scenic areas",
    "松花江干流国考断面，全部为Ⅲ类": "national sections on the Songhua main stem, all class III",
    "松花江水系": "Songhua River system",
    "深化能力作风攻坚难题，全面完成": "hard problems of capability and conduct, all completed",
    "省生态环境厅公众号及微博发布报道": "reports on the provincial department's WeChat account and Weibo",
    "省级行政许可": "provincial administrative licences",
    "督办函": "supervision letters",
    "石化、化工、工业涂装、包装印刷、油品储运销等重点行业": "key industries: petrochemicals, chemicals, industrial coating, packaging and printing, oil storage and sales",
    "石头口门、新立城水源地": "Shitoukoumen and Xinlicheng water sources",
    "石头口门、新立城水源地一级保护区": "first-grade protection zones of the Shitoukoumen and Xinlicheng water sources",
    "稳定运行": "in stable operation",
    "空气、地表水断面、市级水源地等环境质量信息": "environmental quality information on air, surface-water sections and municipal water sources",
    "第一轮中央、省生态环境保护督察反馈；均已完成年度任务": "first round of central and provincial inspections; annual tasks all completed",
    "第一轮督察累计交办；均已完成年度任务": "referred over the first round of inspections; annual tasks all completed",
    "第三届“伊春生态日”活动直播；约数（原文“约1374.7万人次”）": "livestream of the 3rd Yichun Ecology Day; approximate (the source says “about 13.747 million”)",
    "第三轮省级生态环境保护督察转办": "referred by the 3rd round of provincial environmental inspection",
    "第三轮省级生态环境保护督察，按照序时进度推进整改": "3rd round of provincial environmental inspection, rectification on schedule",
    "第二批告知承诺制审批试点园区": "second batch of parks piloting notification-and-commitment approval",
    "第二轮中央生态环境保护督察": "2nd round of central environmental inspection",
    "第二轮中央生态环境保护督察交办": "referred by the 2nd round of central environmental inspection",
    "第二轮中央生态环境保护督察交办总量，较2017年中督": "total referred by the 2nd round of central inspection, compared with the 2017 central inspection",
    "第二轮中央生态环境保护督察交办总量，较2018年“回头看”": "total referred by the 2nd round of central inspection, compared with the 2018 follow-up review",
    "第二轮中央生态环境保护督察交办（33批）": "referred by the 2nd round of central environmental inspection (33 batches)",
    "第二轮中央生态环境保护督察转办，已全部办结": "referred by the 2nd round of central environmental inspection, all resolved",
    "累计": "cumulative",
    "累计；县级以上城市建成区20蒸吨/小时以下燃煤锅炉": "cumulative; coal-fired boilers under 20 steam tonnes an hour in built-up areas of county level and above",
    "约数（原文“50余次”）": "approximate (the source says “more than 50”)",
    "读书班": "reading classes",
    "辽河流域，列入综合规划的项目": "Liao River basin, projects in the comprehensive plan",
    "重点领域攻坚难题，全部完成": "hard problems in key fields, all completed",
    "项目库": "project pool",
    "预警函": "warning letters",
}


def qualifier_text(qualifier, *, english):
    """A qualifier in the reader's language as a ``Text``: the glossary's English, or the
    source's words marked as Chinese."""
    if english and qualifier in QUALIFIERS:
        return Text(QUALIFIERS[qualifier], "en")
    return Text(qualifier, "zh-Hans")
