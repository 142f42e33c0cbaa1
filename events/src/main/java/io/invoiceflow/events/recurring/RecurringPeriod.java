package io.invoiceflow.events.recurring;

/**
 * The four periods of a recurring invoice (R1), each a pattern anchored on the first date:
 * {@code WEEK} on the first date's weekday, {@code MONTH} and {@code QUARTER} (every 3 months) on the
 * first date's day of the month (the last day of shorter months), {@code YEAR} on the first date's
 * day and month (28 February in other years for a 29 February start).
 */
public enum RecurringPeriod { WEEK, MONTH, QUARTER, YEAR }
