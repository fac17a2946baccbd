package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieSession;
import org.nmaudit.facts.AsOf;
import org.nmaudit.facts.Parameter;
import org.nmaudit.facts.PatientFact;
import org.nmaudit.facts.ProviderRatio;
import org.nmaudit.findings.Finding;
import org.nmaudit.findings.FindingSet;
import org.nmaudit.findings.FindingSorter;
import org.nmaudit.findings.Findings;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;
import org.nmaudit.testing.CliRun;

/**
 * The patient-partitioned engine finds exactly what one session holding every fact finds: the same
 * findings (every field, evidence included, in report order) and the same provider ratios, on generated
 * practices of several seeds, whatever the number of partitions, batches, workers and spilled runs.
 */
class PartitionedAuditEquivalenceTest {
    @TempDir
    Path tmp;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void partitionsBatchesAndThreadsChangeNothing(long seed) throws Exception {
        Path data = tmp.resolve("data");
        CliRun generated = CliRun.of("generate", "--patients", "700", "--months", "14", "--start", "2024-06-01",
                "--seed", Long.toString(seed), "--out", data.toString());
        assertEquals(0, generated.exitCode(), generated::toString);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        ParameterSet parameters = folder.parameters();
        RuleBase rules = RuleCompiler.compile(folder);
        DataSet set = new DataSetReader(ReadProgress.SILENT).read(data);
        ReferenceData reference = new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference"));
        LocalDate asOf = set.latestServiceDate().orElseThrow();

        WholeSession oracle = WholeSession.run(folder, rules, parameters, asOf, set.factsWith(reference));
        assertTrue(oracle.findings.size() > 100, "the generated practice raises findings: " + oracle.findings.size());
        assertTrue(oracle.findings.countByRule().size() >= 15, "most rules fire: " + oracle.findings.countByRule());
        assertTrue(!oracle.ratios.isEmpty());

        SharedFacts shared = SharedFacts.of(parameters, asOf, reference.facts());
        // partitions, workers, facts a batch, findings in memory, partitions held in memory (1) or in files (0),
        // sessions reused (1, as the audit does: a pooled engine resets a session for the next batch) or new (0)
        int[][] settings = {{1, 1, 2000, 1_000_000, 0, 0}, {7, 3, 37, 50, 0, 1}, {3, 2, 1, 7, 0, 1},
            {3, 2, 2000, 50, 1, 1}, {7, 1, 37, 1_000_000, 1, 0}};
        for (int[] s : settings) {
            int partitionCount = s[0];
            int threads = s[1];
            int factsPerBatch = s[2];
            int inMemory = s[3];
            boolean partitionsInMemory = s[4] == 1;
            boolean pooled = s[5] == 1;
            Path scratch = tmp.resolve("scratch-" + partitionCount + "-" + threads + "-" + s[4]);
            try (PatientPartitions partitions = partitionsInMemory ? PatientPartitions.inMemory(partitionCount)
                    : PatientPartitions.create(scratch.resolve("p"), partitionCount);
                    FindingSorter sorter = new FindingSorter(scratch.resolve("f"), inMemory)) {
                for (PatientFact f : set.patientFacts()) {
                    partitions.add(f);
                }
                partitions.finishWriting();
                ProviderPassResult providers = new PartitionedAudit(
                        pooled ? RuleEngine.pooled(rules) : new RuleEngine(rules), threads, factsPerBatch,
                        PartitionedAudit.Progress.SILENT).run(shared, partitions, sorter);
                Findings findings = sorter.finish();
                String setting = partitionCount + " partitions, " + threads + " workers, " + factsPerBatch
                        + " facts a batch, " + inMemory + " findings in memory, partitions "
                        + (partitionsInMemory ? "in memory" : "in files") + (pooled ? ", sessions reused" : "");
                assertEquals(oracle.findings.all(), list(findings), setting);
                assertEquals(oracle.findings.countByRule(), findings.countByRule(), setting);
                assertEquals(oracle.findings.countBySeverity(), findings.countBySeverity(), setting);
                assertEquals(oracle.ratios, providers.ratios(), setting);
                // iterable twice, as the report writers read it
                assertEquals(oracle.findings.all(), list(findings), setting + ", second reading");
            }
        }
    }

    private static List<Finding> list(Findings findings) {
        List<Finding> out = new ArrayList<>();
        findings.forEach(out::add);
        return out;
    }

    /**
     * The folder compiled straight through the Drools API, every rule in one base (the audit's own bases are
     * split by pass).
     */
    private static KieBase everyRule(RuleFolder folder) {
        KieServices ks = KieServices.Factory.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        ReleaseId id = ks.newReleaseId("org.nmaudit.test", "whole-session-" + System.nanoTime(), "1.0.0");
        kfs.generateAndWritePomXML(id);
        for (RuleFile f : folder.drlFiles()) {
            kfs.write("src/main/resources/rules/" + f.name(), f.text());
        }
        assertEquals(List.of(), ks.newKieBuilder(kfs).buildAll().getResults().getMessages(Message.Level.ERROR));
        return ks.newKieContainer(id).getKieBase();
    }

    /** Today's engine before the passes: one session, every fact, every rule, no agenda filter. */
    private record WholeSession(FindingSet findings, List<ProviderRatio> ratios) {
        static WholeSession run(RuleFolder folder, RuleBase rules, ParameterSet parameters, LocalDate asOf,
                Iterable<Object> facts) {
            KieSession session = everyRule(folder).newKieSession();
            try {
                session.setGlobal(RuleCompiler.FLAG_GLOBAL, rules.flag());
                for (Parameter p : parameters.facts()) {
                    session.insert(p);
                }
                session.insert(new AsOf(asOf));
                for (Object f : facts) {
                    session.insert(f);
                }
                session.fireAllRules();
                List<Finding> raised = new ArrayList<>();
                session.getObjects(new ClassObjectFilter(Finding.class)).forEach(o -> raised.add((Finding) o));
                List<ProviderRatio> ratios = new ArrayList<>();
                session.getObjects(new ClassObjectFilter(ProviderRatio.class)).forEach(o -> ratios.add((ProviderRatio) o));
                ratios.sort(Comparator.comparing(ProviderRatio::getNpi));
                return new WholeSession(FindingSet.of(raised), ratios);
            } finally {
                session.dispose();
            }
        }
    }

}
