package org.nmaudit.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Folders are recorded absolute and shown relative only below the working directory. */
class FolderNamesTest {
    private static final Path HERE = Path.of("").toAbsolutePath();

    @Test
    void aFolderBelowTheWorkingDirectoryIsShownRelative() {
        assertEquals(Path.of("data", "sample").toString(), FolderNames.shown(HERE.resolve("data/sample").toString()));
        assertEquals(".", FolderNames.shown(HERE.toString()));
    }

    @Test
    void aFolderElsewhereIsShownAbsoluteWhereverTheProjectIsCheckedOut() {
        String elsewhere = HERE.getRoot().resolve("nmaudit-elsewhere").resolve("data").toString();
        assertEquals(elsewhere, FolderNames.shown(elsewhere));
        String sibling = HERE.resolveSibling(HERE.getFileName() + "-beside").toString();
        assertEquals(sibling, FolderNames.shown(sibling), "never ../name");
    }

    @Test
    void aDatabaseOrAnOldRelativeNameIsShownAsRecorded() {
        assertEquals("claim history nmaudit-history/", FolderNames.shown("claim history nmaudit-history/"));
        assertEquals("rules", FolderNames.shown("rules"));
    }

    @Test
    void aRelativeAndAnAbsoluteNameOfOneFolderAreTheSameFolder() {
        assertTrue(FolderNames.same("rules", HERE.resolve("rules").toString()));
        assertTrue(FolderNames.same("data/../rules", "rules"));
        assertFalse(FolderNames.same("rules", "my-rules"));
        assertTrue(FolderNames.same(null, null));
        assertFalse(FolderNames.same(null, "rules"));
    }
}
