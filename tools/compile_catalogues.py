"""Compile the message catalogues: ``locale/<lang>.po`` (the source translators edit) into
``locale/<lang>.json`` (what the library reads at run time: each message's text and its
pieces, so that nothing parses the PO syntax or the placeholders when a program starts).

    python tools/compile_catalogues.py --write   # after any change to a .po file
    python tools/compile_catalogues.py --check   # exit 1 when a compiled file is out of date

``tools/error_messages.py --write`` and ``--merge`` compile after they change a catalogue;
``tests/unit/_kit/test_compiled_catalogues.py`` fails when a compiled file and its source differ.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCALE = ROOT / "src" / "asn_performance" / "locale"
sys.path.insert(0, str(ROOT / "src"))

from asn_performance._kit.i18n import LANGS, compiled, load_catalogue  # noqa: E402


def compiled_text(lang: str) -> str:
    """The compiled catalogue of ``lang`` as the text of its JSON file."""
    source = (LOCALE / f"{lang}.po").read_bytes()
    messages = load_catalogue(source.decode("utf-8"), f"locale/{lang}.po")
    data = compiled(messages, hashlib.sha256(source).hexdigest())
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", action="store_true")
    group.add_argument("--check", action="store_true")
    args = parser.parse_args(argv)
    stale = []
    for lang in LANGS:
        path = LOCALE / f"{lang}.json"
        text = compiled_text(lang)
        current = path.read_text("utf-8") if path.exists() else None
        if current == text:
            continue
        if args.write:
            path.write_text(text, "utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
        else:
            stale.append(path.name)
    if stale:
        print(
            f"out of date: {', '.join(stale)}; run python tools/compile_catalogues.py --write",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
