"""Sphinx configuration for the newsdump documentation.

Build (strict) and run every example::

    sphinx-build -W --keep-going -b html docs docs/_build/html
    sphinx-build -W -b doctest docs docs/_build/doctest

Two local additions live here rather than in a separate extension:

* a check that fails the build when a name in ``newsdump.__all__`` (or
  ``newsdump.scoring.__all__``) is not documented in ``api.md``, or when ``api.md``
  documents a name that is no longer public;
* a ``newsdump-help`` directive that prints the ``--help`` text of the command line at
  build time, so the command-line reference cannot drift from the code.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path
from typing import Any

import attrs
from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

import newsdump
import newsdump.scoring
from newsdump import _tables
from newsdump.__main__ import main

logger = logging.getLogger("newsdump.docs")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

project = "newsdump"
author = "newsdump developers"
copyright = "newsdump developers"
release = newsdump.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.doctest",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_default_options = {"members": True, "undoc-members": False}

# Doctests run against the installed package; the working directory is the repository
# root so that examples may read seeds/.
doctest_global_setup = f"""
import os
os.chdir({str(ROOT)!r})
import newsdump
"""
doctest_test_doctest_blocks = "default"

html_theme = "furo"
html_title = f"newsdump {release}"
html_static_path: list[str] = []


# --- every public name is documented ---------------------------------------------------

# autodoc writes reStructuredText, so api.md wraps each directive in ``{eval-rst}``.
_AUTO = re.compile(
    r"^\.\. auto(?:class|function|data|exception|module)::\s+([\w.]+)\s*$",
    re.MULTILINE,
)


def _documented(api: str) -> set[str]:
    return set(_AUTO.findall(api))


def check_api_coverage(app: Sphinx) -> None:
    """Fail the build when ``api.md`` and the public ``__all__`` lists disagree."""
    api = (HERE / "api.md").read_text(encoding="utf-8")
    documented = _documented(api)
    expected = {f"newsdump.{name}" for name in newsdump.__all__}
    listed = {name for name in documented if name.count(".") == 1}
    problems: list[str] = []
    missing = sorted(expected - listed)
    if missing:
        problems.append("public names missing from docs/api.md: " + ", ".join(missing))
    stale = sorted(listed - expected - {"newsdump.scoring"})
    if stale:
        problems.append("docs/api.md documents names not in newsdump.__all__: " + ", ".join(stale))
    if "newsdump.scoring" not in documented:
        problems.append("docs/api.md must document the newsdump.scoring module")
    for problem in problems:
        logger.warning(problem, type="newsdump", subtype="api", location="api")
    if problems:
        # Fail even without -W: an undocumented public name is never acceptable.
        app.statuscode = 1


# --- the command line's help, captured at build time -----------------------------------


class NewsdumpHelp(SphinxDirective):
    """Print the ``--help`` text of ``newsdump`` or ``python -m newsdump.scoring``.

    The argument is a command line after the program name, without ``--help``:
    ``parse``, ``show``, nothing (the top level), or ``scoring``.
    """

    optional_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """The help text as a literal block."""
        words = self.arguments[0].split() if self.arguments else []
        if words[:1] == ["scoring"]:
            entry, argv = newsdump.scoring.main, [*words[1:], "--help"]
        else:
            entry, argv = main, [*words, "--help"]
        out = io.StringIO()
        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "80"
        try:
            with contextlib.redirect_stdout(out), contextlib.suppress(SystemExit):
                entry(argv)
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        text = out.getvalue().rstrip("\n")
        if not text:
            raise self.error(f"no help text for {' '.join(argv)!r}")
        block = nodes.literal_block(text, text)
        block["language"] = "text"
        return [block]


# --- short signatures for classes whose defaults are long tables -----------------------


def _table_name(value: object) -> str | None:
    for name, table in vars(_tables).items():
        if table is value and name.isupper():
            return f"_tables.{name}"
    return None


def shorten_signature(  # noqa: PLR0917 - Sphinx's event passes them by position
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """Show ``Rules``' table defaults by name (``_tables.AGENCIES``), not as strings."""
    if what != "class" or signature is None:
        return None
    if obj is not newsdump.Rules:
        # attrs shows a default factory as NOTHING; say what dataclasses say.
        if "= NOTHING" in signature:
            return signature.replace("= NOTHING", "= <factory>"), return_annotation
        return None
    parts = []
    for field in attrs.fields(newsdump.Rules):
        table = _table_name(field.default)
        if table is not None:
            parts.append(f"{field.name}: Iterable[str] = {table}")
        else:
            parts.append(f"{field.name}: {field.type} = {field.default!r}")
    return "(" + ", ".join(parts) + ")", return_annotation


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the API check, the signature shortener and the help directive."""
    app.connect("builder-inited", check_api_coverage)
    app.connect("autodoc-process-signature", shorten_signature)
    app.add_directive("newsdump-help", NewsdumpHelp)
    return {"parallel_read_safe": True}
