package io.invoiceflow.events.frequency;

import io.invoiceflow.events.DomainEvent;

/** Everything that happens to a frequency of the catalogue. Aggregate id: the frequency id. */
public sealed interface FrequencyEvent extends DomainEvent
        permits FrequencyCreated, FrequencyRenamed, FrequencyPatternChanged, FrequencyDeactivated, FrequencyReactivated {
    FrequencyId frequencyId();
}
