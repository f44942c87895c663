"""The dashboard in headless Chromium: see scripts/browser-test, which installs everything and starts the server.

usage: browser_test.py BASE_URL ADMIN_TOKEN WEBHOOK_SECRET SINK_URL SCREENSHOT_DIR
"""
import base64
import datetime
import hashlib
import hmac
import json
import re
import sys
import time
import urllib.error
import urllib.request

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

BASE, TOKEN, SECRET, SINK, SHOTS = sys.argv[1:6]
WIDTHS = (390, 1366)
failures = []


def check(ok, what):
    print(("ok   - " if ok else "FAIL - ") + what, flush=True)
    if not ok:
        failures.append(what)


def api(path, method="GET", body=None, content_type="application/json", headers=None):
    request = urllib.request.Request(BASE + path, method=method, data=body)
    request.add_header("Authorization", f"Bearer {TOKEN}")
    request.add_header("Content-Type", content_type)
    for key, value in (headers or {}).items():
        request.add_header(key, value)
    try:
        with urllib.request.urlopen(request) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text.startswith(("{", "[")) else text)
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def signed_event(event):
    """POSTs one Standard Webhooks event, signed with the server's secret."""
    body = json.dumps(event).encode()
    msg_id, stamp = f"msg_browser_{time.time_ns()}", str(int(time.time()))
    key = base64.b64decode(SECRET.removeprefix("whsec_"))
    signature = base64.b64encode(hmac.new(key, f"{msg_id}.{stamp}.".encode() + body, hashlib.sha256).digest()).decode()
    return api("/webhooks/events", "POST", body, headers={
        "webhook-id": msg_id, "webhook-timestamp": stamp, "webhook-signature": f"v1,{signature}"})


def prepare():
    """A dead post (a partner whose chat answers 404) and a rejected event (an ack from someone not yet imported)."""
    partners = f"id,name,category,tier,region,manager,chat_format,chat_url\nbrowser-dead,Browser Dead Chat,msp,gold,emea,,slack,{SINK}\n"
    check(api("/api/partners", "PUT", partners.encode(), "text/csv")[0] == 200, "import a partner whose chat answers 404")
    people = "id,name,partner,role,timezone\nbrowser-rep,Bea Browser,browser-dead,rep,UTC\n"
    check(api("/api/people", "PUT", people.encode(), "text/csv")[0] == 200, "import its rep")
    status, _ = api("/api/broadcasts", "POST", json.dumps({"message": "vault-3-launch", "audience": "partner:browser-dead"}).encode())
    check(status == 201, "broadcast to it")
    for _ in range(100):
        status, page = api("/api/outbox?status=dead")
        if page["items"]:
            break
        time.sleep(0.2)
    check(bool(page["items"]), "the post to the 404 chat is dead")
    at = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    status, _ = signed_event({"type": "message.ack", "message": "vault-3-launch", "person": "browser-late-rep", "at": at})
    check(status == 422, f"an ack from an unknown person is rejected (got {status})")


def attempts():
    """Delivery attempts so far, from the Prometheus metrics (the admin token opens them)."""
    _, text = api("/metrics")
    return sum(float(line.rsplit(" ", 1)[1]) for line in text.splitlines() if line.startswith("decay_delivery_attempts_total{"))


def browser():
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--hide-scrollbars"):
        options.add_argument(argument)
    options.binary_location = "/usr/bin/chromium"
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def open_page(driver, path, name):
    """Opens `path` at each width: screenshot, no sideways scrolling at 390 px, axe with no serious/critical issue."""
    for width in WIDTHS:
        driver.set_window_size(width, 900)
        driver.get(BASE + path)
        check(driver.find_elements(By.CSS_SELECTOR, "main h1") != [], f"{name} at {width} px has a heading")
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        check(overflow <= 1, f"{name} at {width} px does not scroll sideways ({overflow} px)")
        height = driver.execute_script("return Math.min(document.documentElement.scrollHeight, 4000)")
        driver.set_window_size(width, max(900, height))
        driver.save_screenshot(f"{SHOTS}/{name}-{width}.png")
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        bad = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
        check(not bad, f"{name} at {width} px: no serious or critical axe violation"
              + "".join(f"\n       {v['id']}: {v['help']} ({len(v['nodes'])} nodes)" for v in bad))


def settle(driver, done, seconds=60):
    """Waits until the browser's URL satisfies `done` (a form post may still be loading its answer)."""
    WebDriverWait(driver, seconds).until(lambda d: done(d.current_url) and d.execute_script("return document.readyState") == "complete")


def caught_up(driver, agrees, seconds=30):
    """Reloads until `agrees()` holds: a page may show the figures of one refresh ago while new data is being counted
    (the fixtures above were written just before), and catches up once the refresh is done."""
    deadline = time.time() + seconds
    while True:
        try:
            if agrees():
                return True
        except (IndexError, StopIteration, WebDriverException):
            pass
        if time.time() > deadline:
            return False
        time.sleep(0.5)
        driver.refresh()


def text_of(driver, selector):
    return driver.find_element(By.CSS_SELECTOR, selector).text.strip()


def main():
    prepare()
    driver = browser()
    try:
        driver.get(BASE + "/partners")
        check(driver.current_url.endswith("/login"), "a page without a session opens the sign-in form")
        driver.find_element(By.ID, "token").send_keys(TOKEN)
        driver.find_element(By.CSS_SELECTOR, "form.login button").click()
        settle(driver, lambda url: url == BASE + "/")
        check(driver.current_url == BASE + "/", "signing in lands on the overview")

        open_page(driver, "/", "overview")
        _, partners = api("/api/reports/partners")
        caught_up(driver, lambda: text_of(driver, ".tiles .tile .value") == f"{partners['overall']['partners']:,}")
        tile = text_of(driver, ".tiles .tile .value")
        check(tile == f"{partners['overall']['partners']:,}", f"the overview's partner count matches the API ({tile})")

        driver.find_element(By.CSS_SELECTOR, "#h-messages ~ .scroll tbody a, section[aria-labelledby=h-messages] tbody a").click()
        check("/messages/" in driver.current_url, "a message link opens the message page")
        message_path = driver.current_url.removeprefix(BASE)
        open_page(driver, message_path, "message")
        _, report = api("/api/reports/message/" + message_path.split("/")[-1])
        correct_now = lambda: [row.find_elements(By.TAG_NAME, "td")[1].text for row in
                               driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-key-points] tbody tr")]
        # The API writes a withheld figure as "n<3"; the page spells it out.
        expected = [point["correct_now"]["text"].replace("n<3", "fewer than 3 people") for point in report["key_points"]]
        caught_up(driver, lambda: correct_now() == expected)
        shown = correct_now()
        check(shown == expected,
              "the message page's 'correct now' figures match the API")
        curves = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby^=h-curve-] figure.chart svg")
        check(len(curves) == len(report["key_points"]), f"a forgetting curve per key point ({len(curves)})")
        _, worst = api("/api/reports/message/" + message_path.split("/")[-1] + "?relays_limit=20")
        texts = [" ".join(cell.text.split()) for cell in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-relays] tbody td.text")]
        check(texts == [" ".join(relay["text"].split()) for relay in worst["relays"]], "the relays' texts match the API, worst first")
        marks = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-relays] mark.distorted")
        check(len(marks) == sum(len(relay["highlights"]) for relay in worst["relays"]), f"every distorting phrase is marked ({len(marks)})")
        versions = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-versions] tbody tr")
        check(len(versions) == len(report["versions"]), f"every version is listed ({len(versions)})")
        closed = "return document.querySelectorAll('details:not([open])').length"
        before_print = driver.execute_script(closed)
        driver.execute_script("window.dispatchEvent(new Event('beforeprint'))")
        check(before_print > 0 and driver.execute_script(closed) == 0,
              f"printing opens every 'as a table' section ({before_print} closed before)")
        driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
        check(driver.execute_script(closed) == before_print, "and closes them again after printing")

        open_page(driver, "/partners", "partners")
        first_ranked = lambda: driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-ranking] tbody tr")
        first_id = lambda: first_ranked().find_element(By.TAG_NAME, "a").get_attribute("href").split("/")[-1]
        caught_up(driver, lambda: [td.text for td in first_ranked().find_elements(By.TAG_NAME, "td")][6:8] == next(
            [p["response_rate"]["text"], p["ack_rate"]["text"]] for p in partners["partners"] if p["id"] == first_id()))
        first = first_ranked()
        partner_id = first_id()
        line = next((p for p in partners["partners"] if p["id"] == partner_id), None)
        check(line is not None, f"the first ranked partner '{partner_id}' is in the API's partners report")
        if line is None:
            return finish()
        cells = [td.text for td in first.find_elements(By.TAG_NAME, "td")]
        check(cells[6] == line["response_rate"]["text"], f"{partner_id}'s response rate matches the API ({cells[6]})")
        check(cells[7] == line["ack_rate"]["text"], f"{partner_id}'s ack rate matches the API ({cells[7]})")
        driver.get(BASE + "/partners?category=" + line["category"])
        rows = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-ranking] tbody tr")
        check(rows and all(r.find_elements(By.TAG_NAME, "td")[2].text == line["category"] for r in rows), "the category filter filters")

        driver.get(BASE + "/partners/" + partner_id)
        open_page(driver, "/partners/" + partner_id, "partner")
        rep = driver.find_element(By.CSS_SELECTOR, "section[aria-labelledby=h-reps] tbody a")
        rep_path = rep.get_attribute("href").removeprefix(BASE)
        rep.click()
        check(driver.current_url.endswith(rep_path), "a rep link opens the person page")
        open_page(driver, rep_path, "person")
        _, person = api("/api/reports/person/" + rep_path.split("/")[-1])
        check(text_of(driver, ".tiles .tile .value") == f"{person['engagement']['delivered']:,}", "the person's deliveries match the API")

        open_page(driver, "/pulse", "pulse")
        open_page(driver, "/operations", "operations")

        driver.set_window_size(1366, 900)
        driver.get(BASE + "/operations")
        retry = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-dead-posts] form.action button")
        check(bool(retry), "the dead post has a retry button")
        if retry:
            dead_id = retry[0].text.split("#")[-1]
            before = attempts()
            retry[0].click()
            settle(driver, lambda url: url == BASE + "/operations")
            check(driver.current_url == BASE + "/operations", "retry comes back to operations")
            for _ in range(50):
                if attempts() > before:
                    break
                time.sleep(0.2)
            check(attempts() > before, f"post {dead_id} went back to the queue and was tried again ({before} -> {attempts()} attempts)")
        people = "id,name,partner,role,timezone\nbrowser-late-rep,Lee Late,browser-dead,rep,UTC\n"
        api("/api/people", "PUT", people.encode(), "text/csv")
        replay = driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-rejected-events] form.action button")
        check(bool(replay), "the rejected event has a replay button")
        if replay:
            event_id = replay[0].text.split("#")[-1]
            replay[0].click()
            settle(driver, lambda url: url == BASE + "/operations")
            check(driver.current_url == BASE + "/operations", "replay comes back to operations")
            listed = [b.text for b in driver.find_elements(By.CSS_SELECTOR, "section[aria-labelledby=h-rejected-events] form.action button")]
            print(f"       event {event_id} after replay: {'still rejected' if f'Replay #{event_id}' in listed else 'accepted'}")

        driver.get(BASE + "/?format=csv&table=messages")
        driver.get(BASE + "/")
        driver.find_element(By.CSS_SELECTOR, "form.logout button").click()
        settle(driver, lambda url: url.endswith("/login"))
        check(driver.current_url.endswith("/login"), "signing out returns to the sign-in form")
        driver.get(BASE + "/operations")
        check(driver.current_url.endswith("/login"), "after signing out the pages need a sign-in again")

        # A channel manager opens the link from their digest: one button, then their own partners only.
        status, preview = api("/api/digests/preview?manager=cm-1&format=slack&resamples=0")
        links = re.findall(r'https?://[^"\s]*/login/link\?token=[A-Za-z0-9._~%-]+', json.dumps(preview))
        check(status == 200 and bool(links), "the digest preview carries the manager's dashboard link")
        if links:
            driver.get(BASE + "/login/link?" + links[0].split("?", 1)[1])
            check(not driver.find_elements(By.CSS_SELECTOR, "form.logout"), "opening the link alone signs nobody in")
            driver.find_element(By.CSS_SELECTOR, "form.login button").click()
            settle(driver, lambda url: url == BASE + "/")
            check(text_of(driver, ".who") == "Signed in as cm-1", f"the link's button signs cm-1 in ({text_of(driver, '.who')})")
            driver.get(BASE + "/operations")
            check("403" in driver.title or "Forbidden" in driver.page_source, "the manager cannot open operations")
    finally:
        driver.quit()
    finish()


def finish():
    print(f"{'FAILED' if failures else 'passed'}: {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
