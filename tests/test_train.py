"""Training: deterministic model files that parse() and the streaming paths can use."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

import newsdump
from newsdump import train
from newsdump._goldset import load_pieces
from newsdump._linemodel import ModelError, load_model

pytest.importorskip("pycrfsuite")

OWN = Path(__file__).parent / "corpus" / "own"


@pytest.fixture(scope="module")
def model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("model") / "own.json.gz"
    assert train.main([str(OWN), "-o", str(path), "--iterations", "30", "-j", "1"]) == 0
    return path


class TestTrain:
    def test_same_data_same_bytes(self, model_path: Path, tmp_path: Path) -> None:
        """Training twice on the same dumps writes the same file, byte for byte."""
        again = tmp_path / "again.json.gz"
        assert train.main([str(OWN), "-o", str(again), "--iterations", "30", "-j", "1"]) == 0
        assert again.read_bytes() == model_path.read_bytes()

    def test_model_records_what_it_was_trained_on(self, model_path: Path) -> None:
        """The file names its gold folders, line and article counts and options."""
        info = load_model(model_path).info
        assert info["gold"] == ["own"]
        assert info["articles"] == len(load_pieces(OWN / "dumps", OWN / "gold", group="own"))
        assert info["options"]["iterations"] == 30

    def test_parse_and_stream_use_the_model(self, model_path: Path) -> None:
        """parse(model=...) and iter_articles(model=...) give the same articles."""
        model = newsdump.load_model(model_path)
        text = (OWN / "dumps" / "own_03_world_blank.txt").read_text(encoding="utf-8")
        dump = newsdump.parse(text, model=model)
        streamed = list(newsdump.iter_articles(io.StringIO(text), model=model))
        assert [a.first_line for a in streamed] == [a.first_line for a in dump.articles]
        assert all(0 < line.confidence <= 1 for line in dump.lines if line.role)

    def test_missing_folders_are_one_error(self, tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
        """A folder without dumps/ and gold/ is refused with exit status 2."""
        assert train.main([str(tmp_path), "-o", str(tmp_path / "m.json.gz")]) == 2
        assert "no dumps/ and gold/" in capsys.readouterr().err


    def test_bad_gold_is_one_line_and_no_file(self, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
        """A gold file that cannot be read: exit status 1, one line naming it, no model."""
        (tmp_path / "g" / "dumps").mkdir(parents=True)
        (tmp_path / "g" / "gold").mkdir()
        (tmp_path / "g" / "dumps" / "a.txt").write_text("Title\nBody.\n", encoding="utf-8")
        (tmp_path / "g" / "gold" / "a.json").write_text("{", encoding="utf-8")
        out = tmp_path / "m.json.gz"
        assert train.main([str(tmp_path / "g"), "-o", str(out)]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "a.json" in err
        assert not out.exists()

    def test_penalties_reach_the_trainer(self, model_path: Path, tmp_path: Path) -> None:
        """--c1 and --c2 change the weights and are recorded; the defaults are the shipped."""
        path = tmp_path / "strong.json.gz"
        assert train.main([str(OWN), "-o", str(path), "--iterations", "30", "-j", "1",
                           "--c1", "0.5", "--c2", "2"]) == 0
        info = load_model(path).info
        assert (info["options"]["c1"], info["options"]["c2"]) == (0.5, 2.0)
        assert load_model(model_path).info["options"]["c2"] == train.Options.c2
        assert load_model(path).weights != load_model(model_path).weights

    @pytest.mark.parametrize("value", ["-1", "x", "nan"])
    def test_a_bad_penalty_is_a_usage_error(self, value: str, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as exit_:
            train.main([str(OWN), "-o", str(tmp_path / "m.json.gz"), "--c2", value])
        assert exit_.value.code == 2
        assert "not a number from 0 up" in capsys.readouterr().err

    @pytest.mark.parametrize(("option", "value", "says"), [
        ("--rounds", "0", "from 1 up"), ("--iterations", "x", "from 1 up"),
        ("--min-sites", "0", "from 1 up"), ("-j", "-1", "not a number of processes"),
    ])
    def test_a_bad_count_is_a_usage_error(self, option: str, value: str, says: str,
                                          tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
        """Counts that would train nothing (or fail inside the trainer) are refused first."""
        with pytest.raises(SystemExit) as exit_:
            train.main([str(OWN), "-o", str(tmp_path / "m.json.gz"), option, value])
        assert exit_.value.code == 2
        assert says in capsys.readouterr().err

    @pytest.mark.parametrize("where", ["folder", "missing/m.json.gz"])
    def test_an_unwritable_output_is_refused_before_training(
        self, where: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        """An output that is a folder, or in a folder that does not exist: status 2 at once."""
        (tmp_path / "folder").mkdir()
        assert train.main([str(OWN), "-o", str(tmp_path / where)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert where in err


class TestModelFile:
    def test_save_replaces_whole(self, model_path: Path, tmp_path: Path,
                                 monkeypatch: pytest.MonkeyPatch) -> None:
        """A save that fails midway leaves the old file and no temporary file behind."""
        target = tmp_path / "m.json.gz"
        target.write_bytes(b"old")
        model = load_model(model_path)

        def broken(*_: object) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr("newsdump._atomic.os.replace", broken)
        with pytest.raises(OSError, match="No space"):
            model.save(target)
        assert target.read_bytes() == b"old"
        assert [p.name for p in tmp_path.iterdir()] == ["m.json.gz"]
        monkeypatch.undo()
        model.save(target)
        assert load_model(target).weights == model.weights

    def test_not_a_model(self, tmp_path: Path) -> None:
        """A file that is not gzip JSON raises ModelError, not a traceback of gzip."""
        bad = tmp_path / "bad.json.gz"
        bad.write_text("hello")
        with pytest.raises(ModelError, match="not a newsdump model"):
            load_model(bad)

    def test_wrong_format(self, tmp_path: Path) -> None:
        """A model of another format version is refused by name."""
        bad = tmp_path / "v9.json.gz"
        bad.write_bytes(gzip.compress(json.dumps({"format": 9}).encode()))
        with pytest.raises(ModelError, match="format"):
            load_model(bad)

    def test_round_trip(self, model_path: Path, tmp_path: Path) -> None:
        """Saving a loaded model writes the same bytes."""
        copy = tmp_path / "copy.json.gz"
        load_model(model_path).save(copy)
        assert copy.read_bytes() == model_path.read_bytes()


class TestCommandLine:
    def test_train_subcommand(self, tmp_path: Path) -> None:
        """``newsdump train`` is ``python -m newsdump.train``."""
        from newsdump._cli import run  # noqa: PLC0415

        out = tmp_path / "m.json.gz"
        assert run(["train", str(OWN), "-o", str(out), "--iterations", "5", "-j", "1"]) == 0
        assert load_model(out).info["options"]["iterations"] == 5

    def test_model_option(self, model_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        """``--model FILE`` parses with that model: the records equal parse(model=...)."""
        from newsdump._cli import run  # noqa: PLC0415

        dump_path = OWN / "dumps" / "own_03_world_blank.txt"
        assert run(["parse", "--model", str(model_path), str(dump_path)]) == 0
        records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        model = load_model(model_path)
        dump = newsdump.parse(dump_path.read_text(encoding="utf-8"), model=model)
        assert [r["first_line"] for r in records] == [a.first_line for a in dump.articles]

    def test_bad_model_is_one_line(self, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
        """A file that is not a model is refused with one line and status 2, before parsing."""
        from newsdump._cli import run  # noqa: PLC0415

        bad = tmp_path / "bad.json.gz"
        bad.write_text("not a model")
        assert run(["parse", "--model", str(bad), str(OWN / "dumps" / "missing.txt")]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1
        assert "not a newsdump model" in err
