package org.nmaudit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.ObjectInputFilter;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nmaudit.input.DataSet;
import org.nmaudit.input.DataSetReader;
import org.nmaudit.input.ReadProgress;
import org.nmaudit.input.ReferenceData;
import org.nmaudit.input.ReferenceReader;

/**
 * Compiled rules saved by one run and read back by the next give the very findings and ratios of rules compiled
 * from the DRL (the sample practice, every rule and a selection); an edited folder, a damaged entry, an entry
 * others may write and one holding foreign classes are compiled instead.
 */
class CompiledRuleCacheTest {
    private static DataSet sample;
    private static ReferenceData reference;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readSample() throws Exception {
        sample = new DataSetReader(ReadProgress.SILENT).read(Path.of("data", "sample"));
        reference = new ReferenceReader(ReadProgress.SILENT).read(Path.of("data", "reference"));
    }

    @Test
    void rulesReadBackFindExactlyWhatCompiledRulesFind() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        RuleBase compiled = RuleCompiler.build(folder, RuleSelection.ALL, cache);
        assertFalse(compiled.fromCache());
        assertEquals(List.of(cache.entry(CompiledRuleCache.keyOf(folder)).getFileName().toString()), entries(cache));

        RuleBase cached = RuleCompiler.build(folder, RuleSelection.ALL, cache);
        assertTrue(cached.fromCache(), "the second build reads the saved rules");
        assertEquals(compiled.findingRules(), cached.findingRules(), "the same rules, ids, files and lines");
        assertEquals(compiled.passes().carriedTypes(), cached.passes().carriedTypes());
        EngineResult expected = run(folder, compiled);
        assertTrue(expected.findings().all().size() > 100, "the sample raises findings");
        EngineResult actual = run(folder, cached);
        assertEquals(expected.findings().all(), actual.findings().all());
        assertEquals(expected.ratios(), actual.ratios());
        assertEquals(1, entries(cache).size(), "a read adds no entry");
        assertEquals(compiled.outline().carried(), cached.outline().carried());
        assertEquals(compiled.outline().imports(), cached.outline().imports());
        for (var rule : compiled.rules()) {
            assertEquals(compiled.outline().patternsOf(rule.qualifiedName()),
                    cached.outline().patternsOf(rule.qualifiedName()), rule.name());
        }
    }

    @Test
    void theSameFilesInAnotherFolderAreReadBackWithThatFoldersPaths() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp.resolve("cache"));
        RuleCompiler.build(RuleFolder.load(Path.of("rules")), RuleSelection.ALL, cache);
        RuleFolder copy = RuleFolder.load(copyOfTheRules());
        RuleBase compiled = RuleCompiler.build(copy, RuleSelection.ALL, null);
        RuleBase cached = RuleCompiler.build(copy, RuleSelection.ALL, cache);
        assertTrue(cached.fromCache(), "the key is the files' content, not where they are");
        assertEquals(compiled.findingRules(), cached.findingRules());
        assertEquals(compiled.outline().carried(), cached.outline().carried());
        assertTrue(cached.outline().carried().get(0).file().startsWith(copy.displayPath() + "/"),
                cached.outline().carried().toString());
        for (var rule : compiled.rules()) {
            assertEquals(compiled.outline().patternsOf(rule.qualifiedName()),
                    cached.outline().patternsOf(rule.qualifiedName()), rule.name());
        }
    }

    @Test
    void aSelectionIsTakenFromTheSameEntry() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        RuleSelection selection = RuleSelection.of(List.of("NM-RATIO,NM-PROG-FREQ"), List.of());
        RuleBase compiled = RuleCompiler.build(folder, selection, null);
        RuleCompiler.build(folder, RuleSelection.ALL, cache);
        RuleBase cached = RuleCompiler.build(folder, selection, cache);
        assertTrue(cached.fromCache());
        EngineResult expected = run(folder, compiled);
        EngineResult actual = run(folder, cached);
        assertEquals(Set.of("NM-RATIO", "NM-PROG-FREQ"), actual.findings().countByRule().keySet());
        assertEquals(expected.findings().all(), actual.findings().all());
        assertEquals(expected.ratios(), actual.ratios());
    }

    @Test
    void anEditedRuleIsCompiledAgain() throws Exception {
        Path rules = copyOfTheRules();
        CompiledRuleCache cache = CompiledRuleCache.in(tmp.resolve("cache"));
        RuleFolder before = RuleFolder.load(rules);
        RuleCompiler.build(before, RuleSelection.ALL, cache);
        Path coding = rules.resolve("coding.drl");
        Files.writeString(coding, Files.readString(coding) + "\n// an auditor's note\n");
        RuleFolder after = RuleFolder.load(rules);
        assertNotEquals(CompiledRuleCache.keyOf(before), CompiledRuleCache.keyOf(after));
        assertFalse(RuleCompiler.build(after, RuleSelection.ALL, cache).fromCache());
        assertEquals(2, entries(cache).size());
        assertTrue(RuleCompiler.build(after, RuleSelection.ALL, cache).fromCache());
    }

    @Test
    void rulesAllowedUnsafeCodeAreAlwaysCompiled() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder unsafe = RuleFolder.load(Path.of("rules")).withUnsafeCodeAllowed(true);
        assertNull(CompiledRuleCache.keyOf(unsafe));
        assertFalse(RuleCompiler.build(unsafe, RuleSelection.ALL, cache).fromCache());
        assertFalse(RuleCompiler.build(unsafe, RuleSelection.ALL, cache).fromCache(),
                "their code may act while compiled (metadata), which rules read back would not do");
        assertFalse(Files.exists(cache.folder()), "nothing saved");
    }

    @Test
    void aDamagedEntryIsCompiledAgainAndReplaced() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        Path entry = savedEntry(cache, folder);
        byte[] bytes = Files.readAllBytes(entry);
        Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        RuleBase again = RuleCompiler.build(folder, RuleSelection.ALL, cache);
        assertFalse(again.fromCache(), "a cut-off entry is not used");
        assertEquals(bytes.length, Files.size(entry), "the compile saved a whole entry again");
        assertTrue(RuleCompiler.build(folder, RuleSelection.ALL, cache).fromCache());
    }

    @Test
    void anEntryOthersMayWriteIsNotRead() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        Path entry = savedEntry(cache, folder);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(entry)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(cache.folder())));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(cache.read(CompiledRuleCache.keyOf(folder)));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));
        assertTrue(cache.read(CompiledRuleCache.keyOf(folder)) != null);
    }

    @Test
    void anEntryHoldingOtherClassesIsNotRead() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        Files.createDirectories(cache.folder());
        List<Object> foreign = new ArrayList<>(List.of(new picocli.CommandLine.PicocliException("not a rule")));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(foreign);
        }
        Path entry = cache.entry(CompiledRuleCache.keyOf(folder));
        Files.write(entry, bytes.toByteArray());
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-------"));
        assertNull(cache.read(CompiledRuleCache.keyOf(folder)), "the stream filter refuses a class outside the rule base's");
        assertFalse(RuleCompiler.build(folder, RuleSelection.ALL, cache).fromCache());
    }

    @Test
    void theStreamFilterAcceptsOnlyTheClassesOfARuleBase() {
        assertEquals(ObjectInputFilter.Status.ALLOWED,
                CompiledRuleCache.allowed(org.drools.base.definitions.impl.KnowledgePackageImpl.class));
        assertEquals(ObjectInputFilter.Status.ALLOWED, CompiledRuleCache.allowed(org.mvel2.ParserContext.class));
        assertEquals(ObjectInputFilter.Status.ALLOWED, CompiledRuleCache.allowed(java.util.HashMap.class));
        assertEquals(ObjectInputFilter.Status.ALLOWED, CompiledRuleCache.allowed(org.nmaudit.facts.ClaimLine[].class));
        assertEquals(ObjectInputFilter.Status.REJECTED,
                CompiledRuleCache.allowed(picocli.CommandLine.PicocliException.class));
        assertEquals(ObjectInputFilter.Status.REJECTED,
                CompiledRuleCache.allowed(com.fasterxml.jackson.databind.node.TextNode[][].class));
        assertEquals(ObjectInputFilter.Status.UNDECIDED, CompiledRuleCache.allowed(int[].class));
        assertEquals(ObjectInputFilter.Status.UNDECIDED, CompiledRuleCache.allowed(null));
    }

    @Test
    void theEntriesUsedLastAreKept() throws Exception {
        CompiledRuleCache cache = CompiledRuleCache.in(tmp);
        Files.createDirectories(cache.folder());
        int total = CompiledRuleCache.MAX_ENTRIES + 2;
        for (int i = 0; i < total; i++) {
            Path p = Files.writeString(cache.folder().resolve("entry" + i + ".rules"), "x");
            Files.setLastModifiedTime(p, FileTime.fromMillis(1_000_000L * (i + 1)));
        }
        Files.writeString(cache.folder().resolve("notes.txt"), "not an entry");
        Path abandoned = Files.writeString(cache.folder().resolve("abc123.rules-tmp"), "half");
        Files.setLastModifiedTime(abandoned, FileTime.fromMillis(System.currentTimeMillis()
                - CompiledRuleCache.ABANDONED_AFTER.toMillis() - 60_000));
        Path beingWritten = Files.writeString(cache.folder().resolve("def456.rules-tmp"), "half");
        cache.evictBeyond(CompiledRuleCache.MAX_ENTRIES);
        assertFalse(Files.exists(abandoned), "what a killed run left half-written goes");
        assertTrue(Files.exists(beingWritten), "a young temporary file may be another run's entry being written");
        List<String> left = entries(cache);
        assertEquals(CompiledRuleCache.MAX_ENTRIES, left.size());
        assertFalse(left.contains("entry0.rules"));
        assertFalse(left.contains("entry1.rules"));
        assertTrue(left.contains("entry2.rules"));
        assertTrue(Files.exists(cache.folder().resolve("notes.txt")), "only entries are removed");
    }

    @Test
    void aCacheThatCannotBeWrittenOnlyCostsACompile() throws Exception {
        Path notAFolder = Files.writeString(tmp.resolve("cache"), "a file where the cache folder would be");
        CompiledRuleCache cache = CompiledRuleCache.in(notAFolder);
        RuleFolder folder = RuleFolder.load(Path.of("rules"));
        assertFalse(RuleCompiler.build(folder, RuleSelection.ALL, cache).fromCache());
        RuleBase again = RuleCompiler.build(folder, RuleSelection.ALL, cache);
        assertFalse(again.fromCache());
        assertEquals(run(folder, RuleCompiler.build(folder, RuleSelection.ALL, null)).findings().all(),
                run(folder, again).findings().all());
    }

    @Test
    void theFolderComesFromTheSettingsInOrder() {
        assertEquals(Path.of("/p/rules"), CompiledRuleCache.configured("/p", "/v", "/x", "/h").folder());
        assertEquals(Path.of("/v/rules"), CompiledRuleCache.configured(null, "/v", "/x", "/h").folder());
        assertEquals(Path.of("/v/rules"), CompiledRuleCache.configured(" ", "/v", "/x", "/h").folder());
        assertEquals(Path.of("/x/nmaudit/rules"), CompiledRuleCache.configured(null, null, "/x", "/h").folder());
        assertEquals(Path.of("/h/.cache/nmaudit/rules"), CompiledRuleCache.configured(null, null, "", "/h").folder());
        assertNull(CompiledRuleCache.configured("off", "/v", "/x", "/h"));
        assertNull(CompiledRuleCache.configured(null, "OFF", "/x", "/h"));
        assertNull(CompiledRuleCache.configured(null, null, null, null));
    }

    private static EngineResult run(RuleFolder folder, RuleBase rules) throws Exception {
        LocalDate asOf = sample.latestServiceDate().orElseThrow();
        return new RuleEngine(rules).run(folder.parameters(), asOf, sample.factsWith(reference));
    }

    /** Compiles the folder into the cache; the file of its entry. */
    private static Path savedEntry(CompiledRuleCache cache, RuleFolder folder) throws Exception {
        RuleCompiler.build(folder, RuleSelection.ALL, cache);
        return cache.entry(CompiledRuleCache.keyOf(folder));
    }

    private Path copyOfTheRules() throws Exception {
        Path copy = tmp.resolve("rules");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(Path.of("rules"))) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        return copy;
    }

    private static List<String> entries(CompiledRuleCache cache) throws Exception {
        try (Stream<Path> files = Files.list(cache.folder())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".rules")).sorted().toList();
        }
    }
}
