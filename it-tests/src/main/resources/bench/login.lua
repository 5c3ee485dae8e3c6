-- Logs in with the account named by LOGIN_EMAIL and LOGIN_PASSWORD.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = string.format('{"email":"%s","password":"%s","device_name":"bench"}',
  os.getenv("LOGIN_EMAIL"), os.getenv("LOGIN_PASSWORD"))

dofile(os.getenv("BENCH_DIR") .. "/summary.lua")
