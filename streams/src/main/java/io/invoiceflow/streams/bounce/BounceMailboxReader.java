package io.invoiceflow.streams.bounce;

import io.invoiceflow.streams.mail.Encryption;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Reads the bounce mailbox over IMAP(S). {@link #poll} takes every unseen message of the folder,
 * parses it ({@link BounceParser}), hands the report to the handler, and only after the handler
 * returned marks the message seen and, when the server supports MOVE and a processed folder is
 * configured, moves it there. If the handler throws, the message stays unseen and is offered again
 * on the next poll: no report is lost, and a handler must tolerate seeing a report twice (the flag
 * update can fail after the handler succeeded). Messages are fetched with {@code BODY.PEEK}, so
 * reading alone never marks them seen. The connection is kept open between polls and reopened
 * when it broke. Not for concurrent use: one poller per mailbox.
 */
public final class BounceMailboxReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BounceMailboxReader.class);

    /** Receives each parsed report; throwing leaves the message unseen for the next poll. */
    @FunctionalInterface
    public interface Handler {
        void handle(BounceReport report) throws Exception;
    }

    /**
     * One poll's counts.
     *
     * @param handled messages the handler accepted (now seen)
     * @param failed  messages the handler threw for (left unseen)
     * @param moved   handled messages moved to the processed folder
     */
    public record PollResult(int handled, int failed, int moved) {
    }

    private final BounceMailboxSettings settings;
    private final BounceParser parser;
    private final Session session;
    private Store store;

    public BounceMailboxReader(BounceMailboxSettings settings, BounceParser parser) {
        this.settings = settings;
        this.parser = parser;
        String protocol = settings.encryption() == Encryption.SSL_TLS ? "imaps" : "imap";
        Properties p = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        if (settings.encryption() == Encryption.STARTTLS) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        p.put("mail.debug.auth", "false");
        p.put("mail.store.protocol", protocol);
        this.session = Session.getInstance(p);
    }

    /**
     * Processes every unseen message once.
     *
     * @throws MessagingException when the mailbox cannot be reached or read (the message text never
     *                            contains the password); nothing is marked seen that was not handled
     */
    public synchronized PollResult poll(Handler handler) throws MessagingException {
        Store s = store();
        Folder folder = s.getFolder(settings.folder());
        folder.open(Folder.READ_WRITE);
        int handled = 0;
        int failed = 0;
        int moved = 0;
        try {
            Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
            List<Message> done = new ArrayList<>();
            for (Message message : unseen) {
                if (message.isExpunged()) {
                    continue;
                }
                BounceReport report = parser.parse(bytes(message));
                try {
                    handler.handle(report);
                } catch (Exception e) {
                    failed++;
                    LOG.warn("bounce handler failed for message {} in {} ({}); it stays unseen and is retried on the next poll",
                            message.getMessageNumber(), settings.folder(), e.toString());
                    continue;
                }
                message.setFlag(Flags.Flag.SEEN, true);
                handled++;
                done.add(message);
            }
            Folder processed = processedFolder(s);
            if (processed != null && !done.isEmpty()) {
                ((IMAPFolder) folder).moveMessages(done.toArray(new Message[0]), processed);
                moved = done.size();
            }
        } finally {
            if (folder.isOpen()) {
                folder.close(false);
            }
        }
        if (handled + failed > 0) {
            LOG.info("bounce mailbox {}: {} handled, {} failed, {} moved", settings.folder(), handled, failed, moved);
        }
        return new PollResult(handled, failed, moved);
    }

    private Folder processedFolder(Store s) throws MessagingException {
        if (settings.processedFolder().isEmpty() || !(s instanceof IMAPStore imap) || !imap.hasCapability("MOVE")) {
            return null;
        }
        Folder processed = s.getFolder(settings.processedFolder().get());
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            LOG.warn("cannot create the folder {} in the bounce mailbox; handled messages are only marked seen",
                    settings.processedFolder().get());
            return null;
        }
        return processed;
    }

    private static byte[] bytes(Message message) throws MessagingException {
        if (message instanceof IMAPMessage imap) {
            imap.setPeek(true);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new MessagingException("cannot read message " + message.getMessageNumber() + " of the bounce mailbox", e);
        }
        return out.toByteArray();
    }

    private Store store() throws MessagingException {
        if (store != null && store.isConnected()) {
            return store;
        }
        close();
        Store s = session.getStore();
        try {
            s.connect(settings.host(), settings.port(), settings.user(), settings.password().reveal());
        } catch (MessagingException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            if (!settings.password().isEmpty()) {
                reason = reason.replace(settings.password().reveal(), "[redacted]");
            }
            throw new MessagingException("cannot open the bounce mailbox " + settings.user() + "@" + settings.host() + ":"
                    + settings.port() + ": " + reason);
        }
        store = s;
        return s;
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                LOG.debug("closing the bounce mailbox failed: {}", e.toString());
            }
            store = null;
        }
    }
}
