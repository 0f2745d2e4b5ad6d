package dev.proxmoxmpc.plugin.testing.run;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** Whether a TCP port answers from here. Blocking; thread-safe. */
@FunctionalInterface
public interface Reachability {

    /** The answer for one address and port. */
    enum Answer { OPEN, REFUSED, UNREACHABLE }

    Answer probe(String address, int port);

    /** A real TCP connect with a short timeout: a timeout or no route is UNREACHABLE, a reset REFUSED. */
    static Reachability tcp(int timeoutMillis) {
        return (address, port) -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(address, port), timeoutMillis);
                return Answer.OPEN;
            } catch (SocketTimeoutException e) {
                return Answer.UNREACHABLE;
            } catch (ConnectException e) {
                String m = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
                return m.contains("refused") ? Answer.REFUSED : Answer.UNREACHABLE;
            } catch (IOException | IllegalArgumentException e) {
                return Answer.UNREACHABLE;
            }
        };
    }
}
