package io.invoiceflow.events.frequency;

import io.invoiceflow.events.AggregateCommand;
import io.invoiceflow.events.shared.TenantId;

/** Everything a client can ask of a frequency of the catalogue. */
public sealed interface FrequencyCommand extends AggregateCommand
        permits CreateFrequency, RenameFrequency, ChangeFrequencyPattern, DeactivateFrequency, ReactivateFrequency {
    FrequencyId frequencyId();

    TenantId tenantId();

    @Override
    default String aggregateId() {
        return frequencyId().value();
    }
}
