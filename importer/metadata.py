"""What the text says about itself: issuing body, author, date, original link, period.

``segment`` has already set the metadata lines apart (发布时间, 来源…); this stage reads their
values, once. Only what the text states is taken; nothing is inferred from outside knowledge.
A date is read from a labelled line or a line that is only a date, never from a sentence of
the article (the date of a meeting is not the date of the report on it). The period covered
is set only when every dated figure of the article names the same calendar year at the head
of its clause ("2023年全省优良天数比例为93.1%").
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

from . import dateline
from .places import COUNTRY, TEAM_AFTER, is_lake
from .segment import (
    BULLET,
    DATE,
    DATE_AHEAD,
    DATE_LINE,
    DATETIME,
    LABEL,
    LABEL_KIND,
    ORGANISATION,
    PAGE_CLOCK,
    URL,
    WECHAT_BYLINE,
    header_names,
    without_widgets,
)


@dataclass
class Metadata:
    """Fields read from the header and footer of the raw text; empty when not stated."""

    source_name: str = ""
    author_name: str = ""
    title: str = ""  # a labelled title ("标题: | …"), in a disclosure page's header table
    issued_at_text: str = ""
    issued_on: date | None = None
    issued_label: str = ""  # the label the date was given under ("发布时间"), "" if none
    original_url: str = ""
    warnings: list[str] = field(default_factory=list)


def parse_date(text):
    return _day(DATE.search(text))


def _day(match):
    """The date a (year, month, day) match names, or None (no match, or no such day)."""
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def read_metadata(lines):
    """Harvest the labelled fields from metadata lines (first statement of each wins)."""
    meta = Metadata()
    drafted = ""  # 成文日期, 发文日期: the day the document was signed, if no other is given
    for line in lines:
        bare = without_widgets(BULLET.sub("", line)).lstrip("[【")
        dated = DATE_AHEAD.match(bare)
        if dated:
            _store(meta, "issued", dated.group(1))
        matches = list(LABEL.finditer(bare))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(bare)
            # "[来源：某某局] [浏览：52]": the brackets around a field are not its value's.
            value = bare[match.end() : end].strip(" \t|｜-—[]【】")
            if match.group(1) in _DRAFTED:
                drafted = drafted or value
                continue
            if LABEL_KIND[match.group(1)] == "issued" and not meta.issued_at_text:
                meta.issued_label = match.group(1)
            _store(meta, LABEL_KIND[match.group(1)], value)
        wechat = WECHAT_BYLINE.match(bare)
        if wechat:
            names = wechat.group(1).split()
            _store(meta, "source", names[-1])
            if len(names) > 1 and names[0] != names[-1]:
                _store(meta, "author", names[0])
        names = None if matches or wechat else header_names(bare)
        if names:
            # "白沙县融媒体中心  2024-04-17 09:05", "林晓 青岚市生态环境局": the body or outlet
            # beside the date, the reporter before it.
            _store(meta, "source", names[-1])
            if len(names) > 1 and not ORGANISATION.fullmatch(names[0]):
                _store(meta, "author", names[0])
        if not matches and not meta.issued_at_text:
            if DATE_LINE.match(bare):
                _store(meta, "issued", bare)
            elif DATETIME.search(bare):
                _store(meta, "issued", DATETIME.search(bare).group(0))
            elif names and DATE.search(bare):
                _store(meta, "issued", DATE.search(bare).group(0))
    if not meta.issued_at_text:
        _store(meta, "issued", drafted)
    if meta.issued_at_text and meta.issued_on is None:
        meta.warnings.append(
            _("发布时间“%(text)s”不是可识别的日期，发布日期留空。") % {"text": meta.issued_at_text}
        )
    return meta


# A disclosure page's header gives the day a document was signed or sent beside the day it
# was published (发布时间): the publication date is the latter.
_DRAFTED = frozenset({"成文日期", "发文日期"})


# "来源：本站", "来源：网络": a source that names no one.
_NO_SOURCE = frozenset({"本站", "本网", "网络", "互联网", "原创"})


def _store(meta, kind, value):
    if not value:
        return
    if kind == "issued" and not meta.issued_at_text:
        found = DATE.search(value)
        meta.issued_at_text = value[:64]
        meta.issued_on = parse_date(found.group(0)) if found else None
    elif kind == "source" and not meta.source_name and value not in _NO_SOURCE:
        meta.source_name = value[:128]
    elif kind == "author" and not meta.author_name:
        meta.author_name = value[:64]
    elif kind == "title" and not meta.title:
        meta.title = value.strip(" |｜")[:200]
    elif kind == "url" and not meta.original_url:
        url = URL.search(value)
        if url:
            meta.original_url = url.group(0)[:500]


# --- Period ------------------------------------------------------------------------------

# A year at the head of a clause, as the time of what the clause reports: "2023年全省…",
# "2021年,全市…". Not "2024年是…" (the year as subject), not a date, not "到2025年".
_CLAUSE_YEAR = re.compile(
    r"(?:^|[,，;；:：。])\s*(\d{4})年(?!度?(?:\d|\s*\d{1,2}\s*月|是|的|为|起|以来|底|末|前|后|目标|要|将))"
)
_QUANTITY = re.compile(
    r"(?<![\d.第])\d+(?:\.\d+)?\s*(?:%|％|个|项|件|台|座|家|人|次|天|篇|条|间|名|处|起|批|元|万元|亿元|亩|吨|米|公里|公顷|千瓦)"
)


def find_period(paragraphs):
    """The calendar year the article's figures are about, when they all agree on one."""
    years = set()
    for paragraph in paragraphs:
        for sentence in re.split(r"(?<=[。！？])", paragraph):
            for match in _CLAUSE_YEAR.finditer(sentence):
                if _QUANTITY.search(sentence, match.end()):
                    years.add(int(match.group(1)))
    if len(years) == 1:
        year = years.pop()
        return date(year, 1, 1), date(year, 12, 31)
    return None, None


# --- A place the text does not name -----------------------------------------------------

# Redacted place names: "□市", "××县", or "口市" where the converter read □ as 口. A 口 that
# ends a word ("出口市场", "人口") is not a redaction mark.
_REDACTED = re.compile(
    r"(?<![出入进港门户窗路接端河海关道渡缺闸排井风山人江湖港岸])([口□○×Ｘ]{1,2}[市县区])(?![场民值])"
)


def redacted_place(paragraphs):
    """The label the text uses for a city it does not name, if it uses one throughout."""
    counts = Counter(match.group(1) for p in paragraphs for match in _REDACTED.finditer(p))
    if not counts:
        return ""
    label, count = counts.most_common(1)[0]
    return label if count >= 3 else ""


# --- The document as a whole: read() ------------------------------------------------------

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_LINE = re.compile(r"^([A-Za-z_\u4e00-\u9fff]+)\s*:\s*(.*?)\s*$")
_FRONT_KEYS = {
    "title": "title",
    "标题": "title",
    "date": "date",
    "日期": "date",
    "发布时间": "date",
    "publisher": "publisher",
    "source": "publisher",
    "来源": "publisher",
    "author": "author",
}
_ORIGINAL_TITLE = re.compile(r"原标题\s*[:：]\s*(.{4,80}?)\s*[)）]?\s*(?:$|\n)", re.M)
_BOOK_TITLE = re.compile(r"《([^《》]{4,60}(?:公报|通报|报告|情况|状况|公告))》")
# "30.06.2015  11:33": a header line giving the day first, as some reprints do.
_DAY_FIRST_DATE = re.compile(
    r"\s*(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# "<image>data:image/png;base64,…", "![](…)": a line of markup is no title.
_MARKUP = re.compile(r"^\s*<[a-zA-Z]|data:image|^\s*!?\[[^\]]*\]\(")
_COMPANY = re.compile(r"(?:有限责任公司|有限公司|股份公司|集团|公司)$")
# Not "2024年1-11月": months from one to another.
_ANY_DATE = re.compile(
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?![\d.]|\s*月)"
)
_PUBLISHER = re.compile(
    # not "全市生态环境部门" (the city's departments; "生态环境部门户网站" is the ministry's
    # portal), nor "环境保护部署" (a plan's measures)
    r"((?:生态环境部|环境保护部)(?![署位]|门(?!户))|国家环境保护总局|"
    # "楚雄州生态环境局楚雄市分局": a city bureau's branch in one of its counties.
    r"[\u4e00-\u9fff]{2,10}?(?:生态环境|环境保护|环保)(?:厅|局(?:[\u4e00-\u9fff]{2,4}?分局)?|委员会)|"
    # "某县生态环境监测站", not "环境监测站点" nor "共有环境监测站4个" (the sites of a network).
    r"[\u4e00-\u9fff]{2,10}?环境监测(?:总站|中心站|中心|站(?![点位]|\s*\d))|"
    r"Ministry of Ecology and Environment|Ministry of Environmental Protection|\bME[EP]\b)"
)
_NATIONAL_PUBLISHER = re.compile(
    r"^(?:(?:生态环境部|环境保护部)(?![署位]|门(?!户))|国家环境保护总局"
    r"|Ministry of Ecology|Ministry of Environmental|ME[EP]$)"
)
# The country's monitoring network or its cities, counted with no place before the count.
_NATIONAL_SET = re.compile(
    r"(?<![\d\u4e00-\u9fff])\d{3,4}\s*个(?:国家地表水(?:考核|评价|监测)断面|国控断面|地级及以上城市)"
)
_CJK = re.compile(r"[\u4e00-\u9fff]")
# "到2025年", "by 2025": the year of a target, not the period the document reports on.
_TARGET_BEFORE = re.compile(r"(?:到|至|力争|by)\s*$", re.I)
_TARGET_LABEL = re.compile(r"by\b", re.I)  # "by 2025" read as one expression
_LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class About:
    title: str
    date: date | None
    publisher: str
    region: object
    period_start: date | None
    period_end: date | None
    period_label: str
    year: int | None
    language: str
    written_in: int | None = None  # see periods.Context
    year_stated: bool = True  # see periods.Context


def front_matter(text):
    """Markdown front matter ("---" / key: value / "---") as a dict, and the text without it."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    values = {}
    for line in match.group(1).splitlines():
        pair = _FRONT_LINE.match(line)
        if pair and pair.group(1).lower() in _FRONT_KEYS:
            values.setdefault(_FRONT_KEYS[pair.group(1).lower()], pair.group(2).strip("\"' "))
    return values, text[match.end() :]


def read_document(parsed, front, blocks, gazetteer, *, published=None, head_text="", tail_text=""):
    """Title, date, publisher, region, period and language of the document, from what it states."""
    from . import periods

    opening = "\n".join(block.text for block in blocks[:3])
    # The opening paragraph: the first that is more than a caption ("(资料图片)").
    # Nor an English page's dated header line ("Xinhua) 17:02, January 18, 2022").
    prose = [
        block.text
        for block in blocks
        if len(block.text) > 30
        and _PROSE.search(block.text)
        and not (len(block.text) < 80 and dateline.issued(block.text))
    ]
    first = prose[0] if prose else ""
    title = (
        front.get("title")
        or getattr(parsed, "labelled_title", "")
        or (parsed.title if parsed.title_found and not _MARKUP.search(parsed.title) else "")
    )

    if not title:
        found = _ORIGINAL_TITLE.search(head_text) or _BOOK_TITLE.search(opening)
        title = found.group(1).strip() if found else parsed.title
    # "庚县生态环境质量公报 ?(2022年度)": a space and a "?" where the copy lost a character.
    title = _LOST_CHARACTER.sub("", title) if _CJK.search(title or "") else title
    released = _RELEASED_REPORT.search(head_text[:1500])
    if (
        released
        and not front.get("title")
        and not getattr(parsed, "labelled_title", "")
        and not _names_report(title, released.group(1))
    ):
        # "…的规定,现发布" over "2018 年度某市环境状况公报.": the report the preamble
        # releases by name is the document, not the preamble's first line.
        title = released.group(1)
    listed = _ISSUER_THEN_REPORT.fullmatch(title or "")
    if listed:
        # "中国环境监测总站:2021年7月全国城市空气质量报告": a document site's listing, its
        # issuer then its name; the name is the title.
        title = listed.group(2)
    under = _subtitle_under(title, blocks)
    if under:
        # "广东省城市环境空气质量状况" over "(2017年8月)": a heading and its bracketed
        # subtitle are one title.
        title = f"{title}{under.strip()}"
    latin, cjk = len(_LATIN.findall(opening)), len(_CJK.findall(opening))
    language = "en" if latin > 2 * cjk else "zh"
    issued = parsed.issued_on or (parse_date(front["date"]) if front.get("date") else None)
    if issued is None:
        issued = _date_in_header(head_text) or _edition_date(tail_text) or _signed_day(tail_text)
    signed = _signature_date(head_text)
    if (
        signed
        and issued
        and signed <= issued
        and getattr(parsed, "issued_label", "") not in _PUBLISHED_LABELS
    ):
        # A bulletin reposted or uploaded later: its own signature (the body and the day it
        # was signed) dates it, not the day of the copy; a labelled publication time stays.
        issued = signed
    if issued is None and language == "en":
        issued = dateline.issued(head_text)
    issued = issued or published
    publisher = (
        front.get("publisher")
        or parsed.source_name
        or parsed.byline
        or _source_in_header(head_text)
        or (listed.group(1) if listed else "")
    )
    # "来源：某某生态环境厅 2024-07-15": the date on the source line is not the publisher's name.
    publisher = _TRAILING_DATE.sub("", publisher or "")
    if not publisher and language == "en":
        publisher = dateline.source(head_text, first, lambda name: _is_place(name, gazetteer))
    wire = _WIRE.match(blocks[0].text) if blocks else None
    if not publisher and wire:
        # "新华社北京9月26日电", "中新网12月29日电 据环境保护部网站消息": the service that
        # sent the report, not the body it quotes.
        publisher = wire.group(1)
    if not publisher:
        # "江西头条客户端讯 记者…", "…罚款金额9.7万元。(昆明日报 记者王密)": the paper or
        # site the report is credited to, opening or closing the article.
        # Not where the opening says a body released what it reports ("中国发展门户网讯
        # 丽水市环保局日前发布《…公报》"): that body is read below.
        credited = (
            _NEWS_OPENING.match(first) if first and not _releasing(opening) else None
        ) or _closing_credit(blocks)
        publisher = next((name for name in credited.groups() if name), "") if credited else ""
    if not publisher:
        # "安徽省…协调联络组" over "2024年6月1日": the body that signed the text.
        publisher = _signatory(tail_text) or _signatory(head_text)
    if not publisher:
        # "吉网" over the headline, a logo's alt="福州新闻网": the news site the page is on.
        publisher = _news_site(getattr(parsed, "removed", ()))
    from .document import PLACEHOLDER_PREFIX

    if title.startswith(PLACEHOLDER_PREFIX):
        # "称: 某县完成…监测" in a header table whose labels the copy cut, the name repeated
        # on a line of its own under it: the headline.
        title = _repeated_header_value(head_text) or title
    if not publisher:
        # A placeholder made of the first words is the opening's, read below.
        found = None if title.startswith(PLACEHOLDER_PREFIX) else _PUBLISHER.search(title)
        publisher = _from_its_place(found.group(1), gazetteer) if found else _copyright(tail_text)
    if not publisher:
        found = _issuer(opening)
        publisher = _from_its_place(found.group(1), gazetteer) if found else ""

    full = "\n".join(block.text for block in blocks)[:8000]
    stated = _first_year(title)
    year = (
        stated
        or (issued.year if issued else None)
        # the opening's sentences, not a table's rows of the years it compares
        or _first_year("\n".join(b.text for b in blocks[:3] if b.kind != "table"))
        or _most_said_year(full)
    )
    written_in = None if issued else periods.written_after_release(f"{title}\n{first[:300]}")
    context = periods.Context(
        year=year, published=issued, written_in=written_in, year_stated=bool(stated) or not issued
    )
    period = None
    found = []
    # "(2017年8月)" on a line of its own under the title: the title's period.
    subtitle = next((b.text for b in blocks[:3] if _BRACKETED.fullmatch(b.text)), "")
    for text in (f"{title} {subtitle}" if subtitle else title, first[:300]):
        found.append(
            next(
                (
                    p
                    for p in periods.find_all(text, context)
                    if p.last
                    and not p.baseline
                    and not _TARGET_BEFORE.search(text[: p.start])
                    and not _TARGET_LABEL.match(p.label)
                    and not (issued and p.first and p.first > issued)  # a plan to come
                ),
                None,
            )
        )
    if found[1] is None and _NOTE.match(first) and len(prose) > 1:
        # A note under a table that opens the text ("注:评价依据…") dates nothing: the
        # paragraph after it opens the article.
        found[1] = next(
            (p for p in periods.find_all(prose[1][:300], context) if p.last and not p.baseline),
            None,
        )
    if _same_months_with_their_year(found[0], found[1]):
        # "通报8月环境空气质量…" over "通报了2021年8月…": the opening gives the title's months
        # the year the date line (of a later reprint) could only guess.
        found[0] = found[1]
    period = found[0] or _year_closing(title) or found[1]
    if period is None and not issued:
        # "…与2025年相比上升0.8个百分点。…通报指出,2026年,…": a text whose title, date and opening
        # say no time, and whose every other time is one whole year, is of that year.
        period = _only_year(full, context)
    cutoff = _opening_cutoff(blocks, context)
    if cutoff is not None:
        # "截至到101日,全省共接到13940个…" under a title of October: the counts run to the
        # cut-off the text opens with (of no date, if the copy garbled it), not the title's month.
        period = cutoff if cutoff.last else None
    if (
        period is not None
        and period.first
        and period.last
        and period.first.year == period.last.year
        and re.search(r"(?:19|20)\d{2}", period.label)
    ):
        # "广东省城市环境空气质量状况 (2017年8月)", updated 2018-01-09: the months the text
        # names without a year are of the year of its period, not of the day it came out.
        year = stated = period.first.year
    if (
        found[0] is not None
        and found[1] is not None
        and found[0].label in ("今年", "本年度", "this year")
        and found[0].first <= (found[1].first or found[0].first)
        and found[1].last <= found[0].last
    ):
        # A title that says only 今年, an opening that says which months: the months.
        period = found[1]
    released = periods.bulletin_year(f"{title} {first[:300]}")
    if released is not None and (period is None or period.last.year > released.last.year):
        # "2023年六五环境日新闻发布会上,…介绍《2022重庆市生态环境状况公报》": the year of the
        # bulletin released, not of the meeting that released it.
        period = released
    body = full
    # A placeholder made of the first words ("【待拟标题】中新网石家庄5月30日电…") names the
    # dateline's city, not what the article is about: the region comes from the text itself.
    # "玉林实硕医疗科技有限公司" over the headline: the site's owner, not the report's place.
    placeholder = title.startswith(PLACEHOLDER_PREFIX) or bool(_COMPANY.search(title))
    if wire:
        # The dateline's city is where the report was sent from, not what it is about.
        opening, body = opening[wire.end() :], body[wire.end() :]
    region = _region("" if placeholder else title, publisher, opening, gazetteer, body)
    if _UNNAMED_SEAT.match(publisher or "") and not placeholder:
        # "发布机构: 县生态环境分局" under a title naming it in full ("嘉兴市生态环境局海盐
        # 分局…情况"): the full name.
        full = _PUBLISHER.search(title)
        short = publisher.strip()
        if full and full.group(1).endswith(short[-2:]) and short[1:3] in full.group(1):
            publisher = _from_its_place(full.group(1), gazetteer)
    if region is None and _UNNAMED_SEAT.match(publisher or ""):
        # "来源：市生态环境局" on a site whose footer says "版权所有：攀枝花市人民政府": the
        # bureau of the city that owns the site.
        owner = _named_in(_copyright(tail_text), gazetteer)
        level = _SEAT_LEVEL[publisher.lstrip()[0]]
        region = owner if getattr(owner, "level", "") == level else None
    if region is None and not placeholder:
        # "…, according to the Ministry of Ecology and Environment" under an agency's byline:
        # a text naming no place whose figures the ministry released is about the country.
        issuer = _issuer(opening)
        if issuer is not None and _NATIONAL_PUBLISHER.match(issuer.group(1)):
            region = COUNTRY
    if region is None and (
        _NATIONAL_SET.search(first)
        or (not getattr(parsed, "region_label", "") and len(_NATIONWIDE.findall(body)) >= 2)
    ):
        # "2021年2月,3641个国家地表水考核断面中…", "339个地级及以上城市平均…": a text naming
        # no place that opens with the country's own network or cities is about the country;
        # so is one whose figures are the nation's ("全国环境行政处罚案件共…", "图1 2021年2月
        # 全国地表水…"), unless it hides its city's name ("□市").
        region = COUNTRY
    if region is None:
        region = _indexed_place(head_text, gazetteer)
    if region is None:
        region = _city_of_its_sites(body, gazetteer)
    if region is None:
        region = _city_of_its_companies(body, gazetteer)
    if region is None:
        region = _city_of_its_source(body, gazetteer)
    return About(
        title=title[:200],
        date=issued,
        publisher=publisher,
        region=region,
        period_start=period.first if period else None,
        period_end=period.last if period else None,
        period_label=period.label if period else "",
        year=year,
        language=language,
        written_in=written_in,
        year_stated=bool(stated) or not issued,
    )


# A wire's dateline opening the text: the service, the city it was sent from, the day.
_WIRE = re.compile(
    r"\s*[【\[]?(?!本报|本网|本台)([\u4e00-\u9fff]{1,4}?(?:社|网))[\u4e00-\u9fff]{0,8}?\s*"
    r"\d{1,2}\s*月\s*\d{1,2}\s*日\s*(?:电|讯)[】\]]?"
)

# A preamble releasing a report by name, the name ending its line: "现发布\n2018 年度某市环境
# 状况公报.", "现予公布\n《2021年某县环境质量报告书》"; not "某局发布2022年…公报" (a headline).
_RELEASED_REPORT = re.compile(
    r"(?:现|特|现予|兹|现将)(?:发布|公布|印发)\s*[:：]?\s*《?"
    r"((?:19|20)\d{2}\s*年度?[^。\n《》,，;；]{2,30}?(?:公报|报告书|报告|简报|通报))"
    r"》?\s*[.。]?[ \t]*(?:\n|$)"
)

# "索引号: 4305000061/2022-06670", "索引号: 11430500MB1234567X/…": a disclosure index number
# opening with the issuing body's division code, as such or inside its unified credit code
# (1 and 1 or 2 for an office, then the code).
_INDEX_NUMBER = re.compile(
    r"索引号\s*[:：]\s*(?:1[12](\d{6})[0-9A-Z]{10}|(\d{6})\d{2,6})(?=[/\s-]|$)", re.M
)


# A site named after the county it lies in, opening an item of a list or a table's cell: "句容念儿桥",
# "扬中 二水厂", "君山长江取水口".
_SITE_OF_A_COUNTY = re.compile(
    r"(?:^|(?<=[\s、,，;；:：(（]))([\u4e00-\u9fff]{2})\s?(?=[\u4e00-\u9fff]{1,8}?"
    r"(?:水厂|取水口|水源地|水库|自动站|监测站|断面|桥|闸))"
)


def _city_of_its_sites(text, gazetteer):
    """The city of a text that lost its name ("市水质自动监测周报"), where its sites are named
    after at least two of its counties and after none of another city's; else None."""
    named = getattr(gazetteer, "named", None)
    reference = getattr(gazetteer, "reference", None)
    if named is None or reference is None:
        return None
    counties = {
        division
        for match in _SITE_OF_A_COUNTY.finditer(text)
        if (division := named(match.group(1))) is not None and division.level == "county"
    }
    cities = {county.parent for county in counties}
    if len(counties) < 2 or len(cities) != 1:
        return None
    return reference.get(cities.pop())


# A company named after its city, opening an item of a list: "、天津泉泰生活垃圾处理有限公司".
_COMPANY_OF_A_PLACE = re.compile(
    r"(?:^|(?<=[\s、,，;；:：。(（]))([\u4e00-\u9fff]{2,3})[\u4e00-\u9fff]{2,16}?"
    r"(?:股份有限公司|有限责任公司|有限公司)"
)
# The text speaks of its own city ("全市环保系统共出动执法人员…").
_OWN_CITY = re.compile(r"全市|我市|本市")


def _city_of_its_companies(text, gazetteer):
    """The city of a text that says only 全市, where at least two of the companies it names
    are named after that city (or its counties) and none after another; else None."""
    named = getattr(gazetteer, "named", None)
    reference = getattr(gazetteer, "reference", None)
    if named is None or reference is None or not _OWN_CITY.search(text):
        return None
    cities = []
    for match in _COMPANY_OF_A_PLACE.finditer(text):
        division = _company_place(text, match.start(1), named, reference)
        if division is not None:
            cities.append(division)
    if len(cities) < 2 or len({city.code for city in cities}) != 1:
        return None
    city = cities[0]
    return city if city.level == "prefecture" or city.name in _MUNICIPALITIES else None


_MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
# Who gave the figures, named after its city: "以上资料由嘉兴市某某给排水有限公司提供",
# "数据来源:某某市环境监测中心站".
_SOURCE_OF_DATA = re.compile(
    r"(?:资料|数据)(?:均)?(?:由|来源\s*[:：]?|来自)\s*([\u4e00-\u9fff]{2,3})[\u4e00-\u9fff]{2,24}?"
    r"(?:公司|中心|站|局|厂)"
)


def _city_of_its_source(text, gazetteer):
    """The city of a text that names no place of its own, where the body that gave its data
    is named after that city (or one of its counties); else None."""
    named = getattr(gazetteer, "named", None)
    reference = getattr(gazetteer, "reference", None)
    found = _SOURCE_OF_DATA.search(text)
    if named is None or reference is None or found is None:
        return None
    division = _company_place(text, found.start(1), named, reference)
    if division is None or not (division.level == "prefecture" or division.name in _MUNICIPALITIES):
        return None
    return division


_LEVEL_WORD = re.compile(r"[县区市旗]")


def _company_place(text, start, named, reference):
    """The city a body's name at ``start`` opens with, or None: a city by its short form or
    its name ("衡阳恒泰…", "嘉兴市嘉源…"), a county only with its level word ("海盐县某某…",
    not "东风汽车…", "光明环境…": brands that share a district's short form), as its city."""
    three, two = text[start : start + 3], text[start : start + 2]
    division = named(three) or named(two)
    if division is None:
        return None
    if division.level != "county":
        return division
    after = start + len(division.short or two)
    return reference.get(division.parent) if _LEVEL_WORD.match(text, after) else None


_STATED_YEAR = re.compile(r"(?:19|20)\d{2}")


def _same_months_with_their_year(title, opening):
    """Whether the opening states the months the title names without a year, with their year."""
    return (
        title is not None
        and opening is not None
        and not _STATED_YEAR.search(title.label)
        and bool(_STATED_YEAR.search(opening.label))
        and (title.first.month, title.last.month) == (opening.first.month, opening.last.month)
        and (title.first.day, title.last.day) == (opening.first.day, opening.last.day)
    )


# "Ambient Air Quality in Major Cities (2008)": a yearbook table's year closing its headline.
_YEAR_CLOSING = re.compile(r"[(（]\s*((?:19|20)\d{2})\s*年?\s*[)）]\s*$")


def _year_closing(title):
    """The whole year a headline closes with in brackets, or None."""
    from . import periods

    found = _YEAR_CLOSING.search(title or "")
    if found is None:
        return None
    year = int(found.group(1))
    return periods.Period(*found.span(1), f"{year}", date(year, 1, 1), date(year, 12, 31))


def _indexed_place(head_text, gazetteer):
    """The division whose code opens the page's index number, or None."""
    found = _INDEX_NUMBER.search(head_text or "")
    reference = getattr(gazetteer, "reference", None)
    if found is None or reference is None:
        return None
    return reference.get(found.group(1) or found.group(2))


_HEADER_VALUE = re.compile(r"^[\u4e00-\u9fff]{1,6}\s*[:：]\s*(\S.{4,78}\S)$")


def _repeated_header_value(head_text):
    """The line of the page's header that repeats a value given under a label before it, or
    ""."""
    values = set()
    for line in head_text.splitlines()[:30]:
        line = line.strip()
        labelled = _HEADER_VALUE.match(line)
        if labelled:
            values.add(labelled.group(1))
        elif line in values and not re.search(r"[。；;]", line):
            return line
    return ""


_LOST_CHARACTER = re.compile(r"\s+\?+(?=\S)")
_REPORT_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度?|\s")


def _names_report(title, report):
    """Whether ``title`` already names ``report`` ("庚县…公报(2022年度)" and "2022年度庚县…公报")."""
    name = _REPORT_YEAR.sub("", report)
    return bool(name) and name in _REPORT_YEAR.sub("", title or "")


# "某省生态环境厅:2021年某省生态环境状况公报": an issuer, a colon, then a report's name (not a
# headline quoting the issuer: "生态环境部:2022年全国空气质量持续改善").
_ISSUER_THEN_REPORT = re.compile(
    r"\s*(" + _PUBLISHER.pattern[1:-1] + r")\s*[:：]\s*"
    r"((?:19|20)\d{2}\s*年[^:：。，,；;]{2,40}?(?:公报|报告书|报告|简报|通报|月报|季报|年报))\s*"
)

_PAPER = r"([\u4e00-\u9fff]{2,10}?(?:日报|晚报|新闻网|客户端|网|报|社|电视台))"
# "某城网讯", and "某城网消息:" as some sites credit themselves; "据某城日报消息" cites another.
_NEWS_OPENING = re.compile(r"\s*[/【\[]?(?!本报|本网|本台|据)" + _PAPER + r"(?:讯|消息)")
# "(昆明日报 记者王密)", "(来源:某城网—某城日报 记者 某某)", "（来源：宁波日报）": the paper
# credited in brackets closing the article; "(记者 王某 摄)" credits a reporter, no paper.
_CREDIT = re.compile(
    r"[(（]\s*(?:(?:来源|稿源)\s*[:：]\s*([^()（）:：\s]{2,24}?)(?=\s|[)）]|记者|通讯员|编辑)|"
    + _PAPER
    + r"\s*(?:记者|通讯员|供稿))[^()（）]{0,20}[)）]\s*$"
    # "…were of good quality.—Xinhua": an English wire story's agency after its last sentence.
    r"|[.!?\"”]\s*(?:—|–|--)\s*([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})\s*$"
)

# "根据生态环境部办公厅《关于印发…》": a body named as the author of a document the text
# cites or follows is not the one publishing the text.
# …nor a body the report deals with: one that passed cases on ("环境保护部转办81件") or took up
# its reports ("被环境保护部…采用").
_CITED_BEFORE = re.compile(r"(?:根据|按照|依据|依照|遵照|落实|被)\s*$")
_CITED_AFTER = re.compile(
    r"\s*(?:办公厅|办公室)?\s*(?:《|印发|发布的|关于|等部门|(?:转办|交办)(?=\d|的))"
)


# "河南省生态环境厅公布…", "据环境保护部网站消息", "记者从南平市生态环境局获悉": the body
# that releases what the text reports, beside one the text only mentions ("…是生态环境部
# 自2021年起采用的指标").
_RELEASES_AFTER = re.compile(
    r"\s*(?:网站|官网|官方网站|微信公众号|微博)?\s*(?:近日|日前|今天|今日|昨天|昨日)?\s*"
    r"(?:发布|公布|通报|印发|召开|消息|披露|介绍|获悉|发出)"
)
_RELEASES_BEFORE = re.compile(r"(?:据|从|来自)\s*$")


# A paper's own credit on a reprint of its article, before the page's editor and tags: its
# print edition on a line of its own ("《 人民日报 》( 2018年08月29日 14 版)"), or its reporter
# and editors run on after the last sentence ("…以内。某某日报新闻客户端记者王某编辑李某二审赵某").
_PAPER_CREDIT = re.compile(
    r"^\s*《\s*([\u4e00-\u9fff]{2,10}(?:报|刊))\s*》\s*[(（]\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月"
    r"\s*\d{1,2}\s*日(?:\s*第?\s*[A-Z]?\d{1,3}\s*版)?\s*[)）]\s*$"
    r"|[。！？]\s*([\u4e00-\u9fff]{2,12}?(?:日报|晚报|报|网|社|客户端|新闻|电视台))\s*记者\s*"
    r"[\u4e00-\u9fff]{2,4}(?:\s*(?:编辑|责编|一审|二审|三审|终审|通讯员)\s*[\u4e00-\u9fff]{2,4})*\s*$",
    re.M,
)


def _edition_date(text):
    """The day of the print edition a paper credits the article to, after it ("《 人民日报 》(
    2018年09月14日 02 版)"), or None."""
    for found in _PAPER_CREDIT.finditer(text or ""):
        if found.group(1):
            return parse_date(found.group(0))
    return None


def _closing_credit(blocks):
    """The credit closing the article's last lines of words, past residue ("?", "|") a copy
    left under it, or a paper's own credit among them."""
    worded = "\n".join([block.text for block in blocks if _WORD.search(block.text)][-4:])
    return _CREDIT.search(worded) or _PAPER_CREDIT.search(worded)


_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _subtitle_under(title, blocks):
    """The bracketed line right under the title ("(2017年8月)", "(地下水2021年下半年)"), also
    where the page repeats the title over it, or ""."""
    if not title or title.startswith("【") or _BRACKETED.fullmatch(title[-12:] or ""):
        return ""
    texts = [line.strip() for block in blocks[:3] for line in block.text.split("\n")][:4]
    if texts and texts[0] == title.strip():
        texts = texts[1:]
    if (
        texts
        and _BRACKETED.fullmatch(texts[0])
        and not _BRACKETED.search(title)
        and not _CAPTION.search(texts[0])
    ):
        return texts[0]
    return ""


_CAPTION = re.compile(r"图|照片|摄|视频|记者")  # "(资料图片)": a photo's caption, no subtitle


_CN_DIGIT = "〇○零一二三四五六七八九十"
_SIGNED = re.compile(
    r"^[ \t\u3000]*([\u4e00-\u9fff（）()]{4,30}?(?:局|厅|委员会|办公室|中心|站|院|政府|组|分局|所))"
    r"[ \t\u3000]*\n?[ \t\u3000]*"
    rf"(?:(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|[{_CN_DIGIT}]{{4}}年[{_CN_DIGIT}]{{1,2}}月[{_CN_DIGIT}]{{1,3}}日)"
    r"[ \t\u3000]*$",
    re.M,
)


# Labels under which a page gives the day it published the text (not edited or uploaded it).
_PUBLISHED_LABELS = frozenset({"发布时间", "发布日期", "发稿时间", "发表时间", "时间", "日期"})
# "中国环境监测总站 2021 年 8 月 5 日", "某市生态环境局局长: 某某\n2019 年5月31 日": the body
# that signs a bulletin, then the day; not a sentence going on from the day
# ("生态环境部于2022年4月12日发布…", "…2022年4月12日,召开").
_SIGNATURE_DATE = re.compile(
    r"(?:生态环境部|[\u4e00-\u9fff]{2,20}?(?:局|厅|总站|中心|委员会|政府))"
    r"[^\n。，,；;]{0,16}?\n?\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"
    r"(?!\s*[,，、:：;；起至到以前后发召举公通印开在对向讯电])"
)


def _signature_date(text):
    """The day a body signed the bulletin, from its signature in the text's opening, or None."""
    return _day(_SIGNATURE_DATE.search(text or ""))


def _signed_day(text):
    """The day under or beside the body signing the text at its end, or None: a page with no
    dated header, its signature over a note ("（此件公开发布）")."""
    signed = list(_SIGNED.finditer(text or ""))
    return parse_date(signed[-1].group(0)) if signed else None


def _signatory(text):
    """The body that signs the text: its name on a line of its own with the date beside or
    under it ("环境科学研究和宣传教育中心  二〇一四年十月十一日"), or ""."""
    found = _SIGNED.search(text or "")
    return found.group(1) if found else ""


_NEWS_SITE = re.compile(r"[\u4e00-\u9fff]{1,8}(?:网|在线|客户端|新闻网)")
_ALT = re.compile(r"""\balt\s*=\s*["']([^"']{2,20})["']""")


def _news_site(removed):
    """The news site named above the headline: its name on a line of its own, or its logo's
    alt text; a bureau's masthead is no source (its body is read from the text)."""
    for line in list(removed)[:6]:
        if line.reason not in ("site header", "title"):
            continue
        text = line.text.strip()
        alt = _ALT.search(text) if text.startswith("<") else None
        name = alt.group(1).strip() if alt else text
        if _NEWS_SITE.fullmatch(name):
            return name
    return ""


def _releasing(text):
    """Whether ``text`` names a body releasing what it reports (…局日前发布, 据…网站消息)."""
    return any(
        _RELEASES_AFTER.match(text, found.end())
        or _RELEASES_BEFORE.search(text[max(0, found.start() - 4) : found.start()])
        for found in _PUBLISHER.finditer(text)
    )


def _issuer(text):
    """The issuing body ``text`` names, not the author of a cited document: the first said to
    release what the text reports, else the first named."""
    named = [
        found
        for found in _PUBLISHER.finditer(text)
        if not _CITED_BEFORE.search(text[max(0, found.start() - 4) : found.start()])
        and not _CITED_AFTER.match(text, found.end())
    ]
    releasing = (
        found
        for found in named
        if _RELEASES_AFTER.match(text, found.end())
        or _RELEASES_BEFORE.search(text[max(0, found.start() - 4) : found.start()])
    )
    return next(releasing, named[0] if named else None)


def _is_place(name, gazetteer):
    """Whether ``name`` is a place and nothing else ("Hong Kong", not "China News Service")."""
    return any(s == 0 and e == len(name) for s, e, _d in gazetteer.find_all(name))


def _opening_cutoff(blocks, context):
    """The body's first time expression when it is a cut-off (截至…) of counts, else None."""
    from . import periods

    for block in blocks[:6]:
        if block.kind == "table":
            return None
        found = [p for p in periods.find_all(block.text, context) if not p.baseline]
        if found:
            first = found[0]
            return first if _CUTOFF.match(first.label) else None
    return None


_CUTOFF = re.compile(r"截[至止]")


def _from_its_place(publisher, gazetteer):
    """ "记者从南平市生态环境局" → "南平市生态环境局": the name starts at the place it names,
    or after the words that lead to it ("记者从市生态环境局" → "市生态环境局")."""
    publisher = _LEADING_WORDS.sub("", publisher)
    named = gazetteer.find_all(publisher)
    return publisher[named[0][0] :] if named else publisher


# "记者从", "据": words before a body's name, not of it (从化, 从江, 向阳 are places).
# "各市(地)和省环境保护厅机关": a list's 和 before the province's own body is no part of it.
_LEADING_WORDS = re.compile(
    r"^.*(?:记者|从(?![化江])|据|向(?!阳)|[和与及、](?=省(?:生态环境|环境保护|环保)))"
)


# "来源:滁州市生态环境局阅读:", "2023-01-18 08:28:55 新华社   作者: 高敬": the source named on a
# line of the page's header, after its label or after the date and time.
_SOURCE_IN_LINE = re.compile(
    r"(?:来源|来源于|信息来源|文章来源)\s*[:：]\s*([^\s|｜:：,，。;；【】\[\]]{2,30}?)"
    r"(?=阅读|浏览|字体|字号|作者|编辑|时间|发布|点击|打印|分享|[\s|｜【\[\]】]|$)"
)
# Also in title brackets: "2023-02-08 08:15:08 《 人民日报 》   作者: …".
_SOURCE_AFTER_DATE = re.compile(
    r"\d{1,2}:\d{2}(?::\d{2})?\s+(?:《\s*)?([\u4e00-\u9fff]{2,10}(?:社|网|报|台|在线|新闻))"
    r"(?:\s*》)?(?:\s|$)"
)
# "版权所有:吉林省生态环境厅吉ICP备2022007971号": the site's owner, in its footer.
_COPYRIGHT = re.compile(
    r"(?:版权所有|主办单位|主办)\s*[:：]?\s*([\u4e00-\u9fff（）()]{4,30}?)"
    r"(?=[\u4e00-\u9fff]?ICP|[A-Za-z\d\s|｜,，。;；]|备|版权|$)"
)


# "湖南省生态环境厅  时间:2021-12-16 18:11": the issuing body opening the page's date line.
# "中国产业经济信息网   时间:2017-06-06", "四川在线    2022年04月22日": a news site before the
# page's date.
_BODY_BEFORE_DATE = re.compile(
    r"^\s*(" + _PUBLISHER.pattern[1:-1] + r")\s+(?:(?:发布)?(?:时间|日期)\s*[:：]\s*)?"
    r"(?:19|20)\d{2}\s*[-/.年]"
    r"|^\s*([\u4e00-\u9fff]{2,12}(?:网|报|社|台|在线))\s+(?:(?:发布)?(?:时间|日期)\s*[:：]\s*)?"
    r"(?:19|20)\d{2}\s*[-/.年]"
)


def _source_in_header(head_text):
    """The source named on a short line of the page's header, or ""."""
    lines = [
        line
        for line in head_text.splitlines()[:40]
        if len(line) <= 200 and not re.search(r"[。！？]", line)
    ]
    # A labelled source ("来源:丰都新闻网") beats a name after a reprint's date line
    # ("2021-07-16 02:06 重庆晨报").
    for line in lines:
        found = _SOURCE_IN_LINE.search(line)
        if found and found.group(1) not in _NO_SOURCE:
            return found.group(1)
    for line in lines:
        found = _SOURCE_AFTER_DATE.search(line) or _BODY_BEFORE_DATE.match(line)
        if found:
            return next(name for name in found.groups() if name)
    return ""


def _copyright(tail_text):
    """The body that owns the site, from its footer ("版权所有:…"), or ""."""
    found = _COPYRIGHT.search(tail_text or "")
    return found.group(1) if found else ""


def _date_in_header(head_text):
    """A date on a short line of the page's header ("来源：… 2019-05-31 11:04", "Updated: …"),
    before the article: the dates of the related articles listed under it are theirs."""
    for line in head_text.splitlines()[:40]:
        if _ARTICLE_LINE.search(line):
            return None
        if len(line) > 90 or re.search(r"[。！？]", line) or PAGE_CLOCK.match(line):
            continue
        found = _ANY_DATE.search(line)
        day_first = _DAY_FIRST_DATE.match(line)
        if found or day_first:
            try:
                if found:
                    return date(*map(int, found.groups()))
                return date(*map(int, reversed(day_first.groups())))
            except ValueError:
                continue
    return None


# A line of the article: a paragraph of sentences, Chinese or English.
_ARTICLE_LINE = re.compile(
    r"^(?=.{20,}).*[，,；;].*[。！？]\s*$|^(?=.{40,}).*(?:[。！？]|[a-z0-9%)]\.(?:\s|$))"
)


def _first_year(text):
    # A bare four-digit number is a year only in the years bulletins report on ("1940
    # national sections" is a count).
    # Not a baseline ("from the 2013 level", "compared with 2015"), nor a target ("by 2025").
    # Nor, in Chinese, a year compared with ("与2015年相比", "比2013年同期") or one a practice
    # started in ("自2021年起采用"). Nor a standard's ("GB3095-2012"), nor a count of things
    # ("责令改正决定1990起", "2015家").
    for found in re.finditer(
        r"((?:19|20)\d{2})\s*年|(?<![\d,.\-–—])(?<!from the )(?<!from )(?<!compared with )"
        r"(?<!compared to )(?<!than )(?<!since )(?<!by )((?:199|20[0-3])\d)(?!\d|[.,]\d|%|"
        r"\s*(?:起|件|家|个|人|次|万|亿|吨|元|天|座|处|项|条|台|辆|户|所|名|篇|期|批|份|亩|公[里顷]|"
        r"平方|立方|千|余|多))",
        text or "",
    ):
        if found.group(1) and _compared_year(text, found):
            continue
        return int(found.group(1) or found.group(2))
    return None


def _only_year(text, context):
    """The one whole year ``text`` states as a time, when it states no other; else None. A year
    aimed at ("到2025年，…力争达到90%") is no time of the text."""
    from . import periods

    stated = [
        p
        for p in periods.find_all(text, context)
        if p.last and not p.baseline and not _TARGET_BEFORE.search(text, max(0, p.start - 3), p.start)
    ]
    if {p.kind for p in stated} == {"year"} and len({p.first for p in stated}) == 1:
        return stated[0]
    return None


def _compared_year(text, found):
    """Whether the year ``found`` (its match) is compared with ("与2015年相比", "比2013年同期")."""
    return bool(
        _COMPARED_BEFORE.search(text, max(0, found.start() - 3), found.start())
        or _COMPARED_AFTER.match(text, found.end())
    )


def _most_said_year(text):
    """The year a text's own sentences name most often ("2021年上半年,…"), the later of two
    named as often; not a year compared with or aimed at. For a text whose opening names
    none: its months and halves without a year are of that year."""
    said = Counter(
        int(found.group(1))
        for found in re.finditer(r"((?:19|20)\d{2})\s*年", text)
        if not _compared_year(text, found)
        and not _TARGET_BEFORE.search(text, max(0, found.start() - 3), found.start())
    )
    if not said:
        return None
    return max(said, key=lambda year: (said[year], year))


# The nation as the scope of figures; not as what a place is compared or ranked with
# ("优于全国平均水平", "居全国第3", "全国领先").
_NATIONWIDE = re.compile(
    r"(?<![于比较同与居在占列入])全国(?!平均|水平|排名|排位|第|前列|领先|首|同期|均值|先进|一流)"
)
_COMPARED_BEFORE = re.compile(r"(?:与|比|较|同比|自|从)\s*$")
_COMPARED_AFTER = re.compile(r"\s*(?:同期|相比|相较|比较|起|开始)")


_HERE_SELF = ((r"我县|全县|本县", "county"),)
# Only where a rank follows ("全市排名第1", "全省居第三", "全市第2名"): "全市第一季度…",
# "全市居民…" say where the text is.
_RANKED_IN = re.compile(
    r"(?:全|我|本)[省市县区]"
    r"(?:(?:排名|排位|排在|排|位列|位居|居)\s*(?:第\s*)?(?:\d|第?[一二三四五六七八九十])"
    r"|第\s*[\d一二三四五六七八九十]+\s*[名位])"
)
_HERE_LEVELS = (
    # "…市中心城区开展了监测": a city's own report, whatever its name (a copy may garble it).
    (r"我市|全市|本市|市环保局|市生态环境局|市中心城区", "prefecture"),
    (r"我省|全省|本省|省生态环境厅", "province"),
    (r"我县|全县|本县|县生态环境", "county"),
)


_PROSE = re.compile(r"[。，,；;]|[a-z)]\.(?:\s|$)")  # a paragraph, not a dateline or a link
_BRACKETED = re.compile(r"\s*[(（]\s*[^()（）]{4,20}\s*[)）]\s*")
_NOTE = re.compile(r"\s*(?:注|备注|说明)\s*\d?\s*[:：]")  # a note under a table, not the opening
_TRAILING_DATE = re.compile(
    r"\s+(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)
# A bureau named without its place: "市生态环境局", "县环保局".
_UNNAMED_SEAT = re.compile(r"\s*[省市县](?:生态环境|环境保护|环保)")
_SEAT_LEVEL = {"省": "province", "市": "prefecture", "县": "county"}
_AUTONOMOUS = re.compile(r"广西|内蒙古|西藏|宁夏|新疆|自治区")
# "嘉兴市生态环境局海盐分局": the county branch of a city's bureau.
_BRANCH = re.compile(r"局([\u4e00-\u9fff]{2,3}?)分局")


def _named_in(text, gazetteer):
    """The place a title or a publisher's name is about: the first it names, or a division
    inside it named right after ("南宁市青秀区" → 青秀区, "嘉兴市生态环境局海盐分局" → 海盐县).
    A lake is the place of its own water's figures, never of a document."""
    named = [n for n in gazetteer.find_all(text) if not is_lake(n[2])]
    if not named:
        return None
    place = named[0][2]
    for _start, _end, division in named[1:]:
        if _inside(division, place):
            place = division
    branch = _BRANCH.search(text)
    lookup = getattr(gazetteer, "named", None)
    if branch and lookup is not None:
        # "…局海盐分局" by the county's short form, "楚雄州…局楚雄市分局" by its name, which
        # may be the short form of the city too: the one inside the city is meant.
        within = getattr(gazetteer, "named_within", lambda short, outer: None)
        bare = re.sub(r"[市县区旗]$", "", branch.group(1))
        county = within(bare, place) or lookup(branch.group(1))
        if county is not None and _inside(county, place):
            place = county
    return place


# "来宾日报", "北京晚报": a paper named after its city or province, by its short form.
_CITY_PAPER = re.compile(r"^(?:.*[—-])?([\u4e00-\u9fff]{2,3}?)(?:日报|晚报|都市报|商报|时报)$")


def _paper_place(publisher, gazetteer):
    """The city or province a paper is named after, where its short form is also a word (来宾);
    a county's name is no paper's (光明日报 is not of 光明区)."""
    found = _CITY_PAPER.match(publisher)
    lookup = getattr(gazetteer, "named", None)
    place = lookup(found.group(1)) if found and lookup is not None else None
    return place if getattr(place, "level", "") in ("prefecture", "province") else None


def _inside(division, place):
    """Whether ``division`` lies inside ``place``, by their GB/T 2260 codes."""
    inner, outer = getattr(division, "code", ""), getattr(place, "code", "")
    if not (inner and outer and len(inner) == len(outer) == 6) or inner == outer:
        return False
    prefix = outer.rstrip("0")
    prefix = prefix + "0" * (len(prefix) % 2)  # 450000 → 45, 450100 → 4501, 130700 → 1307
    return inner.startswith(prefix)


def _region(title, publisher, opening, gazetteer, body=""):
    named = _named_in(title, gazetteer)
    if named is not None:
        return named
    if publisher and _NATIONAL_PUBLISHER.match(publisher):
        return COUNTRY
    named = _named_in(publisher or "", gazetteer) or _paper_place(publisher or "", gazetteer)
    if named is not None:
        return _province_speaking(named, opening, gazetteer) or named
    counts = Counter()
    first = {}
    # A text that says 我市/全市 is about a city: the city it names most, wherever it does.
    # "江永县…全县…,全市排名第1,全省排名第3": where the text's place is ranked says nothing of
    # its level; 全县/我县 is a county's report, whatever higher body it names (省生态环境厅).
    said = _RANKED_IN.sub("", opening)
    level = next((lvl for words, lvl in _HERE_SELF if re.search(words, said)), None) or next(
        (lvl for words, lvl in _HERE_LEVELS if re.search(words, said)), None
    )
    if level is None and _NATIONWIDE.search(said[:200]) and len(_NATIONWIDE.findall(body)) >= 2:
        # "2019年1-6月,全国水环境质量总体改善,…山西、吉林、广东等3省…": a text opening with
        # the country's figures is the country's, however often it names the provinces behind.
        return COUNTRY
    if level is None and re.search(r"我区|全区|本区", opening):
        # 全区 is an autonomous region's when the text names one, else a district's.
        level = "province" if _AUTONOMOUS.search(body or opening) else "county"
    text = body if level else opening[:600]
    # "江西省第三生态环境保护督察组向信丰县转办…": the province names the team that sends,
    # the county is what the text is about.
    named = [
        n for n in gazetteer.find_all(text) if not TEAM_AFTER.match(text, n[1]) and not is_lake(n[2])
    ]
    for _start, _end, division in named:
        if level and getattr(division, "level", "") != level:
            continue
        counts[division.name] += 1
        first.setdefault(division.name, division)
    if counts:
        ranked = counts.most_common()
        name, count = ranked[0]
        tied = [first[other] for other, times in ranked if times == count]
        if level == "prefecture" and len(tied) > 1:
            # "全省各市…延安市、榆林市…铜川市23天" then "全市…" and 宜君县, 印台区, 王益区: of
            # the cities named alike, the one whose own districts the text goes through.
            own = _common_ancestor(named, level, gazetteer)
            if own is not None and own.name in {division.name for division in tied}:
                return own
        if level is None and len(tied) > 1:
            around = _around_the_others(tied)
            if around is not None:
                # "荆门市…钟祥市、京山市、沙洋县分别设置1个点位": a city and its own counties.
                return around
            # A table or list of sibling places (翠屏区, 南溪区…) is about the division they share.
            parent = _shared_parent(tied, gazetteer)
            if parent is None and len(tied) > 2:
                # Counties of several cities ranked in one table (江华县, 双峰县, 汨罗市…): the
                # province most of them lie in.
                parent = _common_ancestor(named, "province", gazetteer)
            if parent is not None:
                return parent
        if level is None and len(ranked) >= 3 and count < 2 * ranked[1][1]:
            # A ranking of a province's cities (忻州、大同、吕梁…, one named a little more
            # often): the province they lie in, unless one city is named far more than any other.
            parent = _common_ancestor(named, "province", gazetteer)
            if parent is not None:
                return parent
        return first[name]
    if level in ("prefecture", "province"):
        # 全市 in a text that names only the city's districts (张店区, 淄川区, 桓台县…): the city.
        # A city text whose own name is lost ("我市中心城区" under a garbled title) naming
        # one county of a city (a station "赣县区卫计委"): that city.
        fewest = 1 if level == "prefecture" else 2
        return _common_ancestor(named, level, gazetteer, fewest)
    return None


_BELOW = {"prefecture": ("county",), "province": ("prefecture", "county")}
_PROVINCE_SPEAKING = re.compile(r"我省|本省")
_SELF_BELOW_PROVINCE = re.compile(r"我市|全市|本市|我县|全县|本县|我区|全区|本区")


def _province_speaking(publisher_place, opening, gazetteer):
    """The province of a city's or county's bureau that posts a text the province wrote ("我省
    共布设361个省控监测点位" on a city bureau's site): the text is the province's; else None."""
    said = _RANKED_IN.sub("", opening)
    if not _PROVINCE_SPEAKING.search(said) or _SELF_BELOW_PROVINCE.search(said):
        # "我市…,高于我省平均水平", "根据我省统一部署,我县…": the city's or county's own text
        return None
    # the province a city or county lies in (None for a province's own bureau)
    return _common_ancestor([(0, 0, publisher_place)], "province", gazetteer, fewest=1)


def _common_ancestor(named, level, gazetteer, fewest=2):
    """The division of ``level`` that most of the places named below it lie in, when at least
    ``fewest`` different ones are named and two thirds of them lie in it; else None."""
    reference = getattr(gazetteer, "reference", None)
    if reference is None:
        return None
    below = {d.code: d for _s, _e, d in named if getattr(d, "level", "") in _BELOW[level]}
    if len(below) < fewest:
        return None
    ancestors = Counter()
    for division in below.values():
        up = reference.get(division.parent) if division.parent else None
        # A province's own counties (北京市朝阳区) stand directly under it.
        while up is not None and up.level not in (level, "province"):
            up = reference.get(up.parent) if up.parent else None
        if up is not None:
            ancestors[up.code] += 1
    if not ancestors:
        return None
    code, count = ancestors.most_common(1)[0]
    return reference.get(code) if 3 * count >= 2 * len(below) else None


def _around_the_others(divisions):
    """The one of ``divisions`` inside which all the others lie, or None."""
    for outer in divisions:
        if all(_inside(inner, outer) for inner in divisions if inner is not outer):
            return outer
    return None


def _shared_parent(divisions, gazetteer):
    parents = {getattr(division, "parent", "") for division in divisions}
    reference = getattr(gazetteer, "reference", None)
    if len(parents) != 1 or reference is None:
        return None
    return reference.get(parents.pop())
