package de.klammer.portal.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Durations of one measured series, in seconds, with the statistics that docs/benchmarks.md reports. */
final class Timings {

    private final List<Double> seconds = new ArrayList<>();

    void add(long startNanos, long endNanos) {
        seconds.add((endNanos - startNanos) / 1e9);
    }

    int count() {
        return seconds.size();
    }

    double total() {
        return seconds.stream().mapToDouble(Double::doubleValue).sum();
    }

    double median() {
        List<Double> sorted = sorted();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    /** Returns the nearest-rank percentile, for example 0.95 for the 95th. */
    double percentile(double fraction) {
        List<Double> sorted = sorted();
        int rank = (int) Math.ceil(fraction * sorted.size());
        return sorted.get(Math.max(rank - 1, 0));
    }

    double min() {
        return sorted().getFirst();
    }

    double max() {
        return sorted().getLast();
    }

    double mean() {
        return total() / seconds.size();
    }

    double standardDeviation() {
        double mean = mean();
        double squares = seconds.stream().mapToDouble(s -> (s - mean) * (s - mean)).sum();
        return Math.sqrt(squares / (seconds.size() - 1));
    }

    /** Returns the single durations in the order they were measured, with millisecond precision. */
    String runs() {
        return seconds.stream()
                .map(s -> String.format(Locale.ROOT, "%.3f", s))
                .toList()
                .toString();
    }

    /** Returns one line: count, median, min, max, mean and standard deviation. */
    String summary() {
        return String.format(
                Locale.ROOT,
                "%d runs: median %.3f s, min %.3f s, max %.3f s, mean %.3f s, standard deviation %.3f s",
                count(),
                median(),
                min(),
                max(),
                mean(),
                standardDeviation());
    }

    private List<Double> sorted() {
        if (seconds.isEmpty()) {
            throw new IllegalStateException("No durations were measured");
        }
        return seconds.stream().sorted().toList();
    }

    /** Prints the report and writes it to {@code target/benchmarks/<fileName>}, where {@code ./klammer bench} reads it. */
    static void write(String fileName, String report) {
        System.out.println(report);
        Path target = Path.of("target", "benchmarks", fileName);
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, report);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the benchmark report " + target, e);
        }
    }
}
