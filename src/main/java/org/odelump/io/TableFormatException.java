package org.odelump.io;

/**
 * A delimited text table that cannot be read as expected; the message starts with {@code source:line:column:}
 * (1-based; column 0 when the whole line or file is meant).
 */
public final class TableFormatException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    public TableFormatException(String source, int line, int column, String message) {
        super(source + ":" + line + ":" + column + ": " + message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
