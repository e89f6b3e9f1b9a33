package org.odelump.nn.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.odelump.io.TableFormatException;
import org.odelump.nn.Activation;
import org.odelump.nn.train.MlpTrainer;
import org.odelump.nn.train.TrainingListener;
import org.odelump.nn.train.TrainingOptions;
import org.odelump.testutil.SharedCorpus;

class DatasetLoadersTest {

    @Test
    void csvWithNamedTargetKeepsTheOtherColumnsAsFeatures() {
        Dataset d = CsvDatasets.parse("a,t,b\n1,2,3\n4,5,6e-1\n", "x.csv", List.of("t"));
        assertThat(d.featureNames()).containsExactly("a", "b");
        assertThat(d.targetNames()).containsExactly("t");
        assertThat(d.inputs()).isDeepEqualTo(new double[][] {{1, 3}, {4, 0.6}});
        assertThat(d.targets()).isDeepEqualTo(new double[][] {{2}, {5}});
    }

    @Test
    void csvErrorsSayFileLineAndColumn() {
        assertThatThrownBy(() -> CsvDatasets.parse("a,t\n1,2\n3,x\n", "x.csv", List.of("t")))
                .isInstanceOf(TableFormatException.class)
                .hasMessage("x.csv:3:3: expected a number in column 't', found 'x'");
        assertThatThrownBy(() -> CsvDatasets.parse("a,t\n1,2\n", "x.csv", List.of("y")))
                .hasMessage("x.csv:1:0: no column 'y'; columns are [a, t]");
        assertThatThrownBy(() -> CsvDatasets.parse("t\n1\n", "x.csv", List.of("t")))
                .hasMessageContaining("no feature columns");
    }

    @Test
    void abaloneOneHotsSex() {
        String text = "M,0.455,0.365,0.095,0.514,0.2245,0.101,0.15,15\n"
                + "F,0.53,0.42,0.135,0.677,0.2565,0.1415,0.21,9\n"
                + "I,0.33,0.255,0.08,0.205,0.0895,0.0395,0.055,7\n";
        Dataset d = UciDataset.ABALONE.parse(text, "abalone.data");
        assertThat(d.features()).isEqualTo(10);
        assertThat(d.featureNames().subList(0, 4)).containsExactly("sex_M", "sex_F", "sex_I", "Length");
        assertThat(d.inputRow(0)).containsExactly(1, 0, 0, 0.455, 0.365, 0.095, 0.514, 0.2245, 0.101, 0.15);
        assertThat(d.inputRow(1)).startsWith(0, 1, 0, 0.53);
        assertThat(d.inputRow(2)).startsWith(0, 0, 1, 0.33);
        assertThat(d.targets()).isDeepEqualTo(new double[][] {{15}, {9}, {7}});
        assertThatThrownBy(() -> UciDataset.ABALONE.parse("X,1,1,1,1,1,1,1,1\n", "abalone.data"))
                .hasMessage("abalone.data:1:1: expected Sex M, F or I, found 'X'");
    }

    @Test
    void proteinPredictsRmsdFromNineFeatures() {
        String text = "RMSD,F1,F2,F3,F4,F5,F6,F7,F8,F9\n"
                + "17.284,13558.3,4305.35,0.31754,162.173,1872790.507,215.359,4287.87,102,27.0302\n"
                + "6.021,6191.96,1623.16,0.26213,53.3894,803446.6966,87.2024,3328.91,39,38.5468\n";
        Dataset d = UciDataset.PROTEIN.parse(text, "CASP.csv");
        assertThat(d.featureNames()).containsExactly("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9");
        assertThat(d.target(1, 0)).isEqualTo(6.021);
        assertThat(d.input(0, 8)).isEqualTo(27.0302);
    }

    @Test
    void metroEngineersHolidayCalendarAndWeather() {
        String text = "holiday,temp,rain_1h,snow_1h,clouds_all,weather_main,weather_description,date_time,"
                + "traffic_volume\r\n"
                + "None,288.28,0.0,0.0,40,Clouds,scattered clouds,2012-10-02 09:00:00,5545\r\n"
                + "Columbus Day,273.08,0.0,0.0,20,Clouds,few clouds,2012-10-08 00:00:00,455\r\n"
                + "None,274.0,0.5,0.0,90,Rain,light rain,2012-10-08 13:00:00,3000\r\n"
                + "None,274.0,0.5,0.0,90,Mist,mist,2012-10-08 13:00:00,3000\r\n";
        Dataset d = UciDataset.METRO.parse(text, "metro.csv");
        assertThat(d.featureNames()).containsExactly("temp", "rain_1h", "snow_1h", "clouds_all", "holiday", "hour",
                "day_of_week", "month", "weather_Clouds", "weather_Mist", "weather_Rain");
        assertThat(d.rows()).isEqualTo(4);
        // 2012-10-02 was a Tuesday; 2012-10-08 a Monday
        assertThat(d.inputRow(0)).containsExactly(288.28, 0, 0, 40, 0, 9, 2, 10, 1, 0, 0);
        assertThat(d.inputRow(1)).containsExactly(273.08, 0, 0, 20, 1, 0, 1, 10, 1, 0, 0);
        // the holiday flag covers the whole date, not only the midnight row that names it
        assertThat(d.inputRow(2)).containsExactly(274.0, 0.5, 0, 90, 1, 13, 1, 10, 0, 0, 1);
        assertThat(d.inputRow(3)).endsWith(0, 1, 0);
        assertThat(d.targets()).isDeepEqualTo(new double[][] {{5545}, {455}, {3000}, {3000}});
        assertThatThrownBy(() -> UciDataset.METRO.parse(text.replace("2012-10-08 13:00:00", "2012-10-08T13"),
                "metro.csv")).hasMessageContaining("metro.csv:4:").hasMessageContaining("expected a time stamp");
    }

    @Test
    void hepcHourlyExcludesGlobalIntensity() {
        String text = "datetime,Global_active_power,Global_reactive_power,Voltage,Global_intensity,"
                + "Sub_metering_1,Sub_metering_2,Sub_metering_3\n"
                + "2006-12-16 17:00:00,152.024002075,8.2439994812,8447.1796875,651.599975586,0.0,19.0,607.0\n"
                + "2006-12-16 18:00:00,217.932006836,4.80200004578,14074.8095703,936.0,0.0,403.0,1012.0\n";
        Dataset d = UciDataset.HEPC_HOURLY.parse(text, "hepc.csv");
        assertThat(d.featureNames()).containsExactly("Global_reactive_power", "Voltage", "Sub_metering_1",
                "Sub_metering_2", "Sub_metering_3", "hour", "day_of_week", "month");
        assertThat(d.targetNames()).containsExactly("Global_active_power");
        // 2006-12-16 was a Saturday
        assertThat(d.inputRow(1)).containsExactly(4.80200004578, 14074.8095703, 0, 403, 1012, 18, 6, 12);
        assertThat(d.target(0, 0)).isEqualTo(152.024002075);
        assertThatThrownBy(() -> UciDataset.HEPC_HOURLY.parse(text.replace(",Voltage,", ",V,"), "hepc.csv"))
                .hasMessageContaining("hepc.csv:1:0: no column 'Voltage'");
    }

    @Test
    void hepcMinutesAreSummedPerHourLikeTheHourlyFileAndHoursWithMissingValuesAreLeftOut(@TempDir Path dir)
            throws IOException {
        String header = "Date;Time;Global_active_power;Global_reactive_power;Voltage;Global_intensity;"
                + "Sub_metering_1;Sub_metering_2;Sub_metering_3\n";
        StringBuilder raw = new StringBuilder(header);
        // 16/12/2006 17:58..18:01 (two minutes in each hour), 18:59 and 19:00 with a '?' in 19:00, then 20:00
        raw.append("16/12/2006;17:58:00;4.216;0.418;234.840;18.400;0.000;1.000;17.000\n");
        raw.append("16/12/2006;17:59:00;5.360;0.436;233.630;23.000;0.000;1.000;16.000\n");
        raw.append("16/12/2006;18:00:00;5.374;0.498;233.290;23.000;0.000;2.000;17.000\n");
        raw.append("16/12/2006;18:01:00;5.388;0.502;233.740;23.000;1.000;1.000;17.000\n");
        raw.append("16/12/2006;18:59:00;3.666;0.528;235.680;15.800;0.000;1.000;17.000\n");
        raw.append("16/12/2006;19:00:00;?;?;?;?;?;?;\n");
        raw.append("16/12/2006;20:00:00;3.520;0.522;235.020;15.000;0.000;2.000;17.000\n");
        Dataset minutes = UciDataset.HEPC.parse(raw.toString(), "household_power_consumption.txt");
        String hourly = "datetime,Global_active_power,Global_reactive_power,Voltage,Global_intensity,"
                + "Sub_metering_1,Sub_metering_2,Sub_metering_3\n"
                + "2006-12-16 17:00:00," + (4.216 + 5.360) + "," + (0.418 + 0.436) + "," + (234.840 + 233.630)
                + ",0," + 0.0 + "," + 2.0 + "," + 33.0 + "\n"
                + "2006-12-16 18:00:00," + (5.374 + 5.388 + 3.666) + "," + (0.498 + 0.502 + 0.528) + ","
                + (233.290 + 233.740 + 235.680) + ",0," + 1.0 + "," + 4.0 + "," + 51.0 + "\n"
                + "2006-12-16 20:00:00,3.52,0.522,235.02,0,0,2,17\n";
        Dataset expected = UciDataset.HEPC_HOURLY.parse(hourly, "hourly.csv");
        assertThat(minutes.featureNames()).isEqualTo(expected.featureNames());
        assertThat(minutes.targetNames()).isEqualTo(expected.targetNames());
        assertThat(minutes.rows()).isEqualTo(3);
        for (int r = 0; r < 3; r++) {
            assertThat(minutes.inputRow(r)).containsExactly(expected.inputRow(r), within(1e-9));
            assertThat(minutes.targetRow(r)).containsExactly(expected.targetRow(r), within(1e-9));
        }
        // the file is read from disk line by line too
        Files.writeString(dir.resolve("household_power_consumption.txt"), raw);
        assertThat(UciDataset.HEPC.load(dir).inputRow(2)).containsExactly(minutes.inputRow(2));

        assertThatThrownBy(() -> UciDataset.HEPC.parse(raw.toString().replace("0.502", "0.502;1"), "hepc.txt"))
                .hasMessageContaining("hepc.txt:5:1: expected 9 fields");
        assertThatThrownBy(() -> UciDataset.HEPC.parse(raw.toString().replace("0.502", "x"), "hepc.txt"))
                .hasMessageContaining("hepc.txt:5:27: expected a number or '?' in Global_reactive_power");
        assertThatThrownBy(() -> UciDataset.HEPC.parse(raw.toString().replace("18:59:00", "17:00:00"),
                "hepc.txt")).hasMessageContaining("hepc.txt:6:1: time 2006-12-16T17:00 does not follow");
        assertThatThrownBy(() -> UciDataset.HEPC.parse(raw.toString().replace("Voltage", "V"), "hepc.txt"))
                .hasMessageContaining("hepc.txt:1:1: expected the header Date;Time;");
    }

    @Test
    void loadLooksInTheFolderThenTheDirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("CASP.csv"), "RMSD,F1,F2,F3,F4,F5,F6,F7,F8,F9\n1,2,3,4,5,6,7,8,9,10\n");
        assertThat(UciDataset.PROTEIN.load(dir).rows()).isEqualTo(1);
        Files.createDirectories(dir.resolve("protein"));
        Files.writeString(dir.resolve("protein/CASP.csv"),
                "RMSD,F1,F2,F3,F4,F5,F6,F7,F8,F9\n1,2,3,4,5,6,7,8,9,10\n1,2,3,4,5,6,7,8,9,10\n");
        assertThat(UciDataset.PROTEIN.load(dir).rows()).isEqualTo(2);
        assertThatThrownBy(() -> UciDataset.ABALONE.load(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("abalone.data");
    }

    @Test
    void realFilesHaveTheirPublishedRowCounts() throws IOException {
        Path dir = SharedCorpus.requireRoot().resolve("datasets");
        SharedCorpus.require(Files.isDirectory(dir), "../shared/datasets is absent");
        Dataset abalone = UciDataset.ABALONE.load(dir);
        assertThat(abalone.rows()).isEqualTo(4177);
        double sexM = 0;
        double rings = 0;
        for (int r = 0; r < abalone.rows(); r++) {
            sexM += abalone.input(r, 0);
            rings += abalone.target(r, 0);
        }
        assertThat(sexM).isEqualTo(1528);
        assertThat(rings / abalone.rows()).isBetween(9.933, 9.934);
        assertThat(UciDataset.PROTEIN.load(dir).rows()).isEqualTo(45730);
        Dataset metro = UciDataset.METRO.load(dir);
        assertThat(metro.rows()).isEqualTo(48204);
        assertThat(metro.features()).isEqualTo(8 + 11);
        assertThat(UciDataset.HEPC_HOURLY.load(dir).rows()).isEqualTo(34589);
    }

    @Test
    void aSmallNetworkLearnsRealAbaloneWellBeyondTheMean() throws IOException {
        Path dir = SharedCorpus.requireRoot().resolve("datasets");
        SharedCorpus.require(Files.isRegularFile(UciDataset.ABALONE.locate(dir)), "abalone.data is absent");
        Dataset.Split s = UciDataset.ABALONE.load(dir).split(0.8, 0.1, 0.1, 1);
        Standardisation st = Standardisation.fit(s.train());
        TrainingOptions o = new TrainingOptions(List.of(32, 32), Activation.TANH, 1e-3, 32, 60, 10, 1);
        MlpTrainer.Result r = new MlpTrainer(st.apply(s.train()), st.apply(s.validation()), o,
                TrainingListener.NONE).train();
        // in standardised units the mean predictor has MSE ≈ 1; published MLPs reach RMSE ≈ 2.1 rings of ≈ 3.2
        double testRmse = MlpTrainer.rootMeanSquaredError(r.network(), st.apply(s.test())) * st.targetStd()[0];
        assertThat(testRmse).isBetween(1.5, 2.5);
    }
}
