-- wrk script: a mix of public pages and API calls; counts responses by status class.
local paths = {
  "/", "/bulletins/", "/bulletins/?page=2", "/bulletins/drill-1/", "/bulletins/drill-17/",
  "/achievements/", "/achievements/drill-list-3/", "/indicators/", "/indicators/drill-good-days/",
  "/feeds/bulletins/", "/sitemap.xml",
  "/api/v1/bulletins/", "/api/v1/bulletins/drill-5/", "/api/v1/bulletins/?region=drill-city",
  "/api/v1/observations/?indicator=drill-good-days", "/api/v1/indicators/", "/api/v1/regions/",
  "/api/v1/achievement-lists/",
}
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  s2, s3, s4, s5, other = 0, 0, 0, 0, 0
  wrk.headers["X-Forwarded-Proto"] = "https"
  wrk.headers["Accept-Encoding"] = "gzip"
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then s5 = s5 + 1
  elseif status >= 400 then s4 = s4 + 1
  elseif status >= 300 then s3 = s3 + 1
  elseif status >= 200 then s2 = s2 + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {s2 = 0, s3 = 0, s4 = 0, s5 = 0, other = 0}
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + thread:get(k) end
  end
  local e = summary.errors
  io.write(string.format(
    "RESULT load requests=%d duration_s=%.1f rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f " ..
    "2xx=%d 3xx=%d 4xx=%d 5xx=%d socket_errors=%d timeouts=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, t.s2, t.s3, t.s4, t.s5,
    e.connect + e.read + e.write, e.timeout))
end
