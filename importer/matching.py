"""Subject + unit → the catalogue's indicator, with the reason; or a proposed new indicator.

The words that say what a figure measures are its subject (``binding``): the item of an
enumeration first, then the clause before the number. Each catalogue entry is recognised by
its names and aliases (zh and en) and by the general vocabulary of bulletins below (CUES),
and only for a unit of a family the entry is reported in: a concentration is never filed
under a count, a count never under a ratio. Where the subject names several, the word nearest
the number wins, and a word in the item itself beats one in the shared head of the clause.

A figure whose subject names no entry is never guessed: it gets a proposal, a new indicator
named from its clause, with its unit and a category, for the editor to accept or drop.

``Vocabulary`` is built from a catalogue (``indicators.catalogue.Catalogue`` with ``entries``
having code, name_zh, name_en, aliases_zh, aliases_en, category, unit family); without one it
is built from the codes of CUES alone, which is the catalogue the evaluation codes use.
"""

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

import ahocorasick_rs

# Families a value of each code may be reported in, by the kind of indicator.
_RATIO = ("percent", "percentage_point")
_CONC = ("concentration", "percent")
_INDEX = ("dimensionless", "percent")
_COUNT = ("count", "percent")
# A reduction of emissions is a change (or a target for one): no level is one, in % or in
# tonnes ("声功能区达标率100%" beside 氨氮 in the sentence; 排放总量 is a measure of its own).
_REDUCTION = ("reduction", "percent", "percentage_point")

# English 达标 of the readings said by day or by night, the time before or after: "daytime
# readings met (the national) standards", "… met the standards at night".
_MET_STANDARDS_EN = (
    r"\b(?:{when})\b[^.;]{{0,50}}?\b(?:met|meets?|meeting|complied with|complying with|attained)"
    r"\b[^.;]{{0,20}}?\bstandards?\b"
    r"|\b(?:met|meets?|meeting|complied with|complying with|attained)\b[^.;]{{0,20}}?"
    r"\bstandards?\b[^.;]{{0,12}}?\b(?:{when})\b"
)

# The air's two grades with a mark between them, their values given one by one ("优、良天数比例
# 分别为36.1%、60.2%"): each grade's, not the good days'.
_EACH_GRADE = r"(?!优[、和及与]良[^,，;；。\d]*分别)"

# The air's first two grades named by their numerals, the grade's word in brackets or not:
# "达到国家一级(优)和二级(良)的天数", "一、二级天数" are the good days (AQI 0-100).
_GRADES_ONE_AND_TWO = (
    r"(?:一|Ⅰ|I)\s*(?:级\s*(?:[(（]\s*优\s*[)）])?\s*(?:和|及|与|或|、)|、)\s*(?:二|Ⅱ|II)\s*级"
    r"\s*(?:[(（]\s*良\s*[)）])?\s*(?:标准)?的?天数?"
    # …not the two grades' values one by one ("一级和二级天数比例分别为45.1%和53.8%")
    r"(?![^,，;；。\d]*分别)"
)

# (code, families, category, pattern): the general vocabulary of bulletins, zh and en. A code
# absent from the catalogue in use is ignored. Order does not matter: the nearest match wins.
CUES = (
    ("pm25", _CONC, "air", r"PM\s*2\.5|细颗粒物|fine particulate"),
    ("pm10", _CONC, "air", r"PM\s*10|可吸入颗粒物|inhalable particulate"),
    (
        "so2",
        _CONC,
        "air",
        r"(?<!排放)(?:二氧化硫|SO\s*2|SO₂|sulfur dioxide|sulphur dioxide"
        # a copy that lost the subscript ("SO 浓度为12μg/m3")
        r"|(?-i:(?<![A-Za-z])SO(?=\s*(?:的)?(?:浓度|年均|平均|日均|月均))))"
        r"(?!.{0,6}(?:排放|减排))",
    ),
    (
        "no2",
        _CONC,
        "air",
        r"二氧化氮|NO\s*2|NO₂|nitrogen dioxide"
        r"|(?-i:(?<![A-Za-z])NO(?=\s*(?:的)?(?:浓度|年均|平均|日均|月均)))",
    ),
    ("co", _CONC, "air", r"一氧化碳|(?<![A-Za-z])CO(?![A-Za-z2₂D])|carbon monoxide"),
    ("o3", _CONC, "air", r"臭氧|(?<![A-Za-z])O\s*3|O₃|ozone"),
    (
        "air-good-days-ratio",
        _RATIO,
        "air",
        rf"{_EACH_GRADE}优[、和及与]?良(?:级)?的?天数?(?:比例|比率|占比|率)?"
        r"|(?:空气质量)?达标天数(?:比例|比率|占比)"
        r"|达到(?:国家)?二级(?:标准)?的?天数(?:比例|比率|占比)"
        rf"|{_GRADES_ONE_AND_TWO}(?:比例|比率|占比)"
        # the two grades' rate also with a mark between them ("空气质量累计优、良率99.6%")
        rf"|空气(?:质量)?优良|{_EACH_GRADE}优[、和及与]?良率|优良比(?=\s*(?:为|是|达|[:：]|\d))|良好天数|good air|good days"
        r"|days? (?:of|with) good air"
        r"|good or excellent|excellent[\"”]? (?:or|and) [\"“]?good"
        # 优良率 translated ("the air quality … reached an excellent rate of 97.5 percent"),
        # unless the words are about water ("sections … with a 100 percent excellent rate")
        r"|^(?![^.;]*\b(?:water|sections?|rivers?|lakes?|reservoirs?)\b)[^.;]*?"
        r"\b(?:excellent|good)(?:[- ](?:and|or)[- ](?:good|excellent))?(?: air quality)? rate\b",
    ),
    (
        "air-good-days",
        ("days",),
        "air",
        # 达标天数 of a pollutant (PM2.5达标天数, 臭氧达标天数) is that pollutant's
        rf"{_EACH_GRADE}优[、和及与]?良(?:级)?的?天数?|优良$|良好天数|(?<![\dA-Za-z₀-₉氧氮硫碳物])达标天数"
        r"|二级\s*(?:[(（]\s*良\s*[)）])?\s*(?:及|和|或)?以上(?:的)?天数|达到(?:国家)?二级(?:标准)?的?天数"
        rf"|{_GRADES_ONE_AND_TWO}"
        # …counted right after the air met the standard ("全年空气质量达标301天")
        r"|空气(?:质量|品质)(?:均)?达标$"
        r"|days? (?:of|with) good air|good[- ]air(?: quality)? days"
        r"|good or excellent|excellent[\"”]? (?:or|and) [\"“]?good"
        # days counted of good air however said: "301 days had good air quality", "good air
        # quality was recorded on 310 days"
        r"|\bdays? (?:of |with )?good\b|\bgood air\b",
    ),
    (
        "air-excellent-days",
        ("days",),
        "air",
        r"(?:空气质量)?为?优的?天数|[ⅠI一]\s*级\s*(?:[(（]\s*优\s*[)）])?\s*天数?|优级天数"
        # the first grade named with its grade run on ("一级优天数", "达到一级优的天数")
        r"|[ⅠI一]\s*级\s*优(?!良)|(?:^|[^\u4e00-\u9fff]|其中|天气|空气)优(?:为|是|有)?$"
        # the days counted right after the air's grade ("空气质量优41天", "空气品质为优188天")
        r"|(?:空气|环境空气)(?:质量|品质)(?:为|达到)?优$",
    ),
    (
        "heavy-pollution-days",
        ("days",),
        "air",
        r"重(?:度及以上|度以上|度)?污染(?:天(?:数|气)?|$)|重度及以上污染|heav(?:y|ily)(?: air)? pollut"
        r"|severe(?:ly)?(?: air)? pollut",
    ),
    (
        "heavy-pollution-days-ratio",
        _RATIO,
        "air",
        r"重(?:度及以上|度以上)?污染天数?(?:比例|比率|占比)|重度及以上污染天数比例",
    ),
    (
        "exceedance-days-ratio",
        _RATIO,
        "air",
        r"超标天数?(?:比例|比率)|(?<![度重])污染天数比例|超标率|(?<![度重])污染率"
        # "21.2% of days saw air quality worse than the new standard"
        r"|\bdays?\b[^.;]{0,40}?\bworse than (?:the )?(?:new |national )?(?:air quality )?standard",
    ),
    (
        "air-quality-composite-index",
        _INDEX,
        "air",
        r"(?:空气质量|环境质量)?综合(?:环境|空气)?(?:质量)?指数",
    ),
    ("acid-rain-frequency", _RATIO, "air", r"酸雨(?:频率|发生率|率)|acid rain"),
    (
        "precipitation-ph",
        ("dimensionless",),
        "air",
        r"降水\s*pH|pH\s*(?:年)?(?:均值|平均值)|(?<![A-Za-z])pH",
    ),
    ("dust-fall", ("deposition",), "air", r"降尘"),
    (
        "water-good-sections-ratio",
        _RATIO,
        "water",
        # classes up to Ⅲ counted together ("Ⅱ类水质断面20个、Ⅲ类2个,占95.7%"), none worse
        r"(?:Ⅰ|Ⅱ|(?<![IV])I{1,2})\s*类(?:(?!Ⅳ|Ⅴ|IV|V\s*类|劣)[^;；。]){0,30}?(?:Ⅲ|III)\s*类"
        r"(?![^;；。]*(?:Ⅳ|Ⅴ|IV|V\s*类|劣))|"
        # …the range also without 类 where the water is named after it ("Ⅰ-Ⅲ水质达标率")
        r"(?:Ⅰ|Ⅱ|I{1,2})\s*类?\s*[～~\-—–至]\s*(?:Ⅲ|I{1,3})\s*(?:类|(?=水质|水体|断面))|(?:好于|优于|达到或好于|达到或优于|满足|达到|符合)\s*(?:Ⅲ|III)\s*类|(?:Ⅲ|III)\s*类(?:及)?以上|优良水体|水质优良|优良断面|good water(?: quality)?"
        r"|(?:Class|Grade|category) III(?: standards?| water quality| level)? or (?:better|above|higher)"
        # English classes up to III, however the range is written ("Class I ~ III", "Grades
        # I to III"), and sections said to meet class III ("met or exceeded the class III …")
        r"|(?:Class|Grade|category)(?:es|s)?\s+[IⅠ]\s*(?:[-~～–—]|to)\s*(?:III\b|Ⅲ)"
        r"|\b(?:meet|meets|met|meeting|reach|reached|reaching)\s+or\s+(?:exceed|exceeded|exceeding|"
        r"surpass|surpassed|better)\s+(?:than\s+)?(?:the\s+)?(?:Class|Grade|category)\s+III\b",
    ),
    (
        "water-inferior-v-ratio",
        _RATIO,
        "water",
        r"劣\s*[ⅤV五]\s*类|劣于\s*[ⅤV]\s*类|worse than Grade V|inferior (?:Class|Grade|category) V"
        # a copy that lost the numeral ("劣类断面比例为1.8%"): only Ⅴ has a class worse than it
        r"|劣\s*类(?=\s*(?:水质|水体|断面|点位))",
    ),
    (
        "drinking-water-compliance",
        _RATIO,
        "water",
        # …also said before the sources ("Ⅰ~Ⅲ类达标水质水源地34个,比例为97.1%")
        r"(?:饮用水|水源地|水源).{0,16}达标|(?<![不未])达标(?:水质)?(?:饮用水)?水源地?|drinking water"
        # …or as a bare rate closing the sentence that named them ("…饮用水水源地水质均达到
        # Ⅲ类标准,水质达标率为100%"): a clause of the rate alone is of the sentence's subject
        r"|(?:饮用水|水源地)[^;；。]*[,，]\s*(?:水质)?达标率",
    ),
    (
        # "各集中式饮用水水源地水质达到或优于Ⅲ类水比例为100%": the sources' good share
        "drinking-water-good-ratio",
        _RATIO,
        "water",
        r"水源地?[^,，;；。\d]{0,10}?(?:优良|达到或优于\s*(?:Ⅲ|III|三)\s*类"
        r"|[ⅠI]\s*[～~\-—–至]\s*(?:Ⅲ|III)\s*类|(?:Ⅲ|III|三)类(?:及)?以上)"
        # …also said before the sources ("Ⅰ~Ⅲ类优良水质水源地31个,比例为96.9%")
        r"|(?:[ⅠI]\s*[～~\-—–至]\s*(?:Ⅲ|III)\s*类)?优良水质?(?:饮用水)?水源地",
    ),
    (
        "groundwater-good-ratio",
        _RATIO,
        "water",
        r"地下水.{0,20}(?:良好|[ⅠI]\s*[～~\-—–至]\s*[ⅣI]{1,3}|较好)",
    ),
    (
        "coastal-good-water-ratio",
        _RATIO,
        "water",
        r"(?:近岸海域|海水|近海).{0,20}(?:优良|一、二类|[一二]类)",
    ),
    (
        "noise-day",
        ("sound_level",),
        "noise",
        r"(?:区域|城市)?(?:声环境|环境噪声)?.{0,6}昼间[^;；。]{0,20}?(?:等效声级|声级|平均值|均值|噪声|Leq|L\s*d\b)"
        # English says the time of day after the number ("54.2 decibels during the day")
        r"|(?:noise|sound)\b[^.;]{0,60}?\b(?:during the day|in the daytime|by day|daytime)",
    ),
    (
        "noise-night",
        ("sound_level",),
        "noise",
        r"(?:区域|城市)?(?:声环境|环境噪声)?.{0,6}夜间[^;；。]{0,20}?(?:等效声级|声级|平均值|均值|噪声|Leq|L\s*n\b)"
        r"|(?:noise|sound)\b[^.;]{0,60}?\b(?:at night|during the night|night-?time)",
    ),
    (
        "noise-traffic-day",
        ("sound_level",),
        "noise",
        r"(?:道路)?交通.{0,10}(?:噪声|声级)|交通声环境(?!监测)|交通[^;；。]{0,40}?等效声级",
    ),
    (
        "noise-functional-compliance-day",
        _RATIO,
        "noise",
        # a day's words never run on past the night's ("…昼间达标率分别为…,夜间达标率分别为…")
        r"昼间[^夜]{0,10}达标率?|达标率.{0,4}昼间|(?<!夜)昼(?!夜).{0,4}达标"
        # "93.6 percent of the daytime measurements complied with the standards"
        r"|"
        + _MET_STANDARDS_EN.format(when=r"daytime|day-time|during the day|in the daytime|by day"),
    ),
    (
        "noise-functional-compliance-night",
        _RATIO,
        "noise",
        r"夜间[^昼]{0,10}达标率?|达标率.{0,4}夜间|(?<!昼)夜(?!间昼).{0,4}达标"
        r"|" + _MET_STANDARDS_EN.format(when=r"at night|night-?time|during the night"),
    ),
    ("eco-index", _INDEX, "ecology", r"生态环境状况指数|(?<![A-Za-z])EI(?![A-Za-z])|生态环境指数"),
    ("forest-cover", _RATIO, "ecology", r"森林覆盖率|forest cover"),
    ("green-cover-built-up", _RATIO, "ecology", r"绿化覆盖率"),
    ("wetland-protection-ratio", _RATIO, "ecology", r"湿地保护率"),
    ("nature-reserve-area", ("area",), "ecology", r"自然保护(?:地|区)"),
    ("cod-reduction", _REDUCTION, "emissions", r"化学需氧量|(?<![A-Za-z])COD"),
    ("nh3n-reduction", _REDUCTION, "emissions", r"氨氮"),
    ("nox-reduction", _REDUCTION, "emissions", r"氮氧化物|NOx"),
    ("voc-reduction", _REDUCTION, "emissions", r"挥发性有机物|VOCs?"),
    (
        "so2-emission-reduction",
        _REDUCTION,
        "emissions",
        r"二氧化硫.{0,6}(?:排放|减排)",
    ),
    (
        "carbon-intensity-reduction",
        ("percent", "percentage_point"),
        "climate",
        r"单位(?:GDP|国内生产总值|地区生产总值).{0,4}(?:二氧化碳|碳)排放|碳排放强度|carbon intensity",
    ),
    (
        "energy-intensity-reduction",
        ("percent", "percentage_point"),
        "climate",
        r"单位(?:GDP|国内生产总值|地区生产总值).{0,4}(?:能耗|能源消耗)|能耗强度|energy intensity",
    ),
    (
        "energy-consumption",
        ("coal_equivalent", "percent"),
        "climate",
        r"能源消费总量|能源消费量|energy consumption",
    ),
    (
        "renewable-capacity",
        ("power", "percent"),
        "climate",
        r"(?:可再生能源|新能源|清洁能源|风电|光伏|太阳能).{0,10}装机",
    ),
    ("solid-waste-generated", ("mass", "percent"), "waste", r"一般工业固体废物.{0,6}产生"),
    ("solid-waste-utilisation-ratio", _RATIO, "waste", r"(?:固体废物|固废).{0,10}综合利用率"),
    ("hazardous-waste", ("mass", "percent"), "waste", r"危险废物"),
    ("medical-waste", ("mass", "percent"), "waste", r"医疗废物"),
    ("radiation-dose-rate", ("dose_rate",), "radiation", r"γ\s*辐射|辐射(?:空气吸收)?剂量率"),
    (
        "enforcement-cases",
        _COUNT,
        "enforcement",
        r"(?:行政)?处罚(?:案件|决定书?)|立案(?:查处)?|被(?:处)?罚(?:单位|企业)|查处.{0,6}(?:案件|违法)|下达.{0,6}处罚|环境违法案件|违法行为|处罚.{0,4}起|enforcement cases",
    ),
    ("fines", ("money", "percent"), "enforcement", r"罚款|罚没|处罚金额|处罚额|罚金|fines?"),
    ("seizure-cases", _COUNT, "enforcement", r"查封|扣押"),
    ("production-restriction-cases", _COUNT, "enforcement", r"限产|停产|限制生产"),
    ("detention-referrals", _COUNT, "enforcement", r"(?:行政)?拘留"),
    (
        "pollution-crime-cases",
        _COUNT,
        "enforcement",
        r"(?:环境)?污染犯罪|涉嫌(?:环境)?犯罪|涉嫌污染环境罪|移送.{0,4}公安",
    ),
    (
        "inspections",
        ("count",),
        "enforcement",
        r"检查(?:企业|单位|点位)|执法检查|检查.{0,4}家次",
    ),
    (
        "petitions",
        _COUNT,
        "petitions",
        # "本月接到的举报中,已受理38228件": what was accepted is the catalogue's own measure
        # (受理信访投诉举报), also said as a part of what was received
        r"信访|投诉|举报|来信|来访|complaints?|petitions?|(?<![未不予])受理$",
    ),
    (
        "petitions-resolved-ratio",
        _RATIO,
        "petitions",
        # "received 1,215 complaints, 98 percent of which were resolved"
        r"办结率|按期办结|办理率|\bof (?:which|them|these) (?:were|have been|had been) "
        r"(?:resolved|settled|closed)",
    ),
    ("public-satisfaction", ("percent", "score"), "petitions", r"满意度|满意率"),
    (
        "env-investment",
        ("money", "percent"),
        "money",
        r"环保投资|环境保护投资|生态环境(?:保护)?资金|治理投资",
    ),
    # The seed catalogue's own codes (kept valid by the reference catalogue).
    (
        "contaminated-farmland-safe-use-rate",
        _RATIO,
        "soil",
        r"(?:受污染)?(?:耕地|农用地)(?:土壤)?安全利用",
    ),
    ("construction-land-safe-use-rate", _RATIO, "soil", r"建设用地安全利用"),
    ("afforestation", ("area", "percent"), "ecology", r"造林|植树"),
)
# The vocabulary of work reports, what a bureau did (boilers phased out, outfalls treated,
# petitions transferred, staff recruited…), for the catalogue's entries of that kind in the
# unit family the catalogue gives each: (code, pattern, pattern the sentence must also hold or
# None). General wording only: a phrase one document coins is matched through the catalogue's
# own names and aliases, not written here (tests/importer/test_import_vocabulary.py).
WORK = (
    ("coal-boilers-eliminated", r"淘汰.{0,30}锅炉|锅炉.{0,6}淘汰", None),
    ("ultra-low-emission-power-units", r"超低排放|火电机组", None),
    ("heating-companies-inspected", r"供热企业", None),
    ("coal-boiler-companies-inspected", r"锅炉企业", None),
    ("voc-treatment-companies", r"挥发性有机物|VOCs?", None),
    ("sections-meeting-targets", r"断面.{0,12}(?:达到|完成)考核", None),
    # class Ⅲ or better, not class Ⅲ alone ("其中Ⅱ类水质46个,Ⅲ类水质9个" counts one class)
    (
        "sections-class-iii-or-better",
        r"(?:达到|优于|好于|符合|满足)\s*(?:Ⅲ|III|三)\s*类|(?:Ⅲ|III|三)\s*类(?:水质)?(?:及|或)(?:以上|更好)"
        r"|(?:Ⅰ|I)\s*类?\s*[～~\-—–至]\s*(?:Ⅲ|III)\s*类",
        None,
    ),
    # sections lifted out of the worst class, not those still in it ("水质改善不明显的劣Ⅴ类国控断面
    # 共计46个"): a count of those is no elimination
    (
        "inferior-v-sections-eliminated",
        r"劣[五Ⅴ V]类|消除劣",
        r"消除|退出|摆脱|消灭|清除|减少|削减|销号|eliminat|lifted",
    ),
    ("black-odorous-water-eliminated", r"黑臭水体", None),
    ("water-sources-surveyed", r"水源地", None),
    ("water-projects-completed", r"项目.{0,6}(?:完成|治理)", r"水|流域|河"),
    ("beautiful-rivers-lakes", r"美丽河湖", None),
    ("soil-responsibility-agreements", r"土壤污染.{0,10}(?:单位|责任书)", None),
    ("cropland-returned", r"退耕", None),
    ("mine-restoration", r"矿山", None),
    ("ecological-red-line-area", r"生态保护红线|红线", None),
    ("environmental-control-units", r"管控单元", None),
    ("green-shield-issues-rectified", r"绿盾", None),
    ("zero-waste-cells", r"无废城市细胞|无废\S{0,4}细胞", None),
    ("zero-waste-forest-farms", r"林场", None),
    ("sewer-network-added", r"新增(?:排水|污水)?管网", None),
    ("sewer-network-renovated", r"改造(?:排水|污水)?管网", None),
    ("sewage-mains-built", r"污水干管|污水管网", None),
    ("outfalls-treated", r"排污口|入河排(?:污)?口|排放口|排水口", None),
    ("sewage-plants-built", r"(?:新建|扩建|提标).{0,8}污水处理厂", None),
    ("sewage-plants", r"污水处理厂", None),
    ("sewage-treatment-capacity", r"设计能力|处理能力", None),
    ("towns-full-sewage-collection", r"乡镇|街道", r"污水"),
    ("towns-sewage-facilities-completed", r"建制镇|万人以上乡镇", None),
    ("villages-sewage-treated", r"行政村|村庄", r"污水"),
    ("smart-charging-lines", r"充电(?:桩|站|设施|车位|系统)|充换电", None),
    ("investment-completed", r"完成投资|投资", None),
    ("funding-secured", r"资金|争取|债券", None),
    ("funded-projects", r"项目", r"资金|债券"),
    ("enforcement-cases-filed", r"立案", None),
    ("penalty-decisions", r"下达(?:行政)?处罚|处罚决定", None),
    ("five-category-cases", r"五类案件", None),
    ("four-documents-served-rate", r"送达", None),
    ("eco-damage-cases", r"损害赔偿", None),
    ("eco-damage-amount", r"损害数额|赔偿金额|损害赔偿.{0,10}金额", None),
    ("auto-monitoring-companies", r"企业", r"自动监控|在线监控"),
    ("auto-monitoring-devices", r"自动监控设施|在线监控设施|监控设施", None),
    ("inspection-issues", r"问题", r"督察|巡视|检查|反馈"),
    ("inspection-issues-rectified", r"完成整改|整改完成|已整改", None),
    ("inspection-issues-on-schedule", r"序时进度", None),
    ("inspection-tasks-completed", r"任务", r"督察|整改"),
    (
        "petitions-transferred",
        # the whole noun, so that 信访举报件 within it is no nearer the number
        # …a batch and its hours between them ("转办第二十一批11月19日8时至20时的群众信访举报件")
        r"(?:交办|转办|移交|转交)(?:[^,，;；。\d]|\d{1,2}[月日时])"
        r"{0,30}?(?:信访|举报|投诉)(?:举报|投诉)?(?:件|问题|案件)?"
        # "累计交办2575件": the verb alone before its count
        r"|(?:累计|共|合计)(?:交办|转办)(?=\s*\d|\s*$)"
        # an inspection's batch is a batch transferred, its places' shares of it too
        # ("第二十一批举报件中,按地区分布为:长沙市22件"), not its kinds' (a table's columns)
        r"|第[^,，;；。]{1,6}?批[^,，;；。\d]{0,6}?(?:信访|举报|投诉)(?:举报|投诉)?(?:件|案件)中",
        None,
    ),
    # not what was left undone ("未按期办结", "尚未办结")
    (
        "petitions-resolved",
        r"(?<!阶段性)(?<!未)(?<!未按期)(?<!未按时)(?<!没有)办结|已办结|全部办结",
        None,
    ),
    ("petitions-partially-resolved", r"阶段性办结", None),
    ("inspection-letters", r"提示函|督办函|预警函|函", None),
    ("inspection-work-sessions", r"研究推动|调度|会议", None),
    ("media-reports", r"报道|刊发|刊载", None),
    ("livestream-views", r"观看|浏览量|点击量|直播", None),
    ("information-releases", r"(?:发布|公开).{0,20}信息|信息.{0,4}(?:发布|公开)", None),
    ("permit-applicants-assisted", r"排污许可", None),
    ("permit-time-share", r"办结时限|法定时限|法定", None),
    ("eia-pilot-parks", r"园区|开发区|工业园", None),
    ("eia-commitment-parks-share", r"园区.{0,20}(?:占|比例)|审批(?:制度)?改革|环评审批", None),
    ("air-monitoring-stations", r"空气(?:质量)?(?:自动)?监测站", None),
    ("water-monitoring-stations", r"水质(?:自动)?监测站", None),
    ("enforcement-equipment-added", r"执法装备|装备", None),
    ("monitoring-labs-upgraded", r"实验室", None),
    ("enforcement-teams-established", r"执法队伍|执法(?:支队|大队)", None),
    ("staff-recruited", r"考录|招录|公务员|事业单位|事业编制", None),
    ("cadres-appointed", r"干部|任用", None),
    ("rank-promotions", r"职级|晋级|提拔", None),
    ("party-study-sessions", r"研讨|学习|培训|讲座|党课", None),
    ("key-problems-solved", r"攻坚难题|难题", None),
    ("misconduct-tasks-completed", r"腐败|作风问题|整治任务", None),
    ("public-service-items-completed", r"办实事|实事", None),
    ("annual-tasks-completed", r"工作任务|重点任务|年度(?:考核)?任务|考核任务", None),
    ("listed-achievements", r"上榜|入选|获评", None),
    ("advanced-collectives", r"先进集体|部门", r"先进|荣获|表彰"),
    ("advanced-workers", r"先进工作者|同志", r"先进|荣获|表彰"),
    ("reform-tasks", r"改革任务", None),
    # the share of good-air days above the country's: not a water share's (…水质比例96.5%,比
    # 全国平均水平高21.6个百分点)
    (
        "air-good-days-ratio-above-national",
        r"优于全国|高于全国|全国平均",
        r"空气|优良天数|达标天数|天数比例",
    ),
    ("air-quality-standard-rate", r"空气质量达标率|环境空气质量达标", None),
)
# Entries that need more than their name: (what the sentence must say, what the figure's own
# words must not say, what the sentence must not say). A region-wide noise level is said of
# the region (区域, 全市…), not of one monitoring point or of the roads; the number of
# petitions is their total, not one channel's, one kind's or one state's (电话举报12222件,
# 涉气类信访37起, 未受理0件 are breakdowns: a new indicator if wanted); a case count is not
# the police's (立案侦查) nor one category's (按日连续处罚); a bare "pH" is of rain only
# where the sentence is not about water.
_PETITION_BREAKDOWN = (
    r"电话|来电|微信|网络|网上|网民|留言|来信|来访|信函|电子邮件|邮件|热线|专席|12345|"
    r"转办|交办|信息系统|大气|涉气|水污染|涉水|噪声|涉噪|固废|固体废物|辐射|土壤|生态破坏|"
    r"工业|建筑|餐饮|油烟|污染类|类信访|类投诉|类举报|其他|占|涉及|未受理|不受理|不予受理|受理中|"
    r"办理中|正在办理|已办结|办结|未办理|未办结|待办理|在办|"
    # English: a channel, a kind, a state, or reports that are no complaints at all ("the
    # ministry released 12 reports", "media reports", "EIA reports")
    r"WeChat|hotline|phone|online|letters|visits|about (?:air|noise|water|soil|solid|odou?r|smoke)|"
    r"resolved|released|published|issued|media|news|EIA|assessment|monitoring"
)
_WATER_WORDS = r"水质|断面|水体|点位|水源"
# A level of noise said of a whole area, not of one point or road
_AREA_WORDS = (
    r"区域|城市|全市|全区|全县|全省|全国|平均|(?i:\b(?:area|urban|city|regional|average)\b)"
)
_ZONE_CLASS = r"功能区|(?<![\d.])[0-4]\s*[ab]?\s*类"
_LAKES = r"(?:湖\s*[(（]\s*库|湖库|湖泊|水库)"
_GOOD_LAKES = r"水质优良[^,，;；。\d]{0,12}湖库个数占比"
REQUIRES = {
    # the count of sections at Ⅲ or better is of the nation's; a province's or a city's own
    # sections ("51个省控断面水质达到或优于Ⅲ类") are a count of their own
    "sections-class-iii-or-better": (
        None,
        None,
        r"^(?!.*(?:国控|国考|国家考核)).*(?:省控|市控|省考|市考|省级考核|市级考核)",
    ),
    # …and not of a functional zone's class (a row "1类区" of a table of zones)
    "noise-day": (_AREA_WORDS, _ZONE_CLASS, r"交通(?!.*区域)|(?i:traffic|road)"),
    "noise-night": (_AREA_WORDS, _ZONE_CLASS, r"交通(?!.*区域)|(?i:traffic|road)"),
    # …unless it is said as the whole ("12369热线共受理投诉举报1520件", "共受理来电、来信等渠道
    # 举报"); one channel's total stays one channel's ("平台共录入电话举报35351件")
    "petitions": (
        None,
        rf"(?:{_PETITION_BREAKDOWN})(?![^,，;；。]*(?:共|总计|合计|累计|等))",
        None,
    ),
    # the share of cities meeting the standard ("218个城市环境空气质量达标,占64.3%", 达标城市
    # 比例) is not a city's own rate
    # …nor the share of days counted just before ("达标天数为352天,达标率为96.2%"): the
    # good days' share
    "air-quality-standard-rate": (
        None,
        None,
        r"\d+\s*个[^,，;；。]{0,12}(?:环境)?空气质量(?:均)?达标|达标(?:城市|县|区)"
        r"|达标天数[^;；。]{0,16}?\d+\s*天|达标\s*\d+\s*天?\s*[,，]?\s*达标率",
    ),
    # lakes and reservoirs counted ("210个重点湖(库)中,Ⅰ-Ⅲ类水质优良个数…") are not sections,
    # though the share of their water at good quality is ("湖库水质优良率为62.5%"), not that of
    # lakes counted ("Ⅰ-Ⅲ类水质湖库比例")
    # …nor groundwater's wells (its good share is Ⅰ~Ⅳ: "地下水…水质达Ⅲ类以上标准的占78.5%")
    "water-good-sections-ratio": (
        None,
        None,
        # …nor drinking-water sources (their good share is drinking-water-good-ratio)
        rf"^(?!.*断面)(?:.*(?:地下水|监测井|groundwater|水源地)"
        # …but the share of lakes whose water is good is ("水质优良(Ⅰ—Ⅲ类)湖库个数占比82.1%")
        rf"|(?!.*{_GOOD_LAKES}).*(?:\d\s*[个座][^,，;；。]{{0,8}}{_LAKES}"
        rf"|{_LAKES}[^,，;；。]{{0,16}}(?:个数|\d+\s*[个座])|{_LAKES}\s*的?\s*(?:比例|占比|数量?)))",
    ),
    # what was generated is not what was disposed of ("医疗废物产生量为69.7万吨")
    "medical-waste": (None, r"产生", None),
    # an average fine per case is not the fines' total ("案件平均罚款金额8.8万元")
    "fines": (None, r"平均|均罚|每件|单件|件均", None),
    # …nor a selection of them (查处典型案件21件), nor the cases of the five categories of
    # the law's supporting measures (查处五类案件3243件), an entry of their own
    "enforcement-cases": (None, r"侦查|按日|典型|五类|配套办法", None),
    "enforcement-cases-filed": (None, r"侦查", None),
    # detentions are referred to the police too ("4起案件适用行政拘留移送公安机关")
    "pollution-crime-cases": (None, r"^(?!.*犯罪).*拘留", None),
    # …nor a statistical level (L10, L50, L90: exceeded a tenth, half, nine tenths of the time)
    # …nor a functional zone's, its class described by the roads it lines ("4类区(交通干线两侧)")
    "noise-traffic-day": (
        None,
        rf"夜间|(?i:night)|(?<![A-Za-z\d])L\s*(?:10|50|90)(?!\d)|{_ZONE_CLASS}",
        None,
    ),
    # the share of road sections meeting the standard ("昼间达标路段…占总路段数的98.2%") is
    # traffic noise, not a functional zone's compliance
    "noise-functional-compliance-day": (None, r"路段|干线|道路|交通", None),
    "noise-functional-compliance-night": (None, r"路段|干线|道路|交通", None),
    # 化学需氧量、氨氮、二氧化硫…排放总量分别下降: emissions, not the concentration
    "so2": (
        None,
        None,
        r"^(?:.*[;；])?(?![^;；]*(?:浓度|concentration))[^;；]*(?:排放|减排|emission)",
    ),
    # 重度污染 of water ("劣Ⅴ类重度污染水质点位1个,比例为1.5%") is a class, not days of the AQI
    # "其他湖库的水质优良率为40.0%": a share of good water is never the air's good days
    "air-good-days-ratio": (None, r"水质|水体|断面|湖库|水源|地表水|水环境", None),
    "heavy-pollution-days": (None, _WATER_WORDS, None),
    "heavy-pollution-days-ratio": (None, _WATER_WORDS, None),
    # a share of days of one grade (轻度污染天数比例) is not of all days over the standard
    "exceedance-days-ratio": (
        None,
        r"(?:轻度|中度|重度|严重|重)污染",
        r"路段|声环境|噪声|断面|水质",
    ),
    # the share of cities with acid rain ("in 19.8% of the monitored cities", 酸雨城市比例) is
    # a share of places, not how often it rained acid
    "acid-rain-frequency": (
        None,
        r"(?i:\bof (?:the )?(?:monitored )?cities)|城市(?:比例|占)",
        None,
    ),
    "precipitation-ph": (
        None,
        None,
        r"^(?!.*(?:降水|酸雨|雨水|precipitation|rain)).*(?:水质|断面|溶解氧|高锰酸盐|氨氮|mg/L)",
    ),
}
# Grades of the AQI said before a name that covers several ("轻度污染天数比例" holds
# 污染天数比例, "严重污染天数比例" holds 重污染天数比例): the grade alone, a new indicator.
_GRADED = {
    "exceedance-days-ratio": re.compile(r"(?:轻度|中度|重度|严重|重)$"),
    "heavy-pollution-days-ratio": re.compile(r"严$"),
    "heavy-pollution-days": re.compile(r"严$"),
}


# Days of a kind and the share of all days they make.
SHARES = {
    "air-good-days": "air-good-days-ratio",
    "heavy-pollution-days": "heavy-pollution-days-ratio",
}
_OWN_MEASURE = re.compile(r"率|比例|比率|占比|指数|声级|\b(?:rate|ratio|index)\b", re.I)
_SEMICOLON_CLAUSES = re.compile(r"[;；]")
# One water class named on its own, not as the end of a range (Ⅰ~Ⅲ类) nor as a bound
# (Ⅲ类及以上, 优于Ⅲ类)
_ONE_CLASS = re.compile(
    r"(?<![ⅠⅡⅢⅣⅤIV~～\-—–至于到合足\s])\s*(?:Ⅰ|Ⅱ|Ⅲ|Ⅳ|Ⅴ|I{1,3}|IV|V)\s*类(?!\s*(?:及|或)?以上)"
)
_SHARE_SAID = re.compile(r"accounted for|accounts? for|made up|makes? up|占")
# A pollutant's concentration in its own words, no share of it after ("PM10平均浓度同比上升",
# not "O3超标率", "臭氧超标天数占…"): what a change in 个百分点 may be of, by a writer's slip.
_CONCENTRATION_SAID = re.compile(r"[^,，;；。]{0,16}?浓度(?![^,，;；。]*(?:率|比例|占比|超标))")
# A change in days of a share ("优良率为96.4%,同比增加11天") is a change of the days it is
# the share of: a share moves in points, days in days.
_DAYS_OF_SHARE = {share: days for days, share in SHARES.items()}


# How far a measure is from its target ("距离年目标值差85天", "距年度目标还差3个百分点").
TARGET_GAP = re.compile(r"(?:距|离)[^,，;；。]{0,12}目标[^,，;；。]{0,4}?(?:还)?(?:相)?差")
# What is left of an allowance ("年剩余日控制值为56μg/m3": what the days still to come may
# average) is a target of its own, not the year's target of the measure.
_ALLOWANCE_LEFT = re.compile(r"剩余[^,，;；。]{0,6}(?:控制值|额度)")


# A count of firms (家) is a count of cases only where its own words say the firms were dealt
# with ("立案处罚环境违法企业615家", "查处…企业1.2万家").
_CASE_COUNTS = frozenset({"enforcement-cases", "enforcement-cases-filed", "penalty-decisions"})
_FIRMS = frozenset({"家", "家次", "户"})
_PEOPLE = frozenset({"人", "名"})
_DEALT = re.compile(r"处罚|查处|立案|罚款|处理|下达")


# A measure narrowed to what one cause made of it ("由沙尘天气导致的超标天数比例", "因秸秆焚烧
# 造成的重污染天数"): a part of the catalogue's measure, a new indicator if wanted.
_CAUSED_BY = re.compile(
    r"(?:由|因|由于)[^,，;；。:：]{1,16}?(?:导致|造成|引起|引发|所致)的[^,，;；。:：\d]{0,6}$"
)

# Days graded by the AQI, of all pollutants together; one pollutant's days said right before
# the measure ("以臭氧为首要污染物的超标天数比例", "PM2.5达标天数") are a part of them.
_DAYS_OF_ALL_POLLUTANTS = frozenset(
    {
        "air-good-days",
        "air-good-days-ratio",
        "air-excellent-days",
        "exceedance-days-ratio",
        "heavy-pollution-days",
        "heavy-pollution-days-ratio",
    }
)
_ONE_POLLUTANT_BEFORE = re.compile(
    r"(?:PM\s*2\.5|PM\s*10|臭氧|(?<![A-Za-z])O\s*3|O₃|二氧化氮|二氧化硫|一氧化碳|细颗粒物|可吸入颗粒物)"
    r"\s*(?:为首要污染物的?|的)?\s*$"
)
_ONE_POLLUTANTS_DAYS = re.compile(
    _ONE_POLLUTANT_BEFORE.pattern.rstrip("$") + r"(?:优良|达标|超标|污染|重度|重污染|优)"
)
_CAUSED_BY_SAID = re.compile(r"(?:由|因|由于)[^,，;；。:：]{1,16}?(?:导致|造成|引起|引发|所致)的")


def _graded(code, text, start):
    grade = _GRADED.get(code)
    return bool(grade and grade.search(text, max(0, start - 2), start))


# Totals: a figure said as a part of one ("其中省住建部门接到151个") is a breakdown, unless
# its words are the total's measure itself: what was accepted (受理) of what was received.
TOTALS = frozenset({"petitions", "enforcement-cases"})
_WHOLE_MEASURE = re.compile(r"受理$")
_REQUIRES = {
    code: tuple(re.compile(p) if p else None for p in patterns)
    for code, patterns in REQUIRES.items()
}
_REQUIRES.update(
    (code, (re.compile(need), None, None)) for code, _pattern, need in WORK if need is not None
)
_COMPILED = tuple(
    (code, families, category, re.compile(pattern, re.IGNORECASE))
    for code, families, category, pattern in CUES
)
# A change of a concentration, count or index is written in %; of a ratio in 个百分点.
_CHANGE_FAMILIES = {
    "percent",
    "percentage_point",
    "days",
    "dimensionless",
    "sound_level",
    "concentration",
    "count",
    "money",
    "mass",
}


def _required(code, item, head):
    """1 unless the entry's REQUIRES say this subject cannot be it."""
    need, refuse, refuse_sentence = _REQUIRES.get(code, (None, None, None))
    if need is not None and not need.search(f"{head} {item}"):
        return 0
    if refuse is not None and refuse.search(item):
        return 0
    if refuse_sentence is not None and refuse_sentence.search(f"{head} {item}"):
        return 0
    return 1


def _part_named_in_head(code, words):
    """Whether a total's name found in the shared head is said of one part of it (the refusal
    REQUIRES gives the figure's own words, read on the head up to the name)."""
    refuse = _REQUIRES.get(code, (None, None, None))[1] if code in TOTALS else None
    return bool(refuse and refuse.search(words))


def _inside_a_word(text, start, end):
    """Whether a Latin name found at start:end is part of a longer Latin word."""
    before = text[start - 1 : start]
    after = text[end : end + 1]
    return bool(
        (text[start : start + 1].isascii() and before.isascii() and before.isalpha())
        or (text[end - 1 : end].isascii() and after.isascii() and after.isalpha())
    )


class _Found:
    """A name found in a subject, shaped like a regex match for the scoring."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start, end, text):
        self._start, self._end, self._text = start, end, text

    def start(self):
        return self._start

    def end(self):
        return self._end

    def group(self, _index=0):
        return self._text


@dataclass(frozen=True)
class Entry:
    code: str
    name: str
    families: tuple
    category: str
    names: tuple = ()  # names and aliases, found as written (case aside)
    cues: tuple = ()  # compiled patterns of CUES
    in_database: bool = False  # an indicator the editors keep, not a reference entry only
    unit: str = ""  # the catalogue's unit code ("case"), where it gives one
    # the percentile the entry's statistic is (臭氧日最大8小时平均第90百分位浓度: 90), if any
    percentile: int | None = None


# A percentile said of a concentration: "第98百分位", "百分位(98%)", "98th percentile".
_PERCENTILE = re.compile(
    r"第?\s*(\d{2})\s*[%％]?\s*百分位|百分位数?\s*[(（]\s*(\d{2})\s*[%％]?\s*[)）]"
    r"|(\d{2})(?:th)?[- ]?per(?:centile|\b)",
    re.I,
)


def percentile(text):
    """The percentile ``text`` names (an int), or None."""
    found = _PERCENTILE.search(text or "")
    return int(next(g for g in found.groups() if g)) if found else None


@dataclass(frozen=True)
class Match:
    code: str | None
    reason: str
    proposed: tuple | None = None  # (name, unit, category)


# A region's equivalent sound level said without day or night is the day's: the routine
# monitoring of area noise is by day (HJ 640-2012), the night's is measured now and then and
# said so. Only the standard's measure (等效声级, Leq) or the regional survey's own name for it:
# the built-up area's area noise is that measure, however its value is named ("建成区区域环境
# 噪声年均值为56.7分贝", "全市区域环境噪声平均值为54.5分贝"): the built-up area is where the
# standard's grid is laid. A looser "噪声平均值" of no area stays a proposal.
_AREA_NOISE = re.compile(r"等效声级|Leq|区域环境噪声|区域声环境", re.I)
_NOT_AREA_BY_DAY = re.compile(r"夜|交通|道路|干线|功能区|\d\s*a?\s*类区|厂界|敏感|施工|铁路|机场")


class Vocabulary:
    """What recognises each entry of a catalogue in a subject.

    The names and aliases of all entries are one alternation (longest first), so a subject is
    scanned once for them whatever the size of the catalogue; the cues are a few dozen patterns.
    """

    def __init__(self, entries):
        self.entries = tuple(entries)
        self._by_name = {}
        for entry in self.entries:
            for name in entry.names:
                self._by_name.setdefault(name.lower(), []).append(entry)
        self._name_list = list(self._by_name)
        self._names = (
            ahocorasick_rs.AhoCorasick(
                self._name_list, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest
            )
            if self._name_list
            else None
        )
        self._cued = [(entry, cue) for entry in self.entries for cue in entry.cues]
        self._cued_by_fit = {}
        self._any_kept = any(entry.in_database for entry in self.entries)
        # a catalogue that states its percentiles (without names, as CUES alone, none is known)
        self._any_percentile = any(entry.percentile for entry in self.entries)
        # The words of each English name, for a figure whose clause says them in other forms.
        self._english = [
            (entry, words)
            for entry in self.entries
            for name in entry.names
            if _ENGLISH_NAME.fullmatch(name) and len(words := english_words(name)) >= 2
        ]
        # Character pairs of each entry's name, for an entry no word names outright.
        self._pairs, self._pair_counts = {}, {}
        for entry in self.entries:
            pairs = _pairs(entry.name)
            self._pair_counts[entry.code] = len(pairs)
            for pair in pairs:
                self._pairs.setdefault(pair, []).append(entry)

    @classmethod
    def build(cls, catalogue=None):
        cue_patterns = {}
        cue_meta = {}
        for code, families, category, pattern in _COMPILED:
            cue_patterns.setdefault(code, []).append(pattern)
            cue_meta[code] = (families, category)
        work = {}
        for code, pattern, _need in WORK:
            work.setdefault(code, []).append(re.compile(pattern, re.IGNORECASE))
        if catalogue is None:
            return cls(
                Entry(code, code, cue_meta[code][0], cue_meta[code][1], (), tuple(patterns))
                for code, patterns in cue_patterns.items()
            )
        entries = []
        for item in catalogue.entries:
            names = [getattr(item, "name_zh", ""), getattr(item, "name_en", "")]
            names += list(getattr(item, "aliases_zh", ()) or ()) + list(
                getattr(item, "aliases_en", ()) or ()
            )
            families, category = cue_meta.get(item.code, (None, getattr(item, "category", "")))
            if families is None:
                family = getattr(item, "unit_family", None) or getattr(item, "family", None)
                families = (family, "percent") if family else ()
            entries.append(
                Entry(
                    item.code,
                    names[0] or item.code,
                    tuple(families),
                    category,
                    tuple(name for name in names if name and len(name) >= 2),
                    tuple(cue_patterns.get(item.code, ())) + tuple(work.get(item.code, ())),
                    bool(getattr(item, "in_database", False)),
                    getattr(item, "unit", "") or "",
                    next((p for p in map(percentile, names) if p is not None), None),
                )
            )
        return cls(entries)

    def match(self, item, head, family, kind, unit, part=False):
        """The entry the subject names for a value of ``family``, or a proposal.

        ``item`` is the figure's own words (its enumeration item, or the clause before it),
        ``head`` the rest of the sentence before it, for words the item shares with others;
        ``part``: the figure is said as a part of a total ("其中…"), so not a TOTALS entry.
        """
        if _ASIDE_EN.search(item):
            # the words an aside explains name the measure, where they name one ("PM10 — fine
            # particulate matter … -"); else the aside may ("sections with good water -- meaning
            # Grade III or better --")
            named = self.match(_ASIDE_EN.sub(" ", item), head, family, kind, unit, part)
            if named.code is not None:
                return named
        # The words nearest the number name it; far back in a long sentence they name others.
        item, head = _plain(item)[-80:], _plain(head)[-120:]
        if _OWN_MEASURE.search(item):
            # "…氨氮略有超标;…,声功能区达标率100%": a figure whose own words name a measure
            # is not named by another clause of the sentence; unknown, it is a proposal
            head = _SEMICOLON_CLAUSES.split(head)[-1]
        if _ONE_CLASS.search(item):
            # "Ⅰ~Ⅲ类水质断面比例减少3.1%,Ⅳ类水质断面增加10.6%": a class of its own is not
            # the measure of the classes named before it
            head = ""
        if TARGET_GAP.search(item) or _ALLOWANCE_LEFT.search(item) or _SUMMED.search(item):
            # the distance to a target is a measure of its own, not the measure's level; a sum
            # of pollutants ("PM2.5、SO2两项加和指数") is none of them
            return Match(None, "", _proposal(item, unit, family))
        best = None
        fits = {}
        cued = self._cued_for(family, kind)
        # "二氧化硫日均值第98百分位浓度": a statistic the entry is not (its annual mean)
        said_percentile = percentile(item)
        for text, weight in ((item, 2), (head, 0)):
            candidates, graded = [], -1
            for entry, found in self._found(text, cued):
                fit = fits.get(entry.code)
                if fit is None:
                    fit = fits[entry.code] = (
                        self._fits(entry, family, kind) if _required(entry.code, item, head) else 0
                    )
                if (
                    fit
                    and part
                    and kind == "level"
                    and entry.code in TOTALS
                    and not _WHOLE_MEASURE.search(found.group(0))
                ):
                    continue  # a part of the total ("其中省住建部门接到151个"), not the total
                if fit and weight == 0 and _part_named_in_head(entry.code, text[: found.end()]):
                    continue  # under a heading of one channel ("电话举报受理情况")
                if (
                    fit
                    and entry.code in _CASE_COUNTS
                    and unit in _FIRMS
                    and not _DEALT.search(item)
                ):
                    # "涉案的45家企业,除1家取缔": firms, named after the cases they are part of
                    continue
                if fit and entry.unit == "case" and unit in _PEOPLE:
                    continue  # "4人被移送行政拘留": people, not the cases they were part of
                if said_percentile is not None and entry.percentile not in (None, said_percentile):
                    continue  # another percentile than the entry's
                if (
                    said_percentile is not None
                    and entry.percentile is None
                    and "concentration" in entry.families
                    and self._any_percentile
                ):
                    continue  # a percentile of a measure the catalogue keeps as its mean
                if _CAUSED_BY.search(text, 0, found.start()):
                    continue  # "由沙尘天气导致的超标天数比例": the part one cause makes
                if (
                    fit
                    and family == "percentage_point"
                    and entry.families[0] == "concentration"
                    and not (weight and _CONCENTRATION_SAID.match(text, found.start()))
                ):
                    continue  # points of a share said of a pollutant (O3超标率), not its level
                if entry.code in _DAYS_OF_ALL_POLLUTANTS and _ONE_POLLUTANT_BEFORE.search(
                    text, 0, found.start()
                ):
                    continue  # "臭氧超标天数比例", "PM2.5达标天数比例": one pollutant's days
                if _graded(entry.code, text, found.start()) and self._fits(entry, family, kind):
                    # one grade's measure, nearer the number than any name before it
                    graded = max(graded, found.start())
                elif fit:
                    candidates.append((entry, found, fit))
            for entry, found, fit in candidates:
                if found.end() <= graded:
                    continue
                # An indicator the editors keep beats a reference entry not yet in use; then
                # nearer the number is better; a longer name is more specific.
                score = (
                    weight,
                    fit,
                    entry.in_database,
                    found.end() - len(text),
                    found.end() - found.start(),
                )
                if best is None or score > best[0]:
                    best = (score, entry, found.group(0))
        if (best is None or best[0][0] == 0) and _ENGLISH_ITEM.search(item):
            # "The safe utilization ratio of contaminated land … hit 100%": every word of an
            # English name in the figure's own words, in its order and in any form, names it
            # before the sentence's other words do.
            worded = self._named_by_words(item, family, kind, head)
            if worded is not None:
                return worded
        if best is not None and not best[1].in_database and self._any_kept:
            named = self._named_by_pairs(item, family, kind, head, kept_only=True)
            if named is not None:
                return named
        if best is not None:
            _score, entry, word = best
            days = _DAYS_OF_SHARE.get(entry.code) if family == "days" else None
            if days is not None and self.has(days):
                return Match(days, f"“{word}”，以天计 → {days}")
            return Match(entry.code, f"“{word}” → {entry.code}")
        named = self._named_by_pairs(item, family, kind, head)
        if named is not None:
            return named
        if family == "percent" and kind == "level" and _SHARE_SAID.search(item):
            # "Days with heavy pollution accounted for 1.3 percent", "重污染天数占全年的1.4%":
            # the share of the days the words count
            days = self.match(item, head, "days", kind, unit, part)
            share = SHARES.get(days.code)
            if share is not None and self.has(share):
                return Match(share, f"{days.reason}，所占比例 → {share}")
        return Match(None, "", _proposal(item or head, unit, family))

    def only_in(self, family):
        """The one entry reported in ``family`` first, or None where none or several are."""
        found = [entry.code for entry in self.entries if entry.families[:1] == (family,)]
        return found[0] if len(found) == 1 else None

    def name_of(self, code):
        return next((entry.name for entry in self.entries if entry.code == code), code)

    def has(self, code):
        return any(entry.code == code for entry in self.entries)

    def reported_in(self, code, family):
        """Whether the entry ``code`` is reported in ``family`` (no family known: yes)."""
        return any(
            entry.code == code and (not entry.families or family in entry.families)
            for entry in self.entries
        )

    def by_day(self, words, family):
        """noise-day for a level of area noise that says neither day nor night, else None."""
        if family != "sound_level" or not _AREA_NOISE.search(words):
            return None
        if not _REQUIRES["noise-day"][0].search(words):
            return None  # one monitoring point's level, not the area's
        if _NOT_AREA_BY_DAY.search(words):
            return None
        if not self.has("noise-day"):
            return None
        return Match("noise-day", "区域声环境未言昼夜，按常规监测为昼间 → noise-day")

    def _named_by_pairs(self, item, family, kind, head, kept_only=False):
        """The entry most of whose name the figure's own words hold ("新建污水管网" for an
        entry named 新建污水管网长度), for entries editors add without aliases; or None."""
        if _CAUSED_BY_SAID.search(item):
            return None  # a part one cause made ("由沙尘天气导致的超标天数比例")
        shared = {}
        for pair in _pairs(item):
            for entry in self._pairs.get(pair, ()):
                shared[entry] = shared.get(entry, 0) + 1
        best = None
        for entry, count in shared.items():
            share = count / self._pair_counts[entry.code]
            if count < 3 or share < 0.6 or kept_only and not entry.in_database:
                continue
            if not _names_all_but_a_measure(entry.name, item):
                continue
            if entry.code in _DAYS_OF_ALL_POLLUTANTS and _ONE_POLLUTANTS_DAYS.search(item):
                continue  # "臭氧超标天数比例": one pollutant's days
            if not (self._fits(entry, family, kind) and _required(entry.code, item, head)):
                continue
            if best is None or (share, count) > best[0]:
                best = ((share, count), entry)
        if best is None:
            return None
        entry = best[1]
        return Match(entry.code, f"“{entry.name}”的大部分字词 → {entry.code}")

    def _named_by_words(self, item, family, kind, head):
        """The entry one of whose English names has all its words in ``item``, in its order
        (the most words of any name so held, and only one entry with that many); or None."""
        said = english_words(item)
        found = {}
        for entry, words in self._english:
            if (
                _in_order(words, said)
                and self._fits(entry, family, kind)
                and _required(entry.code, item, head)
            ):
                found[entry] = max(found.get(entry, 0), len(words))
        most = max(found.values(), default=0)
        best = [entry for entry, count in found.items() if count == most]
        if len(best) != 1:
            return None
        return Match(best[0].code, f"the words of “{best[0].name}” → {best[0].code}")

    def _cued_for(self, family, kind):
        """The (entry, cue) pairs of entries a value of this family and kind may be of: a cue
        of an entry it cannot be is not run."""
        key = (family, kind != "level")
        if key not in self._cued_by_fit:
            self._cued_by_fit[key] = [
                (entry, cue) for entry, cue in self._cued if self._fits(entry, family, kind)
            ]
        return self._cued_by_fit[key]

    def _found(self, text, cued=None):
        if not text:
            return
        if self._names is not None:
            # One Aho-Corasick pass over the lower-cased subject finds every name at once.
            for index, start, end in self._names.find_matches_as_indexes(text.lower()):
                if _inside_a_word(text, start, end):
                    continue  # "CO" in "accounted", "NO2" in "NO2x"
                found = _Found(start, end, text[start:end])
                for entry in self._by_name[self._name_list[index]]:
                    yield entry, found
        for entry, cue in self._cued if cued is None else cued:
            for found in cue.finditer(text):
                yield entry, found

    @staticmethod
    def _fits(entry, family, kind):
        """2 where the entry is reported in this family (a change also in its other families),
        1 for a change written otherwise, 0 where the value cannot be of this entry.

        The first family is the level's: a share in % is never a count's level (电话举报占
        37.7% is not a number of petitions), though a count's change may be in %.
        """
        if not entry.families or not family:
            return 2  # no unit written ("甲县(43)、乙县(46)"): whatever the words name
        if family == entry.families[0] or kind != "level" and family in entry.families:
            return 2
        if family in entry.families[1:] and family not in ("percent", "percentage_point"):
            return 2  # another unit the entry is reported in (满意度92.3分 beside a %)
        # A change, or a target stated as one ("下降4%的目标"), may be in % of anything; in
        # 个百分点 only of a share (超标率上升2.8个百分点 is no change of a noise level), or of
        # a concentration, which writers slip into beside shares ("优良天数比例上升1.2个百分点;
        # PM10平均浓度同比上升2.9个百分点"): named in its own words, the change is the pollutant's.
        if family == "percentage_point" and entry.families[0] != "percent":
            return int(kind != "level" and entry.families[0] == "concentration")
        return int(kind != "level" and family in _CHANGE_FAMILIES and family != "count")


# A measure summing several pollutants: "PM2.5、SO2两项加和指数", "三项污染物浓度之和".
_SUMMED = re.compile(r"[两二三四五六]项[^,，;；。]{0,6}?(?:加和|之和|叠加)|加和指数|浓度之和")


# Pinyin glosses some sites print after characters ("天数(shù)"), and spaces, say nothing.
_GLOSS = re.compile(
    r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü ]{1,8}[)）]"
    r"|(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])"
    # a grade or a measure set in quotation marks ("“重度污染”天数占比"): the words themselves
    r"|[“”「」『』\"](?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])[“”「」『』\"]"
)


_NOT_WORD = re.compile(r"[\s\d.,，、。;；:：“”\"'‘’《》()（）【】\[\]\-—/%]+")


_ENGLISH_NAME = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/-]*")
_ENGLISH_ITEM = re.compile(r"[A-Za-z]{3}")
# A word, or a class in Roman numerals with its range or its mark kept whole ("I-III", "V-":
# worse than V), so that "Grade V" is not "Grade V-" nor "IV-V".
_ENGLISH_WORD = re.compile(r"\b[ivx]+(?:\s*[-~]\s*[ivx]+\b|-(?![a-z]))?|[a-z][a-z0-9]*")
# English words that name nothing measured, and words that name one thing as another does.
_ENGLISH_STOP = frozenset(
    re.findall(
        r"\w+",
        "the of a an in at to for by on from with and or as its their this that these those is "
        "are was were be been has have had it which across over under than all some per",
    )
)
_ENGLISH_SAME = {
    "rate": "share",
    "ratio": "share",
    "proportion": "share",
    "percentage": "share",
    "utilization": "use",
    "utilisation": "use",
    "utilized": "use",
    "used": "use",
    "met": "meet",
    "meeting": "meet",
    "meets": "meet",
    "metre": "meter",
    "category": "class",
    "categories": "class",
    "grade": "class",
    "grades": "class",
}


def _in_order(words, said):
    """Whether ``words`` stand in ``said`` in the same order, others between them."""
    rest = iter(said)
    return all(word in rest for word in words)


def english_words(text):
    """The words of an English phrase that name what it measures, in order, each in one form:
    plurals singular, synonyms of a share or of meeting a standard as one word."""
    words = []
    for word in _ENGLISH_WORD.findall(text.lower()):  # SO2 stays so2
        word = re.sub(r"\s+", "", word)
        if word in _ENGLISH_STOP:
            continue
        word = _ENGLISH_SAME.get(word, word)
        if len(word) > 4 and word.endswith("ies"):
            word = word[:-3] + "y"
        elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-1]
        words.append(word)
    return tuple(words)


def _pairs(text):
    """The pairs of adjacent characters of a text's words."""
    text = _NOT_WORD.sub(" ", text)
    return {text[i : i + 2] for i in range(len(text) - 1) if " " not in text[i : i + 2]}


# What an indicator's name may add to the words that name the thing measured.
_MEASURE_WORDS = re.compile(r"^(?:的)?(?:长度|数量|个数|总数|总量|面积|金额|规模|次数|家数|数)?$")


def _names_all_but_a_measure(name, item):
    """Whether ``item`` holds ``name`` but for a word of measure ("新建污水管网" holds
    "新建污水管网长度"; "功能区声环境达标率" does not hold "功能区声环境昼间达标率")."""
    common = SequenceMatcher(None, name, item, autojunk=False).find_longest_match()
    if common.size < 4:
        return False
    rest = name[: common.a] + name[common.a + common.size :]
    return bool(_MEASURE_WORDS.match(rest))


def _plain(text):
    return _BOTH_HEAVY_GRADES.sub("重度及以上污染", _GLOSS.sub("", text))


# An English aside between dashes, explaining the words before it ("levels of PM10 — particulate
# matter less than 10 microns in diameter - fell by 17.5 percent")
_ASIDE_EN = re.compile(r"\s[—–-]{1,2}\s[A-Za-z][^—–]{2,120}?\s[—–-]{1,2}\s")


# Heavy pollution written as its two grades: "重度污染和严重污染天数", "重度、严重污染天数".
_BOTH_HEAVY_GRADES = re.compile(r"重度(?:污染)?(?:和|及|与|、|或)严重污染")


_PROPOSAL_NOISE = re.compile(
    # whole words, not their characters: "中度污染天数" and "其他渠道" keep their first one
    r"^(?:[\s,，;；:：、]|和|及|与|其中|全省|全市|全区|全县|我省|我市|本市|平均|共|累计|合计|总计|"
    r"同比|较上年)+|"
    r"(?:为|是|达到|达|约|近|共|分别|平均|占|有|累计|合计|总计|同比|比上年|较上年|上升|下降|增加|减少|增长|提高|降低|了|\s)+$"
)
_CATEGORY_WORDS = (
    ("air", r"空气|大气|颗粒物|PM|臭氧|二氧化|天数|污染天|AQI|air"),
    ("water", r"水|断面|河|湖|海|water"),
    ("noise", r"噪声|声|dB|noise"),
    ("inspections", r"信访|投诉|举报|来信|来访|complaint"),
    ("enforcement", r"处罚|案件|执法|罚|查封|违法|enforcement"),
    ("emissions", r"排放|减排|emission"),
    ("ecology", r"生态|森林|绿|湿地|ecolog"),
)


def proposal(text, unit, family):
    """A new indicator named from ``text``: (name, unit, category)."""
    return _proposal(text, unit, family)


def _proposal(text, unit, family):
    name = _PROPOSAL_NOISE.sub("", text.strip())[-24:]
    category = next(
        (c for c, words in _CATEGORY_WORDS if re.search(words, text, re.IGNORECASE)), ""
    )
    return (name or "?", unit, category)
