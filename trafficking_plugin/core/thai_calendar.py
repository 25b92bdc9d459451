"""Buddhist era (B.E.) and Common Era (C.E.) years: Thai files use both."""

BE_OFFSET = 543          # B.E. 2567 = C.E. 2024
_FIRST_BE_YEAR = 2400    # any year from here on is taken as B.E. (C.E. 1857 is not a data year)


def ce_year(year):
    """The Common-Era year for a year given in either era, e.g. 2567 -> 2024, 2024 -> 2024."""
    year = int(year)
    return year - BE_OFFSET if year >= _FIRST_BE_YEAR else year


def shown_year(year, buddhist_era=True):
    """A year as people read it: 2024 (or 2567) -> 2567 in the Buddhist era, 2024 otherwise.
    Data stay in C.E.; this is for titles, tables and sentences only."""
    year = ce_year(year)
    return year + BE_OFFSET if buddhist_era else year


def year_with_be(year):
    """'2024 (B.E. 2567)': the Common-Era year with its Buddhist-era twin, for messages and notes."""
    year = ce_year(year)
    return f"{year} (B.E. {year + BE_OFFSET})"


def year_th(year, buddhist_era=True):
    """'พ.ศ. 2567' or 'ค.ศ. 2024'."""
    return f"{'พ.ศ.' if buddhist_era else 'ค.ศ.'} {shown_year(year, buddhist_era)}"


def year_en(year, buddhist_era=True):
    """'B.E. 2567' or '2024' (English text states C.E. years bare)."""
    return f"B.E. {shown_year(year, True)}" if buddhist_era else str(ce_year(year))


def shown_date(year, month, day, buddhist_era=True):
    """A C.E. date as people read it: '23/07/2567' (the Thai way) or '2024-07-23' (ISO)."""
    if buddhist_era:
        return f"{day:02d}/{month:02d}/{shown_year(year)}"
    return f"{year:04d}-{month:02d}-{day:02d}"
