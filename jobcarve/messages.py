"""Human-readable reasons behind every verdict, in Dutch and English.

A `Reason` is a message key with parameters; the report renders it in its language. Keys
are stable (tests and JSON consumers rely on them); the texts may be improved.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from typing import Any

from jobcarve.formatting import format_spec as localised
from jobcarve.formatting import join_items

LANGUAGES = ("nl", "en")

#: which lifting aids leave a person lifting, in both lifting risks with an aid in use (an
#: adviser's reading: a vacuum tube lifter at the egg packer read as "a person still lifts")
_AID_LIFT = (
    "een heftafel of rollenbaan houdt de last op hoogte en de mens tilt nog; neemt de hulp de hele last over, zoals een vacuümheffer of balancer, dan tilt niemand meer: laat dan de tilgeometrie weg uit het model",
    "a lift table or roller conveyor keeps the load at height and a person still lifts; where the aid carries the whole load, as a vacuum tube lifter or a balancer does, nobody lifts: leave the lift's geometry out of the model",
)

#: key -> (Dutch, English) templates with str.format fields.
MESSAGES: dict[str, tuple[str, str]] = {
    # fit
    "fit.fits": (
        "Past: het profiel kan op alle dimensies aan wat de taak vraagt.",
        "Fits: the profile meets every demand of the task.",
    ),
    "fit.with_support": (
        "Past met ondersteuning: {supports} sluit de verschillen op {dimensions}.",
        "Fits with support: {supports} closes the gaps on {dimensions}.",
    ),
    "fit.needs_split": (
        "Past na splitsen: de onderdelen {units} passen, het verschil zit in {rest}.",
        "Fits after splitting: the units {units} fit; the gap lies in {rest}.",
    ),
    "fit.needs_split_whole": (
        "Past na splitsen: de onderdelen {units} passen elk, de hele taak niet.",
        "Fits after splitting: the units {units} each fit; the whole task does not.",
    ),
    "fit.too_many_gaps": (
        "Past niet: het werk vraagt op {count} dimensies meer dan het profiel biedt "
        "({dimensions}); ondersteuning compenseert een beperking, maar bij tekorten op meer dan "
        "{max} dimensies tegelijk past het werk niet bij het profiel.",
        "Not accessible: the work asks more than the profile offers on {count} dimensions "
        "({dimensions}); supports compensate a limitation, but with gaps on more than {max} "
        "dimensions at once the work does not suit the profile.",
    ),
    "fit.needs_split_parts": (
        "Past na splitsen: de onderdelen {units} passen, {others} niet.",
        "Fits after splitting: the units {units} fit, {others} do not.",
    ),
    "fit.no_part": (
        "Past niet: geen van de onderdelen {units} past.",
        "Not accessible: none of the units {units} fits.",
    ),
    "fit.not_accessible": (
        "Past niet: geen ondersteuning of splitsing sluit het verschil op {dimensions}.",
        "Not accessible: no support or split closes the gap on {dimensions}.",
    ),
    "fit.gap": (
        "{dimension}: vraagt {demand}, profiel kan {capacity}",
        "{dimension}: demands {demand}, profile offers {capacity}",
    ),
    "fit.under_challenge": (
        "Let op: het profiel kan op {count} dimensies veel meer dan de taak vraagt (risico op eentonig werk).",
        "Note: the profile exceeds the demands by far on {count} dimensions (risk of monotonous work).",
    ),
    # split
    "split.none": ("Niet gesplitst.", "Not split."),
    "split.subtasks": (
        "Gesplitst volgens de eigen deeltaken van het model ({count} delen).",
        "Split by the model's own subtasks ({count} units).",
    ),
    "split.catalogue": (
        "Gesplitst volgens de standaardsplitsing van catalogustaak {template} ({count} delen).",
        "Split by the default split of catalogue task {template} ({count} units).",
    ),
    "split.automatic": (
        "Automatisch gesplitst: {parts} apart van het routinewerk ({count} delen).",
        "Split automatically: {parts} separated from the routine work ({count} units).",
    ),
    "split.overhead": (
        "Splitsen kost {overhead:.1f} uur per week extra overdracht ({share:.0%} per nieuwe overdracht; delen op een andere werkplek of in een andere functie worden nu al overgedragen).",
        "Splitting adds {overhead:.1f} hours per week of hand-over ({share:.0%} per new hand-over; parts at another workstation or in another role are handed over today already).",
    ),
    "split.no_overhead": (
        "Splitsen kost geen extra overdracht: de delen liggen nu al op verschillende werkplekken of bij verschillende functies.",
        "Splitting adds no hand-over: the parts are at different workstations or in different roles today already.",
    ),
    "split.proposal.catalogue": (
        "Catalogustaak {template} kent een gangbare splitsing in {count} delen. Het plan telt die pas mee als de adviseur haar op de werkvloer bevestigt (catalogue_split: confirmed).",
        "Catalogue task {template} has a typical split into {count} units. The plan counts it only once the adviser confirms it on the floor (catalogue_split: confirmed).",
    ),
    "split.proposal.automatic": (
        "Voorstel om te controleren op de werkvloer: {parts} apart van de rest ({count} delen). Het plan telt dit voorstel niet mee; neem de delen als deeltaken in het model op als ze kloppen.",
        "Proposal to check on the floor: {parts} separated from the rest ({count} units). The plan does not count it; write the units into the model as subtasks if they hold.",
    ),
    "split.kept_whole": (
        "De adviseur heeft op de werkvloer vastgesteld dat de taak heel blijft: geen "
        "splitsing voorgesteld.",
        "The adviser found on the floor that the task stays whole: no split is proposed.",
    ),
    "split.rejected": (
        "De adviseur heeft de catalogussplitsing afgewezen: de taak blijft heel.",
        "The adviser rejected the catalogue split: the task stays whole.",
    ),
    "split.confirmed_no_fit": (
        "De adviseur heeft de standaardsplitsing voor dit soort taak op de werkvloer bevestigd, maar geen van de {count} delen past een profiel dat de hele taak niet kan: de taak blijft heel bij haar functie.",
        "The adviser confirmed the standard split for this kind of task on the floor, but none of its {count} parts fits a profile that cannot do the whole task: the task stays whole with its role.",
    ),
    "split.core": (
        "Geen splitsingsvoorstel: de kern van deze taak is {dimensions}. Er valt geen routinedeel uit te halen, tenzij de adviseur dat op de werkvloer vindt.",
        "No split proposal: the core of this task is {dimensions}. It has no routine part to take out, unless the adviser finds one on the floor.",
    ),
    "split.too_heavy_to_hand_on": (
        "Geen voorstel om het tillen af te splitsen: een last van {mass:g} kg is zwaarder dan twee mensen samen mogen tillen ({limit:.1f} kg). Dat tillen kan niemand overnemen; de last vraagt een kraan, takel of heftruck (zie de tilrisico's).",
        "No proposal to split off the lifting: a load of {mass:g} kg is heavier than two people may lift together ({limit:.1f} kg). It is nobody's lift to take over; it needs a crane, hoist or forklift (see the lifting risks).",
    ),
    "split.lift_is_the_work": (
        "Geen voorstel om het tillen af te splitsen: het tillen en verplaatsen van de last is het werk zelf, dus zonder het tillen blijft er geen routinewerk over. Het tilrisico gaat weg met een tilhulp, een cobot of een palletiseerder, niet met een splitsing (zie de tilrisico's).",
        "No proposal to split off the lifting: lifting and moving the load is the work itself, so without the lift no routine work is left. The lifting risk goes with a lifting aid, a cobot or a palletiser, not with a split (see the lifting risks).",
    ),
    "split.part.decisions": ("instellen, meten en beslissen", "set-up, measuring and decisions"),
    "split.part.heavy": ("het zware tillen", "the heavy lift"),
    "split.part.routine": ("routinewerk", "routine work"),
    # ergonomics
    "ergo.niosh": (
        "Tilindex NIOSH {li:.2f} (aanbevolen gewichtsgrens {rwl:.1f} kg bij {mass:g} kg): tilvraag {level}.",
        "NIOSH lifting index {li:.2f} (recommended weight limit {rwl:.1f} kg for {mass:g} kg): lifting demand {level}.",
    ),
    "ergo.niosh_inputs": (
        "De tilindex komt uit de tilbeweging zoals gemodelleerd: aanbevolen gewichtsgrens {rwl:.1f} kg bij een last van {mass:g} kg; handen {h:g} cm voor de enkels, begin op {v:g} cm hoogte, {d:g} cm verticale verplaatsing, {a:g}° draaiing, {coupling}, {per_hour:.0f} tillingen per uur, {hours:.1f} uur van dit tilwerk per dienst.",
        "The lifting index comes from the lift as modelled: recommended weight limit {rwl:.1f} kg for a load of {mass:g} kg; hands {h:g} cm from the ankles, starting {v:g} cm high, {d:g} cm vertical travel, {a:g}° twist, {coupling}, {per_hour:.0f} lifts an hour, {hours:.1f} hours of this lifting a shift.",
    ),
    "ergo.coupling.good": ("goede greep", "good grip"),
    "ergo.coupling.fair": ("redelijke greep", "fair grip"),
    "ergo.coupling.poor": ("slechte greep", "poor grip"),
    "ergo.mass_band": (
        "Last {mass:g} kg, {per_hour:.0f} tillingen per uur: tilvraag {level}.",
        "Load {mass:g} kg, {per_hour:.0f} lifts per hour: lifting demand {level}.",
    ),
    "ergo.raised": (
        "Tilvraag verhoogd van {before} naar {after} door de belasting.",
        "Lifting demand raised from {before} to {after} by the load.",
    ),
    "ergo.kept": (
        "De last wijst op tilvraag {level}; de beoordeling {rating} uit het model blijft staan: één niveau verschil valt binnen de onzekerheid van de klassen (het tilrisico wordt apart gemeld).",
        "The load points to lifting demand {level}; the model's rating {rating} stands: one level apart is within the bands' uncertainty (the lifting risk is reported apart).",
    ),
    # plans
    "plan.no_slots": (
        "Geen nieuwe baan mogelijk: geen profiel heeft {min_hours:g} uur per week beschikbaar of genoeg passend werk.",
        "No carved job possible: no profile has {min_hours:g} hours per week available or enough fitting work.",
    ),
    "plan.no_job.hours": (
        "Geen nieuwe baan voor {profile}: dit profiel heeft {hours:g} uur per week beschikbaar; een baan vraagt ten minste {min_hours:g} uur (in te stellen in de opties van het model).",
        "No new job for {profile}: this profile has {hours:g} hours per week available; a job needs at least {min_hours:g} hours (an option of the model).",
    ),
    "plan.no_job.room": (
        "Geen nieuwe baan voor {profile}: het werk dat past en dat de rollen mogen afstaan is {hours:.1f} uur per week (soorten werk: {kinds}); een baan vraagt ten minste {min_hours:g} uur en {min_kinds} soort(en) werk.",
        "No new job for {profile}: the work that fits and that the roles may give up is {hours:.1f} hours per week (kinds of work: {kinds}); a job needs at least {min_hours:g} hours and {min_kinds} kind(s) of work.",
    ),
    "plan.no_job.taken": (
        "Geen nieuwe baan voor {profile}: van het werk dat past, laten de andere nieuwe banen en cobots de rollen nog {hours:.1f} uur per week om af te staan (soorten werk: {kinds}); een baan vraagt ten minste {min_hours:g} uur en {min_kinds} soort(en) werk.",
        "No new job for {profile}: of the work that fits, the other new jobs and cobots leave the roles {hours:.1f} hours per week to give up (kinds of work: {kinds}); a job needs at least {min_hours:g} hours and {min_kinds} kind(s) of work.",
    ),
    "plan.no_job.taken_all": (
        "Geen nieuwe baan voor {profile}: het werk dat past en dat de rollen mogen afstaan, gaat al naar de andere nieuwe banen en cobots; er blijft geen uur van over.",
        "No new job for {profile}: the work that fits and that the roles may give up already goes to the other new jobs and cobots; not an hour of it is left.",
    ),
    "plan.no_job.load": (
        "Geen nieuwe baan voor {profile}: ook de lichtste bundel van het werk dat past belast het lichaam gemiddeld {load:.1f} (tillen, duwen en trekken, herhaling of houding, 0-4, gewogen naar uren); een baan blijft op of onder {max:g} (beleid). Een hulpmiddel of taakroulatie die het zwaarste werk lichter maakt, of een cobot die het overneemt, maakt zo'n baan mogelijk.",
        "No new job for {profile}: even the lightest bundle of the work that fits loads the body {load:.1f} on average (lifting, pushing and pulling, repetition or posture, 0-4, weighted by hours); a job stays at or below {max:g} (policy). An aid or job rotation that lightens the heaviest work, or a cobot that takes it over, makes such a job possible.",
    ),
    "plan.no_job.together": (
        "Geen nieuwe baan voor {profile}: van het werk dat past, ligt {whole:.1f} uur per week binnen wat de rollen mogen afstaan, en de andere nieuwe banen en cobots laten daarvan {hours:.1f} uur over (soorten werk: {kinds}). Geen regel alleen sluit een baan uit, maar samen doen ze dat: een baan van ten minste {min_hours:g} uur en {min_kinds} soort(en) werk, hoogstens het deel van één ploeg en van de eigen werkdagen van dagelijks werk, de fysieke belasting, en taakroulatie waar een ondersteuning die vraagt. Het plan geeft de ruimte van de rollen aan de banen die samen het meeste werk opnemen; een baan voor dit profiel neemt werk van die banen over.",
        "No new job for {profile}: of the work that fits, {whole:.1f} hours per week lie within what the roles may give up, and the other new jobs and cobots leave {hours:.1f} hours of it (kinds of work: {kinds}). No rule alone rules a job out, but together they do: a job of at least {min_hours:g} hours and {min_kinds} kind(s) of work, at most one shift's share and its own days' share of daily work, the physical load, and job rotation where a support asks for it. The plan gives the roles' room to the jobs that together take the most work; a job for this profile takes work from those jobs.",
    ),
    "plan.no_job.together_alone": (
        "Geen nieuwe baan voor {profile}: van het werk dat past, ligt {whole:.1f} uur per week binnen wat de rollen mogen afstaan (soorten werk: {kinds}). Geen regel alleen sluit een baan uit, maar samen doen ze dat: een baan van ten minste {min_hours:g} uur en {min_kinds} soort(en) werk, hoogstens het deel van één ploeg en van de eigen werkdagen van dagelijks werk, de fysieke belasting, en taakroulatie waar een ondersteuning die vraagt.",
        "No new job for {profile}: of the work that fits, {whole:.1f} hours per week lie within what the roles may give up (kinds of work: {kinds}). No rule alone rules a job out, but together they do: a job of at least {min_hours:g} hours and {min_kinds} kind(s) of work, at most one shift's share and its own days' share of daily work, the physical load, and job rotation where a support asks for it.",
    ),
    "plan.no_job.unproven": (
        "Geen nieuwe baan voor {profile} in dit plan: van het werk dat past, ligt {whole:.1f} uur per week binnen wat de rollen mogen afstaan, en geen regel alleen sluit een baan uit; de rekentijd was op voordat bewezen was dat er naast de andere banen geen past. Een langere berekening kan er een vinden.",
        "No new job for {profile} in this plan: of the work that fits, {whole:.1f} hours per week lie within what the roles may give up, and no rule alone rules a job out; the solver's time ran out before it proved that none fits beside the other jobs. A longer run may find one.",
    ),
    "plan.no_job.trials": (
        "Voor {profile} is er daarnaast werk om eerst uit te proberen, tot {hours:.1f} uur per week; het plan telt dat niet mee: tel het pas mee als het in de praktijk werkt.",
        "For {profile} there is also work to try out first, up to {hours:.1f} hours per week; the plan does not count it: count it only once it works in practice.",
    ),
    "plan.no_job.larger": (
        "Voor {profile} blijft ook passend werk bij de functies, omdat elk stuk groter is dan wat de functie mag afstaan: {count} werkeenheid/werkeenheden, samen {hours:.1f} uur per week van vandaag (zie 'Het proces en zijn taken').",
        "For {profile}, work that fits also stays with its roles, because each piece is larger than its role may give up: {count} unit(s), {hours:.1f} hours per week today together (see 'The process and its tasks').",
    ),
    "plan.slack": (
        "Het plan heeft {carved:.1f} uur per week in nieuwe banen, iets minder dan de {best:.1f} uur die mogelijk is: die laatste uren zouden een extra baan of cobot vragen, en minder dan {slack:g} uur per week is die niet waard (beleid).",
        "The plan has {carved:.1f} hours a week in carved jobs, a little less than the {best:.1f} hours possible: the last hours would need another job or cobot, and a gain below {slack:g} h a week is not worth one (policy).",
    ),
    # cobot gates
    "gate.payload": (
        "Te zwaar: onderdeel plus grijper {need:.1f} kg (met marge) is meer dan de grootste cobot ({max:g} kg).",
        "Too heavy: part plus gripper {need:.1f} kg (with margin) exceeds the largest cobot ({max:g} kg).",
    ),
    "gate.reach": (
        "Te ver: benodigd bereik {need:.0f} mm (met marge) is meer dan de grootste cobot ({max:g} mm).",
        "Too far: the reach needed, {need:.0f} mm with margin, exceeds the largest cobot ({max:g} mm).",
    ),
    "gate.no_model": (
        "Geen enkele cobot uit de catalogus haalt tegelijk last {payload:.1f} kg en bereik {reach:.0f} mm.",
        "No catalogue cobot reaches both payload {payload:.1f} kg and reach {reach:.0f} mm.",
    ),
    "gate.no_model_tolerance": (
        "Geen enkele cobot uit de catalogus haalt tegelijk last {payload:.1f} kg en een tolerantie van {tolerance:g} mm (herhaalnauwkeurigheid).",
        "No catalogue cobot reaches both payload {payload:.1f} kg and a tolerance of {tolerance:g} mm (repeatability).",
    ),
    "gate.no_model_reach_tolerance": (
        "Geen enkele cobot uit de catalogus haalt tegelijk bereik {reach:.0f} mm en een tolerantie van {tolerance:g} mm (herhaalnauwkeurigheid).",
        "No catalogue cobot reaches both a reach of {reach:.0f} mm and a tolerance of {tolerance:g} mm (repeatability).",
    ),
    "gate.no_model_all": (
        "Geen enkele cobot uit de catalogus haalt tegelijk last {payload:.1f} kg, bereik {reach:.0f} mm en een tolerantie van {tolerance:g} mm (herhaalnauwkeurigheid).",
        "No catalogue cobot reaches payload {payload:.1f} kg, reach {reach:.0f} mm and a tolerance of {tolerance:g} mm (repeatability) together.",
    ),
    "gate.hazardous_tool": (
        "De robot zou gevaarlijk gereedschap vasthouden (mes, boor, slijper, toorts): alleen met afscherming, niet collaboratief.",
        "The robot would hold a hazardous tool (blade, drill, grinder, torch): needs guarding, not collaborative.",
    ),
    "gate.hazardous_substance": (
        "Werk met een gevaarlijke stof (spuiten, beitsen, oplosmiddelen): een gesloten proces beschermt de mens, een cabine of machine met een robot erin, geen cobot ernaast; gewone cobots zijn niet explosieveilig (ATEX).",
        "Work with a hazardous substance (spraying, pickling, solvents): a closed process protects people, a booth or machine with a robot inside, not a cobot beside them; standard cobots are not explosion-proof (ATEX).",
    ),
    "gate.head_exposure": (
        "Hoofd of gezicht binnen bereik van de robot: contact met schedel of gezicht is volgens ISO 10218-2:2025 (ISO/TS 15066) niet toegestaan.",
        "Head or face within the robot's reach: ISO 10218-2:2025 (ISO/TS 15066) does not permit contact with skull or face.",
    ),
    "gate.takt": (
        "De lijn is te snel voor een cobot: die heeft gemiddeld {cobot_s:.0f} s per product nodig, de takt is {takt:g} s.",
        "The line is too fast for a cobot: it needs {cobot_s:.0f} s per unit on average; the takt is {takt:g} s.",
    ),
    "cobot.line_rate": (
        "Te controleren: een medewerker doet één handeling (pakken en plaatsen, of tillen) in {human_s:.1f} s, {hours:.1f} uur per week; op de snelheid die naast mensen is toegestaan, heeft een cobot {cobot_s:.1f} s nodig, {cobot_hours:.1f} uur per week. Loopt de lijn of machine voor dit werk minstens {cobot_hours:.1f} uur per week (één handeling per {cobot_s:.1f} s of trager), dan houdt de cobot het bij; levert die sneller, dan moet de aanvoer trager lopen, of moet een veiligheidsscanner de arm sneller laten bewegen zolang niemand dichtbij is (snelheids- en afstandsbewaking, ISO/TS 15066).",
        "To check: a person does one move (a pick and place, or a lift) in {human_s:.1f} s, {hours:.1f} hours a week; at the speed allowed near people a cobot needs {cobot_s:.1f} s, {cobot_hours:.1f} hours a week. Where the line or machine runs at least {cobot_hours:.1f} hours a week for this work (one move every {cobot_s:.1f} s or slower), the cobot keeps up; where it delivers faster, the feed must run slower, or a safety scanner must let the arm move faster while nobody is near (speed and separation monitoring, ISO/TS 15066).",
    ),
    "gate.tolerance": (
        "Te nauwkeurig: tolerantie {tolerance:g} mm is minder dan {factor:g} x de beste herhaalnauwkeurigheid ({repeatability:g} mm).",
        "Too precise: tolerance {tolerance:g} mm is below {factor:g} x the best repeatability ({repeatability:g} mm).",
    ),
    "gate.force": (
        "Te veel kracht: het proces vraagt {force:g} N, de grens voor samenwerken is {max:g} N.",
        "Too much force: the process needs {force:g} N; the collaborative limit is {max:g} N.",
    ),
    "gate.torque": (
        "Te veel draaimoment: het proces vraagt {torque:g} Nm, de grens is {max:g} Nm.",
        "Too much torque: the process needs {torque:g} Nm; the limit is {max:g} Nm.",
    ),
    # cobot criteria and verdicts
    "cobot.criterion": (
        "{criterion}: {score}/5 ({why})",
        "{criterion}: {score}/5 ({why})",
    ),
    "cobot.candidate": (
        "Cobot-kandidaat: haalbaarheid {feasibility:.0f}/100, geen knock-out.",
        "Cobot candidate: feasibility {feasibility:.0f}/100, no knock-out.",
    ),
    "cobot.assist": (
        "Cobot helpt de medewerker: haalbaarheid {feasibility:.0f}/100, deels geschikt.",
        "Cobot assists a person: feasibility {feasibility:.0f}/100, partly suitable.",
    ),
    "cobot.human_score": (
        "Mensenwerk: haalbaarheid {feasibility:.0f}/100 is te laag voor een cobot.",
        "Human work: feasibility {feasibility:.0f}/100 is too low for a cobot.",
    ),
    "cobot.human_gate": (
        "Mensenwerk: een knock-out criterium sluit een cobot uit.",
        "Human work: a knock-out rules out a cobot.",
    ),
    "cobot.model": (
        "Kleinste passende cobot: {model} ({payload:g} kg, {reach:g} mm); benodigd {need:.1f} kg, marge {margin:.1f} kg.",
        "Smallest fitting cobot: {model} ({payload:g} kg, {reach:g} mm); needed {need:.1f} kg, margin {margin:.1f} kg.",
    ),
    "cobot.speed": (
        "Snelheid bij mensen (ISO 10218-2:2025 / ISO/TS 15066, borst): max {v_max:.2f} m/s; {moves:g} x pakken en plaatsen per product, geschatte cobottijd {cobot_s:.1f} s per product.",
        "Speed near people (ISO 10218-2:2025 / ISO/TS 15066, chest): max {v_max:.2f} m/s; {moves:g} x pick and place per unit, estimated cobot time {cobot_s:.1f} s per unit.",
    ),
    "cobot.no_handling": (
        "Mensenwerk: er worden geen onderdelen gehanteerd (geen gewicht, aanvoer of soort onderdeel bekend).",
        "Human work: no parts are handled (no mass, presentation or part type known).",
    ),
    "cobot.speed_lift": (
        "Snelheid bij mensen (ISO 10218-2:2025 / ISO/TS 15066, borst): max {v_max:.2f} m/s; met de hand {lifts:g} keer tillen per uur ({human_s:.1f} s per keer), geschatte cobottijd {cobot_s:.1f} s per keer: {cobot_hours:.1f} cobot-uren per week voor {hours:.1f} uur werk.",
        "Speed near people (ISO 10218-2:2025 / ISO/TS 15066, chest): max {v_max:.2f} m/s; {lifts:g} lifts an hour by hand ({human_s:.1f} s each), estimated cobot time {cobot_s:.1f} s a lift: {cobot_hours:.1f} cobot hours a week for {hours:.1f} hours of work.",
    ),
    "cobot.speed_ops": (
        "Snelheid bij mensen (ISO 10218-2:2025 / ISO/TS 15066, borst): max {v_max:.2f} m/s; met de hand {lifts:g} handelingen per uur ({human_s:.1f} s per handeling), geschatte cobottijd {cobot_s:.1f} s per handeling: {cobot_hours:.1f} cobot-uren per week voor {hours:.1f} uur werk.",
        "Speed near people (ISO 10218-2:2025 / ISO/TS 15066, chest): max {v_max:.2f} m/s; {lifts:g} operations an hour by hand ({human_s:.1f} s each), estimated cobot time {cobot_s:.1f} s an operation: {cobot_hours:.1f} cobot hours a week for {hours:.1f} hours of work.",
    ),
    "cobot.batch_moves": (
        "Getimed per batch van {batch:g} producten, minder dan {min_s:g} s per product, en het model geeft geen handelingen of tillingen per product: hoe het werk gehanteerd wordt is niet bekend, dus de cyclustijd is niet getoetst (geef het aantal handelingen per product of per uur).",
        "Timed per batch of {batch:g} products, under {min_s:g} s a product, and the model gives no operations or lifts per product: how the work is handled is not known, so the cycle time was not checked (give the operations per product or per hour).",
    ),
    "cobot.no_cycle": (
        "Vaste uren per week zonder cyclus of tilfrequentie: cyclustijd niet getoetst.",
        "Fixed hours per week without a cycle or lifts an hour: cycle time not checked.",
    ),
    "cobot.missing": (
        "Ontbrekende gegevens: {fields} (aangenomen gemiddeld).",
        "Missing inputs: {fields} (assumed average).",
    ),
    "cobot.mass_unknown": (
        "Gewicht onbekend: geen kandidaat zonder last- en grijpercontrole.",
        "Mass unknown: no candidate without a payload check.",
    ),
    "cobot.freed": (
        "Maakt {hours:.1f} uur per week vrij.",
        "Frees {hours:.1f} hours per week.",
    ),
    "cobot.tending": (
        "De cel bedienen blijft mensenwerk, ongeveer {hours:.1f} uur per week: onderdelen of pallets aanvoeren, het werk afvoeren, storingen verhelpen, omstellen.",
        "Tending the cell stays work for people, about {hours:.1f} hours per week: bringing parts or pallets, taking away the output, clearing faults, changeovers.",
    ),
    # screening (issue 14): gates, caps, guarded cells, capacity
    "gate.driving": (
        "Een heftruck of ander voertuig besturen: dat doet geen cobot naast mensen.",
        "Driving a forklift or other vehicle: not work for a cobot beside people.",
    ),
    "gate.picking": (
        "Artikelen per order uit bakken of vakken pakken: welk artikel, uit welke bak en hoeveel verandert met elke order, en de artikelen liggen los in hun bak; geen cobotcel (een pickrobot is een logistiek systeem).",
        "Picking articles by order from bins or locations: which article, from which bin and how many changes with every order, and the articles lie loose in their bins; not a cobot cell (a picking robot is a logistics system).",
    ),
    "gate.walking": (
        "Lopend werk (picken in een magazijn, transport, gereedschap halen): een vaste cobot kan niet lopen.",
        "Work on the move (store picking, transport, fetching tools): a stationary cobot cannot walk.",
    ),
    "gate.cleaning": (
        "Schoonmaken waar het vuil zit (oppervlakken, mallen, machinedelen los of wisselend aangeboden): het vuil vinden en bereiken is waarnemen in een ongeordende omgeving; geen cobotwerk.",
        "Cleaning where the dirt is (surfaces, moulds, machine parts presented loose or at varying places): finding and reaching the dirt is perception in an unstructured scene; not cobot work.",
    ),
    "gate.random_mix": (
        "Veel varianten ({variants}, meer dan {max}) die los en wisselend aangeboden worden: dat vraagt beeldherkenning, een grijper per variant en steeds opnieuw leren; zelfs hulp van een cobot loont niet.",
        "Many variants ({variants}, more than {max}) presented loose and at varying places: that needs vision, a gripper per variant and constant re-teaching; not even a cobot assist pays.",
    ),
    "gate.too_fast": (
        "Een mens doet een handeling in {human_s:.1f} s; een cobot naast mensen heeft ongeveer {min_s:g} s per pak-en-plaats nodig en kan dat tempo niet bijhouden. Dit is werk voor een eigen machine of een afgeschermde robot.",
        "A person does one move in {human_s:.1f} s; a cobot next to people needs about {min_s:g} s per pick-and-place and cannot keep that pace. This is work for a dedicated machine or a fenced robot.",
    ),
    "gate.flexible": (
        "Slappe of zachte onderdelen (zoals draad, slang, folie of textiel): buiten wat een cobot betrouwbaar pakt; een machine of de mens.",
        "Flexible or soft parts (such as wire, hose, film or textile): beyond what a cobot grips reliably; a machine or a person.",
    ),
    "gate.judgement": (
        "Oordeel is het werk zelf (problemen oplossen {level} van 4, grens {max:g}): geen cobot.",
        "Judgement is the work itself (problem solving {level} of 4, limit {max:g}): no cobot.",
    ),
    "gate.reading": (
        "Lezen en schrijven is het werk zelf (lezen en rekenen {level} van 4, grens {max:g}): geen cobot.",
        "Reading and writing is the work itself (reading and numeracy {level} of 4, limit {max:g}): no cobot.",
    ),
    "gate.inspection": (
        "Keuren is het werk zelf (zien {sensory} van 4, oordelen {problem_solving} van 4): geen cobot; een camerasysteem is een eigen project.",
        "Inspection is the work itself (seeing {sensory} of 4, judging {problem_solving} of 4): no cobot; a camera system is a project of its own.",
    ),
    "gate.part_size": (
        "Groot onderdeel ({size:g} mm, grens {max:g} mm): het zwaait buiten de arm uit tot op hoofdhoogte; afscherming nodig.",
        "Large part ({size:g} mm, limit {max:g} mm): it swings beyond the arm up to head height; needs guarding.",
    ),
    "gate.hazardous_tool.short": ("gevaarlijk gereedschap", "hazardous tool"),
    "gate.hazardous_substance.short": ("gevaarlijke stof", "hazardous substance"),
    "gate.head_exposure.short": ("hoofd binnen bereik", "head within reach"),
    "gate.force.short": ("kracht boven de contactgrens", "force above the contact limit"),
    "gate.torque.short": ("hoog draaimoment", "high torque"),
    "gate.takt.short": ("takt korter dan een cobot haalt", "takt shorter than a cobot can do"),
    "gate.part_size.short": ("groot onderdeel", "large part"),
    "gate.too_fast.short": ("handeling sneller dan een cobot", "moves faster than a cobot"),
    "cap.presentation": (
        "wisselende ligging (vraagt camera of toevoer)",
        "variable presentation (needs vision or a feeder)",
    ),
    "cap.variants": ("meer dan 30 varianten", "more than 30 variants"),
    "cap.perception": ("waarnemen en keuren", "perception and inspection"),
    "cobot.capped": (
        "Hoogstens hulp van een cobot door {caps}.",
        "At best a cobot assist because of {caps}.",
    ),
    "cobot.guarded_cell": (
        "Automatisering in een afgeschermde cel, geen cobot naast mensen ({gates}); haalbaarheid {feasibility:.0f}/100. Laden, starten en lossen van de cel blijft werk voor een mens.",
        "Automation in a guarded cell, not a cobot next to people ({gates}); feasibility {feasibility:.0f}/100. Loading, starting and unloading the cell stays work for a person.",
    ),
    "cobot.guarded_low": (
        "Ook in een afgeschermde cel te weinig haalbaar (haalbaarheid {feasibility:.0f}/100 of een beperking hierboven).",
        "Not feasible in a guarded cell either (feasibility {feasibility:.0f}/100 or a limit above).",
    ),
    "cobot.machine": (
        "De bediende machine heeft haar eigen gevaar of kracht ({force:g} N); die blijft bij de machine en haar afscherming, de robot laadt en lost alleen.",
        "The tended machine has its own hazard or force ({force:g} N); it stays with the machine and its guarding, the robot only loads and unloads.",
    ),
    "cobot.machine_hazard": (
        "De bediende machine heeft haar eigen gevaar; dat blijft bij de machine en haar afscherming, de robot laadt en lost alleen.",
        "The tended machine has its own hazard; it stays with the machine and its guarding, the robot only loads and unloads.",
    ),
    "cobot.measuring": (
        "Meetnauwkeurigheid {tolerance:g} mm is die van het meetmiddel, geen plaatsingstolerantie voor de robot.",
        "Measuring to {tolerance:g} mm is the instrument's precision, not a placement tolerance for the robot.",
    ),
    "cobot.capacity": (
        "Capaciteit, geen snelheid: {cobot_hours:.1f} cobot-uur per week tegen {available:.1f} uur per cel; {cells} cellen, of één cel voor {share:.0%} van het volume.",
        "Capacity, not speed: {cobot_hours:.1f} cobot hours per week against {available:.1f} hours per cell; {cells} cells, or one cell for {share:.0%} of the volume.",
    ),
    # fit (issue 14): where supports apply, tapering, aids in use, rotation, restrictions
    "fit.support_applies": ("{support}: {why}.", "{support}: {why}."),
    "fit.support_not_here": (
        "{support} helpt hier niet: {why}.",
        "{support} does not apply here: {why}.",
    ),
    "fit.above_support_max": (
        "{support} sluit geen kloof op {dimension} bij eis {demand} (hoogstens {max}): werk in die zwaarste klasse moet anders worden ingericht, niet verdeeld.",
        "{support} does not close a gap on {dimension} at demand {demand} (at most {max}): work in that highest band must be redesigned, not shared out.",
    ),
    "fit.all_parts_fit": (
        "Past via de delen die de adviseur vond: {units}; het profiel kan elk deel doen.",
        "Fits through the parts the adviser found: {units}; the profile can do every part.",
    ),
    "fit.activities_unknown": (
        "{supports} helpt alleen bij bepaalde soorten werk en de soort werk van deze taak is onbekend (geef activities op).",
        "{supports} applies only to some kinds of work, and this task's kind of work is unknown (give activities).",
    ),
    "fit.temporary_support": (
        "Tijdelijk: {support} bouwt af ({shares} van de uren in jaar 1 tot {years}) en stopt dan; daarna moet het werk zelf houvast geven op {dimensions} (vaste routine, een collega om te vragen).",
        "Temporary: {support} tapers ({shares} of the hours in years 1 to {years}) and then ends; after that the work itself must give structure on {dimensions} (a fixed routine, a colleague to ask).",
    ),
    "fit.support_unusable": (
        "{support} is hier niet te gebruiken (zo staat het in het model: niet op deze werkplek, of niet geschikt voor dit werk).",
        "{support} cannot be used here (as the model says: not at this workstation, or unfit for this work).",
    ),
    "fit.aids_in_use": (
        "Al in gebruik: {aids}; zit in de huidige eisen van de taak, dus niet opnieuw geteld of voorgesteld.",
        "Already in use: {aids}; part of the task's demands today, so neither counted again nor proposed.",
    ),
    "fit.rotation": (
        "Repeterend hand-armwerk: geen hulpmiddel helpt, alleen taakroulatie; hoogstens {share:.0%} van de uren van de baan aan dit werk.",
        "Repetitive hand-arm work: no aid helps, only job rotation; at most {share:.0%} of the job's hours on this work.",
    ),
    "fit.restriction_cap": (
        "Beperking '{restriction}': {dimension} hoogstens {level}.",
        "Restriction '{restriction}': {dimension} at most {level}.",
    ),
    "fit.restriction_excludes": (
        "Beperking '{restriction}': bij dit werk hoort {flag}; geen ondersteuning heft dat op.",
        "Restriction '{restriction}': this work involves {flag}; no support lifts that.",
    ),
    "fit.restriction_schedule": (
        "Beperking '{restriction}': {condition}.",
        "Restriction '{restriction}': {condition}.",
    ),
    "fit.restriction_check": (
        "Beperking '{restriction}': {condition}.",
        "Restriction '{restriction}': {condition}.",
    ),
    "fit.restriction_night_share": (
        "Beperking '{restriction}': dit werk loopt in alle {shifts} diensten; een baan voor "
        "dit profiel neemt er alleen een deel van de dag- of avonddienst van, niet het "
        "nachtdeel.",
        "Restriction '{restriction}': this work runs in all {shifts} shifts; a job for this "
        "profile takes only a day or evening shift's share of it, not the night share.",
    ),
    "fit.restriction_day_share": (
        "Beperking '{restriction}': dit werk loopt in alle {shifts} diensten; een baan voor "
        "dit profiel neemt er alleen een deel van de dagdienst van, en alle banen voor zulke "
        "profielen samen niet meer dan het deel van de dagdienst.",
        "Restriction '{restriction}': this work runs in all {shifts} shifts; a job for this "
        "profile takes only a day shift's share of it, and all jobs of such profiles together "
        "no more than the day shift's share.",
    ),
    "fit.night_not_in_new_jobs": (
        "Dit werk gebeurt alleen 's nachts: het plan zet geen nachtwerk in een nieuwe baan "
        "(een nieuwe medewerker heeft een vaste aanspreekpersoon en een jobcoach bij de hand).",
        "This work is done only at night: the plan puts no night work in a new job (a new "
        "worker needs a fixed contact person and a job coach at hand).",
    ),
    "fit.dangerous_work": (
        "Gevaarlijk werk (trillend gevaarlijk handgereedschap, gevaarlijk handgereedschap in "
        "stof of dampen, of gevaarlijke stoffen met "
        "adembescherming of in een ATEX-cabine): geen werk voor een nieuwe baan, wie het ook "
        "zou kunnen; het blijft bij geschoold personeel of wordt herontworpen (ontwerpregel "
        "van Griffin).",
        "Dangerous work (a vibrating hazardous hand tool, a hazardous hand tool in dust or "
        "fumes, or hazardous substances under "
        "respiratory protection or in an ATEX booth): not work for a new job, whoever might "
        "manage it; it stays with trained staff or is redesigned (Griffin's design guard).",
    ),
    "fit.unsafe": (
        "Zoals gemodelleerd kan niemand dit werk veilig doen (NIOSH-frequentiefactor 0): eerst herontwerpen.",
        "As modelled nobody can do this work safely (NIOSH frequency multiplier 0): redesign first.",
    ),
    "flag.vibrating_tool": ("trillend handgereedschap", "a vibrating hand tool"),
    "flag.hazardous_tool": ("gevaarlijk gereedschap", "a hazardous tool"),
    "flag.cleaning": ("schoonmaken (natte arbeid)", "cleaning (wet work)"),
    "flag.driving": (
        "een heftruck of ander voertuig besturen",
        "driving a forklift or other vehicle",
    ),
    "flag.electrical": (
        "elektrisch werk (NEN 3140)",
        "electrical work (NEN 3140)",
    ),
    "flag.hazardous_substance": (
        "werken met gevaarlijke stoffen",
        "work with hazardous substances",
    ),
    "flag.night": ("werk in de nachtdienst", "work in the night shift"),
    "flag.walking": ("lopen tussen plaatsen", "walking between places"),
    "flag.two_hand_control": (
        "het gebruik van twee handen tegelijk (tweehandenbediening)",
        "using two hands at once (two-hand control)",
    ),
    "flag.wet_work": (
        "natte handen of huidcontact met nat, irriterend of sensibiliserend materiaal (zoals water, koelvloeistof, reinigingsmiddel, inkt, nat product of cement)",
        "wet hands or skin contact with wet, irritating or sensitising material (such as water, cutting fluid, cleaning agents, ink, wet product or cement)",
    ),
    "flag.cold_work": (
        "kou (een gekoelde hal of koelcel, koude producten in de handen)",
        "cold (a chilled hall or cold store, cold product in the hands)",
    ),
    "flag.hot_work": (
        "hitte (een oven, droogkamer of heet product, een kas of hal in de zomer)",
        "heat (a furnace, stoving room or hot product, a greenhouse or hall in summer)",
    ),
    "flag.noise": (
        "lawaai (een werkplek van 80 dB(A) of meer)",
        "noise (a workplace at 80 dB(A) or more)",
    ),
    "flag.vehicle_traffic": (
        "lopen tussen rijdende heftrucks, vrachtwagens of shovels zonder afgescheiden looproute",
        "walking among driving forklifts, trucks or loaders without a separated walkway",
    ),
    "flag.colour_coded": (
        "kleuren onderscheiden (kleurcodes, tinten)",
        "telling colours apart (colour codes, shades)",
    ),
    "flag.dust_fumes": (
        "stof, rook, damp of gas in de ademlucht",
        "dust, fumes, vapours or gases in the air breathed",
    ),
    # ergonomics (issue 14)
    "ergo.niosh_zero": (
        "NIOSH-frequentiefactor 0 bij {per_min:.1f} tillingen per minuut en {hours:.1f} uur per dag: zoals gemodelleerd kan niemand dit veilig doen; geen tilindex.",
        "NIOSH frequency multiplier 0 at {per_min:.1f} lifts per minute and {hours:.1f} hours a day: as modelled nobody can do this safely; not rated.",
    ),
    "ergo.niosh_outside": (
        "Tilgeometrie buiten het bereik van de NIOSH-vergelijking (te ver, te hoog of te sterk gedraaid): zoals gemodelleerd voor niemand veilig; geen tilindex.",
        "Lift geometry outside the NIOSH equation's range (too far, too high or twisted too much): safe for nobody as modelled; not rated.",
    ),
    "ergo.frequency_assumed": (
        "Tilfrequentie aangenomen: {per_min:.1f} per minuut ({basis}); geef handling.lifts_per_hour op.",
        "Lifting frequency assumed: {per_min:.1f} per minute ({basis}); give handling.lifts_per_hour.",
    ),
    "ergo.basis.template": (
        "uit de typische tijd van de catalogustaak",
        "from the catalogue task's typical time",
    ),
    "ergo.basis.default": ("beleidswaarde", "policy default"),
    "ergo.risk": (
        "Tilrisico: NIOSH-tilindex {li:.2f} boven 1, een signaal om te herontwerpen wie het werk ook doet; weg te nemen met {remedies}.",
        "Lifting risk: NIOSH lifting index {li:.2f} above 1, a redesign signal whoever does the work; removed by {remedies}.",
    ),
    "ergo.risk_mass": (
        "Tilrisico: een last van {mass:g} kg ligt boven de NIOSH-lastconstante van {lc:g} kg, dus de tilindex is boven 1 bij elke tilbeweging (het model geeft geen tilgeometrie om de index te berekenen); een signaal om te herontwerpen wie het werk ook doet; weg te nemen met {remedies}.",
        "Lifting risk: a load of {mass:g} kg is above the NIOSH load constant of {lc:g} kg, so the lifting index is above 1 in any lift (the model gives no lift geometry to compute the index); a redesign signal whoever does the work; removed by {remedies}.",
    ),
    "ergo.risk_high": (
        "Hoog tilrisico: NIOSH-tilindex {li:.2f} (3 of meer), voor bijna iedereen te zwaar; weg te nemen met {remedies}.",
        "High lifting risk: NIOSH lifting index {li:.2f} (3 or more), too heavy for nearly everyone; removed by {remedies}.",
    ),
    "ergo.risk_aid": (
        "Tilrisico met de tilhulp die er al is: NIOSH-tilindex {li:.2f} boven 1 voor de tilbeweging zoals gemodelleerd ("
        + _AID_LIFT[0]
        + "), een signaal om te herontwerpen wie het werk ook doet; weg te nemen met {remedies}.",
        "Lifting risk with the lifting aid already in use: NIOSH lifting index {li:.2f} above 1 for the lift as modelled ("
        + _AID_LIFT[1]
        + "), a redesign signal whoever does the work; removed by {remedies}.",
    ),
    "ergo.risk_high_aid": (
        "Hoog tilrisico met de tilhulp die er al is: NIOSH-tilindex {li:.2f} (3 of meer) voor de tilbeweging zoals gemodelleerd, voor bijna iedereen te zwaar ("
        + _AID_LIFT[0]
        + "); weg te nemen met {remedies}.",
        "High lifting risk with the lifting aid already in use: NIOSH lifting index {li:.2f} (3 or more) for the lift as modelled, too heavy for nearly everyone ("
        + _AID_LIFT[1]
        + "); removed by {remedies}.",
    ),
    "ergo.risk_unsafe": (
        "Niet te beoordelen: zoals gemodelleerd is dit tillen voor niemand veilig; weg te nemen met {remedies}.",
        "Not rated: as modelled this lifting is safe for nobody; removed by {remedies}.",
    ),
    "ergo.aid_in_use": (
        "Tilhulp al in gebruik: de tilvraag is niet verhoogd door de last (de tilindex geldt voor tillen met de hand).",
        "Lifting aid already in use: the lifting demand is not raised by the load (the lifting index is for lifting by hand).",
    ),
    # labels for reports (issue 14)
    "label.guarded_cell": ("automatisering in afgeschermde cel", "automation in a guarded cell"),
    "label.needs_rotation": ("vraagt taakroulatie", "needs job rotation"),
    "label.lifting_risk.increased": ("verhoogd tilrisico", "increased lifting risk"),
    "label.lifting_risk.high": ("hoog tilrisico", "high lifting risk"),
    "label.lifting_risk.not_rated": (
        "tillen zoals gemodelleerd voor niemand veilig",
        "lifting as modelled safe for nobody",
    ),
    "remedy.lifting_aid": ("een tilhulp", "a lifting aid"),
    "remedy.redesign": (
        "minder tillingen per minuut of een ander werkproces",
        "fewer lifts per minute or another process",
    ),
    "remedy.load": (
        "een tilhulp op deze werkplek, een lichtere last of een betere tilbeweging (dichter bij het lichaam, op ongeveer 75 cm), of een ander werkproces",
        "a lifting aid at this workstation, a lighter load or a better lift (closer to the body, at about 75 cm), or another process",
    ),
    "remedy.load_other_aid": (
        "een tilhulp die voor deze last gemaakt is (de tilhulp die het bedrijf heeft, is hier niet te gebruiken), een lichtere last of een betere tilbeweging (dichter bij het lichaam, op ongeveer 75 cm), of een ander werkproces",
        "a lifting aid made for this load (the one the company has cannot be used here), a lighter load or a better lift (closer to the body, at about 75 cm), or another process",
    ),
    "remedy.other_aid": (
        "een tilhulp die voor deze last gemaakt is, zoals een balancer of vacuümheffer (de tilhulp die het bedrijf heeft, is hier niet te gebruiken)",
        "a lifting aid made for this load, such as a balancer or vacuum lifter (the one the company has cannot be used here)",
    ),
    "remedy.mechanical": (
        "een takel, kraan, vacuümheffer of heftruck op deze werkplek (de last is zelfs voor twee mensen te zwaar: elk draagt er meer dan de NIOSH-lastconstante van), of een ander werkproces",
        "a hoist, crane, vacuum lifter or forklift at this workstation (the load is too heavy even for two people: each would bear more than the NIOSH load constant), or another process",
    ),
    "remedy.lift_factors": (
        "een betere tilbeweging waar die het meest verliest: {factors}",
        "a better lift where it loses most: {factors}",
    ),
    "remedy.factor.h": (
        "de last dichter bij het lichaam (nu {cm:g} cm voor de enkels: factor {m:.2f})",
        "the load closer to the body (now {cm:g} cm from the ankles: factor {m:.2f})",
    ),
    "remedy.factor.v": (
        "beginnen op ongeveer 75 cm, knokkelhoogte (nu op {cm:g} cm: factor {m:.2f})",
        "a start at about 75 cm, knuckle height (now at {cm:g} cm: factor {m:.2f})",
    ),
    "remedy.factor.d": (
        "minder hoogteverschil (nu {cm:g} cm: factor {m:.2f})",
        "less vertical travel (now {cm:g} cm: factor {m:.2f})",
    ),
    "remedy.factor.a": (
        "minder draaien (nu {deg:g}°: factor {m:.2f})",
        "less twisting (now {deg:g}°: factor {m:.2f})",
    ),
    "remedy.factor.f": (
        "minder tillingen per uur (nu {n:g}: factor {m:.2f})",
        "fewer lifts an hour (now {n:g}: factor {m:.2f})",
    ),
    "remedy.factor.c": (
        "een betere greep (handvatten of grijpgaten: factor {m:.2f})",
        "a better grip (handles or hand-holds: factor {m:.2f})",
    ),
    "remedy.cobot": ("cobot {model}", "cobot {model}"),
    "remedy.cobot_small": (
        "cobot {model}, alleen in een cel met ander werk (dit werk alleen is minder dan de {hours:g} uur per week waarvoor een cel wordt geadviseerd)",
        "cobot {model}, only in a cell with other work (this work alone is less than the {hours:g} hours a week a cell is advised for)",
    ),
    "remedy.guarded_cell": ("een afgeschermde robotcel", "a guarded robot cell"),
}

#: Names of the demand dimensions in both languages.
DIMENSION_NAMES: dict[str, tuple[str, str]] = {
    "lifting": ("tillen en dragen", "lifting and carrying"),
    "pushing_pulling": ("duwen en trekken", "pushing and pulling"),
    "repetitive_hand_arm": ("repeterend hand-armwerk", "repetitive hand-arm work"),
    "fine_motor": ("fijne motoriek", "fine motor skill"),
    "posture_mobility": ("houding en bewegen", "posture and mobility"),
    "sensory": ("zien en horen", "vision and hearing"),
    "attention": ("aandacht en concentratie", "attention and concentration"),
    "memory_learning": ("onthouden en leren", "memory and learning"),
    "problem_solving": ("problemen oplossen en beslissen", "problem solving and decisions"),
    "literacy_numeracy": ("lezen, schrijven en rekenen", "literacy and numeracy"),
    "pace": ("tempo en tijdsdruk", "pace and time pressure"),
    "independence": ("zelfstandigheid", "independence"),
    "social_communication": ("contact en samenwerken", "social contact and teamwork"),
}

#: Names of the cobot feasibility criteria in both languages.
CRITERION_NAMES: dict[str, tuple[str, str]] = {
    "presentation": ("aanvoer van onderdelen", "part presentation"),
    "handling": ("hanteerbaarheid", "handling"),
    "joining": ("samenvoegen", "joining"),
    "safety": ("veiligheid en nabijheid", "safety and proximity"),
    "repetitiveness": ("herhaling", "repetitiveness"),
    "variants": ("varianten en omstellen", "variants and changeovers"),
    "judgement": ("oordeel en waarneming", "judgement and perception"),
}


@dataclass(frozen=True)
class Reason:
    """A message key with its parameters, rendered per language."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "nl") -> str:
        """The message in `lang` ("nl" or "en"), numbers in the language's notation."""
        template = MESSAGES[self.key][LANGUAGES.index(lang)]
        params = {k: _localise(v, lang) for k, v in self.params.items()}
        return _LocaleFormatter(lang).format(template, **params)

    def to_dict(self) -> dict[str, Any]:
        """Key, parameters and both texts, for JSON."""
        params = {k: _tidy(v) for k, v in self.params.items()}
        return {"key": self.key, "params": params, "nl": self.text("nl"), "en": self.text("en")}


class _LocaleFormatter(string.Formatter):
    """str.format with numbers written the way the language writes them (Babel)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return localised(float(value), format_spec, self.lang) if format_spec else str(value)
        return str(super().format_field(value, format_spec))


def _tidy(value: Any) -> Any:
    """Round floats for JSON so that outputs are stable and readable."""
    if isinstance(value, float):
        return round(value, 4)
    if isinstance(value, (list, tuple)):
        return [_tidy(v) for v in value]
    if isinstance(value, dict):
        return {k: _tidy(v) for k, v in value.items()}
    return value


def _localise(value: Any, lang: str) -> Any:
    """Dimension and criterion ids and lists of them become names in the language."""
    if isinstance(value, str):
        if value in DIMENSION_NAMES:
            return DIMENSION_NAMES[value][LANGUAGES.index(lang)]
        if value in CRITERION_NAMES:
            return CRITERION_NAMES[value][LANGUAGES.index(lang)]
        if value in MESSAGES:
            return MESSAGES[value][LANGUAGES.index(lang)]
        return value
    if isinstance(value, dict) and set(value) == set(LANGUAGES):
        return value[lang]
    if isinstance(value, (list, tuple)):
        return join_items(_localise(v, lang) for v in value)
    return value


def bilingual(nl: str, en: str) -> dict[str, str]:
    """A parameter value that differs per language (e.g. a support's name)."""
    return {"nl": nl, "en": en}
