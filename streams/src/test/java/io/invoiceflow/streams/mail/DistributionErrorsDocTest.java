package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.distribution.DistributionError;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/distribution-errors.md explains every error code, and only those. */
class DistributionErrorsDocTest {

    @Test
    void shouldExplainEveryErrorCode_whenTheEnumChanges() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "distribution-errors.md"));
        for (MailError error : MailError.values()) {
            assertThat(doc).as(error.name()).contains("\n## " + error.name() + "\n").contains("| `" + error.name() + "` | "
                    + (error.isPermanent() ? "no" : "yes") + " |");
        }
        for (DistributionError error : DistributionError.values()) {
            assertThat(doc).as(error.name()).contains("\n## " + error.name() + "\n").contains("| `" + error.name()
                    + "` | no |");
        }
        assertThat(doc.split("\n## ", -1)).hasSize(MailError.values().length + DistributionError.values().length + 1);
    }
}
