package dev.lanyard.mail.control;

import java.util.Objects;

/** A mail to one recipient, in plain text and HTML. Its body may hold a secret link, so it never prints itself. */
public record OutgoingMail(String to, String subject, String text, String html) {

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(html, "html");
    }

    @Override
    public String toString() {
        return "OutgoingMail[subject=" + subject + "]";
    }
}
