-- wrk script: screens and phones polling the queue, each request with the ETag the screen already has.
--
--   wrk ... -s bench/queue_poll.lua http://127.0.0.1:PORT/ -- POLLS_FILE
--
-- POLLS_FILE has one poll per line: "<path>\t<Cookie header or ->\t<ETag>" (bench/queue_bench.py writes it: the board of
-- the Poznań display with the display's device cookie, and the status part of many phone tickets). Every request
-- is one of them at random. A 304 (nothing changed) or a 200 (changed since the ETag) counts as expected.
-- done() prints: script: <expected> expected, <unexpected> unexpected (<n> polls; 304: x, 200: y, other {...})

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   polls = {}
   local file = args[1] and io.open(args[1], "r")
   if not file then
      error("queue_poll.lua needs a readable POLLS_FILE")
   end
   for line in file:lines() do
      local path, cookie, etag = line:match("^([^\t]+)\t([^\t]+)\t(.+)$")
      if path then
         local headers = {["If-None-Match"] = etag}
         if cookie ~= "-" then
            headers["Cookie"] = cookie
         end
         table.insert(polls, {path = path, headers = headers})
      end
   end
   file:close()
   if #polls == 0 then
      error("queue_poll.lua: no polls in " .. args[1])
   end
   poll_count = #polls
   math.randomseed(os.time() * 97 + thread_number)
   not_modified, changed, unexpected = 0, 0, 0
   statuses = {}
end

function request()
   local poll = polls[math.random(1, #polls)]
   return wrk.format("GET", poll.path, poll.headers)
end

function response(status, headers, body)
   if status == 304 then
      not_modified = not_modified + 1
   elseif status == 200 then
      changed = changed + 1
   else
      unexpected = unexpected + 1
      statuses[status] = (statuses[status] or 0) + 1
   end
end

function done(summary, latency, requests)
   local total_304, total_200, total_unexpected = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_304 = total_304 + thread:get("not_modified")
      total_200 = total_200 + thread:get("changed")
      total_unexpected = total_unexpected + thread:get("unexpected")
      for status, count in pairs(thread:get("statuses")) do
         by_status[status] = (by_status[status] or 0) + count
      end
   end
   local parts = {}
   for status, count in pairs(by_status) do
      table.insert(parts, status .. ": " .. count)
   end
   io.write(string.format(
      "script: %d expected, %d unexpected (%d polls; 304: %d, 200: %d, other {%s})\n",
      total_304 + total_200, total_unexpected, threads[1]:get("poll_count"), total_304, total_200, table.concat(parts, ", ")
   ))
end
