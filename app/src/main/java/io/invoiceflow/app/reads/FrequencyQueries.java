package io.invoiceflow.app.reads;

import io.invoiceflow.commands.WriteSide;
import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.frequency.FrequencyDefinition;
import io.invoiceflow.events.frequency.FrequencyEnd;
import io.invoiceflow.events.frequency.FrequencyId;
import io.invoiceflow.events.frequency.FrequencyPattern;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.UserCreated;
import io.invoiceflow.recurrence.FrequencyNames;
import io.invoiceflow.recurrence.NameLanguage;
import io.invoiceflow.recurrence.RRules;
import io.invoiceflow.recurrence.Recurrence;
import io.invoiceflow.web.api.Frequencies;
import io.invoiceflow.web.api.Requests;
import io.invoiceflow.web.api.Versioned;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The frequency catalogue's reads, from the write side's {@code frequency_directory}, with the calendar
 * work done by the recurrence engine: the summary (the generated name) and the end in the tenant's
 * language, the RRULE text, and the next date on or after today in the tenant's time zone.
 */
public final class FrequencyQueries implements Frequencies {
    private static final int DEFAULT_PREVIEW = 10;
    private static final int MAX_PREVIEW = 100;

    private final WriteSide writeSide;
    private final Directory directory;
    private final Clock clock;

    public FrequencyQueries(WriteSide writeSide, Clock clock) {
        this.writeSide = writeSide;
        this.directory = writeSide.directory();
        this.clock = clock;
    }

    @Override
    public FrequencyDefinition schedule(TenantId tenant, FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end,
                                        String rrule) {
        if (rrule == null) {
            if (pattern == null) {
                throw DomainException.invalid("pattern", "required", "give the schedule as pattern or as rrule");
            }
            return new FrequencyDefinition(pattern, anchor, end);
        }
        if (pattern != null) {
            throw DomainException.invalid("rrule", "exclusive", "give the schedule as pattern or as rrule, not both");
        }
        if (end != null) {
            throw DomainException.invalid("end", "not-applicable", "with rrule, its COUNT or UNTIL gives the end");
        }
        if (anchor != null && rrule.toUpperCase(Locale.ROOT).contains("DTSTART")) {
            throw DomainException.invalid("anchor", "not-applicable", "with rrule, its DTSTART gives the anchor");
        }
        TenantRecord record = directory.requireTenant(tenant);
        return RRules.parse(rrule, anchor != null ? anchor : record.today(clock), record.zone());
    }

    @Override
    public Optional<Versioned<Object>> frequency(TenantId tenant, FrequencyId frequencyId) {
        return directory.frequency(tenant, frequencyId).map(entry -> {
            Context context = context(tenant);
            return new Versioned<>(row(entry, context), entry.version());
        });
    }

    @Override
    public Catalogue list(TenantId tenant) {
        Context context = context(tenant);
        return new Catalogue(context.language().code(), context.zone().getId(),
                directory.frequencies(tenant).stream().map(entry -> row(entry, context)).toList());
    }

    @Override
    public Object preview(TenantId tenant, Requests.FrequencyPreview request) {
        TenantRecord record = directory.requireTenant(tenant);
        NameLanguage language = request.language() == null
                ? NameLanguage.orEnglish(record.profile().defaultLanguage())
                : NameLanguage.of(request.language()).orElseThrow(() -> DomainException.invalid("language", "one-of",
                "language must be one of nb, sv, en"));
        int count = request.count() == null ? DEFAULT_PREVIEW : request.count();
        if (count < 1 || count > MAX_PREVIEW) {
            throw DomainException.invalid("count", "range", "count must be from 1 to " + MAX_PREVIEW);
        }
        LocalDate today = record.today(clock);
        FrequencyDefinition requested = schedule(tenant, request.pattern(), request.anchor(), request.end(),
                request.rrule());
        Recurrence recurrence = Recurrence.of(requested.anchor() != null ? requested
                : new FrequencyDefinition(requested.pattern(), today, requested.end()));
        FrequencyDefinition canonical = recurrence.definition();
        LocalDate from = request.from() == null ? today : request.from();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", FrequencyNames.name(canonical.pattern(), language));
        view.put("language", language.code());
        view.put("pattern", canonical.pattern());
        view.put("anchor", canonical.anchor());
        view.put("end", canonical.end());
        view.put("endSummary", FrequencyNames.end(canonical.end(), language));
        view.put("rrule", RRules.format(canonical, record.zone()));
        view.put("from", from);
        view.put("dates", recurrence.next(count, from));
        return view;
    }

    private Row row(Directory.FrequencyEntry e, Context context) {
        FrequencyDefinition definition = e.definition();
        LocalDate next = Recurrence.of(definition).nextOnOrAfter(context.today()).orElse(null);
        return new Row(e.frequencyId().value(), e.name(), e.automaticName(),
                FrequencyNames.name(definition.pattern(), context.language()), definition.pattern(),
                definition.anchor(), definition.end(), FrequencyNames.end(definition.end(), context.language()),
                RRules.format(definition, context.zone()), next, e.inUse(), e.active(), e.createdBy(), e.createdAt(),
                e.changedBy(), context.userNames().get(e.changedBy()), e.changedAt());
    }

    private Context context(TenantId tenant) {
        TenantRecord record = directory.requireTenant(tenant);
        Map<String, String> names = new HashMap<>();
        writeSide.events(tenant.value()).forEach(event -> {
            if (event.getPayload() instanceof UserCreated user) {
                names.put(user.userId().value(), user.name());
            }
        });
        return new Context(NameLanguage.orEnglish(record.profile().defaultLanguage()), record.zone(),
                record.today(clock), names);
    }

    /** What every row of one request shares. */
    private record Context(NameLanguage language, ZoneId zone, LocalDate today, Map<String, String> userNames) {
    }
}
