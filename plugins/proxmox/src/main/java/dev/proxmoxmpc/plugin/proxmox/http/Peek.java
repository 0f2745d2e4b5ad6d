package dev.proxmoxmpc.plugin.proxmox.http;

import dev.proxmoxmpc.spi.provider.ProviderException;
import dev.proxmoxmpc.spi.provider.ProviderException.Kind;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/** Reads a server's certificate fingerprint with one TLS handshake that trusts anything. */
public final class Peek {
    private Peek() {}

    /**
     * @return the leaf certificate's SHA-256 fingerprint, colon-separated upper-case hex
     * @throws ProviderException (CONNECTION/TIMEOUT) when the server cannot be reached
     */
    public static String fingerprint(URI url, Duration timeout) {
        TlsSetup any = TlsSetup.trustAll();
        int port = url.getPort() < 0 ? 8006 : url.getPort();
        try (SSLSocket socket = (SSLSocket) any.context().getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            socket.setSoTimeout((int) timeout.toMillis());
            socket.startHandshake();
            return any.lastSeenFingerprint().orElseThrow(() ->
                    new ProviderException(Kind.TLS, "TLS: " + url + " presented no certificate"));
        } catch (java.net.SocketTimeoutException e) {
            throw new ProviderException(Kind.TIMEOUT, "cannot reach " + url + ": timed out after " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw new ProviderException(Kind.CONNECTION, "cannot connect to " + url + ": " + e.getMessage()
                    + "; check the URL and port (8006)", e);
        }
    }

    /** @return the fingerprint, or {@code ""} when it cannot be read. */
    static String fingerprintOrEmpty(URI url, Duration timeout) {
        try {
            return fingerprint(url, timeout);
        } catch (ProviderException e) {
            return "";
        }
    }
}
