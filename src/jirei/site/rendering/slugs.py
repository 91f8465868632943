"""Heading ids (the toc extension's ``slugify``, set in mkdocs.yml): short and readable in a URL.

Japanese headings used to become their own text as the id, which a shared link shows as a
long percent-encoded string (``#%E6%88%90%E6%9E%9C``). Now:

- the headings the generator writes on every case and metrics page have a fixed ASCII id
  (``## 成果`` → ``#outcomes``, ``## 出典`` → ``#sources``), listed in ``FIXED``;
- a heading in ASCII keeps its readable slug (``### cases.json`` → ``#casesjson``);
- any other heading gets ``h-`` and six hex digits of a hash of its text (``#h-3fa2c1``):
  short, and the same on every build while the heading's text stays the same.

Old links with the Japanese ids still find their heading: docs/javascripts/anchors.js
recomputes the old id of each heading and moves to it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

FIXED = {
    "概要": "summary",
    "主導と推進体制": "leadership",
    "施策": "measures",
    "デジタル化した手続": "procedures",
    "成果": "outcomes",
    "公表値の推移と取組の期間": "official-trend",
    "成功要因": "success-factors",
    "課題・留意点": "challenges",
    "他の自治体への示唆": "lessons",
    "表彰": "awards",
    "関連する事例・横展開": "related-cases",
    "出典": "sources",
    "推移": "trend",
    "普及のペース": "pace",
    "この団体の事例": "cases",
    "類似団体": "similar",
    "関連ページとデータ": "related",
    "関連ページ": "related",
    "市区町村別の地図": "map",
    "市区町村の一覧": "municipalities",
    "その後の報道による値": "reported",
    "全国と団体区分別の推移": "trend",
    "団体区分別の率（公表値）": "categories",
    "率の高い団体": "top-rates",
    "率の伸びが大きい団体": "top-growth",
    "年齢層・男女別の率": "age-sex",
    "全国の普及のペース": "pace",
    "市区町村ごとのファイル": "municipality-files",  # linked from every municipality page
}
# 「2022年12月31日時点の状況（約4年前）」: its date changes with each release, its id does not.
_STATUS = re.compile(r"^(全国の)?\d{4}年\d{1,2}月\d{1,2}日時点の状況")
_TAGS = re.compile(r"<[^>]+>")
_NOT_SLUG = re.compile(r"[^a-z0-9\- ]")
HASH_DIGITS = 6


def slugify(text: str, sep: str) -> str:
    """The id for a heading with this text (``sep`` joins words, as the toc extension asks)."""
    plain = unicodedata.normalize("NFC", _TAGS.sub("", text)).strip()
    if plain in FIXED:
        return FIXED[plain]
    if _STATUS.match(plain):
        return "status"
    if plain.isascii():
        ascii_slug = _NOT_SLUG.sub("", plain.lower()).strip().replace(" ", sep)
        if ascii_slug:
            return ascii_slug
    digest = hashlib.blake2s(plain.encode("utf-8"), digest_size=4).hexdigest()
    return f"h-{digest[:HASH_DIGITS]}"
