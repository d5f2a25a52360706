#!/usr/bin/env python3
"""Generate spec/rules.json, the rule catalog, from the specification sources.

Reads ../shared/spec (or the folder given as the first argument):
  - every `rule NAME:` of the SpecTec sources (wasm-3.0-spectec/*.spectec) becomes an
    entry whose id is the SpecTec name (`Step_pure/binop-trap`) and whose kind is its
    relation (`Step_pure`);
  - every document anchor of the binary and text chapters becomes a `grammar` entry,
    every `op-*` anchor of exec/numerics.rst a `numeric` entry, and every other anchor of
    chapters 2-7 and the appendix a `section` entry (instantiation, invocation, limits...),
    with the anchor as id.
Each entry carries the chapter, the title of its section, the anchor the rendered document
puts it under, and the URL of that anchor. Run it from the repository root:

    python3 spec/gen_rules.py [../shared/spec] > spec/rules.json
"""
import json, os, re, sys

BASE_URL = "https://webassembly.github.io/spec/core/"
CHAPTERS = {"syntax": "2", "valid": "3", "exec": "4", "binary": "5", "text": "6", "appendix": "A"}
SPECTEC_CHAPTER = {"0": "2", "1": "2", "2": "3", "3": "4", "4": "4", "5": "5", "6": "6", "7": "A", "X": "4"}
PREFIXES = {"3": ("valid-", "match-"), "4": ("exec-",)}
FALLBACK = [("Step/", "exec-notation"), ("Steps/", "exec-notation"),
            ("Step_pure/trap-", "syntax-trap")]
HEADING = re.compile(r'^([=\-~.^"\'`#*+_:])\1{2,}\s*$')


def sphinx_id(anchor):
    """Sphinx/docutils ids: lower case, runs of other characters become one `-`."""
    return re.sub(r"[^a-z0-9]+", "-", anchor.lower()).strip("-")


def clean_title(text):
    """Headings are prose or a math term (`:math:`t\\K{.}\\binop``): keep what a reader sees."""
    text = re.sub(r":ref:`([^`<]*?)\s*<[^>]*>`", r"\1", text)
    text = re.sub(r":(math|ref|term):`([^`]*)`", r"\2", text)
    text = re.sub(r"\\[A-Za-z]+\{([^{}]*)\}", r"\1", text)
    text = re.sub(r"\\([A-Za-z]+)", r"\1", text)
    text = text.replace("\\_", "_").replace("^\\ast", "*").replace("^ast", "*").replace("^?", "?")
    text = text.replace("~", " ").replace("{", "").replace("}", "")
    return re.sub(r"\s+", " ", text).strip()


def read_document(doc):
    """anchor -> (rst path, line, section title); in document order."""
    anchors = {}
    for root, _, files in os.walk(doc):
        for name in sorted(files):
            if not name.endswith(".rst"):
                continue
            path = os.path.join(root, name)
            rel = os.path.relpath(path, doc)
            lines = open(path, encoding="utf-8").read().split("\n")
            headings = [i for i in range(1, len(lines))
                        if HEADING.match(lines[i]) and lines[i - 1].strip()
                        and not HEADING.match(lines[i - 1])
                        and len(lines[i].rstrip()) >= len(lines[i - 1].rstrip()) - 2]
            for i, line in enumerate(lines):
                m = re.match(r"^\.\. _([^:]+):\s*$", line)
                if not m:
                    continue
                # The section an anchor labels: the heading right below it if nothing but
                # anchors, index directives and blanks come first, else the enclosing one.
                title = None
                j = i + 1
                while j < len(lines) and (not lines[j].strip() or lines[j].startswith(".. ")):
                    j += 1
                if j + 1 < len(lines) and (j + 1) in headings:
                    title = lines[j]
                else:
                    above = [h for h in headings if h < i and not lines[h - 1].startswith(":math:")]
                    title = lines[above[-1] - 1] if above else rel
                anchors.setdefault(m.group(1), (rel, i + 1, clean_title(title)))
    return anchors


def read_splices(tsv, doc):
    """[(rst, line, anchor, [(kind, pattern)])] in document order. The anchors come from
    anchor-splice-map.tsv; their splices are read from the .rst text up to the next anchor,
    since a splice may span several lines (`$${rule: {A/x A/y}\n  {A/z}}`)."""
    rows = []
    for line in open(tsv, encoding="utf-8"):
        parts = line.rstrip("\n").split("\t")
        if line.startswith("#") or len(parts) < 3:
            continue
        rows.append((parts[0], int(parts[1]), parts[2]))
    texts = {}
    out = []
    for k, (rst, lineno, anchor) in enumerate(rows):
        lines = texts.setdefault(rst, open(os.path.join(doc, rst), encoding="utf-8").read().split("\n"))
        j, last = k + 1, lineno   # skip the anchors stacked right below this one
        while j < len(rows) and rows[j][0] == rst and rows[j][1] == last + 1:
            last, j = rows[j][1], j + 1
        end = rows[j][1] - 1 if j < len(rows) and rows[j][0] == rst else len(lines)
        body = "\n".join(lines[lineno:end])
        pats = []
        for kind, names in re.findall(r"\$\$\{([a-z\-]+):((?:[^{}]|\{[^{}]*\})*)\}", body):
            for name in names.replace("{", " ").replace("}", " ").split():
                pats.append((kind, name))
        out.append((rst, lineno, anchor, pats))
    return out


def matches(kind, pattern, rule):
    """Does a `rule:` splice pattern (maybe ending in `*`), or a `rule-prose:` name (which
    covers the cases of a rule: `Step_read/load` -> `Step_read/load-num-oob`), name `rule`?"""
    if kind == "rule":
        return rule.startswith(pattern[:-1]) if pattern.endswith("*") else rule == pattern
    if kind == "rule-prose":
        return rule == pattern or rule.startswith(pattern + "/") or rule.startswith(pattern + "-")
    return False


def base_name(rule):
    """`Step_read/block` -> `block`, `Instr_ok/load-val` -> `load`, `Module_ok` -> `module`."""
    if "/" in rule:
        return rule.split("/", 1)[1].split("-", 1)[0]
    return re.sub(r"_(ok|sub)$", "", rule).lower()


def read_rules(spectec):
    rules = []
    for name in sorted(os.listdir(spectec)):
        if not name.endswith(".spectec"):
            continue
        for n, line in enumerate(open(os.path.join(spectec, name), encoding="utf-8"), 1):
            m = re.match(r"^rule ([A-Za-z_0-9]+(?:/[A-Za-z_0-9.\-]+)?)\s*:", line)
            if m:
                rules.append((m.group(1), name, n))
    return rules


def named_after(anchor, rule):
    """`exec-block` for `Step_read/block`, `exec-load-val` for `Step_read/load-num-oob`."""
    suffix, base = anchor.split("-", 1)[-1], base_name(rule)
    return suffix in (base, rule.split("/")[-1]) or suffix.startswith(base + "-")


def anchor_for(rule, chapter, splices):
    """The anchor whose splice renders this rule: a `rule` splice first, then `rule-prose`.
    Anchors stacked on one splice group share it; the one named after the rule, else the
    last (innermost) of the group, is the one the rule belongs to."""
    base = base_name(rule)
    for kind in ("rule", "rule-prose"):
        hits = [(rst, line, a) for rst, line, a, pats in splices
                if any(k == kind and matches(k, p, rule) for k, p in pats)]
        if not hits:
            continue
        named = [h for h in hits if named_after(h[2], rule)]
        if named:
            return named[0]
        first = hits[0]
        group = [h for h in hits if h[0] == first[0] and abs(h[1] - first[1]) <= 12]
        return group[-1]
    # The structural rules (contexts, trap propagation) are not spliced: they live where
    # the document explains reduction and the trap instruction.
    for prefix, anchor in FALLBACK:
        if rule.startswith(prefix):
            return next((rst, line, a) for rst, line, a, _ in splices if a == anchor)
    # Named by an anchor of its own (`Extend_store` -> `extend-store`).
    for rst, line, a, _ in splices:
        if sphinx_id(a) == sphinx_id(rule):
            return rst, line, a
    # Not spliced anywhere (a case the document shows only in prose): the first anchor
    # of the chapter named after the rule, if there is one.
    for prefixes in (PREFIXES.get(chapter, ()), ("valid-", "match-", "exec-")):
        for rst, line, a, _ in splices:
            if a.startswith(prefixes) and named_after(a, rule):
                return rst, line, a
    return None


def main():
    shared = sys.argv[1] if len(sys.argv) > 1 else "../shared/spec"
    doc = os.path.join(shared, "wasm-3.0-document")
    anchors = read_document(doc)
    splices = read_splices(os.path.join(shared, "anchor-splice-map.tsv"), doc)
    entries = {}

    for rule, file, line in read_rules(os.path.join(shared, "wasm-3.0-spectec")):
        chapter = SPECTEC_CHAPTER[file[0]]
        hit = anchor_for(rule, chapter, splices)
        entry = {"id": rule, "kind": rule.split("/")[0], "chapter": chapter,
                 "source": f"wasm-3.0-spectec/{file}:{line}"}
        if hit:
            rst, _, anchor = hit
            entry.update(section=anchors[anchor][2], anchor=anchor,
                         url=BASE_URL + rst[:-4] + ".html#" + sphinx_id(anchor))
        else:
            entry.update(section=None, anchor=None, url=None)
        entries[rule] = entry

    taken = {sphinx_id(e["id"]) for e in entries.values()}
    for anchor, (rst, line, title) in anchors.items():
        top = rst.split("/")[0]
        if top not in CHAPTERS or sphinx_id(anchor) in taken:
            continue  # outside chapters 2-7, or an anchor that names a rule already listed
        if top in ("binary", "text"):
            kind = "grammar"
        elif anchor.startswith("op-"):
            kind = "numeric"
        else:
            kind = "section"
        entries.setdefault(anchor, {
            "id": anchor, "kind": kind, "chapter": CHAPTERS[top], "section": title,
            "anchor": anchor, "url": BASE_URL + rst[:-4] + ".html#" + sphinx_id(anchor),
            "source": f"wasm-3.0-document/{rst}:{line}"})

    json.dump(sorted(entries.values(), key=lambda e: e["id"]), sys.stdout, indent=1)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
