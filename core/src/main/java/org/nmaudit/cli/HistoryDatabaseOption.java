package org.nmaudit.cli;

import org.nmaudit.history.HistoryException;
import org.nmaudit.history.HistoryStore;
import org.nmaudit.history.StoreLocation;
import picocli.CommandLine.Option;

/** --db of the commands that use the claim history. */
final class HistoryDatabaseOption {
    static final String DEFAULT_SHOWN = StoreLocation.DEFAULT_FOLDER + "/history.mv.db";

    @Option(names = "--db", paramLabel = "URL",
            description = "The history database: jdbc:postgresql://HOST[:PORT]/DATABASE, or jdbc:h2:file:PATH for an"
                    + " embedded file (default: " + DEFAULT_SHOWN + " under the working folder, created on first"
                    + " use). User and password come from the environment variables NMAUDIT_DB_USER and"
                    + " NMAUDIT_DB_PASSWORD; a URL holding a password is refused.")
    String url;

    /** Opens (and migrates) the store with the credentials of the environment. */
    HistoryStore open() throws HistoryException {
        return HistoryStore.open(url);
    }

    /**
     * The store of a server: a pool of at most {@code maxConnections} (it answers requests at once), see
     * {@link HistoryStore#openForServing}.
     */
    HistoryStore openForServing(int maxConnections) throws HistoryException {
        return HistoryStore.openForServing(org.nmaudit.history.StoreLocation.of(url),
                org.nmaudit.history.Credentials.fromEnvironment(), maxConnections);
    }
}
