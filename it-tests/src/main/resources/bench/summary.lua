-- The line the benchmark harness reads back from wrk.
done = function(summary, latency, requests)
  io.write(string.format("RESULT requests=%d seconds=%.3f p50=%d p99=%d non2xx=%d errors=%d\n",
    summary.requests, summary.duration / 1e6, latency:percentile(50), latency:percentile(99),
    summary.errors.status, summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout))
end
