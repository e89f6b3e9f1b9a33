package org.odelump.io;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Numeric tables as CSV text (RFC 4180, header row, shortest round-trip decimals). */
public final class CsvTables {

    private CsvTables() {
    }

    /**
     * The table as CSV text.
     *
     * @param header column names
     * @param rows   one array per row, each as long as the header
     */
    public static String format(List<String> header, List<double[]> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter p = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get())) {
            p.printRecord(header);
            for (double[] row : rows) {
                if (row.length != header.size()) {
                    throw new IllegalArgumentException("row of " + row.length + " values for " + header.size()
                            + " columns");
                }
                for (double v : row) {
                    p.print(Double.toString(v));
                }
                p.println();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
