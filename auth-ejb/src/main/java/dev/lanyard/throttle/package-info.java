/**
 * Throttling: attempt counters per key shared by every node through the database, for logins, two-factor codes and
 * token reports.
 */
package dev.lanyard.throttle;
