"""Open the fixture view in headless Chromium: it draws offline and runs no report text."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib

from kg.view import render_view

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "view_graph.trig"
CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
EXPECTED_NODES = 19
SCREENSHOT = Path("/tmp/view.png")

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[object]:
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium "
                    "chromium-driver)")
    from selenium.webdriver.chrome.service import Service

    profile = tmp_path_factory.mktemp("chromium-profile")
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--no-first-run",
                     "--window-size=1400,900",
                     f"--user-data-dir={profile}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    browser.set_page_load_timeout(20)
    yield browser
    browser.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="module")
def page(driver: object, tmp_path_factory: pytest.TempPathFactory) -> object:
    dataset = rdflib.Dataset(default_union=True)
    dataset.parse(FIXTURE, format="trig")
    path = tmp_path_factory.mktemp("view") / "view.html"
    path.write_text(render_view(dataset, title="Thử nghiệm"), encoding="utf-8")
    driver.get(path.as_uri())
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        if driver.execute_script("return document.body.getAttribute('data-kg-ready')") == "1":
            break
        time.sleep(0.1)
    else:
        pytest.fail("the vis network never finished its layout")
    driver.save_screenshot(str(SCREENSHOT))
    return driver


def test_draws_every_node(page: object) -> None:
    assert page.execute_script("return network.body.data.nodes.length") == EXPECTED_NODES
    assert page.execute_script("return Object.keys(network.getPositions()).length") \
        == EXPECTED_NODES
    assert page.find_element("css selector", "#mynetwork canvas").size["width"] > 0


def test_no_console_errors(page: object) -> None:
    severe = [entry for entry in page.get_log("browser") if entry["level"] == "SEVERE"]
    assert severe == []


def test_hostile_labels_do_not_run(page: object) -> None:
    assert page.execute_script("return typeof window.__xss") == "undefined"
    assert page.find_elements("css selector", "img, a[href], b") == []


@pytest.mark.parametrize("node,expected", [
    ("official/script", ["</script><script>window.__xss=1</script>", "Phạm & <b>Đức</b>"]),
    ("report/hg-02", ['<a href="javascript:window.__xss=1">Ban Thường vụ họp</a>']),
])
def test_tooltip_is_plain_text(page: object, node: str, expected: list[str]) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    node = "https://w3id.org/vnkg/id/" + node
    x, y = page.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "return [Math.round(p.x), Math.round(p.y)];", node)
    canvas = page.find_element("css selector", "#mynetwork canvas")
    size = canvas.size
    ActionChains(page).move_to_element_with_offset(
        canvas, x - size["width"] // 2, y - size["height"] // 2).perform()
    deadline = time.monotonic() + 5
    text = ""
    while time.monotonic() < deadline and expected[0] not in text:
        time.sleep(0.1)
        text = page.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ? t.innerText : '';")
    for line in expected:
        assert line in text
    assert page.find_elements("css selector", "div.vis-tooltip *:not(br)") == []
    assert page.execute_script("return typeof window.__xss") == "undefined"
    ActionChains(page).move_to_element_with_offset(
        canvas, 5 - size["width"] // 2, 5 - size["height"] // 2).perform()
