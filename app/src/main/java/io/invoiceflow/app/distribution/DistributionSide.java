package io.invoiceflow.app.distribution;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.documents.archive.DirectoryDocumentArchive;
import io.invoiceflow.documents.pdf.PdfRenderer;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.InvoiceId;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.streams.ActingTopology;
import io.invoiceflow.streams.bounce.BounceMailboxReader;
import io.invoiceflow.streams.bounce.BounceMailboxSettings;
import io.invoiceflow.streams.bounce.BounceParser;
import io.invoiceflow.streams.bounce.BounceReport;
import io.invoiceflow.streams.bounce.JobTokens;
import io.invoiceflow.streams.bounce.RecipientStatus;
import io.invoiceflow.streams.distribution.DistributionRecorder;
import io.invoiceflow.streams.distribution.DistributionWorkers;
import io.invoiceflow.streams.distribution.JobHandler;
import io.invoiceflow.streams.mail.MailSettings;
import io.invoiceflow.streams.mail.Mailer;
import io.invoiceflow.streams.recurring.SchedulerMetrics;
import io.invoiceflow.streams.recurring.SchedulerSettings;
import io.invoiceflow.streams.secrets.SecretBox;
import io.invoiceflow.streams.secrets.ViewLinks;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * The running distribution (ADR 0009): the stream processor that decides (its own Kafka Streams
 * application, so a rebuild of the read side never touches it), the workers that render and send
 * with each tenant's settings (ADR 0190),
 * the mailer (pooled SMTP, or the local mail sink by default), and the bounce mailbox poller.
 */
public final class DistributionSide implements AutoCloseable {
    public static final String APPLICATION_ID = "invoiceflow-distribution";
    private static final Logger LOG = LoggerFactory.getLogger(DistributionSide.class);
    private static final Duration PUNCTUATION = Duration.ofSeconds(1);

    private final Deque<AutoCloseable> parts = new ArrayDeque<>();
    private final Mailer mailer;
    private final PdfRenderer renderer;
    private final ViewLinks links;
    private final SecretBox secrets;
    private final DistributionWorkers workers;
    private KafkaStreams streams;

    private DistributionSide(Mailer mailer, PdfRenderer renderer, ViewLinks links, SecretBox secrets,
                             DistributionWorkers workers) {
        this.mailer = mailer;
        this.renderer = renderer;
        this.links = links;
        this.secrets = secrets;
        this.workers = workers;
    }

    /**
     * Starts everything; the internal topics of the processor must exist already.
     *
     * @param publicUrl where browsers reach this installation, for the invoice links in emails
     */
    public static DistributionSide start(Properties streamsConfig, String bootstrapServers, Duration sessionTimeout,
                                         WriteSide writeSide,
                                         MailSettings mail, Optional<BounceMailboxSettings> bounceMailbox,
                                         Path dataDir, String publicUrl, Clock clock, SchedulerSettings scheduler,
                                         SchedulerMetrics schedulerMetrics) {
        return start(streamsConfig, bootstrapServers, sessionTimeout, writeSide, mail, bounceMailbox, dataDir, publicUrl, clock,
                scheduler, schedulerMetrics, UnaryOperator.identity());
    }

    /**
     * {@link #start} with the recorder the workers and the bounce poller use wrapped by {@code recorders}:
     * the seam where the failure tests put a crash between sending and recording.
     */
    static DistributionSide start(Properties streamsConfig, String bootstrapServers, Duration sessionTimeout,
                                  WriteSide writeSide,
                                  MailSettings mail, Optional<BounceMailboxSettings> bounceMailbox, Path dataDir,
                                  String publicUrl, Clock clock, SchedulerSettings scheduler,
                                  SchedulerMetrics schedulerMetrics, UnaryOperator<DistributionRecorder> recorders) {
        Mailer mailer = Mailer.start(mail, dataDir, clock);
        try {
            SecretBox secrets = SecretBox.load(mail.secretKey(), dataDir);
            JobTokens tokens = JobTokens.from(secrets);
            ViewLinks links = ViewLinks.from(secrets);
            PdfRenderer renderer = PdfRenderer.create(clock);
            DistributionRecorder recorder = recorders.apply(new WriteSideRecorder(writeSide));
            JobHandler handler = new JobHandler(renderer, new DirectoryDocumentArchive(dataDir.resolve("documents")),
                    mailer, tokens, recorder, new WriteSideTenantSettings(writeSide.distributionSettings(), secrets),
                    (tenant, invoice) -> links.url(publicUrl, new TenantId(tenant), new InvoiceId(invoice)), clock);
            DistributionSide side = new DistributionSide(mailer, renderer, links, secrets,
                    DistributionWorkers.start(bootstrapServers, sessionTimeout, handler, 2));
            side.parts.push(mailer);
            side.parts.push(side.workers);
            bounceMailbox.ifPresent(settings -> side.parts.push(pollBounces(settings, tokens, recorder)));
            side.streams = processor(streamsConfig, clock, scheduler, schedulerMetrics);
            side.parts.push(() -> side.streams.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(30))));
            return side;
        } catch (RuntimeException | Error e) {
            mailer.close();
            throw e;
        }
    }

    private static KafkaStreams processor(Properties streamsConfig, Clock clock, SchedulerSettings scheduler,
                                          SchedulerMetrics schedulerMetrics) {
        StreamsBuilder builder = new StreamsBuilder();
        ActingTopology.build(builder, Stores::persistentKeyValueStore, clock, PUNCTUATION, scheduler, schedulerMetrics);
        KafkaStreams streams = new KafkaStreams(builder.build(streamsConfig), streamsConfig);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("The distribution's stream thread failed; replacing it", e);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        });
        streams.start();
        return streams;
    }

    /** P7: delivery status notifications read from the bounce mailbox become bounces of their distribution. */
    private static AutoCloseable pollBounces(BounceMailboxSettings settings, JobTokens tokens,
                                             DistributionRecorder recorder) {
        BounceMailboxReader reader = new BounceMailboxReader(settings, new BounceParser(tokens));
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "bounce-mailbox"));
        Duration interval = settings.pollInterval();
        poller.scheduleWithFixedDelay(() -> {
            try {
                reader.poll(report -> record(report, recorder));
            } catch (Exception e) {
                LOG.warn("Reading the bounce mailbox failed; trying again in {}", interval, e);
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return () -> {
            // a poll under way may be recording a bounce: let it finish (an interrupt inside H2's file I/O
            // would close the embedded event store), and interrupt only a poll stuck on the mailbox
            poller.shutdown();
            if (!poller.awaitTermination(10, TimeUnit.SECONDS)) {
                poller.shutdownNow();
                poller.awaitTermination(5, TimeUnit.SECONDS);
            }
            reader.close();
        };
    }

    private static void record(BounceReport report, DistributionRecorder recorder) {
        if (!report.isBounce() || report.job().isEmpty()) {
            return; // a delay notice, an auto-reply, or a message that names no job of ours
        }
        UUID distribution = report.job().get().jobId();
        for (RecipientStatus failed : report.failedRecipients()) {
            try {
                recorder.bounced(distribution, failed.recipient(), "DSN", failed.status().orElse(null),
                        failed.diagnostic().orElse(null));
            } catch (DomainException e) {
                if (e.code() != ErrorCode.NOT_FOUND) {
                    throw e;
                }
                // our token, but no distribution: a bounce notice or daily summary to a tenant's notification
                // address bounced; nobody is left to tell, and retrying would read it on every poll forever
                LOG.warn("A delivery status notification for {} bounced an email to a tenant (a notice or a daily "
                        + "summary, job {}): {} {}; not retried", failed.recipient(), distribution,
                        failed.status().orElse("no status"), failed.diagnostic().orElse(""));
                return;
            }
        }
    }

    public Mailer mailer() {
        return mailer;
    }

    public PdfRenderer renderer() {
        return renderer;
    }

    public ViewLinks links() {
        return links;
    }

    /** The installation key's box: tenants' SMTP passwords are sealed and opened with it. */
    public SecretBox secrets() {
        return secrets;
    }

    public DistributionWorkers workers() {
        return workers;
    }

    public KafkaStreams streams() {
        return streams;
    }

    @Override
    public void close() {
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                LOG.warn("Error while stopping the distribution", e);
            }
        }
    }
}
