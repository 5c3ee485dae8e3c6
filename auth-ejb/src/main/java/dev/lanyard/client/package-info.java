/**
 * API clients: callers that are not users (services, scripts), created by an admin, each with its own tokens and
 * abilities.
 */
package dev.lanyard.client;
