/**
 * The server's signing key, HMAC signatures for links and cookies, and authenticated encryption of stored secrets.
 */
package dev.lanyard.signature;
