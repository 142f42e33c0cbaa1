package io.invoiceflow.streams.secrets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {
    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void shouldOpenWhatItSealed_whenTheContextMatches() {
        // given a box
        SecretBox box = SecretBox.fromBase64(KEY);

        // when a password is sealed twice
        String first = box.seal(Secret.of("hemmelig-pålogging"), "smtp-account:t1:main");
        String second = box.seal(Secret.of("hemmelig-pålogging"), "smtp-account:t1:main");

        // then each seal differs (fresh nonce), is versioned with the key id, and opens to the password
        assertThat(first).isNotEqualTo(second).startsWith("if1:" + box.keyId() + ":").doesNotContain("hemmelig");
        assertThat(box.open(first, "smtp-account:t1:main").reveal()).isEqualTo("hemmelig-pålogging");
        assertThat(box.open(second, "smtp-account:t1:main").reveal()).isEqualTo("hemmelig-pålogging");
    }

    @Test
    void shouldDetectTampering_whenOneCharacterOfTheCiphertextChanges() {
        // given a sealed secret with one character of its data changed
        SecretBox box = SecretBox.fromBase64(KEY);
        String sealed = box.seal(Secret.of("pw"), "ctx");
        int i = sealed.length() - 5;
        String tampered = sealed.substring(0, i) + (sealed.charAt(i) == 'A' ? 'B' : 'A') + sealed.substring(i + 1);

        // when it is opened, then authentication fails
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(SecretBoxException.class).hasMessageContaining("altered");
    }

    @Test
    void shouldRefuse_whenOpenedForAnotherContext() {
        // given a password sealed for tenant 1
        SecretBox box = SecretBox.fromBase64(KEY);
        String sealed = box.seal(Secret.of("pw"), "smtp-account:t1:main");

        // when another tenant's record carries it, then it does not open
        assertThatThrownBy(() -> box.open(sealed, "smtp-account:t2:main")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void shouldNameTheKeyMismatch_whenSealedWithAnotherInstallationKey() {
        // given a secret sealed by another installation
        byte[] other = new byte[32];
        other[0] = 1;
        String sealed = SecretBox.fromBase64(Base64.getEncoder().encodeToString(other)).seal(Secret.of("pw"), "ctx");

        // when this installation opens it, then the error says so
        assertThatThrownBy(() -> SecretBox.fromBase64(KEY).open(sealed, "ctx"))
                .isInstanceOf(SecretBoxException.class).hasMessageContaining("another installation key");
    }

    @Test
    void shouldRefuseUnknownFormats_whenTheVersionOrShapeIsWrong() {
        SecretBox box = SecretBox.fromBase64(KEY);
        String sealed = box.seal(Secret.of("pw"), "ctx");
        assertThatThrownBy(() -> box.open("if2" + sealed.substring(3), "ctx")).isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("known version");
        assertThatThrownBy(() -> box.open("plain-password", "ctx")).isInstanceOf(SecretBoxException.class);
        assertThatThrownBy(() -> box.open("if1:" + box.keyId() + ":AAAA", "ctx")).isInstanceOf(SecretBoxException.class)
                .hasMessageContaining("too short");
        assertThatThrownBy(() -> box.open(null, "ctx")).isInstanceOf(SecretBoxException.class);
    }

    @Test
    void shouldCreateAnOwnerOnlyKeyFileOnce_whenNoKeyIsConfigured(@TempDir Path dir) throws Exception {
        // given an empty data directory
        Path data = dir.resolve("data");

        // when the box is loaded twice
        SecretBox first = SecretBox.load(Optional.empty(), data);
        String sealed = first.seal(Secret.of("pw"), "ctx");
        SecretBox second = SecretBox.load(Optional.empty(), data);

        // then one key file with owner-only permissions was created, and the second box uses the same key
        Path file = data.resolve(SecretBox.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data))).isEqualTo("rwx------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(second.keyId()).isEqualTo(first.keyId());
        assertThat(second.open(sealed, "ctx").reveal()).isEqualTo("pw");
        try (var files = Files.list(data)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void shouldRefuseTheKeyFile_whenOthersCanReadIt(@TempDir Path dir) throws Exception {
        // given a key file readable by everyone
        SecretBox.fromKeyFile(dir);
        Files.setPosixFilePermissions(dir.resolve(SecretBox.KEY_FILE), PosixFilePermissions.fromString("rw-r--r--"));

        // when it is loaded, then it is refused with the fix
        assertThatThrownBy(() -> SecretBox.fromKeyFile(dir)).isInstanceOf(IllegalStateException.class).hasMessageContaining("chmod 600");
    }

    @Test
    void shouldPreferTheConfiguredKey_whenOneIsGiven(@TempDir Path dir) {
        // when a key is configured, then it is used and no key file is created
        SecretBox box = SecretBox.load(Optional.of(Secret.of(KEY)), dir);
        assertThat(box.keyId()).isEqualTo(SecretBox.fromBase64(KEY).keyId());
        assertThat(dir.resolve(SecretBox.KEY_FILE)).doesNotExist();
    }

    @Test
    void shouldRefuseAConfiguredKey_whenItIsNot32Bytes() {
        assertThatThrownBy(() -> SecretBox.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("INVOICEFLOW_SECRET_KEY").hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretBox.fromBase64("not base64 !!")).hasMessageContaining("INVOICEFLOW_SECRET_KEY");
    }

    @Test
    void shouldDeriveDistinctKeys_whenPurposesDiffer() {
        SecretBox box = SecretBox.fromBase64(KEY);
        assertThat(box.deriveKey("job-token/v1")).hasSize(32).isNotEqualTo(box.deriveKey("other"))
                .isEqualTo(SecretBox.fromBase64(KEY).deriveKey("job-token/v1"));
    }

    @Test
    void shouldHideTheValue_whenASecretIsPrinted() {
        assertThat(Secret.of("hunter2")).hasToString("********");
        assertThat(Secret.empty()).hasToString("(none)");
        assertThat(Secret.of("a")).isEqualTo(Secret.of("a")).isNotEqualTo(Secret.of("b"));
        assertThat(SecretBox.fromBase64(KEY).toString()).doesNotContain(KEY);
    }
}
