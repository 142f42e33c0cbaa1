package io.invoiceflow.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoiceflow.events.creditnote.CreditNoteIssued;
import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionEvent;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.distributionlist.DistributionListEvent;
import io.invoiceflow.events.invoice.InvoiceFinalized;
import io.invoiceflow.events.recurring.OccurrenceIssued;
import io.invoiceflow.events.recurring.RecurringEvent;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.projections.history.AuditEntry;
import io.invoiceflow.projections.history.Change;
import io.invoiceflow.projections.history.HistoryEntry;
import io.invoiceflow.projections.history.JsonDiff;
import io.invoiceflow.projections.list.InvoiceRow;
import io.invoiceflow.projections.recurring.IssuedOccurrence;
import io.invoiceflow.projections.recurring.RecurringFolds;
import io.invoiceflow.projections.recurring.RecurringStore;
import io.invoiceflow.projections.recurring.RecurringView;
import io.invoiceflow.recurrence.RecurringSchedule;
import io.invoiceflow.projections.views.AttentionItem;
import io.invoiceflow.projections.views.DistributionLog;
import io.invoiceflow.projections.views.Folds;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.projections.views.OrderView;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folds one tenant partition of the event stream into the read models: the views of invoices,
 * orders, credit notes and recurring schedules (with their customers and produced invoices), every
 * aggregate's history with what each event changed, the tenant's audit trail, and the in-memory
 * invoice list. Idempotent: an event whose sequence number was already applied to its aggregate
 * changes nothing, so a repeated delivery (at-least-once from the forwarder) or a replay of the topic
 * leaves the read models as they are.
 */
final class FoldProcessor implements Processor<String, byte[], Void, Void> {
    private static final Logger LOG = LoggerFactory.getLogger(FoldProcessor.class);
    private static final Set<String> BOOKKEEPING = Set.of("updatedAt", "updatedBy");

    private final InvoiceLists lists;
    private final ViewCache viewCache;
    private final Progress progress;
    private final Clock clock;
    private final Set<String> tenantsHere = new HashSet<>();
    private ProcessorContext<Void, Void> context;
    private KeyValueStore<String, byte[]> views;
    private KeyValueStore<String, byte[]> history;
    private KeyValueStore<String, byte[]> audit;
    private KeyValueStore<String, byte[]> positions;
    private KeyValueStore<String, byte[]> states;

    FoldProcessor(InvoiceLists lists, ViewCache viewCache, Progress progress, Clock clock) {
        this.lists = lists;
        this.viewCache = viewCache;
        this.progress = progress;
        this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        this.context = context;
        views = context.getStateStore(ReadStores.VIEWS);
        history = context.getStateStore(ReadStores.HISTORY);
        audit = context.getStateStore(ReadStores.AUDIT);
        positions = context.getStateStore(ReadStores.POSITIONS);
        states = context.getStateStore(ReadStores.STATES);
        viewCache.clear();
        rebuildInvoiceLists();
    }

    /** The in-memory lists are derived from the views store: rebuilt whenever this task (re)starts. */
    private void rebuildInvoiceLists() {
        int rows = 0;
        try (KeyValueIterator<String, byte[]> all = views.all()) {
            while (all.hasNext()) {
                var entry = all.next();
                String tenant = ReadStores.tenantOf(entry.key);
                tenantsHere.add(tenant);
                if (entry.key.startsWith(ReadStores.viewPrefix(tenant, "invoice"))) {
                    InvoiceView view = ViewJson.read(ReadStores.viewJson(entry.value), InvoiceView.class);
                    lists.put(tenant, InvoiceRow.of(view, ReadStores.viewNumberSequence(entry.value)));
                    rows++;
                }
            }
        }
        LOG.info("Invoice lists of task {} rebuilt: {} tenants, {} invoices", context.taskId(), tenantsHere.size(), rows);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        Optional<EventEnvelope> read = Envelopes.read(record.key(), record.value(), record.headers());
        if (read.isEmpty() || read.get().tenantId() == null) {
            progress.skipped();
            LOG.warn("Skipped a record that is not a readable Invoiceflow event ({})", where());
            return;
        }
        EventEnvelope event = read.get();
        String tenant = event.tenantId();
        String positionKey = ReadStores.position(tenant, event.aggregateId());
        byte[] last = positions.get(positionKey);
        long expected = last == null ? 0 : ReadStores.decodeLong(last) + 1;
        if (event.sequence() < expected) {
            progress.duplicate();
            return;
        }
        if (event.sequence() > expected) {
            progress.gap();
            LOG.warn("Event {} of {} has sequence {}, expected {}: an earlier event is missing ({})",
                    event.eventId(), event.aggregateId(), event.sequence(), expected, where());
        }
        tenantsHere.add(tenant);
        List<Change> changes = switch (event.aggregateKind()) {
            case "invoice" -> foldInvoice(tenant, event);
            case "order" -> foldView(tenant, event, OrderView.class, Folds::order);
            case "creditnote" -> foldView(tenant, event, CreditNoteIssued.class, Folds::creditNote);
            case "distribution" -> foldDistribution(tenant, event);
            case "recurring" -> foldRecurring(tenant, event);
            default -> foldState(tenant, event);
        };
        history.put(ReadStores.history(tenant, event.aggregateId(), event.sequence()), ViewJson.write(new HistoryEntry(
                event.eventId(), event.aggregateKind(), event.aggregateId(), event.sequence(), event.eventName(),
                event.type(), event.time(), event.position(), event.actor(), event.requestId(), changes)));
        audit.put(ReadStores.audit(tenant, event.time(), event.position(), event.eventId()), ViewJson.write(
                new AuditEntry(event.eventId(), event.time(), event.position(), event.aggregateKind(),
                        event.aggregateId(), event.sequence(), event.eventName(), event.actor(), event.requestId())));
        positions.put(positionKey, ReadStores.encodeLong(event.sequence()));
        RecordMetadata meta = context.recordMetadata().orElse(null);
        progress.applied(tenant, new Progress.Position(meta == null ? -1 : meta.partition(),
                meta == null ? -1 : meta.offset(), event.time()), clock.instant());
    }

    private List<Change> foldInvoice(String tenant, EventEnvelope event) {
        String key = ReadStores.view(tenant, "invoice", event.aggregateId());
        byte[] stored = views.get(key);
        InvoiceView before = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), InvoiceView.class);
        Long numberSequence = event.payload() instanceof InvoiceFinalized f ? Long.valueOf(f.sequence())
                : stored == null ? null : ReadStores.viewNumberSequence(stored);
        InvoiceView after = Folds.invoice(before, event);
        if (after == null) {
            deleteView(key);
            lists.remove(tenant, event.aggregateId());
        } else {
            putView(key, ReadStores.encodeView(event.sequence(), numberSequence, ViewJson.write(after)));
            lists.put(tenant, InvoiceRow.of(after, numberSequence));
        }
        return JsonDiff.diff(tree(before), tree(after), BOOKKEEPING);
    }

    private <V> List<Change> foldView(String tenant, EventEnvelope event, Class<V> type,
                                      java.util.function.BiFunction<V, EventEnvelope, V> step) {
        String key = ReadStores.view(tenant, event.aggregateKind(), event.aggregateId());
        byte[] stored = views.get(key);
        V before = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), type);
        V after = step.apply(before, event);
        if (after == null) {
            deleteView(key);
        } else {
            putView(key, ReadStores.encodeView(event.sequence(), null, ViewJson.write(after)));
        }
        return JsonDiff.diff(tree(before), tree(after), BOOKKEEPING);
    }

    /**
     * A distribution event: the document's distribution log (S7) and attention list (P7), and the distribution's
     * history. The document is an invoice or an order (its confirmation); both are keyed by their id.
     */
    private List<Change> foldDistribution(String tenant, EventEnvelope event) {
        DistributionEvent e = (DistributionEvent) event.payload();
        String documentId = e.documentId();
        String logKey = ReadStores.view(tenant, "distributionlog", documentId);
        byte[] stored = views.get(logKey);
        DistributionLog before = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), DistributionLog.class);
        DistributionLog after = Folds.distributionLog(before, event);
        if (after != null) {
            putView(logKey, ReadStores.encodeView(event.sequence(), null, ViewJson.write(after)));
        }
        String attentionKey = ReadStores.view(tenant, "attention", documentId);
        if (e instanceof DistributionSent) {
            deleteView(attentionKey);
        } else if (e instanceof DistributionBounced || (e instanceof DistributionFailed f && f.permanent())) {
            String reason = e instanceof DistributionBounced ? "BOUNCED" : "FAILED";
            String detail = e instanceof DistributionBounced b
                    ? b.recipient() + (b.diagnostic() == null ? "" : ": " + b.diagnostic())
                    : ((DistributionFailed) e).errorMessage();
            String errorCode = e instanceof DistributionFailed f ? f.errorCode() : ((DistributionBounced) e).status();
            AttentionItem item;
            if (e.invoiceId() != null) {
                byte[] invoice = views.get(ReadStores.view(tenant, "invoice", documentId));
                InvoiceView view = invoice == null ? null : ViewJson.read(ReadStores.viewJson(invoice), InvoiceView.class);
                item = new AttentionItem(documentId, null, view == null ? null : view.number(),
                        view == null || view.customer() == null ? null : view.customer().customerNumber().value(),
                        view == null || view.customer() == null ? null : view.customer().name(),
                        e.distributionId().value(), reason, errorCode, detail, event.time());
            } else {
                byte[] order = views.get(ReadStores.view(tenant, "order", documentId));
                OrderView view = order == null ? null : ViewJson.read(ReadStores.viewJson(order), OrderView.class);
                item = new AttentionItem(null, documentId, OrderView.numberOf(documentId),
                        view == null || view.customer() == null ? null : view.customer().customerNumber().value(),
                        view == null || view.customer() == null ? null : view.customer().name(),
                        e.distributionId().value(), reason, errorCode, detail, event.time());
            }
            putView(attentionKey, ReadStores.encodeView(event.sequence(), null, ViewJson.write(item)));
        }
        return foldState(tenant, event);
    }

    /**
     * A recurring schedule's event: its view, the entry of the customer it concerns and the invoice it
     * produced (R5). The history shows what changed in each.
     */
    private List<Change> foldRecurring(String tenant, EventEnvelope event) {
        String key = RecurringStore.view(tenant, event.aggregateId());
        byte[] stored = views.get(key);
        RecurringView before = stored == null ? null : ViewJson.read(ReadStores.viewJson(stored), RecurringView.class);
        RecurringView after = RecurringFolds.view(before, event);
        if (after == null) {
            return foldState(tenant, event); // an event before its schedule's creation was seen here
        }
        putView(key, ReadStores.encodeView(event.sequence(), null, ViewJson.write(after)));
        List<Change> changes = new ArrayList<>(JsonDiff.diff(tree(before), tree(after), BOOKKEEPING));
        if (!(event.payload() instanceof RecurringEvent e)) {
            return changes;
        }
        Optional<CustomerNumber> customer = RecurringFolds.customerOf(e);
        if (customer.isPresent()) {
            String entryKey = RecurringStore.subscriber(tenant, event.aggregateId(), customer.get().value());
            byte[] old = views.get(entryKey);
            RecurringSchedule.Subscriber was = old == null ? null
                    : ViewJson.read(ReadStores.viewJson(old), RecurringSchedule.Subscriber.class);
            RecurringSchedule.Subscriber now = RecurringFolds.subscriber(after, was, e);
            putView(entryKey, ReadStores.encodeView(event.sequence(), null, ViewJson.write(now)));
            changes.addAll(JsonDiff.diff(entry("subscribers", customer.get().value(), was),
                    entry("subscribers", customer.get().value(), now), Set.of()));
        }
        if (e instanceof OccurrenceIssued issued) {
            IssuedOccurrence produced = RecurringFolds.issued(issued, event);
            putView(RecurringStore.invoice(tenant, event.aggregateId(), issued.occurrenceDate(),
                    issued.customerNumber().value()), ReadStores.encodeView(event.sequence(), null, ViewJson.write(produced)));
            String name = issued.occurrenceDate() + " " + issued.customerNumber().value();
            changes.addAll(JsonDiff.diff(entry("invoices", name, null), entry("invoices", name, produced), Set.of()));
        }
        return changes;
    }

    /** {@code {"<group>": {"<name>": value}}}, so a history change names the entry it is about. */
    private static JsonNode entry(String group, String name, Object value) {
        ObjectNode root = ViewJson.mapper().createObjectNode();
        root.putObject(group).set(name, tree(value));
        return root;
    }

    /**
     * An aggregate without a view (tenant, customer, product, ...): an edit (an event named
     * {@code ...Changed}, or any event of a distribution list entry, whose events each state the whole
     * entry) is compared with the aggregate's previous event; any other event lists what it recorded.
     */
    private List<Change> foldState(String tenant, EventEnvelope event) {
        String key = ReadStores.position(tenant, event.aggregateId());
        JsonNode payload = ViewJson.tree(event.payload());
        byte[] previous = states.get(key);
        boolean edit = event.eventName().endsWith("Changed") || event.payload() instanceof DistributionListEvent;
        JsonNode before = edit && previous != null ? readTree(previous) : null;
        states.put(key, ViewJson.write(payload));
        return JsonDiff.diff(before, payload, Set.of());
    }

    /** Every write of a view goes through here or {@link #deleteView}: the view cache must hear of it. */
    private void putView(String key, byte[] stored) {
        views.put(key, stored);
        viewCache.written(key);
    }

    private void deleteView(String key) {
        views.delete(key);
        viewCache.written(key);
    }

    private static JsonNode tree(Object view) {
        return view == null ? null : ViewJson.tree(view);
    }

    private static JsonNode readTree(byte[] json) {
        return ViewJson.read(json, JsonNode.class);
    }

    private String where() {
        return context.recordMetadata().map(m -> m.topic() + "-" + m.partition() + "@" + m.offset()).orElse("?");
    }

    @Override
    public void close() {
        lists.drop(tenantsHere);
        viewCache.clear();
    }
}
