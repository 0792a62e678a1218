"""Page furniture out, article in: every line of the article is kept word for word.

The raw text of a bulletin copied from a web page, a WeChat article or a document converter
carries lines that are not the article: site navigation and breadcrumbs, metadata lines
(发布时间, 来源, 作者…, harvested by ``metadata``), share and advertising residue ("ad1 webp",
"展开全部"), disclaimers, copyright and contact lines, and converter page markers ("2、" at
the start of each page, often splitting a word). This module recognises them with generic
patterns — nothing here names a site, a document or a sentence — and removes them, recording
every removed line with the reason so that an editor can check that nothing of the article
went with them.

What is kept is never rewritten: paragraphs are the article's lines with surrounding
whitespace stripped; a line broken in two by a converter or a wrapped caption is joined back
(``join_wrapped``), without adding or removing a character of text.
"""

import re
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from functools import lru_cache

from . import dateline
from .figures import is_unit
from .numbers import SPELT_VOLUME_UNIT
from .table_cells import UNITS_HEADING, compound_items, unchanged, worded_change

# Sentence-final punctuation (a paragraph ending otherwise is unfinished or a heading).
SENTENCE_END = "。！？!?；;…”’」』）)"
_SENTENCE_INSIDE = re.compile(r"[。！？!?；;]")

# --- Line kinds ---------------------------------------------------------------------------

# Metadata lines: labelled fields, bare dates, counters, bylines (their values: ``metadata``).
BULLET = re.compile(r"^[-·•*]\s*")

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
        # The day a page was edited, entered or uploaded: its date when it states no other.
        "编辑时间",
        "录入时间",
        "上传时间",
        "更新日期",
    ),
    "source": (
        "来源",
        "来源于",
        "信息来源",
        "文章来源",
        "稿件来源",
        "消息来源",
        "出处",
        "发布机构",
        "发文机关",
        "来自",  # "查看: 6| 来自: 某县政府门户网"
        "From",  # "From: Some City Daily" under an English page's headline
    ),
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
        "访问次数",
        "访问数",
        "点击次数",
        "阅读数",
        "字号",
        # The header table of a government information-disclosure page (政府信息公开).
        "索引号",
        "文件编号",
        "组配分类",
        "主题分类",
        "有效性",
        "文号",
        "发文字号",
        "目录组配分类",
        "公文目录",
        "主题词",
        "内容摘要",
        "内容概述",
    ),
    # "标题: | 2023年5月份环境空气质量情况通报 |" in the same header table.
    # "名 称:江苏省水质自动监测周报(2015年第7周) | 文件编号: |": 名称 only before a colon
    # (a table's header "名称 | 水质类别" is no title).
    "title": ("标题", "名称", "文件名称"),
}
LABEL_KIND = {label: kind for kind, labels in _LABELS.items() for label in labels}
_LABEL_ALT = "|".join(
    re.escape(label) + (r"(?=\s*[:：])" if label == "名称" else "")
    for label in sorted(LABEL_KIND, key=len, reverse=True)
)
LABEL = re.compile(rf"(?<![\u4e00-\u9fff])({_LABEL_ALT})\s*[:：|｜/]\s*")
_DAY = r"\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_TIME = r"\d{1,2}:\d{2}(?::\d{2})?"
_WEEKDAY = r"(?:星期|周)[一二三四五六日天]"
# "2026年11月3日  来源：…", "2024年04月17日 星期三  来源：…": the date of issue, unlabelled,
# ahead of a labelled field.
DATE_AHEAD = re.compile(
    rf"^({_DAY}(?:\s*{_TIME})?)(?:\s*{_WEEKDAY})?\s+(?=(?:{_LABEL_ALT})\s*[:：|｜/])"
)
_META_LINE = re.compile(
    rf"^(?:{_DAY}(?:\s*{_TIME})?(?:\s*{_WEEKDAY})?\s+)?(?:{_LABEL_ALT})\s*(?:[:：|｜/]|\s+\d+$)"
)
# An official document's number under its issuer's masthead: "青环发〔2023〕12号".
_DOCUMENT_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,10}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
# "索  引  号:", "标      题:": a label spaced out to the width of its column.
_SPACED_LABEL = re.compile(
    "|".join(
        r"\s+".join(map(re.escape, label))
        for label in sorted(LABEL_KIND, key=len, reverse=True)
        if len(label) >= 2
    )
    + r"(?=\s*[:：])"
)


def unspaced_labels(line):
    """The line with its spaced-out labels closed up ("索  引  号:" → "索引号:")."""
    return _SPACED_LABEL.sub(lambda m: re.sub(r"\s+", "", m.group(0)), line)


DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
# Also a newspaper page's "| | | 2017年07月18日 星期二": bars before it, the weekday after it.
DATE_LINE = re.compile(
    rf"^(?:[|｜]\s*)*(?:{_DAY})(?:\s*{_TIME})?(?:\s*(?:星期|周)[一二三四五六日天])?$"
)
_COUNTER_LINE = re.compile(r"^[-·•*]\s*\d+$")
# The reporters' credit under a headline: "本报记者 林晓", "记者 林晓 通讯员 何云 摄影 王某".
_CREDIT_LINE = re.compile(
    r"^(?:本报|本台|本网)?(?:记者|通讯员)\s*[\u4e00-\u9fff]{2,4}"
    r"(?:\s+(?:(?:本报|本台)?记者|通讯员|摄影|摄|编辑)?\s*[\u4e00-\u9fff]{2,4})*$"
)
_WECHAT_HEAD = re.compile(r"^原创\s|发表于\s*\S{1,10}$")
# Also run together: "2020年07月15日08:40".
DATETIME = re.compile(r"\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}(?:日\s*|\s+)\d{1,2}:\d{2}(?::\d{2})?")
# "原创 作者 公众号 2024-01-15 08:30 发表于…": the WeChat account is the source; the date may
# be written any way, or stand on the next line.
WECHAT_BYLINE = re.compile(rf"^原创\s+((?:\S+\s+){{0,2}}?\S+)(?:\s+{_DAY}|\s*$)")
URL = re.compile(r"https?://[^\s<>\"'，。；、）)]+")
_SHARED_TITLE = re.compile(r"《([^《》]{2,150}?)(?:\.(?:docx?|pdf|pptx?|txt|wps|xlsx?))?》")
_BYLINE = re.compile(
    r"^[\u4e00-\u9fff（）()·]{2,30}"
    r"(?:局|厅|委|委员会|办公室|办|中心|部|站|院|政府|公司|协会|学会|管委会|研究所|支队|大队|分局|宣传处)$"
)
_LIST_MARKER = re.compile(
    r"^(?:\d{1,3}$|\d{1,2}\s*[、.．]|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}[,，、：:]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


# The page's widgets among its header fields: "【字体：大 中 小】", "【打印】", "字号:大 中 小",
# "分享到:". Not words of any field: a line of fields is read without them.
_WIDGET = re.compile(
    r"[【\[]\s*(?:字体|字号|打印|关闭|分享|收藏|返回|[大中小](?=\s*[】\]]))[^【】\[\]]{0,16}[】\]]"
    r"|(?:字体|字号)\s*[:：]?\s*[大中小](?:\s*[大中小]){1,2}"
    r"|分享到\s*[:：]?"
)


def without_widgets(line):
    """``line`` with the page's widgets blanked out ("【字体：大 中 小】 时间：…" → " 时间：…")."""
    return _WIDGET.sub(" ", line).strip(" \u3000|｜") if _WIDGET.search(line) else line


# A header line of dates and names only: the date and time, a weekday, a newspaper's edition
# ("第A7版"), the WeChat marks ("原创", "发表于四川"), and names: the body or outlet that
# published the page ("白沙县融媒体中心  2024-04-17 09:05", "南湾日报 2023年05月08日 第A7版"),
# with the reporter's before it ("林晓 青岚市生态环境局" over the date).
_DATED_PIECE = re.compile(
    rf"{_DAY}(?:\s*{_TIME})?|{_TIME}|(?:星期|周)[一二三四五六日天]"
    r"|第\s*[A-Z]?\d{1,3}\s*版|\b[A-Z]\d{1,2}\s*版|^原创|发表于\S{0,6}$"
)
# A body's name, or an outlet's: a short one, as a paper's is ("南湾日报"; "各市环境空气质量日报"
# names a report).
ORGANISATION = re.compile(
    r"[\u4e00-\u9fff（）()·]{2,24}?"
    r"(?:局|厅|委员会|办公室|中心|站|院|政府|协会|学会|管委会|研究所|支队|大队)"
    r"|[\u4e00-\u9fff]{1,6}?(?:日报|晚报|早报|商报|时报|都市报|报社|网|社|电视台|在线|客户端)"
)
_PERSON = re.compile(r"[\u4e00-\u9fff]{2,3}")


def header_names(line):
    """The names on a header line of dates and names only, the publisher's last (a reporter's
    name before it); None for any other line: one name at least must be a body's or an
    outlet's, the others people's, and there are three at most."""
    rest = _DATED_PIECE.sub(" ", without_widgets(BULLET.sub("", line)))
    if len(line) > 80 or re.search(r"[。！？；，,、:：]", rest):
        return None
    names = [piece for piece in re.split(r"[\s|｜/·•]+", rest) if piece]
    if not 1 <= len(names) <= 3 or not ORGANISATION.fullmatch(names[-1]):
        return None
    if not all(_PERSON.fullmatch(name) or ORGANISATION.fullmatch(name) for name in names):
        return None
    if not DATE.search(line) and (
        not re.fullmatch(r"\S+ \S{4,}", line.strip()) or ORGANISATION.fullmatch(names[0])
    ):
        # Without a date, only a reporter over a body's full name ("林晓 青岚市生态环境局"):
        # not a body's name alone (a byline, a signature), nor a table's row of stations.
        return None
    return names


# "| 信息来源: 发布时间: 2023-05-08 浏览次数: |": the page's header of labelled fields copied as a
# table's row; a label with its colon opens it (a table's heading "| 日期 | AQI |" has none).
_LABELLED_ROW = re.compile(rf"^[|｜]\s*(?:{_LABEL_ALT})\s*[:：].*[|｜]$")


def is_meta_line(line):
    """A line that is only metadata: "来源:…", "- 2024/1/29 9:18:49", "- 17098", "原创 …"."""
    if not line or len(line) > 160 or PAGE_CLOCK.match(line):
        return False
    bare = BULLET.sub("", unspaced_labels(line))
    # "[发布时间：…] [来源：…]": fields each in square brackets.
    bare = (without_widgets(bare) or bare).lstrip("[【")
    if _META_LINE.match(bare) or DATE_LINE.match(bare) or _COUNTER_LINE.match(line):
        return True
    if header_names(line) or _CREDIT_LINE.match(bare) or _DOCUMENT_NUMBER.match(bare):
        return True
    if _LABELLED_ROW.match(bare):
        return True
    if dateline.only_a_date(bare):
        return True  # "March 2, 2019" under an English headline, or over it
    if len(line) <= 60 and (_WECHAT_HEAD.search(line) or DATETIME.search(line)):
        return not re.search(r"[。！？；]", line)
    return False


# Where the article's first sentence starts after a source run into it: its date, or a
# news agency's "讯" ("铜陵日报4月17日,…", "某某网讯 …").
_ARTICLE_START = re.compile(r"(?:19|20)\d{2}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|(?<=讯)|\s")


def run_on_source(line):
    """(the source line, the article after it) when a copy ran the article's first paragraph
    into its source line; else ("", "")."""
    match = LABEL.match(BULLET.sub("", line))
    if not match or LABEL_KIND[match.group(1)] != "source" or not re.search(r"[。；;]", line):
        return "", ""
    offset = len(line) - len(BULLET.sub("", line)) + match.end()
    start = _ARTICLE_START.search(line, offset + 2)
    if start is None or not re.search(r"[,，。]", line[offset : start.start() + 12]):
        return "", ""
    return line[: start.start()].rstrip(), line[start.start() :].strip()


def has_url_label(line):
    match = LABEL.search(line)
    return bool(match and LABEL_KIND[match.group(1)] == "url")


def is_byline(line):
    """An issuing body on its own line under the title ("黑河市生态环境局")."""
    return bool(_BYLINE.match(line))


def title_from_share_header(line):
    """The document name in a file-sharing site's header: 《名称.docx》由会员分享…"""
    match = _SHARED_TITLE.search(line)
    return match.group(1).strip() if match else ""


def looks_like_title(line):
    """A first line that can be a title: short, not a sentence, not a list number."""
    latin = len(re.findall(r"[A-Za-z]", line)) > len(line) / 2
    # An English headline takes about twice the characters of a Chinese one.
    if not (2 <= len(line) <= (160 if latin else 80)):
        return False
    if latin and (re.search(r"[a-z0-9)]\.\s+\S", line) or line.endswith(".")):
        return False  # two sentences: a caption or the article, not a headline
    if latin and " " not in line.strip():
        return False  # one word: a dateline's city ("Shanghai"), a site's name
    if _LIST_MARKER.match(line) or is_meta_line(line) or line.startswith("|"):
        return False
    if is_nav(line):
        return False  # a breadcrumb ("首页 > 环境质量 > 正文"), a menu
    if re.search(r"\s[|｜]$", line) and len(re.findall(r"[|｜]", line)) == 1:
        return False  # a table's cell in a copy that ends each cell with " |"
    if line[-1] in "。；;,，、:：" or "。" in line:
        return False
    if not re.search(r"[\u4e00-\u9fffA-Za-z]", line):
        return False  # "---|---|---|": a table's rule, not words
    return len(re.findall(r"[,，]", line)) <= 2


_NAV = re.compile(
    r"^(?:欢迎(?:访问|来到|光临|您)"
    r"|(?:当前|您的|你的|您当前的?)(?:所在)?(?:位置|所在)\s*[:：]"
    r"|(?:首页|网站首页|主页)\s*[>›»/]"
    r"|(?:设为首页|加入收藏|登录|注册|无障碍|简体版|繁體版|English)(?:\s*[|｜/]\s*\S+)*$"
    r"|(?:搜索历史|历史搜索|热门搜索)\s*(?:清空记录|清空|清除)?$"  # a search box's drop-down
    r")"
)
# An English site's menu: "Home | About | News | Services", "Home / Policies / Data".
_ENGLISH_MENU = re.compile(
    r"[A-Z][A-Za-z&]*(?: [A-Za-z&]+)?(?:\s*[|｜/·]\s*[A-Z][A-Za-z&]*(?: [A-Za-z&]+)?){2,}"
)
# Also a site and one column: "某某网>>环保".
_BREADCRUMB = re.compile(r"\S\s*[>›»]\s*\S+\s*[>›»]\s*\S|^[^\s>]{2,12}\s*>>\s*[^\s>]{2,12}$")
_NAV_WORDS = re.compile(
    r"联系我们|网站地图|关于我们|本网概况|广告服务|投稿服务|会员服务|本网招聘|隐私|帮助中心|意见反馈"
)

_RESIDUE = re.compile(
    r"^(?:ad\d*\s*(?:webp|jpe?g|png|gif)"
    r"|\S+\.(?:webp|jpe?g|png|gif)"
    r"|展开全部|收起全文|展开全文|阅读全文|查看全文|查看更多|点击查看|返回顶部|回到顶部"
    # A document-sharing site's preview: "全文预览已结束", "下载本文档", "文档简介", "50 金币".
    r"|全文预览已结束|下载本文档|文档简介|下载完整\S{0,6}文档|\d+\s*金币"
    r"|打印本页|关闭窗口|【\s*打印\s*】|【\s*关闭\s*】|字号\s*[:：]?\s*[大中小\s]+|[大中小]字号"
    r"|(?:the|this) story appears on(?:\s+page\s+\w+)?"  # a newspaper's print page
    r"|分享到\S*|分享|收藏|点赞|在看|赞赏|转发|写留言|留言|评论"
    r"|扫一扫.{0,12}|长按识别.{0,12}|点击(?:上方)?蓝字.{0,12}|关注我们|.{0,8}关注.{0,4}公众号.{0,8}"
    r"|热门评论|网友评论|相关阅读|相关推荐|推荐阅读|相关新闻|猜你喜欢"
    # Empty markup a copy kept ("<delect id="h4sia"></delect>", "• <input id="…">").
    r"|(?:[\s•·]*(?:\d{1,2}\.\s*)?</?[a-zA-Z][^<>]*>)+\s*"
    r"|[|｜\-—_=*·•.。,，、~～▲▼△▽◆◇■□●○★☆\s]+"
    r"|(?:[【\[]\s*(?:打印本页|打印|关闭窗口|关闭|返回顶部|收藏|分享|字号\s*[:：]?\s*[大中小\s]+)\s*[】\]]\s*)+"
    # "打印 放大 缩小", "字体:大 中 小 打印": the page's print and font-size buttons.
    r"|(?=.*(?:打印|放大|缩小|字体))"
    r"(?:[【\[]?\s*(?:打印|放大|缩小|关闭(?:窗口)?|默认|字体\s*[:：]?|[大中小])\s*[】\]]?\s*){2,}"
    r")$",
    re.IGNORECASE,
)
# A page number line left by a converter: "第 2 页 共 8 页", "- 2 -", "2 / 8".
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–]\s*)?(?:第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+)(?:\s*[-—–])?$"
    r"|^[-—–]\s*\d+\s*[-—–]$"
)
# The header of document-sharing sites: "《X.docx》由会员分享,可在线阅读,更多相关…请在…上搜索。"
_SHARE = re.compile(r"由会员分享|可在线阅读.{0,20}更多相关|请在\S{1,12}上搜索|免费下载.{0,10}文档")
# Where the page's own footer starts: nothing after it belongs to the article.
_FOOTER_START = re.compile(
    r"^[\[【(（]?\s*(?:免责声明|版权声明|版权与免责声明|法律声明|特别声明|声明\s*[:：])"
    r"|^(?:原文链接|原文地址|原文网址|阅读原文|本文链接)"
    r"|^(?:[•·]\s*)?(?:上一篇|下一篇|上一条|下一条|相关阅读|相关新闻|相关文章|推荐阅读|热门评论|网友评论|发表评论|我要评论)"
    r"|^转载请注明"
    r"|^(?:主办|承办|主管|协办)(?:单位)?\s*[:：]"
    r"|^(?:版权所有|Copyright|©)"
    r"|(?:版权所有|Copyright\s|©\s?\d{4}|ICP备\s*\d|ICP证)",
    re.IGNORECASE,
)
_CONTACT = re.compile(
    r"^(?:联系电话|电话|传真|邮箱|电子邮箱|E-?mail|地址|邮编|客服\s*QQ|QQ|监督电话|举报电话|违法和不良信息举报)\s*[:：]",
    re.IGNORECASE,
)
# Converter page markers at the start of a line: "2、明制度体系…".
_PAGE_MARKER = re.compile(r"^(\d{1,3})、")
# "【寻找深呼吸】2020年…", or "寻找深呼吸】2020年…" cut at the bracket: the column a headline
# ran in, not the document's title.
_COLUMN_TAG = re.compile(r"^\s*[【\[]?[^【】\[\]\s]{2,8}[】\]]\s*(?=\S{6})")
_YEAR_SAID = re.compile(r"(?:19|20)\d{2}\s*年")
_SITE_SUFFIX = re.compile(r"\s*[-_|｜—]{1,2}\s*[^-_|｜—\s]{2,20}(?:网|在线|平台|网站|门户|政府)$")


@dataclass
class Removed:
    """A raw line that is not in the body, and why."""

    text: str
    reason: str


@dataclass
class Segments:
    """The raw lines sorted into header, article and footer."""

    title: str = ""
    title_from_share_header: bool = False
    byline: str = ""
    meta_lines: list[str] = field(default_factory=list)
    body_lines: list[str] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


# A photo's caption on an English page: "… Chongqing, May 4, 2010. [Photo/IC]", "This photo
# taken on Aug 13, 2025 shows …", "(PHOTO / VCG VIA CHINADAILY.COM.CN)". Its date and place are
# the photo's, not the report's.
_PHOTO_CAPTION = re.compile(
    r"[\[(]\s*photo\s*/|^(?:this|a|the) photo (?:taken|shows)|^photo taken on|^file photo", re.I
)


def is_caption(line):
    return len(line) <= 400 and bool(_PHOTO_CAPTION.search(line))


# "GMT+8, 2024-10-27 13:31 , Processed in 0.04 second(s)": a forum's clock at the foot of the
# page, the time the page was served, never when what it shows was written.
PAGE_CLOCK = re.compile(r"\s*GMT\s*[+-]\s*\d{1,2}(?::\d{2})?\s*[,，]\s*\d{4}-\d{1,2}-\d{1,2}")


def is_residue(line):
    return (
        bool(_RESIDUE.match(line))
        or bool(_PAGE_NUMBER.match(line))
        or is_caption(line)
        or bool(PAGE_CLOCK.match(line))
    )


_KEYWORD_SEPARATORS = re.compile(r"[-,，|｜_/]")


def is_keyword_list(line):
    """A line of search keywords or links ("甲乙在线观看-甲乙视频-…"): four or more short pieces,
    each of twenty characters at most (a spam site's keywords run that long: "2020最新热门剧集
    免费在线观看2019").

    A line of tab-separated cells is a table's header row, never a menu.
    """
    if "\t" in line:
        return False
    words = line.split()
    if (
        len(words) >= 4
        and all(len(word) <= 8 for word in words)
        and sum(1 for word in words if re.search(r"[\u4e00-\u9fff]", word)) >= 2
        and not re.search(r"[\d。，,；]", line)
    ):
        return True  # a menu: "投资 干货 消费 评论 学院", "手机版 无障碍 English"
    pieces = [piece.strip() for piece in _KEYWORD_SEPARATORS.split(line) if piece.strip()]
    return (
        len(pieces) >= 4
        and all(len(piece) <= 20 for piece in pieces)
        and sum(1 for piece in pieces if re.search(r"[\u4e00-\u9fff]{2}", piece)) >= 4
        and not re.search(r"[。；;]|\d[.%]", line)
    )


_NAV_SPLIT = re.compile(r"[\s|｜/]+")


def is_nav(line):
    if line.startswith("|") and line.endswith("|"):
        return False  # a row of a Markdown table
    if LABEL.search(line) or _CREDIT_LINE.match(line):
        # "发布日期：… | 编辑：… | 来源：…", "记者 林晓 通讯员 何云": fields of the page, however
        # much they look like a menu.
        return False
    if is_keyword_list(line):
        return True
    if _NAV.match(line) or _BREADCRUMB.search(line) and len(line) <= 80:
        return True
    if _ENGLISH_MENU.fullmatch(line):
        return True
    tokens = _NAV_SPLIT.split(line)
    return len(tokens) >= 4 and all(len(t) <= 8 for t in tokens) and bool(_NAV_WORDS.search(line))


def is_footer_start(line):
    return bool(_FOOTER_START.search(line)) and (
        len(line) <= 160 or bool(_FOOTER_START.match(line))
    )


def is_furniture(line):
    """Lines that may precede the title or trail the article: never article text."""
    return (
        not line
        or is_nav(line)
        or is_residue(line)
        or is_meta_line(line)
        or bool(_SHARE.search(line))
        or bool(_CONTACT.match(line))
    )


def _reason(line):
    if not line:
        return "blank"
    if is_nav(line):
        return "navigation"
    if _PAGE_NUMBER.match(line):
        return "page number"
    if is_caption(line):
        return "photo caption"
    if is_residue(line):
        return "residue"
    if is_meta_line(line):
        return "metadata"
    if _SHARE.search(line):
        return "share header"
    if _CONTACT.match(line):
        return "contact"
    return "furniture"


def segment(text):
    """Split raw text into header (title, byline, metadata), article lines and footer."""
    lines = [line.strip() for line in text.split("\n")]
    seg = Segments()
    _drop_running_headers(lines, seg)
    _split_labelled_date(lines, seg)
    i, n = 0, len(lines)
    header_rows = _table_header_rows(lines)

    def furniture(at):
        return is_furniture(lines[at]) and at not in header_rows

    # Leading furniture: navigation, metadata, a document-sharing header, and the site's name
    # above its breadcrumb ("某某市人民政府门户网站" / "首页 > 政务公开 > …").
    over_navigation = None  # the last line like a headline right over navigation
    dated_after = False  # whether metadata followed it
    while i < n and (
        furniture(i) or _precedes_navigation(lines, i, header_rows) or _page_furniture(lines, i)
    ):
        line = lines[i]
        if not furniture(i):
            reason = "page furniture" if _page_furniture(lines, i) else "site header"
            seg.removed.append(Removed(line, reason))
            if reason == "site header" and _headline_over_navigation(line):
                over_navigation, dated_after = seg.removed[-1], False
            i += 1
            continue
        if line:
            if _SHARE.search(line):
                shared = title_from_share_header(line)
                if shared and not seg.title:
                    seg.title, seg.title_from_share_header = shared, True
            elif is_meta_line(line):
                seg.meta_lines.append(unspaced_labels(line))
                dated_after = True
            seg.removed.append(Removed(line, _reason(line)))
        i += 1
    if (
        over_navigation is not None
        and dated_after
        and not seg.title
        and not (i < n and looks_like_title(_title_line(lines, i)))
    ):
        # "某县一季度水质持续改善" / "首页 > 部门动态 > 正文" / "发布时间：…" / the article: a
        # headline over the breadcrumb, the page's fields under it, no other headline.
        over_navigation.reason = "title"
        seg.title = _SITE_SUFFIX.sub("", over_navigation.text) or over_navigation.text

    i = _drop_repeated_name(lines, i, seg)

    # The title: the first line that reads like one, unless the next one does too and sits
    # right above the metadata (发布时间, 来源…): then the first is a link of the page's header.
    above = _title_above_metadata(lines, i) if i < n and not seg.title else None
    if above is not None:
        # "EN" / "https://www.gov.cn/" / the title / "2018-10-29 08:55 来源: 人民日报": short
        # lines of the page's header before the line over the date or source.
        for skipped in lines[i:above]:
            if skipped:
                seg.removed.append(Removed(skipped, "site header"))
        i = above
    while i < n and not seg.title and looks_like_title(_title_line(lines, i)):
        j = _next_nonblank(lines, i + 1)
        k = _next_nonblank(lines, j + 1)
        if (
            j < n
            and k < n
            and looks_like_title(lines[j])
            and is_meta_line(lines[k])
            and not _dashed_subtitle(lines[j])
            and not _ISSUE_LINE.fullmatch(lines[j])
            and not _REPORTER.fullmatch(lines[j])
        ):
            seg.removed.append(Removed(lines[i], "site header"))
            i = j
            continue
        if (
            j < n
            and not re.search(r"\d", lines[i])
            and _YEAR_SAID.search(lines[j])
            and not _ISSUE_LINE.fullmatch(lines[j])
            and len(lines[j]) > len(lines[i])
            and looks_like_title(lines[j])
            and k < n
            and not looks_like_title(lines[k])
        ):
            # "城市声环境质量(季报)" over "2015年3季度达州市功能区声环境质量达标情况": the
            # series over the report's own title, which names its year; or the bureau
            # that issues it ("某某市生态环境局" over "2023年某某市环境质量公报").
            if is_byline(lines[i]) and not seg.byline:
                seg.byline = lines[i]
                seg.removed.append(Removed(lines[i], "byline"))
            else:
                seg.removed.append(Removed(lines[i], "site header"))
            i = j
            continue
        if (
            j < n
            and (
                _SITE_NAME.match(lines[i])
                or _COLUMN_NAME.match(lines[i])
                or _COMPANY_LINE.match(lines[i])
                or _topic_over_headline(lines, i, j, k)
            )
            and looks_like_title(lines[j])
        ):
            seg.removed.append(Removed(lines[i], "site header"))  # "吉网" above the title
            i = j
            continue
        break
    j = _next_nonblank(lines, i + 1)
    if (
        i < n
        and not seg.title
        and _SITE_NAME.match(lines[i])
        and j < n
        and _ONE_SENTENCE.search(lines[j])
    ):
        # "某城新闻" right over the article's first paragraph: the outlet the item ran in, no
        # headline (over a headline it is the site's header, above); "本地新闻" is the column
        # the site filed it under, which names no outlet.
        if _KIND_OF_NEWS.match(lines[i]):
            seg.removed.append(Removed(lines[i], "site header"))
        else:
            seg.byline = seg.byline or lines[i]
            seg.removed.append(Removed(lines[i], "byline"))
        i = j
    if (
        i < n
        and not seg.title
        and looks_like_title(_title_line(lines, i))
        and not _runs_on(lines, i)
    ):
        seg.removed.append(Removed(lines[i], "title"))
        line = BULLET.sub("", _title_line(lines, i))
        line = _COLUMN_TAG.sub("", line) or line
        seg.title = _SITE_SUFFIX.sub("", line) or line
        i += 1
        j = _next_nonblank(lines, i)
        if j < n and _dashed_subtitle(lines[j]):
            seg.title += lines[j]
            seg.removed.append(Removed(lines[j], "title"))
            i = j + 1
        elif j == i < n and (_PART_ORDINAL.fullmatch(seg.title) or _second_title_line(lines, j)):
            seg.title += " " + lines[j]
            seg.removed.append(Removed(lines[j], "title"))
            i = j + 1

    if i < n and not seg.title:
        # "2016年以来,某市严格落实…。" / "某市上半年处罚1071起" / "近日,记者从…": a page's
        # one-sentence summary over the headline; the summary stays in the article. Not a
        # caption between the opening and the article ("△某台《某栏目》视频").
        j = _next_nonblank(lines, i + 1)
        k = _next_nonblank(lines, j + 1)
        if (
            k < n
            and _ONE_SENTENCE.fullmatch(lines[i])
            and looks_like_title(lines[j])
            and not _CAPTION_LINE.search(lines[j])
            and len(lines[j]) < len(lines[i]) // 2
            and len(lines[k]) > 60
            and lines[k].rstrip()[-1:] in "。！？"
        ):
            seg.title = lines[j]
            seg.removed.append(Removed(lines[j], "title"))
            lines[j] = ""

    if i < n and not seg.title:
        seg.title = _report_name_run_on(lines[i])

    i = _header_under_title(lines, i, seg, furniture)
    headline = _headline_over_dateline(lines, i) if seg.title else None
    if headline is not None:
        # "石油化工设备" / its menu / the company's contacts / a breadcrumb / the headline /
        # "发布日期:…": what was taken for the title heads the site's furniture.
        for skipped in lines[i:headline]:
            if skipped:
                seg.removed.append(Removed(skipped, "site header"))
        seg.title = lines[headline]
        seg.removed.append(Removed(seg.title, "title"))
        i = _header_under_title(lines, headline + 1, seg, furniture)

    i = _title_past_furniture(lines, i, seg)
    body = lines[i:]
    body = _cut_footer(body, seg)
    body = _strip_trailing(body, seg)
    seg.body_lines = body
    return seg


# A page's furniture taken for its title: the site's tools ("政务邮箱 无障碍关怀版手机版", "【字体:
# 打印", "查看原文", "nav search"), its name ("某某市人民政府", "The Official Website of …"),
# an information index's fields ("号: 003139067/…  信息分类: …").
_FURNITURE_TITLE = re.compile(
    r"^(?:查看原文|其他|nav search)$|^[【\[]?\s*字体\s*[:：]"
    r"|(?:无障碍|关怀版|手机版|扫码|政务邮箱).*(?:无障碍|关怀版|手机版|扫码|政务邮箱)"
    r"|Official Website|人民政府$|门户网站$|信息分类|^号\s*[:：]",
    re.I,
)
#: How many lines after furniture taken for the title the real one is looked for.
_TITLE_REACH = 8


def _title_past_furniture(lines, i, seg):
    """Where the body starts, after a title found past the furniture taken for it: the first
    line within reach that reads like a title and is no furniture, meta line or breadcrumb
    ("查看原文" / "其他" / "省厅公布2023年10月全省地表水环境质量分析"); where a line of the
    header before it is the same title with more ("…排名公告(2020年9月)"), that one. No title
    where none is found: the editor writes it."""
    if not seg.title or not _FURNITURE_TITLE.search(seg.title):
        return i
    seg.removed = [r for r in seg.removed if not (r.reason == "title" and r.text == seg.title)]
    seg.removed.append(Removed(seg.title, "site header"))
    for at in range(i, min(len(lines), i + _TITLE_REACH)):
        line = lines[at]
        if not line or is_furniture(line) or is_meta_line(line) or _FURNITURE_TITLE.search(line):
            continue
        if not looks_like_title(line):
            break
        fuller = next(
            (r for r in seg.removed if r.reason == "site header" and r.text.startswith(line) and r.text != line),
            None,
        )
        seg.title = fuller.text if fuller is not None else line
        if fuller is not None:
            fuller.reason = "title"
        seg.removed.extend(Removed(skipped, "site header") for skipped in lines[i:at] if skipped)
        seg.removed.append(Removed(line, "title"))
        return at + 1
    seg.title = ""
    return i


def _drop_running_headers(lines, seg):
    """A converted document's running header or footer ("某市人民政府公报 2023年第4期" at the
    top of every page): a short line of words said again on the text's pages and standing by
    a page's number; page furniture wherever it stands, never the title. (A line said often
    without page numbers may be the headline the page repeats, or a table's row.)"""
    at_numbers = set()
    for index, line in enumerate(lines):
        if line and _PAGE_NUMBER.match(line):
            for near in (_previous_nonblank(lines, index - 1), _next_nonblank(lines, index + 1)):
                if 0 <= near < len(lines):
                    at_numbers.add(lines[near])
    counts = {}
    for line in lines:
        if _running_line(line):
            counts[line] = counts.get(line, 0) + 1
    running = {
        line
        for line, count in counts.items()
        if count >= 2 and line in at_numbers
    }
    for index, line in enumerate(lines):
        if line in running:
            seg.removed.append(Removed(line, "running header"))
            lines[index] = ""


def _running_line(line):
    """A line that can be a running header: short words, no sentence, no cell of a table."""
    return (
        8 <= len(line) <= 40
        and bool(re.search(r"[\u4e00-\u9fff]{4}", line))
        and not _SENTENCE_INSIDE.search(line)
        and not re.search(r"[|｜\t]", line)
    )


def _previous_nonblank(lines, i):
    while i >= 0 and not lines[i]:
        i -= 1
    return i


def _split_labelled_date(lines, seg):
    """A copy saved with its date run into its first line ("date 2021-09-14 Northern cities
    see…"): the date is the page's, the rest the line the page opened with."""
    at = _next_nonblank(lines, 0)
    found = dateline.LABELLED_DATE.match(lines[at]) if at < len(lines) else None
    if found:
        day = "-".join(found.groups())
        seg.meta_lines.append(day)
        seg.removed.append(Removed(day, "metadata"))
        rest = lines[at][found.end() :].strip()
        if re.fullmatch(r"[A-Z][a-z]+", rest):
            # "date 2017-01-31 Beijing": the city the story was sent from, not what it is about.
            seg.removed.append(Removed(rest, "dateline"))
            rest = ""
        lines[at] = rest


def _header_under_title(lines, i, seg, furniture):
    """Past what stands between the title and the article (metadata, byline, navigation), kept
    in ``seg``; returns the index of the article's first line."""
    n = len(lines)
    while i < n:
        line = lines[i]
        label, rest = run_on_source(line)
        if rest:
            # "来源:某某日报4月17日,省督察组向我市转办…": the article goes on after the source.
            seg.meta_lines.append(label)
            seg.removed.append(Removed(label, "metadata"))
            lines[i] = rest
            break
        if seg.title and not seg.byline and is_byline(line):
            seg.byline = line
            seg.removed.append(Removed(line, "byline"))
        elif _REPORTER.fullmatch(line) and _dated_header(_next_line(lines, i)):
            seg.removed.append(Removed(line, "reporter"))  # "魏某" over the date line
        elif furniture(i):
            if line:
                if is_meta_line(line):
                    seg.meta_lines.append(unspaced_labels(line))
                seg.removed.append(Removed(line, _reason(line)))
        else:
            break
        i += 1
    return i


def _dated_header(line):
    """A line of the page's header giving the date or the source: metadata, or a date and time
    beside a byline ("By 某某 (chinadaily.com.cn) Updated: 2019-05-07 10:21")."""
    return is_meta_line(line) or (
        len(line) <= 120 and bool(DATETIME.search(line)) and not re.search(r"[。！？]", line)
    )


# A reporter's bare name between the headline and the date line: "记者 罗某", "魏某".
_REPORTER = re.compile(r"(?:记者|作者|文|撰稿)?\s*[:：]?\s*[\u4e00-\u9fff]{2,4}")


def _before_reporter(lines, seen):
    """``seen`` without the reporter's name closing it, where a line stands above the name."""
    if len(seen) >= 2 and _REPORTER.fullmatch(lines[seen[-1]]):
        return seen[:-1]
    return seen


def _headline_over_dateline(lines, i):
    """The index of the headline when the header goes on under the line taken for the title:
    short lines of the site's furniture, then a line like a title right over the date or
    source line; else None."""
    seen = []
    for k in range(i, min(len(lines), i + 30)):
        line = lines[k]
        if not line:
            continue
        if _dated_header(line):
            seen = _before_reporter(lines, seen)
            if len(seen) >= 2 and looks_like_title(lines[seen[-1]]):
                return seen[-1]
            return None
        if len(line) > 80 or re.search(r"[。！？]", line) or len(seen) >= 16:
            return None
        seen.append(k)
    return None


# A report's name opening a line the copy ran the text into: its year (and month), place and
# subject, then the kind of report ("2019年某区环境质量简报2019年,全年…", "…月报 我市…"),
# followed by a space, a year or a section's number; not a sentence citing it ("…公报显示").
_REPORT_NAME = re.compile(
    r"^((?:19|20)\d{2}\s*年[^\s，,。；;:：、()（）《》“”]{2,30}?"
    r"(?:公报|简报|月报|周报|季报|年报|通报|报告|公告|快报))"
    r"(?=\s|(?:19|20)\d{2}|[一二三四五六七八九十]、)"
)


def _report_name_run_on(line):
    """The name of the report opening ``line`` when the text runs on after it, else ""."""
    found = _REPORT_NAME.match(line)
    return found.group(1) if found and len(line) > len(found.group(1)) + 10 else ""


# Over a newspaper's or a converted page's headline: the page's number ("5", "A2", "第3版"),
# the columns it ran in ("时评;国内", "经济/民生").
# Also a page-turning viewer's header of a book's page: "Page 572 - 某某年鉴2018", "P. 572".
# Also an official document's masthead: its issuer's name and 文件 ("某市生态环境局文件").
_PAGE_FURNITURE = re.compile(
    r"^(?:[A-Z]?\d{1,3}|第\s*[A-Z]?\d{1,3}\s*版|[A-Z]?\d{1,3}\s*版)$"
    r"|^[\u4e00-\u9fff（）()]{2,30}?(?:局|厅|委员会|办公室|政府|中心|站)文件$"
    r"|^[\u4e00-\u9fff]{2,4}(?:\s*[;；/|｜]\s*[\u4e00-\u9fff]{2,4})+$"
    r"|^(?:Page\s+\d{1,4}\s+[-–—]\s+\S.{0,40}|P\.\s*\d{1,4})$"
)


def _page_furniture(lines, i):
    """A line over the headline that is the page's number or the columns it ran in; not the
    first number of a list whose next number stands on a line of its own further down."""
    line = lines[i]
    if not _PAGE_FURNITURE.match(line):
        return False
    return not line.isdigit() or str(int(line) + 1) not in lines[i + 1 :]


_TOPIC = re.compile(r"[\u4e00-\u9fff]{2,6}")


def _topic_over_headline(lines, i, j, k):
    """Whether line ``i`` is a site's column ("空气质量") over the headline: a topic of a few
    characters over a line at least twice as long that is no byline, over the article."""
    return (
        k < len(lines)
        and bool(_TOPIC.fullmatch(lines[i]))
        and len(lines[j]) >= 2 * len(lines[i])
        and not _NOT_A_DECK.search(lines[j])
        and len(lines[k]) > 60
        and "。" in lines[k]
    )


# A report's issue under its name: "2013年11月(总第131期)", "2021年第11期", "第5期".
_ISSUE_LINE = re.compile(
    r"[(（]?(?:(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月)?)?\s*[(（]?(?:总?第\s*\d{1,4}\s*期)?[)）]?"
)


def _dashed_subtitle(line):
    """A headline's subtitle on the line under it, opened by a dash ("——三年新增…")."""
    return line.startswith(("——", "—", "--")) and len(line) <= 60


# Nor the page's view counter after the source ("某某新闻组 浏览").
_NOT_A_DECK = re.compile(
    r"^(?:表|图|附件|附表)\s*\d|记者|通讯员|[(（]|[:：]|(?:浏览|阅读|点击)(?:次数|量)?\s*\d*$"
)


# A book's part numbered on a line of its own over its heading ("第一节" / "环境质量").
_PART_ORDINAL = re.compile(r"第\s*[一二三四五六七八九十百\d]{1,4}\s*[章节篇编部分]{1,2}")


def _second_title_line(lines, j):
    """Whether line ``j``, right under the headline, is its second line: a short line of
    Chinese words over the article's first paragraph ("…查处案件86起" / "罚没逾千万元" / "本报讯
    …。"), not a heading, a byline, a date, a caption or a note."""
    line = lines[j]
    k = _next_nonblank(lines, j + 1)
    return (
        4 <= len(line) <= 30
        and len(re.findall(r"[\u4e00-\u9fff]", line)) > len(line) / 2
        and looks_like_title(line)
        and not is_byline(line)
        and not _NOT_A_DECK.search(line)
        and not _YEAR_SAID.match(line)
        and k < len(lines)
        and len(lines[k]) > 60
        and "。" in lines[k]
    )


def _drop_repeated_name(lines, i, seg):
    """A short name the page's header repeats on lines of its own (a spam site's, "某某官网"
    twice, once between emoji) and glues to the article's first line: out of the header and
    off the opening. Returns the index of the opening, or ``i`` when there is no such name."""
    name = lines[i] if i < len(lines) else ""
    if not (2 <= len(name) <= 20) or _SENTENCE_INSIDE.search(name):
        return i
    header = []
    for k in range(i, min(len(lines), i + 12)):
        line = lines[k]
        if line and len(line) <= len(name) + 8 and name in line:
            header.append(k)
        elif line:
            if len(header) < 2 or not line.startswith(name) or len(line) < len(name) + 20:
                return i
            for at in header:
                seg.removed.append(Removed(lines[at], "site header"))
            seg.removed.append(Removed(name, "site header"))
            lines[k] = line[len(name) :]
            return k
    return i


def _runs_on(lines, i):
    """Whether line ``i`` is a clause of a sentence the next line goes on with, in a copy with
    hard line breaks ("1月1日至7月27日,我县综合指数年" / "累计为 5.73,…"): no title."""
    j = _next_nonblank(lines, i + 1)
    return (
        j < len(lines) and bool(re.search(r"[，,]", lines[i])) and _broken_off(lines[i], lines[j])
    )


def _headline_over_navigation(line):
    """Whether a line over navigation can be the headline: a title's length and shape, not a
    site's name ("某某新闻网"), a body's ("某某市人民政府") nor a search box's prompt."""
    return (
        len(line) >= 8
        and looks_like_title(line)
        and not _SITE_NAME.match(line)
        and not is_byline(line)
        and not re.search(r"搜索|检索|关键[词字]|登录|注册", line)
    )


def _precedes_navigation(lines, i, header_rows=frozenset()):
    """A short line right above navigation is the site's name, not the article's title; a line
    stating a year ("2020年甲县优良天数353天") is a headline, never a site's name."""
    if len(lines[i]) > 40 or _YEAR_SAID.search(lines[i]):
        return False
    following = [at for at in range(i + 1, min(i + 6, len(lines))) if lines[at]][:2]
    return any(is_nav(lines[at]) and at not in header_rows for at in following)


def _table_header_rows(lines):
    """Lines of words between bars ("河段 | 甲桥 | 乙桥 |") over rows of as many cells with
    numbers in them: a table's header, however much it looks like navigation or keywords."""
    out = set()
    for at, line in enumerate(lines):
        cells = _bar_cells(line) if "|" in line or "｜" in line else None
        if not cells:
            continue
        for below in lines[at + 1 : at + 6]:
            row = _bar_cells(below)
            if not row or len(row) != len(cells):
                break
            if any(_NUMERIC_CELL.match(cell) for cell in row[1:]):
                out.add(at)
                break
    return out | _spaced_header_rows(lines)


def _spaced_row_with_numbers(line):
    cells = _spaced_line_cells(line) if line else None
    return (
        cells is not None
        and len(cells) >= 3
        # a label first, or a row's number or rank before it ("1 甲市 22 —")
        and (not _NUMERIC_CELL.match(cells[0]) or not _NUMERIC_CELL.match(cells[1]))
        and any(_NUMERIC_CELL.match(cell) for cell in cells[1:])
    )


def _spaced_header_rows(lines):
    """Lines of words aligned with spaces ("城市名称 污染指数 首要污染物", "级别 状况") right over
    two rows or more aligned the same way with numbers in them: a table's header, not a menu."""
    out = set()
    for at, line in enumerate(lines):
        if not line or "|" in line or "｜" in line:
            continue
        cells = _spaced_line_cells(line)
        if cells is None or any(_NUMERIC_CELL.match(cell) for cell in cells):
            continue
        for below in range(at + 1, min(at + 4, len(lines) - 1)):
            if _spaced_row_with_numbers(lines[below]):
                if _spaced_row_with_numbers(lines[below + 1]):
                    out.update(range(at, below))
                break
            words = _spaced_line_cells(lines[below]) if lines[below] else None
            if words is None or any(_NUMERIC_CELL.match(cell) for cell in words):
                break
    return out


# A line that is only a site's name: "吉网", "中国日报网", "四川在线".
_SITE_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:网|網|在线|在線|客户端|新闻|新聞)$")
_ONE_SENTENCE = re.compile(r"[^。！？\n]{20,160}[。！？]")
_CAPTION_LINE = re.compile(r"^[△▲▼◆■●]|视频|图片|资料图|摄影?$|供图")
# The company owning the site, over the headline: "某某科技有限公司".
_COMPANY_LINE = re.compile(r"^[\u4e00-\u9fff（）()]{4,30}(?:有限责任公司|有限公司|股份公司|集团)$")
# A site's column over the headline: "新闻中心", "行业动态".
_COLUMN_NAME = re.compile(r"^[\u4e00-\u9fff]{2,4}(?:中心|动态|资讯|要闻|快讯)$")
# …and one naming a kind of news ("本地新闻", "环保新闻"), which a site's name is not.
_KIND_OF_NEWS = re.compile(
    r"^(?:本地|国内|国际|社会|时政|图片|视频|环保|环境|生态|热点|今日|最新|滚动|综合|地方|财经|头条)"
    r"(?:新闻|新聞)$"
)
_PIPE_END = re.compile(r"\s[|｜]$")
_PIPES_ONLY = re.compile(r"^[|｜\s]+$")


def _title_line(lines, i):
    """A line as a title candidate: a page copied with " |" after each block gives its title
    line a trailing " |" too ("…情况公开 |" over a line of pipes); a table's cell is followed
    by another cell instead."""
    line = lines[i]
    if _PIPE_END.search(line):
        j = _next_nonblank(lines, i + 1)
        if j < len(lines) and (_PIPES_ONLY.match(lines[j]) or is_meta_line(lines[j])):
            return line[:-1].rstrip()
    return line


def _title_above_metadata(lines, i):
    """The index of the title when short header lines sit between ``lines[i]`` and the line of
    the date or source under the title, else None."""
    seen = []
    for k in range(i, min(len(lines), i + 12)):
        line = lines[k]
        if not line:
            continue
        if _dated_header(line):
            seen = _before_reporter(lines, seen)
            if len(seen) >= 2 and (
                _dashed_subtitle(lines[seen[-1]]) or _ISSUE_LINE.fullmatch(lines[seen[-1]])
            ):
                # the headline is over its dashed subtitle ("——五年来…") or its issue
                # ("2013年11月(总第131期)")
                seen.pop()
            if len(seen) >= 2 and looks_like_title(_title_line(lines, seen[-1])):
                return seen[-1]
            return None
        if re.search(r"[。！？]", line):
            if len(line) <= 30 and not re.search(r"\d", line) and seen:
                # "追求卓越、创造价值、只为天更蓝。": the site's slogan among its header lines.
                seen.append(k)
                continue
            return None  # a sentence: the article, above its signature and date
        if len(line) > 40 and k != i or len(seen) >= 5:
            # An article line before any metadata, or too many lines: no page header here.
            if len(seen) >= 1 and looks_like_title(line) and len(line) <= 80:
                seen.append(k)
                continue
            return None
        seen.append(k)
    return None


def _next_line(lines, i):
    """The first line with words after line ``i``, or ""."""
    k = _next_nonblank(lines, i + 1)
    return lines[k] if k < len(lines) else ""


def _next_nonblank(lines, i):
    while i < len(lines) and not lines[i]:
        i += 1
    return i


def _cut_footer(lines, seg):
    """Drop the page footer: everything from the first footer line after the article began.

    A footer line followed by too much text to be a footer is dropped alone, and the search
    starts again after it as if the text began there. Sizes of what follows each line are
    summed once, so a long document with many such lines is read in linear time.
    """
    after = [0] * (len(lines) + 1)  # after[i]: characters in lines[i:]
    for index in range(len(lines) - 1, -1, -1):
        after[index] = after[index + 1] + len(lines[index])
    kept, start, total, seen_text = [], 0, after[0], False
    for index, line in enumerate(lines):
        if line and seen_text and is_footer_start(line):
            if after[index] > max(1500, total // 3):
                # Too much text follows to be a footer: drop the one line only.
                seg.removed.append(Removed(line, "footer line"))
                seg.meta_lines.append(unspaced_labels(line))
                kept += lines[start:index]
                start, total, seen_text = index + 1, after[index + 1], False
                continue
            for dropped in lines[index:]:
                if dropped:
                    seg.removed.append(Removed(dropped, "footer"))
                    if is_meta_line(dropped) or has_url_label(dropped):
                        seg.meta_lines.append(dropped)
            return kept + lines[start:index]
        # Only whether article text was seen matters: once it was, no line is tested again.
        if line and not seen_text and not is_furniture(line):
            seen_text = True
    return kept + lines[start:]


def _strip_trailing(lines, seg):
    """Drop what trails the article: metadata, residue, repeated or title-echo lines."""
    end = len(lines)
    while end > 0:
        line = lines[end - 1]
        if is_furniture(line):
            if line:
                if is_meta_line(line):
                    seg.meta_lines.append(unspaced_labels(line))
                seg.removed.append(Removed(line, _reason(line)))
        elif _is_echo(line, lines[: end - 1], seg.title):
            seg.removed.append(Removed(line, "repeated headline"))
        elif is_byline(line):
            # The signature of an official text: issuing body (and date) under the article.
            seg.removed.append(Removed(line, "signature"))
            seg.byline = seg.byline or line
        else:
            break
        end -= 1
    return lines[:end]


def _is_echo(line, before, title):
    """A headline repeated after the article (related-link residue of a reprint site)."""
    if line[-1:] in SENTENCE_END or _SENTENCE_INSIDE.search(line) or len(line) > 80:
        return False
    if _NUMERIC_CELL.match(_cell_text(line)) or _VERDICT.match(_cell_text(line)):
        # the last cells of a table ("0 |", "0 |"; "达标", "达标"), not a headline
        return False
    if line in before[-3:]:
        return True
    near = [x for x in before[-3:] if x]
    if near and near[-1] == line:
        return True
    return bool(title) and SequenceMatcher(None, line, title).ratio() >= 0.75


# --- Paragraphs ---------------------------------------------------------------------------


def paragraphs_from_lines(lines, removed):
    """Non-blank article lines as paragraphs; residue dropped, converter pages joined.

    Returns the paragraphs and whether converter page markers were found and joined.
    """
    kept = []
    for index, line in enumerate(lines):
        if not line:
            continue
        if (_BLANK_CELL.match(_cell_text(line)) or _PIPES.match(line)) and _between_cells(
            lines, index
        ):
            kept.append(line)  # an empty cell of a table pasted one cell per line
            continue
        if is_residue(line):
            removed.append(Removed(line, _reason(line)))
            if _PAGE_NUMBER.match(line):
                kept.append(None)  # a page break: may split a sentence
            continue
        kept.append(line)
    paragraphs = _join_page_breaks(kept)
    if has_page_markers(paragraphs):
        return join_page_markers(paragraphs), True
    return paragraphs, False


def _between_cells(lines, index):
    """Whether the nearest non-blank lines either side are short cells, one of them a number
    (for a "|" line, cells or other "|" lines)."""
    before = next((line for line in reversed(lines[:index]) if line), "")
    after = next((line for line in lines[index + 1 :] if line), "")
    if _PIPES.match(lines[index]):
        return all(_PIPES.match(line) or _CELL_LINE.match(line) for line in (before, after))
    before, after = _cell_text(before), _cell_text(after)
    return all(_CELL_LINE.match(line) for line in (before, after)) and any(
        _NUMERIC_CELL.match(line) for line in (before, after)
    )


def _join_page_breaks(kept):
    """Where a page number interrupted an unfinished sentence, run the two halves together."""
    out = []
    pending_break = False
    for line in kept:
        if line is None:
            pending_break = True
            continue
        if (
            pending_break
            and out
            and out[-1][-1:] not in SENTENCE_END
            and not (_table_line(out[-1]) or _table_line(line))
            and not (len(out[-1]) <= 12 and len(line) <= 12)  # two cells, not a page's lines
        ):
            out[-1] += line
        else:
            out.append(line)
        pending_break = False
    return out


def _table_line(line):
    """A row of a table (cells between bars or tabs, or aligned with spaces) or one cell of a
    table pasted a cell per line: a page break after it joins nothing."""
    spaced = _spaced_line_cells(line) or []
    return bool(
        re.search(r"[|｜\t]", line)
        or (len(spaced) >= 3 and any(_NUMERIC_CELL.match(cell) for cell in spaced))
        or _NUMERIC_CELL.match(_cell_text(line))
    )


def has_page_markers(paragraphs):
    """True when the lines are converter pages "1、…", "2、…" rather than a numbered list.

    A list's items end their sentences; converter pages are cut wherever the page ended, so
    most of them end mid-sentence (often mid-word).
    """
    numbers = []
    for paragraph in paragraphs:
        match = _PAGE_MARKER.match(paragraph)
        if match:
            numbers.append(int(match.group(1)))
    if len(numbers) < 3 or numbers != list(range(1, len(numbers) + 1)):
        return False
    marked = [i for i, p in enumerate(paragraphs) if _PAGE_MARKER.match(p)]
    unfinished = sum(1 for i in marked[1:] if paragraphs[i - 1][-1:] not in SENTENCE_END)
    return unfinished * 3 >= (len(marked) - 1) * 2


def join_page_markers(paragraphs):
    """Remove the "N、" page markers and run each page on from the previous one."""
    out = []
    for paragraph in paragraphs:
        match = _PAGE_MARKER.match(paragraph)
        if match and out:
            out[-1] += paragraph[match.end() :]
        elif match:
            out.append(paragraph[match.end() :])
        else:
            out.append(paragraph)
    return out


_SECTION_IN_RUN = re.compile(r"(?<=[。！？])(?=[一二三四五六七八九十]{1,3}、)")


def split_run_on_sections(paragraphs):
    """In text whose paragraph breaks were lost, start a paragraph at "二、" after a sentence.

    Only numerals that follow each other (一、 then 二、 …) are taken as section openings.
    """
    out = []
    expected = 1
    for paragraph in paragraphs:
        pieces = []
        start = 0
        for match in _SECTION_IN_RUN.finditer(paragraph):
            numeral = re.match(r"[一二三四五六七八九十]{1,3}", paragraph[match.start() :]).group(0)
            if chinese_numeral(numeral) == expected:
                pieces.append(paragraph[start : match.start()])
                start = match.start()
                expected += 1
        pieces.append(paragraph[start:])
        out.extend(p for p in pieces if p)
    return out


def chinese_numeral(text):
    """一…九十九 as an int; None for anything else."""
    digits = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
    if not text or any(ch not in digits and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return digits[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if len(tens) > 1 or len(units) > 1:
        return None
    return (digits[tens] if tens else 1) * 10 + (digits[units] if units else 0)


# "4.18,…" opening a line is a number, not item 4; "2.1  全省整体情况" is a section.
_MARKER_START = re.compile(
    r"^(?:\d{1,2}\s*(?:、|[.．](?!\d))|\d{1,2}(?:[.．]\d{1,2})+\s|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十]{1,3}[,，、：:]|[(（][一二三四五六七八九十\d]{1,3}[)）])"
)


def join_wrapped(paragraphs):
    """Join a paragraph that stops mid-sentence to the next one.

    A caption wrapped over two lines ends with a comma; a paragraph cut inside a word by a
    converter ends without punctuation although it holds whole sentences; a copy with hard
    line breaks stops a sentence where it cannot end (``_broken_off``). Headings (short,
    without any sentence inside) and numbered openings are never joined.
    """
    out = []
    for paragraph in paragraphs:
        if (
            out
            and (_unfinished(out[-1]) or _broken_off(out[-1], paragraph))
            and not _MARKER_START.match(paragraph)
            and not paragraph.isdigit()
            and not _starts_a_table(out[-1], paragraph)
        ):
            out[-1] += paragraph
        else:
            out.append(paragraph)
    return out


# A table's caption on its own line ("三亚市各区环境空气质量排名统计表", "表2 各县区降尘"), and
# a paragraph pointing to the table below it ("…情况见表1", "如下表"): the sentence before a
# table ends there, whatever bracket it left open, and the table's lines are no part of it.
_TABLE_CAPTION = re.compile(r"^(?:附?表\s*\d+[^。；;]{0,40}|[^。；;，,()（）\d]{4,40}表)$")
_SEE_TABLE = re.compile(r"(?:见|如)(?:附|下)?表\s*\d*$")
_GOES_ON = re.compile(r"^[)）,，、;；。和及与]")


def _starts_a_table(paragraph, following):
    """Whether ``following`` opens a table after ``paragraph``: a caption line, or whatever
    follows a sentence pointing to the table, unless it plainly goes on with the sentence
    (after a comma; "…详见表1" then "),覆盖全部区县。")."""
    if _GOES_ON.match(following):
        return False
    if _SEE_TABLE.search(paragraph):
        return True
    return (
        paragraph[-1:] not in ",，、"
        and bool(_TABLE_CAPTION.match(following))
        and not re.search(r"(?:见|如)(?:附|下)?表", following)
    )
# A line of a copy with hard line breaks (a PDF, a page printed to a width) that stops where
# its sentence cannot: after a word that needs what follows ("…比例为" / "92.3%"), before a
# verb's number ("PM2.5平均浓度" / "为31微克/立方米"), and in prose (a clause mark before:
# cells of a table pasted one per line end anywhere) inside brackets, after a number whose
# unit the next line holds ("全市 20" / "个区县"), or before the number that a measure or a
# change needs ("…同比下降" / "15.94%").
_NEEDS_MORE = re.compile(r"(?:为|是|的|和|与|及|或|占|达|约|至|在|从|对|由|将)$")
_VERB_OF_NUMBER = re.compile(
    r"^(?:累计|平均|年均|月均|均|分别|共|合计|仍|也)?(?:为|是|达到?|占|约为?)\s*[-+−]?\d"
)
_OPEN_BRACKET = re.compile(r"[(（][^()（）]*$")
_NEEDS_MORE_IN_PROSE = re.compile(r"(?:比|较|第|共|计)$")
_NEEDS_NUMBER = re.compile(
    r"(?:下降|上升|增加|减少|提高|降低|增长|改善|浓度|比例|比率|天数|指数|均值|达标率|优良率)$"
)
_UNIT_START = re.compile(
    r"^(?:%|‰|个|天|家|件|起|项|座|台|人|万|亿|元|吨|倍|微克|毫克|公里|平方|立方|分贝|dB|μg|ug|mg)"
)
_CONTINUED_START = re.compile(r"^[,，、;；。)）%]")
_CLAUSE_MARK = re.compile(r"[，,；;。]")


def _broken_off(paragraph, following):
    """Whether ``following`` continues the sentence ``paragraph`` broke off (see above)."""
    if not paragraph or not following or _MARKER_START.match(following):
        return False
    if paragraph[-1] in SENTENCE_END or paragraph[-1] in ":：|｜" or "\t" in following:
        return False
    if _NEEDS_MORE.search(paragraph) or _VERB_OF_NUMBER.match(following):
        return True
    if not _CLAUSE_MARK.search(paragraph):
        return False
    if _CONTINUED_START.match(following) or _OPEN_BRACKET.search(paragraph):
        return True
    if _NEEDS_MORE_IN_PROSE.search(paragraph):
        return True
    if paragraph[-1].isdigit() and _UNIT_START.match(following):
        return True
    return bool(
        _NEEDS_NUMBER.search(paragraph)
        and re.match(r"[-+−]?\d", following)
        and not re.match(r"\d{4}\s*年", following)
    )


# A full stop after a word, not after a number a copy broke ("PM2." / "5").
_ENGLISH_END = re.compile(r"[A-Za-z%)\]][.]\s*$")


def _unfinished(paragraph):
    if _MARKER_START.match(paragraph) or paragraph.isdigit():
        return False
    if _PIPE_ROW.match(paragraph):
        return False  # a table's row ends at its closing bar, whatever sentence a cell holds
    last = paragraph[-1:]
    if last in ",，、":
        return True
    if _ENGLISH_END.search(paragraph):
        return False  # "…by 4.6 percentage points year-on-year.": an English sentence's end
    return (
        last not in SENTENCE_END
        and last not in ":：|｜"  # a bar closes a table's row or its whole body run onto a line
        and bool(_SENTENCE_INSIDE.search(paragraph))
    )


def is_heading(paragraph):
    """A short line with no sentence in it, between paragraphs of the article."""
    return (
        2 <= len(paragraph) <= 40
        and paragraph[-1:] not in SENTENCE_END + ",，、:："
        and not re.search(r"[。！？!?；;，,]", paragraph)
        and not paragraph.isdigit()
    )


_MARKDOWN_HAZARD = re.compile(r"^(?:\d+[.)](?:\s|$)|[-*+>](?:\s|$)|#|={3,}|-{3,}|\*{3,})")


def escape_markdown(paragraph):
    """Keep Markdown from reading a paragraph's first characters as list, quote or heading."""
    match = _MARKDOWN_HAZARD.match(paragraph)
    if not match:
        return paragraph
    digits = re.match(r"\d+", paragraph)
    if digits:
        return paragraph[: digits.end()] + "\\" + paragraph[digits.end() :]
    return "\\" + paragraph


# --- Blocks: paragraphs and tables --------------------------------------------------------


@dataclass(frozen=True)
class Block:
    """A paragraph, or a table: ``header`` (column names, merged headers joined) and ``rows``.

    ``text`` is the block as written; a table's rows are ``(label, cells, (start, end))`` with
    the row's span in ``text``, so that its quote is the row verbatim.
    """

    kind: str
    text: str
    header: tuple = ()
    rows: tuple = ()
    caption: str = ""
    note: str = ""  # a note under a table that states its units (注:单位…)

    def source_text(self, start, end):
        return self.text[start:end].strip().rstrip("。")


_TAB_ROW = re.compile(r"\t")
_UNIT_NOTE = re.compile(
    r"^(?:(?:注|备注|说明|单位).{0,40}单位|单位\s*[:：]"
    # "注:除CO为mg/m³外,其余均为μg/m³": a note naming the units without the word
    r"|(?:注|备注|说明).{0,40}(?:其余|其他|其它)[^。]{0,12}(?:g/m|克/立方米))"
)
_MARKDOWN_ROW = re.compile(r"^\|.*\|$")
# A row with bars between its cells (tabs inside them are no columns).
_PIPE_ROW = re.compile(r"^\s*[|｜].*[|｜]")
_MARKDOWN_RULE = re.compile(r"^\|?[\s:|\-—]+\|?$")
# A number, with last year's in brackets after it ("3.25(3.76)"), or an empty cell's dash.
_NUMERIC_CELL = re.compile(
    r"^(?:[-+−]|[↑↓▲▼]\s*)?\d[\d,]*(?:\.\d+)?\s*%?(?:\s*[(（][-+−]?\d[\d,]*(?:\.\d+)?\s*%?[)）])?$"
    r"|^[—–\-/]{1,3}$"
    r"|^\.\d+$"  # a decimal whose 0 the copy lost (".03")
    # Below the detection limit ("<0.006", "0.004L", 未检出, ND): a cell of a column of numbers,
    # though no figure.
    r"|^[<＜≤]\s*\d[\d,]*(?:\.\d+)?$|^\d[\d,]*(?:\.\d+)?L$|^(?:未检出|ND|N\.D\.)$"
    # Above the method's range (">1600" bacteria a 100 mL): a number's cell, no figure either.
    r"|^[>＞]\s*\d[\d,]*(?:\.\d+)?$"
    # A noise zone's class 4a or 4b among the classes 0 to 3: a cell of their column.
    r"|^4[abAB]$"
)
_CELL_LINE = re.compile(r"^[^。；;！？]{1,40}$")
_SIGNED = re.compile(
    r"(?:(?:19|20)\d{2}|[〇○零OＯ一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日$"
)
_REMARK_HEADER = re.compile(r"^(?:是否\S{1,4}|备注|说明|评价结论)$")
_FILLER = re.compile(r"^(?:以下空白|以下无内容|以下无|此处空白|空白)$")
# A line stating only the units of the table under it: "单位：分贝", "(单位：μg/m³)".
_UNITS_STATED = re.compile(r"^[(（]?\s*(?:计量)?单位\s*[:：]")


def blocks(paragraphs):
    """Paragraphs as blocks, runs of table rows (tabs, Markdown, one cell per line) as tables."""
    paragraphs = _spaced_cells_joined(paragraphs)
    out = []
    index = 0
    caption, caption_at = "", -1
    no_cells_until = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        # A line of bars starting a run of such lines is a row, not a whole table on one line.
        flat = None if _bar_table(paragraphs, index)[0] else _flat_table(paragraph)
        flat = flat or _run_on_table(paragraph)
        if flat is not None:
            lead, _at, table = flat
            if lead:
                out.append(Block("paragraph", lead))
                caption = lead if len(lead) <= 60 else caption
            text, header, rows, own = table
            note = _unit_note(paragraphs, index + 1, rows)
            out.append(Block("table", text, header, rows, f"{own} {caption}".strip(), note))
            index += 1
            continue
        for reader in (
            _tab_table,
            _markdown_table,
            _bar_table,
            _yearbook_table,
            _space_table,
            _spaced_table,
            _aligned_table,
            _marked_rows_table,
            _statistic_runs_table,
            _period_rows_table,
            _cell_per_line_table,
        ):
            if reader is _cell_per_line_table and index < no_cells_until:
                continue
            table, used = reader(paragraphs, index)
            if table is None and used < 0:
                no_cells_until = index - used + 1
            if table is not None:
                own = table[3] if len(table) > 3 else ""
                note = _unit_note(paragraphs, index + used, table[2])
                # A table's own numbered caption ("表3 …") is its whole caption: the short
                # line before it is of the table before.
                whole = own if _NUMBERED_CAPTION.match(own) else f"{own} {caption}".strip()
                out.append(Block("table", table[0], table[1], table[2], whole, note))
                index += used
                break
        else:
            out.append(Block("heading" if is_heading(paragraph) else "paragraph", paragraph))
            if _UNITS_STATED.match(paragraph) and caption and caption_at == len(out) - 2:
                # "单位：分贝" under "表1 …区域声环境…": the units join the caption they are
                # under, which still names what the table measures.
                caption, caption_at = f"{caption} {paragraph}", len(out) - 1
            elif is_heading(paragraph) or len(paragraph) <= 60:
                caption, caption_at = paragraph, len(out) - 1
            if _SIGNED.search(paragraph):
                # An office's line ending in the day it issued the text ("…中心  二○一四年十月
                # 十一日") is no caption of a table further down.
                caption = ""
            index += 1
    return _notes_over_runs(out)


# A line of a table aligned with spaces that opens with the unit of the cell the copy broke
# before it ("(μg/m³)  PM2.5", "(μg/m³)      38      28").
_UNIT_OPENING = re.compile(r"^\s*([(（][^()（）]{1,12}[)）])(?:\s{2,}|\s*$)")


def _spaced_cells_joined(paragraphs):
    """Lines of a table aligned with spaces whose copy broke a cell before its bracketed unit
    ("地区  二氧化氮" over "(μg/m³)  PM2.5"; "PM2.5" over "(μg/m³)   51   19") made one line
    again, the break kept: a line opening with a unit, then a gap of spaces and a cell other
    than a unit (no row of units), or nothing under a line of cells apart by spaces (no unit
    of a cell a line), continues a line of no sentence and no tab or bar, ending in a word."""
    out = []
    for paragraph in paragraphs:
        unit = _UNIT_OPENING.match(paragraph)
        before = out[-1] if out else ""
        rest = paragraph[unit.end() :].strip() if unit else ""
        if (
            unit
            and _UNIT_ONLY.match(unit.group(1))
            and "\t" not in paragraph
            and before
            and not before[-1:].isspace()
            and not _NUMERIC_CELL.match(before.split()[-1])
            and not _SPACED_PROSE.search(before + paragraph)
            and (rest or _SPACED_CELLS.search(before))
            and not _UNIT_ONLY.match(_space_cells(rest)[0] if rest else "")
        ):
            out[-1] = f"{before}\n{paragraph}"
        else:
            out.append(paragraph)
    return out


def _notes_over_runs(out):
    """A note stating units under tables that follow one another with nothing between them
    (the measured values, then the standards' limits, the note last) is of each of them."""
    note = ""
    for at in range(len(out) - 1, -1, -1):
        block = out[at]
        if block.kind != "table":
            note = ""
        elif block.note:
            note = block.note
        elif note:
            out[at] = replace(block, note=note)
    return out


# A cell holding the table's notes ("注: 1、…; 2、…"), however long before its units.
_NOTE_CELL = re.compile(r"^(?:注|备注|说明)\s*[:：]")


def _unit_note(paragraphs, after, rows=()):
    """The note stating units in the three paragraphs after a table, or in a cell of its own
    (merged over the rows of the standards at its foot), or ""."""
    below = next((p for p in paragraphs[after : after + 3] if _UNIT_NOTE.match(p)), "")
    cells = [cell for _label, row, _span in rows for cell in row if _NOTE_CELL.match(cell)]
    return below or next((cell for cell in cells if re.search(r"单位|g/m", cell)), "")


# A line break kept inside a cell as markup ("优良天数<br>比例(%)"): no part of its words.
_CELL_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.I)
# A tab or a line break inside a cell of a table with bars between its cells ("| \t城东\t水厂
# |", "| PM10\n(μg/m³) |"): where a word processor or the copy broke the cell's words, no
# column.
_TAB_IN_CELL = re.compile(r"\s*[\t\n]\s*")


def _cell_words(cell):
    """A cell's words without the breaks the copy kept inside it: joined between Chinese
    characters, a space between others ("Annual\tmean" → "Annual mean")."""
    cell = _CELL_BREAK.sub("", cell).strip()

    def joined(match):
        before, after = cell[match.start() - 1 : match.start()], cell[match.end() : match.end() + 1]
        return "" if _CJK.match(before) or _CJK.match(after) else " "

    return _TAB_IN_CELL.sub(joined, cell)


_CJK = re.compile(r"[\u3400-\u9fff（）]")


def _rows_from_lines(lines, split):
    text = "\n".join(lines)
    rows, cursor = [], 0
    for line in lines:
        cells = [_cell_words(cell) for cell in split(line)]
        rows.append((cells, (cursor, cursor + len(line))))
        cursor += len(line) + 1
    return text, rows


def _numbered(rows):
    """Whether each data row starts with its row number (1, 2, 3…, from 1 again under a
    header repeated) and then a word: the number is no label, the word is."""
    numbers = []
    for cells, _span in rows:
        if not _numbered_row(cells):
            return False
        numbers.append(int(cells[0]))
    steps = zip(numbers, numbers[1:], strict=False)
    return len(numbers) >= 2 and all(b == a + 1 or b == 1 for a, b in steps)


def _numbered_row(cells):
    """A row's number or rank before its label ("1 甲市 22 —")."""
    return len(cells) >= 3 and _ROW_NUMBER.match(cells[0]) and not _NUMERIC_CELL.match(cells[1])


def _without_row_numbers(rows):
    """Rows without their first column where it numbers the rows (序号 over 1, 2, 3…). A
    header row keeps a first cell that is no 序号 and not empty: the copy lost the empty
    cells it started with."""
    data = [(cells, span) for cells, span in rows if _has_numbers(cells)]
    header = [cells for cells, _span in rows[:1] if not _has_numbers(cells)]
    if not _numbered(data) or (header and not _numbers_heading(header[0][0])):
        return rows  # a first column of ranks (排名) is the rankings' own
    return [
        (cells[1:] if _has_numbers(cells) or _numbers_heading(cells[0]) else cells, span)
        for cells, span in rows
    ]


def _numbers_heading(cell):
    return not cell.strip() or bool(_ROW_NUMBERS_HEADING.match(cell.strip()))


def _has_numbers(cells):
    return any(
        _NUMERIC_CELL.match(cell) or compound_items(cell) or worded_change(cell)
        for cell in cells[1:]
    )


def _table(text, rows):
    """Header rows (no number in them) and data rows (a label and cells)."""
    header_rows = []
    data = []
    rows = _without_row_numbers(rows)
    for at, (cells, span) in enumerate(rows):
        # A cell listing measures with their values ("氨氮/1.3、总磷/0.6") is data too.
        numeric = _has_numbers(cells)
        if not data and (
            not numeric or _years_over_columns(cells, header_rows, rows[at + 1 :])
        ):
            header_rows.append(cells)
        elif numeric:
            data.append((cells[0], tuple(cells[1:]), span))
    if not data:
        return None
    width = max(len(cells) for _label, cells, _span in data)
    header = _merged_cells_lost(header_rows, data, width) or _column_names(header_rows, width)
    return text, header, tuple(data)


# A cell that is only a year ("2019"), as in a row of years over the columns.
_YEAR_CELL = re.compile(r"^(?:19|20)\d{2}$")


def _years_over_columns(cells, above, below):
    """Whether a row of bare years ("项目 | 2018 | 2019", "2004 | 2005 | 2006 | 2004 | 2005") is
    a header over the columns, not a row of values: each number a year, ascending (or the same
    run again, under each of two places), first or under fewer names (places merged over the
    years), and rows of other numbers below. Under as many names it is a row of values."""
    numbers = [cell for cell in cells if _NUMERIC_CELL.match(cell) and cell.strip("—–-/")]
    if len(numbers) < 2 or not all(_YEAR_CELL.match(cell) for cell in numbers):
        return False
    if any(sum(1 for cell in row[1:] if cell.strip()) >= len(numbers) for row in above):
        return False
    years = [int(cell) for cell in numbers]
    run = years.index(years[0], 1) if years[0] in years[1:] else len(years)
    if years != years[:run] * (len(years) // run) or years[:run] != sorted(set(years[:run])):
        return False
    return any(
        _has_numbers(row) and not all(_YEAR_CELL.match(c) for c in row[1:] if c.strip())
        for row, _span in below
    )


def _merged_cells_lost(header_rows, data, width):
    """The names of two header rows whose copy kept no empty cell: an upper cell merged over
    several ("浓度(μg/m³) | 优良天数比例(%) | 排名" over "SO2 | NO2 | PM10"), its lower
    row too short to line up with the columns. Read as a flat run of header cells, where the
    lower cells go under the upper cell they belong to; None for any other header."""
    if len(header_rows) != 2:
        return None
    # Columns empty in every row after the last one are the rows' closing bars ("| 5 | |").
    closing = 0
    while closing < width and all(
        len(cells) < width - closing or not cells[width - closing - 1]
        for _label, cells, _span in data
    ):
        closing += 1
    width -= closing
    pattern = [bool(_NUMERIC_CELL.match(cell)) for cell in data[0][1][:width]]
    upper, lower = (_trimmed(cells) for cells in header_rows)
    if "" in upper + lower or not (len(upper) <= width and len(lower) < width):
        return None
    if len(upper) + len(lower) < width + 2:
        return None
    spread = _two_levels(upper + lower, width, pattern, lower_count_said=len(lower))
    if spread is None or spread[1] or spread[2] <= 0:
        return None
    return (*spread[0], *[""] * closing)


def _trimmed(cells):
    """A row's cells without the empty ones at its ends (bars closing the row)."""
    cells = list(cells)
    while cells and not cells[-1]:
        cells.pop()
    while cells and not cells[0]:
        cells.pop(0)
    return cells


def _column_names(header_rows, width):
    """One name per data column; a merged upper header is repeated over the columns it spans."""
    names = [""] * width
    merged = []  # the columns under an upper cell merged over several
    for cells in header_rows:
        # The row labels' column: its heading, or its empty cell where the rows above hold one.
        labels = _ROW_HEADING.match(cells[0]) or (
            not cells[0] and any(len(other) == width + 1 for other in header_rows)
        )
        body = (
            cells[1:]
            if len(cells) == width + 1 or (len(cells) <= width and labels)
            else cells[-width:]
            if len(cells) >= width
            else cells
        )
        if not body:
            continue
        words = [cell for cell in cells if cell]
        if words and all(_UNIT_ONLY.match(cell) for cell in words):
            # A row of units under the names: one to each column in order, from the first
            # (columns without one, an index or a rank, last), unless the row keeps the
            # empty cells between them or a cell for each column and one for the row labels.
            inside = cells[cells.index(words[0]) : len(cells) - cells[::-1].index(words[-1])]
            if len(cells) == width + 1 or "" in inside:
                units = _units_merged_right(body, names)
            else:
                plain = [_UNIT_ONLY.match(word).group(1) for word in words]
                units = _merged_units(plain, names)
                units = [
                    word if unit else ""
                    for word, unit in zip(_with_brackets(words, plain, units), units, strict=True)
                ]
            for column, unit in enumerate(units[:width]):
                names[column] = f"{names[column]} {unit}".strip()
            continue
        if cells is not header_rows[-1]:
            # An upper header's empty cell continues the merged cell on its left.
            filled = [cell or (body[i - 1] if i else "") for i, cell in enumerate(body)]
            for i in range(1, len(filled)):
                filled[i] = filled[i] or filled[i - 1]
            if len(body) == width:
                merged = [
                    column
                    for column in range(width)
                    if (body[column] and column + 1 < width and not body[column + 1])
                    or (not body[column] and filled[column])
                ]
            body = filled
        elif merged and len(cells) != width + 1 and len(words) == len(merged):
            # The lower cells of a merged upper header, whatever empty cells around them the
            # copy lost ("浓度(μg/m³)" over "SO2 | NO2 | PM10 | PM2.5"): under that header.
            for column, word in zip(merged, words, strict=True):
                names[column] = f"{names[column]} {word}".strip()
            continue
        if cells is header_rows[-1] and len(header_rows) > 1 and len(body) < width:
            # The lowest level, its empty cells at the ends lost ("\t(μg/m³)\t…\t比例(%)\t\t"):
            # a cell to each column from the first, none repeated over the columns after it.
            for column, piece in enumerate(body):
                names[column] = f"{names[column]} {piece}".strip()
            continue
        span = max(1, width // len(body))
        for column in range(width):
            piece = body[min(len(body) - 1, column // span)]
            names[column] = f"{names[column]} {piece}".strip()
    return tuple(names)


def _tab_table(paragraphs, index):
    lines = []
    while index + len(lines) < len(paragraphs) and (
        "\t" in paragraphs[index + len(lines)]
        and not _PIPE_ROW.match(paragraphs[index + len(lines)])
        or lines
        and _cell_broken_before(paragraphs, index + len(lines))
    ):
        lines.append(paragraphs[index + len(lines)])
    taken = len(lines)
    lines = _broken_cells_joined(lines)
    if len(lines) < 2:
        return None, 0
    text, rows = _rows_from_lines(lines, lambda line: _TAB_ROW.split(line))
    return _table(text, rows), taken


def _opens_with_bracketed_unit(line):
    """A line whose first cell is a bracketed unit, not a row of units under the names."""
    cells = [cell.strip() for cell in line.split("\t") if cell.strip()]
    return (
        bool(cells)
        and cells[0][:1] in "(（"
        and bool(_UNIT_ONLY.match(cells[0]))
        and not (len(cells) > 1 and _UNIT_ONLY.match(cells[1]))
    )


def _cell_broken_before(paragraphs, at):
    """Whether a line without a tab in a tab table is half of a cell the copy broke in two:
    a bracketed unit alone, or a name over a line opening with its unit ("SO2" over
    "(μg/m³)\t9\t12")."""
    line = paragraphs[at]
    if _opens_with_bracketed_unit(line):
        return True
    return (
        at + 1 < len(paragraphs)
        and len(line) <= 20
        and "\t" in paragraphs[at + 1]
        and _opens_with_bracketed_unit(paragraphs[at + 1])
    )


def _broken_cells_joined(lines):
    """A cell copied with a line break inside ("PM10\n(μg/m³)") made whole again: a line
    opening with a bracketed unit continues the last cell of the line before."""
    out = []
    for line in lines:
        if out and _opens_with_bracketed_unit(line):
            out[-1] += line
        else:
            out.append(line)
    return out


_SPACED_CELLS = re.compile(r"\s{2,}|\u3000+")


def _space_cells(line):
    """Cells of a line whose columns are aligned with spaces ("江州  31  88.1", "江州 31 88.1")."""
    cells = [c for c in _SPACED_CELLS.split(line.strip()) if c]
    if len(cells) < 3:
        cells = line.split()
    return cells


_PROSE_MARK = re.compile(r"[。；;，,]")


def _space_row(line):
    """The cells of a data row aligned with spaces: a label, then numbers only."""
    if "\t" in line or "|" in line or _PROSE_MARK.search(line):
        return None
    cells = _space_cells(line)
    if len(cells) < 3:
        return None
    # A row number may stand before the label ("3   北塔区   9   23").
    label = int(bool(_ROW_NUMBER.match(cells[0]) and not _NUMERIC_CELL.match(cells[1])))
    if _NUMERIC_CELL.match(cells[label]):
        return None
    if not all(_NUMERIC_CELL.match(cell) for cell in cells[label + 1 :]):
        return None
    return cells


# A name as wide as its column run into the number after it ("呼和浩特128"): a fixed-width
# copy leaves no space between them.
_NAME_RUN_INTO_NUMBER = re.compile(r"^(.*[\u4e00-\u9fff])(\d[\d,]*(?:\.\d+)?)$")


def _label_apart(cells, width, labels):
    """A row's ``cells`` with its label and first number apart where the copy ran them
    together: the row is one cell short of the table's ``width`` and no other row's label
    (``labels``) ends in a digit, as station labels do ("测点3 52.9" lost a cell, no space)."""
    match = _NAME_RUN_INTO_NUMBER.match(cells[0]) if cells else None
    numbered = any(re.search(r"\d$", label) for label in labels)
    if match is None or len(cells) != width - 1 or numbered:
        return cells
    return [match.group(1), match.group(2), *cells[1:]]


def _next_numbered_row_left(paragraphs, after, lines):
    """Whether rows numbered 1, 2, 3… stop before the next number's row, one with words
    among its cells ("4 琼海 40 PM10"): the table is another reader's."""
    last = _space_cells(lines[-1])[0]
    if not _ROW_NUMBER.match(last) or after >= len(paragraphs):
        return False
    following = _space_cells(paragraphs[after])
    return bool(following) and following[0] == str(int(last) + 1)


def _space_table(paragraphs, index):
    """Rows whose cells are separated by spaces, under a header row of as many words, and
    perhaps a row of units under it ("(μg/m³)   (μg/m³)   (天)"), one to each column."""
    header = []
    first = paragraphs[index]
    if _space_row(first) is None:
        cells = _space_cells(first)
        below = index + 1
        units = below < len(paragraphs) and _units_row(paragraphs[below])
        below += units
        following = _space_row(paragraphs[below]) if below < len(paragraphs) else None
        if (
            following is None
            or len(cells) not in (len(following), len(following) - 1)
            or any(_NUMERIC_CELL.match(cell) or _long_cell(cell) for cell in cells)
            or _PROSE_MARK.search(first)
        ):
            return None, 0
        header, index = paragraphs[index:below], below
    lines, labels = [], []
    width = None
    while index + len(lines) < len(paragraphs):
        cells = _space_row(paragraphs[index + len(lines)])
        if cells is not None and width is not None:
            cells = _label_apart(cells, width, labels)
        if cells is None or (width is not None and len(cells) != width):
            break
        width = len(cells)
        labels.append(cells[0])
        lines.append(paragraphs[index + len(lines)])
    # One row is a table under a header of its columns (a county's only station).
    if len(lines) < 2 - bool(header) or _next_numbered_row_left(
        paragraphs, index + len(lines), lines
    ):
        return None, 0
    all_lines = header + lines
    text, rows = _rows_from_lines(
        all_lines,
        lambda line: (
            _label_apart(_space_cells(line), width, labels)
            if _space_row(line) is not None
            else _space_cells(line)
        ),
    )
    for at in range(len(header)):
        if len(rows[at][0]) == width - 1:
            rows[at] = ([""] + rows[at][0], rows[at][1])  # no heading over the row labels
    return _table(text, rows), len(all_lines)


# A line that may be a row of a table aligned with spaces: no sentence in it.
_BRACKETED_WORDS = re.compile(r"[(（][^()（）]{1,12}[)）]")
_SPACED_PROSE = re.compile(r"[。；;，,！？!?:：、|｜\t]")


def _long_cell(cell):
    """Longer than a table's cell, a header's unit apart ("O3日最大8小时第90百分位数(μg/m³)")."""
    return len(cell) > 20 and len(_without_unit(cell)) > 20


_SPELT_UNIT_OF_HEADER = re.compile(rf"\s*[(（]\s*{SPELT_VOLUME_UNIT}\s*[)）]\s*$", re.I)


def _without_unit(cell):
    """A header cell without the unit in brackets at its end, however long its spelling
    ("Sulphur Dioxide(milligrams per cubic metre)")."""
    return _UNIT_OF_HEADER.sub("", _SPELT_UNIT_OF_HEADER.sub("", cell)) or cell


def _spaced_line_cells(line):
    """The cells of a line that may be a row (or a header line) of a table aligned with
    spaces, or None: at least two short cells and no sentence."""
    # "县(市、区)" is a heading, not a sentence: marks inside brackets are the name's.
    if _SPACED_PROSE.search(_BRACKETED_WORDS.sub("", line)):
        return None
    cells = _space_cells(line)
    if not 2 <= len(cells) <= 16 or any(_long_cell(cell) for cell in cells):
        return None
    # English prose is no row: a word cell is Chinese, a grade, a code (PM10, SO2) or a dash.
    if sum(1 for cell in cells if re.fullmatch(r"[A-Za-z]{4,}", cell)) > 1:
        return None
    return cells


def _line_starts(lines):
    """Where each line starts in the lines joined by newlines."""
    starts, cursor = [], 0
    for line in lines:
        starts.append(cursor)
        cursor += len(line) + 1
    return starts


def _line_spans(lines):
    """Where each line starts and ends in the lines joined by newlines."""
    return [
        (start, start + len(line)) for start, line in zip(_line_starts(lines), lines, strict=True)
    ]


def _spaced_table(paragraphs, index):
    """A table aligned with spaces whose rows hold words as well as numbers (a pollutant, a
    grade: "甲市 63 可吸入颗粒物 Ⅱ 良"), perhaps under a header on two lines ("空气质量" over
    "级别 状况"): its cells read as a table of one cell per line, kept when each row is one
    line, whole."""
    lines, split = [], []
    while index + len(lines) < len(paragraphs):
        cells = _spaced_line_cells(paragraphs[index + len(lines)])
        if cells is None:
            break
        lines.append(paragraphs[index + len(lines)])
        split.append(cells)
    if len(lines) < 3 or not any(
        len(cells) >= 3 and any(_NUMERIC_CELL.match(cell) for cell in cells[1:]) for cells in split
    ):
        return None, 0
    split = _labels_apart(split)
    if any(
        _space_table(paragraphs, index + at)[0] is not None
        and not _header_lines_over(split, at, paragraphs[index + at])
        for at in range(1, len(lines))
    ):
        return None, 0  # a caption line over a table of numbers aligned with spaces
    flat, owner = [], []  # each cell, and the line it stands on
    for at, cells in enumerate(split):
        flat.extend(cells)
        owner.extend([at] * len(cells))
    table, used = _cell_per_line_table(flat, 0, at_end=False)
    if table is None:
        return _rows_by_line(lines, split)
    _text, header, rows, own = table
    # Where each cell's line starts in the exploded text, to find each row's cells.
    starts = _line_starts(flat[:used])
    text = "\n".join(lines)
    line_starts = _line_starts(lines)
    data = []
    first_line = None
    for label, values, (start, end) in rows:
        first = starts.index(start) if start in starts else None
        last = max(at for at, begin in enumerate(starts) if begin < end)
        if first is None or owner[first] != owner[last]:
            # A row across lines: rows that lost an empty cell, each still a line.
            return _rows_by_line(lines, split)
        line = owner[first]
        if (
            first
            and owner[first - 1] == line
            or (last + 1 < len(owner) and owner[last + 1] == line)
        ):
            return _rows_by_line(lines, split)  # part of a line only
        first_line = line if first_line is None else first_line
        span = (line_starts[line], line_starts[line] + len(lines[line]))
        data.append((label, values, span))
    if len(data) < 2:
        return None, 0
    by_line = _rows_by_line(lines, split)
    if by_line[0] is not None and len(by_line[0][2]) > len(data):
        return by_line  # rows the cells' pattern left out (the last, its cell a word)
    last_line = owner[used - 1]
    used_lines = last_line + 1
    return (text[: line_starts[last_line] + len(lines[last_line])], header, tuple(data), own), (
        used_lines
    )


def _labels_apart(split):
    """The lines' cells with each label run into the number after it set apart (see
    ``_label_apart``), where the widest rows hold a number after their label."""
    width = max(len(cells) for cells in split)
    whole = [cells for cells in split if len(cells) == width]
    numbered = [cells for cells in whole if _NUMERIC_CELL.match(cells[1])]
    if len(numbered) < 2 or len(numbered) * 2 <= len(whole):
        return split
    labels = [cells[0] for cells in numbered]
    return [
        _label_apart(cells, width, labels) if not _NUMERIC_CELL.match(cells[1]) else cells
        for cells in split
    ]


def _header_lines_over(split, at, line):
    """Whether the lines before a row of numbers are a header of two levels (an upper line
    of merged names over a line of names), not a caption: two lines or more of three cells
    or more each, none only a unit (a line of units, or of names' wrapped ends, is left to the
    columns' positions)."""
    return (
        at >= 2
        and _space_row(line) is not None
        and all(len(split[k]) >= 3 for k in range(at))
        and not any(re.fullmatch(r"[(（][^()（）]+[)）]", cell) for k in range(at) for cell in split[k])
    )


def _word_shape(cell):
    """What kind of word a cell is, for a row that lost a cell: a class (Ⅱ, Ⅲ类), a grade
    (优, 轻度污染), a dash, or another word."""
    if re.fullmatch(r"劣?[ⅠⅡⅢⅣⅤⅥ]+类?|[一二三四五六]级", cell):
        return "class"
    if re.fullmatch(r"(?:优|良|(?:轻度|中度|重度|严重)(?:污染)?)", cell):
        return "grade"
    if re.fullmatch(r"[—–\-━─/]+", cell):
        return "dash"
    return "word"


def _rows_by_line(lines, split):
    """A table aligned with single spaces read a row to a line, where some rows lost an empty
    cell ("乙市 44 Ⅰ 优" among "甲市 71 可吸入颗粒物 Ⅱ 良"): the widest rows set the columns; a
    shorter row's numbers go to the number columns in order and each word to the column
    whose cells, in the whole rows, hold that word. A row that cannot be laid so is left out."""
    # A row's number or rank before its label ("1 甲市 22 —"): no cell of the table.
    numbered = [at for at, cells in enumerate(split) if _numbered_row(cells)]
    if len(numbered) >= 2:
        split = [cells[1:] if at in numbered else cells for at, cells in enumerate(split)]
        heading = split[numbered[0] - 1] if numbered[0] else []
        if heading and _NUMBERS_HEADING.search(heading[0]):
            split[numbered[0] - 1] = heading[1:]
    data_at = [
        at
        for at, cells in enumerate(split)
        if len(cells) >= 2
        and not _NUMERIC_CELL.match(cells[0])
        and any(_NUMERIC_CELL.match(cell) for cell in cells[1:])
    ]
    if len(data_at) < 2 or data_at != list(range(data_at[0], data_at[0] + len(data_at))):
        return None, 0
    width = max(len(split[at]) for at in data_at)
    whole = [split[at] for at in data_at if len(split[at]) == width]
    if len(whole) < 2:
        return None, 0

    def is_number(cell):
        return bool(_NUMERIC_CELL.match(cell)) and _word_shape(cell) != "dash"

    numeric = [
        sum(1 for cells in whole if is_number(cells[column])) * 2 > len(whole)
        for column in range(width)
    ]
    shapes = [{_word_shape(cells[column]) for cells in whole} for column in range(width)]

    def fits(cell, column):
        shape = _word_shape(cell)
        if shape == "dash":
            return True  # an empty cell, of a column of numbers or of words
        if is_number(cell) != numeric[column]:
            return False
        # A dash is an empty cell of any column of words; a column only of dashes takes words.
        return (
            numeric[column]
            or shape in shapes[column]
            or (shape == "word" and shapes[column] == {"dash"})
        )

    def placements(cells, column):
        """The ways to lay ``cells`` into the columns from ``column`` on, in order."""
        if not cells:
            return [[]]
        out = []
        for at in range(column, width - len(cells) + 1):
            if fits(cells[0], at):
                out += [[at, *rest] for rest in placements(cells[1:], at + 1)][:2]
        return out[:2]

    starts = _line_starts(lines)
    rows = []
    for at in data_at:
        cells = split[at]
        ways = placements(cells[1:], 1)
        if len(ways) != 1:
            continue  # not laid, or laid two ways: which cell went is not known
        laid = [cells[0]] + [""] * (width - 1)
        for column, cell in zip(ways[0], cells[1:], strict=True):
            laid[column] = cell
        rows.append((laid[0], tuple(laid[1:]), (starts[at], starts[at] + len(lines[at]))))
    if len(rows) < 2:
        return None, 0
    header_cells = _wrapped_units([cell for cells in split[: data_at[0]] for cell in cells])
    names, caption = _column_names_flat(header_cells, width - 1, numeric[1:])
    last = data_at[-1]
    text = "\n".join(lines[: last + 1])
    return (text, names, tuple(rows), " ".join(caption)), last + 1


_NOT_ALIGNED = re.compile(r"[\t|｜。；;，,！？]")


def _aligned_cells(line):
    """The cells of a line of a table whose columns are aligned with two spaces or more (a
    PDF's or a plain-text page's), or None: no sentence, no cell longer than a name."""
    if _NOT_ALIGNED.search(line):
        return None
    cells = [c for c in _SPACED_CELLS.split(line.strip()) if c]
    if len(cells) == 1:
        # One space between cells (an ideographic space, folded): no English prose, no cell
        # as long as a phrase.
        cells = line.split()
        if (
            len(cells) < 3
            or _CAPTION.match(line)
            or re.match(r"(?:Table|Figure)\s*\d", line, re.I)
            or any(len(c) > 12 for c in cells)
            or sum(1 for c in cells if re.fullmatch(r"[a-z]{2,}", c)) > 1
        ):
            return None  # a caption; "the", "of", "in": a sentence, not a header's names
    return cells if 2 <= len(cells) <= 20 and all(len(c) <= 20 for c in cells) else None


def _aligned_row(line):
    cells = _aligned_cells(line)
    if cells is None or len(cells) < 3 or _NUMERIC_CELL.match(cells[0]):
        return None
    return cells if any(_NUMERIC_CELL.match(cell) for cell in cells[1:]) else None


def _aligned_table(paragraphs, index):
    """A table aligned with spaces whose rows hold words as well as numbers (a pollutant, a
    class, a remark, a detection limit), each row a line of as many cells, under header lines
    of any shape: a group over its columns ("浓度(μg/m³)" over "SO2  NO2  PM10"), a line of
    units. The header lines read as a header of one cell per line does."""
    header = []
    while (
        index + len(header) < len(paragraphs)
        and len(header) < 3
        and _aligned_row(paragraphs[index + len(header)]) is None
    ):
        cells = _aligned_cells(paragraphs[index + len(header)])
        if cells is None or any(_NUMERIC_CELL.match(cell) for cell in cells):
            return None, 0
        header.append(paragraphs[index + len(header)])
    if not header:
        return None, 0
    lines, width = [], None
    while index + len(header) + len(lines) < len(paragraphs):
        cells = _aligned_row(paragraphs[index + len(header) + len(lines)])
        if cells is None or (width is not None and len(cells) != width):
            break
        width = len(cells)
        lines.append(paragraphs[index + len(header) + len(lines)])
    if len(lines) < 2:
        return None, 0
    text, rows = _rows_from_lines(header + lines, _aligned_cells)
    data = rows[len(header) :]
    pattern = [bool(_NUMERIC_CELL.match(cell)) for cell in data[0][0][1:]]
    header_rows = [cells for cells, _span in rows[: len(header)]]
    if len(header_rows) > 1 and len(header_rows[0]) == width:
        # A name over each column, then lines under them (units, the names' wrapped ends):
        # the lines under read from the first column, as a grid's rows.
        names, caption = _column_names(header_rows, width - 1), []
    else:
        header_cells = _wrapped_units([cell for cells in header_rows for cell in cells])
        names, caption = _column_names_flat(header_cells, width - 1, pattern)
    table = tuple((cells[0], tuple(cells[1:]), span) for cells, span in data)
    return (text, names, table, " ".join(caption)), len(header) + len(lines)


# A yearbook row: a place's label (its Chinese name, characters perhaps spaced out, and/or its
# name in pinyin: "石 家 庄  Shijiazhuang", "Xi'an"), then numbers only.
_PLACE_LABEL = re.compile(
    r"^(?P<zh>[\u4e00-\u9fff](?: {0,4}[\u4e00-\u9fff])*)?\s*"
    r"(?P<en>[A-Z][A-Za-z'\-]+(?: [A-Z][A-Za-z'\-]+)*)?$"
)
_HEADER_PROSE = re.compile(r"[。；;，,！？!?:：、|｜\t]")


def _label_then_numbers(line):
    """``(label, [(number, start, end)])`` of a line that is a place's label followed by
    numbers only, or None. The label keeps its Chinese name alone when it has one."""
    match = re.match(r"^(.*?[^\d\s.\-—–])\s+(\d.*)$", line)
    if match is None or _HEADER_PROSE.search(line) or len(match.group(1)) > 30:
        return None
    label = _PLACE_LABEL.match(match.group(1))
    if label is None:
        return None
    start = match.start(2)
    numbers = [
        (m.group(), start + m.start(), start + m.end()) for m in re.finditer(r"\S+", match.group(2))
    ]
    if len(numbers) < 2 or not all(_NUMERIC_CELL.match(number) for number, _, _ in numbers):
        return None
    return re.sub(r"\s+", "", label.group("zh") or "") or label.group("en"), numbers


def _gaps(numbers):
    return [b[1] - a[2] for a, b in zip(numbers, numbers[1:], strict=False)]


def _placed_by_gaps(numbers, width, widest):
    """A short row's cells in their columns: its empty cells are only spaces, so they stand
    where the spaces between two numbers run wider than between any two cells of a full row
    (each wide gap holds one empty cell at least, the widest the rest). None when the gaps
    do not say where the empty cells are."""
    missing = width - len(numbers)
    if missing == 0:
        return [number for number, _, _ in numbers]
    gaps = _gaps(numbers)
    wide = sorted((gap, at) for at, gap in enumerate(gaps) if gap > widest)
    if not wide or len(wide) > missing:
        return None
    empties = dict.fromkeys((at for _, at in wide), 1)
    empties[wide[-1][1]] += missing - len(wide)
    cells = []
    for at, (number, _, _) in enumerate(numbers):
        cells.append(number)
        cells.extend([""] * empties.get(at, 0))
    return cells


def _yearbook_names(header_lines, width):
    """The columns' names from a yearbook's header lines: the line of Chinese names, one to a
    column after the labels' heading ("City 路段总长度 超标路段 …"), each named once, with the
    line of units under it; the English lines wrapping the same names add nothing. None
    without such a line."""
    split = [line.split() for line in header_lines]
    for at, cells in enumerate(split):
        names = cells[-width:]
        # A name repeated ("昼 夜 昼 夜") is a lower level under merged cells: no such header.
        if (
            len(cells) not in (width, width + 1)
            or len(set(names)) < width
            or not all(
                re.search(r"[\u4e00-\u9fff]", name) and not _UNIT_ONLY.match(name) for name in names
            )
        ):
            continue
        rows = [[cells[0] if len(cells) > width else "", *names]]
        units = split[at + 1] if at + 1 < len(split) else []
        if len(units) == width and all(re.match(r"[(（]|dB", unit) for unit in units):
            rows.append(["", *units])
        return _column_names(rows, width)
    return None


# The pollutants an English header names, by the word opening each name (the rest of the
# name wrapped onto the next line): "Sulphur" over "Dioxide", "Particulate" over "Matters".
_POLLUTANT_WORDS_EN = {
    "sulphur": "SO2",
    "sulfur": "SO2",
    "so2": "SO2",
    "nitrogen": "NO2",
    "no2": "NO2",
    "particulate": "PM10",
    "inhalable": "PM10",
    "pm10": "PM10",
    "pm2.5": "PM2.5",
    "fine": "PM2.5",
    "carbon": "CO",
    "ozone": "O3",
    "o3": "O3",
}
_LABELS_HEADING_EN = re.compile(r"^(?:City|Cities|Region|Province|Area|District|County)\b")
_BRACKETED_UNIT_EN = re.compile(r"[(（]([^()（）\u4e00-\u9fff]{1,20})[)）]")


def _english_wrapped_names(header_lines, width, above=""):
    """The columns' names from English header lines wrapping every name over several lines
    (no line names each column alone), under the labels' heading ("City …"): the pollutants
    the header names, in the order it names them, then a column for each unit it writes in
    brackets ("(days)", "(%)"), in order, named by the header's other words. A unit spelt out
    on the line over the header ("(milligram/cu.m)") is the pollutants', by its symbol. None
    where the count of names is not the count of columns."""
    if not _LABELS_HEADING_EN.match(header_lines[0]):
        return None
    words = " ".join(header_lines).split()[1:]
    folded = [word.casefold() for word in words]
    # "Fine" over "Particulate": PM2.5's name, unless another "Particulate" names PM10.
    fine_only = "fine" in folded and folded.count("particulate") == 1
    pollutants = []
    for word in folded:
        code = _POLLUTANT_WORDS_EN.get(word)
        if code and code not in pollutants and not (fine_only and word == "particulate"):
            pollutants.append(code)
    units = [m.group(0) for line in header_lines for m in _BRACKETED_UNIT_EN.finditer(line)]
    if not pollutants or len(pollutants) + len(units) != width:
        return None
    unit = _SPELT_UNIT_OF_HEADER.fullmatch(above.strip())
    unit = ("(mg/m³)" if re.search(r"milli|mg", unit.group(0), re.I) else "(μg/m³)") if unit else ""
    others = " ".join(
        word
        for word in words
        if word.casefold() not in _POLLUTANT_WORDS_EN and not _BRACKETED_UNIT_EN.fullmatch(word)
    )
    return (
        *(f"{code} {unit}".strip() for code in pollutants),
        *(f"{others} {written}" for written in units),
    )


def _yearbook_table(paragraphs, index):
    """A statistical yearbook's table aligned with spaces: header lines (a line of Chinese
    names, a line of units, English lines wrapping the same names), then a row per place,
    labelled in Chinese, pinyin or both, with numbers only; an empty cell is only spaces, so
    a short row's numbers are placed by the gaps between them."""
    header = []
    while index + len(header) < len(paragraphs) and len(header) < 8:
        line = paragraphs[index + len(header)]
        if _label_then_numbers(line) is not None:
            break
        if _HEADER_PROSE.search(_BRACKETED_WORDS.sub("", line)) or len(line) > 80:
            return None, 0
        header.append(line)
    rows = []
    while index + len(header) + len(rows) < len(paragraphs):
        row = _label_then_numbers(paragraphs[index + len(header) + len(rows)])
        if row is None:
            break
        rows.append(row)
    if not header or len(rows) < 3:
        return None, 0
    width = max(len(numbers) for _label, numbers in rows)
    above = paragraphs[index - 1] if index else ""
    names = _yearbook_names(header, width) or _english_wrapped_names(header, width, above)
    full = [numbers for _label, numbers in rows if len(numbers) == width]
    if names is None or len(full) * 2 < len(rows):
        return None, 0
    widest = max((gap for numbers in full for gap in _gaps(numbers)), default=1)
    lines = header + [paragraphs[index + len(header) + at] for at in range(len(rows))]
    starts = _line_starts(lines)
    data = []
    for at, (label, numbers) in enumerate(rows, start=len(header)):
        cells = _placed_by_gaps(numbers, width, widest)
        if cells is not None:
            data.append((label, tuple(cells), (starts[at], starts[at] + len(lines[at]))))
    return ("\n".join(lines), names, tuple(data)), len(lines)


_STATISTIC = re.compile(r"^(?:最大值|最小值|平均值|均值|最高值|最低值|中位数|最大|最小|平均)$")
# A header cell naming a measure by its unit: "综合电场强度(单位:V/m)", "功率密度(μW/cm2".
_MEASURE_BY_UNIT = re.compile(r"[(（]\s*(?:单位|[^()（）]*/|[^()（）\u4e00-\u9fff\d]{1,8}[)）]?$)")


def _statistic_runs_table(paragraphs, index):
    """A station's table, one cell per line, whose measures each head a small table of their
    own: the statistics' names, then as many values ("综合电场强度(单位:V/m)" … "最大值",
    "最小值", "平均值", "3.74", "0.68", "1.84"), a copy of cells merged over a nested header.
    Each value is of the statistic at its place and of the measure named last before them;
    the row is the station's (the word before the first number after the header)."""
    lines = []
    while index + len(lines) < len(paragraphs):
        line = paragraphs[index + len(lines)].strip()
        if not _CELL_LINE.match(line) or re.search(r"[，,。；;]", line):
            break
        lines.append(line)
    runs, at = [], 0
    while at < len(lines):
        size = 0
        while at + size < len(lines) and _STATISTIC.match(lines[at + size]):
            size += 1
        values = lines[at + size : at + 2 * size]
        if size >= 2 and len(values) == size and all(_NUMERIC_CELL.match(v) for v in values):
            runs.append((at, size))
            at += 2 * size
            continue
        at += max(size, 1)
    if not runs:
        return None, 0

    def station_before(stop, since):
        return next(
            (
                at
                for at in range(stop - 1, since - 1, -1)
                if not _NUMERIC_CELL.match(lines[at])
                and not _MEASURE_BY_UNIT.search(lines[at])
                and not _STATISTIC.match(lines[at])
                and not _REMARK_HEADER.match(lines[at])
            ),
            None,
        )

    # Runs by station: a station's name (a word before a number) between two runs starts a row.
    groups, since = [], 0
    for start, size in runs:
        station = station_before(start, since)
        if station is not None or not groups:
            if station is None:
                return None, 0
            groups.append((station, []))
        groups[-1][1].append((start, size))
        since = start + 2 * size
    first_runs = groups[0][1]
    # The measures in the order written, one to each run of the first station; else each run's
    # the one written last before it.
    end_of_first = first_runs[-1][0]
    measures = [line for line in lines[:end_of_first] if _MEASURE_BY_UNIT.search(line)]
    names = []
    for number, (start, size) in enumerate(first_runs):
        measure = (
            measures[number]
            if len(measures) == len(first_runs)
            else next(
                (line for line in reversed(lines[:start]) if _MEASURE_BY_UNIT.search(line)), None
            )
        )
        if measure is None:
            return None, 0
        names += [f"{lines[start + offset]} {measure}" for offset in range(size)]
    used = runs[-1][0] + 2 * runs[-1][1]
    text = "\n".join(lines[:used])
    starts = _line_starts(lines[:used])
    data = []
    for station, station_runs in groups:
        if [size for _s, size in station_runs] != [size for _s, size in first_runs]:
            return None, 0  # other statistics than the first station's: not this layout
        if any(
            lines[start + offset] != lines[first + offset]
            for (start, size), (first, _size) in zip(station_runs, first_runs, strict=True)
            for offset in range(size)
        ):
            return None, 0
        cells = [
            lines[start + size + offset] for start, size in station_runs for offset in range(size)
        ]
        last = station_runs[-1][0] + 2 * station_runs[-1][1] - 1
        data.append(
            (lines[station], tuple(cells), (starts[station], starts[last] + len(lines[last])))
        )
    caption = lines[0] if re.match(r"^(?:表\s*)?\d+\s", lines[0]) else ""
    return (text, tuple(names), tuple(data), caption), used


def _marked_rows_table(paragraphs, index):
    """Cells one per line, each ending with " |", rows closed by a line of bars ("|", "||"),
    where rows under a cell merged over them (a city over its counties' rows) lost that cell:
    the copy of an HTML table with merged cells on the left. The header is the cells before
    the first line of bars; a row ends at a line of two bars or more, or at a bar alone once
    it has a cell for every column (before that a bar alone is an empty cell); a row shorter
    than the header is missing its first cells, carried down from the row above.

    Only tables with such short rows are read here; whole rows are the one-cell-per-line
    reader's. A caption line may stand first."""
    start = index
    if start < len(paragraphs) and not paragraphs[start].rstrip().endswith(("|", "｜")):
        start += 1  # a caption ("附表: …") right over the header
    lines = []
    while start + len(lines) < len(paragraphs):
        line = paragraphs[start + len(lines)]
        if not (
            _PIPES.match(line)
            or (line.rstrip().endswith(("|", "｜")) and _CELL_LINE.match(_cell_text(line)))
        ):
            break
        lines.append(line)
    if sum(1 for line in lines if _ROW_MARK.match(line)) < 2:
        return None, 0
    first_bar = next(at for at, line in enumerate(lines) if _PIPES.match(line))
    header = [_cell_text(line) for line in lines[:first_bar]]
    width = len(header)
    if width < 3 or any(_NUMERIC_CELL.match(cell) for cell in header):
        return None, 0
    rows, current, closed = [], [], True
    for at in range(first_bar + 1, len(lines)):
        line = lines[at]
        if _ROW_MARK.match(line) or (_PIPES.match(line) and len(current) >= width):
            if current:
                rows.append(current)
            current, closed = [], True
            continue
        closed = False
        current.append(("" if _PIPES.match(line) else _cell_text(line), at))
    if current and len(current) == width:
        rows.append(current)
    elif current:
        closed = False  # a last row the copy cut off: where its cells stand is not known
    rows = [row for row in rows if len(row) > 1]
    if (
        len(rows) < 2
        # A cell merged over rows stands in the first of them: the first row is whole, and a
        # row of numbers (no second header row, such as one of units).
        or len(rows[0]) != width
        or not any(_NUMERIC_CELL.match(cell) for cell, _at in rows[0][1:])
        or any(len(row) > width or len(row) < width - 3 for row in rows)
        or all(len(row) == width for row in rows)
        or sum(1 for row in rows if any(_NUMERIC_CELL.match(c) for c, _at in row)) < 2
    ):
        return None, 0
    used = (rows[-1][-1][1] + 1) if not closed else len(lines)
    text = "\n".join(lines[:used])
    starts = _line_starts(lines[:used])
    data = []
    for row in rows:
        cells = [""] * (width - len(row)) + [cell for cell, _at in row]
        span = (starts[row[0][1]], starts[row[-1][1]] + len(lines[row[-1][1]]))
        data.append((cells[0], tuple(cells[1:]), span))
    names = (
        tuple(_wrapped_units(header[1:]))
        if len(_wrapped_units(header[1:])) == width - 1
        else (tuple(header[1:]))
    )
    caption = paragraphs[index] if start > index else ""
    return (text, names, tuple(data), caption), start - index + used


def _units_row(line):
    """Whether a line is only units in brackets, one under each column's name."""
    cells = _space_cells(line)
    return len(cells) >= 2 and all(
        re.fullmatch(r"[(（][^()（）]{1,12}[)）]", c) or _SPELT_UNIT_OF_HEADER.fullmatch(c)
        for c in cells
    )


# A row of a table pasted with bars between its cells but not around them ("pH | 7.6 | 8.0 |").
_BAR = re.compile(r"\s*[|｜]\s*")


def _bar_cells(line):
    """The cells of a line written as a table row with bars between its cells, or None.

    At least three cells, and no sentence: a bar in prose ("来源:某网 | 编辑") is no row. A
    cell may be long (the stations of a class, listed)."""
    inner = line.strip().strip("|｜").strip()
    cells = _BAR.split(inner)
    if len(cells) < 3 or _SENTENCE_INSIDE.search(inner):
        return None
    return cells


def _bar_table(paragraphs, index):
    """Rows one to a line, cells between bars, with or without bars at the line's ends: a
    station table pasted from a web page or a PDF ("河段 | 甲桥 | 乙桥 |" over "氨氮 | 0.3 |
    0.5 |"). Rows stop at the first line that is not one."""
    lines = []
    while index + len(lines) < len(paragraphs) and _bar_cells(paragraphs[index + len(lines)]):
        lines.append(paragraphs[index + len(lines)])
    if len(lines) < 2:
        return None, 0
    opening = [line.startswith(("|", "｜")) for line in lines]
    if sum(opening) * 2 < len(lines):
        # Most rows start with their first cell: a bar first is an empty first cell (a label
        # merged over the rows above), not the start of a Markdown row.
        text, rows = _rows_from_lines(
            lines, lambda line: [""] * line.startswith(("|", "｜")) + _bar_cells(line)
        )
    else:
        text, rows = _rows_from_lines(lines, _bar_cells)
    return _table(text, rows), len(lines)


# The rest of a row whose cell held a line break, or that a narrow page wrapped: its last
# cells, or a lone bar where the broken cell was empty ("| 1 | 水温 | 20 | 18 |" then "|").
_ROW_REST = re.compile(r"^(?:[^|｜]{0,40}[|｜])+(?:\s*[|｜])*$")


def _markdown_cells(line):
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def _markdown_table(paragraphs, index):
    lines, used = [], 0
    while index + used < len(paragraphs):
        line = paragraphs[index + used]
        broken = _row_broken_in_cells(paragraphs, index + used)
        if broken:
            line, more = broken
            used += more
        if broken or _MARKDOWN_ROW.match(line):
            following = paragraphs[index + used + 1] if index + used + 1 < len(paragraphs) else ""
            if _another_table(lines, line, following):
                break
            lines.append(line)
        elif lines and _ROW_REST.match(line) and _short_row(lines, line):
            lines[-1] = f"{lines[-1]}\n{line}"
        else:
            break
        used += 1
    if len(lines) < 2:
        return None, 0
    text, rows = _rows_from_lines(lines, _markdown_cells)
    rows = [(cells, span) for cells, span in rows if not _MARKDOWN_RULE.match("|".join(cells))]
    return _table(text, rows), used


def _row_broken_in_cells(paragraphs, at):
    """A row between bars whose copy broke cells in two ("| 地区 | PM10", "(μg/m³) | SO2",
    "(μg/m³) |"): its lines joined, and how many follow the first; or None. Each line after
    the first opens with a cell's short rest, the last closes the row with a bar, and a row
    ends with a bar before it or starts with one after it."""
    line = paragraphs[at]
    if not line.lstrip().startswith(("|", "｜")) or _MARKDOWN_ROW.match(line):
        return None
    parts = [line]
    for following in paragraphs[at + 1 : at + 13]:
        head = _BAR.split(following.strip(), 1)[0]
        if not head or len(head) > 16 or _PROSE_MARK.search(head):
            return None
        parts.append(following)
        if following.rstrip().endswith(("|", "｜")):
            before = paragraphs[at - 1].rstrip() if at else ""
            after = paragraphs[at + len(parts)].lstrip() if at + len(parts) < len(paragraphs) else ""
            if before.endswith(("|", "｜")) or after.startswith(("|", "｜")):
                return "\n".join(parts), len(parts) - 1
            return None
    return None


def _another_table(lines, line, following=""):
    """Whether ``line``, a header row (no number) after rows of data, starts another table:
    it has another number of cells than the header above (a header repeated after a page
    break continues the table, also wrapped onto ``following``)."""
    cells = _markdown_cells(line)
    if _has_numbers(cells) or _MARKDOWN_RULE.match(line):
        return False
    if not any(_has_numbers(_markdown_cells(above)) for above in lines):
        return False
    width = len(_markdown_cells(lines[0]))
    if following and _ROW_REST.match(following) and not _MARKDOWN_ROW.match(following):
        cells = _markdown_cells(f"{line.rstrip().rstrip('|｜')}|{following.strip()}")
    return len(cells) != width


def _short_row(lines, rest):
    """Whether the row last read, with ``rest`` after it, has no more cells than the first
    row (the header): ``rest`` is the rest of that row, not a row of its own."""
    first = len(_markdown_cells(lines[0]))
    joined = f"{lines[-1].rstrip().rstrip('|｜')}|{rest.strip().lstrip('|｜')}"
    return len(lines) > 1 and len(_markdown_cells(lines[-1])) < first >= len(
        _markdown_cells(joined)
    )


def _is_pipe_row(line):
    """A line with bars around and between two or more cells of words or numbers."""
    if not _MARKDOWN_ROW.match(line.strip()):
        return False
    return sum(1 for cell in _markdown_cells(line) if cell.strip()) >= 2


_NUMBERED_CAPTION = re.compile(r"^表\s*\d{1,2}(?!\d)")


# A header cell of a column that is part of the one before it: "其中,6月PM2.5浓度".
_SUBCOLUMN = re.compile(r"^其中[，,]\s*(?=\S{2,16}$)")


def _cell_lines(paragraphs, index):
    """The lines from ``index`` that may each be one cell of a table: short, no sentence."""
    lines = []
    while index + len(lines) < len(paragraphs):
        line = paragraphs[index + len(lines)]
        if _is_pipe_row(line):
            break  # a table's row, cells between bars: no cell of one
        if not _PIPES.match(line):
            cell = _cell_text(line)
            if _NUMBERED_CAPTION.match(cell) and any(
                _NUMERIC_CELL.match(_cell_text(c)) for c in lines
            ):
                break  # the next table's caption ("表3 …"), after this one's numbers
            piped = line.rstrip().endswith(("|", "｜")) or (lines and _PIPES.match(lines[-1]))
            if not _CELL_LINE.match(_without_unit(cell)) or (
                re.search(r"[，,]", _SUBCOLUMN.sub("", cell))
                and not _NUMERIC_CELL.match(cell)
                and not piped
            ):
                break
        lines.append(line)
    return lines


# The heading of row labels that are periods, and the unit of a bare number under it: a day
# of the month (日期 | 1, 2, 3 …), a month (月份 | 1 … 12), a year (年度 | 2019, 2018).
_PERIOD_HEADING = re.compile(r"^(?:(?P<日>日期|日)|(?P<月>月份|月)|(?P<年>年份|年度|年))$")
_PERIOD_LABEL = re.compile(r"^(\d{1,4})\s*(年度?|月份?|日|号)?$")
# Of each unit, the numbers a label may be and the words it may end with.
_PERIOD_UNITS = {
    "日": ((1, 31), ("日", "号")),
    "月": ((1, 12), ("月", "月份")),
    "年": ((1900, 2099), ("年", "年度")),
}


def _period_label(cell, unit):
    """The number of a row label of ``unit`` ("7", "7日", "2019年"), or None."""
    found = _PERIOD_LABEL.match(cell.strip())
    (low, high), words = _PERIOD_UNITS[unit]
    if found is None or (found[2] and found[2] not in words):
        return None
    return int(found[1]) if low <= int(found[1]) <= high else None


def _period_rows(clean, numeric, start, unit, count, spare):
    """The rows from ``start``, each a period's label (the one after the row before it: 1, 2,
    3 … or 2019, 2018), ``count`` numbers, then words the row may leave out (首要污染物): a
    list of (label, cell indices, index after the row). The last row may be cut short by the
    end of the cells."""
    rows, at, step = [], start, 0
    while at < len(clean):
        label = _period_label(clean[at], unit)
        if label is None or (rows and label - rows[-1][0] not in ((step,) if step else (1, -1))):
            break
        if rows:
            step = label - rows[-1][0]
        numbers = list(range(at + 1, min(at + 1 + count, len(clean))))
        if not numbers or not all(numeric[i] for i in numbers):
            break
        end = at + 1 + len(numbers)
        while (
            end < len(clean)
            and end - at - 1 - count < spare
            and (not numeric[end] or _BLANK_CELL.match(clean[end]))
            and _period_label(clean[end], unit) not in (label + 1, label - 1)
        ):
            end += 1
        rows.append((label, [at, *numbers], end))
        at = end
    return rows


_SPACES_AND_BARS = re.compile(r"[\s|｜]+")


@lru_cache(maxsize=8)
def _is_period_heading(line):
    """Whether a line is only a heading of periods ("日期", "| 月份 |"); kept for the few lines
    after it, each of which looks at it again among its own first lines."""
    return bool(_PERIOD_HEADING.match(_SPACES_AND_BARS.sub("", line)))


def _period_rows_table(paragraphs, index):
    """A table copied one cell per line whose rows are periods under a heading naming them
    (日期 over days 1, 2, 3 …, 月份 over months, 年度 over years, bare or with 日/月/年).

    A label that is a bare number is told from a value by the run of labels: each the next
    period after the row before it. Each row holds as many numbers as the others; words after
    them (a primary pollutant, a grade) the copy often left out, so a row is as long as its
    cells, up to the next period's label. A copy cut off inside the last row keeps that row's
    first numbers, the text's very last cell only where its decimals show it whole (as many
    as the cells above it).
    """
    # The heading stands on one of the first lines (after a caption's few): else no such table
    # starts here, which is cheap to tell.
    ahead = paragraphs[index : index + 6]
    if not any(_is_period_heading(line) for line in ahead):
        return None, 0
    lines = _cell_lines(paragraphs, index)
    cells = _cells_of(lines)
    clean = [cell.strip() for cell, _at in cells]
    numeric = [bool(_NUMERIC_CELL.match(cell)) for cell in clean]
    first = next((at for at, flag in enumerate(numeric) if flag), len(clean))
    heading = next(
        (at for at in range(first) if _PERIOD_HEADING.match(re.sub(r"\s+", "", clean[at]))),
        None,
    )
    if heading is None:
        return None, 0
    unit = _PERIOD_HEADING.match(re.sub(r"\s+", "", clean[heading])).lastgroup
    start = next(
        (at for at in range(heading + 1, len(clean)) if _period_label(clean[at], unit)), None
    )
    if start is None or start == heading + 1 or any(numeric[heading + 1 : start]):
        return None, 0
    names = _wrapped_units([c for c in clean[heading + 1 : start] if c and not _FILLER.match(c)])
    # The count of numbers a row holds: the one under which the most numbers fall in rows.
    best, count = [], 0
    for numbers in range(1, len(names) + 1):
        rows = _period_rows(clean, numeric, start, unit, numbers, len(names) - numbers)
        complete = [row for row in rows if len(row[1]) == numbers + 1]
        if len(complete) >= 2 and len(rows) * numbers > len(best) * count:
            best, count = rows, numbers
    bare = any(_NUMERIC_CELL.match(clean[row[0]]) for _label, row, _end in best)
    if not best or (not bare and best[-1][2] < len(clean)):
        # Labels of words ("1月", "2024年") followed by other rows (1-3月, 上年同期): a table
        # the general reading lays out, whose labels name their periods themselves.
        return None, 0
    last = best[-1]
    if len(last[1]) < count + 1:
        # Cut off by the copy: only at the text's end, its last cell maybe inside its digits.
        if index + len(lines) < len(paragraphs) or last[2] < len(clean):
            best = best[:-1]
        elif not _decimals(clean[last[1][-1]]) or _decimals(clean[last[1][-1]]) != _decimals(
            clean[best[0][1][len(last[1]) - 1]]
        ):
            # Whole only when its decimals show it ("0.6" under "0.5"); "13" may be "138".
            best[-1] = (last[0], last[1][:-1], last[2])
    # Words after the numbers (类别, 首要污染物) head no column of numbers.
    tail = next((at for at in range(count, len(names)) if _wordy(names[at])), len(names))
    header, caption = _column_names_flat([clean[heading], *names[:tail]], count, (True,) * count)
    used = cells[best[-1][2] - 1][1] + 1
    lines = lines[:used]
    offsets = _line_spans(lines)
    data = []
    for label, row, end in best:
        text = clean[row[0]]
        # A bare number is the period its heading names ("7" under 日期: the 7th).
        name = text if not _NUMERIC_CELL.match(text) else f"{label}{unit}"
        values = tuple(clean[at] for at in row[1:]) + ("",) * (count + 1 - len(row))
        span = (offsets[cells[row[0]][1]][0], offsets[cells[end - 1][1]][1])
        data.append((name, values, span))
    caption = " ".join([*clean[:heading], *caption])
    return ("\n".join(lines), header, tuple(data), caption), used


def _cell_per_line_table(paragraphs, index, at_end=True):
    """A table pasted from a web page: one cell per line ("城市", "PM10…", "广州", "39", …).

    The row width is found from the cells themselves: the width (and the first data cell)
    under which the most numbers fall in rows that start with a label and repeat the same
    pattern of numeric and word cells ("监测站", "1类", "52.3", "43.1" is a row of four).
    A row whose cells were lost in the copy breaks the pattern; reading resumes at the next
    row that fits it. Some copies end each cell with " |" and mark rows with "||||" lines,
    or put a "|" line between cells (two of them around an empty cell); a first column of
    row numbers (序号) is no label.
    """
    lines = _cell_lines(paragraphs, index)
    cells = _header_mended(_label_units_joined(_cells_of(lines)))
    padded = int(bool(cells))
    if padded:
        cells.append(("", cells[-1][1]))  # an empty last cell, lost in the copy
    clean = [cell for cell, _at in cells]
    # Changes in words are numbers, and "持平" among them ("减少3天" | "持平" | "上升5.5%").
    worded = any(worded_change(cell) for cell in clean)
    # Under a header naming a standard, its bounds and ranges ("≥5", "6~9") hold a column of
    # numbers, though they are no figures.
    first = next((at for at, cell in enumerate(clean) if _NUMERIC_CELL.match(cell)), 0)
    standards = bool(_STANDARD_HEADER.search(" ".join(clean[:first])))
    numeric = [
        bool(
            _NUMERIC_CELL.match(cell)
            or worded_change(cell)
            or (worded and unchanged(cell))
            or (standards and _STANDARD_CELL.match(cell))
        )
        for cell in clean
    ]
    # Where no table starts here, none starts on the following lines up to the first number
    # either (the same cells from there): a negative count tells ``blocks`` to skip them.
    if sum(numeric) < 3:
        return None, -len(lines)
    no_table = -cells[numeric.index(True)][1]
    best = _row_layout(clean, numeric, padded)
    if best is None:
        return None, no_table
    width, rows, indexed = best
    skip = 2 if indexed else 1
    ranking = _ranking_groups(clean[: rows[0]])
    ranking = ranking if len(ranking) >= 2 and width % len(ranking) == 0 else []
    heading = [c for c in clean[: rows[0]] if _ROW_HEADING.match(c)]
    repeats = max((heading.count(c) for c in heading), default=1)
    if repeats > 1 and not indexed:
        # The row labels' heading written twice (区县 | 综合指数 | 区县 | 综合指数): tables
        # side by side, each row holding a row of each.
        wide = repeats * width
        pattern = tuple(numeric[rows[0] : rows[0] + wide])
        side, skipped = _rows_of(clean, numeric, rows[0], wide, pattern)
        if len(side) >= 2 and not skipped:
            width, rows = wide, side
    covered = sum(sum(numeric[row + 1 : row + width]) for row in rows)
    if covered < 6 and len(rows) < 3 and not _named_one_row(clean, rows, width, covered):
        return None, no_table  # too little to be a table rather than short lines
    # Lines of cells up to the end of the text: a copy cut off inside the table, maybe inside
    # its last cell too, unless a bar closes that cell.
    cut = None
    if at_end and index + len(lines) == len(paragraphs):
        closed = lines[-1].rstrip().endswith(("|", "｜"))
        cut = len(clean) - padded if closed else -1
    laid = _with_short_rows(clean, numeric, rows, width, skip, cut)
    used = max(cells[at][1] for at in laid[-1] if at is not None) + 1
    lines = lines[:used]
    text = "\n".join(lines)
    offsets = _line_spans(lines)
    # Cells after the row mark ("||") that closes the header and before the first row's
    # label are that row's (a group's name merged over its rows: 成都平原地区), no header.
    first_line = cells[rows[0]][1]
    mark = max(
        (at for at, line in enumerate(lines[:first_line]) if _ROW_MARK.match(line)), default=-1
    )
    heading = [at for at in range(rows[0]) if cells[at][1] < mark] if mark >= 0 else []
    heading = heading if heading and rows[0] - len(heading) < width else list(range(rows[0]))
    # A form's filler ("以下空白": blank below) names no column.
    header_cells = _wrapped_units(
        [clean[at] for at in heading if clean[at] and not _FILLER.match(clean[at])]
    )
    # The heading of the row numbers or ranks, first after the caption's cells (a title
    # over the table, "全市优良率情况", may stand before it).
    lead = next((at for at, cell in enumerate(header_cells) if not _caption_like(cell)), None)
    if lead is not None and not _NUMBERS_HEADING.search(header_cells[lead]):
        following = lead + 1
        if following < len(header_cells) and _ROW_NUMBERS_HEADING.match(header_cells[following]):
            lead = following
    if indexed and lead is not None and _NUMBERS_HEADING.search(header_cells[lead]):
        header_cells = header_cells[:lead] + header_cells[lead + 1 :]
    pattern = numeric[rows[0] + skip : rows[0] + width]
    kept_last = any(_BLANK_CELL.match(clean[row + width - 1]) for row in rows)
    while (
        header_cells
        and pattern
        and pattern[-1]
        and not kept_last
        and _REMARK_HEADER.match(header_cells[-1])
    ):
        # A last column of remarks (是否正常, 备注) the rows left empty and the copy dropped:
        # the rows end with a number, so the names are of the columns before it.
        header_cells = header_cells[:-1]
    if ranking:
        header = _ranking_names(ranking, numeric[rows[0] : rows[0] + width])[skip:]
        caption_cells = [cell for cell in header_cells if _rank_measure(cell) is None]
    else:
        header, caption_cells = _column_names_flat(
            header_cells, width - skip, pattern, _units_column(clean, laid, skip)
        )
    # A verdict column's name in the header, or taken for the first row's label.
    labels = [clean[row[skip - 1]] for row in laid]
    verdicts = any(_VERDICT_HEADER.search(cell) for cell in [*header_cells, *labels[:1]])
    data = []
    for row in laid:
        present = [at for at in row if at is not None]
        values = tuple("" if at is None else clean[at] for at in row[skip:])
        span = (offsets[cells[present[0]][1]][0], offsets[cells[present[-1]][1]][1])
        if verdicts and _VERDICT.match(clean[row[skip - 1]]):
            # "达标" then the next row's number, under a header with a verdict column: that
            # column's cell taken for a label where the rows were put back too narrow.
            continue
        data.append((clean[row[skip - 1]], values, span))
    return (text, header, tuple(data), " ".join(caption_cells)), used


_STANDARD_HEADER = re.compile(r"标准|限值")
_STANDARD_CELL = re.compile(
    r"^[≥＞>]\s*\d[\d,]*(?:\.\d+)?$|^\d+(?:\.\d+)?\s*[~～—–\-]\s*\d+(?:\.\d+)?$"
)
_VERDICT = re.compile(r"^(?:达标|不达标|超标|未超标|达标情况|合格|不合格|是|否)$")
_VERDICT_HEADER = re.compile(r"达标情况|是否达标|达标与否|是否超标|评价结果")


# A month over its columns beside the months up to it, its 月 lost in the copy: "6" beside
# "1-6月累计".
_MONTHS_TO = re.compile(r"^\d{1,2}\s*[-—–~～至]\s*(\d{1,2})\s*月")
_GOOD_SHARE = re.compile(r"^优良率")


def _header_mended(cells):
    """The header's cells as the table wrote them, where a copy broke or cut them: "AQI" /
    "优良率(%)" is one name (a narrow column's wrapped heading: AQI is no column of a month's or
    a year's table beside its good days' share); a month's number beside the months up to it
    ("6" | "1-6月累计") is that month."""
    out = []
    for at, (cell, line) in enumerate(cells):
        if any(_NUMERIC_CELL.match(kept) for kept, _line in out):
            out.extend(cells[at:])  # the rows: only the header is mended
            break
        after = cells[at + 1][0] if at + 1 < len(cells) else ""
        before = out[-1][0] if out else ""
        if before.upper() == "AQI" and _GOOD_SHARE.match(cell):
            out[-1] = (before + cell, out[-1][1])
            continue
        if re.fullmatch(r"1[0-2]|[1-9]", cell) and any(
            (to := _MONTHS_TO.match(other)) and to.group(1) == cell for other in (before, after)
        ):
            cell = f"{cell}月"
        out.append((cell, line))
    return out


def _label_units_joined(cells):
    """The cells, a row label whose unit the copy put on a line of its own joined to it: "达标率"
    / "(%)" between the last number of one row and the first of the next is one label, "达标率(%)"
    (a unit alone is no row's label). Where rows so hold a column of units, the first row's
    unit (after the header's last name) is its label's too, and the header's 单位 names no
    column."""
    out, joined = [], 0
    for at, (cell, line) in enumerate(cells):
        before = out[-1][0] if out else ""
        after = cells[at + 1][0] if at + 1 < len(cells) else ""
        if (
            _UNIT_ONLY.match(cell)
            and len(out) >= 2
            and _NUMERIC_CELL.match(out[-2][0])
            and _NUMERIC_CELL.match(after)
            and not _NUMERIC_CELL.match(before)
            and not _UNIT_ONLY.match(before)
            and re.search(r"[\u4e00-\u9fffA-Za-z]", before)
        ):
            out[-1] = (_with_unit(before, cell), out[-1][1])
            joined += 1
            continue
        out.append((cell, line))
    return _first_label_unit_joined(out) if joined else out



def _first_label_unit_joined(cells):
    """The first row's label and unit ("PM10" / "μg/m³" right before the row's first number)
    joined, and the header's 单位 cell before them dropped."""
    first = next(
        (
            at
            for at in range(1, len(cells) - 1)
            if _UNIT_ONLY.match(cells[at][0])
            and _NUMERIC_CELL.match(cells[at + 1][0])
            and not _NUMERIC_CELL.match(cells[at - 1][0])
            and not _UNIT_ONLY.match(cells[at - 1][0])
        ),
        None,
    )
    if first is None or any(_NUMERIC_CELL.match(cell) for cell, _line in cells[:first]):
        return cells
    label, line = cells[first - 1]
    head = [cell for cell in cells[: first - 1] if not UNITS_HEADING.match(cell[0])]
    return [*head, (_with_unit(label, cells[first][0]), line), *cells[first + 1 :]]


def _with_unit(label, unit):
    """The label with the unit cell after it, unless the label already ends with its unit
    ("同比(%)" beside "%")."""
    own = re.search(r"[(（]([^()（）]+)[)）]\s*$", label)
    if own and _UNIT_ONLY.match(own.group(1)):
        return label
    return f"{label}({_UNIT_ONLY.match(unit).group(1)})"


def _named_one_row(clean, rows, width, covered):
    """One row of numbers (or two full ones) under a header naming each of its
    cells, the labels' heading included ("点位", "SO2", "NO2"… over "气象站", "7", "21"…): a
    table however few its figures (a county's only station, a city's two years)."""
    header = [cell for cell in clean[: rows[0]] if cell]
    names, above = header[len(header) - width :], header[: len(header) - width]
    return (
        len(rows) <= 2
        and covered >= 3
        and covered == len(rows) * (width - 1)
        and len(names) == width
        and not any(_NUMERIC_CELL.match(cell) for cell in names)
        and all(_caption_like(cell) for cell in above)
    )


# " | " between the cells of a table flattened into one line.
_FLAT_BAR = re.compile(r"\s+[|｜]+(?=\s|$)\s*")  # "||" between rows, where the copy marks them
_CAPTION_START = re.compile(r"^(?:表\s*\d|单位\s*[:：]|Table\s*\d)|\d{4}年", re.I)
# An English sentence's full stop before the table ("… are below. Table 1 …").
_ENGLISH_SENTENCE_END = re.compile(r"(?<=[a-z)])[.!?](?=\s+[A-Z])")
# The heading of an English table's row labels, last word before its first bar.
_ENGLISH_ROW_HEADING = re.compile(
    r"^(?:City|Cities|County|District|Region|Province|Station|Site|Item|Month|Year|No\.?)$", re.I
)


def _flat_table(paragraph):
    """A table whose copy put every cell on one line with " | " between them (its caption
    and first header cell run together, "表1 2022年7月… 优良天数比例(%)排名"): (the sentences
    before it, where the table starts, the table read as one cell per line), or None."""
    if paragraph.count("|") + paragraph.count("｜") < 8:
        return None
    cells, start = [], 0
    for bar in _FLAT_BAR.finditer(paragraph):
        cells.append((paragraph[start : bar.start()], start))
        start = bar.end()
    if start < len(paragraph):
        cells.append((paragraph[start:], start))
    if len(cells) < 8 or sum(1 for cell, _at in cells if _NUMERIC_CELL.match(cell)) < 4:
        return None
    first, _at = cells[0]
    ends = [first.rfind(mark) for mark in "。；;！？"]
    ends += [m.start() for m in _ENGLISH_SENTENCE_END.finditer(first)]
    lead_end = max(ends) + 1
    opening = first[lead_end:].strip()
    begin = paragraph.index(opening, lead_end) if opening else cells[1][1]
    parts = opening.rsplit(None, 1)
    if len(parts) == 2 and (
        _CAPTION_START.search(parts[0])
        or _ROW_HEADING.match(parts[1])
        or _ENGLISH_ROW_HEADING.match(parts[1])
    ):
        # The caption, then the first header cell; a caption too long for a cell stays
        # the table's caption only.
        heading = (parts[1], paragraph.index(parts[1], begin))
        long_caption = not _CELL_LINE.match(parts[0])
        cells[0:1] = [heading] if long_caption else [(parts[0], begin), heading]
        caption = parts[0] if long_caption else ""
    else:
        cells[0] = (opening, begin)
        caption = ""
    cells = _without_header_again(cells)
    table = _one_line_cells_table(paragraph, cells, begin, caption)
    return None if table is None else (first[:lead_end].strip(), begin, table)


def _one_line_cells_table(paragraph, cells, begin, caption):
    """The table of a line's ``(cell, offset)`` pairs read as one cell per line, its spans in
    the paragraph from where the table starts; None where numbers are left after it."""
    lines = [cell for cell, _at in cells]
    table, used = _cell_per_line_table(lines, 0, at_end=False)
    if table is None or any(
        _NUMERIC_CELL.match(cell) and not _BLANK_CELL.match(cell) for cell in lines[used:]
    ):
        return None
    text, header, rows, own = table
    own = f"{caption} {own}".strip()
    # Spans in the cells joined by lines → spans in the paragraph, from where the table starts.
    joined = _line_starts(lines[:used])

    def where(offset):
        line = max(at for at, start in enumerate(joined) if start <= offset)
        return cells[line][1] + offset - joined[line] - begin

    end = cells[used - 1][1] + len(cells[used - 1][0])
    rows = tuple((label, values, (where(a), where(b))) for label, values, (a, b) in rows)
    return paragraph[begin:end], header, rows, own


# A table whose line breaks were lost, its cells apart by spaces only: no prose marks in it.
_RUN_ON_PROSE = re.compile(r"[。；;，,！？!?:：|｜\t]")
_WORD = re.compile(r"\S+")
_POINTS = re.compile(r"^(?:个)?百分点$")


def _run_on_unit(word):
    return bool(_UNIT_ONLY.match(word) or _POINTS.match(word))


def _run_on_rows(words, numeric, label):
    """How many numbers each row holds, the rows read from ``label`` to the end as a label
    (its unit may follow it) then numbers; None where a word stands among them."""
    counts, at = [], label
    while at < len(words):
        if numeric[at]:
            return None
        at += 1
        if at < len(words) and not numeric[at] and _run_on_unit(words[at]):
            at += 1
        count = 0
        while at < len(words) and numeric[at]:
            count, at = count + 1, at + 1
        if not count:
            return None
        counts.append(count)
    return counts


def _run_on_table(paragraph):
    """A table whose rows run on in one line, its cells apart by single spaces ("地区 PM10
    SO2 甲县 41 9 乙县 38 12"): a header of k names (and the labels' heading, and a unit
    under each), then rows each a label and k numbers (an empty cell lost in the copy leaves
    a row short). (the sentences before it, where it starts, the table read as one cell per
    line), or None."""
    if paragraph.count(" ") < 7 or "\n" in paragraph:
        return None
    ends = [paragraph.rfind(mark) for mark in "。；;！？"]
    lead_end = max(ends) + 1
    if _RUN_ON_PROSE.search(paragraph, lead_end):
        return None
    found = list(_WORD.finditer(paragraph, lead_end))
    words = [m.group() for m in found]
    numeric = [bool(_NUMERIC_CELL.match(word)) for word in words]
    first = next((at for at, flag in enumerate(numeric) if flag), None)
    if first is None or first < 2 or sum(numeric) < 4:
        return None
    label = first - 1
    if _run_on_unit(words[label]) and not numeric[label - 1]:
        label -= 1  # the first row's label, then its unit
    counts = _run_on_rows(words, numeric, label)
    if not counts:
        return None
    width = max(counts)
    full = counts.count(width)
    if len(counts) < (3 if width == 1 else 2) or full * 2 < len(counts):
        return None
    # The header: a name over each column of numbers (and one over the labels), a unit
    # under each name where the copy kept a row of them; words before it are the caption.
    head = [w for w in words[:label] if not UNITS_HEADING.match(w)]
    units = sum(1 for w in head if _run_on_unit(w))
    names = len(head) - units
    if units > width or names < width:
        return None
    caption = ""
    if names > width + 1:
        opening = words[: names - width - 1]
        if not (_CAPTION_START.search(opening[0]) or _NUMBERED_CAPTION.match(opening[0])):
            return None
        caption = " ".join(opening)
        found = found[len(opening) :]
    begin = found[0].start()
    cells = [(m.group(), m.start()) for m in found]
    table = _one_line_cells_table(paragraph, cells, begin, caption)
    return None if table is None else (paragraph[:lead_end].strip(), begin, table)


def _without_header_again(cells):
    """``(cell, offset)`` pairs without the header's names again among the rows (a page
    break's header, flattened with the rest): a run of three or more cells equal to the
    last cells before the first number."""
    words = [cell.strip() for cell, _at in cells]
    first = next((at for at, cell in enumerate(words) if _NUMERIC_CELL.match(cell)), None)
    if first is None or first < 4:
        return cells
    header = words[: first - 1]  # the first row's label stands before its first number
    out, at = [], 0
    while at < len(cells):
        run = next(
            (
                size
                for size in range(len(header), 2, -1)
                if at > first and words[at : at + size] == header[-size:]
            ),
            0,
        )
        if run:
            at += run
            continue
        out.append(cells[at])
        at += 1
    return out


_TRAILING_BARS = re.compile(r"(?:\s*[|｜])+\s*$")


def _cell_text(line):
    """A cell without the " |" ends of its copy ("评价结果 | |" → "评价结果")."""
    return _CELL_BREAK.sub("", _TRAILING_BARS.sub("", line.strip()))


_PIPES = re.compile(r"^\s*[|｜](?:\s*[|｜])*\s*$")
_ROW_MARK = re.compile(r"^\s*[|｜](?:\s*[|｜])+\s*$")


def _cells_of(lines):
    """(cell, line index) of each cell: " |" ends dropped; "|" lines separate the cells where
    they stand between most of them (a pair of them is an empty cell), else mark rows."""
    singles = sum(1 for line in lines if line.strip() in ("|", "｜"))
    if singles * 3 < len(lines):
        # Cells end with " |": a "|" alone is an empty cell, "||||" marks a row; so does a
        # "|" alone after every row (as many cells between each), not an empty cell.
        alone = [at for at, line in enumerate(lines) if line.strip() in ("|", "｜")]
        gaps = {b - a for a, b in zip(alone, alone[1:], strict=False)}
        marks = len(alone) >= 3 and len(gaps) == 1 and min(gaps) > 2
        return [
            (_cell_text(line), at)
            for at, line in enumerate(lines)
            if not _PIPES.match(line) or (line.strip() in ("|", "｜") and not marks)
        ]
    cells, pending = [], None
    for at, line in enumerate(lines):
        if _PIPES.match(line):
            if pending is None:
                cells.append(("", at))  # "|" right after "|": an empty cell
            pending = None
            continue
        pending = _cell_text(line)
        cells.append((pending, at))
    return cells


def _row_layout(clean, numeric, padded=0):
    """(width, starts of the rows, whether a row number leads each row) covering the most
    numeric cells, or None."""
    first = numeric.index(True)
    # Ranks with ties (1, 2, 2, 4) only in a table whose header has a column of them.
    ranked = any(_RANK_HEADING.search(cell) for cell in clean[:first])
    # Rankings side by side, each under its own heading ("PM2.5浓度排名 | 优良天数比例排名"):
    # a row holds one (rank,) place and value under each.
    groups = _ranking_groups(clean[:first])
    # Their headings are no row of data.
    after = max((at + 1 for at, cell in enumerate(clean[:first]) if _rank_measure(cell)), default=0)
    groups = len(groups)
    best, best_score = None, (False, 0, 0, False)
    for width in range(2, 16):
        for start in range(max(0, first - width), first + 1):
            indexed = _ROW_NUMBER.match(clean[start]) is not None and (
                start + 1 < len(clean) and not numeric[start + 1]
            )
            if (numeric[start] and not indexed) or (groups >= 2 and start < after):
                continue
            pattern = tuple(numeric[start : start + width])
            rows, skipped = _rows_of(clean, numeric, start, width, pattern, indexed)
            if len(rows) < 2 or (not indexed and _labelled_by_units(clean, rows)):
                continue
            counting = sum(
                1
                for column, flag in enumerate(pattern)
                if flag
                and not (indexed and column == 0)
                and not _numbers_rows(clean, rows, column, ranked)
            )
            # A row wider than its header has names for (one more for the labels' heading,
            # and one for each cell of the row naming the number after it: "昼间等效声级Ld |
            # 45.1 | … | 夜间等效声级Ln | 41.0") is several rows read as one (three rows of a
            # ranking, their ranks then counted as data), unless the copy kept too little of
            # the header to tell.
            named = sum(1 for cell in clean[:start] if cell)
            named += sum(
                1
                for at in range(start + 1, start + width - 1)
                if not numeric[at] and numeric[at + 1] and _NAMES_NEXT.search(clean[at])
            )
            # Equal numbers covered: the reading that ends with the last cells read.
            # then a leading row number (strong evidence of where rows start).
            fits_header = named < 3 or width <= named + 1
            if groups >= 2:
                fits_header = width % groups == 0 and width // groups in (2, 3)
            score = (
                fits_header,
                len(rows) * counting - 2 * skipped,
                min(rows[-1] + width, len(clean) - padded),
                indexed,
            )
            if score > best_score:
                best, best_score = (width, rows, indexed), score
    if best is None:
        # One row under its header ("1-3", "91", "51"…): from the label before the first
        # number to the last number.
        label = first - 1
        last = max(i for i, flag in enumerate(numeric) if flag)
        if label >= 1 and not numeric[label] and sum(numeric[first : last + 1]) >= 4:
            best = (last - label + 1, [label], False)
    return best


_ROW_NUMBER = re.compile(r"^\d{1,3}$")


def _units_column(clean, laid, skip):
    """The one column of the rows ``laid`` (after their first ``skip`` cells) holding only
    units or nothing, with a unit in two rows at least; else None."""
    found = []
    for column in range(len(laid[0]) - skip):
        cells = [clean[row[skip + column]] for row in laid if row[skip + column] is not None]
        units = [cell for cell in cells if cell.strip() and not _BLANK_CELL.match(cell)]
        if len(units) >= 2 and all(is_unit(cell) for cell in units):
            found.append(column)
    return found[0] if len(found) == 1 else None


def _labelled_by_units(clean, rows):
    """Whether most rows would be labelled by a unit or nothing: the rows read one cell early,
    the last cell of each (a column of units) taken for the next one's label."""
    units = sum(1 for row in rows if not clean[row].strip() or is_unit(clean[row]))
    return 2 * units > len(rows)


# A heading may carry the mark of a note under the table ("排名①", "序号*"): still the heading.
_NOTE_MARK = r"\s*(?:[\u2460-\u2473\u2776-\u277f*＊※†]|[¹²³\u2074-\u2079]+)?"
_ROW_NUMBERS_HEADING = re.compile(rf"^(?:序号|编号|No\.?){_NOTE_MARK}$", re.I)
_NUMBERS_HEADING = re.compile(rf"^(?:序号|编号|No\.?){_NOTE_MARK}$|(?:排名|名次){_NOTE_MARK}$", re.I)
_NAMES_NEXT = re.compile(r"声级|浓度|Leq|L[dn]\b|昼间|夜间", re.I)


_RANK_HEADING = re.compile(r"排名|名次|排序|位次|rank", re.I)


def _numbers_rows(clean, rows, column, ranked=False):
    """Whether a column holds the rows' numbers (1, 2, 3…) or, in a table with a rank
    column (``ranked``), ranks (1, 2, 2, 4): no data. Small counts (days 0, 0, 1, 2) and
    classes (1, 1, 2, 3) under no rank heading are data."""
    values = [clean[row + column] for row in rows]
    if not all(_ROW_NUMBER.match(value) for value in values):
        return False
    numbers = [int(value) for value in values]
    if len(numbers) < 2:
        return False
    steps = [b - a for a, b in zip(numbers, numbers[1:], strict=False)]
    if all(step == 1 for step in steps):
        return True
    # Ranks with ties (1, 2, 2, 4), also of every other row (1, 3, 5): from 1 up, climbing
    # about one a row; a column of zeros or of a few small counts (0, 0, 1, 1, 2) is data.
    return (
        ranked
        and numbers[0] >= 1
        and (numbers[-1] - numbers[0] + 1) * 2 >= len(numbers)
        and all(0 <= step <= 2 for step in steps)
    )


def _rows_of(clean, numeric, start, width, pattern, indexed=False):
    """Starts of the rows of ``width`` cells from ``start`` that repeat ``pattern``, and how
    many cells were skipped between them."""

    # An empty cell of the first row ("—" under 备注) fits a word or a number below it.
    open_columns = {
        i for i in range(1, min(width, len(clean) - start)) if _BLANK_CELL.match(clean[start + i])
    }

    def fits(at):
        if at + width > len(clean):
            return False
        if indexed and not _ROW_NUMBER.match(clean[at]):
            return False
        if not indexed and numeric[at]:
            return False
        return all(
            numeric[at + i] == flag or _BLANK_CELL.match(clean[at + i]) or i in open_columns
            for i, flag in enumerate(pattern)
        )

    rows, at, skipped = [], start, 0
    while at + width <= len(clean):
        if fits(at):
            rows.append(at)
            at += width
            continue
        # A numbered row of words where the others hold numbers ("6 | 臭和味 | 泥土味(2级) |
        # …"), the next row's number after it: passed whole.
        whole = at
        while indexed and not fits(whole) and _numbered_row_of_words(clean, whole, width):
            whole += width
        if whole > at and fits(whole):
            at = whole  # rows of their own, no cells lost
            continue
        # A row shortened in the copy: resume at the next row that fits.
        resumed = next((at + skip for skip in range(1, width) if fits(at + skip)), None)
        if resumed is None:
            break
        skipped += resumed - at
        at = resumed
    return rows, skipped


_BLANK_CELL = re.compile(r"^[—–\-/]{1,3}$|^$")


def _numbered_row_of_words(clean, at, width):
    """Whether ``width`` cells from ``at`` are a row numbered n whose next row is numbered n+1."""
    this, following = clean[at], clean[at + width] if at + width < len(clean) else ""
    return bool(
        _ROW_NUMBER.match(this) and _ROW_NUMBER.match(following) and int(following) == int(this) + 1
    )


def _with_short_rows(clean, numeric, rows, width, skip, cut=None):
    """The cells of each row (indices, None for a cell lost in the copy), in order: the rows
    that fit the layout, and between them (and after the last) rows the copy shortened by
    dropping empty cells (a tied rank left blank). A shortened row's cells are laid into the
    columns their kinds fit (a word under the names, a number with the column's unit under
    it); it must keep its label and a value. Of the ways to read the cells between two rows,
    the one with the fewest rows is kept when it is the only one; otherwise none is.

    ``cut``: the copy ends inside the table (-1: perhaps inside its last cell), so that its
    last row lost the cells after the ones it kept: those are its first cells, in their
    columns, when their kinds fit them."""
    first = rows[0]
    profile = [
        {_cell_kind(clean[row + column]) for row in rows} - {"blank"} for column in range(width)
    ]
    ranked = any(_RANK_HEADING.search(cell) for cell in clean[:first])
    values = {
        column
        for column in range(width)
        if numeric[first + column]
        and not (skip == 2 and column == 0)
        and not _numbers_rows(clean, rows, column, ranked)
    }
    pointed = [
        {bool(_decimals(clean[row + column])) for row in rows if numeric[row + column]}
        for column in range(width)
    ]
    last = max((at for at, flag in enumerate(numeric) if flag), default=-1)
    laid = []
    for at, start in enumerate(rows):
        laid.append(list(range(start, start + width)))
        end = rows[at + 1] if at + 1 < len(rows) else last + 1
        gap = range(start + width, end)
        if 0 < len(gap) <= 3 * width:
            short = _short_rows(clean, gap, profile, skip - 1, values)
            if short is None and cut is not None and at + 1 == len(rows):
                short = _cut_row(clean, gap, rows, profile, skip - 1, values, cut < 0)
            if short is None and skip == 1:
                short = _labelled_short_rows(clean, gap, profile, values, pointed)
            laid.extend(short or [])
    return laid


def _labelled_short_rows(clean, gap, profile, values, pointed):
    """The shortened rows of ``gap`` one by one, each from its label (a word) to the next:
    a row is kept where its cells fit the columns one way only, its numbers laid where the
    column's numbers have a point or have none alike ("2.42" under the index, not the rank
    after it); a row that fits several ways (a standard's limits, cells lost here and there)
    is left out without taking its neighbours with it."""
    starts = [at for at in gap if _cell_kind(clean[at]) == "word"]
    if not starts or starts[0] != gap.start:
        return None
    out = []
    for begin, end in zip(starts, [*starts[1:], gap.stop], strict=True):
        cells = range(begin, end)
        kinds = [_cell_kind(clean[at]) for at in cells]
        if "word" in kinds[1:] or len(kinds) > len(profile):
            return None
        ways = [
            way
            for way in _layouts(kinds, profile, 0, values)
            if all(
                bool(_decimals(clean[at])) in pointed[column] or not pointed[column]
                for column, at in zip(way, cells, strict=True)
                if column and _cell_kind(clean[at]) != "blank"
            )
        ]
        if len(ways) == 1:
            row = [None] * len(profile)
            for column, at in zip(ways[0], cells, strict=True):
                row[column] = at
            out.append(row)
    return out


def _cut_row(clean, gap, rows, profile, label, values, open_end):
    """The cells of a last row the copy cut off, as the row's first cells, or None. With
    ``open_end`` the text's last cell may be cut inside its digits ("6" of "69.32"): it is
    kept only with as many decimals as the cells above it."""
    last = gap.stop - 1
    if open_end and last == len(clean) - 2:  # the cell before the padding
        decimals = {_decimals(clean[row + last - gap.start]) for row in rows}
        if decimals != {_decimals(clean[last])}:
            gap = range(gap.start, last)
    if len(gap) >= len(profile) or len(gap) <= label + 1:
        return None
    kinds = [_cell_kind(clean[at]) for at in gap]
    if any(kind != "blank" and kind not in profile[column] for column, kind in enumerate(kinds)):
        return None
    if not values & {column for column, kind in enumerate(kinds) if kind != "blank"}:
        return None
    return [[*gap, *[None] * (len(profile) - len(gap))]]


def _decimals(cell):
    """How many digits a number cell has after its point (a column's cells share it)."""
    point = re.search(r"\.(\d+)", cell)
    return len(point.group(1)) if point else 0


def _cell_kind(cell):
    if _BLANK_CELL.match(cell):
        return "blank"
    if not _NUMERIC_CELL.match(cell):
        return "word"
    return "number" + ("%" if "%" in cell else "") + ("()" if re.search(r"[(（]", cell) else "")


def _short_rows(clean, gap, profile, label, values):
    """The one fewest-rows reading of ``gap`` as shortened rows, or None (see above)."""
    width = len(profile)
    kinds = [_cell_kind(clean[at]) for at in gap]
    # best[i]: (rows, ways, reading) for the first i cells of the gap.
    best = [(0, 1, [])] + [None] * len(kinds)
    for end in range(1, len(kinds) + 1):
        for begin in range(max(0, end - width + 1), end):
            if best[begin] is None:
                continue
            layouts = _layouts(kinds[begin:end], profile, label, values)
            if not layouts:
                continue
            count, ways, reading = best[begin]
            here = (count + 1, ways * len(layouts), reading)
            current = best[end]
            if current is None or here[0] < current[0]:
                row = [None] * width
                for column, at in zip(layouts[0], gap[begin:end], strict=True):
                    row[column] = at
                best[end] = (here[0], here[1], [*reading, row])
            elif here[0] == current[0]:
                best[end] = (current[0], current[1] + here[1], current[2])
    found = best[len(kinds)]
    return found[2] if found is not None and found[1] == 1 else None


def _layouts(kinds, profile, label, values, column=0):
    """The ways to lay cells of these kinds into the columns, in order, keeping the label
    column and a value."""
    if not kinds:
        return [()]
    out = []
    for at in range(column, len(profile) - len(kinds) + 1):
        if at > label and column <= label:
            break  # the row's label is never lost
        if kinds[0] != "blank" and kinds[0] not in profile[at]:
            continue
        out.extend((at, *rest) for rest in _layouts(kinds[1:], profile, label, values, at + 1))
    if column == 0:
        out = [
            way
            for way in out
            if values & {c for c, k in zip(way, kinds, strict=True) if k != "blank"}
        ]
    return out


# "优良天数比例(%)排名", "PM2.5月均浓度(μg/m3)排名": the ranking of a measure.
_RANK_OF = re.compile(r"^(.{2,24}?)\s*(?:排名|排序|名次)(?:情况)?$")
_RANKED_MEASURE = re.compile(r"率|浓度|指数|比例|天数|声级|均值|PM|AQI|CWQI", re.I)


def _rank_measure(cell):
    ranked = _RANK_OF.match(cell)
    if ranked is None or re.search(r"表|\d{4}年", cell):
        return None
    measure = ranked.group(1).strip()
    return measure if _RANKED_MEASURE.search(measure) else None


def _ranking_groups(cells):
    """The measures of rankings side by side, each heading its rank, place and value: the
    header's last cells, all of them rankings (no column of their own for places or values)."""
    cells = [cell for cell in cells if cell]
    measures = [_rank_measure(cell) for cell in cells]
    first = next((at for at, measure in enumerate(measures) if measure), None)
    if first is None or None in measures[first:]:
        return []
    if any(
        _RANKED_MEASURE.search(cell) and not _caption_like(cell) for cell in cells[:first]
    ):
        return []  # columns of the measures, then of their ranks ("PM2.5浓度 … PM2.5排名")
    return measures[first:]


def _ranking_names(measures, pattern):
    """Column names of rankings side by side: 排名 over ranks, 名称 over places, the measure
    over its values."""
    size = len(pattern) // len(measures)
    names = []
    for at, flag in enumerate(pattern):
        last = at % size == size - 1
        names.append(measures[at // size] if flag and last else "排名" if flag else "名称")
    return tuple(names)


_UNIT_ONLY = re.compile(
    r"^[(（]?\s*(?:单位\s*[:：]\s*)?(微克/立方米|毫克/立方米|μg/m³|μg/m3|ug/m3|mg/m³|mg/m3|%|"
    rf"dB\s*\(A\)|dB|分贝|天|个百分点|{SPELT_VOLUME_UNIT})\s*[)）]?$",
    re.IGNORECASE,
)


def _wrapped_units(cells):
    """A unit on a line of its own under a header cell ("PM2.5", "(微克/立方米)") is that cell's;
    a row of units under the names ("μg/m3", "μg/m3", "mg/m3"…) gives one to each column in
    order, from the first after the row labels' heading."""
    out = []
    at = 0
    while at < len(cells):
        run = at
        while run < len(cells) and _UNIT_ONLY.match(cells[run]) and "单位" not in cells[run]:
            run += 1
        names = [
            index
            for index, name in enumerate(out)
            if not (_CAPTION.match(name) or re.search(r"表|\d{4}年", name))
            and not _ROW_HEADING.match(name)
            and not _corner_heading(name)
            and not _UNIT_ONLY.match(name)
        ]
        if run - at >= 2 and len(names) >= run - at:
            units = [_UNIT_ONLY.match(unit).group(1) for unit in cells[at:run]]
            spans = _merged_units(units, [out[index] for index in names])
            for index, unit in zip(names, spans, strict=False):
                out[index] = f"{out[index]}({unit})" if unit else out[index]
            at = run
            continue
        _wrap_one(out, cells[at])
        at += 1
    return out


def _units_merged_right(units, names):
    """A grid's row of units, each empty cell after a unit given that unit where it fits the
    column's measure: the unit's cell merged over the columns sharing it."""
    out, carried = [], ""
    for unit, name in zip(units, names + [""] * len(units), strict=False):
        if unit:
            carried = unit
        elif carried and _unit_fit(_UNIT_ONLY.match(carried).group(1), name) > 0:
            unit = carried
        else:
            carried = ""
        out.append(unit)
    return out


def _with_brackets(words, plain, units):
    """Each name's unit cell as written, from the units spread over the names."""
    by_unit = dict(zip(plain, words, strict=True))
    return [by_unit.get(unit, "") for unit in units]


def _corner_heading(cell):
    """A corner cell naming both the rows and the columns ("项目及单位 时间", "项目 点位"): the
    heading of the row labels."""
    words = cell.split()
    return len(words) == 2 and any(_ROW_HEADING.match(word) for word in words)


def _merged_units(units, names):
    """The unit of each name, from a row of units under them that holds fewer (a unit merged
    over the columns that share it: "μg/m3" over PM10 … O3, "mg/m3" under CO): each unit
    over a run of columns, in order, the runs where the units fit their measures best; names
    after the last run have none. One unit to each name, in order, where nothing tells."""
    in_order = units + [""] * (len(names) - len(units))
    if len(units) == len(names):
        return in_order
    best, best_score = in_order, 0
    for parts in _runs(len(names), len(units)):
        spread = [unit for unit, size in zip(units, parts, strict=True) for _ in range(size)]
        spread += [""] * (len(names) - len(spread))
        score = sum(_unit_fit(unit, name) for unit, name in zip(spread, names, strict=True))
        if score > best_score:
            best, best_score = spread, score
    # The copy also lost the empty cells between units, under a column of no unit or of its
    # own ("同比(%)", 综合指数): runs apart, where they fit better still.
    score, spread = _runs_apart(tuple(units), tuple(names))
    return list(spread) if score > best_score else best


@lru_cache(maxsize=256)
def _runs_apart(units, names, unit_at=0, running=False):
    """``(score, units)``: each unit in order over a run of one name or more, the runs with
    names of no unit between them or not, scored by ``_unit_fit``; every unit used."""
    if not names:
        return (0, ()) if unit_at == len(units) else (float("-inf"), ())
    head, rest = names[0], names[1:]
    options = []
    score, after = _runs_apart(units, rest, unit_at, False)
    options.append((score, ("", *after)))
    if running:
        unit = units[unit_at - 1]
        score, after = _runs_apart(units, rest, unit_at, True)
        options.append((score + _unit_fit(unit, head), (unit, *after)))
    if unit_at < len(units):
        unit = units[unit_at]
        score, after = _runs_apart(units, rest, unit_at + 1, True)
        options.append((score + _unit_fit(unit, head), (unit, *after)))
    return max(options, key=lambda option: option[0])


def _runs(total, count):
    """Ways to cover the first columns of ``total`` with ``count`` runs of one or more."""
    if count == 0:
        return [()]
    return [
        (head, *tail)
        for head in range(1, total - count + 2)
        for tail in _runs(total - head, count - 1)
    ]


_CARBON_MONOXIDE = re.compile(r"^(?:CO|一氧化碳)(?:\b|[(（]|$)", re.I)


def _unit_fit(unit, name):
    """+1 where a unit fits a column's measure (mg/m³ for CO, μg/m³ for the other pollutants,
    % for a share, 天 for days), -1 where it cannot, 0 where nothing tells."""
    if not unit:
        return 0
    own = re.search(r"[(（]([^()（）]+)[)）]\s*$", name)
    if own and _UNIT_ONLY.match(own.group(1)):
        return -1  # "同比(%)": a column with its own unit takes none from a row of units
    key = _unit_key(unit)
    if key in ("μg/m3", "mg/m3"):
        if not (_POLLUTANT.search(name) or re.search(r"浓度|颗粒物", name)):
            return -1
        return 1 if (key == "mg/m3") == bool(_CARBON_MONOXIDE.match(name)) else -1
    return 1 if any(
        re.search(units, key) and re.search(measure, name) for units, measure in _UNIT_AFFINITY
    ) else 0


def _wrap_one(out, cell):
    """``cell`` added to the header cells ``out``: a unit or a bracket alone joins the cell
    before it ("可吸入颗粒物" then "(PM10)" is one header cell)."""
    unit = _UNIT_ONLY.match(cell)
    if unit and out and not _UNIT_ONLY.match(out[-1]) and not cell.startswith("单位"):
        out[-1] = f"{out[-1]}({unit.group(1)})"
    elif out and re.match(r"^[(（][^()（）]{1,12}[)）]$", cell) and not _UNIT_ONLY.match(out[-1]):
        out[-1] = f"{out[-1]}{cell}"
    else:
        out.append(cell)


_ROW_HEADING = re.compile(
    r"^(?:城市|地区|区域|区县|县区|市州|站点|点位|点位名称|监测点位?|名称|项目|类别|功能区类别|功能区|"
    r"省份|省\S{0,6}|序号|指标|单位|月份|年份|年度|时间|日期|污染因子|监测项目|"
    # What names the rows: 城市名称, 断面名称, 水源地名称; the divisions listed, 县(市、区).
    r"[\u4e00-\u9fff]{1,5}名称|[省市县区州盟旗][(（][市县区州盟旗、]{1,7}[)）]|[县市区]{2,3}|"
    # "区、县(市)", "市、县": the divisions listed with a 、 between them.
    r"[省市县区州盟旗](?:、[省市县区州盟旗])+(?:[(（][市县区州盟旗、]{1,7}[)）])?"
    # …and in English: "City", "Monitoring station", "Region".
    r"|(?i:(?:major\s+)?(?:cities|city|county|district|region|province|area|item|month|year)"
    r"|(?:monitoring\s+)?(?:station|site|point)s?))$"
)
_CAPTION = re.compile(
    r"^(?:表\s*\d|单位\s*[:：]|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|注"
    # "各县(市、区)空气质量": what the table is of, each place listed; no heading or measure
    r"|各[省市县区州](?:[(（][^()（）]{1,8}[)）])?\S*(?:质量|情况|状况|统计|排名))"
)


# A header cell that states the columns' units ("(单位:μg/m3,CO单位为mg/m3)", its bracket
# maybe left open by the copy): a note over them, no column.
_UNITS_CELL = re.compile(r"^[(（]\s*单位\s*[:：]\s*([^()（）]+?)\s*[)）]?$")


def _column_names_flat(cells, width, pattern=None, units_at=None):
    """Column names (see ``_names_from_cells``), a cell stating the units set aside as the
    caption's ``单位:`` note; ``units_at``: the column whose every cell is a unit, if one is."""
    units = [at for at, cell in enumerate(cells) if UNITS_HEADING.match(cell)]
    if len(units) == 1 and units_at is not None and width >= 3 and len(pattern) == width:
        # A column of units among columns of numbers, its heading 单位 wherever a header of
        # two levels flattened put it ("项目 | 月平均值 | 单位 | 甲水厂 | 乙水厂" over rows
        # "浑浊度 | 17.9 | 46.3 | NTU"): that column's, the others named without it.
        rest = [cell for at, cell in enumerate(cells) if at != units[0]]
        numbers = [flag for at, flag in enumerate(pattern) if at != units_at]
        names, caption = _column_names_flat(rest, width - 1, numbers)
        return (*names[:units_at], cells[units[0]], *names[units_at:]), caption
    notes = [_UNITS_CELL.match(cell) for cell in cells]
    if not any(notes) or len(cells) - sum(map(bool, notes)) < width:
        return _names_from_cells(cells, width, pattern)
    kept = [cell for cell, note in zip(cells, notes, strict=True) if not note]
    names, caption = _names_from_cells(kept, width, pattern)
    # The binding reads the note as a caption's: one unit, and a pollutant's own among them.
    return names, [*caption, *(f"单位:{note.group(1)}" for note in notes if note)]


def _names_from_cells(cells, width, pattern=None):
    """Column names from a flat run of header cells, and the cells that are the table's caption.

    The last ``width`` cells are the lowest level. Before them may stand the heading of the
    row labels (城市, 点位…) and a merged upper level: short cells whose count divides the
    width. What comes before those is the table's caption (表1 2017年8月…, 单位:万吨).
    An upper level may also mix cells over one column with merged cells over several
    ("有效天数", "优良天数" over "优", "良", "平均浓度" over "SO2"…): ``_two_levels``.
    """
    if not cells:
        return ("",) * width, []
    cells = _heading_on_two_lines(_unwrapped(_group_over_repeats(cells, width), width), width)
    if len(cells) > width + 1:
        # "饮用水源地名称" over "东湖取水口": a column headed by what its one site is called,
        # then the site; the column is the site's.
        cells = [
            cell
            for at, cell in enumerate(cells)
            if not (_NAME_HEADING.search(cell) and 0 < at == len(cells) - 2)
        ]
    over = _measures_over_numbers(cells, width, pattern) if pattern is not None else None
    if over is not None:
        return over
    extra = cells[: max(0, len(cells) - width - 1)]
    # Cells beyond one level and its row heading that are no caption: an upper level; so may
    # be the cell where the heading would stand, in a copy that kept none, when cells after
    # one show they belong under it ("浓度(μg/m³)" before "CO(mg/m³) … SO2 | NO2").
    layered = any(not _caption_like(cell) for cell in extra) or (
        len(cells) > width
        and not _heading_like(cells[-width - 1])
        and any(
            (_belongs(over, under) or 0) > 0
            for at, over in enumerate(cells)
            if not _caption_like(over)
            for under in cells[at + 1 :]
        )
    )
    spread = _two_levels(cells, width, pattern) if pattern is not None and layered else None
    single = _one_level(cells, width)
    if spread is not None and (
        spread[2] > _type_score(single[0], pattern) - 2 * _unlike_captions(single[1])
    ):
        names, caption, _score = spread
        return _with_caption_unit(names, caption), caption
    names, caption = single
    return _with_caption_unit(names, caption), caption


_WIDEST_MERGED = 40
_NAME_HEADING = re.compile(r"名称$")


def _measures_over_numbers(cells, width, pattern):
    """The names of columns of words (a station's name), then of numbers under measures merged
    over them, copied in that order: "点位名称 | PM2.5(μg/m3) | 优良率(%) | 本周浓度 | 与上周相比…"
    over a row "象湖 | 30 | -7.1 | …". Each measure states its unit and spans as many of the
    numbers' names as the others; the names before the measures head the columns of words.
    None where the cells are not so."""
    if width > _WIDEST_MERGED:
        return None  # a line of numbers read as a row, no header
    lead = next((at for at, numeric in enumerate(pattern) if numeric), None)
    if not lead:
        return None
    count = next((at for at, numeric in enumerate(pattern[lead:]) if not numeric), None)
    count = len(pattern) - lead if count is None else count
    if not all(not numeric for numeric in pattern[lead + count :]):
        return None
    for measures in range(2, 6):
        if count % measures or len(cells) < lead + measures + count:
            continue
        start = len(cells) - count - measures - lead
        heads, upper = cells[start : start + lead], cells[start + lead : len(cells) - count]
        if all(_UNIT_OF_HEADER.search(cell) for cell in upper) and not any(
            _UNIT_OF_HEADER.search(cell) or _POLLUTANT.search(cell) for cell in heads
        ):
            span = count // measures
            lower = cells[len(cells) - count :]
            names = [*heads, *(_merged_name(upper[at // span], lower[at]) for at in range(count))]
            return tuple(names + [""] * (width - len(names))), cells[:start]
    return None


# The end of a header cell the copy wrapped onto a line of its own: a measure's last word
# and its unit ("优良天数" then "比例(%)", "同比" then "变化(%)").
_WRAPPED_END = re.compile(
    r"^(?:比例|占比|比率|变化|变化率|变幅|幅度|浓度|均值|平均值|平均浓度|指数|天数|率|值)"
    r"\s*[(（][^()（）]{1,12}[)）]$"
)


def _unwrapped(cells, width):
    """Header cells with each wrapped end, and each word broken in two, joined to the cell
    before it, where that leaves
    exactly one name per column (after the caption and the row labels' heading); else as
    they are. The cell before must be no complete name: none with a unit, no pollutant
    (under "PM10", "浓度(μg/m³)" is a lower level's cell), no heading."""
    joined, joins, named = [], 0, set()
    for cell in cells:
        before = joined[-1] if joined else ""
        if _unit_of_the_name_before(before, cell):
            named.add(len(joined) - 1)  # judged by its name: no caption for the unit's length
            joined[-1] = before + cell
            joins += 1
        elif (
            _broken_word(before, cell)
            # "城市" / "(或具体点位)": what else the row labels are, in brackets
            or (before and _ROW_HEADING.match(before) and _BRACKETED.match(cell))
        ) or (
            _WRAPPED_END.match(cell)
            and before
            and not _UNIT_OF_HEADER.search(before)
            and not _POLLUTANT.search(before)
            and not _ROW_HEADING.match(before)
            and not _caption_like(before)
            and len(before) <= 8
        ):
            joined[-1] = before + cell
            joins += 1
        else:
            joined.append(cell)
    if not joins:
        return cells
    body = [
        cell for at, cell in enumerate(joined) if not _caption_like(_name_of(cell, at in named))
    ]
    if body and _heading_like(body[0]):
        body = body[1:]
    return joined if len(body) == width else cells


# What a pollutant's statistic adds to its name on a line of its own: "CO" / "-95per",
# "O3-8H" / "-90per".
_STATISTIC_SUFFIX = re.compile(r"^-\d{0,3}[A-Za-z]{1,4}$")


def _group_over_repeats(cells, width):
    """The header cells with a merged upper cell written in the middle of a flat copy put
    over the columns after it, which repeat names of columns before it: "综合指数 | 改善率% |
    综合指数 | PM2.5 | PM10" is "综合指数 | 综合指数改善率% | PM2.5改善率% | PM10改善率%".
    Also joins a statistic's suffix to its pollutant ("CO" / "-95per"). Only where that leaves
    one name per column after the caption and the row labels' heading; else as they are."""
    joined = []
    for cell in cells:
        if joined and _STATISTIC_SUFFIX.match(cell) and _POLLUTANT.search(joined[-1]):
            joined[-1] += cell
        else:
            joined.append(cell)
    body = [cell for cell in joined if not _caption_like(cell)]
    if body and _heading_like(body[0]):
        body = body[1:]
    if len(body) != width + 1:
        return cells
    start = len(joined) - len(body)
    for at in range(len(joined) - 3, start, -1):
        over, under = joined[at], joined[at + 1 :]
        if (
            len(over) <= 8
            and not _POLLUTANT.search(over)
            # a period over the measures again ("上年同期", "2023年") is read as such elsewhere
            and not (_PERIOD_OVER.match(over) or _MONTHS_OVER.match(over) or "同期" in over)
            and over not in joined[:at]
            and all(cell in joined[start:at] for cell in under)
        ):
            return [*joined[:at], *(f"{cell}{over}" for cell in under)]
    return cells


def _heading_on_two_lines(cells, width):
    """The cells, the row labels' heading written over two lines joined ("样品名称" / "项 目"),
    where after the caption that leaves the heading and one name per column; else as they are."""
    lead = next((at for at, cell in enumerate(cells) if not _caption_like(cell)), len(cells))
    if len(cells) - lead != width + 2:
        return cells
    if not all(_names_the_rows(cell) for cell in cells[lead : lead + 2]):
        return cells
    return [*cells[:lead], f"{cells[lead]} {cells[lead + 1]}", *cells[lead + 2 :]]


_BRACKETED = re.compile(r"^[(（][^()（）]{1,14}[)）]$")


def _name_of(cell, unit_joined):
    """A header cell as judged for a caption: a pollutant's name or one joined to its unit
    ("可吸入颗粒物(PM10)(微克/立方米)") without that unit, however long it runs."""
    stated = _UNIT_OF_HEADER.search(cell)
    if stated and is_unit(stated.group(1)):
        name = cell[: stated.start()]
        if unit_joined or _POLLUTANT.search(name):
            return name
    return cell


def _unit_of_the_name_before(before, cell):
    """A unit alone, in brackets, of a name that states none: "二氧化硫" / "(微克/立方米)"."""
    stated = _UNIT_OF_HEADER.search(before)
    return bool(
        before
        and _BRACKETED.match(cell)
        and is_unit(cell)
        # "可吸入颗粒物(PM10)": a bracket naming the pollutant, no unit
        and not (stated and is_unit(stated.group(1)))
        and not _caption_like(before)
    )


def _broken_word(before, cell):
    """A narrow column's name the copy broke inside a word ("二氧" then "化硫"): two short
    cells neither of which names a measure or heads anything, whose join names a pollutant;
    the second may carry the column's unit ("化硫(微克/立方米)")."""
    stated = _UNIT_OF_HEADER.search(cell)
    if stated and is_unit(stated.group(1)):
        cell = cell[: stated.start()]
    return (
        0 < len(before) <= 4
        and 0 < len(cell) <= 4
        and not any(
            _POLLUTANT.search(part) or _UNIT_OF_HEADER.search(part) or _ROW_HEADING.match(part)
            for part in (before, cell)
        )
        and bool(_POLLUTANT.search(before + cell))
    )


def _one_level(cells, width):
    """The lowest ``width`` cells, under an upper level whose cells divide them evenly."""
    lowest = cells[-width:] if len(cells) >= width else cells
    before = cells[: max(0, len(cells) - width)]
    if before and _ROW_HEADING.match(before[-1]):
        before = before[:-1]
    upper = []
    run = 0
    while (
        run < len(before)
        and len(before[-1 - run]) <= 14
        and not _CAPTION.match(before[-1 - run])
        and not re.search(r"表|排名|情况|如下|\d+个", before[-1 - run])
        # the row labels' heading stands before the upper level, no part of it ("项目 |
        # 月平均值 | 甲水厂 | 乙水厂")
        and not _names_the_rows(before[-1 - run])
    ):
        run += 1
    # The upper cells span the data columns evenly, or the row labels' column too (two
    # tables side by side, each under its period: "2023年5月 | 2023年1—5月" over
    # "区县 | 综合指数 | 排名 | 区县 | 综合指数 | 排名").
    over_labels = 0
    for size in range(min(run, width + 1), 1, -1):
        if width % size == 0 or (width + 1) % size == 0:
            upper = before[len(before) - size :]
            over_labels = int(width % size != 0)
            break
    caption = before[: len(before) - len(upper)]
    if caption and upper and _names_the_rows(caption[-1]):
        caption = caption[:-1]
    names = []
    for column in range(width):
        name = lowest[column] if column < len(lowest) else ""
        if upper:
            span = (width + over_labels) // len(upper)
            name = f"{upper[(column + over_labels) // span]} {name}"
        names.append(name.strip())
    return names, caption


def _type_score(names, pattern):
    """Word columns over words, measures over numbers: +0.5 each, -0.5 for each the other way."""
    score = 0.0
    for name, is_number in zip(names, pattern, strict=False):
        score += 0.5 if _wordy(name) != is_number else -0.5
    return score


def _unlike_captions(caption):
    return sum(1 for cell in caption if not _caption_like(cell))


def _caption_like(cell):
    return bool(_CAPTION.match(cell) or len(cell) > 14 or re.search(r"表|\d{4}年", cell))


# Indices and pH have no unit, whatever unit a caption gives the table (the permanganate
# index is a concentration).
_UNITLESS = re.compile(r"(?<!高锰酸盐)指数|pH|AQI|CWQI|WQI", re.I)


def _with_caption_unit(names, caption):
    units = [cell for cell in caption if re.match(r"^单位\s*[:：]", cell)]
    if units:
        unit = re.split(r"[:：]", units[0], maxsplit=1)[1].strip()
        names = [
            name if "(" in name or "（" in name or _UNITLESS.search(name) else f"{name} ({unit})"
            for name in names
        ]
    return tuple(names)


# Words of a header over cells of words (names, classes, dates), not numbers.
_WORDY_HEADER = re.compile(
    r"名称|情况|首要|主要污染|类别|类型|日期|时间|月份|站|点位|河流|水系|流域|备注|等级|级别|结果|状况|评价"
)
_POLLUTANT = re.compile(
    r"SO2|NO2|PM|CO|O3|pH|DO|COD|NH3|BOD|TP|TN|氨氮|溶解氧|高锰酸盐|总磷|总氮|[二一]氧化|臭氧|颗粒物",
    re.I,
)
_PERIOD_OVER = re.compile(r"^(?:本[周月季年]|上[周月季年]|(?:上年|去年)同期|\d{4}年.{0,6})$")
_MEASURE_OF_PERIOD = re.compile(r"^(?!.*(?:同期|同比|变化|增减|上年|去年)).*(?:率|比例|浓度|均值|指数|天数|排名|名次)")
# A change against another period is no cell of a period's own ("与上年同期变化率" under 本月).
_OTHER_PERIOD = re.compile(r"同期|同比|变化|增减|上年|去年")
_GROUP_AFFINITY = (
    (_POLLUTANT, re.compile(r"浓度|项目|指标|监测|污染物|因子")),
    # A pollutant over its concentration and its changes ("PM2.5" over "浓度", "同比2023年").
    (re.compile(r"^(?:平均|年均|月均)?浓度|同比|变化|增减|升降"), _POLLUTANT),
    (re.compile(r"轻度|中度|重度|严重"), re.compile(r"污染")),
    # Days of a grade by its number ("优良天数" over "一级", "二级").
    (re.compile(r"^[一二三四五六]级$"), re.compile(r"天数")),
    # Day and night under a level, a limit or a result, or under a zone's class ("1类") but
    # not under the column of classes ("功能区类别"), a column of its own.
    (re.compile(r"^(?:昼|夜|昼间|夜间)$"), re.compile(r"声级|达标|类(?!别)|Leq|噪声|限值|结果|dB")),
    # Noise's statistical levels under the level they are of ("累计百分声级" over "L10", "L90").
    (re.compile(r"^L(?:eq|max|min|\d{1,2})$", re.I), re.compile(r"声级|dB|噪声", re.I)),
    (
        re.compile(r"本[周月年]|上[周月年]|同期|\d{4}|半年|季度|同比|变化|增减|升降"),
        re.compile(r"类别|指数|浓度|比例|率|量|天数|声级|值"),
    ),
    # A period over its measure and rank ("本月" | "上年同期" over "优良率(%)", "排名").
    (_MEASURE_OF_PERIOD, _PERIOD_OVER),
    # Kinds of pollution a complaint concerns under the count of each kind ("污染类型及数量"
    # or "问题种类数量" over "水", "大气", "噪声"…), and the ways complaints came, their total
    # and the cases singled out under the count of cases ("案件数量" over "来信", "来电"…).
    (
        re.compile(r"^(?:水|大气|空气|土壤|生态破坏|生态|噪声|辐射|固废|固体废物|海洋|其他|其它)$"),
        re.compile(r"类型|种类|类别"),
    ),
    (
        re.compile(r"^(?:来信|来电|来访|网络|微信|电话|信件|合计|小计|重点\s*(?:案件|关注件?))$"),
        re.compile(r"案件|件数|举报|信访"),
    ),
)


def _two_levels(cells, width, pattern, lower_count_said=None):
    """(names, caption) when the header cells read as an upper level of cells over one column
    and a contiguous run of merged cells over the lower level's cells, else None.

    Of the ways to read them, the one is kept where the lower cells belong to the merged cell
    over them (优 under 优良天数, SO2 under 平均浓度, 轻度 under 污染天数) and word columns
    (名称, 类别, 日期) stand over words, measures over numbers. ``lower_count_said``: how many
    cells the lower level has, where the copy kept the two levels on lines of their own.
    """
    best, best_score = None, float("-inf")
    for heading in (1, 0):
        for spanning in range(1, 9):
            start = len(cells) - width - heading - spanning
            if start < 0:
                continue
            caption, rest = cells[:start], cells[start:]
            if heading and not _heading_like(rest[0]):
                continue
            rest = rest[heading:]
            if not heading and any(_ROW_HEADING.match(cell) for cell in rest):
                continue  # the heading of the row labels is no column
            for lower_count in range(2 * spanning, min(width, len(rest) - spanning) + 1):
                if lower_count_said is not None and lower_count != lower_count_said:
                    continue
                upper, lower = rest[: len(rest) - lower_count], rest[len(rest) - lower_count :]
                for first in range(0, len(upper) - spanning + 1):
                    for parts in _parts(lower_count, spanning):
                        names, score = _spread(upper, lower, first, parts, pattern)
                        score -= 2 * _unlike_captions(caption)
                        if best is None or score > best_score:
                            best, best_score = (names, caption, score), score
    return best


def _names_the_rows(cell):
    """Whether a header cell is the row labels' heading as such (城市, 项 目, 样品名称), spaces
    the copy put inside it aside."""
    return bool(_ROW_HEADING.match(re.sub(r"\s+", "", cell)))


def _heading_like(cell):
    """The heading of the row labels: 城市, 点位名称, or a short word naming no measure (城镇);
    a space the copy put inside it ("县 (市、区)") is none of its words."""
    cell = re.sub(r"\s+", "", cell)
    # "区县(市直)": a heading with what else its rows hold in brackets
    if _ROW_HEADING.match(cell) or _ROW_HEADING.match(re.sub(r"[(（][^()（）]{1,8}[)）]$", "", cell)):
        return True
    if len(cell) > 6:
        return False
    return bool(_WORDY_HEADER.search(cell)) or (
        len(cell) <= 4 and not re.search(r"率|浓度|指数|天数|声级|量|值|比例|\d", cell)
    )


def _parts(total, count):
    """How ``total`` lower cells may fall under ``count`` merged cells: in any parts up to six
    merged cells; beyond, in equal parts only (classes each over 昼 and 夜), which keeps the
    ways few."""
    if count <= 6:
        return _compositions(total, count)
    return [(total // count,) * count] if total % count == 0 and total >= 2 * count else []


def _compositions(total, count):
    """Ways to write ``total`` as ``count`` ordered parts of at least 2 (few: headers are short)."""
    if count == 1:
        return [(total,)] if total >= 2 else []
    return [
        (head, *tail)
        for head in range(2, total - 2 * (count - 1) + 1)
        for tail in _compositions(total - head, count - 1)
    ]


def _spread(upper, lower, first, parts, pattern):
    names, score, cursor = [], 0.0, 0
    groups = dict(zip(range(first, first + len(parts)), parts, strict=True))
    for position, over in enumerate(upper):
        if position not in groups:
            names.append(over)
            continue
        unders = lower[cursor : cursor + groups[position]]
        belongs = misfits = 0
        for under in unders:
            fit = _belongs(over, under)
            if fit is None:
                return names, float("-inf")  # a pollutant's column merged over another measure
            belongs += fit
            misfits += not fit
            names.append(_merged_name(over, under))
        # A merged cell over cells that show no sign of being its own costs a point; so does
        # one over two cells of the same name (同比三年均值 twice): they are two groups' cells.
        # Where some cells show they are its own, each that shows no sign is another column's
        # ("平均浓度" over SO2 … PM2.5, not over the 综合指数 and 排名 written before them).
        score += belongs - misfits if belongs else -1
        bare = [re.sub(r"\s+", "", _UNIT_OF_HEADER.sub("", under)) for under in unders]
        score -= len(bare) - len(set(bare))
        if position and upper[position - 1] == over:
            # The same name twice ("优良天数 | 优良天数" over "一级 | 二级"): the total's column,
            # then the name merged over its parts.
            score += 0.05
        cursor += groups[position]
    score += _type_score(names, pattern)
    if len(set(parts)) == 1:
        score += 0.1
    if len(groups) >= 2 and _periods_side_by_side(upper, lower, groups, first):
        score += 4 * len(groups)
    return names, score


# A period over its columns: "2月", "1-2月", "2021年1—2月", "2023年", "本月", "累计".
_MONTHS_OVER = re.compile(
    r"^(?:\d{4}\s*年)?\s*(?:\d{1,2}\s*[-—–~～至]\s*)?\d{1,2}\s*月(?:份)?(?:累计)?$|^累计$"
)


def _periods_side_by_side(upper, lower, groups, first):
    """Whether the merged cells are periods each over the same run of measures ("1-2月" over
    优良率, 排名, 变化, PM2.5, 排名, 变化率; "2月" over 优良率, PM2.5, 排名): each period's
    columns open with the same measure, the way a table puts periods side by side, however
    its ranks repeat inside one period."""
    if len(groups) != len(upper):
        return False  # an upper level of periods only, each merged over its columns
    cursor, opening = 0, set()
    for position in range(first, first + len(groups)):
        over = upper[position]
        if not (_PERIOD_OVER.match(over) or _MONTHS_OVER.match(over)):
            return False
        opening.add(re.sub(r"\s+", "", lower[cursor]))
        cursor += groups[position]
    return len(opening) == 1


@lru_cache(maxsize=4096)
def _belongs(over, under):
    """How much a lower header cell shows it belongs under an upper one; None where it cannot
    (a pollutant's own column over another measure)."""
    pollutant = _GROUP_AFFINITY[0][0]
    if pollutant.search(over) and (pollutant.search(under) or re.search(r"指数|比例|率", under)):
        return None
    fit = sum(1 for member, group in _GROUP_AFFINITY if member.search(under) and group.search(over))
    unit = _UNIT_OF_HEADER.search(over)
    own = _UNIT_OF_HEADER.search(under)
    if unit and own and _unit_key(unit.group(1)) != _unit_key(own.group(1)):
        return None  # "CO(mg/m³)" or "比例(%)" is no column of "浓度(μg/m³)"
    base = over[: unit.start()].strip() if unit else over
    if _PERIOD_OVER.match(base) and _OTHER_PERIOD.search(under):
        fit -= 1
    if (len(under) == 1 and under in base) or under == base:
        fit += 1  # "优" under "优良天数"; "重污染天数" under "重污染天数"
    if own and any(
        re.search(units, own.group(1)) and re.search(measure, base)
        for units, measure in _UNIT_AFFINITY
    ):
        fit += 1  # "实测值(%)" under "优良天数率", "同比(天)" under "重污染天数"
    return fit


def _unit_key(unit):
    """A unit as compared between header cells: μg/m3, μg/m³ and 微克/立方米 are one."""
    key = re.sub(r"\s+", "", unit).lower().replace("³", "3").replace("µ", "μ")
    return {
        "微克/立方米": "μg/m3",
        "ug/m3": "μg/m3",
        "毫克/立方米": "mg/m3",
        "毫克/升": "mg/l",
    }.get(key, key)


# A unit under a measure it is the unit of.
_UNIT_AFFINITY = (
    (r"%|百分点", r"率|比例|占比"),
    (r"^天$", r"天数"),
    (r"g/m|克/立方米", r"浓度|PM|SO2|NO2|O3|CO|颗粒物|二氧化|臭氧"),
)


@lru_cache(maxsize=4096)
def _merged_name(over, under):
    glued = _GLUED_NOISE_UNIT.search(over)
    if glued:
        # "累计百分声级dB(A)" over "L10": the unit is dB(A), not its bracket alone.
        return f"{over[: glued.start()].strip()} {under} {glued.group(0).strip()}"
    unit = _UNIT_OF_HEADER.search(over)
    base = over[: unit.start()].strip() if unit else over
    suffix = f"({unit.group(1)})" if unit else ""
    if _NUMBERED_GRADE.match(under) and base.endswith("天数"):
        return f"{under}天数"  # "一级天数": the days of that grade
    grade = _GRADE.match(under)
    if grade and base.endswith("天数"):
        # "优良天数" over "优", "污染天数" over "重度": days of that grade.
        return f"{under}{'污染' if grade.group(1) else ''}天数"
    return f"{base} {under}{'' if '(' in under else suffix}"


@lru_cache(maxsize=4096)
def _wordy(name):
    """Whether a column so named holds words: a name, a type, a grade; not a count of each type
    ("污染类型及数量(个)": how many of each type)."""
    return bool(_WORDY_HEADER.search(name)) and not _COUNTED_HEADER.search(name)


# A column counting things: its name says 数量 or its unit is a count (个, 件, 起, 家, 次).
_COUNTED_HEADER = re.compile(r"数量|件数|个数|次数|[(（]\s*(?:个|件|起|家|次)\s*[)）]\s*$")


_NUMBERED_GRADE = re.compile(r"^[一二三四五六]级$")
_GLUED_NOISE_UNIT = re.compile(r"(?<![(（])\s*dB\s*[(（]A[)）]\s*$", re.I)
_GRADE = re.compile(r"^(?:优|良|(轻度|中度|重度|严重))(?:污染)?$")
_UNIT_OF_HEADER = re.compile(r"[(（]\s*(?:单位\s*[:：]\s*)?([^()（）]{1,14})\s*[)）]\s*$")
