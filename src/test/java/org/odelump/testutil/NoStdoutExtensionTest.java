package org.odelump.testutil;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintStream;
import org.junit.jupiter.api.Test;

class NoStdoutExtensionTest {

    /** System.out when this class was loaded, before the guard of any of its tests was installed. */
    private static final PrintStream AT_CLASS_LOAD = System.out;

    @Test
    void aTestThatPrintsFailsAndOneThatDoesNotPasses() {
        PrintStream before = System.out;
        NoStdoutExtension guard = new NoStdoutExtension();
        guard.beforeEach(null);
        System.out.println("hello from a test");
        assertThatThrownBy(() -> guard.afterEach(null)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("printed 18 characters to System.out").hasMessageContaining("hello from a test");
        assertThat(System.out).isSameAs(before);

        guard.beforeEach(null);
        System.err.print("");
        guard.afterEach(null);
        assertThat(System.out).isSameAs(before);
    }

    @Test
    void theGuardIsRegisteredForEveryTestByAutoDetection() {
        assertThat(System.out).isNotSameAs(AT_CLASS_LOAD);
    }
}
