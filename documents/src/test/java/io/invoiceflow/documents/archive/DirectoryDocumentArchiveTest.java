package io.invoiceflow.documents.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DirectoryDocumentArchiveTest {
    @TempDir
    Path dir;

    @Test
    void shouldReadBackTheSameBytesByTheirSha256_whenStored() {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);
        byte[] pdf = "%PDF-1.4 test æøå".getBytes(StandardCharsets.UTF_8);

        String hash = archive.store(pdf);

        assertThat(hash).isEqualTo(DirectoryDocumentArchive.sha256(pdf)).matches("[0-9a-f]{64}");
        assertThat(archive.read(hash)).contains(pdf);
        assertThat(archive.contains(hash)).isTrue();
        assertThat(archive.path(hash)).isEqualTo(dir.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash));
    }

    @Test
    void shouldKeepOneFileAndNoTemporaryFiles_whenTheSameBytesAreStoredTwice() throws Exception {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);
        byte[] pdf = "same".getBytes(StandardCharsets.UTF_8);

        String first = archive.store(pdf);
        String second = archive.store(pdf.clone());

        assertThat(second).isEqualTo(first);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).toList()).containsExactly(archive.path(first));
        }
    }

    @Test
    void shouldStoreOnce_whenManyThreadsStoreTheSameBytesAtOnce() throws Exception {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);
        byte[] pdf = new byte[200_000];
        new java.util.Random(7).nextBytes(pdf);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> hashes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                hashes.add(pool.submit(() -> archive.store(pdf)));
            }
            for (Future<String> h : hashes) {
                assertThat(h.get()).isEqualTo(DirectoryDocumentArchive.sha256(pdf));
            }
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1);
        }
        assertThat(archive.read(DirectoryDocumentArchive.sha256(pdf))).contains(pdf);
    }

    @Test
    void shouldBeEmpty_whenNothingIsStoredUnderTheHash() {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);

        assertThat(archive.read("0".repeat(64))).isEmpty();
        assertThat(archive.contains("0".repeat(64))).isFalse();
    }

    @Test
    void shouldRefuse_whenTheHashIsMalformed() {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);

        assertThatThrownBy(() -> archive.read("../../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> archive.read("ABCDEF".repeat(10) + "ABCD")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldDetectTheDamageAndRepairItOnTheNextStore_whenAStoredFileChanged() throws Exception {
        DirectoryDocumentArchive archive = new DirectoryDocumentArchive(dir);
        byte[] pdf = "original".getBytes(StandardCharsets.UTF_8);
        String hash = archive.store(pdf);
        Files.writeString(archive.path(hash), "tampered");

        assertThatThrownBy(() -> archive.read(hash)).isInstanceOf(DocumentArchive.CorruptDocumentException.class)
                .hasMessageContaining(hash);

        archive.store(pdf);
        assertThat(archive.read(hash)).contains(pdf);
    }
}
