package io.invoiceflow.commands.settings;

import io.invoiceflow.documents.Kid;
import io.invoiceflow.documents.SupplierSettings;
import io.invoiceflow.events.settings.KidAlgorithm;
import io.invoiceflow.events.settings.KidScheme;
import io.invoiceflow.events.settings.PaymentSettings;

/** The contract's payment settings and the documents module's {@link SupplierSettings}, each from the other. */
final class Payments {
    private Payments() {
    }

    /** As the documents show them; without a contact email, {@code fallbackEmail} (the tenant's notification email). */
    static SupplierSettings supplier(PaymentSettings p, String fallbackEmail) {
        KidScheme kid = p.kid();
        return new SupplierSettings(p.email() != null ? p.email() : fallbackEmail, p.phone(), p.department(),
                p.bankAccount(), p.iban(), p.bic(), kid == null ? null : new Kid.Scheme(
                kid.algorithm() == null ? null : Kid.Algorithm.valueOf(kid.algorithm().name()), kid.customerDigits(),
                kid.sequenceDigits()));
    }

    static PaymentSettings payment(SupplierSettings s) {
        Kid.Scheme kid = s.kid();
        return new PaymentSettings(s.email(), s.phone(), s.department(), s.bankAccount(), s.iban(), s.bic(),
                new KidScheme(KidAlgorithm.valueOf(kid.algorithm().name()), kid.customerDigits(), kid.sequenceDigits()));
    }
}
