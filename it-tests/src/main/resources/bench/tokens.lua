-- What the token scripts share: the tokens of the file named by TOKENS_FILE (one per line, each passed through
-- `shape` when given), and a random generator seeded apart in every run and thread. Lua's generator starts from
-- the same seed in every run and thread: without seeds of their own, scenario 1 would replay the warm-up's
-- tokens, whose last_used_at was just written, and measure no writes at all.
function load_tokens(shape)
  local tokens = {}
  for line in io.lines(os.getenv("TOKENS_FILE")) do
    tokens[#tokens + 1] = shape and shape(line) or line
  end
  return tokens
end

local threads = 0
setup = function(thread)
  threads = threads + 1
  thread:set("number", threads)
end

init = function()
  math.randomseed(os.time() * 100 + number)
end

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
