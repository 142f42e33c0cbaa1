package io.invoiceflow.streams.bounce;

import java.util.Optional;

/**
 * The correlation keys found in a report, verified or not (for the log when nothing matched).
 *
 * @param verpAddress       the first address with a {@code +token} among the envelope recipient,
 *                          {@code Delivered-To}, {@code X-Original-To}, {@code Envelope-To} and {@code To}
 * @param envelopeId        the DSN's {@code Original-Envelope-Id}, xtext-decoded
 * @param originalMessageId the {@code Message-ID} of the returned message (or {@code In-Reply-To})
 * @param jobHeader         the {@code X-Invoiceflow-Job} header of the returned message
 */
public record CorrelationKeys(Optional<String> verpAddress, Optional<String> envelopeId, Optional<String> originalMessageId,
                              Optional<String> jobHeader) {
}
