"""Company cases (one hundred and eighteen) whose expected verdicts an expert wrote before the
tool ran (tests/cases/README.md): the work balance holds on each, no unit the expert keeps out
of new jobs is carved, and the agreement with the clear expert labels does not fall below what
was measured (docs/performance.md)."""

from __future__ import annotations

import sys

import pytest

from jobcarve.yamlsource import load
from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from cases import agreement, case_files, plan_ranges, plan_rules

#: the issues' target (#13, #14: 90% of the clear labels); measured on 2026-11-30 over the
#: fifteen cases of the seventh session: fit 98%, cobot 98%; blind, before the rules they led to: cases 6 and 7
#: fit 90%, cobot 98%; cases 8 and 9 fit 91%, cobot 98%; cases 10 and 11 fit 97%, cobot 96%;
#: cases 12 and 13 fit 98%, cobot 100%; cases 14 and 15 fit 98%, cobot 100%; cases 16,
#: 16b and 17 fit 94%, cobot 99%; case 18 fit 97%, cobot 100%; case 19 fit 100%, cobot
#: 100%; all twenty after their rules: fit 98%, cobot 99%; cases 20 and 21 fit 98%, cobot
#: 100%; cases 22 and 23 fit 100%, cobot 98%; cases 24 and 25 (first run) fit 99%, cobot 98%; all
#: twenty-six after their rules: fit 99%, cobot 99%; cases 30-33 (first run) fit 100%, cobot
#: 97%; all thirty-four: fit 2720/2748 (99%), cobot 775/786 (99%); cases 34 and 35 (first
#: run) fit 100%, cobot 96%; all thirty-six: fit 2919/2947 (99%), cobot 829/842 (98%); cases
#: 36 and 37 (first run) fit 208/211, cobot 56/58; all thirty-eight: fit 3128/3158 (99%),
#: cobot 885/900 (98%); after their rules: fit 3128/3158, cobot 889/900; cases 38 and 39
#: (first run) fit 248/248, cobot 66/69; all forty: fit 3376/3406 (99%), cobot 955/969 (99%);
#: cases 40 and 41 (first run) fit 232/232, cobot 64/65; all forty-two, with the lifting aid
#: closing no posture gap and the cleaning gate narrowed: fit 3617/3642 (99%), cobot 1019/1035
#: (98%); cases 42-47 (first run) fit 612/615, cobot 176/179; all forty-eight, with the job
#: coach closing memory only up to demand 3: fit 4231/4257 (99%), cobot 1195/1214 (98%);
#: with no cobot assist below a candidate's score (F 70): cobot 1202/1214 (99%); cases 48-51
#: (first run) fit 386/388, cobot 108/110; all fifty-two: fit 4617/4645 (99%), cobot
#: 1310/1324 (99%); cases 52-57 (first run) fit 623/630, cobot 166/172; all fifty-eight, with
#: the hazardous-substance gate: fit 5240/5275 (99%), cobot 1477/1496 (99%); cases 58-61
#: (first run) fit 417/417, cobot 117/119; all sixty-two: fit 5657/5692 (99%), cobot
#: 1594/1615 (99%); all eighty (cases 76-79 first run 368/368, 104/104): fit 7524/7567,
#: cobot 2110/2134; all eighty-two (cases 80-81 first run 186/186, 52/52): fit 7710/7753,
#: cobot 2162/2186; all eighty-four (cases 82-83 first run 208/208, 59/60): fit 7918/7961,
#: cobot 2221/2246; cases 84-86 first run fit 296/298, cobot 85/88; all eighty-seven with
#: operations_per_hour: fit 8214/8259, cobot 2308/2334; cases 87-88 first run fit 231/235,
#: cobot 67/67; all eighty-nine with two rules from them (a lift without a count, no buffer
#: for a changeover): fit 8447/8494, cobot 2375/2401; cases 89-90 first run fit 219/222,
#: cobot 66/66; all ninety-one with a floor split's parts holding a profile out of the
#: whole: fit 8674/8722, cobot 2442/2468; cases 91-92 first run fit 222/222, cobot 62/63;
#: all ninety-three: fit 8896/8944, cobot 2504/2531; all ninety-eight: fit 9490/9540, cobot
#: 2670/2702; cases 102-105 first run fit 483/492, cobot 139/139 (case 102: 114/121 before
#: frequent lifts raised the lifting demand only from 5 kg, 118/121 after); all one hundred
#: and six: fit 10430/10486, cobot 2935/2967; cases 106-107 first run fit 243/243, cobot
#: 65/65; all one hundred and eight: fit 10673/10729, cobot 3000/3032; cases 108-109 first
#: run fit 234/234, cobot 67/67; all one hundred and ten: fit 10907/10963, cobot 3067/3099;
#: cases 110-111 first run fit 197/197, cobot 58/58; all one hundred and twelve: fit
#: 11104/11160, cobot 3125/3157; cases 112-113 first run fit 219/223, cobot 64/64; all one
#: hundred and fourteen: fit 11323/11383, cobot 3189/3221; cases 114-115 first run fit
#: 223/224, cobot 64/65; case 113 with the restriction no_electrical_work 110/112 (108
#: before); all one hundred and sixteen: fit 11548/11607, cobot 3253/3286; cases 116-117
#: first run fit 232/233, cobot 66/66; all one hundred and eighteen: fit 11780/11840, cobot
#: 3319/3352 (docs/performance.md)
FIT_FLOOR = 0.90
COBOT_FLOOR = 0.90


def test_expected_files_are_strict_yaml() -> None:
    """Every expected-verdict file parses without duplicate keys (the format's case id was a
    second top-level `case` until 2026-12-03: PyYAML kept the last, strict parsers refuse
    it; a blind writer found it)."""
    for _, expected in case_files():
        _, _, problems = load(expected.read_text(encoding="utf-8"), str(expected))
        assert not problems, [p.message for p in problems]


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


#: case rules the tool is known to break, with the reason (strict: a fix makes the test fail
#: until the entry goes)
KNOWN = {
    "window_frames": "hand_finish: the expert keeps the corner scraper (a blade) out of new"
    " jobs, yet rates it within the prosthesis profile's capacities; a hazardous hand tool"
    " alone is not dangerous work here (knife trimming and hand soldering are carved in"
    " cases 4 and 6)",
    "pipe_extrusion": "degate_fittings: the expert keeps a deburring knife at 300 cuts an hour out"
    " of new jobs as dangerous work; a hazardous hand tool alone is not dangerous work here (the"
    " knife trimming of ready_meals, also repetition 3, is carved by its expert), as for"
    " window_frames",
    "rubber_moulding": "knife_trim: the magnifier closes the driver's sight and fine-motor gaps"
    " by the numbers on scalpel work his expert labels not accessible (a known fit"
    " disagreement); whether the plan at 2 s puts it in his job is the solver's path",
    "wire_harness": "tin_dip: the expert keeps colophony flux fumes at a 260 C solder pot out of"
    " new jobs while rating the work within two profiles' capacities (unclear labels); the model"
    " gives dust_fumes without hazardous_substance, and heat (hot_work, added 2026-12-02) rules"
    " out only a profile with no_hot_work, which none has here, so nothing rules it out: with the heavy-work margin (2026-12-02) the plan puts 6 h of it in"
    " a job, before the margin the plan left it with the role by the solver's choice",
}
# rubber_moulding (knife_trim, a known fit disagreement: the magnifier closes the driver's gaps
# on scalpel work his expert labels not accessible) was here while the plan at these tests' 2 s
# put it in his job; with the plan preferring room there is today to the leavers' work
# (start_hours, 2026-12-04) it stayed with its role at 2 s, and with floor checks weighed in
# the plan (the thirty-seventh session) the 2 s plan puts it in his job again (at 5 s it stays
# with its role): it is back


@pytest.mark.parametrize(
    "model",
    [
        pytest.param(m, marks=pytest.mark.xfail(strict=True, reason=KNOWN[m.stem]))
        if m.stem in KNOWN
        else m
        for m, _ in case_files()
    ],
    ids=lambda p: p.stem,
)
def test_plan_keeps_the_case_rules(model) -> None:  # type: ignore[no-untyped-def]
    """No role gives up more than its declared uses; no unit the expert keeps out of new
    jobs (core judgement, dangerous work, displacement) is in a carved job."""
    expected = model.with_name(model.stem + ".expected.yaml")
    broken = plan_rules(model, expected, time_limit_s=2)
    assert not broken, broken


#: plans inside all of their expert's ranges (jobs, standard task hours moved into carved
#: jobs, cobots), measured on 2026-12-01 at 5 deterministic seconds: 30 of the forty cases,
#: 33 of forty-two after cases 40 and 41 and the lifting aid's change (docs/performance.md,
#: fourteenth session), 38 of forty-eight with cases 42-47 (five of the six new ones inside),
#: 42 of fifty-two with cases 48-51 and hand-over time counted only where a split adds one,
#: 48 of fifty-eight with cases 52-57 (all six inside), 50 of sixty-two with cases 58-61 and
#: a hazardous hand tool in dust or fumes as dangerous work, 52 of sixty-two with the
#: heavy-work margin (2026-12-02), 57 of sixty-eight with cases 62-67 and jobs within few
#: teams, 65 of seventy-six with cases 68-75, 69 of eighty with cases 76-79, 71 of
#: eighty-two with cases 80-81, 73 of eighty-four with cases 82-83 and one cell per
#: line-fed unit, 76 of eighty-seven with cases 84-86 (all three inside), 78 of eighty-nine
#: with cases 87-88 (both inside), 80 of ninety-one with cases 89-90 (both inside), 82 of
#: ninety-three with cases 91-92 (both inside), 85 of ninety-eight with cases 93-97, 85 of
#: one hundred with cases 98-99 (the dairy inside, the office chairs without the screwing
#: cobot its expert wants, unsure) and the spice blender's palletising cobot gone once its
#: NIOSH row was read right (lifting index 0.84, no risk left for a cell to remove); 86 of
#: one hundred and two with cases 100-101 (the flag printer inside, the duct maker without
#: the coupling-beader cobot its expert, unsure, expects: new jobs take that work); 90 of
#: one hundred and six with cases 102-105 (all four inside; the ladder maker once frequent
#: lifts of 3 kg stools no longer raise the lifting demand); 98 of one hundred and sixteen,
#: and 102 once a cell that takes work over counts the hours it frees for the roles' declared
#: uses (agency hours, overtime) and a plan without a cell is tried with one (2026-12-05);
#: 104 of one hundred and eighteen with cases 116-117 (both inside, neither with a cell);
#: 102 once a cell advised for the hours it frees alone earns itself back on them within its
#: write-off period (the spice blender's palletising cell, 8.7 years, out; its expert unsure)
#: and one arm serves work of one kind (the meat processor's crate washer a cell of its own);
#: at the tests' 2 s the same 30 of forty. The floor keeps
#: a change from pushing plans out of the experts' ranges unnoticed; the cases outside are
#: judgement calls the experts marked unclear, listed in the performance notes.
PLANS_INSIDE_FLOOR = 0.70


def test_plans_inside_the_experts_ranges() -> None:
    """Most plans carve as many jobs and hours as their blind expert expects, and cobots
    within the expert's range; the measure is the expert's own (standard task hours the
    roles give up, before the hand-over time of split tasks and the profiles' pace)."""
    inside = [
        all(c.inside for c in plan_ranges(model, expected, time_limit_s=2))
        for model, expected in case_files()
    ]
    assert len(inside) >= 40
    assert sum(inside) / len(inside) >= PLANS_INSIDE_FLOOR, f"{sum(inside)}/{len(inside)}"
