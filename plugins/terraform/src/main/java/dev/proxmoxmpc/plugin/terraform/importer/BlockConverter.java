package dev.proxmoxmpc.plugin.terraform.importer;

import dev.proxmoxmpc.plugin.terraform.hcl.HclBlock;
import dev.proxmoxmpc.plugin.terraform.hcl.HclValue;
import dev.proxmoxmpc.plugin.terraform.mapping.Unknown;
import dev.proxmoxmpc.plugin.terraform.parse.Ast;
import dev.proxmoxmpc.plugin.terraform.parse.Evaluator;
import dev.proxmoxmpc.spi.diag.Diagnostic;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a parsed resource body into an {@link HclBlock} of evaluated values. An attribute that cannot be evaluated
 * becomes {@link Unknown#VALUE} (its field keeps the base value) and a warning; an attribute or block the mapping
 * does not know is reported too.
 */
final class BlockConverter {
    private final Evaluator eval;
    private final ParsedFile file;
    private final List<Diagnostic> diagnostics;

    BlockConverter(Evaluator eval, ParsedFile file, List<Diagnostic> diagnostics) {
        this.eval = eval;
        this.file = file;
        this.diagnostics = diagnostics;
    }

    /**
     * @param known block path ({@code ""} for the resource, {@code disk}, {@code initialization.dns}) -> the names
     *              the mapping reads there; a path missing from the map is not checked
     */
    HclBlock convert(Ast.Block block, String path, Map<String, Set<String>> known, String resource) {
        HclBlock out = new HclBlock(block.type(), block.labels().toArray(String[]::new)).at(block.line());
        Set<String> names = known.get(path);
        for (Ast.Item item : block.body().items()) {
            String name = item instanceof Ast.Attribute a ? a.name() : ((Ast.Block) item).type();
            if (path.isEmpty() && Meta.IGNORED.contains(name)) {
                continue;
            }
            if (names != null && !names.contains(name)) {
                warn(item.line(), resource + ": " + (path.isEmpty() ? "" : path + ".") + name
                        + " is not mapped by proxmox-mpc (ignored; the guest keeps its current value)");
                continue;
            }
            if (item instanceof Ast.Attribute a) {
                out.lineOf(a.name(), a.line());
                out.attr(a.name(), value(a, resource));
            } else {
                Ast.Block b = (Ast.Block) item;
                out.add(convert(b, path.isEmpty() ? b.type() : path + "." + b.type(), known, resource));
            }
        }
        return out;
    }

    private Object value(Ast.Attribute a, String resource) {
        try {
            Object v = eval.eval(a.value());
            return v == null ? Unknown.VALUE : HclValue.normalize(v);
        } catch (Evaluator.NotEvaluable e) {
            warn(a.line(), resource + "." + a.name() + ": cannot evaluate " + e.getMessage()
                    + " (kept as in the current state)");
            return Unknown.VALUE;
        }
    }

    private void warn(int line, String message) {
        diagnostics.add(Diagnostic.warning(message, file.at(line)));
    }
}
