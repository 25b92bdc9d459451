"""Each person's latent vulnerability to trafficking and exploitation, and the outcomes drawn from it.

The latent risk is the chance that a person becomes a victim of trafficking or of serious
exploitation (forced labour, sexual exploitation, forced marriage, the worst forms of child
labour) in the two years after the data year. It combines documented risk factors on the
log-odds scale (``FACTORS``: odds ratios and their sources, docs/sample_data.md "The latent risk
and the outcomes"), among them factors no agency records (a recruiter in the person's network,
peers who migrated, a relative trafficked before), with an age profile, a village effect and a
personal effect that stand for what nobody measures. Outcomes are drawn from the latent risk
alone: never from the indicator rules of the risk index, which nothing here reads. Only some
outcomes are recorded (``RECORDING``); the truth files hold them all.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .education import DROPPED_OUT, STATUSES
from .population import (
    FEMALE,
    GRANDCHILD,
    HH_THAI,
    HIGHLAND,
    HIGHLAND_CITIZEN,
    HIGHLAND_STATELESS,
    MIGRANT,
    SyntheticProvince,
)


@dataclass(frozen=True)
class Factor:
    name: str
    odds_ratio: float
    recorded_by: str          # what in the agency files shows it ("nothing": no agency records it)
    source: str               # short reference; docs/sample_data.md gives it in full


FACTORS = (
    Factor("stateless", 3.0, "health NATION, ID type 0/6/7, school G code",
           "UNESCO highland citizenship project (legal status the single greatest risk); size: judgement"),
    Factor("migrant_worker", 3.0, "health NATION and TYPEAREA",
           "ILO, Walk Free, IOM 2022: migrant workers over three times as likely in forced labour"),
    Factor("ethnic_minority", 1.5, "health RACE", "ILO-IPEC TICW; UNIAP: highland minorities; judgement"),
    Factor("female", 1.3, "every file", "ILO, Walk Free, IOM 2022: women and girls most victims of "
           "forced sexual exploitation and forced marriage"),
    Factor("girl_or_young_woman", 1.6, "every file (age, sex)",
           "UNODC GLOTIP 2022, East Asia and Pacific; TICW; judgement"),
    Factor("poor", 1.8, "BMN income, welfare problem, Z59.5", "ILO-IPEC TICW (poverty and debt); judgement"),
    Factor("out_of_school", 2.5, "school roster (absent or dropped out)",
           "ILO-IPEC TICW; UNICEF; judgement"),
    Factor("family_violence", 2.0, "health T74, welfare problem", "UNICEF; judgement"),
    Factor("works_away", 2.0, "health TYPEAREA 2", "IOM (migration for work); judgement"),
    Factor("family_member_away", 1.5, "health TYPEAREA 2 of a housemate", "IOM; judgement"),
    Factor("parent_absent", 1.7, "household make-up, Z62.0",
           "UNICEF and TDRI, children left behind; judgement"),
    Factor("substance_use_at_home", 1.5, "health F10-F19, welfare drug case", "judgement"),
    Factor("disability", 1.5, "welfare disability case", "ILO (forced begging); judgement"),
    Factor("near_border", 1.8, "village within 20 km of the international border",
           "UNIAP: border areas as source and transit; judgement"),
    Factor("highland_village", 1.3, "village (remoteness)", "judgement"),
    Factor("recruiter_in_network", 4.0, "nothing", "ILO, IOM: most victims recruited by someone "
           "they know; size: judgement"),
    Factor("peers_migrated", 1.8, "nothing", "IOM: migration networks; judgement"),
    Factor("relative_trafficked", 3.0, "nothing", "UNIAP SIREN: family and village networks, "
           "re-trafficking; judgement"),
)
HIDDEN = ("recruiter_in_network", "peers_migrated", "relative_trafficked")
# Log-odds by age on the reference date: outcomes are of adolescents and young adults (ILO,
# UNODC: about a quarter to a third of victims are children); bands (lower bound, log-odds).
AGE_LOG_ODDS = ((0, -6.0), (10, -1.0), (13, 0.6), (18, 0.8), (25, 0.3), (30, 0.0), (35, -0.4),
                (41, -1.5), (51, -3.0), (61, -6.0))
PERSON_SD, VILLAGE_SD = 0.5, 0.3          # what nobody measures: personal and village effects
NEAR_BORDER_KM = 20.0
# Mean two-year risk of persons aged 10-40: about 1 % (ILO, Walk Free, IOM 2022 put forced labour
# and forced marriage at 5.5 per 1,000 in Asia and the Pacific at any time; the outcome here also
# counts serious exploitation short of forced labour): a judgement. The intercept is solved for it.
TARGET_RISK_10_40 = 0.01
# Chance that an outcome is ever recorded (a welfare case, a lessons-learned case), by group
# (THAI, HIGHLAND_CITIZEN, HIGHLAND_STATELESS, MIGRANT). Thailand identifies some 1,300 victims a
# year against an estimated several hundred thousand in modern slavery (US TIP report 2023;
# Walk Free 2023), under 1 %; the sample records far more, so a validation has something to
# count, and fewer for people without papers, who report less: a judgement.
RECORDING = np.array([0.45, 0.40, 0.30, 0.25])
OUTCOME_YEARS = 2                          # outcomes fall in data year + 1 and + 2


@dataclass
class LatentRisk:
    """Per person: the factors, the latent risk (two-year probability) and the outcome."""
    factors: dict[str, np.ndarray]
    log_odds: np.ndarray
    risk: np.ndarray
    outcome_year: np.ndarray      # Common Era year of the outcome, 0 for none
    recorded: np.ndarray          # the outcome reached an agency


def latent_risk(rng: np.random.Generator, province: SyntheticProvince, truth: dict[str, np.ndarray],
                border_km: np.ndarray) -> LatentRisk:
    """The latent risk and outcome of every person; ``truth``: the education truth (in_school,
    school_status); ``border_km``: each village's distance to the international border."""
    pop, villages = province.population, province.villages
    n, age = pop.size, pop.age()
    village = pop.hh_village[pop.household]

    def household_any(flags):
        return (np.bincount(pop.household, weights=flags, minlength=pop.hh_size.size) > 0)[pop.household]

    def household_count(flags):
        return np.bincount(pop.household, weights=flags, minlength=pop.hh_size.size)[pop.household]

    out_of_school = (~truth["in_school"] | (truth["school_status"] == STATUSES[DROPPED_OUT]))
    working_age = (age >= 20) & (age <= 50)
    parent_absent = (age < 18) & (household_any(pop.away_for_work)
                                  | ((pop.relation == GRANDCHILD) & (household_count(working_age) == 0)))
    young = (age >= 13) & (age <= 35)
    highland_group = np.isin(pop.group, (HIGHLAND_CITIZEN, HIGHLAND_STATELESS))
    highland_village = villages.kind == HIGHLAND
    near = border_km < NEAR_BORDER_KM
    # Hidden factors (no agency records them). A recruiter works in some villages, more often
    # highland and border ones, and approaches young people there; peers' migration is commoner
    # in poor and highland families; some households have a member trafficked before.
    recruiter_village = rng.random(villages.code.size) < 0.08 + 0.12 * highland_village + 0.12 * near
    u = rng.random((3, n))
    relative_before = rng.random(pop.hh_size.size) < np.where(pop.hh_kind == HH_THAI, 0.005, 0.02)
    factors = {
        "stateless": pop.group == HIGHLAND_STATELESS,
        "migrant_worker": pop.group == MIGRANT,
        "ethnic_minority": highland_group,
        "female": pop.sex == FEMALE,
        "girl_or_young_woman": (pop.sex == FEMALE) & (age >= 13) & (age <= 24),
        "poor": pop.poor(),
        "out_of_school": out_of_school & (age >= 10) & (age <= 17),
        "family_violence": household_any(pop.violence),
        "works_away": pop.away_for_work,
        "family_member_away": household_count(pop.away_for_work) - pop.away_for_work > 0,
        "parent_absent": parent_absent,
        "substance_use_at_home": household_any(pop.substance_use),
        "disability": pop.disability,
        "near_border": near[village],
        "highland_village": highland_village[village],
        "recruiter_in_network": young & (u[0] < np.where(recruiter_village[village], 0.25, 0.01)),
        "peers_migrated": young & (u[1] < 0.10 + 0.10 * pop.poor() + 0.10 * highland_group),
        "relative_trafficked": relative_before[pop.household],
    }
    factors = {name: np.asarray(flags, dtype=bool) for name, flags in factors.items()}
    bounds = np.array([b for b, _ in AGE_LOG_ODDS])
    values = np.array([v for _, v in AGE_LOG_ODDS])
    log_odds = (values[np.searchsorted(bounds, age, side="right") - 1]
                + sum(np.log(f.odds_ratio) * factors[f.name] for f in FACTORS)
                + rng.normal(0, VILLAGE_SD, size=villages.code.size)[village]
                + rng.normal(0, PERSON_SD, size=n))
    log_odds = log_odds + _intercept(log_odds[(age >= 10) & (age <= 40)], TARGET_RISK_10_40)
    risk = 1 / (1 + np.exp(-log_odds))
    outcome = u[2] < risk
    year = province.data_year + 1 + rng.integers(0, OUTCOME_YEARS, size=n)
    recorded = outcome & (rng.random(n) < RECORDING[pop.group])
    return LatentRisk(factors=factors, log_odds=log_odds, risk=risk,
                      outcome_year=np.where(outcome, year, 0), recorded=recorded)


def _intercept(log_odds: np.ndarray, target: float) -> float:
    """The shift of ``log_odds`` that makes their mean probability ``target`` (bisection)."""
    if log_odds.size == 0:
        return 0.0
    low, high = -30.0, 30.0
    for _ in range(50):
        mid = (low + high) / 2
        if np.mean(1 / (1 + np.exp(-(log_odds + mid)))) < target:
            low = mid
        else:
            high = mid
    return (low + high) / 2
