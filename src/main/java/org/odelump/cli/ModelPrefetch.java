package org.odelump.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Reads the model file of {@code check}, {@code print} and {@code reduce} on a second thread while the main thread
 * builds picocli's command model and parses the arguments; the command then takes the model read already. For a
 * small model picocli's part is most of the process and loading the rest of what comes before the reduction; the
 * two overlap on a two-core machine (docs/benchmarks.md).
 *
 * <p>The file is guessed from the raw arguments: the word right after the command's name, when it does not start
 * with {@code -} and names a regular file ({@code odelump reduce MODEL ...}, as every example writes it). The
 * model read early is used only when the parsed command asks for that same path with the default input options
 * ({@code --input-format AUTO} or the format its extension gives, no {@code --undeclared-as-constants}), so the
 * result is always what loading it then would give, errors included; otherwise it is dropped and the file is read
 * again. Each {@link Main#run} call
 * starts at most one, on its own thread's behalf, and clears it at the end.
 */
final class ModelPrefetch {

    private static final Set<String> COMMANDS = Set.of("check", "print", "reduce");
    private static final ThreadLocal<ModelPrefetch> PENDING = new ThreadLocal<>();

    private final Path file;
    private final Background<ModelLoader.Loaded> reading;

    private ModelPrefetch(Path file) {
        this.file = file;
        this.reading = Background.start("odelump-model-prefetch",
                () -> ModelLoader.load(file, ModelLoader.Format.AUTO, false));
    }

    /**
     * Starts reading the model that {@code args} name, if they run one of the commands above on a regular file;
     * {@code command} is the index of the command's name in {@code args}, or -1.
     */
    static void start(List<String> args, int command) {
        PENDING.remove();
        if (command < 0 || command + 1 >= args.size() || !COMMANDS.contains(args.get(command))) {
            return;
        }
        String word = args.get(command + 1);
        if (word.isEmpty() || word.startsWith("-")) {
            return;
        }
        Path file;
        try {
            file = Path.of(word);
        } catch (InvalidPathException e) {
            return;
        }
        if (!Files.isRegularFile(file)) {
            return;
        }
        PENDING.set(new ModelPrefetch(file));
    }

    /** Forgets this thread's prefetch, if any (its thread, a daemon, ends on its own). */
    static void clear() {
        PENDING.remove();
    }

    /**
     * The model this thread's prefetch read, when it read {@code file} with these options; null otherwise (then
     * the caller reads the file itself). Rethrows what reading it threw. Takes the prefetch: a second call gets
     * null.
     */
    static ModelLoader.Loaded take(Path file, ModelLoader.Format format, boolean undeclaredAsConstants)
            throws IOException {
        ModelPrefetch p = PENDING.get();
        if (p == null) {
            return null;
        }
        PENDING.remove();
        // AUTO and the format that AUTO picks for this file read it the same way
        boolean sameFormat = format == ModelLoader.Format.AUTO || format == ModelLoader.detect(file);
        if (!p.file.equals(file) || !sameFormat || undeclaredAsConstants) {
            return null;
        }
        return p.reading.join();
    }
}
