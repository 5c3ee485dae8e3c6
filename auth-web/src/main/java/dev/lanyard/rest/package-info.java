/**
 * Plumbing of the JAX-RS application: the error contract's mappers, body limits, JSON settings, paging parameters
 * and the OpenAPI document's filter.
 */
package dev.lanyard.rest;
