#!/usr/bin/env bash
# Drives the pages of a real `onething serve` in headless Chromium, as people's
# browsers get them, and shoots them.
#
# The server runs on a free loopback port over a temporary SQLite file with the real
# bundles, a principals file made for the run (a window clerk, a market-regulation
# officer, a fire-rescue officer, a supervisor), market regulation deciding by hand (its
# tasks wait in a work queue) and every other department simulated, its clock 5000
# times the wall clock. The window creates one case of each bundle (the first test
# case's answers of each) through the API. Chromium is driven through the DevTools
# protocol on a pipe (no Python package needed), each person in a browser context of
# their own (their own cookies):
#
# - the officer signs in through the sign-in form (the token typed, a session cookie
#   back), lands on the market-regulation queue, claims the next task and approves it
#   (with the licence's number) through the queue's forms: each answers 303 back to the
#   queue with its message; another department's queue is a 403 page with the reason;
# - the applicant opens their restaurant case with its number and access code (the
#   look-up form of the sign-in page); the page follows the case's event stream, and
#   the officer's approval must arrive there by itself (the step shows 已办结, the
#   status line 已更新) without a reload;
# - the supervisor signs in and lands on the dashboard;
# - every page: no request leaves the server (other hosts do not resolve), no console
#   error (a violation of the pages' Content-Security-Policy is one), no uncaught
#   exception, no failed request; and in the HTML no src, href or action and no url()
#   that is not a path of the same origin.
#
# Each page is shot at 1280 pixels wide and at 390 (a phone), the whole page:
# docs/page-sign-in.png, docs/page-applicant.png, docs/page-department.png,
# docs/page-supervisor.png and the same with -phone. Look at them.
#
#   scripts/render-pages.sh              # writes into .build/render-pages/ and docs/
#   DOCS=0 scripts/render-pages.sh       # checks only: docs/ is left as it is (CI)
#   OUT=/tmp/render scripts/render-pages.sh
#   scripts/render-pages.sh --self-test  # plants an outside image, an outside script and a
#                                        # console error in the dashboard as served (the
#                                        # response rewritten in the browser), and passes
#                                        # only if the checks catch all three
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

self_test=0
[[ "${1:-}" == "--self-test" ]] && self_test=1

swift build --product onething >"$out/build.log" 2>&1 || {
    tail -n 40 "$out/build.log" >&2
    exit 1
}
onething="$(swift build --show-bin-path)/onething"

work=$(mktemp -d)
server=""
cleanup() {
    if [ -n "$server" ] && kill -0 "$server" 2>/dev/null; then
        kill -TERM "$server"
        wait "$server" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

rm -f "$out"/*.png "$out"/*.html
"$onething" principals add --file "$work/principals.yaml" --id window-1 --name '综合窗口 张敏' --role window \
    >"$work/window.token" 2>/dev/null
"$onething" principals add --file "$work/principals.yaml" --id amr-wang --name '市场监管 王科员' --role officer \
    --department market-regulation >"$work/officer.token" 2>/dev/null
"$onething" principals add --file "$work/principals.yaml" --id fire-zhao --name '消防 赵科员' --role officer \
    --department fire-rescue >"$work/fire.token" 2>/dev/null
"$onething" principals add --file "$work/principals.yaml" --id sup-li --name '督办 李处长' --role supervisor \
    >"$work/supervisor.token" 2>/dev/null
printf 'departments:\n  market-regulation: {adapter: manual}\n' >"$work/adapters.yaml"

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
LOG_LEVEL=warning "$onething" serve --host 127.0.0.1 --port "$port" --db "$work/cases.sqlite" --bundles bundles \
    --principals "$work/principals.yaml" --adapters "$work/adapters.yaml" --speed 5000 \
    >"$work/serve.out" 2>"$work/serve.err" &
server=$!
ready=""
for _ in $(seq 1 100); do
    if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
        ready=yes
        break
    fi
    kill -0 "$server" 2>/dev/null || break
    sleep 0.2
done
if [ -z "$ready" ]; then
    echo "render-pages: onething serve did not become ready:" >&2
    cat "$work/serve.out" "$work/serve.err" >&2
    exit 1
fi
grep -E "Pages|Applicant|Department|Supervisor" "$work/serve.out" | sed 's/^/render-pages: serve: /'

status=0
python3 - "$out" "$self_test" "http://127.0.0.1:$port" "$work" <<'PY' || status=$?
"""Drives the served pages in headless Chromium, checks and shoots them."""
import base64, json, os, re, select, subprocess, sys, time, urllib.parse, urllib.request

import yaml

out, self_test, origin, work = sys.argv[1], sys.argv[2] == "1", sys.argv[3], sys.argv[4]
failures = []
token = {name: open(os.path.join(work, f"{name}.token")).read().strip()
         for name in ("window", "officer", "fire", "supervisor")}

# What --self-test plants in the supervisor's page as served: each must be caught.
PLANTED = ('<img src="https://cdn.example.org/logo.png" alt="">'
           '<script src="https://cdn.example.org/chart.js"></script>'
           '<script>console.error("planted console error")</script>')


def fail(page, message):
    failures.append(f"{page}: {message}")
    print(f"render-pages: FAIL {page}: {message}", file=sys.stderr)


# --- The cases: one of each bundle, through the API as the window creates them. --------
def api(method, path, body=None, headers=None):
    data = json.dumps(body, default=str).encode() if body else None  # YAML's dates as text
    request = urllib.request.Request(origin + path, method=method, data=data,
                                     headers={"Content-Type": "application/json", **(headers or {})})
    with urllib.request.urlopen(request) as response:
        return json.load(response)


restaurant = None
for name in sorted(os.listdir("bundles")):
    if not name.endswith(".yaml"):
        continue
    with open(os.path.join("bundles", name), encoding="utf-8") as f:
        bundle = yaml.safe_load(f)
    tests = bundle.get("tests") or []
    if not tests:
        continue
    # The restaurant's with materials to follow (容缺), as the pages' tests have it.
    chosen = [t for t in tests if "容缺" in t.get("name", "")] if name == "open-restaurant.yaml" else []
    answers = (chosen or tests)[0]["answers"]
    created = api("POST", "/v1/cases", {"bundle": bundle["id"], "answers": answers},
                  {"Authorization": f"Bearer {token['window']}"})
    if name == "open-restaurant.yaml":
        restaurant = created
print(f"render-pages: the window created one case of each bundle; the restaurant's is {restaurant['id']}")


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
     # Any host but the server fails to resolve, so a stray request shows as an error too.
     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1", "about:blank"],
    close_fds=False, preexec_fn=child_fds, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
os.close(to_chrome_r)
os.close(from_chrome_w)
buffer = b""
events = []
next_id = 0
planting = set()  # sessions whose /supervision responses get PLANTED


def receive(timeout):
    """One message from Chromium, or None after `timeout` seconds."""
    global buffer
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


def dispatch(message):
    """An event from Chromium: a paused response to plant into, or one to look at later."""
    if message.get("method") == "Fetch.requestPaused":
        params, session = message["params"], message.get("sessionId")
        body = call("Fetch.getResponseBody", session, requestId=params["requestId"])
        html = base64.b64decode(body["body"]).decode() if body.get("base64Encoded") else body["body"]
        html = html.replace("</main>", PLANTED + "</main>")
        call("Fetch.fulfillRequest", session, requestId=params["requestId"],
             responseCode=params.get("responseStatusCode", 200), responseHeaders=params.get("responseHeaders", []),
             body=base64.b64encode(html.encode()).decode())
    else:
        events.append(message)


def call(method, session=None, timeout=30, **params):
    global next_id
    next_id += 1
    mine = next_id
    message = {"id": mine, "method": method, "params": params}
    if session:
        message["sessionId"] = session
    os.write(to_chrome_w, json.dumps(message).encode() + b"\0")
    deadline = time.time() + timeout
    while time.time() < deadline:
        reply = receive(deadline - time.time())
        if reply is None:
            break
        if reply.get("id") == mine:
            if "error" in reply:
                raise SystemExit(f"render-pages: {method}: {reply['error']}")
            return reply.get("result", {})
        dispatch(reply)
    raise SystemExit(f"render-pages: {method} got no answer")


def pump(seconds):
    end = time.time() + seconds
    while time.time() < end:
        message = receive(end - time.time())
        if message:
            dispatch(message)


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


class Browser:
    """One person's browser: a context of its own (its own cookies) and one tab."""

    def __init__(self, who, plant=False):
        self.who = who
        context = call("Target.createBrowserContext")["browserContextId"]
        self.target = call("Target.createTarget", url="about:blank", browserContextId=context)["targetId"]
        self.session = call("Target.attachToTarget", targetId=self.target, flatten=True)["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            call(f"{domain}.enable", self.session)
        if plant:
            call("Fetch.enable", self.session, patterns=[{"urlPattern": "*/supervision", "requestStage": "Response"}])
        self.width(1280)
        self.expected = set()  # statuses this person is meant to meet (a 403 page)

    def width(self, pixels):
        call("Emulation.setDeviceMetricsOverride", self.session, width=pixels, height=1600 if pixels > 600 else 844,
             deviceScaleFactor=1, mobile=pixels <= 600)

    def open(self, path):
        self.run("window.renderPagesOld = true")
        call("Page.navigate", self.session, url=origin + path)
        if not wait_for(self.session, "!window.renderPagesOld && document.readyState === 'complete'", 20):
            raise SystemExit(f"render-pages: {self.who}: {path} did not load")

    def run(self, expression):
        return evaluate(self.session, expression)

    def submit(self, expression, then):
        """Submits the form `expression` finds and waits for the page it leads to."""
        self.run(f"window.renderPagesOld = true; ({expression}).requestSubmit()")
        if not wait_for(self.session, f"!window.renderPagesOld && document.readyState === 'complete' && ({then})", 15):
            fail(self.who, f"after submitting {expression}: {self.run('location.pathname')} "
                           f"{(self.run('document.body.innerText') or '')[:300]!r}")

    def text(self, selector="body"):
        return self.run(f"(document.querySelector({selector!r}) || {{}}).innerText || ''")

    def shoot(self, png, page):
        """The page, static-checked, shot at the desktop's and a phone's width."""
        static_check(page, self.run("document.documentElement.outerHTML") or "")
        for pixels, name in ((1280, png), (390, png.replace(".png", "-phone.png"))):
            self.width(pixels)
            pump(0.3)
            wide = self.run("document.documentElement.scrollWidth")
            if wide and wide > pixels + 1:
                fail(page, f"wider than the screen at {pixels} pixels: {wide}")
            height = self.run("Math.ceil(document.documentElement.scrollHeight)") or 1600
            shot = call("Page.captureScreenshot", self.session, format="png", captureBeyondViewport=True,
                        clip={"x": 0, "y": 0, "width": pixels, "height": height, "scale": 1})
            with open(os.path.join(out, name), "wb") as f:
                f.write(base64.b64decode(shot["data"]))
            print(f"render-pages: {os.path.join(out, name)} ({pixels}x{height})")
        self.width(1280)

    def problems(self):
        """The console errors, exceptions, failed and outside requests seen so far."""
        pump(0.5)
        for message in events:
            if message.get("sessionId") != self.session:
                continue
            method, params = message.get("method"), message.get("params", {})
            if method == "Runtime.exceptionThrown":
                fail(self.who, "exception: " + params["exceptionDetails"].get("text", "")
                     + " " + str(params["exceptionDetails"].get("exception", {}).get("description", "")))
            elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
                fail(self.who, "console error: "
                     + " ".join(str(a.get("value", a.get("description"))) for a in params["args"]))
            elif method == "Log.entryAdded" and params["entry"].get("level") == "error" \
                    and params["entry"].get("source") != "network":
                fail(self.who, "console error: " + params["entry"].get("text", "") + " "
                     + params["entry"].get("url", ""))
            elif method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if not url.startswith(origin + "/") and not url.startswith("data:"):
                    fail(self.who, f"request outside the server: {url}")
            elif method == "Network.loadingFailed" and not params.get("canceled"):
                fail(self.who, "request failed: " + params.get("errorText", ""))
            elif method == "Network.responseReceived" and params["response"]["status"] >= 400:
                if params["response"]["status"] not in self.expected:
                    fail(self.who, f"{params['response']['status']} for {params['response']['url']}")


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


def sign_in(browser, secret, lands):
    browser.open("/sign-in")
    browser.run(f"document.getElementById('token').value = {json.dumps(secret)}")
    browser.submit("document.querySelector('form.sign-in')", f"location.pathname === {json.dumps(lands)}")
    print(f"render-pages: {browser.who}: signed in through the form, at {browser.run('location.pathname')}")


def self_test_run():
    supervisor = Browser("supervisor", plant=True)
    sign_in(supervisor, token["supervisor"], "/supervision")
    static_check("supervisor", supervisor.run("document.documentElement.outerHTML") or "")
    supervisor.problems()
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
    return all(caught.values()) and not others


def drive():
    sign_in_page = Browser("sign-in")
    sign_in_page.open("/sign-in")
    sign_in_page.shoot("sign-in.png", "sign-in")
    sign_in_page.problems()

    # The applicant looks their case up by number and access code, and watches it.
    applicant = Browser("applicant")
    applicant.open("/sign-in")
    applicant.run(f"document.getElementById('case-id').value = {json.dumps(restaurant['id'])};"
                  f"document.getElementById('code').value = {json.dumps(restaurant['accessCode'])}")
    applicant.submit("document.querySelector('form.look-up')", "!!document.getElementById('steps')")
    if not wait_for(applicant.session, "(document.getElementById('live-status') || {}).textContent.indexOf('实时更新中') >= 0", 15):
        fail("applicant", "the page did not connect to the case's event stream")
    row = ("Array.from(document.querySelectorAll('#steps tbody tr'))"
           ".filter(function (r) { return r.textContent.indexOf('business-registration') >= 0; })[0]")
    if "已办结" in (applicant.run(f"({row} || {{}}).textContent") or ""):
        fail("applicant", "business-registration is approved before the officer decided")

    # The officer signs in, claims the restaurant's first task and approves it.
    officer = Browser("officer")
    queue = "/departments/market-regulation/queue"
    sign_in(officer, token["officer"], queue)
    waiting = officer.run("document.querySelectorAll('#waiting article.task').length")
    officer.submit("document.querySelector('form.claim')", "!!document.querySelector('p.flash')")
    print(f"render-pages: officer: {waiting} task(s) waiting; claimed: {officer.text('p.flash')!r}")
    key = f"{restaurant['id']}/business-registration/1"
    # The queue gives out the oldest first: claim on until the restaurant's task is ours.
    for _ in range(int(waiting or 0)):
        if officer.run(f"!!document.querySelector('#claimed form input[name^=output]') && "
                       f"document.getElementById('claimed').textContent.indexOf({json.dumps(key)}) >= 0"):
            break
        officer.submit("document.querySelector('form.claim')", "!!document.querySelector('p.flash')")
    form = (f"Array.from(document.querySelectorAll('#claimed article.task')).filter(function (a) "
            f"{{ return a.textContent.indexOf({json.dumps(key)}) >= 0; }})[0]"
            ".querySelector('input[name=outcome][value=approved]').form")
    if not officer.run(f"!!({form})"):
        fail("officer", f"no approval form for {key} on the queue")
        return
    officer.run(f"({form}).querySelector('input[name=\"output.business-licence\"]').value = '91110105MA01ABCD2X'")
    officer.submit(form, "!!document.querySelector('p.flash')")
    said = officer.text("p.flash")
    print(f"render-pages: officer: approved through the form: {said!r}")
    if "已准予" not in said or "approved" not in said:
        fail("officer", f"the queue's message after approving: {said!r}")

    # The approval reaches the applicant's page by itself.
    if not wait_for(applicant.session, f"({row} || {{}}).textContent.indexOf('已办结') >= 0", 20):
        fail("applicant", "the officer's approval did not reach the page through the event stream")
    elif "已更新" not in applicant.text("#live-status"):
        fail("applicant", "the page was reloaded instead of updated in place")
    else:
        print(f"render-pages: applicant: the approval arrived by itself ({applicant.text('#live-status')!r})")
    applicant.run("window.scrollTo(0, 0)")
    applicant.shoot("applicant.png", "applicant")
    applicant.problems()

    officer.run("window.scrollTo(0, 0)")
    officer.shoot("department.png", "department")
    # Another department's queue: a 403 page that says why.
    officer.expected.add(403)
    officer.open("/departments/fire-rescue/queue")
    refused = officer.text("p.flash")
    if "无权" not in refused or "may not" not in refused:
        fail("officer", f"another department's queue: {refused!r}")
    else:
        print(f"render-pages: officer: another department's queue is refused: {refused!r}")
    officer.problems()

    supervisor = Browser("supervisor")
    sign_in(supervisor, token["supervisor"], "/supervision")
    supervisor.shoot("supervisor.png", "supervisor")
    supervisor.problems()


try:
    call("Target.setDiscoverTargets", discover=False)
    if self_test:
        passed = self_test_run()
    else:
        drive()
        passed = not failures
finally:
    try:
        call("Browser.close", timeout=5)
    except SystemExit:
        pass
    chrome.wait(timeout=10)

if not passed:
    print(f"render-pages: {len(failures)} check(s) failed", file=sys.stderr)
    sys.exit(1)
if not self_test:
    print("render-pages: every page loads nothing from elsewhere, logs no error, and did what it was driven to do")
PY

kill -TERM "$server"
if ! wait "$server"; then
    echo "render-pages: onething serve did not shut down cleanly:" >&2
    tail -n 20 "$work/serve.err" >&2
    status=1
fi
server=""
[ "$status" -eq 0 ] || exit "$status"
((self_test)) && exit 0
[ "${DOCS:-1}" = 0 ] && exit 0
mkdir -p docs
for page in sign-in applicant department supervisor; do
    cp "$out/$page.png" "docs/page-$page.png"
    cp "$out/$page-phone.png" "docs/page-$page-phone.png"
done
echo "render-pages: docs/page-{sign-in,applicant,department,supervisor}{,-phone}.png"
