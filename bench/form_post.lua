-- wrk script: a form POST with a valid CSRF token whose answer is known, e.g. the booking rush's refusal.
--
--   wrk ... -s bench/form_post.lua http://127.0.0.1:8765/<form page> -- COOKIE FIELD STATUS MARKER FIELDS
--
-- COOKIE is the CSRF cookie's name and FIELD the form's token field (bench/run.py: CSRF_COOKIE, CSRF_FIELD); STATUS
-- the answer expected and MARKER a text the answer must contain ("" for none); FIELDS the rest of the form,
-- urlencoded (for the refusal: the taken time, the people, the day). Each wrk thread first GETs the page (every
-- connection of the thread does, until the first answer arrives) and keeps the CSRF cookie; from then on every
-- request POSTs FIELDS with the cookie's value as the token, as the booking rush's clients do (bench/rush.py).
-- done() prints one line that bench/run.py reads:
--   script: <expected> expected, <unexpected> unexpected (<answers> answers as expected, <forms> form GETs; ...)

local threads = {}

function setup(thread)
   table.insert(threads, thread)
   thread:set("thread_number", #threads)
end

function init(args)
   cookie_name, token_field, expected_status, marker, fields = args[1], args[2], tonumber(args[3]), args[4], args[5]
   if not (cookie_name and token_field and expected_status and marker and fields) then
      error("form_post.lua needs: COOKIE FIELD STATUS MARKER FIELDS")
   end
   token = nil
   form_gets_sent, forms, answered, unexpected = 0, 0, 0, 0
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
   local body = token_field .. "=" .. token .. "&" .. fields
   local headers = {["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie_name .. "=" .. token}
   return wrk.format("POST", wrk.path, headers, body)
end

function response(status, headers, body)
   if status == expected_status and (marker == "" or body:find(marker, 1, true)) then
      answered = answered + 1
      return
   elseif status == 200 and forms < form_gets_sent then
      local set_cookie = header(headers, "Set-Cookie") or ""
      local value = set_cookie:match(cookie_name .. "=([^;]+)")
      if value then
         forms = forms + 1
         if not token then
            token = value
         end
         return
      end
   end
   unexpected = unexpected + 1
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local total_answered, total_forms, total_unexpected = 0, 0, 0
   local by_status = {}
   for _, thread in ipairs(threads) do
      total_answered = total_answered + thread:get("answered")
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
      "script: %d expected, %d unexpected (%d answers as expected, %d form GETs; unexpected statuses {%s})\n",
      total_answered + total_forms, total_unexpected, total_answered, total_forms, table.concat(parts, ", ")
   ))
end
