/**
 * Pruning: the timer and the endpoint that delete expired tokens in slices beside live traffic, one node per run.
 */
package dev.lanyard.prune;
