package org.odelump.symbolic;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

import org.matheclipse.core.basic.Config;
import org.matheclipse.core.eval.EvalEngine;
import org.matheclipse.core.expression.F;

/**
 * The one Symja session of the process. Symja's static initialisation (all built-in symbols and rules) takes one
 * to three seconds, so it happens lazily, on the first call of {@link #run}, exactly once (initialisation-on-demand
 * holder idiom: the JVM runs the holder's static initialiser once and makes every other thread wait for it).
 *
 * <p>Symja keeps global mutable state (symbol tables, caches); every evaluation therefore runs under one lock.
 * Symbolic work is a parse-time normalisation, never a hot path, so the lock costs nothing that matters.
 */
final class SymjaSession {

    private static final String LOG4J_FACTORY_PROPERTY = "log4j2.loggerContextFactory";
    private static final String LOG4J_SIMPLE_FACTORY = "org.apache.logging.log4j.simple.SimpleLoggerContextFactory";
    /** Largest expression Symja may build: far beyond any drift, small enough to refuse runaway expansions. */
    static final int MAX_AST_SIZE = 1_000_000;
    private static final PrintStream DISCARD = new PrintStream(OutputStream.nullOutputStream(), true);

    /** Set at the end of a successful start; read by {@link #isStarted()} without triggering a start. */
    private static volatile boolean started;
    private static volatile long startupNanos = -1;

    private final ReentrantLock lock = new ReentrantLock();

    private SymjaSession() {
    }

    /** Holder: its static initialiser is the only place Symja is started. */
    private static final class Holder {
        static final SymjaSession INSTANCE = start();
    }

    private static SymjaSession start() {
        long t0 = System.nanoTime();
        // Symja logs through log4j-api; without a configured context factory log4j prints a warning to stderr.
        if (System.getProperty(LOG4J_FACTORY_PROPERTY) == null) {
            System.setProperty(LOG4J_FACTORY_PROPERTY, LOG4J_SIMPLE_FACTORY);
        }
        Config.FILESYSTEM_ENABLED = false; // no Get/Put/Import from a model: we never evaluate user text anyway
        Config.PRINT_OUT = expr -> { };
        // Symja's limits are all unbounded by default; an absurd power such as (x+y+z+1)^2000 should fail fast
        Config.MAX_AST_SIZE = MAX_AST_SIZE;
        F.initSymbols();
        quiet(EvalEngine.get());
        startupNanos = System.nanoTime() - t0;
        started = true;
        return new SymjaSession();
    }

    /** True once Symja has been started in this process (never starts it). */
    static boolean isStarted() {
        return started;
    }

    /** Wall time Symja's start took, or null when it has not been started. */
    static Duration startupTime() {
        long n = startupNanos;
        return n < 0 ? null : Duration.ofNanos(n);
    }

    /** Runs {@code work} with the calling thread's (quiet) evaluation engine, starting Symja if needed. */
    static <T> T run(Function<EvalEngine, T> work) {
        SymjaSession s = Holder.INSTANCE;
        s.lock.lock();
        try {
            EvalEngine engine = EvalEngine.get();
            quiet(engine);
            return work.apply(engine);
        } finally {
            s.lock.unlock();
        }
    }

    /** Symja reports evaluation messages (e.g. "Indeterminate expression 0^0") on the engine's streams. */
    private static void quiet(EvalEngine engine) {
        engine.setQuietMode(true);
        engine.setOutPrintStream(DISCARD);
        engine.setErrorPrintStream(DISCARD);
    }
}
