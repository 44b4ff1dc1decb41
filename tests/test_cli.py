"""The newsdump command line: main() in process, and python -m newsdump as a process."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import newsdump
from newsdump.__main__ import main
from newsdump._records import article_schema

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/002_b6b760efa62198f3.txt"
SEED_PATH = ROOT / SEED

SHORT = """\
Storm floods coastal towns as rivers burst their banks
By Maria Lopez
2 hours ago
PORTSMOUTH, England (AP) — Heavy rain flooded dozens of coastal towns on Tuesday, \
forcing hundreds of residents from their homes.
Emergency crews used boats to reach families trapped on upper floors, officials said.
Get our free app today and never miss a story from the coast.
"""
APP_LINE = "Get our free app today and never miss a story from the coast."
LATIN1 = "Café crème in Zürich\nSecond line\n".encode("latin-1")


def _write(path: Path, data: str | bytes) -> str:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return str(path)


def _records(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def _run(*args: str, stdin: bytes = b"", env: dict[str, str] | None = None) -> Any:
    environ = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "newsdump", *args],
        input=stdin,
        capture_output=True,
        cwd=ROOT,
        env=environ,
        check=False,
    )


class TestParseCommand:
    def test_seed_jsonl(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The parse command writes one schema-valid JSON record per article, in order."""
        assert main(["parse", str(SEED_PATH)]) == 0
        records = _records(capsys.readouterr().out)
        expected = newsdump.parse(SEED_PATH.read_text(encoding="utf-8")).articles
        assert [r["first_line"] for r in records] == [a.first_line for a in expected]
        assert [r["index"] for r in records] == list(range(len(expected)))
        validator = jsonschema.Draft202012Validator(article_schema())
        for record in records:
            validator.validate(record)
            assert record["source"] == str(SEED_PATH)

    def test_bare_file_is_parse(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`newsdump FILE` does what `newsdump parse FILE` does."""
        assert main([str(SEED_PATH)]) == 0
        bare = capsys.readouterr().out
        assert main(["parse", str(SEED_PATH)]) == 0
        assert capsys.readouterr().out == bare
        assert bare

    def test_include_lines(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--include-lines adds each article's lines with role and reason."""
        path = _write(tmp_path / "short.txt", SHORT)
        assert main(["parse", "--include-lines", path]) == 0
        (record,) = _records(capsys.readouterr().out)
        assert [line["role"] for line in record["lines"]][:2] == ["title", "byline"]

    def test_json_array(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--format json writes one JSON array holding the same records as jsonl."""
        assert main(["parse", "--format", "json", str(SEED_PATH)]) == 0
        array = json.loads(capsys.readouterr().out)
        assert main(["parse", str(SEED_PATH)]) == 0
        assert array == _records(capsys.readouterr().out)

    def test_text_and_markdown(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--format text and markdown write the clean article under its title."""
        path = _write(tmp_path / "short.txt", SHORT)
        assert main(["parse", "--format", "text", path]) == 0
        text = capsys.readouterr().out
        assert text.startswith("Storm floods coastal towns as rivers burst their banks\n")
        assert "Emergency crews used boats" in text
        assert main(["parse", "--format", "markdown", path]) == 0
        assert capsys.readouterr().out.startswith("# Storm floods coastal towns")

    def test_output_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """-o writes the records to a file and nothing to stdout."""
        out = tmp_path / "out.jsonl"
        assert main(["parse", "-o", str(out), str(SEED_PATH)]) == 0
        assert capsys.readouterr().out == ""
        assert len(_records(out.read_text(encoding="utf-8"))) > 1

    def test_unwritable_output(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An output path that cannot be opened is one clear error and exit status 1."""
        assert main(["parse", "-o", str(tmp_path / "no" / "out.jsonl"), str(SEED_PATH)]) == 1
        err = capsys.readouterr().err
        assert "out.jsonl: cannot write output" in err
        assert err.count("\n") == 1

    @pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
    def test_write_failure(self, capsys: pytest.CaptureFixture[str]) -> None:
        """A failing write (disk full) is one line on stderr and status 1, no traceback."""
        assert main(["parse", "-o", "/dev/full", str(SEED_PATH)]) == 1
        err = capsys.readouterr().err
        assert err.startswith("newsdump: error: cannot write output")
        assert err.count("\n") == 1

    def test_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """`-` reads standard input as bytes; records name it <stdin>."""
        fake = io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
        assert main(["parse", "-"]) == 0
        (record,) = _records(capsys.readouterr().out)
        assert record["source"] == "<stdin>"
        assert record["authors"] == ["Maria Lopez"]

    def test_empty_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """An empty dump succeeds with no records (an empty array for --format json)."""
        path = _write(tmp_path / "empty.txt", "")
        assert main(["parse", path]) == 0
        assert capsys.readouterr().out == ""
        assert main(["parse", "--format", "json", path]) == 0
        assert json.loads(capsys.readouterr().out) == []

    def test_now(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--now resolves relative dates; without it they stay text only."""
        path = _write(tmp_path / "short.txt", SHORT)
        assert main(["parse", path]) == 0
        (plain,) = _records(capsys.readouterr().out)
        assert plain["published"] is None
        assert plain["published_text"] == "2 hours ago"
        assert main(["parse", "--now", "2021-02-09T12:00", path]) == 0
        (resolved,) = _records(capsys.readouterr().out)
        assert resolved["published"] == "2021-02-09T10:00:00"

    def test_now_accepts_z(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--now takes a trailing Z for UTC, even on Python 3.10."""
        path = _write(tmp_path / "short.txt", SHORT)
        assert main(["parse", "--now", "2021-02-09T12:00Z", path]) == 0
        (record,) = _records(capsys.readouterr().out)
        assert record["published"] == "2021-02-09T10:00:00+00:00"

    def test_bad_now(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An --now that is not ISO 8601 is a usage error (status 2) naming the option."""
        assert main(["parse", "--now", "yesterday", str(SEED_PATH)]) == 2
        err = capsys.readouterr().err
        assert "--now" in err
        assert "yesterday" in err
        assert "Traceback" not in err


class TestInputErrors:
    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing file: one line naming it, status 1, the other inputs still written."""
        missing = str(tmp_path / "missing.txt")
        assert main(["parse", missing, str(SEED_PATH)]) == 1
        captured = capsys.readouterr()
        assert f"newsdump: {missing}: no such file\n" in captured.err
        assert "1 of 2 inputs failed" in captured.err
        assert len(_records(captured.out)) == len(
            newsdump.parse(SEED_PATH.read_text(encoding="utf-8")).articles
        )

    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A directory is refused by name."""
        assert main(["parse", str(tmp_path)]) == 1
        assert capsys.readouterr().err == f"newsdump: {tmp_path}: is a directory\n"

    def test_binary(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A binary file is refused by name."""
        path = _write(tmp_path / "photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        assert main(["parse", path]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"newsdump: {path}: binary file")
        assert err.count("\n") == 1

    def test_latin1(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Latin-1 read as UTF-8 fails at byte 3 with a hint; --encoding latin-1 reads it."""
        path = _write(tmp_path / "latin1.txt", LATIN1)
        assert main(["parse", path]) == 1
        err = capsys.readouterr().err
        assert err.startswith(f"newsdump: {path}: cannot decode byte 0xe9 at byte 3 as utf-8")
        assert "--encoding" in err
        assert main(["parse", "--encoding", "latin-1", "--format", "text", path]) == 0
        assert "Café crème" in capsys.readouterr().out

    def test_errors_replace(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--errors replace decodes anyway, with U+FFFD for the bad bytes."""
        path = _write(tmp_path / "latin1.txt", LATIN1)
        assert main(["parse", "--errors", "replace", "--format", "text", path]) == 0
        assert "Caf\ufffd cr\ufffdme" in capsys.readouterr().out

    def test_unknown_encoding(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --encoding is a usage error."""
        assert main(["parse", "--encoding", "klingon", str(SEED_PATH)]) == 2
        assert "unknown encoding: 'klingon'" in capsys.readouterr().err

    def test_quiet(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--quiet prints nothing for failed inputs; the status still says 1."""
        assert main(["parse", "--quiet", str(tmp_path / "nope.txt")]) == 1
        assert capsys.readouterr().err == ""


class TestRulesOption:
    def test_toml(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--rules FILE (TOML) extends the tables: the app line becomes boilerplate."""
        path = _write(tmp_path / "short.txt", SHORT)
        rules = _write(
            tmp_path / "rules.toml", f'[extend]\nboilerplate_lines = ["{APP_LINE}"]\n'
        )
        assert main(["parse", "--include-lines", path]) == 0
        (before,) = _records(capsys.readouterr().out)
        assert main(["parse", "--include-lines", "--rules", rules, path]) == 0
        (after,) = _records(capsys.readouterr().out)
        assert before["lines"][-1]["role"] == "body"
        assert after["lines"][-1]["role"] == "boilerplate"

    def test_json(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--rules also reads JSON, by the .json suffix."""
        path = _write(tmp_path / "short.txt", SHORT)
        rules = _write(
            tmp_path / "rules.json", json.dumps({"extend": {"boilerplate_lines": [APP_LINE]}})
        )
        assert main(["parse", "--include-lines", "--rules", rules, path]) == 0
        (record,) = _records(capsys.readouterr().out)
        assert record["lines"][-1]["role"] == "boilerplate"

    @pytest.mark.parametrize(
        ("name", "content", "problem"),
        [
            ("typo.toml", "[extend]\nboilerplate_lynes = ['x']\n", "boilerplate_lynes"),
            ("broken.toml", "[extend\n", "invalid TOML"),
            ("broken.json", "{", "invalid JSON at line 1"),
            ("list.json", "[1, 2]", "must be a table/object"),
            ("absent.toml", None, "no such rules file"),
        ],
    )
    def test_bad_rules(
        self,
        capsys: pytest.CaptureFixture[str],
        tmp_path: Path,
        name: str,
        content: str | None,
        problem: str,
    ) -> None:
        """A rules file that is missing, malformed or has unknown keys: status 2, one line."""
        rules = tmp_path / name
        if content is not None:
            rules.write_text(content, encoding="utf-8")
        assert main(["parse", "--rules", str(rules), str(SEED_PATH)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"newsdump: error: {rules}: ")
        assert problem in captured.err
        assert captured.err.count("\n") == 1


class TestShowCommand:
    def test_plain(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The show command lists every line with its role, a rule per article, plain off a TTY."""
        assert main(["show", str(SEED_PATH)]) == 0
        out = capsys.readouterr().out
        dump = newsdump.parse(SEED_PATH.read_text(encoding="utf-8"))
        lines = out.splitlines()
        assert len(lines) == len(dump.lines) + len(dump.articles)
        assert sum(line.startswith("── article ") for line in lines) == len(dump.articles)
        assert "\x1b[" not in out
        first_title = next(line for line in dump.lines if line.role is newsdump.Role.TITLE)
        assert any(
            line.split()[:2] == [str(first_title.number), "title"] and first_title.reason in line
            for line in lines
        )

    def test_colour_on_a_tty(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """On a terminal the roles are coloured, unless NO_COLOR is set."""
        monkeypatch.delenv("NO_COLOR", raising=False)
        monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
        assert main(["show", str(SEED_PATH)]) == 0
        assert "\x1b[" in capsys.readouterr().out
        monkeypatch.setenv("NO_COLOR", "1")
        assert main(["show", str(SEED_PATH)]) == 0
        assert "\x1b[" not in capsys.readouterr().out

    def test_colour_option(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--color always forces colour even off a terminal."""
        assert main(["show", "--color", "always", str(SEED_PATH)]) == 0
        assert "\x1b[" in capsys.readouterr().out

    def test_missing(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """The show command on a missing file: one line on stderr, status 1."""
        missing = tmp_path / "gone.txt"
        assert main(["show", str(missing)]) == 1
        assert capsys.readouterr().err == f"newsdump: {missing}: no such file\n"


class TestUsage:
    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--version prints the program name and a version, status 0."""
        assert main(["--version"]) == 0
        assert capsys.readouterr().out.startswith("newsdump ")

    def test_help_has_examples(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--help lists the commands and examples."""
        assert main(["--help"]) == 0
        out = capsys.readouterr().out
        assert "examples:" in out
        assert "newsdump parse dump.txt" in out
        assert "show" in out

    def test_no_arguments(self, capsys: pytest.CaptureFixture[str]) -> None:
        """No arguments at all is a usage error."""
        assert main([]) == 2
        assert "usage:" in capsys.readouterr().err

    def test_bad_format(self, capsys: pytest.CaptureFixture[str]) -> None:
        """An unknown --format is a usage error."""
        assert main(["parse", "--format", "xml", str(SEED_PATH)]) == 2
        assert "invalid choice: 'xml'" in capsys.readouterr().err


class TestProcess:
    def test_readme_command(self) -> None:
        """The README's first command runs as written and prints JSON Lines."""
        result = _run("parse", SEED)
        assert result.returncode == 0, result.stderr
        lines = result.stdout.decode("utf-8").splitlines()
        assert lines
        assert all(json.loads(line)["source"] == SEED for line in lines)

    def test_stdin(self) -> None:
        """`python -m newsdump -` reads the dump from standard input."""
        result = _run("-", stdin=SHORT.encode("utf-8"))
        assert result.returncode == 0, result.stderr
        (record,) = _records(result.stdout.decode("utf-8"))
        assert record["source"] == "<stdin>"

    def test_errors_have_no_traceback(self, tmp_path: Path) -> None:
        """Failing inputs give one line each on stderr and status 1, never a traceback."""
        latin = _write(tmp_path / "latin1.txt", LATIN1)
        binary = _write(tmp_path / "data.bin", b"\x00\x01\x02\x03" * 100)
        result = _run("parse", latin, binary, str(tmp_path / "missing.txt"), str(tmp_path))
        err = result.stderr.decode("utf-8")
        assert result.returncode == 1
        assert "Traceback" not in err
        assert err.count("\n") == 5  # four inputs and the summary
        assert "at byte 3" in err

    def test_usage_error_status(self) -> None:
        """A usage error exits with status 2."""
        result = _run("parse", "--now", "never", SEED)
        assert result.returncode == 2
        assert b"Traceback" not in result.stderr

    @pytest.mark.parametrize("options", [(), ("-j", "2")], ids=["serial", "jobs-2"])
    def test_broken_pipe(self, options: tuple[str, ...]) -> None:
        """A reader that stops early (| head) ends the run quietly, without a traceback.

        This holds with one process and with several.
        """
        environ = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        with subprocess.Popen(
            [sys.executable, "-m", "newsdump", "parse", *options, SEED, SEED, SEED, SEED],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=environ,
        ) as process:
            assert process.stdout is not None
            assert process.stderr is not None
            process.stdout.readline()
            process.stdout.close()
            err = process.stderr.read()
            process.wait()
        assert b"Traceback" not in err

    def test_jobs_process(self) -> None:
        """`python -m newsdump parse -j 2`: worker processes start, same bytes as -j 1."""
        files = [SEED, "seeds/000_5dbf9c5340639723.txt", SEED]
        one = _run("parse", *files)
        two = _run("parse", "--jobs", "2", *files)
        assert one.returncode == two.returncode == 0
        assert two.stdout == one.stdout
        assert two.stderr == b""

    def test_jobs_errors_have_no_traceback(self, tmp_path: Path) -> None:
        """With -j 2, failing inputs give the same lines and status as with -j 1."""
        latin = _write(tmp_path / "latin1.txt", LATIN1)
        args = ("parse", latin, SEED, str(tmp_path / "missing.txt"), str(tmp_path))
        one = _run(*args)
        two = _run("-j", "2", *args[1:])
        assert one.returncode == two.returncode == 1
        assert (two.stdout, two.stderr) == (one.stdout, one.stderr)
        assert b"Traceback" not in two.stderr

    def test_jobs_usage_error(self) -> None:
        """--jobs with a negative or non-integer value is a usage error: status 2."""
        for value in ("-3", "many"):
            result = _run("parse", "--jobs", value, SEED)
            assert result.returncode == 2
            assert b"--jobs: not a number of processes" in result.stderr
