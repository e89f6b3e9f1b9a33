package org.odelump.nn.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.nn.data.UciDataset;

class ExperimentDatasetTest {

    @Test
    void theEightDatasetsHaveOneKeyEach() {
        assertThat(ExperimentDataset.KEYS).containsExactly("glycolytic", "electrical", "polymerisation", "rn",
                "abalone", "protein", "metro", "hepc");
        assertThat(ExperimentDataset.KEYS.stream().filter(ExperimentDataset::needsDataDir))
                .containsExactly("abalone", "protein", "metro", "hepc");
        assertThatThrownBy(() -> ExperimentDataset.requireKnown("HEPC")).hasMessageContaining("valid: glycolytic");
    }

    @Test
    void hepcReadsUcisMinuteFileWhenPresentAndOtherwiseTheHourlyAggregateAndSaysWhich(@TempDir Path dir)
            throws IOException {
        ExperimentPlan plan = new ExperimentPlan(List.of("hepc"), 1, List.of(List.of(4)), 1e-3, 8, 2, 1,
                List.of(0.5), List.of(), 10, 10, dir);
        Files.writeString(dir.resolve("household_power_consumption_hourly.csv"), "datetime,Global_active_power,"
                + "Global_reactive_power,Voltage,Global_intensity,Sub_metering_1,Sub_metering_2,Sub_metering_3\n"
                + "2006-12-16 17:00:00,1,2,3,4,5,6,7\n");
        assertThat(ExperimentDataset.uci("hepc", dir)).isEqualTo(UciDataset.HEPC_HOURLY);
        ExperimentDataset hourly = ExperimentDataset.load("hepc", plan);
        assertThat(hourly.source()).contains("the hourly aggregate", "household_power_consumption.txt is not in");
        assertThat(hourly.data().rows()).isEqualTo(1);

        Files.createDirectories(dir.resolve("hepc"));
        Files.writeString(dir.resolve("hepc").resolve("household_power_consumption.txt"), "Date;Time;"
                + "Global_active_power;Global_reactive_power;Voltage;Global_intensity;Sub_metering_1;"
                + "Sub_metering_2;Sub_metering_3\n16/12/2006;17:24:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000\n"
                + "16/12/2006;18:24:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000\n");
        assertThat(ExperimentDataset.uci("hepc", dir)).isEqualTo(UciDataset.HEPC);
        ExperimentDataset minutes = ExperimentDataset.load("hepc", plan);
        assertThat(minutes.source()).contains("summed per hour", "sha256 ");
        assertThat(minutes.data().rows()).isEqualTo(2);
        assertThat(ExperimentDataset.uci("rn", dir)).isNull();
    }
}
