"""The examples in the package docstring run as printed."""

from __future__ import annotations

import doctest

import newsdump


class TestDocstrings:
    def test_package_examples(self) -> None:
        """``newsdump.__doc__``'s example gives the roles and authors it shows."""
        result = doctest.testmod(newsdump, optionflags=doctest.ELLIPSIS)
        assert result.attempted >= 3
        assert result.failed == 0
