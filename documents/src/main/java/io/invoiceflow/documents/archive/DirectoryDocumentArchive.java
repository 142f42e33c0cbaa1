package io.invoiceflow.documents.archive;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A {@link DocumentArchive} in a directory: {@code <root>/ab/cd/abcd...ef} (two levels of 256 shards by the first
 * four hex digits of the hash). A write goes to a temporary file in the target directory, is forced to disk and
 * renamed atomically into place, so a reader never sees a partial file and a crash leaves at most a temporary file
 * ({@code .tmp-*}, ignored). Concurrent stores of the same bytes are safe: the rename is idempotent. Thread-safe.
 */
public final class DirectoryDocumentArchive implements DocumentArchive {
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public DirectoryDocumentArchive(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the document archive " + this.root, e);
        }
    }

    @Override
    public String store(byte[] document) {
        String hash = sha256(document);
        Path target = path(hash);
        if (isIntact(target, hash)) {
            return hash;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".tmp-", "");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    var buffer = java.nio.ByteBuffer.wrap(document);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return hash;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store document " + hash, e);
        }
    }

    /** True when the file exists and holds the bytes of its hash (a damaged copy is replaced by the next store). */
    private static boolean isIntact(Path file, String hash) {
        try {
            return Files.isRegularFile(file) && sha256(Files.readAllBytes(file)).equals(hash);
        } catch (IOException e) {
            return false;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            // rename(2): atomic, and replaces a damaged copy; a concurrent writer of the same bytes is harmless
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the archive's file system cannot rename atomically", e);
        }
    }

    @Override
    public Optional<byte[]> read(String sha256) {
        Path file = path(requireHash(sha256));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read document " + sha256, e);
        }
        if (!sha256(bytes).equals(sha256)) {
            throw new CorruptDocumentException("the archived document " + sha256 + " does not match its hash");
        }
        return Optional.of(bytes);
    }

    @Override
    public boolean contains(String sha256) {
        return Files.isRegularFile(path(requireHash(sha256)));
    }

    /** Where a hash is stored. */
    Path path(String sha256) {
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    private static String requireHash(String sha256) {
        if (sha256 == null || !SHA256.matcher(sha256).matches()) {
            throw new IllegalArgumentException("a document hash is 64 lower-case hex characters: " + sha256);
        }
        return sha256;
    }

    /** Lower-case hex SHA-256. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
