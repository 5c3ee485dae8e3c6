package dev.lanyard.it.support;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.lanyard.devserver.MicroServer;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP server (GreenMail) inside the test JVM for the whole run, with a login the server under test must
 * use. Registered before Arquillian, so Payara Micro is started with {@code lanyard.mail.*} pointing at it, and
 * with {@code lanyard.app.url} naming the HTTP port chosen here, which the links in its mails point at.
 */
public class SuiteMail implements BeforeAllCallback {

    public static final String SMTP_USER = "lanyard-smtp";
    public static final String SMTP_PASSWORD = "smtp-password-never-logged";

    static final String PORT_PROPERTY = "lanyard.it.micro.port";

    private static GreenMail smtp;
    private static String appUrl;
    private static List<String> options;

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .getOrComputeIfAbsent(SuiteMail.class, key -> start(), Stopping.class);
        awaitPortFree(Integer.getInteger(PORT_PROPERTY));
    }

    /** The options that send a server's mail here, for a test that starts a server of its own. */
    public static List<String> serverOptions() {
        return options;
    }

    /** The public address the suite's Payara Micro is told it has: the links in its mails start with it. */
    public static String appUrl() {
        return appUrl;
    }

    /**
     * Every test class gets a Payara Micro of its own on the same port, and Arquillian does not wait for the
     * previous one to exit: wait here, before Arquillian starts the next.
     */
    private static void awaitPortFree(int port) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    try (var socket = new ServerSocket()) {
                        socket.setReuseAddress(true);
                        socket.bind(new InetSocketAddress(port));
                        return true;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    /** A mail as the recipient reads it. */
    public record Mail(String to, String subject, String text, String html) {

        /** The first {@code http(s)://} link of the plain-text part. */
        public String link() {
            Matcher link = Pattern.compile("https?://\\S+").matcher(text);
            if (!link.find()) {
                throw new AssertionError("no link in the mail: " + text);
            }
            return link.group();
        }
    }

    /** Every mail sent to {@code to} so far. */
    public static List<Mail> mailsTo(String to) {
        return Arrays.stream(smtp.getReceivedMessages())
                .map(SuiteMail::read)
                .filter(mail -> mail.to().equals(to))
                .toList();
    }

    /** Waits until the {@code count}th mail to {@code to} with this subject has arrived, and answers it. */
    public static Mail awaitMail(String to, String subject, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(to, subject).size() >= count);
        return mailsTo(to, subject).get(count - 1);
    }

    public static Mail awaitMail(String to, String subject) {
        return awaitMail(to, subject, 1);
    }

    private static List<Mail> mailsTo(String to, String subject) {
        return mailsTo(to).stream()
                .filter(mail -> mail.subject().equals(subject))
                .toList();
    }

    private static synchronized Stopping start() {
        int port;
        int httpPort;
        try {
            port = MicroServer.freePort();
            httpPort = MicroServer.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(PORT_PROPERTY, String.valueOf(httpPort));
        // The context root is the archive's name, as in the URL Arquillian injects.
        appUrl = "http://localhost:" + httpPort + "/lanyard/";
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(SMTP_USER, SMTP_PASSWORD));
        smtp.start();
        options = List.of(
                "-Dlanyard.mail.host=127.0.0.1",
                "-Dlanyard.mail.port=" + port,
                "-Dlanyard.mail.tls=none",
                "-Dlanyard.mail.username=" + SMTP_USER,
                "-Dlanyard.mail.password=" + SMTP_PASSWORD,
                "-Dlanyard.mail.from=lanyard@example.test",
                "-Dlanyard.app.url=" + appUrl);
        MicroOptions.add(options.toArray(String[]::new));
        return new Stopping(smtp);
    }

    private static Mail read(MimeMessage message) {
        try {
            var content = (Multipart) message.getContent();
            String text = null;
            String html = null;
            for (int i = 0; i < content.getCount(); i++) {
                BodyPart part = content.getBodyPart(i);
                if (part.isMimeType("text/plain")) {
                    text = (String) part.getContent();
                } else if (part.isMimeType("text/html")) {
                    html = (String) part.getContent();
                }
            }
            return new Mail(message.getAllRecipients()[0].toString(), message.getSubject(), text, html);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }

    record Stopping(GreenMail smtp) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            smtp.stop();
        }
    }
}
