"""Static token embeddings from the `wordllama` wheel, loaded from its own files.

WordLlama ("l2_supercat", 256 dimensions) is a table of 32,000 token vectors distilled from a
large language model's embedding layer, with the matching Llama-2 tokenizer; both ship inside
the PyPI wheel (wordllama/weights/l2_supercat_256.safetensors, 16 MB float16, and
wordllama/tokenizers/l2_supercat_tokenizer_config.json). wordllama's own loader looks for the
tokenizer under another name and then tries the network, so it is not used: this module opens
the two files directly with `safetensors` and `tokenizers` and never touches a socket.
The wordllama package itself is never imported (only located), so nothing of it runs.

A text becomes the float32 vectors of its tokens; callers pool them (semantic.py).
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer

MODEL_NAME: Final = "wordllama l2_supercat_256"
_WEIGHTS: Final = "weights/l2_supercat_256.safetensors"
_TOKENIZER: Final = "tokenizers/l2_supercat_tokenizer_config.json"
_TENSOR: Final = "embedding.weight"
# Longest text embedded: three Telegram messages of 4,096 characters and the joints between.
MAX_CHARS: Final = 3 * 4096 + 8

FloatArray = npt.NDArray[np.float32]

_INVISIBLE: Final = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufe00-\ufe0f]"
)
_EMOJI: Final = {
    "🔪": " knife ",
    "🗡": " knife ",
    "🔫": " gun ",
    "💊": " pills ",
    "🩸": " blood ",
    "🪢": " rope ",
    "⚰": " coffin ",
    "🆘": " sos ",
}
_EMOJI_TABLE: Final = {ord(k): v for k, v in _EMOJI.items()}
_QUOTES: Final = re.compile("[\u2018\u2019\u201a\u201b\u2032\u2035\u02bc\u02bb\u00b4\u0060\uff07]")
_STRETCH: Final = re.compile(r"(\w)\1{2,}")  # "pleeeease" -> "pleease"
_SPACES_NOT_NEWLINE: Final = re.compile(r"[^\S\n]+")
_SENTENCE_END: Final = re.compile(r"(?<=[.!?;…\n])\s*|\n+")


def prepare(text: str) -> str:
    """Light clean-up before tokenising: compatibility forms, lower case, invisible characters
    removed, straight apostrophes, meaningful emoji as words, stretched letters shortened.
    Accents are kept (the tokenizer knows Spanish words with and without them)."""
    if len(text) > MAX_CHARS:
        half = MAX_CHARS // 2
        text = text[:half] + " " + text[-half:]
    t = unicodedata.normalize("NFKC", text.translate(_EMOJI_TABLE)).casefold()
    t = _QUOTES.sub("'", _INVISIBLE.sub("", t))
    return _SPACES_NOT_NEWLINE.sub(" ", _STRETCH.sub(r"\1\1", t)).strip()


def _package_dir() -> Path:
    spec = importlib.util.find_spec("wordllama")  # locates the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the wordllama package is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


@dataclass(frozen=True, slots=True)
class StaticEmbedder:
    """Token vectors (float16 table, 32,000 x 256) and the tokenizer that indexes them."""

    table: npt.NDArray[np.float16]
    tokenizer: Tokenizer

    @classmethod
    def load(cls, directory: Path | None = None) -> StaticEmbedder:
        base = directory or _package_dir()
        table = load_file(str(base / _WEIGHTS))[_TENSOR]
        if table.ndim != 2:
            raise ValueError(f"unexpected embedding table shape {table.shape}")
        tokenizer = Tokenizer.from_file(str(base / _TOKENIZER))
        tokenizer.no_truncation()
        tokenizer.no_padding()
        return cls(table, tokenizer)

    @property
    def dim(self) -> int:
        return int(self.table.shape[1])

    def token_ids(self, text: str) -> list[int]:
        ids = self.tokenizer.encode(prepare(text), add_special_tokens=False).ids
        size = self.table.shape[0]
        return [i for i in ids if 0 <= i < size]

    def sentence_ids(self, text: str) -> list[list[int]]:
        """Token ids of each sentence (split at . ! ? ; and line breaks), in order."""
        parts = [p for p in _SENTENCE_END.split(prepare(text)) if p.strip()]
        if not parts:
            return []
        size = self.table.shape[0]
        # The fast batch skips the character offsets, which nothing here reads.
        encoded = self.tokenizer.encode_batch_fast(parts, add_special_tokens=False)
        return [[i for i in e.ids if 0 <= i < size] for e in encoded]

    def vectors(self, ids: list[int]) -> FloatArray:
        """(n_tokens, dim) float32; (0, dim) for no tokens."""
        return self.table[ids].astype(np.float32) if ids else np.zeros((0, self.dim), np.float32)

    def token_vectors(self, text: str) -> FloatArray:
        return self.vectors(self.token_ids(text))

    def embed(self, text: str) -> FloatArray:
        """Mean of the token vectors, scaled to unit length (zeros for an empty text)."""
        vectors = self.token_vectors(text)
        if not len(vectors):
            return np.zeros(self.dim, np.float32)
        mean: FloatArray = vectors.mean(axis=0)
        norm = float(np.linalg.norm(mean))
        return (mean / norm).astype(np.float32) if norm else mean


@functools.cache
def shared_embedder() -> StaticEmbedder:
    """The embedding table is read-only: one copy per process (crisis layer, topic matcher)."""
    return StaticEmbedder.load()
