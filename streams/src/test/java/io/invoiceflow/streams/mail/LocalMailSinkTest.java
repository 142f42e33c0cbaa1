package io.invoiceflow.streams.mail;

import io.invoiceflow.streams.testing.TestMails;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LocalMailSinkTest {
    @TempDir
    Path dir;

    private LocalMailSink sink(Instant now, int keep) {
        return new LocalMailSink(dir.resolve("mailbox"), Clock.fixed(now, ZoneOffset.UTC), keep);
    }

    @Test
    void shouldStoreEveryMessageAsAnEmlFile_andListThemNewestFirst() throws Exception {
        // given two messages stored a minute apart
        OutgoingMail first = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of("regnskap@bryggen.test"));
        OutgoingMail second = TestMails.mail(UUID.randomUUID(), List.of("kontor@treg.test"), List.of());
        SendOutcome a = sink(Instant.parse("2026-11-30T08:00:00Z"), 100).send(first);
        SendOutcome b = sink(Instant.parse("2026-11-30T08:01:00Z"), 100).send(second);

        // when the mailbox is listed
        List<StoredMail> listed = sink(Instant.now(), 100).list(10);

        // then both are there, newest first, with decoded headers; no temporary file is left
        assertThat(a).isInstanceOf(Accepted.class);
        assertThat(((Accepted) b).reply().text()).contains(listed.get(0).id());
        assertThat(listed).extracting(StoredMail::messageId).containsExactly(second.identity().messageId(), first.identity().messageId());
        StoredMail older = listed.get(1);
        assertThat(older.from()).isEqualTo("Fjordkraft Regnskap AS <faktura@fjordkraft.test>");
        assertThat(older.to()).containsExactly("Bryggen Bakeri ÆØÅ <post@bryggen.test>", "regnskap@bryggen.test");
        assertThat(older.subject()).isEqualTo(first.subject());
        assertThat(older.date()).contains(Instant.parse("2026-11-30T08:00:00Z"));
        assertThat(older.fileName()).isEqualTo(older.id() + ".eml").startsWith("20261130T080000000Z-");
        assertThat(older.size()).isEqualTo(Files.size(dir.resolve("mailbox").resolve(older.fileName())));
        try (Stream<Path> files = Files.list(dir.resolve("mailbox"))) {
            assertThat(files).allMatch(p -> p.toString().endsWith(".eml")).hasSize(2);
        }
    }

    @Test
    void shouldGiveBackTheRawMessage_whenReadById() throws Exception {
        // given a stored message
        LocalMailSink sink = sink(Instant.parse("2026-11-30T08:00:00Z"), 100);
        OutgoingMail mail = TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of());
        sink.send(mail);
        String id = sink.list(1).get(0).id();

        // when it is read back
        byte[] raw = sink.content(id).orElseThrow();

        // then it is the full message with the envelope sender as Return-Path
        MimeMessage parsed = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(raw));
        assertThat(parsed.getMessageID()).isEqualTo(mail.identity().messageId());
        assertThat(parsed.getHeader("Return-Path", null)).isEqualTo("<" + mail.identity().envelopeSender().orElseThrow() + ">");
        assertThat(sink.find(id)).get().extracting(StoredMail::subject).isEqualTo(mail.subject());
    }

    @Test
    void shouldFindNothing_whenTheIdIsUnknownOrAPath() {
        LocalMailSink sink = sink(Instant.now(), 100);
        assertThat(sink.content("../../etc/passwd")).isEmpty();
        assertThat(sink.content("20261130T080000000Z-000001-abcd")).isEmpty();
        assertThat(sink.find(null)).isEmpty();
        assertThat(sink.list(10)).isEmpty();
    }

    @Test
    void shouldKeepOnlyTheNewest_whenMoreThanTheLimitAreStored() {
        // given a sink that keeps 3 messages
        for (int i = 0; i < 5; i++) {
            sink(Instant.parse("2026-11-30T08:00:00Z").plusSeconds(i), 3)
                    .send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));
        }

        // then the three newest remain
        assertThat(sink(Instant.now(), 3).list(10)).extracting(StoredMail::fileName)
                .allMatch(n -> n.matches("20261130T08000[234].*"))
                .hasSize(3);
    }

    @Test
    void shouldReportATemporaryFailure_whenTheDirectoryCannotBeWritten() throws Exception {
        // given a file where the mailbox directory should be
        Files.writeString(dir.resolve("mailbox"), "in the way");

        // when a message is stored
        SendOutcome outcome = sink(Instant.now(), 10).send(TestMails.mail(UUID.randomUUID(), List.of("post@bryggen.test"), List.of()));

        // then it is a temporary sink failure
        assertThat(outcome).isInstanceOfSatisfying(TemporaryFailure.class, f -> assertThat(f.error()).isEqualTo(MailError.MAIL_SINK_FAILED));
    }
}
