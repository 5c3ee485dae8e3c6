/**
 * Plumbing: one page of a list and the request for it, and safe search patterns.
 */
package dev.lanyard.paging;
