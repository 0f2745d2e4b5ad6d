package dev.proxmoxmpc.plugin.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.proxmoxmpc.plugin.terraform.parse.Ast;
import java.math.BigDecimal;

/** Our syntax tree in the JSON shape @cdktf/hcl2json prints, to compare the two parsers. */
final class HclJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private HclJson() {}

    static ObjectNode body(Ast.Body body, String src) {
        ObjectNode out = F.objectNode();
        for (Ast.Item item : body.items()) {
            if (item instanceof Ast.Attribute a) {
                out.set(a.name(), expr(a.value(), src));
            } else {
                Ast.Block b = (Ast.Block) item;
                ObjectNode node = out;
                String key = b.type();
                for (String label : b.labels()) {
                    node = node.has(key) ? (ObjectNode) node.get(key) : node.putObject(key);
                    key = label;
                }
                ArrayNode list = node.has(key) ? (ArrayNode) node.get(key) : node.putArray(key);
                list.add(body(b.body(), src));
            }
        }
        return out;
    }

    static JsonNode expr(Ast.Expr e, String src) {
        if (e instanceof Ast.Literal l) {
            if (l.value() == null) {
                return F.nullNode();
            }
            return l.value() instanceof Boolean b ? F.booleanNode(b) : number((BigDecimal) l.value());
        }
        if (e instanceof Ast.Template t) {
            StringBuilder sb = new StringBuilder();
            for (Ast.Part p : t.parts()) {
                if (p instanceof Ast.Text x) {
                    sb.append(x.text().replace("${", "$${").replace("%{", "%%{"));
                } else if (p instanceof Ast.Interpolation i) {
                    sb.append("${").append(i.source()).append('}');
                } else {
                    // hcl2json prints directives without the padding and strip markers
                    String d = ((Ast.Directive) p).source().strip();
                    d = d.startsWith("~") ? d.substring(1).strip() : d;
                    d = d.endsWith("~") ? d.substring(0, d.length() - 1).strip() : d;
                    sb.append("%{").append(d).append('}');
                }
            }
            return F.textNode(sb.toString());
        }
        if (e instanceof Ast.Tuple t) {
            ArrayNode a = F.arrayNode();
            t.items().forEach(i -> a.add(expr(i, src)));
            return a;
        }
        if (e instanceof Ast.ObjectCons o) {
            ObjectNode n = F.objectNode();
            for (Ast.Entry en : o.entries()) {
                String key = en.key() instanceof Ast.Traversal tr && tr.steps().isEmpty() ? tr.root()
                        : en.key() instanceof Ast.Template t && t.parts().size() <= 1 ? expr(t, src).asText()
                        : "${" + src.substring(en.key().start(), en.key().end()) + "}";
                n.set(key, expr(en.value(), src));
            }
            return n;
        }
        return F.textNode("${" + src.substring(e.start(), e.end()) + "}");
    }

    private static JsonNode number(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() > 0) {
            return F.numberNode(s.doubleValue());
        }
        long l = s.longValueExact();
        return l == (int) l ? F.numberNode((int) l) : F.numberNode(l);
    }
}
