import OneThingRuntime

/// The one script of the pages: live updates of the applicant's case page from the
/// case's event stream (Server-Sent Events: `id:` the event's sequence, `event:` the
/// kind's name, `data:` JSON). On an event newer than the page, it fetches the page
/// again and swaps in every section marked `data-live`; if that fails, it reloads the
/// page. It loads nothing else, and the page works without it (a `<noscript>` refresh
/// stands in). `EventSource` reconnects by itself and sends `Last-Event-ID`.
enum LiveUpdateScript {
    /// The script, for a page whose `<html>` element carries `data-events` (the stream's
    /// URL) and `data-sequence` (the newest event shown).
    static let source: String = {
        let kinds = CaseEvent.Kind.Name.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ",")
        return """
            (function () {
              "use strict";
              var root = document.documentElement;
              var url = root.getAttribute("data-events");
              var seen = Number(root.getAttribute("data-sequence")) || 0;
              var status = document.getElementById("live-status");
              if (!url || !window.EventSource || !window.fetch || !window.DOMParser) { return; }
              var pending = null;
              function say(text) { if (status) { status.hidden = false; status.textContent = text; } }
              function refresh() {
                pending = null;
                fetch(window.location.href, { credentials: "same-origin", headers: { "Accept": "text/html" } })
                  .then(function (response) {
                    if (!response.ok) { throw new Error(String(response.status)); }
                    return response.text();
                  })
                  .then(function (html) {
                    var next = new DOMParser().parseFromString(html, "text/html");
                    var newest = Number(next.documentElement.getAttribute("data-sequence")) || 0;
                    if (newest > seen) { seen = newest; }
                    var parts = document.querySelectorAll("[data-live]");
                    for (var i = 0; i < parts.length; i++) {
                      var fresh = next.getElementById(parts[i].id);
                      if (fresh) { parts[i].replaceWith(document.importNode(fresh, true)); }
                    }
                    var now = new Date().toLocaleTimeString("zh-CN", { hour12: false });
                    say("已更新 " + now + " Updated at " + now);
                  })
                  .catch(function () { window.location.reload(); });
              }
              function onEvent(event) {
                var number = Number(event.lastEventId);
                if (number && number <= seen) { return; }
                if (number) { seen = number; }
                if (!pending) { pending = window.setTimeout(refresh, 300); }
              }
              var source = new EventSource(url);
              [\(kinds)].forEach(function (kind) { source.addEventListener(kind, onEvent); });
              source.onmessage = onEvent;
              var opened = false;
              source.onopen = function () { opened = true; say("实时更新中 Live"); };
              source.onerror = function () { if (opened) { say("连接中断，正在重连 Reconnecting…"); } };
            })();

            """
    }()
}
