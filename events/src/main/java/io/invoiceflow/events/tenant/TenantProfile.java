package io.invoiceflow.events.tenant;

import io.invoiceflow.events.shared.Address;

/**
 * A tenant's settings. {@code currency} is ISO 4217, {@code timeZone} an IANA zone id,
 * {@code defaultLanguage} an ISO 639-1 code ({@code nb}, {@code sv}, {@code da}, {@code en}).
 */
public record TenantProfile(
        String name,
        String organisationNumber,
        Address address,
        String currency,
        String timeZone,
        String defaultLanguage,
        NumberSeries invoiceNumbers,
        NumberSeries creditNoteNumbers,
        String notificationEmail) {
}
