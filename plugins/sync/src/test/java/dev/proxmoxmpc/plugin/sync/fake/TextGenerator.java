package dev.proxmoxmpc.plugin.sync.fake;

import dev.proxmoxmpc.spi.iac.GeneratedFile;
import dev.proxmoxmpc.spi.iac.GenerationRequest;
import dev.proxmoxmpc.spi.iac.GenerationResult;
import dev.proxmoxmpc.spi.iac.Generator;
import dev.proxmoxmpc.spi.model.Guest;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code text/<vmid>.txt} with one {@code key=value} line per config key. */
public final class TextGenerator implements Generator {
    @Override
    public String id() {
        return "text";
    }

    @Override
    public GenerationResult generate(GenerationRequest request) {
        List<GeneratedFile> files = new ArrayList<>();
        for (Guest g : request.desired().guests()) {
            StringBuilder sb = new StringBuilder();
            g.config().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
            files.add(new GeneratedFile("text/" + g.vmid() + ".txt", sb.toString()));
        }
        return new GenerationResult(files, List.of());
    }
}
