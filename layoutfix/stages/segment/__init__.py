"""Stage `segment`: group blocks into items (articles, photos, tables) with their parts.

One pass over the blocks in reading order, after some pre-passes:

1. table parts split by a row whose trailing tabs were trimmed are put back together;
2. every block gets a part role: title, text, table, byline, credit, jump,
   end byline '(张三 李四)', or noise (OCR garbage, short lines of spaced-out
   scraps that make no dictionary words, footers with phone numbers, a title with
   nothing under it). A '●' point, a line wholly in brackets or a numbered point
   ('一、', '第三章') is never a title;
3. each photo credit claims its caption: the text block right before it and
   the fragments `flow` found interleaved in another article's text;
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
own. Every character removed or changed on the way (brackets, role words like
记者, a look-alike put right, a repeated paragraph) is logged.

The stage is a package; its modules, in the order they import one another:

- `shapes`: pure tests of one line's shape (dateline, closing line, never a title, bullet, brief);
- `words`: the language model as the stage asks it (`PageLM`, content words, names, OCR debris);
- `parts`: the part role of one block on its own (`part_role`);
- `titles`: a title group split into section / kicker / headline / subheadline;
- `headings`: the learned title-or-subhead model and its features (what `segtrain` trains);
- `tables`: table parts rejoined and rows merged;
- `roles`: the role passes over the page's blocks and `prepare` (what `segment` and `segtrain` run first);
- `items`: the assembly of items from the roles, `segment` itself and `unsegmented`.

Every name of the former single module is imported here, so `layoutfix.stages.segment.X` still works; a
test that replaces a function must replace it in the module that calls it (e.g. `segment.roles.same_topic`).
"""
from __future__ import annotations

from . import shapes, words, parts, titles, headings, roles, tables, items  # noqa: F401 (the modules, for monkeypatching where a name is looked up)
from .shapes import (  # noqa: F401
    STAGE,
    SECTION_MAX,
    REPEAT_MIN,
    SECTION_RUN,
    BRACKETED,
    HAN,
    DASH_SUB,
    SUBHEAD_LINE_MAX,
    TRAILING_BRACKET,
    CLOSING_BRACKETS,
    opens_dated,
    stops_mid_sentence,
    CLOSING_DATE,
    HAN_RUN,
    closing_line,
    SIGNATURE,
    finished_sentence,
    never_title,
    NUMERIC,
    NUMERIC_SHARE,
    CLAUSE_OPEN,
    NOT_HAN,
    han_only,
    VERSE_LINE_MAX,
    open_end,
    signed_off,
    DATELINE_TITLE_MAX,
    long_title_over_dateline,
    bullet_points,
    dated_brief,
    brief_opening,
    SECTION_LABEL,
)
from .words import (  # noqa: F401
    GARBAGE_COVERAGE,
    is_garbage,
    has_word,
    content_words,
    _word_pairs,
    TRIGRAM_OVERLAP,
    _passage_grams,
    _trigrams,
    person_names,
    name_words,
    name_openers,
    word_tags,
    _says_something,
    role_before,
    ends_with_name,
    WORD_MARGIN,
    PageLM,
)
from .parts import (  # noqa: F401
    GLUED_NAMES,
    closing_line_not_names,
    ROLE_ONLY_MAX,
    part_role,
)
from .titles import (  # noqa: F401
    _outside_quotes,
    _phrase,
    PARALLEL_MAX,
    title_spaces,
    split_title,
    TitleParts,
    TOPIC_CHARS,
    KICKER_RELATED,
    _title_pieces,
    _merged_title_lines,
    _opens_with_section,
    title_section,
    title_parts,
)
from .headings import (  # noqa: F401
    SUBHEAD_MAX,
    SUBHEAD_OVERLAP,
    SHORT_SUBHEAD_OVERLAP,
    _around,
    same_topic,
    HEADING_FEATURES,
    SIBLING_LEN,
    SEG_WEIGHTS_PATH,
    HEADING_WINDOW,
    HeadingModel,
    heading_model,
    _share,
    heading_features,
    SIGNED_AHEAD,
    signed_ahead,
    blank_lines_above,
    HeadingDecision,
    decision_edit,
)
from .roles import (  # noqa: F401
    dash_subheadlines,
    caption_groups,
    BARE_NAMES,
    refine_roles,
    _section_over,
    VERSE_RUN,
    verse_lines,
    exclaimed_titles,
    SPACED_TITLE_MAX,
    spaced_titles,
    lead_ins,
    promote_heads,
    unmarked_above_marks,
    KICKER_MAX,
    kicker_over_mark,
    after_byline,
    after_subheadline,
    GLUED_TITLE_JOIN,
    split_glued_titles,
    block_roles,
    prepare,
)
from .tables import (  # noqa: F401
    merge_table_rows,
    rejoin_tables,
)
from .items import (  # noqa: F401
    Draft,
    _removed,
    segment,
    settle_title,
    _title_space_edits,
    unsegmented,
)
from ...lm import load_lm  # noqa: F401 (tests ask segment for it)
from ...textutil import ends_open  # noqa: F401 (tests ask segment for it)
