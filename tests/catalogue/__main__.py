"""``python -m tests.catalogue``: rewrite docs/bad-input-catalogue.md from the case list."""

from tests.catalogue.cases import CASES
from tests.catalogue.harness import ROOT
from tests.catalogue.render import render_catalogue

target = ROOT / "docs" / "bad-input-catalogue.md"
target.write_text(render_catalogue(CASES))
print(f"wrote {target} ({len(CASES)} cases)")
