package io.invoiceflow.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Every setting the app reads is in the README's configuration table, and the table names no other. */
class ReadmeSettingsTest {
    private static final Pattern ROW_KEY = Pattern.compile("`((?:INVOICEFLOW|KAFKA|DATABASE|PORT)[A-Z_]*|_[A-Z_]+)`");

    @Test
    void shouldDocumentEverySetting_whenTheReadmeIsRead() throws IOException {
        // given the configuration table of the README
        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("## Configuration");
        String table = readme.substring(start, readme.indexOf("\n\n", readme.indexOf("| setting |", start)));

        // when the first column's keys are collected (a "_SUFFIX" continues the previous key's prefix)
        List<String> documented = new ArrayList<>();
        for (String row : table.split("\n")) {
            if (!row.startsWith("| `")) {
                continue;
            }
            String firstCell = row.substring(1, row.indexOf(" |", 2));
            String prefix = null;
            Matcher keys = ROW_KEY.matcher(firstCell);
            while (keys.find()) {
                String key = keys.group(1);
                if (key.startsWith("_")) {
                    documented.add(prefix + key);
                } else {
                    documented.add(key);
                    prefix = key.contains("_") ? key.substring(0, key.lastIndexOf('_')) : key;
                }
            }
        }

        // then
        assertThat(documented).containsExactlyInAnyOrderElementsOf(AppConfig.KEYS.keySet());
    }
}
