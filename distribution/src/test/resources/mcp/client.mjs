// Drives `proxmox-mpc mcp` over stdio with the official TypeScript MCP client and prints one JSON document of
// what it saw. Usage: node client.mjs LAUNCHER PROJECT_DIR STEPS_JSON
// The server's environment comes from MPC_ENV_* variables (MPC_ENV_HOME=... becomes HOME=...).
// STEPS_JSON: {"allowApply": bool, "elicit": "accept"|"decline"|"none", "calls": [{"tool": name, "arguments": {...}}],
//              "resources": [uri...], "prompts": [{"name": ..., "arguments": {...}}]}
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const [launcher, project, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const env = {};
for (const [k, v] of Object.entries(process.env)) {
  if (k.startsWith("MPC_ENV_")) env[k.substring("MPC_ENV_".length)] = v;
}
env.PATH = process.env.PATH;

const capabilities = steps.elicit === "none" ? {} : { elicitation: {} };
const client = new Client({ name: "proxmox-mpc-it", version: "1.0.0" }, { capabilities });
const elicitations = [];
if (steps.elicit !== "none") {
  client.setRequestHandler(ElicitRequestSchema, async (request) => {
    elicitations.push(request.params);
    return steps.elicit === "accept" ? { action: "accept", content: { confirm: true } } : { action: "decline" };
  });
}
const args = ["mcp", "--project", project];
if (steps.allowApply) args.push("--allow-apply");
const transport = new StdioClientTransport({ command: launcher, args, env, cwd: project, stderr: "pipe" });
let stderr = "";
transport.stderr?.on("data", (d) => { stderr += d.toString(); });

const out = { calls: [], resources: [], prompts: [] };
try {
  await client.connect(transport);
  out.server = client.getServerVersion();
  out.tools = (await client.listTools()).tools;
  for (const call of steps.calls ?? []) {
    try {
      out.calls.push({ tool: call.tool, result: await client.callTool({ name: call.tool, arguments: call.arguments ?? {} }) });
    } catch (e) {
      out.calls.push({ tool: call.tool, protocolError: String(e.message ?? e) });
    }
  }
  out.resourceList = (await client.listResources()).resources;
  for (const uri of steps.resources ?? []) {
    try {
      out.resources.push({ uri, result: await client.readResource({ uri }) });
    } catch (e) {
      out.resources.push({ uri, protocolError: String(e.message ?? e) });
    }
  }
  out.promptList = (await client.listPrompts()).prompts;
  for (const p of steps.prompts ?? []) {
    out.prompts.push({ name: p.name, result: await client.getPrompt({ name: p.name, arguments: p.arguments ?? {} }) });
  }
} catch (e) {
  out.fatal = String(e.stack ?? e);
} finally {
  out.elicitations = elicitations;
  await client.close().catch(() => {});
  out.stderr = stderr;
  process.stdout.write(JSON.stringify(out) + "\n");
}
