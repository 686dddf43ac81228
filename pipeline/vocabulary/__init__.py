"""The Swedish words of minutes, mapped to the project's English keys: the one place that the
parser and the language pipeline both read (neither imports the other for them).

    meeting.py    labels, roles, header words, headings, signature markers
    decisions.py  the words that record decisions, votes and their outcomes
"""
