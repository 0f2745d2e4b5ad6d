package dev.proxmoxmpc.kernel.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class YamlTest {
    record Doc(String name, int port) {}

    @Test
    void stringsThatLookLikeOtherYamlValuesSurviveARoundTrip() throws IOException {
        Map<String, String> values = new TreeMap<>(Map.of("yes", "yes", "number", "0123", "float", "1e3",
                "colon", "a: b", "hash", "#x", "spaces", " x ", "null", "null", "lines", "one\ntwo", "empty", ""));
        String yaml = Yaml.mapper().writeValueAsString(values);
        assertThat(yaml).doesNotStartWith("---");
        assertThat(Yaml.mapper().readValue(yaml, new TypeReference<Map<String, String>>() {})).isEqualTo(values);
    }

    @Test
    void anUnknownKeyIsAnError() {
        assertThatThrownBy(() -> Yaml.mapper().readValue("name: a\nport: 1\nprot: 2\n", Doc.class))
                .isInstanceOf(UnrecognizedPropertyException.class);
    }

    @Test
    void writesPlainScalarsWithoutQuotes() throws IOException {
        assertThat(Yaml.mapper().writeValueAsString(new Doc("pve", 8006))).isEqualTo("name: pve\nport: 8006\n");
    }
}
