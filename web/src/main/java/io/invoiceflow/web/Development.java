package io.invoiceflow.web;

import io.invoiceflow.events.shared.TenantId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The operator's tools of a development installation ({@code INVOICEFLOW_MODE=development}): the
 * installation's clock, which only moves forward, and the morning run of a date on demand, so a
 * month of recurring invoices can be tried in a minute. In production {@link #enabled()} is false
 * and the routes do not exist.
 */
public interface Development {
    /** In production: nothing. */
    Development OFF = new Development() {
        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public Instant now() {
            throw new IllegalStateException("development tools are off");
        }

        @Override
        public Instant moveClockTo(Instant target) {
            throw new IllegalStateException("development tools are off");
        }

        @Override
        public MorningRun runMorning(TenantId tenant, LocalDate date, Duration timeout) {
            throw new IllegalStateException("development tools are off");
        }
    };

    boolean enabled();

    /** The installation's time. */
    Instant now();

    /** Moves the installation's clock to {@code target}; refused (bad input) when that is in its past. */
    Instant moveClockTo(Instant target);

    /**
     * Moves the clock to the morning run of {@code date} in the tenant's zone (unless it is there
     * already) and waits up to {@code timeout} until the scheduler has run at that time.
     */
    MorningRun runMorning(TenantId tenant, LocalDate date, Duration timeout);

    /**
     * @param runAt     the instant the run of {@code date} is due in the tenant's zone
     * @param clock     the installation's time after the move
     * @param completed whether the scheduler ran at or after {@code runAt} within the wait
     * @param issued    how many occurrences this installation's scheduler issued during the wait
     */
    record MorningRun(LocalDate date, Instant runAt, Instant clock, boolean completed, long issued) {
    }
}
