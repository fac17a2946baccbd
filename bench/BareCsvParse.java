import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The yardstick of bench/audit.sh: a bare commons-csv parse of claims.csv in a fresh JVM (every record,
 * every field touched, nothing validated or kept), what reading the file costs at the least.
 * Run with the nmaudit jar on the class path: java -cp core/target/nmaudit.jar bench/BareCsvParse.java FILE
 */
public final class BareCsvParse {
    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        long records = 0;
        long chars = 0;
        try (Reader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                CSVParser parser = CSVFormat.RFC4180.parse(in)) {
            for (CSVRecord r : parser) {
                records++;
                for (String field : r) {
                    chars += field.length();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("bare parse: %d records, %d characters in %.2f s (%.0f records/s)%n", records, chars, seconds,
                records / seconds);
    }
}
