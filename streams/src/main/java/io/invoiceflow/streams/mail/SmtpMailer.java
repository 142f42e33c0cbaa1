package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.secrets.GuardedSocketFactory;
import io.invoiceflow.streams.secrets.GuardedSocketFactory.ForbiddenAddressException;
import io.invoiceflow.streams.secrets.HostPolicy;
import io.invoiceflow.streams.secrets.Secret;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;

/**
 * Sends through SMTP servers with Jakarta Mail (Angus), keeping connections open and reusing them.
 *
 * <p>Each sender account (host, port, encryption, user and password) has its own bounded pool, so a
 * slow or broken account never holds up another. A connection is reused while it works: one idle
 * for longer than {@code validateAfterIdle} is checked with NOOP first, one idle for longer than
 * {@code idleTimeout} is closed by a housekeeping thread, and any failed send closes its
 * connection. If a reused connection turns out to be broken before the message data went out, the
 * send is repeated once on a new connection; once DATA has started, a broken connection is
 * {@link MailError#SMTP_CONNECTION_LOST} (the server may have the message; retry later, same
 * Message-ID). Sockets set {@code TCP_NODELAY} and are checked against the {@link HostPolicy}.
 *
 * <p>Some recipients refused and others accepted gives {@link PartiallyAccepted}
 * ({@code mail.smtp.sendpartial}): the message goes to the accepted ones and every refusal is
 * reported with its code and text (ADR 0141).
 */
public final class SmtpMailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpMailer.class);

    private final SmtpTransportSettings settings;
    private final GuardedSocketFactory socketFactory;
    private final GuardedSocketFactory trustedSocketFactory = new GuardedSocketFactory(HostPolicy.of(true));
    private final MailComposer composer;
    private final ConcurrentHashMap<PoolKey, AccountPool> pools = new ConcurrentHashMap<>();
    private final ScheduledExecutorService housekeeping;
    private final ScheduledThreadPoolExecutor writeTimeouts;
    private final AtomicInteger connectionsOpened = new AtomicInteger();
    private volatile boolean closed;

    public SmtpMailer(SmtpTransportSettings settings, HostPolicy hostPolicy, Clock clock) {
        this.settings = settings;
        this.socketFactory = new GuardedSocketFactory(hostPolicy);
        this.composer = new MailComposer(clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smtp-pool-housekeeping");
            t.setDaemon(true);
            return t;
        });
        // Angus schedules one task per socket write and cancels it when the write completes: remove
        // cancelled tasks at once, and let the thread end when idle (it outlives close() for late QUITs)
        this.writeTimeouts = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "smtp-write-timeout");
            t.setDaemon(true);
            return t;
        });
        writeTimeouts.setRemoveOnCancelPolicy(true);
        writeTimeouts.setKeepAliveTime(5, TimeUnit.SECONDS);
        writeTimeouts.allowCoreThreadTimeOut(true);
        long period = Math.max(1000, settings.idleTimeout().toMillis() / 4);
        housekeeping.scheduleWithFixedDelay(this::evictIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** A transport that sends through a tenant's {@code account}; its host must pass the {@link HostPolicy}. */
    public SmtpMailTransport transport(SmtpAccount account) {
        return new SmtpMailTransport(this, account, false);
    }

    /**
     * A transport for the installation's own system sender: configured by the operator, so its host
     * may be on a private network or loopback (a local relay) whatever the {@link HostPolicy} says.
     */
    public SmtpMailTransport systemTransport(SmtpAccount account) {
        return new SmtpMailTransport(this, account, true);
    }

    /** Connections opened since start (all accounts); for metrics and tests. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    /** Connections open right now (idle and in use, all accounts). */
    public int openConnections() {
        return pools.values().stream().mapToInt(AccountPool::open).sum();
    }

    SendOutcome send(SmtpAccount account, boolean trusted, OutgoingMail mail) {
        String messageId = mail.identity().messageId();
        if (closed) {
            return new TemporaryFailure(messageId, MailError.SMTP_BUSY, "the mail sender is shutting down", Optional.empty(), List.of());
        }
        PoolKey key = PoolKey.of(account, trusted);
        AccountPool pool;
        Connection connection;
        try {
            do { // a pool retired by housekeeping meanwhile is replaced by a new one
                pool = pools.computeIfAbsent(key, k -> new AccountPool(account, session(account, trusted)));
                connection = pool.borrow(settings.acquireTimeout().toMillis());
            } while (connection == AccountPool.RETIRED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TemporaryFailure(messageId, MailError.SMTP_BUSY, "interrupted while waiting for a connection", Optional.empty(), List.of());
        }
        if (connection == null) {
            return new TemporaryFailure(messageId, MailError.SMTP_BUSY, "all " + settings.maxConnectionsPerAccount()
                    + " connections to " + account.host() + " stayed busy for " + settings.acquireTimeout().toSeconds() + " s",
                    Optional.empty(), List.of());
        }
        boolean keep = false;
        try {
            JobMessage message = compose(pool.session, mail);
            Attempt attempt = attempt(account, connection, message, true);
            if (attempt.retryOnFreshConnection) {
                LOG.debug("SMTP connection to {} ({}) was broken before DATA; sending {} again on a new connection",
                        account.host(), account.accountName(), messageId);
                attempt = attempt(account, connection, message, false);
            }
            keep = attempt.keepConnection;
            if (!(attempt.outcome instanceof Accepted)) {
                LOG.info("SMTP send of {} through {} ({}): {}", messageId, account.accountName(), account.host(), describe(attempt.outcome));
            }
            return attempt.outcome;
        } finally {
            pool.giveBack(connection, keep && ++connection.messages < settings.maxMessagesPerConnection());
        }
    }

    /**
     * Sends a short test message to {@code to} over a new connection (not from the pool, checked
     * against the {@link HostPolicy}) and reports the server's answer or why it failed.
     */
    public TestEmailResult sendTestEmail(SmtpAccount account, MailAddress to) {
        UUID id = UUID.randomUUID();
        OutgoingMail mail = new OutgoingMail(
                new MailIdentity("<test." + id + "@" + account.from().domain() + ">", "test." + id, Optional.empty(), "test"),
                account.from(), Optional.empty(), List.of(to), List.of(), "Invoiceflow test email",
                "This is a test email from Invoiceflow. Your sender account \"" + account.accountName() + "\" works.",
                "<p>This is a test email from Invoiceflow. Your sender account works.</p>", List.of());
        Session session = session(account, false);
        Connection connection = new Connection(session);
        try {
            SendOutcome outcome = attempt(account, connection, compose(session, mail), false).outcome;
            if (outcome instanceof Accepted accepted) {
                return new TestEmailResult(true, Optional.of(accepted.reply()), Optional.empty(),
                        "the server accepted the test email: " + accepted.reply());
            }
            if (outcome instanceof PartiallyAccepted partial) {
                return new TestEmailResult(true, Optional.of(partial.reply()), Optional.empty(), "the server accepted the test email");
            }
            if (outcome instanceof TemporaryFailure f) {
                return new TestEmailResult(false, f.reply(), Optional.of(f.error()), f.detail());
            }
            PermanentFailure f = (PermanentFailure) outcome;
            return new TestEmailResult(false, f.reply(), Optional.of(f.error()), f.detail());
        } finally {
            connection.close();
        }
    }

    private JobMessage compose(Session session, OutgoingMail mail) {
        try {
            return composer.compose(session, mail);
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot build the message " + mail.identity().messageId(), e);
        }
    }

    private record Attempt(SendOutcome outcome, boolean keepConnection, boolean retryOnFreshConnection) {
    }

    private Attempt attempt(SmtpAccount account, Connection c, JobMessage message, boolean mayRetry) {
        String messageId = messageIdOf(message);
        boolean reused = c.connected;
        if (reused && System.nanoTime() - c.lastUsedNanos > settings.validateAfterIdle().toNanos() && !c.transport.isConnected()) {
            LOG.debug("idle SMTP connection to {} ({}) is gone; reconnecting", account.host(), account.accountName());
            c.close();
            reused = false;
        }
        if (!c.connected) {
            try {
                c.connect(account);
                connectionsOpened.incrementAndGet();
            } catch (MessagingException e) {
                c.close();
                return new Attempt(connectFailure(messageId, e, c.transport, account), false, false);
            }
        }
        try {
            message.setMailExtension(c.transport.supportsExtension("DSN") ? "ENVID=" + message.envelopeId() : null);
            c.transport.beginSend();
            Address[] recipients = message.getAllRecipients();
            c.transport.sendMessage(message, recipients);
            c.lastUsedNanos = System.nanoTime();
            return new Attempt(new Accepted(messageId, reply(c.transport.getLastServerResponse(), account)), true, false);
        } catch (MessagingException e) {
            if (e instanceof SMTPSendFailedException sent && partiallySent(sent)) {
                c.lastUsedNanos = System.nanoTime();
                List<String> accepted = new ArrayList<>();
                for (Address a : sent.getValidSentAddresses()) {
                    accepted.add(((InternetAddress) a).getAddress());
                }
                return new Attempt(new PartiallyAccepted(messageId, reply(c.transport.getLastServerResponse(), account),
                        accepted, rejections(e, account)), true, false);
            }
            boolean dataStarted = c.transport.dataStarted();
            int code = replyCode(e);
            c.close();
            if (code <= 0 || code == 421 || cause(e, IOException.class).isPresent()) {
                // no reply, "421 closing", or an I/O error: the connection is gone, not the message refused
                if (!dataStarted && reused && mayRetry) {
                    return new Attempt(null, false, true);
                }
                return new Attempt(midSendFailure(messageId, e, dataStarted, code, account), false, false);
            }
            if (e instanceof SMTPSendFailedException sent) {
                return new Attempt(commandFailure(messageId, sent, account), false, false);
            }
            if (e instanceof SendFailedException failed) {
                return new Attempt(recipientFailure(messageId, failed, account), false, false);
            }
            return new Attempt(midSendFailure(messageId, e, dataStarted, code, account), false, false);
        }
    }

    private static boolean partiallySent(SMTPSendFailedException e) {
        return e.getValidSentAddresses() != null && e.getValidSentAddresses().length > 0 && e.getReturnCode() / 100 == 2;
    }

    /** The reply code an exception carries: 0 if none, negative for "no reply" (EOF). */
    private static int replyCode(MessagingException e) {
        if (e instanceof SMTPSendFailedException sent) {
            return sent.getReturnCode();
        }
        if (e instanceof SMTPAddressFailedException failed) {
            return failed.getReturnCode();
        }
        if (e instanceof SendFailedException) {
            int min = Integer.MAX_VALUE;
            Exception next = e.getNextException();
            for (int i = 0; next != null && i < 1000; i++) {
                if (next instanceof SMTPAddressFailedException failed) {
                    min = Math.min(min, failed.getReturnCode());
                }
                next = next instanceof MessagingException m ? m.getNextException() : null;
            }
            return min == Integer.MAX_VALUE ? 0 : min;
        }
        return 0;
    }

    private static String messageIdOf(JobMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            return "";
        }
    }

    private SendOutcome connectFailure(String messageId, MessagingException e, TrackingSmtpTransport transport, SmtpAccount account) {
        String where = account.host() + ":" + account.port();
        Secret pw = account.password();
        if (cause(e, ForbiddenAddressException.class).isPresent()) {
            return permanent(messageId, MailError.SMTP_HOST_NOT_ALLOWED, Redactor.redact(
                    cause(e, ForbiddenAddressException.class).get().getMessage(), pw), Optional.empty(), List.of());
        }
        if (e instanceof AuthenticationFailedException) {
            Optional<SmtpReply> reply = reply(e.getMessage(), account).code() > 0
                    ? Optional.of(reply(e.getMessage(), account)) : Optional.empty();
            String text = "the server " + where + " refused the login for user " + account.user().orElse("(none)")
                    + reply.map(r -> ": " + r).orElse("");
            return reply.filter(SmtpReply::isTemporary).isPresent()
                    ? temporary(messageId, MailError.SMTP_AUTH_FAILED, text, reply, List.of())
                    : permanent(messageId, MailError.SMTP_AUTH_FAILED, text, reply, List.of());
        }
        if (cause(e, SSLException.class).isPresent() || cause(e, CertificateException.class).isPresent()) {
            Throwable tls = cause(e, CertificateException.class).map(Throwable.class::cast).orElseGet(() -> cause(e, SSLException.class).get());
            String text = tls.getMessage() == null ? tls.getClass().getSimpleName() : tls.getMessage();
            String plain = text.contains("PKIX") ? "the server's certificate is not trusted"
                    : text.contains("subject alternative") || text.contains("match") ? "the server's certificate is made for another host name"
                    : "the TLS handshake failed";
            return permanent(messageId, MailError.SMTP_TLS_FAILED, "the encrypted connection to " + where + " failed: " + plain
                    + " (" + Redactor.redact(text, pw) + ")", Optional.empty(), List.of());
        }
        if (e.getMessage() != null && e.getMessage().contains("STARTTLS")) {
            return permanent(messageId, MailError.SMTP_TLS_FAILED, "the server " + where
                    + " does not offer STARTTLS, which this account requires", Optional.empty(), List.of());
        }
        if (cause(e, UnknownHostException.class).isPresent()) {
            return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "the host " + account.host() + " is unknown (DNS)",
                    Optional.empty(), List.of());
        }
        if (cause(e, ConnectException.class).isPresent()) {
            return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "the connection to " + where + " was refused",
                    Optional.empty(), List.of());
        }
        if (cause(e, SocketTimeoutException.class).isPresent()) {
            return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "no answer from " + where + " in time",
                    Optional.empty(), List.of());
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        int greeting = message.indexOf("response: ");
        if (greeting >= 0) {
            SmtpReply reply = reply(message.substring(greeting + "response: ".length()), account);
            if (reply.isPermanent()) {
                return permanent(messageId, MailError.SMTP_CONNECTION_REJECTED, "the server " + where + " refused the connection: "
                        + reply, Optional.of(reply), List.of());
            }
            if (reply.isTemporary()) {
                return temporary(messageId, MailError.SMTP_TEMPORARY, "the server " + where + " is not accepting mail now: "
                        + reply, Optional.of(reply), List.of());
            }
        }
        int code = transport.getLastReturnCode();
        return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "the connection to " + where + " failed: "
                + Redactor.redact(rootMessage(e), pw) + (code > 0 ? " (last reply " + code + ")" : ""), Optional.empty(), List.of());
    }

    private SendOutcome commandFailure(String messageId, SMTPSendFailedException e, SmtpAccount account) {
        SmtpReply reply = reply(e.getMessage(), account);
        if (reply.code() == 0) {
            reply = new SmtpReply(e.getReturnCode(), Redactor.redact(e.getMessage(), account.password()));
        }
        String command = e.getCommand() == null ? "" : e.getCommand();
        List<RecipientRejection> rejected = rejections(e, account);
        if (reply.isTemporary()) {
            return temporary(messageId, MailError.SMTP_TEMPORARY, "the server answered \"try again later\": " + reply,
                    Optional.of(reply), rejected);
        }
        if (command.startsWith("MAIL FROM")) {
            return permanent(messageId, MailError.SMTP_REJECTED_SENDER, "the server refused the sender: " + reply, Optional.of(reply), rejected);
        }
        if (command.startsWith("RCPT")) {
            return permanent(messageId, MailError.SMTP_REJECTED_RECIPIENT, "the server refused the recipient: " + reply, Optional.of(reply), rejected);
        }
        return permanent(messageId, MailError.SMTP_REJECTED_MESSAGE, "the server refused the message: " + reply, Optional.of(reply), rejected);
    }

    private SendOutcome recipientFailure(String messageId, SendFailedException e, SmtpAccount account) {
        List<RecipientRejection> rejected = rejections(e, account);
        if (rejected.isEmpty()) {
            return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "sending failed: " + Redactor.redact(rootMessage(e),
                    account.password()), Optional.empty(), List.of());
        }
        SmtpReply first = rejected.get(0).reply();
        String list = String.join("; ", rejected.stream().map(r -> r.address() + ": " + r.reply()).toList());
        if (rejected.stream().allMatch(RecipientRejection::isPermanent)) {
            return permanent(messageId, MailError.SMTP_REJECTED_RECIPIENT, "the server refused every recipient: " + list,
                    Optional.of(first), rejected);
        }
        return temporary(messageId, MailError.SMTP_TEMPORARY, "the server did not accept the recipients now: " + list,
                rejected.stream().filter(r -> !r.isPermanent()).findFirst().map(RecipientRejection::reply), rejected);
    }

    private SendOutcome midSendFailure(String messageId, MessagingException e, boolean dataStarted, int code, SmtpAccount account) {
        if (code >= 400 && code < 500) {
            SmtpReply parsed = reply(e.getMessage(), account);
            SmtpReply reply = parsed.code() == code ? parsed : new SmtpReply(code, parsed.text());
            return temporary(messageId, MailError.SMTP_TEMPORARY, "the server answered \"try again later\": " + reply,
                    Optional.of(reply), List.of());
        }
        String detail = Redactor.redact(rootMessage(e), account.password());
        if (dataStarted) {
            return temporary(messageId, MailError.SMTP_CONNECTION_LOST, "the connection to " + account.host()
                    + " broke while the message was being sent; the server may or may not have it (" + detail + ")",
                    Optional.empty(), List.of());
        }
        String reason = code < 0 ? "the server closed the connection without answering" : detail;
        return temporary(messageId, MailError.SMTP_CONNECTION_FAILED, "the connection to " + account.host() + " failed: " + reason,
                Optional.empty(), List.of());
    }

    private static List<RecipientRejection> rejections(MessagingException e, SmtpAccount account) {
        List<RecipientRejection> out = new ArrayList<>();
        Exception next = e;
        int guard = 0;
        while (next != null && guard++ < 1000) {
            if (next instanceof SMTPAddressFailedException failed) {
                SmtpReply reply = reply(failed.getMessage(), account);
                out.add(new RecipientRejection(failed.getAddress().getAddress(),
                        reply.code() == 0 ? new SmtpReply(failed.getReturnCode(), reply.text()) : reply));
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return out;
    }

    private static SmtpReply reply(String response, SmtpAccount account) {
        String safe = Redactor.redact(response, account.password());
        return SmtpReply.parse(safe).orElse(new SmtpReply(0, safe));
    }

    private static TemporaryFailure temporary(String id, MailError error, String detail, Optional<SmtpReply> reply, List<RecipientRejection> rejected) {
        return new TemporaryFailure(id, error, detail, reply, rejected);
    }

    private static PermanentFailure permanent(String id, MailError error, String detail, Optional<SmtpReply> reply, List<RecipientRejection> rejected) {
        return new PermanentFailure(id, error, detail, reply, rejected);
    }

    private static String describe(SendOutcome outcome) {
        if (outcome instanceof TemporaryFailure f) {
            return "temporary " + f.error() + ": " + f.detail();
        }
        if (outcome instanceof PermanentFailure f) {
            return "permanent " + f.error() + ": " + f.detail();
        }
        PartiallyAccepted p = (PartiallyAccepted) outcome;
        return "accepted for " + p.accepted().size() + ", refused for " + p.rejected().size() + " recipient(s)";
    }

    private static <T extends Throwable> Optional<T> cause(Throwable e, Class<T> type) {
        Throwable t = e;
        for (int i = 0; t != null && i < 20; i++) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String message = e.getClass().getSimpleName();
        for (int i = 0; t != null && i < 20; i++) {
            if (t.getMessage() != null) {
                message = t.getClass().getSimpleName() + ": " + t.getMessage();
            }
            Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException() : t.getCause();
            t = next == t ? null : next;
        }
        return message;
    }

    private Session session(SmtpAccount account, boolean trusted) {
        Properties p = new Properties();
        p.put("mail.smtp.localhost", settings.heloName());
        p.put("mail.smtp.connectiontimeout", String.valueOf(settings.connectTimeout().toMillis()));
        p.put("mail.smtp.timeout", String.valueOf(settings.readTimeout().toMillis()));
        p.put("mail.smtp.writetimeout", String.valueOf(settings.writeTimeout().toMillis()));
        p.put("mail.smtp.executor.writetimeout", writeTimeouts);
        p.put("mail.smtp.socketFactory", trusted ? trustedSocketFactory : socketFactory);
        p.put("mail.smtp.socketFactory.fallback", "false");
        p.put("mail.smtp.auth", String.valueOf(account.user().isPresent()));
        p.put("mail.smtp.sendpartial", "true");
        p.put("mail.smtp.quitwait", "false");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        p.put("mail.smtp.ssl.protocols", "TLSv1.3 TLSv1.2");
        p.put("mail.debug", "false");
        p.put("mail.debug.auth", "false");
        switch (account.effectiveEncryption()) {
            case SSL_TLS -> p.put("mail.smtp.ssl.enable", "true");
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", String.valueOf(account.requiresStartTls()));
            }
            default -> {
                // NONE: plain SMTP
            }
        }
        return Session.getInstance(p);
    }

    /** Closes idle connections older than the idle timeout and forgets pools with no connection. */
    void evictIdle() {
        long now = System.nanoTime();
        pools.forEach((key, pool) -> {
            pool.evictIdle(now - settings.idleTimeout().toNanos());
            if (pool.retireIfUnused(now - settings.idleTimeout().toNanos())) {
                pools.remove(key, pool);
            }
        });
    }

    /** Closes every connection (QUIT) and stops housekeeping; later sends fail with {@link MailError#SMTP_BUSY}. */
    @Override
    public void close() {
        closed = true;
        pools.values().forEach(AccountPool::close);
        pools.clear();
        housekeeping.shutdownNow();
    }

    /** What makes two accounts share connections: the same server and the same login. */
    private record PoolKey(String host, int port, Encryption encryption, Optional<String> user, Secret password, boolean trusted) {
        static PoolKey of(SmtpAccount a, boolean trusted) {
            return new PoolKey(a.host(), a.port(), a.encryption(), a.user(), a.password(), trusted);
        }
    }

    /** One account's connections: at most {@code maxConnectionsPerAccount}, idle ones newest first. */
    private final class AccountPool {
        /** Returned by {@link #borrow} of a retired pool: look the pool up again. */
        static final Connection RETIRED = new Connection();
        final SmtpAccount account;
        final Session session;
        final Semaphore permits = new Semaphore(settings.maxConnectionsPerAccount(), true);
        final Deque<Connection> idle = new ArrayDeque<>();
        long lastUsedNanos = System.nanoTime();
        int inUse;
        boolean retired;

        AccountPool(SmtpAccount account, Session session) {
            this.account = account;
            this.session = session;
        }

        Connection borrow(long timeoutMillis) throws InterruptedException {
            if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return null;
            }
            synchronized (this) {
                if (retired) {
                    permits.release();
                    return RETIRED;
                }
                inUse++;
                lastUsedNanos = System.nanoTime();
                Connection c = idle.pollFirst();
                return c != null ? c : new Connection(session);
            }
        }

        /** Marks the pool retired if it has no connection and was last used before {@code olderThanNanos}. */
        synchronized boolean retireIfUnused(long olderThanNanos) {
            if (inUse == 0 && idle.isEmpty() && lastUsedNanos < olderThanNanos) {
                retired = true;
            }
            return retired;
        }

        void giveBack(Connection c, boolean reusable) {
            boolean close;
            synchronized (this) {
                inUse--;
                lastUsedNanos = System.nanoTime();
                close = !reusable || !c.connected || closed;
                if (!close) {
                    idle.addFirst(c);
                }
            }
            if (close) {
                c.close();
            }
            permits.release();
        }

        void evictIdle(long olderThanNanos) {
            List<Connection> old = new ArrayList<>();
            synchronized (this) {
                idle.removeIf(c -> {
                    boolean stale = c.lastUsedNanos < olderThanNanos;
                    if (stale) {
                        old.add(c);
                    }
                    return stale;
                });
            }
            if (!old.isEmpty()) {
                LOG.debug("closing {} idle SMTP connection(s) to {} ({})", old.size(), account.host(), account.accountName());
            }
            old.forEach(Connection::close);
        }

        synchronized int open() {
            return inUse + idle.size();
        }

        void close() {
            List<Connection> all;
            synchronized (this) {
                all = new ArrayList<>(idle);
                idle.clear();
            }
            all.forEach(Connection::close);
        }
    }

    /** One SMTP connection (re-creatable: after {@link #close()} the next send connects again). */
    private static final class Connection {
        final TrackingSmtpTransport transport;
        boolean connected;
        long lastUsedNanos = System.nanoTime();
        int messages;

        Connection(Session session) {
            this.transport = new TrackingSmtpTransport(session);
        }

        private Connection() {
            this.transport = null;
        }

        void connect(SmtpAccount account) throws MessagingException {
            transport.connect(account.host(), account.port(), account.user().orElse(null),
                    account.user().isPresent() ? account.password().reveal() : null);
            connected = true;
            messages = 0;
            lastUsedNanos = System.nanoTime();
        }

        void close() {
            connected = false;
            try {
                transport.close();
            } catch (MessagingException | RuntimeException e) {
                LOG.debug("closing an SMTP connection failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
