"""The rules of the data side (in Japanese): importing and checking the issuance tables,
later figures and fetching, and the maintainers' tools. Part of jirei.rule_catalog."""

from __future__ import annotations

from jirei.rule_doc import LATER, MAINTAINER, METRICS, RuleDoc, rules

DATA_RULES: dict[str, RuleDoc] = {
    **rules(
        METRICS,
        no_source=("取り込むファイルやフォルダがありません。", "パスを確かめてください。"),
        layout_unknown=(
            "表の形（見出し）が既知のどの形式とも合いません。",
            "総務省の公表ファイルか Code for Japan の CSV をそのまま渡してください。",
        ),
        sheet_missing=("必要なシートがありません。", "公表されたままのファイルを使ってください。"),
        truncated=(
            "行の列が足りないか、データ行がありません。",
            "ファイルが途中で切れていないか確かめてください。",
        ),
        row_length=("行の列が見出しより多いです。", "区切り文字や引用符の誤りを確かめてください。"),
        duplicate_row=("同じ団体の行が 2 回あります。", "重複した行を消してください。"),
        release_date=("公表日・基準日が読めません。", "日付の列を確かめてください。"),
        base_date=("人口や枚数の基準日が読めません。", "日付の列を確かめてください。"),
        not_a_number=("数値の欄が数値ではありません。", "数値だけを入れてください。"),
        full_width_digits=("全角数字があります。", "半角数字にしてください。"),
        rate_scale=("率の尺度（割合か百分率か）が判別できない値です。", "元の表の値を確かめてください。"),
        code_invalid=(
            "団体コードの形が正しくありません（6 桁・検査数字）。",
            "元の表の値を確かめてください。",
        ),
        unknown_code=(
            "団体コードが団体コード一覧にありません。",
            "団体コード一覧（data/reference/）が古くないか確かめてください。",
        ),
        unknown_prefecture=("都道府県名が分かりません。", "元の表の値を確かめてください。"),
        unknown_municipality=(
            "市区町村名が団体コード一覧にありません。",
            "表記ゆれなら団体コード一覧と照らしてください。",
        ),
        code_name_mismatch=("団体コードと市区町村名が合いません。", "元の表の値を確かめてください。"),
        unknown_category=("団体区分の見出しが分かりません。", "元の表の値を確かめてください。"),
        release_conflict=(
            "同じ公表日のデータが既にあり、数値が違います。",
            "公表元が訂正したなら、古い行を消してから取り込み直してください。",
        ),
        sum_prefecture=(
            "市区町村の合計が都道府県の値と合いません。",
            "元の表のどちらかの誤りです。公表元の値を確かめてください。",
        ),
        sum_national=(
            "都道府県の合計が全国の値と合いません。",
            "元の表のどちらかの誤りです。公表元の値を確かめてください。",
        ),
        sum_mismatch=(
            "取り込むブックの全国・都道府県の行が、その下の市区町村の行の合計と合いません（取り込みを中止）。",
            "元の表の合計行と市区町村の行（抜け・重複・入力の誤り）を確かめてください。",
        ),
        rate_mismatch=(
            "公表された率が枚数と人口から計算した率と違います（警告）。",
            "公表値はそのまま残します。出典の誤りとして記録してください。",
        ),
        pace_args=(
            "jirei pace の引数が足りないか正しくありません。",
            "jirei pace --help で使い方を確かめてください。",
        ),
    ),
    **rules(
        LATER,
        national_layout=(
            "デジタル庁の全国の月次データの形（見出し・キー）が分かりません。",
            "ダッシュボードの CSV（年月・保有枚数…、または年月・指標名・値）か stats_data.json を渡してください。",
        ),
        national_value=("全国の月次データの年月や枚数が読めません。", "示された行の値を確かめてください。"),
        national_conflict=(
            "同じ月の全国の保有枚数が、ファイルや取り込み済みの値と違います。",
            "デジタル庁の公表値を確かめ、誤っている方を消してから取り込み直してください。",
        ),
        reported_field=(
            "報道による値（data/reported-figures.yml）の項目が足りないか、形が正しくありません。",
            "示された項目を data/metrics/README.md の説明どおりに書いてください。",
        ),
        reported_quote=(
            "報道による値の数値が、引用（quote）の中に見つかりません。",
            "出典の記事から、その数値を含む文をそのまま引用してください。",
        ),
        reported_area=(
            "報道による値の地域（全国・都道府県名・団体コード）が分かりません。",
            "「全国」、都道府県名（例: 宮崎県）、または 6 桁の団体コードを書いてください。",
        ),
        fetch_network=(
            "公表ページやファイルを取得できませんでした。",
            "ネットワークと URL を確かめてください。何も書き換えていません。",
        ),
        fetch_not_found=(
            "公表ページに新しい公表ファイルへのリンクが見つかりません（ページが移った可能性）。",
            "総務省・デジタル庁のページを開き、--soumu-page / --national-page で新しい URL を指定してください。",
        ),
    ),
    **rules(
        MAINTAINER,
        project_root=(
            "jirei のプロジェクト（mkdocs.yml と cases/ のあるフォルダ）が見つかりません。",
            "リポジトリのフォルダに移って実行するか、jirei --root <フォルダ> で指定してください。",
        ),
        reference_missing=(
            "団体コード一覧のファイルがありません。",
            "scripts/build_reference.py で作り直してください。",
        ),
        reference_columns=(
            "団体コード一覧の列が足りません。",
            "scripts/build_reference.py で作り直してください。",
        ),
        check_digit=(
            "総務省の団体コード一覧に検査数字の合わないコードがあります。",
            "一覧の版を確かめてください。",
        ),
        url_removed=(
            "公開済みの URL がサイトからなくなります（リンクが切れます）。",
            "事例の id を変えたなら、新しい事例の former_ids に旧 id を書いてください。",
        ),
        url_unlisted=(
            "公開 URL の一覧（data/published-urls.txt）にない新しいページです。",
            "jirei urls --update で一覧に加えてください。",
        ),
        data_undocumented=(
            "オープンデータのページに説明のない列やファイルがあります。",
            "src/jirei/site/pages/data.py に説明を書いてください。",
        ),
        site_missing=(
            "検索の索引を作るためのビルド済みサイトがありません。",
            "先に make site（mkdocs build --strict）を実行してください。",
        ),
        pagefind=(
            "Pagefind が検索の索引を作れませんでした（前の索引はそのまま残ります）。",
            "表示された Pagefind のメッセージを確かめてください。",
        ),
        search_query=(
            "検索の評価用の語の一覧（tests/search/queries.yml）の書き方が正しくありません。",
            "示された項目を直してください。",
        ),
        search_dictionary=(
            "検索の辞書（data/search/synonyms.yml・data/search/wards.csv）の書き方が正しくありません。",
            "示された位置を直してください（書き方はファイルの先頭の説明）。",
        ),
        ward_city=(
            "団体コード一覧の政令指定都市のシートで、区の市が見つかりません。",
            "一覧の版を確かめてから scripts/build_wards.py を実行してください。",
        ),
        browser_missing=(
            "ブラウザのテストに必要な Chromium か Playwright がありません。",
            "bash .ci/run か apt-get install chromium fonts-noto-cjk で入れてください。",
        ),
        schema_undocumented=(
            "スキーマの項目に説明（description）がありません。",
            "項目一覧のページに載る日本語の説明を書いてください。",
        ),
    ),
    # Security (SECURITY.md): values that would break or disguise a published page.
}

# Checks of single cells, listed after the case files' safety rules on the errors page.
CELL_RULES: dict[str, RuleDoc] = {
    **rules(
        METRICS,
        rate_out_of_range=("率が 0〜100% の範囲の外です。", "元の表の値を確かめてください。"),
        count_out_of_range=(
            "枚数が負の数か、人口に比べてありえない大きさです。",
            "元の表の値と単位を確かめてください。",
        ),
        release_future=("公表日・基準日が今日より後です。", "元の表の日付を確かめてください。"),
        cell_unreadable=(
            "表のセルが読めません（長すぎる・桁が多すぎる・無限大など）。",
            "公表されたままのファイルを使ってください。",
        ),
    ),
}
