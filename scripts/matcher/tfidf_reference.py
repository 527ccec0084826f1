"""Reference batch matcher for `npm run bench:match`: scikit-learn's TfidfVectorizer and a sparse product.

    python3 scripts/matcher/tfidf_reference.py PROFILES.jsonl DEMANDS.jsonl OUT.jsonl [--top 10]

The textbook pipeline a data team would write instead of XueQi's matcher: TF-IDF (sublinear tf,
smoothed idf, L2 rows) over English words and over character bigrams of the Chinese text, the two
blocks side by side, cosine by one sparse matrix product per block of demands, the best `top` per
demand. Reads the same JSONL as `npm run match` and writes {"profile", "demand", "score"} lines.
Only the standard library, numpy, scipy and scikit-learn (Debian: python3-sklearn).
"""

import argparse
import json
import re

import numpy as np
from scipy.sparse import hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.preprocessing import normalize

NOT_HAN = re.compile(r"[^\u3400-\u9fff]+")
DEMANDS_PER_PRODUCT = 100


def document_text(document):
    parts = [document.get("title") or "", " ".join(document.get("keywords") or []), document.get("text") or ""]
    for work in document.get("works") or []:
        parts.append(work.get("title") or "")
        parts.append(work.get("text") or "")
    return "\n".join(parts)


def read(path):
    ids, texts = [], []
    with open(path, encoding="utf-8-sig") as lines:
        for line in lines:
            if line.strip():
                document = json.loads(line)
                ids.append(document["id"])
                texts.append(document_text(document))
    return ids, texts


def chinese_only(text):
    return NOT_HAN.sub(" ", text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("profiles")
    parser.add_argument("demands")
    parser.add_argument("out")
    parser.add_argument("--top", type=int, default=10)
    options = parser.parse_args()
    profile_ids, profile_texts = read(options.profiles)
    demand_ids, demand_texts = read(options.demands)
    words = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b[^\W\d_\u3400-\u9fff]{2,}\b")
    bigrams = TfidfVectorizer(sublinear_tf=True, analyzer="char", ngram_range=(2, 2), preprocessor=chinese_only)
    profiles = normalize(hstack([words.fit_transform(profile_texts), bigrams.fit_transform(profile_texts)]).tocsr())
    demands = normalize(hstack([words.transform(demand_texts), bigrams.transform(demand_texts)]).tocsr())
    profiles_t = profiles.T.tocsr()
    top = min(options.top, len(profile_ids))
    with open(options.out, "w", encoding="utf-8") as out:
        for start in range(0, len(demand_ids), DEMANDS_PER_PRODUCT):
            scores = (demands[start : start + DEMANDS_PER_PRODUCT] @ profiles_t).toarray()
            best = np.argpartition(-scores, top - 1, axis=1)[:, :top]
            for row, columns in enumerate(best):
                ordered = columns[np.argsort(-scores[row, columns], kind="stable")]
                for column in ordered:
                    if scores[row, column] > 0:
                        record = {"profile": profile_ids[column], "demand": demand_ids[start + row], "score": float(scores[row, column])}
                        out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
