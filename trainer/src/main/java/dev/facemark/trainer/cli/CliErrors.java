package dev.facemark.trainer.cli;

import dev.facemark.core.data.DataFormatException;
import dev.facemark.core.model.ContractException;
import dev.facemark.trainer.BadInputException;
import picocli.CommandLine;

/**
 * Turns the mistakes a user can make into one line on stderr and a non-zero exit: bad options
 * (exit 2), missing or unreadable inputs (exit 1). Only genuine bugs print a stack trace.
 */
public final class CliErrors {
    public static final int USER_ERROR = 1;
    public static final int USAGE_ERROR = 2;

    private CliErrors() {}

    public static void install(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println("error: " + ex.getMessage());
            ex.getCommandLine().getErr().println("try: " + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help");
            return USAGE_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            String msg = userMessage(ex);
            if (msg == null) throw ex;
            cmd.getErr().println("error: " + msg);
            return USER_ERROR;
        });
    }

    /** The one-line message of a user mistake, or null for a bug. */
    static String userMessage(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof BadInputException || t instanceof DataFormatException || t instanceof ContractException) {
                return t.getMessage();
            }
        }
        return null;
    }
}
