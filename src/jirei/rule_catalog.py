"""Every rule id a problem can carry, with what it means and how to fix it (in Japanese).

The page /contributing/errors/ is generated from this table, and a Problem with an id
that is not here cannot be created, so no error reaches a contributor undocumented.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RuleDoc:
    area: str
    meaning: str
    fix: str


FILE = "ファイルと YAML の書き方"
SCHEMA = "項目の形式（スキーマ）"
CONTENT = "事例の内容"
METRICS = "交付状況データの取り込みと検査"
MAINTAINER = "メンテナー向け"


def _rules(area: str, **entries: tuple[str, str]) -> dict[str, RuleDoc]:
    return {name.replace("_", "-"): RuleDoc(area, meaning, fix) for name, (meaning, fix) in entries.items()}


RULE_CATALOG: dict[str, RuleDoc] = {
    **_rules(
        FILE,
        file_missing=("指定したファイルがありません。", "パスを確かめてください。"),
        file_read=("ファイルを読めませんでした。", "ファイルの権限や壊れていないかを確かめてください。"),
        file_name=("ファイル名が <事例ID>.yml の形ではありません。", "例: 172065-kaga-denshi-shinsei.yml"),
        file_too_large=(
            "ファイルが大きすぎます（1 MB まで）。",
            "画像やデータを貼り付けず、出典の URL で示してください。",
        ),
        empty_file=("ファイルが空です。", "jirei new で雛形を作り、項目を書いてください。"),
        encoding=(
            "文字コードが UTF-8 ではありません。",
            "エディタで「UTF-8（BOM なし）」を選んで保存し直してください。",
        ),
        bom=("ファイルの先頭に BOM があります。", "「UTF-8（BOM なし）」で保存し直してください。"),
        control_character=(
            "目に見えない制御文字が入っています。",
            "示された位置の文字を消して打ち直してください。",
        ),
        tab=("字下げにタブ文字が使われています。", "YAML の字下げは半角スペースで書いてください。"),
        yaml_syntax=(
            "YAML として読めません（字下げ・コロン・引用符の誤りなど）。",
            "示された行とその直前の行の字下げと記号を確かめてください。",
        ),
        duplicate_key=("同じ項目名が 2 回書かれています。", "どちらか一方にまとめてください。"),
        key_type=("項目名が文字列ではありません。", "項目名は英字で書いてください。"),
        alias=(
            "YAML のアンカー・エイリアス（& と *）は使えません。",
            "同じ内容でも、それぞれの場所に書いてください。",
        ),
        yaml_tag=("YAML のタグ（!! で始まる指定）は使えません。", "タグを消し、値だけを書いてください。"),
        multi_document=(
            "1 つのファイルに複数の文書（--- 区切り）があります。",
            "1 事例 1 ファイルにしてください。",
        ),
        nesting_too_deep=("入れ子が深すぎます。", "項目一覧のページにある形で書いてください。"),
        top_level_type=(
            "ファイルの一番外側が「項目: 値」の形ではありません。",
            "jirei new で作った雛形の形に合わせてください。",
        ),
    ),
    **_rules(
        SCHEMA,
        required=("必須の項目がありません。", "示された項目を追加してください。"),
        unknown_key=(
            "この場所では使えない項目名です。",
            "hint に近い項目名が出ていれば、その綴りに直してください。",
        ),
        type=(
            "値の種類（文字列・数値・リストなど）が違います。",
            "数字だけの団体コードや日付は引用符で囲んでください。",
        ),
        enum=("決まった値のどれかでなければなりません。", "示された値の中から選んでください。"),
        format=("値の形式が違います（団体コードや日付など）。", "メッセージにある形式に合わせてください。"),
        too_long=("文字数が上限を超えています。", "要点に絞って短くしてください。"),
        empty=("値が空です。", "内容を書くか、任意の項目なら項目ごと消してください。"),
        min_items=("リストの数が足りません。", "示された数以上の項目を書いてください。"),
        duplicate_item=("リストに同じ値が重複しています。", "重複を消してください。"),
        range=("数値が許される範囲の外です。", "メッセージにある範囲の値にしてください。"),
        schema=("スキーマに合わない値です。", "項目一覧のページで書き方を確かめてください。"),
        schema_version=(
            "形式の版（schema_version）がない、古すぎて移行手順がない、または新しすぎます。",
            "古い版なら jirei migrate で移行してください。",
        ),
    ),
    **_rules(
        CONTENT,
        id_filename=("id がファイル名と違います。", "id とファイル名（.yml を除く）を同じにしてください。"),
        id_unique=("同じ id の事例が既にあります。", "略称の部分を変えて別の id にしてください。"),
        id_code=("id の先頭 6 桁が団体コードと違います。", "id を <団体コード>-<略称> の形にしてください。"),
        code_check_digit=(
            "団体コードの検査数字（6 桁目）が合いません。",
            "data/reference/municipalities.csv で正しいコードを確かめてください。",
        ),
        code_unknown=(
            "団体コードが団体コード一覧にありません。",
            "団体名から正しいコードを探してください（jirei new に団体名を渡すと入ります）。",
        ),
        code_mismatch=(
            "団体名・都道府県・区分が団体コードと合いません。",
            "hint に示された一覧の値に直してください。",
        ),
        vocab=(
            "テーマ・施策の種類・成功要因が統制語彙にない語です。",
            "項目一覧のページの「統制語彙」から選んでください。",
        ),
        source_ref=(
            "sources にない出典 ID を参照しています。",
            "sources に出典を追加するか、ID の綴りを直してください。",
        ),
        source_duplicate=("sources に同じ ID が 2 回あります。", "ID を付け直してください。"),
        source_unused=(
            "どこからも参照されていない出典があります（警告）。",
            "使っていない出典を消すか、数値や記述から参照してください。",
        ),
        url=(
            "URL が http:// または https:// で始まる完全な形ではありません。",
            "ブラウザのアドレス欄から URL をそのまま貼ってください。",
        ),
        html=(
            "HTML タグが書かれています。",
            "タグは使わないでください。本文（description）では強調や箇条書きを Markdown で書けます。",
        ),
        unsafe_link=("javascript: など安全でないリンクがあります。", "http(s) のリンクにしてください。"),
        date=("存在しない日付です。", "月は 01〜12、日はその月にある日にしてください。"),
        date_future=("未来の日付です。", "実際にあった日付を書いてください。予定は本文に書きます。"),
        period_order=("期間の終了が開始より前です。", "開始と終了を確かめてください。"),
        review_overdue=(
            "最終確認日から 1 年以上たっています（警告）。サイトに「要更新」と表示されます。",
            "出典を確かめ直し、record.last_reviewed を更新してください。",
        ),
        rate_range=(
            "率（%）が 0〜100 の外です。",
            "100 を超える集計上の値は note に事情とともに書いてください。",
        ),
        official_rate=(
            "交付枚数率が総務省の公表値と違います（警告）。",
            "出典の数値と時点を確かめ、別の指標なら metric を変えてください。",
        ),
        former_id=(
            "former_ids の旧 id が、現在の id かほかの事例の旧 id と重なっています。",
            "改名する前の id だけを、1 つの事例にだけ書いてください。",
        ),
        related_case=(
            "関連事例の id が存在しないか、自分自身です。",
            "cases/ にある事例の id を書いてください。",
        ),
        adopter=(
            "横展開した団体のコードが団体コード一覧にありません。",
            "団体名から正しいコードを探してください。",
        ),
    ),
    **_rules(
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
        rate_mismatch=(
            "公表された率が枚数と人口から計算した率と違います（警告）。",
            "公表値はそのまま残します。出典の誤りとして記録してください。",
        ),
        pace_args=(
            "jirei pace の引数が足りないか正しくありません。",
            "jirei pace --help で使い方を確かめてください。",
        ),
    ),
    **_rules(
        MAINTAINER,
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
            "src/jirei/site/data_page.py に説明を書いてください。",
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
    **_rules(
        FILE,
        file_unsafe=(
            "事例ファイルがシンボリックリンクか、普通のファイルでないか、cases/ の外を指しています（中身は読みません）。",
            "事例ファイルはリンクにせず、cases/ の中に普通のファイルとして置いてください。",
        ),
        number_too_long=("数が長すぎます（32 文字まで）。", "出典にある数値をそのまま書いてください。"),
    ),
    **_rules(
        CONTENT,
        number_not_finite=(
            "数として扱えない値（.nan・.inf・桁あふれする 1e309 など）です。",
            "出典にある数値をそのまま書いてください。",
        ),
        number_too_large=("大きすぎる数（1,000 兆以上）です。", "単位と桁を確かめてください。"),
        negative_number=(
            "件・人・枚・円などで数える値が負の数です。",
            "減った量ではなく、減った後の値を書いてください。",
        ),
        measure_order=("施策の終了日が開始日より前です。", "開始以降の日付にしてください。"),
        text_control=(
            "文字列に制御文字（NUL・ESC など、タブと改行以外）が含まれています。",
            "その文字を削除してください。",
        ),
        text_bidi=(
            "文字の表示順を入れ替える制御文字（U+202E など）が含まれています。",
            "その文字を削除してください。",
        ),
        text_invisible=(
            "見えない文字（ゼロ幅スペースなど）が含まれています（警告）。",
            "その文字を削除してください。",
        ),
    ),
    **_rules(
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
