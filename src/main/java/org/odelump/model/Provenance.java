package org.odelump.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where a model came from.
 *
 * @param source the file path or a description such as {@code <generated>}
 * @param sha256 hex SHA-256 of the source text, or null when generated
 * @param format the input format, e.g. {@code ode}, {@code net}
 */
public record Provenance(String source, String sha256, String format) {
    public Provenance {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
    }

    /** Provenance of a model built in memory. */
    public static Provenance generated(String description) {
        return new Provenance(description, null, "generated");
    }

    /** Provenance of text read from {@code source}. */
    public static Provenance ofText(String source, String format, CharSequence text) {
        return new Provenance(source, sha256(text.toString().getBytes(StandardCharsets.UTF_8)), format);
    }

    /** Hex SHA-256 of the given bytes. */
    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
