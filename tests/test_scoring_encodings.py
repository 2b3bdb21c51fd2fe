"""One encoding rule for the command line and the page: the shared vectors
(tests/fixtures/encodings/vectors.json; tests/js/file-text.test.mjs runs the same ones)."""

import json
from pathlib import Path

import pytest
from scoring_py.formats import decode_file

from scoring_py import ScoringError

VECTORS = json.loads(
    (Path(__file__).parent / "fixtures" / "encodings" / "vectors.json").read_text("utf-8")
)


@pytest.mark.parametrize("vector", VECTORS["vectors"], ids=lambda v: v["name"])
def test_each_vector_is_read_or_refused_as_the_rule_says(vector: dict[str, object]) -> None:
    data = bytes.fromhex(str(vector["hex"]))
    if vector.get("refused"):
        with pytest.raises(ScoringError) as refused:
            decode_file(data)
        assert str(refused.value) == VECTORS["refused"]
    else:
        assert decode_file(data) == vector["text"]


def test_the_vectors_cover_every_case_of_the_rule() -> None:
    names = " ".join(v["name"] for v in VECTORS["vectors"])
    cases = ["UTF-8 utan BOM", "UTF-8 med BOM", "UTF-16 LE med BOM", "UTF-16 BE med BOM",
             "UTF-16 LE utan BOM", "UTF-32 LE med BOM", "UTF-32 BE med BOM", "Latin-1"]  # fmt: skip
    for case in cases:
        assert case in names
    assert sum(1 for v in VECTORS["vectors"] if v.get("refused")) >= 10
