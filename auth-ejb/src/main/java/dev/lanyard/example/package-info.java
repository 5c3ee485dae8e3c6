/**
 * Examples of Lanyard in use, not part of it: posts, an inventory and orders, guarded by abilities and roles the
 * way an application built on Lanyard guards its own resources.
 */
package dev.lanyard.example;
