"""Modern running-text word frequencies for the glyph stage, from `wordfreq`'s simplified-Chinese list.

Why: the shipped word model is jieba's dictionary with its 1998-era counts. A word that is common in today's
text but absent from that dictionary (编舞, 自前 in '自前一周') looks to the look-alike decoder like a character
bound to no neighbour, and a look-alike that makes an old word there is a false fix. `wordfreq` (Apache-2.0
code; word lists CC BY-SA 4.0 built from Wikipedia, subtitles, news, books, web text and Twitter) gives
frequencies of running text, read from the data file inside its wheel (no network).

Only the dictionary lookups are used (`get_frequency_dict`), never `zipf_frequency(text)`: that re-tokenises
a string and combines its parts, so a misreading ('人驻') would get the score of its pieces.
Only what the stage asks is kept (a few thousand words; see `modern_words`), so the loaded model grows by a
few megabytes, not by the 60 MB of the whole list.
"""
from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path
from typing import Collection, Iterator, TYPE_CHECKING

from .textutil import is_han

if TYPE_CHECKING:
    from .lm import WordLM

LANG, SIZE = "zh", "large"
WORD_LENGTHS = range(2, 5)  # the lengths the decoder's word search knows (2-4 characters)
NEW_FLOOR = 2.0  # Zipf (log10 of occurrences per billion words) a word the dictionary lacks must reach to be kept;
# below it the list holds many misspellings of web text (间题 1.1, 女土 1.2), which must not vouch for a misreading


def _data_file() -> Path | None:
    """wordfreq's simplified-Chinese list inside its installed wheel, found without importing the package (its
    import pulls langcodes and ftfy: 14 MB and 0.2 s the stage does not need); None when it is not installed."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    f = Path(list(spec.submodule_search_locations)[0]) / "data" / f"{SIZE}_{LANG}.msgpack.gz"
    return f if f.is_file() else None


def _buckets() -> Iterator[list[str]]:
    """wordfreq's buckets in order, read one at a time: bucket k holds the words of frequency 10 ** (-k / 100)
    (one centibel apart; the cBpack format of `wordfreq.read_cBpack`). Nothing when wordfreq is absent: the stage
    then runs exactly as without this module.

    Streamed, so a caller that stops at a floor never holds the rarer words (the whole list as Python strings
    would add some 60 MB to the run's peak memory).
    """
    f = _data_file()
    if f is None:
        return
    import msgpack  # a dependency of wordfreq

    with gzip.open(f, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"unexpected wordfreq list header: {header!r}")
        for _ in range(n - 1):
            yield unpacker.unpack()


def zipf_of_bucket(k: int) -> float:
    """Zipf value (log10 of occurrences per billion words) of bucket k: frequency 10 ** (-k / 100)."""
    return 9.0 - k / 100


def modern_words(known: Collection[str]) -> dict[str, float]:
    """{word: Zipf} of the Han words of 2-4 characters wordfreq holds at Zipf >= `NEW_FLOOR` that `known` (a
    model's words) lacks: words of running text the word model does not know (11,323 beside jieba's dictionary).

    The buckets below the floor are never read (about 0.2 s).
    """
    out: dict[str, float] = {}
    for k, bucket in enumerate(_buckets()):
        z = zipf_of_bucket(k)
        if z < NEW_FLOOR:
            break
        for w in bucket:
            if len(w) in WORD_LENGTHS and w not in known and all(map(is_han, w)):
                out[w] = z
    return out


def model_modern_words(lm: "WordLM") -> dict[str, float]:
    """`modern_words` beside the model's own words, built once and kept on the model (as the stage keeps its
    look-alike tables there: a cache keyed by `id()` could hand a freed model's table to a new one)."""
    got = lm.__dict__.get("_modern_words")
    if got is None:
        got = lm.__dict__["_modern_words"] = modern_words(lm.logp)
    return got


def printed_word(run: str, i: int, table: dict[str, float]) -> tuple[float, str]:
    """(Zipf, word) of the most frequent word of `table` over run[i] (0.0, "" when none): the printed reading's
    best word of modern running text over the place a look-alike would change."""
    best, word = 0.0, ""
    n = len(run)
    get = table.get
    for size in WORD_LENGTHS:
        for s in range(max(0, i - size + 1), min(i, n - size) + 1):
            w = run[s:s + size]
            z = get(w)
            if z is not None and z > best:
                best, word = z, w
    return best, word
