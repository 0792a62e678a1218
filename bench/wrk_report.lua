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
  -- Every latency, in buckets 1% wide (bucket b holds 1.01^b to 1.01^(b+1) µs), so that the
  -- requests of several runs can be pooled into one distribution.
  local buckets = {}
  for i = 1, #latency do
    local value, count = latency(i)
    local bucket = math.floor(math.log(math.max(value, 1)) / math.log(1.01))
    buckets[bucket] = (buckets[bucket] or 0) + count
  end
  local histogram = {}
  for bucket, count in pairs(buckets) do
    table.insert(histogram, string.format('"%d": %d', bucket, count))
  end
  local errors = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "p50_us": %d, "p95_us": %d, ' ..
    '"p99_us": %d, "max_us": %d, "socket_errors": %d, "timeouts": %d, "statuses": {%s}, ' ..
    '"histogram": {%s}}\n',
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    errors.connect + errors.read + errors.write, errors.timeout, table.concat(codes, ", "),
    table.concat(histogram, ", ")))
end
