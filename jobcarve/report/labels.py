"""Words and rows the report views share: gettext, parameter labels, verdicts, reasons, sources."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from jobcarve.formatting import number
from jobcarve.messages import Reason

Gettext = Callable[[str], str]


def N_(text: str) -> str:
    """Marks a string for the catalogue; it is translated where it is used."""
    return text


#: readable names of the analysis parameters (assumptions table)
PARAMETER_LABELS = {
    "split.handover_overhead_share": N_("Extra hand-over time per extra part of a split task"),
    "split.auto_split_demanding_share": N_(
        "Share of set-up, measuring and decisions in a task split by jobcarve"
    ),
    "split.auto_split_heavy_share": N_("Share of the heavy lift in a task split by jobcarve"),
    "split.routine_cap": N_("Highest demand left in the routine part after an automatic split"),
    "split.team_carry_share": N_(
        "Share of a load's weight on each of two carriers (a load above the load constant divided by it gets no lifting split)"
    ),
    "fit.over_capacity_margin": N_("Margin at which a worker is under-challenged"),
    "fit.over_capacity_dimensions": N_(
        "Number of dimensions with that margin that signal monotony"
    ),
    "fit.max_supported_gaps": N_("Most gaps that supports may close in one piece of work"),
    "fit.dangerous_work": N_("Dangerous work: handling flags that keep work out of new jobs"),
    "ergonomics.niosh_load_constant_kg": N_("NIOSH load constant (kg)"),
    "ergonomics.niosh_frequency_table": N_("NIOSH frequency table"),
    "ergonomics.niosh_coupling": N_("NIOSH grip factors"),
    "ergonomics.lifting_index_bands": N_("Lifting index bands"),
    "ergonomics.load_mass_bands_kg": N_("Load mass bands (kg)"),
    "ergonomics.high_frequency_lifts_per_hour": N_("Lifts per hour counted as frequent"),
    "ergonomics.high_frequency_min_mass_kg": N_(
        "Lightest load whose frequent lifts raise the lifting demand (kg)"
    ),
    "ergonomics.raise_margin_levels": N_(
        "Levels by which the load must exceed a lifting rating to raise it"
    ),
    "cobot.gripper_mass_kg": N_("Mass of a gripper (kg)"),
    "cobot.payload_margin": N_("Safety factor on a cobot's payload"),
    "cobot.reach_margin": N_("Safety factor on a cobot's reach"),
    "cobot.min_cycle_s": N_("Shortest cobot cycle (seconds)"),
    "cobot.min_human_move_s": N_(
        "Shortest move by hand, per product of work timed per batch (seconds)"
    ),
    "cobot.max_cobot_slowdown": N_(
        "Most a cobot may be slower than a person per move before the work needs a dedicated machine"
    ),
    "cobot.tolerance_repeatability_factor": N_("Tolerance needed per unit of cobot repeatability"),
    "cobot.max_process_force_n": N_("Highest process force next to people (N)"),
    "cobot.max_process_torque_nm": N_("Highest process torque for a cobot (Nm)"),
    "cobot.exposed_region": N_("Body region assumed in a collision (chest)"),
    "cobot.default_robot_mass_kg": N_("Moving mass of a cobot without a catalogue figure (kg)"),
    "cobot.mean_speed_share": N_("Average speed as a share of the allowed top speed"),
    "cobot.grip_release_s": N_("Time to grip and release (seconds)"),
    "cobot.default_reach_mm": N_("Path length per move without a model figure (mm)"),
    "cobot.available_hours_share": N_("Share of the shift hours a cobot cell runs"),
    "cobot.assist_share": N_("Share of the work a cobot takes when it assists a person"),
    "cobot.tending_share": N_(
        "Share of the work a cobot takes over that people keep: tending the cell"
    ),
    "cobot.tending_physical_demand": N_("Physical demand of tending a cobot cell (0-4)"),
    "cobot.weights": N_("Weights of the cobot suitability score"),
    "cobot.benefit_weights": N_("Weights of the cobot benefit score"),
    "cobot.benefit_full_hours_per_week": N_(
        "Hours per week that give a cobot the full benefit score"
    ),
    "cobot.candidate_min_feasibility": N_(
        "Lowest suitability score for a cobot to take a task (0-100)"
    ),
    "cobot.line_rate_margin": N_(
        "Share by which a cobot may be slower than its feed before the report asks to check it"
    ),
    "cobot.assist_min_feasibility": N_("Lowest suitability score for a cobot to assist (0-100)"),
    "carving.min_job_hours": N_("Fewest hours per week of a new job"),
    "carving.min_kinds_per_job": N_("Fewest kinds of work in a new job"),
    "carving.max_job_ergonomic_load": N_("Highest physical load of a new job over the week (0-4)"),
    "carving.heavy_work_load_margin": N_(
        "Extra physical load (0-4) a job may carry for a profile able to do heavy work"
    ),
    "carving.heavy_work_capacity": N_(
        "Lowest physical capacity (0-4) of a profile able to do heavy work"
    ),
    "carving.role_load_rise_warning": N_(
        "Rise of a role's physical load (0-4) at which the work balance warns"
    ),
    "carving.night_work_in_new_jobs": N_("Night work in new jobs (1 yes, 0 no)"),
    "carving.banenafspraak_hours": N_("Hours per week of one banenafspraak job"),
    "carving.max_cobots": N_("Most cobot cells in a plan"),
    "carving.max_counted_supported_gaps": N_(
        "Most gaps closed by supports in work the plan counts"
    ),
    "carving.volume_share_hours": N_(
        "Largest piece of a task's weekly volume given to one person (hours)"
    ),
    "carving.time_limit_s": N_("Solver time per plan (seconds)"),
    "carving.carved_hours_slack_hours": N_(
        "Hours per week of new jobs the plan may give up for fewer jobs or cobots"
    ),
    "carving.ergonomic_risk_lifting_index": N_(
        "Lifting index from which a unit needs a lifting aid in a new job"
    ),
    "carving.ergonomic_risk_repetitive_demand": N_(
        "Repetitive-work demand at which a cobot removes an ergonomic risk"
    ),
    "carving.max_volume_shares_per_unit": N_("Most pieces a task's weekly volume is shared into"),
    "carving.max_unit_room_ratio": N_(
        "Largest unit a new job takes, as a multiple of the hours its role may give up"
    ),
    "carving.min_cobot_added_hours": N_("Fewest hours a week a cobot must add to be advised"),
    "carving.min_kind_share": N_("Smallest share of a job's hours for one kind of work"),
    "carving.proposals_evaluated": N_("Number of split proposals whose effect is computed"),
    "carving.break_after_hours_under_18": N_(
        "Hours of work in a day after which a worker under 18 has a break of 30 minutes"
    ),
    "carving.break_after_hours": N_(
        "Hours of work in a day after which a break of at least 30 minutes is due"
    ),
    "carving.long_break_after_hours": N_(
        "Hours of work in a day after which a break of at least 45 minutes is due"
    ),
    "carving.max_hours_per_day": N_("Longest working day of a profile that gives none"),
    "carving.max_hours_per_day_under_18": N_("Longest working day of a worker under 18"),
    "cobot.inspection_knockout_problem_solving": N_(
        "Judgement level at which inspection work stays human"
    ),
    "cobot.judgement_knockout_problem_solving": N_("Judgement level at which work stays human"),
    "cobot.reading_knockout_literacy": N_("Reading and writing level at which work stays human"),
    "cobot.large_gripper_mass_kg": N_("Mass of a gripper for large parts (kg)"),
    "cobot.large_part_size_mm": N_("Part size that needs a large gripper (mm)"),
    "cobot.max_shared_part_size_mm": N_("Largest part a cobot may move next to people (mm)"),
    "cobot.max_variants_candidate": N_("Most product variants for a cobot to take a task"),
    "cobot.max_variants_random": N_("Most variants of loose, varying parts for a cobot"),
    "cobot.perception_cap_sensory": N_("Perception demand above which a cobot cannot do the work"),
    "ergonomics.default_lifts_per_min": N_("Lifts per minute assumed when the model gives none"),
    "ergonomics.high_risk_lifting_index": N_("Lifting index of a high risk"),
    "ergonomics.risk_lifting_index": N_("Lifting index from which there is a risk"),
    "ergonomics.frequency_rounding_share": N_(
        "Lift frequency read as the NIOSH table row it rounds to (share above the row)"
    ),
    "ergonomics.weak_lift_multiplier": N_(
        "NIOSH multiplier below which the lifting risks name that part of the lift to change"
    ),
    "split.core_demand_level": N_("Demand level of the core of a task that a split keeps together"),
}

#: words for the fields of the structured parameters (danger flags, coupling table, body
#: region, weights), so the assumptions table shows no data-file keys
FIELD_LABELS = {
    "any_of": N_("any of"),
    "good": N_("good grip"),
    "fair": N_("fair grip"),
    "poor": N_("poor grip"),
    "chest": N_("chest"),
    "transient_force": N_("transient force"),
    "transient_pressure": N_("transient pressure"),
    "spring_constant": N_("spring constant"),
    "effective_mass": N_("effective body mass"),
    "contact_area": N_("contact area"),
    "presentation": N_("presentation of parts"),
    "handling": N_("handling"),
    "joining": N_("joining"),
    "safety": N_("safety"),
    "repetitiveness": N_("repetition"),
    "variants": N_("variants"),
    "judgement": N_("judgement"),
    "ergonomics": N_("ergonomic strain removed"),
    "repetition": N_("repetitive work removed"),
    "monotony": N_("monotony removed"),
    "hours": N_("hours freed"),
}


#: Verdict classes of the task graph, in legend order.
VERDICTS = ("fits", "support", "split", "skilled", "heavy", "cobot")


@dataclass(frozen=True)
class Assumption:
    key: str
    value: str
    source: str
    kind: str = ""
    source_lang: str = ""


def reason_text(reason: Reason, lang: str, _: Gettext) -> str:
    """A reason in plain words: the report's own wording for jargon-laden messages."""
    p = reason.params
    if reason.key == "cobot.candidate":
        return _(
            "Suitable for a cobot: it scores %(f)s out of 100 on suitability, and nothing rules a cobot out."
        ) % {"f": number(p["feasibility"], lang, 0)}
    if reason.key == "cobot.assist":
        return _(
            "A cobot can take part of this work: it scores %(f)s out of 100 on suitability."
        ) % {"f": number(p["feasibility"], lang, 0)}
    if reason.key == "cobot.human_gate":
        return _("Human work: a safety or technical limit rules out a cobot.")
    if reason.key == "gate.tolerance":
        return _(
            "Needs more precision than a cobot gives: a tolerance of %(tol)s mm is less than %(factor)s times the best repeatability (%(rep)s mm)."
        ) % {
            "tol": number(p["tolerance"], lang, 3),
            "factor": number(p["factor"], lang, 1),
            "rep": number(p["repeatability"], lang, 3),
        }
    if reason.key == "split.catalogue":
        return _("Split by the standard split for this kind of task (%(count)s parts).") % {
            "count": p["count"]
        }
    if reason.key == "split.automatic":
        return (
            reason.text(lang)
            + " "
            + _("This split is a rule of thumb of jobcarve: check it on the shop floor.")
        )
    return reason.text(lang)


#: internal notes of the developers that do not ship: dropped from source texts
_INTERNAL = re.compile(
    r"\s*(?:\(?(?:as transcribed in |policy after |after )?(?:the )?domain brief sec\. [\d.]+(?: \[I\])?\)?"
    r"|\(?cobots_hrc\.md(?: sec\. [\d.]*\d)?(?: step [A-Z](?:\.\d+)?)?(?: decision rule)?\)?)[,;:]?",
)


#: the kind of a source is said in words next to it; its English label goes
#: the kind a source begins with ("policy", in Dutch "keuze van jobcarve"), with the date the
#: choice was made, if any: the kind has its own column, the date goes to the text's end
_KIND_PREFIX = re.compile(
    r"^\s*(?:policy|estimate|derived|keuze van jobcarve)(?:\s*\[I\])?"
    r"\s*(?:\((\d{4}-\d{2}-\d{2})\))?\s*:?\s*",
    re.I,
)


#: "(cobots_hrc.md sec. 2.4: text)": the reference goes, the text in brackets stays
_INTERNAL_LEAD = re.compile(r"\((?:cobots_hrc\.md|(?:the )?domain brief)[^:;,()]*:\s*")
#: "(cobots_hrc.md sec. 2.3)": the whole bracket goes, the punctuation after it stays
_INTERNAL_REF = re.compile(r"\s*\((?:cobots_hrc\.md|(?:the )?domain brief)[^:;,()]*\)")


#: the developers' own references (a review finding, an issue, a marker of how sure a figure
#: is): not for the reader
_DEV_NOTES = re.compile(r"\s*(?:redteam H\d+,?|issue #\d+:?|\[[UIVCK]\])")


#: "[U: one vendor example]": the marker goes, the words stay in brackets
_DEV_NOTE_TEXT = re.compile(r"\[[UIVCK]:\s*([^\]]+)\]")


#: the model option that overrides a figure, by its key ("(options.max_cobots)", "; override
#: with options.min_job_hours"): the Figure column names the option in words, and the key is
#: the adviser's, in docs/model-format.md (two readings: "options.min_job_hours" and
#: "--time-limit" in the employer's text)
_OPTION_REF = re.compile(r"\s*\(options\.\w+(?:,\s*--[\w-]+)?\)")
_OPTION_OVERRIDE = re.compile(r"[;.]?\s*\b[Oo]verride with options\.\w+[^.;]*(?=[.;]|$)")


def _clean_source(source: str) -> str:
    source = _OPTION_OVERRIDE.sub("", _OPTION_REF.sub("", source))
    text = _DEV_NOTES.sub("", _DEV_NOTE_TEXT.sub(r"(\1)", source))
    text = _INTERNAL_LEAD.sub("(", text)
    text = _INTERNAL_REF.sub("", text)
    text = _INTERNAL.sub("", text).strip(" ,;:")
    dated = _KIND_PREFIX.match(text)
    if dated:
        text = text[dated.end() :] + (f" ({dated.group(1)})" if dated.group(1) else "")
    text = re.sub(r"\s{2,}", " ", text).replace("( ", "(").replace(" )", ")")
    text = re.sub(r"\(\s*\)", "", text).strip(" ,;:")
    return text


def in_language(source: str, source_nl: str | None, lang: str) -> tuple[str, str]:
    """A source as (text, language): the Dutch text in the Dutch report where the data file
    has one, the English otherwise."""
    return (source_nl, "nl") if lang == "nl" and source_nl else (source, "en")


def sourced(
    label: str, value: str, source: str, source_nl: str | None, lang: str, _: Gettext
) -> Assumption:
    """A row of figure, value and source; the kind of source is read from the English text,
    which carries it as its first word, whatever the language shown."""
    shown, tongue = in_language(source, source_nl, lang)
    return Assumption(label, value, _clean_source(shown), _source_kind(source, _), tongue)


def _source_kind(source: str, _: Gettext) -> str:
    low = source.lower().lstrip()
    if low.startswith("policy") or " policy" in low[:20]:
        return _("choice of jobcarve (no published norm)")
    if low.startswith("estimate"):
        return _("estimate")
    if low.startswith("derived"):
        return _("derived from published figures")
    if low.startswith("model"):
        return _("from the process model")
    return _("published source")
