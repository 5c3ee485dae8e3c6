/**
 * Plumbing: refusing to start with settings that cannot work, saying which and why.
 */
package dev.lanyard.startup;
