"""Build ``faultlines/extract/rules/lexicon_codebook.yaml`` from the event-data codebooks.

    python tools/build_lexicon.py [--codebooks ../shared/codebooks] [--out PATH]

Reads PETRARCH2's CAMEO verb dictionary (``petrarch2.CAMEO.2.0.txt``, MIT, Open Event
Data Alliance) and the CAMEO -> PLOVER table (``CAMEO2PLOVER-2021.txt``) and writes, as
data, what each verb and event noun says happens:

- a verb's type is its own code in the dictionary, else its block's code, else (a block
  without a code) the code most of the patterns written for that verb carry; codes map to
  PLOVER types through the table. A verb whose patterns mostly point elsewhere than its
  type (a polysemous verb such as "match" under PHYSICAL_CONFLICT) is left out: the
  similarity step or a hand entry types it in context instead.
- a preposition decides the type when the patterns that start with it ("- * (AGAINST X)")
  agree on another PLOVER type than the verb's own (``by_prep``).
- event nouns are the verbs' nominalizations the dictionary itself uses as nouns in its
  patterns ("SHELLING *", "(DURING {AIR RAID})", "* BLOCKADE"), by zero derivation
  ("raid", "siege"), ``-ing``, ``-ment``, ``-(a)tion``, ``-sion``; they take the verb's type.

The hand-written ``events.yaml`` entries win over these (see ``faultlines.extract.lexicon``).
The output is deterministic: run the script again after changing it and commit both.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CODEBOOKS = ROOT.parent / "shared" / "codebooks"
DEFAULT_OUT = ROOT / "faultlines" / "extract" / "rules" / "lexicon_codebook.yaml"

# CAMEO 02 (appeal) is not in the 2021 table; the PLOVER manual (SUPPORT, "distinct from
# the CAMEO APPEAL category, where the actor simply requested support") files appeals
# under REQUEST. CAMEO 01 (public statements) has no PLOVER type and is skipped.
EXTRA_ROOTS = {"02": "REQUEST"}
# Prepositions a pattern may open with after the verb; their object is then the target.
PREPOSITIONS = ("against", "on", "at", "with", "to", "into", "from", "for", "over", "upon", "between", "in", "of")
# Share of a verb's coded patterns that must agree with its type for the verb to be kept.
MIN_AGREEMENT = 0.34
# Nominalizing endings: (verb ending, noun ending), tried on every typed verb.
NOMINALIZATIONS = (("", ""), ("", "ing"), ("e", "ing"), ("", "ment"), ("e", "ation"), ("", "ation"),
                   ("e", "ion"), ("", "ion"), ("de", "sion"), ("d", "sion"), ("ge", "ging"))
# Nouns that name a thing or a person rather than an event, whatever the verb ("fire" the
# gunfire is kept, "building" is not): they would type a clause about objects.
NOT_EVENT_NOUNS = frozenset({"government", "constitution", "relation", "tension", "act", "action", "go", "best",
                             "table", "place", "bill", "show", "question", "reason", "study", "search", "control",
                             "equipment", "commitment", "corruption", "impact", "influence", "prize", "deal", "back",
                             "distance", "ready", "volunteer", "hope", "need", "desire", "tear", "target", "leave",
                             "import", "direct", "close", "tender", "fine", "tax", "connection", "regulation",
                             "challenge", "charge", "blow", "best", "lift", "cut", "walk", "shut", "hunt", "guard"})
# General verbs: WordNet put them in a CAMEO synonym set for one sense, but they mostly say
# something else ("match", "go", "affect", "show", "identify"); PETRARCH types them only
# through a pattern's object, which this lexicon does not keep. The similarity step or a
# hand entry in events.yaml types them in context instead.
GENERAL_VERBS = frozenset("""
act add affect aim approach arrive assign associate attach attend avoid believe best bid bill bind blend blow break
build buy call cast catch chain check circle clear close come comb commit compete compound conduct connect consider
constitute contain contrast control count crash cry deal determine die direct dress engage erupt exchange expect
express extract face fail file fill find gear give go govern handle hammer head hear hint hold identify impact import
increase indicate influence inhabit insert issue join lead learn leave link look manage mark master match mean mine
move pass pit place plan prefer prepare prize provide publish pull question rake react reason relate remove render
research reside reveal ring rip rule run scan search serve set show sign skim spark spoil stock study swear sweep
table take task tear tend tender think tie train trade triumph use value want ward weigh win
assemble gather amass congregate converge cluster flock huddle unite conglomerate constellate conjoin
agonise agonize annoy arouse bother discomfit disconcert disquiet disturb enkindle irk irritate upset vex rag
plague torment
""".split())
# CAMEO 03 ("express intent to cooperate, to yield, to meet ...") codes a statement of
# intent: its verbs ("ensure", "intend", "aim") govern the act they announce, which the
# extractor reads from their complement and marks as a commitment. Typed as AGREE on
# their own, they would make the subject agree with whatever their object is.
INTENT_ROOTS = ("03",)

NOTICE = """\
# Derived data: verb and event-noun triggers from PETRARCH2's CAMEO verb dictionary
# (petrarch2.CAMEO.2.0.txt) mapped to PLOVER with the CAMEO2PLOVER table (draft 0.8, 2021).
# Written by tools/build_lexicon.py; do not edit by hand (hand entries go in events.yaml,
# which wins over this file). Each entry names the CAMEO code it came from.
#
# The MIT License (MIT)
# Copyright (c) 2015 Open Event Data Alliance
#
# Permission is hereby granted, free of charge, to any person obtaining a copy of
# this software and associated documentation files (the "Software"), to deal in
# the Software without restriction, including without limitation the rights to
# use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
# the Software, and to permit persons to whom the Software is furnished to do so,
# subject to the following conditions:
#
# The above copyright notice and this permission notice shall be included in all
# copies or substantial portions of the Software.
#
# THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
# IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
# FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
# COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
# IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
# CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""


def read_cameo_to_plover(path: Path) -> dict[str, str]:
    """CAMEO code (2-4 digits) -> PLOVER type, from the conversion table."""
    table = dict(EXTRA_ROOTS)
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if match:
            table[match.group(1)] = match.group(2)
    return table


def plover_type(code: str, table: dict[str, str]) -> str | None:
    """The PLOVER type of a CAMEO code: its own row, else its nearest parent's."""
    code = code.split(":")[0].strip()
    while len(code) >= 2:
        if code in table:
            return table[code]
        code = code[:-1]
    return None


class Block:
    """One ``--- NAME [code] ---`` block: its verbs with their own codes, and its patterns."""

    def __init__(self, code: str | None):
        self.code = code
        self.verbs: dict[str, str | None] = {}  # lemma (or lemma_particle) -> own code
        self.forms: dict[str, list[str]] = {}
        self.patterns: list[tuple[str, str, str]] = []  # (pattern, code, the verb it was written for)


def _code(text: str) -> str | None:
    match = re.search(r"\[([^\]]*)\]", text)
    if not match:
        return None
    code = match.group(1).split(":")[0].strip()
    return code if code and code != "---" else None


def read_verb_dictionary(path: Path) -> list[Block]:
    blocks: list[Block] = []
    in_verbs = False
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip() if not raw.startswith("- ") else raw
        if raw.startswith("####### VERB PATTERNS"):
            in_verbs = True
            continue
        if not in_verbs or not line.strip():
            continue
        if line.startswith("---"):
            header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
            blocks.append(Block(_code("[" + header.group(2) + "]") if header else None))
        elif line.startswith("- ") and blocks:
            body, _, comment = raw[2:].partition("#")
            code = _code(body)
            pattern = re.sub(r"\[[^\]]*\]", "", body).strip()
            written_for = comment.split(",")[0].strip().lower()
            blocks[-1].patterns.append((pattern, code or "---", written_for))
        elif blocks and re.match(r"^\+?[A-Z]", line):
            word = line.split()[0]
            own = _code(line)
            forms = re.search(r"\{([^}]*)\}", line)
            lemma = word.lstrip("+").rstrip("_").lower()
            if "_" in lemma and not re.fullmatch(r"[a-z]+_(?:out|down|up|off|back|over|away|in)", lemma):
                continue  # multi-word phrases other than a verb and its particle
            blocks[-1].verbs[lemma] = own
            blocks[-1].forms[lemma] = [f.lstrip("+").lower() for f in (forms.group(1).split() if forms else [])]
    return blocks


def _pattern_words(pattern: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[A-Za-z][A-Za-z_'-]*", pattern)]


def _opening_preposition(pattern: str) -> str | None:
    """The preposition right after the verb: "* (AGAINST &MILITARY)" -> "against"."""
    after = pattern.split("*", 1)[1] if "*" in pattern else ""
    words = _pattern_words(after)
    return words[0] if words and words[0] in PREPOSITIONS else None


def build(codebooks: Path) -> dict:
    table = read_cameo_to_plover(codebooks / "CAMEO2PLOVER-2021.txt")
    blocks = read_verb_dictionary(codebooks / "petrarch2.CAMEO.2.0.txt")
    verbs: dict[str, dict] = {}
    pattern_nouns: Counter[str] = Counter()
    for block in blocks:
        for pattern, _code_, _for in block.patterns:
            before, star, after = pattern.partition("*")
            for word in _pattern_words(before + " " + after):
                pattern_nouns[word] += 1
        for lemma, own in block.verbs.items():
            if lemma.partition("_")[0] in GENERAL_VERBS and "_" not in lemma:
                continue
            mine = [(p, c) for p, c, f in block.patterns if f == lemma.replace("_", " ") or f == lemma]
            coded = [(p, plover_type(c, table)) for p, c in mine if c != "---"]
            coded = [(p, t) for p, t in coded if t]
            code = own or block.code
            if code:
                kind = plover_type(code, table)
            else:
                counts = Counter(t for _, t in coded)
                if len(coded) < 2 or counts.most_common(1)[0][1] / len(coded) < 0.6:
                    continue
                kind = counts.most_common(1)[0][0]
                code = next(c for p, c in mine if plover_type(c, table) == kind)
            if kind is None or code.startswith(INTENT_ROOTS):
                continue
            # Polysemy: when most of what the verb was coded as is another type, its own
            # type is not what it usually says ("hammer out a treaty", "match").
            if len(coded) >= 3 and sum(t == kind for _, t in coded) / len(coded) < MIN_AGREEMENT:
                continue
            by_prep: dict[str, str] = {}
            per_prep: dict[str, Counter] = defaultdict(Counter)
            for pattern, t in coded:
                prep = _opening_preposition(pattern)
                if prep:
                    per_prep[prep][t] += 1
            for prep, counts in sorted(per_prep.items()):
                best, n = counts.most_common(1)[0]
                if best != kind and n >= 2 and n / sum(counts.values()) >= 0.6:
                    by_prep[prep] = best
            base, _, particle = lemma.partition("_")
            entry = {"type": kind, "cameo": code}
            if particle:
                entry["particle"] = [particle]
            if by_prep:
                entry["by_prep"] = by_prep
            previous = verbs.get(base)
            if previous is None:
                verbs[base] = entry
            elif "particle" in previous and not particle:
                verbs[base] = entry  # the plain verb says more than a particle verb
            elif "particle" in previous and particle and previous["type"] == kind:
                previous["particle"] = sorted(set(previous["particle"]) | {particle})
    # Irregular inflections the dictionary lists ("FIGHT {FIGHTS FOUGHT FIGHTING}"), for
    # every verb it knows, typed or not: the lemmatizer misses some ("retook", "overran").
    inflections: dict[str, str] = {}
    for block in blocks:
        for lemma, forms in block.forms.items():
            if "_" in lemma:
                continue
            for form in forms:
                if form.isalpha() and form != lemma and not _regular(lemma, form):
                    inflections.setdefault(form, lemma)
    nouns: dict[str, dict] = {}
    for lemma, entry in sorted(verbs.items()):
        if "particle" in entry:
            continue
        for verb_end, noun_end in NOMINALIZATIONS:
            if verb_end and not lemma.endswith(verb_end):
                continue
            noun = (lemma[: len(lemma) - len(verb_end)] if verb_end else lemma) + noun_end
            if noun in NOT_EVENT_NOUNS or pattern_nouns[noun] == 0 or noun in nouns:
                continue
            nouns[noun] = {"type": entry["type"], "cameo": entry["cameo"], "from_verb": lemma}
    return {"verbs": dict(sorted(verbs.items())), "nouns": dict(sorted(nouns.items())),
            "inflections": dict(sorted(inflections.items()))}


def _regular(lemma: str, form: str) -> bool:
    """A form the regular endings make (the extractor undoes those itself)."""
    stems = {lemma, lemma[:-1] if lemma.endswith("e") else lemma, lemma[:-1] + "i" if lemma.endswith("y") else lemma}
    return any(form == stem + end for stem in stems for end in ("s", "es", "ed", "d", "ing"))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codebooks", type=Path, default=DEFAULT_CODEBOOKS)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    lexicon = build(args.codebooks)
    text = yaml.safe_dump(lexicon, sort_keys=False, allow_unicode=True, default_flow_style=None, width=120)
    args.out.write_text(NOTICE + "\n" + text, encoding="utf-8")
    print(f"{args.out}: {len(lexicon['verbs'])} verbs, {len(lexicon['nouns'])} nouns")


if __name__ == "__main__":
    main()
