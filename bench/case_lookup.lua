-- wrk script: the case-status lookup as a browser does it, for a random case among the bench cases.
--
--   wrk ... -s bench/case_lookup.lua http://127.0.0.1:8765/pl/case-status/ -- CASES FIRST_SERIAL NUMBER_FORMAT CODE
--
-- Each wrk thread first GETs the form (every connection of the thread does, until the first answer arrives) and
-- keeps the csrftoken cookie and the form's csrfmiddlewaretoken; from then on every request POSTs a case number
-- (NUMBER_FORMAT with a serial from FIRST_SERIAL to FIRST_SERIAL + CASES - 1, chosen at random) and the shared
-- access code of the bench cases (cases/management/commands/generate_bench_cases.py). A found case answers 302
-- to the result page (setting the signed case_lookup cookie; no session is made); anything else (400 wrong number
-- or code, 403 CSRF, 429 limits) counts as unexpected.
-- done() prints one line that bench/run.py reads:
--   script: <expected> expected, <unexpected> unexpected (<found> lookups found, <forms> form GETs; statuses ...)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   cases = tonumber(args[1])
   first_serial = tonumber(args[2])
   number_format = args[3]
   access_code = args[4]
   if not (cases and first_serial and number_format and access_code) then
      error("case_lookup.lua needs: CASES FIRST_SERIAL NUMBER_FORMAT ACCESS_CODE")
   end
   math.randomseed(os.time() * 97 + thread_number)
   token, cookie = nil, nil
   form_gets_sent, forms, found, unexpected = 0, 0, 0, 0
   statuses = {}
end

local function header(headers, wanted)
   wanted = wanted:lower()
   for name, value in pairs(headers) do
      if name:lower() == wanted then
         return value
      end
   end
   return nil
end

function request()
   if not token then
      form_gets_sent = form_gets_sent + 1
      return wrk.format("GET", wrk.path)
   end
   local number = string.format(number_format, first_serial + math.random(0, cases - 1))
   local body = "csrfmiddlewaretoken=" .. token .. "&number=" .. number .. "&access_code=" .. access_code
   local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie}
   return wrk.format("POST", wrk.path, headers, body)
end

function response(status, headers, body)
   if status == 302 then
      local location = header(headers, "Location") or ""
      if location:find("/case-status/result/", 1, true) then
         found = found + 1
         return
      end
   elseif status == 200 and forms < form_gets_sent then
      local set_cookie = header(headers, "Set-Cookie") or ""
      local csrf_cookie = set_cookie:match("csrftoken=([^;]+)")
      local form_token = body:match('name="csrfmiddlewaretoken" value="([^"]+)"')
      if csrf_cookie and form_token then
         forms = forms + 1
         if not token then
            cookie = "csrftoken=" .. csrf_cookie
            token = form_token
         end
         return
      end
   end
   unexpected = unexpected + 1
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total_found, total_forms, total_unexpected = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_found = total_found + thread:get("found")
      total_forms = total_forms + thread:get("forms")
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
      "script: %d expected, %d unexpected (%d lookups found, %d form GETs; unexpected statuses {%s})\n",
      total_found + total_forms, total_unexpected, total_found, total_forms, table.concat(parts, ", ")
   ))
end
