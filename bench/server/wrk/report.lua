-- Shared by the wrk scripts: done() prints one machine-readable line
--   KLIV_WRK {"requests":..,"duration_us":..,"p50_us":..,"p99_us":..,...}
-- that kliv-bench-server parses. Scripts may count wrong answers per thread
-- in the global `bad` (collected here through setup()'s thread list).
local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("thread_id", next_id)
   table.insert(threads, thread)
end

function done(summary, latency, requests)
   local bad = 0
   for _, t in ipairs(threads) do
      bad = bad + (tonumber(t:get("bad")) or 0)
   end
   local e = summary.errors
   io.write(string.format(
      'KLIV_WRK {"requests":%d,"duration_us":%d,"bytes":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
      '"mean_us":%.1f,"connect_errors":%d,"read_errors":%d,"write_errors":%d,"status_errors":%d,' ..
      '"timeouts":%d,"bad_answers":%d}\n',
      summary.requests, summary.duration, summary.bytes, latency:percentile(50.0), latency:percentile(90.0),
      latency:percentile(99.0), latency.max, latency.mean, e.connect, e.read, e.write, e.status, e.timeout, bad))
end

-- A prefix no other wrk process or thread uses: run tag, thread id and randomness.
function unique_prefix(tag)
   math.randomseed(os.time() + (thread_id or 0) * 7919 + math.floor(os.clock() * 1e6))
   return string.format("%s-%d-%08x", tag, thread_id or 0, math.random(0, 0x7fffffff))
end

function read_lines(path)
   local out = {}
   for line in io.lines(path) do
      if line ~= "" then table.insert(out, line) end
   end
   return out
end
