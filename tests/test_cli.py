"""The command line: outputs, and bad input as one clear line and exit code 2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressfacts.cli import app
from tests.corpus import DATA

SEED = str(DATA / "iec-2003-q4.txt")
runner = CliRunner()


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a real process, so stderr and exit codes are the user's."""
    command = [sys.executable, "-c", "from pressfacts.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_extract_json_has_the_contract_fields() -> None:
    result = runner.invoke(app, ["extract", SEED])
    assert result.exit_code == 0
    release = json.loads(result.stdout)
    assert {"document", "company", "ticker", "exchange", "release_date", "facts"} <= release.keys()
    fact = release["facts"][0]
    assert {
        "metric",
        "value",
        "unit",
        "basis",
        "basis_note",
        "period",
        "span",
        "quote",
        "source",
    } <= fact.keys()
    assert {"end", "months", "label"} <= fact["period"].keys()


def test_spans_point_into_the_text_command_output() -> None:
    text = runner.invoke(app, ["text", SEED]).stdout
    release = json.loads(runner.invoke(app, ["extract", SEED]).stdout)
    for fact in release["facts"]:
        assert text[fact["span"]["start"] : fact["span"]["end"]] == fact["quote"]


def test_csv_and_table_formats() -> None:
    csv_out = runner.invoke(app, ["extract", SEED, "--format", "csv"]).stdout.splitlines()
    assert csv_out[0].startswith("document,id,metric,value")
    assert len(csv_out) == 15
    table_out = runner.invoke(app, ["extract", SEED, "--format", "table"], env={"COLUMNS": "200"}).stdout
    assert "9,100,000" in table_out
    assert "Q4 FY2003" in table_out


def test_out_dir_writes_one_json_per_file(tmp_path: Path) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Acme Corp. reported net income of $1.5 million for the quarter ended March 31, 2004.\n")
    result = runner.invoke(app, ["extract", SEED, str(other), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["iec-2003-q4.json", "other.json"]
    facts = json.loads((tmp_path / "out" / "other.json").read_text())["facts"]
    assert [(f["metric"], f["value"], f["period"]["end"]) for f in facts] == [
        ("net_income", 1500000, "2004-03-31")
    ]


def test_explain_names_rule_and_words() -> None:
    result = runner.invoke(app, ["explain", SEED], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "rule:" in result.stdout
    assert "'same quarter a year ago'" in result.stdout


def test_release_without_figures_gives_empty_facts(tmp_path: Path) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("Acme Corp. announced today that its annual meeting will be held in May.\n")
    result = run("extract", str(path))
    assert result.returncode == 0
    assert json.loads(result.stdout)["facts"] == []


def _binary(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _empty(path: Path) -> None:
    path.write_bytes(b"")


@pytest.mark.parametrize(
    ("make", "message"),
    [(_empty, "empty"), (_binary, "binary")],
)
def test_bad_files_fail_with_one_line(tmp_path: Path, make: object, message: str) -> None:
    path = tmp_path / "bad.txt"
    make(path)  # type: ignore[operator]
    result = run("extract", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert message in result.stderr.lower()
    assert "Traceback" not in result.stderr


def test_missing_path_directory_and_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("net income of $1.0 million. " * 1000)
    for args, message in [
        (["extract", str(tmp_path / "nope.txt")], "no such file"),
        (["extract", str(tmp_path)], "directory"),
        (["extract", str(big), "--max-bytes", "1000"], "limit"),
        (["text", str(tmp_path / "nope.txt")], "no such file"),
    ]:
        result = run(*args)
        assert result.returncode == 2, args
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert message in lines[0].lower(), lines


def test_submission_without_a_release_gives_an_empty_result(tmp_path: Path) -> None:
    path = tmp_path / "annual.txt"
    path.write_text(
        "<SEC-DOCUMENT>0000000000-24-000001.txt\n<SEC-HEADER>\nCONFORMED SUBMISSION TYPE:\t10-K\n"
        "COMPANY CONFORMED NAME:\t\tACME CORP\n</SEC-HEADER>\n<DOCUMENT>\n<TYPE>10-K\n<TEXT>\n"
        "Annual report. Revenue was $10.0 million.\n</TEXT>\n</DOCUMENT>\n</SEC-DOCUMENT>\n"
    )
    result = run("extract", str(path))
    assert result.returncode == 0
    assert json.loads(result.stdout)["facts"] == []


def test_deeply_nested_html_finishes(tmp_path: Path) -> None:
    path = tmp_path / "nested.htm"
    path.write_text("<html><body>" + "<div>" * 10_000 + "Net income was $1.0 million." + "</div>" * 10_000)
    result = run("extract", str(path))
    assert result.returncode == 0
    assert "facts" in json.loads(result.stdout)
