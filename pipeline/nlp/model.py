"""The packaged Swedish NER pipeline of models/: loaded once per process, entities per section."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language

from pipeline.errors import MissingDependency
from pipeline.nlp import features, ruler
from pipeline.records import Entity

MODEL_ENV = "PROTOKOLL_NER_MODEL"  # another packaged pipeline directory, e.g. for experiments
MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "protokoll_sv_ner"
PIPE_BATCH_SIZE = 64  # sections per nlp.pipe batch
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
    """Entities of each (text, § number) pair, all sections batched through `nlp.pipe`."""
    nlp = load_model()
    names = tuple(people)
    docs = []
    for text, _ in sections:
        doc = nlp.make_doc(text)
        doc.user_data[ruler.PEOPLE_KEY] = names
        docs.append(doc)
    found = []
    for doc, (_, number) in zip(nlp.pipe(docs, batch_size=PIPE_BATCH_SIZE), sections, strict=True):
        found.append([Entity(e.label_, e.text, number, e.start_char, e.end_char) for e in doc.ents])
    return found


def find_people(texts: Sequence[str]) -> list[list[tuple[int, int]]]:
    """Character spans of the persons (PER) the model finds in each text, without the minutes'
    rule component's knowledge of who attended: the parser asks this to find who attended."""
    nlp = load_model()
    docs = [nlp.make_doc(text) for text in texts]
    return [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        for doc in nlp.pipe(docs, batch_size=PIPE_BATCH_SIZE)
    ]
