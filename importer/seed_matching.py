"""Which indicator a figure most likely measures.

``seed_figures`` finds each number with its unit and sentence; here each figure
is matched against the indicator catalogue in the database. Only indicators whose unit is in
the figure's unit family can match (a count is never matched to a percentage). Among those,
the score adds:

* keyword rules: the vocabulary bulletins use for an indicator ("优良天数比例", "罚款金额",
  "办结"…), keyed by indicator code and ignored when the code is not in the catalogue;
* the overlap between the indicator's name and the words around the figure (character
  pairs), so that indicators added to the catalogue later are matched without a rule;
* the share of the figure's words found in the indicator's name and description (so a
  catalogue entry that quotes the source's own terms is found by them);
* the exact unit, when few indicators use it (a figure in 篇 counts reports).

The words that count most are those of the figure's own clause: what follows the unit when a
noun follows it ("19个空气质量监测站"), otherwise what precedes the number ("立案36件"); the
previous clause counts a little ("办理行政处罚案件644件,同比增长37.31%"). A figure with no
lexical evidence for any indicator is left out and listed for the editor instead.
"""

import re
from collections import Counter
from dataclasses import dataclass

from indicators import units

from .seed_figures import Figure, find_figures

#: Below this score a figure is reported as unmatched rather than guessed.
MIN_SCORE = 0.35

# (indicator code, pattern near the figure, pattern required in the wider context or None).
# General bulletin vocabulary only: a phrase one document coins (a campaign's slogan, a local
# word) is matched through the catalogue's name for the indicator, not written here
# (tests/bulletins/test_import_vocabulary.py).
RULES = [
    (
        "air-good-days-ratio",
        r"优良天数(?:比例|比率)|空气(?:质量)?优良(?:天数)?(?:比例|比率|率)|(?<![水体质面])优良率",
        None,
    ),
    ("air-good-days", r"优良天数|优良天", None),
    (
        "air-good-days-change",
        r"同比(?:增加|减少|增多)|较上年(?:增加|减少)|比上年(?:增加|减少)",
        r"优良天",
    ),
    ("air-good-days-ratio-above-national", r"优于全国|高于全国|全国平均", None),
    ("air-quality-standard-rate", r"空气质量达标率|环境空气质量达标", None),
    ("pm25", r"PM2\.?5|细颗粒物", None),
    ("coal-boilers-eliminated", r"淘汰.{0,30}锅炉|锅炉.{0,6}淘汰", None),
    ("ultra-low-emission-power-units", r"超低排放|火电机组", None),
    ("heating-companies-inspected", r"供热企业", None),
    ("coal-boiler-companies-inspected", r"锅炉企业", None),
    ("voc-treatment-companies", r"挥发性有机物|VOCs?", None),
    ("good-water-ratio", r"优良水体比例|水质优良(?:断面)?比例|优良水体", None),
    ("drinking-water-compliance", r"(?:饮用水|水源地|水质)\S{0,8}达标率|达标率", r"水"),
    ("drinking-water-good-ratio", r"(?:饮用水|水源地)\S{0,10}优良比例", None),
    ("sections-meeting-targets", r"断面.{0,12}(?:达到|完成)考核", None),
    ("sections-class-iii-or-better", r"断面.{0,12}(?:Ⅲ|III|三)类|(?:Ⅲ|III)类", None),
    ("inferior-v-sections-eliminated", r"劣[五Ⅴ V]类|消除劣", None),
    ("black-odorous-water-eliminated", r"黑臭水体", None),
    ("water-sources-surveyed", r"水源地", None),
    ("beautiful-rivers-lakes", r"美丽河湖", None),
    ("contaminated-farmland-safe-use-rate", r"受污染耕地安全利用率|耕地安全利用", None),
    ("construction-land-safe-use-rate", r"建设用地安全利用", None),
    ("soil-responsibility-agreements", r"土壤污染.{0,10}(?:单位|责任书)", None),
    ("cropland-returned", r"退耕", None),
    ("afforestation", r"造林|植树", None),
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
    ("sewage-treatment-capacity", r"设计能力|处理能力|万吨/日", None),
    ("towns-full-sewage-collection", r"乡镇|街道", r"污水"),
    ("towns-sewage-facilities-completed", r"建制镇|万人以上乡镇", None),
    ("villages-sewage-treated", r"行政村|村庄", r"污水"),
    ("smart-charging-lines", r"充电(?:桩|站|设施|车位)|充换电", None),
    ("investment-completed", r"投资", None),
    ("funding-secured", r"资金|争取|债券", None),
    ("funded-projects", r"项目", r"资金|债券"),
    ("enforcement-cases", r"行政处罚案件|办理.{0,6}案件|处罚案件", None),
    ("enforcement-cases-yoy", r"同比(?:增长|增加|下降|减少)", r"案件"),
    ("enforcement-cases-filed", r"立案", None),
    ("penalty-decisions", r"下达(?:行政)?处罚|处罚决定", None),
    ("fines", r"罚款|处罚金额|罚没", None),
    ("fines-yoy", r"同比(?:增长|增加|下降|减少)", r"罚款|处罚金额|金额"),
    ("five-category-cases", r"五类案件", None),
    ("seizure-cases", r"查封|扣押", None),
    ("production-restriction-cases", r"限产|停产", None),
    ("detention-referrals", r"拘留", None),
    ("pollution-crime-cases", r"犯罪", None),
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
        r"(?:交办|转办|受理).{0,10}(?:信访|举报|投诉)|信访.{0,6}案件|信访举报",
        None,
    ),
    ("petitions-resolved", r"(?<!阶段性)办结|已办结|全部办结", None),
    ("petitions-partially-resolved", r"阶段性办结", None),
    ("petitions-decline", r"下降", r"信访|投诉|举报"),
    ("inspection-letters", r"提示函|督办函|预警函|函", None),
    ("inspection-work-sessions", r"研究推动|调度|会议", None),
    ("media-reports", r"报道|刊发|刊载|宣传报道", None),
    ("livestream-views", r"观看|浏览量|点击量|直播", None),
    ("information-releases", r"信息|发布", None),
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
    ("annual-tasks-completed", r"工作任务|重点任务|年度任务", None),
    ("listed-achievements", r"上榜|入选|获评", None),
    ("advanced-collectives", r"先进集体|部门", None),
    ("advanced-workers", r"先进工作者|同志", None),
    ("reform-tasks", r"改革任务", None),
]
_COMPILED = [
    (code, re.compile(near), re.compile(wide) if wide else None) for code, near, wide in RULES
]
_NOT_WORD = re.compile(r"[\s\d.,，、。;；:：“”\"'‘’《》()（）【】\[\]\-—/%]+")
_CLAUSE_BREAK = re.compile(r"[,，;；、：:]")
# After the unit, these start the predicate ("40项已办结"), not the noun the figure counts.
_PREDICATE = re.compile(
    r"^(?:已|均|全部|都|共|分别|同比|较|比|实现|完成|达到|达|为|是|占|按照|正在|位于|以上|以下|左右)"
)
# Rates, concentrations, sums and days are said of what precedes them ("比例达100%"); only
# measure words take the noun after them ("19个空气质量监测站", "1.9万亩耕地").
_PREDICATED_FAMILIES = {"percent", "percentage_point", "concentration", "money", "days"}
_PREDICATE_INSIDE = re.compile(
    r"已|均|全部|都|分别|同比|实现|完成|达到|按照|正在|位于|稳定|获得|入选|荣获|被"
)


@dataclass
class Match:
    """A figure and the indicator proposed for it (None when nothing fits)."""

    figure: Figure
    indicator: object = None
    score: float = 0.0


def _pairs(text):
    text = _NOT_WORD.sub(" ", text)
    return {text[i : i + 2] for i in range(len(text) - 1) if " " not in text[i : i + 2]}


@dataclass
class _Context:
    near: str  # the words naming what is counted, for keyword rules
    near_is_after: bool
    own: str  # the figure's side of its clause, for name similarity
    weak: str  # the rest of the clause and the previous clause
    wide: str  # the sentence up to the figure


def _context(figure):
    """Where the words naming what a figure counts are: its clause first, the previous one next.

    After the unit when a noun follows it ("19个空气质量监测站"), otherwise before the number
    ("立案36件", "转办的信访案件40项已办结").
    """
    head = figure.sentence[: figure.offset]
    breaks = list(_CLAUSE_BREAK.finditer(head))
    clause_head = head[breaks[-1].end() :] if breaks else head
    previous_clause = ""
    if breaks:
        cut = breaks[-2].end() if len(breaks) > 1 else 0
        previous_clause = head[cut : breaks[-1].start()]
    after = figure.after.strip()
    if (
        after
        and not _PREDICATE.match(after)
        and units.family(figure.unit) not in _PREDICATED_FAMILIES
    ):
        # The noun ends where its predicate starts: "18项问题|已完成整改".
        cut = _PREDICATE_INSIDE.search(after, 1)
        noun = after[: cut.start()] if cut else after
        return _Context(noun, True, after, f"{clause_head} {previous_clause}", head)
    if len(figure.before.strip()) < 2 and after:
        # "3项达到序时进度": nothing before the number; the predicate says what is counted.
        return _Context(after, True, after, f"{clause_head} {previous_clause}", head)
    return _Context(
        figure.before, False, figure.before, f"{after} {clause_head} {previous_clause}", head
    )


def _rule_weight(match, context):
    """1 for a keyword next to the figure, less for one further along its clause."""
    distance = match.start() if context.near_is_after else len(context.near) - match.end()
    return 1.0 if distance <= 3 else 0.6


class Catalogue:
    """The indicators of the database, grouped by unit family and indexed by character pair."""

    def __init__(self, indicators):
        self.by_family = {}
        for indicator in indicators:
            family = units.family(indicator.unit)
            if family:
                self.by_family.setdefault(family, []).append(
                    (
                        indicator,
                        _pairs(indicator.name),
                        _pairs(indicator.name + indicator.description),
                    )
                )
        # pair → positions in by_family[family], so a figure is scored only against the
        # indicators that share a word with it.
        self.name_index, self.text_index = {}, {}
        for family, entries in self.by_family.items():
            names, texts = (
                self.name_index.setdefault(family, {}),
                self.text_index.setdefault(family, {}),
            )
            for position, (_indicator, name_pairs, text_pairs) in enumerate(entries):
                for pair in name_pairs:
                    names.setdefault(pair, []).append(position)
                for pair in text_pairs:
                    texts.setdefault(pair, []).append(position)
        family_of = {indicator.code: units.family(indicator.unit) for indicator in indicators}
        position_of = {
            entry[0].code: position
            for entries in self.by_family.values()
            for position, entry in enumerate(entries)
        }
        self.rules_by_family = {}
        for code, pattern, required in _COMPILED:
            if family_of.get(code):
                self.rules_by_family.setdefault(family_of[code], []).append(
                    (position_of[code], pattern, required)
                )
        # A measure word few indicators use (篇, 间, 台套) says what is counted; 个 or 件 do not.
        users = Counter(indicator.unit for indicator in indicators)
        self.distinctive_units = {
            unit for unit, count in users.items() if count <= 2 and units.family(unit) == "count"
        }

    def match(self, figure):
        family = units.family(figure.unit)
        entries = self.by_family.get(family, [])
        if not entries:
            return Match(figure)
        context = _context(figure)
        strong, weak = Counter(), Counter()
        for position, pattern, required in self.rules_by_family.get(family, ()):
            if required and not required.search(context.wide + context.near):
                continue
            near = max(
                (_rule_weight(m, context) for m in pattern.finditer(context.near)), default=0.0
            )
            own = 0.6 if pattern.search(context.own) else 0.0
            if near or own:
                strong[position] = max(strong[position], near, own)
            if pattern.search(context.weak):
                weak[position] = max(weak[position], 0.5)
        near_pairs, own_pairs, weak_pairs = (
            _pairs(context.near),
            _pairs(context.own),
            _pairs(context.weak),
        )
        names, texts = self.name_index[family], self.text_index[family]
        for pair in own_pairs:
            for position in names.get(pair, ()):
                strong[position] += 0.8 / len(entries[position][1])
        for pair in weak_pairs:
            for position in names.get(pair, ()):
                weak[position] += 0.3 / len(entries[position][1])
        if len(near_pairs) >= 2:
            for pair in near_pairs:
                for position in texts.get(pair, ()):
                    strong[position] += 0.3 / len(near_pairs)
        # Words of the figure's own clause decide; the previous clause only supports them,
        # unless the clause names nothing itself ("同比增长37.31%").
        names_nothing = len(near_pairs) < 2
        best = Match(figure)
        for position in sorted(set(strong) | set(weak)):
            indicator = entries[position][0]
            score = strong[position] + (
                weak[position]
                if strong[position] or names_nothing
                else min(weak[position], MIN_SCORE) * 0.8
            )
            if score and indicator.unit == figure.unit:
                score += 0.3 if figure.unit in self.distinctive_units else 0.05
            if score > best.score + 1e-9:
                best = Match(figure, indicator, score)
        return best if best.score >= MIN_SCORE else Match(figure)


def propose(paragraphs, catalogue):
    """The figures of the article, each with its most likely indicator (or none)."""
    return [catalogue.match(figure) for figure in find_figures(paragraphs, units.UNITS)]
