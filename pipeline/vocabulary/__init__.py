"""The Swedish words of minutes, mapped to the project's English keys: the one place that the
parser and the language pipeline both read (neither imports the other for them).

    meeting.py    attendance labels, roles, headings, signature markers
    header.py     header labels, meeting and body words, date cues, opening and closing
    decisions.py  the words that record decisions, votes and their outcomes
"""
