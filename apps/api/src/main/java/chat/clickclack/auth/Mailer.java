package chat.clickclack.auth;

import chat.clickclack.config.Smtp;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends plain-text mail over SMTP (Jakarta Mail). Mail goes out on a virtual thread after the request has
 * been answered: the answer must take as long for an address without an account as for one with (no
 * account enumeration by timing), and a slow mail server must not hold a request thread.
 *
 * <p>Threading: safe for any number of callers; each mail opens its own SMTP connection.
 */
public final class Mailer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Mailer.class);
    private static final String TIMEOUT_MILLIS = "20000";

    private final Smtp smtp;
    private final Session session;
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();

    public Mailer(Smtp smtp) {
        this.smtp = smtp;
        var props = new Properties();
        var protocol = smtp.tls() ? "smtps" : "smtp";
        props.put("mail.transport.protocol", protocol);
        props.put("mail." + protocol + ".host", smtp.host());
        props.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        props.put("mail." + protocol + ".auth", Boolean.toString(smtp.username() != null));
        props.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MILLIS);
        props.put("mail." + protocol + ".timeout", TIMEOUT_MILLIS);
        props.put("mail." + protocol + ".writetimeout", TIMEOUT_MILLIS);
        if (!smtp.tls()) {
            // Upgrade to TLS whenever the server offers it; a password is never sent in the clear to a server that does.
            props.put("mail.smtp.starttls.enable", "true");
        } else {
            props.put("mail.smtps.ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(props);
    }

    /** Queues a mail; failures are logged (with the recipient's domain only), never thrown at the caller. */
    public void send(String to, String subject, String text) {
        sending.execute(() -> {
            try {
                var message = new MimeMessage(session);
                message.setFrom(new InternetAddress(smtp.from()));
                // Exactly one recipient, parsed strictly: never a list.
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
                message.setSubject(subject, "UTF-8");
                message.setSentDate(new Date());
                message.setText(text, "UTF-8");
                if (smtp.username() != null) {
                    Transport.send(message, smtp.username(), smtp.password());
                } else {
                    Transport.send(message);
                }
            } catch (MessagingException | RuntimeException e) {
                log.warn("could not send sign-in mail to an address at {}: {}", to.substring(to.indexOf('@') + 1),
                        e.getMessage());
            }
        });
    }

    @Override
    public void close() {
        sending.shutdown();
    }
}
