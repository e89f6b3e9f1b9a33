package org.odelump.nn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.odelump.nn.data.Dataset;
import org.odelump.nn.data.SyntheticDataset;
import org.odelump.nn.data.UciDataset;

/**
 * A dataset of the evaluation, loaded, with where it came from.
 *
 * @param key    the name used on the command line and in the results
 * @param source provenance: the file and its SHA-256, or the synthetic recipe and its seed
 * @param data   the rows
 */
public record ExperimentDataset(String key, String source, Dataset data) {

    /** Seed of the synthetic datasets' initial states: the data is fixed, the runs' seeds vary split and weights. */
    public static final long SYNTHETIC_SEED = 20261125L;

    /** Every dataset key, synthetic first, in report order. */
    public static final List<String> KEYS = keys();

    public ExperimentDataset {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(data, "data");
    }

    private static List<String> keys() {
        List<String> k = new ArrayList<>();
        for (SyntheticDataset s : SyntheticDataset.values()) {
            k.add(s.key());
        }
        for (UciDataset u : UciDataset.values()) {
            if (!k.contains(u.folder())) {
                k.add(u.folder());
            }
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
        if (needsDataDir(key)) {
            if (plan.dataDir() == null) {
                throw new IOException("dataset " + key + " is read from --data-dir, which was not given");
            }
            UciDataset u = uci(key, plan.dataDir());
            Path file = u.locate(plan.dataDir());
            Dataset d = u.load(plan.dataDir());
            String source = String.format(java.util.Locale.ROOT, "%s (UCI %s layout, sha256 %s, %d rows)%s", file,
                    u.fileName(), sha256(file), d.rows(), u == UciDataset.HEPC_HOURLY
                            ? "; the hourly aggregate, because UCI's raw minute file " + UciDataset.HEPC.fileName()
                            + " is not in the data directory" : u == UciDataset.HEPC
                            ? "; UCI's raw minute file summed per hour, hours with a missing value left out" : "");
            return new ExperimentDataset(key, source, d);
        }
        return load(key, plan, SYNTHETIC_SEED);
    }

    /** {@link #load(String, ExperimentPlan)} with another seed for a synthetic dataset's initial states. */
    public static ExperimentDataset load(String key, ExperimentPlan plan, long syntheticSeed) throws IOException {
        if (uci(key) != null) {
            return load(key, plan);
        }
        SyntheticDataset s = SyntheticDataset.byKey(key);
        Dataset d = s.generate(plan.syntheticRows(), syntheticSeed);
        return new ExperimentDataset(key, "synthetic, seed " + syntheticSeed + ", " + d.rows()
                + " rows: " + s.recipe(), d);
    }

    /** Checks a key, with the valid ones in the message. */
    public static void requireKnown(String key) {
        if (!KEYS.contains(key)) {
            throw new IllegalArgumentException("unknown dataset '" + key + "'; valid: " + String.join(", ", KEYS));
        }
    }

    /**
     * The UCI loader of a key, or null for a synthetic dataset; for hepc the raw minute file when the directory has
     * it, else the hourly aggregate.
     */
    public static UciDataset uci(String key, Path dataDir) {
        if (key.equals(UciDataset.HEPC.folder())) {
            return dataDir != null && Files.isRegularFile(UciDataset.HEPC.locate(dataDir)) ? UciDataset.HEPC
                    : UciDataset.HEPC_HOURLY;
        }
        return uci(key);
    }

    private static String sha256(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
}
