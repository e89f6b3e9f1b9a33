package org.odelump.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.odelump.io.AtomicFiles;
import org.odelump.io.CsvTables;
import org.odelump.model.OdeSystem;
import org.odelump.model.View;
import org.odelump.numeric.Trajectory;

/**
 * A simulated trajectory as a CSV table: a column {@code time}, one per variable, then one per view of the model and
 * one per {@code --observe} column. Views that are not linear in the variables cannot be evaluated here; their names
 * are returned as skipped so that the caller warns about each. Rows before {@code firstRow} (a grid point the user did
 * not ask for, such as an added t = 0) are left out.
 */
final class TrajectoryTable {

    /** What was written. */
    record Written(int rows, List<String> extraColumns, List<String> skippedViews) {
    }

    private TrajectoryTable() {
    }

    static Written write(Path file, OdeSystem m, Trajectory traj, int firstRow, List<Observables.Column> observed)
            throws IOException {
        List<Observables.Column> columns = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (View v : m.views()) {
            try {
                columns.add(Observables.column(m, v));
            } catch (Main.UsageException notLinear) {
                skipped.add(v.name());
            }
        }
        List<String> header = new ArrayList<>();
        header.add("time");
        header.addAll(m.variableNames());
        for (Observables.Column c : observed) {
            // a single variable or a view named again is already a column
            if (!header.contains(c.name()) && columns.stream().noneMatch(v -> v.name().equals(c.name()))) {
                columns.add(c);
            }
        }
        List<String> extra = new ArrayList<>();
        for (Observables.Column c : columns) {
            extra.add(c.name());
        }
        header.addAll(extra);
        List<List<Double>> rows = new ArrayList<>();
        double[] times = traj.times();
        for (int k = firstRow; k < traj.completedPoints(); k++) {
            double[] x = traj.state(k);
            List<Double> row = new ArrayList<>(header.size());
            row.add(times[k]);
            for (double v : x) {
                row.add(v);
            }
            for (Observables.Column c : columns) {
                row.add(c.value(x));
            }
            rows.add(row);
        }
        AtomicFiles.writeString(file, CsvTables.table(header, rows));
        return new Written(rows.size(), extra, skipped);
    }
}
