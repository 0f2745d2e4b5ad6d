package dev.proxmoxmpc.kernel.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A config text read in two reads in a row is parsed once; what is handed on is only the latest read's. */
class RecentParsesTest {
    private static final String WEB = "{\"cores\":\"2\",\"name\":\"web\"}";
    private static final String DB = "{\"cores\":\"4\",\"name\":\"db\"}";

    @Test
    void theNextReadSharesTheParsedConfigAndTheOneAfterThatDoesNotKeepItAlive() {
        RecentParses first = RecentParses.read();
        Map<String, String> web = first.config(WEB);
        assertThat(web).isEqualTo(Map.of("cores", "2", "name", "web")).isEqualTo(InventoryJson.readMap(WEB));
        assertThat(first.config(WEB)).isSameAs(web);
        assertThatThrownBy(() -> web.put("cores", "8")).isInstanceOf(UnsupportedOperationException.class);
        first.done();

        RecentParses second = RecentParses.read();
        assertThat(second.config(WEB)).as("the same text in the next read").isSameAs(web);
        assertThat(second.config(DB)).isEqualTo(Map.of("cores", "4", "name", "db"));
        second.done();

        RecentParses third = RecentParses.read();
        third.config(DB);
        third.done();
        RecentParses fourth = RecentParses.read();
        assertThat(fourth.config(WEB)).as("two reads later: parsed again").isEqualTo(web).isNotSameAs(web);
        assertThat(fourth.runtime(InventoryJson.writeRuntime(dev.proxmoxmpc.spi.model.GuestRuntime.NONE)))
                .isEqualTo(dev.proxmoxmpc.spi.model.GuestRuntime.NONE);
    }
}
