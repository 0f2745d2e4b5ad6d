package dev.proxmoxmpc.kernel.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line of {@code proxmox-mpc}, parsed by picocli; the words after the first command word are the command's. */
@Command(name = "proxmox-mpc", sortOptions = false,
        description = "Turns a Proxmox VE cluster into Infrastructure-as-Code and keeps server, state and files in step.",
        footer = {"", "Without COMMAND and -c: the interactive console on a terminal, else one command a line from standard input.",
            "Examples:", "  proxmox-mpc -c '/status; list vms'", "  proxmox-mpc plan --json", "  proxmox-mpc run nightly.mpc --keep-going",
            "Exit codes: 0 ok, 1 failure, 2 usage error, 3 changes pending (with --detailed-exitcode)."})
final class GlobalOptions {
    @Option(names = "--version", description = "Print the version and exit.")
    boolean version;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-c", "--command"}, paramLabel = "'CMD; CMD'", description = "Run commands (separated by ';') and exit.")
    List<String> commands = new ArrayList<>();

    @Option(names = "--project", paramLabel = "DIR",
            description = "The project directory (default: the nearest directory upwards with .proxmox/, else the current one).")
    Path project;

    @Option(names = "--json", description = "Machine-readable output from every command that prints a result.")
    boolean json;

    @Option(names = {"-y", "--yes"}, description = "Answer yes to every confirmation.")
    boolean yes;

    @Option(names = "--no-color", description = "No colours (also: the NO_COLOR environment variable).")
    boolean noColor;

    @Option(names = "--detailed-exitcode", description = "Exit 3 when a command reports changes pending.")
    boolean detailedExitcode;

    @Option(names = "--keep-going", description = "In batch mode, go on after a failing command.")
    boolean keepGoing;

    @Option(names = {"-i", "--interactive"},
            description = "After -c or COMMAND, stay in the interactive console (on a terminal).")
    boolean stay;

    @Option(names = "--debug", description = "Show stack traces.")
    boolean debug;

    @Parameters(paramLabel = "COMMAND", description = "A command and its arguments (proxmox-mpc sync, proxmox-mpc list vms).")
    List<String> words = new ArrayList<>();

    /** Takes kernel flags that came after the command word out of {@link #words}. */
    void liftTrailingFlags() {
        List<String> rest = new ArrayList<>();
        boolean literal = false;
        for (String w : words) {
            if (literal) {
                rest.add(w);
                continue;
            }
            switch (w) {
                case "--detailed-exitcode" -> detailedExitcode = true;
                case "--keep-going" -> keepGoing = true;
                case "--debug" -> debug = true;
                case "--no-color" -> noColor = true;
                default -> {
                    literal = w.equals("--");
                    rest.add(w);
                }
            }
        }
        words = rest;
    }
}
