/**
 * Accounts: registering, signing in with a password (and, when it is on, asking
 * {@link dev.lanyard.account.boundary.SecondFactor} for a second step), email verification, password changes and
 * resets, the first admin, and an admin's view of users. Users are the owners of personal tokens; signing in ends
 * in a token or a browser session issued by {@code dev.lanyard.token}.
 */
package dev.lanyard.account;
