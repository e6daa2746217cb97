"""The crisis reader measured on phrasings (issue 21): tests/data/safety/tune.tsv, the part its
lexicon was written from. A held-out part (heldout.tsv), when present, is only measured; the
targets are recall >= 98% and false alarms <= 3% (docs/search.md). "topic" searches (training
about suicide, say) may show help; they are counted apart."""

from pathlib import Path

import pytest

from directory.search.crisis_reader import HARM_KINDS, read

DATA = Path(__file__).resolve().parent.parent / "data" / "safety"


def rows(name):
    lines = (DATA / name).read_text().splitlines()
    return [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]


def measure(name):
    found = [(label, read(text)) for label, text in rows(name)]
    crisis = [reading for label, reading in found if label not in ("ordinary", "topic")]
    ordinary = [reading for label, reading in found if label == "ordinary"]
    right_kind = [
        reading.is_harm if label in HARM_KINDS else reading.is_crisis
        for label, reading in found
        if label not in ("ordinary", "topic")
    ]
    return {
        "recall": sum(reading.shows_help for reading in crisis) / len(crisis),
        "false_alarms": sum(reading.shows_help for reading in ordinary) / len(ordinary),
        "right_kind": sum(right_kind) / len(right_kind),
        "crisis": len(crisis),
        "ordinary": len(ordinary),
    }


@pytest.mark.parametrize("name", [p.name for p in sorted(DATA.glob("*.tsv"))])
def test_the_reader_meets_its_targets(name):
    figures = measure(name)
    assert figures["recall"] >= 0.98, figures
    assert figures["false_alarms"] <= 0.03, figures
    assert figures["right_kind"] >= 0.98, figures


def test_the_corpus_is_large_enough():
    labels = [label for name in ("tune.tsv",) for label, _ in rows(name)]
    assert sum(label not in ("ordinary", "topic") for label in labels) >= 300
    assert labels.count("ordinary") >= 300
    assert set(labels) >= {"suicide", "self-harm", "overdose", "danger-now", *HARM_KINDS}
