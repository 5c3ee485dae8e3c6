/**
 * Tokens, the heart of Lanyard: issuing ({@code TokenIssuer}), authenticating from memory
 * ({@code TokenAuthentication} over {@code StoredTokens}, with eviction on every node), managing ({@code Tokens}),
 * introspection, reports of leaked tokens and token hygiene.
 */
package dev.lanyard.token;
