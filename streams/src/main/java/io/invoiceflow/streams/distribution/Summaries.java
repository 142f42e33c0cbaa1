package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.distribution.DistributionBounced;
import io.invoiceflow.events.distribution.DistributionFailed;
import io.invoiceflow.events.distribution.DistributionRendered;
import io.invoiceflow.events.distribution.DistributionSent;
import io.invoiceflow.events.invoice.InvoiceOrigin;
import io.invoiceflow.events.tenant.TenantProfile;
import io.invoiceflow.projections.ReadStores;
import io.invoiceflow.projections.ViewJson;
import io.invoiceflow.projections.views.InvoiceView;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The daily summary of automatic sending (R4), kept by the distribution processor: every invoice a
 * recurring schedule produced becomes a line of its tenant's day when its distribution is requested,
 * and follows that distribution's outcome. A day's summary is due once its lines have all settled
 * (sent, failed for good or bounced) and nothing changed for {@link #QUIET}, or at the latest when the
 * day is over in the tenant's zone (listing what is still being tried). Lines that arrive after a
 * day's summary went out make an addendum, due by the same rule.
 */
final class Summaries {
    /** How long a day's lines must stay settled before its summary goes out. */
    static final Duration QUIET = Duration.ofMinutes(5);
    /** How long a day's record is kept after its last summary, so that late outcomes are recognised. */
    private static final Duration KEEP_DAYS = Duration.ofDays(7);

    private final Clock clock;
    private final KeyValueStore<String, byte[]> lines;
    private final KeyValueStore<String, byte[]> days;

    /** @param clock the processing time, which the quiet period is measured in */
    Summaries(Clock clock, KeyValueStore<String, byte[]> lines, KeyValueStore<String, byte[]> days) {
        this.clock = clock;
        this.lines = lines;
        this.days = days;
    }

    /** A distribution the system started on its own at {@code at}: a new pending line if the invoice is recurring. */
    void requested(String tenant, String distributionId, InvoiceView invoice, ZoneId zone, Instant at) {
        if (invoice.origin() == null || invoice.origin().kind() != InvoiceOrigin.Kind.RECURRING
                || lines.get(lineKey(tenant, distributionId)) != null) {
            return;
        }
        LocalDate day = LocalDate.ofInstant(at, zone);
        SummaryLine line = new SummaryLine(tenant, day, distributionId, invoice.invoiceId(), invoice.number(),
                invoice.customer() == null ? null : invoice.customer().name(),
                invoice.totals() == null ? null : invoice.totals().grossAmount(), invoice.currency(), List.of(),
                SummaryLine.PENDING, null);
        lines.put(lineKey(tenant, distributionId), ViewJson.write(line));
        SummaryDay current = day(tenant, day).orElse(new SummaryDay(tenant, day, 0, 0, clock.instant(), 0));
        putDay(new SummaryDay(tenant, day, current.lines() + 1, current.pending() + 1, clock.instant(),
                current.summaries()));
    }

    void rendered(String tenant, DistributionRendered rendered) {
        line(tenant, rendered.distributionId().value()).ifPresent(line -> {
            List<String> recipients = new ArrayList<>(rendered.to());
            recipients.addAll(rendered.cc());
            lines.put(lineKey(tenant, line.distributionId()), ViewJson.write(line.with(line.status(),
                    List.copyOf(recipients), line.detail())));
        });
    }

    void sent(String tenant, DistributionSent sent) {
        settle(tenant, sent.distributionId().value(), SummaryLine.SENT, null);
    }

    void failed(String tenant, DistributionFailed failed) {
        String detail = failed.errorCode() + (failed.errorMessage() == null ? "" : ": " + failed.errorMessage());
        if (failed.permanent() || failed.retryAt() == null) {
            settle(tenant, failed.distributionId().value(), SummaryLine.FAILED, detail);
        } else {
            line(tenant, failed.distributionId().value()).ifPresent(line -> lines.put(lineKey(tenant,
                    line.distributionId()), ViewJson.write(line.with(line.status(), line.recipients(),
                    "retrying after " + detail))));
        }
    }

    void bounced(String tenant, DistributionBounced bounced) {
        String detail = bounced.recipient() + " (" + bounced.source() + (bounced.status() == null ? "" : " "
                + bounced.status()) + (bounced.diagnostic() == null ? "" : ": " + bounced.diagnostic()) + ")";
        line(tenant, bounced.distributionId().value()).ifPresent(line -> {
            if (SummaryLine.PENDING.equals(line.status())) {
                settle(tenant, line.distributionId(), SummaryLine.BOUNCED, detail);
            } else {
                lines.put(lineKey(tenant, line.distributionId()), ViewJson.write(line.with(SummaryLine.BOUNCED,
                        line.recipients(), detail)));
                day(tenant, line.day()).ifPresent(d -> putDay(new SummaryDay(tenant, d.day(), d.lines(), d.pending(),
                        clock.instant(), d.summaries())));
            }
        });
    }

    /**
     * The summaries due by {@code now}, each with its recipient's tenant; their lines are removed and
     * their days counted as summarized. {@code profiles} gives a tenant's profile (its zone).
     */
    List<DailySummary.Due> due(Instant now, Function<String, Optional<TenantProfile>> profiles) {
        List<SummaryDay> open = new ArrayList<>();
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = days.all()) {
            it.forEachRemaining(kv -> {
                SummaryDay day = ViewJson.read(kv.value, SummaryDay.class);
                if (day.lines() > 0) {
                    open.add(day);
                } else if (day.lastChange().plus(KEEP_DAYS).isBefore(now)) {
                    expired.add(kv.key);
                }
            });
        }
        expired.forEach(days::delete);
        List<DailySummary.Due> due = new ArrayList<>();
        for (SummaryDay day : open) {
            Optional<TenantProfile> profile = profiles.apply(day.tenantId());
            if (profile.isEmpty()) {
                continue;
            }
            Instant dayOver = day.day().plusDays(1).atStartOfDay(ZoneId.of(profile.get().timeZone())).toInstant();
            boolean settled = day.pending() == 0 && !day.lastChange().plus(QUIET).isAfter(now);
            if (settled || !now.isBefore(dayOver)) {
                due.add(new DailySummary.Due(day.tenantId(), profile.get(), take(day)));
            }
        }
        return due;
    }

    /** Removes a day's lines and makes them its next summary. */
    private DailySummary take(SummaryDay day) {
        List<SummaryLine> ofDay = new ArrayList<>();
        try (KeyValueIterator<String, byte[]> it = lines.prefixScan(day.tenantId() + ReadStores.SEP,
                new StringSerializer())) {
            it.forEachRemaining(kv -> {
                SummaryLine line = ViewJson.read(kv.value, SummaryLine.class);
                if (line.day().equals(day.day())) {
                    ofDay.add(line);
                }
            });
        }
        ofDay.forEach(line -> lines.delete(lineKey(line.tenantId(), line.distributionId())));
        putDay(new SummaryDay(day.tenantId(), day.day(), 0, 0, day.lastChange(), day.summaries() + 1));
        ofDay.sort(Comparator.comparing(SummaryLine::status).thenComparing(l -> l.number() == null ? "" : l.number()));
        int sent = count(ofDay, SummaryLine.SENT);
        int failed = count(ofDay, SummaryLine.FAILED);
        int bounced = count(ofDay, SummaryLine.BOUNCED);
        int pending = count(ofDay, SummaryLine.PENDING);
        // failures first: they are what the reader has to act on
        List<SummaryLine> listed = new ArrayList<>();
        for (String status : List.of(SummaryLine.FAILED, SummaryLine.BOUNCED, SummaryLine.PENDING, SummaryLine.SENT)) {
            ofDay.stream().filter(l -> l.status().equals(status)).forEach(listed::add);
        }
        return new DailySummary(day.day(), day.summaries() + 1, sent, failed, bounced, pending,
                List.copyOf(listed.subList(0, Math.min(listed.size(), DailySummary.MAX_LINES))));
    }

    private static int count(List<SummaryLine> lines, String status) {
        return (int) lines.stream().filter(l -> l.status().equals(status)).count();
    }

    private void settle(String tenant, String distributionId, String status, String detail) {
        line(tenant, distributionId).ifPresent(line -> {
            boolean wasPending = SummaryLine.PENDING.equals(line.status());
            lines.put(lineKey(tenant, distributionId), ViewJson.write(line.with(status, line.recipients(), detail)));
            day(tenant, line.day()).ifPresent(d -> putDay(new SummaryDay(tenant, d.day(), d.lines(),
                    wasPending ? Math.max(0, d.pending() - 1) : d.pending(), clock.instant(), d.summaries())));
        });
    }

    private Optional<SummaryLine> line(String tenant, String distributionId) {
        return Optional.ofNullable(lines.get(lineKey(tenant, distributionId)))
                .map(b -> ViewJson.read(b, SummaryLine.class));
    }

    private Optional<SummaryDay> day(String tenant, LocalDate day) {
        return Optional.ofNullable(days.get(dayKey(tenant, day))).map(b -> ViewJson.read(b, SummaryDay.class));
    }

    private void putDay(SummaryDay day) {
        days.put(dayKey(day.tenantId(), day.day()), ViewJson.write(day));
    }

    private static String lineKey(String tenant, String distributionId) {
        return tenant + ReadStores.SEP + distributionId;
    }

    private static String dayKey(String tenant, LocalDate day) {
        return tenant + ReadStores.SEP + day;
    }
}
