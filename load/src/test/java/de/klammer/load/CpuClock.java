package de.klammer.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Measures the CPU time that the load generator (this JVM), the portal's JVM and the portal's embedded PostgreSQL
 * use during the run, and the machine's load average. The figures thus show how much of the machine the load
 * generator took itself. Reads {@code /proc}, so it works on Linux only.
 */
final class CpuClock {

    /** Clock ticks per second of the times in {@code /proc/<pid>/stat}; 100 on Linux on x86-64 (USER_HZ). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long portalPid;
    private final String postgresDataDir;
    private double generatorStart;
    private double portalStart;
    private double postgresStart;
    private long startNanos;
    private double loadAverageStart;

    CpuClock(long portalPid, String postgresDataDir) {
        this.portalPid = portalPid;
        this.postgresDataDir = postgresDataDir;
    }

    void start() {
        startNanos = System.nanoTime();
        generatorStart = ownCpuSeconds(ProcessHandle.current().pid());
        portalStart = portalPid < 0 ? 0 : ownCpuSeconds(portalPid);
        postgresStart = postgresCpuSeconds();
        loadAverageStart = loadAverage();
    }

    /** Returns one line per process with its CPU seconds and the average number of cores it used over the run. */
    String report() {
        double wallSeconds = (System.nanoTime() - startNanos) / 1e9;
        double generator = ownCpuSeconds(ProcessHandle.current().pid()) - generatorStart;
        double portal = portalPid < 0 ? 0 : ownCpuSeconds(portalPid) - portalStart;
        double postgres = postgresCpuSeconds() - postgresStart;
        return String.format(Locale.ROOT, """
                Wall time of the run: %.0f s on %d cores; load average (1 min) %.1f at start, %.1f at end
                CPU time of the load generator (Gatling JVM): %.0f s = %.2f cores on average
                CPU time of the portal JVM: %.0f s = %.2f cores on average
                CPU time of the portal's embedded PostgreSQL: %.0f s = %.2f cores on average
                """,
                wallSeconds, Runtime.getRuntime().availableProcessors(), loadAverageStart, loadAverage(),
                generator, generator / wallSeconds,
                portal, portal / wallSeconds,
                postgres, postgres / wallSeconds);
    }

    /**
     * Sums the postmaster's own and reaped children's CPU time and that of its live backends. The postmaster is the
     * process whose command line names the portal's data directory.
     */
    private double postgresCpuSeconds() {
        if (postgresDataDir.isEmpty()) {
            return 0;
        }
        Optional<ProcessHandle> postmaster = ProcessHandle.allProcesses()
                .filter(process -> process.info().commandLine().orElse("").contains(postgresDataDir))
                .filter(process -> process.info().command().orElse("").endsWith("/postgres"))
                .findFirst();
        if (postmaster.isEmpty()) {
            return 0;
        }
        double seconds = statTimes(postmaster.get().pid(), true);
        for (ProcessHandle backend : postmaster.get().children().toList()) {
            seconds += statTimes(backend.pid(), false);
        }
        return seconds;
    }

    private static double ownCpuSeconds(long pid) {
        return statTimes(pid, false);
    }

    /** Reads utime and stime (fields 14 and 15 of /proc/pid/stat), and with children also cutime and cstime. */
    private static double statTimes(long pid, boolean withReapedChildren) {
        String stat;
        try {
            stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        } catch (IOException e) {
            return 0;
        }
        // The command name in field 2 may contain spaces, so split after its closing bracket. Index 0 is field 3.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
