package io.invoiceflow.events.frequency;

import java.time.LocalDate;

/**
 * A frequency's schedule: the pattern, the anchor (the first day it may fall on, in the tenant's
 * time zone; RFC 5545 DTSTART) and the end. Occurrences are the dates on or after the anchor that
 * match the pattern, computed from the anchor, never from the previous date.
 */
public record FrequencyDefinition(FrequencyPattern pattern, LocalDate anchor, FrequencyEnd end) {
}
