"""schema.org JSON-LD for a case page (an Article about a municipal government).

The case template puts it in the page's front matter as ``jsonld``;
overrides/main.html writes it into the page head.
"""

from __future__ import annotations

import json
from typing import Any

from jirei.cases.model import Case
from jirei.paths import SITE_NAME, SITE_URL
from jirei.site.permalinks import case_url, municipality_url

CC_BY = "https://creativecommons.org/licenses/by/4.0/"


def case_jsonld(case: Case) -> dict[str, Any]:
    place = case.municipality
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
        "about": {
            "@type": "GovernmentOrganization",
            "name": f"{place.prefecture}{place.name}",
            "identifier": place.code,
            "url": municipality_url(place.code),
            "areaServed": {
                "@type": "AdministrativeArea",
                "name": place.name,
                "containedInPlace": {"@type": "AdministrativeArea", "name": place.prefecture},
            },
        },
        "citation": [source.url for source in case.sources],
    }
    if case.title_en:
        data["alternativeHeadline"] = case.title_en
    return data


def front_matter_json(data: dict[str, Any]) -> str:
    """One-line JSON (a YAML flow mapping) for front matter; sorted keys keep it stable."""
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
