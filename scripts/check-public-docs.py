#!/usr/bin/env python3
"""Lists public declarations that have no `///` (or `/** */`) doc comment.

Usage: python3 scripts/check-public-docs.py [PATH ...]    (default: Sources/LibCrypto)

A declaration counts as public when it is spelled `public` or `open`, or when it is a member
of a public protocol, an enum case of a public enum, or a member (not marked private,
fileprivate or internal) of a `public extension`. Attribute lines (`@inlinable`, ...) between
the comment and the declaration are allowed. Extensions themselves are not declarations.

Prints `file:line: public KIND NAME has no /// doc comment` per finding and a count; exit
status 1 if there is any finding, 0 if none, 2 on a usage error. This is a line-based check
(no Swift parser): it understands braces, strings and comments well enough for this code base.
"""
import os
import re
import sys

DECL_KINDS = (
    "func|var|let|init|deinit|struct|class|enum|protocol|typealias|subscript|case|"
    "associatedtype|actor|macro"
)
MODIFIERS = (
    r"(?:public|open|internal|fileprivate|private|static|class|final|override|mutating|"
    r"nonmutating|convenience|required|lazy|weak|unowned|nonisolated|indirect|borrowing|"
    r"consuming|dynamic|optional|package)(?:\([a-z]+\))?"
)
DECL = re.compile(
    r"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?P<mods>(?:" + MODIFIERS + r"\s+)*)"
    r"(?P<kind>" + DECL_KINDS + r")\b\s*(?P<name>[A-Za-z_`][\w`]*|[^\s\w(]+)?"
)
EXTENSION = re.compile(r"^\s*(?:@[\w.]+(?:\([^)]*\))?\s+)*(?P<mods>(?:" + MODIFIERS + r"\s+)*)extension\b")
ATTRIBUTE_ONLY = re.compile(r"^\s*@[\w.]+(?:\([^)]*\))?\s*$")
NOT_PUBLIC = {"private", "fileprivate", "internal"}


def strip_code(line, in_block_comment):
    """Returns the line without string contents and comments, and the block-comment state."""
    out = []
    i = 0
    in_string = False
    while i < len(line):
        if in_block_comment:
            end = line.find("*/", i)
            if end < 0:
                return "".join(out), True
            i = end + 2
            in_block_comment = False
            continue
        c = line[i]
        if in_string:
            if c == "\\":
                i += 2
                continue
            if c == '"':
                in_string = False
                out.append('"')
            i += 1
            continue
        if line.startswith("//", i):
            break
        if line.startswith("/*", i):
            in_block_comment = True
            i += 2
            continue
        if c == '"':
            in_string = True
            out.append('"')
        else:
            out.append(c)
        i += 1
    return "".join(out), in_block_comment


def has_doc_comment(lines, index):
    """True if the lines above `index` (skipping attribute lines) end a doc comment."""
    j = index - 1
    while j >= 0 and ATTRIBUTE_ONLY.match(lines[j]):
        j -= 1
    if j < 0:
        return False
    above = lines[j].strip()
    if above.startswith("///"):
        return True
    if above.endswith("*/"):
        k = j
        while k >= 0 and "/*" not in lines[k]:
            k -= 1
        return k >= 0 and "/**" in lines[k]
    return False


def check_file(path):
    findings = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    # Each scope: (kind, is_public) where kind is protocol, enum, extension or other.
    stack = []
    pending = None  # the scope the next "{" opens
    in_block_comment = False
    in_multiline_string = False
    for n, raw in enumerate(lines):
        if in_multiline_string:
            if '"""' in raw:
                in_multiline_string = False
            continue
        if raw.count('"""') % 2 == 1:
            in_multiline_string = True
            continue
        was_in_comment = in_block_comment
        code, in_block_comment = strip_code(raw, in_block_comment)
        if not was_in_comment:
            m = DECL.match(code)
            e = EXTENSION.match(code)
            outer = stack[-1] if stack else ("file", True)
            if m:
                mods = set(re.sub(r"\([a-z]+\)", "", m.group("mods")).split())
                kind = m.group("kind")
                public = bool(mods & {"public", "open"})
                if not public and not (mods & NOT_PUBLIC):
                    if outer == ("protocol", True):
                        public = True
                    elif outer == ("enum", True) and kind == "case":
                        public = True
                    elif outer == ("extension", True) and kind != "case":
                        public = True
                if public and not has_doc_comment(lines, n):
                    name = m.group("name") or ""
                    findings.append((path, n + 1, kind, name))
                if kind in ("protocol", "enum", "struct", "class", "actor"):
                    pending = (kind if kind in ("protocol", "enum") else "other", public)
                elif kind in ("func", "init", "var", "let", "subscript", "deinit"):
                    pending = ("body", False)
            elif e:
                mods = set(e.group("mods").split())
                pending = ("extension", "public" in mods)
        for c in code:
            if c == "{":
                stack.append(pending or ("body", False))
                pending = None
            elif c == "}":
                if stack:
                    stack.pop()
    return findings


def main(argv):
    roots = argv[1:] or ["Sources/LibCrypto"]
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
        elif os.path.isdir(root):
            for d, _, names in os.walk(root):
                files += [os.path.join(d, x) for x in names if x.endswith(".swift")]
        else:
            print(f"check-public-docs: no such file or folder: {root}", file=sys.stderr)
            return 2
    findings = []
    for path in sorted(files):
        findings += check_file(path)
    for path, line, kind, name in findings:
        print(f"{path}:{line}: public {kind}{' ' + name if name else ''} has no /// doc comment")
    print(f"check-public-docs: {len(findings)} public declarations without a doc comment in {len(files)} files")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
