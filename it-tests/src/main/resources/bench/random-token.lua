-- Each request carries a token drawn at random from the file named by TOKENS_FILE (one per line).
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end
local path = os.getenv("REQUEST_PATH") or "/api/user"

-- Lua's generator starts from the same seed in every run and thread: without a seed of their own, scenario 1
-- would replay the warm-up's tokens, whose last_used_at was just written, and measure no writes at all.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("number", threads)
end

init = function()
  math.randomseed(os.time() * 100 + number)
end

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
