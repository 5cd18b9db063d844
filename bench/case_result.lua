-- wrk script: the case-status result page, as a migrant sees it after a successful lookup.
--
--   wrk ... -s bench/case_result.lua http://127.0.0.1:8765/pl/case-status/result/ -- SESSIONS_FILE
--
-- SESSIONS_FILE holds one Cookie header value per line (csrftoken and the signed case_lookup cookie of a browser that
-- has just looked up a bench case; no session: the lookup makes none); bench/run.py makes it with real lookups of
-- random cases right before the run. Every request GETs the result page with one of those browsers' cookies,
-- chosen at random. A 200 that shows the case number counts as expected; anything else (a redirect back to the
-- form when the lookup expired, an error) as unexpected. The first request for each case renders the page; the
-- others get it from the cache (cases/result_cache.py), as readers do.
-- done() prints one line that bench/run.py reads:
--   script: <expected> expected, <unexpected> unexpected (<sessions> sessions; statuses ...)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   sessions = {}
   local file = args[1] and io.open(args[1], "r")
   if not file then
      error("case_result.lua needs a readable SESSIONS_FILE")
   end
   for line in file:lines() do
      if line ~= "" then
         table.insert(sessions, line)
      end
   end
   file:close()
   if #sessions == 0 then
      error("case_result.lua: no sessions in " .. args[1])
   end
   session_count = #sessions
   math.randomseed(os.time() * 89 + thread_number)
   shown, unexpected = 0, 0
   statuses = {}
end

function request()
   return wrk.format("GET", wrk.path, {["Cookie"] = sessions[math.random(1, #sessions)]})
end

function response(status, headers, body)
   if status == 200 and body:find('class="case-number"', 1, true) then
      shown = shown + 1
      return
   end
   unexpected = unexpected + 1
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total_shown, total_unexpected, session_total = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_shown = total_shown + thread:get("shown")
      total_unexpected = total_unexpected + thread:get("unexpected")
      session_total = thread:get("session_count")
      for status, count in pairs(thread:get("statuses")) do
         by_status[status] = (by_status[status] or 0) + count
      end
   end
   local parts = {}
   for status, count in pairs(by_status) do
      table.insert(parts, status .. ": " .. count)
   end
   io.write(string.format(
      "script: %d expected, %d unexpected (%d sessions; unexpected statuses {%s})\n",
      total_shown, total_unexpected, session_total, table.concat(parts, ", ")
   ))
end
