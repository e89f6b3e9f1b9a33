package org.odelump.testutil;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails a test that writes to {@code System.out}: library code never prints (house style 3), and tests capture
 * what the command line writes through its own streams. Registered for every test by JUnit's extension
 * auto-detection ({@code junit-platform.properties} and {@code META-INF/services}). What was printed is captured,
 * not shown, and quoted in the failure.
 */
public final class NoStdoutExtension implements BeforeEachCallback, AfterEachCallback {

    private PrintStream original;
    private ByteArrayOutputStream captured;

    @Override
    public void beforeEach(ExtensionContext context) {
        original = System.out;
        captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        System.out.flush();
        System.setOut(original);
        String text = captured.toString(StandardCharsets.UTF_8);
        if (!text.isEmpty()) {
            throw new AssertionError("the test printed " + text.length() + " characters to System.out (library "
                    + "code must not print; use a listener or the command line's streams): "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
    }
}
