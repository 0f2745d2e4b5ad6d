package dev.proxmoxmpc.plugin.terraform.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HclParserTest {
    private static Object value(String hcl) throws Exception {
        Ast.Body body = HclParser.parse("t.tf", "x = " + hcl + "\n");
        return new Evaluator(Map.of("v", "V"), Map.of()).eval(body.attributes().get(0).value());
    }

    @Test
    void decodesEscapesAndTemplateEscapesInQuotedStrings() throws Exception {
        assertThat(value("\"a\\\"b\\\\c\\nd\\te\\u00e9\\U0001F600 $${x} %%{y}\"")).isEqualTo("a\"b\\c\nd\teé😀 ${x} %{y}");
    }

    @Test
    void readsHeredocsAndStripsCommonIndentation() throws Exception {
        Ast.Body body = HclParser.parse("t.tf", "a = <<-EOT\n    one\n      two\n\n    $${x}\n  EOT\nb = <<EOT\n  raw\nEOT\n");
        Evaluator e = new Evaluator(Map.of(), Map.of());
        assertThat(e.eval(body.attributes().get(0).value())).isEqualTo("one\n  two\n\n${x}\n");
        assertThat(e.eval(body.attributes().get(1).value())).isEqualTo("  raw\n");
    }

    @Test
    void parsesBlocksLabelsListsObjectsAndComments() throws Exception {
        String src = """
                # comment
                // another
                resource "t" "n" { /* inline */
                  list = [1, 2.5, "x",
                    true]
                  obj  = { a = 1, "b" = "c"
                    d : null }
                  nested {}
                  nested { k = -3 }
                }
                """;
        Ast.Body body = HclParser.parse("t.tf", src);
        Ast.Block r = body.blocks().get(0);
        assertThat(r.labels()).containsExactly("t", "n");
        assertThat(r.line()).isEqualTo(3);
        Evaluator e = new Evaluator(Map.of(), Map.of());
        assertThat(e.eval(r.body().attributes().get(0).value())).isEqualTo(List.of(new BigDecimal("1"), new BigDecimal("2.5"), "x", true));
        assertThat(r.body().blocks()).hasSize(2);
        assertThat(e.eval(r.body().blocks().get(1).body().attributes().get(0).value())).isEqualTo(new BigDecimal("-3"));
    }

    @Test
    void parsesExpressionsItCannotEvaluate() {
        String src = """
                a = var.x ? "y" : upper("z")
                b = [for s in var.list : s if s != ""]
                c = { for k, v in local.m : k => v... }
                d = proxmox_virtual_environment_vm.web[*].id
                e = "%{ if var.x }yes%{ else }no%{ endif }"
                f = (1 + 2) * 3 >= 4 && !false || null == null
                """;
        assertThat(HclParser.parse("t.tf", src).attributes()).hasSize(6);
    }

    @Test
    void resolvesVariablesAndLocals() throws Exception {
        Ast.Body body = HclParser.parse("t.tf", "a = \"vm-${var.v}-${local.n[1]}\"\n");
        Ast.Body locals = HclParser.parse("l.tf", "n = [\"a\", \"b\"]\n");
        Evaluator e = new Evaluator(Map.of("v", "V"), Map.of("n", locals.attributes().get(0).value()));
        assertThat(e.eval(body.attributes().get(0).value())).isEqualTo("vm-V-b");
    }

    @Test
    void rejectsAnUnclosedBlockNamingTheLine() {
        assertThatThrownBy(() -> HclParser.parse("broken.tf", "resource \"a\" \"b\" {\n  cores = 2\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageStartingWith("broken.tf:3:");
    }

    @Test
    void rejectsTwoValuesOnOneLine() {
        assertThatThrownBy(() -> HclParser.parse("b.tf", "x {\n  comment = \"x\" \"y\"\n}\n"))
                .isInstanceOf(HclSyntaxException.class).hasMessageContaining("b.tf:2:17").hasMessageContaining("missing newline");
    }

    @Test
    void rejectsRedefinedAttributesUnterminatedStringsAndBadEscapes() {
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = 1\na = 2\n")).hasMessageContaining("b.tf:2:1");
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = \"open\nb = 1\n")).hasMessageContaining("unterminated string");
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = \"\\q\"\n")).hasMessageContaining("invalid escape");
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = <<EOT\nnever closed\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = \"%{ if true }x\"\n")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> HclParser.parse("b.tf", "a = [1, 2\nb = 3\n")).isInstanceOf(HclSyntaxException.class);
    }

    @Test
    void reportsWhyAnExpressionCannotBeEvaluated() {
        Ast.Body body = HclParser.parse("t.tf", "a = var.missing\nb = max(1, 2)\n");
        Evaluator e = new Evaluator(Map.of(), Map.of());
        assertThatThrownBy(() -> e.eval(body.attributes().get(0).value())).hasMessageContaining("var.missing has no default");
        assertThatThrownBy(() -> e.eval(body.attributes().get(1).value())).hasMessageContaining("function call max()");
    }
}
