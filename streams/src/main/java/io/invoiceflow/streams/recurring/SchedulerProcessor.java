package io.invoiceflow.streams.recurring;

import io.invoiceflow.events.CommandMessages;
import io.invoiceflow.events.recurring.IssueOccurrence;
import io.invoiceflow.events.recurring.RecurringCreated;
import io.invoiceflow.events.recurring.RecurringId;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.recurring.RecurringPaused;
import io.invoiceflow.events.recurring.RecurringResumed;
import io.invoiceflow.events.recurring.RecurringStopped;
import io.invoiceflow.events.recurring.SubscriberAdded;
import io.invoiceflow.events.recurring.SubscriberEndChanged;
import io.invoiceflow.events.recurring.SubscriberRemoved;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantCreated;
import io.invoiceflow.projections.Envelopes;
import io.invoiceflow.projections.EventEnvelope;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.recurrence.DueTimes;
import io.invoiceflow.recurrence.Recurrence;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The morning run (R2, R6, R7) for one tenant partition of the event stream. It folds schedules
 * (created, subscribers, pauses, stops) and keeps, per schedule, a durable cursor: the next occurrence
 * date not yet issued, indexed by the instant it is due (the run time on that date in the tenant's
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
    private KeyValueStore<String, byte[]> due;

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
        due = context.getStateStore(SchedulerTopology.DUE);
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
            Map<String, LocalDate> subscribers = new LinkedHashMap<>();
            if (created.kind() == RecurringKind.INVOICE_TEMPLATE && created.content().customer() != null) {
                subscribers.put(created.content().customer().customerNumber().value(), null);
            }
            LocalDate first = Recurrence.of(created.schedule()).first().orElse(null);
            store(null, new ScheduleState(created.recurringId().value(), tenant, created.schedule(), Map.of(),
                    List.of(), null, first, null).withSubscribers(subscribers));
        } else if (payload instanceof SubscriberAdded added) {
            change(tenant, added.recurringId(), s -> subscriber(s, added.customerNumber(), added.endDate(), true));
        } else if (payload instanceof SubscriberEndChanged changed) {
            change(tenant, changed.recurringId(), s -> subscriber(s, changed.customerNumber(), changed.endDate(), true));
        } else if (payload instanceof SubscriberRemoved removed) {
            change(tenant, removed.recurringId(), s -> subscriber(s, removed.customerNumber(), null, false));
        } else if (payload instanceof RecurringPaused paused) {
            change(tenant, paused.recurringId(), s -> {
                List<ScheduleState.Pause> pauses = new ArrayList<>(s.pauses());
                pauses.add(new ScheduleState.Pause(paused.from(), null));
                return s.withPauses(pauses);
            });
        } else if (payload instanceof RecurringResumed resumed) {
            change(tenant, resumed.recurringId(), s -> s.withPauses(s.pauses().stream()
                    .map(p -> p.until() == null ? new ScheduleState.Pause(p.from(), resumed.from()) : p).toList()));
        } else if (payload instanceof RecurringStopped stopped) {
            change(tenant, stopped.recurringId(), s -> s.withStop(stopped.from()));
        }
    }

    private static ScheduleState subscriber(ScheduleState s, CustomerNumber customer, LocalDate end, boolean keep) {
        Map<String, LocalDate> subscribers = new LinkedHashMap<>(s.subscribers());
        if (keep) {
            subscribers.put(customer.value(), end);
        } else {
            subscribers.remove(customer.value());
        }
        return s.withSubscribers(subscribers);
    }

    private void change(String tenant, RecurringId id, UnaryOperator<ScheduleState> change) {
        ScheduleState current = load(tenant, id.value());
        if (current != null) {
            store(current, change.apply(current));
        }
    }

    /** Issues every occurrence due by {@code now} and moves the cursors on. */
    void runDue(Instant now) {
        List<String> ready = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = due.range("", instantKey(now) + '\uffff')) {
            it.forEachRemaining(kv -> ready.add(kv.key));
        }
        int lateSkips = 0;
        for (String dueKey : ready) {
            String[] parts = dueKey.split(String.valueOf(ReadStores.SEP));
            ScheduleState schedule = load(parts[1], parts[2]);
            if (schedule == null) {
                due.delete(dueKey);
                continue;
            }
            ZoneId zone = zone(schedule.tenantId()).orElseThrow();
            LocalDate today = LocalDate.ofInstant(now, zone);
            Recurrence dates = Recurrence.of(schedule.schedule());
            LocalDate cursor = schedule.cursor();
            // every date whose run is due by now: today's, and those missed while the system was down
            while (cursor != null && !DueTimes.dueAt(cursor, settings.runTime(), zone).isAfter(now)) {
                if (!issue(schedule, cursor, today)) {
                    lateSkips++;
                }
                cursor = dates.nextAfter(cursor).orElse(null);
            }
            store(schedule, schedule.withCursor(cursor));
        }
        if (lateSkips > 0) {
            LOG.info("{} occurrence(s) missed while the system was down are older than the catch-up window of {} "
                    + "day(s) and were skipped", lateSkips, settings.catchUpDays());
        }
        metrics.ran(task, now);
    }

    /** Issues one date of a schedule to its customers; false when it was skipped as too late. */
    private boolean issue(ScheduleState schedule, LocalDate date, LocalDate today) {
        if (schedule.stopped(date)) {
            return true;
        }
        if (schedule.paused(date)) {
            metrics.countPauseSkip();
            return true;
        }
        if (date.isBefore(today.minusDays(settings.catchUpDays()))) {
            metrics.countLateSkip();
            return false;
        }
        int issued = 0;
        for (Map.Entry<String, LocalDate> subscriber : schedule.subscribers().entrySet()) {
            if (subscriber.getValue() != null && date.isAfter(subscriber.getValue())) {
                continue; // the subscriber's own end has passed
            }
            IssueOccurrence command = new IssueOccurrence(new RecurringId(schedule.recurringId()),
                    new TenantId(schedule.tenantId()), date, new CustomerNumber(subscriber.getKey()));
            String commandId = UUID.nameUUIDFromBytes(("issue/" + command.aggregateId())
                    .getBytes(StandardCharsets.UTF_8)).toString();
            RecordHeaders headers = new RecordHeaders();
            CommandMessages.headers(command, commandId, schedule.tenantId(), ACTOR,
                    "schedule " + schedule.recurringId() + ", occurrence " + date)
                    .forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
            context.forward(new Record<>(command.aggregateId(), CommandMessages.body(command),
                    clock.millis(), headers));
            issued++;
        }
        metrics.countIssued(issued);
        return true;
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
     * cursor, is stopped for good from the cursor on, or its tenant's zone is not known yet.
     */
    private void store(ScheduleState previous, ScheduleState next) {
        if (previous != null && previous.dueAt() != null) {
            due.delete(dueKey(previous.dueAt(), previous));
        }
        Optional<ZoneId> zone = zone(next.tenantId());
        Instant dueAt = next.cursor() == null || next.stopped(next.cursor()) || zone.isEmpty() ? null
                : DueTimes.dueAt(next.cursor(), settings.runTime(), zone.get());
        ScheduleState indexed = next.withDueAt(dueAt);
        schedules.put(next.tenantId() + ReadStores.SEP + next.recurringId(), ViewJson.write(indexed));
        if (dueAt != null) {
            due.put(dueKey(dueAt, indexed), new byte[0]);
        }
    }

    private static String dueKey(Instant at, ScheduleState schedule) {
        return instantKey(at) + ReadStores.SEP + schedule.tenantId() + ReadStores.SEP + schedule.recurringId();
    }

    private static String instantKey(Instant at) {
        return String.format("%019d", at.toEpochMilli());
    }
}
