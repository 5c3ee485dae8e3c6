package dev.lanyard.mail.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends mail over SMTP ({@code lanyard.mail.*}). With no host configured, only the fact that a mail was not sent is
 * logged; its content (reset tokens, signed links) goes to the log only with {@code lanyard.mail.log-unsent=true},
 * which the dev server sets so the quick start works without a mail server.
 *
 * <p>{@link #send} only queues: the mail leaves after the caller's transaction has committed, on another thread.
 * A rollback therefore never sends a mail, a mail failure never undoes the data, and a request answers in the
 * same time whether it sent a mail or not (forgot-password must not reveal which emails exist).
 */
@ApplicationScoped
public class Mailer {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
    private static final String TIMEOUT_MILLIS = "10000";

    @Inject
    Event<OutgoingMail> queue;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "lanyard.mail.host")
    Optional<String> host;

    @Inject
    @ConfigProperty(name = "lanyard.mail.port")
    Optional<Integer> port;

    @Inject
    @ConfigProperty(name = "lanyard.mail.username")
    Optional<String> username;

    @Inject
    @ConfigProperty(name = "lanyard.mail.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "lanyard.mail.from", defaultValue = "Lanyard <no-reply@localhost>")
    String from;

    @Inject
    @ConfigProperty(name = "lanyard.mail.tls", defaultValue = "starttls")
    String tls;

    @Inject
    @ConfigProperty(name = "lanyard.mail.log-unsent", defaultValue = "false")
    boolean logUnsent;

    private Session session;

    @PostConstruct
    void configure() {
        if (host.isEmpty()) {
            return;
        }
        String mode = tls.trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("starttls") && !mode.equals("ssl") && !mode.equals("none")) {
            LOG.log(Level.WARNING, "lanyard.mail.tls must be starttls, ssl or none, not {0}: using starttls", tls);
            mode = "starttls";
        }
        var properties = new Properties();
        properties.put("mail.transport.protocol", mode.equals("ssl") ? "smtps" : "smtp");
        String prefix = mode.equals("ssl") ? "mail.smtps." : "mail.smtp.";
        properties.put(prefix + "host", host.get());
        properties.put(prefix + "port", String.valueOf(port.orElse(mode.equals("ssl") ? 465 : 587)));
        properties.put(prefix + "auth", String.valueOf(username.isPresent()));
        properties.put(prefix + "connectiontimeout", TIMEOUT_MILLIS);
        properties.put(prefix + "timeout", TIMEOUT_MILLIS);
        properties.put(prefix + "writetimeout", TIMEOUT_MILLIS);
        if (mode.equals("starttls")) {
            // Required, not merely enabled: a server that does not offer TLS gets no credentials and no mail.
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        if (!mode.equals("none")) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        session = Session.getInstance(properties);
    }

    /** Whether a mail's content, links included, reaches anyone: sent over SMTP, or written to the log. */
    public boolean contentLeavesServer() {
        return host.isPresent() || logUnsent;
    }

    /** Why mails leave the server, for an operator: the setting that makes them. */
    public String whereMailsGo() {
        return host.isPresent() ? "lanyard.mail.host is set" : "lanyard.mail.log-unsent is true";
    }

    /** Queues the mail; it is delivered once the current transaction commits (at once when there is none). */
    public void send(OutgoingMail mail) {
        queue.fire(mail);
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutgoingMail mail) {
        executor.execute(() -> deliver(mail));
    }

    private void deliver(OutgoingMail mail) {
        if (session == null) {
            if (logUnsent) {
                LOG.log(
                        Level.INFO,
                        "\n==== MAIL NOT SENT: lanyard.mail.host is not set, so it is written here ====\n"
                                + "To: {0}\nSubject: {1}\n\n{2}==== END OF MAIL ====",
                        new Object[] {mail.to(), mail.subject(), mail.text()});
            } else {
                // The body may hold a reset token or a signed link: a log is no place for it.
                LOG.log(
                        Level.INFO,
                        "Mail to {0} with subject \"{1}\" not sent: lanyard.mail.host is not set",
                        new Object[] {mail.to(), mail.subject()});
            }
            return;
        }
        try {
            var message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to()));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            var text = new MimeBodyPart();
            text.setText(mail.text(), StandardCharsets.UTF_8.name());
            var html = new MimeBodyPart();
            html.setContent(mail.html(), "text/html; charset=UTF-8");
            message.setContent(new MimeMultipart("alternative", text, html));
            if (username.isPresent()) {
                Transport.send(message, username.get(), password.orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.log(Level.WARNING, "Could not send the mail \"{0}\" to {1}: {2}", new Object[] {
                mail.subject(), mail.to(), e.toString()
            });
        }
    }
}
