package io.invoiceflow.app.kafka;

import io.invoiceflow.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TopicAdminTest {

    @Test
    void shouldKeepEventsForever_whenDefaultTopicsAreBuilt() {
        // when
        List<NewTopic> topics = TopicAdmin.defaultTopics(6, (short) 3);

        // then
        NewTopic events = topics.get(0);
        assertThat(events.name()).isEqualTo(Topics.INVOICING_EVENTS);
        assertThat(events.numPartitions()).isEqualTo(6);
        assertThat(events.replicationFactor()).isEqualTo((short) 3);
        assertThat(events.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", "-1",
                "retention.bytes", "-1"));
    }

    @Test
    void shouldKeepCommandsForSevenDays_whenDefaultTopicsAreBuilt() {
        // when
        List<NewTopic> topics = TopicAdmin.defaultTopics(6, (short) 3);

        // then
        NewTopic commands = topics.get(1);
        assertThat(commands.name()).isEqualTo(Topics.INVOICING_COMMANDS);
        assertThat(commands.numPartitions()).isEqualTo(6);
        assertThat(commands.replicationFactor()).isEqualTo((short) 3);
        assertThat(commands.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", "604800000"));
    }

    @Test
    void shouldKeepDistributionJobsForSevenDays_whenDefaultTopicsAreBuilt() {
        // when
        List<NewTopic> topics = TopicAdmin.defaultTopics(6, (short) 3);

        // then
        NewTopic jobs = topics.get(2);
        assertThat(jobs.name()).isEqualTo(Topics.DISTRIBUTION_JOBS);
        assertThat(jobs.numPartitions()).isEqualTo(6);
        assertThat(jobs.configs()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cleanup.policy", "delete",
                "retention.ms", "604800000"));
    }

    @Test
    void shouldThrowTimeout_whenNoBrokerListens() throws IOException {
        // given
        String nowhere = "127.0.0.1:" + unusedLoopbackPort();
        List<NewTopic> topics = TopicAdmin.defaultTopics(1, (short) 1);

        // when / then
        assertThatThrownBy(() -> TopicAdmin.ensureTopics(nowhere, topics, Duration.ofSeconds(1)))
                .isInstanceOf(TimeoutException.class)
                .hasMessageContaining("within PT1S");
    }

    private static int unusedLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
