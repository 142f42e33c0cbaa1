package io.invoiceflow.app.dev;

import io.invoiceflow.commands.directory.Directory;
import io.invoiceflow.commands.directory.TenantRecord;
import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.recurrence.DueTimes;
import io.invoiceflow.streams.recurring.SchedulerMetrics;
import io.invoiceflow.streams.recurring.SchedulerSettings;
import io.invoiceflow.web.Development;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/** {@link Development} of an installation in development mode: its {@link DevClock} and its scheduler. */
public final class DevelopmentTools implements Development {
    private static final Duration POLL = Duration.ofMillis(50);

    private final DevClock clock;
    private final Directory directory;
    private final SchedulerSettings scheduler;
    private final SchedulerMetrics metrics;

    public DevelopmentTools(DevClock clock, Directory directory, SchedulerSettings scheduler, SchedulerMetrics metrics) {
        this.clock = clock;
        this.directory = directory;
        this.scheduler = scheduler;
        this.metrics = metrics;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Instant moveClockTo(Instant target) {
        return clock.moveTo(target);
    }

    @Override
    public MorningRun runMorning(TenantId tenant, LocalDate date, Duration timeout) {
        TenantRecord record = directory.tenant(tenant).orElseThrow(() -> DomainException.notFound("tenant"));
        Instant runAt = DueTimes.dueAt(date, scheduler.runTime(), record.zone());
        long issuedBefore = metrics.issued();
        if (clock.instant().isBefore(runAt)) {
            clock.moveTo(runAt);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean completed = ranAtOrAfter(runAt);
        while (!completed && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            completed = ranAtOrAfter(runAt);
        }
        return new MorningRun(date, runAt, clock.instant(), completed, metrics.issued() - issuedBefore);
    }

    private boolean ranAtOrAfter(Instant runAt) {
        return metrics.ranUpTo().map(upTo -> !upTo.isBefore(runAt)).orElse(false);
    }
}
