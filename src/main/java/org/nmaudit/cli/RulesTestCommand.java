package org.nmaudit.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "test", mixinStandardHelpOptions = true)
public final class RulesTestCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        return 0;
    }
}
