"""speed35f: flow asks segment's debris test through a page model, with the bare model's answers."""
from layoutfix.config import Config
from layoutfix.lm import load_lm
from layoutfix.stages.flow import is_garbage_target
from layoutfix.stages.segment import PageLM, is_garbage


def test_flow_debris_test_answers_as_segment_with_the_bare_model() -> None:
    """The page model only decides `has_word` sooner: unspaced lines of six Han characters or more, with or
    without a dictionary word, spaced scraps and marks get the bare model's verdict."""
    lm = load_lm(Config().lm_path)
    texts = ("式话与 送队 万家巴", "率，确保各项任务按时完成。", "数汇 心推 格学", "会议" * 20, "乙丙丁戊己庚辛",
             "我们今天开会讨论工作", "——————", "某 某 某", "一二三四五六七八", "研究发展规划纲要")
    for text in texts:
        assert is_garbage_target(text, lm) == is_garbage(text, lm), text
        assert is_garbage_target(text, PageLM(lm)) == is_garbage(text, lm), text
