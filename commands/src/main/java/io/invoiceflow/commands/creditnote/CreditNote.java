package io.invoiceflow.commands.creditnote;

import io.invoiceflow.events.creditnote.CreditNoteIssued;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A credit note: final and numbered when issued; it references the invoice it credits. */
public class CreditNote {
    @AggregateIdentifier
    private String id;

    protected CreditNote() {
        // for Axon
    }

    public CreditNote(CreditNoteIssued issued) {
        apply(issued);
    }

    @EventSourcingHandler
    void on(CreditNoteIssued event) {
        id = event.creditNoteId().value();
    }
}
