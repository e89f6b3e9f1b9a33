package org.odelump.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * One computation on a second (daemon) thread while the caller does something else: on the two-core machines
 * odelump is measured on, the short commands otherwise leave a core idle (docs/benchmarks.md).
 *
 * @param <T> the result
 */
final class Background<T> {

    private final FutureTask<T> task;

    private Background(Callable<T> work) {
        this.task = new FutureTask<>(work);
    }

    /** Starts {@code work} on a new daemon thread called {@code name}. */
    static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> b = new Background<>(work);
        Thread t = new Thread(b.task, name);
        t.setDaemon(true);
        t.start();
        return b;
    }

    /**
     * Waits for the result. What the work threw is thrown here as it was (an {@link IOException}, an unchecked
     * exception or an error); an interrupt while waiting is an {@link IOException}, with the interrupt kept.
     */
    T join() throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for a second thread", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IOException(cause);
        }
    }
}
