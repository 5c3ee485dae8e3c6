/**
 * Sending mail: templates, links back to the application, the SMTP session. It knows no component; account and
 * token notices are written by their components.
 */
package dev.lanyard.mail;
