package io.invoiceflow.streams.testing;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** GreenMail with SMTP and IMAP on loopback, on free ports, plus an IMAP client for assertions. */
public final class GreenMailServer implements AutoCloseable {
    private final GreenMail greenMail;

    public GreenMailServer(String... usersAndPasswords) {
        ServerSetup smtp = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
        ServerSetup imap = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAP).dynamicPort();
        GreenMailConfiguration config = GreenMailConfiguration.aConfig();
        for (int i = 0; i + 1 < usersAndPasswords.length; i += 2) {
            config = config.withUser(usersAndPasswords[i], usersAndPasswords[i], usersAndPasswords[i + 1]);
        }
        greenMail = new GreenMail(new ServerSetup[]{smtp, imap}).withConfiguration(config);
        greenMail.start();
    }

    public GreenMail greenMail() {
        return greenMail;
    }

    public int smtpPort() {
        return greenMail.getSmtp().getPort();
    }

    public int imapPort() {
        return greenMail.getImap().getPort();
    }

    /** Every message in {@code user}'s INBOX as read over IMAP, each re-parsed from its raw bytes. */
    public List<MimeMessage> fetchOverImap(String user, String password) throws MessagingException, IOException {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", imapPort(), user, password);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> out = new ArrayList<>();
            for (Message m : inbox.getMessages()) {
                ByteArrayOutputStream raw = new ByteArrayOutputStream();
                m.writeTo(raw);
                out.add(new MimeMessage(session, new ByteArrayInputStream(raw.toByteArray())));
            }
            inbox.close(false);
            return out;
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
