"""The words of the justering and the notice board (anslag), and of diarienummer.

Justeringens plats och tid  Kommunhuset 2022-03-18    adjusted_on
Datum för anslags uppsättande 2022-03-21              posted_on
Datum för anslags nedtagande  2022-04-12              taken_down_on
"""

from __future__ import annotations

import re

NOTICE_LABELS: dict[str, re.Pattern[str]] = {
    "adjusted_on": re.compile(
        r"\b(?:justeringens\s+(?:plats\s+och\s+)?(?:tid|datum)|justerat?s?\s+den|justeringsdatum"
        r"|datum\s+för\s+justering)\b",
        re.IGNORECASE,
    ),
    "posted_on": re.compile(
        r"\b(?:datum\s+för\s+anslag(?:s|ets)?\s+uppsättande|anslaget\s+(?:sätts|sattes|är)\s+upp"
        r"|anslag(?:et)?\s+uppsatt|anslagsdatum|uppsatt\s+den|datum\s+då\s+anslaget\s+sattes\s+upp)",
        re.IGNORECASE,
    ),
    "taken_down_on": re.compile(
        r"\b(?:datum\s+för\s+anslag(?:s|ets)?\s+nedtagande|anslaget\s+(?:tas|togs)\s+ned"
        r"|datum\s+då\s+anslaget\s+tas\s+ned|nedtagen\s+den)",
        re.IGNORECASE,
    ),
}
LABEL_TO_DATE_CHARS = 80  # the date follows its label on the same row, a place between
APPEAL_DAYS = 21  # laglighetsprövning: three weeks from the day the minutes were posted

# "Dnr KS 2019/123", "KS/2019:123", "Dnr 2019.123", "diarienummer BUN 2020/45"
DIARY_NUMBER = re.compile(
    r"(?:\b(?:dnr|diarienr|diarienummer|diarienumer)\b\.?\s*:?\s*)"
    r"(?P<prefix>[A-ZÅÄÖ]{1,8}(?:[-\s][A-ZÅÄÖ]{1,8})?)?[\s/.-]*"
    r"(?P<year>(?:19|20)\d{2})\s*[/:.\-]\s*(?P<serial>\d{1,6})\b"
    r"|\b(?P<prefix2>[A-ZÅÄÖ]{1,8})\s*/\s*(?P<year2>(?:19|20)\d{2})\s*[:/]\s*(?P<serial2>\d{1,6})\b",
    re.IGNORECASE,
)
