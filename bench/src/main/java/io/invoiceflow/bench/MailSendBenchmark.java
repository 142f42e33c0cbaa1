package io.invoiceflow.bench;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.invoiceflow.streams.bounce.JobTokens;
import io.invoiceflow.streams.mail.Accepted;
import io.invoiceflow.streams.mail.Attachment;
import io.invoiceflow.streams.mail.Encryption;
import io.invoiceflow.streams.mail.MailAddress;
import io.invoiceflow.streams.mail.MailTransport;
import io.invoiceflow.streams.mail.OutgoingMail;
import io.invoiceflow.streams.mail.SendOutcome;
import io.invoiceflow.streams.mail.SmtpAccount;
import io.invoiceflow.streams.mail.SmtpMailer;
import io.invoiceflow.streams.mail.SmtpTransportSettings;
import io.invoiceflow.streams.secrets.HostPolicy;
import io.invoiceflow.streams.secrets.Secret;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * SMTP sending alone (docs/benchmarks/mail.md): invoice emails with a ~60 KB PDF, composed and sent
 * through {@link SmtpMailer} to an in-process GreenMail SMTP server on loopback. Four configurations:
 * one pooled connection reused per worker vs a new connection per message
 * ({@code maxMessagesPerConnection = 1}: connect, EHLO, send, QUIT every time), with 1 and 2
 * workers. Each configuration runs {@code --repeats} times for {@code --messages} messages after a
 * warm-up; the report gives the median and the spread.
 *
 * <pre>
 * mvn -B -q -pl bench -am package -DskipTests
 * java -Xmx2g -cp bench/target/invoiceflow-bench.jar io.invoiceflow.bench.MailSendBenchmark [--messages 3000]
 *      [--warmup 500] [--repeats 3] [--attachment-kb 60] [--out FILE]
 * </pre>
 */
public final class MailSendBenchmark {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private record Config(String name, boolean reuse, int workers) {
    }

    /** One measured run. */
    private record Run(int messages, double seconds, double processCpuMs, double workerCpuMs, int connections,
                       long gcCount, double load1) {
        double rate() {
            return messages / seconds;
        }

        double processCpuPerMessage() {
            return processCpuMs / messages;
        }

        double workerCpuPerMessage() {
            return workerCpuMs / messages;
        }
    }

    private MailSendBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = 3000;
        int warmup = 500;
        int repeats = 3;
        int attachmentKb = 60;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--messages" -> messages = Integer.parseInt(args[++i]);
                case "--warmup" -> warmup = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--attachment-kb" -> attachmentKb = Integer.parseInt(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: MailSendBenchmark [--messages N] [--warmup N] [--repeats N] [--attachment-kb N] [--out FILE]");
                    System.exit(2);
                }
            }
        }
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        GreenMail greenMail = new GreenMail(smtp);
        greenMail.start();
        byte[] pdf = pdf(attachmentKb * 1024);
        JobTokens tokens = new JobTokens("benchmark-key-not-an-installation".getBytes(StandardCharsets.US_ASCII));
        SmtpAccount account = new SmtpAccount("bench", Optional.of("Fjordkraft Regnskap AS"), "faktura@fjordkraft.test",
                Optional.empty(), Secret.empty(), "127.0.0.1", greenMail.getSmtp().getPort(), Encryption.NONE);
        List<Config> configs = List.of(new Config("reuse, 1 worker", true, 1), new Config("reuse, 2 workers", true, 2),
                new Config("new connection per message, 1 worker", false, 1), new Config("new connection per message, 2 workers", false, 2));
        StringBuilder report = new StringBuilder();
        report.append("machine: ").append(Machine.cpuModel()).append(", ").append(Runtime.getRuntime().availableProcessors())
                .append(" cores; JVM ").append(System.getProperty("java.version")).append("; attachment ").append(pdf.length)
                .append(" bytes; ").append(messages).append(" messages per run, ").append(repeats).append(" runs per configuration\n\n");
        report.append("| configuration | messages/s (median) | runs | CPU ms/message, sender threads | CPU ms/message, whole JVM (incl. GreenMail, GC) | connections opened | load1 |\n");
        report.append("|---|---|---|---|---|---|---|\n");
        try {
            for (Config config : configs) {
                SmtpTransportSettings settings = SmtpTransportSettings.defaults("bench.invoiceflow.test")
                        .withMaxConnectionsPerAccount(config.workers());
                if (!config.reuse()) {
                    settings = new SmtpTransportSettings(settings.heloName(), settings.maxConnectionsPerAccount(), settings.connectTimeout(),
                            settings.readTimeout(), settings.writeTimeout(), settings.idleTimeout(), settings.validateAfterIdle(),
                            settings.acquireTimeout(), 1);
                }
                List<Run> runs = new ArrayList<>();
                try (SmtpMailer mailer = new SmtpMailer(settings, HostPolicy.of(true), Clock.systemUTC())) {
                    MailTransport transport = mailer.transport(account);
                    run(transport, mailer, tokens, pdf, warmup, config.workers());
                    for (int r = 0; r < repeats; r++) {
                        greenMail.purgeEmailFromAllMailboxes();
                        System.gc();
                        Run run = run(transport, mailer, tokens, pdf, messages, config.workers());
                        runs.add(run);
                        System.out.printf("%-40s run %d: %7.1f msg/s, %.2f ms CPU/msg (sender threads), %.2f ms CPU/msg (JVM), %d connections, %d GCs, load1 %.2f%n",
                                config.name(), r + 1, run.rate(), run.workerCpuPerMessage(), run.processCpuPerMessage(),
                                run.connections(), run.gcCount(), run.load1());
                    }
                }
                runs.sort(Comparator.comparingDouble(Run::rate));
                Run median = runs.get(runs.size() / 2);
                report.append(String.format("| %s | %.0f | %s | %.2f | %.2f | %d | %.2f |%n", config.name(), median.rate(),
                        String.join(" / ", runs.stream().map(r -> String.format("%.0f", r.rate())).toList()),
                        median.workerCpuPerMessage(), median.processCpuPerMessage(), median.connections(), median.load1()));
            }
        } finally {
            greenMail.stop();
        }
        System.out.println();
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report.toString());
        }
    }

    private static Run run(MailTransport transport, SmtpMailer mailer, JobTokens tokens, byte[] pdf, int messages, int workers)
            throws InterruptedException, IOException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicLong workerCpu = new AtomicLong();
        CountDownLatch done = new CountDownLatch(workers);
        int connectionsBefore = mailer.connectionsOpened();
        long gcBefore = gcCount();
        long cpuBefore = OS.getProcessCpuTime();
        long start = System.nanoTime();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                long cpu0 = THREADS.getCurrentThreadCpuTime();
                try {
                    while (next.getAndIncrement() < messages) {
                        SendOutcome outcome = transport.send(mail(tokens, UUID.randomUUID(), pdf));
                        if (!(outcome instanceof Accepted)) {
                            failures.incrementAndGet();
                            System.err.println("not accepted: " + outcome);
                        }
                    }
                } finally {
                    workerCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - cpu0);
                    done.countDown();
                }
            }, "bench-mail-" + w);
            t.start();
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        double processCpuMs = (OS.getProcessCpuTime() - cpuBefore) / 1e6;
        if (failures.get() > 0) {
            throw new IOException(failures.get() + " messages were not accepted");
        }
        return new Run(messages, seconds, processCpuMs, workerCpu.get() / 1e6, mailer.connectionsOpened() - connectionsBefore,
                gcCount() - gcBefore, Machine.loadAverage()[0]);
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(g -> Math.max(0, g.getCollectionCount())).sum();
    }

    private static OutgoingMail mail(JobTokens tokens, UUID job, byte[] pdf) {
        return new OutgoingMail(tokens.identity(job, "fjordkraft.test", Optional.of("bounces@invoiceflow.test")),
                MailAddress.of("faktura@fjordkraft.test", "Fjordkraft Regnskap AS"), Optional.empty(),
                List.of(MailAddress.of("post@bryggen.test", "Bryggen Bakeri AS")), List.of(),
                "Faktura INV-1001 fra Fjordkraft Regnskap AS", "Hei!\n\nVedlagt finner du faktura INV-1001 på kr 854,28.\n",
                "<p>Hei!</p><p>Vedlagt finner du faktura <b>INV-1001</b> på kr 854,28.</p>",
                List.of(Attachment.pdf("Faktura INV-1001.pdf", pdf)));
    }

    private static byte[] pdf(int size) {
        byte[] body = new byte[size];
        new Random(7).nextBytes(body);
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }
}
