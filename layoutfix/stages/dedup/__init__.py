"""Stage `dedup`: drop paragraphs printed twice and garbled partial repeats.

It works on printed lines, not on paragraphs: `flow` may already have glued a
second printing of a paragraph to a continuation, so every text block is seen
as the segments its `origin` names (one per source line) and a repeat that
spans a block boundary is still one segment.

Six named fixes, each logged with its score:

- `drop_repeated_segments` a printed line equal, or nearly equal under OCR
  noise, to an earlier one is dropped (`duplicate`). Candidates are the few
  lines printed just before it plus far lines sharing a content key (head or
  tail: an inverted index, so a page is never compared pair by pair); a
  candidate is confirmed by alignment: lengths agree, the similarity (a
  look-alike substitution counts almost as a match) reaches `Config.dedup_near`
  (0.15 less within three lines, where reprints happen), no stretch of three or
  more characters is missing or extra, and no dictionary word is swapped for
  another. Two paragraphs that merely share a long phrase (a quotation,
  boilerplate) or run in parallel ('地下通道' / '水下通道') are both kept.
- `garbled_prefix`         a line that opens with a badly re-read copy of the
  clause that ended the line before it: the copy goes to the page's noise. The
  copy is found by an alignment anchored at the end of the previous line and at
  the start of this one, scored by matched characters, look-alike substitutions
  (the glyph confusion table) and gaps; it must end where the previous line
  ends (same closing mark) and be followed by new text. A line that only
  swaps or adds words and reads as fluently as the line before (an answer,
  the next line of a verse or a list: `garbled._varied`) is no copy, unless its
  one swapped character makes a word where the line's makes none (the line
  before is then the misread printing). A copy of
  a long line ending on a comma may lose the comma when a space sets it off and
  it is read clearly (`_CopyFinder.find_comma_copy`).
- `drop_tandem_repeats`    a phrase of three or more characters printed twice
  in a row inside a paragraph (XX, or X + a few garbled characters + X) keeps
  one copy; speech, A-not-A questions and reduplication are left alone, and so is
  a list whose items share a tail where the copies meet inside a name the word
  model knows ('…安徽农业大学华中农业大学华中师范大学…': `doublings._joined_across`).
- `drop_garbled_doublings` a phrase printed twice in a row whose first copy is misread or lost a character
  ('…技米改造已经完戍技术改造已经完成…'): the copy aligns with the phrase right after it (Han read as other Han,
  no mark, figure or repeated swap, a few characters lost), and the text before it reads clearly better going on
  with the phrase under the word model; a whole clause before a parallel one is left. Logged as `doubled`, the
  copy and the phrase (`before`) made the phrase (`after`).
- `split_repeated_clause`  a whole clause printed again later in the same
  paragraph (verbatim, or misread only by look-alikes) goes to the noise; a
  short one (3-7 Han) only when verbatim and left dangling at the end of the
  paragraph on a comma or semicolon, since short clauses come back on purpose; a whole clause as the marks
  delimit it (brackets and book titles inside) printed again verbatim: a long one anywhere, a short one when both
  copies follow a comma inside their sentences, the clauses before them are no parallel leads and it ends on no
  word that takes what follows (a speaker, a conjunction: `clauses._whole_clause_copies`; a sentence's opening
  clause said again inside it stays: rhetoric does that, review36b); the scans read Tesseract's hyphen for 一 and
  'o' or '=' for 。 as those, a quote turned the other way as the same mark (a short copy's opening quote too), a
  lone Latin letter between Han in one copy of a long clause as debris, and a signature in brackets after a
  dangling copy as the paragraph's end.
- `clause_copy`            a line that opens with a copy of the last clause of
  the line before it (or the one before that) read so badly that `garbled_prefix`
  does not see it: weighed over the alignment by the rarity of the characters
  it keeps in place, it must stop on the clause's own mark and read clearly
  worse than the clause under the language model (a new paragraph restating
  the sentence before it reads as well); the copy goes to the page's noise. It
  may lose two characters in a row only where they are no word (across two
  words: `clausecopy._lost_no_word`) and it misreads some other one. A copy
  the dump set off from the text after it by a space needs less evidence.

The stage is a package; its modules, in the order they import one another:

- `common`: what the others share (the content form of a line, OCR look-alikes, figures, dictionary words);
- `repeats`: printed lines equal or nearly equal to an earlier one (`drop_repeated_segments`, `repeat_score`);
- `rows`: a row of figures printed again, misread, at the start of the next line;
- `garbled`: garbled copies of a line's end opening the next line (`garbled_prefix`, `_CopyFinder`);
- `clausecopy`: badly garbled copies of a line's last clause opening a later line (`clause_copy`);
- `doublings`: a phrase printed twice in a row (`drop_tandem_repeats`, `doubling_candidates`), or its first copy
  garbled (`drop_garbled_doublings`);
- `clauses`: whole clauses printed again later in the paragraph (`split_repeated_clause`);
- `stage`: `dedup` itself, which applies them all and logs every change, and `cut`.

The names that callers outside the package use (pipeline, tests) are imported here; the rest are reached in
their modules. A test that replaces a function must replace it in the module that calls it (e.g.
`dedup.clauses._same_setting`): a name imported here is a second binding.
"""
from __future__ import annotations

from . import common, repeats, rows, garbled, clausecopy, doublings, clauses, stage  # noqa: F401 (the modules, for monkeypatching where a name is looked up)
from .common import content  # noqa: F401
from .repeats import repeat_score  # noqa: F401
from .garbled import garbled_prefix  # noqa: F401
from .doublings import doubling_candidates, drop_garbled_doublings, drop_tandem_repeats  # noqa: F401
from .clauses import split_repeated_clause  # noqa: F401
from .stage import dedup  # noqa: F401
