"""No paragraph makes reading take more than linear time: a megabyte on one line of words, of
names and commas, of digits and "§", of blanks, goes through cleaning and every parse stage in
seconds. A pattern that tries the rest of a line from each of its words takes minutes on such a
line, and a lazy match before a fixed word ("… reserverar sig") hours."""

from __future__ import annotations

import functools
import inspect
import itertools
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from typing import Any

import pytest

import pipeline.parse as parse
from pipeline.extract.clean import clean
from pipeline.nlp.model import model_path
from pipeline.records import ExtractedDoc, Page, PageMethod, SourceFile, SourceFormat

PARAGRAPH_CHARS = 1_000_000
# CPU seconds of this process, so that other work on a shared machine does not count; linear
# stages take a few seconds, a quadratic one minutes
STAGE_SECONDS = 30.0
# The NER model reads the whole megabyte, in pieces, at a few tens of kilobytes a second.
MODEL_STAGE = "find_section_entities"
MODEL_SECONDS = 150.0
DOCUMENT_SECONDS = 240.0
HEAD = (
    "Protokoll\nStyrelsen\nSammanträde 2023-03-14 kl. 13.00\n"
    "Närvarande: Anna Svensson, Erik Karlsson\n\n"
    "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n§ 2 Ärende\n"
)
TAIL = (
    "\n\nBeslut\nStyrelsen beslutar att bifalla förslaget.\n\n"
    "§ 3 Mötets avslutande\nOrdföranden avslutade mötet.\n\nVid protokollet\nAnna Svensson\n"
)
# Each shape is the worst case of some pattern: a lazy match before "reserverar sig", a
# backward scan for a clause's start from every verb, a title read after every number, an
# overlap check of every name against every other.
SHAPES: dict[str, tuple[str, ...]] = {
    "words": tuple(
        [
            "styrelsen",
            "beslutar",
            "att",
            "bevilja",
            "medel",
            "till",
            "projektet",
            "enligt",
            "förslaget",
            "och",
            "uppdrar",
            "åt",
            "förvaltningen",
            "samt",
            "reserverar",
            "mot",
            "beslutet",
        ]
    ),
    "names": ("Anna Svensson,", "Erik Karlsson,", "Maria Lind (S),", "Per Olsson", "och"),
    "digits": ("§", "12", "3", "2023-01-01", "45 000", "§ 7", "1.2", "kr"),
    "blanks": ("Anna" + " " * 200, "Berg\t\t", "och" + " " * 5000, "reserverar"),
}

needs_model = pytest.mark.skipif(
    not (model_path() / "config.cfg").is_file(), reason="no packaged model in models/"
)


def long_paragraph(shape: str, chars: int = PARAGRAPH_CHARS) -> str:
    words = itertools.cycle(SHAPES[shape])
    parts: list[str] = []
    length = 0
    while length < chars:
        word = next(words)
        parts.append(word)
        length += len(word) + 1
    return " ".join(parts)


def document(paragraph: str) -> ExtractedDoc:
    text = HEAD + paragraph + TAIL
    source = SourceFile("long.txt", "0" * 64, SourceFormat.TXT, len(text.encode()))
    return ExtractedDoc(source, (Page(1, text, PageMethod.TEXT),))


def _stages() -> Iterator[tuple[str, Callable[..., Any]]]:
    """The functions of other modules that the parse stage calls: its stages."""
    for name, value in vars(parse).items():
        if inspect.isfunction(value) and value.__module__ != parse.__name__:
            yield name, value


def _timed(seconds: dict[str, float], name: str, stage: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(stage)
    def run(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return stage(*args, **kwargs)
        finally:
            seconds[name] += time.process_time() - started

    return run


def _bound(stage: str) -> float:
    return MODEL_SECONDS if stage == MODEL_STAGE else STAGE_SECONDS


def test_the_stages_are_found() -> None:
    names = dict(_stages())
    assert {"judge", "outline", "parse_header", "find_decisions", MODEL_STAGE} <= set(names)


@pytest.mark.slow
@needs_model
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_megabyte_paragraph_is_read_in_bounded_time(
    shape: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seconds: dict[str, float] = defaultdict(float)
    for name, stage in list(_stages()):
        monkeypatch.setattr(parse, name, _timed(seconds, name, stage))
    extracted = document(long_paragraph(shape))
    started = time.process_time()
    text = clean(extracted)
    seconds["clean"] = time.process_time() - started
    started = time.process_time()
    minutes = parse.parse_minutes(extracted.source, text)
    whole = time.process_time() - started
    slow = {name: round(s, 1) for name, s in seconds.items() if s > _bound(name)}
    assert not slow, f"stages over their bound ({STAGE_SECONDS} s) on a {shape} paragraph: {slow}"
    assert whole < DOCUMENT_SECONDS, f"the whole parse took {whole:.0f} s"
    assert [s.number for s in minutes.sections][:1] == ["1"]
