"""The shapes of a period label, the source's words for a figure's period, written once.

``english`` reads a whole label into English (``fullmatch``); ``periods`` checks the dates an
editor gives against the shapes it finds anywhere in a label (``search``). Groups are named.
"""

import re

_THROUGH = r"[—–\-－~～至到]"

#: 2023年, 2023年度, 2023年全年.
WHOLE_YEAR = re.compile(r"\s*(?P<year>\d{4})\s*年度?\s*(?:全年)?\s*")
#: 1—11月, 2023年1—11月, 1月份—11月份.
MONTH_RANGE = re.compile(
    rf"\s*(?:(?P<year>\d{{4}})\s*年\s*)?(?<!\d)(?P<first>\d{{1,2}})\s*(?:月份?)?\s*{_THROUGH}\s*(?P<last>\d{{1,2}})\s*月份?\s*"
)
#: 截至12月28日, 截止2023年6月.
UP_TO_DAY = re.compile(r"\s*截[至止]\s*(?:(?P<year>\d{4})\s*年\s*)?(?P<month>\d{1,2})\s*月\s*(?:(?P<day>\d{1,2})\s*日)?\s*")
#: 2020年底, 2020年末 (in a label, 截至2020年底).
YEAR_END = re.compile(r"(?P<year>\d{4})\s*年\s*[底末]")
UP_TO_YEAR_END = re.compile(rf"\s*截[至止]\s*{YEAR_END.pattern}\s*")
