package io.invoiceflow.streams.distribution;

import io.invoiceflow.events.shared.Contact;
import io.invoiceflow.projections.views.InvoiceView;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who receives a document's email (P4, H11; an order's confirmation alike): the addresses a user gave, else the
 * distribution list entry of the customer number, else the document's first contact (To) with the other contacts
 * in Cc.
 * Addresses are compared case-insensitively; an address is never both in To and Cc.
 */
public final class Routing {
    private Routing() {
    }

    /** The recipients; empty when there is nobody to send to. */
    public record Recipients(List<String> to, List<String> cc) {
    }

    public static Optional<Recipients> recipients(List<String> to, List<String> cc, InvoiceView invoice,
                                                  Optional<String> listEntry) {
        return recipients(to, cc, invoice.contacts(), listEntry);
    }

    /** The recipients of a document with {@code contacts}; empty when there is nobody to send to. */
    public static Optional<Recipients> recipients(List<String> to, List<String> cc, List<Contact> documentContacts,
                                                  Optional<String> listEntry) {
        if (!to.isEmpty()) {
            return Optional.of(distinct(to, cc));
        }
        if (listEntry.isPresent()) {
            return Optional.of(distinct(List.of(listEntry.get()), cc));
        }
        List<String> contacts = new ArrayList<>();
        for (Contact contact : documentContacts == null ? List.<Contact>of() : documentContacts) {
            if (contact.email() != null && !contact.email().isBlank()) {
                contacts.add(contact.email());
            }
        }
        if (contacts.isEmpty()) {
            return Optional.empty();
        }
        List<String> others = new ArrayList<>(contacts.subList(1, contacts.size()));
        others.addAll(cc);
        return Optional.of(distinct(List.of(contacts.get(0)), others));
    }

    private static Recipients distinct(List<String> to, List<String> cc) {
        Set<String> seen = new LinkedHashSet<>();
        List<String> uniqueTo = new ArrayList<>();
        for (String address : to) {
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                uniqueTo.add(address);
            }
        }
        List<String> uniqueCc = new ArrayList<>();
        for (String address : cc) {
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                uniqueCc.add(address);
            }
        }
        return new Recipients(List.copyOf(uniqueTo), List.copyOf(uniqueCc));
    }
}
