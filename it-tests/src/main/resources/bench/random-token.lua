-- Each request carries a token drawn at random from the file named by TOKENS_FILE (one per line).
dofile(os.getenv("BENCH_DIR") .. "/tokens.lua")
local tokens = load_tokens()
local path = os.getenv("REQUEST_PATH") or "/api/user"

request = function()
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. tokens[math.random(#tokens)] })
end
