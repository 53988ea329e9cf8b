"""Modern running-text word frequencies for the glyph stage, from `wordfreq`'s simplified-Chinese list.

Why: the shipped word model is jieba's dictionary with its 1998-era counts. A word common in today's text but
absent from that dictionary looks to the look-alike decoder like a character bound to no neighbour, and a
look-alike that makes an older word there is a false fix. `wordfreq` (Apache-2.0 code; word lists CC BY-SA 4.0
built from Wikipedia, subtitles, news, books, web text and Twitter) gives frequencies of running text, read
here from the data file inside its wheel (no network, and without importing the package).

Only the list's own entries are looked up, never `wordfreq.zipf_frequency(text)`: that re-tokenises a string and
combines its parts, so a misreading would get the score of its pieces. The web text the list was counted on
holds frequent misspellings too (a look-alike typo of a very common word can reach Zipf 3), so an entry alone
never vouches for a reading: `printed_word_kept` compares it with the word the look-alike would make.
"""
from __future__ import annotations

import gzip
import importlib.util
from array import array
from functools import lru_cache
from pathlib import Path
from typing import Callable, Collection, Final, Iterable, Iterator

from .textutil import is_han

LANG: Final = "zh"
SIZE: Final = "large"
WORD_LENGTHS: Final = range(2, 5)  # the lengths the decoder's word search knows (2-4 characters)
TABLE_FLOOR: Final = 1.5  # Zipf (log10 of occurrences per billion words) of the rarest word kept (`zipf_table`)


def _data_file() -> Path | None:
    """wordfreq's simplified-Chinese list inside its installed wheel, found without importing the package (its
    import pulls langcodes and ftfy: 14 MB and 0.2 s the stage does not need); None when it is not installed."""
    return _list_file(LANG)


def _list_file(lang: str) -> Path | None:
    """wordfreq's list of `lang` inside its installed wheel (as `_data_file`); None when it is not installed."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        return None
    f = Path(list(spec.submodule_search_locations)[0]) / "data" / f"{SIZE}_{lang}.msgpack.gz"
    return f if f.is_file() else None


def _buckets(lang: str = LANG) -> Iterator[list[str]]:
    """wordfreq's buckets in order, read one at a time: bucket k holds the words of frequency 10 ** (-k / 100)
    (one centibel apart; the cBpack format of `wordfreq.read_cBpack`). Nothing when wordfreq is absent: the stage
    then runs exactly as without this module.

    Streamed, so a caller that stops at a floor never holds the rarer words (the whole list as Python strings
    would add some 60 MB to the run's peak memory).
    """
    f = _data_file() if lang == LANG else _list_file(lang)
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
    """Zipf value of bucket k: frequency 10 ** (-k / 100) is 10 ** (9 - k / 100) per billion words."""
    return 9.0 - k / 100


class ZipfTable:
    """{word: Zipf} for words of 2-4 characters, held as one sorted string per length and an array of bucket
    numbers, looked up by binary search (`get`).

    Why: the 170,779 Han words wordfreq holds at Zipf >= 1.5 cost some 17 MB as a dict of strings and 1.2 MB so;
    the glyph stage asks it some 300 times a page (14,816 lookups on 50 tuning pages, session 55), where a
    binary search of about 16 steps is cheap.
    """

    def __init__(self, entries: Iterable[tuple[str, int]]) -> None:
        by_len: dict[int, dict[str, int]] = {}
        for w, k in entries:
            d = by_len.setdefault(len(w), {})
            d[w] = min(k, d.get(w, k))  # (each word is in one bucket; the commoner one if ever twice)
        self._blobs: dict[int, str] = {}
        self._buckets: dict[int, array] = {}
        for size, d in by_len.items():
            words = sorted(d)
            self._blobs[size] = "".join(words)
            self._buckets[size] = array("H", (d[w] for w in words))
        self.size = sum(len(b) for b in self._buckets.values())

    def __len__(self) -> int:
        return self.size

    def _first(self, blob: str, size: int, prefix: str) -> int:
        """Index of the first word of `blob` (words of `size` characters, sorted) not below `prefix` in its first
        len(prefix) characters: `bisect_left` over the word indices, written out (the same halvings, so the same
        index; tests/test_fast55g_spec.py holds it to `bisect_left` with a key).

        Why written out: the decoder and the learned decision's features ask the table some 15,000 times on 50 tuning
        pages; `bisect_left` with a key called a Python lambda about 16 times a lookup, which the compiled module's
        loop does not."""
        k = len(prefix)
        lo, hi = 0, len(blob) // size
        while lo < hi:
            mid = (lo + hi) // 2
            at = mid * size
            if blob[at:at + k] < prefix:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def get(self, w: str) -> float | None:
        """w's Zipf value, or None when the table lacks it."""
        size = len(w)
        blob = self._blobs.get(size)
        if blob is None:
            return None
        i = self._first(blob, size, w)
        if blob[i * size:i * size + size] != w:
            return None
        return zipf_of_bucket(self._buckets[size][i])

    def with_prefix(self, prefix: str, size: int) -> Iterator[tuple[str, float]]:
        """(word, Zipf) of the table's words of `size` characters that start with `prefix` (not empty, at most `size`
        characters: a longer one would read on into the next word of the sorted blob), in order."""
        blob = self._blobs.get(size)
        if blob is None or not prefix or len(prefix) > size:
            return
        k = len(prefix)
        i = self._first(blob, size, prefix)
        while i * size < len(blob) and blob[i * size:i * size + k] == prefix:
            yield blob[i * size:i * size + size], zipf_of_bucket(self._buckets[size][i])
            i += 1


@lru_cache(maxsize=1)
def zipf_table() -> ZipfTable:
    """The Han words of 2-4 characters wordfreq holds at Zipf >= `TABLE_FLOOR`, read once (about 0.2 s; the
    rarer buckets are never read); empty when wordfreq is not installed."""
    def entries() -> Iterator[tuple[str, int]]:
        for k, bucket in enumerate(_buckets()):
            if zipf_of_bucket(k) < TABLE_FLOOR:
                return
            for w in bucket:
                if len(w) in WORD_LENGTHS and all(map(is_han, w)):
                    yield w, k
    return ZipfTable(entries())


@lru_cache(maxsize=4)
def common_words(lang: str, floor: float) -> frozenset[str]:
    """The words of wordfreq's `lang` list at Zipf >= `floor` (only the commonest buckets are read); empty when
    wordfreq is not installed.

    Why: at Zipf 7.0 the English list is its commonest function words (the, to, and, of, in, is, for, a, i): the
    glyph stage takes one of them between Chinese characters as a stray word (`stray.FUNCTION_WORDS`), from the
    list's counts rather than from a list of words written here.
    """
    out: set[str] = set()
    for k, bucket in enumerate(_buckets(lang)):
        if zipf_of_bucket(k) < floor:
            break
        out.update(bucket)
    return frozenset(out)


def _starts(n: int, i: int, size: int, last: int | None = None) -> range:
    """Where a window of `size` characters of a text of `n` may start to hold position i (starting at `last` at
    the latest, i by default)."""
    return range(max(0, i - size + 1), min(i if last is None else last, n - size) + 1)


def best_word(run: str, i: int, table: ZipfTable, skip: Collection[str] = ()) -> tuple[float, str]:
    """(Zipf, word) of the commonest word of `table` over run[i], leaving out those in `skip`; (0.0, "") if none."""
    best, word = 0.0, ""
    for size in WORD_LENGTHS:
        for s in _starts(len(run), i, size):
            w = run[s:s + size]
            z = table.get(w)
            if z is not None and z > best and w not in skip:
                best, word = z, w
    return best, word


def longest_word(run: str, i: int, holds: Callable[[str], bool]) -> int:
    """The length of the longest string of 2-4 characters over run[i] that `holds`; 0 if none."""
    for size in reversed(WORD_LENGTHS):
        for s in _starts(len(run), i, size):
            if holds(run[s:s + size]):
                return size
    return 0


def rival_reach(run: str, i: int, x: str, table: ZipfTable, floor: float, sizes: Iterable[int] = (4,)) -> int:
    """The longest word of `sizes` characters of `table` at Zipf >= `floor` over run[i] that matches the text
    everywhere but at i, where it has a character other than the printed one and x; 0 if none. (Only words with at
    least one character before i are looked for: their prefix narrows the search.)

    Why four characters by default: a three-character word ending at i is any common word that starts with the two
    characters before it (企业家 where 企业联合 was meant), while a four-character one reads three characters of the
    context (社会主义 where the look-alike makes 主人 of 社会主火)."""
    for size in sorted(sizes, reverse=True):
        for s in _starts(len(run), i, size, last=i - 1):
            k = i - s
            tail = run[i + 1:s + size]
            for w, z in table.with_prefix(run[s:i], size):
                if z >= floor and w[k] not in (run[i], x) and w[k + 1:] == tail:
                    return size
    return 0


def printed_word_kept(run: str, i: int, x: str, known: Collection[str], floor: float, lead: float,
                      table: ZipfTable | None = None) -> bool:
    """Whether run[i] is better taken as written than read as x: the printed text holds a word the model does not
    know (`known`) over i at Zipf >= `floor`; its words of running text over i reach as far as the model's longest
    word the look-alike makes there; and the look-alike's commonest word over i is not `lead` or more commoner.

    Why the last two: a longer word reads more of the context (a four-character set phrase the look-alike
    completes outweighs a two-character word the printed text happens to make with a neighbour, while a printed
    three-character word of today's text stands against the dictionary's three-character one); and web text holds
    look-alike typos of very common words too, far rarer than the word they miss (the lead tells them apart).
    """
    table = table if table is not None else zipf_table()
    old, _ = best_word(run, i, table, known)
    if old < floor:
        return False
    alt = run[:i] + x + run[i + 1:]
    printed_reach = longest_word(run, i, lambda w: w not in known and table.get(w) is not None)
    if longest_word(alt, i, known.__contains__) > printed_reach:
        return False
    new, _ = best_word(alt, i, table)
    return new < old + lead


def supports_fix(run: str, i: int, x: str, table: ZipfTable, floor: float) -> bool:
    """Whether running text backs the look-alike x at run[i]: the printed text makes no word of `table` over i,
    and the look-alike's text makes one at Zipf >= `floor` (a common word of today's text where the misreading is
    none)."""
    return best_word(run, i, table)[0] == 0.0 and best_word(run[:i] + x + run[i + 1:], i, table)[0] >= floor
