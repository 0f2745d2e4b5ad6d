package dev.proxmoxmpc.plugin.mcp.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.proxmoxmpc.plugin.mcp.tools.Catalog;
import dev.proxmoxmpc.plugin.mcp.tools.CommandTool;
import dev.proxmoxmpc.plugin.mcp.tools.Lines;
import dev.proxmoxmpc.plugin.mcp.tools.ToolInputException;
import dev.proxmoxmpc.plugin.mcp.tools.ToolOutcome;
import dev.proxmoxmpc.plugin.mcp.tools.ToolRunner;
import dev.proxmoxmpc.spi.command.AssistantTool.Safety;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncResourceTemplateSpecification;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ElicitResult;
import io.modelcontextprotocol.spec.McpSchema.ReadResourceResult;
import io.modelcontextprotocol.spec.McpSchema.TextResourceContents;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the MCP server (the official Java SDK, stdio transport): the catalogue's tools, the project's generated
 * files and the last plan as resources, and the prompts. Server-changing tools ask the person through MCP
 * elicitation before each call.
 */
public final class McpServerSetup {
    private static final Logger LOG = LoggerFactory.getLogger(McpServerSetup.class);
    static final String LAST_PLAN = "proxmox-mpc://plan/last";
    private final Catalog catalog;
    private final ToolRunner runner;
    private final ProjectFiles files;
    private final Function<String, dev.proxmoxmpc.spi.command.CapturedRun> kernel;
    private final AtomicReference<String> lastPlan = new AtomicReference<>();
    private final McpJsonMapper json = new JacksonMcpJsonMapper(new ObjectMapper());

    public McpServerSetup(Catalog catalog, ToolRunner runner, ProjectFiles files,
                          Function<String, dev.proxmoxmpc.spi.command.CapturedRun> kernel) {
        this.catalog = catalog;
        this.runner = runner;
        this.files = files;
        this.kernel = kernel;
    }

    /** @return the running server on these streams */
    public McpSyncServer start(InputStream in, OutputStream out, String version) {
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, in, out);
        List<SyncToolSpecification> tools = new ArrayList<>();
        for (CommandTool t : catalog.tools()) {
            tools.add(new SyncToolSpecification(tool(t), (exchange, request) -> call(t, exchange, request.arguments())));
        }
        return McpServer.sync(transport)
                .serverInfo("proxmox-mpc", version)
                .jsonMapper(json)
                .jsonSchemaValidator(new DefaultJsonSchemaValidator(new ObjectMapper()))
                .instructions("proxmox-mpc keeps a Proxmox VE cluster as code. Read tools change nothing; desired-state "
                        + "tools change only the project's desired state and answer with the plan; nothing reaches "
                        + "the server until a person applies a saved plan.")
                .requestTimeout(Duration.ofHours(1))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).resources(false, false)
                        .prompts(false).build())
                .tools(tools)
                .resources(resources())
                .resourceTemplates(template())
                .prompts(prompts())
                .build();
    }

    private McpSchema.Tool tool(CommandTool t) {
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("type", "object");
        output.put("description", "the command's --json document (an array or value under \"result\")"
                + (t.safety() == Safety.DESIRED_STATE ? ", with the resulting plan under \"plan\"" : ""));
        return McpSchema.Tool.builder()
                .name(t.name())
                .title(t.command())
                .description(t.description())
                .inputSchema(t.inputSchema())
                .outputSchema(output)
                .annotations(McpSchema.ToolAnnotations.builder()
                        .readOnlyHint(t.safety() == Safety.READ)
                        .destructiveHint(t.safety() == Safety.SERVER_CHANGING)
                        .openWorldHint(t.safety() == Safety.SERVER_CHANGING)
                        .build())
                .build();
    }

    CallToolResult call(CommandTool t, McpSyncServerExchange exchange, Map<String, Object> args) {
        ToolOutcome outcome;
        try {
            boolean confirmed = false;
            if (t.safety() == Safety.SERVER_CHANGING) {
                String line = Lines.build(t, args);
                String refusal = confirm(exchange, line);
                if (refusal != null) {
                    return result(ToolOutcome.failed(refusal));
                }
                confirmed = true;
            }
            outcome = runner.run(t, args, confirmed);
        } catch (ToolInputException e) {
            outcome = ToolOutcome.failed(e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("tool {} failed", t.name(), e);
            outcome = ToolOutcome.failed(t.name() + " failed: " + e.getMessage());
        }
        if (!outcome.error() && (t.command().equals("plan") || t.safety() == Safety.DESIRED_STATE)) {
            Object plan = t.command().equals("plan") ? outcome.structured() : outcome.structured().get("plan");
            if (plan != null) {
                lastPlan.set(pretty(plan));
            }
        }
        return result(outcome);
    }

    /** @return null when the person confirmed, else why the call is refused */
    private String confirm(McpSyncServerExchange exchange, String line) {
        McpSchema.ClientCapabilities caps = exchange.getClientCapabilities();
        if (caps == null || caps.elicitation() == null) {
            return "this MCP client cannot ask the person to confirm (no elicitation support), so '" + line
                    + "' was not run; run it in proxmox-mpc yourself";
        }
        Map<String, Object> confirm = new LinkedHashMap<>();
        confirm.put("type", "boolean");
        confirm.put("title", "Run it");
        confirm.put("description", "Yes: run '" + line + "' against the server now");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("confirm", confirm));
        schema.put("required", List.of("confirm"));
        ElicitResult answer;
        try {
            answer = exchange.createElicitation(McpSchema.ElicitRequest.builder()
                    .message("The assistant asks to run `" + line + "` in proxmox-mpc. It changes the Proxmox VE "
                            + "server. Confirm?")
                    .requestedSchema(schema)
                    .build());
        } catch (RuntimeException e) {
            return "the person could not be asked to confirm '" + line + "': " + e.getMessage();
        }
        if (answer == null || answer.action() != ElicitResult.Action.ACCEPT) {
            return "the person did not confirm '" + line + "'; nothing was changed";
        }
        Object yes = answer.content() == null ? null : answer.content().get("confirm");
        if (!Boolean.TRUE.equals(yes)) {
            return "the person did not confirm '" + line + "'; nothing was changed";
        }
        return null;
    }

    private static CallToolResult result(ToolOutcome o) {
        CallToolResult.Builder b = CallToolResult.builder().addTextContent(o.text()).isError(o.error());
        if (!o.error() && o.structured() != null) {
            b.structuredContent(o.structured());
        }
        return b.build();
    }

    private List<SyncResourceSpecification> resources() {
        List<SyncResourceSpecification> out = new ArrayList<>();
        for (String path : files.list()) {
            String uri = ProjectFiles.PREFIX + path;
            McpSchema.Resource r = McpSchema.Resource.builder().uri(uri).name(path)
                    .description("generated by proxmox-mpc: " + path).mimeType(ProjectFiles.mimeType(path)).build();
            out.add(new SyncResourceSpecification(r, (exchange, request) -> readFile(request.uri())));
        }
        McpSchema.Resource plan = McpSchema.Resource.builder().uri(LAST_PLAN).name("last plan")
                .description("the plan from the last plan or desired-state tool call, else a fresh one (plan --json)")
                .mimeType("application/json").build();
        out.add(new SyncResourceSpecification(plan, (exchange, request) -> readPlan()));
        return out;
    }

    private List<SyncResourceTemplateSpecification> template() {
        McpSchema.ResourceTemplate t = McpSchema.ResourceTemplate.builder()
                .uriTemplate(ProjectFiles.PREFIX + "{+path}").name("project file")
                .description("any file proxmox-mpc generated under terraform/, ansible/, docs/, scripts/, tests/ or "
                        + "monitoring/").build();
        return List.of(new SyncResourceTemplateSpecification(t, (exchange, request) -> readFile(request.uri())));
    }

    private ReadResourceResult readFile(String uri) {
        String text = files.read(uri).orElseThrow(() -> new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(
                McpSchema.ErrorCodes.INVALID_PARAMS, "no generated file " + uri, null)));
        String path = uri.substring(ProjectFiles.PREFIX.length());
        return new ReadResourceResult(List.of(new TextResourceContents(uri, ProjectFiles.mimeType(path),
                runnerRedact(text))));
    }

    private ReadResourceResult readPlan() {
        String plan = lastPlan.get();
        if (plan == null) {
            ToolOutcome o = runner.outcome(kernel.apply("plan --json"));
            if (o.error()) {
                throw new McpError(new McpSchema.JSONRPCResponse.JSONRPCError(McpSchema.ErrorCodes.INTERNAL_ERROR,
                        o.text(), null));
            }
            plan = pretty(o.structured());
            lastPlan.set(plan);
        }
        return new ReadResourceResult(List.of(new TextResourceContents(LAST_PLAN, "application/json", plan)));
    }

    private List<SyncPromptSpecification> prompts() {
        List<SyncPromptSpecification> out = new ArrayList<>();
        for (Prompts.Prompt p : Prompts.all()) {
            List<McpSchema.PromptArgument> args = new ArrayList<>();
            p.arguments().forEach((name, description) ->
                    args.add(new McpSchema.PromptArgument(name, description, p.required().contains(name))));
            out.add(new SyncPromptSpecification(new McpSchema.Prompt(p.name(), p.description(), args),
                    (exchange, request) -> new McpSchema.GetPromptResult(p.description(), List.of(
                            new McpSchema.PromptMessage(McpSchema.Role.USER,
                                    new McpSchema.TextContent(Prompts.text(p.name(), request.arguments())))))));
        }
        return out;
    }

    private String runnerRedact(String text) {
        return runner.redact(text);
    }

    private String pretty(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (java.io.IOException e) {
            return String.valueOf(value);
        }
    }
}
