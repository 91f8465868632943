from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from decimal import Decimal

import pytest

from jirei.metrics.similar import latest_populations, similar_municipalities
from jirei.metrics.store import AgeFigure, AreaFigure, MetricsData, load_metrics
from jirei.reference.municipalities import Municipality, Prefecture, Reference, load_reference
from jirei.site.pages.metrics import municipality_chart_for_case, render_metrics_pages
from jirei.site.rendering.jinja import make_environment
from jirei.site.rendering.links import CaseLink
from tests.golden import assert_golden
from tests.repo import DEFAULT_METRICS_DIR, DEFAULT_REFERENCE_DIR

RELEASES = (date(2020, 1, 1), date(2020, 7, 1), date(2021, 1, 1))
# code: (pref_code, name, category, population, cards per release)
TOWNS = {
    "991001": ("99", "テスト市", "市", 1000, (300, 400, 500)),
    "991002": ("99", "テスト第二市", "市", 2000, (500, 700, 800)),
    "991003": ("99", "テスト町", "町", 500, (100, 150, 200)),
    "991004": ("99", "テスト村", "村", 200, (20, 60, 80)),
    "981001": ("98", "テスト北市", "市", 1000, (600, 650, 700)),
}
PREFECTURES = {"99": "テスト県", "98": "テスト北県"}
BUILD_DAY = date(2021, 3, 1)  # two months after the newest release: the data is current


def _figure(day: date, key: str, label: str, population: int, cards: int, prefecture: str = "") -> AreaFigure:
    rate = (Decimal(cards) * 100 / Decimal(population)).quantize(Decimal("0.1"))
    return AreaFigure(
        day,
        key,
        label,
        population,
        date(day.year, 1, 1),
        cards,
        day - timedelta(days=1),
        "交付枚数",
        rate,
        prefecture,
    )


def fake_reference() -> Reference:
    prefectures = {code: Prefecture(code, f"{code}0001", name, "") for code, name in PREFECTURES.items()}
    return Reference(
        by_code={
            code: Municipality(code, pref, PREFECTURES[pref], name, "", category)
            for code, (pref, name, category, _, _) in TOWNS.items()
        },
        prefectures=prefectures,
    )


def fake_metrics() -> MetricsData:
    municipalities, prefectures, categories, ages = [], [], [], []
    for index, day in enumerate(RELEASES):
        totals: dict[str, list[int]] = {}
        for code, (pref, name, _, population, cards) in TOWNS.items():
            municipalities.append(_figure(day, code, name, population, cards[index], PREFECTURES[pref]))
            total = totals.setdefault(pref, [0, 0])
            total[0] += population
            total[1] += cards[index]
        for pref, (population, cards) in sorted(totals.items()):
            prefectures.append(_figure(day, pref, PREFECTURES[pref], population, cards))
        population = sum(t[0] for t in totals.values())
        cards_total = sum(t[1] for t in totals.values())
        categories.append(_figure(day, "全国", "全国", population, cards_total))
        categories.append(_figure(day, "市", "市（政令指定都市を除く）", 4000, 1400 + 250 * index))
        categories.append(_figure(day, "町村", "町村", 700, 120 + 90 * index))
        for band, base in (("全体", 40), ("0～4歳", 20), ("5～9", 30), ("100歳以上", 10)):
            for offset, sex in enumerate(("男", "女", "計")):
                rate = Decimal(base + 5 * index + offset)
                ages.append(AgeFigure(day, band, sex, 100, int(rate), rate, date(day.year, 1, 1), day))
    return MetricsData(
        municipalities=tuple(municipalities),
        prefectures=tuple(prefectures),
        categories=tuple(categories),
        ages=tuple(ages),
    )


CASES = {
    "991001": [
        CaseLink(
            id="991001-test",
            title="テストの取組 <試行>",
            summary="窓口を & 増やした。",
            page="cases/991001-test.md",
            municipality_code="991001",
            period_start="2020-04-01",
            period_end=None,
        )
    ]
}


def render_fake_pages() -> dict[str, str]:
    metrics, reference = fake_metrics(), fake_reference()
    similar = similar_municipalities(reference, latest_populations(metrics, reference))
    return render_metrics_pages(
        metrics, reference, CASES, make_environment(), similar=similar, today=BUILD_DAY
    )


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_fake_pages()


# page → its golden file under tests/data/golden/ (`make goldens` rewrites them, outside pytest)
GOLDEN_PAGES = {
    "municipalities/991001.md": "metrics/municipality_991001.md",
    "municipalities/991004.md": "metrics/municipality_991004.md",
    "prefectures/99.md": "metrics/prefecture_99.md",
    "metrics/index.md": "metrics/overview.md",
}


@pytest.mark.parametrize(("page", "golden"), GOLDEN_PAGES.items())
def test_golden(pages: dict[str, str], page: str, golden: str) -> None:
    assert_golden(pages[page], golden)


def test_page_set(pages: dict[str, str]) -> None:
    assert sorted(pages) == sorted(
        [f"municipalities/{code}.md" for code in TOWNS]
        + ["prefectures/98.md", "prefectures/99.md", "metrics/index.md", "data/places.json"]
        + [f"data/municipalities/{code}.{kind}" for code in TOWNS for kind in ("csv", "json")]
    )


def test_front_matter_then_comment(pages: dict[str, str]) -> None:
    for path, text in pages.items():
        if not path.endswith(".md"):
            continue
        lines = text.splitlines()
        assert lines[0] == "---"
        end = lines.index("---", 1)
        assert lines[end + 1].startswith("<!-- generated by jirei build from data/metrics/")
        assert "search:" not in "\n".join(lines[:end])  # Pagefind indexes every page


def test_municipality_page_opens_with_name_reading_and_code(pages: dict[str, str]) -> None:
    text = pages["municipalities/991001.md"]
    opening = text.split("<p>", 1)[1].split("</p>", 1)[0]
    assert (
        opening
        == '<strong>テスト市</strong>は<a href="../../prefectures/99/">テスト県</a>の市です。団体コード 991001'
    )


def test_municipality_page_content(pages: dict[str, str]) -> None:
    text = pages["municipalities/991001.md"]
    assert "<h1>テスト県テスト市のマイナンバーカード交付状況</h1>" in text
    assert "<tr><td>人口（率の分母）</td><td>1,000人（2021年1月1日 住民基本台帳人口）</td></tr>" in text
    assert "<tr><td>交付枚数</td><td>500枚（2020年12月31日 時点）</td></tr>" in text
    assert "<tr><td>12か月の変化</td><td>+20.0ポイント（+200枚、2020年1月1日との比較）</td></tr>" in text
    # Rates at 2021-01-01: 981001 70.0, 991001 50.0, 991002 40.0, 991003 40.0, 991004 40.0.
    assert '<tr><td>全国順位</td><td class="jirei-nowrap">2位 / 5</td></tr>' in text
    assert '<tr><td>テスト県内の順位</td><td class="jirei-nowrap">1位 / 4</td></tr>' in text
    assert '<tr><td>市区での順位</td><td class="jirei-nowrap">2位 / 3</td></tr>' in text
    assert (
        "<tr><td>2021年1月1日</td><td>1,000</td><td>500</td><td>50.0%</td>"
        "<td>2位 / 5</td><td>1位 / 4</td><td>2位 / 3</td></tr>"
    ) in text
    assert '<a href="../../cases/991001-test/">テストの取組 &lt;試行&gt;</a>：窓口を &amp; 増やした。' in text
    assert 'href="../../data/metrics/municipalities.csv"' in text  # one CSV, not a JSON per municipality
    assert 'href="../../metrics/#data-definitions"' in text
    assert (
        "出典：総務省『マイナンバーカード交付状況』（Code for Japan による PDF からの抽出データを加工）"
        in text
    )
    town = pages["municipalities/991004.md"]
    assert "まだ事例はありません。" in town and 'href="../../contributing/"' in town
    assert '<tr><td>町村での順位</td><td class="jirei-nowrap">1位 / 2</td></tr>' in town


def test_similar_municipalities_list_rates_and_their_cases(pages: dict[str, str]) -> None:
    text = pages["municipalities/991002.md"]
    # The heading is a bare <h2> in the page's one finished-HTML block.
    section = text.split("<h2>類似団体</h2>", 1)[1].split("</div>", 1)[0]
    # 991002 (市, 2,000) → テスト市 (1,000) and テスト北市 (1,000): equal ratio, lower code first.
    assert section.index('<a href="../981001/">テスト北県テスト北市</a>') < section.index(
        '<a href="../991001/">テスト県テスト市</a>'
    )
    right = '<td style="text-align: right;">'
    assert (
        f"{right}1,000</td>{right}50.0%（交付枚数）</td><td>2021年1月1日</td>"
        '<td><a href="../../cases/991001-test/">テストの取組 &lt;試行&gt;</a></td>'
    ) in section
    assert "類似団体の事例は 1 件です" in section
    assert "テスト町" not in section  # another category


def test_chart_block_is_embeddable(pages: dict[str, str]) -> None:
    text = pages["municipalities/991001.md"]
    figure = re.search(r"<figure.*?</figure>", text, re.S)
    assert figure is not None
    assert "\n\n" not in figure.group(0)
    ET.fromstring(figure.group(0))  # well-formed
    assert (
        "テスト市 50.0%" in figure.group(0) and "市平均" in figure.group(0) and "テスト県" in figure.group(0)
    )


def test_prefecture_table_sorted_by_rate(pages: dict[str, str]) -> None:
    text = pages["prefectures/99.md"]
    rows = re.findall(
        r'^<tr><td><a href="\.\./\.\./municipalities/\d+/">(.+?)</a></td>(?:<td[^>]*>.+?</td>){2}<td>([\d.]+)%',
        text,
        re.M,
    )
    assert [name for name, _ in rows] == ["テスト市", "テスト第二市", "テスト町", "テスト村"]
    rates = [Decimal(rate) for _, rate in rows]
    assert rates == sorted(rates, reverse=True)


def test_overview_category_table_and_rankings(pages: dict[str, str]) -> None:
    text = pages["metrics/index.md"]
    assert "| 基準日 | 全国 | 市 | 町村 |" in text
    assert text.index("<tr><td>2021年1月1日</td>") < text.index("<tr><td>2020年1月1日</td>")  # newest first
    assert "## データの定義 { #data-definitions }" in text
    assert "| 1 | [テスト北県テスト北市](../municipalities/981001.md) | 70.0% | 1,000 |" in text
    assert "年齢層・男女別の率" in text and 'aria-labelledby="ages-title ages-desc"' in text


def test_chart_and_data_table_are_verbatim_html_aligned_by_css(pages: dict[str, str]) -> None:
    """Finished HTML skips Markdown parsing (jirei.site.plugins.verbatim_html); no per-cell style attributes."""
    text = pages["municipalities/991001.md"]
    start = text.index('<details class="note jirei-data">')
    table = text[start : text.index("</details>")]
    assert text[:start].rstrip().endswith("<!-- jirei:html -->")
    assert text.index("<!-- jirei:html -->\n<figure") < text.index("</figure>\n<!-- /jirei:html -->")
    assert "<summary>データ表</summary>" in table
    assert table.count("<tr>") == 4  # header and three releases
    assert "style=" not in table


def test_case_chart() -> None:
    figure = municipality_chart_for_case(
        fake_metrics(),
        fake_reference(),
        "991001",
        date(2020, 4, 1),
        None,
        [(date(2020, 10, 1), 45.5, "窓口での申請率")],
        chart_id="case-991001-test",
    )
    svg = ET.fromstring(figure)
    text = "".join(svg.itertext())
    assert "取組期間 2020年4月1日〜" in text
    assert "窓口での申請率: 45.5%（2020年10月1日）" in text
    assert "\n\n" not in figure


# --- real data -------------------------------------------------------------------


def test_real_pages() -> None:
    metrics = load_metrics(DEFAULT_METRICS_DIR)
    reference = load_reference(DEFAULT_REFERENCE_DIR)
    started = time.perf_counter()
    pages = render_metrics_pages(metrics, reference, {}, make_environment())
    elapsed = time.perf_counter() - started
    markdown = [path for path in pages if path.endswith(".md")]
    municipality_sizes = [len(pages[p].encode()) for p in markdown if p.startswith("municipalities/")]
    print(
        f"render_metrics_pages: {elapsed:.2f}s, {len(pages)} files, "
        f"{sum(len(t.encode()) for t in pages.values()) / 1e6:.1f} MB; municipality page "
        f"max {max(municipality_sizes) / 1024:.1f} KB"
    )
    assert len([p for p in markdown if p.startswith("municipalities/")]) == 1741
    assert len([p for p in markdown if p.startswith("prefectures/")]) == 47
    assert "metrics/index.md" in pages
    assert len(markdown) == 1741 + 47 + 1
    downloads = [len(pages[p].encode()) for p in pages if p.startswith("data/municipalities/")]
    assert len(downloads) == 2 * 1741 and max(downloads) < 8_000  # a small CSV and JSON each (issue 17)
    kaga = pages["municipalities/172065.md"]
    row = next(line for line in kaga.splitlines() if line.startswith("<tr><td>2021年5月1日</td>"))
    assert "<td>65.1%</td>" in row
    assert row.endswith("<td>1位 / 815</td></tr>")
    overview = pages["metrics/index.md"]
    assert "| 2021年5月1日 | 30.0% | 34.0% | 31.6% | 29.3% | — | 27.0% |" in overview


def test_stale_data_says_its_age_and_never_latest() -> None:
    """Built long after the newest release (2021-01-01): every page states the age, shows
    the notice, avoids 「最新」, tells the pace in the past tense and says the target passed."""
    from jirei.metrics.later.load import LaterFigures
    from jirei.metrics.later.reported import ReportedFigure

    reported = ReportedFigure(date(2023, 7, 31), "99", "テスト県", "保有枚数", Decimal("71.0"), None, "",
                              "https://example.jp/r", "テスト記事", "テスト県の保有枚数率は71.0%")  # fmt: skip
    town_figure = ReportedFigure(date(2023, 7, 31), "991001", "テスト県テスト市", "交付枚数", Decimal("90.5"), 905,
                                 "", "https://example.jp/t", "テスト市の記事", "交付枚数は905枚、交付枚数率は90.5%")  # fmt: skip
    at_target = ReportedFigure(date(2023, 3, 31), "全国", "全国", "交付枚数", Decimal("77.7"), None, "",
                               "https://example.jp/n", "全国の記事", "交付枚数率は77.7%")  # fmt: skip
    pages = render_metrics_pages(
        fake_metrics(), fake_reference(), {}, make_environment(), today=date(2025, 1, 10),
        later=LaterFigures(reported=(reported, town_figure, at_target)),
    )  # fmt: skip
    assert "実際の2023年3月31日時点の交付枚数率は 77.7%と報じられています" in pages["metrics/index.md"]
    for path, text in pages.items():
        if path.endswith(".md"):
            assert "2021年1月1日時点（約4年前）" in text, path
            assert "最新の状況" not in text and "データの時点" in text, path
    town = pages["municipalities/991001.md"]
    assert "<h2>2021年1月1日時点の状況（約4年前）</h2>" in town
    assert "全員に行き渡るまで約 2.5年（2023年ごろ）かかる計算でした" in town
    assert "政府目標「2022年度末までにほぼ全国民に」の期限（2023年3月31日）はすでに過ぎています" in town
    assert "今のペースの" not in town
    # The town's reported figure: a downward triangle (交付枚数率) on its trend chart, and listed with its quote.
    assert 'class="jirei-chart__marker jirei-chart__marker--reported-issued"' in town
    assert (
        "<title>報道による値: テスト県テスト市 人口に対する交付枚数率 90.5%（2023年7月31日、テスト市の記事）</title>"
        in town
    )
    assert "（交付枚数 905枚）<br>出典：" in town
    assert "報道による値" not in pages["municipalities/991002.md"]
    prefecture = pages["prefectures/99.md"]
    assert "報道による値: テスト県 人口に対する保有枚数率 71.0%" in prefecture  # a marker, not a line point
    assert "実際の" not in prefecture  # the reported figure is not of the target date (nor the measure)
    assert "<strong>2023年7月31日時点 テスト県 人口に対する保有枚数率 71.0%</strong>" in prefecture
    assert '出典：<a href="https://example.jp/r">テスト記事</a>「テスト県の保有枚数率は71.0%」' in prefecture
    assert "報道による値" not in pages["prefectures/98.md"]


def test_a_case_rate_newer_than_the_official_series_is_marked_on_the_municipality_chart() -> None:
    """Like 粟島浦村: the official series ends, the case quotes a later rate (a ◆, not a line point)."""
    case = CaseLink(id="991001-later", title="テストの後日談", summary="", page="cases/991001-later.md",
                    municipality_code="991001", period_start="2020-04-01", period_end=None,
                    outcome_points=(("2020-06-30", 45.0, "交付枚数率"), ("2021-06-30", 65.0, "交付枚数率")))  # fmt: skip
    pages = render_metrics_pages(
        fake_metrics(), fake_reference(), {"991001": [case]}, make_environment(), today=BUILD_DAY
    )
    chart = pages["municipalities/991001.md"].split('<figure class="jirei-chart" id="trend-991001">', 1)[1]
    chart = chart.split("</figure>", 1)[0]
    assert "<title>事例「テストの後日談」の交付枚数率 65.0%（2021年6月30日）</title>" in chart
    assert "45.0%" not in chart  # within the official series: the line already says it
    assert "事例の成果指標" in chart  # the legend names the marker


def test_issued_and_held_rates_are_never_joined_into_one_line() -> None:
    """A 保有枚数 release after the 交付枚数 ones (as the fetch adds from 2023 on) is drawn as a
    line of its own, labelled by measure, on every chart that shows the series."""
    from dataclasses import replace

    metrics = fake_metrics()
    held_day = date(2025, 8, 31)
    held = [
        replace(f, release_date=held_day, cards_base_date=held_day, figure_kind="保有枚数")
        for f in (*metrics.municipalities, *metrics.prefectures, *metrics.categories)
        if f.release_date == RELEASES[-1]
    ]
    mixed = MetricsData(
        municipalities=(*metrics.municipalities, *(f for f in held if f.key in TOWNS)),
        prefectures=(*metrics.prefectures, *(f for f in held if f.key in PREFECTURES)),
        categories=(*metrics.categories, *(f for f in held if f.key in ("全国", "市", "町村"))),
        ages=metrics.ages,
    )
    pages = render_metrics_pages(mixed, fake_reference(), {}, make_environment(), today=date(2025, 9, 10))
    town = pages["municipalities/991001.md"]
    for label in (
        "テスト市（交付枚数率）",
        "テスト市（保有枚数率）",
        "全国（交付枚数率）",
        "全国（保有枚数率）",
    ):
        assert f"<title>{label}</title></polyline>" in town or f"<title>{label}</title></circle>" in town, (
            label
        )
    assert "<title>テスト市</title></polyline>" not in town
    assert "<title>全国（保有枚数率）</title></circle>" in pages["metrics/index.md"]  # one held point so far
    assert "<title>テスト県（交付枚数率）</title></polyline>" in pages["prefectures/99.md"]
