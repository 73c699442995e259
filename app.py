"""svcops: router only. Page config, the shared sidebar, navigation.

Page scripts live in views/, not pages/: Streamlit still auto-discovers a pages/
folder on a fresh server, and a first request to a deep link (/resource) would then
run that page without this router.
"""

from pathlib import Path

import streamlit as st

from svcops.i18n import t
from ui import sidebar, state
from ui.format import apply_presenter_style

# The page icon is a local file (sent inline as a data URL): a Material icon name here
# makes the browser fetch the favicon from fonts.gstatic.com, which fails offline.
ICON = Path(__file__).resolve().parent / "ui" / "icon.svg"

presenting = st.query_params.get("present") == "1"
st.set_page_config(
    page_title="svcops",
    page_icon=ICON,
    layout="wide",
    initial_sidebar_state="collapsed" if presenting else "auto",
)

try:
    ctx = sidebar.build_context()
except BaseException:
    state.let_go()
    raise
state.set_context(ctx)
lang = ctx.lang

# The default page lives at "/"; its own name opens it too (a hidden alias that sends
# the browser to "/" with the link's filters), so every page answers to /<its name>.
# The default's internal url_path only has to differ from the alias's.
overview = st.Page(
    "views/overview.py",
    title=t("nav.overview", lang),
    icon=":material/dashboard:",
    url_path="home",
    default=True,
)


def _to_overview() -> None:
    st.switch_page(overview, query_params={k: st.query_params.get_all(k) for k in st.query_params})


# The management areas in the SPEC's order (its "Management areas" table).
pages = {
    t("nav.section.areas", lang): [
        overview,
        st.Page(
            "views/process.py",
            title=t("process.nav", lang),
            icon=":material/account_tree:",
            url_path="process",
        ),
        st.Page(
            "views/resource.py",
            title=t("nav.resource", lang),
            icon=":material/groups:",
            url_path="resource",
        ),
        st.Page(
            "views/quality.py",
            title=t("nav.quality", lang),
            icon=":material/rule:",
            url_path="quality",
        ),
        st.Page(
            "views/performance.py",
            title=t("nav.performance", lang),
            icon=":material/leaderboard:",
            url_path="performance",
        ),
        st.Page(
            "views/cost.py",
            title=t("cost.nav", lang),
            icon=":material/payments:",
            url_path="cost",
        ),
        st.Page(
            "views/innovation.py",
            title=t("innovation.nav", lang),
            icon=":material/lightbulb:",
            url_path="innovation",
        ),
        st.Page(
            "views/risk.py",
            title=t("risk.nav", lang),
            icon=":material/warning:",
            url_path="risk",
        ),
    ],
    t("nav.section.workspace", lang): [
        st.Page(
            "views/data.py",
            title=t("nav.data", lang),
            icon=":material/upload_file:",
            url_path="data",
        ),
        st.Page(
            "views/explorer.py",
            title=t("explorer.nav", lang),
            icon=":material/terminal:",
            url_path="sql",
        ),
        st.Page(
            "views/report.py",
            title=t("report.nav", lang),
            icon=":material/description:",
            url_path="report",
        ),
        st.Page(
            _to_overview, title=t("nav.overview", lang), url_path="overview", visibility="hidden"
        ),
    ],
}
page = st.navigation(pages)

if ctx.presenter:
    apply_presenter_style()

# The user's workspace is open while the page runs, and closed when it has, however
# it ended (st.stop, st.rerun, an error), so another process can write between runs.
try:
    page.run()
finally:
    state.let_go()

if ctx.presenter:
    st.divider()
    st.button(
        t("sidebar.presenter", lang) + " ✕",
        key="present_exit",
        on_click=lambda: st.session_state.update(present=False),
        type="tertiary",
    )
