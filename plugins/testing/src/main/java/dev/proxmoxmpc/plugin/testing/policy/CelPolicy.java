package dev.proxmoxmpc.plugin.testing.policy;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import dev.proxmoxmpc.spi.diag.Severity;
import dev.proxmoxmpc.spi.iac.Policy;
import dev.proxmoxmpc.spi.iac.PolicyRequest;
import dev.proxmoxmpc.spi.model.Guest;
import dev.proxmoxmpc.spi.model.GuestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A {@link CustomRule} compiled with Google's CEL: a finding for every guest the expression is false for. */
public final class CelPolicy implements Policy {
    private static final CelCompiler COMPILER = CelCompilerFactory.standardCelCompilerBuilder()
            .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
            .addVar("guest", MapType.create(SimpleType.STRING, SimpleType.DYN))
            .addVar("environment", SimpleType.STRING)
            .setResultType(SimpleType.BOOL)
            .build();
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder().build();

    private final CustomRule rule;
    private final CelRuntime.Program program;

    private CelPolicy(CustomRule rule, CelRuntime.Program program) {
        this.rule = rule;
        this.program = program;
    }

    /**
     * Compiles a rule.
     *
     * @throws PolicyFileException for an expression that does not compile, naming file, line and column
     */
    public static CelPolicy compile(CustomRule rule) {
        try {
            CelAbstractSyntaxTree ast = COMPILER.compile(rule.expr()).getAst();
            return new CelPolicy(rule, RUNTIME.createProgram(ast));
        } catch (CelValidationException e) {
            CelIssue first = e.getErrors().get(0);
            String at = rule.where().at(first.getSourceLocation().getLine(), first.getSourceLocation().getColumn());
            throw new PolicyFileException(at + ": rule '" + rule.id() + "': invalid CEL expression: " + first.getMessage());
        } catch (dev.cel.common.CelException e) {
            throw new PolicyFileException(rule.where().at(1, 0) + ": rule '" + rule.id() + "': " + e.getMessage());
        }
    }

    @Override
    public String id() {
        return rule.id();
    }

    @Override
    public Severity severity() {
        return rule.severity();
    }

    @Override
    public String why() {
        return rule.why();
    }

    @Override
    public String fix() {
        return rule.fix();
    }

    @Override
    public List<Diagnostic> check(PolicyRequest request) {
        List<Diagnostic> out = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            if (!applies(g)) {
                continue;
            }
            String source = (g.kind() == GuestKind.VM ? "vm/" : "ct/") + g.vmid();
            String label = g.name().isEmpty() ? source : g.name();
            Object result;
            try {
                result = program.eval(Map.of("guest", GuestValues.of(g), "environment", request.environment()));
            } catch (CelEvaluationException e) {
                out.add(new Diagnostic(rule.severity(), label + ": rule '" + rule.id() + "' could not be evaluated: " + e.getMessage(),
                        "", source));
                continue;
            }
            if (!Boolean.TRUE.equals(result)) {
                String text = rule.message().isEmpty() ? "does not satisfy " + rule.expr().strip() : rule.message();
                out.add(new Diagnostic(rule.severity(), label + ": " + text, "", source));
            }
        }
        return out;
    }

    private boolean applies(Guest g) {
        return switch (rule.appliesTo()) {
            case "vms" -> g.kind() == GuestKind.VM && !g.template();
            case "containers" -> g.kind() == GuestKind.CONTAINER && !g.template();
            case "templates" -> g.template();
            default -> !g.template();
        };
    }
}
