-- wrk script for bench/api_load.py: replays pre-built requests from a data file.
--
--   wrk -t2 -c16 -d20s --latency -s bench/wrk/replay.lua http://127.0.0.1:PORT -- requests.tsv
--
-- Each line of the data file is   METHOD <TAB> PATH <TAB> BEARER-TOKEN <TAB> JSON-BODY-OR-EMPTY
-- All requests are formatted once in init() (wrk's advice: request() must be cheap, the load
-- generator shares the two cores with the server). Every thread starts at a different offset and
-- walks the list round-robin, so consecutive requests rotate through tokens (different sellers /
-- agents) and case ids. response() counts status codes per thread; done() prints one JSON line
-- ("WRKJSON {...}") with the totals and latency percentiles in microseconds.

local threads = {}
local counter = 1

function setup(thread)
   thread:set("tid", counter)
   table.insert(threads, thread)
   counter = counter + 1
end

local reqs = {}
local n = 0
local i = 0

function init(args)
   local path = args[1]
   local nthreads = tonumber(args[2] or "1")
   local f = assert(io.open(path, "r"))
   for line in f:lines() do
      local method, p, token, body = line:match("^([^\t]*)\t([^\t]*)\t([^\t]*)\t?(.*)$")
      if method then
         local headers = { ["Authorization"] = "Bearer " .. token, ["Accept"] = "application/json" }
         if body ~= nil and body ~= "" then
            headers["Content-Type"] = "application/json"
         else
            body = nil
         end
         n = n + 1
         reqs[n] = wrk.format(method, p, headers, body)
      end
   end
   f:close()
   assert(n > 0, "no requests in " .. path)
   -- threads start spread over the list
   i = math.floor(((tid or 1) - 1) * n / nthreads)
   counts = {}
end

function request()
   i = i + 1
   if i > n then i = 1 end
   return reqs[i]
end

function response(status, headers, body)
   counts[status] = (counts[status] or 0) + 1
end

function done(summary, latency, requests)
   local status = {}
   for _, thread in ipairs(threads) do
      local c = thread:get("counts") or {}
      for code, k in pairs(c) do
         status[code] = (status[code] or 0) + k
      end
   end
   local parts = {}
   for code, k in pairs(status) do
      table.insert(parts, string.format('"%d": %d', code, k))
   end
   local e = summary.errors
   local out = string.format(
      '{"duration_us": %d, "requests": %d, "bytes": %d, ' ..
      '"errors": {"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}, ' ..
      '"status_counts": {%s}, ' ..
      '"latency_us": {"min": %d, "mean": %.1f, "stdev": %.1f, "max": %d, ' ..
      '"p50": %d, "p75": %d, "p90": %d, "p95": %d, "p99": %d, "p99_9": %d}}',
      summary.duration, summary.requests, summary.bytes,
      e.connect, e.read, e.write, e.status, e.timeout,
      table.concat(parts, ", "),
      latency.min, latency.mean, latency.stdev, latency.max,
      latency:percentile(50), latency:percentile(75), latency:percentile(90),
      latency:percentile(95), latency:percentile(99), latency:percentile(99.9))
   io.write("WRKJSON " .. out .. "\n")
end
