"""The view in a real browser: Debian's Chromium driven by Selenium, against `protokoll serve`.

No browser is downloaded: the driver is /usr/bin/chromedriver, passed explicitly, so Selenium
Manager never runs. Skipped when Chromium or its driver is not installed.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageStat

from pipeline.resolve.overrides import read_overrides
from tests.conftest import REPO_ROOT
from tests.serve.conftest import Sample

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
START_TIMEOUT_S = 60.0
WAIT_S = 20.0
MIN_PIXEL_STDDEV = 10.0  # a blank or one-colour page has ~0
SCREENSHOTS_ENV = "PROTOKOLL_SCREENSHOTS"  # a folder: also keep the screenshots there (docs/)

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="Chromium is not installed (apt-get install chromium chromium-driver)",
)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(sample: Sample, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "serve.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "pipeline",
                "serve",
                "--db",
                str(sample.db),
                "--port",
                str(port),
                "--overrides",
                str(sample.overrides),
            ],
            cwd=REPO_ROOT,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT_S
    try:
        while True:
            try:
                urllib.request.urlopen(url + "/ingest.json", timeout=2).read()
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"protokoll serve did not start: {log.read_text()}")
                time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1280,1400",
        "--lang=sv-SE",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(WAIT_S * 3)
    yield driver
    driver.quit()


def _images_loaded(driver: Any) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_S).until(
        lambda d: d.execute_script(
            "return Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)"
        )
    )


def _wait_for(driver: Any, element_id: str) -> None:
    """Until the page that a click or a submit loads shows the element."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, WAIT_S).until(
        expected_conditions.presence_of_element_located((By.ID, element_id))
    )


def _screenshot(driver: Any, tmp_path: Path, name: str) -> Path:
    _images_loaded(driver)
    path = tmp_path / name
    driver.save_screenshot(str(path))
    image = Image.open(path).convert("L")
    assert ImageStat.Stat(image).stddev[0] > MIN_PIXEL_STDDEV, f"{name} is blank"
    keep = os.environ.get(SCREENSHOTS_ENV)
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(Path(keep) / name))
    return path


def test_meeting_fact_search_and_review(
    server: str, browser: Any, sample: Sample, tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/meeting/{sample.text_meeting}")
    assert "Närvaro" in browser.page_source
    _screenshot(browser, tmp_path, "view-meeting.png")

    # a decision's page link opens the page image with the decision marked
    link = browser.find_element(By.CSS_SELECTOR, ".pk-decision a.pk-page")
    link.click()
    _wait_for(browser, "page-image")
    image = browser.find_element(By.ID, "page-image")
    _images_loaded(browser)
    assert browser.execute_script("return arguments[0].naturalWidth", image) > 500
    assert "markerad på sidan" in browser.find_element(By.ID, "mark-note").text
    _screenshot(browser, tmp_path, "view-source.png")

    browser.get(f"{server}/search")
    box = browser.find_element(By.NAME, "q")
    box.send_keys("ansökningar")
    box.submit()
    _wait_for(browser, "results")
    rows = browser.find_elements(By.CSS_SELECTOR, "#results tr")
    assert len(rows) > 1, browser.page_source[:2000]

    browser.get(f"{server}/person/{sample.person}")
    _screenshot(browser, tmp_path, "view-person.png")

    browser.get(f"{server}/review")
    _screenshot(browser, tmp_path, "view-review.png")
    items = browser.find_elements(By.CSS_SELECTOR, ".pk-item form")
    if not items:
        pytest.skip("the sample database has nothing to review")
    first = browser.find_element(By.CSS_SELECTOR, ".pk-item").get_attribute("id")
    items[0].find_element(By.CSS_SELECTOR, "button[value='separate']").click()
    _wait_for(browser, "message")
    assert "olika personer" in browser.find_element(By.ID, "message").text
    assert "pk-decided" in (browser.find_element(By.ID, first).get_attribute("class") or "")
    assert len(read_overrides(sample.overrides).never) == 1
    sample.overrides.unlink()
