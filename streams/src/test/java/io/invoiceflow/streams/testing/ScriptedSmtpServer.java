package io.invoiceflow.streams.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP peer on loopback for tests: speaks enough ESMTP for Jakarta Mail (EHLO, AUTH PLAIN
 * and LOGIN, MAIL, RCPT, DATA, RSET, NOOP, QUIT, a STARTTLS that breaks the handshake) and can be
 * told to answer any stage with a given reply, to drop the connection at a stage, or to hold its
 * answer at a stage until the test releases it (a slow server). Counts connections and records
 * every command and every accepted message.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** A point in the SMTP dialogue. */
    public enum Stage { GREETING, EHLO, AUTH, MAIL, RCPT, DATA, END_OF_DATA, NOOP }

    /** A message the server accepted. */
    public record Received(String mailFrom, List<String> rcptTo, byte[] data) {
        public String text() {
            return new String(data, StandardCharsets.UTF_8);
        }
    }

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<Stage, String> replies = new ConcurrentHashMap<>();
    private final Map<String, String> rcptReplies = new ConcurrentHashMap<>();
    private final Set<Stage> drops = ConcurrentHashMap.newKeySet();
    private final Map<Stage, CountDownLatch> holds = new ConcurrentHashMap<>();
    private final CountDownLatch held = new CountDownLatch(1);
    private volatile List<String> extensions = List.of("8BITMIME", "DSN", "SIZE 10485760");
    private volatile boolean echoAuth;
    private volatile boolean brokenStartTls;

    public ScriptedSmtpServer() throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        acceptor = new Thread(this::acceptLoop, "scripted-smtp-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Answer {@code stage} with {@code reply} (for example {@code "451 4.3.0 try later"}). */
    public ScriptedSmtpServer reply(Stage stage, String reply) {
        replies.put(stage, reply);
        return this;
    }

    /** Answer {@code RCPT TO:<address>} with {@code reply}. */
    public ScriptedSmtpServer rcptReply(String address, String reply) {
        rcptReplies.put(address.toLowerCase(Locale.ROOT), reply);
        return this;
    }

    /** Close the connection instead of answering {@code stage}. */
    public ScriptedSmtpServer dropAt(Stage stage) {
        drops.add(stage);
        return this;
    }

    /** Stop dropping at {@code stage}. */
    public ScriptedSmtpServer stopDropping(Stage stage) {
        drops.remove(stage);
        return this;
    }

    /** Hold the answer at {@code stage} until the returned latch is counted down. */
    public CountDownLatch holdAt(Stage stage) {
        CountDownLatch latch = new CountDownLatch(1);
        holds.put(stage, latch);
        return latch;
    }

    /** Returns once some connection is being held at a stage. */
    public boolean awaitHeld(long seconds) throws InterruptedException {
        return held.await(seconds, TimeUnit.SECONDS);
    }

    /** The EHLO extensions advertised (besides the server name line). */
    public ScriptedSmtpServer extensions(String... ext) {
        extensions = List.of(ext);
        return this;
    }

    /** Echo the client's AUTH lines back in the reply text (a careless or hostile server). */
    public ScriptedSmtpServer echoAuth() {
        echoAuth = true;
        return this;
    }

    /** Advertise STARTTLS, answer 220 and then send bytes that are not TLS. */
    public ScriptedSmtpServer brokenStartTls() {
        brokenStartTls = true;
        List<String> ext = new ArrayList<>(extensions);
        ext.add("STARTTLS");
        extensions = List.copyOf(ext);
        return this;
    }

    /** Close every open client connection, as a server does with idle clients. */
    public void dropAllConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    public int connections() {
        return connections.get();
    }

    public List<String> commands() {
        return Collections.unmodifiableList(commands);
    }

    public List<Received> received() {
        return Collections.unmodifiableList(received);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "scripted-smtp-" + connections.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            if (!answer(socket, out, Stage.GREETING, "220 scripted.test ESMTP ready")) {
                return;
            }
            String mailFrom = null;
            List<String> rcpts = new ArrayList<>();
            String line;
            while ((line = readLine(in)) != null) {
                commands.add(line);
                String upper = line.toUpperCase(Locale.ROOT);
                if (upper.startsWith("EHLO")) {
                    if (!hold(socket, Stage.EHLO)) {
                        return;
                    }
                    StringBuilder sb = new StringBuilder("250-scripted.test\r\n");
                    List<String> ext = extensions;
                    for (int i = 0; i < ext.size(); i++) {
                        sb.append(i == ext.size() - 1 ? "250 " : "250-").append(ext.get(i)).append("\r\n");
                    }
                    if (ext.isEmpty()) {
                        sb = new StringBuilder("250 scripted.test\r\n");
                    }
                    write(out, sb.toString());
                } else if (upper.startsWith("HELO")) {
                    write(out, "250 scripted.test\r\n");
                } else if (upper.startsWith("STARTTLS") && brokenStartTls) {
                    write(out, "220 2.0.0 Ready to start TLS\r\n");
                    write(out, "this is not a TLS server hello\r\n");
                    return;
                } else if (upper.startsWith("AUTH")) {
                    String echo = line;
                    if (upper.equals("AUTH LOGIN")) {
                        write(out, "334 VXNlcm5hbWU6\r\n");
                        String user = readLine(in);
                        write(out, "334 UGFzc3dvcmQ6\r\n");
                        String pass = readLine(in);
                        commands.add(user);
                        commands.add(pass);
                        echo = line + " " + user + " " + pass;
                    } else if (upper.equals("AUTH PLAIN")) {
                        write(out, "334 \r\n");
                        String blob = readLine(in);
                        commands.add(blob);
                        echo = line + " " + blob;
                    }
                    String reply = replies.getOrDefault(Stage.AUTH, "235 2.7.0 Authentication successful");
                    if (echoAuth) {
                        reply = reply + " (you sent: " + echo + ")";
                    }
                    if (!hold(socket, Stage.AUTH) || drops.contains(Stage.AUTH)) {
                        return;
                    }
                    write(out, reply + "\r\n");
                } else if (upper.startsWith("MAIL FROM:")) {
                    mailFrom = line;
                    rcpts = new ArrayList<>();
                    if (!answer(socket, out, Stage.MAIL, "250 2.1.0 Ok")) {
                        return;
                    }
                } else if (upper.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
                    String reply = rcptReplies.getOrDefault(address, replies.getOrDefault(Stage.RCPT, "250 2.1.5 Ok"));
                    if (reply.startsWith("2")) {
                        rcpts.add(line);
                    }
                    if (!hold(socket, Stage.RCPT)) {
                        return;
                    }
                    if (drops.contains(Stage.RCPT)) {
                        return;
                    }
                    write(out, reply + "\r\n");
                } else if (upper.equals("DATA")) {
                    if (!answer(socket, out, Stage.DATA, "354 End data with <CR><LF>.<CR><LF>")) {
                        return;
                    }
                    if (!replies.getOrDefault(Stage.DATA, "354").startsWith("354")) {
                        continue;
                    }
                    byte[] data = readData(in);
                    if (data == null) {
                        return;
                    }
                    String reply = replies.getOrDefault(Stage.END_OF_DATA, "250 2.0.0 Ok: queued as Q" + (received.size() + 1));
                    if (!hold(socket, Stage.END_OF_DATA) || drops.contains(Stage.END_OF_DATA)) {
                        return;
                    }
                    if (reply.startsWith("2")) {
                        received.add(new Received(mailFrom, List.copyOf(rcpts), data));
                    }
                    write(out, reply + "\r\n");
                } else if (upper.equals("RSET")) {
                    mailFrom = null;
                    rcpts = new ArrayList<>();
                    write(out, "250 2.0.0 Ok\r\n");
                } else if (upper.equals("NOOP")) {
                    String reply = replies.getOrDefault(Stage.NOOP, "250 2.0.0 Ok");
                    write(out, reply + "\r\n");
                    if (reply.startsWith("421")) {
                        return;
                    }
                } else if (upper.equals("QUIT")) {
                    write(out, "221 2.0.0 Bye\r\n");
                    return;
                } else {
                    write(out, "502 5.5.2 Error: command not recognized\r\n");
                }
            }
        } catch (IOException e) {
            // the client or the test closed the connection
        } finally {
            open.remove(socket);
        }
    }

    /** Holds, drops or writes the reply for {@code stage}; false if the connection is to end. */
    private boolean answer(Socket socket, OutputStream out, Stage stage, String defaultReply) throws IOException {
        if (!hold(socket, stage) || drops.contains(stage)) {
            return false;
        }
        write(out, replies.getOrDefault(stage, defaultReply) + "\r\n");
        return true;
    }

    private boolean hold(Socket socket, Stage stage) {
        CountDownLatch latch = holds.get(stage);
        if (latch == null) {
            return true;
        }
        held.countDown();
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !socket.isClosed();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return null;
    }

    private static byte[] readData(InputStream in) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        String line;
        while ((line = readLine(in)) != null) {
            if (line.equals(".")) {
                return data.toByteArray();
            }
            if (line.startsWith(".")) {
                line = line.substring(1);
            }
            data.write(line.getBytes(StandardCharsets.ISO_8859_1));
            data.write('\r');
            data.write('\n');
        }
        return null;
    }

    /** Decodes a base64 token (an AUTH line part), for assertions. */
    public static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        holds.values().forEach(CountDownLatch::countDown);
        server.close();
        dropAllConnections();
        try {
            acceptor.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Unused-socket guard for tests that need a refused port. */
    public static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (SocketException e) {
            throw new IOException(e);
        }
    }
}
