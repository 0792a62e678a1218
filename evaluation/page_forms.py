"""Invented pages for reading a document's title, date and publisher: article bodies of our own
wrapped in the page chrome government and news sites put around them.

Every place, body, person, number and wording here is made up. Each form is one way a site
lays out its header or footer (a breadcrumb over the title, a title over the breadcrumb, the
date and source in many orders and formats, a signature block, a reprint's 原标题, a WeChat
header, front matter, an English header, related articles with their own dates after the
body, a converter's running header and page numbers). ``cases()`` crosses every form with every
article, deterministically: the same cases on every run.
"""

import random
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Article:
    title: str
    publisher: str
    day: date
    body: tuple[str, ...]
    site: str  # the site the page is on
    column: str  # the site's column the page is filed under
    signer: str = ""  # the body that signs it as an official text, if not its publisher
    author: str = "林晓"


@dataclass(frozen=True)
class Case:
    form: str
    text: str
    title: str
    date: date | None
    publisher: str


ARTICLES = (
    Article(
        "2023年4月青岚市环境空气质量状况",
        "青岚市生态环境局",
        date(2023, 5, 8),
        (
            "2023年4月，青岚市环境空气质量优良天数为27天，优良天数比例为90.0%，同比上升3.3个百分点。",
            "细颗粒物（PM2.5）平均浓度为31微克/立方米，同比下降6.1%；可吸入颗粒物（PM10）"
            "平均浓度为55微克/立方米。",
            "4月12日至14日，受沙尘天气影响，全市出现3天轻度污染。",
        ),
        "青岚市人民政府",
        "环境质量",
    ),
    Article(
        "白沙县一季度地表水水质持续改善",
        "白沙县融媒体中心",
        date(2024, 4, 17),
        (
            "记者从县生态环境分局获悉，今年一季度，白沙县6个地表水考核断面水质优良比例为100%，"
            "较去年同期提高16.7个百分点。",
            "县城集中式饮用水水源地水质达标率保持100%。3月20日，县里启动了新一轮河道清淤。",
        ),
        "白沙县人民政府网",
        "部门动态",
    ),
    Article(
        "东屿区2022年度生态环境状况公报",
        "东屿区生态环境局",
        date(2023, 6, 2),
        (
            "2022年，东屿区环境空气质量综合指数为3.42，优良天数比例为93.7%。",
            "全区4个国控断面中，Ⅱ类水质断面3个，Ⅲ类1个，无劣Ⅴ类断面。",
            "区域声环境昼间平均等效声级为53.8分贝，质量等级为较好。",
        ),
        "东屿区人民政府",
        "政务公开",
    ),
    Article(
        "南湾市今年前5个月查处环境违法案件42起",
        "南湾日报",
        date(2022, 6, 9),
        (
            "今年1至5月，南湾市共查处环境违法案件42起，罚没款合计316.5万元，同比增长12.4%。",
            "其中，移送公安机关案件5起。6月5日，市里公布了第一批典型案例。",
        ),
        "南湾新闻网",
        "本地要闻",
        "南湾市生态环境局",
    ),
)

# Related articles listed after the body, each with its own date: never the page's.
RELATED = (
    ("青岚市召开大气污染防治工作推进会", date(2021, 3, 2)),
    ("全市首批生态文明示范村名单公示", date(2020, 11, 18)),
    ("关于开展2021年度排污许可证执法检查的通知", date(2021, 9, 27)),
)
OTHER_TITLES = ("市领导调研河长制工作落实情况", "2021年3月全市环境空气质量状况")


def _dash(day):
    return f"{day:%Y-%m-%d}"


def _chinese(day):
    return f"{day.year}年{day.month}月{day.day}日"


def _padded_chinese(day):
    return f"{day.year}年{day.month:02d}月{day.day:02d}日"


def _slashed(day):
    return f"{day:%Y/%m/%d}"


def _dotted(day):
    return f"{day:%Y.%m.%d}"


DATE_FORMATS = (
    _dash,
    lambda day: f"{_dash(day)} 10:21",
    lambda day: f"{_dash(day)} 09:05:37",
    _chinese,
    _padded_chinese,
    lambda day: f"{_padded_chinese(day)} 16:40",
    _slashed,
    _dotted,
)


def _related_list(article, rng, heading="相关阅读"):
    lines = [heading]
    for title, day in RELATED:
        fmt = rng.choice((_dash, _chinese, lambda d: f"[{_dash(d)}]"))
        lines.append(rng.choice((f"· {title} {fmt(day)}", f"{title}（{fmt(day)}）", f"{fmt(day)} {title}")))
    return lines


def _meta_line(article, rng, *, one_line=True):
    """The page's line (or lines) of labelled fields, in one of many orders."""
    day = rng.choice(DATE_FORMATS)(article.day)
    fields = [
        rng.choice(("发布时间：", "发布日期：", "时间：", "日期：")) + day,
        rng.choice(("来源：", "信息来源：", "文章来源：")) + article.publisher,
    ]
    extras = [
        f"浏览次数：{rng.randint(12, 4000)}",
        f"作者：{article.author}",
        f"编辑：{article.author}",
        f"责任编辑：{article.author}",
        f"点击数：{rng.randint(12, 4000)}",
        "【字体：大 中 小】",
    ]
    fields += rng.sample(extras, rng.randint(1, 3))
    rng.shuffle(fields)
    if one_line:
        return [rng.choice(("  ", " ", "　　", " | ")).join(fields)]
    return fields


def _body(article):
    return list(article.body)


def _page(lines):
    return "\n".join(lines) + "\n"


# --- The forms ------------------------------------------------------------------------------


def breadcrumb_then_title(article, rng):
    lines = [
        f"{article.site}",
        "首页 政务公开 政务服务 互动交流 走进" + article.site[:2],
        rng.choice(("当前位置：", "您的位置：", "")) + f"首页 > {article.column} > 工作动态",
        article.title,
        *_meta_line(article, rng),
        *_body(article),
        "【打印本页】 【关闭窗口】",
    ]
    return lines, article.title, article.day, article.publisher


def title_then_breadcrumb(article, rng):
    lines = [
        article.title,
        f"首页 > {article.column} > 正文",
        *_meta_line(article, rng),
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


def repeated_title(article, rng):
    lines = [
        f"{article.title}{rng.choice(('_', ' - ', '-'))}{article.site}",
        f"首页 > {article.column}",
        article.title,
        *_meta_line(article, rng),
        "分享到：",
        *_body(article),
        article.title,
    ]
    return lines, article.title, article.day, article.publisher


def fields_on_lines(article, rng):
    """The labelled fields each on a line of its own, in any order."""
    lines = [
        f"当前位置：首页 >> {article.column}",
        article.title,
        *_meta_line(article, rng, one_line=False),
        *_body(article),
        "打印 关闭",
    ]
    return lines, article.title, article.day, article.publisher


def date_only_line(article, rng):
    """A bare date line under the title, the source on a line of its own after it."""
    day = rng.choice(DATE_FORMATS)(article.day)
    lines = [
        article.title,
        rng.choice((f"{day}  {article.publisher}", f"{article.publisher}  {day}")),
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


def signature_block(article, rng):
    """An official text: title, body, then the issuing body and the day it signed."""
    signer = article.signer or article.publisher
    lines = [
        article.title,
        *_body(article),
        "",
        signer,
        rng.choice((_chinese, _padded_chinese))(article.day),
    ]
    return lines, article.title, article.day, signer


def original_title(article, rng):
    """A reprint: the site's headline, its date and source, and the original's title."""
    lines = [
        article.title,
        f"{_dash(article.day)} {rng.randint(7, 22)}:{rng.randint(10, 59)}  来源：{article.publisher}",
        f"原标题：{OTHER_TITLES[0]}",
        *_body(article),
        rng.choice(("（转自：", "（来源：")) + article.publisher + "）",
    ]
    return lines, article.title, article.day, article.publisher


def wechat_header(article, rng):
    account = article.publisher
    day = rng.choice((_dash(article.day), _chinese(article.day)))
    header = rng.choice(
        (
            [f"原创 {article.author} {account} {day} 18:30"],
            [f"{account} {day} 18:30"],
            [f"{article.author} {account}", f"{day} 18:30"],
            [f"原创 {account} {account}", f"{day} 08:12 发表于四川"],
        )
    )
    lines = [
        article.title,
        *header,
        *_body(article),
        "预览时标签不可点",
        "阅读原文",
    ]
    return lines, article.title, article.day, account


def front_matter(article, rng):
    lines = [
        "---",
        f"title: {article.title}",
        f"date: {_dash(article.day)}",
        f"source: {article.publisher}",
        "---",
        "",
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


def english_header(article, rng):
    title = "Qinglan sees cleaner air in April as good days rise to 90 percent"
    month = article.day.strftime("%B")
    header = rng.choice(
        (
            f"By LIN XIAO | Qinglan Daily | Updated: {_dash(article.day)} 10:21",
            f"Source: Qinglan Daily | {_dash(article.day)} 10:21",
            f"Qinglan Daily  {month} {article.day.day}, {article.day.year}",
        )
    )
    lines = [
        "Home > News > Environment",
        title,
        header,
        "The city recorded 27 days of good air quality in April, or 90.0 percent of the month, "
        "up 3.3 percentage points from a year earlier.",
        "Fine particles averaged 31 micrograms in each cubic meter of air, 6.1 percent less.",
        "Related stories",
        f"City opens new monitoring station  {_dash(date(2021, 3, 2))}",
    ]
    return lines, title, article.day, "Qinglan Daily"


def related_after_body(article, rng):
    """A page that states its date, then related articles with their own dates."""
    lines = [
        f"首页 > {article.column}",
        article.title,
        *_meta_line(article, rng),
        *_body(article),
        *_related_list(article, rng, rng.choice(("相关阅读", "相关新闻", "相关链接", "热点推荐"))),
    ]
    return lines, article.title, article.day, article.publisher


def undated_with_related(article, rng):
    """A page that states no date: the related articles' dates are not its date."""
    lines = [
        f"首页 > {article.column}",
        article.title,
        f"来源：{article.publisher}",
        *_body(article),
        *_related_list(article, rng, rng.choice(("相关阅读", "相关链接", "热点推荐", "更多"))),
    ]
    return lines, article.title, None, article.publisher


def prev_next_links(article, rng):
    lines = [
        article.title,
        *_meta_line(article, rng),
        *_body(article),
        f"上一篇：{OTHER_TITLES[0]}",
        f"下一篇：{OTHER_TITLES[1]}",
        f"{OTHER_TITLES[1]}  {_dash(date(2021, 4, 6))}",
    ]
    return lines, article.title, article.day, article.publisher


def converted_pdf(article, rng):
    """A document converter's text: running header and page numbers around the body, the
    signature at the end."""
    header = f"{article.site.removesuffix('网')}公报 {article.day.year}年第{rng.randint(1, 12)}期"
    body = _body(article)
    lines = [
        header,
        article.title,
        *body[:1],
        f"— {rng.randint(1, 3)} —",
        header,
        *body[1:],
        f"— {rng.randint(4, 6)} —",
        article.signer or article.publisher,
        _chinese(article.day),
    ]
    return lines, article.title, article.day, article.signer or article.publisher


def source_in_brackets_after(article, rng):
    """A news page: the date line under the title, the source credited after the article."""
    lines = [
        article.title,
        f"{_padded_chinese(article.day)} {rng.randint(7, 22)}:{rng.randint(10, 59)}  "
        f"{rng.choice(('【字体：大 中 小】', '字号：大 中 小', ''))}",
        *_body(article),
        f"（来源：{article.publisher}）",
        f"责任编辑：{article.author}",
    ]
    return lines, article.title, article.day, article.publisher


def masthead_menus(article, rng):
    """A government site's masthead: its name, menus, a search box, then the breadcrumb."""
    lines = [
        f"{article.title}{rng.choice(('_', ' - ', '|'))}{article.site}",
        article.site,
        "无障碍 | 长者模式 | 登录 | 注册",
        "首页 政务公开 政务服务 互动交流 数据开放",
        "请输入关键词 搜索",
        rng.choice(("当前位置：", "您现在的位置：")) + f"首页 > {article.column}",
        article.title,
        *_meta_line(article, rng),
        *_body(article),
        rng.choice(("【打印】【关闭】", "打印本页 关闭窗口", "【字体：大 中 小】 【打印】")),
        f"主办单位：{article.site}  版权所有",
    ]
    return lines, article.title, article.day, article.publisher


def date_above_title(article, rng):
    """The date and source over the headline, as some news pages set them."""
    lines = [
        f"首页 > {article.column}",
        *_meta_line(article, rng),
        article.title,
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


def paper_edition(article, rng):
    """A newspaper's page: its edition line, the headline, the reporter, the article."""
    paper = "南湾日报"
    lines = [
        f"{paper} {_padded_chinese(article.day)} 第A{rng.randint(1, 8)}版",
        article.title,
        rng.choice((f"本报记者 {article.author}", f"记者 {article.author} 通讯员 何云")),
        *_body(article),
    ]
    return lines, article.title, article.day, paper


FORMS = {
    form.__name__: form
    for form in (
        breadcrumb_then_title,
        title_then_breadcrumb,
        repeated_title,
        fields_on_lines,
        date_only_line,
        signature_block,
        original_title,
        wechat_header,
        front_matter,
        english_header,
        related_after_body,
        undated_with_related,
        prev_next_links,
        converted_pdf,
        source_in_brackets_after,
        masthead_menus,
        date_above_title,
        paper_edition,
    )
}

# Forms written after the importer's rules for the forms above: a check that those rules
# read pages they were not written from.


def cms_page(article, rng):
    """A content system's page: its <title>, menus, a "you are here" line with >>, the
    publisher's login name, a read counter, previous and next links."""
    lines = [
        f"{article.title}_{article.site}",
        "网站首页 机构概况 政务公开 新闻动态 办事服务 互动交流",
        f"您现在的位置： 首页 >> 新闻动态 >> {article.column}",
        article.title,
        f"发布者：admin  发布时间：{_dash(article.day)} 10:21:33  阅读：{rng.randint(20, 900)}次",
        f"来源：{article.publisher}",
        *_body(article),
        f"上一篇：{OTHER_TITLES[0]}",
        f"下一篇：{OTHER_TITLES[1]}",
    ]
    return lines, article.title, article.day, article.publisher


def news_portal(article, rng):
    lines = [
        f"{article.site} > 本地 > 正文",
        article.title,
        f"{_dash(article.day)} 08:{rng.randint(10, 59)}:12　来源：{article.publisher}　"
        f"作者：{article.author}　编辑：何云",
        "分享到：微信 微博 QQ空间",
        *_body(article),
        "【责任编辑：何云】",
        "相关新闻",
        *(f"{title}　{_dash(day)}" for title, day in RELATED),
    ]
    return lines, article.title, article.day, article.publisher


def official_document(article, rng):
    """An official document: the issuer's masthead, the document number, the title, the
    text, the signature and its note."""
    signer = article.signer or article.publisher
    lines = [
        f"{signer}文件",
        f"青环发〔{article.day.year}〕{rng.randint(3, 40)}号",
        article.title,
        *_body(article),
        signer,
        _chinese(article.day),
        "（此件公开发布）",
    ]
    return lines, article.title, article.day, signer


def reprint_note(article, rng):
    lines = [
        article.title,
        f"发布时间：{_padded_chinese(article.day)}　信息来源：{article.publisher}",
        f"原标题：{OTHER_TITLES[0]}",
        *_body(article),
        f"本文转自{article.publisher}，如有侵权请联系删除。",
    ]
    return lines, article.title, article.day, article.publisher


def english_government(article, rng):
    title = "Qinglan releases its environmental quality report for April"
    lines = [
        "Home | About | News | Services",
        title,
        f"Release Date: {_dash(article.day)}",
        "Source: Qinglan Municipal Bureau of Ecology and Environment",
        "The city had 27 days of good or excellent air in April, and all of its eight river "
        "sections met their water quality targets.",
        "Last updated: 2021-03-02",
    ]
    return lines, title, article.day, "Qinglan Municipal Bureau of Ecology and Environment"


def weekday_date(article, rng):
    weekday = "一二三四五六日"[article.day.weekday()]
    lines = [
        f"首页 > {article.column}",
        article.title,
        f"{_padded_chinese(article.day)} 星期{weekday}  来源：{article.publisher}  字号：大 中 小",
        *_body(article),
        "扫一扫在手机打开当前页",
    ]
    return lines, article.title, article.day, article.publisher


FRESH_FORMS = {
    form.__name__: form
    for form in (
        cms_page,
        news_portal,
        official_document,
        reprint_note,
        english_government,
        weekday_date,
    )
}

# Forms written last, after every rule above: measured, not read by any rule yet.


def disclosure_table(article, rng):
    """A disclosure page's header table, cells side by side, the title among them."""
    lines = [
        f"首页 > 信息公开 > {article.column}",
        f"索引号：{rng.randint(100000, 999999)}/{article.day.year}-{rng.randint(10, 99)} | "
        f"发布机构：{article.publisher}",
        f"标题：{article.title}",
        f"发文日期：{_chinese(article.day)} | 文号：无",
        article.title,
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


def mobile_page(article, rng):
    """A page saved from a phone: the app's prompt, the title, the outlet and age, the body."""
    lines = [
        "打开APP 阅读更多精彩内容",
        article.title,
        f"{article.publisher} · {_dash(article.day)} {rng.randint(7, 22)}:{rng.randint(10, 59)}",
        "关注",
        *_body(article),
        "打开APP 查看更多",
    ]
    return lines, article.title, article.day, article.publisher


def bracketed_fields(article, rng):
    """The fields in square brackets, one after another."""
    lines = [
        f"{article.site} >> {article.column}",
        article.title,
        f"[发布时间：{_dash(article.day)}] [来源：{article.publisher}] [浏览：{rng.randint(5, 500)}]",
        *_body(article),
        "[打印] [关闭]",
    ]
    return lines, article.title, article.day, article.publisher


def title_with_column_tag(article, rng):
    lines = [
        f"【{article.column}】{article.title}",
        f"时间：{_slashed(article.day)}  来源：{article.publisher}",
        *_body(article),
    ]
    return lines, article.title, article.day, article.publisher


LAST_FORMS = {
    form.__name__: form
    for form in (disclosure_table, mobile_page, bracketed_fields, title_with_column_tag)
}

VARIANTS = 3  # pages per form and article, each with its own draw of formats and orders


def cases(forms=FORMS):
    """Every form around every article, VARIANTS times, the same on every run."""
    out = []
    for form_index, (name, build) in enumerate(forms.items()):
        for article_index, article in enumerate(ARTICLES):
            for variant in range(VARIANTS):
                rng = random.Random(1000 * form_index + 10 * article_index + variant)
                lines, title, day, publisher = build(article, rng)
                out.append(Case(name, _page(lines), title, day, publisher))
    return out
