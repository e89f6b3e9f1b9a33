package org.odelump.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.odelump.nn.Mlp;
import org.odelump.nn.compress.Compensation;
import org.odelump.nn.compress.CompressionComparison;
import org.odelump.nn.compress.CompressionData;
import org.odelump.nn.compress.CompressionMethod;
import org.odelump.nn.data.ClassificationMetrics;
import org.odelump.nn.data.RegressionMetrics;
import org.odelump.nn.io.NetworkFormat;

/** The report of {@link CompressCommand}: JSON, Markdown and the console summary from the same values. */
record CompressReport(String network, String networkSha256, NetworkFormat format, String data, String dataSha256,
                      String testSource, String testSha256, int testRows, int calibrationRows, String tool, String time, long seed,
                      Map<String, Object> options, Mlp original, RegressionMetrics originalTest,
                      Compensation compensation, SizeTarget size, List<CompressionComparison.Result> methods,
                      String outputFile, List<SweepRow> sweep, double seconds, Classification classification) {

    /**
     * Test scores of a classifier (--task classification), for the original network and every method by name.
     *
     * @param classes   the class labels, in output order
     * @param original  accuracy and cross-entropy of the original network
     * @param methods   the same for every method, by its name
     * @param agreement fraction of test rows on which a method predicts the original network's class
     */
    record Classification(List<String> classes, ClassificationMetrics original,
                          Map<String, ClassificationMetrics> methods, Map<String, Double> agreement) {

        /** Scores the original and every compressed network on the test rows (one-hot targets). */
        static Classification of(List<String> classes, CompressionComparison.Scoring scoring, Mlp original,
                                 List<CompressionComparison.Result> scored) {
            double[][] reference = scoring.predict(original);
            Map<String, ClassificationMetrics> ms = new LinkedHashMap<>();
            Map<String, Double> agree = new LinkedHashMap<>();
            for (CompressionComparison.Result s : scored) {
                double[][] z = scoring.predict(s.network());
                ms.put(s.method().option(), ClassificationMetrics.ofOneHot(z, scoring.targets()));
                agree.put(s.method().option(), ClassificationMetrics.agreement(z, reference));
            }
            return new Classification(List.copyOf(classes), ClassificationMetrics.ofOneHot(reference,
                    scoring.targets()), ms, agree);
        }
    }

    /** How the size was chosen and what was reached. */
    record SizeTarget(String kind, double requested, long targetCount, double epsilon, int evaluations) {
    }

    /** One point of the --plot sweep. */
    record SweepRow(String method, double epsilon, long nonZero, double rmse) {
    }

    CompressReport(String network, String networkSha256, NetworkFormat format, String data, String dataSha256,
                   String testSource, String testSha256, int testRows, int calibrationRows, String tool, String time, long seed,
                   Map<String, Object> options, Mlp original, RegressionMetrics originalTest,
                   Compensation compensation, SizeTarget size, List<CompressionComparison.Result> methods,
                   String outputFile) {
        this(network, networkSha256, format, data, dataSha256, testSource, testSha256, testRows, calibrationRows, tool,
                time, seed, options, original, originalTest, compensation, size, methods, outputFile, List.of(), 0, null);
    }

    /** The report of one run of {@code cmd}: its options, the inputs' provenance and every method's result. */
    static CompressReport of(CompressCommand cmd, CompressionMethod method, CompressionData d,
                             RegressionMetrics originalTest, SizeTarget size,
                             List<CompressionComparison.Result> methods, String outputFile, String time) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("task", cmd.task);
        options.put("method", method.option());
        options.put("criterion", method.criterion());
        options.put("epsilon", cmd.epsilon);
        options.put("epsilonMode", cmd.epsilonMode.name().toLowerCase(Locale.ROOT));
        options.put("params", cmd.params);
        options.put("ratio", cmd.ratio);
        options.put("compensation", cmd.compensation.key());
        options.put("test", cmd.test == null ? null : cmd.test.toString());
        options.put("testFraction", cmd.test == null ? cmd.testFraction : null);
        options.put("seed", cmd.seed);
        options.put("calibration", cmd.calibration);
        options.put("plot", cmd.plot);
        return new CompressReport(cmd.network.toString(), d.networkSha256(), d.format(), cmd.data.toString(),
                d.dataSha256(), d.testSource(), d.testSha256(), d.test().rows(), d.calibration().length,
                new Main.Version().getVersion()[0], time, cmd.seed, options, d.file().mlp(), originalTest,
                cmd.compensation, size, methods, outputFile);
    }

    CompressReport withSweep(List<SweepRow> rows) {
        return new CompressReport(network, networkSha256, format, data, dataSha256, testSource, testSha256,
                testRows, calibrationRows, tool, time, seed, options, original, originalTest, compensation, size, methods,
                outputFile, List.copyOf(rows), seconds, classification);
    }

    CompressReport withSeconds(double s) {
        return new CompressReport(network, networkSha256, format, data, dataSha256, testSource, testSha256,
                testRows, calibrationRows, tool, time, seed, options, original, originalTest, compensation, size, methods,
                outputFile, sweep, s, classification);
    }

    /** The same report with classification scores (null for regression). */
    CompressReport withClassification(Classification c) {
        return new CompressReport(network, networkSha256, format, data, dataSha256, testSource, testSha256,
                testRows, calibrationRows, tool, time, seed, options, original, originalTest, compensation, size, methods,
                outputFile, sweep, seconds, c);
    }

    private Mlp compressed() {
        return methods.get(0).network();
    }

    String json() throws java.io.IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        Map<String, Object> prov = new LinkedHashMap<>();
        prov.put("network", network);
        prov.put("networkSha256", networkSha256);
        prov.put("format", format.name().toLowerCase(Locale.ROOT));
        prov.put("data", data);
        prov.put("dataSha256", dataSha256);
        prov.put("test", testSource);
        prov.put("testSha256", testSha256);
        prov.put("tool", tool);
        prov.put("time", time);
        prov.put("seed", seed);
        prov.put("options", options);
        root.put("provenance", prov);
        root.put("task", classification == null ? "regression" : "classification");
        if (classification != null) {
            root.put("classes", classification.classes());
        }
        root.put("method", methods.get(0).method().option());
        root.put("compensation", compensation.key());
        root.put("epsilon", Double.isNaN(size.epsilon()) ? null : size.epsilon());
        root.put("epsilonMode", options.get("epsilonMode"));
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("kind", size.kind());
        t.put("requested", size.requested());
        t.put("targetParameters", size.targetCount() < 0 ? null : size.targetCount());
        t.put("achievedParameters", compressed().nonZeroCount());
        t.put("epsilonEvaluations", size.evaluations());
        root.put("target", t);
        root.put("parametersBefore", original.nonZeroCount());
        root.put("parametersAfter", compressed().nonZeroCount());
        root.put("compressionRatio", ratio(compressed()));
        root.put("denseParametersBefore", original.parameterCount());
        root.put("denseParametersAfter", compressed().parameterCount());
        root.put("denseFlopsBefore", original.denseFlops());
        root.put("denseFlopsAfter", compressed().denseFlops());
        root.put("widthsBefore", original.widths());
        root.put("widthsAfter", compressed().widths());
        root.put("calibrationRows", calibrationRows);
        root.put("calibration", calibrationText());
        root.put("testRows", testRows);
        root.put("original", classification == null ? metrics(originalTest)
                : classes(classification.original(), 1.0));
        List<Map<String, Object>> ms = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            CompressionComparison.Result s = methods.get(i);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", s.method().option());
            m.put("primary", i == 0);
            m.put("description", s.description());
            m.put("compensation", compensation.key());
            m.put("parameters", s.network().nonZeroCount());
            m.put("compressionRatio", ratio(s.network()));
            m.put("widths", s.network().widths());
            m.put("denseFlops", s.network().denseFlops());
            m.putAll(classification == null ? metrics(s.test()) : classes(classification.methods().get(s.method().option()),
                    classification.agreement().get(s.method().option())));
            m.put("seconds", s.seconds());
            ms.add(m);
        }
        root.put("methods", ms);
        root.put("compressed", outputFile);
        if (!sweep.isEmpty()) {
            root.put("sweep", sweep);
        }
        root.put("seconds", seconds);
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Compression report: ").append(network).append("\n\n");
        sb.append("| | |\n|---|---|\n");
        row(sb, "method", methods.get(0).method().option() + sizeText());
        row(sb, "compensation", compensation.key() + " (applied to every method)");
        row(sb, "non-zero parameters", original.nonZeroCount() + " → " + compressed().nonZeroCount()
                + String.format(Locale.ROOT, " (ratio %.3f)", ratio(compressed())));
        row(sb, "dense FLOPs", original.denseFlops() + " → " + compressed().denseFlops());
        row(sb, "widths", widths(original) + " → " + widths(compressed()));
        row(sb, "test data", testSource + " (" + testRows + " rows)");
        row(sb, "calibration", calibrationText());
        row(sb, "time", String.format(Locale.ROOT, "%.2f s", seconds));
        row(sb, "provenance", tool + ", " + time + ", network sha256 " + networkSha256 + ", data sha256 "
                + dataSha256 + (testSha256 == null ? "" : ", test sha256 " + testSha256) + ", seed " + seed);
        if (classification != null) {
            classificationTable(sb);
        } else {
            sb.append("\n## Test metrics (units of the data)\n\n");
            sb.append("| method | parameters | ratio | widths | RMSE | MAE | R² |\n"
                    + "|---|---:|---:|---|---:|---:|---:|\n");
            sb.append(String.format(Locale.ROOT, "| original | %d | 1.000 | %s | %.6g | %.6g | %.6f |%n",
                    original.nonZeroCount(), widths(original), originalTest.rmse(),
                    originalTest.mae(), originalTest.r2()));
            for (CompressionComparison.Result s : methods) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.6g | %.6g | %.6f |%n", s.method().option(),
                        s.network().nonZeroCount(), ratio(s.network()), widths(s.network()),
                        s.test().rmse(), s.test().mae(), s.test().r2()));
            }
        }
        sb.append("\n## Methods\n\n");
        for (CompressionComparison.Result s : methods) {
            sb.append("- **").append(s.method().option()).append("**: ").append(s.description()).append('\n');
        }
        if (!sweep.isEmpty()) {
            sb.append("\n## Sweep\n\nTest RMSE against parameter count: `sweep.png`, values in `sweep.csv`.\n");
        }
        return sb.toString();
    }

    String console(Path out) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s: %s, compensation %s%s%n", network, methods.get(0).method().option(),
                compensation.key(), sizeText()));
        sb.append(String.format(Locale.ROOT, "  parameters %d -> %d (ratio %.3f), widths %s -> %s, dense FLOPs %d "
                        + "-> %d%n", original.nonZeroCount(), compressed().nonZeroCount(), ratio(compressed()),
                widths(original), widths(compressed()), original.denseFlops(),
                compressed().denseFlops()));
        sb.append(String.format(Locale.ROOT, "  test: %s, %d rows; calibration: %d training rows%n", testSource,
                testRows, calibrationRows));
        if (classification != null) {
            classificationConsole(sb);
        } else {
            sb.append(String.format(Locale.ROOT, "  %-16s %10s %12s %12s %10s%n", "method", "parameters",
                    "test RMSE", "test MAE", "test R2"));
            sb.append(String.format(Locale.ROOT, "  %-16s %10d %12.5g %12.5g %10.5f%n", "original",
                    original.nonZeroCount(), originalTest.rmse(), originalTest.mae(), originalTest.r2()));
            for (CompressionComparison.Result s : methods) {
                sb.append(String.format(Locale.ROOT, "  %-16s %10d %12.5g %12.5g %10.5f%n", s.method().option(),
                        s.network().nonZeroCount(), s.test().rmse(), s.test().mae(), s.test().r2()));
            }
        }
        sb.append("  wrote ").append(out.resolve(outputFile)).append(", ").append(out.resolve("report.json"))
                .append(", ").append(out.resolve("report.md"));
        if (!sweep.isEmpty()) {
            sb.append(", ").append(out.resolve("sweep.png")).append(", ").append(out.resolve("sweep.csv"));
        }
        sb.append(String.format(Locale.ROOT, " (%.2f s)%n", seconds));
        return sb.toString();
    }

    private void classificationTable(StringBuilder sb) {
        sb.append("\n## Test metrics (classification, ").append(classification.classes().size())
                .append(" classes: ").append(String.join(", ", classification.classes())).append(")\n\n");
        sb.append("Accuracy: fraction of test rows whose largest logit is the label's; cross-entropy: mean "
                + "−ln softmax(logits)[label]; agreement: fraction of test rows predicted as the original "
                + "network predicts them.\n\n");
        sb.append("| method | parameters | ratio | widths | accuracy | cross-entropy | agreement |\n"
                + "|---|---:|---:|---|---:|---:|---:|\n");
        sb.append(String.format(Locale.ROOT, "| original | %d | 1.000 | %s | %.4f | %.4f | 1.0000 |%n",
                original.nonZeroCount(), widths(original), classification.original().accuracy(),
                classification.original().crossEntropy()));
        for (CompressionComparison.Result s : methods) {
            ClassificationMetrics c = classification.methods().get(s.method().option());
            sb.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %s | %.4f | %.4f | %.4f |%n", s.method().option(),
                    s.network().nonZeroCount(), ratio(s.network()), widths(s.network()),
                    c.accuracy(), c.crossEntropy(), classification.agreement().get(s.method().option())));
        }
    }

    private void classificationConsole(StringBuilder sb) {
        sb.append(String.format(Locale.ROOT, "  %-16s %10s %12s %14s %10s%n", "method", "parameters", "accuracy",
                "cross-entropy", "agreement"));
        sb.append(String.format(Locale.ROOT, "  %-16s %10d %12.4f %14.4f %10.4f%n", "original",
                original.nonZeroCount(), classification.original().accuracy(),
                classification.original().crossEntropy(), 1.0));
        for (CompressionComparison.Result s : methods) {
            ClassificationMetrics c = classification.methods().get(s.method().option());
            sb.append(String.format(Locale.ROOT, "  %-16s %10d %12.4f %14.4f %10.4f%n", s.method().option(),
                    s.network().nonZeroCount(), c.accuracy(), c.crossEntropy(),
                    classification.agreement().get(s.method().option())));
        }
    }

    private static Map<String, Object> classes(ClassificationMetrics c, double agreement) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accuracy", c.accuracy());
        m.put("crossEntropy", c.crossEntropy());
        m.put("agreement", agreement);
        return m;
    }

    private String sizeText() {
        String eps = Double.isNaN(size.epsilon()) ? ""
                : ", epsilon " + CompressionComparison.format(size.epsilon()) + " (" + options.get("epsilonMode") + ")";
        return switch (size.kind()) {
            case "epsilon" -> eps;
            default -> String.format(Locale.ROOT, ", %s %s -> target %d non-zero parameters%s%s", size.kind(),
                    CompressionComparison.format(size.requested()), size.targetCount(), eps,
                    size.evaluations() > 0 ? " found by bisection (" + size.evaluations() + " runs)" : "");
        };
    }

    private String calibrationText() {
        return calibrationRows + " training rows: the first after a shuffle with seed " + seed
                + " (used by wanda and refit)";
    }

    private double ratio(Mlp m) {
        return (double) original.nonZeroCount() / Math.max(1, m.nonZeroCount());
    }

    private static Map<String, Object> metrics(RegressionMetrics r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rmse", r.rmse());
        m.put("mae", r.mae());
        m.put("r2", r.r2());
        return m;
    }

    private static void row(StringBuilder sb, String k, String v) {
        sb.append("| ").append(k).append(" | ").append(v.replace("|", "\\|")).append(" |\n");
    }

    static String widths(Mlp m) {
        return Arrays.toString(m.widths());
    }
}
