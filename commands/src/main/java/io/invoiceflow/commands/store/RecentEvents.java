package io.invoiceflow.commands.store;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The events of recently written aggregates, as this instance committed them, so that the view a
 * command returns need not read and deserialise them from the store again. It never decides what
 * is current: a reader asks for the history up to the sequence number the store reports as the
 * aggregate's last, and falls back to the store when this instance does not hold exactly that
 * history (another instance wrote, the entry was evicted, or commits finished out of order).
 *
 * <p>Fed by a subscribing event handler: events are collected in the command's unit of work and
 * added only after it commits, so a rolled-back command leaves nothing here.
 */
public final class RecentEvents {
    public static final String PROCESSING_GROUP = "recent-events";
    private static final String PENDING = RecentEvents.class.getName() + ".pending";

    private final Map<String, List<DomainEventMessage<?>>> byAggregate;
    /** Per thread: aggregate id to the last sequence number this thread committed since {@link #forgetThisThread}. */
    private final ThreadLocal<Map<String, Long>> committedHere = ThreadLocal.withInitial(HashMap::new);

    public RecentEvents(int capacity) {
        this.byAggregate = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, List<DomainEventMessage<?>>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The aggregate's events with sequence numbers 0..{@code lastSequence}, if held here exactly. */
    public synchronized Optional<List<DomainEventMessage<?>>> upTo(String aggregateId, long lastSequence) {
        List<DomainEventMessage<?>> events = byAggregate.get(aggregateId);
        if (events == null || events.size() <= lastSequence) {
            return Optional.empty();
        }
        return Optional.of(List.copyOf(events.subList(0, (int) lastSequence + 1)));
    }

    /** A full history read from the store: kept unless a longer one is already here. */
    public synchronized void offer(String aggregateId, List<? extends DomainEventMessage<?>> history) {
        if (!isContiguousFromZero(history)) {
            return;
        }
        List<DomainEventMessage<?>> held = byAggregate.get(aggregateId);
        if (held == null || held.size() < history.size()) {
            byAggregate.put(aggregateId, new ArrayList<>(history));
        }
    }

    /** Starts a new command on this thread: what earlier ones committed here is forgotten. */
    public void forgetThisThread() {
        committedHere.get().clear();
    }

    /** The last sequence number this thread committed for the aggregate since {@link #forgetThisThread}, if any. */
    public Optional<Long> committedByThisThread(String aggregateId) {
        return Optional.ofNullable(committedHere.get().get(aggregateId));
    }

    /** Events one unit of work committed, in order: appended where they continue a held history. */
    synchronized void committed(List<DomainEventMessage<?>> events) {
        Map<String, Long> here = committedHere.get();
        for (DomainEventMessage<?> committed : events) {
            here.merge(committed.getAggregateIdentifier(), committed.getSequenceNumber(), Math::max);
            DomainEventMessage<?> event = asStored(committed);
            String id = event.getAggregateIdentifier();
            List<DomainEventMessage<?>> held = byAggregate.get(id);
            long sequence = event.getSequenceNumber();
            if (sequence == 0) {
                List<DomainEventMessage<?>> fresh = new ArrayList<>();
                fresh.add(event);
                byAggregate.put(id, fresh);
            } else if (held != null && held.size() == sequence) {
                held.add(event);
            } else if (held != null && held.size() < sequence) {
                byAggregate.remove(id); // a gap: another commit of this aggregate is not here yet
            }
        }
    }

    /** The store keeps timestamps to the millisecond: so does this cache, to answer exactly alike. */
    private static DomainEventMessage<?> asStored(DomainEventMessage<?> event) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event.getPayload(), event.getMetaData(), event.getIdentifier(),
                event.getTimestamp().truncatedTo(ChronoUnit.MILLIS));
    }

    synchronized int size() {
        return byAggregate.size();
    }

    private static boolean isContiguousFromZero(List<? extends DomainEventMessage<?>> history) {
        for (int i = 0; i < history.size(); i++) {
            if (history.get(i).getSequenceNumber() != i) {
                return false;
            }
        }
        return !history.isEmpty();
    }

    /** The handler that collects a unit of work's events; register it in a subscribing processor. */
    public Recorder recorder() {
        return new Recorder(this);
    }

    /** Collects the events of the current unit of work and hands them over after it commits. */
    public static final class Recorder {
        private final RecentEvents target;

        private Recorder(RecentEvents target) {
            this.target = target;
        }

        @EventHandler
        void on(Object payload, EventMessage<?> message) {
            if (!(message instanceof DomainEventMessage<?> event) || !CurrentUnitOfWork.isStarted()) {
                return;
            }
            UnitOfWork<?> root = CurrentUnitOfWork.get().root();
            root.<List<DomainEventMessage<?>>>getOrComputeResource(PENDING, key -> {
                List<DomainEventMessage<?>> pending = new ArrayList<>();
                root.afterCommit(u -> target.committed(pending));
                return pending;
            }).add(event);
        }
    }
}
