"""Five company cases whose expected verdicts an expert wrote before the tool ran
(tests/cases/README.md): the work balance holds on each, and the agreement with the clear
expert labels does not fall below what was measured (docs/performance.md)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from cases import agreement, case_files, plan_rules

#: the issues' target (#13, #14: 90% of the clear labels); measured on 2026-11-30 over the
#: five cases: fit 98%, cobot 95% (docs/performance.md)
FIT_FLOOR = 0.90
COBOT_FLOOR = 0.90


def test_agreement_with_expert_labels() -> None:
    fit_clear = fit_agree = cobot_clear = cobot_agree = 0
    for model, expected in case_files():
        result, _ = agreement(model, expected)
        fit_clear += result.fit_clear
        fit_agree += result.fit_agree
        cobot_clear += result.cobot_clear
        cobot_agree += result.cobot_agree
    assert fit_clear >= 300 and cobot_clear >= 90  # the cases carry enough clear labels
    assert fit_agree / fit_clear >= FIT_FLOOR
    assert cobot_agree / cobot_clear >= COBOT_FLOOR


@pytest.mark.parametrize("model", [m for m, _ in case_files()], ids=lambda p: p.stem)
def test_no_role_gives_up_more_than_its_uses(model) -> None:  # type: ignore[no-untyped-def]
    expected = model.with_name(model.stem + ".expected.yaml")
    broken = [b for b in plan_rules(model, expected, time_limit_s=2) if "gives up" in b]
    assert not broken, broken
