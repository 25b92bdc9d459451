"""The synthetic province's truth: villages, households and persons as numpy arrays.

The agency exports (``health`` and the other agency modules of this package) read this truth and
write what each agency would have recorded. The mix follows published figures for Chiang Mai
and the north, cited in docs/sample_data.md ("Population"): about 78 % Thai citizens, 8 %
highland people with Thai citizenship (all nine recognised hill-tribe groups), 6.5 % stateless
(registered without Thai nationality, mostly highland) and 7 % migrant workers from Myanmar,
Laos and Cambodia; teenage pregnancy near the Public Health Ministry's rates. Rates that no
statistic gives are marked as judgements where they are set.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from ..core.feedback import Feedback, check_canceled
from ..core.geography import Subdistrict
from ..core.ingest.thai_id import generate_thai_ids
from . import names as names
from .common import choose, completed_years, fixed_text

GROUPS = ("thai", "highland_citizen", "highland_stateless", "migrant")
THAI, HIGHLAND_CITIZEN, HIGHLAND_STATELESS, MIGRANT = range(4)

VILLAGE_KINDS = ("lowland", "highland", "town")
LOWLAND, HIGHLAND, TOWN = range(3)

# Where the highland villages are: P(highland) of a village in each Chiang Mai district. Our
# synthetic assumption, informed by public knowledge of where the province's highland (mostly
# Karen) communities live: most in the south-west mountains, some along the northern border,
# hardly any in the Ping valley round the city (unlisted districts: LOWLAND_HIGHLAND_SHARE).
# It makes the sample's risk lie where prevention "needed to shift" to (issue 7).
CHIANG_MAI_HIGHLAND_SHARE = {
    "5018": 0.85, "5025": 0.80, "5003": 0.65,      # Omkoi, Galyani Vadhana, Mae Chaem
    "5008": 0.40, "5022": 0.35, "5016": 0.30,      # Samoeng, Mae Wang, Hot
    "5017": 0.30, "5002": 0.20,                    # Doi Tao, Chom Thong
    "5020": 0.20, "5004": 0.20, "5010": 0.15,      # Wiang Haeng, Chiang Dao, Mae Ai
    "5009": 0.10, "5006": 0.10, "5021": 0.08,      # Fang, Mae Taeng, Chai Prakan
}
LOWLAND_HIGHLAND_SHARE = 0.02
# Town villages: in the capital's district (PP01, Mueang) the more the nearer its centre, and
# anywhere a few municipal villages (district towns).
TOWN_NEAR, TOWN_KM, TOWN_ELSEWHERE = 0.65, 8.0, 0.05

# Households are of one kind; a highland household can mix members with and without registration.
HOUSEHOLD_KINDS = ("thai", "highland", "migrant")
HH_THAI, HH_HIGHLAND, HH_MIGRANT = range(3)
HOUSEHOLD_KIND_SHARE = [0.80, 0.095, 0.105]      # of households; persons come out ~78/14.5/7.5 %
HOUSEHOLD_SIZE_SHARE = [                          # P(size = 1, 2, ...) by kind; means 3.0, 4.7, 2.2
    [0.16, 0.26, 0.25, 0.18, 0.09, 0.04, 0.015, 0.005],
    [0.05, 0.10, 0.15, 0.20, 0.18, 0.13, 0.09, 0.05, 0.03, 0.02],
    [0.35, 0.35, 0.15, 0.10, 0.05],
]
# How much each household kind favours each village kind (rows: household kind, cols: village kind).
VILLAGE_AFFINITY = np.array([[1.0, 0.15, 1.0], [0.02, 1.0, 0.02], [0.6, 0.1, 2.0]])

# Relation to the household head; Thai labels as household registers and the BMN roster write them.
RELATIONS = ("หัวหน้าครัวเรือน", "คู่สมรส", "บุตร", "บิดา/มารดา", "หลาน", "ญาติ", "ผู้อาศัย")
HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, RELATIVE, LODGER = range(7)
# Members after the second: P(child, grandchild, parent, relative, lodger) by household kind.
OTHER_MEMBER_SHARE = [[0.68, 0.17, 0.05, 0.08, 0.02],
                      [0.72, 0.12, 0.05, 0.09, 0.02],
                      [0.55, 0.00, 0.00, 0.15, 0.30]]

# Title before the name, by age, sex and marriage: full words (education) and short forms.
PRENAMES = ("เด็กชาย", "เด็กหญิง", "นาย", "นางสาว", "นาง")
PRENAMES_SHORT = ("ด.ช.", "ด.ญ.", "นาย", "น.ส.", "นาง")
MALE, FEMALE = 1, 2                               # as the 43 health files code SEX

# MOPH cnation codes (../shared/data/codes/th_moph_nationality_cnation.csv) for ethnicity/origin.
THAI_CODE = "099"
# The nine recognised hill-tribe groups: Karen, Hmong, Lahu, Akha, Mien, H'tin, Lisu, Lua (ละว้า),
# Khamu (ขมุ); shares of the 2002 highland-community survey of 20 provinces (923,257 persons;
# Department of Social Development and Welfare), rounded (docs/sample_data.md).
HIGHLAND_ETHNICITIES = ["071", "082", "072", "036", "083", "206", "025", "203", "200"]
HIGHLAND_ETHNICITY_SHARE = [0.475, 0.167, 0.112, 0.074, 0.049, 0.048, 0.041, 0.024, 0.010]
MIGRANT_ORIGINS = ["048", "056", "057"]                             # Myanmar, Laos, Cambodia
MIGRANT_ORIGIN_SHARE = [0.85, 0.08, 0.07]

# ID registration offices outside the province (DOPA district codes of provincial capitals and
# Bangkok's Phra Nakhon) for Thai citizens who were registered elsewhere.
OTHER_PROVINCE_OFFICES = [1001, 5101, 5201, 5601, 5701, 5801, 6301]

# Pregnancies of girls 13-17 a year, by group (THAI, HIGHLAND_CITIZEN, HIGHLAND_STATELESS,
# MIGRANT). From the ministry's 21 births per 1,000 women 15-19 and 0.8 per 1,000 girls 10-14
# (2022-2023) by the age profile of teenage births (about 10.5 births per 1,000 girls 13-17), times
# 1.3 for pregnancies that end otherwise, higher in the highland groups (early marriage): a
# judgement within the published bounds (docs/sample_data.md).
TEEN_PREGNANCY_RATE = [0.013, 0.026, 0.030, 0.020]
# Highland households with house registration, and the chance that a member of a registered or
# unregistered household is stateless: stateless persons come out ~6.5 % of all.
REGISTERED_HIGHLAND_SHARE = 0.55
STATELESS_IN_HOUSEHOLD = (0.10, 0.88)

# BMN 2560-2564 indicator 22 criterion: 38,000 baht per person per year (poverty line used here).
POVERTY_LINE_BAHT = 38_000


@dataclass
class Villages:
    code: np.ndarray          # 8 digits: sub-district code + 2-digit moo
    name_th: np.ndarray       # "บ้าน..."
    moo: np.ndarray           # village number within the sub-district, 1..n
    subdistrict: np.ndarray   # index into the list of sub-districts
    kind: np.ndarray          # index into VILLAGE_KINDS
    lon: np.ndarray
    lat: np.ndarray


@dataclass
class Population:
    """One row per household (``hh_*``) and one per person; persons are ordered by household."""
    ref_date: np.datetime64   # mid-year day at which ages and statuses hold
    hh_village: np.ndarray    # index into Villages
    hh_kind: np.ndarray       # index into HOUSEHOLD_KINDS
    hh_size: np.ndarray
    hh_first: np.ndarray      # index of the household's first person (its head)
    hh_id: np.ndarray         # "<village code>-<5-digit serial>", the household id in the truth
    hh_house_no: np.ndarray   # house number as written on the house, e.g. "12" or "12/3"
    hh_house_code: np.ndarray # 11-digit house code of the house register, "" where none
    hh_income: np.ndarray     # baht per person per year
    household: np.ndarray     # index into the hh_* arrays
    member_no: np.ndarray     # 1 = head
    relation: np.ndarray      # index into RELATIONS
    sex: np.ndarray           # MALE or FEMALE
    birth: np.ndarray         # datetime64[D]
    group: np.ndarray         # index into GROUPS
    ethnicity: np.ndarray     # cnation code of ethnicity or country of origin
    person_type: np.ndarray   # first digit of the Thai ID, -1 for persons without one
    thai_id: np.ndarray       # 13 digits, "" for persons without one
    prename: np.ndarray       # index into PRENAMES
    first_name: np.ndarray
    last_name: np.ndarray
    married: np.ndarray
    hiv: np.ndarray           # conditions that health, welfare and BMN records reflect
    mental_health: np.ndarray
    teen_pregnancy: np.ndarray
    violence: np.ndarray
    disability: np.ndarray
    away_for_work: np.ndarray # registered here but living elsewhere (TYPEAREA 2 in health)
    substance_use: np.ndarray # regular drug or alcohol use (some of it shows in health and welfare)

    @property
    def size(self) -> int:
        return self.sex.size

    def age(self, on: np.ndarray | np.datetime64 | None = None) -> np.ndarray:
        """Completed years on ``on`` (default: the reference date)."""
        return completed_years(self.birth, self.ref_date if on is None else on)

    def poor(self) -> np.ndarray:
        """Persons whose household income is under the BMN poverty line."""
        return self.hh_income[self.household] < POVERTY_LINE_BAHT


@dataclass
class SyntheticProvince:
    """Everything the agency exports draw on."""
    subdistricts: list        # geography.Subdistrict, in the order the caller gave them
    villages: Villages
    population: Population
    data_year: int            # Common Era
    province_code: str
    border: list = field(default_factory=list)   # international border: lines of (lon, lat)

    def person_subdistrict(self) -> np.ndarray:
        """Index into ``subdistricts`` of every person's sub-district."""
        return self.villages.subdistrict[self.population.hh_village[self.population.household]]


def points_in_polygon(lon: np.ndarray, lat: np.ndarray, polygons: list) -> np.ndarray:
    """Even-odd test of points against every ring of every polygon (holes count as outside)."""
    inside = np.zeros(np.shape(lon), dtype=bool)
    x, y = np.asarray(lon)[:, None], np.asarray(lat)[:, None]
    for polygon in polygons:
        for ring in polygon:
            r = np.asarray(ring, dtype=float)
            if not np.array_equal(r[0], r[-1]):
                r = np.vstack([r, r[:1]])
            x1, y1, x2, y2 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
            spans = (y1 > y) != (y2 > y)
            with np.errstate(divide="ignore", invalid="ignore"):
                cross_x = x1 + (y - y1) * (x2 - x1) / (y2 - y1)
            inside ^= (spans & (x < cross_x)).sum(axis=1) % 2 == 1
    return inside


def random_points_in_polygons(rng: np.random.Generator, polygons: list, n: int,
                              max_rounds: int = 1000) -> tuple[np.ndarray, np.ndarray]:
    """``n`` points drawn uniformly inside ``polygons`` by rejection sampling in their bounding box."""
    coords = np.vstack([np.asarray(ring, dtype=float) for polygon in polygons for ring in polygon])
    (x0, y0), (x1, y1) = coords.min(axis=0), coords.max(axis=0)
    lon, lat = np.empty(0), np.empty(0)
    for _ in range(max_rounds):
        cx = rng.uniform(x0, x1, size=max(4 * n, 32))
        cy = rng.uniform(y0, y1, size=cx.size)
        keep = points_in_polygon(cx, cy, polygons)
        lon, lat = np.concatenate([lon, cx[keep]]), np.concatenate([lat, cy[keep]])
        if lon.size >= n:
            return lon[:n], lat[:n]
    raise ValueError("polygon has (almost) no area: cannot place points inside it")


def make_villages(rng: np.random.Generator, subdistricts: Sequence[Subdistrict],
                  feedback: Feedback) -> Villages:
    """About ten villages a sub-district (5-15), as points inside it, with codes and Thai names."""
    counts = rng.integers(5, 16, size=len(subdistricts))
    lon, lat = [], []
    for i, sub in enumerate(subdistricts):
        check_canceled(feedback)
        try:
            x, y = random_points_in_polygons(rng, sub.polygons, counts[i])
        except ValueError as error:
            raise ValueError(f"sub-district {sub.code}: {error}") from None
        lon.append(x)
        lat.append(y)
    subdistrict = np.repeat(np.arange(len(subdistricts)), counts)
    moo = np.arange(subdistrict.size) - np.repeat(np.cumsum(counts) - counts, counts) + 1
    lon, lat = np.concatenate(lon), np.concatenate(lat)
    kind = choose(rng, village_kind_shares(subdistricts, subdistrict, lon, lat))
    heads = np.where(kind == HIGHLAND,
                     np.array(names.HIGHLAND_VILLAGE_HEADS, dtype=object)[
                         rng.integers(0, len(names.HIGHLAND_VILLAGE_HEADS), size=kind.size)],
                     np.array(names.VILLAGE_HEADS, dtype=object)[
                         rng.integers(0, len(names.VILLAGE_HEADS), size=kind.size)])
    tails = np.array(names.VILLAGE_TAILS, dtype=object)[
        rng.integers(0, len(names.VILLAGE_TAILS), size=kind.size)]
    codes = np.array([subdistricts[s].code for s in subdistrict], dtype=object)
    return Villages(
        code=(codes + fixed_text(moo.size, (moo, 2)).astype(object)).astype("U8"),
        name_th=("บ้าน" + heads + tails).astype(object), moo=moo, subdistrict=subdistrict,
        kind=kind, lon=lon, lat=lat)


def village_kind_shares(subdistricts: Sequence[Subdistrict], subdistrict: np.ndarray, lon: np.ndarray,
                        lat: np.ndarray) -> np.ndarray:
    """P(lowland, highland, town) of each village (rows), from where it lies; no randomness.

    Town: in district PP01 (Mueang, the capital's) likely near its centre, elsewhere 5 %.
    Highland: Chiang Mai's district table; in any other province the villages far from the
    capital, and more so in the south, are more often highland (a demo convenience so the sample
    activities' north-to-south story holds there too, not a claim about that province).
    """
    district = np.array([subdistricts[s].district_code for s in subdistrict.tolist()])
    capital = district == f"{subdistricts[0].province_code}01"
    capital = capital if capital.any() else np.ones(district.size, dtype=bool)
    cx, cy = lon[capital].mean(), lat[capital].mean()
    km = np.hypot((lon - cx) * 111.32 * np.cos(np.radians(cy)), (lat - cy) * 110.57)
    town = TOWN_ELSEWHERE + capital * TOWN_NEAR * np.exp(-km / TOWN_KM)
    if _is_chiang_mai(subdistricts):
        highland = np.array([CHIANG_MAI_HIGHLAND_SHARE.get(d, LOWLAND_HIGHLAND_SHARE)
                             for d in district.tolist()])
    else:
        remote = km / max(km.max(), 1e-9)
        south = (lat.max() - lat) / max(lat.max() - lat.min(), 1e-9)
        highland = LOWLAND_HIGHLAND_SHARE + 0.5 * remote * (0.5 + 0.5 * south)
    highland = highland * (1 - town)
    return np.column_stack([1 - town - highland, highland, town])


def _is_chiang_mai(subdistricts):
    """Real Chiang Mai boundaries (province 50 with most of its 25 districts), not the built-in
    synthetic province that borrows code 50 for three made-up districts."""
    districts = {s.district_code for s in subdistricts}
    return subdistricts[0].province_code == "50" and len(districts & set(CHIANG_MAI_HIGHLAND_SHARE)) >= 10


def make_population(rng: np.random.Generator, n_persons: int, villages: Villages,
                    subdistricts: Sequence[Subdistrict], data_year: int, feedback: Feedback) -> Population:
    """``n_persons`` persons in households, placed in villages; see the module docstring."""
    ref_date = np.datetime64(f"{data_year}-07-01")
    hh_kind, hh_size = _household_sizes(rng, n_persons)
    hh_village = _household_villages(rng, hh_kind, villages)
    order = np.argsort(hh_village, kind="stable")       # households grouped by village
    hh_kind, hh_size, hh_village = hh_kind[order], hh_size[order], hh_village[order]
    n_households = hh_size.size
    hh_first = np.cumsum(hh_size) - hh_size
    serial = np.arange(n_households) - np.searchsorted(hh_village, hh_village) + 1
    check_canceled(feedback)

    household = np.repeat(np.arange(n_households), hh_size)
    member = np.arange(n_persons) - hh_first[household]
    kind = hh_kind[household]
    relation, age, sex = _members(rng, hh_kind, household, member, kind)
    birth = ref_date - np.round(age * 365.25).astype(np.int64)
    check_canceled(feedback)

    registered = rng.random(n_households) < REGISTERED_HIGHLAND_SHARE
    group = np.select([kind == HH_THAI, kind == HH_MIGRANT], [THAI, MIGRANT], HIGHLAND_CITIZEN)
    stateless_p = np.where(registered, *STATELESS_IN_HOUSEHOLD)[household]
    group[(kind == HH_HIGHLAND) & (rng.random(n_persons) < stateless_p)] = HIGHLAND_STATELESS
    hh_ethnicity = np.full(n_households, THAI_CODE, dtype="U3")
    for k, codes, share in [(HH_HIGHLAND, HIGHLAND_ETHNICITIES, HIGHLAND_ETHNICITY_SHARE),
                            (HH_MIGRANT, MIGRANT_ORIGINS, MIGRANT_ORIGIN_SHARE)]:
        hh_ethnicity[hh_kind == k] = rng.choice(codes, size=(hh_kind == k).sum(), p=share)
    ethnicity = hh_ethnicity[household]

    district = np.array([int(s.district_code) for s in subdistricts])[
        villages.subdistrict[hh_village[household]]]
    person_type, thai_id = _thai_ids(rng, group, birth, ref_date, district, feedback)
    first_name, last_name = _names(rng, group, sex, relation, ethnicity, household, n_households)

    married = relation == SPOUSE
    has_spouse = np.zeros(n_households, dtype=bool)
    has_spouse[household[married]] = True
    married |= (relation == HEAD) & has_spouse[household]
    years = completed_years(birth, ref_date)
    # Widowed and divorced women mostly keep นาง, so most women past 35 carry it.
    was_married = married | ((years >= 35) & (rng.random(n_persons) < 0.8))
    prename = np.select([(years < 15) & (sex == MALE), years < 15, sex == MALE, was_married],
                        [0, 1, 2, 4], 3)
    check_canceled(feedback)

    # Conditions the agencies' records reveal (docs/sample_data.md gives the rates' grounds).
    u = rng.random((7, n_persons))
    adult, teen_girl = years >= 15, (sex == FEMALE) & (years >= 13) & (years <= 17)
    return Population(
        ref_date=ref_date, hh_village=hh_village, hh_kind=hh_kind, hh_size=hh_size,
        hh_first=hh_first,
        hh_id=np.char.add(villages.code[hh_village],
                          fixed_text(n_households, "-", (serial, max(5, len(str(serial.max())))))),
        hh_house_no=_house_numbers(rng, serial),
        hh_house_code=_house_codes(rng, hh_kind, district[hh_first]),
        hh_income=_incomes(rng, hh_kind, registered),
        household=household, member_no=member + 1, relation=relation, sex=sex, birth=birth,
        group=group, ethnicity=ethnicity, person_type=person_type, thai_id=thai_id,
        prename=prename, first_name=first_name, last_name=last_name, married=married,
        hiv=adult & (u[0] < np.array([0.004, 0.006, 0.006, 0.010])[group]),
        mental_health=(years >= 12) & (u[1] < 0.03),
        teen_pregnancy=teen_girl & (u[2] < np.array(TEEN_PREGNANCY_RATE)[group]),
        violence=u[3] < np.where((sex == FEMALE) | (years < 18), 0.006, 0.002),
        disability=u[4] < np.where(years >= 60, 0.08, 0.015),
        away_for_work=(group <= HIGHLAND_CITIZEN) & (years >= 18) & (years <= 45) & (u[5] < 0.07),
        # Regular drug or alcohol use (ONCB and the ministry's surveys put methamphetamine and
        # alcohol use disorders at a few per cent of adults, more men): a judgement.
        substance_use=(years >= 15) & (u[6] < np.where(sex == MALE, 0.04, 0.008)))


def _household_sizes(rng, n_persons):
    """Kinds and sizes of just enough households to hold ``n_persons`` (the last one trimmed)."""
    estimate = int(n_persons / 2.9 * 1.1) + 16
    kind = rng.choice(len(HOUSEHOLD_KINDS), size=estimate, p=HOUSEHOLD_KIND_SHARE)
    size = np.empty(estimate, dtype=np.int64)
    for k, share in enumerate(HOUSEHOLD_SIZE_SHARE):
        size[kind == k] = rng.choice(len(share), size=(kind == k).sum(), p=share) + 1
    total = np.cumsum(size)
    if total[-1] < n_persons:
        raise RuntimeError("household size estimate too small")   # cannot happen at 10 % margin
    n_households = int(np.searchsorted(total, n_persons)) + 1
    size = size[:n_households]
    size[-1] -= total[n_households - 1] - n_persons
    return kind[:n_households], size


def _household_villages(rng, hh_kind, villages):
    """Village of each household: bigger villages draw more, each kind prefers its own places."""
    weight = rng.lognormal(0.0, 0.5, size=villages.kind.size) * np.array([1.0, 0.7, 2.5])[villages.kind]
    village = np.empty(hh_kind.size, dtype=np.int64)
    for k in range(len(HOUSEHOLD_KINDS)):
        p = weight * VILLAGE_AFFINITY[k, villages.kind]
        village[hh_kind == k] = rng.choice(p.size, size=(hh_kind == k).sum(), p=p / p.sum())
    return village


def _members(rng, hh_kind, household, member, kind):
    """Relation to the head, age (years, float) and sex of every person."""
    n = member.size
    # Northern heads of household are old (mean 55); highland heads younger, migrant heads young.
    head_age = np.clip(rng.normal(np.array([57.0, 44.0, 33.0])[hh_kind],
                                  np.array([14.0, 12.0, 8.0])[hh_kind]),
                       np.array([20, 18, 18])[hh_kind], np.array([95, 90, 65])[hh_kind])
    # Older heads are more often women: widows outlive their husbands.
    male_p = np.where(hh_kind == HH_MIGRANT, 0.6, np.clip(0.85 - 0.008 * (head_age - 30), 0.3, 0.85))
    head_male = rng.random(hh_kind.size) < male_p
    h_age, h_male = head_age[household], head_male[household]

    relation = np.full(n, HEAD)
    second = member == 1
    # Women who head a Thai or highland household are mostly widowed, divorced or alone.
    spouse_p = np.where(kind == HH_MIGRANT, 0.7, np.where(h_male, 0.88, 0.35))
    spouse = second & (rng.random(n) < spouse_p)
    relation[spouse] = SPOUSE
    fallback = np.where(h_age >= 40, CHILD, np.where(kind == HH_MIGRANT, LODGER, PARENT))
    relation[second & ~spouse] = fallback[second & ~spouse]
    later = member >= 2
    drawn = np.array([CHILD, GRANDCHILD, PARENT, RELATIVE, LODGER])[
        choose(rng, np.array(OTHER_MEMBER_SHARE)[kind[later]])]
    drawn = np.where((drawn == GRANDCHILD) & (h_age[later] < 42), CHILD, drawn)
    drawn = np.where((drawn == PARENT) & (h_age[later] > 70), RELATIVE, drawn)
    relation[later] = drawn

    u = rng.random((4, n))
    child_age = h_age - 18 - 24 * u[0]
    child_age = np.where(child_age < 0, u[1] * np.maximum(h_age - 17, 1), child_age)
    grandchild_age = h_age - 42 - 22 * u[0]
    grandchild_age = np.where(grandchild_age < 0, 14 * u[1], grandchild_age)
    lodger_age = np.where(kind == HH_MIGRANT, 16 + 29 * u[0], 15 + 55 * u[0])
    spouse_shift = np.where(h_male, -3.0, 3.0) + rng.normal(0, 4, size=n)
    age = np.select(
        [relation == HEAD, relation == SPOUSE, relation == CHILD, relation == PARENT,
         relation == GRANDCHILD, relation == RELATIVE],
        [h_age, np.clip(h_age + spouse_shift, 16, 99), child_age,
         np.minimum(h_age + 20 + 12 * u[0], 100), grandchild_age, 80 * u[0]],
        lodger_age)
    sex = np.where(u[2] < 0.512, MALE, FEMALE)     # sex ratio at birth ~105:100
    sex = np.where(relation == PARENT, np.where(u[3] < 0.65, FEMALE, MALE), sex)  # widowed mothers
    sex = np.where(relation == HEAD, np.where(h_male, MALE, FEMALE), sex)
    sex = np.where(relation == SPOUSE, np.where(h_male, FEMALE, MALE), sex)
    return relation, age, sex


def _thai_ids(rng, group, birth, ref_date, district, feedback):
    """Person type and 13-digit ID of every person ("" and -1 for those who hold none).

    Thai citizens born since 1984 mostly hold type 1 (registered on time), older ones type 3
    (registered before 31 May 1984); many highland people hold types 0, 6 or 7 and some were
    naturalised (type 8); migrant workers hold type 0 or 6 numbers, some none at all.
    """
    n = group.size
    young = birth >= np.datetime64("1984-06-01")
    under_30 = completed_years(birth, ref_date) < 30
    options = [
        (group == THAI, young, [1, 2, 5], [0.94, 0.04, 0.02], [3, 4, 5], [0.90, 0.05, 0.05]),
        (group == HIGHLAND_CITIZEN, young, [1, 2, 5, 8], [0.60, 0.20, 0.05, 0.15],
         [3, 5, 8], [0.50, 0.20, 0.30]),
        (group == HIGHLAND_STATELESS, under_30, [0, 6, 7], [0.45, 0.15, 0.40], [0, 6], [0.6, 0.4]),
        (group == MIGRANT, np.ones(n, dtype=bool), [0, 6], [0.3, 0.7], [0, 6], [0.3, 0.7]),
    ]
    person_type = np.full(n, -1)
    for in_group, first_case, types_a, p_a, types_b, p_b in options:
        for mask, types, p in [(in_group & first_case, types_a, p_a),
                               (in_group & ~first_case, types_b, p_b)]:
            person_type[mask] = rng.choice(types, size=mask.sum(), p=p)
    no_id = rng.random(n) < np.array([0.0, 0.0, 0.10, 0.15])[group]
    person_type[no_id] = -1

    # Citizens were not all registered where they live now: 10 % elsewhere in the province,
    # 5 % in another province; others are registered in their own district.
    office = district.copy()
    u = rng.random(n)
    citizen = group <= HIGHLAND_CITIZEN
    moved = citizen & (u < 0.10)
    office[moved] = rng.choice(np.unique(district), size=moved.sum())
    far = citizen & (u >= 0.10) & (u < 0.15)
    office[far] = rng.choice(OTHER_PROVINCE_OFFICES, size=far.sum())
    check_canceled(feedback)

    thai_id = np.full(n, "", dtype="U13")
    has_id = person_type >= 0
    thai_id[has_id] = generate_thai_ids(rng, person_type[has_id], office[has_id])
    return person_type, thai_id


def _names(rng, group, sex, relation, ethnicity, household, n_households):
    """Given names and surnames; a household shares the head's surname, half the spouses keep theirs."""
    n = group.size

    def pick(pool, count):
        return np.array(pool, dtype=object)[rng.integers(0, len(pool), size=count)]

    first = np.where(sex == MALE, pick(names.THAI_MALE, n), pick(names.THAI_FEMALE, n))
    highland_given = (group == HIGHLAND_CITIZEN) | (group == HIGHLAND_STATELESS)
    highland_given &= rng.random(n) < 0.5
    first[highland_given] = pick(names.HIGHLAND_GIVEN, highland_given.sum())

    def surnames(codes):
        """One surname per element of ``codes`` (cnation codes), from that origin's pool."""
        out = pick(names.THAI_SURNAMES, codes.size)
        for code, pool in {**names.HIGHLAND_SURNAMES, **names.MIGRANT_SURNAMES}.items():
            mask = codes == code
            out[mask] = pick(pool, mask.sum())
        return out

    head_ethnicity = np.full(n_households, THAI_CODE, dtype="U3")
    head_ethnicity[household] = ethnicity          # a household shares one ethnicity
    last = surnames(head_ethnicity)[household]
    own = ((relation == SPOUSE) & (rng.random(n) < 0.5)) | (group == MIGRANT)
    last[own] = surnames(ethnicity[own])
    for code, pool in names.MIGRANT_GIVEN.items():
        mask = (group == MIGRANT) & (ethnicity == code)
        first[mask] = pick(pool, mask.sum())
    return first, last


def _house_numbers(rng, serial):
    """House numbers as written: the serial in the village, one in ten with a sub-number."""
    sub = np.where(rng.random(serial.size) < 0.1, rng.integers(1, 10, size=serial.size), 0)
    return np.array([f"{s}/{k}" if k else str(s) for s, k in zip(serial.tolist(), sub.tolist())],
                    dtype=object)


def _house_codes(rng, hh_kind, district):
    """11-digit codes of the house register: district (4 digits) + a 7-digit serial unique in it.

    The real code's last digit is a check digit whose rule we do not know, so ours has none. Most
    migrant workers live in camps or rented rooms without a house code.
    """
    codes = np.full(hh_kind.size, "", dtype="U11")
    has_code = ~((hh_kind == HH_MIGRANT) & (rng.random(hh_kind.size) < 0.6))
    for d in np.unique(district):
        mask = has_code & (district == d)
        serial = rng.choice(10_000_000, size=mask.sum(), replace=False)
        codes[mask] = fixed_text(mask.sum(), (d, 4), (serial, 7))
    return codes


def _incomes(rng, hh_kind, registered):
    """Household income per person per year (baht, rounded to 100): lognormal around a median."""
    median = np.select([hh_kind == HH_THAI, hh_kind == HH_MIGRANT, registered],
                       [80_000, 50_000, 40_000], 28_000)
    income = median * rng.lognormal(0.0, 0.65, size=hh_kind.size)
    return (np.maximum(income, 3_000) / 100).round().astype(np.int64) * 100
