package io.invoiceflow.web.api;

import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.shared.TenantId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The frequency catalogue's reads and the calendar work the API needs (implemented with the recurrence engine). */
public interface Frequencies {
    /**
     * The schedule a request gives, either as a pattern (returned as given, for the write side to check)
     * or as RFC 5545 text (read and checked here, refused on {@code rrule}). Exactly one of the two.
     */
    FrequencyDefinition schedule(TenantId tenant, FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end,
                                 String rrule);

    Optional<Versioned<Object>> frequency(TenantId tenant, FrequencyId frequencyId);

    /** Every frequency of the tenant, with names and summaries in the tenant's language. */
    Catalogue list(TenantId tenant);

    /** The dates and the name of a schedule, saving nothing. */
    Object preview(TenantId tenant, Requests.FrequencyPreview request);

    /** The list, the language its texts are in (nb, sv or en) and the tenant's time zone. */
    record Catalogue(String language, String timeZone, List<Row> items) {
    }

    /**
     * One frequency as the catalogue lists it (Q4): {@code summary} is the name generated from the pattern,
     * {@code nextDate} the next date from today in the tenant's zone (null when it has ended),
     * {@code endSummary} the end in words, {@code inUse} the subscriptions using it. {@code lastChangedBy}
     * and {@code createdBy} are actors (user ids, or {@code admin}); {@code lastChangedByName} is the
     * user's name where known.
     */
    record Row(String frequencyId, String name, boolean automaticName, String summary, FrequencyPattern pattern,
               LocalDate anchor, FrequencyEnd end, String endSummary, String rrule, LocalDate nextDate, int inUse,
               boolean active, String createdBy, Instant createdAt, String lastChangedBy, String lastChangedByName,
               Instant lastChangedAt) {
    }
}
