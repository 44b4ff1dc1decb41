"""The ``newsdump`` command: a thin shell over ``iter_articles`` and ``parse_file``.

``parse`` writes the events of :mod:`newsdump._parallel` (one process, or ``--jobs``
worker processes with the same output) and shows :mod:`newsdump._progress` on a
terminal.

Exit status: 0 when every input was processed, 1 when some failed (the others are
still processed and written), 2 for a usage error. Every problem is one line on
stderr naming the file; no traceback.
"""

from __future__ import annotations

import argparse
import codecs
import importlib
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import BrokenExecutor
from datetime import datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from types import ModuleType
from typing import IO, Any, Literal

from newsdump._io import DecodeError, InputError, decode_chunks, parse_file
from newsdump._model import Dump, Role
from newsdump._parallel import STDIN, STDIN_NAME, Failure, Options, Writer, parallel_events
from newsdump._parse import parse
from newsdump._progress import Progress, progress
from newsdump._rules import Rules

__all__ = ["run"]

PROG = "newsdump"

_COMMANDS = ("parse", "show")
_TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")

_EXAMPLES = """\
examples:
  newsdump parse dump.txt                  one JSON record per article (JSON Lines)
  newsdump dump.txt                        the same: 'parse' is the default command
  newsdump parse --format markdown a.txt   clean articles as Markdown
  cat dump.txt | newsdump parse -          read standard input
  newsdump parse -o out.jsonl *.txt        several dumps into one file
  newsdump parse -j 0 -o out.jsonl big.txt  one process per CPU, same output
  newsdump show dump.txt | less -R         every line with its role and why
  newsdump parse --rules my-rules.toml --now 2021-02-09T12:00 dump.txt
"""

_ROLE_COLOURS: dict[Role | None, str] = {
    Role.TITLE: "1;36",
    Role.DEK: "36",
    Role.SUMMARY: "36",
    Role.CAPTION: "35",
    Role.BYLINE: "1;33",
    Role.DATE: "33",
    Role.HEADING: "1",
    Role.BODY: "0",
    Role.CREDIT: "32",
    Role.BOILERPLATE: "2",
    None: "2",
}


class _FailureError(Exception):
    """An error already worded for stderr: ``newsdump: <message>``."""


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list and args_list[0] not in (*_COMMANDS, *_TOP_LEVEL_OPTIONS):
        args_list.insert(0, "parse")
    parser = _parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else 2
    if args.command is None:
        parser.print_usage(sys.stderr)
        print(f"{PROG}: error: give a command (parse or show) or a file", file=sys.stderr)
        return 2
    try:
        rules = _load_rules(args.rules) if args.rules else None
    except _FailureError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    try:
        with _output(args.output, errors=args.errors) as out:
            if args.command == "show":
                return _show(args, rules, out)
            return _parse(args, rules, out)
    except _FailureError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``newsdump parse big.txt | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:
        print(f"{PROG}: error: cannot write output ({error.strerror or error})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


def _version() -> str:
    try:
        return version("newsdump")
    except PackageNotFoundError:
        return "unknown (not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Split plain-text news dumps into articles, label every line, and "
        "parse bylines, datelines, dates, captions and credits.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--now",
        type=_now,
        metavar="ISO",
        help="the current time, ISO 8601 (2021-02-09T12:00+00:00): resolves relative "
        "dates such as '2 hours ago'",
    )
    common.add_argument(
        "--encoding",
        default="utf-8",
        type=_encoding,
        help="encoding of the input files (default: utf-8)",
    )
    common.add_argument(
        "--errors",
        default="strict",
        choices=("strict", "replace", "surrogateescape"),
        help="what to do with undecodable bytes: fail naming the byte offset (strict, the "
        "default), replace them with U+FFFD, or keep them as surrogates",
    )
    common.add_argument(
        "--rules",
        metavar="FILE",
        help="extra rules, TOML or JSON (keys 'extend', 'replace' and thresholds; see "
        "newsdump.Rules.from_mapping)",
    )
    common.add_argument("-o", "--output", metavar="OUT", help="write to OUT, not stdout")
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no message for inputs that fail (the exit status still tells)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    parse = commands.add_parser(
        "parse",
        parents=[common],
        help="write the articles of each dump as JSON Lines, JSON, text or Markdown",
        description="Write the articles of each dump. Files are streamed: memory stays "
        "bounded whatever their size.",
        epilog="example: newsdump parse --format json -o articles.json a.txt b.txt",
    )
    parse.add_argument("files", nargs="+", metavar="FILE", help="a news dump, or - for stdin")
    parse.add_argument(
        "-f",
        "--format",
        default="jsonl",
        choices=("jsonl", "json", "text", "markdown"),
        help="jsonl: one JSON record per article (default); json: one JSON array; "
        "text or markdown: the clean articles",
    )
    parse.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="parse with N processes (default 1; 0: one per CPU). Files are shared out, "
        "and a large file written as JSON records is cut into blocks; the output is the "
        "same bytes as with one process",
    )
    parse.add_argument(
        "--include-lines",
        action="store_true",
        help="add every line with its role and reason to each JSON record",
    )
    show = commands.add_parser(
        "show",
        parents=[common],
        help="print every line with its role and the reason for it",
        description="Print every line of a dump with its role and the reason, articles "
        "separated by a rule line. Colour only on a terminal, and never with NO_COLOR set.",
        epilog="example: newsdump show dump.txt | less -R",
    )
    show.add_argument("file", metavar="FILE", help="a news dump, or - for stdin")
    show.add_argument(
        "--color",
        "--colour",
        dest="color",
        default="auto",
        choices=("auto", "always", "never"),
        help="colour the roles: auto (the default) on a terminal without NO_COLOR",
    )
    return parser


def _now(text: str) -> datetime:
    value = text.strip()
    if value.endswith(("Z", "z")):
        value = value[:-1] + "+00:00"
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        msg = f"not an ISO 8601 date or time: {text!r} (try 2021-02-09T12:00 or 2021-02-09)"
        raise argparse.ArgumentTypeError(msg) from None


def _jobs(text: str) -> int:
    try:
        jobs = int(text)
    except ValueError:
        jobs = -1
    if jobs < 0:
        msg = f"not a number of processes: {text!r} (give 1, 2, ... or 0 for one per CPU)"
        raise argparse.ArgumentTypeError(msg)
    return jobs or os.cpu_count() or 1


def _encoding(text: str) -> str:
    try:
        codecs.lookup(text)
    except LookupError:
        msg = f"unknown encoding: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return text


def _load_rules(path: str) -> Rules:
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        raise _FailureError(f"{path}: no such rules file") from None
    except IsADirectoryError:
        raise _FailureError(f"{path}: is a directory, not a rules file") from None
    except OSError as error:
        raise _FailureError(f"{path}: cannot read ({error.strerror or error})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise _FailureError(f"{path}: not UTF-8 (byte {error.start})") from None
    data = _load_json(path, text) if path.lower().endswith(".json") else _load_toml(path, text)
    if not isinstance(data, dict):
        raise _FailureError(f"{path}: rules must be a table/object, not {type(data).__name__}")
    try:
        return Rules.from_mapping(data)
    except (TypeError, ValueError) as error:
        raise _FailureError(f"{path}: {error}") from None


def _load_json(path: str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise _FailureError(f"{path}: invalid JSON at line {error.lineno}: {error.msg}") from None


def _toml_module() -> ModuleType | None:
    name = "tomllib" if sys.version_info >= (3, 11) else "tomli"
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


def _load_toml(path: str, text: str) -> Any:
    toml = _toml_module()
    if toml is None:
        raise _FailureError(
            f"{path}: reading TOML on Python 3.10 needs tomli "
            "(pip install 'newsdump[toml]'), or give the rules as JSON"
        )
    try:
        return toml.loads(text)
    except toml.TOMLDecodeError as error:
        raise _FailureError(f"{path}: invalid TOML: {error}") from None


class _output:  # noqa: N801 - used like open()
    """Standard output, or a file opened for writing; a context manager either way.

    Under ``--errors surrogateescape`` the text may hold the lone surrogates that stand
    for undecodable bytes; the output writes them back as those bytes.
    """

    def __init__(self, path: str | None, *, errors: str = "strict") -> None:
        self._path = path
        self._file: IO[str] | None = None
        self._errors = "surrogateescape" if errors == "surrogateescape" else "strict"

    def __enter__(self) -> IO[str]:
        if self._path is None or self._path == STDIN:
            if self._errors != "strict" and isinstance(sys.stdout, io.TextIOWrapper):
                sys.stdout.reconfigure(errors=self._errors)
            return sys.stdout
        try:
            self._file = open(
                self._path, "w", encoding="utf-8", errors=self._errors, newline=""
            )
        except OSError as error:
            raise _FailureError(
                f"{self._path}: cannot write output ({error.strerror or error})"
            ) from None
        return self._file

    def __exit__(self, *exc: object) -> Literal[False]:
        if self._file is not None:
            self._file.close()
        else:
            sys.stdout.flush()
        return False


def _report(args: argparse.Namespace, error: InputError) -> None:
    _report_failure(args, Failure(error.path, str(error), decode=isinstance(error, DecodeError)))


def _report_failure(
    args: argparse.Namespace, failure: Failure, bar: Progress | None = None
) -> None:
    write = bar.write if bar is not None else _stderr_line
    if failure.internal:
        write(f"{PROG}: {failure.source}: internal error: {failure.message}")
        return
    if args.quiet:
        return
    hint = ""
    if failure.decode and args.errors == "strict":
        hint = "; give --encoding, or --errors replace"
    write(f"{PROG}: {failure.message}{hint}")


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr)


def _parse(args: argparse.Namespace, rules: Rules | None, out: IO[str]) -> int:
    options = Options(
        format=args.format,
        include_lines=args.include_lines,
        encoding=args.encoding,
        errors=args.errors,
        now=args.now,
        rules=rules,
    )
    total = None if STDIN in args.files else sum(map(_size, args.files))
    bar = progress(total, quiet=args.quiet)
    failed = 0
    writer = Writer(out, args.format)
    try:
        writer.begin()
        for event in parallel_events(args.files, options, jobs=args.jobs):
            if isinstance(event, Failure):
                failed += 1
                _report_failure(args, event, bar)
            else:
                writer.write(event.pieces)
                bar.advance(event.nbytes, len(event.pieces))
        writer.end()
    except BrokenExecutor as error:
        msg = f"a worker process stopped ({error}); try fewer --jobs"
        raise _FailureError(msg) from None
    finally:
        bar.close()
    if failed and len(args.files) > 1 and not args.quiet:
        print(f"{PROG}: {failed} of {len(args.files)} inputs failed", file=sys.stderr)
    return 1 if failed else 0


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


def _show(args: argparse.Namespace, rules: Rules | None, out: IO[str]) -> int:
    try:
        dump = _read_dump(args.file, args, rules)
    except InputError as error:
        _report(args, error)
        return 1
    colour = _use_colour(args.color, out)
    out.write("".join(_show_lines(dump, colour=colour)))
    return 0


def _read_dump(path: str, args: argparse.Namespace, rules: Rules | None) -> Dump:
    if path != STDIN:
        return parse_file(
            path, encoding=args.encoding, errors=args.errors, now=args.now, rules=rules
        )
    data = sys.stdin.buffer.read()
    text = "".join(
        decode_chunks(iter([data]), name=STDIN_NAME, encoding=args.encoding, errors=args.errors)
    )
    return parse(text, now=args.now, rules=rules)


def _use_colour(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def _show_lines(dump: Dump, *, colour: bool) -> Iterator[str]:
    """Yield the ``show`` listing: ``number  role  text  [reason]`` per line.

    A rule line naming the article comes before each article's first line.
    """
    width = len(str(len(dump.lines)))
    starts = {article.first_line: article for article in dump.articles}
    for line in dump.lines:
        article = starts.get(line.number)
        if article is not None:
            title = f": {article.title}" if article.title else ""
            where = f"lines {article.first_line}-{article.last_line}"
            rule = f"── article {article.index + 1} ({where}){title} "
            rule = rule[:100].ljust(100, "─")
            yield (_paint(rule, "1") if colour else rule) + "\n"
        role = line.role.value if line.role is not None else ""
        text = line.text
        reason = f"  [{line.reason}]" if line.reason else ""
        if colour:
            code = _ROLE_COLOURS[line.role]
            role_shown = _paint(f"{role:<11}", code)
            text = _paint(text, code)
            reason = _paint(reason, "2") if reason else ""
        else:
            role_shown = f"{role:<11}"
        yield f"{line.number:>{width}}  {role_shown}  {text}{reason}".rstrip() + "\n"


def _paint(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"
