package io.invoiceflow.events.frequency;

/**
 * Which day of a month a monthly or yearly frequency falls on: a {@code DAY_OF_MONTH} (1-31, see
 * {@link ShortMonths}), the {@code LAST_DAY} of the month, or the {@code NTH_WEEKDAY} (first to
 * fourth, or last, given weekday).
 */
public enum DayRule { DAY_OF_MONTH, LAST_DAY, NTH_WEEKDAY }
