"""What the raw text says about itself: title, issuing body, author, date, original link, period.

Only what the text states is taken; nothing is inferred from outside knowledge. A date is
read from a labelled line (发布时间, 日期…) or a line that is only a date, never from a
sentence of the article (the date of a meeting is not the date of the report on it). The
period covered is set only when every dated figure of the article names the same calendar
year at the head of its clause ("2023年全省优良天数比例为93.1%").
"""

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.utils.translation import gettext as _

_BULLET = re.compile(r"^[-·•*]\s*")

_LABELS = {
    "issued": (
        "发布时间",
        "发布日期",
        "发稿时间",
        "发表时间",
        "发文日期",
        "成文日期",
        "时间",
        "日期",
        "更新时间",
    ),
    "source": ("来源", "来源于", "信息来源", "文章来源", "稿件来源", "消息来源", "出处"),
    "author": ("作者", "撰稿", "撰文", "记者", "文"),
    "url": ("原文链接", "原文地址", "原文网址", "本文链接"),
    "other": (
        "通讯员",
        "摄影",
        "图",
        "编辑",
        "责任编辑",
        "责编",
        "编审",
        "审核",
        "审校",
        "校对",
        "监制",
        "关键词",
        "关键字",
        "标签",
        "浏览次数",
        "浏览量",
        "浏览",
        "阅读次数",
        "阅读量",
        "阅读",
        "点击数",
        "点击量",
        "点击",
        "访问量",
        "字号",
    ),
}
_LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels}
_LABEL_ALT = "|".join(sorted(_LABEL_KIND, key=len, reverse=True))
_LABEL = re.compile(rf"(?<![\u4e00-\u9fff])({_LABEL_ALT})\s*[:：|｜/]\s*")
_META_LINE = re.compile(rf"^(?:{_LABEL_ALT})\s*(?:[:：|｜/]|\s+\d+$)")
_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_DATE_LINE = re.compile(
    r"^(?:\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?)(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?$"
)
_COUNTER_LINE = re.compile(r"^[-·•*]\s*\d+$")
_WECHAT_HEAD = re.compile(r"^原创\s|发表于\s*\S{1,10}$")
_DATETIME = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?\s+\d{1,2}:\d{2}(?::\d{2})?")
# "原创 作者 公众号 2024-01-15 08:30 发表于…": the WeChat account is the source.
_WECHAT_BYLINE = re.compile(r"^原创\s+((?:\S+\s+){0,2}?\S+)\s+\d{4}-\d{1,2}-\d{1,2}")
_URL = re.compile(r"https?://[^\s<>\"'，。；、）)]+")
_SHARED_TITLE = re.compile(r"《([^《》]{2,150}?)(?:\.(?:docx?|pdf|pptx?|txt|wps|xlsx?))?》")
_BYLINE = re.compile(
    r"^[\u4e00-\u9fff（）()·]{2,30}"
    r"(?:局|厅|委|委员会|办公室|办|中心|部|站|院|政府|公司|协会|学会|管委会|研究所|支队|大队|分局|宣传处)$"
)
_LIST_MARKER = re.compile(
    r"^(?:\d{1,3}$|\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}[,，、：:]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


@dataclass
class Metadata:
    """Fields read from the header and footer of the raw text; empty when not stated."""

    source_name: str = ""
    author_name: str = ""
    issued_at_text: str = ""
    issued_on: date | None = None
    original_url: str = ""
    warnings: list[str] = field(default_factory=list)


def is_meta_line(line):
    """A line that is only metadata: "来源:…", "- 2024/1/29 9:18:49", "- 17098", "原创 …"."""
    if not line or len(line) > 160:
        return False
    bare = _BULLET.sub("", line)
    if _META_LINE.match(bare) or _DATE_LINE.match(bare) or _COUNTER_LINE.match(line):
        return True
    if len(line) <= 60 and (_WECHAT_HEAD.search(line) or _DATETIME.search(line)):
        return not re.search(r"[。！？；]", line)
    return False


def has_url_label(line):
    match = _LABEL.search(line)
    return bool(match and _LABEL_KIND[match.group(1)] == "url")


def is_byline(line):
    """An issuing body on its own line under the title ("黑河市生态环境局")."""
    return bool(_BYLINE.match(line))


def title_from_share_header(line):
    """The document name in a file-sharing site's header: 《名称.docx》由会员分享…"""
    match = _SHARED_TITLE.search(line)
    return match.group(1).strip() if match else ""


def looks_like_title(line):
    """A first line that can be a title: short, not a sentence, not a list number."""
    if not (2 <= len(line) <= 80):
        return False
    if _LIST_MARKER.match(line) or is_meta_line(line):
        return False
    if line[-1] in "。；;,，、:：" or "。" in line:
        return False
    return len(re.findall(r"[,，]", line)) <= 2


def parse_date(text):
    match = _DATE.search(text)
    if not match:
        return None
    try:
        return date(*map(int, match.groups()))
    except ValueError:
        return None


def read_metadata(lines):
    """Harvest the labelled fields from metadata lines (first statement of each wins)."""
    meta = Metadata()
    for line in lines:
        bare = _BULLET.sub("", line)
        matches = list(_LABEL.finditer(bare))
        for index, match in enumerate(matches):
            end = matches[index + 1].start() if index + 1 < len(matches) else len(bare)
            value = bare[match.end() : end].strip(" \t|｜-—")
            _store(meta, _LABEL_KIND[match.group(1)], value)
        wechat = _WECHAT_BYLINE.match(bare)
        if wechat:
            names = wechat.group(1).split()
            _store(meta, "source", names[-1])
            if len(names) > 1 and names[0] != names[-1]:
                _store(meta, "author", names[0])
        if not matches and not meta.issued_at_text:
            if _DATE_LINE.match(bare):
                _store(meta, "issued", bare)
            elif _DATETIME.search(bare):
                _store(meta, "issued", _DATETIME.search(bare).group(0))
    if meta.issued_at_text and meta.issued_on is None:
        meta.warnings.append(
            _("发布时间“%(text)s”不是可识别的日期，发布日期留空。") % {"text": meta.issued_at_text}
        )
    return meta


def _store(meta, kind, value):
    if not value:
        return
    if kind == "issued" and not meta.issued_at_text:
        found = _DATE.search(value)
        meta.issued_at_text = value[:64]
        meta.issued_on = parse_date(found.group(0)) if found else None
    elif kind == "source" and not meta.source_name:
        meta.source_name = value[:128]
    elif kind == "author" and not meta.author_name:
        meta.author_name = value[:64]
    elif kind == "url" and not meta.original_url:
        url = _URL.search(value)
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
