package dev.lanyard.rest;

/** The contract's {@code {message}} body: every error but 422, and the plain confirmations. */
public record MessageBody(String message) {}
