package dev.proxmoxmpc.plugin.proxmox.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hc.core5.http.HttpRequest;

/**
 * User/password auth: {@code POST /access/ticket} gives a ticket (cookie {@code PVEAuthCookie}) and a
 * {@code CSRFPreventionToken} for writes. Tickets live 2 hours; this renews them (by posting the current ticket as
 * the password) once they are older than {@link #RENEW_AFTER}, and logs in afresh when renewal is refused.
 */
final class TicketAuth implements Auth {
    /** Renew well before the 2-hour expiry. */
    static final Duration RENEW_AFTER = Duration.ofMinutes(90);

    private final String username;
    private final String password;
    private final Clock clock;
    private String ticket = "";
    private String csrf = "";
    private Instant issued = Instant.EPOCH;

    TicketAuth(String username, String password, Clock clock) {
        this.username = username;
        this.password = password;
        this.clock = clock;
    }

    @Override
    public String identity() {
        return username;
    }

    @Override
    public synchronized void apply(HttpRequest request, boolean write, PveClient client) {
        ensureTicket(client);
        request.setHeader("Cookie", "PVEAuthCookie=" + URLEncoder.encode(ticket, StandardCharsets.UTF_8));
        if (write) {
            request.setHeader("CSRFPreventionToken", csrf);
        }
    }

    @Override
    public synchronized void invalidate() {
        ticket = "";
    }

    /** @return when the current ticket was issued (for tests), {@link Instant#EPOCH} before login. */
    synchronized Instant issued() {
        return issued;
    }

    private void ensureTicket(PveClient client) {
        if (ticket.isEmpty()) {
            login(client, password);
        } else if (Duration.between(issued, clock.instant()).compareTo(RENEW_AFTER) >= 0) {
            try {
                login(client, ticket);
            } catch (RuntimeException renewalRefused) {
                login(client, password);
            }
        }
    }

    private void login(PveClient client, String secret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("username", username);
        form.put("password", secret);
        JsonNode data = client.login(form);
        ticket = data.path("ticket").asText();
        csrf = data.path("CSRFPreventionToken").asText();
        issued = clock.instant();
    }

    @Override
    public String toString() {
        return "TicketAuth[" + username + "]";
    }
}
