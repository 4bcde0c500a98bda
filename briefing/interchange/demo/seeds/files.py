"""The five seed documents of the demo library, by file name, and how to read them.

Five public documents make the demo library (shipped in ``briefing.resources.seeds``): the Belgian
Presidency's Home Affairs programme in English (000) and in French (001, a PDF extraction), the Council
progress report ST 10270/24 on drug trafficking and organised crime (002), a eucrim news item on the JHA
Councils of March and June 2024 (003) and the joint communiqué of the Franco-Belgian meeting Val Duchesse II
of 11 June 2018 (004).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

PROGRAMME_EN = "000_b5860bd19be8d5d5.txt"
PROGRAMME_FR = "001_02c27d79e7ad9486.txt"
COUNCIL_NOTE = "002_43e31db0a0bc89f8.txt"
NEWS_ITEM = "003_c288fa4991a312b6.txt"
COMMUNIQUE = "004_3d6fc5ffe27e3c96.txt"
SEED_NAMES = (PROGRAMME_EN, PROGRAMME_FR, COUNCIL_NOTE, NEWS_ITEM, COMMUNIQUE)


_SEED_PACKAGE = "briefing.resources.seeds"
# briefing/interchange/demo/seeds/files.py -> parents[4] is the project root holding resources/.
_SOURCE_SEEDS = Path(__file__).resolve().parents[4] / "resources" / "seeds"


def read_seed(name: str) -> str:
    """The text of seed document ``name`` (a file name such as ``PROGRAMME_EN``).

    Reads the installed package ``briefing.resources.seeds``; in a source tree where that package is not
    mapped yet, reads the project's ``resources/seeds`` folder instead.
    """
    if not name or Path(name).name != name:
        raise ValueError(f"not a seed file name: {name!r}")
    try:
        seed = resources.files(_SEED_PACKAGE) / name
    except ModuleNotFoundError:
        return (_SOURCE_SEEDS / name).read_text(encoding="utf-8")
    return seed.read_text(encoding="utf-8")
