package io.invoiceflow.events.frequency;

/** What a frequency repeats: days, weeks (starting on Monday), months or years. */
public enum FrequencyUnit { DAILY, WEEKLY, MONTHLY, YEARLY }
