"""The view's pages through Datasette's client: every fact with its page, search like the CLI,
and a review decision written to the overrides file and nowhere else."""

from __future__ import annotations

import hashlib
import io
import re

import duckdb
import pytest
from PIL import Image, ImageChops

from pipeline.analysis.search import search
from pipeline.resolve.overrides import read_overrides
from tests.serve.conftest import Client, Sample


def test_home_lists_the_bodies_and_links_the_pages(client: Client) -> None:
    page = client.get("/")
    assert page.status_code == 200
    assert "arbetsutskottet" in page.text
    for link in ("/search", "/review", "/ingest", "/archive"):
        assert f'href="{link}"' in page.text


def test_meeting_shows_every_fact_next_to_its_page(client: Client, sample: Sample) -> None:
    page = client.get(f"/meeting/{sample.text_meeting}")
    assert page.status_code == 200
    data = client.get(f"/meeting/{sample.text_meeting}.json").json()
    assert {"meeting", "attendance", "sections", "signatories", "pages"} <= set(data)
    assert data["attendance"] and data["sections"]
    for attendee in data["attendance"]:
        assert attendee["name"] in page.text
        assert attendee["page_url"].startswith(f"/source/{sample.text_meeting}/")
    decisions = [d for s in data["sections"] for d in s["decisions"]]
    assert decisions and all(d["page_url"] for d in decisions)
    assert "Närvaro" in page.text and "Paragrafer" in page.text and "Underskrifter" in page.text
    assert "bifall" in page.text  # outcomes in Swedish
    assert "Varning" in page.text  # the document's warnings


def test_a_fact_opens_its_page_with_the_line_marked(client: Client, sample: Sample) -> None:
    data = client.get(f"/meeting/{sample.text_meeting}.json").json()
    decision = next(d for s in data["sections"] for d in s["decisions"])
    source = client.get(decision["page_url"])
    assert source.status_code == 200
    assert "markerad på sidan" in source.text
    image_url = re.search(r'id="page-image" src="([^"]+)"', source.text)
    assert image_url is not None
    marked = client.get(image_url.group(1).replace("&amp;", "&"))
    assert marked.headers["content-type"] == "image/png"
    plain = client.get(f"/page-image/{sample.text_meeting}/{decision['page'] or 1}")
    difference = ImageChops.difference(
        Image.open(io.BytesIO(marked.content)).convert("RGB"),
        Image.open(io.BytesIO(plain.content)).convert("RGB"),
    )
    assert difference.getbbox() is not None  # the mark is drawn
    pdf = client.get(f"/document/{sample.text_meeting}")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.parametrize(
    "words", ["ansökan", "ANSÖKNINGAR", "sjukfall beviljas", "Sandström", "mötet", "Långa sjukfall"]
)
def test_search_finds_what_protokoll_search_finds(
    client: Client, sample: Sample, words: str
) -> None:
    con = duckdb.connect(str(sample.db), read_only=True)
    try:
        expected = search(con, words)
    finally:
        con.close()
    found = client.get("/search.json", params={"q": words}).json()["results"]
    assert [(r["meeting_id"], r["number"]) for r in found] == list(
        zip(expected["meeting_id"], expected["section"], strict=True)
    )
    assert [r["hits"] for r in found] == list(expected["hits"])
    assert client.get("/search", params={"q": words}).status_code == 200


def test_person_shows_spellings_attendance_and_roles(client: Client, sample: Sample) -> None:
    data = client.get(f"/person/{sample.person}.json").json()
    assert data["aliases"] and data["attendance"] and data["rates"]
    assert any(r["role"] == "chair" for r in data["roles"])
    page = client.get(f"/person/{sample.person}")
    assert "ordförande" in page.text and "/plot/attendance.png?person=" in page.text
    plot = client.get(f"/plot/attendance.png?person={sample.person}")
    assert plot.status_code == 200 and plot.content.startswith(b"\x89PNG")
    assert client.get("/person/p_000000000000").status_code == 404


def test_body_shows_meetings_attendance_and_outcomes(client: Client) -> None:
    bodies = client.get("/").text
    link = re.search(r'href="(/body\?[^"]+)"', bodies)
    assert link is not None
    url = link.group(1).replace("&amp;", "&")
    page = client.get(url)
    assert page.status_code == 200 and "Möten per år" in page.text
    data = client.get(url.replace("/body?", "/body.json?")).json()
    assert data["meetings"] and data["people"]
    for plot in re.findall(r'src="(/plot/[^"]+)"', page.text):
        answer = client.get(plot.replace("&amp;", "&"))
        assert answer.status_code == 200 and answer.content.startswith(b"\x89PNG")


def test_ingest_page_lists_runs(client: Client) -> None:
    data = client.get("/ingest.json").json()
    assert data["runs"] and data["runs"][0]["status"] == "finished"
    assert "Körningar" in client.get("/ingest").text


def test_datasette_tables_link_to_the_view(client: Client, sample: Sample) -> None:
    page = client.get("/archive/attendance")
    assert page.status_code == 200
    assert f'href="/meeting/{sample.text_meeting}"' in page.text
    assert 'href="/person/p_' in page.text


def test_review_decision_goes_to_the_overrides_file_only(client: Client, sample: Sample) -> None:
    page = client.get("/review")
    assert page.status_code == 200
    items = client.get("/review.json").json()["items"]
    if not items:
        pytest.skip("the sample database has nothing to review")
    item = items[0]
    token = re.search(r'name="csrftoken" value="([^"]+)"', page.text)
    assert token is not None
    cookies = {"ds_csrftoken": page.cookies.get("ds_csrftoken", "")}
    before = hashlib.sha256(sample.db.read_bytes()).hexdigest()
    cross_site = client.post(
        "/review/decide", data={"position": str(item["position"]), "decision": "merge"}
    )
    assert cross_site.status_code == 403 and not sample.overrides.exists()
    forged = client.post(
        "/review/decide",
        data={"csrftoken": "forged", "position": str(item["position"]), "decision": "merge"},
        cookies=cookies,
    )
    assert forged.status_code == 403 and not sample.overrides.exists()
    refused = client.post(
        "/review/decide",
        data={"csrftoken": token.group(1), "position": "999", "decision": "merge"},
        cookies=cookies,
    )
    assert refused.status_code == 400 and not sample.overrides.exists()
    answer = client.post(
        "/review/decide",
        data={
            "csrftoken": token.group(1),
            "position": str(item["position"]),
            "decision": "separate",
            "reason": "two people",
        },
        cookies=cookies,
    )
    assert answer.status_code == 302
    written = read_overrides(sample.overrides)
    assert written.never == ((item["first"], item["second"]),)
    assert "two people" in written.text
    assert hashlib.sha256(sample.db.read_bytes()).hexdigest() == before
    again = client.get("/review.json").json()["items"][0]
    assert again["decided"] == "never_merge"
    sample.overrides.unlink()
