-- RFC 7662 introspection, as a resource server calls it: the client token named by INTROSPECTOR_TOKEN asks about a
-- token drawn at random from the file named by TOKENS_FILE (one per line), form-encoded.
local tokens = {}
for line in io.lines(os.getenv("TOKENS_FILE")) do
  tokens[#tokens + 1] = "token=" .. line:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end)
end
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("INTROSPECTOR_TOKEN"),
  ["Content-Type"] = "application/x-www-form-urlencoded"
}

-- Each thread its own seed, as in random-token.lua.
local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("number", threads)
end

init = function()
  math.randomseed(os.time() * 100 + number)
end

request = function()
  return wrk.format("POST", "/api/oauth/introspect", headers, tokens[math.random(#tokens)])
end

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
