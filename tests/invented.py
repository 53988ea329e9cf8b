"""Invented text for the specs that compare a fast form with the plain one it replaces (no corpus or sample text)."""
from __future__ import annotations

import random

HAN = "某甲乙丙丁戊己庚辛壬癸子丑寅卯"  # placeholder Han characters: no word of any page


def texts(alphabet: str, n: int, longest: int, seed: int) -> list[str]:
    """`n` random strings over `alphabet`, 0 to `longest` characters each, the same for the same `seed`."""
    rng = random.Random(seed)
    return ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, longest))) for _ in range(n)]
