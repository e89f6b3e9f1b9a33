package org.odelump.nn.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** File formats of networks, detected by file extension. */
public enum NetworkFormat {
    /** odelump's JSON network format ({@code .json}), described in {@code docs/network-format.md}. */
    JSON("json"),
    /** ONNX ({@code .onnx}): a chain of Gemm or MatMul+Add nodes with Tanh, Sigmoid or Relu. */
    ONNX("onnx");

    private final String extension;

    NetworkFormat(String extension) {
        this.extension = extension;
    }

    /** The usual extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format a file name's extension (case-insensitive) names, if any. */
    public static Optional<NetworkFormat> detect(Path file) {
        Path name = file.getFileName();
        String s = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        for (NetworkFormat f : values()) {
            if (s.endsWith("." + f.extension)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
