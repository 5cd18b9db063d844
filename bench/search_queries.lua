-- wrk script: the search with a query nobody asked before in this run, so its per-query cache never answers.
--
--   wrk ... -s bench/search_queries.lua http://127.0.0.1:8765/uk/search/ -- FILE OFFSET BUDGET THREADS
--
-- FILE holds one urlencoded query a line (pairs of adjacent words of the demo guides, shuffled; bench/run.py
-- writes it). This run asks the queries OFFSET to OFFSET + BUDGET - 1, each once: thread n takes every THREADS-th
-- from OFFSET + n - 1. bench/run.py gives every run (warm-up and measurement) a range of its own; a run that goes
-- past its range counts the queries it asks again as "beyond the range" (they may have been answered already).
-- A 200 counts as expected, anything else as unexpected. done() prints one line that bench/run.py reads:
--   script: <expected> expected, <unexpected> unexpected (<queries> queries in the file, <beyond> beyond the range; ...)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   queries = {}
   local file = args[1] and io.open(args[1], "r")
   if not file then
      error("search_queries.lua needs a readable FILE")
   end
   for line in file:lines() do
      if line ~= "" then
         table.insert(queries, line)
      end
   end
   file:close()
   offset, budget, stride = tonumber(args[2]), tonumber(args[3]), tonumber(args[4])
   if #queries == 0 or not (offset and budget and stride) then
      error("search_queries.lua needs: FILE (not empty) OFFSET BUDGET THREADS")
   end
   query_count = #queries
   next_index = thread_number - 1
   shown, unexpected, beyond = 0, 0, 0
   statuses = {}
end

function request()
   local index = next_index
   next_index = next_index + stride
   if index >= budget then
      beyond = beyond + 1
   end
   local query = queries[((offset + index) % #queries) + 1]
   return wrk.format("GET", wrk.path .. "?q=" .. query)
end

function response(status, headers, body)
   if status == 200 then
      shown = shown + 1
      return
   end
   unexpected = unexpected + 1
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total_shown, total_unexpected, total_beyond, count = 0, 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_shown = total_shown + thread:get("shown")
      total_unexpected = total_unexpected + thread:get("unexpected")
      total_beyond = total_beyond + thread:get("beyond")
      count = thread:get("query_count")
      for status, n in pairs(thread:get("statuses")) do
         by_status[status] = (by_status[status] or 0) + n
      end
   end
   local parts = {}
   for status, n in pairs(by_status) do
      table.insert(parts, status .. ": " .. n)
   end
   io.write(string.format(
      "script: %d expected, %d unexpected (%d queries in the file, %d beyond the range; unexpected statuses {%s})\n",
      total_shown, total_unexpected, count, total_beyond, table.concat(parts, ", ")
   ))
end
