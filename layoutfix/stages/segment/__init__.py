"""Stage `segment`: group blocks into items (articles, photos, tables) with their parts.

One pass over the blocks in reading order, after some pre-passes:

1. table parts split by a row whose trailing tabs were trimmed are put back together;
2. every block gets a part role: title, text, table, byline, credit, jump,
   end byline '(张三 李四)', or noise (OCR garbage, short lines of spaced-out
   scraps that make no dictionary words or Han-less scraps with a sign of misreading
   ('I1 1 -', '/ 1'), footers with phone numbers, a title with nothing under it). A '●' point, a line wholly in brackets, a numbered point
   ('一、', '第三章') or a list of four or more items set apart by '、' is never a title;
3. each photo credit claims its caption: the text block right before it and
   the fragments `flow` found interleaved in another article's text; a body line
   cut mid-sentence that `flow` glued onto the caption ('…而且首期就' + '图为…') is
   cut off it first (`roles.split_glued_captions`); the cut-off line is then a text
   block like any other (on the dev pages, all 5 stay body text of the article they
   were cut from, as their own paragraph: nothing joins them to the paragraph that
   continues them after the photo);
4. roles that depend on neighbours: a bare name under a title is its byline, a
   heading between paragraphs on the same topic is a subhead, lines after a
   '——' subheadline open the body, and on a page that marks titles with '## '
   unmarked lines above a title belong to the article before.

Then a title group (consecutive title lines) opens an item. Its lines become
section / kicker / headline / subheadline: a line ending in '：' joins the
next one; a short first line over a longer title is a section label, which
carries over to the next items (at most 3 in all) until another label or a
kicker appears; two title lines are kicker + headline; a one-line title with a
space is kicker + headline when the first part is much longer or is not what the
body talks about (settled once the body is known, `settle_title`).
Datelines (本报讯, 本报5月26日讯, 新华社北京十二月三十一日电, one OCR look-alike
tolerated) and bylines ('(记者 张三)', '记者张三、李四报道：') are lifted out of the
first paragraph; a bare 本报讯 after a finished paragraph opens a brief item of its
own, and so does the last paragraph over a closing '（某乙）' under an article others signed already. A paragraph between a title and a dated report under it that does not open
like one (flow's opening tables) and runs across clauses is a stray fragment: it goes to the article before,
or after the dated paragraph, whichever text shares more of its character pairs, and
the dateline is lifted. A paragraph under the next article's title that opens as the rest of a sentence goes back
to the article before when that one stops mid-sentence and shares at least twice as many character pairs with it
(`rests`). Every character removed or changed on the way (brackets,
role words like 记者, a look-alike put right, a repeated paragraph) is logged.

The stage is a package; its modules, in the order they import one another:

- `shapes`: pure tests of one line's shape (dateline, closing line, never a title, bullet, brief);
- `words`: the language model as the stage asks it (`PageLM`, content words, names, OCR debris);
- `parts`: the part role of one block on its own (`part_role`);
- `titles`: a title group split into section / kicker / headline / subheadline;
- `headings`: the learned title-or-subhead model and its features (what `segtrain` trains);
- `tables`: table parts rejoined and rows merged;
- `figures`: a paragraph cut at a column break inside a figure put back together (`rejoin_cut_figures`; never OCR
  debris, nor onto a page header: `no_paragraph`);
- `roles`: the role passes over the page's blocks and `prepare` (what `segment` and `segtrain` run first);
- `rests`: a sentence's rest `flow` left under the next article's title goes back to the article it was cut from;
- `items`: the assembly of items from the roles, `segment` itself and `unsegmented`.

The names that callers outside the package use (pipeline, segtrain, flow, benchmarks, tests) are imported
here; the rest are reached in their modules. A test that replaces a function must replace it in the module
that calls it (e.g. `segment.roles.same_topic`): a name imported here is a second binding.
"""
from __future__ import annotations

from . import shapes, words, parts, titles, headings, figures, roles, tables, rests, items  # noqa: F401 (the modules, for monkeypatching where a name is looked up)
from .shapes import (  # noqa: F401
    BRACKETED, HAN, TRAILING_BRACKET, opens_dated, stops_mid_sentence, closing_line, finished_sentence,
    never_title, NUMERIC, NUMERIC_SHARE, CLAUSE_OPEN, han_only, brief_opening,
)
from .words import (  # noqa: F401
    is_garbage, content_words, _word_pairs, _passage_grams, _trigrams, name_openers, word_tags, ends_with_name,
    PageLM,
)
from .parts import ROLE_ONLY_MAX, part_role  # noqa: F401
from .titles import title_spaces, split_title, TOPIC_CHARS, title_parts  # noqa: F401
from .headings import (  # noqa: F401
    SHORT_SUBHEAD_OVERLAP, same_topic, HEADING_FEATURES, HeadingModel, heading_model, heading_features,
    HeadingDecision, decision_edit, wide_gap, wide_gaps, photo_note_above,
)
from .roles import (  # noqa: F401
    refine_roles, verse_lines, spaced_titles, promote_heads, unmarked_above_marks, split_glued_titles, prepare,
)
from .tables import merge_table_rows  # noqa: F401
from .items import Draft, segment, settle_title, unsegmented  # noqa: F401
from ...lm import load_lm  # noqa: F401
from ...textutil import ends_open  # noqa: F401
