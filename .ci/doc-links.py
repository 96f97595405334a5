#!/usr/bin/env python3
"""Every relative link in README.md and docs/*.md must reach a file in the repository, and its #anchor a heading
of that file (GitHub's heading ids). Prints each broken link and exits 1; links to http(s) and mailto are not
followed."""
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
LINK = re.compile(r"\[(?:[^\]\[]|\[[^\]]*\])*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


def prose(text):
    """The text outside fenced code blocks and inline code, line by line (line numbers kept)."""
    fenced = False
    for number, line in enumerate(text.splitlines(), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        yield number, ("" if fenced else re.sub(r"`[^`]*`", "", line))


def anchors(path):
    """GitHub's ids for the headings of a Markdown file: lower case, punctuation dropped, spaces to hyphens."""
    ids, seen = set(), {}
    for _, line in prose(path.read_text(encoding="utf-8")):
        match = HEADING.match(line)
        if not match:
            continue
        title = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2))
        slug = re.sub(r"[^\w\- ]", "", title.strip().lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        ids.add(slug if count == 0 else f"{slug}-{count}")
    # inline code in a heading is part of its id: read those headings again with their code kept
    for line in path.read_text(encoding="utf-8").splitlines():
        match = HEADING.match(line)
        if match and "`" in line:
            ids.add(re.sub(r"[^\w\- ]", "", match.group(2).strip().lower()).replace(" ", "-"))
    return ids


def broken(source):
    for number, line in prose(source.read_text(encoding="utf-8")):
        for target in LINK.findall(line):
            if re.match(r"^(https?:|mailto:)", target):
                continue
            path_part, _, anchor = target.partition("#")
            path = (source.parent / path_part).resolve() if path_part else source
            if ROOT not in path.parents and path != ROOT:
                yield number, target, "outside the repository"
            elif not path.exists():
                yield number, target, "no such file"
            elif anchor and path.suffix == ".md" and anchor not in anchors(path):
                yield number, target, "no such heading"


def main():
    files = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    problems = 0
    for source in files:
        for number, target, why in broken(source):
            print(f"{source.relative_to(ROOT)}:{number}: ({target}) {why}")
            problems += 1
    print(f"{problems} broken link(s) in {len(files)} files")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
