"""Buddhist era (B.E.) and Common Era (C.E.) years: Thai files use both."""

BE_OFFSET = 543          # B.E. 2567 = C.E. 2024
_FIRST_BE_YEAR = 2400    # any year from here on is taken as B.E. (C.E. 1857 is not a data year)


def ce_year(year):
    """The Common-Era year for a year given in either era, e.g. 2567 -> 2024, 2024 -> 2024."""
    year = int(year)
    return year - BE_OFFSET if year >= _FIRST_BE_YEAR else year
