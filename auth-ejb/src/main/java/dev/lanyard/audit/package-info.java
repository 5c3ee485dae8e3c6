/**
 * The audit trail: who did what to an account or a token, from where, written beside the change it records; users
 * read their own events, admins everyone's.
 */
package dev.lanyard.audit;
