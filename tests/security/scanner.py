"""A scanner for built pages: parses each page with the standard library's HTML parser and
reports anything that could run script or send a reader elsewhere.

It looks at what a browser would act on, after the normalisation a browser does to a URL
(entities decoded, C0 control characters and spaces stripped at the ends, tab and newline
removed anywhere, case folded):

- an ``on*`` event-handler attribute;
- a ``javascript:``, ``vbscript:`` or ``data:`` URL in any attribute that takes a URL;
- a ``<meta http-equiv="refresh">`` (except the redirect pages for renamed cases, which
  point at ``../<case id>/`` of this site);
- a ``<script>`` that is not from the site: a ``src`` with a scheme or host, or an inline
  script that is not one of the theme's (its hash must be in the page's policy);
- tags that load other documents or code (``iframe``, ``object``, ``embed``, ``base``…);
- a missing or weak Content-Security-Policy.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from jirei.site.plugins.csp import script_hash

URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "cite",
     "srcset", "ping", "longdesc", "lowsrc", "dynsrc", "codebase", "manifest", "icon"}
)  # fmt: skip
BAD_SCHEMES = ("javascript:", "vbscript:", "data:", "livescript:")
FORBIDDEN_TAGS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"})
DATA_SCRIPT_TYPES = frozenset({"application/json", "application/ld+json"})
# The theme's inline scripts (Material's base.html): a page may carry these and nothing else.
THEME_SCRIPTS = (
    re.compile(r'__md_scope=new URL\("[./a-z]*",location\),__md_hash='),
    re.compile(r"var target=document\.getElementById\(location\.hash\.slice\(1\)\);"),
)
REDIRECT_TARGET = re.compile(r"0; url=\.\./[0-9]{6}-[a-z0-9]+(?:-[a-z0-9]+)*/")
_TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")


def normalised_url(value: str) -> str:
    """A URL as a browser reads its scheme (WHATWG URL parsing): entities decoded (by the
    parser, and once more here to be safe), C0 control characters and spaces stripped at
    both ends, tab and newline removed anywhere, case folded."""
    text = _TAB_OR_NEWLINE.sub("", html.unescape(value))
    return text.strip("".join(map(chr, range(0x21)))).casefold()


def unsafe_url(value: str) -> bool:
    text = normalised_url(value)
    candidates = [text] + [part.strip().split(" ")[0] for part in value.split(",")[1:]]  # srcset entries
    return any(normalised_url(candidate).startswith(BAD_SCHEMES) for candidate in candidates)


class _Page(HTMLParser):
    def __init__(self, name: str) -> None:
        super().__init__(convert_charrefs=True)
        self.name = name
        self.findings: list[str] = []
        self.policies: list[str] = []
        self.scripts_before_policy = 0
        self._script: dict[str, str] | None = None
        self._script_text: list[str] = []

    def _find(self, what: str) -> None:
        self.findings.append(f"{self.name}: {what}")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name, value in attrs:
            if name.startswith("on"):
                self._find(f"<{tag} {name}=…> (event handler)")
            if name in URL_ATTRIBUTES and unsafe_url(value or ""):
                self._find(f"<{tag} {name}={value!r}> (script or data URL)")
            if name == "style" and re.search(
                r"expression\(|url\(\s*['\"]?\s*javascript", (value or "").lower()
            ):
                self._find(f"<{tag} style={value!r}>")
        if tag in FORBIDDEN_TAGS:
            self._find(f"<{tag}> (loads another document or plugin)")
        if tag == "meta":
            self._meta(values)
        if tag == "script":
            self._script = values
            self._script_text = []
            if not self.policies:
                self.scripts_before_policy += 1

    def _meta(self, values: dict[str, str]) -> None:
        equiv = values.get("http-equiv", "").strip().casefold()
        if equiv == "refresh":
            if not REDIRECT_TARGET.fullmatch(values.get("content", "").strip()):
                self._find(f"<meta http-equiv=refresh content={values.get('content')!r}>")
        elif equiv == "content-security-policy":
            self.policies.append(values.get("content", ""))
        elif equiv and equiv not in {"content-type", "x-ua-compatible"}:
            self._find(f"<meta http-equiv={equiv!r}>")

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self._check_script(self._script, "".join(self._script_text))
            self._script = None

    def _check_script(self, attrs: dict[str, str], body: str) -> None:
        source = attrs.get("src")
        kind = attrs.get("type", "").strip().casefold()
        if source is not None:
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|\\)", normalised_url(source)):
                self._find(f"<script src={source!r}> (not from this site)")
        elif kind in DATA_SCRIPT_TYPES:
            return  # a data block: never run
        elif not any(pattern.match(body) for pattern in THEME_SCRIPTS):
            self._find(f"inline <script> that is not the theme's: {body[:60]!r}")
        elif not any(script_hash(body) in policy for policy in self.policies):
            self._find("inline <script> whose hash is not in the page's policy")


def scan_html(text: str, name: str = "page") -> list[str]:
    page = _Page(name)
    page.feed(text)
    page.close()
    if len(page.policies) != 1:
        page._find(f"{len(page.policies)} Content-Security-Policy <meta> tags (want exactly one)")
    for policy in page.policies:
        directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.split()}
        script_src = directives.get("script-src", [])
        if "'self'" not in script_src or "'unsafe-inline'" in script_src or "'unsafe-eval'" in script_src:
            page._find(f"weak script-src: {script_src}")
        if "*" in script_src or any(source.startswith(("http:", "https:", "data:")) for source in script_src):
            page._find(f"script-src allows other origins: {script_src}")
        if directives.get("object-src") != ["'none'"] or directives.get("base-uri") != ["'self'"]:
            page._find(f"policy without object-src 'none' and base-uri 'self': {policy!r}")
    if page.scripts_before_policy:
        page._find("a <script> comes before the Content-Security-Policy")
    return page.findings


def scan_site(site: Path) -> tuple[int, list[str]]:
    """(pages scanned, findings) for every HTML page of a built site."""
    findings: list[str] = []
    pages = sorted(site.rglob("*.html"))
    for path in pages:
        findings += scan_html(path.read_text(encoding="utf-8"), path.relative_to(site).as_posix())
    return len(pages), findings
