# jirei — two commands on a fresh machine: `make site` builds the site, `make test` runs every check.
VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: site search-report serve build validate audit browser test lint typecheck data boundaries bench screenshots goldens mutation clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

## validate: 事例ファイルを検証する
VALIDATE_FORMAT ?= text
validate: $(BIN)/.installed
	$(BIN)/jirei validate --format $(VALIDATE_FORMAT)

## audit: 事例ごとに、数値・判断の根拠（引用）と公表値との照合を表示する（エラーがあれば失敗）
AUDIT_FORMAT ?= text
audit: $(BIN)/.installed
	$(BIN)/jirei audit --format $(AUDIT_FORMAT)

## build: 事例と交付状況データから docs/ にページを生成する
build: $(BIN)/.installed
	$(BIN)/jirei build

## site: 事例を検証し、サイトを site/ に作る（mkdocs build --strict の後に Pagefind の検索索引 site/pagefind/）
site: validate build
	$(BIN)/mkdocs build --strict --site-dir site
	$(BIN)/jirei search index site

## search-report: 評価用の検索語を headless Chromium で検索し、語ごとの結果と recall@5 を表示する
search-report: site
	$(BIN)/jirei search report site

## serve: ライブリロード付きのプレビュー（事例の編集は 2 秒以内に反映。templates/ data/ の変更は全体を生成し直す）
serve: $(BIN)/.installed
	$(BIN)/mkdocs serve --dirty -f mkdocs-serve.yml

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(BIN)/.installed
	$(BIN)/mypy

## browser: ブラウザのテストに使う Debian の chromium と日本語フォントを（なければ apt で）入れる
browser:
	bash scripts/install-browser.sh

## test: リント・型検査・すべてのテスト（サイト全体の --strict ビルド、ブラウザとアクセシビリティのテストを含む）と jirei audit
test: browser lint typecheck
	$(BIN)/jirei audit
	$(BIN)/pytest

## data: 取り込み元の CSV から data/metrics/ を作り直す（結果は同じバイト列になる）
data: $(BIN)/.installed
	$(BIN)/jirei metrics import data/raw/codeforjapan-mynumbercard/*/

## boundaries: data/raw/ の境界と類似団体区分から data/boundaries/municipalities.topojson と data/reference/peer-groups.csv を作り直す
boundaries: $(BIN)/.installed
	$(BIN)/python -m jirei.maps.derive
	$(BIN)/python -m jirei.reference.peer_groups

## bench: 合成データ（架空の団体・事例）と実データで各段階の時間・メモリ・容量を測り、予算と比べる（2 コアで 4〜5 分）
BENCH_ARGS ?= --real
bench: $(BIN)/.installed
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

## screenshots: 画面比較テストの基準画像（tests/browser/baseline/）をテスト用の架空サイトから撮り直す（見た目を意図して変えたとき）
screenshots: $(BIN)/.installed browser
	$(BIN)/python -m tests.browser.screenshots

## goldens: テンプレートを意図して変えたあと、tests/data/golden/ の期待ファイルを作り直す（pytest の外で。git diff で確かめる）
goldens: $(BIN)/.installed
	$(BIN)/python -m tests.golden

## mutation: 重要なモジュールに小さな誤りを 1 つずつ入れ、テストが見つけるか測る（mutmut。モジュールごとの撃破率と生き残った変異を表示。2 コアで約 45 分。テストを足したあとは scripts/mutation.py --survivors）
mutation: $(BIN)/.installed
	nice -n 10 $(BIN)/python scripts/mutation.py

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
