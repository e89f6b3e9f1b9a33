package org.odelump.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV text of numeric tables (RFC 4180 via Apache Commons CSV; numbers in Java's shortest round-trip form). */
public final class CsvTables {

    private CsvTables() {
    }

    /**
     * A table with a header row and one row per entry of {@code rows}; each row must have as many cells as the
     * header. Cells are strings or numbers.
     */
    public static String table(List<String> header, List<? extends List<?>> rows) {
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter p = new CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
            p.printRecord(header);
            for (List<?> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("row has " + row.size() + " cells, header " + header.size());
                }
                p.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
