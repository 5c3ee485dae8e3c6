-- A plain GET of the path wrk was given.
dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
