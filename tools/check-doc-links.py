#!/usr/bin/env python3
"""Checks the relative links of the project's Markdown files.

Usage: tools/check-doc-links.py [FILE.md ...]   (default: README.md, BENCHMARKS.md, routes/README.md, docs/*.md)

Every inline link or image `[text](target)` whose target is not a URL must name an existing file or
folder, relative to the Markdown file, and its `#anchor`, if any, must be a heading of the target file
(GitHub's anchor rules: lower case, punctuation dropped, spaces to hyphens, -1/-2 for repeats). Links
inside code spans and fenced code blocks are ignored. Prints one line per broken link and exits 1 if
there is any.
"""
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(([^()\s]+(?:\([^()\s]*\))?)(?:\s+\"[^\"]*\")?\)")
FENCE = re.compile(r"^\s*(```|~~~)")


def anchor(heading):
    text = re.sub(r"`", "", heading.strip())
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)  # a link in a heading keeps its text
    text = text.lower()
    text = re.sub(r"[^\w\- ]", "", text)
    return text.replace(" ", "-")


def anchors(path):
    found, seen, fenced = set(), {}, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        m = None if fenced else re.match(r"^#{1,6}\s+(.*?)\s*#*\s*$", line)
        if m:
            a = anchor(m.group(1))
            n = seen.get(a, 0)
            seen[a] = n + 1
            found.add(a if n == 0 else f"{a}-{n}")
        for name in re.findall(r'<a\s+(?:name|id)="([^"]+)"', line):
            found.add(name)
    return found


def links(path):
    fenced = False
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        for m in LINK.finditer(re.sub(r"`[^`]*`", "``", line)):
            yield number, m.group(1)


def check(path):
    problems = []
    for number, target in links(path):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):  # http:, https:, mailto:
            continue
        file_part, _, fragment = target.partition("#")
        dest = path if not file_part else (path.parent / file_part).resolve()
        where = f"{path.relative_to(ROOT)}:{number}: {target}"
        if not dest.exists():
            problems.append(f"{where}: no such file")
        elif fragment and dest.is_file() and dest.suffix == ".md" and fragment not in anchors(dest):
            problems.append(f"{where}: no heading #{fragment} in {dest.relative_to(ROOT)}")
    return problems


def main(args):
    files = [Path(a).resolve() for a in args] or [
        ROOT / "README.md", ROOT / "BENCHMARKS.md", ROOT / "routes" / "README.md",
        *sorted((ROOT / "docs").glob("*.md"))]
    problems = [p for f in files if f.exists() for p in check(f)]
    for p in problems:
        print(p)
    print(f"{len(files)} files, {len(problems)} broken links", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
