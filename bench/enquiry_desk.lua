-- wrk script for bench/enquiry_bench.py: a staff desk page, counting every answer and the 95th percentile.
--
--   wrk ... -H "Cookie: sessionid=..." -s bench/enquiry_desk.lua http://127.0.0.1:PORT/PATH
--   wrk ... -H "Cookie: sessionid=..." -s bench/enquiry_desk.lua http://127.0.0.1:PORT/ -- FIRST_ID LAST_ID
--
--   wrk ... -H "Cookie: sessionid=..." -s bench/enquiry_desk.lua http://127.0.0.1:PORT/PATH -- fresh
--
-- Without arguments every request GETs the URL's path. With FIRST_ID LAST_ID every request GETs one enquiry's
-- page, /pl/staff/enquiries/<id>/, for a random id in that range (the generated enquiries, all visible to the
-- coordinator whose session the Cookie header carries). With "fresh" every request adds a parameter of its own
-- (&fresh=<random>), which the page ignores but which makes a new cache key: the list is drawn every time, as a
-- new search or a list nobody opened this minute is. A 200 counts as expected; anything else (a 302 to the
-- login: the session is wrong; a 404: not an enquiry) as unexpected: wrk alone would count a redirect as success.
-- done() prints: script: <expected> expected, <unexpected> unexpected (p95_ms <x>; statuses {...})

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   fresh = args[1] == "fresh"
   first_id = tonumber(args[1])
   last_id = tonumber(args[2])
   if first_id and (not last_id or last_id < first_id) then
      error("enquiry_desk.lua: FIRST_ID LAST_ID, or no arguments")
   end
   math.randomseed(os.time() * 89 + thread_number)
   expected, unexpected = 0, 0
   statuses = {}
end

function request()
   if first_id then
      return wrk.format("GET", "/pl/staff/enquiries/" .. math.random(first_id, last_id) .. "/")
   end
   if fresh then
      local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
      return wrk.format("GET", wrk.path .. separator .. "fresh=" .. math.random(1, 1000000000))
   end
   return wrk.format("GET", wrk.path)
end

function response(status, headers, body)
   if status == 200 then
      expected = expected + 1
   else
      unexpected = unexpected + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local total_expected, total_unexpected = 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_expected = total_expected + thread:get("expected")
      total_unexpected = total_unexpected + thread:get("unexpected")
      for status, count in pairs(thread:get("statuses")) do
         by_status[status] = (by_status[status] or 0) + count
      end
   end
   local parts = {}
   for status, count in pairs(by_status) do
      table.insert(parts, status .. ": " .. count)
   end
   io.write(string.format("script: %d expected, %d unexpected (p95_ms %.3f; statuses {%s})\n",
      total_expected, total_unexpected, latency:percentile(95.0) / 1000.0, table.concat(parts, ", ")))
end
