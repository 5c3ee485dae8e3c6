/**
 * The one home of randomness, fast hashes and constant-time comparison of secrets; an ArchUnit rule keeps it the
 * only one.
 */
package dev.lanyard.crypto;
