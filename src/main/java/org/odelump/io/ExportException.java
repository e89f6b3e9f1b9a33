package org.odelump.io;

/** A part of a model that the chosen export format cannot hold; the message names it and says why. */
public final class ExportException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
