/**
 * The web UI's server side: the paths that mails link to, served by the single-page app.
 */
package dev.lanyard.ui;
