package io.invoiceflow.streams.bounce;

import com.icegreen.greenmail.user.GreenMailUser;
import io.invoiceflow.streams.mail.Encryption;
import io.invoiceflow.streams.secrets.Secret;
import io.invoiceflow.streams.testing.GreenMailServer;
import io.invoiceflow.streams.testing.TestMails;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The bounce mailbox reader against GreenMail's IMAP server on loopback. */
class BounceMailboxReaderIT {
    private static final String USER = "bounces@invoiceflow.test";
    private static final String PASSWORD = "imap-password";
    private static final UUID J1 = UUID.fromString("11111111-1111-4111-8111-111111111111");
    private static final UUID J5 = UUID.fromString("55555555-5555-4555-8555-555555555555");

    private GreenMailServer greenMail;
    private BounceMailboxReader reader;

    @BeforeEach
    void start() {
        greenMail = new GreenMailServer(USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        if (reader != null) {
            reader.close();
        }
        greenMail.close();
    }

    private BounceMailboxReader reader(Optional<String> processedFolder) {
        BounceMailboxSettings settings = new BounceMailboxSettings("127.0.0.1", greenMail.imapPort(), Encryption.NONE, USER,
                Secret.of(PASSWORD), "INBOX", processedFolder, Duration.ofSeconds(10), Duration.ofSeconds(30));
        reader = new BounceMailboxReader(settings, new BounceParser(TestMails.TOKENS));
        return reader;
    }

    private void deliver(String... samples) throws Exception {
        GreenMailUser user = greenMail.greenMail().getUserManager().getUser(USER);
        for (String sample : samples) {
            try (InputStream in = getClass().getResourceAsStream("/bounces/" + sample)) {
                user.deliver(new MimeMessage(Session.getInstance(new Properties()), in));
            }
        }
    }

    /** [total, unseen] in a folder, as another IMAP client sees it. */
    private int[] count(String folderName) throws MessagingException {
        Store store = Session.getInstance(new Properties()).getStore("imap");
        store.connect("127.0.0.1", greenMail.imapPort(), USER, PASSWORD);
        try {
            Folder folder = store.getFolder(folderName);
            if (!folder.exists()) {
                return new int[]{0, 0};
            }
            folder.open(Folder.READ_ONLY);
            int unseen = 0;
            for (Message m : folder.getMessages()) {
                unseen += m.isSet(Flags.Flag.SEEN) ? 0 : 1;
            }
            int total = folder.getMessageCount();
            folder.close(false);
            return new int[]{total, unseen};
        } finally {
            store.close();
        }
    }

    @Test
    void shouldHandleMarkSeenAndMoveEveryMessage_whenTheHandlerSucceeds() throws Exception {
        // given three messages in the bounce mailbox
        deliver("postfix-user-unknown.eml", "qmail.eml", "auto-reply.eml");
        List<BounceReport> handled = new ArrayList<>();

        // when the mailbox is polled
        BounceMailboxReader.PollResult result = reader(Optional.of("Processed")).poll(handled::add);

        // then each was parsed and handed over once, then moved (seen) to the processed folder
        assertThat(result).isEqualTo(new BounceMailboxReader.PollResult(3, 0, 3));
        assertThat(handled).extracting(BounceReport::kind)
                .containsExactlyInAnyOrder(BounceKind.DSN, BounceKind.UNSTRUCTURED, BounceKind.AUTO_REPLY);
        assertThat(handled).filteredOn(BounceReport::isBounce).extracting(r -> r.job().orElseThrow().jobId())
                .containsExactlyInAnyOrder(J1, J5);
        assertThat(count("INBOX")).containsExactly(0, 0);
        assertThat(count("Processed")).containsExactly(3, 0);

        // and a second poll finds nothing new
        assertThat(reader.poll(handled::add)).isEqualTo(new BounceMailboxReader.PollResult(0, 0, 0));
    }

    @Test
    void shouldLeaveTheMessageUnseen_whenTheHandlerFails() throws Exception {
        // given two bounces, and a handler that fails for job J1's report
        deliver("postfix-user-unknown.eml", "qmail.eml");
        BounceMailboxReader.Handler failingForJ1 = report -> {
            if (report.job().map(JobMatch::jobId).filter(J1::equals).isPresent()) {
                throw new IllegalStateException("the command topic is down");
            }
        };

        // when the mailbox is polled
        BounceMailboxReader.PollResult first = reader(Optional.of("Processed")).poll(failingForJ1);

        // then the failed one stays unseen in the INBOX (although its content was read), the other was moved
        assertThat(first).isEqualTo(new BounceMailboxReader.PollResult(1, 1, 1));
        assertThat(count("INBOX")).containsExactly(1, 1);
        assertThat(count("Processed")).containsExactly(1, 0);

        // and the next poll offers it again
        List<BounceReport> retried = new ArrayList<>();
        assertThat(reader.poll(retried::add)).isEqualTo(new BounceMailboxReader.PollResult(1, 0, 1));
        assertThat(retried).singleElement().satisfies(r -> assertThat(r.job().orElseThrow().jobId()).isEqualTo(J1));
        assertThat(count("INBOX")).containsExactly(0, 0);
    }

    @Test
    void shouldOnlyMarkSeen_whenNoProcessedFolderIsConfigured() throws Exception {
        // given two messages and no processed folder
        deliver("postfix-delayed.eml", "gmail-legacy.eml");
        List<BounceReport> handled = new ArrayList<>();

        // when the mailbox is polled twice
        BounceMailboxReader.PollResult first = reader(Optional.empty()).poll(handled::add);
        BounceMailboxReader.PollResult second = reader.poll(handled::add);

        // then both were handled once and stay in the INBOX, seen
        assertThat(first).isEqualTo(new BounceMailboxReader.PollResult(2, 0, 0));
        assertThat(second).isEqualTo(new BounceMailboxReader.PollResult(0, 0, 0));
        assertThat(handled).hasSize(2);
        assertThat(count("INBOX")).containsExactly(2, 0);
    }

    @Test
    void shouldFailWithoutThePassword_whenTheLoginIsRefused() {
        // given a reader with a wrong password
        BounceMailboxSettings settings = new BounceMailboxSettings("127.0.0.1", greenMail.imapPort(), Encryption.NONE, USER,
                Secret.of("wrong-CANARY-pw"), "INBOX", Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(30));
        reader = new BounceMailboxReader(settings, new BounceParser(TestMails.TOKENS));

        // when it polls, then it fails naming the mailbox but not the password
        assertThatThrownBy(() -> reader.poll(r -> { }))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining(USER)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARY"));
    }
}
