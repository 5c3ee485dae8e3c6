-- The tokens of the file named by TOKENS_FILE (one per line) in order, from the one after the first START: run
-- with one thread, and again with START moved on by the requests done, until every token was sent once.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = line
end
local next = tonumber(os.getenv("START") or "0")

request = function()
  next = next + 1
  return wrk.format("GET", "/api/user", { ["Authorization"] = "Bearer " .. tokens[((next - 1) % #tokens) + 1] })
end

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
