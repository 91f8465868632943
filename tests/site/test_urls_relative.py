"""Relative URLs for links inside finished HTML, which MkDocs does not rewrite."""

import posixpath
import re

import pytest

from jirei.site.rendering.urls import (
    case_page,
    municipality_page,
    page_url,
    prefecture_page,
    relative,
    relative_file_url,
    relative_url,
    relpath,
)


@pytest.mark.parametrize(
    ("page", "url"),
    [("cases/999999-test.md", "cases/999999-test/"), ("cases/index.md", "cases/"), ("index.md", "")],
)
def test_page_url_follows_directory_urls(page: str, url: str) -> None:
    assert page_url(page) == url


@pytest.mark.parametrize(
    ("source", "target", "href"),
    [
        ("municipalities/999999.md", "prefectures/99.md", "../../prefectures/99/"),
        ("municipalities/999999.md", "index.md", "../../"),
        ("cases/index.md", "cases/999999-test.md", "999999-test/"),
        ("index.md", "cases/index.md", "cases/"),
        ("cases/999999-test.md", "cases/999999-test.md#成果", "./#成果"),
        ("metrics/index.md", "indexes/themes.md#テスト", "../indexes/themes/#テスト"),
    ],
)
def test_relative_url_between_built_pages(source: str, target: str, href: str) -> None:
    assert relative_url(source, target) == href


def test_relative_file_url_keeps_the_file_name() -> None:
    assert relative_file_url("municipalities/999999.md", "data/metrics/municipalities.csv") == (
        "../../data/metrics/municipalities.csv"
    )


def test_relative_links_are_remembered_per_folder_without_changing_them() -> None:
    pages = ["index.md", "cases/a.md", "cases/b.md", "municipalities/1.md", "metrics/index.md", "a/b/c.md"]
    for _ in range(2):  # the second round comes from the cache
        for source in pages:
            for target in pages:
                assert relative(source, target) == posixpath.relpath(target, posixpath.dirname(source) or ".")


def test_relpath_from_the_strings_is_posixpaths() -> None:
    paths = [".", "a", "a/", "ab", "a/b", "a/b/", "a/bc", "a/b/c", "b/a", "cases/x", "cases/x/y/"]
    odd = ["", "/", "/a", "./a", "a/./b", "a/../b", "a//b", "..", "../a", "./"]
    for path in paths + odd:
        for start in paths + odd:
            try:
                expected = posixpath.relpath(path, start)
            except ValueError as error:
                with pytest.raises(ValueError, match=f"^{re.escape(str(error))}$"):
                    relpath(path, start)
            else:
                assert relpath(path, start) == expected, (path, start)


def test_page_paths_are_the_permalinks() -> None:
    assert (case_page("999999-test"), municipality_page("999999"), prefecture_page("99")) == (
        "cases/999999-test.md",
        "municipalities/999999.md",
        "prefectures/99.md",
    )


@pytest.mark.parametrize(
    ("path", "start", "expected"),
    [
        ("a/b", ".", "a/b"),
        (".", "a/b", "../.."),
        ("a/b/", "a", "b"),
        ("a/b", "a/b/", "."),
        ("a/x/y", "a/b/c", "../../x/y"),
        ("ab", "a", "../ab"),  # "a" is not a prefix folder of "ab"
    ],
)
def test_relpath_of_plain_paths_by_hand(path: str, start: str, expected: str) -> None:
    assert relpath(path, start) == expected


def test_relative_links_from_the_home_page_and_between_folders() -> None:
    assert relative("index.md", "cases/a.md") == "cases/a.md"
    assert relative("cases/a.md", "index.md") == "../index.md"
    assert relative("a/b/c.md", "a/d.md") == "../d.md"
    assert relative_url("index.md", "index.md") == "./"
    assert relative_url("prefectures/99.md", "prefectures/index.md") == "../"
