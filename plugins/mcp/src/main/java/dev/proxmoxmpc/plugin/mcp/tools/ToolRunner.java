package dev.proxmoxmpc.plugin.mcp.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import dev.proxmoxmpc.spi.command.CapturedRun;
import dev.proxmoxmpc.spi.command.ExitCode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a tool call as its command line, with {@code --json}, through the kernel (the same path, audit log and locks
 * as a typed command), and turns the captured output into the tool's answer. A desired-state tool answers with the
 * plan that results. Confirmation of server-changing calls is the caller's job ({@link #run} is only reached after
 * the person said yes). Every text is passed through the {@link Redaction}.
 */
public final class ToolRunner {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Function<String, CapturedRun> kernel;
    private final Redaction redaction;

    /**
     * @param kernel    runs a command line with its output captured ({@code ctx::capture})
     * @param redaction the guard against secrets
     */
    public ToolRunner(Function<String, CapturedRun> kernel, Redaction redaction) {
        this.kernel = kernel;
        this.redaction = redaction;
    }

    /**
     * @param tool      the tool
     * @param arguments the call's arguments
     * @param confirmed whether the person confirmed (a server-changing call then runs with {@code --yes})
     */
    public ToolOutcome run(CommandTool tool, Map<String, Object> arguments, boolean confirmed) {
        String line;
        try {
            line = Lines.build(tool, arguments);
        } catch (ToolInputException e) {
            return ToolOutcome.failed(e.getMessage());
        }
        if (tool.safety() == Safety.SERVER_CHANGING && !confirmed) {
            return ToolOutcome.failed(tool.name() + " changes the server and was not confirmed by the person");
        }
        // desired-state changes are local and shown as a plan; server changes were confirmed by the person
        boolean yes = tool.safety() != Safety.READ;
        ToolOutcome outcome = outcome(kernel.apply(line + " --json" + (yes ? " --yes" : "")));
        if (outcome.error() || tool.safety() != Safety.DESIRED_STATE) {
            return outcome;
        }
        ToolOutcome plan = outcome(kernel.apply("plan --json"));
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("result", outcome.structured());
        if (plan.error()) {
            both.put("plan_error", plan.text());
        } else {
            both.put("plan", plan.structured());
        }
        return new ToolOutcome(false, text(both), both);
    }

    /** @return the text with every known secret blanked out */
    public String redact(String text) {
        return redaction.apply(text);
    }

    /** @return the answer for a captured run: its JSON document, or its one-line error */
    public ToolOutcome outcome(CapturedRun run) {
        String out = redaction.apply(run.out()).strip();
        if (!run.result().succeeded()) {
            return ToolOutcome.failed(errorLine(run));
        }
        Map<String, Object> structured = new LinkedHashMap<>();
        if (out.isEmpty()) {
            structured.put("result", null);
        } else {
            try {
                JsonNode doc = JSON.readTree(out);
                if (doc.isObject()) {
                    structured = JSON.convertValue(doc, new TypeReference<LinkedHashMap<String, Object>>() { });
                } else {
                    structured.put("result", JSON.convertValue(doc, Object.class));
                }
            } catch (JsonProcessingException e) {
                structured.put("result", out); // a command without a JSON form printed text
            }
        }
        if (run.result().exitCode() == ExitCode.CHANGES_PENDING) {
            structured.putIfAbsent("changes_pending", true);
        }
        return new ToolOutcome(false, out.isEmpty() ? "ok" : out, structured);
    }

    private String errorLine(CapturedRun run) {
        String err = redaction.apply(run.err()).strip();
        String line = err.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> b).orElse("");
        if (line.isEmpty()) {
            line = redaction.apply(run.result().message());
        }
        if (line.isEmpty()) {
            line = "failed with exit code " + run.result().exitCode().code();
        }
        return line.replaceFirst("^(error|Error):\\s*", "");
    }

    private static String text(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
