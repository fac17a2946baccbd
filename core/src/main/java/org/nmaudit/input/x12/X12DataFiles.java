package org.nmaudit.input.x12;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.nmaudit.facts.ClaimLine;
import org.nmaudit.input.ClaimLineCells;
import org.nmaudit.input.ClaimLineValidator;
import org.nmaudit.input.FileSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.Reject;
import org.nmaudit.input.Sha256;

/**
 * The X12 files of a data set (x12-input.md): 837P and 837I claims become claim lines through the
 * claims.csv validation, 835 remittances fill their paid_amount.
 *
 * <p>The files are read in the order of their interchange date and time (ISA09, ISA10), then by name,
 * in passes, each streaming one file at a time:
 * <ol>
 *   <li>the head of every file, for ISA09/ISA10 and whether it holds claims or remittances;</li>
 *   <li>the 835 files, whole: their claim payments are kept (the one index of this reader that grows
 *       with the 835s), and rejects of their own service lines;</li>
 *   <li>the 837 files, a first time (this pass only indexes): the replacement and void claims (only
 *       those are kept) and, for the CLM01s an 835 pays, what the matching needs; then the 835 lines are
 *       matched;</li>
 *   <li>the 837 files again: each line validated (claims.csv rows of the data set come first in the
 *       uniqueness check), its paid_amount set, and handed to {@code loaded} unless a later claim
 *       replaces or voids it. A large file is read and mapped on a thread of its own while the calling
 *       thread validates the lines mapped so far ({@link ReadAlongside}).</li>
 * </ol>
 *
 * <p>The passes read on the byte-level {@link SegmentScanner}, which is several times faster than StAEDI.
 * StAEDI reads a file's data only when the file is not one on which the two agree: a file whose bytes are
 * not plain, or whose envelope {@link EnvelopeCheck} does not pass (a wrong count or control number, an
 * unreadable segment ...). StAEDI then words every problem as it always has; an 837 is known to be plain
 * from its first pass, an 835 is read again when its scan turns out not to be.
 */
public final class X12DataFiles {
    /** File name endings that mark an X12 file in a data folder (any file starting with ISA is one too). */
    public static final List<String> EXTENSIONS = List.of(".837", ".835", ".x12", ".edi");
    private static final int PROGRESS_EVERY = 250_000;
    /**
     * Above this many claims an 837's last pass reads on a thread of its own while its lines are validated;
     * on a small file, such as an 837 sent to serve, starting a thread costs more than it saves.
     */
    private static final int ALONGSIDE_ABOVE_CLAIMS = 5_000;
    private static final String POSITION_NAME = "segment";

    private final ReadProgress progress;

    public X12DataFiles(ReadProgress progress) {
        this.progress = progress;
    }

    /** The X12 files of a data folder, by name: names ending in .837, .835, .x12 or .edi, or starting with ISA. */
    public static List<Path> find(Path folder) throws InputException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path p : entries) {
                if (Files.isRegularFile(p) && isX12(p)) {
                    found.add(p);
                }
            }
        } catch (IOException e) {
            throw new InputException("data folder " + folder + " cannot be listed: " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }

    /** Whether a file is X12 by its name (.837, .835, .x12, .edi) or its first bytes (ISA). */
    public static boolean isX12(Path p) throws IOException {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : EXTENSIONS) {
            if (name.endsWith(ext)) {
                return true;
            }
        }
        try (InputStream in = Files.newInputStream(p)) {
            return Arrays.equals(in.readNBytes(3), new byte[] {'I', 'S', 'A'});
        }
    }

    /** Reads X12 files of a data folder; see {@link #readSources}. */
    public X12Reading read(List<Path> files, ClaimLineValidator validator, Consumer<ClaimLine> loaded,
            Consumer<Reject> rejected) throws InputException {
        List<X12Source> sources = new ArrayList<>();
        for (Path p : files) {
            sources.add(X12Source.of(p));
        }
        return readSources(sources, validator, loaded, rejected);
    }

    /**
     * Reads X12 files: every 837 line is loaded (handed to {@code loaded}) or rejected (its problems handed
     * to {@code rejected}), 835 service payments fill paid_amount.
     *
     * @param validator the claim line validation of the data set; claims.csv rows it has validated before
     *     win the (claim_id, line_number) uniqueness check
     * @throws InputException when a file cannot be read as X12, or holds a transaction set or version that
     *     nmaudit does not read (exit code 2). Versions and transaction sets are checked before any line is
     *     handed on; a file that breaks off in the middle is found while its lines are read, so the caller
     *     discards what it was given then
     */
    public X12Reading readSources(List<X12Source> sources, ClaimLineValidator validator, Consumer<ClaimLine> loaded,
            Consumer<Reject> rejected) throws InputException {
        X12Warnings warnings = new X12Warnings();
        List<Head> files = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (X12Source s : sources) {
            if (!names.add(s.name())) {
                throw new InputException("two X12 files are named " + s.name() + "; rejects and run.json name files by"
                        + " name, so give them different names");
            }
            files.add(head(s));
        }
        files.sort(Comparator.comparing((Head h) -> h.stamp).thenComparing(h -> h.source.name()));

        Map<Integer, Remittance> remittances = new HashMap<>();
        Set<String> paidClaims = new HashSet<>();
        for (int rank = 0; rank < files.size(); rank++) {
            Head h = files.get(rank);
            if (h.remittance) {
                Remittance r = readRemittance(h.source, rank, warnings, true);
                if (r == null) {
                    r = readRemittance(h.source, rank, warnings, false);
                }
                remittances.put(rank, r);
                r.payments.forEach(p -> paidClaims.add(p.claimId));
            }
        }

        ClaimHistory history = new ClaimHistory();
        Map<String, List<BilledClaim>> billed = new HashMap<>();
        boolean[] plain = new boolean[files.size()];
        int[] claimCounts = new int[files.size()];
        for (int rank = 0; rank < files.size(); rank++) {
            Head h = files.get(rank);
            if (!h.remittance) {
                int fileRank = rank;
                // Without 835s the history needs only the CLM segments. This pass also finds whether the
                // last pass may read the file on the scanner too (it is plain) or needs StAEDI.
                ClaimReader.Detail detail = paidClaims.isEmpty() ? ClaimReader.Detail.HEADS : ClaimReader.Detail.BILLED;
                plain[rank] = readClaims(h.source, w -> { }, detail, Reading.CHECKED_SCAN, c -> {
                    claimCounts[fileRank]++;
                    long position = ClaimHistory.position(fileRank, c.ordinal);
                    history.read(c.id(), position, c.frequencyCode());
                    if (paidClaims.contains(c.id())) {
                        billed.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(new BilledClaim(c, position));
                    }
                }, null).plain();
            }
        }

        RemittanceMatcher matcher = new RemittanceMatcher(billed, history, warnings);
        for (Map.Entry<Integer, Remittance> e : remittances.entrySet()) {
            Remittance r = e.getValue();
            r.counts = matcher.match(files.get(e.getKey()).source.name(), r.payments);
            r.payments = null;
        }

        List<FileSummary> summaries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int rank = 0; rank < files.size(); rank++) {
            Head h = files.get(rank);
            if (h.remittance) {
                Remittance r = remittances.get(rank);
                r.rejects.forEach(rejected);
                long read = r.serviceLines;
                summaries.add(new FileSummary(h.source.name(), true, r.sha256, read, read - r.rejectedLines,
                        r.rejectedLines, new FileSummary.X12Counts("835", 0, 0, r.counts[0], r.counts[1])));
            } else {
                boolean alongside = claimCounts[rank] > ALONGSIDE_ABOVE_CLAIMS;
                summaries.add(loadClaims(h.source, rank, plain[rank], alongside, validator, history, matcher, seen,
                        warnings, loaded, rejected));
            }
        }
        return new X12Reading(summaries, warnings.all());
    }

    /** The head of a file: its interchange date and time, and whether it holds remittances. */
    private static final class Head implements SegmentHandler {
        final X12Source source;
        String stamp = "";
        boolean remittance;
        private boolean isa;

        Head(X12Source source) {
            this.source = source;
        }

        @Override
        public boolean segment(Segment s) {
            if (s.is("ISA") && !isa) {
                isa = true;
                stamp = s.element(9) + s.element(10);
            } else if (s.is("ST")) {
                remittance = s.element(1).equals("835");
                return false;
            }
            return true;
        }
    }

    private static Head head(X12Source source) throws InputException {
        Head h = new Head(source);
        try (InputStream in = new BufferedInputStream(source.open(), 1 << 16)) {
            SegmentReader.read(source.name(), in, h);
        } catch (X12Exception e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        return h;
    }

    /** An 835 file read whole: its claim payments until they are matched, and its own rejects. */
    private static final class Remittance {
        List<ClaimPayment> payments = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();
        long serviceLines;
        long rejectedLines;
        String sha256;
        long[] counts = new long[2];
    }

    /**
     * @param scan read on the scanner; null when the file is not plain, or cannot be read (StAEDI then reads
     *     it again, and words what is wrong)
     */
    private static Remittance readRemittance(X12Source source, int rank, X12Warnings warnings, boolean scan)
            throws InputException {
        Remittance r = new Remittance();
        String name = source.name();
        RemittanceReader reader = new RemittanceReader(name, rank, r.payments::add, r.rejects::add);
        MessageDigest sha = Sha256.newDigest();
        try (DigestInputStream in = new DigestInputStream(source.open(), sha)) {
            EnvelopeRouter router = new EnvelopeRouter(name, kind -> {
                if (kind.claims()) {
                    throw mixed(name);
                }
                return reader.start();
            }, w -> warnings.add(name, "envelope", w));
            if (scan) {
                if (!scanChecked(name, in, router)) {
                    return null;
                }
            } else {
                SegmentReader.read(name, new BufferedInputStream(in, 1 << 16), router);
            }
            router.finish();
            in.transferTo(OutputStream.nullOutputStream());
        } catch (X12Exception e) {
            if (scan) {
                return null;
            }
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
        r.sha256 = Sha256.hex(sha);
        r.serviceLines = reader.serviceLines();
        r.rejectedLines = reader.rejectedLines();
        return r;
    }

    /** What reading an 837 file gave besides its claims. */
    private record ClaimsRead(Set<TransactionKind> kinds, boolean plain) {
    }

    /** How an 837 file is read. */
    private enum Reading {
        /** On the scanner, finding whether the file is plain and its envelope passes. */
        CHECKED_SCAN,
        /** On the scanner, a file known to be plain. */
        SCAN,
        STAEDI
    }

    /**
     * Streams the claims of an 837 file.
     *
     * @param sha the digest to feed the file's bytes, or null
     * @return the kinds of transaction sets the file held, and, after a checked scan, whether it is plain and its
     *     envelope passes (StAEDI would read the same segments and find nothing to report)
     */
    private static ClaimsRead readClaims(X12Source source, Consumer<String> envelopeWarnings,
            ClaimReader.Detail detail, Reading reading, Consumer<Claim837> claims, MessageDigest sha)
            throws InputException {
        String name = source.name();
        ClaimReader reader = new ClaimReader(claims, detail);
        try (InputStream raw = source.open();
                InputStream in = sha == null ? raw : new DigestInputStream(raw, sha)) {
            EnvelopeRouter router = new EnvelopeRouter(name, kind -> {
                if (!kind.claims()) {
                    throw mixed(name);
                }
                return reader.start(kind);
            }, envelopeWarnings);
            boolean plain = switch (reading) {
                case CHECKED_SCAN -> scanChecked(name, in, router);
                case SCAN -> SegmentScanner.read(name, in, router);
                case STAEDI -> {
                    SegmentReader.read(name, new BufferedInputStream(in, 1 << 16), router);
                    yield false;
                }
            };
            router.finish();
            in.transferTo(OutputStream.nullOutputStream());
            return new ClaimsRead(router.kinds(), plain);
        } catch (X12Exception e) {
            throw new InputException(e.getMessage(), e);
        } catch (IOException e) {
            throw unreadable(source, e);
        }
    }

    /**
     * The last pass over an 837 file: every line validated, and loaded unless replaced or voided.
     *
     * @param plain the first pass found the file plain: it is read on the scanner, else on StAEDI
     * @param alongside the file is read and its lines mapped on a thread of its own while the calling thread
     *     validates the lines mapped so far ({@link ReadAlongside}); the warnings are all made on the reading
     *     thread, the validation and what it hands on all on the calling thread, so both keep their order
     */
    private FileSummary loadClaims(X12Source source, int rank, boolean plain, boolean alongside,
            ClaimLineValidator validator, ClaimHistory history, RemittanceMatcher matcher, Set<String> seen,
            X12Warnings warnings, Consumer<ClaimLine> loaded, Consumer<Reject> rejected) throws InputException {
        String name = source.name();
        ClaimLineMapper mapper = new ClaimLineMapper(name, warnings);
        long[] rows = new long[5]; // read, loaded (replaced and voided included), rejected, replaced, voided
        MessageDigest sha = Sha256.newDigest();
        Reading reading = plain ? Reading.SCAN : Reading.STAEDI;
        Set<TransactionKind> kinds = ReadAlongside.run(caller -> readClaims(source,
                w -> warnings.add(name, "envelope", w), ClaimReader.Detail.FULL, reading, c -> {
            long position = ClaimHistory.position(rank, c.ordinal);
            String id = c.id();
            char frequency = c.frequencyCode();
            if (history.corrected(id) && seen.add(id) && (frequency == '7' || frequency == '8')) {
                warnings.add(name, "replacement or void without an earlier claim", name + " segment " + c.clmSegment
                        + ": claim " + id + " has frequency " + frequency + " (" + (frequency == '7'
                                ? "replacement) but no earlier claim with that CLM01 was read; it is loaded as an original"
                                : "void) but no earlier claim with that CLM01 was read; nothing is loaded"));
            }
            ClaimHistory.Fate fate = history.fate(id, position, frequency);
            mapper.claimRead(c);
            List<ClaimLineCells> lines = new ArrayList<>(c.lines.size());
            for (ServiceLine837 l : c.lines) {
                lines.add(mapper.cells(c, l, matcher.paid(new RemittanceMatcher.LineKey(position, l.ordinal))));
            }
            caller.accept(() -> {
                for (ClaimLineCells cells : lines) {
                    rows[0]++;
                    ClaimLine line = validator.validate(cells, fate == ClaimHistory.Fate.LOADED, rejected);
                    if (line == null) {
                        rows[2]++;
                    } else {
                        rows[1]++;
                        switch (fate) {
                            case LOADED -> loaded.accept(line);
                            case REPLACED -> rows[3]++;
                            case VOIDED -> rows[4]++;
                        }
                    }
                    if (rows[0] % PROGRESS_EVERY == 0) {
                        progress.rowsRead(name, rows[0]);
                    }
                }
            });
        }, sha), alongside, "nmaudit-read-x12").kinds();
        mapper.sourceSummary().forEach(s -> warnings.add(name, "sources of " + s, s));
        String transactions = kinds.isEmpty() ? "none" : kinds.stream().sorted().map(TransactionKind::label)
                .collect(Collectors.joining("+"));
        return new FileSummary(name, true, Sha256.hex(sha), rows[0], rows[1], rows[2],
                new FileSummary.X12Counts(transactions, rows[3], rows[4], 0, 0));
    }

    /**
     * Reads a file on the scanner, checking its envelope on the way; true when StAEDI would have read the same
     * segments and found nothing to report.
     */
    private static boolean scanChecked(String name, InputStream in, SegmentHandler handler)
            throws X12Exception, IOException {
        EnvelopeCheck envelope = new EnvelopeCheck(handler);
        boolean plain = SegmentScanner.read(name, in, envelope);
        return plain && envelope.passed();
    }

    private static X12Exception mixed(String name) {
        return new X12Exception(name + " holds both 837 claims and 835 remittances; nmaudit reads each file as one"
                + " or the other, so put them in separate files");
    }

    private static InputException unreadable(X12Source source, IOException e) {
        return new InputException(source.name() + " cannot be read: " + e.getMessage(), e);
    }

}
