package io.invoiceflow.events.recurring;

import io.invoiceflow.events.shared.CustomerNumber;

import java.time.LocalDate;

/**
 * A subscriber as the client writes it: a registered customer, the first date it may be invoiced
 * ({@code startDate}: tomorrow at the earliest, by default tomorrow or the subscription's first date)
 * and its own optional {@code endDate}, which overrides the subscription's end for it (Q2).
 */
public record SubscriberInput(CustomerNumber customerNumber, LocalDate startDate, LocalDate endDate) {
}
