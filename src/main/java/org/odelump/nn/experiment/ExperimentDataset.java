package org.odelump.nn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.model.Provenance;
import org.odelump.nn.Dataset;
import org.odelump.nn.SyntheticDataset;
import org.odelump.nn.UciDataset;

/**
 * A dataset of the evaluation, loaded, with where it came from.
 *
 * @param key    the name used on the command line and in the results
 * @param title  a readable name
 * @param source provenance: the file and its SHA-256, or the synthetic recipe and its seed
 * @param data   the rows
 */
public record ExperimentDataset(String key, String title, String source, Dataset data) {

    /** Seed of the synthetic datasets' initial states: the data is fixed, the runs' seeds vary split and weights. */
    public static final long SYNTHETIC_SEED = 20261125L;

    /** Every dataset key, synthetic first, in report order. */
    public static final List<String> KEYS = keys();

    public ExperimentDataset {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>();
        for (SyntheticDataset s : SyntheticDataset.values()) {
            k.add(s.key());
        }
        for (UciDataset u : UciDataset.values()) {
            k.add(u.folder());
        }
        return List.copyOf(k);
    }

    /** Whether the key names a dataset read from a data directory. */
    public static boolean needsDataDir(String key) {
        return uci(key) != null;
    }

    /**
     * Loads a dataset.
     *
     * @param key     one of {@link #KEYS}
     * @param plan    the synthetic row count and the data directory come from here
     * @throws IOException if a UCI file is missing or unreadable
     * @throws IllegalArgumentException for an unknown key
     */
    public static ExperimentDataset load(String key, ExperimentPlan plan) throws IOException {
        UciDataset u = uci(key);
        if (u != null) {
            if (plan.dataDir() == null) {
                throw new IOException("dataset " + key + " is read from --data-dir, which was not given");
            }
            Path file = u.locate(plan.dataDir());
            Dataset d = u.load(plan.dataDir());
            String source = String.format(java.util.Locale.ROOT, "%s (UCI %s layout, sha256 %s, %d rows)", file,
                    u.fileName(), Provenance.sha256(Files.readAllBytes(file)), d.rows());
            return new ExperimentDataset(key, title(u), source, d);
        }
        SyntheticDataset s = SyntheticDataset.byKey(key);
        Dataset d = s.generate(plan.syntheticRows(), SYNTHETIC_SEED);
        return new ExperimentDataset(key, s.key(), "synthetic, seed " + SYNTHETIC_SEED + ", " + d.rows()
                + " rows: " + s.recipe(), d);
    }

    /** Checks a key, with the valid ones in the message. */
    public static void requireKnown(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown dataset '" + key + "'; valid: " + String.join(", ", KEYS));
        }
    }

    private static UciDataset uci(String key) {
        for (UciDataset u : UciDataset.values()) {
            if (u.folder().equals(key)) {
                return u;
            }
        }
        return null;
    }

    private static String title(UciDataset u) {
        return switch (u) {
            case ABALONE -> "Abalone";
            case PROTEIN -> "PROTEIN (CASP)";
            case METRO -> "Metro Interstate Traffic";
            case HEPC_HOURLY -> "HEPC (hourly aggregate)";
        };
    }
}
