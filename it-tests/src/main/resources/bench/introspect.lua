-- RFC 7662 introspection, as a resource server calls it: the client token named by INTROSPECTOR_TOKEN asks about a
-- token drawn at random from the file named by TOKENS_FILE (one per line), form-encoded.
dofile(os.getenv("BENCH_DIR") .. "/tokens.lua")
local tokens = load_tokens(function(line)
  return "token=" .. line:gsub("[^%w%-%._~]", function(c)
    return string.format("%%%02X", string.byte(c))
  end)
end)
local headers = {
  ["Authorization"] = "Bearer " .. os.getenv("INTROSPECTOR_TOKEN"),
  ["Content-Type"] = "application/x-www-form-urlencoded"
}

request = function()
  return wrk.format("POST", "/api/oauth/introspect", headers, tokens[math.random(#tokens)])
end
