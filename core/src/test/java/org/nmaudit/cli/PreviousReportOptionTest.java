package org.nmaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.nmaudit.input.DataFolder.claim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataFolder;
import org.nmaudit.testing.CliRun;

/** {@code nmaudit audit --previous REPORT_DIR}: last month's report folder, compared in report.html. */
class PreviousReportOptionTest {
    @TempDir
    Path tmp;

    private static String implant(String claimId, String patient, String date) {
        return claim(claimId, "1").set("patient_id", patient).set("cpt_code", "63685").set("service_date", date)
                .set("place_of_service", "24").set("billed_amount", "29617.00").toString();
    }

    @Test
    void aFolderThatIsNoReportIsAUsageErrorBeforeAnythingIsAudited() {
        DataFolder.in(tmp.resolve("data")).claims(implant("I1", "P1", "2025-02-20"));
        CliRun run = CliRun.of("audit", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString(),
                "--previous", tmp.resolve("no-such-report").toString());
        assertEquals(2, run.exitCode(), run::toString);
        assertTrue(run.err().contains("--previous"), run.err());
        assertTrue(run.err().contains("report folder " + tmp.resolve("no-such-report") + " does not exist"), run.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing written");
    }

    @Test
    void reportHtmlSaysWhatIsNewAndWhatIsGoneSinceThePreviousReport() throws IOException {
        DataFolder.in(tmp.resolve("november")).claims(implant("I1", "P1", "2025-02-20"), implant("I2", "P2", "2025-02-21"));
        CliRun before = CliRun.of("audit", tmp.resolve("november").toString(), "--out", tmp.resolve("r1").toString());
        assertEquals(0, before.exitCode(), before::toString);

        DataFolder.in(tmp.resolve("december")).claims(implant("I1", "P1", "2025-02-20"), implant("I3", "P3", "2025-02-21"),
                implant("I4", "P4", "2025-02-21"));
        CliRun after = CliRun.of("audit", tmp.resolve("december").toString(), "--out", tmp.resolve("r2").toString(),
                "--previous", tmp.resolve("r1").toString());
        assertEquals(0, after.exitCode(), after::toString);
        String html = Files.readString(tmp.resolve("r2").resolve("report.html"));
        assertTrue(html.contains("<section id=\"changes\""), "the comparison section");
        assertTrue(html.contains("Compared with the report in " + tmp.resolve("r1") + ", as of 2025-02-21 (2 findings):"
                + " 2 new ($59,234.00 at risk on lines), 1 no longer found ($29,617.00), 0 with another severity or"
                + " message, 1 unchanged. Findings are matched by finding_id, as nmaudit diff matches them."), html);
        assertTrue(html.contains("<h3 id=\"new-findings\">"));
        assertTrue(html.contains("<h3 id=\"gone-findings\">"));
    }

    @Test
    void thePreviousReportMayBeTheFolderThisAuditReplaces() throws IOException {
        DataFolder.in(tmp.resolve("data")).claims(implant("I1", "P1", "2025-02-20"), implant("I2", "P2", "2025-02-21"));
        Path folder = tmp.resolve("2025-02");
        assertEquals(0, CliRun.of("audit", tmp.resolve("data").toString(), "--out", folder.toString()).exitCode());
        DataFolder.in(tmp.resolve("data")).claims(implant("I1", "P1", "2025-02-20"));
        CliRun rerun = CliRun.of("audit", tmp.resolve("data").toString(), "--out", folder.toString(), "--previous",
                folder.toString());
        assertEquals(0, rerun.exitCode(), rerun::toString);
        String html = Files.readString(folder.resolve("report.html"));
        assertTrue(html.contains("(2 findings): 0 new ($0.00 at risk on lines), 1 no longer found ($29,617.00), 0 with"
                + " another severity or message, 1 unchanged."), "compared with the run it replaced");
    }
}
