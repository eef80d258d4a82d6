-- wrk script for `onething-bench server`: every request creates a restaurant case
-- (POST /v1/cases with the applicant's answers); the server answers 201 only once the
-- case's events are committed to the store. Statuses other than 201 are counted and
-- printed at the end, so a run that was refused cannot pass for a fast one.
wrk.method = "POST"
wrk.path = "/v1/cases"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"bundle": "open-restaurant", "answers": {"business.has_licence": false, '
  .. '"business.prepackaged_only": false, "fire.route": "commitment", "sign.outdoor": true, '
  .. '"tobacco.retail": false}}'

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  created = 0
  refused = 0
end

function response(status, headers, body)
  if status == 201 then
    created = created + 1
  else
    refused = refused + 1
  end
end

function done(summary, latency, requests)
  local total_created, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("created: %d\nrefused: %d\n", total_created, total_refused))
end
