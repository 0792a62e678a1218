"""Places named in a text, for binding figures to where they are about.

``find_all(text)`` gives ``(start, end, Division)`` for each place named: the divisions of the
reference gazetteer (``bulletins.gazetteer``: every division of GB/T 2260 by name and short
form), and what a gazetteer of divisions does not hold but bulletins report on: the country
(全国, 我国, China), regional groupings (京津冀及周边地区, 长三角地区, 汾渭平原…) and the
provinces' English names. Without the reference data, a name ending in 市/县/区/州/盟/旗 is
taken as a place of that level, which is what the bulletin's own wording says it is.

Words that only point at a place (全市, 我省, 本区) are not places here: ``binding`` resolves
them against the document's own region.
"""

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Division:
    code: str
    name: str
    short: str
    level: str  # country | province | prefecture | county | grouping
    parent: str = ""


COUNTRY = Division("100000", "全国", "全国", "country")

_PROVINCES = (
    ("110000", "北京市", "北京", "Beijing"),
    ("120000", "天津市", "天津", "Tianjin"),
    ("130000", "河北省", "河北", "Hebei"),
    ("140000", "山西省", "山西", "Shanxi"),
    ("150000", "内蒙古自治区", "内蒙古", "Inner Mongolia"),
    ("210000", "辽宁省", "辽宁", "Liaoning"),
    ("220000", "吉林省", "吉林", "Jilin"),
    ("230000", "黑龙江省", "黑龙江", "Heilongjiang"),
    ("310000", "上海市", "上海", "Shanghai"),
    ("320000", "江苏省", "江苏", "Jiangsu"),
    ("330000", "浙江省", "浙江", "Zhejiang"),
    ("340000", "安徽省", "安徽", "Anhui"),
    ("350000", "福建省", "福建", "Fujian"),
    ("360000", "江西省", "江西", "Jiangxi"),
    ("370000", "山东省", "山东", "Shandong"),
    ("410000", "河南省", "河南", "Henan"),
    ("420000", "湖北省", "湖北", "Hubei"),
    ("430000", "湖南省", "湖南", "Hunan"),
    ("440000", "广东省", "广东", "Guangdong"),
    ("450000", "广西壮族自治区", "广西", "Guangxi"),
    ("460000", "海南省", "海南", "Hainan"),
    ("500000", "重庆市", "重庆", "Chongqing"),
    ("510000", "四川省", "四川", "Sichuan"),
    ("520000", "贵州省", "贵州", "Guizhou"),
    ("530000", "云南省", "云南", "Yunnan"),
    ("540000", "西藏自治区", "西藏", "Tibet"),
    ("610000", "陕西省", "陕西", "Shaanxi"),
    ("620000", "甘肃省", "甘肃", "Gansu"),
    ("630000", "青海省", "青海", "Qinghai"),
    ("640000", "宁夏回族自治区", "宁夏", "Ningxia"),
    ("650000", "新疆维吾尔自治区", "新疆", "Xinjiang"),
    ("710000", "台湾省", "台湾", "Taiwan"),
    ("810000", "香港特别行政区", "香港", "Hong Kong"),
    ("820000", "澳门特别行政区", "澳门", "Macao"),
)
# Regions bulletins report on that are not administrative divisions.
_GROUPINGS = (
    "京津冀及周边地区",
    "京津冀地区",
    "长三角地区",
    "长江三角洲地区",
    "汾渭平原",
    "珠三角地区",
    "珠江三角洲地区",
    "成渝地区",
    "苏皖鲁豫交界地区",
    "长江经济带",
    # The basins national bulletins report on, each as a place of its own.
    "长江流域",
    "黄河流域",
    "珠江流域",
    "松花江流域",
    "淮河流域",
    "海河流域",
    "辽河流域",
    "太湖流域",
    "巢湖流域",
    "滇池流域",
    "重点区域",
    # A province's own parts, as its bulletins name them without 地区.
    "北疆",
    "南疆",
    "东疆",
    "苏南",
    "苏中",
    "苏北",
    "关中",
    "陕北",
    "陕南",
    "皖北",
    "皖南",
    "粤东西北",
    "长株潭",
    "珠三角",
    "长三角",
    "京津冀",
)
_COUNTRY_WORDS = (
    "全国",
    "我国",
    "中国",
    "China",
    "nationwide",
    "the country",
    "national",
)
# Groupings as English reports name them, to the names the Chinese texts use.
_GROUPINGS_EN = (
    (
        # also written as a list of the three: "Beijing, Tianjin, Hebei and surrounding areas"
        r"(?:Beijing-Tianjin-Hebei|Beijing,? Tianjin,? (?:and )?Hebei) (?:region )?and (?:its |the )?"
        r"(?:surrounding|neighboring|neighbouring|adjacent) (?:areas?|regions?)",
        "京津冀及周边地区",
    ),
    (r"Beijing-Tianjin-Hebei(?: region| area)?|Jing-Jin-Ji", "京津冀地区"),
    (r"Yangtze[- ]River Delta(?: region| area)?", "长三角地区"),
    (r"Pearl River Delta(?: region| area)?", "珠三角地区"),
    (r"Fenwei Plains?|Fen-Wei Plains?", "汾渭平原"),
    (r"Chengdu-Chongqing(?: region| area| economic circle)?", "成渝地区"),
    (r"Yangtze River Economic Belt", "长江经济带"),
    (r"Yellow River (?:basin|Basin)", "黄河流域"),
    (r"Yangtze River (?:basin|Basin)", "长江流域"),
    (r"Pearl River (?:basin|Basin)", "珠江流域"),
    (r"Songhua River (?:basin|Basin)", "松花江流域"),
    (r"Huaihe? River (?:basin|Basin)", "淮河流域"),
    (r"Haihe? River (?:basin|Basin)", "海河流域"),
    (r"Liaohe? River (?:basin|Basin)", "辽河流域"),
    (r"Taihu Lake (?:basin|Basin)|Lake Taihu (?:basin|Basin)", "太湖流域"),
    (r"(?:the )?[Ee]astern (?:region|regions|areas|part of China|China)", "东部地区"),
    (r"(?:the )?[Cc]entral (?:region|regions|areas|part of China|China)", "中部地区"),
    (r"(?:the )?[Ww]estern (?:region|regions|areas|part of China|China)", "西部地区"),
    # "59.3% … in eastern China, 11.7% in the west, 22.2% in the central region": a part of
    # the country said short in a list of them.
    (r"(?<=in )the (?:west|West)(?=\s*(?:[,;.]|and\b))", "西部地区"),
    (r"(?<=in )the (?:east|East)(?=\s*(?:[,;.]|and\b))", "东部地区"),
    (r"(?<=in )the (?:northeast|Northeast)(?=\s*(?:[,;.]|and\b))", "东北地区"),
    (r"(?:the )?[Nn]ortheastern (?:region|regions|areas|part of China|China)", "东北地区"),
)
# Cities whose English name is not their pinyin.
_CONVENTIONAL_EN = {
    "Urumqi": "650100",
    "Hohhot": "150100",
    "Lhasa": "540100",
    "Harbin": "230100",
    "Baotou": "150200",
    "Kashgar": "653100",
    "Shigatse": "540200",
}
_GROUPING_EN = re.compile("|".join(f"(?:{pattern})" for pattern, _name in _GROUPINGS_EN))
_GROUPING_EN_PARTS = [(re.compile(pattern), name) for pattern, name in _GROUPINGS_EN]
# A prefecture, county or district named in English: its pinyin, the level word optional
# for a prefecture ("Baoding", "Baoding city") and required below it ("Miyun district").
_LEVEL_EN = r"(?:\s+(?:[Cc]ity|[Pp]refecture|[Cc]ounty|[Dd]istrict|[Ll]eague|[Bb]anner))?"

# A name ending in a division suffix: two to six characters before it. Words that end so
# without being a name (城市, 地区, 辖区, 城区…) are refused below.
_NAMED = re.compile(
    r"([\u4e00-\u9fff]{2,7}?)(?<![全本我该各每城市县区省州镇乡中外边内上下新老辖])"
    r"(特别行政区|自治区|自治州|自治县|地区|省|市|县|区|州|盟|旗)(?![长委民场级域域])"
)
_NOT_NAMES = re.compile(
    r"^(?:城|地级|设区|县级|地级及以上|重点|所在|城乡|市辖|全|本|我|该|各|每|主|副|新|老|"
    r"工业|开发|保护|功能|风景|试验|示范|景|山|林|农|牧|渔|社|园|城|片|库|灌|湿地|流域|"
    r"辖|城区|郊|全市|全省|全区|全县|其他|其余|部分|沿海|沿江|城镇|少数|多数|大部|个别|"
    r"[一二三四五六七八九十两几\d]+个?)"
)
_LEADING_NOISE = re.compile(
    r"^.*(?:在|对|于|和|与|及|以|的|是|为|将|了|中|年|月|日|季度|等|从|向|据|由|把|被|经|至|到|自|、|,|，|:|：|；|;)"
    r"(?=[\u4e00-\u9fff]{2})"
)

# A grouping named by a bulletin: "成都平原地区", "川南地区" (not "重点地区", "周边地区").
# Also a group named by 区域 and the count of its cities ("长株潭区域3个城市"), written …地区.
_GROUPING = re.compile(
    r"([\u4e00-\u9fff]{2,6}?)(?:平原地区|地区|平原|片区|经济区|城市群"
    r"|区域(?=\s*\d+\s*个[^,，;；。]{0,6}?城市))(?![\u4e00-\u9fff]{0,1}[的])"
)
# A river's basin or water system a bulletin reports on ("湘江流域", "鸭绿江水系", "澧水流域"):
# a place of its own. Not a count of them ("四水流域", "七大流域") nor "主要水系".
_BASIN = re.compile(r"([\u4e00-\u9fff]{1,4}?[江河湖水溪])(?:流域|水系)(?!统)")
_NOT_BASIN = re.compile(r"^[一二三四五六七八九十两几各主全本该\d]|^地下水")
# A great lake's own water, a place of its own ("鄱阳湖湖体总磷浓度", "滇池草海"); a lake that
# shares its name with a county or a city (太湖县, 巢湖市) only where its water is said.
# …only where the lake's water, its parts or its points are said right after its name.
_LAKE_WATER = (
    r"(?=[^,，;；。\d]{0,4}?(?:湖体|湖区|全湖|[东西]半湖|湖心|水质|水体|总磷|总氮|营养|富营养|草海"
    r"|外海|点位|断面|环湖|入湖))"
)
_LAKES = (
    "滇池",
    "洱海",
    "鄱阳湖",
    "洞庭湖",
    "洪泽湖",
    "白洋淀",
    "骆马湖",
    "南四湖",
    "高邮湖",
    "阳澄湖",
    "淀山湖",
    "千岛湖",
    "丹江口水库",
    "青海湖",
    "呼伦湖",
    "查干湖",
    "乌梁素海",
    "博斯腾湖",
)
_LAKES_NAMED_LIKE_PLACES = ("太湖", "巢湖")
_LAKE = re.compile(
    # not the rivers around it ("环洞庭湖河流")
    rf"(?<!环)(?:{'|'.join((*_LAKES, *_LAKES_NAMED_LIKE_PLACES))})(?![区县市镇乡]|流域){_LAKE_WATER}"
)
# The national new areas (国家级新区) that are no division of their own, each a part of the
# city that administers it: a bulletin ranks them beside the cities ("西咸新区优良天数246天"),
# and their figures are that city's, the area named in the reasons.
_NEW_AREAS = {
    "西咸新区": "西安",
    "雄安新区": "保定",
    "贵安新区": "贵阳",
    "两江新区": "重庆",
    "天府新区": "成都",
    "兰州新区": "兰州",
    "西海岸新区": "青岛",
    "金普新区": "大连",
    "舟山群岛新区": "舟山",
    "湘江新区": "长沙",
    "江北新区": "南京",
    "福州新区": "福州",
    "滇中新区": "昆明",
    "哈尔滨新区": "哈尔滨",
    "长春新区": "长春",
    "赣江新区": "南昌",
}
# …named on its own: not after a place that locates it otherwise ("眉山天府新区", "永修县(赣江
# 新区永修组团)").
_NEW_AREA = re.compile("|".join(_NEW_AREAS))
# The four seas, each a place of its own where its waters are said ("渤海近岸海域水质一般"):
# not 东海县, 南海区, 渤海湾 nor 环渤海, nor a city's part of one ("舟山市东海海域").
_SEAS = ("渤海", "黄海", "东海", "南海")
_SEA = re.compile(rf"(?<![环市县区省州])(?:{'|'.join(_SEAS)})(?=近岸海域|海域|海区|沿岸海域)")
# "沅澧两水与环洞庭湖流域水质为优": waters named together, none of them the place.
_LISTED_BEFORE = re.compile(r"[与和及、]$")
_NOT_GROUPING = re.compile(
    r"^(?:重点|其他|其余|周边|部分|城市|全国|各|有关|相关|贫困|农村|山区|偏远|发达|欠发达|沿海|内陆|少数|多数|大部)"
    r"|[省市县区州等]$|[\d一二三四五六七八九十等]"
)

# "East China's Jiangsu", "northern China's Shanxi province": where a place lies, said before
# it; not the country, nor the eastern region.
LIES_IN = re.compile(
    r"\b(?:(?:[Nn]orth|[Ss]outh)(?:east|west)?|[Ee]ast|[Ww]est|[Cc]entral)(?:ern)?\s+China(?:'s|’s)"
)
# "Nation to expand oversight of waters", "Nation's air quality improves": headlines' country.
_NATION = re.compile(r"\bNation(?:'s|’s)?(?=\s+[a-z])")
# The national networks English names by their cities alone: "337 cities of prefecture-level
# or above", "the 168 key cities" (Chinese writes 全国 before them).
_NATIONAL_CITIES = re.compile(
    r"\b\d{2,3} (?:key |major )?cities (?:at|of) (?:the )?prefecture[- ]level (?:and|or) above"
    r"|\b(?:74|168|169) key cities\b"
)
# "the national surface water assessment", "national standards", "the national average":
# a network, a standard or a benchmark, not the country as the figure's place.
_NATIONAL_NETWORK = re.compile(
    r"\s+(?:[a-z-]+\s+){0,3}?(?:assessment|monitoring|control|network|standards?|average|"
    r"level|grade|class|inspection|evaluation)\b"
)
BENCHMARK_BEFORE = re.compile(r"(?:居|列|位于|处于|高于|低于|优于|超过|领先|比|较)\s*$")
# After a province's short form ending in a direction (河北, 湖南, 山西): a bank or a side,
# which makes the form the end of a river's, a lake's or a hill's name and its direction.
_BANK_AFTER = re.compile(r"(?<=[东南西北])[岸侧畔麓]")
_HAN = re.compile(r"[\u4e00-\u9fff]")
# An inspection team's name after its place: "安徽省第一生态环境保护督察组", "省委第三巡视组".
TEAM = (
    r"(?:委|政府)?(?:第[一二三四五六七八九十\d]+)?(?:生态环境保护|生态环境|环境保护|环保)?"
    r"(?:专项)?(?:督察组|督查组|巡视组|巡察组|检查组)"
)
TEAM_AFTER = re.compile(TEAM)
# After a place: its average, with the value in brackets ("全国平均水平(87.9%)").
AVERAGE_GIVEN = re.compile(
    r"\s*(?:的)?\s*(?:平均水平|平均值|均值|平均)\s*[(（][^()（）]{1,20}[)）]"
)
# After 中国: more of one name up to 市 ("中国体育彩票市"), not 中国城市 nor 中国…市场.
_NAME_GOES_ON = re.compile(r"(?!城市)[\u4e00-\u9fff]{2,6}?市(?![场民级委长政])")
_BRACKETED_ALONE = re.compile(r"[(（](?:中国|全国|China)[)）]")
_CHANNEL_AFTER = re.compile(r"[\u4e00-\u9fff\d]{0,12}?(?:平台|热线|网站|系统|小程序)")
_ASCII_WORD = re.compile(r"[A-Za-z]{4}")
# Between two places of a list: the first one's figure and a joint ("2件、", "和").
_LIST_BETWEEN = re.compile(r"[\s\d.,]*(?:件|个|起|家|项|次|%)?\s*(?:[、和及与,，;；]|以及)\s*")
# A name at the start of a clause or an item of a list: "罗源酸雨率…", "、长乐、", "除福清(".
_SHORT_FORM = re.compile(
    r"(?:^|(?<=[、,，;；:：(（。])|(?<=其中)|(?<=除))(?!市中心|南部|北部|东部|西部|中部)"
    r"(?=([\u4e00-\u9fff]{2})(?![湖江河山港湾岛溪塘库])[、,，(（和及与\d\u4e00-\u9fff])"  # 鄱阳湖; 平潭3件
)
# The rest of a list of cities after one of its short forms ("、石河子、奎屯4城市").
_CITIES_LISTED = re.compile(r"(?:[、和及与][\u4e00-\u9fff]{2,6}){0,12}?[、和及与]?\s*\d*\s*个?(?:城市|市)")
# District names that are also words for any town's parts: "老城区改造", "新城区水厂".
_EVERYDAY_DISTRICTS = frozenset({"老城区", "新城区"})
# What is named after a division without being it: a town, village, street or road; a
# river, a bridge or a station ("甲河甲桥断面", "甲站").
_NAMED_AFTER_IT = re.compile(r"镇|乡(?![镇村])|村|街道|社区|路|大道|大街|河|溪|桥|站(?!点)")
# A company named after its place ("甲市宏达化工有限公司", "乙宏达公司"): the name of a firm,
# not where a figure is; words of a sentence (对, 在, 的…) end the name before any 公司.
COMPANY_AFTER = re.compile(
    r"[^\W\d_对在与和及的是为有共等了将把被从向中其、]{1,10}?"
    r"(?:有限责任公司|股份有限公司|有限公司|集团|公司)"
)
_URBAN_AREA = re.compile(r"(?=([\u4e00-\u9fff]{2})(?:主城区|城区|市区|县城))")
# Characters of nouns that end in 区/市 without being places ("功能区", "第三季度", "热电").
_NOT_IN_NAMES = re.compile(
    r"[类能季度业站点测电队局厂园处科所院校司组心场]|保护|开发|示范|经济|高新|风景|建成"
)


class Places:
    """The places described in the module docstring, over an optional reference gazetteer."""

    def __init__(self, reference=None):
        self.reference = reference
        entries = []
        for code, name, short, english in _PROVINCES:
            division = Division(code, name, short, "province")
            entries += [(name, division), (short, division), (english, division)]
        groupings = {name: Division("", name, name, "grouping") for name in _GROUPINGS}
        for name in _GROUPINGS:
            # A short form (珠三角, a table's row) is the grouping its full name names.
            full = groupings.get(f"{name}地区")
            entries.append(
                (name, Division("", full.name, name, "grouping") if full else groupings[name])
            )
        for word in _COUNTRY_WORDS:
            entries.append((word, COUNTRY))
        entries.sort(key=lambda entry: len(entry[0]), reverse=True)
        self._known = dict(entries)
        self._pattern = re.compile("|".join(re.escape(name) for name, _d in entries))
        self._english = None  # built on the first English text (pinyin of the gazetteer)

    @classmethod
    def load(cls):
        return cls()

    def _plain_forms(self):
        """Autonomous counties and banners as bulletins usually write them: 木垒哈萨克自治县
        as 木垒县, 鄂伦春自治旗 as 鄂伦春旗 (the short form and the level word)."""
        if getattr(self, "_plain", None) is None:
            plain = {}
            for division in self.reference or ():
                for suffix, word in (("自治县", "县"), ("自治旗", "旗")):
                    if division.name.endswith(suffix) and len(division.short or "") >= 2:
                        plain.setdefault(division.short + word, []).append(division)
            candidates = getattr(self.reference, "candidates", lambda form: ())
            forms = {
                form: found[0]
                for form, found in plain.items()
                if len(found) == 1 and not candidates(form)  # a division's own name wins
            }
            pattern = (
                re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True))))
                if forms
                else None
            )
            self._plain = (forms, pattern)
        return self._plain

    def named(self, short):
        """The one division whose short form is ``short`` ("海盐" → 海盐县), or None."""
        if self.reference is None:
            return None
        plain = self._plain_forms()[0].get(short)
        if plain is not None:
            return plain
        if not hasattr(self, "_by_short"):
            # Every short form, including those the gazetteer does not search for because
            # they are also words (长治, 普洱): here the caller knows the cell is a place.
            by_short = {}
            for division in self.reference:
                bare = re.sub(r"(?:市|县|区|州|盟|旗)$", "", division.name)
                for form in {division.short, bare}:
                    by_short.setdefault(form, []).append(division)
            self._by_short = by_short
        found = self._by_short.get(short, [])
        if len(found) > 1:  # 红河州 and 红河县: a list of cities means the prefecture
            found = [d for d in found if d.level != "county"] or found
        return found[0] if len(found) == 1 else None

    def _english_names(self):
        """(pattern, {written name: division}) of the divisions below the provinces in
        English: prefectures by their pinyin ("Baoding"), counties and districts by their
        pinyin and level word ("Miyun district"). A pinyin two prefectures share (Fuzhou,
        Taizhou) names neither."""
        if self._english is not None:
            return self._english
        names, shared = {}, set()
        if self.reference is not None:
            from pypinyin import lazy_pinyin

            for division in self.reference:
                if division.level not in ("prefecture", "county"):
                    continue
                short = re.sub(r"(?:市|县|区|州|盟|旗|地区|自治州|自治县)$", "", division.name)
                short = division.short if len(short) < 2 else short
                syllables = lazy_pinyin(short)
                if not all(re.fullmatch(r"[a-z]+", s) for s in syllables):
                    continue
                spellings = {"".join(syllables)}
                spellings.add(
                    syllables[0] + "".join(("'" + s) if s[0] in "aeo" else s for s in syllables[1:])
                )
                for spelling in spellings:
                    spelling = spelling.capitalize()
                    if len(spelling) < 4:
                        continue
                    if division.level == "county":
                        word = "District" if division.name.endswith("区") else "County"
                        for form in (f"{spelling} {word}", f"{spelling} {word.lower()}"):
                            names.setdefault(form, []).append(division)
                    else:
                        names.setdefault(spelling, []).append(division)
            for spelling, found in names.items():
                if len(found) > 1:
                    shared.add(spelling)
        provinces = {english.casefold() for _c, _n, _s, english in _PROVINCES}
        for spelling in {n for n in names if n.split()[0].casefold() in provinces}:
            names.pop(spelling, None)
        # A pinyin two divisions share is kept with all of them: the province named beside
        # it chooses ("Taizhou, Zhejiang province"), else it names neither.
        alike = {spelling: names.pop(spelling) for spelling in shared if spelling in names}
        known = {spelling: found[0] for spelling, found in names.items()}
        if self.reference is not None:
            for name, code in _CONVENTIONAL_EN.items():
                division = self.reference.get(code)
                if division is not None:
                    known[name] = division
        spellings = sorted({*known, *alike}, key=len, reverse=True)
        pattern = (
            re.compile(
                r"(?<![A-Za-z'])"
                # the letters a name can start with, first: a text is not tried name by name
                # at each of its characters
                + "(?=["
                + "".join(re.escape(c) for c in sorted({n[0] for n in spellings}))
                + "])"
                + "(?:"
                + "|".join(re.escape(n) for n in spellings)
                # not the start of a longer name ("Xi'an"), but its possessive ("Wuhan's") is it
                + r")(?![a-z])(?!['’](?!s\b))"
                + _LEVEL_EN
            )
            if known
            else None
        )
        self._english = (pattern, known, alike)
        return self._english

    def _find_english(self, text, found, taken):
        taken.extend(match.span() for match in LIES_IN.finditer(text))
        for match in [*_NATION.finditer(text), *_NATIONAL_CITIES.finditer(text)]:
            found.append((match.start(), match.end(), COUNTRY))
            taken.append(match.span())
        for match in _GROUPING_EN.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            name = next(
                n
                for p, n in _GROUPING_EN_PARTS
                if (part := p.match(text, match.start())) and part.end() == match.end()
            )
            found.append((match.start(), match.end(), Division("", name, name, "grouping")))
            taken.append(match.span())
        pattern, known, alike = self._english_names()
        if pattern is None:
            return
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            name = match.group(0)
            bare = re.sub(_LEVEL_EN + "$", "", name)
            division = known.get(name) or known.get(bare)
            if division is None and (name in alike or bare in alike):
                division = _chosen_by_province(alike.get(name) or alike[bare], text, match)
            if division is None:
                continue
            found.append((match.start(), match.end(), division))
            taken.append(match.span())

    def _urban_areas(self, text, named):
        """ "黔江城区", "万州县城": a division's short form before 城区/市区/县城 is its urban
        area. Two-character county forms are not searched for by themselves (they are often
        words), so without this "黔江城区" reads as 江城区, a district of another province.
        Only where no place named earlier already covers the short form ("西安新城区")."""
        found = []
        for match in _URBAN_AREA.finditer(text):
            start, end = match.span(1)
            if any(a <= start < b for a, b, _d in named):
                continue
            division = self.named(match.group(1))
            if division is not None and division.level in ("prefecture", "county"):
                found.append((start, end, division))
        return found

    def _listed_sibling(self, text, start, found, name):
        """The division called ``name`` whose parent is that of the county listed just
        before it, or (老城区, not 城区, which is also a city's urban area) the one of the
        city named right before it; or None."""
        before = [(b, d) for _a, b, d in found if b <= start]
        if not before:
            return None
        end, previous = max(before, key=lambda item: item[0])
        candidates = self.reference.candidates(name)
        if end == start and len(name) > 2:
            children = [d for d in candidates if d.parent == getattr(previous, "code", None)]
            return children[0] if len(children) == 1 else None
        if not getattr(previous, "parent", None) or not _LIST_BETWEEN.fullmatch(text, end, start):
            return None
        siblings = [d for d in candidates if d.parent == previous.parent]
        return siblings[0] if len(siblings) == 1 else None

    def short_forms_within(self, text, region, named):
        """(start, end, division) for the two-character short forms of counties inside
        ``region`` (the document's city or province) that ``text`` names as places: at the
        start of a clause or in a list ("罗源酸雨率最高", "连江、长乐、福清…", "除福清(81.89%)"
        in a report on 福州市). Two-character county forms are not searched for elsewhere:
        many are also words; a report on the division around them uses them as names."""
        if self.reference is None or getattr(region, "level", "") not in ("province", "prefecture"):
            return []
        found = []
        for match in _SHORT_FORM.finditer(text):
            start, end = match.span(1)
            if any(a < end and start < b for a, b, _d in named):
                continue
            # "伊宁、石河子、奎屯4城市": a list of cities names the county-level city, not the
            # county of the same name beside it
            cities = _CITIES_LISTED.match(text, end)
            division = self.named_within(match.group(1), region, "市" if cities else "")
            if division is not None and division.level == "county":
                found.append((start, end, division))
        return found

    def named_within(self, short, outer, suffix=""):
        """The one division inside ``outer`` (a province or city) whose short form is
        ``short`` ("大安" within 吉林省 → 大安市), or the one of them ending in ``suffix``, or
        None."""
        if self.reference is None or not getattr(outer, "code", ""):
            return None
        self.named("")  # builds the index of short forms
        prefix = outer.code[:2] if outer.level == "province" else outer.code[:4]
        found = [
            d for d in self._by_short.get(short, []) if d.code.startswith(prefix) and d != outer
        ]
        if len(found) > 1 and suffix:
            found = [d for d in found if d.name.endswith(suffix)]
        return found[0] if len(found) == 1 else None

    def _longer_division(self, text, start, end):
        """Whether a division of the gazetteer is named by more than ``text[start:end]`` from
        the same start (吉林 of 吉林市, a province's short form that begins a city's name)."""
        if self.reference is None:
            return False
        return any(
            self.reference.candidates(text[start:stop]) for stop in range(end + 1, end + 3)
        )

    @staticmethod
    def _named_groupings(text, pattern, refused, found, taken, alone=False):
        """Groupings (成都平原地区) or basins (湘江流域) the text names by a stem and a word;
        ``alone``: not one named after another with 与/和/、 (waters named together)."""
        for match in pattern.finditer(text):
            stem = _LEADING_NOISE.sub("", match.group(1))
            start = match.end(1) - len(stem)
            if (
                len(stem) >= 2
                and not refused.search(stem)
                and not (alone and _LISTED_BEFORE.search(text, max(0, start - 1), start))
                and not any(a < match.end() and start < b for a, b in taken)
            ):
                name = re.sub("区域$", "地区", text[start : match.end()])
                found.append((start, match.end(), Division("", name, name, "grouping")))
                taken.append((start, match.end()))

    def find_all(self, text):
        found = []
        taken = []
        if _ASCII_WORD.search(text):
            self._find_english(text, found, taken)
        for match in self._pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            if match.group(0) == "national" and _NATIONAL_NETWORK.match(text, match.end()):
                continue  # "sections of the national surface water assessment": a network
            if match.group(0) == "全国" and _CHANNEL_AFTER.match(text, match.end()):
                continue  # "全国生态环境举报平台2件": the name of a channel, not the country
            if match.group(0) == "中国" and _NAME_GOES_ON.match(text, match.end()):
                continue  # "中国体育彩票市中心城区": a city's name a copy replaced, not China
            if _on_a_bank(text, match.start(), match.end()):
                continue
            if COMPANY_AFTER.match(text, match.end()):
                continue  # "浙江宏达化工有限公司": a firm's name
            if self._longer_division(text, match.start(), match.end()):
                continue  # "吉林市": the city the province's short form begins
            if self._known[match.group(0)] is COUNTRY and (
                BENCHMARK_BEFORE.search(text, max(0, match.start() - 3), match.start())
                # "低于全国平均水平(87.9%)": the country's own value is given, in brackets
                and not AVERAGE_GIVEN.match(text, match.end())
                or _BRACKETED_ALONE.match(text, max(0, match.start() - 1))
            ):
                # "丽水空气质量位居全国前列", "高于全国平均水平": the country is what the place
                # is ranked or compared against; "XX(中国)有限公司": part of a name.
                continue
            found.append((match.start(), match.end(), self._known[match.group(0)]))
            taken.append((match.start(), match.end()))
        for match in (*_LAKE.finditer(text), *_SEA.finditer(text)):
            if not any(a < match.end() and match.start() < b for a, b in taken):
                name = match.group(0)
                found.append((*match.span(), Division("", name, name, "grouping")))
                taken.append(match.span())
        self._named_groupings(text, _GROUPING, _NOT_GROUPING, found, taken)
        self._named_groupings(text, _BASIN, _NOT_BASIN, found, taken, alone=True)
        if self.reference is not None:
            for match in _NEW_AREA.finditer(text):
                city = self.named(_NEW_AREAS[match.group(0)])
                before = text[max(0, match.start() - 10) : match.start()].rstrip("(（ ")
                if city is not None and not any(
                    a < match.end() and match.start() < b for a, b in taken
                ) and not any(end == len(before) for _s, end, _d in self.reference.find_all(before)):
                    found.append((*match.span(), city))
                    taken.append(match.span())
            # First the plain forms, so that 丰宁县 is not read as 宁县 inside it.
            forms, pattern = self._plain_forms()
            for match in pattern.finditer(text) if pattern is not None else ():
                if not any(a < match.end() and match.start() < b for a, b in taken):
                    found.append((match.start(), match.end(), forms[match.group(0)]))
                    taken.append(match.span())
            named = self.reference.find_all(text)
            for start, end, division in self._urban_areas(text, named):
                if not any(a < end and start < b for a, b in taken):
                    found.append((start, end, division))
                    taken.append((start, end))
            for start, end, division in named:
                if text[start:end] != division.name and _NAMED_AFTER_IT.match(text, end):
                    continue  # "黄山镇", "汉中路": a town or a street named after a city
                if _on_a_bank(text, start, end) or COMPANY_AFTER.match(text, end):
                    continue
                if division.name in _EVERYDAY_DISTRICTS or (
                    len(division.name) <= 2 and division.name.endswith("区")
                ):
                    # 城区, 郊区, 矿区, 老城区 ("the old town"): county names that are
                    # everyday words, unless listed with a sibling ("义安区2件、郊区1件": the
                    # 郊区 of the same city) or said right after their city (洛阳市老城区).
                    division = self._listed_sibling(text, start, found, division.name)
                    if division is None:
                        continue
                if not any(a < end and start < b for a, b in taken):
                    found.append((start, end, division))
            found.sort(key=lambda item: item[0])
            return found
        for match in _NAMED.finditer(text):
            stem = match.group(1)
            trimmed = _LEADING_NOISE.sub("", stem)
            start = match.end(1) - len(trimmed)
            if len(trimmed) < 2 or _NOT_NAMES.match(trimmed) or _NOT_IN_NAMES.search(trimmed):
                continue
            if any(a < match.end() and start < b for a, b in taken):
                continue
            name = trimmed + match.group(2)
            level = (
                "prefecture" if match.group(2) in ("市", "州", "盟", "地区", "自治州") else "county"
            )
            found.append((start, match.end(), Division("", name, trimmed, level)))
        found.sort(key=lambda item: item[0])
        return found


_PROVINCE_EN = re.compile(
    r"\b(" + "|".join(re.escape(english) for _c, _n, _s, english in _PROVINCES) + r")\b"
)
_PROVINCE_CODE = {english: code for code, _n, _s, english in _PROVINCES}


def part_named(name):
    """``name`` where it names a part of a city that is no division (a national new area),
    else None."""
    return name if name in _NEW_AREAS else None


def is_sea(division):
    """Whether ``division`` is one of the four seas (see ``_SEA``)."""
    return getattr(division, "level", "") == "grouping" and division.name in _SEAS


def is_lake(division):
    """Whether ``division`` is a great lake's water (see ``_LAKE``)."""
    return getattr(division, "level", "") == "grouping" and division.name in (
        *_LAKES,
        *_LAKES_NAMED_LIKE_PLACES,
    )


def _on_a_bank(text, start, end):
    """Whether the name at ``start:end`` ends a river's, a lake's or a hill's name with a
    direction before a bank or a side ("寇河北岸", "清水湖南岸"): not 河北, 湖南."""
    return bool(start and _BANK_AFTER.match(text, end) and _HAN.match(text, start - 1))


def _chosen_by_province(divisions, text, match):
    """Of divisions sharing one pinyin, the one inside the province named nearest to it in
    the paragraph, or None when no province there holds exactly one of them."""
    named = sorted(
        _PROVINCE_EN.finditer(text),
        key=lambda found: min(abs(found.start() - match.end()), abs(match.start() - found.end())),
    )
    for found in named:
        prefix = _PROVINCE_CODE[found.group(1)][:2]
        inside = [d for d in divisions if getattr(d, "code", "").startswith(prefix)]
        if len(inside) == 1:
            return inside[0]
    return None


def default():
    """The places over the reference gazetteer when it is installed."""
    try:
        from bulletins.gazetteer import Gazetteer
    except ImportError:
        return Places()
    return Places(Gazetteer.load())


_WRAPPED = {}


def wrap(gazetteer):
    """A gazetteer of divisions given by the caller, with the country and groupings added."""
    if isinstance(gazetteer, Places):
        return gazetteer
    if id(gazetteer) not in _WRAPPED:
        _WRAPPED.clear()  # one reference gazetteer at a time
        _WRAPPED[id(gazetteer)] = (gazetteer, Places(gazetteer))
    return _WRAPPED[id(gazetteer)][1]
