import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Load client of bench/scrub-load.sh: sends single-claim scrub requests (POST /v1/scrub, one claim of 5 lines)
 * to a running nmaudit serve and prints the latency percentiles (HdrHistogram) and the claims per second.
 *
 * <pre>java -cp HdrHistogram.jar bench/ScrubLoadClient.java URL CLAIMS_CSV CONCURRENCY COUNT WARMUP [SEED]</pre>
 *
 * Each request is a new claim (LOAD-n) for a patient drawn from the store's data set (CLAIMS_CSV, the data the
 * store was imported from), made of up to 5 of that patient's own lines billed again on a later date, so every
 * request reads a real patient's history and the rules have real work. The requests are built before the
 * clock starts. The loop is closed: CONCURRENCY threads, each on a keep-alive connection of its own, send a
 * request and wait for its answer; WARMUP requests (not measured) go first, then COUNT measured ones. Bounded
 * in count, on the loopback address only.
 */
public final class ScrubLoadClient {
    private static final int LINES_PER_CLAIM = 5;
    private static final String SERVICE_DATE = "2026-01-20";

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: ScrubLoadClient URL CLAIMS_CSV CONCURRENCY COUNT WARMUP [SEED]");
            System.exit(2);
        }
        URI scrub = URI.create(args[0] + "/v1/scrub");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(scrub.getHost())) {
            throw new IllegalArgumentException("only a server on this machine's loopback address is a target");
        }
        int concurrency = Integer.parseInt(args[2]);
        int count = Integer.parseInt(args[3]);
        int warmup = Integer.parseInt(args[4]);
        long seed = args.length > 5 ? Long.parseLong(args[5]) : 20251;

        List<String> bodies = requests(Path.of(args[1]), warmup + count, seed);
        // The data set the requests were cut from is garbage now: collected here, before the clock starts, so
        // the client's own collector does not take the server's CPU or pause the client during the run.
        System.gc();

        run(scrub, bodies.subList(0, warmup), concurrency, null);
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long started = System.nanoTime();
        Map<Integer, Long> statuses = run(scrub, bodies.subList(warmup, bodies.size()), concurrency, histogram);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "concurrency %d: %d requests (1 claim of up to %d lines each) in %.2f s:"
                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f claims/s; statuses %s%n", concurrency, count,
                LINES_PER_CLAIM, seconds, histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6, count / seconds, statuses);
        if (statuses.keySet().stream().anyMatch(s -> s != 200)) {
            System.exit(1);
        }
    }

    /**
     * The request bodies: {@code n} claims, each for a patient drawn at random from the data set. In a method of
     * its own so that the lines read are unreachable once it returns.
     */
    private static List<String> requests(Path claims, int n, long seed) throws IOException {
        DataSet byPatient = linesByPatient(claims);
        List<String> patients = byPatient.patients();
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String patient = patients.get(random.nextInt(patients.size()));
            bodies.add(body("LOAD-" + seed + "-" + i, byPatient.lines(patient)));
        }
        return bodies;
    }

    /** Sends the bodies, {@code concurrency} at a time, recording each latency when a histogram is given. */
    private static Map<Integer, Long> run(URI scrub, List<String> bodies, int concurrency,
            Histogram histogram) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                try (KeepAliveConnection connection = new KeepAliveConnection(scrub)) {
                    for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                        long start = System.nanoTime();
                        Answer response = connection.post(bodies.get(i));
                        long took = System.nanoTime() - start;
                        if (histogram != null) {
                            synchronized (histogram) {
                                histogram.recordValue(Math.min(took, histogram.getHighestTrackableValue()));
                            }
                        }
                        statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                        if (response.statusCode() != 200 && statuses.get(response.statusCode()).get() == 1) {
                            System.err.println("HTTP " + response.statusCode() + ": " + response.body());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        Map<Integer, Long> counts = new java.util.TreeMap<>();
        statuses.forEach((s, n) -> counts.put(s, n.get()));
        return counts;
    }

    /** A response: its status and its body. */
    private record Answer(int statusCode, String body) {
    }

    /**
     * One simulated billing system's connection: an HTTP/1.1 keep-alive connection on which requests are sent one
     * after the other, as a load generator such as wrk sends them. Not the JDK's HttpClient: its asynchronous
     * machinery took 0.5 to 0.66 ms of CPU per request, HttpURLConnection 0.41 ms, this 0.18 ms, on the two cores
     * the server needs, so the client's own work was a third of what was measured. Reads a response framed by
     * Content-Length or chunked, and opens a new connection when the server closed the last one.
     */
    private static final class KeepAliveConnection implements AutoCloseable {
        private final URI uri;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        KeepAliveConnection(URI uri) {
            this.uri = uri;
        }

        Answer post(String body) throws IOException {
            if (socket == null) {
                socket = new Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(60_000);
                in = new BufferedInputStream(socket.getInputStream(), 65_536);
                out = new BufferedOutputStream(socket.getOutputStream(), 65_536);
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            int status = Integer.parseInt(line().substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
            int length = 0;
            boolean chunked = false;
            boolean closes = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String h = header.toLowerCase(Locale.ROOT);
                if (h.startsWith("content-length:")) {
                    length = Integer.parseInt(h.substring("content-length:".length()).trim());
                } else if (h.startsWith("transfer-encoding:") && h.contains("chunked")) {
                    chunked = true;
                } else if (h.startsWith("connection:") && h.contains("close")) {
                    closes = true;
                }
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (chunked) {
                for (int n = Integer.parseInt(line().trim(), 16); n > 0; n = Integer.parseInt(line().trim(), 16)) {
                    answer.write(in.readNBytes(n));
                    line();
                }
                while (!line().isEmpty()) {
                    // trailer fields, none expected
                }
            } else {
                answer.write(in.readNBytes(length));
            }
            if (closes) {
                close();
            }
            return new Answer(status, answer.toString(StandardCharsets.UTF_8));
        }

        /** One header line, without its CRLF. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("the server closed the connection in the middle of a response");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    /** A request of one claim: up to 5 of the patient's lines, billed again as claim {@code claimId}. */
    private static String body(String claimId, List<Map<String, String>> lines) {
        StringBuilder json = new StringBuilder("{\"claims\": [{\"lines\": [");
        for (int i = 0; i < Math.min(LINES_PER_CLAIM, lines.size()); i++) {
            Map<String, String> line = new LinkedHashMap<>(lines.get(i));
            line.put("claim_id", claimId);
            line.put("line_number", Integer.toString(i + 1));
            line.put("service_date", SERVICE_DATE);
            line.remove("paid_amount");
            json.append(i == 0 ? "" : ", ").append('{');
            boolean first = true;
            for (Map.Entry<String, String> cell : line.entrySet()) {
                json.append(first ? "" : ", ").append(quoted(cell.getKey())).append(": ").append(quoted(cell.getValue()));
                first = false;
            }
            json.append('}');
        }
        return json.append("]}]}").toString();
    }

    private static String quoted(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c < 0x20 ? ' ' : c);
        }
        return out.append('"').toString();
    }

    /**
     * The first lines of each patient in the data set (claims.csv as the generator writes it), patients in the
     * order of the file. A request takes a patient's first lines only, so no more are kept, and they are kept as
     * the text of their row: 1.3M lines held as maps filled most of a default heap, and the client's collector
     * then took CPU from the server while it was measured.
     */
    private static DataSet linesByPatient(Path claims) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(claims, StandardCharsets.UTF_8)) {
            List<String> header = fields(in.readLine());
            int patientColumn = header.indexOf("patient_id");
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                List<String> kept = rows.computeIfAbsent(fields(row).get(patientColumn), p -> new ArrayList<>());
                if (kept.size() < LINES_PER_CLAIM) {
                    kept.add(row);
                }
            }
            return new DataSet(header, rows);
        }
    }

    /** Each patient's first rows, as CSV text under {@code header}. */
    private record DataSet(List<String> header, Map<String, List<String>> rows) {
        /** The patients in a hash map's order: the order the requests were drawn from before, so they are the same. */
        List<String> patients() {
            return new ArrayList<>(new HashMap<>(rows).keySet());
        }

        /** The patient's first rows as maps of column to value. */
        List<Map<String, String>> lines(String patient) {
            List<Map<String, String>> lines = new ArrayList<>();
            for (String row : rows.get(patient)) {
                List<String> cells = fields(row);
                Map<String, String> line = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    line.put(header.get(i), cells.get(i));
                }
                lines.add(line);
            }
            return lines;
        }
    }

    /** One CSV record on one line: fields split at commas outside double quotes, quotes undone. */
    private static List<String> fields(String row) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
