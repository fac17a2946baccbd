import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * clock starts. The loop is closed: CONCURRENCY threads each send a request and wait for its answer; WARMUP
 * requests (not measured) go first, then COUNT measured ones. Bounded in count, on the loopback address only.
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

        Map<String, List<Map<String, String>>> byPatient = linesByPatient(Path.of(args[1]));
        List<String> patients = new ArrayList<>(byPatient.keySet());
        Random random = new Random(seed);
        List<String> bodies = new ArrayList<>(warmup + count);
        for (int i = 0; i < warmup + count; i++) {
            String patient = patients.get(random.nextInt(patients.size()));
            bodies.add(body("LOAD-" + seed + "-" + i, byPatient.get(patient)));
        }

        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        run(client, scrub, bodies.subList(0, warmup), concurrency, null);
        Histogram histogram = new Histogram(TimeUnit.SECONDS.toNanos(60), 3);
        long started = System.nanoTime();
        Map<Integer, Long> statuses = run(client, scrub, bodies.subList(warmup, bodies.size()), concurrency, histogram);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(Locale.ROOT, "concurrency %d: %d requests (1 claim of up to %d lines each) in %.2f s:"
                + " p50 %.2f ms, p99 %.2f ms, max %.2f ms, %.0f claims/s; statuses %s%n", concurrency, count,
                LINES_PER_CLAIM, seconds, histogram.getValueAtPercentile(50) / 1e6,
                histogram.getValueAtPercentile(99) / 1e6, histogram.getMaxValue() / 1e6, count / seconds, statuses);
        if (statuses.keySet().stream().anyMatch(s -> s != 200)) {
            System.exit(1);
        }
    }

    /** Sends the bodies, {@code concurrency} at a time, recording each latency when a histogram is given. */
    private static Map<Integer, Long> run(HttpClient client, URI scrub, List<String> bodies, int concurrency,
            Histogram histogram) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, AtomicLong> statuses = new java.util.concurrent.ConcurrentHashMap<>();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < bodies.size(); i = next.getAndIncrement()) {
                    HttpRequest request = HttpRequest.newBuilder(scrub).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    long start = System.nanoTime();
                    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
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

    /** The claim lines of the data set by patient (claims.csv as the generator writes it). */
    private static Map<String, List<Map<String, String>>> linesByPatient(Path claims) throws IOException {
        Map<String, List<Map<String, String>>> byPatient = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(claims, StandardCharsets.UTF_8)) {
            List<String> header = fields(in.readLine());
            for (String row = in.readLine(); row != null; row = in.readLine()) {
                List<String> cells = fields(row);
                Map<String, String> line = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < cells.size(); i++) {
                    line.put(header.get(i), cells.get(i));
                }
                byPatient.computeIfAbsent(line.get("patient_id"), p -> new ArrayList<>()).add(line);
            }
        }
        return byPatient;
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
