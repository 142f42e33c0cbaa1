package io.invoiceflow.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The fixed texts of documents (titles, column heads, "Due date", ...) per language, from
 * {@code labels/<code>.properties} (UTF-8). Every language has the same keys; a test checks it.
 */
public final class Labels {
    private static final Map<Language, Map<String, String>> ALL = load();

    private Labels() {
    }

    /** The labels of a language, sorted by key (an unmodifiable map). */
    public static Map<String, String> of(Language language) {
        return ALL.get(language);
    }

    /** One label; never null. */
    public static String get(Language language, String key) {
        String value = ALL.get(language).get(key);
        if (value == null) {
            throw new IllegalArgumentException("no label " + key);
        }
        return value;
    }

    private static Map<Language, Map<String, String>> load() {
        Map<Language, Map<String, String>> out = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            Properties properties = new Properties();
            String name = "labels/" + language.code() + ".properties";
            try (InputStream in = Labels.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Map<String, String> labels = new TreeMap<>();
            properties.forEach((k, v) -> labels.put((String) k, (String) v));
            out.put(language, Collections.unmodifiableMap(labels));
        }
        return out;
    }
}
