"""Matches free text to explanation topics: words and meaning, against each topic's examples.

Two kinds of evidence, added together:
- words: TF-IDF over word stems, word pairs and character 4-grams (so typos still land); a
  topic's score mixes its best single example with its whole set of examples and its prose;
- meaning: the same static sentence embeddings as the crisis layer (WordLlama, shipped in its
  wheel), IDF-weighted; the best example's cosine and the topic centroid's cosine.
Weights were chosen on the old held-out questions and the first blind batch after it was scored
(round 1: 82.4% -> 89.3% right topic first); the second blind batch judges them.
"""

from __future__ import annotations

import itertools
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import snowballstemmer  # type: ignore[import-untyped]

from bot.content import Topic

_STEMMER = snowballstemmer.stemmer("english")

STOPWORDS = frozenset(
    """
    a an the and or but if so to of in on at for with from by is are was were be been am i im me my
    mine you your it its this that these those do does did doing have has had just about what
    whats how why when where who can could would should will wont cant dont not no yes really very
    much more also still even get got as than then there their he she they him her them his hers
    theirs we us our ive id ill youre thats
    """.split()  # noqa: SIM905 - a word list reads best as prose
)
PROSE_WEIGHT = 0.8
NGRAM_WEIGHT = 0.35
BEST_SHARE = 0.3
CONFIDENT_SCORE = 0.30
# Below this a topic is no real match (held-out questions' right answers score 0.14 and up;
# "blorp fizzle" scores 0.07): better to say "I couldn't match that" than to guess.
MIN_SUGGEST_SCORE = 0.1
CONFIDENT_MARGIN = 0.06
# Meaning evidence: the best example's cosine and the centroid's, scaled to sit beside the
# word score. The thresholds above are for the word score; with meaning added, scores shift
# up by about MEANING_BASELINE for any text, so thresholds are compared after removing it.
MEANING_BEST = 0.2
MEANING_CENTROID = 0.4


class _Postings:
    """Sparse vectors by term: each term's (vector indices, weights), so the dot products of a
    query with every vector cost one step per vector sharing a term with it, not one Python
    loop per vector. Each sum adds the query's terms in the query's order, as a dot product
    over the query's dict does."""

    def __init__(self, vectors: list[dict[str, float]]) -> None:
        by_term: dict[str, tuple[list[int], list[float]]] = {}
        for i, vec in enumerate(vectors):
            for term, weight in vec.items():
                indices, weights = by_term.setdefault(term, ([], []))
                indices.append(i)
                weights.append(weight)
        self.size = len(vectors)
        self._by_term = {
            term: (np.array(indices, np.intp), np.array(weights, np.float64))
            for term, (indices, weights) in by_term.items()
        }

    def dots(self, query: Mapping[str, float]) -> Any:
        totals = np.zeros(self.size, np.float64)
        for term, weight in query.items():
            found = self._by_term.get(term)
            if found is not None:
                indices, weights = found
                totals[indices] += weight * weights
        return totals


@dataclass(frozen=True)
class Match:
    topic_id: str
    score: float


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"['’`´]", "", text)


@lru_cache(maxsize=20_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def features(text: str) -> Counter[str]:
    words = [w for w in re.findall(r"[a-z0-9]+", normalise(text)) if w not in STOPWORDS]
    stems = [_stem(w) for w in words]
    bag: Counter[str] = Counter(stems)
    bag.update(f"{a}_{b}" for a, b in itertools.pairwise(stems))
    for word in words:
        padded = f" {word} "
        bag.update("#" + padded[i : i + 4] for i in range(max(1, len(padded) - 3)))
    return bag


class MeaningIndex:
    """IDF-weighted mean token embeddings of every example, and each topic's centroid."""

    def __init__(self, examples: list[tuple[str, str]], topic_ids: list[str]) -> None:
        from bot.safety.embedding import shared_embedder

        self.embedder = shared_embedder()
        self.topic_ids = topic_ids
        ids = [self.embedder.token_ids(text) for _, text in examples]
        df: Counter[int] = Counter()
        for token_ids in ids:
            df.update(set(token_ids))
        n = len(examples)
        self._idf = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in df.items()}
        self._default_idf = math.log(1 + n) + 1.0
        self.vectors = np.stack([self._embed(token_ids) for token_ids in ids])
        index = {t: i for i, t in enumerate(topic_ids)}
        self.owner = np.array([index[t] for t, _ in examples])
        centroids = np.stack(
            [self.vectors[self.owner == i].mean(axis=0) for i in range(len(topic_ids))]
        )
        self.centroids = centroids / np.maximum(
            np.linalg.norm(centroids, axis=1, keepdims=True), 1e-9
        )

    def _embed(self, token_ids: list[int]) -> Any:
        if not token_ids:
            return np.zeros(self.embedder.dim, np.float32)
        weights = np.array([self._idf.get(t, self._default_idf) for t in token_ids], np.float32)
        summed = (self.embedder.vectors(token_ids) * weights[:, None]).sum(axis=0)
        norm = float(np.linalg.norm(summed))
        return summed / norm if norm else summed

    def scores(self, text: str) -> dict[str, float]:
        query = self._embed(self.embedder.token_ids(text))
        if not query.any():
            return {}
        best = np.full(len(self.topic_ids), -1.0)
        np.maximum.at(best, self.owner, self.vectors @ query)
        combined = MEANING_BEST * best + MEANING_CENTROID * (self.centroids @ query)
        return {t: float(combined[i]) for i, t in enumerate(self.topic_ids)}


class TopicMatcher:
    def __init__(
        self,
        topics: Mapping[str, Topic],
        prose_weight: float = PROSE_WEIGHT,
        *,
        meaning: bool = True,
    ) -> None:
        docs: list[tuple[str, Counter[str]]] = []
        prose: dict[str, Counter[str]] = {}
        for topic in topics.values():
            for example in (topic.title, *topic.examples):
                docs.append((topic.id, features(example)))
            # The explanation itself carries the topic's vocabulary; it counts for less.
            words = features(re.sub(r"<[^>]+>", " ", f"{topic.short} {topic.more}"))
            prose[topic.id] = Counter({t: c * prose_weight for t, c in words.items()})
        df: Counter[str] = Counter()
        for _, bag in docs:
            df.update(bag.keys())
        n = len(docs)
        self._idf = {term: math.log((1 + n) / (1 + count)) + 1.0 for term, count in df.items()}
        self._examples = [(tid, self._vector(bag)) for tid, bag in docs]
        centroids: dict[str, Counter[str]] = {tid: Counter(bag) for tid, bag in prose.items()}
        for tid, bag in docs:
            centroids.setdefault(tid, Counter()).update(bag)
        self._centroids = {tid: self._vector(bag) for tid, bag in centroids.items()}
        # rank() scores every example and centroid at once (about 1,200 of them).
        self._topic_ids = list(self._centroids)
        position = {tid: i for i, tid in enumerate(self._topic_ids)}
        self._owner = np.array([position[tid] for tid, _ in self._examples], np.intp)
        self._example_index = _Postings([vec for _, vec in self._examples])
        self._centroid_index = _Postings([self._centroids[tid] for tid in self._topic_ids])
        examples = [(t.id, text) for t in topics.values() for text in (t.title, *t.examples)]
        self._meaning = MeaningIndex(examples, list(topics)) if meaning else None

    def _vector(self, bag: Mapping[str, float]) -> dict[str, float]:
        vec = {}
        for term, count in bag.items():
            weight = (
                (1 + math.log(count)) * self._idf.get(term, 0.0)
                if count >= 1
                else count * self._idf.get(term, 0.0)
            )
            if term.startswith("#"):
                weight *= NGRAM_WEIGHT  # spelling evidence, weaker than whole words
            if weight:
                vec[term] = weight
        norm = math.sqrt(sum(w * w for w in vec.values())) or 1.0
        return {t: w / norm for t, w in vec.items()}

    def rank(self, text: str, limit: int = 3) -> list[Match]:
        """The best topics for the text, highest score first."""
        query = self._vector(features(text[:2000]))
        if not query:
            return []
        best = np.zeros(len(self._topic_ids), np.float64)  # no evidence scores 0, not less
        np.maximum.at(best, self._owner, self._example_index.dots(query))
        combined = BEST_SHARE * best + (1 - BEST_SHARE) * self._centroid_index.dots(query)
        scores = dict(zip(self._topic_ids, combined.tolist(), strict=True))
        words = dict(scores)
        if self._meaning is not None:
            for tid, extra in self._meaning.scores(text[:2000]).items():
                scores[tid] = scores.get(tid, 0.0) + extra
        ranked = sorted(scores.items(), key=lambda kv: kv[1], reverse=True)[:limit]
        # The reported score is the word evidence, which the thresholds below are set on;
        # meaning only reorders. A text with no word in common with any topic has no match.
        return [Match(tid, round(words.get(tid, 0.0), 4)) for tid, _ in ranked if words.get(tid)]

    @staticmethod
    def worth_suggesting(matches: Iterable[Match]) -> list[Match]:
        """The matches good enough to offer as buttons."""
        return [m for m in matches if m.score >= MIN_SUGGEST_SCORE]

    @staticmethod
    def is_confident(matches: Iterable[Match]) -> bool:
        top = list(matches)[:2]
        if not top or top[0].score < CONFIDENT_SCORE:
            return False
        return len(top) == 1 or top[0].score - top[1].score >= CONFIDENT_MARGIN


_matchers: dict[tuple[tuple[str, tuple[str, ...]], ...], TopicMatcher] = {}


def matcher_for(topics: Mapping[str, Topic]) -> TopicMatcher:
    """One matcher per set of topics in a process: building the meaning index embeds every
    example, and applications built from the same content (tests, several bots) share it."""
    key = tuple((t.id, (t.title, *t.examples, t.short, t.more or "")) for t in topics.values())
    matcher = _matchers.get(key)
    if matcher is None:
        matcher = _matchers[key] = TopicMatcher(topics)
    return matcher
