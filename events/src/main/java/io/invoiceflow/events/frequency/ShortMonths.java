package io.invoiceflow.events.frequency;

/**
 * What a day of the month beyond a month's length (the 29th-31st) does in shorter months:
 * {@code LAST_DAY} (the default) falls on the month's last day instead, so "monthly on the 31st"
 * is 31 January, 28 February, 31 March, 30 April; {@code SKIP} leaves those months out, as
 * RFC 5545 does for {@code BYMONTHDAY=31}.
 */
public enum ShortMonths { LAST_DAY, SKIP }
