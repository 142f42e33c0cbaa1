package io.invoiceflow.streams.recurring;

import io.invoiceflow.events.CommandMessages;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.projections.Envelopes;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.recurrence.DueTimes;
import io.invoiceflow.recurrence.RecurringSchedule;
import io.invoiceflow.streams.DueIndex;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The morning run (R2, R6, R7) for one tenant partition of the event stream. It folds each schedule
 * into a {@link RecurringSchedule} (the rules the write side checks an occurrence with) and keeps a
 * durable cursor: the next date that invoices someone and is not yet issued, indexed by the instant it is due (the run time on that date in the tenant's
 * zone, DST-safe). A wall-clock punctuator issues every due occurrence as one {@code IssueOccurrence}
 * per customer and moves the cursor on in the same exactly-once transaction, so a crash either loses
 * both or neither. After downtime the cursors are simply overdue, and the catch-up rule decides which
 * missed dates are still issued. The write side derives each invoice's id from the schedule, the
 * customer and the date, so even a repeated command produces no second invoice.
 */
final class SchedulerProcessor implements Processor<String, byte[], String, byte[]> {
    static final String ACTOR = "system:scheduler";
    private static final Logger LOG = LoggerFactory.getLogger(SchedulerProcessor.class);

    private final Clock clock;
    private final SchedulerSettings settings;
    private final SchedulerMetrics metrics;
    private ProcessorContext<String, byte[]> context;
    private String task;
    private KeyValueStore<String, byte[]> positions;
    private KeyValueStore<String, byte[]> zones;
    private KeyValueStore<String, byte[]> schedules;
    private DueIndex due;

    SchedulerProcessor(Clock clock, SchedulerSettings settings, SchedulerMetrics metrics) {
        this.clock = clock;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
        this.context = context;
        task = context.taskId().toString();
        positions = context.getStateStore(SchedulerTopology.POSITIONS);
        zones = context.getStateStore(SchedulerTopology.ZONES);
        schedules = context.getStateStore(SchedulerTopology.SCHEDULES);
        due = new DueIndex(context.getStateStore(SchedulerTopology.DUE));
        context.schedule(settings.tick(), PunctuationType.WALL_CLOCK_TIME, ignored -> runDue(clock.instant()));
    }

    @Override
    public void close() {
        metrics.closed(task);
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
            return; // a redelivery after a crash: already folded
        }
        positions.put(positionKey, ReadStores.encodeLong(event.sequence()));
        Object payload = event.payload();
        if (payload instanceof TenantCreated created) {
            zones.put(tenant, created.profile().timeZone().getBytes(StandardCharsets.UTF_8));
            reindex(tenant); // schedules that came before their tenant (partitions are read independently)
        } else if (payload instanceof RecurringCreated created) {
            store(null, ScheduleState.created(created.recurringId().value(), tenant, RecurringSchedule.of(created)));
        } else if (payload instanceof RecurringEvent change && !(payload instanceof OccurrenceIssued)) {
            ScheduleState current = load(tenant, change.recurringId().value());
            if (current != null) {
                ScheduleState next = current.with(current.schedule().apply(change));
                issueLateChange(current, next, event.time());
                store(current, next);
            }
        }
    }

    /** Issues every occurrence due by {@code now} and moves the cursors on. */
    void runDue(Instant now) {
        int lateSkips = 0;
        for (DueIndex.Entry entry : due.dueBy(now)) {
            ScheduleState schedule = load(entry.tenant(), entry.id());
            if (schedule == null) {
                due.remove(entry.at(), entry.tenant(), entry.id());
                continue;
            }
            ZoneId zone = zone(schedule.tenantId()).orElseThrow();
            LocalDate today = LocalDate.ofInstant(now, zone);
            LocalDate oldest = today.minusDays(settings.catchUpDays());
            ScheduleState progress = schedule;
            // every date whose run is due by now: today's, and those missed while the system was down
            while (progress.cursor() != null
                    && !DueTimes.dueAt(progress.cursor(), settings.runTime(), zone).isAfter(now)) {
                LocalDate date = progress.cursor();
                if (date.isBefore(oldest)) {
                    metrics.countLateSkip();
                    lateSkips++;
                } else {
                    issue(progress, date);
                }
                progress = progress.dealtWith(date);
            }
            store(schedule, progress);
        }
        if (lateSkips > 0) {
            LOG.info("{} occurrence(s) missed while the system was down are older than the catch-up window of {} "
                    + "day(s) and were skipped", lateSkips, settings.catchUpDays());
        }
        metrics.ran(task, now);
    }

    /**
     * A change made before a run but read after it (the events of a large subscription can take a while
     * to arrive): the customers it adds to a date the run has dealt with, whose run time came after the
     * change, are issued now, as the run would have issued them. Dates outside the catch-up window are not.
     */
    private void issueLateChange(ScheduleState before, ScheduleState after, Instant changedAt) {
        Optional<ZoneId> zone = zone(after.tenantId());
        if (after.issuedThrough() == null || zone.isEmpty()) {
            return;
        }
        LocalDate oldest = LocalDate.ofInstant(clock.instant(), zone.get()).minusDays(settings.catchUpDays());
        LocalDate changed = LocalDate.ofInstant(changedAt, zone.get());
        for (LocalDate date = changed.isBefore(oldest) ? oldest : changed; !date.isAfter(after.issuedThrough());
             date = date.plusDays(1)) {
            if (DueTimes.dueAt(date, settings.runTime(), zone.get()).isAfter(changedAt)) {
                List<CustomerNumber> added = new ArrayList<>(after.schedule().customersOn(date));
                added.removeAll(new HashSet<>(before.schedule().customersOn(date)));
                issue(after, date, added);
            }
        }
    }

    /** Issues one date of a schedule: one command per customer it invoices on that date. */
    private void issue(ScheduleState schedule, LocalDate date) {
        issue(schedule, date, schedule.schedule().customersOn(date));
    }

    private void issue(ScheduleState schedule, LocalDate date, List<CustomerNumber> customers) {
        for (CustomerNumber customer : customers) {
            IssueOccurrence command = new IssueOccurrence(new RecurringId(schedule.recurringId()),
                    new TenantId(schedule.tenantId()), date, customer);
            String commandId = UUID.nameUUIDFromBytes(("issue/" + command.aggregateId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            RecordHeaders headers = new RecordHeaders();
            CommandMessages.headers(command, commandId, schedule.tenantId(), ACTOR,
                    "schedule " + schedule.recurringId() + ", occurrence " + date)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            // the real time, not the clock's: the broker refuses records from its future (a development clock)
            context.forward(new Record<>(command.aggregateId(), CommandMessages.body(command),
                    context.currentSystemTimeMs(), headers));
        }
        metrics.countIssued(customers.size());
    }

    private Optional<ZoneId> zone(String tenant) {
        byte[] zone = zones.get(tenant);
        return zone == null ? Optional.empty() : Optional.of(ZoneId.of(new String(zone, StandardCharsets.UTF_8)));
    }

    private ScheduleState load(String tenant, String recurringId) {
        byte[] stored = schedules.get(tenant + ReadStores.SEP + recurringId);
        return stored == null ? null : ViewJson.read(stored, ScheduleState.class);
    }

    private void reindex(String tenant) {
        List<ScheduleState> ofTenant = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = schedules.prefixScan(tenant + ReadStores.SEP,
                new StringSerializer())) {
            it.forEachRemaining(kv -> ofTenant.add(ViewJson.read(kv.value, ScheduleState.class)));
        }
        ofTenant.forEach(s -> store(s, s));
    }

    /**
     * Stores a schedule and indexes its cursor by the instant it is due: not at all when it has no
     * cursor (nothing more will be invoiced: ended, stopped or paused) or its tenant's zone is not known yet.
     */
    private void store(ScheduleState previous, ScheduleState next) {
        if (previous != null && previous.dueAt() != null) {
            due.remove(previous.dueAt(), previous.tenantId(), previous.recurringId());
        }
        Optional<ZoneId> zone = zone(next.tenantId());
        Instant dueAt = next.cursor() == null || zone.isEmpty() ? null
                : DueTimes.dueAt(next.cursor(), settings.runTime(), zone.get());
        ScheduleState indexed = next.withDueAt(dueAt);
        schedules.put(next.tenantId() + ReadStores.SEP + next.recurringId(), ViewJson.write(indexed));
        if (dueAt != null) {
            due.put(dueAt, indexed.tenantId(), indexed.recurringId());
        }
    }
}
