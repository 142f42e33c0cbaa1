package io.invoiceflow.documents;

import io.invoiceflow.events.shared.Address;

/**
 * The issuing company as a document shows it: name, organisation number and address from the tenant
 * profile; contact and bank details from {@link SupplierSettings}. {@code iban} and {@code bic} may be null.
 */
public record Supplier(
        String name,
        String organisationNumber,
        Address address,
        String email,
        String phone,
        String department,
        String bankAccount,
        String iban,
        String bic) {
}
