"""The newsdump command line: main() in process, and python -m newsdump as a process."""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import attrs
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
        assert main(["parse", "--encoding", "latin-1", "--include-lines", path]) == 0
        assert "Café crème" in capsys.readouterr().out

    def test_errors_replace(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """--errors replace decodes anyway, with U+FFFD for the bad bytes."""
        path = _write(tmp_path / "latin1.txt", LATIN1)
        assert main(["parse", "--errors", "replace", "--include-lines", path]) == 0
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
        rules = _write(tmp_path / "rules.toml", f'[extend]\nboilerplate_lines = ["{APP_LINE}"]\n')
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


def _listing(directory: Path) -> list[str]:
    """Every file under ``directory``, relative, sorted (temporary files would show)."""
    return sorted(str(p.relative_to(directory)) for p in directory.rglob("*") if p.is_file())


class TestOutputNeverClobbersInput:
    @pytest.mark.parametrize("command", ["parse", "show"])
    def test_output_is_the_input(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
    ) -> None:
        """-o naming the input is refused (status 2, one line); the input is untouched."""
        path = _write(tmp_path / "a.txt", SHORT)
        assert main([command, "-o", path, path]) == 2
        err = capsys.readouterr().err
        assert err.startswith(f"newsdump: error: -o {path} is also an input")
        assert err.count("\n") == 1
        assert Path(path).read_text(encoding="utf-8") == SHORT

    def test_output_among_the_inputs(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """`-o out.txt a.txt out.txt` is refused before anything is read or written."""
        a = _write(tmp_path / "a.txt", SHORT)
        out = _write(tmp_path / "out.txt", "old output\n")
        assert main(["parse", "-f", "text", "-o", out, a, out]) == 2
        assert "is also an input" in capsys.readouterr().err
        assert Path(out).read_text(encoding="utf-8") == "old output\n"

    @pytest.mark.parametrize("link_is", ["output", "input"])
    def test_symlinks(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, link_is: str
    ) -> None:
        """A symlink to the input, as -o or as the input, is the same file: refused."""
        path = _write(tmp_path / "a.txt", SHORT)
        link = tmp_path / "link.txt"
        link.symlink_to(path)
        output, given = (str(link), path) if link_is == "output" else (path, str(link))
        assert main(["parse", "-o", output, given]) == 2
        assert "is also an input" in capsys.readouterr().err
        assert Path(path).read_text(encoding="utf-8") == SHORT

    def test_rules_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """-o naming the --rules file is refused too: that file is read as well."""
        path = _write(tmp_path / "a.txt", SHORT)
        rules = _write(tmp_path / "rules.toml", "[extend]\nboilerplate_lines = ['x']\n")
        assert main(["parse", "--rules", rules, "-o", rules, path]) == 2
        assert f"-o {rules} is also an input ({rules})" in capsys.readouterr().err
        assert "boilerplate_lines" in Path(rules).read_text(encoding="utf-8")

    def test_hard_link(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A hard link to the input is refused too."""
        path = _write(tmp_path / "a.txt", SHORT)
        os.link(path, tmp_path / "b.txt")
        assert main(["show", "-o", str(tmp_path / "b.txt"), path]) == 2
        assert Path(path).read_text(encoding="utf-8") == SHORT

    def test_replaced_on_success(self, tmp_path: Path) -> None:
        """A successful run replaces the file, keeping its permissions; no temporary is left."""
        path = _write(tmp_path / "a.txt", SHORT)
        out = tmp_path / "out" / "records.jsonl"
        out.parent.mkdir()
        out.write_text("old\n", encoding="utf-8")
        out.chmod(0o640)
        assert main(["parse", "-o", str(out), path]) == 0
        (record,) = _records(out.read_text(encoding="utf-8"))
        assert record["authors"] == ["Maria Lopez"]
        assert out.stat().st_mode & 0o777 == 0o640
        assert _listing(out.parent) == ["records.jsonl"]

    def test_written_through_a_symlink(self, tmp_path: Path) -> None:
        """-o naming a symlink replaces the file it points to; the link stays a link."""
        path = _write(tmp_path / "a.txt", SHORT)
        real = tmp_path / "real.jsonl"
        real.write_text("old\n", encoding="utf-8")
        link = tmp_path / "link.jsonl"
        link.symlink_to(real)
        assert main(["parse", "-o", str(link), path]) == 0
        assert link.is_symlink()
        assert _records(real.read_text(encoding="utf-8"))[0]["title"]

    def test_failed_run_keeps_the_old_file(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """When an input fails, -o is left as it was, with a note saying so."""
        path = _write(tmp_path / "a.txt", SHORT)
        out = _write(tmp_path / "out.jsonl", "old\n")
        assert main(["parse", "-o", out, path, str(tmp_path / "missing.txt")]) == 1
        err = capsys.readouterr().err
        assert f"newsdump: {out}: left unchanged, as 1 of 2 inputs failed\n" in err
        assert Path(out).read_text(encoding="utf-8") == "old\n"
        assert _listing(tmp_path) == ["a.txt", "out.jsonl"]

    def test_interrupted_run_keeps_the_old_file(
        self, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
    ) -> None:
        """Ctrl-C after some output: status 130, the old file intact, no temporary left."""
        from newsdump import _cli  # noqa: PLC0415
        from newsdump._parallel import Chunk  # noqa: PLC0415

        def interrupted(*args: object, **kwargs: object) -> Any:
            yield Chunk(('{"partial": true}\n',), 10)
            raise KeyboardInterrupt

        monkeypatch.setattr(_cli, "parallel_events", interrupted)
        path = _write(tmp_path / "a.txt", SHORT)
        out = _write(tmp_path / "out.jsonl", "old\n")
        assert main(["parse", "-o", out, path]) == 130
        assert Path(out).read_text(encoding="utf-8") == "old\n"
        assert _listing(tmp_path) == ["a.txt", "out.jsonl"]

    def test_terminated_process_keeps_the_old_file(self, tmp_path: Path) -> None:
        """SIGTERM in the middle of a run (input still arriving): old file kept, no temporary."""
        out = _write(tmp_path / "out.jsonl", "old\n")
        environ = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        with subprocess.Popen(
            [sys.executable, "-m", "newsdump", "parse", "-o", out, "-"],
            stdin=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=ROOT,
            env=environ,
        ) as process:
            assert process.stdin is not None
            process.stdin.write(SHORT.encode("utf-8") * 50)
            process.stdin.flush()
            deadline = time.monotonic() + 60
            while len(_listing(tmp_path)) < 2 and time.monotonic() < deadline:
                time.sleep(0.05)  # wait for the temporary output file
            assert len(_listing(tmp_path)) == 2
            process.terminate()
            _, err = process.communicate(timeout=60)
        assert process.returncode == 128 + signal.SIGTERM
        assert b"Traceback" not in err
        assert Path(out).read_text(encoding="utf-8") == "old\n"
        assert _listing(tmp_path) == ["out.jsonl"]


class TestShowStreams:
    def test_several_files_and_stdin(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        """`show` takes several files and -, each under a ==> name <== header."""
        path = _write(tmp_path / "short.txt", SHORT)
        fake = io.TextIOWrapper(io.BytesIO(SHORT.encode("utf-8")), encoding="utf-8")
        monkeypatch.setattr(sys, "stdin", fake)
        assert main(["show", path, str(SEED_PATH), "-"]) == 0
        out = capsys.readouterr().out
        assert out.startswith(f"==> {path} <==\n")
        assert f"\n\n==> {SEED_PATH} <==\n" in out
        assert "\n\n==> <stdin> <==\n" in out
        listings = [part.split("\n", 1)[1].rstrip("\n") for part in out.split("==> ")[1:]]
        assert listings[0] == listings[2]  # short.txt and the same text on stdin

    def test_every_line_once(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """Leading, between and trailing blank lines are listed too, by number."""
        text = "\n\n" + SHORT + "\n \n" + SHORT + "\n\n"
        path = _write(tmp_path / "blanks.txt", text)
        assert main(["show", path]) == 0
        lines = [line for line in capsys.readouterr().out.splitlines() if not line.startswith("──")]
        assert [int(line.split()[0]) for line in lines] == list(range(1, text.count("\n") + 1))
        dump = newsdump.parse(text)
        assert [line.split()[1:2] for line in lines] == [
            [line.role.value] if line.role else [] for line in dump.lines
        ]

    @pytest.mark.parametrize("command", ["parse", "show"])
    @pytest.mark.parametrize("content", ["", "\n  \n"], ids=["empty", "blank"])
    def test_empty_input_note(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str, content: str
    ) -> None:
        """An input with no articles: a one-line note on stderr, status 0; none with -q."""
        path = _write(tmp_path / "empty.txt", content)
        assert main([command, path]) == 0
        assert capsys.readouterr().err == f"newsdump: {path}: empty input (no articles)\n"
        assert main([command, "--quiet", path]) == 0
        assert capsys.readouterr().err == ""

    def test_empty_stdin_note_with_jobs(self, capsys: pytest.CaptureFixture[str]) -> None:
        """The note names <stdin>, and comes with --jobs too."""
        result = _run("parse", "-j", "2", "-", SEED)
        assert result.returncode == 0
        assert result.stderr == b"newsdump: <stdin>: empty input (no articles)\n"

    def test_failures_among_files(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A missing file among several: one line for it, a summary, status 1."""
        missing = str(tmp_path / "gone.txt")
        assert main(["show", missing, str(SEED_PATH)]) == 1
        captured = capsys.readouterr()
        assert captured.err == (
            f"newsdump: {missing}: no such file\nnewsdump: 1 of 2 inputs failed\n"
        )
        assert f"==> {SEED_PATH} <==" in captured.out

    def test_shell_glob(self) -> None:
        """`newsdump show seeds/*.txt` (several files) works as a process."""
        seeds = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "seeds").glob("*.txt"))
        result = _run("show", *seeds)
        assert result.returncode == 0, result.stderr
        assert result.stdout.count(b"\n==> ") == len(seeds) - 1

    @pytest.mark.slow
    def test_memory_is_flat(self, tmp_path: Path) -> None:
        """`show` on a 20 MB dump peaks far below the text's size times parse's 36."""
        one = SEED_PATH.read_bytes() + b"\n"
        big = tmp_path / "big.txt"
        with big.open("wb") as stream:
            for _ in range(20_000_000 // len(one) + 1):
                stream.write(one)
        code = (
            "import resource, subprocess, sys\n"
            "subprocess.run([sys.executable, '-m', 'newsdump', 'show', '-o', sys.argv[2],"
            " sys.argv[1]], check=True)\n"
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
        )
        environ = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        result = subprocess.run(
            [sys.executable, "-c", code, str(big), str(tmp_path / "listing.txt")],
            capture_output=True,
            check=True,
            env=environ,
        )
        peak_mb = int(result.stdout) / 1024  # ru_maxrss is in KiB on Linux
        assert peak_mb < 150, peak_mb


class TestOptionsThatDoNothing:
    @pytest.mark.parametrize(
        ("args", "problem"),
        [
            (["--include-lines", "-f", "text"], "--include-lines has no effect with --format text"),
            (["--include-lines", "-f", "markdown"], "--include-lines has no effect"),
            (["--overwrite"], "--overwrite has no effect without --output-dir"),
            (["--glob", "*.md"], "--glob has no effect without --input-dir"),
            (["--output-dir", "out"], "--output-dir needs --input-dir"),
        ],
    )
    def test_refused(
        self, capsys: pytest.CaptureFixture[str], args: list[str], problem: str
    ) -> None:
        """An option without effect in that combination: status 2, one line naming it."""
        assert main(["parse", *args, str(SEED_PATH)]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.startswith(f"newsdump: error: {problem}")
        assert captured.err.count("\n") == 1

    def test_no_input(self, capsys: pytest.CaptureFixture[str]) -> None:
        """`newsdump parse` without a file or --input-dir is a usage error."""
        assert main(["parse"]) == 2
        assert "give a FILE, - for standard input, or --input-dir" in capsys.readouterr().err

    @pytest.mark.parametrize("value", ["1.5", "-0.1", "nan", "high"])
    def test_bad_min_confidence(self, capsys: pytest.CaptureFixture[str], value: str) -> None:
        """--min-confidence outside 0..1 is a usage error."""
        assert main(["parse", "--min-confidence", value, str(SEED_PATH)]) == 2
        assert "not a confidence from 0 to 1" in capsys.readouterr().err


class TestMinConfidence:
    def test_filters_articles(
        self, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """Only articles with confidence >= X are written; indexes stay the input's."""
        from newsdump._stream import iter_articles  # noqa: PLC0415

        def graded(*args: Any, **kwargs: Any) -> Any:
            # Four copies of the first article, with confidence 0, 0.25, 0.5 and 0.75.
            first = next(iter(iter_articles(*args, **kwargs)))
            for index in range(4):
                yield attrs.evolve(first, index=index, confidence=index / 4)

        monkeypatch.setattr("newsdump._parallel.iter_articles", graded)
        assert main(["parse", str(SEED_PATH)]) == 0
        every = _records(capsys.readouterr().out)
        assert main(["parse", "--min-confidence", "0.5", str(SEED_PATH)]) == 0
        kept = _records(capsys.readouterr().out)
        assert kept == [r for r in every if r["confidence"] >= 0.5]
        assert [r["index"] for r in kept] == [2, 3]

    @pytest.mark.slow  # worker processes; test_jobs_process covers -j by default
    def test_same_with_jobs(self) -> None:
        """--min-confidence gives the same bytes with -j 1 and -j 2."""
        files = [SEED, "seeds/000_5dbf9c5340639723.txt"]
        one = _run("parse", "--min-confidence", "0.5", *files)
        two = _run("parse", "-j", "2", "--min-confidence", "0.5", *files)
        assert one.returncode == two.returncode == 0
        assert one.stdout == two.stdout
        assert one.stdout


class TestCSV:
    def test_rows_match_the_records(self, capsys: pytest.CaptureFixture[str]) -> None:
        """-f csv: a header, then one row per article with the record's values."""
        assert main(["parse", str(SEED_PATH)]) == 0
        records = _records(capsys.readouterr().out)
        assert main(["parse", "-f", "csv", str(SEED_PATH)]) == 0
        out = capsys.readouterr().out
        rows = list(csv.DictReader(io.StringIO(out, newline="")))
        assert len(rows) == len(records)
        for row, record in zip(rows, records, strict=True):
            assert list(row) == list(record)
            assert row["title"] == (record["title"] or "")
            assert int(row["first_line"]) == record["first_line"]
            assert float(row["confidence"]) == record["confidence"]
            assert json.loads(row["authors"]) == record["authors"]
            assert json.loads(row["bylines"]) == record["bylines"]

    def test_include_lines(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """With --include-lines a last column holds the lines as JSON."""
        path = _write(tmp_path / "short.txt", SHORT)
        assert main(["parse", "-f", "csv", "--include-lines", path]) == 0
        (row,) = csv.DictReader(io.StringIO(capsys.readouterr().out, newline=""))
        assert main(["parse", "--include-lines", path]) == 0
        (record,) = _records(capsys.readouterr().out)
        assert json.loads(row["lines"]) == record["lines"]
        assert 0 <= record["lines"][0]["confidence"] <= 1

    def test_empty_input_has_a_header(self, tmp_path: Path) -> None:
        """An empty input gives the header row alone."""
        path = _write(tmp_path / "empty.txt", "")
        out = tmp_path / "out.csv"
        assert main(["parse", "-q", "-f", "csv", "-o", str(out), path]) == 0
        assert out.read_text(encoding="utf-8").startswith("source,index,first_line,")
        assert out.read_text(encoding="utf-8").count("\n") == 1


class TestDirectories:
    @pytest.fixture
    def tree(self, tmp_path: Path) -> Path:
        """in/a.txt, in/sub/b.txt (the seed), in/sub/empty.txt, and files left out."""
        root = tmp_path / "in"
        (root / "sub").mkdir(parents=True)
        (root / ".cache").mkdir()
        _write(root / "a.txt", SHORT)
        _write(root / "sub" / "b.txt", SEED_PATH.read_bytes())
        _write(root / "sub" / "empty.txt", "")
        _write(root / "notes.md", SHORT)
        _write(root / ".hidden.txt", SHORT)
        _write(root / ".cache" / "c.txt", SHORT)
        return root

    def test_mirrors_the_tree(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Path
    ) -> None:
        """One output per input, folders mirrored, named by format; records as for FILE."""
        out = tmp_path / "out"
        assert main(["parse", "--input-dir", str(tree), "--output-dir", str(out)]) == 0
        sub = tree / "sub"
        assert (
            capsys.readouterr().err == f"newsdump: {sub / 'empty.txt'}: empty input (no articles)\n"
        )
        assert _listing(out) == ["a.jsonl", "sub/b.jsonl", "sub/empty.jsonl"]
        assert main(["parse", str(sub / "b.txt")]) == 0
        assert (out / "sub" / "b.jsonl").read_text(encoding="utf-8") == capsys.readouterr().out
        assert (out / "sub" / "empty.jsonl").read_text(encoding="utf-8") == ""

    @pytest.mark.parametrize(
        ("fmt", "ext"), [("csv", ".csv"), ("markdown", ".md"), ("json", ".json"), ("text", ".txt")]
    )
    def test_extension_by_format(self, tmp_path: Path, tree: Path, fmt: str, ext: str) -> None:
        """The output's extension follows --format."""
        out = tmp_path / "out"
        args = ["parse", "-q", "-f", fmt, "--input-dir", str(tree), "--output-dir", str(out)]
        assert main(args) == 0
        assert _listing(out) == [f"a{ext}", f"sub/b{ext}", f"sub/empty{ext}"]

    def test_existing_outputs_skipped(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Path
    ) -> None:
        """A second run skips inputs whose output exists, with a note; --overwrite redoes them."""
        out = tmp_path / "out"
        args = ["parse", "-q", "--input-dir", str(tree), "--output-dir", str(out)]
        assert main(args) == 0
        (out / "a.jsonl").write_text("kept\n", encoding="utf-8")
        (out / "sub" / "b.jsonl").unlink()
        assert main(args[:1] + args[2:]) == 0
        err = capsys.readouterr().err
        assert err == (
            f"newsdump: skipped 2 of 3 inputs whose output exists in {out} "
            "(give --overwrite to replace them)\n"
        )
        assert (out / "a.jsonl").read_text(encoding="utf-8") == "kept\n"
        assert (out / "sub" / "b.jsonl").stat().st_size > 0
        assert main([*args, "--overwrite"]) == 0
        assert (out / "a.jsonl").read_text(encoding="utf-8") != "kept\n"

    def test_output_dir_that_would_overwrite_inputs(
        self, capsys: pytest.CaptureFixture[str], tree: Path
    ) -> None:
        """--output-dir equal to --input-dir with -f text would write a.txt over a.txt: refused."""
        args = ["parse", "-f", "text", "--input-dir", str(tree), "--output-dir", str(tree)]
        assert main([*args, "--overwrite"]) == 2
        err = capsys.readouterr().err
        assert err == (
            f"newsdump: error: --output-dir would write {tree / 'a.txt'}, which is the input "
            f"{tree / 'a.txt'}; give another --output-dir\n"
        )
        assert (tree / "a.txt").read_text(encoding="utf-8") == SHORT

    def test_output_dir_inside_input_dir(self, tmp_path: Path, tree: Path) -> None:
        """An output folder inside the input folder is not read as input on the next run."""
        out = tree / "parsed"
        args = ["parse", "-q", "-f", "text", "--input-dir", str(tree), "--output-dir", str(out)]
        assert main(args) == 0
        assert main([*args, "--overwrite"]) == 0
        assert _listing(out) == ["a.txt", "sub/b.txt", "sub/empty.txt"]

    def test_failed_input_has_no_output(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, tree: Path
    ) -> None:
        """An input that fails leaves no output (the old one stays); the others are written."""
        _write(tree / "sub" / "latin1.txt", LATIN1)
        out = tmp_path / "out"
        assert main(["parse", "-q", "--input-dir", str(tree), "--output-dir", str(out)]) == 1
        assert _listing(out) == ["a.jsonl", "sub/b.jsonl", "sub/empty.jsonl"]

    def test_input_dir_alone_writes_one_stream(
        self, capsys: pytest.CaptureFixture[str], tree: Path
    ) -> None:
        """--input-dir without --output-dir: every found file into stdout (or -o), in order."""
        assert main(["parse", "-q", "--input-dir", str(tree)]) == 0
        sources = {r["source"] for r in _records(capsys.readouterr().out)}
        assert sources == {str(tree / "a.txt"), str(tree / "sub" / "b.txt")}
        assert main(["parse", "-q", "--glob", "*.md", "--input-dir", str(tree)]) == 0
        assert {r["source"] for r in _records(capsys.readouterr().out)} == {str(tree / "notes.md")}

    def test_no_files_found(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        """A folder without matching files: a note, status 0."""
        assert (
            main(["parse", "--input-dir", str(tmp_path), "--output-dir", str(tmp_path / "o")]) == 0
        )
        assert capsys.readouterr().err == f"newsdump: no files matching '*.txt' under {tmp_path}\n"

    def test_not_a_directory(self, capsys: pytest.CaptureFixture[str]) -> None:
        """--input-dir naming a file is a usage error."""
        assert main(["parse", "--input-dir", str(SEED_PATH)]) == 2
        assert (
            capsys.readouterr().err
            == f"newsdump: error: --input-dir {SEED_PATH}: not a directory\n"
        )

    def test_refused_combinations(self, capsys: pytest.CaptureFixture[str], tree: Path) -> None:
        """-o with --output-dir, or FILE arguments with --output-dir: usage errors."""
        base = ["parse", "--input-dir", str(tree), "--output-dir", str(tree / "o")]
        assert main([*base, "-o", "x.jsonl"]) == 2
        assert "give -o or --output-dir, not both" in capsys.readouterr().err
        assert main([*base, str(SEED_PATH)]) == 2
        assert "the inputs come from --input-dir only" in capsys.readouterr().err

    @pytest.mark.slow  # worker processes; test_jobs_process covers -j by default
    def test_same_with_jobs(self, tmp_path: Path, tree: Path) -> None:
        """-j 2 writes the same files, byte for byte, as -j 1."""
        outputs = []
        for jobs in ("1", "2"):
            out = tmp_path / f"out{jobs}"
            result = _run("parse", "-j", jobs, "--input-dir", str(tree), "--output-dir", str(out))
            assert result.returncode == 0, result.stderr
            outputs.append({name: (out / name).read_bytes() for name in _listing(out)})
        assert outputs[0] == outputs[1]
        assert len(outputs[0]) == 3
