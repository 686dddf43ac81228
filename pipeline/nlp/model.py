"""The packaged Swedish NER pipeline of models/: loaded once per process, entities per section."""

from __future__ import annotations

import functools
import os
import site
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from pipeline.errors import MissingDependency
from pipeline.nlp import features, ruler
from pipeline.nlp.pieces import split
from pipeline.records import Entity

MODEL_ENV = "PROTOKOLL_NER_MODEL"  # another packaged pipeline directory, e.g. for experiments
MODEL_NAME = "protokoll_sv_ner"
CHECKOUT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / MODEL_NAME
# `pip install .` (or pipx) puts the model beside the package's prefix: pyproject's data-files.
INSTALLED_MODEL_DIRS = tuple(
    Path(prefix) / "share" / "protokoll" / MODEL_NAME
    for prefix in dict.fromkeys([sys.prefix, site.getuserbase()])
)


def _model_dir() -> Path:
    """The checkout's models/ first (where training writes), else the installed copy."""
    for where in (CHECKOUT_MODEL_DIR, *INSTALLED_MODEL_DIRS):
        if (where / "config.cfg").is_file():
            return where
    return CHECKOUT_MODEL_DIR


MODEL_DIR = _model_dir()
PIPE_BATCH_SIZE = 64  # sections per nlp.pipe batch
BATCH_CHARS = 200_000  # characters per batch, at most: the model's memory grows with them
COMPONENTS = (features.FACTORY, ruler.FACTORY)  # importing them registers the factories


def model_path() -> Path:
    return Path(os.environ.get(MODEL_ENV) or MODEL_DIR)


@functools.cache
def load_model(path: Path | None = None) -> Language:
    """The pipeline at `path` (default models/protokoll_sv_ner), loaded once per process."""
    where = path or model_path()
    if not (where / "config.cfg").is_file():
        raise MissingDependency(
            f"the NER model is missing: no pipeline in {where}",
            hint="check out models/ from the repository, or run `python models/train.py`",
        )
    try:
        return spacy.load(where)
    except (OSError, ValueError) as error:
        raise MissingDependency(
            f"the NER model in {where} cannot be loaded: {error}",
            hint="retrain it with `python models/train.py` for this spaCy version",
        ) from error


def find_entities(text: str, section: str | None, people: Iterable[str]) -> list[Entity]:
    """Entities in one section's text, offsets relative to that text, sorted, not overlapping."""
    return find_section_entities([(text, section)], people)[0]


def find_section_entities(
    sections: Sequence[tuple[str, str | None]], people: Iterable[str]
) -> list[list[Entity]]:
    """Entities of each (text, § number) pair, all sections batched through `nlp.pipe`.

    A long section goes through in pieces (pipeline.nlp.pieces), so the model's memory stays
    bounded; each entity's offsets are moved back into its section's text."""
    names = tuple(people)
    found: list[list[Entity]] = [[] for _ in sections]
    texts = [text for text, _ in sections]
    for index, offset, doc in _pipe_pieces(texts, names):
        number = sections[index][1]
        found[index] += [
            Entity(e.label_, e.text, number, offset + e.start_char, offset + e.end_char)
            for e in doc.ents
        ]
    return found


def find_people(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the persons (PER) the model finds in each text, without the minutes'
    rule component's knowledge of who attended: the parser asks this to find who attended."""
    found: list[list[tuple[int, int]]] = [[] for _ in texts]
    for index, offset, doc in _pipe_pieces(texts, None):
        found[index] += [
            (offset + e.start_char, offset + e.end_char) for e in doc.ents if e.label_ == "PER"
        ]
    return found


def _pipe_pieces(
    texts: Sequence[str], people: tuple[str, ...] | None
) -> Iterator[tuple[int, int, Doc]]:
    """(text index, piece offset, processed doc) for every piece of every text, in order,
    batched by count and by characters so no batch holds more than BATCH_CHARS of text."""
    nlp = load_model()
    pending = [(i, offset, piece) for i, text in enumerate(texts) for offset, piece in split(text)]
    for batch in _batches(pending):
        docs = []
        for _, _, piece in batch:
            doc = nlp.make_doc(piece)
            if people is not None:
                doc.user_data[ruler.PEOPLE_KEY] = people
            docs.append(doc)
        for (index, offset, _), doc in zip(
            batch, nlp.pipe(docs, batch_size=len(docs)), strict=True
        ):
            yield index, offset, doc


def _batches(
    pieces: Sequence[tuple[int, int, str]],
) -> Iterator[Sequence[tuple[int, int, str]]]:
    start = chars = 0
    for end, (_, _, piece) in enumerate(pieces):
        if end > start and (end - start >= PIPE_BATCH_SIZE or chars + len(piece) > BATCH_CHARS):
            yield pieces[start:end]
            start, chars = end, 0
        chars += len(piece)
    if start < len(pieces):
        yield pieces[start:]
