package org.odelump.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.odelump.nn.data.UciDataset;
import org.odelump.nn.experiment.ExperimentDataset;
import picocli.CommandLine.Option;

/** Where the experiment's datasets come from, shared by {@code experiment} and {@code dataset}. */
final class DatasetOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder with the UCI files.")
    Path dataDir;

    @Option(names = "--rows", converter = Ranges.AtLeastTenInt.class, paramLabel = "N", defaultValue = "4000",
            description = "Rows generated per synthetic dataset (default: ${DEFAULT-VALUE}).")
    int rows;

    /**
     * Checks a dataset name, and for a UCI dataset that its file is in the data directory.
     *
     * @throws Main.UsageException naming the valid datasets, or the file looked for and where to get it
     */
    void require(String key) {
        try {
            ExperimentDataset.requireKnown(key);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageException(e.getMessage());
        }
        if (!ExperimentDataset.needsDataDir(key)) {
            return;
        }
        if (dataDir == null) {
            throw new Main.UsageException("dataset " + key + " is read from --data-dir DIR, which was not given; "
                    + "download it from the UCI Machine Learning Repository (see odelump experiment --help)");
        }
        UciDataset u = ExperimentDataset.uci(key, dataDir);
        if (!Files.isRegularFile(u.locate(dataDir))) {
            String names = u == UciDataset.HEPC_HOURLY ? UciDataset.HEPC.fileName() + " (or "
                    + UciDataset.HEPC_HOURLY.fileName() + ")" : u.fileName();
            throw new Main.UsageException("dataset " + key + ": no " + names + " in " + dataDir + " or "
                    + dataDir.resolve(u.folder()) + "; download it from the UCI Machine Learning Repository "
                    + "(see odelump experiment --help)");
        }
    }
}
