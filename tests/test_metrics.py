import datetime as dt

import pytest

from spotlight_dash import metrics


def test_delivery_rate_is_missing_not_zero_without_figures():
    assert metrics.delivery_rate_pct(50, 1000) == 5
    assert metrics.delivery_rate_pct(None, 1000) is None
    assert metrics.delivery_rate_pct(50, None) is None
    assert metrics.delivery_rate_pct(50, 0) is None


@pytest.mark.parametrize("baseline,target,actual,direction,expected", [
    (0, 100, 50, "higher", 0.5),
    (40, 20, 30, "lower", 0.5),     # lower is better: falling from 40 towards 20
    (40, 20, 45, "lower", -0.25),   # moved the wrong way
    (0, 100, None, "higher", None),
    (None, 100, 50, "higher", None),
    (10, 10, 10, "higher", None),
    (40, 20, 30, "higher", None),   # target on the wrong side of the baseline for its direction
])
def test_progress_to_target_honours_direction(baseline, target, actual, direction, expected):
    assert metrics.progress_to_target(baseline, target, actual, direction) == expected


def test_rag_thresholds():
    assert metrics.rag_status(0.45, 0.5) == "green"   # 90 % of expected
    assert metrics.rag_status(0.30, 0.5) == "amber"   # 60 %
    assert metrics.rag_status(0.29, 0.5) == "red"
    assert metrics.rag_status(None, 0.5) == "no data"
    start, end = dt.date(2020, 1, 1), dt.date(2022, 12, 31)
    assert metrics.expected_progress(start, end, dt.date(2023, 6, 1)) == 1.0
    assert 0.3 < metrics.expected_progress(start, end, dt.date(2020, 12, 31)) < 0.34


def test_every_kind_of_missing_value_reads_not_reported():
    import pandas as pd

    from spotlight_dash import formatting as fmt
    for missing in (None, float("nan"), pd.NA, pd.NaT):
        assert fmt.number(missing) == "not reported" and fmt.percent(missing) == "not reported"
    assert fmt.number(0) == "0" and fmt.percent(0.0) == "0 %"  # zero is a figure, not a gap
