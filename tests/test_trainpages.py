"""Generated training pages for the layout trainers (`--synth N --seed S --days`)."""
from __future__ import annotations

import pytest

from layoutfix import flowtrain, segtrain, trainpages


def test_generated_pages_are_refused_from_the_test_days(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        trainpages.build(4, 100, "0117-0120", tmp_path)
    with pytest.raises(ValueError):
        trainpages.build(4, 100, "0110-0118", tmp_path)  # reaching into the test days
    assert not (tmp_path / "tune").exists()


def test_a_missing_news_source_is_an_error_not_an_empty_training_set(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        trainpages.build(4, 100, "0101-0112", tmp_path / "out", source=tmp_path / "none.jsonl")


def test_the_weights_note_names_the_generated_pages_by_count_seed_and_days_not_by_a_temporary_path() -> None:
    note = trainpages.describe(600, 101, "0101-0112")
    assert "600" in note and "seed 101" in note and "0101-0112" in note and "/" not in note


@pytest.mark.parametrize("module", [flowtrain, segtrain])
def test_both_trainers_take_the_generated_page_options_and_refuse_a_test_split(module) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit):
        module.main(["--tune", "corpus/synthetic/test", "--synth", "10", "--seed", "100", "--days", "0101-0112"])


def test_sgd_passes_stay_at_the_default_for_the_committed_folder_and_shrink_for_many_generated_pages() -> None:
    assert flowtrain.epochs_for(3272) == flowtrain.DEFAULT_EPOCHS  # open blocks of corpus/synthetic/tune
    assert flowtrain.epochs_for(6639) == flowtrain.DEFAULT_EPOCHS  # blocks that may continue one
    many = flowtrain.epochs_for(33000)
    assert flowtrain.MIN_EPOCHS <= many < flowtrain.DEFAULT_EPOCHS
    assert many * 33000 <= flowtrain.UPDATES
    assert flowtrain.epochs_for(10**9) == flowtrain.MIN_EPOCHS
