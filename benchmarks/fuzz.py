"""The long fuzz run: the property tests of tests/core/test_properties.py with many more examples.

    python3 benchmarks/fuzz.py [EXAMPLES_PER_TEST]   (default 3000)

CI runs the same properties with 60 examples each (under a minute); this mode looks much further.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "3000"
    env = {**os.environ, "ASLINT_FUZZ_EXAMPLES": examples}
    return subprocess.call([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                            str(ROOT / "tests" / "core" / "test_properties.py")], cwd=ROOT, env=env)


if __name__ == "__main__":
    raise SystemExit(main())
