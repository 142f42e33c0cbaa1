package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.CommandMessages;
import io.invoiceflow.events.Topics;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionEvent;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionId;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionRequested;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distribution.DistributionTrigger;
import io.invoiceflow.events.distribution.RecordDistributionFailed;
import io.invoiceflow.events.distribution.RequestDistribution;
import io.invoiceflow.events.distributionlist.DistributionEntryRemoved;
import io.invoiceflow.events.distributionlist.DistributionEntrySet;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.Envelopes;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.projections.views.Folds;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import io.invoiceflow.streams.DueIndex;
import io.invoiceflow.streams.mail.MailError;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The distribution's decisions, for one tenant partition of the event stream (exactly once with the
 * stores): finalizing an invoice requests its distribution (a command with an id derived from the
 * invoice, so a repeat is a duplicate); a requested distribution becomes a job, due at once; a
 * wall-clock punctuator hands due jobs to the workers ({@code invoicing.distribution-jobs}) with
 * their recipients (routed), language and the invoice or order as it stands; a temporary failure makes the
 * next attempt due at its retry time; a bounce sends the tenant one notice; the invoices recurring
 * schedules produced make the tenant's daily summary ({@link Summaries}). The processor keeps what it
 * needs as it folds: invoices, orders, tenant profiles, the distribution list, open jobs, summary lines.
 */
final class DistributionProcessor implements Processor<String, byte[], String, byte[]> {
    private static final Logger LOG = LoggerFactory.getLogger(DistributionProcessor.class);
    static final String ACTOR = "system:distribution";
    /** The header that names the topic an output record goes to (read by the topology's sink). */
    static final String ROUTE = "invoiceflow-route";
    /**
     * How long a request waits for its order to reach this processor; an order's events normally arrive within
     * milliseconds, but one created before this processor folded orders never does (ADR 0210).
     */
    static final Duration ORDER_WAIT = Duration.ofMinutes(15);

    private final Clock clock;
    private final Duration punctuation;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> positions;
    private KeyValueStore<String, byte[]> invoices;
    private KeyValueStore<String, byte[]> orders;
    private KeyValueStore<String, byte[]> tenants;
    private KeyValueStore<String, byte[]> list;
    private KeyValueStore<String, byte[]> jobs;
    private DueIndex due;
    private Summaries summaries;

    DistributionProcessor(Clock clock, Duration punctuation) {
        this.clock = clock;
        this.punctuation = punctuation;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        positions = context.getStateStore(DistributionTopology.POSITIONS);
        invoices = context.getStateStore(DistributionTopology.INVOICES);
        orders = context.getStateStore(DistributionTopology.ORDERS);
        tenants = context.getStateStore(DistributionTopology.TENANTS);
        list = context.getStateStore(DistributionTopology.LIST);
        jobs = context.getStateStore(DistributionTopology.JOBS);
        due = new DueIndex(context.getStateStore(DistributionTopology.DUE));
        summaries = new Summaries(clock, context.getStateStore(DistributionTopology.SUMMARY_LINES),
                context.getStateStore(DistributionTopology.SUMMARY_DAYS));
        // the injected clock, not the stream time: a development installation's clock may run ahead
        context.schedule(punctuation, PunctuationType.WALL_CLOCK_TIME, ignored -> dispatchDue(clock.instant()));
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<EventEnvelope> read = Envelopes.read(record.key(), record.value(), record.headers());
        if (read.isEmpty() || read.get().tenantId() == null) {
            return;
        }
        EventEnvelope event = read.get();
        String tenant = event.tenantId();
        String positionKey = ReadStores.position(tenant, event.aggregateId());
        byte[] last = positions.get(positionKey);
        if (last != null && event.sequence() <= ReadStores.decodeLong(last)) {
            return; // a repeat: already acted on
        }
        positions.put(positionKey, ReadStores.encodeLong(event.sequence()));
        Object payload = event.payload();
        if (payload instanceof TenantCreated created) {
            tenants.put(tenant, ViewJson.write(created.profile()));
        } else if ("invoice".equals(event.aggregateKind())) {
            foldInvoice(tenant, event);
        } else if ("order".equals(event.aggregateKind())) {
            foldOrder(tenant, event);
        } else if (payload instanceof DistributionEntrySet entry) {
            list.put(listKey(tenant, entry.customerNumber().value()), entry.email().getBytes(StandardCharsets.UTF_8));
        } else if (payload instanceof DistributionEntryRemoved removed) {
            list.delete(listKey(tenant, removed.customerNumber().value()));
        } else if (payload instanceof DistributionRequested requested) {
            schedule(new JobState(requested.distributionId().value(), tenant,
                    requested.invoiceId() == null ? null : requested.invoiceId().value(),
                    requested.orderId() == null ? null : requested.orderId().value(), requested.layout(), 1,
                    requested.to(), requested.cc(), event.time(), clock.instant()));
            if (requested.trigger() == DistributionTrigger.FINALIZED) {
                Optional<TenantProfile> profile = profile(tenant);
                Optional<InvoiceView> invoice = invoice(tenant, requested.invoiceId().value());
                if (profile.isPresent() && invoice.isPresent()) {
                    summaries.requested(tenant, requested.distributionId().value(), invoice.get(),
                            ZoneId.of(profile.get().timeZone()), event.time());
                }
            }
        } else if (payload instanceof DistributionRendered rendered) {
            summaries.rendered(tenant, rendered);
        } else if (payload instanceof DistributionFailed failed) {
            JobState job = job(tenant, failed.distributionId().value());
            if (job != null && (failed.permanent() || failed.retryAt() == null)) {
                forget(job);
            } else if (job != null) {
                schedule(job.at(failed.attempt() + 1, failed.retryAt()));
            }
            summaries.failed(tenant, failed);
            failureNotice(tenant, failed, event);
        } else if (payload instanceof DistributionSent sent) {
            Optional.ofNullable(job(tenant, sent.distributionId().value())).ifPresent(this::forget);
            summaries.sent(tenant, sent);
        } else if (payload instanceof DistributionBounced bounced) {
            Optional.ofNullable(job(tenant, bounced.distributionId().value())).ifPresent(this::forget);
            bounceNotice(tenant, bounced, event);
            summaries.bounced(tenant, bounced);
        }
    }

    private void foldInvoice(String tenant, EventEnvelope event) {
        String key = ReadStores.view(tenant, "invoice", event.aggregateId());
        byte[] stored = invoices.get(key);
        InvoiceView before = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class);
        Long numberSequence = event.payload() instanceof InvoiceFinalized f ? Long.valueOf(f.sequence())
                : stored == null ? null : ReadStores.viewNumberSequence(stored);
        InvoiceView after = Folds.invoice(before, event);
        if (after == null) {
            invoices.delete(key);
        } else {
            invoices.put(key, ReadStores.encodeView(event.sequence(), numberSequence, ViewJson.write(after)));
        }
        if (event.payload() instanceof InvoiceFinalized finalized) {
            // P4: every final invoice is sent; the id derived from the invoice makes a repeat a duplicate
            command(new RequestDistribution(DistributionId.forFinalized(finalized.invoiceId()), finalized.tenantId(),
                    finalized.invoiceId(), DistributionTrigger.FINALIZED, List.of(), List.of()), event);
        }
    }

    private void foldOrder(String tenant, EventEnvelope event) {
        String key = ReadStores.view(tenant, "order", event.aggregateId());
        byte[] stored = orders.get(key);
        OrderView after = Folds.order(stored == null ? null : ViewJson.read(stored, OrderView.class), event);
        if (after != null) {
            orders.put(key, ViewJson.write(after));
        }
    }

    private void schedule(JobState job) {
        JobState current = job(job.tenantId(), job.distributionId());
        if (current != null && current.dueAt() != null) {
            due.remove(current.dueAt(), current.tenantId(), current.distributionId());
        }
        jobs.put(jobKey(job.tenantId(), job.distributionId()), ViewJson.write(job));
        due.put(job.dueAt(), job.tenantId(), job.distributionId());
    }

    private void forget(JobState job) {
        if (job.dueAt() != null) {
            due.remove(job.dueAt(), job.tenantId(), job.distributionId());
        }
        jobs.delete(jobKey(job.tenantId(), job.distributionId()));
    }

    /** Hands every job due by {@code now} to the workers, and every daily summary due. */
    void dispatchDue(Instant now) {
        for (DueIndex.Entry entry : due.dueBy(now)) {
            JobState job = job(entry.tenant(), entry.id());
            due.remove(entry.at(), entry.tenant(), entry.id());
            if (job != null) {
                dispatch(job, now);
            }
        }
        for (DailySummary.Due summary : summaries.due(now, this::profile)) {
            summarize(summary, now);
        }
    }

    /** R4: the day's summary of automatic sending to the tenant's notification address. */
    private void summarize(DailySummary.Due due, Instant now) {
        String to = due.profile().notificationEmail();
        if (to == null || to.isBlank()) {
            LOG.info("No daily summary for tenant {} on {}: it has no notification address", due.tenantId(),
                    due.summary().day());
            return;
        }
        String jobId = "summary/" + due.tenantId() + "/" + due.summary().day() + "/" + due.summary().sequence();
        DistributionJob work = new DistributionJob(DistributionJob.DAILY_SUMMARY, jobId, null, due.tenantId(), null, 1,
                List.of(to), List.of(), due.profile().defaultLanguage(), due.profile(), null, null, null,
                due.summary(), null, null);
        forward(Topics.DISTRIBUTION_JOBS, jobId, ViewJson.write(work), new RecordHeaders());
    }

    private void dispatch(JobState job, Instant now) {
        if (job.orderId() != null) {
            dispatchOrder(job, now);
            return;
        }
        byte[] stored = invoices.get(ReadStores.view(job.tenantId(), "invoice", job.invoiceId()));
        InvoiceView invoice = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class);
        byte[] profile = tenants.get(job.tenantId());
        if (invoice == null || invoice.number() == null || profile == null) {
            // the invoice's finalization has not reached this partition yet (events of different
            // aggregates may interleave): look again a little later
            schedule(job.at(job.attempt(), now.plus(punctuation)));
            return;
        }
        Optional<Routing.Recipients> recipients = Routing.recipients(job.to(), job.cc(), invoice, listEntry(
                job.tenantId(), invoice.customer() == null ? null : invoice.customer().customerNumber().value()));
        TenantId tenant = new TenantId(job.tenantId());
        if (recipients.isEmpty()) {
            command(new RecordDistributionFailed(new DistributionId(job.distributionId()), tenant, job.attempt(),
                    DistributionError.NO_RECIPIENT.name(), "the invoice has no recipient: no distribution list entry for customer "
                    + (invoice.customer() == null ? "?" : invoice.customer().customerNumber().value())
                    + " and no contact with an email address", true, null), null);
            forget(job);
            return;
        }
        jobs.put(jobKey(job.tenantId(), job.distributionId()), ViewJson.write(job.at(job.attempt(), null)));
        DistributionJob work = new DistributionJob(DistributionJob.INVOICE, job.distributionId() + "/" + job.attempt(),
                job.distributionId(), job.tenantId(), job.invoiceId(), job.attempt(), recipients.get().to(),
                recipients.get().cc(), invoice.language(), ViewJson.read(profile, TenantProfile.class), invoice,
                ReadStores.viewNumberSequence(stored), null, null, null, null);
        forward(Topics.DISTRIBUTION_JOBS, job.distributionId(), ViewJson.write(work), new RecordHeaders());
    }

    /** An order's confirmation: routed like an invoice, from the order's customer number and contacts as it stands. */
    private void dispatchOrder(JobState job, Instant now) {
        Optional<OrderView> order = order(job.tenantId(), job.orderId());
        byte[] profile = tenants.get(job.tenantId());
        if (order.isEmpty() && job.requestedAt() != null && !now.isBefore(job.requestedAt().plus(ORDER_WAIT))) {
            command(new RecordDistributionFailed(new DistributionId(job.distributionId()), new TenantId(job.tenantId()),
                    job.attempt(), DistributionError.ORDER_UNKNOWN.name(), "order " + job.orderId() + " has not reached "
                    + "the distribution within " + ORDER_WAIT.toMinutes() + " minutes of the request", true, null), null);
            forget(job);
            return;
        }
        if (order.isEmpty() || profile == null) {
            // the order's creation has not reached this partition yet: look again a little later
            schedule(job.at(job.attempt(), now.plus(punctuation)));
            return;
        }
        OrderView o = order.get();
        String customerNumber = o.customer() == null ? null : o.customer().customerNumber().value();
        Optional<Routing.Recipients> recipients = Routing.recipients(job.to(), job.cc(), o.contacts(),
                listEntry(job.tenantId(), customerNumber));
        if (recipients.isEmpty()) {
            command(new RecordDistributionFailed(new DistributionId(job.distributionId()), new TenantId(job.tenantId()),
                    job.attempt(), DistributionError.NO_RECIPIENT.name(), "the order has no recipient: no distribution "
                    + "list entry for customer " + (customerNumber == null ? "?" : customerNumber)
                    + " and no contact with an email address", true, null), null);
            forget(job);
            return;
        }
        jobs.put(jobKey(job.tenantId(), job.distributionId()), ViewJson.write(job.at(job.attempt(), null)));
        DistributionJob work = new DistributionJob(DistributionJob.ORDER, job.distributionId() + "/" + job.attempt(),
                job.distributionId(), job.tenantId(), null, job.attempt(), recipients.get().to(), recipients.get().cc(),
                o.language(), ViewJson.read(profile, TenantProfile.class), null, null, null, null, o, job.layout());
        forward(Topics.DISTRIBUTION_JOBS, job.distributionId(), ViewJson.write(work), new RecordHeaders());
    }

    /** P7: a bounced recipient, told to the tenant's notification address once. */
    private void bounceNotice(String tenant, DistributionBounced bounced, EventEnvelope event) {
        notice(tenant, bounced, bounced.recipient() + " ("
                + bounced.source() + (bounced.status() == null ? "" : " " + bounced.status())
                + (bounced.diagnostic() == null ? "" : ": " + bounced.diagnostic()) + ")", event);
    }

    /**
     * A distribution given up for another reason than a refused recipient (no address, a broken template,
     * the sender account refused, retries exhausted): the email cannot be delivered either, so the tenant is
     * told the same way. A refused recipient is told by its bounce, which follows the failure.
     */
    private void failureNotice(String tenant, DistributionFailed failed, EventEnvelope event) {
        if (!failed.permanent() && failed.retryAt() != null || MailError.SMTP_REJECTED_RECIPIENT.name()
                .equals(failed.errorCode())) {
            return;
        }
        notice(tenant, failed, failed.errorCode()
                + (failed.errorMessage() == null ? "" : ": " + failed.errorMessage()), event);
    }

    private void notice(String tenant, DistributionEvent about, String notice, EventEnvelope event) {
        DistributionId distribution = about.distributionId();
        Optional<TenantProfile> supplier = profile(tenant);
        String invoiceId = about.invoiceId() == null ? null : about.invoiceId().value();
        byte[] stored = invoiceId == null ? null : invoices.get(ReadStores.view(tenant, "invoice", invoiceId));
        Optional<OrderView> order = about.orderId() == null ? Optional.empty() : order(tenant, about.orderId().value());
        if (supplier.isEmpty() || stored == null && order.isEmpty()) {
            LOG.warn("No notice for distribution {}: tenant or document unknown here", distribution);
            return;
        }
        if (supplier.get().notificationEmail() == null || supplier.get().notificationEmail().isBlank()) {
            LOG.info("No notice for distribution {}: tenant {} has no notification address", distribution, tenant);
            return;
        }
        InvoiceView invoice = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class);
        DistributionJob work = new DistributionJob(DistributionJob.UNDELIVERED_NOTICE, "notice/" + event.eventId(),
                distribution.value(), tenant, invoiceId, 1, List.of(supplier.get().notificationEmail()), List.of(),
                supplier.get().defaultLanguage(), supplier.get(), invoice,
                stored == null ? null : ReadStores.viewNumberSequence(stored), notice, null, order.orElse(null), null);
        forward(Topics.DISTRIBUTION_JOBS, work.jobId(), ViewJson.write(work), new RecordHeaders());
    }

    private void command(AggregateCommand command, EventEnvelope cause) {
        String tenant = command instanceof RequestDistribution r ? r.tenantId().value()
                : command instanceof RecordDistributionFailed f ? f.tenantId().value() : null;
        String id = UUID.nameUUIDFromBytes((CommandMessages.typeOf(command.getClass()) + "/"
                + command.aggregateId() + "/" + (cause == null ? clock.instant() : cause.eventId()))
                .getBytes(StandardCharsets.UTF_8)).toString();
        RecordHeaders headers = new RecordHeaders();
        CommandMessages.headers(command, id, tenant, ACTOR, cause == null ? id : cause.eventId())
                .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        forward(Topics.INVOICING_COMMANDS, command.aggregateId(), CommandMessages.body(command), headers);
    }

    /**
     * Sends a record on; its Kafka timestamp is the real time of sending, not the injected clock's: the
     * broker refuses records from its future (a development clock moved forward), and what the record
     * is about carries its own times.
     */
    private void forward(String topic, String key, byte[] value, RecordHeaders headers) {
        headers.add(ROUTE, topic.getBytes(StandardCharsets.UTF_8));
        context.forward(new Record<>(key, value, context.currentSystemTimeMs(), headers));
    }

    private Optional<TenantProfile> profile(String tenant) {
        return Optional.ofNullable(tenants.get(tenant)).map(b -> ViewJson.read(b, TenantProfile.class));
    }

    private Optional<InvoiceView> invoice(String tenant, String invoiceId) {
        return Optional.ofNullable(invoices.get(ReadStores.view(tenant, "invoice", invoiceId)))
                .map(b -> ViewJson.read(ReadStores.viewJson(b), InvoiceView.class));
    }

    private Optional<OrderView> order(String tenant, String orderId) {
        return Optional.ofNullable(orders.get(ReadStores.view(tenant, "order", orderId)))
                .map(b -> ViewJson.read(b, OrderView.class));
    }

    private JobState job(String tenant, String distributionId) {
        byte[] stored = jobs.get(jobKey(tenant, distributionId));
        return stored == null ? null : ViewJson.read(stored, JobState.class);
    }

    private static String jobKey(String tenant, String distributionId) {
        return tenant + ReadStores.SEP + distributionId;
    }

    /** The distribution list's address for a customer number (P1); empty without one or without an entry. */
    private Optional<String> listEntry(String tenant, String customerNumber) {
        return customerNumber == null ? Optional.empty() : Optional.ofNullable(list.get(listKey(tenant, customerNumber)))
                .map(b -> new String(b, StandardCharsets.UTF_8));
    }

    private static String listKey(String tenant, String customerNumber) {
        return tenant + ReadStores.SEP + customerNumber;
    }
}
