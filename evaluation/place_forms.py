"""Invented bulletins stating the place of each figure the ways bulletins state it.

    DEBUG=1 .venv/bin/python -m evaluation.place_forms [--per-form 20] [--seed 7] [--show FORM]

Rules about places written from the dev set's documents did not carry over to documents never
seen: they learnt those documents' wordings. This generator writes short bulletins of its own
instead: real divisions of the gazetteer picked at random (seeded: the same bulletins on every
run), invented numbers, and sentences written here, one form of stating a place in each
(the publisher in the title, a source line, "我市" after the body naming itself, a province's
cities in turn, a heading over paragraphs, "该县" after the sentence naming it, places that are
no figure's place…). Each bulletin comes with the place of each of its figures, and the table
printed is, per form, the figures the importer gives the right place.
"""

import argparse
import os
import random
import re
from dataclasses import dataclass
from decimal import Decimal

_GOOD = ("优良天数比例为{}%", "空气质量优良天数比例为{}%", "环境空气质量优良率为{}%")
_PM25 = ("细颗粒物(PM2.5)平均浓度为{}微克/立方米", "PM2.5年均浓度为{}微克/立方米")
_PM10 = ("可吸入颗粒物(PM10)平均浓度为{}微克/立方米", "PM10浓度为{}微克/立方米")
_WATER = ("地表水国控断面水质优良比例为{}%", "地表水考核断面达标率为{}%")
_DRINK = ("集中式饮用水水源地水质达标率为{}%",)
_NOISE = ("区域声环境昼间平均等效声级为{}分贝",)


@dataclass
class Bulletin:
    form: str
    text: str
    expected: list  # [(value as written, the place's full name or None)]


class _Writer:
    """Numbers never repeated within one bulletin, and the clauses stating them."""

    def __init__(self, rng):
        self.rng = rng
        self.used = set()

    def _number(self, low, high, decimals):
        while True:
            value = round(self.rng.uniform(low, high), decimals)
            text = f"{value:.{decimals}f}"
            if text not in self.used and not text.endswith(".0"):
                self.used.add(text)
                return text

    def clause(self, kind=None):
        """(clause, value) for one measure: a share, a concentration or a level of noise."""
        kind = kind or self.rng.choice(("good", "pm25", "pm10", "water", "drink", "noise"))
        low, high, decimals, wordings = {
            "good": (70, 98, 1, _GOOD),
            "pm25": (18, 55, 0, _PM25),
            "pm10": (40, 95, 0, _PM10),
            "water": (60, 99, 1, _WATER),
            "drink": (90, 99.9, 1, _DRINK),
            "noise": (50, 58, 1, _NOISE),
        }[kind]
        value = self._number(low, high, decimals)
        return self.rng.choice(wordings).format(value), value

    def clauses(self, count):
        kinds = self.rng.sample(("good", "pm25", "pm10", "water", "drink", "noise"), count)
        return [self.clause(kind) for kind in kinds]


class _Atlas:
    """The gazetteer's divisions that one name picks out alone: provinces, prefecture cities
    (…市), and counties or districts (…县, …区, county-level …市) of those cities."""

    def __init__(self, gazetteer):
        self.gazetteer = gazetteer
        alone = [d for d in gazetteer if len(gazetteer.candidates(d.name)) == 1]
        self.provinces = [d for d in alone if d.level == "province" and d.name.endswith("省")]
        self.cities = [
            d
            for d in alone
            if d.level == "prefecture" and d.name.endswith("市") and len(d.name) >= 3
        ]
        city_codes = {d.code for d in self.cities}
        self.counties = [
            d
            for d in alone
            if d.level == "county"
            and d.parent in city_codes
            and re.search(r"[县区市]$", d.name)
            and len(d.name) >= 3
            and d.name not in ("市辖区",)
        ]
        self._by_parent = {}
        for division in self.counties:
            self._by_parent.setdefault(division.parent, []).append(division)
        for division in self.cities:
            self._by_parent.setdefault(division.parent, []).append(division)
        # A county-level city or county bearing its prefecture's name: 抚顺县 in 抚顺市.
        self.namesakes = [
            (gazetteer.get(d.parent), d)
            for d in self.counties
            if gazetteer.get(d.parent) is not None
            and d.name[:-1] == gazetteer.get(d.parent).name[:-1]
        ]

    def children(self, division, count, rng):
        found = self._by_parent.get(division.code, [])
        return rng.sample(found, count) if len(found) >= count else None


def _year(rng):
    return rng.choice((2019, 2020, 2021, 2022, 2023))


def _bureau(division):
    if division.level == "province":
        return "生态环境厅"
    return "生态环境分局" if division.name.endswith("区") else "生态环境局"


def _whole(division):
    """全省/全市/全县/全区 for the division."""
    return "全" + ("省" if division.level == "province" else division.name[-1])


def _ours(division):
    return "我" + ("省" if division.level == "province" else division.name[-1])


def _any_place(atlas, rng):
    return rng.choice(atlas.cities + atlas.counties)


def _qualified(atlas, place, rng):
    """The place's name, half of the times after its city's or province's ("甲市乙县")."""
    parent = atlas.gazetteer.get(place.parent)
    return parent.name + place.name if parent is not None and rng.random() < 0.5 else place.name


def _pointer(place, rng):
    """How the body says "here": 全市, 我市, 本市, 全市域 or nothing at all."""
    level = "省" if place.level == "province" else place.name[-1]
    return rng.choice((f"全{level}", f"我{level}", f"本{level}", f"全{level}域", ""))


def _body(place, rng, w, count):
    """(paragraphs, values): ``count`` figures said of ``place`` by pointers or by nothing,
    with sentences between them that name no place."""
    year = rng.choice((2019, 2020, 2021, 2022, 2023))
    clauses = w.clauses(count)
    sentences = []
    for index, (clause, _value) in enumerate(clauses):
        opening = f"{year}年，" if index == 0 else rng.choice(("", "同时，", "另外，", ""))
        sentences.append(f"{opening}{_pointer(place, rng)}{clause}。")
        if rng.random() < 0.3:
            sentences.append(rng.choice(_FILLERS))
    return "".join(sentences) + "\n", [value for _c, value in clauses], year


_FILLERS = (
    "大气污染防治工作取得积极成效。",
    "各项工作按计划有序推进。",
    "水环境质量总体保持稳定。",
    "监测数据由环境监测站提供。",
)
_PAGE_NOISE = (
    "首页 > 信息公开 > 环境质量\n",
    "【字体：大 中 小】 【打印】 【关闭】\n",
    "浏览次数：{}\n",
    "",
)


def _noise(rng):
    return rng.choice(_PAGE_NOISE).format(rng.randint(20, 900))


def title_publisher(atlas, rng, w):
    place = _any_place(atlas, rng)
    name = _qualified(atlas, place, rng)
    body, values, year = _body(place, rng, w, 3)
    kind = rng.choice(("关于{}年环境质量状况的公告", "{}年环境状况公报", "发布{}年生态环境质量"))
    title = f"{name}{_bureau(place)}{kind.format(year)}"
    return f"{title}\n{_noise(rng)}{body}", [(v, place.name) for v in values]


def title_place_year(atlas, rng, w):
    place = _any_place(atlas, rng)
    first, values, year = _body(place, rng, w, 2)
    second, more, _year2 = _body(place, rng, w, 2)
    title = rng.choice(("{}{}年环境质量状况", "{}{}年生态环境状况公报", "{1}年{0}环境质量简报"))
    text = (
        f"{title.format(place.name, year)}\n{_noise(rng)}一、环境空气\n{first}二、水环境\n{second}"
    )
    return text, [(v, place.name) for v in values + more]


def source_line_top(atlas, rng, w):
    place = _any_place(atlas, rng)
    name = _qualified(atlas, place, rng)
    body, values, year = _body(place, rng, w, 3)
    owner = name + rng.choice(("人民政府", _bureau(place), "人民政府办公室"))
    label = rng.choice(("来源：", "信息来源：", "发布机构：", "来源:"))
    text = (
        f"{year}年环境质量状况\n"
        f"{label}{owner}  发布时间：{year + 1}-01-{rng.randint(10, 28)}\n{body}"
    )
    return text, [(v, place.name) for v in values]


def byline_bottom(atlas, rng, w):
    place = _any_place(atlas, rng)
    name = _qualified(atlas, place, rng)
    body, values, year = _body(place, rng, w, 3)
    end = rng.choice(
        (
            f"{name}{_bureau(place)}\n{year + 1}年1月{rng.randint(5, 25)}日\n",
            f"（来源：{name}人民政府）\n",
            f"{name}{_bureau(place)} {year + 1}年2月{rng.randint(5, 25)}日\n",
            f"信息来源：{name}{_bureau(place)}\n",
        )
    )
    return f"{year}年度环境质量简报\n{_noise(rng)}{body}{end}", [(v, place.name) for v in values]


def organisation_first_sentence(atlas, rng, w):
    place = _any_place(atlas, rng)
    name = _qualified(atlas, place, rng)
    body, values, year = _body(place, rng, w, 3)
    opening = rng.choice(
        (
            "近日，{}{}通报了{}年环境质量状况。",
            "记者从{}{}获悉，{}年环境质量持续改善。",
            "{}{}日前发布{}年环境质量状况。",
        )
    ).format(name, _bureau(place), year)
    return f"环境质量持续改善\n{opening}{body}", [(v, place.name) for v in values]


def sub_regions(atlas, rng, w):
    city = rng.choice([c for c in atlas.cities if atlas.children(c, 2, rng)])
    one, two = atlas.children(city, 2, rng)
    year = _year(rng)
    kind = rng.choice(("good", "pm25", "water"))
    a, x = w.clause(kind)
    _b, y = w.clause(kind)
    _c, z = w.clause(kind)
    measure, unit = a.split(x)[0], a.split(x)[1]
    text = f"{city.name}{year}年环境空气质量状况\n{year}年，全市{a}。"
    if rng.random() < 0.5:
        text += f"其中，{one.name}{measure}{y}{unit}、{two.name}为{z}{unit}。\n"
    else:
        text += f"{one.name}、{two.name}{measure.rstrip('为')}分别为{y}{unit}、{z}{unit}。\n"
    return text, [(x, city.name), (y, one.name), (z, two.name)]


def _named(division, rng, short=True):
    """A prefecture or province by its full name or its short form (杭州, 浙江)."""
    return division.short if short and rng.random() < 0.5 else division.name


def province_cities(atlas, rng, w):
    province = rng.choice([p for p in atlas.provinces if atlas.children(p, 3, rng)])
    cities = [c for c in atlas.children(province, 3, rng) if c.level == "prefecture"]
    if len(cities) < 2:
        cities = [c for c in atlas.cities if c.parent == province.code][:3]
    body, values, year = _body(province, rng, w, 1)
    expected = [(v, province.name) for v in values]
    said = []
    for city in cities:
        clause, value = w.clause()
        said.append(f"{_named(city, rng)}{clause}")
        expected.append((value, city.name))
    joint = rng.choice(("，", "；"))
    text = (
        f"{_named(province, rng)}{year}年生态环境状况\n{_noise(rng)}{body}"
        f"{rng.choice(('从各市看，', '分城市看，', ''))}{joint.join(said)}。\n"
    )
    return text, expected


def city_list(atlas, rng, w):
    province = rng.choice([p for p in atlas.provinces if atlas.children(p, 3, rng)])
    cities = [c for c in atlas.cities if c.parent == province.code]
    cities = rng.sample(cities, min(4, len(cities)))
    body, values, year = _body(province, rng, w, 1)
    shares = [w.clause("good")[1] for _ in cities]
    short = rng.random() < 0.5
    items = [f"{c.short if short else c.name}{v}%" for c, v in zip(cities, shares, strict=True)]
    listed = "、".join(items[:-1]) + rng.choice(("和", "、")) + items[-1]
    lead = rng.choice(("各市优良天数比例分别为：", "各设区市优良天数比例依次为", "优良天数比例："))
    text = f"{_named(province, rng)}{year}年城市空气质量\n{body}{lead}{listed}。\n"
    expected = [(v, province.name) for v in values]
    return text, expected + [(v, c.name) for c, v in zip(cities, shares, strict=True)]


def heading_sections(atlas, rng, w):
    city = rng.choice([c for c in atlas.cities if atlas.children(c, 2, rng)])
    places = list(atlas.children(city, 2, rng))
    year = _year(rng)
    marks = rng.choice((("一、", "二、"), ("（一）", "（二）"), ("", ""), ("1.", "2.")))
    text = f"{city.name}各县区{year}年环境质量\n"
    expected = []
    for mark, place in zip(marks, places, strict=True):
        heading = rng.choice(("{}{}", "{}{}环境质量状况", "{}{}："))
        first, values, _year2 = _body(place, rng, w, 2)
        second, more, _year3 = _body(place, rng, w, 1)
        text += heading.format(mark, place.name) + "\n" + first + second
        expected += [(v, place.name) for v in values + more]
    if marks[0] and rng.random() < 0.5:
        # A last section of the whole city's, under a heading naming no place.
        clause, value = w.clause()
        closing = marks[1].replace("二", "三").replace("2", "3")
        text += f"{closing}全市水环境质量\n{rng.choice(('全市', '我市'))}{clause}。\n"
        expected.append((value, city.name))
    return text, expected


def that_place(atlas, rng, w):
    province = rng.choice([p for p in atlas.provinces if atlas.children(p, 1, rng)])
    (place,) = atlas.children(province, 1, rng)
    body, values, year = _body(province, rng, w, 1)
    (a, x), (b, y) = w.clauses(2)
    pointer = "该" + place.name[-1]
    named = rng.choice(
        (
            f"{place.name}持续推进大气污染防治。",
            f"{place.name}空气质量改善幅度最大。",
            f"{place.name}{a}，同比提高2.1个百分点。",
        )
    )
    text = f"{province.name}{year}年生态环境状况\n{body}{named}{pointer}{b}。\n"
    expected = [(v, province.name) for v in values] + [(y, place.name)]
    if a in named:
        expected.append((x, place.name))
    return text, expected


def province_short(atlas, rng, w):
    province = rng.choice(atlas.provinces)
    body, values, year = _body(province, rng, w, 3)
    title = rng.choice(
        ("{}{}年生态环境质量持续向好", "{}：{}年环境质量稳中向好", "{1}年{0}空气质量创新高")
    )
    return title.format(province.short, year) + "\n" + body, [(v, province.name) for v in values]


def namesakes(atlas, rng, w):
    prefecture, county = rng.choice(atlas.namesakes)
    if rng.random() < 0.5:
        body, values, year = _body(county, rng, w, 2)
        text = f"{county.name}{year}年环境质量状况\n{body}"
        return text, [(v, county.name) for v in values]
    body, values, year = _body(prefecture, rng, w, 2)
    c, z = w.clause()
    text = f"{prefecture.name}{year}年环境质量状况\n{body}{county.name}{c}。\n"
    return text, [(v, prefecture.name) for v in values] + [(z, county.name)]


def not_places(atlas, rng, w):
    """Places in a sentence that are not its figures' place: a river or a station named after
    a place, a place compared with, a ranking in the province, a company's name."""
    province = rng.choice([p for p in atlas.provinces if atlas.children(p, 2, rng)])
    city, other = [c for c in atlas.cities if c.parent == province.code][:2] or (None, None)
    if other is None:
        return not_places(atlas, rng, w)
    year = _year(rng)
    (a, x), (b, y) = w.clauses(2)
    stem = other.short
    mention = rng.choice(
        (
            f"与{other.name}相比，",
            f"较{other.name}低3.2个百分点，",
            f"位列全省第{rng.randint(2, 9)}，",
            f"{stem}路监测站点数据显示，",
            f"{stem}河{stem}桥断面数据显示，",
            f"{stem}宏达化工有限公司完成超低排放改造，",
        )
    )
    text = f"{city.name}{year}年环境质量状况\n{year}年，全市{a}，{mention}{b}。\n"
    return text, [(x, city.name), (y, city.name)]


def page_furniture(atlas, rng, w):
    """A page copied with its site: the owner only in the banner or the footer, an address
    naming a district, links to other places' news around the text."""
    place = rng.choice(atlas.cities)
    district = atlas.children(place, 1, rng)
    other = rng.choice(
        [c for c in atlas.cities if c.parent == place.parent and c != place] or [place]
    )
    body, values, year = _body(place, rng, w, 3)
    banner = rng.choice((f"{place.name}人民政府门户网站\n", f"{place.short}生态环境网\n", "", ""))
    owner = f"{place.name}{_bureau(place)}"
    street = f"{district[0].name}人民路{rng.randint(1, 200)}号" if district else "人民路1号"
    footer = rng.choice(
        (
            f"上一篇：{other.name}召开大气污染防治工作会议\n主办单位：{owner}  地址：{street}\n",
            f"相关链接：{other.name}生态环境局\n版权所有：{owner}\n",
            f"主办：{owner} 承办：{place.name}环境监测中心站\n地址：{street}\n",
        )
    )
    title = rng.choice(("{}年环境质量状况", "{}年全市环境质量简报", "{}年度生态环境质量公报"))
    text = f"{banner}首页 > 环境质量\n{title.format(year)}\n{body}{footer}"
    return text, [(v, place.name) for v in values]


def ranked_among(atlas, rng, w):
    """A city's report saying where it ranks and naming the cities ranked first."""
    place = rng.choice([c for c in atlas.cities if len(atlas._by_parent.get(c.parent, ())) > 3])
    others = [c for c in atlas.cities if c.parent == place.parent and c != place][:3]
    body, values, year = _body(place, rng, w, 2)
    a, x = w.clause("good")
    ranked = rng.choice(
        (
            f"在全省{rng.randint(9, 16)}个设区市中排名第{rng.randint(2, 8)}。",
            f"{'、'.join(o.name for o in others)}位列全省前三。",
            f"低于{others[0].name}，高于{others[-1].name}。",
        )
    )
    text = f"{place.name}{year}年环境空气质量状况\n{body}全市{a}，{ranked}\n"
    return text, [(v, place.name) for v in values] + [(x, place.name)]


FORMS = {
    "title_publisher": title_publisher,
    "title_place_year": title_place_year,
    "source_line_top": source_line_top,
    "byline_bottom": byline_bottom,
    "organisation_first_sentence": organisation_first_sentence,
    "sub_regions": sub_regions,
    "province_cities": province_cities,
    "city_list": city_list,
    "heading_sections": heading_sections,
    "that_place": that_place,
    "province_short": province_short,
    "namesakes": namesakes,
    "not_places": not_places,
    "page_furniture": page_furniture,
    "ranked_among": ranked_among,
}


def bulletins(per_form=20, seed=7, forms=None):
    """``per_form`` invented bulletins of each form, the same ones for the same seed."""
    from bulletins.gazetteer import Gazetteer

    atlas = _Atlas(Gazetteer.load())
    for name, write in FORMS.items():
        if forms and name not in forms:
            continue
        rng = random.Random(f"{seed}:{name}")
        for _ in range(per_form):
            text, expected = write(atlas, rng, _Writer(rng))
            yield Bulletin(name, text, expected)


def placed(bulletin, document):
    """[(value, expected place, place read or None if the figure was not found)]."""
    out = []
    for value, place in bulletin.expected:
        found = [f for f in document.figures if not f.derived and f.value == Decimal(value)]
        read = found[0].region.name if found and found[0].region is not None else None
        out.append((value, place, read if found else "—"))
    return out


def measure(per_form=20, seed=7, forms=None, show=None):
    from evaluation.score_importer import reading_kwargs
    from importer import pipeline

    kwargs = reading_kwargs()
    table = {}
    for bulletin in bulletins(per_form, seed, forms):
        document = pipeline.read(bulletin.text, **kwargs)
        rows = placed(bulletin, document)
        right = sum(1 for _v, place, read in rows if read == place)
        total = table.setdefault(bulletin.form, [0, 0])
        total[0] += right
        total[1] += len(rows)
        if show and bulletin.form in show and right < len(rows):
            print(bulletin.text)
            for value, place, read in rows:
                print(f"   {value}: expected {place}, read {read}")
            print()
    return table


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-form", type=int, default=20)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", nargs="*", default=(), help="print the misses of these forms")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ecoportal.settings")
    import django

    django.setup()
    table = measure(args.per_form, args.seed, show=set(args.show))
    print("| form | figures | right place |")
    print("|---|---|---|")
    right = total = 0
    for form, (good, count) in table.items():
        print(f"| {form} | {count} | {good} ({good / count:.0%}) |")
        right += good
        total += count
    print(f"| **all** | {total} | {right} ({right / total:.0%}) |")


if __name__ == "__main__":
    main()
