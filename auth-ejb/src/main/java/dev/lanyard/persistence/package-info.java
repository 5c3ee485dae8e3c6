/**
 * Plumbing: transactions, unique-rule races answered as conflicts, and the database outage answer.
 */
package dev.lanyard.persistence;
