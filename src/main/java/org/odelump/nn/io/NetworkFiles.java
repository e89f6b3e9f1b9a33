package org.odelump.nn.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.odelump.io.AtomicFiles;
import org.odelump.model.Diagnostic;
import org.odelump.model.InvalidModelException;
import org.odelump.nn.Mlp;

/**
 * Reading and writing network files, the format chosen by extension ({@link NetworkFormat#detect}): {@code .json}
 * (odelump's JSON format, exact) or {@code .onnx} (ONNX; float32 by default). A network read from one format can
 * be written back to the same format with {@link #write(Path, NetworkFile, NetworkFormat)} after compression
 * ({@link NetworkFile#withMlp}). Writes are atomic: the bytes go to a temporary file in the target folder, which
 * is then moved over the target. Read errors are {@link InvalidModelException}s (kind IO when the file cannot be
 * read).
 */
public final class NetworkFiles {

    private NetworkFiles() {
    }

    /** The format of a path by its extension, or an UNSUPPORTED error naming the file. */
    public static NetworkFormat formatOf(Path file) {
        return NetworkFormat.detect(file).orElseThrow(() -> new InvalidModelException(new Diagnostic(name(file), 0,
                0, Diagnostic.Kind.UNSUPPORTED, "unknown network file extension; expected .json or .onnx")));
    }

    /** Reads a network file in the format its extension names. */
    public static NetworkFile read(Path file) {
        return read(file, formatOf(file));
    }

    /** Reads a network file in the given format. */
    public static NetworkFile read(Path file, NetworkFormat format) {
        String name = name(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidModelException(new Diagnostic(name, 0, 0, Diagnostic.Kind.IO,
                    "cannot read the file: " + e));
        }
        return read(file, format, bytes);
    }

    /** Reads a network file from its bytes, already read (e.g. to hash them); {@code file} names it in errors. */
    public static NetworkFile read(Path file, NetworkFormat format, byte[] bytes) {
        String name = name(file);
        return switch (format) {
            case JSON -> JsonNetworkReader.read(new String(bytes, StandardCharsets.UTF_8), name);
            case ONNX -> OnnxNetworkReader.read(bytes, name, file.toAbsolutePath().getParent());
        };
    }

    /**
     * Writes a bare network, with provenance {@code odelump}, now.
     *
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Mlp mlp, NetworkFormat format) throws IOException {
        NetworkFile net = NetworkFile.of(mlp).withProvenance(new NetworkProvenance("odelump",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ""));
        write(file, net, format);
    }

    /** Writes a network file; ONNX files get float32 tensors ({@link OnnxPrecision#FLOAT32}). */
    public static void write(Path file, NetworkFile net, NetworkFormat format) throws IOException {
        write(file, net, format, OnnxPrecision.FLOAT32);
    }

    /**
     * Writes a network file.
     *
     * @param precision the tensor element type for ONNX; ignored for JSON, which is always exact
     */
    public static void write(Path file, NetworkFile net, NetworkFormat format, OnnxPrecision precision)
            throws IOException {
        byte[] bytes = switch (format) {
            case JSON -> JsonNetworkWriter.write(net).getBytes(StandardCharsets.UTF_8);
            case ONNX -> OnnxNetworkWriter.write(net, precision);
        };
        AtomicFiles.writeBytes(file, bytes);
    }

    private static String name(Path file) {
        return file.toString();
    }
}
