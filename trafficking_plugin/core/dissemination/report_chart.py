"""The age x sex chart of persons at high risk (a PNG), drawn by matplotlib without a GUI backend.

matplotlib is imported when a chart is drawn, so the plugin loads without it; Thai labels use the
Loma font (fonts-thai-tlwg) when installed, else any font matplotlib finds with Thai glyphs.
"""
from __future__ import annotations

import os

from .report_tables import AGE_BANDS, SEX_TH, SEXES, Report
from ..database import PathLike
from ..errors import CoreError

THAI_FONT_FILES = ("/usr/share/fonts/truetype/tlwg/Loma.ttf",
                   "/usr/share/fonts/opentype/tlwg/Loma.otf")
COLOURS = {"female": "#c2185b", "male": "#1f5fa8", "unknown": "#8a8a8a"}


class ChartError(CoreError):
    """The chart cannot be drawn (matplotlib missing)."""


def _thai_font():
    from matplotlib import font_manager
    for path in THAI_FONT_FILES:
        if os.path.exists(path):
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
    return "DejaVu Sans"


def age_sex_chart(report: Report, png_path: PathLike, dpi: int = 150) -> PathLike:
    """Bars of persons at high risk by age band, one per sex, with their share of the band's
    scored persons written above; returns ``png_path``."""
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise ChartError("matplotlib is not installed: sudo apt install python3-matplotlib") from None
    font = _thai_font()
    bands = [b for b in AGE_BANDS if b != "unknown" or any(
        report.age_sex.get((b, s), (0, 0))[0] for s in SEXES)]
    sexes = [s for s in SEXES if s != "unknown" or any(
        report.age_sex.get((b, s), (0, 0))[0] for b in bands)]
    figure = Figure(figsize=(6.0, 3.2), dpi=dpi)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot(1, 1, 1)
    width = 0.8 / len(sexes)
    top = 1
    for i, sex in enumerate(sexes):
        xs = [b + (i - (len(sexes) - 1) / 2) * width for b in range(len(bands))]
        high = [report.age_sex.get((band, sex), (0, 0))[1] or 0 for band in bands]
        scored = [report.age_sex.get((band, sex), (0, 0))[0] or 0 for band in bands]
        axes.bar(xs, high, width, color=COLOURS[sex], label=f"{SEX_TH[sex]} ({sex})")
        for x, h, n in zip(xs, high, scored):
            if n:
                axes.text(x, h, f"{100 * h / n:.0f}%", ha="center", va="bottom", fontsize=6,
                          family=font)
        top = max([top] + high)
    axes.set_ylim(0, top * 1.2 + 0.5)
    axes.set_xticks(range(len(bands)))
    axes.set_xticklabels([b.replace("unknown", "ไม่ทราบ") for b in bands], family=font, fontsize=8)
    axes.set_xlabel("กลุ่มอายุ (ปี) / Age band (years)", family=font, fontsize=8)
    axes.set_ylabel("ผู้เสี่ยงสูง (คน) / Persons at high risk", family=font, fontsize=8)
    axes.set_title(f"ผู้เสี่ยงสูงตามอายุและเพศ {report.title_th} / High risk by age and sex",
                   family=font, fontsize=9)
    axes.legend(prop={"family": font, "size": 7}, frameon=False)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.spines[["top", "right"]].set_visible(False)
    figure.tight_layout()
    figure.savefig(str(png_path), dpi=dpi)
    return png_path
