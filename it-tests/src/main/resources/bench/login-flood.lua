-- Failed logins for ever new emails, each connection sending one every FLOOD_INTERVAL_MS whatever the answer;
-- prints the answers by status for the harness to read back. wrk hands only plain values between its threads'
-- Lua states, so each status the flood may meet has a counter of its own.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local interval = tonumber(os.getenv("FLOOD_INTERVAL_MS"))
local threads = {}

setup = function(thread)
  threads[#threads + 1] = thread
  thread:set("number", #threads)
end

local counted = { 200, 401, 422, 429, 500, 503 }
local sent = 0

init = function()
  math.randomseed(os.time() * 100 + number)
end

request = function()
  sent = sent + 1
  return wrk.format(nil, "/api/login", nil, string.format(
    '{"email":"flood-%d-%d-%d@example.com","password":"a guess"}', number, sent, math.random(1, 1000000000)))
end

response = function(status)
  local name = "s" .. status
  _G[name] = (_G[name] or 0) + 1
end

delay = function()
  return interval
end

done = function(summary, latency, requests)
  local others = summary.requests
  for _, status in ipairs(counted) do
    local count = 0
    for _, thread in ipairs(threads) do
      count = count + (thread:get("s" .. status) or 0)
    end
    others = others - count
    if count > 0 then
      io.write(string.format("STATUS %d %d\n", status, count))
    end
  end
  if others > 0 then
    io.write(string.format("STATUS -1 %d\n", others))
  end
  io.write(string.format("STATUS 0 %d\n", summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout))
end
