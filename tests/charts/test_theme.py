"""svcops.charts.theme: the registered theme, stable colour scales, the zh locale; and the
package re-exporting every builder so pages keep calling ``charts.<name>``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import altair as alt
import pandas as pd
import pytest

from svcops import charts
from svcops.charts import theme

from .spec import layers


def _tiny_chart() -> alt.Chart:
    frame = pd.DataFrame({"period": pd.to_datetime(["2024-01-01"]), "n": [1]})
    return alt.Chart(frame).mark_line().encode(x="period:T", y="n:Q")


def test_theme_is_registered_enabled_and_applied_to_specs():
    assert alt.theme.active == "svcops"
    config = _tiny_chart().to_dict()["config"]
    assert config["font"] == theme.FONT
    assert config["range"]["category"] == list(theme.PALETTE)
    assert config["legend"]["orient"] == "bottom"
    assert config["view"]["continuousHeight"] == 260


def test_palette_starts_colour_blind_safe_and_has_no_repeats():
    assert theme.PALETTE[:3] == ("#0072B2", "#E69F00", "#009E73")
    assert len(set(theme.PALETTE)) == len(theme.PALETTE) == 16


def test_colour_scale_domain_is_sorted_and_deduplicated_whatever_the_input_order():
    a = charts.colour_scale("team", ["b", "a", "c", "a"]).to_dict()
    b = charts.colour_scale("team", ["c", "b", "a"]).to_dict()
    assert a == b
    assert a["domain"] == ["a", "b", "c"]
    assert a["range"] == list(theme.PALETTE[:3])


def test_colour_scale_wraps_round_the_palette_for_long_lists():
    scale = charts.colour_scale("team", [f"t{i:02d}" for i in range(18)]).to_dict()
    assert scale["range"][16] == theme.PALETTE[0]
    assert scale["range"][17] == theme.PALETTE[1]


def test_colour_scale_priority_uses_fixed_colours_first_then_the_palette():
    scale = charts.colour_scale("priority", ["P3", "Urgent", "P1", 7]).to_dict()
    assert scale["domain"] == ["P1", "P3", "7", "Urgent"]
    assert scale["range"] == [
        theme.PRIORITY_COLOURS["P1"],
        theme.PRIORITY_COLOURS["P3"],
        theme.PALETTE[0],
        theme.PALETTE[1],
    ]


def test_colour_scale_only_priority_gets_the_priority_colours():
    scale = charts.colour_scale("channel", ["P1"]).to_dict()
    assert scale["range"] == [theme.PALETTE[0]]


def test_localised_zh_sets_the_chinese_number_and_time_locale():
    config = charts.localised(_tiny_chart(), "zh").to_dict()["config"]
    locale = config["locale"]
    assert locale["number"]["currency"] == ["¥", ""]
    assert locale["number"]["thousands"] == ","
    assert locale["time"]["shortMonths"][0] == "1月"
    assert locale["time"]["shortMonths"][11] == "12月"
    assert locale["time"]["shortDays"][1] == "周一"
    assert locale["time"]["months"][0] == "一月"
    assert locale["time"]["periods"] == ["上午", "下午"]
    assert config["font"] == theme.FONT, "the theme still applies under the locale"


def test_localised_zh_on_a_layered_chart_sets_the_locale_once_at_the_top():
    layered = alt.layer(_tiny_chart(), _tiny_chart())
    spec = charts.localised(layered, "zh").to_dict()
    assert spec["config"]["locale"]["time"]["shortMonths"][0] == "1月"
    assert len(layers(spec)) == 2
    assert all("config" not in layer for layer in layers(spec))


@pytest.mark.parametrize("lang", ["en", "fr", ""])
def test_localised_other_languages_leave_the_default_locale(lang):
    chart = _tiny_chart()
    assert charts.localised(chart, lang) is chart
    assert "locale" not in chart.to_dict()["config"]


def test_localised_does_not_change_the_chart_it_was_given():
    chart = _tiny_chart()
    charts.localised(chart, "zh")
    assert "locale" not in chart.to_dict()["config"]


def _submodules() -> list[str]:
    return [m.name for m in pkgutil.iter_modules(charts.__path__)]


def test_charts_package_has_a_theme_and_one_module_per_area():
    assert {"theme", "common", "overview", "quality", "resource"} <= set(_submodules())


@pytest.mark.parametrize("module", _submodules())
def test_package_re_exports_every_public_name_of_each_module(module):
    mod = importlib.import_module(f"svcops.charts.{module}")
    own = [
        name
        for name, value in vars(mod).items()
        if not name.startswith("_")
        and not inspect.ismodule(value)
        and (not callable(value) or getattr(value, "__module__", None) == mod.__name__)
        and name != "annotations"
    ]
    assert own, f"svcops.charts.{module} defines nothing public"
    for name in own:
        assert name in charts.__all__, f"{module}.{name} is not re-exported"
        assert getattr(charts, name) is getattr(mod, name)


# ------------------------------------------------------------------------- presenter mode


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_localised_presenter_text_is_readable_on_a_shared_screen(lang):
    config = charts.localised(_tiny_chart(), lang, presenter=True).to_dict()["config"]
    normal = _tiny_chart().to_dict()["config"]
    for part in ("axis", "legend"):
        assert config[part]["labelFontSize"] >= 14
        assert config[part]["labelFontSize"] > normal[part]["labelFontSize"]
        assert config[part]["titleFontSize"] >= 14
    assert config["title"]["fontSize"] > normal["title"]["fontSize"]
    assert config["view"]["continuousHeight"] > normal["view"]["continuousHeight"]
    assert config["view"]["discreteHeight"]["step"] >= 1.5 * config["axis"]["labelFontSize"], (
        "a band is tall enough for its label: none is hidden for overlap"
    )
    assert config["axis"]["gridColor"] == normal["axis"]["gridColor"], "the theme still applies"
    assert ("locale" in config) is (lang == "zh")


def test_localised_presenter_leaves_the_chart_it_was_given_unchanged():
    chart = _tiny_chart()
    charts.localised(chart, "en", presenter=True)
    assert chart.to_dict()["config"]["axis"]["labelFontSize"] == 12


def test_sized_fits_the_width_and_keeps_the_plot_height():
    # Streamlit's default ("fit") squeezes titles, axes and legend into a fixed height:
    # a long axis title then pushes the chart's title out of its box.
    spec = charts.sized(alt.layer(_tiny_chart(), _tiny_chart())).to_dict()
    assert spec["autosize"] == {"type": "fit-x", "contains": "padding"}
    assert "autosize" not in _tiny_chart().to_dict()
