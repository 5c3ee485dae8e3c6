-- Each request carries a token drawn at random from the file named by TOKENS_FILE (one per line).
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end
local path = os.getenv("REQUEST_PATH") or "/api/user"

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
