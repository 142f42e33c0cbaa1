package io.invoiceflow.events.frequency;

/**
 * The week of the month of an {@link DayRule#NTH_WEEKDAY}: the first to fourth such weekday, or the
 * last. A fifth weekday is deliberately not offered: most months have none.
 */
public enum WeekPosition { FIRST, SECOND, THIRD, FOURTH, LAST }
