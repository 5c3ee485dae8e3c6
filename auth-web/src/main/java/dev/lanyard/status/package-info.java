/**
 * An open ping endpoint, the baseline of the benchmarks.
 */
package dev.lanyard.status;
