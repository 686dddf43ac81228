"""Items withdrawn, and how an approval was reached; the examples are invented."""

from __future__ import annotations

from pipeline.parse.outcomes import with_outcome_details
from pipeline.records import Decision, Outcome, Section, VoteEvent


def detail_of(text: str, voted: bool = False) -> str | None:
    section = Section("4", "Budget", 1, text, (Decision(text, Outcome.APPROVED, 1),))
    votes = [VoteEvent("4", "vote", 1, 5, 4)] if voted else []
    return with_outcome_details([section], votes)[0].decisions[0].detail


def test_approvals_as_proposed_with_changes_or_after_a_vote() -> None:
    assert detail_of("Nämnden beslutar enligt arbetsutskottets förslag.") == "as_proposed"
    assert detail_of("Nämnden beslutar att anta förslaget med följande ändring: …") == (
        "with_changes"
    )
    assert detail_of("Nämnden beslutar att anta förslaget.", voted=True) == "after_vote"
    assert detail_of("Nämnden beslutar att bevilja ansökan.") is None


def test_an_item_taken_off_is_withdrawn_not_decided() -> None:
    sections = [
        Section("5", "Markförsäljning", 1, "Ärendet utgår."),
        Section("6", "Motion om badhus", 1, "Motionen dras tillbaka av motionären."),
        Section("7", "Arvoden", 1, "Ersättning utgår med 500 kronor per sammanträde."),
    ]
    read = with_outcome_details(sections, [])
    assert [[(d.outcome, d.text) for d in s.decisions] for s in read] == [
        [(Outcome.WITHDRAWN, "Ärendet utgår.")],
        [(Outcome.WITHDRAWN, "Motionen dras tillbaka av motionären.")],
        [],
    ]
