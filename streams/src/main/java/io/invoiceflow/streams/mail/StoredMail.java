package io.invoiceflow.streams.mail;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One message in the {@link LocalMailSink}, as listed by {@code GET /dev/mailbox}.
 *
 * @param id        the id to read it back with (the file name without {@code .eml})
 * @param fileName  the file's name
 * @param messageId its Message-ID
 * @param from      its From header, decoded
 * @param to        its To and Cc addresses, decoded
 * @param subject   its subject, decoded
 * @param date      its Date header, if parseable
 * @param size      the file's size in bytes
 */
public record StoredMail(String id, String fileName, String messageId, String from, List<String> to, String subject,
                         Optional<Instant> date, long size) {

    public StoredMail {
        to = List.copyOf(to);
    }
}
