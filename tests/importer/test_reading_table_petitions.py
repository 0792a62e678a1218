"""read() on invented tables of the complaints an inspection team handed over, by place: a
count of cases, then a count per kind of pollution under one merged cell ("污染类别及件数"
over 水, 大气, 噪声…), and the cases singled out. The heading of the row labels may say in
brackets what else its rows hold ("县区(市直部门)"). Copied with bars, the two header rows
stay on lines of their own; copied a cell a line, the ways complaints came and their total
stand under their own merged cell ("举报件数" over 来信, 来电, 合计).

The tables are invented (the places are real divisions, the values are not).
"""

from importer import pipeline

LEAD = (
    "长沙市第5批群众举报件转办情况\n"
    "6月3日,省第二生态环境保护督察组向我市转办第5批群众举报件11件。"
    "本批举报件涉及芙蓉区4件、天心区2件、岳麓区5件。\n"
    "附表\n"
)


def _kinds(document, place):
    """``(proposed name, value)`` of the place's cells counted per kind, in order."""
    return [
        (f.proposed[0], str(f.value))
        for f in document.figures
        if f.region is not None and f.region.name == place and f.proposed and "|" in f.quote
    ]


def test_counts_per_kind_under_their_merged_cell_with_bars():
    document = pipeline.read(
        LEAD + "第5批群众举报件分县区统计表\n"
        "县区(市直部门) | 转办件数(件) | 污染类别及件数(个) | 重点件(件) | ||||||\n"
        "水 | 大气 | 土壤 | 噪声 | 其他 | 合计 | ||\n"
        "芙蓉区 | 4 | 1 | 2 | 0 | 3 | 0 | 6 | 1 |\n"
        "天心区 | 2 | 0 | 1 | 1 | 0 | 1 | 3 | 0 |\n"
        "岳麓区 | 5 | 2 | 0 | 0 | 2 | 1 | 5 | 2 |\n"
    )
    kinds = _kinds(document, "天心区")
    assert [value for _name, value in kinds] == ["0", "1", "1", "0", "1"]
    assert all(
        kind in name
        for (name, _v), kind in zip(kinds, ("水", "大气", "土壤", "噪声", "其他"), strict=True)
    )


def test_counts_per_channel_and_per_kind_copied_a_cell_a_line():
    cells = [
        "第6批群众举报件分县区统计表",
        "地区",
        "举报件数(件)",
        "问题类别数量(个)",
        "来信",
        "来电",
        "合计",
        "水",
        "大气",
        "噪声",
        "其他",
        *["芙蓉区", "1", "3", "4", "1", "2", "1", "0"],
        *["天心区", "0", "2", "2", "0", "1", "0", "1"],
        *["岳麓区", "2", "2", "4", "1", "1", "1", "1"],
    ]
    document = pipeline.read(LEAD + "\n".join(cells) + "\n")
    row = [
        f
        for f in document.figures
        if f.region is not None and f.region.name == "岳麓区" and f.quote.startswith("岳麓区\n")
    ]
    # 来信 2 and 来电 2 under 举报件数, their total 4, then one count per kind
    assert [str(f.value) for f in row] == ["2", "2", "4", "1", "1", "1", "1"]
    assert [f.unit for f in row] == ["件", "件", "件", "个", "个", "个", "个"]
    assert "来电" in row[1].proposed[0]
