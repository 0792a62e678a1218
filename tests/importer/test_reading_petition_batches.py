"""read() on an invented notice of an inspection team's petition batch: the batch is a batch
transferred, whatever words stand between the verb and the petitions (its number, the hours it
covers), and so are its counts by city and the running total ("累计交办1320件") the notice ends with.

The notice is invented (the cities are real divisions, the batch and counts are not).
"""

from importer import pipeline

NOTICE = (
    "湖南省生态环境厅\n"
    "6月3日,中央第二生态环境保护督察组向我省转办第十五批6月2日8时至20时的群众信访举报件,"
    "共86件,其中重点件5件。\n"
    "第十五批举报件中,按地区分布为:长沙市19件,岳阳市12件,衡阳市、常德市各9件。\n"
    "前十五批累计交办1320件,其中重点件98件。"
)


def _filed():
    return {
        (str(f.value), f.region.name if f.region else None): f.indicator
        for f in pipeline.read(NOTICE).figures
    }


def test_the_batch_with_its_hours_between_verb_and_noun_is_transferred():
    assert _filed()[("86", "湖南省")] == "petitions-transferred"


def test_the_batchs_counts_by_city_are_transferred_petitions():
    filed = _filed()
    assert filed[("19", "长沙市")] == "petitions-transferred"
    assert filed[("9", "常德市")] == "petitions-transferred"


def test_the_running_total_is_transferred_petitions():
    assert _filed()[("1320", "湖南省")] == "petitions-transferred"
