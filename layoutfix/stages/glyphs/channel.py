"""The noisy channel of a look-alike substitution: the weights that turn shape similarity and the
confusion counts (the shipped Tesseract channel, or a trained model's observed one) into log-odds
(`channel_score`), the weights of the word and character LM gains, and the bars a substitution must clear.
"""
from __future__ import annotations

from typing import Final

import math



SIM_WEIGHT: Final = 25.0     # extra gain demanded per unit of missing shape similarity (a model without observed channel);
                      # with SHAPE_SUBST_MARGIN and SURNAME_MARGIN chosen on FASpell's TRAIN file under the clean-text
                      # budget of the tuning days (session 7 grid: 12-35 x margins -3..2; 12 -> 25 with the bar
                      # lowered: real_ocr-tune wrong fixes were mostly look-alikes of shape 0.6-0.75, right ones >= 0.8)
TESS_WEIGHT: Final = 1.5     # a model without observed channel: gain credited per log count of the confusion in the
                      # shipped Tesseract channel (0 turns it off). Tuning days: 1.5 and 3 raised FASpell-train
                      # char P/R 0.811/0.040 -> 0.812/0.043 (3: 0.816/0.045, clean text 0.20 changes/10k against
                      # 0.17) and lowered real_ocr-tune body_cer; 1.5 keeps synthetic-tune precision 0.916 (3: 0.903)
SUBST_MARGIN: Final = 0.5     # extra gain a look-alike substitution needs over `config.glyph_threshold` (observed channel)
SHAPE_SUBST_MARGIN: Final = -2.0  # the same for a model without observed channel (judged by shape, SIM_WEIGHT): the steeper
                           # shape cost lets the bar itself come down


WORD_WEIGHT: Final = 1.0     # weight of the word-segmentation gain
CHAR_WEIGHT: Final = 0.25    # weight of a trained model's character-trigram gain (the three trigrams over the change);
                      # alone it added false fixes faster than right ones; beside the observed channel 0.25 was
                      # chosen by the grid described in the module docstring (0, 0.25, 0.5 and 1 tried)
OBS_WEIGHT: Final = 3.0      # gain credited per log count of the confusion in the model's observed channel
SIM_WEIGHT_SEEN: Final = 4.0   # a model with an observed channel: SIM_WEIGHT for a confusion it has seen
SIM_WEIGHT_UNSEEN: Final = 8.0 # ... and for a look-alike it has never seen misread
OBS_MARGIN: Final = 2.5      # extra gain demanded when the model has an observed channel (its counts make every
                      # confusion it saw cheap, so the bar for the word evidence is higher)


def channel_score(sim: float, obs: int, observed_model: bool) -> float:
    """log-odds that a look-alike (`sim`: shape similarity, `obs`: times the model saw it misread) was meant.

    A model with an observed channel credits each confusion by the log of its
    count; shape similarity is then weighed by `SIM_WEIGHT_SEEN` for a confusion it
    has seen and `SIM_WEIGHT_UNSEEN` for one it has not (the counts already say
    which look-alikes OCR confuses). A model without one judges by
    shape (`SIM_WEIGHT`), with a smaller credit (`TESS_WEIGHT`) for the times
    Tesseract was seen to make the confusion (`obs` is then that count). Weights tuned on FASpell's train file (held-out
    part) and clean People's Daily sentences of the tuning days.
    """
    if observed_model:
        if obs:
            return OBS_WEIGHT * math.log1p(obs) - SIM_WEIGHT_SEEN * (1 - sim) - OBS_MARGIN
        return -SIM_WEIGHT_UNSEEN * (1 - sim) - OBS_MARGIN
    return -SIM_WEIGHT * (1 - sim) + (TESS_WEIGHT * math.log1p(obs) if obs else 0.0)
