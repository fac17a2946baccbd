package org.nmaudit.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.input.InputFolder;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.DataSetSummary;
import org.nmaudit.input.InputException;
import org.nmaudit.input.InputSink;
import org.nmaudit.input.Reject;

/** The CLI's reader over Hadoop's file system reads what it reads from the local folder, row for row. */
class HadoopInputFolderTest {

    @Test
    void readsTheSampleAsTheLocalFolderDoes() throws Exception {
        Collect local = new Collect();
        Collect hadoop = new Collect();
        DataSetSummary expected = new DataSetReader((f, n) -> { }).read(InputFolder.local(Path.of("data/sample")),
                local);
        DataSetSummary actual = new DataSetReader((f, n) -> { }).read(new HadoopInputFolder(
                Path.of("data/sample").toAbsolutePath().toUri().toString(), new Configuration()), hadoop);

        assertEquals(expected.files(), actual.files()); // counts and SHA-256 of every file
        assertEquals(expected.latestServiceDate(), actual.latestServiceDate());
        assertEquals(local.rejects, hadoop.rejects);
        assertEquals(local.facts.size(), hadoop.facts.size());
        for (int i = 0; i < local.facts.size(); i++) {
            assertEquals(local.facts.get(i).evidence(), hadoop.facts.get(i).evidence());
        }
    }

    @Test
    void aMissingClaimsFileIsTheClisMessage(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("claims-2025.csv"), "claim_id\n");
        String folder = empty.toUri().toString();
        InputException e = assertThrows(InputException.class, () -> new DataSetReader((f, n) -> { })
                .read(new HadoopInputFolder(folder, new Configuration()), new Collect()));
        assertEquals("claims.csv not found in " + folder + " (it is the one required file of a data set)",
                e.getMessage());
    }

    private static final class Collect implements InputSink {
        final List<PatientFact> facts = new ArrayList<>();
        final List<Reject> rejects = new ArrayList<>();

        @Override
        public void loaded(PatientFact fact) {
            facts.add(fact);
        }

        @Override
        public void rejected(Reject reject) {
            rejects.add(reject);
        }
    }
}
