package io.invoiceflow.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP sink on loopback for benchmarks: it speaks enough SMTP (EHLO, MAIL, RCPT, DATA, RSET,
 * NOOP, QUIT) to accept every message, counts it and throws it away, so that a long run does not fill
 * the heap the way a mail server that keeps messages would. One thread per connection.
 */
final class SmtpSink implements AutoCloseable {
    private final ServerSocket server;
    private final Thread acceptor;
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private final Map<String, Integer> copies = new ConcurrentHashMap<>();
    private final Map<String, Integer> subjects = new ConcurrentHashMap<>();
    private volatile long firstAcceptedNanos;
    private volatile long lastAcceptedNanos;

    SmtpSink() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "smtp-sink");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Messages accepted (250 after DATA) so far. */
    long accepted() {
        return accepted.get();
    }

    long bytes() {
        return bytes.get();
    }

    long connections() {
        return connections.get();
    }

    /** Message-IDs that arrived more than once, with their number of copies. */
    Map<String, Integer> repeated() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        copies.forEach((id, n) -> {
            if (n > 1) {
                out.put(id, n);
            }
        });
        return out;
    }

    /** Messages by subject, digits replaced by '#' (invoice numbers, dates). */
    Map<String, Integer> subjects() {
        return new java.util.TreeMap<>(subjects);
    }

    /** {@link System#nanoTime} when the first message was accepted; 0 before it. */
    long firstAcceptedNanos() {
        return firstAcceptedNanos;
    }

    /** {@link System#nanoTime} when the last message was accepted; 0 before the first. */
    long lastAcceptedNanos() {
        return lastAcceptedNanos;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread session = new Thread(() -> serve(socket), "smtp-sink-" + connections.get());
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = new BufferedInputStream(socket.getInputStream(), 65536);
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            String line;
            while ((line = readLine(in)) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 SIZE 52428800");
                    case "HELO" -> reply(out, "250 sink");
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        long size = readData(in, copies, subjects);
                        bytes.addAndGet(size);
                        accepted.incrementAndGet();
                        lastAcceptedNanos = System.nanoTime();
                        if (accepted.get() == 1) {
                            firstAcceptedNanos = lastAcceptedNanos;
                        }
                        reply(out, "250 2.0.0 accepted");
                    }
                    case "QUIT" -> {
                        reply(out, "221 bye");
                        return;
                    }
                    default -> reply(out, "250 OK"); // MAIL, RCPT, RSET, NOOP
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    /** Reads the message up to the line with a single dot, counting its Message-ID and subject; returns its size. */
    private static long readData(InputStream in, Map<String, Integer> copies, Map<String, Integer> subjects)
            throws IOException {
        long size = 0;
        boolean headers = true;
        String messageId = "(none)";
        String subject = "(none)";
        String line;
        while ((line = readLine(in)) != null && !line.equals(".")) {
            size += line.length() + 2;
            if (headers) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (line.isEmpty()) {
                    headers = false;
                } else if (lower.startsWith("message-id:")) {
                    messageId = line.substring(11).trim();
                } else if (lower.startsWith("subject:")) {
                    subject = line.substring(8).trim().replaceAll("[0-9]", "#");
                }
            }
        }
        copies.merge(messageId, 1, Integer::sum);
        subjects.merge(subject, 1, Integer::sum);
        return size;
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
