package org.odelump.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DelimitedTextTest {

    @Test
    void cellsKeepTheirLinesAndColumns() {
        DelimitedText t = DelimitedText.parse("a,bb,c\r\n\r\n1,\"x, \"\"y\"\"\",3\r\n22,,\n", "t.csv", ',', true);
        assertThat(t.header()).containsExactly("a", "bb", "c");
        assertThat(t.rows()).hasSize(2);
        DelimitedText.Row r = t.rows().get(0);
        assertThat(r.line()).isEqualTo(3);
        assertThat(r.cells()).containsExactly("1", "x, \"y\"", "3");
        assertThat(r.column(0)).isEqualTo(1);
        assertThat(r.column(1)).isEqualTo(3);
        assertThat(r.column(2)).isEqualTo(14);
        DelimitedText.Row s = t.rows().get(1);
        assertThat(s.cells()).containsExactly("22", "", "");
        assertThat(s.column(2)).isEqualTo(5);
        assertThat(t.number(r, 0)).isEqualTo(1.0);
        assertThat(t.columnIndex("c")).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a,b\\n1,2,3\\n | t.csv:2:0: expected 2 fields, found 3",
        "a,b\\n1,\"2\\n | t.csv:2:3: unterminated quoted field",
        "a,b\\n\"1\"x,2\\n | t.csv:2:4: expected ',' after a quoted field",
        "a,a\\n1,2\\n | t.csv:1:3: duplicate column name 'a'",
        "'' | t.csv:1:0: expected a header line, the file is empty",
    })
    void badTablesSayWhere(String text, String message) {
        String real = text.replace("\\n", "\n");
        assertThatThrownBy(() -> DelimitedText.parse(real, "t.csv", ',', true))
                .isInstanceOf(TableFormatException.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"abc", "NaN", "Infinity", "1.5d", "' '", "0x10"})
    void nonNumbersAreRejectedWithTheirPosition(String cell) {
        DelimitedText t = DelimitedText.parse("x,y\n1," + cell + "\n", "t.csv", ',', true);
        assertThatThrownBy(() -> t.number(t.rows().get(0), 1)).isInstanceOf(TableFormatException.class)
                .hasMessage("t.csv:2:3: expected a number in column 'y', found '" + cell + "'");
    }

    @Test
    void missingColumnIsReportedWithTheColumnsThatExist() {
        DelimitedText t = DelimitedText.parse("x,y\n1,2\n", "t.csv", ',', true);
        assertThatThrownBy(() -> t.columnIndex("z")).hasMessage("t.csv:1:0: no column 'z'; columns are [x, y]");
        assertThat(t.number(t.rows().get(0), 1)).isEqualTo(2.0);
    }
}
