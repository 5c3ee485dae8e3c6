package dev.lanyard.rest;

/** The contract's error body for every status but 422. */
public record ErrorBody(String message) {
}
