/**
 * The HTTP security glue: the Jakarta Security mechanism that names the caller from a bearer token or a session
 * cookie, and the one filter that applies what each resource method declares; also CSRF, CORS, security headers and
 * client addresses behind trusted proxies.
 */
package dev.lanyard.security;
