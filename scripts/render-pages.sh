#!/usr/bin/env bash
# Renders the server's pages and checks them in headless Chromium, as a person's browser
# would get them, without the real server: the applicant's case page (open and
# delivered), a department's work queue and the supervisor's dashboard, written from
# the test fixtures of OneThingPages (real restaurant cases run through the runtime; a
# simulated month of three bundles).
#
# A small stand-in server on loopback serves the pages at the paths the server will use
# and answers the routes the pages call (PageRoutes): the case's event stream
# (/v1/cases/{id}/events, one event, then the stream ends) and the department's forms
# (POST …/claim and …/decision, answered 303 back to the queue). Chromium is driven
# through the DevTools protocol on a pipe (no Python package needed):
#
# - the applicant's page is served as it stood a day earlier; its inline script must
#   receive the event, fetch the page again and swap in the newer sections;
# - on the department's queue a task is claimed and a supplement asked for through the
#   forms; the stand-in must receive exactly those form fields;
# - every page: no request leaves the stand-in server (other hosts do not resolve), no
#   console error, no uncaught exception, no failed request; and in the HTML itself no
#   src, href or action and no url() that is not a path of the same origin.
#
# Each page is screenshot at 1280 pixels wide, the whole page (a viewport 1280×1600
# as `chromium --headless --screenshot --window-size=1280,1600` has, grown to the
# page's height): docs/page-applicant.png, docs/page-department.png,
# docs/page-supervisor.png; the delivered case's page stays in the output folder.
#
#   scripts/render-pages.sh              # writes into .build/render-pages/ and docs/
#   DOCS=0 scripts/render-pages.sh       # checks only: docs/ is left as it is (CI)
#   OUT=/tmp/render scripts/render-pages.sh
#   scripts/render-pages.sh --self-test  # plants an outside image, an outside script and a
#                                        # console error in the dashboard served, and
#                                        # passes only if the checks catch all three
#
# Exit status: 0 when every check passed, 1 when one failed (each failure printed).
# Installs chromium and fonts-noto-cjk with apt-get when they are missing (Debian;
# needs root). The test suite does not need them.
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-$root/.build/render-pages}
mkdir -p "$out"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[[ "$(fc-list : family 2>/dev/null)" == *"Noto Sans CJK"* ]] || missing+=(fonts-noto-cjk)
if ((${#missing[@]})); then
    echo "render-pages: installing ${missing[*]}" >&2
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
fi

# The snapshot test writes the pages when ONETHING_PAGES_OUT names a folder.
rm -f "$out"/*.html "$out"/*.png
ONETHING_PAGES_OUT="$out" swift test --filter 'OneThingPagesTests.PageSnapshotTests/pagesAreWrittenForTheScreenshotScript' \
    >"$out/test.log" 2>&1 || {
    tail -n 40 "$out/test.log" >&2
    exit 1
}

self_test=0
[[ "${1:-}" == "--self-test" ]] && self_test=1

python3 - "$out" "$self_test" <<'PY'
"""Serves the pages on loopback, drives them in headless Chromium, checks and shoots them."""
import base64, http.server, json, os, re, subprocess, sys, threading, time, urllib.parse

out = sys.argv[1]
self_test = sys.argv[2] == "1"
failures = []

# What --self-test plants in the supervisor's page as served: each must be caught.
PLANTED = ('<img src="https://cdn.example.org/logo.png" alt="">'
           '<script src="https://cdn.example.org/chart.js"></script>'
           '<script>console.error("planted console error")</script>')


def fail(page, message):
    failures.append(f"{page}: {message}")
    print(f"render-pages: FAIL {page}: {message}", file=sys.stderr)


def read(name):
    with open(os.path.join(out, name), encoding="utf-8") as f:
        html = f.read()
    if self_test and name == "supervisor.html":
        html = html.replace("</main>", PLANTED + "</main>")
    return html


# --- The static check: nothing in the HTML points at another site. ---------------------
LINK = re.compile(r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?([^"'\s>]*)""", re.I)
URL = re.compile(r"url\(\s*['\"]?([^'\")]*)", re.I)


def static_check(page, html):
    # Text the page shows is escaped: look only at markup, not at what is between tags.
    tags = "".join(re.findall(r"<[^>]*>", html))
    for value in LINK.findall(tags) + URL.findall(html):
        if not (value.startswith("/") and not value.startswith("//")) and not value.startswith("#"):
            fail(page, f"links outside the server: {value!r}")
    for tag in ("<link", "<img", "<iframe", "<object", "<embed", "@import", "@font-face"):
        if tag in html:
            fail(page, f"has {tag}")
    if re.search(r"<script[^>]*\bsrc", html, re.I):
        fail(page, "loads a script")


# --- The stand-in server. ---------------------------------------------------------------
PAGES = {
    "/cases/C20260302-0001": ["applicant-earlier.html", "applicant.html"],  # first, then after the event
    "/cases/C20260302-0004": ["applicant-delivered.html"],
    "/departments/market-regulation/queue": ["department.html"],
    "/supervision": ["supervisor.html"],
}
served = {path: 0 for path in PAGES}
requests, posts = [], []
newest = re.search(r'data-sequence="(\d+)"', read("applicant.html"))
later_sequence = int(newest.group(1)) if newest else 1


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body=b"", kind="text/html; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        path = urllib.parse.urlsplit(self.path).path
        requests.append(("GET", self.path))
        if path in PAGES:
            versions = PAGES[path]
            name = versions[min(served[path], len(versions) - 1)]
            served[path] += 1
            self.send(200, read(name).encode())
        elif re.fullmatch(r"/v1/cases/[^/]+/events", path):
            # One event newer than the page, then the stream ends; the client would
            # reconnect (with Last-Event-ID) after the retry time, long after the check.
            event = f"retry: 600000\nid: {later_sequence}\nevent: inReview\ndata: {{\"sequence\": {later_sequence}}}\n\n"
            self.send(200, event.encode(), kind="text/event-stream")
        elif path == "/favicon.ico":
            self.send(204)
        else:
            self.send(404, b"not found")

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode()
        requests.append(("POST", self.path))
        posts.append((urllib.parse.unquote(self.path), urllib.parse.parse_qsl(body, keep_blank_values=True),
                      self.headers.get("Content-Type", "")))
        self.send(303, headers=[("Location", "/departments/market-regulation/queue")])


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
threading.Thread(target=server.serve_forever, daemon=True).start()
origin = f"http://127.0.0.1:{server.server_address[1]}"


# --- Chromium through the DevTools protocol on a pipe (fd 3 to it, fd 4 from it). ------
to_chrome_r, to_chrome_w = os.pipe()
from_chrome_r, from_chrome_w = os.pipe()


def child_fds():
    # Through fresh numbers first, so that neither end lands on the other's place.
    reading, writing = os.dup(to_chrome_r), os.dup(from_chrome_w)
    os.dup2(reading, 3)  # inheritable, unlike every other descriptor of this process
    os.dup2(writing, 4)


chrome = subprocess.Popen(
    ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--remote-debugging-pipe",
     "--no-first-run", "--disable-extensions", "--disable-background-networking", "--window-size=1280,1600",
     # Any host but the stand-in fails to resolve, so a stray request shows as an error too.
     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"],
    close_fds=False, preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
events = []
next_id = 0


def receive(timeout):
    """One message from Chromium, or None after `timeout` seconds."""
    global buffer
    import select
    deadline = time.time() + timeout
    while b"\0" not in buffer:
        left = deadline - time.time()
        if left <= 0 or not select.select([from_chrome_r], [], [], left)[0]:
            return None
        chunk = os.read(from_chrome_r, 1 << 20)
        if not chunk:
            raise SystemExit("render-pages: chromium closed the pipe")
        buffer += chunk
    message, buffer = buffer.split(b"\0", 1)
    return json.loads(message)


def call(method, session=None, timeout=30, **params):
    global next_id
    next_id += 1
    message = {"id": next_id, "method": method, "params": params}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    deadline = time.time() + timeout
    while time.time() < deadline:
        reply = receive(deadline - time.time())
        if reply is None:
            break
        if reply.get("id") == next_id:
            if "error" in reply:
                raise SystemExit(f"render-pages: {method}: {reply['error']}")
            return reply.get("result", {})
        events.append(reply)
    raise SystemExit(f"render-pages: {method} got no answer")


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        message = receive(end - time.time())
        if message:
            events.append(message)


def evaluate(session, expression):
    result = call("Runtime.evaluate", session, expression=expression, returnByValue=True, awaitPromise=True)
    return result.get("result", {}).get("value")


def wait_for(session, expression, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if evaluate(session, expression):
            return True
        pump(0.2)
    return False


def open_page(path):
    target = call("Target.createTarget", url="about:blank")["targetId"]
    session = call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    for domain in ("Page", "Runtime", "Log", "Network"):
        call(f"{domain}.enable", session)
    call("Emulation.setDeviceMetricsOverride", session, width=1280, height=1600, deviceScaleFactor=1, mobile=False)
    events.clear()
    call("Page.navigate", session, url=origin + path)
    if not wait_for(session, "document.readyState === 'complete'", 20):
        raise SystemExit(f"render-pages: {path} did not load")
    return target, session


def problems(page, session):
    """The console errors, exceptions, failed and outside requests seen on `session`."""
    pump(0.5)
    for message in events:
        if message.get("sessionId") != session:
            continue
        method, params = message.get("method"), message.get("params", {})
        if method == "Runtime.exceptionThrown":
            fail(page, "exception: " + params["exceptionDetails"].get("text", "")
                 + " " + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            fail(page, "console error: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            fail(page, "console error: " + params["entry"].get("text", "") + " " + params["entry"].get("url", ""))
        elif method == "Network.requestWillBeSent":
            url = params["request"]["url"]
            if not url.startswith(origin + "/") and not url.startswith("data:"):
                fail(page, f"request outside the server: {url}")
        elif method == "Network.loadingFailed" and not params.get("canceled"):
            fail(page, "request failed: " + params.get("errorText", ""))
        elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
            fail(page, f"{params['response']['status']} for {params['response']['url']}")


def shoot(session, png):
    height = evaluate(session, "Math.ceil(document.documentElement.scrollHeight)") or 1600
    shot = call("Page.captureScreenshot", session, format="png", captureBeyondViewport=True,
                clip={"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1})
    with open(os.path.join(out, png), "wb") as f:
        f.write(base64.b64decode(shot["data"]))
    print(f"render-pages: {os.path.join(out, png)} (1280x{height})")


def check(page, path, png, drive=None):
    static_check(page, read(PAGES[path][-1]))
    target, session = open_page(path)
    if drive:
        drive(page, session)
    shoot(session, png)
    problems(page, session)
    call("Target.closeTarget", targetId=target)


def live_update(page, session):
    """The page served is a day old; the stream's one event must bring in the newer sections."""
    if not wait_for(session, "(document.getElementById('live-status') || {}).textContent.indexOf('已更新') >= 0", 15):
        fail(page, "the live update did not happen (status: %r)"
             % evaluate(session, "(document.getElementById('live-status') || {}).textContent"))
        return
    steps = evaluate(session, "document.getElementById('steps').textContent")
    if "勘验中" not in (steps or ""):
        fail(page, "the steps were not replaced by the newer ones")
    if served["/cases/C20260302-0001"] < 2:
        fail(page, "the page was not fetched again")
    sequence = evaluate(session, "document.documentElement.getAttribute('data-sequence')")
    print(f"render-pages: {page}: the page served at event {sequence} received event {later_sequence} and replaced its sections")
    # The screenshot shows the page as the applicant now sees it, open at the top.
    evaluate(session, "window.scrollTo(0, 0)")


def department_forms(page, session):
    """Claim the waiting task, then ask for a supplement on the claimed one, through the forms."""
    before = len(posts)
    evaluate(session, "document.querySelector('form.claim').requestSubmit()")
    wait_for(session, "document.readyState === 'complete' && !!document.querySelector('form.claim')", 10)
    pump(0.5)
    evaluate(session, """(function () {
        var form = document.querySelector('textarea[name=missing]').form;
        form.querySelector('textarea').value = '请补充现场照片';
        form.requestSubmit();
    })()""")
    pump(1.0)
    wait_for(session, "document.readyState === 'complete' && !!document.querySelector('form.claim')", 10)
    sent = posts[before:]
    want = [
        ("/v1/departments/market-regulation/tasks/C20260302-0002/business-registration/1/claim", []),
        ("/v1/departments/market-regulation/tasks/C20260302-0001/food-fire-joint-inspection/1/decision",
         [("outcome", "supplement"), ("missing", "请补充现场照片")]),
    ]
    if [(path, fields) for path, fields, _ in sent] != want:
        fail(page, f"the forms posted {sent!r}, expected {want!r}")
    else:
        for path, fields, kind in sent:
            print(f"render-pages: {page}: POST {path} {dict(fields)} ({kind})")


try:
    call("Target.setDiscoverTargets", discover=False)
    check("applicant", "/cases/C20260302-0001", "applicant.png", live_update)
    check("applicant-delivered", "/cases/C20260302-0004", "applicant-delivered.png")
    check("department", "/departments/market-regulation/queue", "department.png", department_forms)
    check("supervisor", "/supervision", "supervisor.png")
finally:
    try:
        call("Browser.close", timeout=5)
    except SystemExit:
        pass
    chrome.wait(timeout=10)
    server.shutdown()

unexpected = [r for r in requests if not (
    urllib.parse.urlsplit(r[1]).path in PAGES or "/events" in r[1] or r[0] == "POST" or r[1] == "/favicon.ico")]
for method, path in unexpected:
    fail("server", f"unexpected request {method} {path}")
if self_test:
    caught = {
        "the outside image in the HTML": any("cdn.example.org/logo.png" in f and "links outside" in f for f in failures),
        "the outside script in the HTML": any("loads a script" in f for f in failures),
        "the request to the outside": any("request outside the server" in f for f in failures),
        "the console error": any("planted console error" in f for f in failures),
    }
    for what, found in caught.items():
        print(f"render-pages: self-test: {what}: {'caught' if found else 'NOT CAUGHT'}")
    others = [f for f in failures if not f.startswith("supervisor:")]
    for f in others:
        print(f"render-pages: self-test: unexpected failure: {f}", file=sys.stderr)
    sys.exit(0 if all(caught.values()) and not others else 1)
if failures:
    print(f"render-pages: {len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
print("render-pages: every page loads nothing from elsewhere, logs no error, and did what it was driven to do")
PY

((self_test)) && exit 0
[ "${DOCS:-1}" = 0 ] && exit 0
mkdir -p docs
cp "$out/applicant.png" docs/page-applicant.png
cp "$out/department.png" docs/page-department.png
cp "$out/supervisor.png" docs/page-supervisor.png
echo "render-pages: docs/page-applicant.png docs/page-department.png docs/page-supervisor.png"
