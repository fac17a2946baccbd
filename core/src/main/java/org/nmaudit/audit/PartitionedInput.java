package org.nmaudit.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.nmaudit.engine.PatientPartitions;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.StoreCounts;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;
import org.nmaudit.input.RejectLog;
import org.nmaudit.input.x12.X12DataFiles;

/**
 * Reads a data folder into patient partitions and a reject log, in one pass over the files: what an
 * audit needs before its rules can run, without holding the data set in memory.
 */
public final class PartitionedInput implements InputSink {
    /** CSV bytes per partition: a partition's facts take several times that in memory. */
    static final long BYTES_PER_PARTITION = 48L << 20;
    /** A stored claim line counted as this many CSV bytes, to choose the partitions of a store audit. */
    private static final long STORED_LINE_BYTES = 110;
    /**
     * Partitions are held in memory when the input is at most this fraction of the maximum heap: a fact takes
     * about twice its CSV bytes in memory (1M claim lines, 112 MB of CSV: about 250 MB of facts), and the
     * rules' sessions, the findings and the reports need the rest. Above it they go to temporary files.
     */
    private static final int HEAP_PER_INPUT_BYTE_IN_MEMORY = 8;
    /** Set to "true", partitions always go to files: how the tests run the file path on small data. */
    static final String ON_DISK_PROPERTY = "nmaudit.test.partitionsOnDisk";

    private final PatientPartitions partitions;
    private final RejectLog rejects;
    private final FutureServiceDates futureDates;
    private final int cutAfterDay;
    private final int periodStartDay;
    /** Counts per file name; a long[1] each, so counting a row boxes nothing. */
    private final Map<String, long[]> afterPeriod = new HashMap<>();
    private final Map<String, long[]> loadedPerFile = new HashMap<>();
    private int latestServiceDay = Integer.MIN_VALUE;
    private long linesInPeriod;

    private PartitionedInput(PatientPartitions partitions, RejectLog rejects, LocalDate runDate, AuditPeriod period) {
        this.partitions = partitions;
        this.rejects = rejects;
        this.futureDates = new FutureServiceDates(runDate);
        this.cutAfterDay = period == null ? Integer.MAX_VALUE : period.endDay();
        this.periodStartDay = period == null ? Integer.MIN_VALUE : period.startDay();
    }

    /**
     * What was read: the partitions, the rejects and the summary of every file.
     *
     * @param claimLinesAudited the claim lines the rules judge and report: in a period audit those dated in
     *     the period, else every loaded line
     */
    public record Result(PatientPartitions partitions, RejectLog rejects, DataSetSummary summary,
            FutureServiceDates futureDates, long claimLinesAudited, long readNanos) {
    }

    /**
     * @param period a period audit's months, or null: rows dated after its end are valid but left out of every
     *     rule (periods.md), and counted per file as after_period
     */
    public static Result read(Path dataFolder, ScratchFolder scratch, ReadProgress progress, LocalDate runDate,
            AuditPeriod period) throws InputException, IOException {
        PatientPartitions partitions = partitionsFor(inputBytes(dataFolder), scratch);
        RejectLog rejects = new RejectLog(scratch.resolve("rejects.bin"));
        PartitionedInput sink = new PartitionedInput(partitions, rejects, runDate, period);
        DataSetSummary summary;
        long started = System.nanoTime();
        try {
            summary = new DataSetReader(progress).read(dataFolder, sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        partitions.finishWriting();
        if (period != null) {
            List<FileSummary> files = new ArrayList<>();
            for (FileSummary f : summary.files()) {
                files.add(f.present() ? f.withAfterPeriod(count(sink.afterPeriod, f.fileName())) : f);
            }
            summary = new DataSetSummary(List.copyOf(files), summary.warnings(), summary.latestServiceDate());
        }
        return new Result(partitions, rejects, summary, sink.futureDates, sink.linesInPeriod,
                System.nanoTime() - started);
    }

    /**
     * Reads the claim history store into patient partitions, as a data folder holding its rows would be read
     * (an audit of the store, scrubbing.md): the stored rows were validated when they were imported, so none is
     * rejected; each table is summarised under the name of the data file its rows came from.
     */
    public static Result readStore(HistoryStore store, ScratchFolder scratch, LocalDate runDate, AuditPeriod period)
            throws HistoryException, IOException {
        StoreCounts counts = store.counts();
        PatientPartitions partitions = partitionsFor(counts.claimLines() * STORED_LINE_BYTES, scratch);
        RejectLog rejects = new RejectLog(scratch.resolve("rejects.bin"));
        PartitionedInput sink = new PartitionedInput(partitions, rejects, runDate, period);
        long started = System.nanoTime();
        try {
            store.streamAllByPatient(patient -> patient.forEach(sink::loaded));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        partitions.finishWriting();
        List<FileSummary> files = new ArrayList<>();
        for (String file : List.of("claims.csv", "trial-outcomes.csv", "repeat-trial-justifications.csv",
                "programming-sessions.csv", "psych-evaluations.csv")) {
            long rows = count(sink.loadedPerFile, file);
            FileSummary f = new FileSummary(file, true, null, rows, rows, 0);
            files.add(period == null ? f : f.withAfterPeriod(count(sink.afterPeriod, file)));
        }
        DataSetSummary summary = new DataSetSummary(List.copyOf(files), List.of(),
                sink.latestServiceDay == Integer.MIN_VALUE ? java.util.Optional.empty()
                        : java.util.Optional.of(LocalDate.ofEpochDay(sink.latestServiceDay)));
        return new Result(partitions, rejects, summary, sink.futureDates, sink.linesInPeriod,
                System.nanoTime() - started);
    }

    @Override
    public void loaded(PatientFact fact) {
        String file = DataSetReader.fileNameOf(fact);
        loadedPerFile.computeIfAbsent(file, f -> new long[1])[0]++;
        if (fact instanceof ClaimLine line) {
            futureDates.check(line);
            latestServiceDay = Math.max(latestServiceDay, line.getServiceDay());
        }
        if (fact.recordDay() > cutAfterDay) {
            afterPeriod.computeIfAbsent(file, f -> new long[1])[0]++;
            return;
        }
        if (fact instanceof ClaimLine && fact.recordDay() >= periodStartDay) {
            linesInPeriod++;
        }
        partitions.add(fact);
    }

    private static long count(Map<String, long[]> counts, String file) {
        long[] c = counts.get(file);
        return c == null ? 0 : c[0];
    }

    @Override
    public void rejected(Reject reject) {
        rejects.add(reject);
    }

    /** In memory or in files, as many as the input's size calls for (the same count either way). */
    static PatientPartitions partitionsFor(long inputBytes, ScratchFolder scratch) throws IOException {
        int count = PatientPartitions.countFor(inputBytes, BYTES_PER_PARTITION);
        if (!Boolean.getBoolean(ON_DISK_PROPERTY)
                && inputBytes <= Runtime.getRuntime().maxMemory() / HEAP_PER_INPUT_BYTE_IN_MEMORY) {
            return PatientPartitions.inMemory(count);
        }
        return PatientPartitions.create(scratch.resolve("partitions"), count);
    }

    /** The bytes of the data files: CSV and X12 (a file that is neither is not read). */
    private static long inputBytes(Path folder) {
        if (Files.isRegularFile(folder)) {
            return sizeOf(folder);
        }
        long total = 0;
        try (var files = Files.newDirectoryStream(folder,
                p -> Files.isRegularFile(p) && (p.getFileName().toString().endsWith(".csv") || X12DataFiles.isX12(p)))) {
            for (Path p : files) {
                total += sizeOf(p);
            }
        } catch (IOException e) {
            // the reader reports an unreadable folder; one partition is a fine guess meanwhile
        }
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // the reader reports an unreadable file
        }
    }
}
