package dev.proxmoxmpc.plugin.cicd.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated .gitlab-ci.yml against GitLab's own CI JSON schema (src/test/resources/gitlab-ci, see its README). */
class GitLabSchemaTest {
    @TempDir
    Path root;

    private static Schema gitlabSchema() throws IOException {
        try (InputStream in = GitLabSchemaTest.class.getResourceAsStream("/gitlab-ci/ci.json")) {
            JsonNode schema = new ObjectMapper().readTree(in);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(schema);
        }
    }

    @Test
    void theGeneratedPipelineIsValidAgainstGitLabsSchema() throws IOException {
        JsonNode pipeline = Pipelines.yaml(Pipelines.text(new GitLabCiExporter(),
                Pipelines.context(root, Map.of("runner_labels", List.of("proxmox", "lan"), "main_branch", "trunk"))));
        List<Error> errors = gitlabSchema().validate(pipeline);
        assertThat(errors).extracting(e -> e.getInstanceLocation() + ": " + e.getMessage()).isEmpty();
    }

    @Test
    void theSchemaCatchesABrokenApprovalGate() throws IOException {
        ObjectNode pipeline = (ObjectNode) Pipelines.yaml(Pipelines.text(new GitLabCiExporter(), Pipelines.context(root, Map.of())));
        ((ObjectNode) pipeline.at("/apply/rules/0")).put("when", "by-hand");
        assertThat(gitlabSchema().validate(pipeline)).isNotEmpty();
    }
}
