/**
 * The counters and timings Lanyard exports at {@code /metrics}.
 */
package dev.lanyard.metrics;
