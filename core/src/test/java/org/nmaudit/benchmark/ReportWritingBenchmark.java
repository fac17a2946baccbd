package org.nmaudit.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.Scope;
import org.nmaudit.findings.Severity;
import org.nmaudit.report.html.HtmlReport;
import org.nmaudit.report.monthly.AuditReportInputs;
import org.nmaudit.report.monthly.ReportFigures;
import org.nmaudit.report.monthly.ReportPeriod;
import org.nmaudit.report.xlsx.XlsxReport;
import org.nmaudit.testing.FindingFixture;
import org.nmaudit.testing.InProcessAudit;

/**
 * Time and heap of writing report.html and findings.xlsx, outside the test suite (a benchmark, not a
 * timed test). Run from the project folder with the test classpath:
 *
 * <pre>
 * java -Xmx3g -cp core/target/test-classes:core/target/classes:DEPS org.nmaudit.benchmark.ReportWritingBenchmark audit DATA OUT
 * java -Xmx64m -cp ... org.nmaudit.benchmark.ReportWritingBenchmark synthetic 1000000 OUT
 * </pre>
 *
 * "audit" audits DATA in memory (as nmaudit audit does), then writes both files twice: as a plain audit,
 * and as a period audit of the last month (every line finding in the trend). "synthetic" writes both from
 * N made-up findings produced on the fly, never held: with a small -Xmx it shows that the writers keep no
 * finding. Heap: the largest heap in use after a collection while writing (the live data), against the
 * same before writing.
 */
public final class ReportWritingBenchmark {
    private static final AtomicLong LIVE_PEAK = new AtomicLong();

    private ReportWritingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        watchCollections();
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        if (args[0].equals("audit")) {
            long t0 = System.nanoTime();
            InProcessAudit audit = InProcessAudit.of(Path.of(args[1]));
            List<Finding> all = audit.result().findings().all();
            System.out.printf(Locale.ROOT, "audited %,d claim lines in %.1f s: %,d findings%n",
                    audit.data().claimLines().size(), (System.nanoTime() - t0) / 1e9, all.size());
            AuditReportInputs plain = AuditReportInputs.of(audit.run(), all, audit.result().ratios(),
                    audit.data().rejects());
            measure("plain audit", plain, out.resolve("plain"));
            ReportPeriod last = ReportPeriod.of(YearMonth.from(audit.run().asOf()));
            List<Finding> reported = all.stream()
                    .filter(f -> f.scope() == Scope.PROVIDER || last.contains(f.serviceDate())).toList();
            List<Finding> lines = all.stream().filter(f -> f.scope() == Scope.LINE).toList();
            measure("period " + last.label(), plain.withPeriod(last).withAllLineFindings(lines)
                    .withFindings(reported), out.resolve("period"));
        } else {
            int n = Integer.parseInt(args[1]);
            Iterable<Finding> findings = () -> synthetic(n);
            AuditReportInputs inputs = AuditReportInputs.of(FindingFixture.run(LocalDate.parse("2025-12-31"), n, n, 0),
                    findings, List.of(), List.of());
            measure(String.format(Locale.ROOT, "%,d synthetic findings", n), inputs, out);
        }
    }

    private static void measure(String what, AuditReportInputs inputs, Path folder) throws Exception {
        Files.createDirectories(folder);
        System.gc();
        System.gc();
        long before = used();
        LIVE_PEAK.set(before);
        long t0 = System.nanoTime();
        ReportFigures figures = ReportFigures.of(inputs);
        long t1 = System.nanoTime();
        HtmlReport.write(figures, folder.resolve(HtmlReport.FILE_NAME));
        long t2 = System.nanoTime();
        XlsxReport.write(figures, folder.resolve(XlsxReport.FILE_NAME));
        long t3 = System.nanoTime();
        System.gc();
        long after = used();
        System.out.printf(Locale.ROOT, "%s: figures %.2f s, report.html %.2f s (%,d bytes), findings.xlsx %.2f s"
                + " (%,d bytes); heap in use before %s, largest after a collection while writing %s (+%s),"
                + " after %s%n", what, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                Files.size(folder.resolve(HtmlReport.FILE_NAME)), (t3 - t2) / 1e9,
                Files.size(folder.resolve(XlsxReport.FILE_NAME)), mb(before), mb(LIVE_PEAK.get()),
                mb(LIVE_PEAK.get() - before), mb(after));
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Records the heap in use after every collection (the live data then), whatever collector runs. */
    private static void watchCollections() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((n, h) -> {
                if (!n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                        .from((CompositeData) n.getUserData());
                long heap = 0;
                for (MemoryUsage u : info.getGcInfo().getMemoryUsageAfterGc().values()) {
                    heap += u.getUsed();
                }
                LIVE_PEAK.accumulateAndGet(heap, Math::max);
            }, null, null);
        }
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / 1048576.0);
    }

    /** N line findings over 12 months and 4 rules, made as they are iterated. */
    private static Iterator<Finding> synthetic(int n) {
        return new Iterator<>() {
            private int i;

            @Override
            public boolean hasNext() {
                return i < n;
            }

            @Override
            public Finding next() {
                int k = i++;
                String rule = "NM-RULE-" + (k % 4);
                LocalDate date = LocalDate.parse("2025-01-01").plusDays(k % 365);
                return FindingFixture.line(rule, Severity.values()[k % 5], String.format("C%09d", k / 2), 1 + k % 2,
                        date.toString(), BigDecimal.valueOf(k % 100_000, 2).toPlainString(),
                        "Synthetic finding " + k + " on a claim line, as long as a real message is: the service on "
                                + date + " is flagged by " + rule + " for a reason a compliance officer can act on.");
            }
        };
    }
}
