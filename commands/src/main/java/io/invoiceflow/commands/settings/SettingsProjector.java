package io.invoiceflow.commands.settings;

import io.invoiceflow.events.settings.CustomerLayoutRemoved;
import io.invoiceflow.events.settings.CustomerLayoutSet;
import io.invoiceflow.events.settings.DistributionSettingsEvent;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;

/**
 * Keeps the {@link SettingsDirectory} tables in step with the settings events. Runs in the write side's
 * subscribing directory processor, inside the transaction that appends the events.
 */
public final class SettingsProjector {
    private final SettingsDirectory directory;

    public SettingsProjector(SettingsDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(DistributionSettingsEvent event, @SequenceNumber long version) {
        if (event instanceof CustomerLayoutSet e) {
            directory.setCustomerLayout(e.tenantId(), e.customerNumber(), e.layout());
        } else if (event instanceof CustomerLayoutRemoved e) {
            directory.removeCustomerLayout(e.tenantId(), e.customerNumber());
        }
        SettingsState before = directory.settings(event.tenantId()).map(SettingsDirectory.Versioned::state)
                .orElse(SettingsState.INITIAL);
        directory.saveSettings(event.tenantId(), version, before.apply(event));
    }
}
