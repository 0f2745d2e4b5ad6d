package dev.proxmoxmpc.plugin.simulator;

import static dev.proxmoxmpc.plugin.simulator.PveHttp.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameters are checked against schema-subset.json the way the real API checks them. */
class ValidationTest {
    static SimulatorServer server;
    static PveHttp http;

    @BeforeAll
    static void start() {
        server = SimulatorServer.start(SimulatorOptions.builder().scenario("demo").taskDurationMs(50).build());
        http = new PveHttp(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode errors(PveHttp.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.message()).isEqualTo("Parameter verification failed.\n");
        assertThat(r.json().get("data").isNull()).isTrue();
        return r.json().get("errors");
    }

    @Test
    void rejectsAPropertyTheSchemaDoesNotKnow() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("cores", 2, "colour", "blue")));
        assertThat(e.get("colour").asText())
                .isEqualTo("property is not defined in schema and the schema does not allow additional properties");
        assertThat(e.has("cores")).isFalse();
    }

    @Test
    void rejectsTrueAsABooleanInFormEncoding() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("onboot", "true")));
        assertThat(e.get("onboot").asText()).isEqualTo("type check ('boolean') failed - got 'true'");
    }

    @Test
    void acceptsRealJsonBooleansInAJsonBody() {
        PveHttp.Response r = http.send("PUT", "/nodes/pve1/qemu/106/config", "{\"onboot\": false, \"cores\": 3}", "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode cfg = http.get("/nodes/pve1/qemu/106/config").data();
        assertThat(cfg.get("onboot").asInt()).isZero();
        assertThat(cfg.get("cores").asInt()).isEqualTo(3);
    }

    @Test
    void rejectsAValueOutsideTheEnumeration() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("ostype", "beos")));
        assertThat(e.get("ostype").asText()).startsWith("value 'beos' does not have a value in the enumeration 'other, wxp, w2k");
    }

    @Test
    void checksIntegersAndTheirMinimum() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("cores", "two", "sockets", 0)));
        assertThat(e.get("cores").asText()).isEqualTo("type check ('integer') failed - got 'two'");
        assertThat(e.get("sockets").asText()).isEqualTo("value must have a minimum value of 1");
    }

    @Test
    void reportsAMissingRequiredParameter() {
        JsonNode e = errors(http.post("/nodes/pve1/qemu", form("name", "novmid")));
        assertThat(e.get("vmid").asText()).isEqualTo("property is missing and it is not optional");
    }

    @Test
    void checksPropertyStringsFromTheSchemaFormat() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("net1", "virtio,bridge=vmbr0,speed=fast")));
        assertThat(e.get("net1").asText()).isEqualTo("invalid format - invalid key in comma-separated list property: speed");
        JsonNode model = errors(http.put("/nodes/pve1/qemu/100/config", form("net1", "virtioo,bridge=vmbr0")));
        assertThat(model.get("net1").asText()).startsWith("invalid format - format error\nmodel: value 'virtioo' does not have");
        JsonNode mtu = errors(http.put("/nodes/pve1/qemu/100/config", form("net1", "virtio,bridge=vmbr0,mtu=70000")));
        assertThat(mtu.get("net1").asText()).contains("mtu: value must have a maximum value of 65520");
    }

    @Test
    void acceptsLenientBooleansInsidePropertyStringsAndWritesThemAsOneOrZero() {
        PveHttp.Response r = http.put("/nodes/pve1/qemu/106/config", form("net2", "virtio,bridge=vmbr1,firewall=yes"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String net2 = http.get("/nodes/pve1/qemu/106/config").data().get("net2").asText();
        assertThat(net2).matches("virtio=BC:24:11:[0-9A-F]{2}:[0-9A-F]{2}:[0-9A-F]{2},bridge=vmbr1,firewall=1");
    }

    @Test
    void rejectsANumberedKeyBeyondItsRange() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("scsi31", "local-lvm:1")));
        assertThat(e.get("scsi31").asText()).contains("not defined in schema");
    }

    @Test
    void rejectsAPathParameterRepeatedWithAnotherValue() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("vmid", 101, "cores", 2)));
        assertThat(e.get("vmid").asText()).isEqualTo("duplicate parameter (already defined in URI) with conflicting values!");
    }

    @Test
    void rejectsABadTag() {
        JsonNode e = errors(http.put("/nodes/pve1/qemu/100/config", form("tags", "ok;not ok!")));
        assertThat(e.get("tags").asText()).startsWith("invalid format - ");
    }

    @Test
    void refusesABodyOnGet() {
        PveHttp.Response r = http.send("GET", "/version", "a=1", "application/x-www-form-urlencoded");
        assertThat(r.status()).isEqualTo(501);
        assertThat(r.message()).isEqualTo("Unexpected content for method 'GET'\n");
    }
}
