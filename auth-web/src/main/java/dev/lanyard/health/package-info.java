/**
 * Readiness for MicroProfile Health: the database and the API.
 */
package dev.lanyard.health;
