"""Semantic layer: how close a message is to the labelled danger and self-harm examples.

A text is embedded as the mean of its WordLlama token vectors (embedding.py), scaled to unit
length, and scored by a small neural network (one hidden layer of HIDDEN ReLU units, softmax
over four classes: none, disclosure, danger, self_harm). It was trained at build time on the
labelled phrases in tests/safety/ and the bot's own topic questions by
`python -m bot.safety.train`, which writes bot/safety/data/semantic.npz (weights, class names,
the decision thresholds, English and Spanish, and the cross-validated figures); at run time
only numpy multiplies. (On the used blind rounds, each held out of training, a linear model on
the same embedding separated crisis messages from near-misses clearly worse: area under the
ROC curve 0.79-0.83 against 0.85-0.93 for the network.) A text of up to WHOLE_UP_TO tokens is
scored as a whole; a longer one sentence by sentence (long sentences in overlapping windows of
tokens) and the most alarming part counts, so a crisis sentence at the end of a long vent is not
averaged away.

The layer never decides a full crisis level by itself: crisis.py turns a score at or above the
threshold (Spanish messages have their own: calm Spanish scores higher) into CHECK ("are you
safe right now?") when the rules found no danger or self-harm.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Final

import numpy as np
import numpy.typing as npt
from threadpoolctl import threadpool_limits

from bot.safety.embedding import FloatArray, StaticEmbedder, shared_embedder

CLASSES: Final = ("none", "disclosure", "danger", "self_harm")
DATA_FILE: Final = "semantic.npz"
HIDDEN: Final = 128  # hidden units of the network
WINDOW: Final = 32  # tokens per window in a long sentence, and in the context's joins
STRIDE: Final = 16
# A message up to this many tokens is scored as a whole, not sentence by sentence: each short
# sentence alone loses what the rest says ("im dead" + "that meme 😂"). Held out of training,
# the used rounds 19-20 (688 messages) separated crisis from near-misses with an area under the
# ROC curve of 0.937 scored whole against 0.910 scored by sentence (three seeds each), the same
# at 32 as at 64 or 128 tokens. The limit stays at 32 because a whole also dilutes: a crisis
# line after an unrelated calm one ("dinner's done. ...") was flagged 44% of the time with a
# limit of 64, 62% with 32 and 70% by sentence (round 21's crisis messages, one calm message of
# the same round before each). Longer texts keep the sentences and windows, so a crisis line
# at the end of a long vent is not averaged away.
WHOLE_UP_TO: Final = 32


@dataclass(frozen=True, slots=True)
class SemanticScore:
    """Class probabilities of the most alarming window, and their danger + self-harm sum."""

    probabilities: dict[str, float]
    alarm: float  # P(danger) + P(self_harm)
    flagged: bool  # alarm >= the trained threshold (the Spanish one for a Spanish text)
    # Not flagged, and P(disclosure) of the most telling part >= its trained threshold: a
    # disclosure the rules missed ("he keeps my visa and pays half").
    told: bool = False

    @property
    def closest(self) -> str:
        """danger or self_harm: whichever the text is nearer to."""
        p = self.probabilities
        return "danger" if p["danger"] >= p["self_harm"] else "self_harm"


def softmax(z: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    z = z - z.max(axis=-1, keepdims=True)
    e = np.exp(z)
    out: npt.NDArray[np.float64] = e / e.sum(axis=-1, keepdims=True)
    return out


def window_means(vectors: FloatArray, window: int = WINDOW, stride: int = STRIDE) -> FloatArray:
    """Unit-length means of the whole text (short texts) or of overlapping token windows."""
    n = len(vectors)
    if n <= window:
        means = vectors.mean(axis=0, keepdims=True)
    else:
        running = vectors.cumsum(axis=0)
        idx = np.asarray(_window_starts(n, window, stride))
        means = running[idx + window - 1]
        later = idx > 0
        means[later] -= running[idx[later] - 1]
    norms = np.linalg.norm(means, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatArray = (means / norms).astype(np.float32)
    return out


def _window_starts(n: int, window: int = WINDOW, stride: int = STRIDE) -> list[int]:
    """Starts of the overlapping windows over n > window tokens; the end of the text always
    gets a full window."""
    starts = list(range(0, n - window + 1, stride))
    if starts[-1] != n - window:
        starts.append(n - window)
    return starts


def _spans(lengths: list[int]) -> list[tuple[int, int]]:
    """(start, end) token spans scored for sentences of these lengths, in one flat run: a text
    of at most WHOLE_UP_TO tokens as one whole; a longer one sentence by sentence, long
    sentences as overlapping windows."""
    if sum(lengths) <= WHOLE_UP_TO:
        return [(0, sum(lengths))]
    spans: list[tuple[int, int]] = []
    offset = 0
    for n in lengths:
        if n <= WINDOW:
            spans.append((offset, offset + n))
        else:
            spans += [(offset + a, offset + a + WINDOW) for a in _window_starts(n)]
        offset += n
    return spans


def sentence_features(embedder: StaticEmbedder, sentences: list[list[int]]) -> FloatArray:
    """Unit-length mean embeddings of the parts of a text that are scored (see _spans), all
    from one running sum. (0, dim) for a text without tokens."""
    sentences = [s for s in sentences if s]
    ids = [i for s in sentences for i in s]
    if not ids:
        return np.zeros((0, embedder.dim), np.float32)
    spans = np.asarray(_spans([len(s) for s in sentences]))
    # Sum the tokens between consecutive span edges (np.add.reduceat), then take running sums
    # of those few pieces: a running sum over every token along axis 0 cost 2-3 ms on a
    # message of 1,000 tokens, this about a tenth of that. The table stays float16 in memory;
    # the sums are float32.
    edges = np.unique(spans)  # sorted; the last is len(ids), the end of the last span
    pieces = np.add.reduceat(embedder.table[ids], edges[:-1], axis=0, dtype=np.float32)
    running = np.vstack([np.zeros((1, embedder.dim), np.float32), pieces.cumsum(axis=0)])
    at = np.searchsorted(edges, spans)
    sums = running[at[:, 1]] - running[at[:, 0]]
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatArray = (sums / norms).astype(np.float32)
    return out


def forward(
    features: npt.NDArray[np.float64], params: tuple[npt.NDArray[np.float64], ...]
) -> npt.NDArray[np.float64]:
    """Class probabilities (n, classes) of unit-length embeddings (n, dim) under the network
    (w1, b1, w2, b2): softmax(relu(x w1 + b1) w2 + b2)."""
    w1, b1, w2, b2 = params
    hidden = np.maximum(features @ w1 + b1, 0.0)
    return softmax(hidden @ w2 + b2)


@dataclass(frozen=True, slots=True)
class SemanticModel:
    embedder: StaticEmbedder
    params: tuple[npt.NDArray[np.float64], ...]  # w1 (dim, hidden), b1, w2 (hidden, 4), b2
    threshold: float  # English, and any text not known to be Spanish
    threshold_es: float  # Spanish
    # P(disclosure) thresholds; above 1 (never reached) for data trained without them.
    threshold_told: float = 1.01
    threshold_told_es: float = 1.01

    @classmethod
    def load(cls, embedder: StaticEmbedder | None = None) -> SemanticModel:
        # Products of a few dozen rows: one BLAS thread is fastest, and idle BLAS threads
        # spinning on a busy machine multiplied the time of a long message's check by six.
        threadpool_limits(limits=1, user_api="blas")
        embedder = embedder or shared_embedder()
        with resources.files("bot.safety").joinpath("data", DATA_FILE).open("rb") as f:
            data = np.load(f, allow_pickle=False)
            classes = tuple(str(c) for c in data["classes"])
            params = tuple(data[k].astype(np.float64) for k in ("w1", "b1", "w2", "b2"))
            threshold = float(data["threshold"])
            threshold_es = float(data["threshold_es"])
            names = set(data.files)
            told = float(data["threshold_told"]) if "threshold_told" in names else 1.01
            told_es = float(data["threshold_told_es"]) if "threshold_told_es" in names else 1.01
        w1, b1, w2, b2 = params
        hidden = w1.shape[1]
        if (
            classes != CLASSES
            or w1.shape[0] != embedder.dim
            or b1.shape != (hidden,)
            or w2.shape != (hidden, len(CLASSES))
            or b2.shape != (len(CLASSES),)
        ):
            raise ValueError(f"{DATA_FILE} does not fit this embedder: {classes} {w1.shape}")
        return cls(embedder, params, threshold, threshold_es, told, told_es)

    def threshold_for(self, spanish: bool) -> float:
        return self.threshold_es if spanish else self.threshold

    def probabilities(self, features: FloatArray) -> npt.NDArray[np.float64]:
        """(n, classes) probabilities for unit-length mean embeddings (n, dim)."""
        return forward(features.astype(np.float64), self.params)

    def score(self, text: str, *, spanish: bool = False) -> SemanticScore:
        return self.score_sentences(self.embedder.sentence_ids(text), spanish=spanish)

    def score_sentences(
        self, sentences: list[list[int]], *, spanish: bool = False
    ) -> SemanticScore:
        """Score a text from its sentences' token ids (`embedder.sentence_ids`): a short text as
        a whole, a longer one by sentence (long sentences in windows); see _spans."""
        return self._scored(sentence_features(self.embedder, sentences), spanish)

    def score_ids(self, ids: list[int], *, spanish: bool = False) -> SemanticScore:
        """Score from a run of token ids in overlapping windows: the context joins those of
        recent messages instead of tokenising them again."""
        vectors = self.embedder.vectors(ids)
        return self._scored(window_means(vectors) if len(vectors) else vectors, spanish)

    def _scored(self, features: FloatArray, spanish: bool) -> SemanticScore:
        if not len(features):
            empty = {c: float(c == "none") for c in CLASSES}
            return SemanticScore(empty, 0.0, False)
        probs = self.probabilities(features)
        alarm = probs[:, 2] + probs[:, 3]
        best = int(alarm.argmax())
        row = {c: float(probs[best, i]) for i, c in enumerate(CLASSES)}
        value = float(alarm[best])
        flagged = value >= self.threshold_for(spanish)
        limit = self.threshold_told_es if spanish else self.threshold_told
        told = not flagged and float(probs[:, 1].max()) >= limit
        return SemanticScore(row, value, flagged, told)
