/**
 * Plumbing: the business refusals (invalid, forbidden, not found, too many attempts) that the web tier's mappers
 * turn into the contract's error bodies.
 */
package dev.lanyard.problem;
