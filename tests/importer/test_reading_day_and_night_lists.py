"""read() on two lists of zone classes' compliance in one sentence, the day's then the night's.

"其中,1~3类功能区昼间达标率分别为91.2%、95.0%和97.3%,夜间达标率分别为70.6%、88.1%和90.4%":
the second list's items are read with the words of the first list's last item before them, so
the night's values see "…昼间达标率夜间达标率". The measure nearest the number is the night's;
a day's words never run on past the night's, nor a night's past the day's. The day list keeps
the day, and a lone "夜间" said of a day's rate ("昼间达标率…高于夜间") does not turn it.

The bulletins are invented (made-up places, our own sentences and numbers).
"""

from decimal import Decimal

import pytest

from importer import pipeline

DAY = ("91.2", "95.0", "97.3")
NIGHT = ("70.6", "88.1", "90.4")


@pytest.mark.parametrize(
    "sentence",
    [
        "其中,1~3类功能区昼间达标率分别为91.2%、95.0%和97.3%,夜间达标率分别为70.6%、88.1%和90.4%。",
        "1类、2类、3类功能区声环境昼间点次达标率分别为91.2%、95.0%、97.3%;夜间点次达标率分别为"
        "70.6%、88.1%、90.4%。",
    ],
)
def test_the_night_list_after_the_day_list(sentence):
    text = (
        "青禾省2031年声环境质量\n2031年,全省设区市功能区昼间平均达标率为94.0%,夜间平均达标率为"
        f"83.5%;{sentence}"
    )
    codes = {str(f.value): f.indicator for f in pipeline.read(text).figures}
    for value in DAY:
        assert codes[str(Decimal(value))] == "noise-functional-compliance-day", value
    for value in NIGHT:
        assert codes[str(Decimal(value))] == "noise-functional-compliance-night", value


def test_a_day_rate_compared_with_the_night_stays_the_days():
    text = "青禾省2031年声环境质量\n全省功能区昼间点次达标率为93.6%,高于夜间。"
    codes = {str(f.value): f.indicator for f in pipeline.read(text).figures}
    assert codes["93.6"] == "noise-functional-compliance-day"
