-- The tokens of the file named by TOKENS_FILE (one per line) in order, from the one after the first START: run
-- with one thread, and again with START moved on by the requests done, until every token was sent once.
dofile(os.getenv("BENCH_DIR") .. "/tokens.lua")
local tokens = load_tokens()
local next = tonumber(os.getenv("START") or "0")

request = function()
  next = next + 1
  return wrk.format("GET", "/api/user", { ["Authorization"] = "Bearer " .. tokens[((next - 1) % #tokens) + 1] })
end
