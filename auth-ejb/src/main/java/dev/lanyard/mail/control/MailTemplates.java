package dev.lanyard.mail.control;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Mails from the templates in {@code /mail}: {@code name.txt}, whose first line is the subject, and
 * {@code name.html}. {@code {{key}}} is replaced by its value, HTML-escaped in the HTML part.
 */
public final class MailTemplates {

    private MailTemplates() {}

    public static OutgoingMail render(String name, String to, Map<String, String> values) {
        String text = fill(read(name + ".txt"), values, false);
        int firstLineEnd = text.indexOf('\n');
        return new OutgoingMail(
                to,
                text.substring(0, firstLineEnd).trim(),
                text.substring(firstLineEnd + 1).strip() + "\n",
                fill(read(name + ".html"), values, true));
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String filled = template;
        for (var entry : values.entrySet()) {
            filled = filled.replace("{{" + entry.getKey() + "}}", html ? escape(entry.getValue()) : entry.getValue());
        }
        return filled;
    }

    static String escape(String value) {
        return value.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static String read(String resource) {
        try (InputStream in = MailTemplates.class.getResourceAsStream("/mail/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("no mail template " + resource);
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
