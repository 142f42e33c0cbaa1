package io.invoiceflow.events.creditnote;

import io.invoiceflow.events.DomainEvent;
import io.invoiceflow.events.shared.CreditNoteId;

/** Everything that happens to a credit note. Aggregate id: the credit note id. */
public sealed interface CreditNoteEvent extends DomainEvent permits CreditNoteIssued {
    CreditNoteId creditNoteId();
}
