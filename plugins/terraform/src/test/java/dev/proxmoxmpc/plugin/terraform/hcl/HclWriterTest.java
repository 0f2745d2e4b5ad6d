package dev.proxmoxmpc.plugin.terraform.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The alignment rules of terraform fmt (hclwrite's formatCells), as HclWriter follows them. */
class HclWriterTest {
    @Test
    void alignsTheEqualsOfConsecutiveSingleLineAttributes() {
        HclBlock b = new HclBlock("x").attr("a", 1).attr("long_name", "v").attr("list", List.of("p", "q"));
        assertThat(HclWriter.write(b)).isEqualTo("""
                x {
                  a         = 1
                  long_name = "v"
                  list      = ["p", "q"]
                }
                """);
    }

    @Test
    void aValueThatOpensABracketStandsOutsideTheGroupWithOneSpace() {
        HclBlock b = new HclBlock("output", "o").attr("description", "d")
                .attr("value", new HclValue.Expr("{\n    a = 1\n  }")).attr("sensitive", true);
        assertThat(HclWriter.write(b)).isEqualTo("""
                output "o" {
                  description = "d"
                  value = {
                    a = 1
                  }
                  sensitive = true
                }
                """);
    }

    @Test
    void aHeredocStaysInItsGroupAndTheGroupGoesOnAfterIt() {
        HclBlock b = new HclBlock("r").attr("name", "n").attr("description", "two\nlines\n").attr("scsi_hardware", "v");
        assertThat(HclWriter.write(b)).isEqualTo("""
                r {
                  name          = "n"
                  description   = <<-EOT
                    two
                    lines
                  EOT
                  scsi_hardware = "v"
                }
                """);
    }

    @Test
    void aCommentANestedBlockOrABlankLineEndsTheGroup() {
        HclBlock b = new HclBlock("r").attr("a", 1).comment("note").attr("bbbb", 2);
        b.block("inner").attr("c", 3);
        b.attr("dd", 4);
        assertThat(HclWriter.write(b)).isEqualTo("""
                r {
                  a = 1
                  # note
                  bbbb = 2

                  inner {
                    c = 3
                  }

                  dd = 4
                }
                """);
    }
}
