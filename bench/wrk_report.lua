-- wrk script of bench/run.py: counts responses per status and prints one JSON line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local merged = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses")) do
      merged[code] = (merged[code] or 0) + count
    end
  end
  local codes = {}
  for code, count in pairs(merged) do
    table.insert(codes, string.format('"%d": %d', code, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "socket_errors": %d, "timeouts": %d, "statuses": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write, errors.timeout, table.concat(codes, ", ")))
end
