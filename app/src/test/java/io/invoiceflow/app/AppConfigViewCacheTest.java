package io.invoiceflow.app;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppConfigViewCacheTest {

    @Test
    void shouldGiveTheViewCacheAnEighthOfTheHeap_whenItIsNotSet() {
        assertThat(AppConfig.load(Map.of()).viewCacheBytes()).isEqualTo(Runtime.getRuntime().maxMemory() / 8);
    }

    @Test
    void shouldTakeMegabytes_whenItIsSet() {
        assertThat(AppConfig.load(Map.of("INVOICEFLOW_VIEW_CACHE_MB", "64")).viewCacheBytes()).isEqualTo(64L << 20);
        assertThat(AppConfig.load(Map.of("INVOICEFLOW_VIEW_CACHE_MB", "0")).viewCacheBytes()).isZero();
    }

    @Test
    void shouldRefuseToStart_whenItIsNotAWholeNumberOfMegabytes() {
        assertThatThrownBy(() -> AppConfig.load(Map.of("INVOICEFLOW_VIEW_CACHE_MB", "-1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVOICEFLOW_VIEW_CACHE_MB");
        assertThatThrownBy(() -> AppConfig.load(Map.of("INVOICEFLOW_VIEW_CACHE_MB", "1.5GB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("INVOICEFLOW_VIEW_CACHE_MB");
    }
}
