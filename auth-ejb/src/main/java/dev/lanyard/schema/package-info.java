/**
 * The database schema: Flyway migrations at start-up and the check that the database is usable.
 */
package dev.lanyard.schema;
