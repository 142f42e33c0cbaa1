package io.invoiceflow.projections.recurring;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.recurring.RecurringKind;
import io.invoiceflow.events.shared.CustomerNumber;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.projections.list.Page;
import io.invoiceflow.projections.views.DistributionLog;
import io.invoiceflow.projections.views.InvoiceView;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RecurringSchedule;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The read side's answers about one tenant's recurring invoices and subscriptions (R5), from its
 * {@link ReadStores#VIEWS} store: a schedule's details with the next occurrences and its latest invoices,
 * the list of schedules, and the invoices a schedule produced, newest first. Parameters arrive as the
 * client wrote them and are refused naming the parameter.
 */
public final class RecurringQueries {
    public static final int DEFAULT_NEXT = 10;
    public static final int MAX_NEXT = 100;
    /** How many of the latest invoices the details show; the rest are paged by {@link #invoices}. */
    public static final int LATEST_INVOICES = 20;
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern INVOICE_CURSOR = Pattern.compile("\\d{4}-\\d{2}-\\d{2}" + ReadStores.SEP
            + "[A-Za-z0-9._-]{1,32}");

    private final ReadOnlyKeyValueStore<String, byte[]> views;
    private final String tenant;
    private final LocalDate today;
    private final NameLanguage language;

    /** @param today the tenant's today; {@code language} names the schedules (the tenant's) */
    public RecurringQueries(ReadOnlyKeyValueStore<String, byte[]> views, String tenant, LocalDate today,
                            NameLanguage language) {
        this.views = views;
        this.tenant = tenant;
        this.today = today;
        this.language = language;
    }

    /** The details and the version (last sequence number) they reflect. */
    public record Found(RecurringDetails details, long version) {
    }

    /** A schedule's details with the next {@code next} (1-100, default 10) occurrences; empty when there is none. */
    public Optional<Found> details(String recurringId, String next) {
        int count = integer("next", next, DEFAULT_NEXT, 1, MAX_NEXT);
        byte[] stored = views.get(RecurringStore.view(tenant, recurringId));
        if (stored == null) {
            return Optional.empty();
        }
        RecurringView view = ViewJson.read(ReadStores.viewJson(stored), RecurringView.class);
        List<RecurringDetails.ProducedInvoice> latest = invoicePage(recurringId, null, LATEST_INVOICES).items();
        return Optional.of(new Found(RecurringDetails.of(view, subscribers(recurringId), today,
                issuedFrom(recurringId, today), language, count, latest), ReadStores.viewVersion(stored)));
    }

    /**
     * The tenant's schedules in id order, filtered by {@code status} ({@code active}, {@code paused},
     * {@code stopped}) and {@code kind} ({@code template}, {@code subscription}), {@code limit} (1-500,
     * default 100) per page from {@code cursor} (the previous page's {@code nextCursor}).
     */
    public Page<RecurringRow> list(String status, String kind, String limit, String cursor) {
        String wantedStatus = oneOf("status", status, List.of("active", "paused", "stopped"));
        String wantedKind = oneOf("kind", kind, List.of("template", "subscription"));
        int size = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        if (cursor != null && !UUID.matcher(cursor).matches()) {
            throw DomainException.invalid("cursor", "format", "cursor must be the nextCursor of a previous page");
        }
        String prefix = RecurringStore.views(tenant);
        List<RecurringRow> rows = new ArrayList<>();
        String last = null;
        long total = 0;
        boolean more = false;
        try (KeyValueIterator<String, byte[]> it = views.range(prefix, prefix + RecurringStore.END)) {
            while (it.hasNext()) {
                var kv = it.next();
                RecurringView view = ViewJson.read(ReadStores.viewJson(kv.value), RecurringView.class);
                if (wantedStatus != null && !view.status().equalsIgnoreCase(wantedStatus)
                        || wantedKind != null && (view.kind() == RecurringKind.SUBSCRIPTION) != wantedKind.equals("subscription")) {
                    continue;
                }
                total++;
                if (cursor != null && view.recurringId().compareTo(cursor) <= 0) {
                    continue;
                }
                if (rows.size() == size) {
                    more = true;
                    continue;
                }
                rows.add(row(view));
                last = view.recurringId();
            }
        }
        return new Page<>(rows, more ? last : null, total);
    }

    private RecurringRow row(RecurringView view) {
        List<RecurringSchedule.Subscriber> subscribers = subscribers(view.recurringId());
        List<RecurringDetails.NextOccurrence> next = RecurringDetails.coming(view, subscribers, today,
                issuedFrom(view.recurringId(), today), 1);
        return RecurringRow.of(view, subscribers, next.isEmpty() ? null : next.get(0).date(), language);
    }

    /**
     * The invoices a schedule produced, newest occurrence first, {@code limit} (1-500, default 100) per page
     * from {@code cursor}; empty when there is no such schedule.
     */
    public Optional<Page<RecurringDetails.ProducedInvoice>> invoices(String recurringId, String limit, String cursor) {
        int size = integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        String after = null;
        if (cursor != null) {
            try {
                after = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                after = "";
            }
            if (!INVOICE_CURSOR.matcher(after).matches()) {
                throw DomainException.invalid("cursor", "format", "cursor must be the nextCursor of a previous page");
            }
        }
        byte[] stored = views.get(RecurringStore.view(tenant, recurringId));
        if (stored == null) {
            return Optional.empty();
        }
        return Optional.of(invoicePage(recurringId, after, size));
    }

    private Page<RecurringDetails.ProducedInvoice> invoicePage(String recurringId, String after, int size) {
        String prefix = RecurringStore.invoices(tenant, recurringId);
        byte[] view = views.get(RecurringStore.view(tenant, recurringId));
        long total = view == null ? 0 : ViewJson.read(ReadStores.viewJson(view), RecurringView.class).issuedCount();
        List<RecurringDetails.ProducedInvoice> items = new ArrayList<>();
        String last = null;
        boolean more = false;
        try (KeyValueIterator<String, byte[]> it = views.reverseRange(prefix,
                after == null ? prefix + RecurringStore.END : prefix + after)) {
            while (it.hasNext()) {
                var kv = it.next();
                String suffix = kv.key.substring(prefix.length());
                if (suffix.equals(after)) {
                    continue;
                }
                if (items.size() == size) {
                    more = true;
                    break;
                }
                items.add(produced(ViewJson.read(ReadStores.viewJson(kv.value), IssuedOccurrence.class)));
                last = suffix;
            }
        }
        String next = more ? Base64.getUrlEncoder().withoutPadding().encodeToString(last.getBytes(StandardCharsets.UTF_8))
                : null;
        return new Page<>(items, next, total);
    }

    /** A produced invoice joined with the invoice's view and its distribution log, as they stand now. */
    private RecurringDetails.ProducedInvoice produced(IssuedOccurrence o) {
        byte[] invoice = views.get(ReadStores.view(tenant, "invoice", o.invoiceId()));
        InvoiceView view = invoice == null ? null : ViewJson.read(ReadStores.viewJson(invoice), InvoiceView.class);
        byte[] log = views.get(ReadStores.view(tenant, "distributionlog", o.invoiceId()));
        List<DistributionLog.Distribution> distributions = log == null ? List.of()
                : ViewJson.read(ReadStores.viewJson(log), DistributionLog.class).distributions();
        return new RecurringDetails.ProducedInvoice(o.occurrenceDate(), o.customerNumber(), o.invoiceId(),
                o.invoiceNumber(), view == null ? null : view.status(),
                view == null ? null : view.totals().grossAmount(), view == null ? null : view.currency(),
                distributions.isEmpty() ? "PENDING" : distributions.get(distributions.size() - 1).status());
    }

    private List<RecurringSchedule.Subscriber> subscribers(String recurringId) {
        String prefix = RecurringStore.subscribers(tenant, recurringId);
        List<RecurringSchedule.Subscriber> entries = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = views.range(prefix, prefix + RecurringStore.END)) {
            it.forEachRemaining(kv -> entries.add(ViewJson.read(ReadStores.viewJson(kv.value),
                    RecurringSchedule.Subscriber.class)));
        }
        return entries;
    }

    /** The customers already invoiced for each occurrence from {@code date} on. */
    private Map<LocalDate, Set<CustomerNumber>> issuedFrom(String recurringId, LocalDate date) {
        String prefix = RecurringStore.invoices(tenant, recurringId);
        Map<LocalDate, Set<CustomerNumber>> issued = new HashMap<>();
        try (KeyValueIterator<String, byte[]> it = views.range(RecurringStore.invoicesOn(tenant, recurringId, date),
                prefix + RecurringStore.END)) {
            it.forEachRemaining(kv -> {
                String[] parts = kv.key.substring(prefix.length()).split(String.valueOf(ReadStores.SEP));
                issued.computeIfAbsent(LocalDate.parse(parts[0]), d -> new HashSet<>()).add(new CustomerNumber(parts[1]));
            });
        }
        return issued;
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String lower = value.trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(lower)) {
            throw DomainException.invalid(name, "one-of", name + " must be one of " + String.join(", ", allowed));
        }
        return lower;
    }

    private static int integer(String name, String value, int whenAbsent, int min, int max) {
        if (value == null || value.isBlank()) {
            return whenAbsent;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw DomainException.invalid(name, "range", name + " must be a whole number from " + min + " to " + max);
    }
}
