package io.invoiceflow.events.settings;

/**
 * H7: what a tenant's documents and emails show for payment and contact: the contact email, phone and department
 * (merge fields {@code {Supplier.Email}}, {@code {Supplier.Phone}}, {@code {Supplier.Department}}), the bank
 * account, optional IBAN and BIC, and how KIDs are built. Every field but {@code kid} may be null.
 */
public record PaymentSettings(
        String email,
        String phone,
        String department,
        String bankAccount,
        String iban,
        String bic,
        KidScheme kid) {

    /** Before a tenant saves any: no contact or bank details, the default KID scheme. */
    public static final PaymentSettings NONE = new PaymentSettings(null, null, null, null, null, null, KidScheme.DEFAULT);
}
