package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesIntoNewFoldersLeavesNoTemporaryFileAndReplacesContent() throws IOException {
        Path f = dir.resolve("a/b/out.txt");
        AtomicFiles.writeString(f, "first");
        AtomicFiles.writeString(f, "second");
        assertThat(Files.readString(f)).isEqualTo("second");
        try (var files = Files.list(f.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("out.txt");
        }
    }

    @Test
    void newFilesAreReadableByOthersAndReplacedFilesKeepTheirPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions");
        Path f = dir.resolve("new.txt");
        AtomicFiles.writeString(f, "x");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(f, "y");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-rw----");
    }
}
