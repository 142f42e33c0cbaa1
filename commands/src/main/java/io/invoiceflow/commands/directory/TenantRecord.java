package io.invoiceflow.commands.directory;

import io.invoiceflow.events.DomainException;
import io.invoiceflow.events.ErrorCode;
import io.invoiceflow.events.shared.Money;
import io.invoiceflow.events.shared.TenantId;
import io.invoiceflow.events.tenant.TenantProfile;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;

/** What the write side needs to know of a tenant when it checks a command. */
public record TenantRecord(TenantId tenantId, TenantProfile profile, boolean invoicingActive) {

    public Currency currency() {
        return Currency.getInstance(profile.currency());
    }

    public int currencyScale() {
        return Money.scaleOf(currency());
    }

    public ZoneId zone() {
        return ZoneId.of(profile.timeZone());
    }

    public String country() {
        return profile.address().country();
    }

    /** Today's date in the tenant's time zone. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone()));
    }

    /** S1: every invoicing command is refused while invoicing is deactivated. */
    public void ensureInvoicingActive() {
        if (!invoicingActive) {
            throw new DomainException(ErrorCode.INVOICING_DEACTIVATED,
                    "Invoicing is deactivated for this tenant; orders can still be created and edited");
        }
    }
}
