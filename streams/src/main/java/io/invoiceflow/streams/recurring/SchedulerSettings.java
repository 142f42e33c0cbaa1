package io.invoiceflow.streams.recurring;

import java.time.Duration;
import java.time.LocalTime;

/**
 * When the morning run happens and what it makes of missed days (R2, R7).
 *
 * @param runTime     the local time of the daily run in each tenant's zone (06:15)
 * @param catchUpDays how many days back a late run still issues a missed occurrence: 0 issues only
 *                    today's (the system was down at 06:15 and starts later the same day); occurrences of
 *                    older days are skipped, not produced late
 * @param tick        how often the scheduler looks for due occurrences
 */
public record SchedulerSettings(LocalTime runTime, int catchUpDays, Duration tick) {
    public SchedulerSettings {
        if (runTime == null || tick == null || tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("runTime and a positive tick are required");
        }
        if (catchUpDays < 0 || catchUpDays > 366) {
            throw new IllegalArgumentException("catchUpDays must be from 0 to 366");
        }
    }

    public static SchedulerSettings defaults() {
        return new SchedulerSettings(LocalTime.of(6, 15), 0, Duration.ofSeconds(1));
    }
}
