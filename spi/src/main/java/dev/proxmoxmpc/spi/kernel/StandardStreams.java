package dev.proxmoxmpc.spi.kernel;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The process's standard input and output, handed to a command that speaks a protocol on them (the MCP server):
 * see {@link KernelContext#claimStandardStreams()}.
 *
 * @param in  standard input
 * @param out standard output, which from then on carries nothing else
 */
@API(status = EXPERIMENTAL, since = "1.1")
public record StandardStreams(InputStream in, OutputStream out) {
    public StandardStreams {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
    }
}
