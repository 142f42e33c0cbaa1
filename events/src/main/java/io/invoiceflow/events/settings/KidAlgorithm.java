package io.invoiceflow.events.settings;

/** The check digit algorithm of KID payment references (Nets / Bankenes standard). */
public enum KidAlgorithm {
    MOD10, MOD11
}
