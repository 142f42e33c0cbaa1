package io.invoiceflow.events.settings;

import io.invoiceflow.events.DomainEvent;

/**
 * Everything that changes a tenant's distribution settings (H7, S2-S6): payment settings, PDF layouts and the
 * per-customer rules, custom templates, email templates, the sender account. One aggregate per tenant, id
 * {@code <tenantId>/distribution-settings}, created by its first change. No event carries a password or the
 * bytes of a logo or stylesheet: those are stored in the write side's database and events name them.
 */
public sealed interface DistributionSettingsEvent extends DomainEvent
        permits PaymentSettingsChanged, DefaultLayoutsChanged, CustomerLayoutSet, CustomerLayoutRemoved,
        DocumentTemplateSaved, DocumentTemplateRemoved, EmailTemplateSaved, EmailTemplateRemoved, SenderAccountSet,
        SenderAccountRemoved {
}
