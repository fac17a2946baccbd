package org.nmaudit.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.type.FactType;
import org.nmaudit.input.Sha256;

/**
 * Compiled rules kept on disk between runs, by the content of the rules folder. Compiling the 19 rules (parsing
 * the DRL, generating and loading the classes of every condition and consequence, and the JIT compiling the
 * compiler) took about 2.4 s on two threads, which every run paid again for the same files: on a practice's
 * monthly data, a fifth of the run's CPU. The compiled packages are saved after a successful compile, and a
 * later run with the very same DRL files, nmaudit build and Java reads them back instead (about 0.6 s, most of
 * it Drools building the network of the rules; README, "Benchmark").
 *
 * <p>An entry is found by a SHA-256 of everything the compiled form depends on: every DRL file's name and
 * content, the nmaudit build (its jar's path, size and time, so a rebuilt jar never reads an entry of the one
 * before), and the Java version. An edited rule is a different key: the
 * edit takes effect on the next run, as before. Anything unexpected while reading (a damaged or foreign
 * file, a class that changed) makes the run compile as if there were no entry. Rules run with
 * --allow-unsafe-rules are always compiled: their code may act while being compiled (Drools evaluates metadata).
 *
 * <p>Java deserialization of a file someone else could write would run their code, so an entry is read only
 * when it belongs to the user running nmaudit and nobody else may write it, the folder is created readable by
 * that user alone, and the stream accepts only the classes a compiled rule base is made of.
 *
 * <p>The folder: {@code NMAUDIT_CACHE_DIR} (the system property {@code nmaudit.cache.dir} first), else
 * {@code $XDG_CACHE_HOME/nmaudit}, else {@code ~/.cache/nmaudit}; the value {@code off} turns the cache off.
 * It keeps the {@value #MAX_ENTRIES} entries used last.
 */
final class CompiledRuleCache {
    static final String DIR_PROPERTY = "nmaudit.cache.dir";
    static final String DIR_VARIABLE = "NMAUDIT_CACHE_DIR";
    static final String OFF = "off";
    static final int MAX_ENTRIES = 32;
    private static final String SUFFIX = ".rules";
    private static final String TEMPORARY = ".rules-tmp";
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);
    /** Bumped whenever what is stored changes shape. */
    private static final String FORMAT = "nmaudit-compiled-rules-2";
    /** The classes a compiled rule base is made of; anything else in an entry stops reading it. */
    private static final List<String> ALLOWED_PACKAGES = List.of("java.", "org.drools.", "org.kie.", "org.mvel2.",
            "org.nmaudit.");

    private final Path folder;

    private CompiledRuleCache(Path folder) {
        this.folder = folder;
    }

    /** The cache this process uses, or null when it is turned off or has no home. */
    static CompiledRuleCache forThisProcess() {
        return configured(System.getProperty(DIR_PROPERTY), System.getenv(DIR_VARIABLE),
                System.getenv("XDG_CACHE_HOME"),
                System.getProperty("user.home"));
    }

    /** The cache the settings name, in the order of the class comment; null when off or nowhere to put it. */
    static CompiledRuleCache configured(String property, String variable, String xdgCacheHome, String home) {
        String chosen = property != null && !property.isBlank() ? property : variable;
        if (chosen != null && !chosen.isBlank()) {
            return OFF.equalsIgnoreCase(chosen.strip()) ? null : in(Path.of(chosen.strip()));
        }
        if (xdgCacheHome != null && !xdgCacheHome.isBlank()) {
            return in(Path.of(xdgCacheHome, "nmaudit"));
        }
        return home == null || home.isBlank() || "?".equals(home) ? null : in(Path.of(home, ".cache", "nmaudit"));
    }

    static CompiledRuleCache in(Path folder) {
        return new CompiledRuleCache(folder.resolve("rules"));
    }

    Path folder() {
        return folder;
    }

    /** The file of the entry saved under {@code key}. */
    Path entry(String key) {
        return folder.resolve(key + SUFFIX);
    }

    /**
     * The key of a rules folder's compiled form in this build of nmaudit, or null when nothing is cached: rules
     * run with --allow-unsafe-rules (their code may do things while being compiled, e.g. in metadata, which a
     * compiled form read back would not do again), or a build that cannot be told apart from another (its classes
     * are neither a jar nor a folder).
     */
    static String keyOf(RuleFolder rules) {
        String build = Build.IDENTITY;
        if (build == null || rules.unsafeCodeAllowed()) {
            return null;
        }
        return Sha256.hex(FORMAT + "|" + rules.contentKey() + "|" + build + "|"
                + System.getProperty("java.vm.version"));
    }

    /**
     * Whether a compiled rule base can be kept: not one that declares fact types of its own in DRL (their classes
     * are generated into the rule base's class loader); nmaudit's folder only annotates its Java fact classes.
     */
    static boolean holds(KieBase compiled) {
        for (KiePackage p : compiled.getKiePackages()) {
            for (FactType type : p.getFactTypes()) {
                Class<?> c = type.getFactClass();
                if (c == null || !isOursOrTheJdks(c.getClassLoader())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isOursOrTheJdks(ClassLoader loader) {
        if (loader == null) {
            return true;
        }
        for (ClassLoader l = CompiledRuleCache.class.getClassLoader(); l != null; l = l.getParent()) {
            if (l == loader) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an entry holds: the compiled packages, as a new rule base, and the outline of the DRL files they were
     * compiled from (Drools' parser reads it; a third of the time an entry saves on a small run).
     */
    record Entry(KieBase kieBase, DrlOutline outline) {
    }

    /**
     * The entry saved under {@code key}, or null when there is no usable one. Each call gives a rule base of its
     * own (the provider pass takes a second one).
     */
    Entry read(String key) {
        Path file = entry(key);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || !onlyOursToWrite(file)) {
                return null;
            }
            Object[] stored = storedIn(Files.readAllBytes(file));
            if (stored.length != 3 || !FORMAT.equals(stored[0]) || !(stored[1] instanceof Collection<?> packages)
                    || !(stored[2] instanceof DrlOutline outline)) {
                return null;
            }
            List<KiePackage> kiePackages = new ArrayList<>();
            for (Object p : packages) {
                kiePackages.add((KiePackage) p);
            }
            InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase();
            kieBase.addPackages(kiePackages);
            touch(file);
            return new Entry(kieBase, outline);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            return null; // compiled again, and the entry replaced
        }
    }

    /**
     * Saves a freshly compiled rule base's packages, before any rule is removed from it, with the outline of its
     * DRL files. Best effort: a cache that cannot be written costs the next run a compile, nothing else.
     */
    void write(String key, KieBase compiled, DrlOutline outline) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 19);
            try (ObjectOutputStream out = new DroolsObjectOutputStream(bytes)) {
                out.writeObject(new Object[] {FORMAT, new ArrayList<>(compiled.getKiePackages()), outline});
            }
            createPrivateFolder();
            Path temporary = Files.createTempFile(folder, key, TEMPORARY);
            try {
                Files.write(temporary, bytes.toByteArray());
                try {
                    Files.move(temporary, entry(key), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temporary, entry(key), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temporary);
            }
            evictBeyond(MAX_ENTRIES);
        } catch (IOException | RuntimeException e) {
            // not saved: the next run compiles
        }
    }

    private static Object[] storedIn(byte[] bytes) throws IOException, ClassNotFoundException {
        try (ObjectInputStream in = new DroolsObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(info -> allowed(info.serialClass()));
            return in.readObject() instanceof Object[] stored ? stored : new Object[0];
        }
    }

    /** What the stream filter says of a class met in an entry (null: no class, e.g. a depth check). */
    static ObjectInputFilter.Status allowed(Class<?> serialClass) {
        Class<?> type = serialClass;
        while (type != null && type.isArray()) {
            type = type.getComponentType();
        }
        if (type == null || type.isPrimitive()) {
            return ObjectInputFilter.Status.UNDECIDED;
        }
        String name = type.getName();
        for (String prefix : ALLOWED_PACKAGES) {
            if (name.startsWith(prefix)) {
                return ObjectInputFilter.Status.ALLOWED;
            }
        }
        return ObjectInputFilter.Status.REJECTED;
    }

    /** Owned by this user and writable by nobody else, where the file system says (POSIX). */
    private static boolean onlyOursToWrite(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return true;
        }
        String me = System.getProperty("user.name");
        if (me == null || !me.equals(Files.getOwner(file, LinkOption.NOFOLLOW_LINKS).getName())) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS);
        return !permissions.contains(PosixFilePermission.GROUP_WRITE)
                && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    }

    private void createPrivateFolder() throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        try {
            Files.createDirectories(folder,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            Files.createDirectories(folder);
        }
    }

    /** Marks an entry as used, so that eviction removes the ones used longest ago. */
    private static void touch(Path file) {
        try {
            Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        } catch (IOException e) {
            // only the eviction order suffers
        }
    }

    /**
     * Keeps the {@code kept} entries used last, and removes what a killed run left half-written (a temporary file
     * older than {@link #ABANDONED_AFTER}; a younger one may be another run's entry being written).
     */
    void evictBeyond(int kept) throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(folder)) {
            entries = files.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList();
        }
        long abandoned = System.currentTimeMillis() - ABANDONED_AFTER.toMillis();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                if (p.getFileName().toString().endsWith(TEMPORARY) && modified(p).toMillis() < abandoned) {
                    Files.deleteIfExists(p);
                }
            }
        }
        if (entries.size() <= kept) {
            return;
        }
        List<Path> newestFirst = new ArrayList<>(entries);
        newestFirst.sort(Comparator.comparing(CompiledRuleCache::modified).reversed());
        for (Path old : newestFirst.subList(kept, newestFirst.size())) {
            Files.deleteIfExists(old);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    /** Worked out once per process: walking a folder of classes takes a few milliseconds. */
    private static final class Build {
        static final String IDENTITY = buildIdentity();
    }

    /**
     * This build of nmaudit: the jar's path, size and time; for classes in a folder (tests, an IDE), the newest
     * class file's time and the count, so a recompiled fact class never meets rules compiled against the old one.
     */
    private static String buildIdentity() {
        try {
            Path code = Path.of(CompiledRuleCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(code)) {
                return code.toAbsolutePath() + "|" + Files.size(code) + "|"
                        + Files.getLastModifiedTime(code).toMillis();
            }
            long newest = 0;
            long count = 0;
            try (Stream<Path> files = Files.walk(code)) {
                for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                    newest = Math.max(newest, Files.getLastModifiedTime(p).toMillis());
                    count++;
                }
            }
            return code.toAbsolutePath() + "|" + count + "|" + newest;
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return null;
        }
    }
}
