package org.odelump.nn.experiment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;

/**
 * Runs an {@link ExperimentPlan}: every (dataset, architecture, seed) as a {@link NetworkRun} on a pool of
 * threads (each run is single-threaded and deterministic, so the results do not depend on the thread count), then
 * writes {@code raw.csv} (every row), {@code summary.md} and one {@code <dataset>.png} per dataset into the output
 * directory. Finished runs are kept under {@code runs/} and reused when the experiment is started again with the
 * same settings, so an interrupted experiment resumes where it stopped; trained networks are reused even when only
 * the compression settings changed. A run that fails is reported and the others go on.
 */
public final class Experiment {

    /** Receives progress; called from worker threads. Every method does nothing unless overridden. */
    public interface Listener {
        /** The experiment has {@code total} runs. */
        default void started(int total) {
        }

        /** A run entered a phase (loading, training, a compression level). */
        default void phase(String run, String phase) {
        }

        /** A run finished ({@code reused}: its results came from an earlier run); {@code done} of the total. */
        default void finished(String run, boolean reused, int done, int total) {
        }

        /** A run failed; the experiment goes on. */
        default void failed(String run, Exception error) {
        }

        /** Ignores everything. */
        Listener NONE = new Listener() {
        };
    }

    /**
     * What an experiment produced.
     *
     * @param rows     every measured row, in plan order
     * @param failures per failed run, its error
     * @param runs     runs completed (computed or reused)
     * @param reused   of those, reused from an earlier invocation
     * @param trained  networks trained in this invocation
     */
    public record Result(List<ResultRow> rows, Map<String, String> failures, int runs, int reused, int trained) {
        public Result {
            rows = List.copyOf(rows);
            failures = Map.copyOf(failures);
        }
    }

    private final ExperimentPlan plan;
    private final Path output;
    private final int threads;
    private final Listener listener;
    private final String version;
    private final Map<String, CompletableFuture<ExperimentDataset>> datasets = new ConcurrentHashMap<>();

    public Experiment(ExperimentPlan plan, Path output, int threads, Listener listener, String version) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.output = Objects.requireNonNull(output, "output");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.version = Objects.requireNonNull(version, "version");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        this.threads = threads;
    }

    private record Task(String dataset, List<Integer> architecture, int seed) {
        String name() {
            return dataset + " " + ExperimentPlan.name(architecture) + " seed " + seed;
        }
    }

    /**
     * Runs the plan and writes the reports.
     *
     * @param header the top of {@code summary.md} (command line, version, date), written by the caller
     */
    public Result run(String header) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Files.createDirectories(output);
        List<Task> tasks = new ArrayList<>();
        for (int seed = 1; seed <= plan.seeds(); seed++) {
            List<Task> perSeed = new ArrayList<>();
            for (String d : plan.datasets()) {
                for (List<Integer> a : plan.architectures()) {
                    perSeed.add(new Task(d, a, seed));
                }
            }
            // the expensive ones first, so that the threads finish together
            perSeed.sort(Comparator.comparingDouble(t -> -cost(t)));
            tasks.addAll(perSeed);
        }
        listener.started(tasks.size());
        AtomicInteger done = new AtomicInteger();
        AtomicInteger reused = new AtomicInteger();
        AtomicInteger trained = new AtomicInteger();
        Map<Task, List<ResultRow>> results = new ConcurrentHashMap<>();
        Map<String, String> failures = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "odelump-experiment");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Task t : tasks) {
                futures.add(pool.submit(() -> {
                    try {
                        listener.phase(t.name(), "loading " + t.dataset());
                        ExperimentDataset data = dataset(t.dataset());
                        NetworkRun run = new NetworkRun(plan, data, t.architecture(), t.seed(),
                                NetworkRun.directory(output, t.dataset(), t.architecture(), t.seed()),
                                p -> listener.phase(t.name(), p), version);
                        NetworkRun.Outcome o = run.compute();
                        results.put(t, o.rows());
                        if (o.reused()) {
                            reused.incrementAndGet();
                        }
                        if (o.retrained()) {
                            trained.incrementAndGet();
                        }
                        listener.finished(t.name(), o.reused(), done.incrementAndGet(), tasks.size());
                    } catch (Exception | StackOverflowError e) {
                        Exception ex = e instanceof Exception x ? x : new RuntimeException(e);
                        failures.put(t.name(), String.valueOf(ex.getMessage()));
                        listener.failed(t.name(), ex);
                        done.incrementAndGet();
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        List<ResultRow> rows = new ArrayList<>();
        for (String d : plan.datasets()) {
            for (List<Integer> a : plan.architectures()) {
                for (int seed = 1; seed <= plan.seeds(); seed++) {
                    List<ResultRow> r = results.get(new Task(d, a, seed));
                    if (r != null) {
                        rows.addAll(r);
                    }
                }
            }
        }
        String timing = String.format(java.util.Locale.ROOT, "Wall time of this invocation: %.1f min on %d "
                + "thread(s); %d runs computed, %d reused from an earlier invocation, %d networks trained.%n",
                (System.nanoTime() - t0) / 6e10, threads, results.size() - reused.get(), reused.get(),
                trained.get());
        writeReports(rows, header + timing, failures);
        return new Result(rows, failures, results.size(), reused.get(), trained.get());
    }

    /** A rough relative cost for ordering: rows times hidden weights. */
    private double cost(Task t) {
        double rows = ExperimentDataset.needsDataDir(t.dataset()) ? 40_000 : plan.syntheticRows();
        if (t.dataset().equals("abalone")) {
            rows = 4_177;
        }
        double w = 0;
        int prev = 10;
        for (int h : t.architecture()) {
            w += (double) prev * h;
            prev = h;
        }
        return rows * w;
    }

    private ExperimentDataset dataset(String key) throws IOException {
        CompletableFuture<ExperimentDataset> mine = new CompletableFuture<>();
        CompletableFuture<ExperimentDataset> f = datasets.putIfAbsent(key, mine);
        if (f == null) {
            try {
                mine.complete(ExperimentDataset.load(key, plan));
            } catch (IOException | RuntimeException e) {
                mine.completeExceptionally(e);
            }
            f = mine;
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while loading " + key, e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(c);
        }
    }

    private void writeReports(List<ResultRow> rows, String header, Map<String, String> failures)
            throws IOException {
        List<List<?>> table = new ArrayList<>();
        for (ResultRow r : rows) {
            table.add(r.cells());
        }
        AtomicFiles.writeString(output.resolve("raw.csv"), CsvTables.table(ResultRow.HEADER, table));
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, CompletableFuture<ExperimentDataset>> e : datasets.entrySet()) {
            if (e.getValue().isDone() && !e.getValue().isCompletedExceptionally()) {
                sources.put(e.getKey(), e.getValue().join().source());
            }
        }
        ExperimentSummary summary = new ExperimentSummary(plan, rows, sources);
        Map<String, String> plots = new LinkedHashMap<>();
        for (String d : summary.datasets()) {
            String name = d + ".png";
            try {
                AtomicFiles.writeBytes(output.resolve(name), summary.plot(d));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            plots.put(d, name);
        }
        StringBuilder h = new StringBuilder(header);
        if (!failures.isEmpty()) {
            h.append("\n**Failed runs** (not in the tables):\n\n");
            failures.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> h.append("- ")
                    .append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        }
        AtomicFiles.writeString(output.resolve("summary.md"), summary.markdown(h.toString(), plots));
    }
}
