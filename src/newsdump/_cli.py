"""The ``newsdump`` command: a thin shell over ``iter_articles``.

``parse`` writes the events of :mod:`newsdump._parallel` (one process, or ``--jobs``
worker processes with the same output) and shows :mod:`newsdump._progress` on a
terminal; ``show`` streams each input article by article too.

An output file (``-o``, ``--output-dir``) is never an input, and is written to a
temporary file beside it that replaces it only when the run (or, under
``--output-dir``, that input) succeeded: an interrupted or failed run leaves the old
file as it was.

Exit status: 0 when every input was processed, 1 when some failed (the others are
still processed), 2 for a usage error. Every problem is one line on stderr naming the
file; no traceback.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import fnmatch
import functools
import importlib
import io
import json
import math
import os
import signal
import sys
import tempfile
import threading
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor
from datetime import datetime
from pathlib import Path
from types import FrameType, ModuleType
from typing import IO, Any, Literal, NamedTuple

from newsdump import _argtypes
from newsdump._atomic import file_mode
from newsdump._io import CHUNK_SIZE, DecodeError, InputError, decode_chunks, iter_text
from newsdump._linemodel import LineModel, ModelError, load_model_option
from newsdump._model import Article, Role
from newsdump._parallel import (
    STDIN,
    STDIN_NAME,
    Done,
    Event,
    Failure,
    Options,
    Writer,
    parallel_events,
    source_name,
)
from newsdump._progress import Progress, progress
from newsdump._rules import Rules
from newsdump._stream import iter_articles

__all__ = ["run"]

PROG = "newsdump"

_COMMANDS = ("parse", "show", "train")
_TOP_LEVEL_OPTIONS = ("-h", "--help", "--version")

_EXAMPLES = """\
examples:
  newsdump parse dump.txt                  one JSON record per article (JSON Lines)
  newsdump dump.txt                        the same: 'parse' is the default command
  newsdump parse --format markdown a.txt   clean articles as Markdown
  cat dump.txt | newsdump parse -          read standard input
  newsdump parse -o out.jsonl *.txt        several dumps into one file
  newsdump parse -j 0 -o out.jsonl big.txt  one process per CPU, same output
  newsdump parse -f csv --input-dir dumps --output-dir out   one CSV file per dump
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


class _UsageError(Exception):
    """A usage error found after parsing the arguments, worded for stderr (status 2)."""


class _TerminatedError(Exception):
    """SIGTERM arrived: stop as for Ctrl-C, so that no temporary output file is left."""


_EXTENSIONS = {"jsonl": ".jsonl", "json": ".json", "csv": ".csv", "text": ".txt", "markdown": ".md"}
"""The file extension of each ``--format`` under ``--output-dir``."""
_DEFAULT_GLOB = "*.txt"
_SHOW_WIDTH = 6
"""Width of the line numbers of ``show`` (as ``cat -n``; longer numbers widen it)."""


def run(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["train"]:
        from newsdump.train import main as train  # noqa: PLC0415 (needs the train extra)

        return train(args_list[1:], prog=f"{PROG} train")
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
        _check_options(args)
        rules = _load_rules(args.rules) if args.rules else None
        args.line_model = _load_model(args.model) if args.model else None
        plan = _plan(args)
    except (_FailureError, _UsageError) as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2
    with _sigterm_stops():
        return _run_command(args, rules, plan)


def _run_command(args: argparse.Namespace, rules: Rules | None, plan: _Plan) -> int:
    try:
        if args.command == "show":
            return _show(args, rules, plan)
        return _parse(args, rules, plan)
    except _FailureError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        # The reader went away (``newsdump parse big.txt | head``): stop quietly.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except OSError as error:
        if error.filename is not None:
            # Not a write: a file newsdump itself needs (a broken installation).
            print(f"{PROG}: error: {error.filename}: {error.strerror or error}", file=sys.stderr)
        else:
            print(
                f"{PROG}: error: cannot write output ({error.strerror or error})", file=sys.stderr
            )
        return 1
    except KeyboardInterrupt:
        return 130
    except _TerminatedError:
        return 128 + signal.SIGTERM


@contextlib.contextmanager
def _sigterm_stops() -> Iterator[None]:
    """Turn SIGTERM into :class:`_TerminatedError` meanwhile, so outputs clean up."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        raise _TerminatedError

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _version() -> str:
    # Imported here, not at every start of the command line and of its workers.
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        return version("newsdump")
    except PackageNotFoundError:
        return "unknown (not installed)"


class _VersionAction(argparse.Action):
    """``--version``: argparse's own action, with the version looked up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS,
                 default: str = argparse.SUPPRESS, help: str | None = None) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0,
                         help=help or "show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace,
                 values: object, option_string: str | None = None) -> None:
        print(f"{parser.prog} {_version()}")
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Split plain-text news dumps into articles, label every line, and "
        "parse bylines, datelines, dates, captions and credits.",
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
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
    common.add_argument(
        "--model",
        metavar="FILE",
        help="a line model made by 'newsdump train' (default: the one shipped with newsdump)",
    )
    common.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="write to OUT, not stdout; OUT is replaced only when every input was read "
        "(it may not be one of the inputs)",
    )
    common.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help="print no notes and no message for inputs that fail (the exit status still tells)",
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
    parse.add_argument("files", nargs="*", metavar="FILE", help="a news dump, or - for stdin")
    parse.add_argument(
        "-f",
        "--format",
        default="jsonl",
        choices=("jsonl", "json", "csv", "text", "markdown"),
        help="jsonl: one JSON record per article (default); json: one JSON array; csv: "
        "a header row and one row per article (nested fields as JSON); text or markdown: "
        "the clean articles",
    )
    parse.add_argument(
        "-j",
        "--jobs",
        type=_argtypes.jobs,
        default=1,
        metavar="N",
        help="parse with N processes (default 1; 0: one per CPU). Files are shared out, "
        "and a large file written as JSON or CSV records is cut into blocks; the output is "
        "the same bytes as with one process",
    )
    parse.add_argument(
        "--include-lines",
        action="store_true",
        help="add every line with its role, reason and confidence to each record "
        "(jsonl, json, csv; an error with text or markdown)",
    )
    parse.add_argument(
        "--min-confidence",
        type=_fraction,
        default=0.0,
        metavar="X",
        help="keep only the articles whose start confidence is at least X (0 to 1; default 0: all)",
    )
    parse.add_argument(
        "--input-dir",
        metavar="DIR",
        help="parse every file under DIR (subfolders included, hidden ones left out) "
        "whose name matches --glob, in sorted order",
    )
    parse.add_argument(
        "--glob",
        metavar="PATTERN",
        help=f"which file names --input-dir takes (default: {_DEFAULT_GLOB!r})",
    )
    parse.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --input-dir: write one output file per input under DIR, mirroring "
        "the folders, named by --format (.jsonl .json .csv .txt .md); inputs whose "
        "output exists are skipped",
    )
    parse.add_argument(
        "--overwrite",
        action="store_true",
        help="with --output-dir: replace existing output files instead of skipping their inputs",
    )
    commands.add_parser(
        "train",
        add_help=False,
        help="train a line model from annotated dumps (newsdump train --help; "
        "needs the train extra)",
    )
    show = commands.add_parser(
        "show",
        parents=[common],
        help="print every line with its role and the reason for it",
        description="Print every line of a dump with its role and the reason, articles "
        "separated by a rule line, a '==> FILE <==' header per file when there are "
        "several. Files are streamed: memory stays bounded whatever their size. Colour "
        "only on a terminal, and never with NO_COLOR set.",
        epilog="example: newsdump show dump.txt | less -R",
    )
    show.add_argument("files", nargs="+", metavar="FILE", help="a news dump, or - for stdin")
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


def _fraction(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.0 <= value <= 1.0:
        msg = f"not a confidence from 0 to 1: {text!r}"
        raise argparse.ArgumentTypeError(msg)
    return value


def _encoding(text: str) -> str:
    try:
        codecs.lookup(text)
    except LookupError:
        msg = f"unknown encoding: {text!r}"
        raise argparse.ArgumentTypeError(msg) from None
    return text


def _load_model(path: str) -> LineModel:
    try:
        return load_model_option(path)
    except ModelError as error:
        raise _FailureError(str(error)) from None


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


# ------------------------------------------------------------------ options and plan


def _check_options(args: argparse.Namespace) -> None:
    """Refuse option combinations that would do nothing, or not what they say."""
    fmt = getattr(args, "format", None)
    input_dir = getattr(args, "input_dir", None)
    output_dir = getattr(args, "output_dir", None)
    if getattr(args, "include_lines", False) and fmt in ("text", "markdown"):
        raise _UsageError(
            f"--include-lines has no effect with --format {fmt} "
            "(it adds the lines to jsonl, json and csv records)"
        )
    if getattr(args, "glob", None) is not None and input_dir is None:
        raise _UsageError("--glob has no effect without --input-dir")
    if getattr(args, "overwrite", False) and output_dir is None:
        raise _UsageError(
            "--overwrite has no effect without --output-dir (-o always replaces its file)"
        )
    if output_dir is not None:
        if input_dir is None:
            raise _UsageError("--output-dir needs --input-dir (one output per input found there)")
        if args.output is not None:
            raise _UsageError("give -o or --output-dir, not both")
        if args.files:
            raise _UsageError(
                "with --output-dir the inputs come from --input-dir only; "
                f"drop the FILE arguments ({args.files[0]!r}, ...)"
            )
    if not args.files and input_dir is None:
        raise _UsageError("give a FILE, - for standard input, or --input-dir DIR")


class _Plan(NamedTuple):
    """What a run reads and writes."""

    inputs: list[str]
    """The inputs, in order (``-`` for standard input)."""
    outputs: list[str] | None
    """Under ``--output-dir``: the output file of each input."""
    found: int
    """How many files ``--input-dir`` found."""
    skipped: int
    """How many of those were left out because their output exists."""


def _plan(args: argparse.Namespace) -> _Plan:
    """The inputs and outputs of the run; refuses any output that is an input."""
    inputs = list(args.files)
    input_dir: str | None = getattr(args, "input_dir", None)
    output_dir: str | None = getattr(args, "output_dir", None)
    found: list[str] = []
    if input_dir is not None:
        found = _walk(input_dir, getattr(args, "glob", None) or _DEFAULT_GLOB, output_dir)
        inputs.extend(found)
    identities = _identities([*inputs, *([args.rules] if args.rules else [])])
    if output_dir is None:
        if args.output is not None and args.output != STDIN:
            clash = identities.get(_identity(args.output) or (-1, -1))
            if clash is not None:
                raise _UsageError(
                    f"-o {args.output} is also an input ({clash}); writing it would "
                    "destroy that input: give another output file"
                )
        return _Plan(inputs, None, len(found), 0)
    assert input_dir is not None
    kept: list[str] = []
    outputs: list[str] = []
    seen: dict[str, str] = {}
    skipped = 0
    for path in found:
        target = _mirror(path, input_dir, output_dir, args.format)
        if target in seen:
            raise _UsageError(
                f"{seen[target]} and {path} would both be written to {target}; "
                "narrow --glob or rename one"
            )
        seen[target] = path
        identity = _identity(target)
        if identity is not None:
            clash = identities.get(identity)
            if clash is not None:
                raise _UsageError(
                    f"--output-dir would write {target}, which is the input {clash}; "
                    "give another --output-dir"
                )
            if not args.overwrite:
                skipped += 1
                continue
        kept.append(path)
        outputs.append(target)
    return _Plan(kept, outputs, len(found), skipped)


def _walk(root: str, pattern: str, exclude: str | None) -> list[str]:
    """The files under ``root`` whose name matches ``pattern``, sorted folder by folder.

    Hidden files and folders are left out, and so is ``exclude`` (the output folder)
    when it lies inside ``root``.
    """
    if not os.path.isdir(root):
        raise _UsageError(f"--input-dir {root}: not a directory")
    skip = os.path.realpath(exclude) if exclude is not None else None
    found: list[str] = []
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(
            name
            for name in dirs
            if not name.startswith(".") and os.path.realpath(os.path.join(folder, name)) != skip
        )
        found.extend(
            os.path.join(folder, name)
            for name in sorted(names)
            if not name.startswith(".") and fnmatch.fnmatch(name, pattern)
        )
    return found


def _mirror(path: str, input_dir: str, output_dir: str, fmt: str) -> str:
    """Where ``--output-dir`` writes the output of ``path`` (found under ``input_dir``)."""
    stem = os.path.splitext(os.path.relpath(path, input_dir))[0]
    return os.path.join(output_dir, stem + _EXTENSIONS[fmt])


def _identity(path: str) -> tuple[int, int] | None:
    """The file ``path`` names, symlinks followed (what :func:`os.path.samefile` compares)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def _identities(paths: Iterable[str]) -> dict[tuple[int, int], str]:
    identities: dict[tuple[int, int], str] = {}
    for path in paths:
        identity = _identity(path) if path != STDIN else None
        if identity is not None:
            identities.setdefault(identity, path)
    return identities


# ---------------------------------------------------------------------------- output


class _Output:
    """Where a command writes: standard output, or a file replaced only on success.

    A file is written to a temporary file in the same folder, which :meth:`commit`
    renames over it (:func:`os.replace`); leaving the ``with`` block without a commit
    deletes the temporary file and keeps the old one. A symlink is written through to
    the file it names. Devices and pipes (``/dev/stdout``, ``>(gzip)``) are written
    directly. Under ``--errors surrogateescape`` the text may hold the lone surrogates
    that stand for undecodable bytes; the output writes them back as those bytes.
    """

    def __init__(self, path: str | None, *, errors: str = "strict", make_dirs: bool = False):
        self.path = None if path is None or path == STDIN else path
        """The output file, or ``None`` for standard output."""
        self.stream: IO[str] = sys.stdout
        """What to write to, once entered."""
        self._errors = "surrogateescape" if errors == "surrogateescape" else "strict"
        self._make_dirs = make_dirs
        self._file: IO[str] | None = None
        self._temp: str | None = None
        self._target = ""

    @property
    def replaces(self) -> bool:
        """Whether the output goes to a temporary file that replaces the file on commit."""
        return self._temp is not None

    def __enter__(self) -> _Output:
        if self.path is None:
            if self._errors != "strict" and isinstance(sys.stdout, io.TextIOWrapper):
                sys.stdout.reconfigure(errors=self._errors)
            self.stream = sys.stdout
            return self
        self._target = os.path.realpath(self.path)
        try:
            if os.path.exists(self._target) and not os.path.isfile(self._target):
                self._file = open(
                    self._target, "w", encoding="utf-8", errors=self._errors, newline=""
                )
            else:
                folder = os.path.dirname(self._target)
                if self._make_dirs:
                    os.makedirs(folder, exist_ok=True)
                name = os.path.basename(self._target)
                fd, self._temp = tempfile.mkstemp(dir=folder, prefix=f".{name}.", suffix=".tmp")
                if hasattr(os, "fchmod"):
                    os.fchmod(fd, file_mode(self._target))
                self._file = open(fd, "w", encoding="utf-8", errors=self._errors, newline="")
        except OSError as error:
            self._discard()
            raise _FailureError(
                f"{self.path}: cannot write output ({error.strerror or error})"
            ) from None
        self.stream = self._file
        return self

    def commit(self) -> None:
        """Finish the output: close the file and put it in place (stdout: flush it)."""
        if self.path is None:
            sys.stdout.flush()
            return
        file, self._file = self._file, None
        if file is not None:
            file.close()
        if self._temp is not None:
            try:
                os.replace(self._temp, self._target)
            except OSError as error:
                raise _FailureError(
                    f"{self.path}: cannot write output ({error.strerror or error})"
                ) from None
            self._temp = None

    def _discard(self) -> None:
        file, self._file = self._file, None
        if file is not None:
            with contextlib.suppress(OSError):
                file.close()
        temp, self._temp = self._temp, None
        if temp is not None:
            with contextlib.suppress(OSError):
                os.unlink(temp)

    def __exit__(self, *exc: object) -> Literal[False]:
        if self.path is None:
            sys.stdout.flush()
        else:
            self._discard()
        return False


# ---------------------------------------------------------------------------- messages


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


def _note(args: argparse.Namespace, message: str, bar: Progress | None = None) -> None:
    """A one-line note on stderr (none under ``--quiet``)."""
    if not args.quiet:
        (bar.write if bar is not None else _stderr_line)(f"{PROG}: {message}")


def _empty_note(args: argparse.Namespace, path: str, bar: Progress | None = None) -> None:
    _note(args, f"{source_name(path)}: empty input (no articles)", bar)


def _stderr_line(message: str) -> None:
    print(message, file=sys.stderr)


def _failed_note(args: argparse.Namespace, failed: int, inputs: int) -> None:
    if failed and inputs > 1 and not args.quiet:
        print(f"{PROG}: {failed} of {inputs} inputs failed", file=sys.stderr)


# ---------------------------------------------------------------------------- parse


class _Tally:
    """What the events of a run said so far."""

    def __init__(self) -> None:
        self.failed = 0
        """Inputs that failed."""
        self.current_failed = False
        """Whether the input being read has failed."""


def _parse(args: argparse.Namespace, rules: Rules | None, plan: _Plan) -> int:
    options = Options(
        format=args.format,
        include_lines=args.include_lines,
        encoding=args.encoding,
        errors=args.errors,
        now=args.now,
        rules=rules,
        min_confidence=args.min_confidence,
        model=args.line_model,
    )
    if args.input_dir is not None and not plan.found:
        pattern = args.glob or _DEFAULT_GLOB
        _note(args, f"no files matching {pattern!r} under {args.input_dir}")
    total = None if STDIN in plan.inputs else sum(map(_size, plan.inputs))
    bar = progress(total, quiet=args.quiet)
    tally = _Tally()
    try:
        events = parallel_events(plan.inputs, options, jobs=args.jobs)
        if plan.outputs is None:
            _write_one(args, events, tally, bar, inputs=len(plan.inputs))
        else:
            _write_each(args, events, plan.outputs, tally, bar)
    except BrokenExecutor as error:
        msg = f"a worker process stopped ({error}); try fewer --jobs"
        raise _FailureError(msg) from None
    finally:
        bar.close()
    _failed_note(args, tally.failed, len(plan.inputs))
    if plan.skipped:
        _note(
            args,
            f"skipped {plan.skipped} of {plan.found} inputs whose output exists in "
            f"{args.output_dir} (give --overwrite to replace them)",
        )
    return 1 if tally.failed else 0


def _handle(
    args: argparse.Namespace, event: Event, writer: Writer, tally: _Tally, bar: Progress
) -> None:
    if isinstance(event, Failure):
        tally.failed += 1
        tally.current_failed = True
        _report_failure(args, event, bar)
    elif isinstance(event, Done):
        if not event.articles and not tally.current_failed:
            _empty_note(args, event.path, bar)
        tally.current_failed = False
    else:
        writer.write(event.pieces)
        bar.advance(event.nbytes, len(event.pieces))


def _write_one(
    args: argparse.Namespace, events: Iterable[Event], tally: _Tally, bar: Progress, *, inputs: int
) -> None:
    """Write every input's articles to ``-o`` (or stdout)."""
    with _Output(args.output, errors=args.errors) as output:
        writer = Writer(output.stream, args.format, include_lines=args.include_lines)
        writer.begin()
        for event in events:
            _handle(args, event, writer, tally, bar)
        writer.end()
        if tally.failed and output.replaces:
            _note(
                args,
                f"{output.path}: left unchanged, as {tally.failed} of {inputs} inputs failed",
                bar,
            )
        else:
            output.commit()


def _write_each(
    args: argparse.Namespace,
    events: Iterable[Event],
    outputs: list[str],
    tally: _Tally,
    bar: Progress,
) -> None:
    """Write each input's articles to its own file (``--output-dir``)."""
    targets = iter(outputs)
    with contextlib.ExitStack() as stack:
        current: tuple[_Output, Writer] | None = None
        for event in events:
            if current is None:
                output = stack.enter_context(
                    _Output(next(targets), errors=args.errors, make_dirs=True)
                )
                writer = Writer(output.stream, args.format, include_lines=args.include_lines)
                writer.begin()
                current = output, writer
            output, writer = current
            failed_before = tally.current_failed
            _handle(args, event, writer, tally, bar)
            if isinstance(event, Done):
                writer.end()
                if not failed_before:
                    output.commit()
                stack.close()
                current = None


def _size(path: str) -> int:
    try:
        return os.path.getsize(path)
    except OSError:
        return 0


# ---------------------------------------------------------------------------- show


def _show(args: argparse.Namespace, rules: Rules | None, plan: _Plan) -> int:
    failed = 0
    inputs = plan.inputs
    with _Output(args.output, errors=args.errors) as output:
        out = output.stream
        colour = _use_colour(args.color, out)
        for n, path in enumerate(inputs):
            if len(inputs) > 1:
                head = f"==> {source_name(path)} <=="
                out.write(("\n" if n else "") + (_paint(head, "1") if colour else head) + "\n")
            listing = _Listing(path, args, rules, colour=colour)
            try:
                for piece in listing:
                    out.write(piece)
            except InputError as error:
                failed += 1
                _report(args, error)
            except RuntimeError as error:  # the streaming window's consistency check
                failed += 1
                _stderr_line(f"{PROG}: {source_name(path)}: internal error: {error}")
            else:
                if not listing.articles:
                    _empty_note(args, path)
        if failed and output.replaces:
            _note(
                args, f"{output.path}: left unchanged, as {failed} of {len(inputs)} inputs failed"
            )
        else:
            output.commit()
    _failed_note(args, failed, len(inputs))
    return 1 if failed else 0


class _LineCount:
    """Pass text pieces through, counting their lines as ``Dump.lines`` would."""

    def __init__(self, pieces: Iterable[str]) -> None:
        self._pieces = pieces
        self._endings = 0
        self._cr = False
        self._open = False

    def __iter__(self) -> Iterator[str]:
        for piece in self._pieces:
            if piece:
                endings = piece.count("\n") + piece.count("\r") - piece.count("\r\n")
                if self._cr and piece[0] == "\n":
                    endings -= 1  # a "\r\n" cut between two pieces
                self._endings += endings
                self._cr = piece[-1] == "\r"
                self._open = piece[-1] not in "\r\n"
            yield piece

    @property
    def lines(self) -> int:
        """How many lines the pieces read so far make (a last line without ending too)."""
        return self._endings + self._open


class _Listing:
    """The ``show`` listing of one input, produced article by article as it is read.

    Each line is ``number  role  text  [reason]``; a rule line naming the article comes
    before each article's first line. Lines outside articles are blank.
    """

    def __init__(
        self, path: str, args: argparse.Namespace, rules: Rules | None, *, colour: bool
    ) -> None:
        self._path = path
        self._args = args
        self._rules = rules
        self._colour = colour
        self.articles = 0
        """How many articles were listed so far."""

    def _text(self) -> Iterator[str]:
        args = self._args
        if self._path != STDIN:
            return iter_text(self._path, encoding=args.encoding, errors=args.errors)
        chunks = iter(functools.partial(sys.stdin.buffer.read, CHUNK_SIZE), b"")
        return decode_chunks(chunks, name=STDIN_NAME, encoding=args.encoding, errors=args.errors)

    def __iter__(self) -> Iterator[str]:
        counter = _LineCount(self._text())
        last = 0
        for article in iter_articles(
            counter, now=self._args.now, rules=self._rules, model=self._args.line_model
        ):
            self.articles += 1
            yield self._blank(last + 1, article.first_line) + self._article(article)
            last = article.last_line
        yield self._blank(last + 1, counter.lines + 1)

    @staticmethod
    def _blank(start: int, stop: int) -> str:
        return "".join(f"{number:>{_SHOW_WIDTH}}\n" for number in range(start, stop))

    def _article(self, article: Article) -> str:
        colour = self._colour
        title = f": {article.title}" if article.title else ""
        where = f"lines {article.first_line}-{article.last_line}"
        rule = f"── article {article.index + 1} ({where}){title} "
        rule = rule[:100].ljust(100, "─")
        parts = [(_paint(rule, "1") if colour else rule) + "\n"]
        for line in article.lines:
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
            parts.append(f"{line.number:>{_SHOW_WIDTH}}  {role_shown}  {text}{reason}".rstrip())
            parts.append("\n")
        return "".join(parts)


def _use_colour(choice: str, out: IO[str]) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    isatty = getattr(out, "isatty", None)
    return bool(isatty and isatty())


def _paint(text: str, code: str) -> str:
    return f"\x1b[{code}m{text}\x1b[0m"
