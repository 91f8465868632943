"""schema.org JSON-LD: an Article about a municipal government for each case page, and a
Dataset with its downloads for the open data page.

The templates put it in the page's front matter as ``jsonld``;
overrides/main.html writes it into the page head.
"""

from __future__ import annotations

import json
from typing import Any

from jirei.cases.model import Case, Municipality
from jirei.paths import SITE_NAME, SITE_URL
from jirei.site.rendering.permalinks import case_url, municipality_url, site_url

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def _government(place: Municipality) -> dict[str, Any]:
    return {
        "@type": "GovernmentOrganization",
        "name": f"{place.prefecture}{place.name}",
        "identifier": place.code,
        "url": municipality_url(place.code),
        "areaServed": {
            "@type": "AdministrativeArea",
            "name": place.name,
            "containedInPlace": {"@type": "AdministrativeArea", "name": place.prefecture},
        },
    }


def case_jsonld(case: Case) -> dict[str, Any]:
    """The lead municipality is ``about``; the other members of a joint case are ``mentions``."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "@id": case_url(case.id),
        "url": case_url(case.id),
        "headline": case.title,
        "name": case.title,
        "description": case.summary,
        "inLanguage": "ja",
        "dateCreated": case.record.created,
        "datePublished": case.record.created,
        "dateModified": case.record.last_reviewed,
        "license": CC_BY,
        "keywords": [*case.themes, *case.tags],
        "isPartOf": {"@type": "WebSite", "name": SITE_NAME, "url": SITE_URL},
        "publisher": {"@type": "Organization", "name": SITE_NAME, "url": SITE_URL},
        "about": _government(case.municipality),
        "citation": [source.url for source in case.sources],
    }
    if case.members:
        data["mentions"] = [_government(member) for member in case.members]
    if case.title_en:
        data["alternativeHeadline"] = case.title_en
    return data


def dataset_jsonld(page_path: str, downloads: list[tuple[str, str, str]], case_count: int) -> dict[str, Any]:
    """The open data page as a Dataset; ``downloads`` are (site path, MIME type, description)."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "@id": site_url(page_path),
        "url": site_url(page_path),
        "name": f"{SITE_NAME} のオープンデータ",
        "description": (
            f"自治体のマイナンバーカード普及・行政手続オンライン化の事例 {case_count} 件（JSON・CSV）と、"
            "総務省「マイナンバーカード交付状況」を正規化した市区町村・都道府県・団体区分・年齢別の表。"
        ),
        "inLanguage": "ja",
        "license": CC_BY,
        "isAccessibleForFree": True,
        "creator": {"@type": "Organization", "name": SITE_NAME, "url": SITE_URL},
        "isBasedOn": {
            "@type": "Dataset",
            "name": "マイナンバーカード交付状況",
            "creator": {"@type": "GovernmentOrganization", "name": "総務省"},
        },
        "distribution": [
            {
                "@type": "DataDownload",
                "contentUrl": site_url(path),
                "encodingFormat": mime,
                "description": text,
            }
            for path, mime, text in downloads
        ],
    }


def front_matter_json(data: dict[str, Any]) -> str:
    """One-line JSON (a YAML flow mapping) for front matter; sorted keys keep it stable."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
